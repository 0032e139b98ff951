//! The bot binary, with its real serenity client, against a fake Discord on
//! 127.0.0.1 (REST through `discord.api_base`, gateway from `GET /gateway`).
//! Its harness (`start_bot`, `command`, …) serves `discord_handoff` too.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fake_discord::{opt_str, FakeDiscord, Invoker, Recorded};
use serde_json::{json, Value};

use crate::support::BIN;

pub(crate) const APP_ID: u64 = 700_001;
pub(crate) const BOT_ID: u64 = 700_002;
pub(crate) const GUILD: u64 = 10;
pub(crate) const CHANNEL: u64 = 20;
const OTHER_CHANNEL: u64 = 21;
pub(crate) const USER: u64 = 30;
pub(crate) const STAFF_ROLE: u64 = 40;
pub(crate) const STAFF_CHANNEL: u64 = 99;
pub(crate) const T: Duration = Duration::from_secs(30);

pub(crate) struct Bot(pub(crate) Child);

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub(crate) fn start_bot(fake: &FakeDiscord, dir: &std::path::Path) -> Bot {
    let cfg = dir.join("bot.toml");
    std::fs::write(
        &cfg,
        format!(
            "[bot]\nlocale = \"ja\"\n\n[discord]\nguild_id = {GUILD}\nstaff_role_ids = [{STAFF_ROLE}]\nstaff_channel_id = {STAFF_CHANNEL}\ndashboard_interval_ms = 500\napi_base = \"{}\"\n",
            fake.rest_base()
        ),
    )
    .unwrap();
    let child = Command::new(BIN)
        .arg("--config")
        .arg(&cfg)
        .arg("--data")
        .arg(dir.join("data"))
        .env("DISCORD_TOKEN", "test-token")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    Bot(child)
}

/// The interaction callback's message data.
pub(crate) fn data(r: &Recorded) -> &Value {
    &r.body["data"]
}

/// The id of the message a posted message replies to (`message_reference`), or `Null`.
pub(crate) fn replies_to(r: &Recorded) -> &Value {
    &r.body["message_reference"]["message_id"]
}

pub(crate) fn custom_ids(msg: &Value) -> Vec<String> {
    msg["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["custom_id"].as_str().map(str::to_string))
        .collect()
}

pub(crate) async fn command(fake: &FakeDiscord, name: &str, options: Value, inv: &Invoker) -> Recorded {
    let ix = fake.slash_command(name, options, inv);
    fake.dispatch("INTERACTION_CREATE", ix.clone()).await;
    fake.wait_request(|r| r.is_callback_for(&ix), T).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn walkthrough_on_a_fake_discord() {
    let fake = FakeDiscord::start(APP_ID, BOT_ID).await;
    let dir = tempfile::tempdir().unwrap();
    let mut bot = start_bot(&fake, dir.path());
    fake.wait_ready().await;

    // Commands are registered to the guild, with Japanese localizations.
    let put = fake
        .wait_request(
            |r| r.is("PUT", &format!("/applications/{APP_ID}/guilds/{GUILD}/commands")),
            T,
        )
        .await;
    let cmds = put.body.as_array().unwrap();
    let names: Vec<&str> = cmds.iter().filter_map(|c| c["name"].as_str()).collect();
    for n in [
        "register",
        "next",
        "done",
        "undo",
        "progress",
        "faq",
        "contact",
        "summary",
        "unanswered",
    ] {
        assert!(names.contains(&n), "{n} registered: {names:?}");
    }
    let next = cmds.iter().find(|c| c["name"] == "next").unwrap();
    assert_eq!(next["name_localizations"]["ja"], "次の手順");
    assert!(next["description_localizations"]["ja"]
        .as_str()
        .unwrap()
        .contains("手順"));
    let register = cmds.iter().find(|c| c["name"] == "register").unwrap();
    let mode = register["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "mode")
        .unwrap();
    assert_eq!(mode["name_localizations"]["ja"], "請求方法");
    assert_eq!(mode["choices"].as_array().unwrap().len(), 3);
    let faq = cmds.iter().find(|c| c["name"] == "faq").unwrap();
    assert_eq!(faq["options"][0]["autocomplete"], true);

    // The live dashboard is posted once in the staff channel.
    let dash = fake.wait_request(|r| r.is_message_post(STAFF_CHANNEL), T).await;
    assert!(
        dash.visible_text().contains("全事業所の進み具合"),
        "{}",
        dash.visible_text()
    );
    let dash_id = dash.response["id"].as_str().unwrap().to_string();

    let ja = Invoker::in_guild(GUILD, CHANNEL, USER).locale("ja");

    // /register then /next.
    let r = command(
        &fake,
        "register",
        json!([opt_str("number", "1370100016"), opt_str("name", "テスト事業所")]),
        &ja,
    )
    .await;
    assert!(r.visible_text().contains("テスト事業所"), "{}", r.visible_text());
    let r = command(&fake, "next", json!([]), &ja).await;
    assert_eq!(r.body["type"], 4);
    let embed = &data(&r)["embeds"][0];
    assert!(embed["title"].as_str().unwrap().contains("動作環境の確認"), "{embed}");
    let text = r.visible_text();
    assert!(
        text.contains("Internet Explorer 11") && text.contains("0570-059-402"),
        "{text}"
    );
    let ids = custom_ids(data(&r));
    assert_eq!(ids, vec!["done:environment", "progress", "contact"]);
    assert_eq!(data(&r)["allowed_mentions"]["parse"], json!([]));

    // A click on "mark done" updates that message in place (type 7).
    let click = fake.button_click("done:environment", None, &ja);
    fake.dispatch("INTERACTION_CREATE", click.clone()).await;
    let r = fake.wait_request(|r| r.is_callback_for(&click), T).await;
    assert_eq!(r.body["type"], 7, "button updates the message in place");
    let text = r.visible_text();
    assert!(
        text.contains("完了にしました") && text.contains("インターネット請求開始の届出"),
        "{text}"
    );
    // It says what was recorded and points to the next step, not its card.
    assert_eq!(custom_ids(data(&r)), vec!["next", "progress"]);
    // The exchange as the fake recorded it (shown with --nocapture).
    println!(
        "INTERACTION_CREATE (button): {}",
        serde_json::to_string(&click["data"]).unwrap()
    );
    println!(
        "{} -> {}\n{}",
        r,
        r.status,
        serde_json::to_string_pretty(&r.body).unwrap()
    );

    // /progress shows the step as done.
    let r = command(&fake, "progress", json!([]), &ja).await;
    assert!(r.visible_text().contains("☑"), "{}", r.visible_text());

    // A plain question in the office channel gets the fee, without pinging anyone.
    let msg = fake.message_create(CHANNEL, Some(GUILD), USER, "証明書っていくら？ @everyone", &[]);
    let mark = fake.request_count();
    fake.dispatch("MESSAGE_CREATE", msg).await;
    let r = fake.wait_request_since(mark, |r| r.is_message_post(CHANNEL), T).await;
    assert!(r.visible_text().contains("13,200"), "{}", r.visible_text());
    assert_eq!(r.body["allowed_mentions"]["parse"], json!([]));

    // A question mentioning the bot in an unregistered channel is answered too.
    let msg = fake.message_create(
        OTHER_CHANNEL,
        Some(GUILD),
        USER,
        &format!("<@{BOT_ID}> 介護伝送ソフトヘルプデスクの電話番号は？"),
        &[BOT_ID],
    );
    let mark = fake.request_count();
    fake.dispatch("MESSAGE_CREATE", msg).await;
    let r = fake
        .wait_request_since(mark, |r| r.is_message_post(OTHER_CHANNEL), T)
        .await;
    assert!(r.visible_text().contains("0570-059-401"), "{}", r.visible_text());

    // A question in English is answered in English.
    let msg = fake.message_create(CHANNEL, Some(GUILD), USER, "How much is the certificate?", &[]);
    let mark = fake.request_count();
    fake.dispatch("MESSAGE_CREATE", msg).await;
    let r = fake.wait_request_since(mark, |r| r.is_message_post(CHANNEL), T).await;
    let text = r.visible_text();
    assert!(text.contains("13,200") && text.contains("yen"), "{text}");

    // Other bots are ignored. The same question from a user right after the bot's is the
    // barrier: a reply to the bot would take the same path and be posted by the time the
    // user's answer is (requests are recorded in arrival order).
    let mut bot_msg = fake.message_create(CHANNEL, Some(GUILD), 555, "証明書っていくら？", &[]);
    bot_msg["author"]["bot"] = json!(true);
    let bot_msg_id = bot_msg["id"].clone();
    let user_msg = fake.message_create(CHANNEL, Some(GUILD), USER, "証明書っていくら？", &[]);
    let user_msg_id = user_msg["id"].clone();
    let mark = fake.request_count();
    fake.dispatch("MESSAGE_CREATE", bot_msg).await;
    fake.dispatch("MESSAGE_CREATE", user_msg).await;
    let answer = fake
        .wait_request_since(mark, |r| r.is_message_post(CHANNEL) && replies_to(r) == &user_msg_id, T)
        .await;
    assert!(answer.visible_text().contains("13,200"), "{}", answer.visible_text());
    let before_answer: Vec<String> = fake
        .requests()
        .iter()
        .skip(mark)
        .take_while(|r| r.response["id"] != answer.response["id"])
        .filter(|r| r.is_message_post(CHANNEL))
        .map(Recorded::to_string)
        .collect();
    assert!(
        before_answer.is_empty(),
        "posted for the bot's message: {before_answer:?}"
    );

    // A non-staff /summary is refused, ephemerally.
    let ix = fake.slash_command("summary", json!([]), &ja);
    fake.dispatch("INTERACTION_CREATE", ix.clone()).await;
    let cb = fake.wait_request(|r| r.is_callback_for(&ix), T).await;
    assert_eq!(cb.body["data"]["flags"], 64, "deferred ephemerally");
    let edit = fake
        .wait_request(|r| r.is_webhook_for(&ix) && r.method == "PATCH", T)
        .await;
    assert!(
        edit.visible_text().contains("サポート担当者だけ"),
        "{}",
        edit.visible_text()
    );

    // Staff get the summary.
    let staff = Invoker::in_guild(GUILD, CHANNEL, 31).roles(&[STAFF_ROLE]).locale("ja");
    let ix = fake.slash_command("summary", json!([]), &staff);
    fake.dispatch("INTERACTION_CREATE", ix.clone()).await;
    let edit = fake
        .wait_request(|r| r.is_webhook_for(&ix) && r.method == "PATCH", T)
        .await;
    assert!(edit.visible_text().contains("登録 1事業所"), "{}", edit.visible_text());
    assert!(
        edit.files
            .iter()
            .any(|f| f.filename == "summary.png" && f.data.starts_with(b"\x89PNG")),
        "chart attached"
    );

    // The dashboard message is edited in place (batched), never re-posted.
    let patch = fake
        .wait_request(
            |r| r.method == "PATCH" && r.route() == format!("/channels/{STAFF_CHANNEL}/messages/{dash_id}"),
            T,
        )
        .await;
    assert!(
        patch.visible_text().contains("登録 1事業所"),
        "{}",
        patch.visible_text()
    );
    let posts = fake
        .requests()
        .iter()
        .filter(|r| r.is_message_post(STAFF_CHANNEL))
        .count();
    assert_eq!(posts, 1, "one dashboard message");

    // Each user is answered in their own language.
    let en = Invoker::in_guild(GUILD, CHANNEL, 32).locale("en-US");
    let r = command(&fake, "next", json!([]), &en).await;
    let title = data(&r)["embeds"][0]["title"].as_str().unwrap().to_string();
    assert!(title.starts_with("Step 2/6"), "{title}");
    let r = command(&fake, "next", json!([]), &ja).await;
    assert!(data(&r)["embeds"][0]["title"].as_str().unwrap().starts_with("手順 2/6"));

    // Bad input: an error, ephemeral, nothing changed.
    let r = command(&fake, "done", json!([opt_str("step", "nope")]), &ja).await;
    assert_eq!(data(&r)["flags"], 64);
    assert!(r.visible_text().contains("nope"));

    // Autocomplete of /done step: offers the open steps only.
    let mut ac = fake.slash_command(
        "done",
        json!([{"name": "step", "type": 3, "value": "", "focused": true}]),
        &ja,
    );
    ac["type"] = json!(4);
    fake.dispatch("INTERACTION_CREATE", ac.clone()).await;
    let r = fake.wait_request(|r| r.is_callback_for(&ac), T).await;
    assert_eq!(r.body["type"], 8);
    let choices: Vec<&str> = r.body["data"]["choices"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["value"].as_str())
        .collect();
    assert!(
        !choices.contains(&"environment") && choices.contains(&"notify"),
        "{choices:?}"
    );

    // Autocomplete of /faq question: offers FAQ questions containing what was typed.
    let mut ac = fake.slash_command(
        "faq",
        json!([{"name": "question", "type": 3, "value": "証明書", "focused": true}]),
        &ja,
    );
    ac["type"] = json!(4);
    fake.dispatch("INTERACTION_CREATE", ac.clone()).await;
    let r = fake.wait_request(|r| r.is_callback_for(&ac), T).await;
    let choices: Vec<&str> = r.body["data"]["choices"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert!(
        !choices.is_empty() && choices.iter().all(|c| c.contains("証明書")),
        "{choices:?}"
    );

    // Nor was the bot's message answered later.
    let to_bot: Vec<String> = fake
        .requests()
        .iter()
        .filter(|r| replies_to(r) == &bot_msg_id)
        .map(Recorded::to_string)
        .collect();
    assert!(to_bot.is_empty(), "answered the bot's message: {to_bot:?}");

    assert!(fake.harness_errors().is_empty(), "{:?}", fake.harness_errors());

    // SIGTERM: the shards shut down, the store is flushed, the process exits cleanly.
    let pid = bot.0.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let deadline = std::time::Instant::now() + T;
    let status = loop {
        if let Some(st) = bot.0.try_wait().unwrap() {
            break st;
        }
        assert!(std::time::Instant::now() < deadline, "the bot did not stop on SIGTERM");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "{status:?}");
    // What was acknowledged is on disk: a new process sees the done step.
    let out = Command::new(BIN)
        .arg("--config")
        .arg(dir.path().join("bot.toml"))
        .arg("--data")
        .arg(dir.path().join("data"))
        .args(["summary", "--format", "json"])
        .env_remove("DISCORD_TOKEN")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["offices"][0]["current_step"], "notify", "{v}");
}
