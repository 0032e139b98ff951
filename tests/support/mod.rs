//! Shared helpers for the integration tests (`mod support;`).

pub mod fake_discord;
