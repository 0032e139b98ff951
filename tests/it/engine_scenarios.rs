//! Engine scenarios with a fixed clock: `engine::handle` called directly with
//! a hand-built `Ctx`, each `Change` applied by a tiny in-test driver.

use std::path::Path;

use seikyu_navi::command::Input;
use seikyu_navi::config::Config;
use seikyu_navi::engine::{self, Ctx, Outcome};
use seikyu_navi::error::UserError;
use seikyu_navi::model::Change;
use seikyu_navi::model::{Action, Actor, Event, Office};
use seikyu_navi::office_number::{NumberError, OfficeNumber};
use seikyu_navi::playbook::{self, ContactId, Mode, StepId, StepStatus, TaskId};
use seikyu_navi::reply::{Block, ButtonAction, Contact, Mark, Msg, Reply, Tone};

use crate::support::{
    buttons, checklist, contact, date, find, has, ids, input, num, number, staff, string, sub, user, AOBA, DAY, T0,
};

/// One channel, one office: applies every change the engine returns.
pub(crate) struct Sim {
    pub(crate) config: Config,
    pub(crate) now: i64,
    pub(crate) channel: String,
    pub(crate) actor: Actor,
    pub(crate) office: Option<Office>,
    pub(crate) history: Vec<Event>,
}

impl Sim {
    pub(crate) fn new() -> Sim {
        Sim::with_config(Config::default())
    }

    pub(crate) fn with_config(config: Config) -> Sim {
        Sim {
            config,
            now: T0,
            channel: "ch-aoba".into(),
            actor: user(),
            office: None,
            history: Vec::new(),
        }
    }

    pub(crate) fn run(&mut self, input: &Input) -> Result<Outcome, UserError> {
        let existing = match engine::register_number(input) {
            Some(Ok(n)) => self.office.as_ref().filter(|o| o.number == n),
            _ => None,
        };
        let ctx = Ctx {
            now: self.now,
            actor: &self.actor,
            channel: &self.channel,
            office: self.office.as_ref(),
            history: &self.history,
            existing,
            config: &self.config,
            agent: None,
            existing_agent: None,
        };
        let res = engine::handle(&ctx, input);
        if let Ok(Outcome { change: Some(ch), .. }) = &res {
            self.apply(ch);
        }
        res
    }

    pub(crate) fn apply(&mut self, change: &Change) {
        assert!(change.agent.is_none(), "no 代理人 in these scenarios");
        let ch = change.office.as_ref().expect("an office change");
        assert_eq!(
            ch.expected_revision,
            self.office.as_ref().map(|o| o.revision),
            "expected revision"
        );
        assert_eq!(ch.event.seq, self.history.len() as u64 + 1, "seq");
        assert_eq!(ch.office.revision, ch.event.seq, "revision = seq");
        assert_eq!(ch.event.at, self.now);
        assert_eq!(ch.office.updated_at, self.now);
        assert_eq!(ch.event.actor, self.actor);
        self.office = Some(ch.office.clone());
        self.history.push(ch.event.clone());
    }

    /// Runs a line that must succeed.
    pub(crate) fn ok(&mut self, line: &str) -> Outcome {
        self.run_ok(&input(line))
    }

    pub(crate) fn run_ok(&mut self, input: &Input) -> Outcome {
        self.run(input).unwrap_or_else(|e| panic!("{input:?} failed: {e:?}"))
    }

    /// Runs a line that must fail, and checks that nothing changed.
    pub(crate) fn err(&mut self, line: &str) -> UserError {
        self.run_err(&input(line))
    }

    pub(crate) fn run_err(&mut self, input: &Input) -> UserError {
        let before = (self.office.clone(), self.history.clone());
        let e = match self.run(input) {
            Ok(out) => panic!("{input:?} succeeded: {:?}", ids(&out.reply)),
            Err(e) => e,
        };
        assert_eq!((self.office.clone(), self.history.clone()), before);
        e
    }

    pub(crate) fn days(&mut self, n: i64) {
        self.now += n * DAY;
    }

    pub(crate) fn office(&self) -> &Office {
        self.office.as_ref().expect("registered")
    }

    pub(crate) fn last_action(&self) -> &Action {
        &self.history.last().expect("history").action
    }
}

// ---- reply helpers ----

/// (n, total, title id) of the step card's heading.
fn heading(r: &Reply) -> (i64, i64, String) {
    let m = find(r, "step-heading");
    (num(m, "n"), num(m, "total"), sub(m, "title").id.clone())
}

/// (n, total, title id) of the step `/done` points to next (no card).
fn next_step(r: &Reply) -> (i64, i64, String) {
    assert!(!has(r, "step-heading"), "{:?}", ids(r));
    let m = sub(find(r, "done-next-step"), "step");
    (num(m, "n"), num(m, "total"), sub(m, "title").id.clone())
}

fn builtin(id: ContactId) -> Contact {
    Contact {
        id: Some(id),
        ..Contact::default()
    }
}

// ---- walking the steps ----

/// The steps an office of the mode does itself, numbered in that order.
fn listed(mode: Mode) -> Vec<StepId> {
    playbook::numbered(mode).collect()
}

/// Marks every task done with plain `/done`, one day apart, and checks each
/// reply: the task named, the wait announced, the count, what comes next
/// (the step's next task, or a pointer to the next step's card).
fn walk(sim: &mut Sim, mode: Mode, tasks: &[TaskId], applicable: i64) {
    let list = listed(mode);
    let mut done_steps = 0;
    for (i, task) in tasks.iter().enumerate() {
        sim.days(1);
        let step = task.step();
        let out = sim.ok("/done");
        assert_eq!(sim.last_action(), &Action::TaskDone { task: *task });
        let r = &out.reply;
        assert_eq!(r.tone, Tone::Success);
        let m = find(r, "done-task");
        assert_eq!(sub(m, "task").id, task.msg_in(mode));
        assert_eq!(date(m, "date"), sim.now);
        assert_eq!(sim.office().done[task].at, sim.now);
        assert_eq!(sim.office().done[task].by, "山田");
        let first_of_two = step.tasks().len() == 2 && step.tasks()[0] == *task;
        assert_eq!(has(r, "done-now-waiting"), first_of_two, "{task:?}");
        if first_of_two {
            assert_eq!(
                sub(find(r, "done-now-waiting"), "what").id,
                format!("step-{}-waiting", step.as_str())
            );
            assert_eq!(sim.office().status(step), StepStatus::Waiting { since: sim.now });
        } else {
            done_steps += 1;
            assert_eq!(sim.office().status(step), StepStatus::Done { at: sim.now });
        }
        let c = find(r, "progress-count");
        assert_eq!(num(c, "done"), done_steps);
        assert_eq!(num(c, "total"), applicable);
        let expect_current = if i + 1 == tasks.len() {
            None
        } else {
            Some(tasks[i + 1].step())
        };
        assert_eq!(sim.office().current_step(), expect_current);
        match expect_current {
            Some(cur) if cur == step => {
                assert!(!has(r, "step-heading"), "{:?}", ids(r));
                assert_eq!(sub(find(r, "next-task"), "task").id, tasks[i + 1].msg_id());
                assert_eq!(buttons(r)[0], ButtonAction::Done(tasks[i + 1]));
            }
            Some(cur) => {
                let n = list.iter().position(|s| *s == cur).unwrap() as i64 + 1;
                assert_eq!(next_step(r), (n, list.len() as i64, cur.title_in(mode)));
                assert_eq!(buttons(r)[0], ButtonAction::Next);
            }
            None => {
                assert!(has(r, "steps-complete-title"), "{:?}", ids(r));
                assert!(!has(r, "step-heading"));
            }
        }
    }
    assert_eq!(done_steps, applicable);
    assert!(sim.office().is_complete());
    assert_eq!(sim.err("/done"), UserError::AllDone);
    let r = sim.ok("/next").reply;
    let complete = match mode {
        Mode::Vendor => "steps-complete-vendor",
        _ => "steps-complete",
    };
    assert_eq!(ids(&r), vec!["steps-complete-title", complete], "completion card");
    assert_eq!(buttons(&r), vec![ButtonAction::Progress]);
}

#[test]
fn direct_mode_from_registration_to_the_last_step() {
    let mut sim = Sim::new();
    let out = sim.ok("/register number:1370100016 name:あおば介護");
    let ch = out.change.as_ref().unwrap().office.as_ref().unwrap();
    assert_eq!(ch.expected_revision, None);
    assert_eq!(ch.bind.as_deref(), Some("ch-aoba"));
    assert_eq!(ch.unbind, None);
    assert_eq!(ch.displaced, None);
    let o = sim.office().clone();
    assert_eq!(o.number.as_str(), AOBA);
    assert_eq!(o.name, "あおば介護");
    assert_eq!(o.mode, Mode::Direct);
    assert_eq!(o.software, None);
    assert_eq!(o.channel.as_deref(), Some("ch-aoba"));
    assert_eq!(o.registered_at, T0);
    assert_eq!(o.revision, 1);
    assert!(o.done.is_empty());
    assert_eq!(
        sim.last_action(),
        &Action::Registered {
            name: "あおば介護".into(),
            mode: Mode::Direct,
            software: None
        }
    );
    let r = &out.reply;
    assert_eq!(r.tone, Tone::Success);
    let m = find(r, "register-done");
    assert_eq!(string(m, "name"), "あおば介護");
    assert_eq!(string(m, "number"), AOBA);
    assert_eq!(sub(m, "mode").id, "mode-direct");
    assert!(has(r, "mode-direct-desc"));
    assert!(!has(r, "register-check-digit"));
    assert_eq!(heading(r), (1, 6, "step-environment-title".into()));
    for part in ["what", "need", "receive", "time", "missing"] {
        assert!(has(r, &format!("step-environment-{part}")), "{part}");
    }
    assert_eq!(sub(find(r, "next-task"), "task").id, "task-environment".to_string());
    assert_eq!(
        buttons(r),
        vec![
            ButtonAction::Done(TaskId::Environment),
            ButtonAction::Progress,
            ButtonAction::Contact
        ]
    );
    assert_eq!(contact(r), &builtin(ContactId::Reception));

    walk(
        &mut sim,
        Mode::Direct,
        &[
            TaskId::Environment,
            TaskId::NotifySubmit,
            TaskId::NotifyReceive,
            TaskId::Login,
            TaskId::CertificateApply,
            TaskId::CertificateInstall,
            TaskId::Installer,
            TaskId::Software,
        ],
        6,
    );
    assert_eq!(sim.history.len(), 9);
    assert_eq!(sim.office().revision, 9);
}

#[test]
fn waiting_is_shown_with_elapsed_days() {
    let mut sim = Sim::new();
    sim.ok("/register number:1370100016 name:あおば介護");
    sim.ok("/done");
    sim.days(1);
    let submitted = sim.now;
    sim.ok("/done");
    sim.days(12);
    let r = sim.ok("/next").reply;
    assert_eq!(heading(&r), (2, 6, "step-notify-title".into()));
    let w = find(&r, "next-waiting");
    assert_eq!(sub(w, "what").id, "step-notify-waiting");
    assert_eq!(date(w, "since"), submitted);
    assert_eq!(num(w, "days"), 12);
    assert_eq!(sub(find(&r, "next-task"), "task").id, "task-notify-receive");
    assert!(matches!(
        r.blocks.iter().find(|b| matches!(b, Block::Warning(_))),
        Some(Block::Warning(m)) if m.id == "next-waiting"
    ));
    // /next changes nothing.
    assert_eq!(sim.history.len(), 3);
}

#[test]
fn proxy_mode_office_files_its_own_notification_and_leaves_the_rest_to_its_agent() {
    // Without a 代理人 registered (its walkthrough: the `billing_modes` tests).
    let mut sim = Sim::new();
    let out = sim.ok("/register number:1370100016 name:あおば介護 mode:proxy");
    assert_eq!(sim.office().mode, Mode::Proxy);
    assert_eq!(sub(find(&out.reply, "register-done"), "mode").id, "mode-proxy");
    assert!(has(&out.reply, "mode-proxy-desc"));
    assert!(has(&out.reply, "proxy-office-note-unnamed"));
    assert_eq!(heading(&out.reply), (1, 1, "step-notify-title".into()));
    assert_eq!(listed(Mode::Proxy), vec![StepId::Notify]);
    assert_eq!(playbook::steps(Mode::Proxy).count(), 7);
    sim.ok("/done");
    let r = sim.ok("/done").reply;
    assert_eq!(num(find(&r, "progress-count"), "total"), 1);
    assert!(has(&r, "office-part-complete-no-agent"), "{:?}", ids(&r));
    assert_eq!(
        sim.err("/done"),
        UserError::OfficePartDone(None),
        "the rest is the 代理人's"
    );
    let r = sim.ok("/progress").reply;
    let marks: Vec<(StepId, Mark)> = checklist(&r).iter().map(|i| (i.step, i.mark)).collect();
    assert_eq!(
        marks,
        vec![
            (StepId::Environment, Mark::Other),
            (StepId::Notify, Mark::Done),
            (StepId::ProxyApplication, Mark::Other),
            (StepId::Login, Mark::Other),
            (StepId::Certificate, Mark::Other),
            (StepId::Installer, Mark::Other),
            (StepId::Software, Mark::Other),
        ]
    );
    assert_eq!(sim.history.len(), 3);
}

#[test]
fn vendor_mode_numbers_the_offices_own_steps() {
    let mut sim = Sim::new();
    let out = sim.ok("/register number:1370100016 name:あおば介護 mode:vendor");
    assert_eq!(sim.office().mode, Mode::Vendor);
    assert!(has(&out.reply, "mode-vendor-desc"));
    // The office's own steps are its 届出 and asking its vendor; the PC and
    // the login are the vendor's, certificate and installer not needed.
    assert_eq!(heading(&out.reply), (1, 2, "step-notify-title".into()));
    for step in [
        StepId::Certificate,
        StepId::Installer,
        StepId::Environment,
        StepId::Login,
    ] {
        assert_eq!(sim.office().status(step), StepStatus::NotApplicable);
    }
    walk(
        &mut sim,
        Mode::Vendor,
        &[TaskId::NotifySubmit, TaskId::NotifyReceive, TaskId::Software],
        2,
    );
    let r = sim.ok("/progress").reply;
    let marks: Vec<Mark> = checklist(&r).iter().map(|i| i.mark).collect();
    assert_eq!(
        marks,
        vec![
            Mark::Other,
            Mark::Done,
            Mark::Other,
            Mark::NotApplicable,
            Mark::NotApplicable,
            Mark::Done
        ]
    );
    let c = find(&r, "progress-count");
    assert_eq!((num(c, "done"), num(c, "total"), num(c, "percent")), (2, 2, 100));
    assert_eq!(string(c, "bar"), "■■■■■■■■■■");
}

#[test]
fn done_by_id_and_by_number_out_of_order() {
    let mut sim = Sim::new();
    sim.ok("/register number:1370100016 name:あおば介護");
    // By id, ahead of the current step: the current step stays.
    let r = sim.ok("/done step:login").reply;
    assert_eq!(sim.last_action(), &Action::TaskDone { task: TaskId::Login });
    assert_eq!(sub(find(&r, "done-task"), "task").id, "task-login");
    assert_eq!(next_step(&r), (1, 6, "step-environment-title".into()));
    assert_eq!(sim.office().current_step(), Some(StepId::Environment));
    // By number (direct: 1 environment, 2 notify, 3 login, 4 certificate, 5 installer, 6 software).
    sim.ok("/done step:5");
    assert_eq!(
        sim.last_action(),
        &Action::TaskDone {
            task: TaskId::Installer
        }
    );
    // A two-task step by number, then by id (full-width, upper case): its next task each time.
    sim.ok("/done step:2");
    assert_eq!(
        sim.last_action(),
        &Action::TaskDone {
            task: TaskId::NotifySubmit
        }
    );
    sim.ok("/done step:ＮＯＴＩＦＹ");
    assert_eq!(
        sim.last_action(),
        &Action::TaskDone {
            task: TaskId::NotifyReceive
        }
    );
    sim.ok("/done step:certificate");
    sim.ok("/done step:４");
    assert_eq!(
        sim.last_action(),
        &Action::TaskDone {
            task: TaskId::CertificateInstall
        }
    );
    assert_eq!(sim.office().current_step(), Some(StepId::Environment));
    let r = sim.ok("/progress").reply;
    let marks: Vec<Mark> = checklist(&r).iter().map(|i| i.mark).collect();
    assert_eq!(
        marks,
        vec![Mark::Todo, Mark::Done, Mark::Done, Mark::Done, Mark::Done, Mark::Todo]
    );
    assert_eq!(sim.err("/done step:3"), UserError::StepAlreadyDone(StepId::Login));
    assert_eq!(sim.err("/done step:notify"), UserError::StepAlreadyDone(StepId::Notify));
    // Plain /done takes the first open step.
    sim.ok("/done");
    assert_eq!(
        sim.last_action(),
        &Action::TaskDone {
            task: TaskId::Environment
        }
    );
    let r = sim.ok("/done step:software").reply;
    assert!(has(&r, "steps-complete-title"));
    assert!(sim.office().is_complete());

    // Proxy numbering: the office's own step is its 届出 (1); the proxy
    // application and the rest are its 代理人's.
    let mut sim = Sim::new();
    sim.ok("/register number:1370100016 name:あおば介護 mode:proxy");
    assert_eq!(
        sim.err("/done step:Proxy_Application"),
        UserError::StepIsAgents {
            step: StepId::ProxyApplication,
            agent: String::new()
        }
    );
    assert_eq!(sim.err("/done step:3"), UserError::UnknownStep("3".into()));
    sim.ok("/done step:1");
    assert_eq!(
        sim.last_action(),
        &Action::TaskDone {
            task: TaskId::NotifySubmit
        }
    );
}

#[test]
fn undo_a_task() {
    let mut sim = Sim::new();
    sim.ok("/register number:1370100016 name:あおば介護");
    sim.ok("/done");
    sim.days(1);
    let out = sim.ok("/undo");
    assert_eq!(sim.last_action(), &Action::Undo { seq: 2 });
    assert!(sim.office().done.is_empty());
    assert_eq!(sim.office().revision, 3);
    let r = &out.reply;
    assert_eq!(r.tone, Tone::Success);
    assert_eq!(sub(find(r, "undo-task"), "task").id, "task-environment");
    let p = find(r, "next-pointer");
    assert_eq!(sub(p, "step").id, "step-ref");
    assert_eq!(sub(sub(p, "step"), "title").id, "step-environment-title");
    assert_eq!(buttons(r), vec![ButtonAction::Next, ButtonAction::Progress]);
    assert_eq!(sim.err("/undo"), UserError::NothingToUndo);
    // Done again, then undone again: the new mark is the one removed.
    sim.ok("/done");
    sim.ok("/undo");
    assert_eq!(sim.last_action(), &Action::Undo { seq: 4 });
    assert!(sim.office().done.is_empty());
}

#[test]
fn undo_walks_back_through_tasks_and_mode_changes() {
    let mut sim = Sim::new();
    sim.ok("/register number:1370100016 name:あおば介護");
    sim.ok("/done"); // 2 environment
    sim.ok("/done"); // 3 notify-submit
    sim.ok("/mode mode:vendor"); // 4
    assert_eq!(
        sim.last_action(),
        &Action::ModeChanged {
            from: Mode::Direct,
            to: Mode::Vendor
        }
    );
    let r = sim.ok("/undo").reply;
    assert_eq!(sim.last_action(), &Action::Undo { seq: 4 });
    assert_eq!(sim.office().mode, Mode::Direct);
    assert_eq!(sub(find(&r, "undo-mode"), "mode").id, "mode-direct");
    assert_eq!(sim.office().done.len(), 2);
    sim.ok("/undo");
    assert_eq!(sim.last_action(), &Action::Undo { seq: 3 });
    assert!(!sim.office().done.contains_key(&TaskId::NotifySubmit));
    assert!(sim.office().done.contains_key(&TaskId::Environment));
    sim.ok("/undo");
    assert_eq!(sim.last_action(), &Action::Undo { seq: 2 });
    assert!(sim.office().done.is_empty());
    assert_eq!(sim.err("/undo"), UserError::NothingToUndo);
    assert_eq!(sim.office().mode, Mode::Direct);
    assert_eq!(sim.office().name, "あおば介護");
    let seqs: Vec<u64> = sim.history.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, (1..=7).collect::<Vec<_>>());
}

#[test]
fn undo_a_re_registration() {
    let mut sim = Sim::new();
    sim.ok("/register number:1370100016 name:あおば介護");
    sim.ok("/done");
    // Same details: nothing to store.
    let out = sim.ok("/register number:1370100016 name:あおば介護");
    assert!(out.change.is_none());
    assert!(has(&out.reply, "register-unchanged"));
    let r = sim
        .ok("/register number:1370100016 name:\"あおば介護 本店\" mode:proxy software:国保中央会介護伝送ソフト")
        .reply;
    assert_eq!(string(find(&r, "register-updated"), "name"), "あおば介護 本店");
    assert_eq!(
        sim.last_action(),
        &Action::Updated {
            name: "あおば介護 本店".into(),
            mode: Mode::Proxy,
            software: Some("国保中央会介護伝送ソフト".into()),
            prev_name: "あおば介護".into(),
            prev_mode: Mode::Direct,
            prev_software: None,
            agent: None,
            prev_agent: None,
        }
    );
    let o = sim.office();
    assert_eq!(
        (o.name.as_str(), o.mode, o.software.as_deref()),
        ("あおば介護 本店", Mode::Proxy, Some("国保中央会介護伝送ソフト"))
    );
    assert_eq!(o.registered_at, T0);
    assert_eq!(o.done.len(), 1, "progress is kept");
    let r = sim.ok("/undo").reply;
    assert_eq!(sim.last_action(), &Action::Undo { seq: 3 });
    assert_eq!(string(find(&r, "undo-update"), "name"), "あおば介護");
    let o = sim.office();
    assert_eq!(
        (o.name.as_str(), o.mode, o.software.as_deref()),
        ("あおば介護", Mode::Direct, None)
    );
    assert_eq!(o.done.len(), 1);
    sim.ok("/undo");
    assert_eq!(sim.last_action(), &Action::Undo { seq: 2 });
    assert_eq!(sim.err("/undo"), UserError::NothingToUndo);
}

#[test]
fn nothing_to_undo_after_registration_only() {
    let mut sim = Sim::new();
    assert_eq!(sim.err("/undo"), UserError::NotRegistered);
    sim.ok("/register number:1370100016 name:あおば介護");
    assert_eq!(sim.err("/undo"), UserError::NothingToUndo);
    assert_eq!(sim.history.len(), 1);
}

#[test]
fn mode_change_keeps_completed_tasks() {
    let mut sim = Sim::new();
    sim.ok("/register number:1370100016 name:あおば介護");
    for _ in 0..5 {
        sim.ok("/done"); // environment, notify ×2, login, certificate-apply
    }
    assert_eq!(sim.office().current_step(), Some(StepId::Certificate));
    let done_before = sim.office().done.clone();
    let r = sim.ok("/mode mode:vendor").reply;
    assert_eq!(sub(find(&r, "mode-changed"), "mode").id, "mode-vendor");
    assert!(has(&r, "mode-vendor-desc"));
    assert_eq!(sim.office().mode, Mode::Vendor);
    assert_eq!(sim.office().done, done_before);
    assert_eq!(sim.office().status(StepId::Certificate), StepStatus::NotApplicable);
    // The office's own steps in vendor mode: its 届出 (done) and asking the vendor.
    assert_eq!(heading(&r), (2, 2, "step-software-vendor-title".into()));
    assert_eq!(playbook::counts(Mode::Vendor, &sim.office().done), (1, 2));
    // To proxy: the office's own 届出 is done; the rest is its 代理人's.
    let r = sim.ok("/mode mode:代理請求").reply;
    assert_eq!(sim.office().done, done_before);
    assert!(has(&r, "office-part-complete-title"), "{:?}", ids(&r));
    assert_eq!(sim.office().status(StepId::Certificate), StepStatus::NotApplicable);
    assert_eq!(playbook::counts(Mode::Proxy, &sim.office().done), (1, 1));
    // Back to direct: the certificate wait is back.
    let r = sim.ok("/mode mode:direct").reply;
    assert_eq!(heading(&r), (4, 6, "step-certificate-title".into()));
    assert!(matches!(
        sim.office().status(StepId::Certificate),
        StepStatus::Waiting { .. }
    ));
    sim.ok("/mode mode:proxy");
    assert_eq!(sim.err("/mode mode:proxy"), UserError::SameMode("proxy".into()));
    assert_eq!(sim.err("/mode mode:fax"), UserError::BadMode("fax".into()));
}

#[test]
fn progress_checklist_marks_and_dates() {
    let mut sim = Sim::new();
    sim.ok("/register number:1370100016 name:あおば介護");
    sim.days(1);
    let env_at = sim.now;
    sim.ok("/done");
    sim.days(2);
    let submit_at = sim.now;
    sim.ok("/done");
    sim.days(5);
    let out = sim.ok("/progress");
    assert!(out.change.is_none());
    let r = &out.reply;
    let t = find(r, "progress-title");
    assert_eq!(string(t, "name"), "あおば介護");
    assert_eq!(string(t, "number"), AOBA);
    assert_eq!(sub(t, "mode").id, "mode-direct");
    let items = checklist(r);
    let got: Vec<(StepId, Mark, bool, &str)> = items
        .iter()
        .map(|i| (i.step, i.mark, i.current, i.text.id.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (StepId::Environment, Mark::Done, false, "progress-item-done"),
            (StepId::Notify, Mark::Waiting, true, "progress-item-waiting"),
            (StepId::Login, Mark::Todo, false, "progress-item-todo"),
            (StepId::Certificate, Mark::Todo, false, "progress-item-todo"),
            (StepId::Installer, Mark::Todo, false, "progress-item-todo"),
            (StepId::Software, Mark::Todo, false, "progress-item-todo"),
        ]
    );
    assert_eq!(date(&items[0].text, "date"), env_at);
    let step = sub(&items[0].text, "step");
    assert_eq!((num(step, "n"), num(step, "total")), (1, 6));
    let w = &items[1].text;
    assert_eq!(date(w, "since"), submit_at);
    assert_eq!(num(w, "days"), 5);
    assert_eq!(sub(w, "what").id, "step-notify-waiting");
    let c = find(r, "progress-count");
    assert_eq!((num(c, "done"), num(c, "total"), num(c, "percent")), (1, 6, 17));
    assert_eq!(string(c, "bar"), "■■□□□□□□□□");
    let reg = find(r, "progress-registered");
    assert_eq!(date(reg, "date"), T0);
    assert_eq!(date(reg, "updated"), submit_at);
    assert_eq!(
        sub(sub(find(r, "next-pointer"), "step"), "title").id,
        "step-notify-title"
    );
    // The step's done date is its last task's date.
    sim.days(3);
    let receive_at = sim.now;
    sim.ok("/done");
    let r = sim.ok("/progress").reply;
    assert_eq!(checklist(&r)[1].mark, Mark::Done);
    assert_eq!(date(&checklist(&r)[1].text, "date"), receive_at);
    assert!(checklist(&r)[2].current);

    // Vendor: not applicable lines.
    let mut sim = Sim::new();
    sim.ok("/register number:1370100016 name:あおば介護 mode:vendor");
    let r = sim.ok("/progress").reply;
    let items = checklist(&r);
    assert_eq!(items.len(), 6);
    for i in &items[3..5] {
        assert_eq!(i.mark, Mark::NotApplicable);
        assert_eq!(i.text.id, "progress-item-na");
        assert!(!i.current);
    }
    assert_eq!(
        (
            num(find(&r, "progress-count"), "done"),
            num(find(&r, "progress-count"), "total")
        ),
        (0, 2)
    );
}

#[test]
fn every_user_error_is_an_err_without_change() {
    // Not registered.
    let mut sim = Sim::new();
    for line in [
        "/next",
        "/done",
        "/done step:1",
        "/undo",
        "/progress",
        "/mode mode:proxy",
    ] {
        assert_eq!(sim.err(line), UserError::NotRegistered, "{line}");
    }
    // Bad numbers.
    let reg = |number: &str, name: &str| Input::Register {
        number: number.into(),
        name: name.into(),
        mode: None,
        software: None,
        agent: None,
    };
    assert_eq!(sim.run_err(&reg("", "x")), UserError::BadNumber(NumberError::Empty));
    assert_eq!(sim.run_err(&reg("　- ", "x")), UserError::BadNumber(NumberError::Empty));
    assert_eq!(
        sim.err("/register number:12345 name:x"),
        UserError::BadNumber(NumberError::WrongLength(5))
    );
    assert_eq!(
        sim.err("/register number:13701000!6 name:x"),
        UserError::BadNumber(NumberError::BadChar('!'))
    );
    assert_eq!(
        sim.err("/register number:4870100016 name:x"),
        UserError::BadNumber(NumberError::BadPrefecture("48".into()))
    );
    assert_eq!(
        sim.err("/register number:13I0100016 name:x"),
        UserError::BadNumber(NumberError::BadKind('I'))
    );
    // Names.
    assert_eq!(sim.run_err(&reg(AOBA, "  \u{200b} ")), UserError::EmptyName);
    assert_eq!(
        sim.run_err(&reg(AOBA, &"あ".repeat(101))),
        UserError::TooLong { max: 100 }
    );
    assert_eq!(
        sim.run_err(&Input::Register {
            number: AOBA.into(),
            name: "あおば".into(),
            mode: None,
            software: Some("ソ".repeat(101)),
            agent: None,
        }),
        UserError::TooLong { max: 100 }
    );
    assert_eq!(
        sim.err("/register number:1370100016 name:x mode:paper"),
        UserError::BadMode("paper".into())
    );
    assert!(sim.office.is_none());
    // 100 characters are fine.
    sim.run_ok(&reg(AOBA, &"あ".repeat(100)));
    assert_eq!(sim.office().name.chars().count(), 100);

    let mut sim = Sim::new();
    sim.ok("/register number:1370100016 name:あおば介護 mode:vendor");
    assert_eq!(
        sim.err("/done step:paperwork"),
        UserError::UnknownStep("paperwork".into())
    );
    assert_eq!(sim.err("/done step:7"), UserError::UnknownStep("7".into()));
    assert_eq!(sim.err("/done step:0"), UserError::UnknownStep("0".into()));
    assert_eq!(
        sim.err("/done step:certificate"),
        UserError::StepNotApplicable(StepId::Certificate)
    );
    // A vendor-billed office numbers its own two steps only.
    assert_eq!(sim.err("/done step:5"), UserError::UnknownStep("5".into()));
    assert_eq!(
        sim.err("/done step:proxy-application"),
        UserError::StepNotApplicable(StepId::ProxyApplication)
    );
    assert_eq!(sim.err("/undo"), UserError::NothingToUndo);
    assert_eq!(sim.err("/mode mode:vendor"), UserError::SameMode("vendor".into()));
    assert_eq!(sim.err("/mode mode:x"), UserError::BadMode("x".into()));
    assert_eq!(
        sim.err("/contact topic:police"),
        UserError::UnknownTopic("police".into())
    );
    // The PC and the login are the vendor's part, not the office's to-dos.
    assert_eq!(
        sim.err("/done step:environment"),
        UserError::StepIsVendors(StepId::Environment)
    );
    assert_eq!(sim.err("/done step:login"), UserError::StepIsVendors(StepId::Login));
    for _ in 0..3 {
        sim.ok("/done"); // the 届出 (two tasks), then asking the vendor
    }
    assert_eq!(sim.err("/done"), UserError::AllDone);
    assert_eq!(sim.err("/done step:1"), UserError::StepAlreadyDone(StepId::Notify));
    assert_eq!(sim.err("/done step:2"), UserError::StepAlreadyDone(StepId::Software));
    // Another number in a bound channel (non-staff): within a week of
    // registering it may be a typo, which /fix-number corrects.
    let other = number("137010002");
    assert_eq!(
        sim.run_err(&reg(&other, "ひまわり")),
        UserError::ChannelBoundFixable {
            number: AOBA.into(),
            new: other.clone()
        }
    );
    // Questions and staff views are not the engine's.
    assert_eq!(
        sim.run_err(&Input::Question("証明書".into())),
        UserError::UnknownCommand {
            cmd: "question".into(),
            meant: None
        }
    );
    assert_eq!(
        sim.run_err(&input("/summary")),
        UserError::UnknownCommand {
            cmd: "summary".into(),
            meant: None
        }
    );
    assert_eq!(sim.history.len(), 4);
}

/// A registered office in its own channel, built by the engine.
fn registered(number: &str, name: &str, channel: &str, done: usize) -> Office {
    let mut sim = Sim::new();
    sim.channel = channel.into();
    sim.ok(&format!("/register number:{number} name:{name}"));
    for _ in 0..done {
        sim.ok("/done");
    }
    sim.office().clone()
}

fn register_in(
    channel: &str,
    actor: &Actor,
    office: Option<&Office>,
    existing: Option<&Office>,
    number: &str,
    name: &str,
) -> Result<Outcome, UserError> {
    let config = Config::default();
    let ctx = Ctx {
        now: T0 + 30 * DAY,
        actor,
        channel,
        office,
        history: &[],
        existing,
        config: &config,
        agent: None,
        existing_agent: None,
    };
    engine::handle(
        &ctx,
        &Input::Register {
            number: number.into(),
            name: name.into(),
            mode: None,
            software: None,
            agent: None,
        },
    )
}

#[test]
fn channel_and_number_bindings() {
    let b_num = number("137010002");
    let a = registered(AOBA, "あおば介護", "ch-a", 3);
    let b = registered(&b_num, "ひまわり", "ch-b", 0);

    // Non-staff: the channel belongs to another office.
    assert_eq!(
        register_in("ch-b", &user(), Some(&b), Some(&a), AOBA, "あおば介護").unwrap_err(),
        UserError::ChannelBound(b_num.clone())
    );
    // Non-staff: the number is bound to another channel.
    assert_eq!(
        register_in("ch-c", &user(), None, Some(&a), AOBA, "あおば介護").unwrap_err(),
        UserError::NumberBoundElsewhere { number: AOBA.into() }
    );

    // Staff moves office A into B's channel: B is displaced, A keeps its progress.
    let out = register_in("ch-b", &staff(), Some(&b), Some(&a), AOBA, "あおば介護").unwrap();
    let ch = out.change.unwrap().office.unwrap();
    assert_eq!(ch.bind.as_deref(), Some("ch-b"));
    assert_eq!(ch.unbind.as_deref(), Some("ch-a"));
    assert_eq!(ch.displaced.as_ref().map(OfficeNumber::as_str), Some(b_num.as_str()));
    assert_eq!(ch.expected_revision, Some(a.revision));
    assert_eq!(ch.office.channel.as_deref(), Some("ch-b"));
    assert_eq!(ch.office.done, a.done);
    assert_eq!(ch.office.revision, a.revision + 1);
    assert_eq!(ch.office.registered_at, a.registered_at);
    assert_eq!(ch.event.seq, a.revision + 1);
    assert_eq!(
        ch.event.action,
        Action::Bound {
            channel: "ch-b".into(),
            prev: Some("ch-a".into())
        }
    );
    assert!(ch.event.actor.staff);
    let m = find(&out.reply, "register-bound");
    assert_eq!(string(m, "number"), AOBA);
    // The card continues where A was.
    assert_eq!(heading(&out.reply), (3, 6, "step-login-title".into()));

    // Staff binds A to a fresh channel: nobody displaced.
    let ch = register_in("ch-c", &staff(), None, Some(&a), AOBA, "あおば介護")
        .unwrap()
        .change
        .unwrap()
        .office
        .unwrap();
    assert_eq!(
        (ch.bind.as_deref(), ch.unbind.as_deref(), ch.displaced),
        (Some("ch-c"), Some("ch-a"), None)
    );

    // A displaced office (no channel) is bound by staff only.
    let mut loose = b.clone();
    loose.channel = None;
    assert_eq!(
        register_in("ch-d", &user(), None, Some(&loose), &b_num, "ひまわり").unwrap_err(),
        UserError::OfficeNeedsStaff { number: b_num.clone() }
    );
    let ch = register_in("ch-d", &staff(), None, Some(&loose), &b_num, "ひまわり")
        .unwrap()
        .change
        .unwrap()
        .office
        .unwrap();
    assert_eq!((ch.bind.as_deref(), ch.unbind.as_deref()), (Some("ch-d"), None));
    assert_eq!(
        ch.event.action,
        Action::Bound {
            channel: "ch-d".into(),
            prev: None
        }
    );

    // Staff registers a new number in B's channel: a new office, B displaced.
    let c_num = number("137010003");
    let ch = register_in("ch-b", &staff(), Some(&b), None, &c_num, "さくら")
        .unwrap()
        .change
        .unwrap()
        .office
        .unwrap();
    assert_eq!(ch.expected_revision, None);
    assert_eq!(ch.office.number.as_str(), c_num);
    assert_eq!(ch.office.revision, 1);
    assert_eq!(ch.displaced.as_ref().map(OfficeNumber::as_str), Some(b_num.as_str()));
    assert_eq!(
        register_in("ch-b", &user(), Some(&b), None, &c_num, "さくら").unwrap_err(),
        UserError::ChannelBound(b_num)
    );
}

#[test]
fn wrong_check_digit_is_a_warning() {
    let mut sim = Sim::new();
    let out = sim.ok("/register number:1370100015 name:あおば介護");
    assert_eq!(sim.office().number.as_str(), "1370100015");
    let warnings: Vec<&Msg> = out
        .reply
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Warning(m) => Some(m),
            _ => None,
        })
        .collect();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].id, "register-check-digit");
    assert_eq!(string(warnings[0], "expected"), "6");
    // Full-width digits are normalised; the right digit gives no warning.
    let mut sim = Sim::new();
    let out = sim.ok("/register number:１３７０１０００１６ name:あおば介護");
    assert_eq!(sim.office().number.as_str(), AOBA);
    assert!(!out.reply.blocks.iter().any(|b| matches!(b, Block::Warning(_))));
}

fn config(text: &str) -> Config {
    Config::parse(text, Path::new("test.toml")).unwrap()
}

#[test]
fn contact_routing_per_step() {
    // Without an office: the reception helpdesk and a hint to register.
    let mut sim = Sim::new();
    let r = sim.ok("/contact").reply;
    assert_eq!(contact(&r), &builtin(ContactId::Reception));
    assert!(has(&r, "contact-intro"));
    assert!(has(&r, "hint-register"));

    sim.ok("/register number:1370100016 name:あおば介護");
    let r = sim.ok("/contact").reply;
    assert_eq!(contact(&r), &builtin(ContactId::Reception));
    assert_eq!(sub(find(&r, "contact-for-step"), "step").id, "step-environment-title");
    sim.ok("/done");
    // Notify → the 国保連合会 (the shipped row without a configured one:
    // its name and website, and a note that the bot knows no number).
    let tokyo = Contact {
        id: Some(ContactId::Kokuhoren),
        key: Some("kokuhoren-13".into()),
        name: Some("東京都国民健康保険団体連合会".into()),
        url: Some("http://www.tokyo-kokuhoren.or.jp/".into()),
        note_msg: Some(Msg::new("contact-kokuhoren-no-tel").str("name", "東京都国民健康保険団体連合会")),
        ..Contact::default()
    };
    let r = sim.ok("/contact").reply;
    assert_eq!(contact(&r), &tokyo);
    assert_eq!(contact(&sim.ok("/next").reply), &tokyo);
    // An explicit topic.
    let r = sim.ok("/contact topic:denso").reply;
    assert_eq!(contact(&r), &builtin(ContactId::Denso));
    assert!(has(&r, "contact-intro"));

    // With [kokuhoren."13"] configured: that name and number.
    let cfg = config(
        "[kokuhoren.\"13\"]\nname = \"東京都国民健康保険団体連合会\"\ntel = \"03-0000-0000\"\n\n\
         [vendors.\"ケアソフトA\"]\nname = \"ケアソフトAサポート\"\ntel = \"0120-000-000\"\n",
    );
    let mut sim = Sim::with_config(cfg.clone());
    sim.ok("/register number:1370100016 name:あおば介護");
    sim.ok("/done");
    let r = sim.ok("/contact").reply;
    assert_eq!(
        contact(&r),
        &Contact {
            id: Some(ContactId::Kokuhoren),
            key: Some("kokuhoren-13".into()),
            name: Some("東京都国民健康保険団体連合会".into()),
            tel: Some("03-0000-0000".into()),
            ..Contact::default()
        }
    );
    // Another prefecture falls back to its shipped row.
    let mut sim = Sim::with_config(cfg.clone());
    sim.ok(&format!("/register number:{} name:なにわ介護", number("277010001")));
    sim.ok("/done");
    let c = contact(&sim.ok("/contact").reply).clone();
    assert_eq!(c.key.as_deref(), Some("kokuhoren-27"));
    assert_eq!(c.name.as_deref(), Some("大阪府国民健康保険団体連合会"));
    assert_eq!(c.tel, None);

    // Vendor mode: the vendor answers (its configured contact when known);
    // the office's first own step is its 届出 (the 国保連合会).
    let mut sim = Sim::with_config(cfg.clone());
    sim.ok("/register number:1370100016 name:あおば介護 mode:vendor");
    assert_eq!(
        contact(&sim.ok("/contact topic:reception").reply),
        &builtin(ContactId::Vendor)
    );
    sim.ok("/register number:1370100016 name:あおば介護 software:ケアソフトA");
    let vendor = Contact {
        id: Some(ContactId::Vendor),
        key: Some("vendor-ケアソフトA".into()),
        name: Some("ケアソフトAサポート".into()),
        tel: Some("0120-000-000".into()),
        ..Contact::default()
    };
    assert_eq!(contact(&sim.ok("/contact topic:reception").reply), &vendor);
    for _ in 0..2 {
        sim.ok("/done"); // the 届出, to the software step (asking the vendor)
    }
    assert_eq!(sim.office().current_step(), Some(StepId::Software));
    assert_eq!(contact(&sim.ok("/contact").reply), &vendor);

    // 国保中央会介護伝送ソフト → the 介護伝送ソフトヘルプデスク at the software step.
    let mut sim = Sim::new();
    sim.ok("/register number:1370100016 name:あおば介護 software:国保中央会介護伝送ソフト");
    assert_eq!(contact(&sim.ok("/contact").reply), &builtin(ContactId::Reception));
    for _ in 0..7 {
        sim.ok("/done");
    }
    assert_eq!(sim.office().current_step(), Some(StepId::Software));
    let r = sim.ok("/contact").reply;
    assert_eq!(contact(&r), &builtin(ContactId::Denso));
    assert_eq!(sub(find(&r, "contact-for-step"), "step").id, "step-software-title");
    // Other software: its own contact, named (never the 介護伝送ソフトヘルプデスク).
    let other = Contact {
        id: Some(ContactId::Software),
        name_msg: Some(Msg::new("contact-software-other").str("software", "ケアソフトB")),
        note_msg: Some(Msg::new("contact-software-other-note")),
        ..Contact::default()
    };
    let mut sim = Sim::new();
    sim.ok("/register number:1370100016 name:あおば介護 software:ケアソフトB");
    for _ in 0..7 {
        sim.ok("/done");
    }
    assert_eq!(contact(&sim.ok("/contact").reply), &other);
    // All done: still the software's contact, no step named.
    sim.ok("/done");
    let r = sim.ok("/contact").reply;
    assert_eq!(contact(&r), &other);
    assert!(has(&r, "contact-intro"));
}

#[test]
fn help_mentions_staff_commands_only_to_staff() {
    let mut sim = Sim::new();
    let r = sim.ok("/help").reply;
    assert_eq!(ids(&r), vec!["help-title", "help-text", "hint-register"]);
    sim.actor = staff();
    sim.ok("/register number:1370100016 name:あおば介護");
    let r = sim.ok("/help").reply;
    assert_eq!(ids(&r), vec!["help-title", "help-text", "help-staff"]);
}
