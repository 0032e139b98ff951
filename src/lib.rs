//! seikyu-navi: walks Japanese long-term-care offices through starting
//! internet billing to their 国保連合会. See ARCHITECTURE.md.

pub mod app;
pub mod chart;
pub mod command;
pub mod config;
pub mod console;
pub mod contacts;
pub mod content;
pub mod dashboard;
#[cfg(feature = "discord")]
pub mod discord;
pub mod dump;
pub mod engine;
pub mod error;
pub mod faq;
pub mod limits;
pub mod model;
pub mod office_number;
pub mod playbook;
pub mod reminders;
pub mod reply;
pub mod roster;
pub mod staff;
pub mod store;
pub mod text;
