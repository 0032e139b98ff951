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
