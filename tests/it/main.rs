//! The integration tests, in one crate so that they link once. One module per
//! area; a test's name is its module path (`cargo test store_app::` runs one
//! area, `cargo test crash` one test).
//!
//! - The pure engine with a fixed clock: `engine_scenarios`.
//! - `App` on a temporary data directory: `store_app`, `staff`,
//!   `faq_routing`, `faq_eval`, `concurrency`, `bad_input`, `roster`.
//! - The binary (`CARGO_BIN_EXE_seikyu-navi`) over pipes: `console`,
//!   `bad_input`, `roster`, `crash` (SIGKILL).
//! - The binary's serenity client against the fake Discord
//!   (`dev/fake-discord`): `discord_e2e`.
//! - The locale files against the sources: `locales`; the dependency rule
//!   against the sources: `rules`.
//! - Data safety from outside the process (kills, full disks, crafted
//!   backups, the lock): `durability`; takeover, repeated clicks and
//!   spoofing: `safety`; CSV and config secrets: `exports`.

mod bad_input;
mod concurrency;
mod console;
mod crash;
mod discord_e2e;
mod discord_handoff;
mod durability;
mod engine_scenarios;
mod exports;
mod faq_eval;
mod faq_routing;
mod locales;
mod roster;
mod rules;
mod safety;
mod staff;
mod staff_support;
mod store_app;

mod support;
