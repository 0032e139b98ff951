//! A request for staff on the fake Discord: the office's unanswered question
//! goes to staff in one tap, opens a thread in the staff channel with its
//! context, a staff member's message there reaches the office's channel
//! (attributed to staff, mentions disabled), `/reply` works from anywhere,
//! and `/teach` makes the same question answered next time. Non-staff can
//! neither see the staff commands by default, nor use them, nor answer in a
//! thread. Uses the harness of `discord_e2e`.

use fake_discord::{opt_str, FakeDiscord, Invoker, Recorded};
use serde_json::{json, Value};

use crate::discord_e2e::{
    command, custom_ids, data, start_bot, APP_ID, BOT_ID, CHANNEL, GUILD, STAFF_CHANNEL, STAFF_ROLE, T, USER,
};

const STAFF_USER: u64 = 31;
const HENREI: &str = "介護報酬の返戻ってどうすればいい？";

/// The office's user writes `text` in the office's channel; the bot's answer.
async fn ask(fake: &FakeDiscord, text: &str) -> Recorded {
    let mark = fake.request_count();
    fake.dispatch(
        "MESSAGE_CREATE",
        fake.message_create(CHANNEL, Some(GUILD), USER, text, &[]),
    )
    .await;
    fake.wait_request_since(mark, |r| r.is_message_post(CHANNEL), T).await
}

/// Shows one recorded request (run with `--nocapture` to read the round trip).
fn show(what: &str, r: &Recorded) {
    println!(
        "--- {what}\n{r} -> {}\n{}",
        r.status,
        serde_json::to_string_pretty(&r.body).unwrap()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_for_staff_goes_round_a_thread_and_is_taught() {
    let fake = FakeDiscord::start(APP_ID, BOT_ID).await;
    fake.add_guild_channel(GUILD, STAFF_CHANNEL);
    let dir = tempfile::tempdir().unwrap();
    let _bot = start_bot(&fake, dir.path());
    fake.wait_ready().await;

    // Staff commands are hidden from members who may not manage the server (admins can
    // change that in the integration settings); office commands are not.
    let put = fake
        .wait_request(
            |r| r.is("PUT", &format!("/applications/{APP_ID}/guilds/{GUILD}/commands")),
            T,
        )
        .await;
    let cmds = put.body.as_array().unwrap();
    let perms = |name: &str| -> Value {
        cmds.iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("{name} registered"))
            .get("default_member_permissions")
            .cloned()
            .unwrap_or(Value::Null)
    };
    for staff_cmd in [
        "inbox", "reply", "close", "teach", "taught", "forget", "summary", "history",
    ] {
        assert_eq!(perms(staff_cmd), json!("32"), "{staff_cmd}: MANAGE_GUILD");
    }
    for office_cmd in ["ask-staff", "next", "progress", "faq"] {
        assert_eq!(perms(office_cmd), Value::Null, "{office_cmd}");
    }
    let ask_staff = cmds.iter().find(|c| c["name"] == "ask-staff").unwrap();
    assert_eq!(ask_staff["name_localizations"]["ja"], "担当者に質問");

    let office = Invoker::in_guild(GUILD, CHANNEL, USER).locale("ja");
    let staff = Invoker::in_guild(GUILD, CHANNEL, STAFF_USER)
        .roles(&[STAFF_ROLE])
        .locale("ja");
    command(
        &fake,
        "register",
        json!([opt_str("number", "1370100016"), opt_str("name", "テスト事業所")]),
        &office,
    )
    .await;

    // A question the FAQ cannot answer (返戻 is outside it): the reply offers "ask staff".
    let answer = ask(&fake, HENREI).await;
    assert!(
        answer.visible_text().contains("インターネット請求を始める手続きのこと"),
        "{}",
        answer.visible_text()
    );
    assert_eq!(custom_ids(&answer.body), vec!["ask-staff", "next"]);

    // One tap: the request is made; the message says so in place.
    let click = fake.button_click("ask-staff", Some(answer.response.clone()), &office);
    fake.dispatch("INTERACTION_CREATE", click.clone()).await;
    let r = fake.wait_request(|r| r.is_callback_for(&click), T).await;
    assert_eq!(r.body["type"], 7);
    assert!(r.visible_text().contains("受付番号 #1"), "{}", r.visible_text());

    // A thread in the staff channel, its context first.
    let opened = fake
        .wait_request(|r| r.is("POST", &format!("/channels/{STAFF_CHANNEL}/threads")), T)
        .await;
    assert_eq!(opened.status, 201);
    assert_eq!(
        opened.body["name"],
        "#1 テスト事業所: 介護報酬の返戻ってどうすればいい？"
    );
    assert_eq!(opened.body["type"], 11);
    show("the bot opens a thread for request #1", &opened);
    let thread: u64 = opened.response["id"].as_str().unwrap().parse().unwrap();
    let context = fake.wait_request(|r| r.is_message_post(thread), T).await;
    let text = context.visible_text();
    for part in [
        "担当者への質問 #1（返事待ち）",
        "テスト事業所（1370100016）、事業所請求",
        "動作環境の確認",
        HENREI,
        "このスレッドに書き込むと",
    ] {
        assert!(text.contains(part), "{part} not in {text}");
    }
    show("its context, posted in the thread", &context);

    // Non-staff: no inbox, and a message in the thread is not passed on.
    let ix = fake.slash_command("inbox", json!([]), &office);
    fake.dispatch("INTERACTION_CREATE", ix.clone()).await;
    let cb = fake.wait_request(|r| r.is_callback_for(&ix), T).await;
    assert_eq!(cb.body["data"]["flags"], 64, "answered ephemerally");
    let edit = fake
        .wait_request(|r| r.is_webhook_for(&ix) && r.method == "PATCH", T)
        .await;
    assert!(
        edit.visible_text().contains("サポート担当者だけ"),
        "{}",
        edit.visible_text()
    );
    let r = command(
        &fake,
        "reply",
        json!([opt_str("id", "1"), opt_str("text", "私が答えます")]),
        &office,
    )
    .await;
    assert_eq!(data(&r)["flags"], 64);
    assert!(r.visible_text().contains("サポート担当者だけ"), "{}", r.visible_text());
    let stranger = fake.member_message_create(thread, GUILD, 77, &[], "私が答えます @everyone");
    fake.dispatch("MESSAGE_CREATE", stranger).await;

    // A staff member answers in the thread: it reaches the office's channel, attributed
    // to staff, pinging no one; the thread gets a confirmation.
    let mark = fake.request_count();
    let said = fake.member_message_create(
        thread,
        GUILD,
        STAFF_USER,
        &[STAFF_ROLE],
        "返戻の理由を確認し、請求ソフトで直して再請求してください。 @everyone",
    );
    println!(
        "--- a staff member writes in the thread (MESSAGE_CREATE)\n{}",
        serde_json::to_string_pretty(&said).unwrap()
    );
    fake.dispatch("MESSAGE_CREATE", said).await;
    let confirm = fake.wait_request_since(mark, |r| r.is_message_post(thread), T).await;
    assert!(
        confirm
            .visible_text()
            .contains("#1 テスト事業所（1370100016）に返事を記録しました"),
        "{}",
        confirm.visible_text()
    );
    show("the bot confirms in the thread", &confirm);
    let delivered = fake.wait_request_since(mark, |r| r.is_message_post(CHANNEL), T).await;
    let text = delivered.visible_text();
    assert!(text.contains("サポート担当者からの返事（受付番号 #1）"), "{text}");
    assert!(
        text.contains("請求ソフトで直して再請求してください。 @everyone"),
        "{text}"
    );
    assert!(text.contains(&format!("サポート担当者 user{STAFF_USER}")), "{text}");
    assert_eq!(delivered.body["allowed_mentions"]["parse"], json!([]));
    show("the bot posts the answer in the office's channel", &delivered);
    let from_stranger = fake
        .requests()
        .iter()
        .filter(|r| r.visible_text().contains("私が答えます"))
        .count();
    assert_eq!(from_stranger, 0, "a non-staff message in the thread was passed on");

    // /reply from anywhere does the same; /teach makes the answer the FAQ's.
    let mark = fake.request_count();
    command(
        &fake,
        "reply",
        json!([
            opt_str("id", "1"),
            opt_str("text", "再請求は翌月以降の請求期間に行います。")
        ]),
        &staff,
    )
    .await;
    let delivered = fake.wait_request_since(mark, |r| r.is_message_post(CHANNEL), T).await;
    assert!(
        delivered.visible_text().contains("翌月以降の請求期間"),
        "{}",
        delivered.visible_text()
    );
    let ix = fake.slash_command("teach", json!([opt_str("id", "1")]), &staff);
    fake.dispatch("INTERACTION_CREATE", ix.clone()).await;
    let edit = fake
        .wait_request(|r| r.is_webhook_for(&ix) && r.method == "PATCH", T)
        .await;
    assert!(
        edit.visible_text().contains("FAQに追加しました（#1）"),
        "{}",
        edit.visible_text()
    );

    // The same question again: answered from the taught entry, marked as staff's.
    let answer = ask(&fake, HENREI).await;
    let text = answer.visible_text();
    assert!(text.contains("翌月以降の請求期間"), "{text}");
    assert!(text.contains("サポート担当者が追加したもの"), "{text}");
    assert!(!custom_ids(&answer.body).contains(&"ask-staff".to_string()));

    // Closing it.
    let r = command(&fake, "close", json!([opt_str("id", "1")]), &staff).await;
    assert_eq!(data(&r)["flags"], 64);
    assert!(
        r.visible_text().contains("#1 テスト事業所（1370100016）を閉じました"),
        "{}",
        r.visible_text()
    );

    assert!(fake.harness_errors().is_empty(), "{:?}", fake.harness_errors());
}
