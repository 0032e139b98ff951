//! The console adapter: reads lines from stdin (slash commands or questions)
//! and prints each reply as plain text.

use std::io::{BufRead, IsTerminal, Write};

use super::render::plain_text;
use crate::app::App;
use crate::command;
use crate::content::Lang;
use crate::error::UserError;
use crate::model::{Actor, MAX_NAME};
use crate::reply::{Msg, Reply};
use crate::text;

/// Options of the `console` subcommand.
#[derive(Debug, Clone)]
pub struct ConsoleOpts {
    pub channel: String,
    pub user: String,
    pub staff: bool,
    pub lang: Lang,
}

impl ConsoleOpts {
    /// `--channel` and `--user` are input like any other: 1 to [`MAX_NAME`]
    /// characters and none that [`text::clean`] would remove (control codes
    /// such as terminal escapes, line breaks, zero-width and bidi characters),
    /// since they are stored in bindings and history and shown to staff.
    pub fn check(&self) -> Result<(), UserError> {
        for (opt, value) in [("channel", &self.channel), ("user", &self.user)] {
            let fine = !value.trim().is_empty() && value.chars().count() <= MAX_NAME && text::clean(value) == *value;
            if !fine {
                return Err(UserError::BadConsoleOption {
                    opt: opt.to_string(),
                    max: MAX_NAME,
                });
            }
        }
        Ok(())
    }
}

/// Runs the console chat until EOF.
pub fn run(app: &App, opts: &ConsoleOpts, now: impl Fn() -> i64) -> std::io::Result<()> {
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal() && std::io::stdout().is_terminal();
    let mut out = std::io::stdout().lock();
    let actor = Actor {
        id: format!("console:{}", opts.user),
        name: opts.user.clone(),
        staff: opts.staff,
        local: true,
    };
    if interactive {
        writeln!(
            out,
            "{}",
            app.content()
                .text(opts.lang, &Msg::new("console-welcome").str("channel", &opts.channel))
        )?;
        write!(out, "> ")?;
        out.flush()?;
    }
    let mut reader = stdin.lock();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        // Broken UTF-8 is replaced, never fatal.
        let line = String::from_utf8_lossy(&buf);
        let line = line.trim();
        if line.is_empty() {
            if interactive {
                write!(out, "> ")?;
                out.flush()?;
            }
            continue;
        }
        let reply = match command::parse_line(line) {
            Ok(input) => app.handle(&opts.channel, &actor, &input, now(), opts.lang),
            Err(e) => Reply::error(e.msg()),
        };
        writeln!(out, "{}\n", plain_text(app.content(), opts.lang, &reply))?;
        if interactive {
            write!(out, "> ")?;
        }
        out.flush()?;
    }
    Ok(())
}
