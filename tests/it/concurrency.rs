//! 1,000 concurrent tasks mark steps, undo and re-register across 100
//! offices through `App::handle` (the path both adapters use). Afterwards
//! every acknowledged change is stored exactly once, the history replays to
//! the stored state, and no step was completed twice.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use seikyu_navi::command::Input;
use seikyu_navi::content::Lang;
use seikyu_navi::model::{Action, Actor, Event, Office};
use seikyu_navi::reply::Reply;

use crate::support::{error_id, number, office_number, open, user_named, T0};

const OFFICES: usize = 100;
const TASKS: usize = 1_000;

/// Office `i`'s number.
fn nth(i: usize) -> String {
    number(&format!("13{:07}", 1000 + i))
}

fn ok(r: &Reply) -> bool {
    error_id(r).is_none()
}

/// Replays an office's history; panics if a step is completed twice.
fn replay(events: &[Event]) -> (String, seikyu_navi::playbook::Mode, Vec<String>) {
    let mut name = String::new();
    let mut mode = Default::default();
    let mut done: BTreeMap<seikyu_navi::playbook::TaskId, ()> = BTreeMap::new();
    let by_seq: HashMap<u64, &Event> = events.iter().map(|e| (e.seq, e)).collect();
    for (i, e) in events.iter().enumerate() {
        assert_eq!(e.seq, i as u64 + 1, "history seqs are 1..=n without gaps");
        match &e.action {
            Action::Registered { name: n, mode: m, .. } => {
                name = n.clone();
                mode = *m;
            }
            Action::Updated { name: n, mode: m, .. } => {
                name = n.clone();
                mode = *m;
            }
            Action::TaskDone { task } => {
                assert!(done.insert(*task, ()).is_none(), "task {task:?} completed twice");
            }
            Action::Undo { seq } => match &by_seq[seq].action {
                Action::TaskDone { task } => {
                    assert!(done.remove(task).is_some());
                }
                Action::Updated {
                    prev_name, prev_mode, ..
                } => {
                    name = prev_name.clone();
                    mode = *prev_mode;
                }
                other => panic!("undo of {other:?}"),
            },
            other => panic!("unexpected {other:?}"),
        }
    }
    (name, mode, done.keys().map(|t| t.as_str().to_string()).collect())
}

#[test]
fn thousand_concurrent_tasks_lose_nothing_and_duplicate_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = Arc::new(open(dir.path()));
    let actor = |i: usize| Actor {
        local: true,
        ..user_named(&format!("user{i}"))
    };
    for i in 0..OFFICES {
        let input = Input::Register {
            number: nth(i),
            name: format!("office {i}"),
            mode: None,
            software: None,
            agent: None,
        };
        assert!(ok(&app.handle(&format!("ch{i}"), &actor(i), &input, T0, Lang::Ja)));
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(64)
        .build()
        .unwrap();
    // (office, kind) of every acknowledged change.
    let acks: Vec<(usize, &'static str)> = rt.block_on(async {
        let mut handles = Vec::new();
        for t in 0..TASKS {
            let app = app.clone();
            handles.push(tokio::task::spawn_blocking(move || {
                let office = (t * 37) % OFFICES;
                let (kind, input) = match t % 20 {
                    0..=11 => (
                        "done",
                        Input::Done {
                            step: None,
                            office: None,
                        },
                    ),
                    12..=16 => ("undo", Input::Undo),
                    _ => (
                        "update",
                        Input::Register {
                            number: nth(office),
                            name: format!("office {office} renamed by task {t}"),
                            mode: None,
                            software: None,
                            agent: None,
                        },
                    ),
                };
                let r = app.handle(&format!("ch{office}"), &actor(t), &input, T0 + t as i64, Lang::Ja);
                ok(&r).then_some((office, kind))
            }));
        }
        let mut acks = Vec::new();
        for h in handles {
            if let Some(a) = h.await.unwrap() {
                acks.push(a);
            }
        }
        acks
    });
    assert!(acks.len() > TASKS / 2, "most commands succeed: {}", acks.len());
    for i in 0..OFFICES {
        let n = office_number(&nth(i));
        let office: Office = app.store().office(&n).unwrap().unwrap();
        let history = app.store().history(&n).unwrap();
        let count = |k: &str| acks.iter().filter(|(o, kind)| *o == i && *kind == k).count();
        let events = |f: fn(&Action) -> bool| history.iter().filter(|e| f(&e.action)).count();
        assert_eq!(
            events(|a| matches!(a, Action::TaskDone { .. })),
            count("done"),
            "office {i}: every acknowledged /done once"
        );
        assert_eq!(
            events(|a| matches!(a, Action::Undo { .. })),
            count("undo"),
            "office {i}: every acknowledged /undo once"
        );
        assert_eq!(
            events(|a| matches!(a, Action::Updated { .. })),
            count("update"),
            "office {i}"
        );
        assert_eq!(office.revision, history.len() as u64);
        let (name, mode, done) = replay(&history);
        assert_eq!(name, office.name, "office {i}: history matches state");
        assert_eq!(mode, office.mode);
        let stored: Vec<String> = office.done.keys().map(|t| t.as_str().to_string()).collect();
        assert_eq!(done, stored, "office {i}");
    }
}
