//! The one reply type every adapter renders: text blocks, a checklist,
//! buttons and a contact card, all as message ids with arguments.

use crate::playbook::{ContactId, StepId, TaskId};

/// An argument of a localized message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Str(String),
    Num(i64),
    /// Unix seconds, formatted per language (2026年11月24日 / 24 Nov 2026).
    Date(i64),
    /// A nested localized message.
    Msg(Msg),
}

/// A localized message: an id in `locales/` plus its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub id: String,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(id: impl Into<String>) -> Msg {
        Msg {
            id: id.into(),
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: Arg) -> Msg {
        self.args.push((name, value));
        self
    }

    pub fn str(self, name: &'static str, value: impl Into<String>) -> Msg {
        self.arg(name, Arg::Str(value.into()))
    }

    pub fn num(self, name: &'static str, value: i64) -> Msg {
        self.arg(name, Arg::Num(value))
    }

    pub fn date(self, name: &'static str, at: i64) -> Msg {
        self.arg(name, Arg::Date(at))
    }

    pub fn msg(self, name: &'static str, value: Msg) -> Msg {
        self.arg(name, Arg::Msg(value))
    }
}

/// Mark of a checklist line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Done,
    Todo,
    Waiting,
    NotApplicable,
    /// Someone else does it (the office's 代理人, its vendor): not a to-do.
    Other,
}

impl Mark {
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Done => "☑",
            Mark::Todo => "☐",
            Mark::Waiting => "⏳",
            Mark::NotApplicable => "—",
            Mark::Other => "→",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistItem {
    pub mark: Mark,
    pub step: StepId,
    /// The line's text: step title with its date or waiting note.
    pub text: Msg,
    pub current: bool,
}

/// A contact card: a built-in contact whose fields may be overridden by config.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contact {
    pub id: Option<ContactId>,
    /// Override of the id as shown in JSON (e.g. `kokuhoren-13`).
    pub key: Option<String>,
    pub name: Option<String>,
    pub tel: Option<String>,
    pub fax: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
    pub note: Option<String>,
    /// A localized name, shown when `name` is not set.
    pub name_msg: Option<Msg>,
    /// A localized note, shown when `note` is not set (e.g. that the bot
    /// knows no phone number, and where to find one).
    pub note_msg: Option<Msg>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title(Msg),
    Text(Msg),
    /// A labelled field (an embed field on Discord). A field whose value
    /// message the language does not define is not shown: that is how a
    /// step's card leaves out a part it has nothing to say about.
    Field {
        label: Msg,
        value: Msg,
    },
    Success(Msg),
    Warning(Msg),
    Error(Msg),
    Checklist(Vec<ChecklistItem>),
    Contact(Contact),
    /// Preformatted lines of data (summaries, history): literal text.
    Lines(Vec<Msg>),
}

/// What a button does when clicked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ButtonAction {
    /// Marks exactly this task done (a second click finds it done).
    Done(TaskId),
    Progress,
    Contact,
    Next,
    /// A page of the staff summary.
    SummaryPage(usize),
    /// Hands the channel's last unanswered question to a person.
    AskStaff,
}

impl ButtonAction {
    /// Stable custom id of the Discord button.
    pub fn custom_id(&self) -> String {
        match self {
            ButtonAction::Done(t) => format!("done:{}", t.as_str()),
            ButtonAction::Progress => "progress".into(),
            ButtonAction::Contact => "contact".into(),
            ButtonAction::Next => "next".into(),
            ButtonAction::SummaryPage(n) => format!("summary:{n}"),
            ButtonAction::AskStaff => "ask-staff".into(),
        }
    }

    pub fn parse(id: &str) -> Option<ButtonAction> {
        match id {
            "progress" => Some(ButtonAction::Progress),
            "contact" => Some(ButtonAction::Contact),
            "next" => Some(ButtonAction::Next),
            "ask-staff" => Some(ButtonAction::AskStaff),
            _ => match id.split_once(':') {
                // `done:<task>`; buttons posted before tasks were named carry
                // `done:<step>` and still sit in channels. Such a button was
                // drawn while its step was open, so it stands for the step's
                // FIRST task: clicked again (or late), it finds that task done
                // and changes nothing, instead of marking the step's next task
                // (the receipt of something that may not have arrived).
                Some(("done", id)) => TaskId::parse(id)
                    .or_else(|| StepId::parse(id).map(|s| s.tasks()[0]))
                    .map(ButtonAction::Done),
                Some(("summary", n)) => n.parse().ok().map(ButtonAction::SummaryPage),
                _ => None,
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    pub action: ButtonAction,
    pub label: Msg,
}

/// Tone of the reply as a whole (embed colour on Discord).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Info,
    Success,
    Error,
}

/// A file sent with the reply (a chart, a CSV).
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    pub name: String,
    pub bytes: Vec<u8>,
    pub kind: AttachmentKind,
}

/// What an attachment is to its reader (Discord sends both kinds alike).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentKind {
    /// A picture of what the reply says (the summary chart): the console
    /// only names it.
    Picture,
    /// Data the user asked for (the summary CSV): the console saves it as a
    /// file.
    Data,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reply {
    pub blocks: Vec<Block>,
    pub buttons: Vec<Button>,
    /// Only the asking user sees it (errors, staff views, personal data).
    pub ephemeral: bool,
    pub tone: Tone,
    pub attachments: Vec<Attachment>,
}

impl Reply {
    pub fn push(&mut self, b: Block) -> &mut Self {
        self.blocks.push(b);
        self
    }

    pub fn error(msg: Msg) -> Reply {
        Reply {
            blocks: vec![Block::Error(msg)],
            ephemeral: true,
            tone: Tone::Error,
            ..Reply::default()
        }
    }
}
