//! Staff as support, through the App with a fixed clock and through the
//! console binary: an office asks for a person (with its context), staff
//! answer from the inbox, the answer reaches the office's channel, answers
//! become FAQ entries; all of it survives a restart and a backup/restore,
//! and none of the staff side is open to non-staff.

use seikyu_navi::app::App;
use seikyu_navi::command::Input;
use seikyu_navi::content::Lang;
use seikyu_navi::model::{HandoffState, TaughtTarget};
use seikyu_navi::playbook::StepId;
use seikyu_navi::reply::{ButtonAction, Reply};

use crate::support::{
    buttons, error_id, find, has, ids, num, open, run, run_ok, staff, string, user, user_named, AOBA, DAY, T0,
};

/// A question the FAQ has no answer for.
const HENREI: &str = "介護報酬の返戻ってどうすればいい？";

/// あおば介護 in channel `c1`, waiting for the お知らせ since T0 - 3 days.
fn office_waiting(app: &App) {
    run_ok(
        app,
        "c1",
        &user(),
        &format!("/register number:{AOBA} name:あおば介護"),
        T0 - 5 * DAY,
    );
    run_ok(app, "c1", &user(), "/done", T0 - 4 * DAY);
    run_ok(app, "c1", &user(), "/done", T0 - 3 * DAY);
}

fn click(app: &App, channel: &str, action: &ButtonAction, now: i64) -> Reply {
    app.handle(channel, &user(), &Input::from(action), now, Lang::Ja)
}

#[test]
fn an_unanswered_question_reaches_staff_with_its_context_in_one_tap() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    office_waiting(&app);
    let r = run(&app, "c1", &user(), HENREI, T0);
    assert!(has(&r, "answer-off-scope"), "{:?}", ids(&r));
    assert!(has(&r, "answer-ask-staff"), "{:?}", ids(&r));
    assert_eq!(buttons(&r), vec![ButtonAction::AskStaff, ButtonAction::Next]);

    // The button sends that question, with the office's state and the last exchanges.
    let r = click(&app, "c1", &ButtonAction::AskStaff, T0 + 60);
    assert_eq!(num(find(&r, "handoff-asked"), "id"), 1, "{:?}", ids(&r));
    let h = app.store().handoff(1).unwrap().expect("stored");
    assert_eq!(h.question, HENREI);
    assert_eq!(h.channel, "c1");
    assert_eq!(h.asker.name, "山田");
    assert_eq!(h.state, HandoffState::Open);
    let o = h.office.as_ref().expect("office context");
    assert_eq!((o.number.as_str(), o.name.as_str()), (AOBA, "あおば介護"));
    assert_eq!(o.step, Some(StepId::Notify));
    assert!(o.waiting);
    assert_eq!(o.since, T0 - 3 * DAY);
    let said: Vec<&str> = h.recent.iter().map(|x| x.said.as_str()).collect();
    assert_eq!(said, vec!["/register", "/done", "/done", HENREI], "{:?}", h.recent);
    assert!(h.recent.last().unwrap().unanswered);
    assert!(h.recent[0].answered.contains("あおば介護"), "{:?}", h.recent[0]);

    // A second tap asks nothing new.
    let r = click(&app, "c1", &ButtonAction::AskStaff, T0 + 120);
    assert_eq!(num(find(&r, "handoff-asked-already"), "id"), 1);
    assert!(app.store().handoff(2).unwrap().is_none());

    // /ask-staff with a question of its own; in an unregistered channel it is refused.
    let r = run_ok(
        &app,
        "c1",
        &user(),
        "/ask-staff 請求ソフトの乗り換えで注意することは？",
        T0 + 180,
    );
    assert_eq!(num(find(&r, "handoff-asked"), "id"), 2);
    let r = run(&app, "nowhere", &user(), "/ask-staff 質問です", T0);
    assert_eq!(error_id(&r), Some("error-not-registered"));
    // Nothing left unanswered in this channel: there is nothing to send.
    let dir2 = tempfile::tempdir().unwrap();
    let fresh = open(dir2.path());
    office_waiting(&fresh);
    let r = run(&fresh, "c1", &user(), "/ask-staff", T0);
    assert_eq!(error_id(&r), Some("error-no-question"));
    // The free-text intent's entry point.
    let r = fresh.ask_staff("c1", &user(), Some("担当の方と話したいです"), T0, Lang::Ja);
    assert_eq!(num(find(&r, "handoff-asked"), "id"), 1, "{:?}", ids(&r));
}

#[test]
fn staff_answer_from_the_inbox_and_the_office_sees_it_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    office_waiting(&app);
    run(&app, "c1", &user(), HENREI, T0 - 2 * DAY);
    run_ok(&app, "c1", &user(), "/ask-staff", T0 - 2 * DAY);
    run_ok(
        &app,
        "c1",
        &user(),
        "/ask-staff question:代理請求に切り替えたい",
        T0 - DAY,
    );

    // The inbox: oldest first, with the office and how long each has waited.
    let r = run_ok(&app, "staff", &staff(), "/inbox", T0);
    assert!(r.ephemeral);
    let lines = seikyu_navi::adapters::render::plain_text(app.content(), Lang::Ja, &r);
    let first = lines.find("#1 あおば介護（1370100016）　2日前").expect(&lines);
    let second = lines.find("#2 あおば介護（1370100016）　1日前").expect(&lines);
    assert!(first < second, "{lines}");
    assert!(lines.contains(HENREI), "{lines}");

    // One request in full: the context staff need to answer it.
    let r = run_ok(&app, "staff", &staff(), "/inbox id:1", T0);
    let text = seikyu_navi::adapters::render::plain_text(app.content(), Lang::Ja, &r);
    for part in [
        "担当者への質問 #1（返事待ち）",
        "あおば介護（1370100016）、事業所請求",
        "インターネット請求開始の届出：届くのを待っています",
        "1日経過",
        HENREI,
        "「/done」→",
        "→ FAQで答えられませんでした",
        "/reply id:1",
    ] {
        assert!(text.contains(part), "{part} not in\n{text}");
    }

    // The answer is recorded; the office's channel shows it the next time it types.
    let r = run_ok(
        &app,
        "staff",
        &staff(),
        "/reply id:＃1 text:\"返戻の内容を確認し、請求ソフトで修正して再請求してください。\"",
        T0,
    );
    assert_eq!(num(find(&r, "reply-recorded"), "id"), 1);
    assert_eq!(app.store().handoff(1).unwrap().unwrap().state, HandoffState::Answered);
    // Staff typing in the office's channel do not take the office's delivery.
    run_ok(&app, "c1", &staff(), "/next", T0 + 1);
    // Nor does an error only its user sees on Discord.
    let r = run(&app, "c1", &user(), "/done step:nope", T0 + 1);
    assert!(!has(&r, "delivery-title"), "{:?}", ids(&r));
    let r = run_ok(&app, "c1", &user_named("佐藤"), "/next", T0 + 2);
    assert_eq!(ids(&r)[0], "delivery-title", "{:?}", ids(&r));
    assert_eq!(num(find(&r, "delivery-title"), "id"), 1);
    assert_eq!(string(find(&r, "delivery-from"), "who"), "サポート");
    let text = seikyu_navi::adapters::render::plain_text(app.content(), Lang::Ja, &r);
    assert!(text.contains("再請求してください"), "{text}");
    assert!(text.contains("■ 手順 2/6"), "the /next card follows: {text}");
    let h = app.store().handoff(1).unwrap().unwrap();
    assert_eq!(h.replies[0].delivered, Some(T0 + 2));
    // Delivered once.
    let r = run_ok(&app, "c1", &user(), "/next", T0 + 3);
    assert!(!has(&r, "delivery-title"));

    // Closing; the inbox then lists the other request only.
    let r = run_ok(&app, "staff", &staff(), "/close id:1", T0 + 4);
    assert!(has(&r, "close-done"));
    let r = run_ok(&app, "staff", &staff(), "/close id:1", T0 + 5);
    assert!(has(&r, "close-already"));
    let h = app.store().handoff(1).unwrap().unwrap();
    assert_eq!((h.state, h.closed_at), (HandoffState::Closed, Some(T0 + 4)));
    let r = run_ok(&app, "staff", &staff(), "/inbox", T0 + 6);
    assert_eq!(num(find(&r, "inbox-title"), "count"), 1);

    // Bad numbers.
    let r = run(&app, "staff", &staff(), "/reply id:99 text:x", T0);
    assert_eq!(error_id(&r), Some("error-unknown-request"));
    let r = run(&app, "staff", &staff(), "/close id:abc", T0);
    assert_eq!(error_id(&r), Some("error-bad-request-id"));
}

#[test]
fn non_staff_cannot_list_read_answer_or_teach() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    office_waiting(&app);
    run(&app, "c1", &user(), HENREI, T0);
    run_ok(&app, "c1", &user(), "/ask-staff", T0);
    for line in [
        "/inbox",
        "/inbox id:1",
        "/reply id:1 text:こんにちは",
        "/close id:1",
        "/teach id:1 answer:x",
        "/teach question:q answer:a",
        "/taught",
        "/forget id:1",
        "/progress office:1370100016",
        "/history office:1370100016",
    ] {
        let r = run(&app, "c1", &user(), line, T0);
        assert_eq!(error_id(&r), Some("error-staff-only"), "{line}");
    }
    let h = app.store().handoff(1).unwrap().unwrap();
    assert!(h.replies.is_empty() && h.state == HandoffState::Open);
    assert!(app.store().taught().unwrap().is_empty());
}

#[test]
fn staff_see_any_office_by_number_or_name() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    office_waiting(&app);
    run_ok(
        &app,
        "c2",
        &user(),
        "/register number:1370100024 name:みどり居宅介護支援事業所",
        T0,
    );
    run_ok(
        &app,
        "c3",
        &user(),
        "/register number:1370100032 name:みどり訪問看護",
        T0,
    );
    let r = run_ok(&app, "staff", &staff(), "/progress office:1370100016", T0);
    assert!(r.ephemeral);
    assert_eq!(string(find(&r, "progress-title"), "name"), "あおば介護");
    let r = run_ok(&app, "staff", &staff(), "/progress office:あおば", T0);
    assert_eq!(string(find(&r, "progress-title"), "number"), AOBA);
    let r = run(&app, "staff", &staff(), "/progress office:みどり", T0);
    assert_eq!(error_id(&r), Some("error-office-ambiguous"));
    let r = run_ok(&app, "staff", &staff(), "/history office:みどり訪問", T0);
    assert_eq!(string(find(&r, "history-title"), "number"), "1370100032");
    let r = run(&app, "staff", &staff(), "/history office:ひかり", T0);
    assert_eq!(error_id(&r), Some("error-office-not-found"));
    // Without office: in a channel with no office, staff are asked for one.
    let r = run(&app, "staff", &staff(), "/history", T0);
    assert_eq!(error_id(&r), Some("error-office-needed"));
    // An office's own /progress is unchanged.
    let r = run_ok(&app, "c1", &user(), "/progress", T0);
    assert_eq!(string(find(&r, "progress-title"), "name"), "あおば介護");
}

#[test]
fn teaching_an_answer_makes_the_faq_answer_it() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    office_waiting(&app);
    run(&app, "c1", &user(), HENREI, T0);
    run_ok(&app, "c1", &user(), "/ask-staff", T0);
    run_ok(
        &app,
        "staff",
        &staff(),
        "/reply id:1 text:返戻の理由を確認して、請求ソフトで直して再請求してください。",
        T0,
    );
    // A request without an answer cannot be taught from.
    run_ok(&app, "c1", &user(), "/ask-staff question:月遅れ請求はできますか", T0);
    let r = run(&app, "staff", &staff(), "/teach id:2", T0);
    assert_eq!(error_id(&r), Some("error-teach-no-answer"));
    let r = run(&app, "staff", &staff(), "/teach", T0);
    assert_eq!(error_id(&r), Some("error-teach-what"));
    let r = run(&app, "staff", &staff(), "/teach id:1 answer:a faq:certificate-fee", T0);
    assert_eq!(error_id(&r), Some("error-teach-both"));

    let r = run_ok(&app, "staff", &staff(), "/teach id:1", T0 + 10);
    assert_eq!(num(find(&r, "teach-entry"), "id"), 1);
    // Asked again, in other words, in another office: answered from the taught entry, marked as staff's.
    run_ok(&app, "c2", &user(), "/register number:1370100024 name:みどり", T0);
    let r = run_ok(&app, "c2", &user(), "返戻はどうすればいいですか", T0 + 20);
    assert!(!has(&r, "answer-none"), "{:?}", ids(&r));
    assert!(has(&r, "taught-mark"), "{:?}", ids(&r));
    let text = seikyu_navi::adapters::render::plain_text(app.content(), Lang::Ja, &r);
    assert!(text.contains("請求ソフトで直して再請求"), "{text}");
    assert!(text.contains("サポート担当者が追加したもの"), "{text}");
    assert!(!buttons(&r).contains(&ButtonAction::AskStaff));
    // A question about something else is not caught by it.
    let r = run_ok(&app, "c2", &user(), "証明書っていくら？", T0 + 30);
    assert!(has(&r, "faq-certificate-fee"), "{:?}", ids(&r));

    // A new phrasing of a built-in entry, by its question or its name.
    let r = run(&app, "c2", &user(), "ネットの合鍵みたいなやつ、うちにも要る？", T0 + 40);
    assert!(has(&r, "answer-none"), "{:?}", ids(&r));
    let r = run_ok(
        &app,
        "staff",
        &staff(),
        "/teach question:ネットの合鍵みたいなやつ、うちにも要る？ faq:certificate-fee",
        T0 + 50,
    );
    assert!(has(&r, "teach-phrasing"), "{:?}", ids(&r));
    let r = run_ok(&app, "c2", &user(), "ネットの合鍵みたいなやつ、うちにも要る？", T0 + 60);
    assert!(has(&r, "faq-certificate-fee"), "{:?}", ids(&r));
    // question: + answer: without a request; then a phrasing of that taught entry.
    run_ok(
        &app,
        "staff",
        &staff(),
        "/teach question:\"事業所の引っ越しをしたら届出は必要？\" answer:\"所在地の変更は、国保連合会と指定権者へ届け出てください。\"",
        T0 + 70,
    );
    let r = run_ok(
        &app,
        "staff",
        &staff(),
        "/teach question:移転したときの手続きは faq:#3",
        T0 + 80,
    );
    assert!(has(&r, "teach-phrasing"), "{:?}", ids(&r));
    let all = app.store().taught().unwrap();
    assert_eq!(all.len(), 4);
    assert_eq!(all[1].target, Some(TaughtTarget::Faq("certificate-fee".into())));
    assert_eq!(all[3].target, Some(TaughtTarget::Taught(3)));
    let r = run_ok(&app, "c2", &user(), "移転したときの手続きは", T0 + 90);
    assert!(has(&r, "taught-mark"), "{:?}", ids(&r));

    // Listed, marked as staff's own; removable (with its phrasings), and then no longer used.
    let r = run_ok(&app, "staff", &staff(), "/taught", T0);
    let text = seikyu_navi::adapters::render::plain_text(app.content(), Lang::Ja, &r);
    assert!(text.contains("サポート担当者が追加したFAQ（4件）"), "{text}");
    assert!(
        text.contains("#2 「ネットの合鍵みたいなやつ、うちにも要る？」→ FAQ「"),
        "{text}"
    );
    assert!(text.contains("（サポート担当者が追加）」の言い方"), "{text}");
    let r = run_ok(&app, "staff", &staff(), "/forget id:3", T0);
    assert_eq!(num(find(&r, "forget-done-phrasings"), "count"), 1);
    assert_eq!(app.store().taught().unwrap().len(), 2);
    let r = run(&app, "c2", &user(), "移転したときの手続きは", T0 + 100);
    assert!(!has(&r, "taught-mark"), "{:?}", ids(&r));
    let r = run(&app, "staff", &staff(), "/forget id:3", T0);
    assert_eq!(error_id(&r), Some("error-unknown-taught"));
    // Ids are never reused.
    let r = run_ok(&app, "staff", &staff(), "/teach question:質問 answer:回答", T0);
    assert_eq!(num(find(&r, "teach-entry"), "id"), 5);
}

#[test]
fn requests_answers_and_taught_entries_survive_a_restart_and_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = open(dir.path());
        office_waiting(&app);
        run(&app, "c1", &user(), HENREI, T0);
        run_ok(&app, "c1", &user(), "/ask-staff", T0);
        run_ok(&app, "c1", &user(), "/ask-staff question:月遅れ請求はできますか", T0);
        run_ok(
            &app,
            "staff",
            &staff(),
            "/reply id:1 text:返戻は請求ソフトで直して再請求します。",
            T0,
        );
        run_ok(&app, "staff", &staff(), "/teach id:1", T0);
    }
    // A restart: the request, its undelivered answer and the taught entry are all there.
    let app = open(dir.path());
    let r = run_ok(&app, "staff", &staff(), "/inbox", T0 + DAY);
    assert_eq!(num(find(&r, "inbox-title"), "count"), 1);
    assert_eq!(num(find(&r, "inbox-answered"), "count"), 1);
    let r = run_ok(&app, "c2", &user(), "返戻はどうすればいい", T0 + DAY);
    assert!(has(&r, "taught-mark"), "{:?}", ids(&r));
    // Backup, then restore into an empty directory: the same again, and the answer is
    // still waiting for the office.
    let backup = dir.path().join("backup.json");
    app.export_file(&backup).unwrap();
    let before = app.store().dump().unwrap();
    drop(app);
    let dir2 = tempfile::tempdir().unwrap();
    let restored = open(&dir2.path().join("data"));
    let counts = restored.restore_json(|| std::fs::File::open(&backup)).unwrap();
    assert_eq!((counts.handoffs, counts.taught), (2, 1));
    assert_eq!(restored.store().dump().unwrap(), before);
    assert!(restored.verify().unwrap().problems.is_empty());
    let r = run_ok(&restored, "c1", &user(), "/progress", T0 + 2 * DAY);
    assert_eq!(ids(&r)[0], "delivery-title");
    let r = run_ok(&restored, "c3", &user(), "返戻はどうすればいい", T0 + 2 * DAY);
    assert!(has(&r, "taught-mark"), "{:?}", ids(&r));
    // New ids continue after the restored ones.
    let r = run_ok(&restored, "staff", &staff(), "/teach question:質問 answer:回答", T0);
    assert_eq!(num(find(&r, "teach-entry"), "id"), 2);
}

/// The console as its users run it: an office session, a staff session, the
/// office again (each a separate process on the same data directory).
#[test]
fn the_whole_loop_at_the_console() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bot.toml");
    std::fs::write(&config, "[bot]\nlocale = \"ja\"\n").unwrap();
    let data = dir.path().join("data");
    let console = |args: &[&str], script: &str| -> String {
        let mut all = vec!["console"];
        all.extend_from_slice(args);
        let out = crate::support::cli_output(&config, &data, &all, script.as_bytes());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let office = ["--channel", "office-a", "--user", "山田"];

    // The office asks something the FAQ cannot answer, and hands it to staff.
    let out = console(
        &office,
        &format!("/register number:{AOBA} name:あおば介護\n{HENREI}\n/ask-staff\n"),
    );
    assert!(out.contains("インターネット請求を始める手続きのこと"), "{out}");
    assert!(out.contains("/ask-staff（担当者に聞く）"), "{out}");
    assert!(out.contains("サポート担当者に質問を送りました（受付番号 #1）"), "{out}");

    // Staff: the inbox, the request in full, an answer, and the answer taught.
    let out = console(
        &["--channel", "staff", "--user", "佐藤", "--staff"],
        "/inbox\n/inbox id:1\n/reply id:1 text:\"返戻の理由を確認し、請求ソフトで直して再請求してください。\"\n/teach id:1\n",
    );
    assert!(
        out.contains("・#1 あおば介護（1370100016）　今日　「介護報酬の返戻ってどうすればいい？」"),
        "{out}"
    );
    assert!(out.contains("今の手順：動作環境の確認"), "{out}");
    assert!(
        out.contains("#1 あおば介護（1370100016）に返事を記録しました。"),
        "{out}"
    );
    assert!(
        out.contains("FAQに追加しました（#1）：「介護報酬の返戻ってどうすればいい？」"),
        "{out}"
    );

    // The office: the staff answer first, marked as from staff; the same question
    // asked again is answered from the taught entry.
    let out = console(&office, &format!("{HENREI}\n{HENREI}\n"));
    let (first, second) = out.split_once("\n\n").unwrap();
    assert!(first.starts_with("■ サポート担当者からの返事（受付番号 #1）"), "{out}");
    assert!(first.contains("― サポート担当者 佐藤"), "{out}");
    for reply in [first, second] {
        assert!(
            reply.contains("■ 介護報酬の返戻ってどうすればいい？\n返戻の理由を確認し"),
            "{out}"
        );
        assert!(reply.contains("サポート担当者が追加したものです"), "{out}");
        assert!(!reply.contains("FAQが見つかりませんでした"), "{out}");
    }
    assert!(!second.contains("サポート担当者からの返事"), "delivered once: {out}");
}

/// Offices at every kind of wait: あおば waiting 14 days for the お知らせ, いずみ idle
/// 12 days at the login, うみ waiting 3 days for the certificate, えがお new today,
/// おおぞら finished.
fn offices_waiting(app: &App) {
    let reg = |ch: &str, number: &str, name: &str, at: i64| {
        run_ok(app, ch, &user(), &format!("/register number:{number} name:{name}"), at);
    };
    reg("a", AOBA, "あおば介護", T0 - 20 * DAY);
    run_ok(app, "a", &user(), "/done", T0 - 15 * DAY);
    run_ok(app, "a", &user(), "/done", T0 - 14 * DAY);
    reg("b", "1370100024", "いずみ介護", T0 - 30 * DAY);
    for _ in 0..3 {
        run_ok(app, "b", &user(), "/done", T0 - 12 * DAY);
    }
    reg("c", "1370100032", "うみ介護", T0 - 30 * DAY);
    for _ in 0..4 {
        run_ok(app, "c", &user(), "/done", T0 - 10 * DAY);
    }
    run_ok(app, "c", &user(), "/done", T0 - 3 * DAY);
    reg("d", "1370100040", "えがお介護", T0);
    reg("e", "1370100057", "おおぞら介護", T0 - 9 * DAY);
    for _ in 0..8 {
        run_ok(app, "e", &user(), "/done", T0 - 2 * DAY);
    }
}

#[test]
fn the_summary_lists_who_waits_longest_first_with_days_and_stalls() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    offices_waiting(&app);
    let s = app.summary(T0).unwrap();
    let days: Vec<(&str, i64, bool)> = {
        let mut v: Vec<_> = s
            .offices
            .iter()
            .filter(|r| r.current_step.is_some())
            .map(|r| (&*r.name, r.days_at_step, r.stalled))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        days,
        vec![
            ("あおば介護", 14, true),
            ("いずみ介護", 12, true),
            ("うみ介護", 3, false),
            ("えがお介護", 0, false),
        ]
    );
    assert_eq!(s.stalled, 2);
    let r = run_ok(&app, "staff", &staff(), "/summary", T0);
    let text = seikyu_navi::adapters::render::plain_text(app.content(), Lang::Ja, &r);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("介護（")).collect();
    assert_eq!(
        lines,
        vec![
            "・☑ おおぞら介護（1370100057）2026年11月22日 完了",
            "・⏳ あおば介護（1370100016）インターネット請求開始の届出：14日待っています（2026年11月10日から）⚠停滞",
            "・いずみ介護（1370100024）介護電子請求受付システムへのログイン：12日経過（2026年11月12日から変化なし）⚠停滞",
            "・⏳ うみ介護（1370100032）電子証明書の取得：3日待っています（2026年11月21日から）",
            "・えがお介護（1370100040）動作環境の確認：0日経過（2026年11月24日から変化なし）",
        ],
        "{text}"
    );
}

#[test]
fn a_long_wait_for_the_notice_is_escalated_once_with_the_kokuhoren() {
    use seikyu_navi::config::{Config, ContactConfig};
    let mut config = Config::default();
    config.kokuhoren.insert(
        "13".into(),
        ContactConfig {
            name: "東京都国民健康保険団体連合会".into(),
            tel: Some("03-0000-1313".into()),
            fax: None,
            email: None,
            url: None,
            note: None,
        },
    );
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(config, dir.path()).unwrap();
    // Submitted at T0; the お知らせ has not come.
    run_ok(
        &app,
        "a",
        &user(),
        &format!("/register number:{AOBA} name:あおば介護"),
        T0 - DAY,
    );
    run_ok(&app, "a", &user(), "/done", T0);
    run_ok(&app, "a", &user(), "/done", T0);
    let notice = |now: i64| {
        app.due_reminders(now)
            .unwrap()
            .into_iter()
            .filter(|d| d.key.contains("notice-pending"))
            .collect::<Vec<_>>()
    };
    assert!(notice(T0 + 13 * DAY).is_empty(), "not before two weeks");
    let due = notice(T0 + 14 * DAY);
    assert_eq!(due.len(), 1);
    let d = &due[0];
    assert_eq!(d.channel, "a");
    let warning = find(&d.reply, "reminder-notice-pending");
    assert_eq!(num(warning, "days"), 14);
    let c = crate::support::contact(&d.reply);
    assert_eq!(c.key.as_deref(), Some("kokuhoren-13"));
    assert_eq!(c.tel.as_deref(), Some("03-0000-1313"));
    let text = seikyu_navi::adapters::render::plain_text(app.content(), Lang::Ja, &d.reply);
    assert!(text.contains("1ヶ月程度"), "{text}");
    // Once: sent, it is not due again, even a week later or after a restart.
    app.reminder_sent(d, T0 + 14 * DAY).unwrap();
    assert!(notice(T0 + 21 * DAY).is_empty());
    drop(app);
    let app = open(dir.path());
    assert!(app
        .due_reminders(T0 + 30 * DAY)
        .unwrap()
        .iter()
        .all(|d| !d.key.contains("notice-pending")));
    // A certificate pending for more than a week is escalated once too (reception helpdesk).
    run_ok(&app, "a", &user(), "/done", T0 + 30 * DAY);
    run_ok(&app, "a", &user(), "/done", T0 + 30 * DAY);
    run_ok(&app, "a", &user(), "/done", T0 + 30 * DAY);
    let cert: Vec<_> = app
        .due_reminders(T0 + 38 * DAY)
        .unwrap()
        .into_iter()
        .filter(|d| d.key.contains("certificate-pending"))
        .collect();
    assert_eq!(cert.len(), 1);
    assert_eq!(
        crate::support::contact(&cert[0].reply).id,
        Some(seikyu_navi::playbook::ContactId::Reception)
    );
}

#[test]
fn unanswered_questions_say_who_asked_and_leave_out_greetings_and_thanks() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    run_ok(
        &app,
        "a",
        &user(),
        &format!("/register number:{AOBA} name:あおば介護"),
        T0,
    );
    run_ok(&app, "b", &user(), "/register number:1370100024 name:いずみ介護", T0);
    for (ch, q) in [
        ("a", HENREI),
        ("b", "介護報酬の返戻ってどうすればいい"),
        ("a", "ありがとう！"),
        ("b", "こんにちは"),
        ("b", "🙏🙏🙏"),
        ("b", "了解です。"),
        ("x", "月遅れ請求はできますか"),
    ] {
        run(&app, ch, &user(), q, T0 + 60);
    }
    let r = run_ok(&app, "staff", &staff(), "/unanswered", T0 + 120);
    let text = seikyu_navi::adapters::render::plain_text(app.content(), Lang::Ja, &r);
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with('・')).collect();
    assert_eq!(
        lines,
        vec![
            "・「介護報酬の返戻ってどうすればいい？」2回（最新 2026年11月24日）あおば介護（1370100016）、いずみ介護（1370100024）",
            "・「月遅れ請求はできますか」1回（最新 2026年11月24日）事業所の登録がないチャンネル x",
        ],
        "{text}"
    );
    // Greetings and thanks are small talk, never logged as unanswered.
    assert!(!text.contains("あいさつやお礼など"), "{text}");
    assert!(text.contains("/teach"), "{text}");
    // Once taught, a question leaves the list.
    run_ok(
        &app,
        "staff",
        &staff(),
        "/teach question:月遅れ請求はできますか answer:できます。",
        T0,
    );
    let r = run_ok(&app, "staff", &staff(), "/unanswered", T0 + 180);
    let text = seikyu_navi::adapters::render::plain_text(app.content(), Lang::Ja, &r);
    assert!(!text.contains("月遅れ"), "{text}");
    assert!(text.contains("今はFAQで答えられるようになった質問 1件"), "{text}");
}
