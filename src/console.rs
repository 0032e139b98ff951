//! The console adapter: reads lines from stdin (slash commands or questions)
//! and prints each reply as plain text. Also the plain-text renderer used by
//! the CLI.

use std::io::{BufRead, IsTerminal, Write};

use crate::app::App;
use crate::command;
use crate::content::{Content, Lang};
use crate::model::Actor;
use crate::reply::{Block, ButtonAction, Contact, Msg, Reply};

/// Options of the `console` subcommand.
#[derive(Debug, Clone)]
pub struct ConsoleOpts {
    pub channel: String,
    pub user: String,
    pub staff: bool,
    pub lang: Lang,
}

/// The fields of a contact card, localized.
pub fn contact_fields(content: &Content, lang: Lang, c: &Contact) -> Vec<(&'static str, String)> {
    let base = c.id.map(|id| id.msg_id());
    let get = |field: &'static str, over: &Option<String>| -> Option<String> {
        over.clone().or_else(|| {
            let b = base?;
            match field {
                "name" => Some(content.text(lang, &Msg::new(b))),
                _ => content.attr(lang, b, field),
            }
        })
    };
    let mut out = Vec::new();
    for (field, over) in [
        ("name", &c.name),
        ("tel", &c.tel),
        ("fax", &c.fax),
        ("email", &c.email),
        ("url", &c.url),
        ("note", &c.note),
    ] {
        if let Some(v) = get(field, over) {
            out.push((field, v));
        }
    }
    out
}

/// The console command a button stands for.
pub fn button_command(a: &ButtonAction) -> String {
    match a {
        ButtonAction::Done(s) => format!("/done step:{}", s.as_str()),
        ButtonAction::Progress => "/progress".into(),
        ButtonAction::Contact => "/contact".into(),
        ButtonAction::Next => "/next".into(),
        ButtonAction::SummaryPage(n) => format!("/summary page:{n}"),
    }
}

/// Renders a reply as plain text.
pub fn render_text(content: &Content, lang: Lang, reply: &Reply) -> String {
    let t = |m: &Msg| content.text(lang, m);
    let mut out: Vec<String> = Vec::new();
    for b in &reply.blocks {
        match b {
            Block::Title(x) => out.push(format!("■ {}", content.text(lang, x))),
            Block::Text(m) | Block::Success(m) => out.push(t(m)),
            Block::Warning(m) => out.push(format!("※ {}", t(m))),
            Block::Error(m) => out.push(t(m)),
            Block::Field { label, value } => {
                out.push(format!("【{}】", t(label)));
                out.push(
                    t(value)
                        .lines()
                        .map(|l| format!("  {l}"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
            Block::Checklist(items) => {
                for i in items {
                    out.push(format!("{} {}", i.mark.symbol(), t(&i.text)));
                }
            }
            Block::Contact(c) => {
                let fields = contact_fields(content, lang, c);
                for (field, v) in fields {
                    let label = t(&Msg::new(format!("contact-label-{field}")));
                    out.push(format!("{label}: {v}"));
                }
            }
            Block::Lines(lines) => {
                for l in lines {
                    out.push(content.text(lang, &Msg::new("list-item").str("text", content.text(lang, l))));
                }
            }
        }
    }
    for a in &reply.attachments {
        out.push(t(&Msg::new("console-attachment")
            .str("name", &a.name)
            .num("bytes", a.bytes.len() as i64)));
    }
    if !reply.buttons.is_empty() {
        let cmds: Vec<String> = reply
            .buttons
            .iter()
            .map(|b| format!("{} ({})", button_command(&b.action), t(&b.label)))
            .collect();
        out.push(t(&Msg::new("console-actions").str("actions", cmds.join("  "))));
    }
    out.join("\n")
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
            app.content
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
        writeln!(out, "{}\n", render_text(&app.content, opts.lang, &reply))?;
        if interactive {
            write!(out, "> ")?;
        }
        out.flush()?;
    }
    Ok(())
}
