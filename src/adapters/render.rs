//! Rendering shared by the adapters: a contact card's localized fields, the
//! console command a button stands for, list items, and a whole reply as
//! plain text (the console and the CLI print it; Discord draws embeds from
//! the same parts).

use crate::content::{Content, Lang};
use crate::reply::{Arg, Block, ButtonAction, Contact, Msg, Reply};

/// One line of a `Block::Lines` list, with its bullet.
pub fn list_item(content: &Content, lang: Lang, line: &Msg) -> String {
    content.text(lang, &Msg::new("list-item").str("text", content.text(lang, line)))
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
        ButtonAction::Done(t) => format!("/done step:{}", t.as_str()),
        ButtonAction::Progress => "/progress".into(),
        ButtonAction::Contact => "/contact".into(),
        ButtonAction::Next => "/next".into(),
        ButtonAction::SummaryPage(n) => format!("/summary page:{n}"),
        ButtonAction::AskStaff => "/ask-staff".into(),
    }
}

/// `s` with every control character but `keep` shown as U+FFFD.
fn inert(s: &str, keep: Option<char>) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() && Some(c) != keep {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// A message whose text arguments (stored names, user names, questions) can
/// neither send a terminal escape sequence nor start a line of their own.
fn inert_args(m: &Msg) -> Msg {
    let args = m.args.iter().map(|(name, arg)| {
        let arg = match arg {
            Arg::Str(s) => Arg::Str(inert(s, None)),
            Arg::Msg(m) => Arg::Msg(inert_args(m)),
            other => other.clone(),
        };
        (*name, arg)
    });
    Msg {
        id: m.id.clone(),
        args: args.collect(),
    }
}

/// Renders a reply as plain text, for a terminal: no control character from
/// stored data (or anywhere else) reaches it raw; line breaks come from the
/// layout and the messages only.
pub fn plain_text(content: &Content, lang: Lang, reply: &Reply) -> String {
    inert(&layout(content, lang, reply), Some('\n'))
}

fn layout(content: &Content, lang: Lang, reply: &Reply) -> String {
    let t = |m: &Msg| content.text(lang, &inert_args(m));
    let mut out: Vec<String> = Vec::new();
    for b in &reply.blocks {
        match b {
            Block::Title(x) => out.push(format!("■ {}", t(x))),
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
                    out.push(list_item(content, lang, &inert_args(l)));
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
