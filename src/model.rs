//! The records the engine reads and the store keeps (versioned serde values).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::office_number::OfficeNumber;
use crate::playbook::{self, DoneMark, Mode, StepId, TaskId};

/// Record version written by this build; a newer one is refused on read
/// (as newer, before it is parsed), every older one is read. Every record
/// this build writes or rewrites carries it, so a build that knows less
/// calls the record newer rather than corrupt.
///
/// - 1: `Office`, `Event` (registered, updated, task done, mode changed,
///   undo, bound), `Unanswered`.
/// - 2: an office's `agent`, `certificate` and `archived`; `Agent` (with
///   its `certificate`), `Handoff`, `TaughtEntry`; events: a 代理人
///   registered, an office's task done by its 代理人, a certificate
///   reported, a number corrected, archived, unarchived, and `updated` with
///   the 代理人 joined or left. (Builds before the bump wrote these at 1;
///   they read the same.)
pub const RECORD_VERSION: u32 = 2;

/// A stored record's version, read before anything else of it: from the
/// leading `{"v":N,` every record starts with (serde writes `v` first), or
/// by a parse when it does not.
pub fn record_version(bytes: &[u8]) -> Result<u32, serde_json::Error> {
    if let Some(rest) = bytes.strip_prefix(b"{\"v\":") {
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits > 0 && digits < 10 && rest.get(digits).is_some_and(|b| matches!(b, b',' | b'}')) {
            return Ok(rest[..digits].iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')));
        }
    }
    #[derive(Deserialize)]
    struct Versioned {
        v: u32,
    }
    serde_json::from_slice::<Versioned>(bytes).map(|r| r.v)
}

/// Longest office name, 代理人 name, software name or channel accepted.
pub const MAX_NAME: usize = 100;

/// Most offices one 代理人 bills for: the seed's 「1つの電子証明書で100事業所まで
/// 請求ができる代理請求」.
pub const MAX_AGENT_OFFICES: usize = 100;

/// The layout version of the data directory (and of its backups). A
/// directory of a newer one is not opened; an older one is read, and
/// upgraded when the bot opens it to write.
///
/// - 1: the trees (and backup sections) `offices`, `channels`, `history`,
///   `unanswered`, `reminders`, `meta`.
/// - 2: also `agents`, `agent_channels`, `agent_history`, `agent_offices`,
///   `handoffs`, `handoff_threads`, `taught`.
pub const SCHEMA_VERSION: u32 = 2;

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
    /// The 代理人 that bills for the office (its [`Agent::key`]); set only
    /// in proxy mode. Absent in records written before 代理人 existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
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
            agent: None,
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

/// A 代理人 (代理請求): the organisation that bills for several office
/// numbers with one certificate. It has its own walkthrough (its tasks in
/// `done`), its own channel and history; its offices name it in
/// [`Office::agent`]. The offices' 届出 stay in the offices' records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agent {
    pub v: u32,
    /// The name as looked up ([`agent_key`]): the store's key.
    pub key: String,
    pub name: String,
    /// The billing software the 代理人 sends claims with, if given.
    #[serde(default)]
    pub software: Option<String>,
    /// The channel the 代理人's walkthrough runs in, if any.
    #[serde(default)]
    pub channel: Option<String>,
    pub registered_at: i64,
    pub updated_at: i64,
    /// Incremented by every change; the seq of the latest history event.
    pub revision: u64,
    /// The 代理人's own tasks.
    #[serde(default)]
    pub done: BTreeMap<TaskId, DoneMark>,
    /// The dates of its one certificate, as reported in its channel
    /// (`/certificate`); its offices have none of their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<CertificateDates>,
}

/// The key a 代理人 is stored and found under: its name folded (NFKC, lower
/// case, trimmed), so 「さくらケアグループ」 and 「さくらケアグループ 」 are one.
pub fn agent_key(name: &str) -> String {
    crate::text::fold(name)
}

impl Agent {
    /// A newly registered 代理人 with no progress and no history yet.
    pub fn new(name: String, software: Option<String>, channel: Option<String>, now: i64) -> Agent {
        Agent {
            v: RECORD_VERSION,
            key: agent_key(&name),
            name,
            software,
            channel,
            registered_at: now,
            updated_at: now,
            revision: 0,
            done: BTreeMap::new(),
            certificate: None,
        }
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
    /// Re-registration changed details; the previous values are kept for
    /// undo. Joining or leaving a 代理人 is such a change (its mode follows).
    Updated {
        name: String,
        mode: Mode,
        software: Option<String>,
        prev_name: String,
        prev_mode: Mode,
        prev_software: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        agent: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        prev_agent: Option<String>,
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
    /// The office (or 代理人) was bound to a channel (by staff, moving it
    /// from another one).
    Bound {
        channel: String,
        prev: Option<String>,
    },
    /// A 代理人's history: it was registered.
    AgentRegistered {
        name: String,
        software: Option<String>,
    },
    /// A 代理人's history: one of its offices' tasks (its 届出) was marked
    /// done in the 代理人's channel; `seq` is that office's own event (stored
    /// as `office_seq`: the event's own `seq` would clash, as for `Undo`).
    OfficeTaskDone {
        number: OfficeNumber,
        task: TaskId,
        #[serde(rename = "office_seq")]
        seq: u64,
    },
    /// The office (or, in its channel, the 代理人) reported its
    /// certificate's dates; the previous report is kept for undo.
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
                | Action::OfficeTaskDone { .. }
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

/// What one command stores, in one transaction: an office's new state, a
/// 代理人's, or both (a 代理人 registered with its first office; an office's
/// 届出 marked in the 代理人's channel). Each is stored only if it is still
/// at its `expected_revision`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Change {
    pub office: Option<OfficeWrite>,
    pub agent: Option<AgentWrite>,
}

impl From<OfficeWrite> for Change {
    fn from(w: OfficeWrite) -> Change {
        Change {
            office: Some(w),
            agent: None,
        }
    }
}

impl From<AgentWrite> for Change {
    fn from(w: AgentWrite) -> Change {
        Change {
            office: None,
            agent: Some(w),
        }
    }
}

impl Change {
    /// The office as stored by this change, if it writes one.
    pub fn office(&self) -> Option<&Office> {
        self.office.as_ref().map(|w| &w.office)
    }

    /// The 代理人 as stored by this change, if it writes one.
    pub fn agent(&self) -> Option<&Agent> {
        self.agent.as_ref().map(|w| &w.agent)
    }
}

/// A 代理人's new state and its history event. Its channel binding is kept
/// apart from the offices' (a channel is an office's or a 代理人's).
#[derive(Debug, Clone, PartialEq)]
pub struct AgentWrite {
    pub agent: Agent,
    pub event: Event,
    /// `None` for a new 代理人 (it must not exist yet).
    pub expected_revision: Option<u64>,
    /// Bind this channel to the 代理人 (it must be free).
    pub bind: Option<String>,
    /// The channel the 代理人 leaves.
    pub unbind: Option<String>,
}

/// An office's new state and the history event, stored only if the office
/// is still at `expected_revision`. A change of [`Office::agent`] also moves
/// the office in the store's index of each 代理人's offices.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeWrite {
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

impl OfficeWrite {
    /// The number the office had before this write, when the write
    /// corrects it (its event is `NumberCorrected`): the store then moves
    /// the office, its history, its sent reminders, its channel binding and
    /// its place among its 代理人's offices from that number to
    /// `office.number`, in the same transaction.
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
