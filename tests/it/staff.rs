//! Staff features through the App with a fixed clock: summary figures, the
//! chart, reminders (once each, also across restarts), unanswered questions.

use seikyu_navi::app::App;
use seikyu_navi::command::Input;
use seikyu_navi::content::Content;
use seikyu_navi::content::Lang;
use seikyu_navi::playbook::StepId;
use seikyu_navi::reply::{Block, ButtonAction};
use seikyu_navi::staff::PAGE_SIZE;

use crate::support::{
    buttons, error_id, find, input, lines, local_user, num, number, open, run, run_ok, staff, user, DAY, T0,
};

/// Offices in every state, built with the real commands.
fn fixture(app: &App) {
    // c1: just registered (direct), today.
    run_ok(app, "c1", &user(), "/register number:1370100016 name:一号", T0);
    // c2: waiting for the approval letter since T0 - 3 days.
    run_ok(
        app,
        "c2",
        &user(),
        "/register number:1370100024 name:二号",
        T0 - 5 * DAY,
    );
    run_ok(app, "c2", &user(), "/done", T0 - 4 * DAY);
    run_ok(app, "c2", &user(), "/done", T0 - 3 * DAY);
    // c3: direct, waiting for the certificate since T0 - 10 days. (A proxy
    // office's certificate is its 代理人's: see the `agents` tests.)
    run_ok(
        app,
        "c3",
        &user(),
        "/register number:2710100013 name:三号",
        T0 - 30 * DAY,
    );
    for _ in 0..4 {
        run_ok(app, "c3", &user(), "/done", T0 - 20 * DAY);
    }
    run_ok(app, "c3", &user(), "/done", T0 - 10 * DAY);
    // c4: vendor, finished.
    run_ok(
        app,
        "c4",
        &user(),
        "/register number:0110100013 name:四号 mode:vendor",
        T0 - 9 * DAY,
    );
    // Its own steps: the notification (two tasks), then asking the vendor.
    for _ in 0..3 {
        run_ok(app, "c4", &user(), "/done", T0 - 2 * DAY);
    }
    // c5: direct, stalled at login since T0 - 12 days.
    run_ok(
        app,
        "c5",
        &user(),
        "/register number:4010100016 name:五号",
        T0 - 20 * DAY,
    );
    for _ in 0..3 {
        run_ok(app, "c5", &user(), "/done", T0 - 12 * DAY);
    }
}

#[test]
fn summary_figures_on_every_state() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    fixture(&app);
    let s = app.summary(T0).unwrap();
    assert_eq!(s.total, 5);
    assert_eq!(s.completed, 1);
    assert_eq!(s.by_step[&StepId::Environment], 1);
    assert_eq!(s.by_step[&StepId::Notify], 1);
    assert_eq!(s.by_step[&StepId::Certificate], 1);
    assert_eq!(s.by_step[&StepId::Login], 1);
    assert_eq!(s.by_step[&StepId::Software], 0);
    assert_eq!(s.waiting, 2, "approval letter and certificate issuance");
    // Stalled: no change for 7 days (c3 waited 10 days, c5 12 days).
    assert_eq!(s.stalled, 2);
    let c2 = s.offices.iter().find(|o| &*o.number == "1370100024").unwrap();
    assert_eq!(c2.waiting_since, Some(T0 - 3 * DAY));
    assert_eq!(c2.current_step, Some(StepId::Notify));
    let c4 = s.offices.iter().find(|o| &*o.number == "0110100013").unwrap();
    assert_eq!(c4.current_step, None);
    assert_eq!(c4.completed_at, Some(T0 - 2 * DAY));
    assert_eq!(c4.done_steps, c4.total_steps);

    // The JSON contract's fields.
    let v = serde_json::to_value(&s).unwrap();
    for k in ["total", "completed", "by_step", "offices"] {
        assert!(v.get(k).is_some(), "{k}");
    }
    for k in [
        "number",
        "name",
        "mode",
        "current_step",
        "done_steps",
        "updated_at",
        "stalled",
        "waiting_since",
    ] {
        assert!(v["offices"][0].get(k).is_some(), "{k}");
    }
    assert_eq!(v["by_step"]["certificate"], 1);

    // The chat view: staff only, with a PNG chart; CSV on request.
    let r = app.handle(
        "x",
        &user(),
        &Input::Summary {
            page: None,
            format: None,
        },
        T0,
        Lang::Ja,
    );
    assert!(matches!(&r.blocks[0], Block::Error(m) if m.id == "error-staff-only"));
    let r = app.handle("x", &staff(), &input("/summary format:csv"), T0, Lang::Ja);
    assert!(r.ephemeral);
    let png = &r.attachments.iter().find(|a| a.name == "summary.png").unwrap().bytes;
    let decoder = png::Decoder::new(std::io::Cursor::new(png.as_slice()));
    let reader = decoder.read_info().unwrap();
    assert_eq!((reader.info().width, reader.info().height), (800, 520));
    let csv = String::from_utf8(
        r.attachments
            .iter()
            .find(|a| a.name == "summary.csv")
            .unwrap()
            .bytes
            .clone(),
    )
    .unwrap();
    assert_eq!(csv.lines().count(), 6);
    assert!(csv.starts_with("\u{feff}number,name,mode,current_step"));
    let r = app.handle("x", &staff(), &input("/summary page:abc"), T0, Lang::Ja);
    assert!(matches!(&r.blocks[0], Block::Error(m) if m.id == "error-bad-page"));
    // A number that is no page says how many there are (see
    // `a_summary_page_past_the_last_says_how_many_pages_there_are`).
    let r = app.handle("x", &staff(), &input("/summary page:0"), T0, Lang::Ja);
    assert!(matches!(&r.blocks[0], Block::Error(m) if m.id == "error-page-out-of-range"));
}

/// `n` offices just registered, each in its own channel, the first one
/// longest ago (so first in the list of offices in progress).
fn offices_in_progress(app: &App, n: usize) {
    for i in 0..n {
        let line = format!("/register number:{} name:事業所{i}", number(&format!("137020{i:03}")));
        run_ok(app, &format!("p{i}"), &local_user(), &line, T0 - 3600 + i as i64);
    }
}

/// The offices a summary page lists (those in progress).
fn listed(r: &seikyu_navi::reply::Reply) -> usize {
    lines(r)
        .iter()
        .filter(|m| m.id == "summary-office-stalled" || m.id == "summary-office-waiting")
        .count()
}

#[test]
fn a_summary_page_past_the_last_says_how_many_pages_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    // Two full pages and one office more: three pages.
    offices_in_progress(&app, 2 * PAGE_SIZE + 1);
    let before = app.summary_streamed(T0).unwrap();
    for (line, page) in [
        ("/summary page:4", 4),
        ("/summary page:40 format:csv", 40),
        ("/summary page:0", 0),
        ("/summary page:０", 0),
    ] {
        let r = run(&app, "staff", &staff(), line, T0);
        assert_eq!(error_id(&r), Some("error-page-out-of-range"), "{line}");
        let m = find(&r, "error-page-out-of-range");
        assert_eq!((num(m, "page"), num(m, "pages")), (page, 3), "{line}");
        // The error alone: no page shown instead, no chart, no CSV, no buttons.
        assert_eq!(r.blocks.len(), 1, "{line}");
        assert!(r.attachments.is_empty() && r.buttons.is_empty(), "{line}");
        assert!(r.ephemeral, "{line}");
    }
    let content = Content::embedded().unwrap();
    let m = find(
        &run(&app, "staff", &staff(), "/summary page:4", T0),
        "error-page-out-of-range",
    )
    .clone();
    assert_eq!(
        content.text(Lang::Ja, &m),
        "4ページ目はありません。手続き中の事業所の一覧は全3ページです。/summary page:3 のように、1～3 で指定してください。"
    );
    assert_eq!(
        content.text(Lang::En, &m),
        "There is no page 4: there are only 3 pages of offices in progress. Give a page from 1 to 3, e.g. /summary page:3."
    );
    assert_eq!(app.summary_streamed(T0).unwrap(), before, "nothing changed");

    // The pages there are, through their buttons: forward to the last, and back.
    let click = |page: usize| {
        app.handle(
            "staff",
            &staff(),
            &Input::from(&ButtonAction::SummaryPage(page)),
            T0,
            Lang::Ja,
        )
    };
    let r = run_ok(&app, "staff", &staff(), "/summary", T0);
    assert_eq!(buttons(&r), vec![ButtonAction::SummaryPage(2)]);
    assert_eq!(listed(&r), PAGE_SIZE);
    for (page, want, count) in [
        (
            2,
            vec![ButtonAction::SummaryPage(1), ButtonAction::SummaryPage(3)],
            PAGE_SIZE,
        ),
        (3, vec![ButtonAction::SummaryPage(2)], 1),
        (
            2,
            vec![ButtonAction::SummaryPage(1), ButtonAction::SummaryPage(3)],
            PAGE_SIZE,
        ),
        (1, vec![ButtonAction::SummaryPage(2)], PAGE_SIZE),
    ] {
        let r = click(page);
        assert_eq!(error_id(&r), None, "page {page}");
        let head = find(&r, "summary-attention");
        assert_eq!((num(head, "page"), num(head, "pages")), (page as i64, 3));
        assert_eq!(buttons(&r), want, "page {page}");
        assert_eq!(listed(&r), count, "page {page}");
    }
    // The last page lists the office registered last.
    let last = click(3);
    let office = lines(&last)
        .into_iter()
        .find(|m| m.id == "summary-office-stalled")
        .unwrap();
    assert_eq!(
        crate::support::string(office, "name"),
        format!("事業所{}", 2 * PAGE_SIZE)
    );
}

#[test]
fn with_one_page_page_two_says_there_is_only_one() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    fixture(&app);
    let r = run(&app, "x", &staff(), "/summary page:2", T0);
    let m = find(&r, "error-page-out-of-range");
    assert_eq!((num(m, "page"), num(m, "pages")), (2, 1));
    let content = Content::embedded().unwrap();
    assert_eq!(
        content.text(Lang::Ja, m),
        "2ページ目はありません。手続き中の事業所の一覧は1ページだけです。/summary で表示できます。"
    );
    assert_eq!(
        content.text(Lang::En, m),
        "There is no page 2: there is only 1 page of offices in progress. Type /summary to see it."
    );
    // With no office at all there is still the one page, the totals.
    let empty = tempfile::tempdir().unwrap();
    let app = open(empty.path());
    assert_eq!(
        num(
            find(
                &run(&app, "x", &staff(), "/summary page:2", T0),
                "error-page-out-of-range"
            ),
            "pages"
        ),
        1
    );
    run_ok(&app, "x", &staff(), "/summary page:1", T0);
}

#[test]
fn reminders_fire_once_at_the_right_time_even_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = open(dir.path());
        fixture(&app);
        let keys = |now: i64| -> Vec<String> {
            let mut k: Vec<String> = app.due_reminders(now).unwrap().into_iter().map(|d| d.key).collect();
            k.sort();
            k
        };
        // At T0: c3's certificate has been pending 10 days (> 7); c3 and c5 are stalled.
        let due = app.due_reminders(T0).unwrap();
        let k = keys(T0);
        assert_eq!(k.len(), 3, "{k:?}");
        assert!(k.iter().any(|k| k.starts_with("2710100013/certificate-pending")));
        assert!(k.iter().any(|k| k.starts_with("2710100013/stall")));
        assert!(k.iter().any(|k| k.starts_with("4010100016/stall")));
        for d in &due {
            assert!(!d.reply.blocks.is_empty());
            app.reminder_sent(d, T0).unwrap();
        }
        assert!(keys(T0 + 3600).is_empty(), "sent once");
    }
    // A restart: nothing is sent again.
    let app = open(dir.path());
    assert!(app.due_reminders(T0 + DAY).unwrap().is_empty());
    // c5's second stall period (14 days idle) starts at T0 + 2 days: nudged again, once.
    let later: Vec<String> = app
        .due_reminders(T0 + 2 * DAY)
        .unwrap()
        .into_iter()
        .map(|d| d.key)
        .collect();
    assert_eq!(later.len(), 1, "{later:?}");
    assert!(
        later[0].starts_with("4010100016/stall/") && later[0].ends_with("/2"),
        "{later:?}"
    );

    // Certificate expiry: c3 installs its certificate; without a reported
    // date the expiry is estimated from the application (T0 - 10 days), and
    // notices come 180, 90, 30 and 7 days before.
    run_ok(&app, "c3", &user(), "/done", T0);
    run_ok(&app, "c3", &user(), "/done", T0);
    run_ok(&app, "c3", &user(), "/done", T0);
    let c3 = app
        .office(&crate::support::office_number("2710100013"))
        .unwrap()
        .unwrap();
    let expiry = seikyu_navi::certificate::expiry(&c3).unwrap().last_day;
    assert_eq!(
        seikyu_navi::content::Content::embedded()
            .unwrap()
            .date(Lang::Ja, expiry),
        "2029年11月13日"
    );
    let expiry_keys = |now: i64| -> Vec<String> {
        app.due_reminders(now)
            .unwrap()
            .into_iter()
            .map(|d| d.key)
            .filter(|k| k.contains("expiry"))
            .collect()
    };
    for (d, quiet) in [(180, 181), (90, 91)] {
        assert!(expiry_keys(expiry - quiet * DAY).is_empty());
        let due: Vec<_> = app
            .due_reminders(expiry - d * DAY)
            .unwrap()
            .into_iter()
            .filter(|x| x.key.contains("expiry"))
            .collect();
        assert_eq!(due.len(), 1);
        assert!(due[0].key.ends_with(&format!("/{d}")));
        app.reminder_sent(&due[0], expiry - d * DAY).unwrap();
    }
    assert!(expiry_keys(expiry - 60 * DAY).is_empty());
    // The bot was down between 30 and 7 days before: only the 7-day notice is sent,
    // and it supersedes the 30-day one.
    let d7: Vec<_> = app
        .due_reminders(expiry - 5 * DAY)
        .unwrap()
        .into_iter()
        .filter(|d| d.key.contains("expiry"))
        .collect();
    assert_eq!(d7.len(), 1);
    assert!(d7[0].key.ends_with("/7"));
    assert!(d7[0].supersedes.iter().any(|k| k.ends_with("/30")));
    app.reminder_sent(&d7[0], expiry - 5 * DAY).unwrap();
    drop(app);
    let app = open(dir.path());
    let after: Vec<String> = app
        .due_reminders(expiry - 4 * DAY)
        .unwrap()
        .into_iter()
        .map(|d| d.key)
        .filter(|k| k.contains("expiry"))
        .collect();
    assert!(after.is_empty(), "{after:?}");
}

#[test]
fn unanswered_questions_grouped_most_frequent_first() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    for (q, t) in [
        ("週末の予定は？", 1),
        ("年末調整のやり方", 2),
        ("週末の予定は", 3),
        // (Not "weekend plans?": since round 30 was learned, "weekend"
        // alone leads to the helpdesk's hours.)
        ("ＬＵＮＣＨ plans?", 4),
    ] {
        app.handle("c", &user(), &Input::Question(q.into()), T0 + t, Lang::Ja);
    }
    app.handle(
        "c",
        &user(),
        &Input::Question("証明書っていくら？".into()),
        T0,
        Lang::Ja,
    );
    let stored = app.store().unanswered().unwrap();
    assert_eq!(stored.len(), 4, "a matched question is not logged");
    let groups = seikyu_navi::staff::group_unanswered(&stored);
    assert_eq!(groups[0].1, 2, "{groups:?}");
    assert!(groups[0].0.starts_with("週末の予定は"));
    let r = app.handle("c", &staff(), &Input::Unanswered, T0, Lang::Ja);
    assert!(r.ephemeral);
}

#[test]
fn cached_summary_follows_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    fixture(&app);
    let fresh = |now| app.summary_streamed(now).unwrap();
    assert_eq!(app.summary(T0).unwrap(), fresh(T0), "built from the store");
    run_ok(&app, "c1", &user(), "/done", T0 + 1);
    run_ok(&app, "c1", &user(), "/mode mode:proxy", T0 + 2);
    run_ok(&app, "c2", &user(), "/undo", T0 + 3);
    run_ok(&app, "c6", &user(), "/register number:1370100032 name:六号", T0 + 4);
    // Stalled is worked out for the time asked, not when the row was cached.
    for now in [T0 + 5, T0 + 30 * DAY] {
        assert_eq!(app.summary(now).unwrap(), fresh(now));
    }
    assert_eq!(app.summary(T0 + 5).unwrap().total, 6);
}
