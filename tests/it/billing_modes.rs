//! Proxy billing (代理請求) with a 代理人 of its own, and vendor-billed
//! offices, from registration to the end with a fixed clock.
//!
//! - `World`: the pure engine over several channels, offices and 代理人 (a
//!   tiny in-test store that checks every write the way the store does).
//! - The same through `App` on a data directory: export and restore, `check`,
//!   the roster's `agent` column, the staff summary grouped by 代理人.

use std::collections::BTreeMap;
use std::path::Path;

use seikyu_navi::app::{App, Knowledge};
use seikyu_navi::cards::AgentView;
use seikyu_navi::command::Input;
use seikyu_navi::config::Config;
use seikyu_navi::content::{Content, Lang};
use seikyu_navi::engine::{self, Ctx, Outcome};
use seikyu_navi::error::UserError;
use seikyu_navi::model::{agent_key, Action, Actor, Agent, Change, Event, Office, MAX_AGENT_OFFICES};
use seikyu_navi::office_number::OfficeNumber;
use seikyu_navi::playbook::{self, ContactId, Mode, StepId, StepStatus, TaskId, Track};
use seikyu_navi::reply::{ButtonAction, Contact, Mark, Reply, Tone};
use seikyu_navi::staff;

use crate::support::{
    buttons, checklist, contact, date, find, has, ids, input, msgs, num, number, office_number, run, run_ok, staff,
    string, sub, user, DAY, T0,
};

/// A loaded 代理人 as the engine reads it.
fn view(a: &Option<(Agent, Vec<Office>)>) -> Option<AgentView<'_>> {
    a.as_ref().map(|(agent, offices)| AgentView { agent, offices })
}

/// What a channel is bound to.
#[derive(Debug, Clone, PartialEq)]
enum Holder {
    Office(String),
    Agent(String),
}

/// Several channels, offices and 代理人: loads what `App` loads for a
/// command, runs the engine, and applies each write after checking it.
pub(crate) struct World {
    pub(crate) config: Config,
    pub(crate) now: i64,
    actor: Actor,
    offices: BTreeMap<String, Office>,
    agents: BTreeMap<String, Agent>,
    channels: BTreeMap<String, Holder>,
    office_history: BTreeMap<String, Vec<Event>>,
    pub(crate) agent_history: BTreeMap<String, Vec<Event>>,
}

impl World {
    pub(crate) fn new() -> World {
        World::with_config(Config::default())
    }

    fn with_config(config: Config) -> World {
        World {
            config,
            now: T0,
            actor: user(),
            offices: BTreeMap::new(),
            agents: BTreeMap::new(),
            channels: BTreeMap::new(),
            office_history: BTreeMap::new(),
            agent_history: BTreeMap::new(),
        }
    }

    pub(crate) fn agent_offices(&self, key: &str) -> Vec<Office> {
        self.offices
            .values()
            .filter(|o| o.agent.as_deref() == Some(key))
            .cloned()
            .collect()
    }

    fn run(&mut self, channel: &str, input: &Input) -> Result<Outcome, UserError> {
        let office = match self.channels.get(channel) {
            Some(Holder::Office(n)) => self.offices.get(n).cloned(),
            _ => None,
        };
        let agent_key_here = match (&office, self.channels.get(channel)) {
            (Some(o), _) => o.agent.clone(),
            (None, Some(Holder::Agent(k))) => Some(k.clone()),
            _ => None,
        };
        let agent = agent_key_here
            .as_ref()
            .map(|k| (self.agents[k].clone(), self.agent_offices(k)));
        let history = match (input, &office, &agent) {
            (Input::Undo, Some(o), _) => self.office_history[o.number.as_str()].clone(),
            (Input::Undo, None, Some((a, _))) => self.agent_history[&a.key].clone(),
            _ => Vec::new(),
        };
        let existing = match engine::register_number(input) {
            Some(Ok(n)) => self.offices.get(n.as_str()).cloned(),
            _ => None,
        };
        let existing_agent = engine::register_agent(input)
            .filter(|k| Some(k) != agent_key_here.as_ref())
            .and_then(|k| self.agents.get(&k).cloned())
            .map(|a| {
                let offices = self.agent_offices(&a.key);
                (a, offices)
            });
        let ctx = Ctx {
            now: self.now,
            actor: &self.actor,
            channel,
            office: office.as_ref(),
            history: &history,
            existing: existing.as_ref(),
            config: &self.config,
            agent: view(&agent),
            existing_agent: view(&existing_agent),
        };
        let res = engine::handle(&ctx, input);
        if let Ok(Outcome { change: Some(ch), .. }) = &res {
            self.apply(ch.clone());
        }
        res
    }

    /// Applies a change as the store's transaction does, checking revisions,
    /// sequence numbers and channel bindings.
    fn apply(&mut self, change: Change) {
        assert!(change.office.is_some() || change.agent.is_some(), "an empty change");
        // The office first: it may leave the channel the 代理人 takes.
        if let Some(w) = change.office {
            let n = w.office.number.to_string();
            let history = self.office_history.entry(n.clone()).or_default();
            assert_eq!(
                w.expected_revision,
                self.offices.get(&n).map(|o| o.revision),
                "office revision"
            );
            assert_eq!(w.event.seq, history.len() as u64 + 1, "office seq");
            assert_eq!(w.office.revision, w.event.seq);
            assert_eq!((w.event.at, w.office.updated_at), (self.now, self.now));
            if w.office.agent.is_some() {
                assert_eq!(w.office.mode, Mode::Proxy, "a 代理人's office bills by proxy");
            }
            if let Some(ch) = &w.bind {
                match self.channels.get(ch) {
                    None => {}
                    Some(Holder::Office(o)) => {
                        assert!(*o == n || w.displaced.as_ref().is_some_and(|d| d.as_str() == o))
                    }
                    Some(h) => panic!("channel {ch} is held by {h:?}"),
                }
                self.channels.insert(ch.clone(), Holder::Office(n.clone()));
            }
            if let Some(ch) = &w.unbind {
                if self.channels.get(ch) == Some(&Holder::Office(n.clone())) {
                    self.channels.remove(ch);
                }
            }
            history.push(w.event);
            self.offices.insert(n, w.office);
        }
        if let Some(w) = change.agent {
            let key = w.agent.key.clone();
            let history = self.agent_history.entry(key.clone()).or_default();
            assert_eq!(
                w.expected_revision,
                self.agents.get(&key).map(|a| a.revision),
                "agent revision"
            );
            assert_eq!(w.event.seq, history.len() as u64 + 1, "agent seq");
            assert_eq!(w.agent.revision, w.event.seq);
            assert_eq!((w.event.at, w.agent.updated_at), (self.now, self.now));
            if let Some(ch) = &w.bind {
                match self.channels.get(ch) {
                    None => {}
                    Some(Holder::Agent(k)) => assert_eq!(*k, key, "channel held by another 代理人"),
                    Some(h) => panic!("channel {ch} is held by {h:?}"),
                }
                self.channels.insert(ch.clone(), Holder::Agent(key.clone()));
            }
            if let Some(ch) = &w.unbind {
                if self.channels.get(ch) == Some(&Holder::Agent(key.clone())) {
                    self.channels.remove(ch);
                }
            }
            history.push(w.event);
            self.agents.insert(key, w.agent);
        }
        for o in self.offices.values() {
            if let Some(k) = &o.agent {
                assert!(
                    self.agents.contains_key(k),
                    "office {} names an unknown 代理人",
                    o.number
                );
            }
        }
    }

    pub(crate) fn ok(&mut self, channel: &str, line: &str) -> Outcome {
        let out = self
            .run(channel, &input(line))
            .unwrap_or_else(|e| panic!("{channel}: {line}: {e:?}"));
        assert_ne!(out.reply.tone, Tone::Error, "{line}");
        out
    }

    pub(crate) fn err(&mut self, channel: &str, line: &str) -> UserError {
        let before = (self.offices.clone(), self.agents.clone(), self.channels.clone());
        let e = match self.run(channel, &input(line)) {
            Ok(out) => panic!("{line} succeeded: {:?}", ids(&out.reply)),
            Err(e) => e,
        };
        assert_eq!(
            (self.offices.clone(), self.agents.clone(), self.channels.clone()),
            before
        );
        e
    }

    pub(crate) fn days(&mut self, n: i64) {
        self.now += n * DAY;
    }

    pub(crate) fn office(&self, number: &str) -> &Office {
        &self.offices[number]
    }

    pub(crate) fn agent(&self, name: &str) -> &Agent {
        &self.agents[&agent_key(name)]
    }

    pub(crate) fn last_agent_action(&self, name: &str) -> &Action {
        &self.agent_history[&agent_key(name)].last().expect("history").action
    }
}

/// (n, total, title id) of a card's heading.
fn heading(r: &Reply) -> (i64, i64, String) {
    let m = find(r, "step-heading");
    (num(m, "n"), num(m, "total"), sub(m, "title").id.clone())
}

/// (n, total, title id) of the step `/done` points to (its card is `/next`'s).
fn next_step(r: &Reply) -> (i64, i64, String) {
    assert!(!has(r, "step-heading"), "{:?}", ids(r));
    let m = sub(find(r, "done-next-step"), "step");
    (num(m, "n"), num(m, "total"), sub(m, "title").id.clone())
}

/// The checklist as (step, mark, message id).
fn items(r: &Reply) -> Vec<(StepId, Mark, &str)> {
    checklist(r)
        .iter()
        .map(|i| (i.step, i.mark, i.text.id.as_str()))
        .collect()
}

/// (done, total) of a reply's progress count.
fn count(r: &Reply) -> (i64, i64) {
    let c = find(r, "progress-count");
    (num(c, "done"), num(c, "total"))
}

fn builtin(id: ContactId) -> Contact {
    Contact {
        id: Some(id),
        ..Contact::default()
    }
}

pub(crate) const GROUP: &str = "さくらケアグループ";
pub(crate) const NAMES: [&str; 5] = [
    "さくらケア本部",
    "さくらケア東町",
    "さくらケア西町",
    "さくらケア南町",
    "さくらケア北町",
];

/// The five office numbers of the group (Tokyo, valid check digits).
pub(crate) fn group_numbers() -> Vec<String> {
    (1..=5).map(|i| number(&format!("13701000{i}"))).collect()
}

#[test]
fn a_proxy_with_five_offices_from_registration_to_the_end() {
    let mut w = World::new();
    let numbers = group_numbers();
    let ch = "sakura-group";

    // The first /register with agent: creates the 代理人 here; its channel is
    // the 代理人's, and the office gets none of its own.
    let out = w.ok(
        ch,
        &format!(
            "/register number:{} name:{} agent:{GROUP} software:国保中央会介護伝送ソフト",
            numbers[0], NAMES[0]
        ),
    );
    let change = out.change.as_ref().unwrap();
    let aw = change.agent.as_ref().expect("the 代理人 is created");
    assert_eq!((aw.expected_revision, aw.bind.as_deref()), (None, Some(ch)));
    assert_eq!(
        aw.event.action,
        Action::AgentRegistered {
            name: GROUP.into(),
            software: Some("国保中央会介護伝送ソフト".into())
        }
    );
    let ow = change.office.as_ref().expect("the office is created");
    assert_eq!((ow.expected_revision, ow.bind.as_deref()), (None, None));
    assert_eq!(ow.office.agent.as_deref(), Some(agent_key(GROUP).as_str()));
    assert_eq!(ow.office.mode, Mode::Proxy);
    let r = &out.reply;
    assert_eq!(string(find(r, "register-agent-created"), "agent"), GROUP);
    assert_eq!(num(find(r, "register-agent-office"), "offices"), 1);
    assert!(has(r, "agent-desc"));
    // The 代理人's walkthrough: 7 numbered steps, its offices' 届出 second.
    assert_eq!(heading(r), (1, 7, "step-environment-title".into()));
    assert_eq!(buttons(r)[0], ButtonAction::Done(TaskId::Environment));

    // The other four in the same channel: agent: can be left out.
    for (i, (n, name)) in numbers.iter().zip(NAMES).enumerate().skip(1) {
        let out = w.ok(ch, &format!("/register number:{n} name:{name}"));
        let m = find(&out.reply, "register-agent-office");
        assert_eq!((string(m, "agent"), num(m, "offices")), (GROUP, i as i64 + 1));
        assert!(
            out.change.as_ref().unwrap().agent.is_none(),
            "the 代理人 is not written again"
        );
        assert!(!has(&out.reply, "register-agent-created"));
    }
    assert_eq!(w.agent_offices(&agent_key(GROUP)).len(), 5);
    assert!(w.offices.values().all(|o| o.channel.is_none() && o.mode == Mode::Proxy));
    // Registering the same office again changes nothing; another 代理人's
    // name is refused in this channel.
    let out = w.ok(ch, &format!("/register number:{} name:{}", numbers[1], NAMES[1]));
    assert!(out.change.is_none());
    assert!(has(&out.reply, "register-unchanged"));
    assert_eq!(
        w.err(
            ch,
            &format!("/register number:{} name:x agent:別の代理人", number("137010009"))
        ),
        UserError::ChannelIsAgents(GROUP.into())
    );
    assert_eq!(
        w.err(
            ch,
            &format!("/register number:{} name:x mode:direct", number("137010009"))
        ),
        UserError::AgentNeedsProxy("direct".into())
    );

    // Step 1: the 代理人's PC.
    w.days(1);
    let out = w.ok(ch, "/done");
    assert_eq!(
        w.last_agent_action(GROUP),
        &Action::TaskDone {
            task: TaskId::Environment
        }
    );
    assert!(out.change.as_ref().unwrap().office.is_none());
    assert_eq!(count(&out.reply), (1, 7));
    assert_eq!(next_step(&out.reply), (2, 7, "step-notify-agent-title".into()));
    // Step 2: each office's 届出, tracked per office.
    let next = w.ok(ch, "/next");
    let r = &next.reply;
    assert_eq!(heading(r), (2, 7, "step-notify-agent-title".into()));
    assert_eq!(num(find(r, "agent-offices-notify"), "offices"), 5);
    assert!(has(r, "step-notify-agent-what"));
    // The 国保連合会 of its first office waiting for its letter (Tokyo).
    assert_eq!(contact(r).key.as_deref(), Some("kokuhoren-13"));
    assert!(!buttons(r).iter().any(|b| matches!(b, ButtonAction::Done(_))));
    assert_eq!(w.err(ch, "/done"), UserError::WhichOffice(numbers[0].clone()));
    assert_eq!(
        w.err(ch, "/done step:2"),
        UserError::WhichOffice(numbers[0].clone()),
        "by number too"
    );
    assert_eq!(
        w.err(ch, &format!("/done office:{}", number("137010009"))),
        UserError::NotAgentsOffice {
            number: number("137010009"),
            agent: GROUP.into()
        }
    );
    let mut submitted = BTreeMap::new();
    for n in &numbers {
        w.days(1);
        let out = w.ok(ch, &format!("/done office:{n}"));
        submitted.insert(n.clone(), w.now);
        let change = out.change.as_ref().unwrap();
        let ow = change.office.as_ref().unwrap();
        assert_eq!(
            ow.event.action,
            Action::TaskDone {
                task: TaskId::NotifySubmit
            }
        );
        assert_eq!(
            change.agent.as_ref().unwrap().event.action,
            Action::OfficeTaskDone {
                number: office_number(n),
                task: TaskId::NotifySubmit,
                seq: ow.event.seq
            }
        );
        let m = find(&out.reply, "done-task-office");
        assert_eq!(string(sub(m, "office"), "number"), n);
        assert_eq!(string(find(&out.reply, "done-now-waiting-office"), "number"), n);
    }
    // Every office has submitted: the 代理人 waits for their letters.
    assert!(matches!(
        playbook::agent_status(
            StepId::Notify,
            &w.agent(GROUP).done,
            &playbook::Tally::of(w.offices.values().map(|o| &o.done))
        ),
        StepStatus::Waiting { .. }
    ));
    w.days(10);
    let r = w.ok(ch, "/next").reply;
    let m = find(&r, "next-waiting-agent");
    assert_eq!((date(m, "since"), num(m, "days")), (submitted[&numbers[0]], 14));
    for (i, n) in numbers.iter().enumerate() {
        w.days(1);
        let out = w.ok(ch, &format!("/done office:{n}"));
        assert_eq!(
            out.change.as_ref().unwrap().office.as_ref().unwrap().event.action,
            Action::TaskDone {
                task: TaskId::NotifyReceive
            }
        );
        let m = find(&out.reply, "agent-offices-count");
        assert_eq!((num(m, "received"), num(m, "offices")), (i as i64 + 1, 5));
    }
    // The last letter: /undo takes it back (in the office's history and the
    // 代理人's), and it is marked again.
    let last = numbers[4].clone();
    let r = w.ok(ch, "/undo").reply;
    assert!(has(&r, "undo-task-office"));
    assert!(!w.office(&last).done.contains_key(&TaskId::NotifyReceive));
    assert_eq!(w.office_history[&last].last().unwrap().action, Action::Undo { seq: 3 });
    assert!(matches!(w.last_agent_action(GROUP), Action::Undo { .. }));
    let r = w.ok(ch, &format!("/done office:{last}")).reply;
    assert_eq!(
        w.err(ch, &format!("/done office:{last}")),
        UserError::StepAlreadyDone(StepId::Notify)
    );
    // Step 3: 代理人申請, then the steps the seed does not describe.
    assert_eq!(next_step(&r), (3, 7, "step-proxy-application-title".into()));
    let r = w.ok(ch, "/next").reply;
    assert_eq!(heading(&r), (3, 7, "step-proxy-application-title".into()));
    w.days(1);
    let r = w.ok(ch, "/done").reply;
    assert_eq!(
        w.last_agent_action(GROUP),
        &Action::TaskDone {
            task: TaskId::ProxyApplication
        }
    );
    assert_eq!(count(&r), (3, 7));
    assert_eq!(next_step(&r), (4, 7, "step-login-agent-title".into()));
    let r = w.ok(ch, "/next").reply;
    assert_eq!(heading(&r), (4, 7, "step-login-agent-title".into()));
    assert!(has(&r, "step-login-agent-what"), "the seed's gap is said");
    assert_eq!(contact(&r), &builtin(ContactId::Reception));
    w.days(1);
    let r = w.ok(ch, "/done").reply;
    assert_eq!(next_step(&r), (5, 7, "step-certificate-agent-title".into()));
    // One certificate, for the 代理人: its fee once.
    let r = w.ok(ch, "/next").reply;
    assert_eq!(heading(&r), (5, 7, "step-certificate-agent-title".into()));
    assert!(has(&r, "step-certificate-agent-need"));
    assert!(!has(&r, "step-certificate-need"), "no per-office fee");
    w.days(1);
    let applied = w.now;
    let r = w.ok(ch, "/done").reply;
    assert_eq!(
        sub(find(&r, "done-now-waiting"), "what").id,
        "step-certificate-agent-waiting"
    );
    w.days(3);
    let r = w.ok(ch, "/next").reply;
    let m = find(&r, "next-waiting-agent");
    assert_eq!((date(m, "since"), num(m, "days")), (applied, 3));
    assert_eq!(sub(find(&r, "next-task"), "task").id, "task-certificate-install");
    for task in [TaskId::CertificateInstall, TaskId::Installer, TaskId::Software] {
        w.days(1);
        let r = w.ok(ch, "/done").reply;
        assert_eq!(w.last_agent_action(GROUP), &Action::TaskDone { task });
        if task == TaskId::Installer {
            assert_eq!(next_step(&r), (7, 7, "step-software-title".into()));
            let r = w.ok(ch, "/next").reply;
            assert_eq!(heading(&r), (7, 7, "step-software-title".into()));
            // The 代理人's software: the 介護伝送ソフトヘルプデスク.
            assert_eq!(contact(&r), &builtin(ContactId::Denso));
        }
    }
    let r = w.ok(ch, "/next").reply;
    assert_eq!(ids(&r)[..2], ["steps-complete-title", "agent-complete"]);
    assert_eq!(w.err(ch, "/done"), UserError::AgentAllDone);
    let r = w.ok(ch, "/progress").reply;
    assert_eq!(count(&r), (7, 7));
    assert!(checklist(&r).iter().all(|i| i.mark == Mark::Done));

    // One certificate, applied for and installed once, by the 代理人 alone.
    let agent = w.agent(GROUP).clone();
    assert!(agent.done.contains_key(&TaskId::CertificateApply));
    assert!(agent.done.contains_key(&TaskId::CertificateInstall));
    for o in w.offices.values() {
        // Each office's 届出 is its own, with its own dates; nothing else.
        assert_eq!(
            o.done.keys().copied().collect::<Vec<_>>(),
            [TaskId::NotifySubmit, TaskId::NotifyReceive],
            "{}",
            o.number
        );
        assert_eq!(o.done[&TaskId::NotifySubmit].at, submitted[o.number.as_str()]);
        assert!(o.is_complete());
    }
    let agent_events = &w.agent_history[&agent.key];
    assert_eq!(
        agent_events
            .iter()
            .filter(|e| matches!(e.action, Action::OfficeTaskDone { .. }))
            .count(),
        11,
        "10 marks and the one made again after /undo"
    );

    // Staff: the 代理人's row and its offices', done when both are.
    let offices = w.agent_offices(&agent.key);
    let view = AgentView {
        agent: &agent,
        offices: &offices,
    };
    let row = staff::agent_row(&view, w.now, 7);
    assert_eq!((row.offices, row.received, row.current_step), (5, 5, None));
    assert_eq!((row.done_steps, row.total_steps), (7, 7));
    for o in &offices {
        let r = staff::row(o, Some(&agent), w.now, 7);
        assert_eq!(r.current_step, None);
        assert_eq!(r.agent.as_deref(), Some(GROUP));
        assert!(r.completed_at.is_some());
    }
}

#[test]
fn an_office_in_its_own_channel_sees_its_agents_steps_as_the_agents() {
    let mut w = World::new();
    let numbers = group_numbers();
    w.ok(
        "sakura-group",
        &format!("/register number:{} name:{} agent:{GROUP}", numbers[0], NAMES[0]),
    );
    // An office registered earlier in its own channel joins the 代理人 from there.
    let own = numbers[1].clone();
    w.ok("higashi", &format!("/register number:{own} name:{}", NAMES[1]));
    w.ok("higashi", "/done"); // its own PC, in direct mode
    assert_eq!(
        w.err(
            "higashi",
            &format!("/register number:{own} name:{} agent:ないグループ", NAMES[1])
        ),
        UserError::UnknownAgent("ないグループ".into())
    );
    let out = w.ok(
        "higashi",
        &format!("/register number:{own} name:{} agent:{GROUP}", NAMES[1]),
    );
    let ow = out.change.as_ref().unwrap().office.as_ref().unwrap();
    assert!(matches!(
        &ow.event.action,
        Action::Updated { mode: Mode::Proxy, prev_mode: Mode::Direct, agent: Some(a), prev_agent: None, .. } if *a == agent_key(GROUP)
    ));
    assert_eq!(
        w.office(&own).channel.as_deref(),
        Some("higashi"),
        "it keeps its channel"
    );
    // Its card: its own 届出, numbered 1/1, and who does the rest.
    let r = &out.reply;
    assert_eq!(heading(r), (1, 1, "step-notify-title".into()));
    assert_eq!(string(find(r, "proxy-office-note"), "agent"), GROUP);
    // Its checklist: the 代理人's steps are the 代理人's, never its ☐.
    w.days(1);
    w.ok("sakura-group", "/done"); // the 代理人's PC
    let r = w.ok("higashi", "/progress").reply;
    assert_eq!(string(find(&r, "progress-title-agent-office"), "agent"), GROUP);
    assert_eq!(
        items(&r),
        vec![
            (StepId::Environment, Mark::Done, "progress-item-agent-done"),
            (StepId::Notify, Mark::Todo, "progress-item-todo"),
            (StepId::ProxyApplication, Mark::Other, "progress-item-agent"),
            (StepId::Login, Mark::Other, "progress-item-agent"),
            (StepId::Certificate, Mark::Other, "progress-item-agent"),
            (StepId::Installer, Mark::Other, "progress-item-agent"),
            (StepId::Software, Mark::Other, "progress-item-agent"),
        ]
    );
    assert_eq!(count(&r), (0, 1));
    assert_eq!(
        w.err("higashi", "/done step:certificate"),
        UserError::StepIsAgents {
            step: StepId::Certificate,
            agent: GROUP.into()
        }
    );
    // Its 届出 from its own channel; the 代理人's channel sees it.
    w.ok("higashi", "/done");
    let r = w.ok("higashi", "/done").reply;
    assert_eq!(count(&r), (1, 1));
    let m = find(&r, "office-part-complete");
    assert_eq!(string(m, "agent"), GROUP);
    assert_eq!(sub(sub(m, "step"), "title").id, "step-proxy-application-title");
    assert_eq!(w.err("higashi", "/done"), UserError::OfficePartDone(Some(GROUP.into())));
    let tally = playbook::Tally::of(w.agent_offices(&agent_key(GROUP)).iter().map(|o| &o.done));
    assert_eq!((tally.offices, tally.received), (2, 1));
    // Fees and certificates are answered for proxy billing: no "consider
    // proxy billing" to an office that chose it.
    let kb = Knowledge::load(Config::default()).unwrap();
    let a = kb.answer("証明書代はいくら？5事業所分払うの？", Some(w.office(&own)));
    assert!(
        matches!(
            a.answer.as_deref(),
            Some("faq-certificate-fee.proxy" | "faq-multiple-offices.proxy")
        ),
        "{:?}",
        a.answer
    );
    let text = kb
        .content
        .text(Lang::Ja, &seikyu_navi::reply::Msg::new(a.answer.unwrap()));
    assert!(!text.contains("ご検討"), "{text}");
    assert!(text.contains("1つ分"), "{text}");

    // Leaving proxy mode leaves the 代理人; /undo brings it back.
    let r = w.ok("higashi", "/mode mode:direct").reply;
    assert_eq!(string(find(&r, "mode-left-agent"), "agent"), GROUP);
    assert_eq!(w.office(&own).agent, None);
    assert_eq!(w.agent_offices(&agent_key(GROUP)).len(), 1);
    w.ok("higashi", "/undo");
    assert_eq!(w.office(&own).agent.as_deref(), Some(agent_key(GROUP).as_str()));
    assert_eq!(w.office(&own).mode, Mode::Proxy);
}

#[test]
fn a_group_that_began_in_proxy_mode_turns_its_channel_into_its_proxys() {
    // The clerk registered the head office in proxy mode first (the
    // walkthrough's path), then wants the other offices in the same channel.
    let mut w = World::new();
    let numbers = group_numbers();
    let ch = "sakura-group";
    w.ok(
        ch,
        &format!("/register number:{} name:{} mode:代理請求", numbers[0], NAMES[0]),
    );
    assert_eq!(
        w.err(ch, &format!("/register number:{} name:{}", numbers[1], NAMES[1])),
        UserError::ChannelBoundProxy(numbers[0].clone()),
        "the error says how"
    );
    let out = w.ok(
        ch,
        &format!("/register number:{} name:{} agent:{GROUP}", numbers[0], NAMES[0]),
    );
    let change = out.change.as_ref().unwrap();
    let ow = change.office.as_ref().unwrap();
    assert_eq!((ow.unbind.as_deref(), ow.office.channel.as_deref()), (Some(ch), None));
    assert_eq!(change.agent.as_ref().unwrap().bind.as_deref(), Some(ch));
    assert_eq!(string(find(&out.reply, "register-agent-channel-moved"), "agent"), GROUP);
    assert_eq!(heading(&out.reply), (1, 7, "step-environment-title".into()));
    assert_eq!(w.channels.get(ch), Some(&Holder::Agent(agent_key(GROUP))));
    // Now the others join here.
    let out = w.ok(ch, &format!("/register number:{} name:{}", numbers[1], NAMES[1]));
    assert_eq!(num(find(&out.reply, "register-agent-office"), "offices"), 2);
    // A direct office does not turn its channel into a new 代理人's.
    w.ok("own", &format!("/register number:{} name:{}", numbers[2], NAMES[2]));
    assert_eq!(
        w.err(
            "own",
            &format!("/register number:{} name:{} agent:ほかのグループ", numbers[2], NAMES[2])
        ),
        UserError::UnknownAgent("ほかのグループ".into())
    );
}

#[test]
fn who_may_register_under_a_proxy() {
    let mut w = World::new();
    let numbers = group_numbers();
    w.ok(
        "sakura-group",
        &format!("/register number:{} name:{} agent:{GROUP}", numbers[0], NAMES[0]),
    );
    // The 代理人 is bound: another channel cannot take it, staff can move it.
    assert_eq!(
        w.err(
            "elsewhere",
            &format!("/register number:{} name:x agent:{GROUP}", numbers[1])
        ),
        UserError::AgentBoundElsewhere(GROUP.into())
    );
    // An office bound to another channel is not moved under a 代理人 by a user.
    w.ok("own", &format!("/register number:{} name:{}", numbers[2], NAMES[2]));
    assert_eq!(
        w.err(
            "sakura-group",
            &format!("/register number:{} name:{}", numbers[2], NAMES[2])
        ),
        UserError::NumberBoundElsewhere {
            number: numbers[2].clone()
        }
    );
    // Staff may.
    w.actor = staff();
    let out = w.ok(
        "sakura-group",
        &format!("/register number:{} name:{}", numbers[2], NAMES[2]),
    );
    assert_eq!(num(find(&out.reply, "register-agent-office"), "offices"), 2);
    assert_eq!(w.office(&numbers[2]).agent.as_deref(), Some(agent_key(GROUP).as_str()));
    let out = w.ok(
        "new-room",
        &format!("/register number:{} name:{} agent:{GROUP}", numbers[0], NAMES[0]),
    );
    assert!(has(&out.reply, "register-agent-bound"));
    assert_eq!(w.channels.get("new-room"), Some(&Holder::Agent(agent_key(GROUP))));
    assert_eq!(w.channels.get("sakura-group"), None);
    // A 代理人's channel has no billing mode to change.
    assert_eq!(
        w.err("new-room", "/mode mode:direct"),
        UserError::AgentChannelMode(GROUP.into())
    );
}

#[test]
fn one_certificate_covers_at_most_one_hundred_offices() {
    let mut w = World::new();
    let key = agent_key(GROUP);
    w.ok(
        "g",
        &format!("/register number:{} name:事業所0 agent:{GROUP}", number("137010000")),
    );
    for i in 1..MAX_AGENT_OFFICES {
        w.ok(
            "g",
            &format!("/register number:{} name:事業所{i}", number(&format!("1371{i:05}"))),
        );
    }
    assert_eq!(w.agent_offices(&key).len(), 100);
    assert_eq!(
        w.err("g", &format!("/register number:{} name:百一", number("137200001"))),
        UserError::AgentFull {
            agent: GROUP.into(),
            max: 100
        }
    );
}

#[test]
fn a_vendor_office_from_registration_to_the_end() {
    let config = Config::parse(
        "[vendors.\"ほのぼのNEXT\"]\nname = \"ほのぼのNEXT サポートセンター\"\ntel = \"0120-000-222\"\n",
        Path::new("test.toml"),
    )
    .unwrap();
    let mut w = World::with_config(config);
    let n = number("147020001");
    let ch = "aozora";
    let vendor = Contact {
        id: Some(ContactId::Vendor),
        key: Some("vendor-ほのぼのNEXT".into()),
        name: Some("ほのぼのNEXT サポートセンター".into()),
        tel: Some("0120-000-222".into()),
        ..Contact::default()
    };
    let out = w.ok(
        ch,
        &format!("/register number:{n} name:あおぞらデイサービス mode:vendor software:ほのぼのNEXT"),
    );
    // The office's own steps: its 届出 and asking its vendor, numbered 1/2, 2/2.
    assert_eq!(heading(&out.reply), (1, 2, "step-notify-title".into()));
    let r = w.ok(ch, "/progress").reply;
    assert_eq!(
        items(&r),
        vec![
            (StepId::Environment, Mark::Other, "progress-item-vendor"),
            (StepId::Notify, Mark::Todo, "progress-item-todo"),
            (StepId::Login, Mark::Other, "progress-item-vendor"),
            (StepId::Certificate, Mark::NotApplicable, "progress-item-na"),
            (StepId::Installer, Mark::NotApplicable, "progress-item-na"),
            (StepId::Software, Mark::Todo, "progress-item-todo"),
        ]
    );
    // The vendor's lines name the vendor given at /register.
    let env = &checklist(&r)[0].text;
    assert_eq!(string(sub(env, "vendor"), "name"), "ほのぼのNEXT");
    // The numbered lines and the count agree: 1/2 and 2/2, of 2.
    let numbered: Vec<(i64, i64)> = checklist(&r)
        .iter()
        .filter(|i| i.mark == Mark::Todo)
        .map(|i| (num(sub(&i.text, "step"), "n"), num(sub(&i.text, "step"), "total")))
        .collect();
    assert_eq!(numbered, [(1, 2), (2, 2)]);
    assert_eq!(count(&r), (0, 2));
    assert_eq!(
        w.err(ch, "/done step:environment"),
        UserError::StepIsVendors(StepId::Environment)
    );
    assert_eq!(
        w.err(ch, "/done step:certificate"),
        UserError::StepNotApplicable(StepId::Certificate)
    );
    // The 届出.
    w.days(1);
    w.ok(ch, "/done");
    w.days(7);
    let r = w.ok(ch, "/done").reply;
    assert_eq!(count(&r), (1, 2));
    assert_eq!(next_step(&r), (2, 2, "step-software-vendor-title".into()));
    // The software step is asking the vendor: named, routed to its contact.
    let r = w.ok(ch, "/next").reply;
    assert_eq!(heading(&r), (2, 2, "step-software-vendor-title".into()));
    let what = msgs(&r)
        .into_iter()
        .find(|m| m.id == "step-software-vendor-what")
        .expect("the vendor's card");
    assert_eq!(string(sub(what, "vendor"), "name"), "ほのぼのNEXT");
    assert_eq!(sub(find(&r, "next-task"), "task").id, "task-software-vendor");
    assert_eq!(contact(&r), &vendor);
    assert_eq!(contact(&w.ok(ch, "/contact").reply), &vendor);
    w.days(1);
    let r = w.ok(ch, "/done").reply;
    assert_eq!(count(&r), (2, 2));
    let m = find(&r, "steps-complete-vendor");
    assert_eq!(string(sub(m, "vendor"), "name"), "ほのぼのNEXT");
    assert_eq!(contact(&r), &vendor);
    assert!(w.office(&n).is_complete());
    assert_eq!(w.err(ch, "/done"), UserError::AllDone);
    // Fees and certificates: the vendor answer, no per-office fee.
    let kb = Knowledge::load(Config::default()).unwrap();
    let a = kb.answer("電子証明書の発行手数料はいくらですか？", Some(w.office(&n)));
    assert_eq!(a.answer.as_deref(), Some("faq-certificate-fee.vendor"));
    // A direct office gets the entry's own answer.
    let mut direct = w.office(&n).clone();
    direct.mode = Mode::Direct;
    assert_eq!(
        kb.answer("電子証明書の発行手数料はいくらですか？", Some(&direct))
            .answer
            .as_deref(),
        Some("faq-certificate-fee")
    );
    // A question that says a vendor files the claims is answered for vendor
    // billing, whatever the office registered (or with no office at all).
    // (Either the entry's vendor variant or the entry on vendor billing.)
    for office in [Some(&direct), None] {
        for q in [
            "業者に請求を代行してもらう場合でも、電子証明書の手数料はかかりますか？",
            "Our claims are outsourced. How much is the certificate fee?",
            "A vendor files our claims. How do we get the certificate?",
        ] {
            let a = kb.answer(q, office).answer.unwrap_or_default();
            assert!(a.ends_with(".vendor") || a == "faq-vendor", "{q}: {a}");
        }
    }
    assert_eq!(
        kb.answer("A vendor files our claims. How do we get the certificate?", None)
            .answer
            .as_deref(),
        Some("faq-certificate-how.vendor")
    );
    // An entry without a vendor answer gives way to the entry on vendor
    // billing (which certificate to buy: none is needed).
    for q in [
        "請求は業者さんに任せています。どっちの証明書を買えばいいですか",
        "Our billing is done by a vendor. Which certificate do we need to buy?",
    ] {
        assert_eq!(kb.answer(q, None).answer.as_deref(), Some("faq-vendor"), "{q}");
    }
    assert_eq!(
        kb.answer("どっちの証明書を買えばいいですか", None).answer.as_deref(),
        Some("faq-certificate-which")
    );
    // Proxy billing asked about is how to start it: the office's own mode.
    assert_eq!(
        kb.answer("代理請求にする場合、電子証明書の手数料は？", Some(&direct))
            .answer
            .as_deref()
            .map(|a| a.ends_with(".vendor")),
        Some(false)
    );
}

#[test]
fn every_step_text_of_every_track_exists_in_both_locales() {
    let c = Content::embedded().unwrap();
    let tracks = [
        Track::Office(Mode::Direct),
        Track::Office(Mode::Proxy),
        Track::Office(Mode::Vendor),
        Track::Agent,
    ];
    let mut missing = Vec::new();
    for track in tracks {
        for step in playbook::steps(track) {
            // The other card parts are optional (a card leaves out what a
            // step has nothing to say about); they must agree between the
            // languages.
            let mut ids: Vec<String> = ["title", "what"].iter().map(|p| step.msg_in(track, p)).collect();
            for part in seikyu_navi::cards::FIELDS {
                let id = step.msg_in(track, part);
                if Lang::ALL.iter().any(|l| c.has(*l, &id)) {
                    ids.push(id);
                }
            }
            if step.waiting_id().is_some() {
                ids.push(step.msg_in(track, "waiting"));
            }
            ids.extend(step.tasks().iter().map(|t| t.msg_in(track)));
            for id in ids {
                for lang in Lang::ALL {
                    if !c.has(lang, &id) {
                        missing.push(format!("{lang}: {id}"));
                    }
                }
            }
        }
    }
    // The FAQ variants for the billing modes: in both languages alike.
    for (id, attrs) in c.ids(Lang::Ja) {
        for a in attrs.iter().filter(|a| matches!(a.as_str(), "proxy" | "vendor")) {
            if c.attr(Lang::En, id, a).is_none() {
                missing.push(format!("en: {id}.{a}"));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

// ---------------------------------------------------------------- App

/// The group's 代理人 with two offices through `App`, one of them with its 届出 done.
fn group_in_app(app: &App) -> Vec<String> {
    let numbers = group_numbers();
    let u = user();
    run_ok(
        app,
        "sakura-group",
        &u,
        &format!("/register number:{} name:{} agent:{GROUP}", numbers[0], NAMES[0]),
        T0,
    );
    run_ok(
        app,
        "sakura-group",
        &u,
        &format!("/register number:{} name:{}", numbers[1], NAMES[1]),
        T0,
    );
    run_ok(app, "sakura-group", &u, "/done", T0 + DAY);
    for _ in 0..2 {
        run_ok(
            app,
            "sakura-group",
            &u,
            &format!("/done office:{}", numbers[0]),
            T0 + 2 * DAY,
        );
    }
    numbers
}

#[test]
fn the_store_keeps_proxies_through_export_restore_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    let numbers = group_in_app(&app);
    let key = agent_key(GROUP);
    let agent = app.agent(&key).unwrap().expect("stored");
    assert_eq!(agent.channel.as_deref(), Some("sakura-group"));
    assert_eq!(app.agent_in("sakura-group").unwrap().map(|a| a.key), Some(key.clone()));
    assert_eq!(app.store().agent_office_numbers(&key).unwrap().len(), 2);
    assert_eq!(app.store().agent_history(&key).unwrap().len(), agent.revision as usize);
    let office = app.office(&office_number(&numbers[0])).unwrap().unwrap();
    assert_eq!(office.done.len(), 2);
    let report = app.verify().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.agents, 1);
    // /undo in the 代理人's channel: the office's mark and the 代理人's event.
    let r = run_ok(&app, "sakura-group", &user(), "/undo", T0 + 3 * DAY);
    assert!(has(&r, "undo-task-office"));
    assert_eq!(app.office(&office_number(&numbers[0])).unwrap().unwrap().done.len(), 1);
    run_ok(
        &app,
        "sakura-group",
        &user(),
        &format!("/done office:{}", numbers[0]),
        T0 + 3 * DAY,
    );

    // Export, restore into an empty directory, export again: the same.
    let mut first = Vec::new();
    app.export_json(&mut first).unwrap();
    let dump: seikyu_navi::dump::Dump = serde_json::from_slice(&first).unwrap();
    assert_eq!(dump.agents.len(), 1);
    assert_eq!(dump.agent_channels.get("sakura-group"), Some(&key));
    assert_eq!(dump.agent_history[&key].len() as u64, dump.agents[0].revision);
    let copy = tempfile::tempdir().unwrap();
    let restored = App::open(Config::default(), copy.path()).unwrap();
    let bytes = first.clone();
    restored
        .restore_json(|| Ok(std::io::Cursor::new(bytes.clone())))
        .unwrap();
    let mut second = Vec::new();
    restored.export_json(&mut second).unwrap();
    assert_eq!(
        String::from_utf8(first.clone()).unwrap(),
        String::from_utf8(second).unwrap()
    );
    // The index of the 代理人's offices is rebuilt from the offices.
    assert_eq!(restored.store().agent_office_numbers(&key).unwrap().len(), 2);
    assert!(restored.verify().unwrap().problems.is_empty());
    // The restored 代理人 answers in its channel.
    let r = run_ok(&restored, "sakura-group", &user(), "/progress", T0 + 4 * DAY);
    assert_eq!(num(find(&r, "agent-progress-title"), "offices"), 2);

    // A backup whose office names a 代理人 it lacks is refused whole.
    let mut broken: serde_json::Value = serde_json::from_slice(&first).unwrap();
    broken["agents"] = serde_json::json!([]);
    broken["agent_channels"] = serde_json::json!({});
    broken["agent_history"] = serde_json::json!({});
    let text = serde_json::to_vec(&broken).unwrap();
    let empty = tempfile::tempdir().unwrap();
    let other = App::open(Config::default(), empty.path()).unwrap();
    let err = other
        .restore_json(|| Ok(std::io::Cursor::new(text.clone())))
        .unwrap_err();
    assert!(err.to_string().contains("代理人"), "{err}");
    assert_eq!(other.office_count(), 0);
    // A backup from before 代理人 (no such sections) still restores.
    let mut old: serde_json::Value = serde_json::from_slice(&first).unwrap();
    for k in ["agents", "agent_channels", "agent_history"] {
        old.as_object_mut().unwrap().remove(k);
    }
    for o in old["offices"].as_array_mut().unwrap() {
        o.as_object_mut().unwrap().remove("agent");
        o["mode"] = "direct".into();
    }
    let text = serde_json::to_vec(&old).unwrap();
    other.restore_json(|| Ok(std::io::Cursor::new(text.clone()))).unwrap();
    assert_eq!(other.office_count(), 2);
}

#[test]
fn staff_see_offices_grouped_by_proxy() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    let numbers = group_in_app(&app);
    run_ok(&app, "c-direct", &user(), "/register number:2710100013 name:なにわ", T0);
    let s = app.summary(T0 + 3 * DAY).unwrap();
    assert_eq!(s.total, 3);
    assert_eq!(s.agents.len(), 1);
    let a = &s.agents[0];
    assert_eq!((&*a.name, a.offices, a.received), (GROUP, 2, 1));
    assert_eq!(a.current_step, Some(StepId::Notify));
    assert_eq!(a.pending.len(), 1);
    assert_eq!(&*a.pending[0].1, numbers[1].as_str());
    for o in s.offices.iter().filter(|o| o.mode == Mode::Proxy) {
        assert_eq!(o.agent.as_deref(), Some(GROUP));
    }
    // The office whose 届出 is in waits on the 代理人's next own step.
    let first = s.offices.iter().find(|o| &*o.number == numbers[0].as_str()).unwrap();
    assert_eq!(
        (first.current_step, first.current_by_agent),
        (Some(StepId::ProxyApplication), true)
    );
    // The chat view lists the 代理人 with the offices still before their letter.
    let r = run_ok(&app, "staff", &staff(), "/summary", T0 + 3 * DAY);
    let lines: Vec<&str> = msgs(&r).iter().map(|m| m.id.as_str()).collect();
    assert!(lines.contains(&"summary-agents"), "{lines:?}");
    let text = seikyu_navi::adapters::render::plain_text(app.content(), Lang::Ja, &r);
    assert!(
        text.contains("代理人「さくらケアグループ」：代理人の手順 7手順中 1手順完了"),
        "{text}"
    );
    assert!(
        text.contains(&format!("お知らせ待ち・届出前：{}（{}）", NAMES[1], numbers[1])),
        "{text}"
    );
    // The CSV's agent column; the cache follows a change of the 代理人.
    let csv = staff::summary_csv(&s);
    assert!(
        csv.lines()
            .any(|l| l.starts_with(numbers[0].as_str()) && l.ends_with(GROUP)),
        "{csv}"
    );
    run_ok(
        &app,
        "sakura-group",
        &user(),
        "/done step:proxy-application",
        T0 + 4 * DAY,
    );
    let s = app.summary(T0 + 4 * DAY).unwrap();
    let first = s.offices.iter().find(|o| &*o.number == numbers[0].as_str()).unwrap();
    assert_eq!(first.current_step, Some(StepId::Login));
    // /history in the 代理人's channel: its own events.
    let r = run_ok(&app, "sakura-group", &staff(), "/history", T0 + 4 * DAY);
    assert_eq!(string(find(&r, "history-title-agent"), "agent"), GROUP);
}

#[test]
fn a_proxys_summary_row_counts_its_active_offices_only() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let app = App::open(Config::default(), &data).unwrap();
    let numbers = group_in_app(&app);
    // A third office; then staff archive the second, still before its 届出.
    run_ok(
        &app,
        "sakura-group",
        &user(),
        &format!("/register number:{} name:{}", numbers[2], NAMES[2]),
        T0 + 2 * DAY,
    );
    let before = app.summary(T0 + 3 * DAY).unwrap();
    assert_eq!((before.agents[0].offices, before.agents[0].archived), (3, 0));
    run_ok(
        &app,
        "staff",
        &staff(),
        &format!("/archive office:{}", numbers[1]),
        T0 + 3 * DAY,
    );
    let check = |s: &staff::Summary| {
        let a = &s.agents[0];
        assert_eq!((a.offices, a.received, a.archived), (2, 1, 1));
        let pending: Vec<&str> = a.pending.iter().map(|(_, n)| &**n).collect();
        assert_eq!(pending, [numbers[2].as_str()], "the archived office is not waited for");
        assert!(!s.offices.iter().any(|o| &*o.number == numbers[1].as_str()));
    };
    // The cached summary (chat, dashboard) and the one read straight from
    // the store (the CLI) agree.
    check(&app.summary(T0 + 4 * DAY).unwrap());
    check(&app.summary_streamed(T0 + 4 * DAY).unwrap());
    // The chat view says the archived office apart, as it does for offices.
    let r = run_ok(&app, "staff", &staff(), "/summary format:csv", T0 + 4 * DAY);
    let text = seikyu_navi::adapters::render::plain_text(app.content(), Lang::Ja, &r);
    assert!(
        text.contains("届出 2事業所中 1事業所でお知らせ受領（ほかにアーカイブ中 1事業所）"),
        "{text}"
    );
    assert_eq!(num(find(&r, "summary-archived"), "count"), 1);
    let csv = r.attachments.iter().find(|a| a.name == "summary.csv").unwrap();
    let csv = String::from_utf8(csv.bytes.clone()).unwrap();
    assert!(!csv.contains(numbers[1].as_str()), "{csv}");
    // Back from the archive, it counts again.
    run_ok(
        &app,
        "staff",
        &staff(),
        &format!("/unarchive office:{}", numbers[1]),
        T0 + 5 * DAY,
    );
    let a = &app.summary(T0 + 5 * DAY).unwrap().agents[0];
    assert_eq!((a.offices, a.archived, a.pending.len()), (3, 0, 2));
    run_ok(
        &app,
        "staff",
        &staff(),
        &format!("/archive office:{}", numbers[1]),
        T0 + 5 * DAY,
    );
    drop(app);

    // `summary --format json` and the text summary from the binary.
    let config = tmp.path().join("bot.toml");
    std::fs::write(&config, "[bot]\n").unwrap();
    let out = crate::support::cli_output(&config, &data, &["summary", "--format", "json"], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = &json["agents"][0];
    assert_eq!((a["offices"].as_u64(), a["archived"].as_u64()), (Some(2), Some(1)));
    let out = crate::support::cli_output(&config, &data, &["summary"], b"");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("届出 2事業所中 1事業所でお知らせ受領（ほかにアーカイブ中 1事業所）"),
        "{text}"
    );
}

#[test]
fn the_roster_registers_offices_under_a_proxy() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    let numbers = group_numbers();
    let mut csv = String::from("number,name,mode,software,channel,agent\n");
    for (n, name) in numbers.iter().zip(NAMES) {
        csv.push_str(&format!("{n},{name},proxy,,,{GROUP}\n"));
    }
    csv.push_str("2710100013,なにわ,direct,,c-naniwa,\n");
    let rows = seikyu_navi::roster::parse(csv.as_bytes()).unwrap().rows;
    assert_eq!(rows[0].agent.as_deref(), Some(GROUP));
    app.import_roster(&rows, T0, &mut |_, _, _| {}).unwrap();
    let key = agent_key(GROUP);
    let agent = app.agent(&key).unwrap().expect("created by the roster");
    assert_eq!(agent.channel, None, "staff bind it in its channel");
    assert_eq!(app.store().agent_office_numbers(&key).unwrap().len(), 5);
    assert!(app.verify().unwrap().problems.is_empty());
    // Staff bind the 代理人 to its channel with /register … agent: there.
    let r = run(
        &app,
        "sakura-group",
        &user(),
        &format!("/register number:{} name:{} agent:{GROUP}", numbers[0], NAMES[0]),
        T0,
    );
    assert_eq!(
        seikyu_navi::error::UserError::AgentNeedsStaff(GROUP.into()).msg().id,
        crate::support::error_id(&r).unwrap()
    );
    let r = run_ok(
        &app,
        "sakura-group",
        &staff(),
        &format!("/register number:{} name:{} agent:{GROUP}", numbers[0], NAMES[0]),
        T0,
    );
    assert!(has(&r, "register-agent-bound"));
    let r = run_ok(&app, "sakura-group", &user(), "/progress", T0);
    assert_eq!(num(find(&r, "agent-progress-title"), "offices"), 5);

    // An agent for a non-proxy row, and a 代理人 past 100 offices, are refused.
    let bad = format!("number,name,mode,agent\n{},x,direct,{GROUP}\n", numbers[0]);
    let errs = seikyu_navi::roster::parse(bad.as_bytes()).unwrap_err();
    assert_eq!(errs[0].kind, seikyu_navi::roster::RowErrorKind::AgentNeedsProxy);
    let mut big = String::from("number,name,mode,agent\n");
    for i in 0..96 {
        big.push_str(&format!("{},事業所{i},proxy,{GROUP}\n", number(&format!("1372{i:05}"))));
    }
    let rows = seikyu_navi::roster::parse(big.as_bytes()).unwrap().rows;
    let err = app.import_roster(&rows, T0, &mut |_, _, _| {}).unwrap_err();
    match err {
        seikyu_navi::app::ImportError::Rows(errs) => {
            assert_eq!(errs.len(), 1);
            assert_eq!(errs[0].line, 97, "the 101st office");
        }
        e => panic!("{e}"),
    }
    // Roster rows keep a 代理人 when the agent cell is empty and the mode stays proxy.
    let keep = format!("number,name,mode\n{},{},proxy\n", numbers[0], NAMES[0]);
    let rows = seikyu_navi::roster::parse(keep.as_bytes()).unwrap().rows;
    app.import_roster(&rows, T0 + DAY, &mut |_, _, _| {}).unwrap();
    let o = app.office(&office_number(&numbers[0])).unwrap().unwrap();
    assert_eq!(o.agent.as_deref(), Some(key.as_str()));
    assert!(app.verify().unwrap().problems.is_empty());
}

/// A corrected number of a 代理人's office (staff, from their channel): the
/// 代理人's index and its events about the office move with it, the
/// 代理人's channel still marks the office's 届出 and `/undo` there still
/// finds it.
#[test]
fn a_corrected_number_stays_the_proxys_office() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    let numbers = group_in_app(&app);
    let key = agent_key(GROUP);
    let (old, new) = (office_number(&numbers[1]), number("137010099"));
    let r = run(
        &app,
        "sakura-group",
        &user(),
        &format!("/done office:{}", numbers[1]),
        T0 + 3 * DAY,
    );
    assert!(has(&r, "done-task-office"), "{:?}", ids(&r));
    run_ok(
        &app,
        "staff-room",
        &staff(),
        &format!("/fix-number number:{new} office:{old}"),
        T0 + 4 * DAY,
    );
    let new_n = office_number(&new);
    assert_eq!(app.office(&old).unwrap(), None);
    assert_eq!(
        app.office(&new_n).unwrap().unwrap().agent.as_deref(),
        Some(key.as_str())
    );
    let listed = app.store().agent_office_numbers(&key).unwrap();
    assert!(listed.contains(&new_n) && !listed.contains(&old), "{listed:?}");
    let about: Vec<OfficeNumber> = app
        .store()
        .agent_history(&key)
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.action {
            Action::OfficeTaskDone { number, .. } => Some(number),
            _ => None,
        })
        .collect();
    assert!(about.contains(&new_n) && !about.contains(&old), "{about:?}");
    assert!(app.verify().unwrap().problems.is_empty());
    // The 代理人's channel goes on with the office under its new number.
    let r = run_ok(&app, "sakura-group", &user(), "/progress", T0 + 5 * DAY);
    assert!(format!("{r:?}").contains(new.as_str()));
    let r = run_ok(&app, "sakura-group", &user(), "/undo", T0 + 5 * DAY);
    assert!(has(&r, "undo-task-office"), "{:?}", ids(&r));
    assert!(app.verify().unwrap().problems.is_empty());
}
