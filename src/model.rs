//! The records the engine reads and the store keeps (versioned serde values).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::office_number::OfficeNumber;
use crate::playbook::{self, DoneMark, Mode, StepId, TaskId};

/// Record version written by this build; a newer one is refused on read.
pub const RECORD_VERSION: u32 = 1;

/// Longest office name, software name or channel accepted.
pub const MAX_NAME: usize = 100;

/// The layout version of the data directory (and of its backups).
pub const SCHEMA_VERSION: u32 = 1;

/// Who acts: a Discord user or a console user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub staff: bool,
    /// Typed at this machine's console by the operator: not rate limited.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub local: bool,
}

/// One office and its progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office {
    pub v: u32,
    pub number: OfficeNumber,
    pub name: String,
    pub mode: Mode,
    #[serde(default)]
    pub software: Option<String>,
    /// The channel the office is bound to, if any.
    #[serde(default)]
    pub channel: Option<String>,
    pub registered_at: i64,
    pub updated_at: i64,
    /// Incremented by every change; the seq of the latest history event.
    pub revision: u64,
    #[serde(default)]
    pub done: BTreeMap<TaskId, DoneMark>,
    /// The certificate dates the office reported (`/certificate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<CertificateDates>,
    /// When staff archived the office (`/archive`): it leaves the summary,
    /// the dashboard and the reminders; its record and history stay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<i64>,
}

/// The electronic certificate's dates as the office read them in the
/// `[証明書]` menu: each is the day at 00:00 Japan time (unix seconds). At least
/// one is set; a report replaces the previous one whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateDates {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<i64>,
    /// The last day the certificate is valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<i64>,
}

impl Office {
    /// A newly registered office with no progress and no history yet
    /// (revision 0; storing its `Registered` event makes it 1).
    pub fn new(
        number: OfficeNumber,
        name: String,
        mode: Mode,
        software: Option<String>,
        channel: Option<String>,
        now: i64,
    ) -> Office {
        Office {
            v: RECORD_VERSION,
            number,
            name,
            mode,
            software,
            channel,
            registered_at: now,
            updated_at: now,
            revision: 0,
            done: BTreeMap::new(),
            certificate: None,
            archived: None,
        }
    }

    pub fn current_step(&self) -> Option<StepId> {
        playbook::current_step(self.mode, &self.done)
    }

    pub fn status(&self, step: StepId) -> playbook::StepStatus {
        playbook::status(step, self.mode, &self.done)
    }

    pub fn is_complete(&self) -> bool {
        self.current_step().is_none()
    }

    pub fn is_archived(&self) -> bool {
        self.archived.is_some()
    }
}

/// What a history event did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Action {
    Registered {
        name: String,
        mode: Mode,
        software: Option<String>,
    },
    /// Re-registration changed details; the previous values are kept for undo.
    Updated {
        name: String,
        mode: Mode,
        software: Option<String>,
        prev_name: String,
        prev_mode: Mode,
        prev_software: Option<String>,
    },
    TaskDone {
        task: TaskId,
    },
    ModeChanged {
        from: Mode,
        to: Mode,
    },
    Undo {
        /// The seq of the undone event. Stored as `undone` because the
        /// action is flattened into `Event`, whose own `seq` would clash.
        #[serde(rename = "undone")]
        seq: u64,
    },
    /// The office was bound to a channel (by staff, moving it from another one).
    Bound {
        channel: String,
        prev: Option<String>,
    },
    /// The office reported its certificate's dates; the previous report is
    /// kept for undo.
    CertificateReported {
        dates: CertificateDates,
        prev: Option<CertificateDates>,
    },
    /// A mistyped office number was corrected: the office, its history and
    /// its channel binding moved from `from` to `to` (this event is the
    /// first one stored under `to`'s history after the moved ones).
    NumberCorrected {
        from: OfficeNumber,
        to: OfficeNumber,
    },
    /// Staff took the office out of the summary, the dashboard and the reminders.
    Archived {},
    /// Staff brought an archived office back.
    Unarchived {},
}

impl Action {
    pub fn undoable(&self) -> bool {
        matches!(
            self,
            Action::Updated { .. }
                | Action::TaskDone { .. }
                | Action::ModeChanged { .. }
                | Action::CertificateReported { .. }
        )
    }
}

/// One entry of an office's history: who did what, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub v: u32,
    pub seq: u64,
    pub at: i64,
    pub actor: Actor,
    #[serde(flatten)]
    pub action: Action,
}

/// What to store: the office's new state and the history event, in one
/// transaction, only if the office is still at `expected_revision`.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub office: Office,
    pub event: Event,
    /// The revision the office had when the command was read; `None` for a
    /// new office (it must not exist yet).
    pub expected_revision: Option<u64>,
    /// Bind this channel to the office.
    pub bind: Option<String>,
    /// The channel the office leaves (its old binding is removed).
    pub unbind: Option<String>,
    /// Another office that loses its binding to `bind`'s channel.
    pub displaced: Option<OfficeNumber>,
}

impl Change {
    /// The number the office had before this change, when the change
    /// corrects it (its event is `NumberCorrected`): the store then moves
    /// the office, its history, its sent reminders and its channel binding
    /// from that number to `office.number`, in the same transaction.
    pub fn renumbered_from(&self) -> Option<&OfficeNumber> {
        match &self.event.action {
            Action::NumberCorrected { from, .. } => Some(from),
            _ => None,
        }
    }
}

/// A question the bot could not answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unanswered {
    pub v: u32,
    pub at: i64,
    pub text: String,
    pub lang: String,
    #[serde(default)]
    pub office: Option<String>,
    #[serde(default)]
    pub channel: Option<String>,
}

/// Where a request for a person stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HandoffState {
    /// Waiting for staff.
    Open,
    /// Staff have replied; not closed yet.
    Answered,
    Closed,
}

/// One exchange between the bot and a channel: what was said, and the first
/// line of what the bot answered (the context a request carries).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exchange {
    pub at: i64,
    pub said: String,
    pub answered: String,
    /// The FAQ had no answer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unanswered: bool,
}

/// The office as it stood when a request was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoffOffice {
    pub number: OfficeNumber,
    pub name: String,
    pub mode: Mode,
    /// `None` when every step was done.
    pub step: Option<StepId>,
    /// Since when the office was at that step (or waiting in it).
    pub since: i64,
    /// Waiting on the 国保連合会 (the step's first task done).
    #[serde(default)]
    pub waiting: bool,
}

/// A staff member's answer to a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffReply {
    pub at: i64,
    pub by: Actor,
    pub text: String,
    /// When it reached the office's channel (`None`: not yet).
    #[serde(default)]
    pub delivered: Option<i64>,
}

/// An office's request for a person ("ask staff"), with its context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handoff {
    pub v: u32,
    /// Shown as `#N`; numbered from 1, never reused.
    pub id: u64,
    pub at: i64,
    /// The channel the request came from (answers go there).
    pub channel: String,
    pub asker: Actor,
    /// The language the office was answered in.
    pub lang: String,
    pub question: String,
    #[serde(default)]
    pub office: Option<HandoffOffice>,
    /// The last exchanges of the bot with the channel, oldest first.
    #[serde(default)]
    pub recent: Vec<Exchange>,
    pub state: HandoffState,
    #[serde(default)]
    pub replies: Vec<StaffReply>,
    /// The staff-channel thread opened for it (Discord).
    #[serde(default)]
    pub thread: Option<String>,
    #[serde(default)]
    pub closed_at: Option<i64>,
    #[serde(default)]
    pub closed_by: Option<String>,
}

impl Handoff {
    /// The latest staff answer, if any.
    pub fn last_reply(&self) -> Option<&StaffReply> {
        self.replies.last()
    }
}

/// What a taught question is attached to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "kebab-case")]
pub enum TaughtTarget {
    /// A new phrasing of a built-in FAQ entry (its id, without `faq-`).
    Faq(String),
    /// A new phrasing of another taught entry.
    Taught(u64),
}

/// A FAQ entry (or a phrasing) taught by staff: the operator's own, not the seed's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaughtEntry {
    pub v: u32,
    /// Shown as `#N`; never reused.
    pub id: u64,
    pub at: i64,
    pub by: Actor,
    pub lang: String,
    pub question: String,
    /// The answer of a new entry; `None` for a phrasing of `target`.
    #[serde(default)]
    pub answer: Option<String>,
    #[serde(default)]
    pub target: Option<TaughtTarget>,
    /// The request it was taught from.
    #[serde(default)]
    pub request: Option<u64>,
}
