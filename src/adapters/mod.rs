//! The adapters: where a person or a program meets the bot. Each turns its
//! input into an `Input` and an `Actor`, calls [`crate::app::App`], and draws
//! the `Reply`. Nothing outside this folder imports it.
//!
//! - `render`: plain-text rendering and the pieces every adapter shares
//! - `console`: the chat on stdin/stdout
//! - `cli`: the `seikyu-navi` command line and its subcommands
//! - `discord`: the serenity client (cargo feature `discord`, on by default)

pub mod cli;
pub mod console;
#[cfg(feature = "discord")]
pub mod discord;
pub mod render;
