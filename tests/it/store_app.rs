//! The service through `App` on a temporary data directory: persistence,
//! schema refusal, staff-only commands, unanswered questions, concurrency.

use std::collections::BTreeSet;

use seikyu_navi::app::{App, StartError};
use seikyu_navi::config::Config;
use seikyu_navi::content::Lang;
use seikyu_navi::model::Action;
use seikyu_navi::office_number::OfficeNumber;
use seikyu_navi::playbook::{Mode, StepId, TaskId};
use seikyu_navi::reply::{Block, Mark, Msg, Reply, Tone};
use seikyu_navi::store::{Store, StoreError, SCHEMA_VERSION};

use crate::support::{checklist, ids, input, office_number, open, run, run_ok, staff, user, user_named, AOBA, DAY, T0};

fn marks(r: &Reply) -> Vec<Mark> {
    checklist(r).iter().map(|i| i.mark).collect()
}

fn aoba() -> OfficeNumber {
    office_number(AOBA)
}

#[test]
fn progress_and_history_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let u = user();
    {
        let app = open(dir.path());
        run_ok(&app, "ch-aoba", &u, "/register number:1370100016 name:あおば介護", T0);
        for i in 1..=3 {
            run_ok(&app, "ch-aoba", &u, "/done", T0 + i * DAY);
        }
    }
    let app = open(dir.path());
    let o = app.store().office_by_channel("ch-aoba").unwrap().expect("office kept");
    assert_eq!(o.number, aoba());
    assert_eq!(o.name, "あおば介護");
    assert_eq!(o.revision, 4);
    assert_eq!(o.updated_at, T0 + 3 * DAY);
    assert_eq!(
        o.done.keys().copied().collect::<Vec<_>>(),
        vec![TaskId::Environment, TaskId::NotifySubmit, TaskId::NotifyReceive]
    );
    assert_eq!(o.done[&TaskId::NotifySubmit].at, T0 + 2 * DAY);
    assert_eq!(o.current_step(), Some(StepId::Login));
    let h = app.store().history(&aoba()).unwrap();
    assert_eq!(h.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![1, 2, 3, 4]);
    assert!(matches!(h[0].action, Action::Registered { .. }));
    assert_eq!(
        h[3].action,
        Action::TaskDone {
            task: TaskId::NotifyReceive
        }
    );
    assert_eq!(h[3].actor, u);
    let r = run(&app, "ch-aoba", &u, "/progress", T0 + 4 * DAY);
    assert_eq!(
        marks(&r),
        vec![Mark::Done, Mark::Done, Mark::Todo, Mark::Todo, Mark::Todo, Mark::Todo]
    );
    // Undo after the restart reads the stored history.
    let r = run(&app, "ch-aoba", &u, "/undo", T0 + 4 * DAY);
    assert_eq!(ids(&r)[0], "undo-task");
    let h = app.store().history(&aoba()).unwrap();
    assert_eq!(h.last().unwrap().action, Action::Undo { seq: 4 });
    assert_eq!(h.last().unwrap().seq, 5);
}

#[test]
fn every_kind_of_event_is_read_back_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let u = user();
    for (i, line) in [
        "/register number:1370100016 name:あおば介護",
        "/done",
        "/mode mode:proxy",
        "/register number:1370100016 name:あおば介護本店 software:ケアソフト",
        "/undo",
        "/undo",
        "/undo",
    ]
    .iter()
    .enumerate()
    {
        run_ok(&app, "ch-a", &u, line, T0 + i as i64 * DAY);
    }
    run_ok(
        &app,
        "ch-b",
        &staff(),
        "/register number:1370100016 name:あおば介護",
        T0 + 7 * DAY,
    );
    let h = app.store().history(&aoba()).expect("history readable");
    let actions: Vec<&Action> = h.iter().map(|e| &e.action).collect();
    assert_eq!(
        actions,
        vec![
            &Action::Registered {
                name: "あおば介護".into(),
                mode: Mode::Direct,
                software: None
            },
            &Action::TaskDone {
                task: TaskId::Environment
            },
            &Action::ModeChanged {
                from: Mode::Direct,
                to: Mode::Proxy
            },
            &Action::Updated {
                name: "あおば介護本店".into(),
                mode: Mode::Proxy,
                software: Some("ケアソフト".into()),
                prev_name: "あおば介護".into(),
                prev_mode: Mode::Proxy,
                prev_software: None,
                agent: None,
                prev_agent: None
            },
            &Action::Undo { seq: 4 },
            &Action::Undo { seq: 3 },
            &Action::Undo { seq: 2 },
            &Action::Bound {
                channel: "ch-b".into(),
                prev: Some("ch-a".into())
            },
        ]
    );
    assert_eq!(
        h.iter().map(|e| e.seq).collect::<Vec<_>>(),
        (1..=8).collect::<Vec<u64>>()
    );
    let o = app.store().office(&aoba()).unwrap().unwrap();
    assert_eq!((o.mode, o.done.len(), o.revision), (Mode::Direct, 0, 8));
    // Nothing left to undo; the staff history view lists all eight events.
    let r = run(&app, "ch-b", &u, "/undo", T0 + 8 * DAY);
    assert_eq!(ids(&r), vec!["error-nothing-to-undo"]);
    let r = run(&app, "ch-b", &staff(), "/history", T0);
    match &r.blocks[..] {
        [Block::Title(_), Block::Lines(lines)] => assert_eq!(lines.len(), 8),
        other => panic!("{other:?}"),
    }
}

#[test]
fn newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = open(dir.path());
        run_ok(
            &app,
            "ch-aoba",
            &user(),
            "/register number:1370100016 name:あおば介護",
            T0,
        );
        app.store().set_schema_version(99).unwrap();
    }
    for _ in 0..2 {
        match App::open(Config::default(), dir.path()) {
            Err(StartError::Store(StoreError::NewerSchema { found, supported, .. })) => {
                assert_eq!(found, 99);
                assert_eq!(supported, SCHEMA_VERSION);
            }
            Err(e) => panic!("wrong error: {e}"),
            Ok(_) => panic!("a newer schema was opened"),
        }
    }
    match Store::open(dir.path()) {
        Err(StoreError::NewerSchema { found: 99, .. }) => {}
        other => panic!("expected NewerSchema, got {other:?}"),
    }
}

#[test]
fn staff_only_commands_are_refused_for_others() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let u = user();
    run_ok(&app, "ch-aoba", &u, "/register number:1370100016 name:あおば介護", T0);
    for input in [
        input("/summary"),
        input("/unanswered"),
        input("/history"),
        input("/history office:1370100016"),
    ] {
        let r = app.handle("ch-aoba", &u, &input, T0, Lang::Ja);
        assert_eq!(r.blocks, vec![Block::Error(Msg::new("error-staff-only"))], "{input:?}");
        assert_eq!(r.tone, Tone::Error);
        assert!(r.ephemeral);
        assert_eq!(
            app.content().text(Lang::Ja, &Msg::new("error-staff-only")),
            "このコマンドはサポート担当者だけが使えます。"
        );
    }
    // Staff get them.
    let s = staff();
    let r = app.handle("staff", &s, &input("/summary"), T0, Lang::Ja);
    assert_eq!(ids(&r)[..2], ["summary-title", "summary-totals"]);
    let r = app.handle("staff", &s, &input("/unanswered"), T0, Lang::Ja);
    assert_eq!(ids(&r), vec!["unanswered-title", "unanswered-none"]);
    let r = run(&app, "staff", &s, "/history office:1370100016", T0);
    assert_eq!(ids(&r), vec!["history-title"]);
    let r = run(&app, "staff", &s, "/history office:1370100024", T0);
    assert_eq!(ids(&r), vec!["error-unknown-office"]);
    // Staff in a channel with no office are asked which office, not told to register one.
    let r = run(&app, "staff", &s, "/history", T0);
    assert_eq!(ids(&r), vec!["error-office-needed"]);
}

#[test]
fn unanswered_questions_are_logged_and_answered_ones_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let u = user();
    run_ok(&app, "ch-aoba", &u, "/register number:1370100016 name:あおば介護", T0);
    let r = run(&app, "ch-aoba", &u, "週末の予定を教えて", T0 + DAY);
    assert!(ids(&r).contains(&"answer-none"), "{:?}", ids(&r));
    let logged = app.store().unanswered().unwrap();
    assert_eq!(logged.len(), 1);
    let q = &logged[0];
    assert_eq!(q.text, "週末の予定を教えて");
    assert_eq!(q.at, T0 + DAY);
    assert_eq!(q.lang, "ja");
    assert_eq!(q.office.as_deref(), Some(AOBA));
    assert_eq!(q.channel.as_deref(), Some("ch-aoba"));

    let r = run(&app, "ch-aoba", &u, "証明書はいくらですか", T0 + DAY);
    assert_eq!(ids(&r)[0], "faq-certificate-fee.question", "{:?}", ids(&r));
    let r = run(&app, "ch-aoba", &u, "/faq question:証明書の有効期間は？", T0 + DAY);
    assert!(!ids(&r).contains(&"answer-none"));
    assert_eq!(app.store().unanswered().unwrap().len(), 1);

    // Unregistered channel: logged without an office.
    let r = run(&app, "elsewhere", &u, "週末の予定を教えて", T0 + 2 * DAY);
    assert!(ids(&r).contains(&"answer-none"));
    let logged = app.store().unanswered().unwrap();
    assert_eq!(logged.len(), 2);
    assert_eq!(logged[1].office, None);
    assert_eq!(logged[1].channel.as_deref(), Some("elsewhere"));
    let r = app.handle("staff", &staff(), &input("/unanswered"), T0, Lang::Ja);
    assert_eq!(
        ids(&r),
        vec!["unanswered-title", "unanswered-hint"],
        "grouped into one line"
    );
}

#[test]
fn concurrent_done_marks_each_task_once_without_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    run_ok(
        &app,
        "ch-aoba",
        &user(),
        "/register number:1370100016 name:あおば介護",
        T0,
    );
    // 8 threads × 2 /done on an 8-task office: 8 succeed, 8 find all done.
    let replies: Vec<Reply> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|t| {
                let app = &app;
                s.spawn(move || {
                    let u = user_named(&format!("u{t}"));
                    (0..2)
                        .map(|i| run(app, "ch-aoba", &u, "/done", T0 + DAY + t * 10 + i))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let done = replies.iter().filter(|r| ids(r).first() == Some(&"done-task")).count();
    let all_done = replies.iter().filter(|r| ids(r) == ["error-all-done"]).count();
    assert_eq!(
        (done, all_done),
        (8, 8),
        "{:?}",
        replies.iter().map(ids).collect::<Vec<_>>()
    );

    let o = app.store().office(&aoba()).unwrap().unwrap();
    assert_eq!(o.mode, Mode::Direct);
    assert!(o.is_complete());
    assert_eq!(o.done.len(), 8);
    assert_eq!(o.revision, 9);
    let h = app.store().history(&aoba()).unwrap();
    assert_eq!(
        h.iter().map(|e| e.seq).collect::<Vec<_>>(),
        (1..=9).collect::<Vec<u64>>()
    );
    let tasks: Vec<TaskId> = h
        .iter()
        .filter_map(|e| match e.action {
            Action::TaskDone { task } => Some(task),
            _ => None,
        })
        .collect();
    assert_eq!(tasks.len(), 8);
    assert_eq!(tasks.iter().collect::<BTreeSet<_>>().len(), 8, "{tasks:?}");
    // Each mark names the user whose event stored it.
    for e in &h[1..] {
        if let Action::TaskDone { task } = e.action {
            assert_eq!(o.done[&task].by, e.actor.name);
            assert_eq!(o.done[&task].at, e.at);
        }
    }
}

#[test]
fn staff_rebinding_moves_the_channel_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let u = user();
    run_ok(&app, "ch-a", &u, "/register number:1370100016 name:あおば介護", T0);
    run_ok(&app, "ch-a", &u, "/done", T0);
    run_ok(&app, "ch-b", &u, "/register number:1370100024 name:ひまわり", T0);
    // Non-staff cannot.
    let r = run(&app, "ch-b", &u, "/register number:1370100016 name:あおば介護", T0);
    assert_eq!(ids(&r), vec!["error-channel-bound"]);
    let r = run(&app, "ch-c", &u, "/register number:1370100016 name:あおば介護", T0);
    assert_eq!(ids(&r), vec!["error-number-bound"]);
    // Staff can: A moves to ch-b, B loses its channel, ch-a is free.
    let r = run(
        &app,
        "ch-b",
        &staff(),
        "/register number:1370100016 name:あおば介護",
        T0 + DAY,
    );
    assert_eq!(ids(&r)[0], "register-bound");
    let a = app.store().office_by_channel("ch-b").unwrap().unwrap();
    assert_eq!(a.number, aoba());
    assert_eq!(a.channel.as_deref(), Some("ch-b"));
    assert_eq!(a.done.len(), 1);
    assert_eq!(app.store().office_by_channel("ch-a").unwrap(), None);
    let b = app.store().office(&office_number("1370100024")).unwrap().unwrap();
    assert_eq!(b.channel, None);
    // B is bound again to a new channel by staff (its users are refused).
    let r = run(&app, "ch-d", &u, "/register number:1370100024 name:ひまわり", T0 + DAY);
    assert_eq!(ids(&r), vec!["error-office-needs-staff"]);
    let r = run(
        &app,
        "ch-d",
        &staff(),
        "/register number:1370100024 name:ひまわり",
        T0 + DAY,
    );
    assert_eq!(ids(&r)[0], "register-bound");
    assert_eq!(app.store().office_by_channel("ch-d").unwrap().unwrap().name, "ひまわり");
}

#[test]
fn not_registered_reply_points_to_register() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let r = run(&app, "nowhere", &user(), "/next", T0);
    assert_eq!(ids(&r), vec!["error-not-registered", "hint-register"]);
    assert_eq!(r.tone, Tone::Error);
    assert_eq!(app.store().office_count(), 0);
}
