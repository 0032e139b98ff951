//! Tests of the fake Discord harness itself, driven by a bare serenity `Client` with a minimal
//! `EventHandler`: no code of the bot is involved.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use fake_discord::{opt_str, FakeDiscord, Invoker};
use serde_json::json;
use serenity::all::{
    ActionRowComponent, ChannelId, ClientBuilder, Command, CommandOptionType, ComponentInteractionDataKind, Context,
    CreateAttachment, CreateButton, CreateCommand, CreateCommandOption, CreateInteractionResponse,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, CreateMessage, EditInteractionResponse,
    EventHandler, GatewayIntents, HttpBuilder, Interaction, Message, Ready,
};

const APP_ID: u64 = 900_001;
const BOT_ID: u64 = 900_002;
const GUILD: u64 = 10;
const CHANNEL: u64 = 20;
const USER: u64 = 30;
const ROLE: u64 = 40;
const T: Duration = Duration::from_secs(20);

#[derive(Clone, Default)]
struct Handler {
    errors: Arc<Mutex<Vec<String>>>,
}

impl Handler {
    fn err(&self, what: &str, e: impl std::fmt::Display) {
        self.errors.lock().unwrap().push(format!("{what}: {e}"));
    }
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, _ready: Ready) {
        let ping = CreateCommand::new("ping")
            .description("Replies pong")
            .add_option(CreateCommandOption::new(CommandOptionType::String, "text", "Text to echo").required(false));
        if let Err(e) = Command::set_global_commands(&ctx.http, vec![ping]).await {
            self.err("set_global_commands", e);
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        match interaction {
            Interaction::Command(cmd) if cmd.data.name == "ping" => {
                let text = cmd
                    .data
                    .options
                    .iter()
                    .find(|o| o.name == "text")
                    .and_then(|o| o.value.as_str())
                    .unwrap_or("")
                    .to_string();
                let roles: Vec<String> = cmd
                    .member
                    .as_ref()
                    .map(|m| m.roles.iter().map(|r| r.to_string()).collect())
                    .unwrap_or_default();
                let reply = CreateInteractionResponseMessage::new()
                    .content(format!(
                        "pong {text} locale={} user={} guild={:?} roles={}",
                        cmd.locale,
                        cmd.user.id,
                        cmd.guild_id.map(|g| g.get()),
                        roles.join(",")
                    ))
                    .button(CreateButton::new("again").label("Again"));
                if let Err(e) = cmd
                    .create_response(&ctx.http, CreateInteractionResponse::Message(reply))
                    .await
                {
                    return self.err("create_response", e);
                }
                if let Err(e) = cmd
                    .edit_response(&ctx.http, EditInteractionResponse::new().content("pong (edited)"))
                    .await
                {
                    self.err("edit_response", e);
                }
                let followup = CreateInteractionResponseFollowup::new()
                    .content("followup")
                    .ephemeral(true);
                if let Err(e) = cmd.create_followup(&ctx.http, followup).await {
                    self.err("create_followup", e);
                }
                let post = CreateMessage::new()
                    .content("posted")
                    .add_file(CreateAttachment::bytes(b"a,b\n1,2\n".to_vec(), "report.csv"));
                match cmd.channel_id.send_message(&ctx.http, post).await {
                    Ok(m) if m.attachments.len() == 1 && m.content == "posted" => {}
                    Ok(m) => self.err("send_message", format!("unexpected message back: {m:?}")),
                    Err(e) => self.err("send_message", e),
                }
            }
            Interaction::Component(c) => {
                let content = match &c.data.kind {
                    ComponentInteractionDataKind::Button => {
                        format!("clicked {} by {}", c.data.custom_id, c.user.id)
                    }
                    ComponentInteractionDataKind::StringSelect { values } => {
                        format!("picked {}", values.join(","))
                    }
                    other => format!("other component {other:?}"),
                };
                let update = CreateInteractionResponseMessage::new()
                    .content(content)
                    .components(vec![]);
                if let Err(e) = c
                    .create_response(&ctx.http, CreateInteractionResponse::UpdateMessage(update))
                    .await
                {
                    self.err("component response", e);
                }
            }
            Interaction::Modal(m) => {
                let value = m
                    .data
                    .components
                    .iter()
                    .flat_map(|row| row.components.iter())
                    .find_map(|c| match c {
                        ActionRowComponent::InputText(t) if t.custom_id == "office" => t.value.clone(),
                        _ => None,
                    })
                    .unwrap_or_default();
                let msg = CreateInteractionResponseMessage::new()
                    .content(format!("modal {} office={value}", m.data.custom_id));
                if let Err(e) = m
                    .create_response(&ctx.http, CreateInteractionResponse::Message(msg))
                    .await
                {
                    self.err("modal response", e);
                }
            }
            other => self.err("unexpected interaction", format!("{:?}", other.kind())),
        }
    }

    async fn message(&self, ctx: Context, msg: Message) {
        if msg.author.bot || !msg.mentions.iter().any(|u| u.bot) {
            return;
        }
        if let Err(e) = msg.channel_id.say(&ctx.http, format!("echo: {}", msg.content)).await {
            self.err("say", e);
        }
    }
}

fn intents() -> GatewayIntents {
    GatewayIntents::GUILDS
        | GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::DIRECT_MESSAGES
        | GatewayIntents::MESSAGE_CONTENT
}

/// Starts a serenity client against the fake, the way a bot under test would be wired.
async fn start_client(fake: &FakeDiscord, handler: Handler) -> tokio::task::JoinHandle<()> {
    let http = HttpBuilder::new("fake-token")
        .proxy(fake.rest_base())
        .ratelimiter_disabled(true)
        .build();
    let mut client = ClientBuilder::new_with_http(http, intents())
        .event_handler(handler)
        .await
        .expect("build serenity client");
    assert_eq!(
        *client.ws_url.lock().await,
        fake.gateway_url(),
        "ws url comes from GET /gateway"
    );
    tokio::spawn(async move {
        if let Err(e) = client.start().await {
            eprintln!("client stopped: {e}");
        }
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slash_command_button_modal_and_message_roundtrip() {
    fake_discord::init_tracing();
    let fake = FakeDiscord::start(APP_ID, BOT_ID).await;
    let handler = Handler::default();
    let client = start_client(&fake, handler.clone()).await;
    fake.wait_ready().await;

    let identify = fake.last_identify().expect("IDENTIFY seen");
    assert_eq!(identify["d"]["intents"], json!(intents().bits()));

    // Commands registered from `ready` (application id taken from READY).
    let put = fake
        .wait_request(|r| r.is("PUT", &format!("/applications/{APP_ID}/commands")), T)
        .await;
    assert_eq!(put.status, 200);
    assert_eq!(put.body[0]["name"], "ping");
    assert_eq!(put.response[0]["application_id"], APP_ID.to_string());

    // Slash command in a guild, with a role and an option.
    let inv = Invoker::in_guild(GUILD, CHANNEL, USER).roles(&[ROLE]).locale("en-US");
    let ix = fake.slash_command("ping", json!([opt_str("text", "hello")]), &inv);
    assert_eq!(
        ix["data"]["id"], put.response[0]["id"],
        "command id matches the registered one"
    );
    fake.dispatch("INTERACTION_CREATE", ix.clone()).await;

    let cb = fake.wait_request(|r| r.is_callback_for(&ix), T).await;
    assert_eq!(cb.status, 204);
    assert_eq!(cb.body["type"], 4);
    assert_eq!(
        cb.content(),
        Some(format!("pong hello locale=en-US user={USER} guild=Some({GUILD}) roles={ROLE}").as_str())
    );
    assert!(
        cb.visible_text().contains("Again"),
        "button label visible: {}",
        cb.visible_text()
    );

    let edit = fake
        .wait_request(
            |r| r.is_webhook_for(&ix) && r.method == "PATCH" && r.route().ends_with("/messages/@original"),
            T,
        )
        .await;
    assert_eq!(edit.status, 200);
    let followup = fake
        .wait_request(|r| r.is_webhook_for(&ix) && r.method == "POST", T)
        .await;
    assert_eq!(followup.content(), Some("followup"));
    assert_eq!(followup.body["flags"], 64);

    let post = fake.wait_request(|r| r.is_message_post(CHANNEL), T).await;
    assert_eq!(post.content(), Some("posted"));
    assert_eq!(post.files.len(), 1);
    assert_eq!(post.files[0].filename, "report.csv");
    assert_eq!(post.files[0].data, b"a,b\n1,2\n");
    assert_eq!(post.files[0].field, "files[0]");
    assert_eq!(post.response["attachments"][0]["filename"], "report.csv");

    let original = fake.original_response(&ix).expect("original response stored");
    assert_eq!(original["content"], "pong (edited)");

    // Click the button on the original response (found by custom_id).
    let click = fake.button_click("again", None, &inv);
    assert_eq!(click["message"]["id"], original["id"]);
    fake.dispatch("INTERACTION_CREATE", click.clone()).await;
    let cb = fake.wait_request(|r| r.is_callback_for(&click), T).await;
    assert_eq!(cb.body["type"], 7);
    let updated = fake.original_response(&click).expect("updated message");
    assert_eq!(updated["id"], original["id"]);
    assert_eq!(updated["content"], format!("clicked again by {USER}"));

    // A select menu in a DM, then a modal submit.
    let dm = Invoker::in_dm(21, USER);
    let pick = fake.select_menu("pick", &["a", "b"], None, &dm);
    fake.dispatch("INTERACTION_CREATE", pick.clone()).await;
    let cb = fake.wait_request(|r| r.is_callback_for(&pick), T).await;
    assert_eq!(cb.content(), Some("picked a,b"));

    let modal = fake.modal_submit("setup", &[("office", "1234567890")], &inv);
    fake.dispatch("INTERACTION_CREATE", modal.clone()).await;
    let cb = fake.wait_request(|r| r.is_callback_for(&modal), T).await;
    assert_eq!(cb.content(), Some("modal setup office=1234567890"));

    // A user message mentioning the bot.
    let mark = fake.request_count();
    let msg = fake.message_create(
        CHANNEL,
        Some(GUILD),
        USER,
        &format!("<@{BOT_ID}> こんにちは"),
        &[BOT_ID],
    );
    fake.dispatch("MESSAGE_CREATE", msg).await;
    let reply = fake.wait_request_since(mark, |r| r.is_message_post(CHANNEL), T).await;
    assert_eq!(reply.content(), Some(format!("echo: <@{BOT_ID}> こんにちは").as_str()));
    assert_eq!(reply.response["author"]["id"], BOT_ID.to_string());

    // A message without a mention gets no answer: once a mention sent right after it is
    // answered, nothing else was posted (requests are recorded in arrival order).
    let mark = fake.request_count();
    fake.dispatch(
        "MESSAGE_CREATE",
        fake.message_create(CHANNEL, Some(GUILD), USER, "hello", &[]),
    )
    .await;
    let barrier = format!("echo: <@{BOT_ID}> barrier");
    fake.dispatch(
        "MESSAGE_CREATE",
        fake.message_create(CHANNEL, Some(GUILD), USER, &format!("<@{BOT_ID}> barrier"), &[BOT_ID]),
    )
    .await;
    fake.wait_request_since(
        mark,
        |r| r.is_message_post(CHANNEL) && r.content() == Some(barrier.as_str()),
        T,
    )
    .await;
    let posts: Vec<String> = fake
        .requests()
        .iter()
        .skip(mark)
        .filter(|r| r.is_message_post(CHANNEL))
        .map(|r| r.to_string())
        .collect();
    assert_eq!(posts.len(), 1, "only the mention is answered: {posts:?}");

    assert!(
        handler.errors.lock().unwrap().is_empty(),
        "handler errors: {:?}",
        handler.errors.lock().unwrap()
    );
    assert!(
        fake.harness_errors().is_empty(),
        "harness errors: {:?}",
        fake.harness_errors()
    );
    let unknown: Vec<String> = fake
        .requests()
        .iter()
        .filter(|r| r.status == 404)
        .map(|r| r.to_string())
        .collect();
    assert!(unknown.is_empty(), "unexpected routes: {unknown:?}");
    client.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gateway_reconnect_resumes_and_dispatch_continues() {
    fake_discord::init_tracing();
    let fake = FakeDiscord::start(APP_ID, BOT_ID).await;
    let handler = Handler::default();
    let client = start_client(&fake, handler.clone()).await;
    fake.wait_ready().await;

    fake.disconnect_gateway(4000).await;
    fake.wait_sessions(2).await;
    // After close code 4000 serenity 0.12.5 resumes (op 6); the fake answers RESUMED.
    let resume = fake.gateway_frames().into_iter().find(|f| f["op"] == 6);
    let resume = resume.unwrap_or_else(|| panic!("no RESUME\n{}", fake.report()));
    assert_eq!(resume["d"]["session_id"], "fake-session-1");

    let mark = fake.request_count();
    let msg = fake.message_create(CHANNEL, None, USER, "after reconnect", &[BOT_ID]);
    fake.dispatch("MESSAGE_CREATE", msg).await;
    let reply = fake.wait_request_since(mark, |r| r.is_message_post(CHANNEL), T).await;
    assert_eq!(reply.content(), Some("echo: after reconnect"));
    assert!(
        handler.errors.lock().unwrap().is_empty(),
        "handler errors: {:?}",
        handler.errors.lock().unwrap()
    );
    client.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn heartbeats_are_acknowledged() {
    fake_discord::init_tracing();
    let fake = FakeDiscord::start(APP_ID, BOT_ID).await;
    fake.set_heartbeat_interval(200);
    let client = start_client(&fake, Handler::default()).await;
    fake.wait_ready().await;
    // Serenity sends a heartbeat only when the previous one was acknowledged (otherwise it
    // reconnects): three heartbeats on a single session mean the fake acknowledged two.
    let deadline = tokio::time::Instant::now() + T;
    loop {
        let beats = fake.gateway_frames().iter().filter(|f| f["op"] == 1).count();
        if beats >= 3 {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "client heartbeats: {beats}\n{}",
            fake.report()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // An unacknowledged heartbeat would have made serenity reconnect.
    let frames = fake.gateway_frames();
    assert_eq!(
        frames.iter().filter(|f| f["op"] == 2 || f["op"] == 6).count(),
        1,
        "{frames:?}"
    );
    client.abort();
}

#[tokio::test]
async fn rest_errors_overrides_and_attachments() {
    fake_discord::init_tracing();
    let fake = FakeDiscord::start(APP_ID, BOT_ID).await;
    let http = fake.serenity_http();

    let me = http.get_current_user().await.expect("GET /users/@me");
    assert_eq!(me.id.get(), BOT_ID);
    assert!(me.bot);

    // Unknown route: recorded, Discord-style 404 that serenity decodes.
    let err = http.get_channel(ChannelId::new(5)).await.expect_err("no channel route");
    match err {
        serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(resp)) => {
            assert_eq!(resp.status_code.as_u16(), 404);
            assert_eq!(resp.error.message, "404: Not Found");
        }
        other => panic!("unexpected error {other:?}"),
    }
    assert!(fake
        .requests()
        .iter()
        .any(|r| r.is("GET", "/channels/5") && r.status == 404));

    // One-shot override: first post is refused, the second goes through.
    fake.override_response(
        "POST",
        "/channels/5/messages",
        403,
        Some(json!({"message": "Missing Permissions", "code": 50013})),
        Some(1),
    );
    let err = ChannelId::new(5).say(&http, "x").await.expect_err("403");
    match err {
        serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(resp)) => {
            assert_eq!(resp.status_code.as_u16(), 403);
            assert_eq!(resp.error.code, 50013);
        }
        other => panic!("unexpected error {other:?}"),
    }
    let sent = ChannelId::new(5).say(&http, "y").await.expect("second post works");
    assert_eq!(sent.content, "y");
    assert_eq!(sent.author.id.get(), BOT_ID);

    // Edit keeps the message, changes content.
    let edited = ChannelId::new(5)
        .edit_message(&http, sent.id, serenity::all::EditMessage::new().content("z"))
        .await
        .expect("edit");
    assert_eq!(edited.id, sent.id);
    assert_eq!(edited.content, "z");
    assert!(edited.edited_timestamp.is_some());

    // Attachments the fake hands out can be downloaded from it.
    let att = fake.attachment("in.csv", "text/csv", b"x,y\n");
    let url = att["url"].as_str().unwrap();
    assert!(url.starts_with(&fake.rest_base()));
    let body = plain_get(url).await;
    assert_eq!(body, b"x,y\n");

    assert!(
        fake.harness_errors().is_empty(),
        "harness errors: {:?}",
        fake.harness_errors()
    );
}

/// Minimal HTTP/1.1 GET (Connection: close) returning the body.
async fn plain_get(url: &str) -> Vec<u8> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let mut s = tokio::net::TcpStream::connect(host).await.unwrap();
    s.write_all(format!("GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await.unwrap();
    let split = buf.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&buf[..split]).to_string();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    buf[split + 4..].to_vec()
}

#[test]
fn dispatch_check_catches_payloads_serenity_would_drop() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let fake = FakeDiscord::start(APP_ID, BOT_ID).await;
        let inv = Invoker::in_guild(GUILD, CHANNEL, USER);
        let good = fake.slash_command("ping", json!([]), &inv);
        fake_discord::check_dispatch("INTERACTION_CREATE", &good).expect("complete payload passes");
        for field in ["attachment_size_limit", "entitlements", "token", "locale"] {
            let mut bad = good.clone();
            bad.as_object_mut().unwrap().remove(field);
            let err = fake_discord::check_dispatch("INTERACTION_CREATE", &bad).expect_err(field);
            assert!(err.contains(field), "error for missing {field} names it: {err}");
        }
        let dm = fake.slash_command("ping", json!([]), &Invoker::in_dm(21, USER));
        fake_discord::check_dispatch("INTERACTION_CREATE", &dm).expect("DM payload passes");
        let msg = fake.message_create(CHANNEL, Some(GUILD), USER, "hi", &[BOT_ID]);
        fake_discord::check_dispatch("MESSAGE_CREATE", &msg).expect("message passes");
        let mut bad = msg.clone();
        bad.as_object_mut().unwrap().remove("mention_roles");
        assert!(fake_discord::check_dispatch("MESSAGE_CREATE", &bad).is_err());
        let click = fake.button_click("b", None, &inv);
        fake_discord::check_dispatch("INTERACTION_CREATE", &click).expect("button passes");
    });
}
