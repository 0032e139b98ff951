//! The procedure: steps, the tasks inside them, billing modes, and how an
//! office's completed tasks turn into step statuses.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Billing mode, chosen per office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// 事業所請求
    #[default]
    Direct,
    /// 代理請求
    Proxy,
    /// A vendor files the claims for the office.
    Vendor,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Direct, Mode::Proxy, Mode::Vendor];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Direct => "direct",
            Mode::Proxy => "proxy",
            Mode::Vendor => "vendor",
        }
    }

    /// Message id of the mode's short name.
    pub fn msg_id(self) -> &'static str {
        match self {
            Mode::Direct => "mode-direct",
            Mode::Proxy => "mode-proxy",
            Mode::Vendor => "mode-vendor",
        }
    }

    pub fn desc_id(self) -> &'static str {
        match self {
            Mode::Direct => "mode-direct-desc",
            Mode::Proxy => "mode-proxy-desc",
            Mode::Vendor => "mode-vendor-desc",
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Mode {
    type Err = ();
    /// Accepts the ids and the names in `locales/synonyms.txt` (`mode:*`).
    fn from_str(s: &str) -> Result<Self, ()> {
        Mode::ALL
            .into_iter()
            .find(|m| crate::text::in_group(&format!("mode:{}", m.as_str()), s))
            .ok_or(())
    }
}

/// A step of the procedure, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepId {
    Environment,
    Notify,
    ProxyApplication,
    Login,
    Certificate,
    Installer,
    Software,
}

/// A task inside a step; a step with two tasks has a wait between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskId {
    Environment,
    NotifySubmit,
    NotifyReceive,
    ProxyApplication,
    Login,
    CertificateApply,
    CertificateInstall,
    Installer,
    Software,
}

/// Who is the first contact for a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactId {
    /// 介護電子請求受付システムヘルプデスク
    Reception,
    /// 介護伝送ソフトヘルプデスク
    Denso,
    /// The office's prefecture's 国保連合会.
    Kokuhoren,
    /// The billing software's own contact.
    Software,
    /// The vendor that files claims for the office.
    Vendor,
}

impl ContactId {
    pub const ALL: [ContactId; 5] = [
        ContactId::Reception,
        ContactId::Denso,
        ContactId::Kokuhoren,
        ContactId::Software,
        ContactId::Vendor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactId::Reception => "reception",
            ContactId::Denso => "denso",
            ContactId::Kokuhoren => "kokuhoren",
            ContactId::Software => "software",
            ContactId::Vendor => "vendor",
        }
    }

    pub fn parse(s: &str) -> Option<ContactId> {
        ContactId::ALL.into_iter().find(|c| c.as_str() == s.trim())
    }

    pub fn msg_id(self) -> &'static str {
        match self {
            ContactId::Reception => "contact-reception",
            ContactId::Denso => "contact-denso",
            ContactId::Kokuhoren => "contact-kokuhoren",
            ContactId::Software => "contact-software",
            ContactId::Vendor => "contact-vendor",
        }
    }
}

impl StepId {
    pub const ALL: [StepId; 7] = [
        StepId::Environment,
        StepId::Notify,
        StepId::ProxyApplication,
        StepId::Login,
        StepId::Certificate,
        StepId::Installer,
        StepId::Software,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StepId::Environment => "environment",
            StepId::Notify => "notify",
            StepId::ProxyApplication => "proxy-application",
            StepId::Login => "login",
            StepId::Certificate => "certificate",
            StepId::Installer => "installer",
            StepId::Software => "software",
        }
    }

    pub fn parse(s: &str) -> Option<StepId> {
        let s = crate::text::fold(s).replace('_', "-");
        StepId::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Tasks in order; two tasks mean "submit, then wait to receive".
    pub fn tasks(self) -> &'static [TaskId] {
        match self {
            StepId::Environment => &[TaskId::Environment],
            StepId::Notify => &[TaskId::NotifySubmit, TaskId::NotifyReceive],
            StepId::ProxyApplication => &[TaskId::ProxyApplication],
            StepId::Login => &[TaskId::Login],
            StepId::Certificate => &[TaskId::CertificateApply, TaskId::CertificateInstall],
            StepId::Installer => &[TaskId::Installer],
            StepId::Software => &[TaskId::Software],
        }
    }

    /// Whether the step belongs to the mode's list at all.
    pub fn in_mode(self, mode: Mode) -> bool {
        self != StepId::ProxyApplication || mode == Mode::Proxy
    }

    /// Whether the step must be done in this mode (listed steps that are not
    /// applicable are shown as "—").
    pub fn applies(self, mode: Mode) -> bool {
        match self {
            StepId::ProxyApplication => mode == Mode::Proxy,
            StepId::Certificate | StepId::Installer => mode != Mode::Vendor,
            _ => true,
        }
    }

    /// The first contact for questions about this step.
    pub fn contact(self) -> ContactId {
        match self {
            StepId::Notify => ContactId::Kokuhoren,
            StepId::Software => ContactId::Software,
            _ => ContactId::Reception,
        }
    }

    pub fn msg(self, part: &str) -> String {
        format!("step-{}-{}", self.as_str(), part)
    }

    pub fn title_id(self) -> String {
        self.msg("title")
    }

    /// The message id of the waiting label, for steps with a wait.
    pub fn waiting_id(self) -> Option<String> {
        (self.tasks().len() == 2).then(|| self.msg("waiting"))
    }
}

impl TaskId {
    pub const ALL: [TaskId; 9] = [
        TaskId::Environment,
        TaskId::NotifySubmit,
        TaskId::NotifyReceive,
        TaskId::ProxyApplication,
        TaskId::Login,
        TaskId::CertificateApply,
        TaskId::CertificateInstall,
        TaskId::Installer,
        TaskId::Software,
    ];

    /// A task by its id (folded; `_` may stand for `-`).
    pub fn parse(s: &str) -> Option<TaskId> {
        let s = crate::text::fold(s).replace('_', "-");
        TaskId::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TaskId::Environment => "environment",
            TaskId::NotifySubmit => "notify-submit",
            TaskId::NotifyReceive => "notify-receive",
            TaskId::ProxyApplication => "proxy-application",
            TaskId::Login => "login",
            TaskId::CertificateApply => "certificate-apply",
            TaskId::CertificateInstall => "certificate-install",
            TaskId::Installer => "installer",
            TaskId::Software => "software",
        }
    }

    pub fn msg_id(self) -> String {
        format!("task-{}", self.as_str())
    }

    pub fn step(self) -> StepId {
        StepId::ALL
            .into_iter()
            .find(|s| s.tasks().contains(&self))
            .expect("every task is in a step")
    }
}

/// The steps listed for a mode, in order.
pub fn steps(mode: Mode) -> impl Iterator<Item = StepId> {
    StepId::ALL.into_iter().filter(move |s| s.in_mode(mode))
}

/// When and by whom a task was marked done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoneMark {
    /// Unix seconds.
    pub at: i64,
    pub by: String,
}

/// The state of one step for one office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepStatus {
    Done {
        at: i64,
    },
    /// The first task is done; waiting for what it brings since `since`.
    Waiting {
        since: i64,
    },
    Todo,
    NotApplicable,
}

/// Computes a step's status from the completed tasks.
pub fn status(step: StepId, mode: Mode, done: &BTreeMap<TaskId, DoneMark>) -> StepStatus {
    if !step.applies(mode) {
        return StepStatus::NotApplicable;
    }
    let tasks = step.tasks();
    let marks: Vec<Option<&DoneMark>> = tasks.iter().map(|t| done.get(t)).collect();
    if marks.iter().all(Option::is_some) {
        let at = marks.iter().flatten().map(|m| m.at).max().unwrap_or(0);
        return StepStatus::Done { at };
    }
    match (tasks.len(), marks[0]) {
        (2, Some(first)) => StepStatus::Waiting { since: first.at },
        _ => StepStatus::Todo,
    }
}

/// The first listed, applicable step that is not done.
pub fn current_step(mode: Mode, done: &BTreeMap<TaskId, DoneMark>) -> Option<StepId> {
    steps(mode).find(|s| matches!(status(*s, mode, done), StepStatus::Todo | StepStatus::Waiting { .. }))
}

/// The next open task of a step.
pub fn next_task(step: StepId, done: &BTreeMap<TaskId, DoneMark>) -> Option<TaskId> {
    step.tasks().iter().copied().find(|t| !done.contains_key(t))
}

/// (done, applicable) step counts.
pub fn counts(mode: Mode, done: &BTreeMap<TaskId, DoneMark>) -> (usize, usize) {
    let mut d = 0;
    let mut n = 0;
    for s in steps(mode) {
        match status(s, mode, done) {
            StepStatus::NotApplicable => {}
            StepStatus::Done { .. } => {
                d += 1;
                n += 1
            }
            _ => n += 1,
        }
    }
    (d, n)
}

/// Whole days from `from` to `to` (never negative).
pub fn days_between(from: i64, to: i64) -> i64 {
    (to.saturating_sub(from) / 86_400).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(at: i64) -> DoneMark {
        DoneMark { at, by: "u".into() }
    }

    #[test]
    fn proxy_adds_step_and_vendor_skips() {
        let d: Vec<_> = steps(Mode::Direct).collect();
        assert!(!d.contains(&StepId::ProxyApplication));
        let p: Vec<_> = steps(Mode::Proxy).collect();
        assert_eq!(p[2], StepId::ProxyApplication);
        assert_eq!(p[1], StepId::Notify);
        let empty = BTreeMap::new();
        assert_eq!(
            status(StepId::Certificate, Mode::Vendor, &empty),
            StepStatus::NotApplicable
        );
        assert_eq!(counts(Mode::Vendor, &empty), (0, 4));
        assert_eq!(counts(Mode::Proxy, &empty), (0, 7));
    }

    #[test]
    fn waiting_between_tasks() {
        let mut done = BTreeMap::new();
        done.insert(TaskId::Environment, mark(1));
        done.insert(TaskId::NotifySubmit, mark(5));
        assert_eq!(
            status(StepId::Notify, Mode::Direct, &done),
            StepStatus::Waiting { since: 5 }
        );
        assert_eq!(current_step(Mode::Direct, &done), Some(StepId::Notify));
        assert_eq!(next_task(StepId::Notify, &done), Some(TaskId::NotifyReceive));
        done.insert(TaskId::NotifyReceive, mark(9));
        assert_eq!(status(StepId::Notify, Mode::Direct, &done), StepStatus::Done { at: 9 });
        assert_eq!(current_step(Mode::Direct, &done), Some(StepId::Login));
    }

    #[test]
    fn parse_ids_and_modes() {
        assert_eq!(StepId::parse("Proxy_Application"), Some(StepId::ProxyApplication));
        assert_eq!("代理請求".parse::<Mode>(), Ok(Mode::Proxy));
        assert_eq!("ＶＥＮＤＯＲ".parse::<Mode>(), Ok(Mode::Vendor));
        assert!("x".parse::<Mode>().is_err());
        for t in StepId::ALL.iter().flat_map(|s| s.tasks()) {
            assert!(t.step().tasks().contains(t));
            assert_eq!(TaskId::parse(t.as_str()), Some(*t));
        }
        assert_eq!(
            TaskId::ALL.len(),
            StepId::ALL.iter().map(|s| s.tasks().len()).sum::<usize>()
        );
        assert_eq!(TaskId::parse("Notify_Submit"), Some(TaskId::NotifySubmit));
        assert_eq!(TaskId::parse("notify"), None);
    }
}
