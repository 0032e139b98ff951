//! A `Reply` drawn as one embed and a row of buttons, and the one builder
//! that turns it into each kind of Discord message the bot sends.

use serenity::all::{
    ButtonStyle, Colour, CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateButton, CreateEmbed,
    CreateInteractionResponseMessage, CreateMessage, EditInteractionResponse, EditMessage,
};

use crate::adapters::render::{contact_fields, contact_line, field_texts, list_item};
use crate::content::{Content, Lang};
use crate::reply::{Block, ButtonAction, Msg, Reply, Tone};

/// Discord's limits on embed parts (characters).
const TITLE_MAX: usize = 256;
const DESCRIPTION_MAX: usize = 4096;
const FIELD_MAX: usize = 1024;
const FIELDS_MAX: usize = 25;
const BUTTON_LABEL_MAX: usize = 80;
const BUTTONS_MAX: usize = 5;

/// Cuts a text to `max` characters, ending in "…" when cut.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// Renders a reply as one embed plus a row of buttons.
pub fn render(content: &Content, lang: Lang, reply: &Reply) -> (CreateEmbed, Vec<CreateActionRow>) {
    let t = |m: &Msg| content.text(lang, m);
    let mut embed = CreateEmbed::new().colour(match reply.tone {
        Tone::Info => Colour::new(0x2f6fb3),
        Tone::Success => Colour::new(0x2e9d5b),
        Tone::Error => Colour::new(0xc0392b),
    });
    let mut title: Option<String> = None;
    let mut desc: Vec<String> = Vec::new();
    let mut fields = 0;
    for b in &reply.blocks {
        match b {
            Block::Title(x) if title.is_none() => title = Some(t(x)),
            Block::Title(x) => desc.push(format!("**{}**", t(x))),
            Block::Text(m) | Block::Success(m) | Block::Error(m) => desc.push(t(m)),
            Block::Warning(m) => desc.push(format!("※ {}", t(m))),
            Block::Field { label, value } => {
                let Some((label, value)) = field_texts(content, lang, label, value) else {
                    continue;
                };
                if fields < FIELDS_MAX {
                    fields += 1;
                    embed = embed.field(clip(&label, TITLE_MAX), clip(&value, FIELD_MAX), false);
                } else {
                    desc.push(format!("**{label}**\n{value}"));
                }
            }
            Block::Checklist(items) => desc.push(
                items
                    .iter()
                    .map(|i| {
                        let line = format!("{} {}", i.mark.symbol(), t(&i.text));
                        if i.current {
                            format!("**{line}**")
                        } else {
                            line
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Contact(c) => {
                let mut name = String::new();
                let mut lines = Vec::new();
                for (field, v) in contact_fields(content, lang, c) {
                    if field == "name" {
                        name = v;
                    } else {
                        lines.push(contact_line(content, lang, field, &v));
                    }
                }
                let label = contact_line(content, lang, "name", &name);
                let value = if lines.is_empty() {
                    "-".to_string()
                } else {
                    lines.join("\n")
                };
                embed = embed.field(clip(&label, TITLE_MAX), clip(&value, FIELD_MAX), false);
                fields += 1;
            }
            Block::Lines(lines) => desc.push(
                lines
                    .iter()
                    .map(|l| list_item(content, lang, l))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        }
    }
    if let Some(title) = title {
        embed = embed.title(clip(&title, TITLE_MAX));
    }
    if !desc.is_empty() {
        embed = embed.description(clip(&desc.join("\n\n"), DESCRIPTION_MAX));
    }
    let buttons: Vec<CreateButton> = reply
        .buttons
        .iter()
        .take(BUTTONS_MAX)
        .map(|b| {
            let style = match b.action {
                ButtonAction::Done(_) => ButtonStyle::Success,
                ButtonAction::Next => ButtonStyle::Primary,
                _ => ButtonStyle::Secondary,
            };
            CreateButton::new(b.action.custom_id())
                .label(clip(&t(&b.label), BUTTON_LABEL_MAX))
                .style(style)
        })
        .collect();
    let rows = if buttons.is_empty() {
        vec![]
    } else {
        vec![CreateActionRow::Buttons(buttons)]
    };
    (embed, rows)
}

/// A reply ready to send: its embed, buttons and files. Every message the
/// bot sends is built here, always with mentions disabled.
pub struct Message {
    embed: CreateEmbed,
    rows: Vec<CreateActionRow>,
    files: Vec<CreateAttachment>,
    ephemeral: bool,
}

impl Message {
    pub fn new(content: &Content, lang: Lang, reply: &Reply) -> Message {
        let (embed, rows) = render(content, lang, reply);
        Message {
            embed,
            rows,
            files: reply
                .attachments
                .iter()
                .map(|a| CreateAttachment::bytes(a.bytes.clone(), a.name.clone()))
                .collect(),
            ephemeral: reply.ephemeral,
        }
    }

    /// Without its buttons (the dashboard is read, not clicked).
    pub fn without_buttons(mut self) -> Message {
        self.rows.clear();
        self
    }

    /// Without its files (a message updated in place keeps its own).
    pub fn without_files(mut self) -> Message {
        self.files.clear();
        self
    }

    /// The answer to an interaction (a new message or an in-place update).
    pub fn interaction(self) -> CreateInteractionResponseMessage {
        CreateInteractionResponseMessage::new()
            .embed(self.embed)
            .components(self.rows)
            .ephemeral(self.ephemeral)
            .allowed_mentions(CreateAllowedMentions::new())
            .files(self.files)
    }

    /// The edit of a deferred interaction's answer.
    pub fn interaction_edit(self) -> EditInteractionResponse {
        self.files.into_iter().fold(
            EditInteractionResponse::new()
                .embed(self.embed)
                .components(self.rows)
                .allowed_mentions(CreateAllowedMentions::new()),
            EditInteractionResponse::new_attachment,
        )
    }

    /// A message posted in a channel.
    pub fn channel(self) -> CreateMessage {
        CreateMessage::new()
            .embed(self.embed)
            .components(self.rows)
            .allowed_mentions(CreateAllowedMentions::new())
            .files(self.files)
    }

    /// The edit of a message the bot posted before.
    pub fn edit(self) -> EditMessage {
        EditMessage::new()
            .embed(self.embed)
            .components(self.rows)
            .allowed_mentions(CreateAllowedMentions::new())
    }
}
