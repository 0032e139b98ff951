//! The integration tests, in one crate so that they link once. One module per
//! area; a test's name is its module path (`cargo test store_app::` runs one
//! area, `cargo test crash` one test).
//!
//! - The pure engine with a fixed clock: `engine_scenarios`, and with it
//!   `certificate_expiry` (also through the store); proxy billing with its
//!   代理人 and vendor-billed offices: `billing_modes` (also through `App`:
//!   export, restore, check, roster, staff summary).
//! - `App` on a temporary data directory: `store_app`, `staff`,
//!   `faq_routing`, `faq_eval`, `concurrency`, `bad_input`, `roster`,
//!   `corrections`; each prefecture's 国保連合会, other billing software and
//!   the billing month: `kokuhoren`; what each kind of message gets:
//!   `intent_chat`; the message bank scored per kind: `intent_eval`.
//! - The binary (`CARGO_BIN_EXE_seikyu-navi`) over pipes: `console`,
//!   `bad_input`, `roster`, `crash` (SIGKILL).
//! - The binary's serenity client against the fake Discord
//!   (`dev/fake-discord`): `discord_e2e`.
//! - Replies as rendered text, read the way a clerk reads them (fields,
//!   `/done`, percentages, contact blocks, the wording): `glance`.
//! - The locale files against the sources: `locales`; the dependency rule
//!   against the sources: `rules`.
//! - Data safety from outside the process (kills, full disks, crafted
//!   backups, the lock): `durability`; takeover, repeated clicks and
//!   spoofing: `safety`; CSV and config secrets: `exports`; what the
//!   previous version stored, and what this one writes: `versions`.

mod bad_input;
mod billing_modes;
mod certificate_expiry;
mod concurrency;
mod console;
mod corrections;
mod crash;
mod discord_e2e;
mod discord_handoff;
mod durability;
mod engine_scenarios;
mod exports;
mod faq_eval;
mod faq_routing;
mod glance;
mod intent_chat;
mod intent_eval;
mod kokuhoren;
mod locales;
mod roster;
mod rules;
mod safety;
mod staff;
mod staff_support;
mod store_app;
mod versions;

mod support;
