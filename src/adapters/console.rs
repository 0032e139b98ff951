//! The console adapter: reads lines from stdin (slash commands or questions)
//! and prints each reply as plain text; the data a reply carries (the
//! summary CSV) is saved to a new file.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::render::plain_text;
use crate::app::{files, App};
use crate::command;
use crate::content::{file_stamp, Lang};
use crate::error::UserError;
use crate::model::{Actor, MAX_NAME};
use crate::reply::{AttachmentKind, Block, Msg, Reply};
use crate::text;

/// Options of the `console` subcommand.
#[derive(Debug, Clone)]
pub struct ConsoleOpts {
    pub channel: String,
    pub user: String,
    pub staff: bool,
    pub lang: Lang,
    /// Where the data a reply carries is saved (the current directory).
    pub files: PathBuf,
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
        let at = now();
        let mut reply = match command::parse_line(line) {
            Ok(input) => guarded(|| app.handle(&opts.channel, &actor, &input, at, opts.lang)),
            Err(e) => Reply::error(e.msg()),
        };
        save_data(&mut reply, &opts.files, at);
        writeln!(out, "{}\n", plain_text(app.content(), opts.lang, &reply))?;
        if interactive {
            write!(out, "> ")?;
        }
        out.flush()?;
    }
    Ok(())
}

/// The reply `handle` gives, or, if it panics (a bug), the internal error
/// the Discord adapter gives too: the console goes on to the next line. The
/// panic itself is printed to stderr by the default hook; what was stored
/// before it stays (each change is one transaction).
fn guarded(handle: impl FnOnce() -> Reply) -> Reply {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(handle))
        .unwrap_or_else(|_| Reply::error(Msg::new("error-internal")))
}

/// Saves the data a reply carries (the summary CSV) to new files in `dir`,
/// named with the time (`summary-2026-11-24T0030.csv`; `-1`, `-2`, … when a
/// file has that name, never written over), and says where each went, or
/// why it could not be saved, in its place. Pictures (the chart) are only
/// named.
fn save_data(reply: &mut Reply, dir: &Path, at: i64) {
    let (data, pictures) = std::mem::take(&mut reply.attachments)
        .into_iter()
        .partition(|a| a.kind == AttachmentKind::Data);
    reply.attachments = pictures;
    for a in data {
        // The name is the bot's own; still, only its last part is used.
        let name = Path::new(&a.name);
        let stem = name.file_stem().map_or("file".into(), |s| s.to_string_lossy());
        let ext = name.extension().map_or("dat".into(), |s| s.to_string_lossy());
        let block = match files::create_new(dir, &format!("{stem}-{}", file_stamp(at)), &ext, &a.bytes) {
            Ok(path) => Block::Success(Msg::new("console-file-saved").str("path", path.display().to_string())),
            Err(e) => Block::Error(
                Msg::new("console-file-failed")
                    .str("name", &a.name)
                    .str("dir", dir.display().to_string())
                    .str("detail", e.to_string()),
            ),
        };
        reply.push(block);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::Attachment;

    fn summary(kind: AttachmentKind) -> Attachment {
        Attachment {
            name: "summary.csv".into(),
            bytes: b"number\n".to_vec(),
            kind,
        }
    }

    #[test]
    fn a_panic_while_handling_a_line_is_the_internal_error_and_the_chat_goes_on() {
        let ok = guarded(|| Reply::error(Msg::new("error-not-registered")));
        assert_eq!(ok.blocks, Reply::error(Msg::new("error-not-registered")).blocks);
        // (The default hook prints this panic in the test's output.)
        let failed = guarded(|| panic!("a bug, caught on purpose"));
        assert_eq!(failed.blocks, Reply::error(Msg::new("error-internal")).blocks);
    }

    #[test]
    fn data_is_saved_and_pictures_only_named() {
        let dir = tempfile::tempdir().unwrap();
        let mut reply = Reply {
            attachments: vec![summary(AttachmentKind::Picture), summary(AttachmentKind::Data)],
            ..Reply::default()
        };
        // 2026-11-24 00:30 JST.
        save_data(&mut reply, dir.path(), 1_795_447_800);
        assert_eq!(reply.attachments, vec![summary(AttachmentKind::Picture)]);
        let path = dir.path().join("summary-2026-11-24T0030.csv");
        assert_eq!(
            reply.blocks,
            vec![Block::Success(
                Msg::new("console-file-saved").str("path", path.display().to_string())
            )]
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"number\n");
    }

    #[test]
    fn a_file_that_cannot_be_saved_is_said_so() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing");
        let mut reply = Reply {
            attachments: vec![summary(AttachmentKind::Data)],
            ..Reply::default()
        };
        save_data(&mut reply, &missing, 1_795_447_800);
        assert!(reply.attachments.is_empty());
        assert!(
            matches!(&reply.blocks[..], [Block::Error(m)] if m.id == "console-file-failed"),
            "{:?}",
            reply.blocks
        );
        assert!(!missing.exists());
    }
}
