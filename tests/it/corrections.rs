//! Mistakes can be fixed: a mistyped office number is corrected (by the
//! office soon after registering, by staff at any time) with its progress,
//! history, sent reminders and channel moving along and the old number free
//! again; staff archive an office out of the summary, the dashboard and the
//! reminders, and bring it back. Each leaves an event in the history. `App`
//! on a temporary data directory, with the fixed clock.

use seikyu_navi::app::App;
use seikyu_navi::model::{Action, Event};
use seikyu_navi::office_number::OfficeNumber;
use seikyu_navi::reply::Reply;

use crate::support::{
    error_id, find, has, ids, lines, office_number, open, run, run_ok, staff, string, sub, user, DAY, T0,
};

/// The number typed by mistake (its check digit is wrong) and the right one.
const WRONG: &str = "1370100061";
const RIGHT: &str = "1370100016";

fn history(app: &App, n: &OfficeNumber) -> Vec<Event> {
    app.store().history(n).unwrap()
}

/// The ids of what a `/history` reply lists, newest first.
fn logged(r: &Reply) -> Vec<String> {
    lines(r).iter().map(|m| sub(m, "what").id.clone()).collect()
}

/// The app on a new data directory, with offices registered at T0 by their
/// users: (channel, number, name).
fn registered(dir: &std::path::Path, offices: &[(&str, &str, &str)]) -> App {
    let app = open(dir);
    for (channel, number, name) in offices {
        run_ok(
            &app,
            channel,
            &user(),
            &format!("/register number:{number} name:{name}"),
            T0,
        );
    }
    app
}

fn summary_numbers(app: &App, now: i64) -> Vec<String> {
    app.summary(now)
        .unwrap()
        .offices
        .iter()
        .map(|r| r.number.to_string())
        .collect()
}

#[test]
fn a_mistyped_number_is_corrected_with_its_progress_history_and_channel() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let (wrong, right) = (office_number(WRONG), office_number(RIGHT));
    let r = run_ok(
        &app,
        "c1",
        &user(),
        &format!("/register number:{WRONG} name:まちがい介護"),
        T0,
    );
    assert!(
        has(&r, "register-check-digit") && has(&r, "register-fix-hint"),
        "{:?}",
        ids(&r)
    );
    run_ok(&app, "c1", &user(), "/done", T0 + 3600);
    run_ok(&app, "c1", &user(), "/done", T0 + 7200);
    // A reminder sent under the old number is not sent again under the new one.
    app.store().mark_reminders(&[format!("{WRONG}/stall/1/1")], T0).unwrap();
    assert_eq!(summary_numbers(&app, T0), vec![WRONG.to_string()]);

    // Registering the right number in the same channel points to /fix-number.
    let r = run(
        &app,
        "c1",
        &user(),
        &format!("/register number:{RIGHT} name:まちがい介護"),
        T0 + DAY,
    );
    assert_eq!(error_id(&r), Some("error-channel-bound-fixable"));
    assert_eq!(string(find(&r, "error-channel-bound-fixable"), "new"), RIGHT);

    let r = run_ok(&app, "c1", &user(), &format!("/fix-number number:{RIGHT}"), T0 + DAY);
    let m = find(&r, "fix-number-done");
    assert_eq!((string(m, "from"), string(m, "to")), (WRONG, RIGHT));
    assert!(!has(&r, "register-check-digit"));

    // Everything moved: the record with its progress, the history, the
    // binding, the sent reminder; the old number holds nothing.
    let office = app.office(&right).unwrap().expect("moved");
    assert_eq!(office.name, "まちがい介護");
    assert_eq!(office.done.len(), 2);
    assert_eq!(office.registered_at, T0);
    assert_eq!(office.channel.as_deref(), Some("c1"));
    assert_eq!(app.office_in("c1").unwrap().unwrap().number, right);
    assert_eq!(app.office(&wrong).unwrap(), None);
    assert!(history(&app, &wrong).is_empty());
    let h = history(&app, &right);
    assert_eq!(h.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![1, 2, 3, 4]);
    assert!(matches!(h[0].action, Action::Registered { .. }));
    assert_eq!(
        h[3].action,
        Action::NumberCorrected {
            from: wrong.clone(),
            to: right.clone()
        }
    );
    assert_eq!(office.revision, 4);
    assert!(app.store().reminder_sent(&format!("{RIGHT}/stall/1/1")).unwrap());
    assert!(!app.store().reminder_sent(&format!("{WRONG}/stall/1/1")).unwrap());
    assert!(app.verify().unwrap().problems.is_empty());
    // The summary (its cache filled before) shows the office once, under its number.
    assert_eq!(summary_numbers(&app, T0 + DAY), vec![RIGHT.to_string()]);
    let log = run_ok(&app, "staff", &staff(), &format!("/history office:{RIGHT}"), T0 + DAY);
    assert_eq!(logged(&log)[0], "history-number-corrected");
    assert_eq!(logged(&log).len(), 4);

    // The progress goes on under the new number: /undo still reaches the
    // last /done, which was stored before the correction.
    let r = run_ok(&app, "c1", &user(), "/undo", T0 + DAY);
    assert!(has(&r, "undo-task"));
    assert_eq!(app.office(&right).unwrap().unwrap().done.len(), 1);

    // The old number is free again.
    let r = run_ok(
        &app,
        "c2",
        &user(),
        &format!("/register number:{WRONG} name:べつの事業所"),
        T0 + DAY,
    );
    assert!(has(&r, "register-done"));
    assert!(history(&app, &wrong).len() == 1);
    assert!(app.verify().unwrap().problems.is_empty());

    // And the whole directory survives an export and a restore.
    let mut json = Vec::new();
    app.export_json(&mut json).unwrap();
    let dir2 = tempfile::tempdir().unwrap();
    let restored = open(dir2.path());
    restored.restore_json(|| Ok(json.as_slice())).unwrap();
    assert_eq!(restored.store().history(&right).unwrap(), history(&app, &right));
}

#[test]
fn after_a_week_only_staff_correct_a_number() {
    let dir = tempfile::tempdir().unwrap();
    let app = registered(
        dir.path(),
        &[("c1", WRONG, "まちがい介護"), ("c2", "1370100024", "となり")],
    );
    let late = T0 + 8 * DAY;

    let r = run(
        &app,
        "c1",
        &user(),
        &format!("/register number:{RIGHT} name:まちがい介護"),
        late,
    );
    assert_eq!(
        error_id(&r),
        Some("error-channel-bound"),
        "no longer the office's to fix"
    );
    let r = run(&app, "c1", &user(), &format!("/fix-number number:{RIGHT}"), late);
    assert_eq!(error_id(&r), Some("error-fix-number-late"));
    let r = run(
        &app,
        "c1",
        &user(),
        &format!("/fix-number number:{RIGHT} office:{WRONG}"),
        T0,
    );
    assert_eq!(error_id(&r), Some("error-staff-only"));
    // Within the week the office may, but not onto another office's number,
    // nor onto its own.
    let r = run(&app, "c1", &user(), "/fix-number number:1370100024", T0 + DAY);
    assert_eq!(error_id(&r), Some("error-number-taken"));
    let r = run(&app, "c1", &user(), &format!("/fix-number number:{WRONG}"), T0 + DAY);
    assert_eq!(error_id(&r), Some("error-same-number"));
    assert_eq!(history(&app, &office_number(WRONG)).len(), 1, "nothing stored");

    // Staff correct it from their own channel, naming the office.
    let r = run_ok(
        &app,
        "staff",
        &staff(),
        &format!("/fix-number number:{RIGHT} office:{WRONG}"),
        late,
    );
    assert!(has(&r, "fix-number-done"));
    let moved = app.office_in("c1").unwrap().unwrap();
    assert_eq!(moved.number.as_str(), RIGHT);
    assert_eq!(history(&app, &moved.number).last().unwrap().actor, staff());
    let r = run(
        &app,
        "staff",
        &staff(),
        &format!("/fix-number number:{RIGHT} office:{WRONG}"),
        late,
    );
    assert_eq!(error_id(&r), Some("error-unknown-office"));
}

#[test]
fn archived_offices_leave_the_summary_and_reminders_and_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let app = registered(
        dir.path(),
        &[("c1", RIGHT, "あおば介護"), ("c2", WRONG, "まちがい介護")],
    );
    let later = T0 + 30 * DAY;
    assert_eq!(summary_numbers(&app, later).len(), 2);
    let stalled = |app: &App, now: i64| -> Vec<String> {
        app.due_reminders(now).unwrap().into_iter().map(|d| d.channel).collect()
    };
    assert_eq!(stalled(&app, later).len(), 2);

    // Only staff archive.
    let r = run(&app, "c2", &user(), "/archive", later);
    assert_eq!(error_id(&r), Some("error-staff-only"));
    let r = run_ok(&app, "staff", &staff(), &format!("/archive office:{WRONG}"), later);
    assert!(has(&r, "archive-done"));
    let r = run(&app, "staff", &staff(), &format!("/archive office:{WRONG}"), later);
    assert_eq!(error_id(&r), Some("error-archived"));

    // Out of the summary (cached or streamed), its chart and the reminders.
    assert_eq!(summary_numbers(&app, later), vec![RIGHT.to_string()]);
    let streamed = app.summary_streamed(later).unwrap();
    assert_eq!(streamed.total, 1);
    let r = run_ok(&app, "staff", &staff(), "/summary", later);
    assert_eq!(crate::support::num(find(&r, "summary-totals"), "total"), 1);
    assert_eq!(crate::support::num(find(&r, "summary-archived"), "count"), 1);
    assert_eq!(stalled(&app, later + DAY), vec!["c1".to_string()]);
    // Its channel says so; its record and history stay.
    let r = run(&app, "c2", &user(), "/next", later);
    assert_eq!(error_id(&r), Some("error-archived"));
    let wrong = office_number(WRONG);
    assert!(app.office(&wrong).unwrap().unwrap().archived.is_some());
    assert_eq!(app.office_in("c2").unwrap().unwrap().number, wrong);
    assert!(app.verify().unwrap().problems.is_empty());

    // Restored by staff, in its own channel: back everywhere, history kept.
    let r = run(&app, "staff", &staff(), &format!("/unarchive office:{RIGHT}"), later);
    assert_eq!(error_id(&r), Some("error-not-archived"));
    let r = run_ok(&app, "c2", &staff(), "/unarchive", later + DAY);
    assert!(has(&r, "unarchive-done"));
    assert_eq!(summary_numbers(&app, later + DAY).len(), 2);
    let r = run_ok(&app, "staff", &staff(), "/summary", later + DAY);
    assert!(!has(&r, "summary-archived"));
    run_ok(&app, "c2", &user(), "/next", later + DAY);
    let log = run_ok(
        &app,
        "staff",
        &staff(),
        &format!("/history office:{WRONG}"),
        later + DAY,
    );
    assert_eq!(
        logged(&log),
        vec!["history-unarchived", "history-archived", "history-registered"]
    );
    assert_eq!(history(&app, &wrong).len(), 3);
    // Reminders again once it is idle for a stall period.
    assert!(stalled(&app, later + 2 * DAY).iter().all(|c| c != "c2"));
    assert!(stalled(&app, later + 10 * DAY).iter().any(|c| c == "c2"));
}
