//! seikyu-navi: walks Japanese long-term-care offices through starting
//! internet billing to their 国保連合会. See ARCHITECTURE.md.

pub mod app;
pub mod command;
pub mod config;
pub mod console;
pub mod contacts;
pub mod content;
pub mod discord;
pub mod engine;
pub mod error;
pub mod faq;
pub mod model;
pub mod office_number;
pub mod playbook;
pub mod reply;
pub mod staff;
pub mod store;
pub mod text;
