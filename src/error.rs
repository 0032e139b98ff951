//! User errors: typed, each mapped to a localized message. Internal errors
//! are logged and shown as a short localized apology.

use crate::office_number::NumberError;
use crate::playbook::{StepId, TaskId};
use crate::reply::Msg;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserError {
    #[error("this channel has no registered office")]
    NotRegistered,
    #[error("bad office number: {0}")]
    BadNumber(NumberError),
    /// `meant`: the command a slip away from the name typed, if any.
    #[error("unknown command {cmd}")]
    UnknownCommand { cmd: String, meant: Option<String> },
    #[error("command {cmd} has no option {opt}")]
    UnknownOption { cmd: String, opt: String },
    #[error("command {cmd} needs option {opt}")]
    MissingOption { cmd: String, opt: String },
    #[error("option {opt} given twice")]
    DuplicateOption { opt: String },
    #[error("unterminated quote")]
    UnterminatedQuote,
    #[error("not a command")]
    Empty,
    #[error("unknown mode {0}")]
    BadMode(String),
    #[error("unknown step {0}")]
    UnknownStep(String),
    #[error("step {0:?} does not apply to this office's mode")]
    StepNotApplicable(StepId),
    #[error("step {0:?} is already done")]
    StepAlreadyDone(StepId),
    #[error("task {task:?} needs {first:?} done first")]
    EarlierTaskOpen { task: TaskId, first: TaskId },
    #[error("all steps are done")]
    AllDone,
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("staff only")]
    StaffOnly,
    #[error("channel already bound to office {0}")]
    ChannelBound(String),
    #[error("office {number} is bound to another channel")]
    NumberBoundElsewhere { number: String },
    #[error("office {number} exists; only staff bind it to a channel")]
    OfficeNeedsStaff { number: String },
    #[error("name is empty")]
    EmptyName,
    #[error("text too long (max {max})")]
    TooLong { max: usize },
    #[error("mode is already {0}")]
    SameMode(String),
    #[error("unknown office {0}")]
    UnknownOffice(String),
    #[error("unknown contact topic {0}")]
    UnknownTopic(String),
    #[error("question is empty")]
    EmptyQuestion,
    #[error("console option --{opt} must be 1 to {max} characters without control characters")]
    BadConsoleOption { opt: String, max: usize },
    #[error("bad page {0}")]
    BadPage(String),
    /// A page number the list does not have (0, or past the last page).
    #[error("no page {page} (there are {pages})")]
    PageOutOfRange { page: usize, pages: usize },
    #[error("too many requests")]
    RateLimited { seconds: u64 },
    #[error("no backup directory is configured")]
    BackupNotConfigured,
    #[error("the 代理人 name is empty")]
    EmptyAgentName,
    #[error("an office under a 代理人 bills in proxy mode, not {0}")]
    AgentNeedsProxy(String),
    #[error("this channel is the 代理人 {0}'s")]
    ChannelIsAgents(String),
    #[error("no 代理人 named {0}")]
    UnknownAgent(String),
    #[error("the 代理人 {0} is bound to another channel")]
    AgentBoundElsewhere(String),
    #[error("the 代理人 {0} exists; only staff bind it to a channel")]
    AgentNeedsStaff(String),
    #[error("office {number} is another 代理人's")]
    NumberLinkedElsewhere { number: String },
    #[error("the 代理人 {agent} has {max} offices already")]
    AgentFull { agent: String, max: usize },
    #[error("a 代理人's channel has no billing mode to change ({0})")]
    AgentChannelMode(String),
    #[error("all of the 代理人's steps are done")]
    AgentAllDone,
    #[error("which office's 届出? (e.g. office:{0})")]
    WhichOffice(String),
    #[error("the 代理人 {0} has no offices yet")]
    AgentHasNoOffices(String),
    #[error("office {number} is not the 代理人 {agent}'s")]
    NotAgentsOffice { number: String, agent: String },
    #[error("step {step:?} is the 代理人's")]
    StepIsAgents { step: StepId, agent: String },
    #[error("step {0:?} is the vendor's")]
    StepIsVendors(StepId),
    #[error("the office's own steps are done; the rest is its 代理人's")]
    OfficePartDone(Option<String>),
    /// Dates given to `/certificate` in a proxy-billed office's channel: the
    /// certificate is its 代理人's (named, when the office names one).
    #[error("the certificate is the 代理人's; record it in the 代理人's channel")]
    CertificateIsAgents(Option<String>),
    #[error("office: is for a 代理人's channel")]
    OfficeOptionNotHere,
    #[error("channel already bound to the proxy-mode office {0}")]
    ChannelBoundProxy(String),
    #[error("not a date: {0}")]
    BadDate(String),
    #[error("the issue date is in the future")]
    IssuedInFuture,
    #[error("the expiry is more than 3 years away")]
    ExpiryTooFar,
    #[error("the expiry is not after the issue date")]
    ExpiryBeforeIssue,
    #[error("office {0} is archived")]
    Archived(String),
    #[error("office {0} is not archived")]
    NotArchived(String),
    #[error("office number {0} is registered already")]
    NumberTaken(String),
    #[error("the office number is {0} already")]
    SameNumber(String),
    #[error("the office number can be corrected by the office only within {days} days of registering")]
    FixNumberTooLate { days: i64 },
    #[error("channel already bound to office {number}; a mistyped number can be corrected")]
    ChannelBoundFixable { number: String, new: String },
    #[error("no question to hand to staff")]
    NoQuestion,
    #[error("too many open requests in this channel (max {max})")]
    TooManyOpen { max: usize },
    #[error("not a request number: {0}")]
    BadRequestId(String),
    #[error("no request #{0}")]
    UnknownRequest(u64),
    #[error("/teach needs id: or question: and answer:")]
    TeachWhat,
    #[error("request #{0} has no answer to teach")]
    TeachNoAnswer(u64),
    #[error("answer: and faq: together")]
    TeachBoth,
    #[error("no FAQ entry {0}")]
    UnknownFaq(String),
    #[error("no taught entry #{0}")]
    UnknownTaught(u64),
    #[error("several offices match {query}")]
    OfficeAmbiguous { query: String, list: String },
    #[error("no office matches {0}")]
    OfficeNotFound(String),
    #[error("no office in this channel; give office:")]
    OfficeNeeded,
}

impl UserError {
    /// The localized message shown to the user.
    pub fn msg(&self) -> Msg {
        use UserError::*;
        match self {
            NotRegistered => Msg::new("error-not-registered"),
            BadNumber(e) => match e {
                NumberError::Empty => Msg::new("error-number-empty"),
                NumberError::WrongLength(n) => Msg::new("error-number-length").num("len", *n as i64),
                NumberError::BadChar(c) => Msg::new("error-number-char").str("char", c.to_string()),
                NumberError::BadPrefecture(p) => Msg::new("error-number-prefecture").str("pref", p.clone()),
                NumberError::BadKind(c) => Msg::new("error-number-kind").str("char", c.to_string()),
            },
            UnknownCommand { cmd, meant: None } => Msg::new("error-unknown-command").str("cmd", cmd.clone()),
            UnknownCommand { cmd, meant: Some(m) } => Msg::new("error-unknown-command-meant")
                .str("cmd", cmd.clone())
                .str("meant", m.clone()),
            UnknownOption { cmd, opt } => Msg::new("error-unknown-option")
                .str("cmd", cmd.clone())
                .str("opt", opt.clone()),
            MissingOption { cmd, opt } => Msg::new("error-missing-option")
                .str("cmd", cmd.clone())
                .str("opt", opt.clone()),
            DuplicateOption { opt } => Msg::new("error-duplicate-option").str("opt", opt.clone()),
            UnterminatedQuote => Msg::new("error-unterminated-quote"),
            Empty => Msg::new("error-empty"),
            BadMode(m) => Msg::new("error-bad-mode").str("mode", m.clone()),
            UnknownStep(s) => Msg::new("error-unknown-step").str("step", s.clone()),
            StepNotApplicable(s) => Msg::new("error-step-not-applicable").msg("step", Msg::new(s.title_id())),
            StepAlreadyDone(s) => Msg::new("error-step-done").msg("step", Msg::new(s.title_id())),
            EarlierTaskOpen { task, first } => Msg::new("error-task-earlier-open")
                .msg("task", Msg::new(task.msg_id()))
                .msg("first", Msg::new(first.msg_id())),
            AllDone => Msg::new("error-all-done"),
            NothingToUndo => Msg::new("error-nothing-to-undo"),
            StaffOnly => Msg::new("error-staff-only"),
            ChannelBound(n) => Msg::new("error-channel-bound").str("number", n.clone()),
            NumberBoundElsewhere { number } => Msg::new("error-number-bound").str("number", number.clone()),
            OfficeNeedsStaff { number } => Msg::new("error-office-needs-staff").str("number", number.clone()),
            EmptyName => Msg::new("error-empty-name"),
            TooLong { max } => Msg::new("error-too-long").num("max", *max as i64),
            SameMode(m) => Msg::new("error-same-mode").msg("mode", Msg::new(format!("mode-{m}"))),
            UnknownOffice(n) => Msg::new("error-unknown-office").str("number", n.clone()),
            UnknownTopic(t) => Msg::new("error-unknown-topic").str("topic", t.clone()),
            EmptyQuestion => Msg::new("error-empty-question"),
            BadPage(p) => Msg::new("error-bad-page").str("page", p.clone()),
            PageOutOfRange { page, pages } => Msg::new("error-page-out-of-range")
                .num("page", *page as i64)
                .num("pages", *pages as i64),
            BadConsoleOption { opt, max } => Msg::new("error-console-option")
                .str("opt", opt.clone())
                .num("max", *max as i64),
            RateLimited { seconds } => Msg::new("error-rate-limited").num("seconds", *seconds as i64),
            BackupNotConfigured => Msg::new("error-backup-not-configured"),
            EmptyAgentName => Msg::new("error-empty-agent-name"),
            AgentNeedsProxy(m) => Msg::new("error-agent-needs-proxy").msg("mode", Msg::new(format!("mode-{m}"))),
            ChannelIsAgents(a) => Msg::new("error-channel-is-agents").str("agent", a.clone()),
            UnknownAgent(a) => Msg::new("error-unknown-agent").str("agent", a.clone()),
            AgentBoundElsewhere(a) => Msg::new("error-agent-bound").str("agent", a.clone()),
            AgentNeedsStaff(a) => Msg::new("error-agent-needs-staff").str("agent", a.clone()),
            NumberLinkedElsewhere { number } => Msg::new("error-number-linked").str("number", number.clone()),
            AgentFull { agent, max } => Msg::new("error-agent-full")
                .str("agent", agent.clone())
                .num("max", *max as i64),
            AgentChannelMode(a) => Msg::new("error-agent-channel-mode").str("agent", a.clone()),
            AgentAllDone => Msg::new("error-agent-all-done"),
            WhichOffice(n) => Msg::new("error-which-office").str("number", n.clone()),
            AgentHasNoOffices(a) => Msg::new("error-agent-no-offices").str("agent", a.clone()),
            NotAgentsOffice { number, agent } => Msg::new("error-not-agents-office")
                .str("number", number.clone())
                .str("agent", agent.clone()),
            StepIsAgents { step, agent } if agent.is_empty() => {
                Msg::new("error-step-is-agents-unnamed").msg("step", Msg::new(step.title_id()))
            }
            StepIsAgents { step, agent } => Msg::new("error-step-is-agents")
                .msg("step", Msg::new(step.title_id()))
                .str("agent", agent.clone()),
            StepIsVendors(s) => Msg::new("error-step-is-vendors").msg("step", Msg::new(s.title_id())),
            OfficePartDone(Some(a)) => Msg::new("error-office-part-done").str("agent", a.clone()),
            OfficePartDone(None) => Msg::new("error-office-part-done-unnamed"),
            CertificateIsAgents(Some(a)) => Msg::new("error-certificate-is-agents").str("agent", a.clone()),
            CertificateIsAgents(None) => Msg::new("error-certificate-is-agents-unnamed"),
            OfficeOptionNotHere => Msg::new("error-office-option"),
            ChannelBoundProxy(n) => Msg::new("error-channel-bound-proxy").str("number", n.clone()),
            BadDate(d) => Msg::new("error-bad-date").str("date", d.clone()),
            IssuedInFuture => Msg::new("error-issued-in-future"),
            ExpiryTooFar => Msg::new("error-expiry-too-far"),
            ExpiryBeforeIssue => Msg::new("error-expiry-before-issue"),
            Archived(n) => Msg::new("error-archived").str("number", n.clone()),
            NotArchived(n) => Msg::new("error-not-archived").str("number", n.clone()),
            NumberTaken(n) => Msg::new("error-number-taken").str("number", n.clone()),
            SameNumber(n) => Msg::new("error-same-number").str("number", n.clone()),
            FixNumberTooLate { days } => Msg::new("error-fix-number-late").num("days", *days),
            ChannelBoundFixable { number, new } => Msg::new("error-channel-bound-fixable")
                .str("number", number.clone())
                .str("new", new.clone()),
            NoQuestion => Msg::new("error-no-question"),
            TooManyOpen { max } => Msg::new("error-too-many-open").num("max", *max as i64),
            BadRequestId(id) => Msg::new("error-bad-request-id").str("id", id.clone()),
            UnknownRequest(id) => Msg::new("error-unknown-request").num("id", *id as i64),
            TeachWhat => Msg::new("error-teach-what"),
            TeachNoAnswer(id) => Msg::new("error-teach-no-answer").num("id", *id as i64),
            TeachBoth => Msg::new("error-teach-both"),
            UnknownFaq(f) => Msg::new("error-unknown-faq").str("faq", f.clone()),
            UnknownTaught(id) => Msg::new("error-unknown-taught").num("id", *id as i64),
            OfficeAmbiguous { query, list } => Msg::new("error-office-ambiguous")
                .str("query", query.clone())
                .str("list", list.clone()),
            OfficeNotFound(q) => Msg::new("error-office-not-found").str("query", q.clone()),
            OfficeNeeded => Msg::new("error-office-needed"),
        }
    }
}

impl From<NumberError> for UserError {
    fn from(e: NumberError) -> Self {
        UserError::BadNumber(e)
    }
}
