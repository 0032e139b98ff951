//! What each kind of free-text message gets in a channel, through `App`: a
//! status report is confirmed before anything is recorded, a request runs
//! its command, small talk is answered and never logged, a request for a
//! person says how to reach staff, and a question is answered with the
//! office's state as context.

use seikyu_navi::app::App;
use seikyu_navi::command::Input;
use seikyu_navi::content::Lang;
use seikyu_navi::model::{Actor, Office};
use seikyu_navi::playbook::{StepId, TaskId};
use seikyu_navi::reply::{ButtonAction, Reply};

use crate::support::{buttons, cli_output, find, has, ids, open, run_ok, sub, user, user_named, AOBA, DAY, T0};

const CH: &str = "ch-aoba";

/// An office registered in `CH`, with `done` lines run after it.
fn office_with(done: &[&str]) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    run_ok(
        &app,
        CH,
        &user(),
        &format!("/register number:{AOBA} name:あおば介護"),
        T0,
    );
    for line in done {
        run_ok(&app, CH, &user(), line, T0);
    }
    (dir, app)
}

fn say_as(app: &App, actor: &Actor, text: &str) -> Reply {
    app.handle(CH, actor, &Input::Question(text.into()), T0 + DAY, Lang::Ja)
}

fn say(app: &App, text: &str) -> Reply {
    say_as(app, &user(), text)
}

fn office(app: &App) -> Office {
    app.office_in(CH).unwrap().expect("registered")
}

/// The office's revision and the size of its history: what a recorded
/// change moves.
fn recorded(app: &App) -> (u64, usize) {
    let o = office(app);
    (o.revision, app.store().history(&o.number).unwrap().len())
}

fn unanswered(app: &App) -> Vec<String> {
    app.store().unanswered().unwrap().into_iter().map(|u| u.text).collect()
}

#[test]
fn a_status_report_is_confirmed_first_and_recorded_on_yes() {
    let (_d, app) = office_with(&["/done"]);
    let before = recorded(&app);
    let r = say(&app, "届出、今日国保連に出してきました");
    let m = find(&r, "intent-status-confirm");
    assert_eq!(sub(m, "task").id, "task-notify-submit");
    // One tap on Discord: a button that completes exactly that task.
    assert_eq!(buttons(&r)[0], ButtonAction::Done(TaskId::NotifySubmit));
    assert_eq!(recorded(&app), before, "nothing is recorded before the confirmation");
    assert!(!office(&app).done.contains_key(&TaskId::NotifySubmit));

    let r = say(&app, "はい");
    assert!(has(&r, "done-task"), "{:?}", ids(&r));
    assert!(office(&app).done.contains_key(&TaskId::NotifySubmit));
    assert_eq!(recorded(&app).1, before.1 + 1);
    // A second yes has nothing left to confirm: it is only small talk.
    let r = say(&app, "はい");
    assert!(!has(&r, "done-task"), "{:?}", ids(&r));
    assert_eq!(recorded(&app).1, before.1 + 1);
}

#[test]
fn a_status_report_is_never_recorded_without_the_yes() {
    let (_d, app) = office_with(&["/done"]);
    let before = recorded(&app);
    say(&app, "届出出しました");
    // Something else comes first: the confirmation lapses.
    say(&app, "証明書っていくら？");
    say(&app, "はい");
    assert_eq!(recorded(&app), before);
    // A no says nothing changed.
    say(&app, "届出出しました");
    let r = say(&app, "いいえ");
    assert!(has(&r, "intent-declined"), "{:?}", ids(&r));
    assert_eq!(recorded(&app), before);
    // Another user's yes does not confirm my report.
    say(&app, "届出出しました");
    say_as(&app, &user_named("佐藤"), "はい");
    assert_eq!(recorded(&app), before);
    // A yes long after the report does not either.
    say(&app, "届出出しました");
    app.handle(CH, &user(), &Input::Question("はい".into()), T0 + 3 * DAY, Lang::Ja);
    assert_eq!(recorded(&app), before);
}

#[test]
fn a_report_of_the_second_task_confirms_both() {
    let (_d, app) = office_with(&["/done"]);
    let r = say(&app, "お知らせ届きました！次はログインですか？");
    let m = find(&r, "intent-status-confirm-both");
    assert_eq!(sub(m, "first").id, "task-notify-submit");
    assert_eq!(sub(m, "task").id, "task-notify-receive");
    say(&app, "はい");
    let o = office(&app);
    assert!(o.done.contains_key(&TaskId::NotifySubmit) && o.done.contains_key(&TaskId::NotifyReceive));
    assert_eq!(o.current_step(), Some(StepId::Login));
}

#[test]
fn a_report_without_a_task_means_the_next_open_one() {
    let (_d, app) = office_with(&[]);
    let r = say(&app, "終わりました！");
    assert_eq!(sub(find(&r, "intent-status-confirm"), "task").id, "task-environment");
    let r = say(&app, "うん");
    assert!(has(&r, "done-task"), "{:?}", ids(&r));
    assert!(office(&app).done.contains_key(&TaskId::Environment));
}

#[test]
fn a_report_of_a_task_done_before_says_so() {
    let (_d, app) = office_with(&["/done"]);
    let before = recorded(&app);
    let r = say(&app, "パソコンの準備できました");
    assert!(has(&r, "intent-status-already"), "{:?}", ids(&r));
    assert!(buttons(&r)
        .iter()
        .all(|b| !matches!(b, ButtonAction::Done(TaskId::Environment))));
    say(&app, "はい");
    assert_eq!(recorded(&app), before);
}

#[test]
fn a_report_in_an_unregistered_channel_asks_to_register() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let r = say(&app, "届出出しました");
    assert!(has(&r, "intent-status-unregistered"), "{:?}", ids(&r));
    assert!(has(&r, "hint-register"), "{:?}", ids(&r));
}

#[test]
fn small_talk_is_answered_and_never_logged() {
    let (_d, app) = office_with(&[]);
    for (text, id) in [
        ("ありがとう！", "intent-thanks"),
        ("こんにちは", "intent-greeting"),
        ("了解です", "intent-ack"),
        ("👍", "intent-ack"),
        ("🙏🙏🙏", "intent-thanks"),
        ("thanks!", "intent-thanks"),
        // Chat that names nothing and asks nothing is small talk too.
        ("きょうは寒いねぇ、雪かきで腰いたいわ", "intent-ack"),
        ("Have a nice weekend all", "intent-ack"),
        ("本日もどうぞよろしくお願いいたします。", "intent-greeting"),
    ] {
        let r = say(&app, text);
        assert!(has(&r, id), "{text}: {:?}", ids(&r));
        assert!(!has(&r, "answer-none"), "{text}: {:?}", ids(&r));
    }
    assert!(unanswered(&app).is_empty(), "{:?}", unanswered(&app));
    // A question nobody can answer still is, with or without a question mark.
    say(&app, "ケアプランの書き方のコツある？");
    say(&app, "週末の予定は");
    assert_eq!(unanswered(&app), vec!["ケアプランの書き方のコツある？", "週末の予定は"]);
}

/// Says each text and checks that the reply has its message.
fn replies_with(app: &App, cases: &[(&str, &str)]) {
    for (text, id) in cases {
        let r = say(app, text);
        assert!(has(&r, id), "{text}: {:?}", ids(&r));
    }
}

#[test]
fn chat_is_small_talk_whatever_words_it_shares() {
    let (_d, app) = office_with(&[]);
    replies_with(
        &app,
        &[
            // FAQ words (late: the notice is late) and an elongated ending.
            ("sorry for the late reply, busy morning", "intent-greeting"),
            ("今週もよろしくおねがいしまーす！", "intent-greeting"),
            // An off-scope word in a remark that asks nothing.
            ("今日は利用者さんの運動会で一日バタバタでした🏃", "intent-ack"),
            // A self-introduction names a role, but calls for no one.
            ("はじめまして、4月から事務担当になった佐藤です", "intent-greeting"),
        ],
    );
    assert!(unanswered(&app).is_empty(), "{:?}", unanswered(&app));
}

#[test]
fn a_formal_letter_is_read_for_what_it_asks_or_reports() {
    let (_d, app) = office_with(&["/done", "/done"]);
    let before = recorded(&app);
    replies_with(
        &app,
        &[
            // The seasonal greeting and the closing are politeness, not small talk.
            (
                "拝啓 時下ますますご清祥のこととお慶び申し上げます。さて、インターネット請求開始の届出は、いずれの機関へ提出すべきものに候や、ご教示賜りたく存じます。敬具",
                "faq-notify-where",
            ),
            (
                "前略 代理請求の手続きにつきましては如何なる書面を参照すべきか、ご教示くだされたく候 草々",
                "faq-proxy-procedure",
            ),
            // An archaic report is still a report, confirmed first.
            ("謹啓 「電子請求登録結果に関するお知らせ」、本日確かに拝受仕り候", "intent-status-confirm"),
        ],
    );
    assert_eq!(recorded(&app), before);
}

#[test]
fn other_business_told_in_passing_is_small_talk_but_asked_is_refused() {
    let (_d, app) = office_with(&[]);
    replies_with(&app, &[("週末は雨みたいですねー", "intent-ack")]);
    assert!(unanswered(&app).is_empty(), "{:?}", unanswered(&app));
    replies_with(&app, &[("週末は雨ですか？", "answer-off-scope")]);
}

#[test]
fn what_follows_a_task_is_answered_by_the_entry_for_the_next_one() {
    let (_d, app) = office_with(&[]);
    replies_with(
        &app,
        &[
            ("証明書入れたあとはなにするんだっけ", "faq-installer-how"),
            ("ログインしたあとって何やるの", "faq-certificate-how"),
            ("お知らせが届いたら何をすればいい？", "faq-after-notice"),
            // No entry follows the environment check: the question is looked up.
            ("パソコンを買い替えたらどうする？", "faq-new-pc"),
        ],
    );
    // A problem after the task is not a question about what follows.
    let r = say(&app, "インストールしたらエラーが出た、どうすれば");
    assert!(!has(&r, "faq-installer-how"), "{:?}", ids(&r));
}

#[test]
fn requests_get_their_commands_reply() {
    let (_d, app) = office_with(&["/done", "/done"]);
    // 「次は何をすればいい？」 after the 届出 is the waiting step, not a generic answer.
    let r = say(&app, "次は何をすればいい？");
    assert!(has(&r, "step-heading"), "{:?}", ids(&r));
    assert!(has(&r, "next-waiting"), "{:?}", ids(&r));
    let r = say(&app, "今どこまで進んでる？");
    assert!(has(&r, "progress-title"), "{:?}", ids(&r));
    let r = say(&app, "使い方がわからない");
    assert!(has(&r, "help-title"), "{:?}", ids(&r));
    let r = say(&app, "困ったときの連絡先を教えて");
    assert!(has(&r, "contact-for-step"), "{:?}", ids(&r));
    assert!(unanswered(&app).is_empty(), "{:?}", unanswered(&app));
}

#[test]
fn an_undo_request_is_confirmed_first() {
    let (_d, app) = office_with(&["/done", "/done"]);
    let before = recorded(&app);
    let r = say(&app, "間違えて完了にしちゃった、戻して");
    let m = find(&r, "intent-undo-confirm");
    assert_eq!(sub(m, "what").id, "history-task-done");
    assert_eq!(recorded(&app), before);
    let r = say(&app, "はい");
    assert!(has(&r, "undo-task"), "{:?}", ids(&r));
    assert!(!office(&app).done.contains_key(&TaskId::NotifySubmit));
}

#[test]
fn a_request_for_a_person_starts_the_handoff() {
    let (_d, app) = office_with(&[]);
    let r = say(&app, "担当者と話したい");
    assert!(has(&r, "handoff-asked"), "{:?}", ids(&r));
    // Staff find it in their inbox, with the office's words.
    let inbox = crate::support::run(&app, "staff", &crate::support::staff(), "/inbox", crate::support::T0);
    assert!(format!("{inbox:?}").contains("担当者と話したい"), "{inbox:?}");
    assert!(unanswered(&app).is_empty());
}

#[test]
fn a_question_is_answered_for_the_office_where_it_stands() {
    // The same words after the 届出 and after applying for the certificate.
    let (_d, app) = office_with(&["/done", "/done"]);
    let r = say(&app, "いつ届きますか？");
    assert!(has(&r, "faq-notice-not-arrived"), "{:?}", ids(&r));
    let (_d, app) = office_with(&["/done", "/done", "/done", "/done", "/done"]);
    let r = say(&app, "いつ届きますか？");
    assert!(has(&r, "faq-certificate-time"), "{:?}", ids(&r));
}

#[test]
fn near_misses_are_refused() {
    let (_d, app) = office_with(&[]);
    for q in [
        "マイナンバーカードの電子証明書の更新",
        "印鑑証明書ってコンビニで取れる？",
        "事務所のWi-Fiのパスワードを忘れた",
        "住所が変わったので変更届を出したい",
    ] {
        let r = say(&app, q);
        assert!(has(&r, "answer-off-scope"), "{q}: {:?}", ids(&r));
        assert!(!ids(&r).iter().any(|id| id.starts_with("faq-")), "{q}: {:?}", ids(&r));
    }
}

/// The binary with `args`, `stdin` piped in; its stdout.
fn binary(data: &std::path::Path, args: &[&str], stdin: &str) -> String {
    std::fs::write(data.join("bot.toml"), "[bot]\nlocale = \"ja\"\n").unwrap();
    let out = cli_output(&data.join("bot.toml"), &data.join("data"), args, stdin.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_console_confirms_a_report_and_takes_japanese_commands() {
    let dir = tempfile::tempdir().unwrap();
    let script = [
        "/登録 1370100016 かめ介護",
        "/完了",
        "届出、出してきました",
        "はい",
        "/進み具合",
        "/完了 証明書の申請",
        "/取り消し",
        "/問合せ先 国保連",
        "ありがとう！",
    ];
    let out = binary(dir.path(), &["console"], &(script.join("\n") + "\n"));
    let replies: Vec<&str> = out.trim_end().split("\n\n").collect();
    assert!(
        replies[0].contains("「かめ介護」（事業所番号 1370100016"),
        "{}",
        replies[0]
    );
    assert!(replies[1].contains("完了にしました"), "{}", replies[1]);
    // The report is confirmed, with the exact command in Japanese.
    assert!(
        replies[2].contains("「国保連合会に届出を提出する」を完了にしますか？"),
        "{}",
        replies[2]
    );
    assert!(replies[2].contains("/done step:届出の提出"), "{}", replies[2]);
    assert!(
        replies[3].contains("完了にしました：国保連合会に届出を提出する"),
        "{}",
        replies[3]
    );
    assert!(replies[4].contains("⏳ 手順 2/6"), "{}", replies[4]);
    assert!(
        replies[5].contains("完了にしました：電子証明書の発行申請をする"),
        "{}",
        replies[5]
    );
    assert!(
        replies[6].contains("完了を取り消しました：電子証明書の発行申請をする"),
        "{}",
        replies[6]
    );
    assert!(replies[7].contains("国民健康保険団体連合会"), "{}", replies[7]);
    assert!(replies[8].contains("どういたしまして"), "{}", replies[8]);
    // No raw id reaches a Japanese user (a website's address is not an id).
    let shown: String = out
        .lines()
        .filter(|l| !l.starts_with("URL："))
        .collect::<Vec<_>>()
        .join("\n");
    for id in [
        "step:environment",
        "step:notify",
        "notify-submit",
        "certificate-apply",
        "kokuhoren",
        "reception",
    ] {
        assert!(!shown.contains(id), "{id} in:\n{shown}");
    }
}

#[test]
fn ask_json_names_the_intent_the_task_and_the_command() {
    let dir = tempfile::tempdir().unwrap();
    for (text, intent, task, command, matched) in [
        ("届出出しました", "status", Some("notify-submit"), None, false),
        (
            "証明書のインストール終わった",
            "status",
            Some("certificate-install"),
            None,
            false,
        ),
        ("次へ", "command", None, Some("next"), false),
        ("間違えて完了にしちゃった", "command", None, Some("undo"), false),
        ("ありがとう", "smalltalk", None, None, false),
        ("担当者と話したい", "handoff", None, None, false),
        ("証明書っていくら？", "question", None, None, true),
        ("印鑑証明書ってコンビニで取れる？", "question", None, None, false),
    ] {
        let out = binary(dir.path(), &["ask", "--json", text], "");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["intent"], intent, "{text}: {v}");
        assert_eq!(v["task"].as_str(), task, "{text}: {v}");
        assert_eq!(v["command"].as_str(), command, "{text}: {v}");
        assert_eq!(v["matched"], matched, "{text}: {v}");
        // The existing fields keep their meaning.
        for f in ["faq_id", "confidence", "answer", "alternatives", "contact"] {
            assert!(v.get(f).is_some(), "{text}: no {f} in {v}");
        }
        assert!(!v["answer"].as_str().unwrap().is_empty(), "{text}: {v}");
    }
}

/// A 代理人 registered in "ch-group" with one office.
fn proxy_channel() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    run_ok(
        &app,
        "ch-group",
        &user(),
        &format!("/register number:{AOBA} name:本部 agent:さくらケア"),
        T0,
    );
    (dir, app)
}

#[test]
fn reports_and_undos_in_words_in_a_proxys_channel_are_about_its_own_steps() {
    let (_d, app) = proxy_channel();
    let agent = || app.store().agent_by_channel("ch-group").unwrap().expect("a 代理人");
    let said = |text: &str| app.handle("ch-group", &user(), &Input::Question(text.into()), T0 + DAY, Lang::Ja);

    let r = said("動作環境チェックできました");
    let m = find(&r, "intent-status-confirm");
    assert_eq!(
        sub(m, "task").id,
        TaskId::Environment.msg_in(seikyu_navi::playbook::Track::Agent)
    );
    assert_eq!(buttons(&r)[0], ButtonAction::Done(TaskId::Environment));
    assert!(agent().done.is_empty(), "nothing before the yes");
    let r = said("はい");
    assert!(has(&r, "done-task"), "{:?}", ids(&r));
    assert!(agent().done.contains_key(&TaskId::Environment));

    // The offices' 届出 are each an office's: the reply says how to name one.
    let r = said("届出出しました");
    assert!(has(&r, "error-which-office"), "{:?}", ids(&r));

    // An undo in words takes back the 代理人's own last change, on yes.
    let r = said("間違えて完了にしちゃった");
    assert!(has(&r, "intent-undo-confirm"), "{:?}", ids(&r));
    let r = said("はい");
    assert!(has(&r, "undo-task"), "{:?}", ids(&r));
    assert!(agent().done.is_empty());
}

#[test]
fn a_proxys_channel_can_ask_staff_and_a_bare_ask_staff_sends_the_last_question() {
    let (_d, app) = proxy_channel();
    let said = |text: &str| app.handle("ch-group", &user(), &Input::Question(text.into()), T0 + DAY, Lang::Ja);
    let r = said("担当者と話したいです");
    assert!(has(&r, "handoff-asked"), "{:?}", ids(&r));
    let h: Vec<_> = app.store().handoffs().map(Result::unwrap).collect();
    assert_eq!(
        (h.len(), h[0].channel.as_str(), h[0].office.is_none()),
        (1, "ch-group", true)
    );

    // In an office's channel, after an answer the office was not happy
    // with, a bare /ask-staff sends that question.
    let (_d, app) = office_with(&[]);
    let r = say(&app, "証明書っていくら？");
    assert!(has(&r, "faq-certificate-fee"), "{:?}", ids(&r));
    let r = run_ok(&app, CH, &user(), "/ask-staff", T0 + DAY);
    assert!(has(&r, "handoff-asked"), "{:?}", ids(&r));
    let h: Vec<_> = app.store().handoffs().map(Result::unwrap).collect();
    assert_eq!(h[0].question, "証明書っていくら？");
}

#[test]
fn a_question_about_an_aspect_the_current_step_does_not_have_is_answered_plainly() {
    // At the environment step, 「お金かかる？」 is about the cost, not the PC;
    // at the certificate step, 「いくら？」 is the certificate's fee.
    let (_d, app) = office_with(&[]);
    let r = say(&app, "お金かかる？");
    assert!(has(&r, "faq-cost"), "{:?}", ids(&r));
    let (_d, app) = office_with(&["/done", "/done", "/done", "/done"]);
    assert_eq!(office(&app).current_step(), Some(StepId::Certificate));
    let r = say(&app, "いくら？");
    assert!(has(&r, "faq-certificate-fee"), "{:?}", ids(&r));
}

#[test]
fn a_vendor_offices_last_step_is_reported_in_words_and_named_as_shown() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    run_ok(
        &app,
        CH,
        &user(),
        &format!("/register number:{AOBA} name:あおば介護 mode:vendor"),
        T0,
    );
    run_ok(&app, CH, &user(), "/done", T0);
    run_ok(&app, CH, &user(), "/done", T0);
    let r = say(&app, "代行業者への確認が完了いたしました。");
    let m = find(&r, "intent-status-confirm");
    assert_eq!(sub(m, "task").id, "task-software");
    // The step's name as /progress shows it is accepted by /done step:.
    let r = run_ok(&app, CH, &user(), "/done step:代行する業者への確認", T0 + DAY);
    assert!(has(&r, "done-task"), "{:?}", ids(&r));
}

#[test]
fn a_reply_to_a_quoted_line_is_read_with_what_it_quotes() {
    let (_d, app) = office_with(&["/done", "/done", "/done"]);
    // Done, said under the line that asked for it: that task.
    let r = say(&app, "> ログインしてください / できたー、仮パスで入れた");
    assert_eq!(sub(find(&r, "intent-status-confirm"), "task").id, "task-login");
    say(&app, "はい");
    assert!(office(&app).done.contains_key(&TaskId::Login));
    // A quoted word is not said: the reply is small talk.
    let before = recorded(&app);
    let r = say(&app, "> 証明書の申請をしてください ← 了解です");
    assert!(!has(&r, "intent-status-confirm"), "{:?}", ids(&r));
    assert_eq!(recorded(&app), before);
    // A question about the quoted line is asked about it: another
    // certificate is refused, ours is answered.
    replies_with(
        &app,
        &[(
            "> マイナンバーカードの電子証明書 ← 更新のお知らせ来たけど、手数料かかる？",
            "answer-off-scope",
        )],
    );
    let r = say(
        &app,
        "> 統合インストーラをインストールしてください ← それってどこにあるの？",
    );
    assert!(
        ids(&r).iter().any(|id| id.starts_with("faq-installer")),
        "{:?}",
        ids(&r)
    );
    let r = say(&app, "それってどこにあるの？");
    assert!(
        !ids(&r).iter().any(|id| id.starts_with("faq-installer")),
        "{:?}",
        ids(&r)
    );
}
