//! seikyu-navi: walks Japanese long-term-care offices through starting
//! internet billing to their 国保連合会, answers their questions, routes them
//! to the right helpdesk, and shows staff every office's progress.
//!
//! # Layout
//!
//! ```text
//! adapters/   console, cli/, discord/, render  — where people and programs meet the bot
//!    │  Input, Actor                ▲ Reply
//!    ▼                              │
//! app         App: rate limits → load → engine → store (retry on conflict);
//!             questions, staff views, roster import
//!    │                 │
//!    ▼                 ▼
//! engine/     pure:    store/   the only code that names sled
//! cards, staff, handoff, reminders, faq, contacts, content, text, roster, dump, …
//! model, playbook, reply, command, error, lang, office_number, config
//! ```
//!
//! - [`engine`]: what a command does to an office or a 代理人 (`register`,
//!   `tasks`, `agent`, and `roster`: what one roster row does).
//! - [`store`]: sled trees, one transaction per command flushed before the
//!   reply, bulk writes for the import, export and restore.
//! - [`adapters`]: console, CLI, Discord and the rendering they share.
//! - Pure modules at the top level: [`model`] (records), [`playbook`] (steps,
//!   tasks, modes), [`cards`] (an office's state as a reply), [`staff`],
//!   [`handoff`] (requests for a person and taught answers as replies),
//!   [`reminders`], [`certificate`] (the certificate's expiry), [`faq`],
//!   [`intent`] (with [`classifier`], its second opinion), [`contacts`] (with [`kokuhoren`], each prefecture's 国保連合会 from
//!   `assets/kokuhoren/`), [`content`] (Fluent), [`text`],
//!   [`roster`] (CSV parsing), [`dump`] (the backup format), [`chart`],
//!   [`dashboard`], [`limits`], [`command`], [`reply`], [`error`], [`lang`],
//!   [`office_number`], [`config`].
//!
//! # The dependency rule
//!
//! Arrows point down only: `adapters` → `app` → (`engine`, `store`) → pure
//! modules. Nothing outside `src/adapters/` imports `adapters`; nothing
//! outside `src/store/` names `sled`; the store imports nothing above the
//! records it keeps (no `engine`, no `app`); pure modules import neither the
//! store nor an adapter; the adapters ask `App`, never the store.
//! `tests/rules.rs` fails when one of these is broken.

pub mod adapters;
pub mod app;
pub mod cards;
pub mod certificate;
pub mod chart;
pub mod classifier;
pub mod command;
pub mod config;
pub mod contacts;
pub mod content;
pub mod dashboard;
pub mod dump;
pub mod engine;
pub mod error;
pub mod faq;
pub mod handoff;
pub mod intent;
pub mod kokuhoren;
pub mod lang;
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
