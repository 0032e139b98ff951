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

/// Whose list of steps: an office in its billing mode, or a 代理人.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Track {
    Office(Mode),
    Agent,
}

impl From<Mode> for Track {
    fn from(m: Mode) -> Track {
        Track::Office(m)
    }
}

/// Who does a listed step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Doer {
    /// The office (or the 代理人) whose list it is: numbered, with its tasks.
    Own,
    /// The office's 代理人 (proxy mode): shown with the 代理人's progress.
    Agent,
    /// The vendor that bills for the office (「詳しくは、該当業者の問合せ窓口へ」).
    Vendor,
    /// Each of the 代理人's offices for itself (their 届出, in the 代理人's list).
    Offices,
    /// Nobody: not needed (a vendor-billed office's certificate and installer).
    Nobody,
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

    /// A contact by its id or its name in `locales/synonyms.txt`
    /// (`topic:*`: 「国保連」「請求ソフト」).
    pub fn from_name(s: &str) -> Option<ContactId> {
        let id = crate::text::fold(s);
        ContactId::ALL
            .into_iter()
            .find(|c| c.as_str() == id || crate::text::in_group(&format!("topic:{}", c.as_str()), s))
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

    /// A step by its id or its name in `locales/synonyms.txt` (`step:*`:
    /// 「電子証明書」「届出」).
    pub fn parse(s: &str) -> Option<StepId> {
        let id = crate::text::fold(s).replace('_', "-");
        StepId::ALL.into_iter().find(|st| st.as_str() == id).or_else(|| {
            StepId::ALL
                .into_iter()
                .find(|st| crate::text::in_group(&format!("step:{}", st.as_str()), s))
        })
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

    /// Who does the step in a track's list; `None`: not listed.
    ///
    /// - direct (事業所請求): the office does every step but 代理人申請.
    /// - proxy (代理請求): the office files its own 届出; everything else is
    ///   the 代理人's (one certificate for up to 100 offices).
    /// - vendor: the 届出 and asking the vendor are the office's; the PC and
    ///   the login are the vendor's; certificate and installer are not needed.
    /// - a 代理人: its own steps, with its offices' 届出 before 代理人申請.
    pub fn doer(self, track: impl Into<Track>) -> Option<Doer> {
        use StepId::*;
        Some(match (track.into(), self) {
            (Track::Office(Mode::Direct), ProxyApplication) => return None,
            (Track::Office(Mode::Direct), _) => Doer::Own,
            (Track::Office(Mode::Proxy), Notify) => Doer::Own,
            (Track::Office(Mode::Proxy), _) => Doer::Agent,
            (Track::Office(Mode::Vendor), ProxyApplication) => return None,
            (Track::Office(Mode::Vendor), Notify | Software) => Doer::Own,
            (Track::Office(Mode::Vendor), Environment | Login) => Doer::Vendor,
            (Track::Office(Mode::Vendor), Certificate | Installer) => Doer::Nobody,
            (Track::Agent, Notify) => Doer::Offices,
            (Track::Agent, _) => Doer::Own,
        })
    }

    /// Whether the step is listed for the mode at all.
    pub fn in_mode(self, mode: Mode) -> bool {
        self.doer(mode).is_some()
    }

    /// Whether the office does the step itself in this mode (the others are
    /// shown as the 代理人's, the vendor's, or not needed).
    pub fn applies(self, mode: Mode) -> bool {
        self.doer(mode) == Some(Doer::Own)
    }

    /// Whether the step is numbered in the track's list: the steps its owner
    /// works through (for a 代理人, its offices' 届出 too).
    pub fn numbered(self, track: impl Into<Track>) -> bool {
        matches!(self.doer(track), Some(Doer::Own | Doer::Offices))
    }

    /// The message-id part that tells a track's own text of the step apart
    /// (`step-login-agent-what`), if it has one: the 代理人's steps after
    /// 代理人申請 say where the seed stops; a vendor-billed office's software
    /// step is asking its vendor.
    pub fn variant(self, track: impl Into<Track>) -> Option<&'static str> {
        use StepId::*;
        match (track.into(), self) {
            (Track::Agent, Notify | Login | Certificate | Installer) => Some("agent"),
            (Track::Office(Mode::Vendor), Software) => Some("vendor"),
            _ => None,
        }
    }

    /// The message id of a part of the step as a track shows it.
    pub fn msg_in(self, track: impl Into<Track>, part: &str) -> String {
        match self.variant(track) {
            Some(v) => format!("step-{}-{v}-{part}", self.as_str()),
            None => self.msg(part),
        }
    }

    /// The step's title as a track shows it.
    pub fn title_in(self, track: impl Into<Track>) -> String {
        self.msg_in(track, "title")
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

    /// A task by its id (folded; `_` may stand for `-`) or its name in
    /// `locales/synonyms.txt` (`task:*`: 「届出の提出」「証明書の申請」).
    pub fn parse(s: &str) -> Option<TaskId> {
        let id = crate::text::fold(s).replace('_', "-");
        // Ids first: the bank's examples and stored records name tasks so.
        TaskId::ALL.into_iter().find(|t| t.as_str() == id).or_else(|| {
            TaskId::ALL
                .into_iter()
                .find(|t| crate::text::in_group(&format!("task:{}", t.as_str()), s))
        })
    }

    /// The message id of the name a user types for this task in `/done
    /// step:` (its id in English, 「届出の提出」 in Japanese).
    pub fn value_id(self) -> String {
        format!("task-value-{}", self.as_str())
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

    /// The task's name as a track shows it (a vendor-billed office's
    /// software task is asking its vendor).
    pub fn msg_in(self, track: impl Into<Track>) -> String {
        match self.step().variant(track) {
            Some(v) if self.step().tasks().len() == 1 => format!("task-{}-{v}", self.as_str()),
            _ => self.msg_id(),
        }
    }

    pub fn step(self) -> StepId {
        StepId::ALL
            .into_iter()
            .find(|s| s.tasks().contains(&self))
            .expect("every task is in a step")
    }
}

/// The steps listed for a track (a mode or a 代理人), in order.
pub fn steps(track: impl Into<Track>) -> impl Iterator<Item = StepId> {
    let track = track.into();
    StepId::ALL.into_iter().filter(move |s| s.doer(track).is_some())
}

/// The numbered steps of a track, in order: what `手順 n/total` and
/// `/done step:n` count, and what the progress count counts.
pub fn numbered(track: impl Into<Track>) -> impl Iterator<Item = StepId> {
    let track = track.into();
    StepId::ALL.into_iter().filter(move |s| s.numbered(track))
}

/// A step's place among the track's numbered steps: (n, total), or `None`
/// for a step someone else does.
pub fn position(track: impl Into<Track>, step: StepId) -> Option<(usize, usize)> {
    let list: Vec<StepId> = numbered(track).collect();
    let n = list.iter().position(|s| *s == step)?;
    Some((n + 1, list.len()))
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

/// Computes a step's status from the completed tasks of whoever does it in
/// the track (a step someone else does is `NotApplicable` here).
pub fn status(step: StepId, track: impl Into<Track>, done: &BTreeMap<TaskId, DoneMark>) -> StepStatus {
    if step.doer(track) != Some(Doer::Own) {
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

/// The first of the track's own steps that is not done.
pub fn current_step(track: impl Into<Track>, done: &BTreeMap<TaskId, DoneMark>) -> Option<StepId> {
    let track = track.into();
    steps(track).find(|s| status(*s, track, done).is_open())
}

impl StepStatus {
    /// To do or waiting.
    pub fn is_open(&self) -> bool {
        matches!(self, StepStatus::Todo | StepStatus::Waiting { .. })
    }
}

/// Where a 代理人's offices are with their 届出 (each office's own step).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub offices: usize,
    /// Offices that submitted their 届出 (received or not).
    pub submitted: usize,
    /// Offices whose 「電子請求登録結果に関するお知らせ」 arrived.
    pub received: usize,
    /// The earliest submission still waiting for its letter.
    pub waiting_since: Option<i64>,
    /// The last letter received.
    pub last_received: Option<i64>,
}

impl Tally {
    /// Counts the offices' 届出 from their completed tasks.
    pub fn of<'a>(offices: impl IntoIterator<Item = &'a BTreeMap<TaskId, DoneMark>>) -> Tally {
        let mut t = Tally::default();
        for done in offices {
            t.offices += 1;
            let submit = done.get(&TaskId::NotifySubmit);
            let receive = done.get(&TaskId::NotifyReceive);
            t.submitted += usize::from(submit.is_some());
            match (submit, receive) {
                (_, Some(r)) => {
                    t.received += 1;
                    t.last_received = t.last_received.max(Some(r.at));
                }
                (Some(s), None) => t.waiting_since = Some(t.waiting_since.map_or(s.at, |w| w.min(s.at))),
                (None, None) => {}
            }
        }
        t
    }

    /// The 代理人's step for its offices' 届出: done when every office has
    /// its letter, waiting when every office has submitted, else to do (a
    /// 代理人 without offices has this to do: registering them).
    pub fn status(&self) -> StepStatus {
        match (self.offices, self.received, self.submitted) {
            (0, ..) => StepStatus::Todo,
            (n, r, _) if r == n => StepStatus::Done {
                at: self.last_received.unwrap_or(0),
            },
            (n, _, s) if s == n => StepStatus::Waiting {
                since: self.waiting_since.unwrap_or(0),
            },
            _ => StepStatus::Todo,
        }
    }
}

/// A step's status in a 代理人's list: its offices' 届出 from the tally,
/// its own steps from its tasks.
pub fn agent_status(step: StepId, done: &BTreeMap<TaskId, DoneMark>, tally: &Tally) -> StepStatus {
    match step.doer(Track::Agent) {
        Some(Doer::Offices) => tally.status(),
        _ => status(step, Track::Agent, done),
    }
}

/// A 代理人's current step: the first of its list (its offices' 届出 included) not done.
pub fn agent_current_step(done: &BTreeMap<TaskId, DoneMark>, tally: &Tally) -> Option<StepId> {
    steps(Track::Agent).find(|s| agent_status(*s, done, tally).is_open())
}

/// A 代理人's first own step not done (what its offices wait for once their
/// 届出 are in).
pub fn agent_next_own_step(done: &BTreeMap<TaskId, DoneMark>) -> Option<StepId> {
    current_step(Track::Agent, done)
}

/// (done, total) of a 代理人's numbered steps.
pub fn agent_counts(done: &BTreeMap<TaskId, DoneMark>, tally: &Tally) -> (usize, usize) {
    let list: Vec<StepId> = numbered(Track::Agent).collect();
    let d = list
        .iter()
        .filter(|s| matches!(agent_status(**s, done, tally), StepStatus::Done { .. }))
        .count();
    (d, list.len())
}

/// The next open task of a step.
pub fn next_task(step: StepId, done: &BTreeMap<TaskId, DoneMark>) -> Option<TaskId> {
    step.tasks().iter().copied().find(|t| !done.contains_key(t))
}

/// (done, total) of the track's own steps: the numbered ones, so the count
/// agrees with `手順 n/total`.
pub fn counts(track: impl Into<Track>, done: &BTreeMap<TaskId, DoneMark>) -> (usize, usize) {
    let track = track.into();
    let mut d = 0;
    let mut n = 0;
    for s in steps(track) {
        match status(s, track, done) {
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
        // Each mode counts the steps the office does itself.
        assert_eq!(counts(Mode::Vendor, &empty), (0, 2));
        assert_eq!(counts(Mode::Proxy, &empty), (0, 1));
        assert_eq!(
            numbered(Mode::Vendor).collect::<Vec<_>>(),
            [StepId::Notify, StepId::Software]
        );
        assert_eq!(numbered(Mode::Proxy).collect::<Vec<_>>(), [StepId::Notify]);
        assert_eq!(numbered(Track::Agent).count(), 7);
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
        // Japanese names.
        assert_eq!(TaskId::parse("証明書の申請"), Some(TaskId::CertificateApply));
        assert_eq!(TaskId::parse("届出の提出"), Some(TaskId::NotifySubmit));
        assert_eq!(TaskId::parse("届出"), None);
        assert_eq!(StepId::parse("電子証明書"), Some(StepId::Certificate));
        assert_eq!(StepId::parse("届出"), Some(StepId::Notify));
        assert_eq!(ContactId::from_name("国保連"), Some(ContactId::Kokuhoren));
        assert_eq!(ContactId::from_name("請求ソフト"), Some(ContactId::Software));
        assert_eq!(ContactId::from_name("denso"), Some(ContactId::Denso));
    }
}
