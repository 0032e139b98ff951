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
        let localized = match field {
            "name" => c.name_msg.as_ref(),
            "note" => c.note_msg.as_ref(),
            _ => None,
        };
        over.clone()
            .or_else(|| localized.map(|m| content.text(lang, m)))
            .or_else(|| {
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

/// A field's label and value, localized; `None` when the language does not
/// define the value's message (a part of a step card with nothing to say).
pub fn field_texts(content: &Content, lang: Lang, label: &Msg, value: &Msg) -> Option<(String, String)> {
    content
        .has(lang, &value.id)
        .then(|| (content.text(lang, label), content.text(lang, value)))
}

/// One line of a contact card: its field's label and value.
pub fn contact_line(content: &Content, lang: Lang, field: &str, value: &str) -> String {
    let label = content.text(lang, &Msg::new(format!("contact-label-{field}")));
    content.text(lang, &Msg::new("contact-line").str("label", label).str("value", value))
}

/// The console command a button stands for, as the user reads it: the task
/// by the name typed in their language (`/done step:届出の提出`), which
/// marks exactly that task.
pub fn button_command_in(content: &Content, lang: Lang, a: &ButtonAction) -> String {
    match a {
        ButtonAction::Done(t) => format!("/done step:{}", content.text(lang, &Msg::new(t.value_id()))),
        other => button_command(other),
    }
}

/// The console command a button stands for, with ids.
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
                let Some((label, value)) = field_texts(content, lang, label, &inert_args(value)) else {
                    continue;
                };
                out.push(t(&Msg::new("field-label").str("label", label)));
                out.push(value.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n"));
            }
            Block::Checklist(items) => {
                for i in items {
                    out.push(format!("{} {}", i.mark.symbol(), t(&i.text)));
                }
            }
            Block::Contact(c) => {
                for (field, v) in contact_fields(content, lang, c) {
                    out.push(contact_line(content, lang, field, &v));
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
            .map(|b| {
                t(&Msg::new("console-action")
                    .str("command", button_command_in(content, lang, &b.action))
                    .msg("label", b.label.clone()))
            })
            .collect();
        out.push(t(&Msg::new("console-actions").str("actions", cmds.join("  "))));
    }
    out.join("\n")
}
