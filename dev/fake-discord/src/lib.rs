//! A fake Discord (REST + gateway WebSocket on 127.0.0.1) for end-to-end tests of a
//! serenity 0.12.5 bot.
//!
//! The bot's real serenity `Client` talks to it over loopback:
//!
//! ```ignore
//! let fake = FakeDiscord::start(APP_ID, BOT_ID).await;
//! let http = serenity::http::HttpBuilder::new("any-token")
//!     .proxy(fake.rest_base())          // every https://discord.com/... goes to the fake
//!     .ratelimiter_disabled(true)       // the proxy is only honoured without the ratelimiter
//!     .build();
//! let mut client = serenity::client::ClientBuilder::new_with_http(http, intents)
//!     .event_handler(handler)           // never call `.token()` here: it replaces the Http
//!     .await?;                          // (and so drops the proxy)
//! tokio::spawn(async move { client.start().await });
//! fake.wait_ready().await;
//! let ix = fake.slash_command("ping", json!([opt_str("text", "hi")]), &Invoker::in_guild(G, C, U));
//! fake.dispatch("INTERACTION_CREATE", ix.clone()).await;
//! let cb = fake.wait_request(|r| r.is_callback_for(&ix), Duration::from_secs(10)).await;
//! ```
//!
//! Gateway URL: serenity asks `GET /api/v10/gateway` while the client is built and the fake
//! answers with [`FakeDiscord::gateway_url`], so nothing else needs setting.
//!
//! Every REST request is recorded ([`Recorded`]). Known routes get Discord-shaped answers that
//! deserialize into serenity's models; anything else gets a Discord-style 404 JSON error (and is
//! recorded too). Messages the fake hands out are remembered, so edits, `@original`, button
//! clicks on a previously sent message and so on stay consistent.
//!
//! [`FakeDiscord::dispatch`] checks every payload with serenity's own deserializer before sending
//! it: serenity drops a payload it cannot parse with only a `warn!` log (or turns it into
//! `Event::Unknown`, which no `EventHandler` method sees), and the test would just hang.
//!
//! Call [`init_tracing`] at the start of a test to see serenity's warnings (captured by the test
//! harness, shown on failure); the warnings are also appended to every timeout panic message.
//!
//! The public API is what the bot's end-to-end test and the self-test (`tests/selftest.rs`) use;
//! add to it when a test needs more.

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, oneshot, watch};
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message as WsMessage;

/// The `timestamp` every message the fake creates carries.
const FAKE_TIMESTAMP: &str = "2025-01-01T00:00:00.000000+00:00";
/// Default heartbeat interval announced in HELLO (ms). Serenity sends its first heartbeat one
/// interval after IDENTIFY; see [`FakeDiscord::set_heartbeat_interval`].
const HEARTBEAT_INTERVAL_MS: u64 = 41_250;
/// How long `wait_ready` / `dispatch` wait for a gateway session before panicking.
const SESSION_WAIT: Duration = Duration::from_secs(30);
/// Ids the fake generates start here, far above the small ids tests usually pick.
const ID_BASE: u64 = 1_300_000_000_000_000_000;
/// Permissions of invokers and the app:
/// VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY |
/// USE_APPLICATION_COMMANDS.
const DEFAULT_PERMISSIONS: u64 = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 31);

// ---------------------------------------------------------------------------------------------
// Recorded requests
// ---------------------------------------------------------------------------------------------

/// One file part of a multipart request (`files[N]` for message attachments).
#[derive(Clone, Debug)]
pub struct RecordedFile {
    /// The form field name, e.g. `files[0]`.
    pub field: String,
    pub filename: String,
    content_type: Option<String>,
    pub data: Vec<u8>,
}

/// A REST request the fake received, with what it answered.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// `GET`, `POST`, ...
    pub method: String,
    /// Full path without the query, e.g. `/api/v10/channels/5/messages` (see [`Recorded::route`]).
    path: String,
    /// The raw query string without `?` (serenity writes `&wait=true`-style params), or "".
    query: String,
    /// The JSON body; for multipart requests the `payload_json` part; `Null` if there was none
    /// (or it was not JSON).
    pub body: Value,
    /// File parts of a multipart body.
    pub files: Vec<RecordedFile>,
    /// The status the fake answered with.
    pub status: u16,
    /// The JSON the fake answered with (`Null` for 204).
    pub response: Value,
}

impl Recorded {
    /// The path without the `/api/v10` prefix, e.g. `/channels/5/messages`.
    pub fn route(&self) -> &str {
        self.path.strip_prefix("/api/v10").unwrap_or(&self.path)
    }

    /// `method` matches and the path (or the route without `/api/v10`) ends with `path_suffix`.
    pub fn is(&self, method: &str, path_suffix: &str) -> bool {
        self.method.eq_ignore_ascii_case(method) && self.path.ends_with(path_suffix)
    }

    /// `POST /interactions/{id}/{token}/callback` for this INTERACTION_CREATE payload.
    pub fn is_callback_for(&self, interaction: &Value) -> bool {
        self.method == "POST"
            && self.route()
                == format!(
                    "/interactions/{}/{}/callback",
                    str_of(&interaction["id"]),
                    str_of(&interaction["token"])
                )
    }

    /// Any `/webhooks/{app}/{token}...` request (edit original, followups) for this interaction.
    pub fn is_webhook_for(&self, interaction: &Value) -> bool {
        let prefix = format!(
            "/webhooks/{}/{}",
            str_of(&interaction["application_id"]),
            str_of(&interaction["token"])
        );
        let route = self.route();
        route == prefix || route.starts_with(&format!("{prefix}/"))
    }

    /// `POST /channels/{channel_id}/messages`.
    pub fn is_message_post(&self, channel_id: u64) -> bool {
        self.method == "POST" && self.route() == format!("/channels/{channel_id}/messages")
    }

    /// The message content carried by this request: `body.content`, or `body.data.content` for an
    /// interaction callback.
    pub fn content(&self) -> Option<&str> {
        self.body
            .get("content")
            .and_then(Value::as_str)
            .or_else(|| self.body.pointer("/data/content").and_then(Value::as_str))
    }

    /// All text a user would see in the message this request sends or edits: content, embed
    /// titles/descriptions/fields/footers, and component labels, joined by newlines. Handy for
    /// `contains` assertions that should not care whether the bot used an embed.
    pub fn visible_text(&self) -> String {
        let msg = if self.body.get("data").is_some() && self.route().starts_with("/interactions/") {
            &self.body["data"]
        } else {
            &self.body
        };
        visible_text_of(msg)
    }
}

impl fmt::Display for Recorded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path)?;
        if !self.query.is_empty() {
            write!(f, "?{}", self.query)?;
        }
        write!(f, " -> {}", self.status)?;
        if !self.body.is_null() {
            let mut body = self.body.to_string();
            if body.len() > 400 {
                let mut cut = 400;
                while !body.is_char_boundary(cut) {
                    cut -= 1;
                }
                body.truncate(cut);
                body.push('…');
            }
            write!(f, " {body}")?;
        }
        for file in &self.files {
            write!(
                f,
                " [file {}: {} ({} bytes)]",
                file.field,
                file.filename,
                file.data.len()
            )?;
        }
        Ok(())
    }
}

/// Text a user would see in a message JSON (content, embeds, component labels).
fn visible_text_of(msg: &Value) -> String {
    let mut out = Vec::new();
    if let Some(c) = msg.get("content").and_then(Value::as_str) {
        out.push(c.to_string());
    }
    for embed in msg.get("embeds").and_then(Value::as_array).into_iter().flatten() {
        for key in ["/title", "/description", "/author/name", "/footer/text"] {
            if let Some(s) = embed.pointer(key).and_then(Value::as_str) {
                out.push(s.to_string());
            }
        }
        for field in embed.get("fields").and_then(Value::as_array).into_iter().flatten() {
            for key in ["name", "value"] {
                if let Some(s) = field.get(key).and_then(Value::as_str) {
                    out.push(s.to_string());
                }
            }
        }
    }
    fn labels(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for key in ["label", "placeholder"] {
                    if let Some(s) = m.get(key).and_then(Value::as_str) {
                        out.push(s.to_string());
                    }
                }
                for (k, child) in m {
                    if k == "components" || k == "options" {
                        labels(child, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|c| labels(c, out)),
            _ => {}
        }
    }
    if let Some(c) = msg.get("components") {
        labels(c, &mut out);
    }
    out.join("\n")
}

// ---------------------------------------------------------------------------------------------
// Who invokes an interaction
// ---------------------------------------------------------------------------------------------

/// The user (and place) an interaction comes from: user `user{id}`, in a guild whose preferred
/// locale is "ja", with the usual text-channel permissions.
#[derive(Clone, Debug)]
pub struct Invoker {
    user_id: u64,
    channel_id: u64,
    /// `None` for a DM: the payload then carries `user` instead of `member`.
    guild_id: Option<u64>,
    roles: Vec<u64>,
    /// The user's client locale, e.g. "ja", "en-US".
    locale: String,
}

impl Invoker {
    /// A member of `guild_id` in `channel_id`; locale "ja", no roles.
    pub fn in_guild(guild_id: u64, channel_id: u64, user_id: u64) -> Invoker {
        Invoker {
            user_id,
            channel_id,
            guild_id: Some(guild_id),
            roles: Vec::new(),
            locale: "ja".into(),
        }
    }

    /// A user in a DM channel with the bot.
    pub fn in_dm(channel_id: u64, user_id: u64) -> Invoker {
        Invoker {
            guild_id: None,
            ..Invoker::in_guild(1, channel_id, user_id)
        }
    }

    pub fn roles(mut self, roles: &[u64]) -> Invoker {
        self.roles = roles.to_vec();
        self
    }

    pub fn locale(mut self, locale: &str) -> Invoker {
        self.locale = locale.to_string();
        self
    }

    /// The Discord user object of this invoker.
    fn user_json(&self) -> Value {
        user_json(self.user_id, &format!("user{}", self.user_id), false)
    }

    /// The guild member object (with `user`) of this invoker.
    fn member_json(&self) -> Value {
        json!({
            "user": self.user_json(),
            "nick": null,
            "avatar": null,
            "roles": self.roles.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
            "joined_at": FAKE_TIMESTAMP,
            "premium_since": null,
            "deaf": false,
            "mute": false,
            "flags": 0,
            "pending": false,
            "permissions": DEFAULT_PERMISSIONS.to_string(),
            "communication_disabled_until": null,
        })
    }
}

/// A Discord user object.
fn user_json(id: u64, username: &str, bot: bool) -> Value {
    json!({
        "id": id.to_string(),
        "username": username,
        "discriminator": "0",
        "global_name": null,
        "avatar": null,
        "bot": bot,
        "public_flags": 0,
    })
}

/// A string option, for the `options` array of a slash command's `data`.
pub fn opt_str(name: &str, value: &str) -> Value {
    json!({"name": name, "type": 3, "value": value})
}

// ---------------------------------------------------------------------------------------------
// Serenity warning capture
// ---------------------------------------------------------------------------------------------

fn captured_warnings() -> &'static Mutex<Vec<String>> {
    static W: OnceLock<Mutex<Vec<String>>> = OnceLock::new();
    W.get_or_init(|| Mutex::new(Vec::new()))
}

/// WARN and ERROR events seen so far by the subscriber [`init_tracing`] installed (all tests of
/// this binary share them).
fn warnings() -> Vec<String> {
    lock(captured_warnings()).clone()
}

struct WarnCapture;

struct FieldText(String);

impl tracing::field::Visit for FieldText {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }
}

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for WarnCapture {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: tracing_subscriber::layer::Context<'_, S>) {
        let meta = event.metadata();
        if *meta.level() > tracing::Level::WARN {
            return;
        }
        let mut text = FieldText(String::new());
        event.record(&mut text);
        let mut w = lock(captured_warnings());
        if w.len() < 500 {
            w.push(format!("{} {}: {}", meta.level(), meta.target(), text.0));
        }
    }
}

/// Installs (once per test binary) a tracing subscriber that prints through the test harness
/// (shown for failing tests) with `RUST_LOG` or `warn` as filter, and captures WARN/ERROR events
/// for timeout panics and [`FakeDiscord::report`]. Does nothing if a global subscriber is already set.
pub fn init_tracing() {
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::Layer;
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::registry()
        .with(tracing_subscriber::fmt::layer().with_test_writer().with_filter(filter))
        .with(WarnCapture)
        .try_init();
}

// ---------------------------------------------------------------------------------------------
// Shared state
// ---------------------------------------------------------------------------------------------

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn str_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

enum GwCmd {
    Dispatch {
        t: String,
        d: Value,
        ack: oneshot::Sender<u64>,
    },
    Close(u16),
}

#[derive(Default)]
struct GwStatus {
    /// READY + RESUMED sent so far.
    sessions: u64,
    identifies: u64,
    resumes: u64,
    /// The connection that dispatches go to (the last one that completed IDENTIFY/RESUME).
    current: Option<(u64, mpsc::UnboundedSender<GwCmd>)>,
}

#[derive(Clone, Debug)]
struct InteractionInfo {
    channel_id: u64,
    /// The message a component/modal interaction came from.
    message_id: Option<u64>,
}

struct Override {
    method: String,
    path: String,
    status: u16,
    body: Option<Value>,
    remaining: Option<usize>,
}

enum Reply {
    Json(u16, Value),
    Empty(u16),
    Bytes(u16, &'static str, Vec<u8>),
}

impl Reply {
    fn status(&self) -> u16 {
        match self {
            Reply::Json(s, _) | Reply::Empty(s) | Reply::Bytes(s, _, _) => *s,
        }
    }
}

struct State {
    app_id: u64,
    bot_id: u64,
    bot_name: String,
    rest_base: String,
    gateway_url: String,
    next_id: AtomicU64,
    next_conn: AtomicU64,
    heartbeat_ms: AtomicU64,
    requests: Mutex<Vec<Recorded>>,
    request_count: watch::Sender<usize>,
    gw: watch::Sender<GwStatus>,
    gw_frames: Mutex<Vec<Value>>,
    messages: Mutex<HashMap<u64, Value>>,
    originals: Mutex<HashMap<String, u64>>,
    interactions: Mutex<HashMap<String, InteractionInfo>>,
    /// (guild or None for global, name) -> command as returned.
    commands: Mutex<Vec<(Option<u64>, Value)>>,
    command_ids: Mutex<HashMap<String, u64>>,
    /// URL path -> (content type, bytes), served by GET.
    files: Mutex<HashMap<String, (String, Vec<u8>)>>,
    /// Channel (or thread) -> its guild, for the channel objects the fake returns.
    channel_guilds: Mutex<HashMap<u64, u64>>,
    overrides: Mutex<Vec<Override>>,
    harness_errors: Mutex<Vec<String>>,
}

impl State {
    fn next_id(&self) -> u64 {
        ID_BASE + self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    fn harness_error(&self, msg: String) {
        eprintln!("fake Discord: {msg}");
        lock(&self.harness_errors).push(msg);
    }

    fn bot_user(&self) -> Value {
        let mut u = user_json(self.bot_id, &self.bot_name, true);
        u["verified"] = json!(true);
        u["mfa_enabled"] = json!(false);
        u["flags"] = json!(0);
        u
    }

    fn command_id(&self, name: &str) -> u64 {
        let mut ids = lock(&self.command_ids);
        if let Some(id) = ids.get(name) {
            return *id;
        }
        let id = self.next_id();
        ids.insert(name.to_string(), id);
        id
    }

    fn check<T: serde::de::DeserializeOwned>(&self, what: &str, v: &Value) {
        if let Err(e) = serde_json::from_value::<T>(v.clone()) {
            self.harness_error(format!(
                "BUG in fake_discord: its {what} JSON does not deserialize in serenity: {e}: {v}"
            ));
        }
    }

    // --- messages -----------------------------------------------------------------------------

    fn blank_message(&self, id: u64, channel_id: u64, author: Value) -> Value {
        json!({
            "id": id.to_string(),
            "channel_id": channel_id.to_string(),
            "author": author,
            "content": "",
            "timestamp": FAKE_TIMESTAMP,
            "edited_timestamp": null,
            "tts": false,
            "mention_everyone": false,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "components": [],
            "pinned": false,
            "type": 0,
            "flags": 0,
        })
    }

    /// Applies a create/edit body (content, embeds, components, flags, files) onto a message.
    fn apply_body(&self, msg: &mut Value, body: &Value, files: &[RecordedFile]) {
        for key in ["content", "embeds", "components", "flags", "tts", "poll"] {
            if let Some(v) = body.get(key) {
                if !v.is_null() {
                    msg[key] = v.clone();
                }
            }
        }
        if let Some(Value::Array(keep)) = body.get("attachments") {
            // On edits `attachments` lists the existing attachments to keep (by id).
            let keep_ids: Vec<String> = keep.iter().map(|a| str_of(&a["id"])).collect();
            if let Some(Value::Array(existing)) = msg.get_mut("attachments") {
                existing.retain(|a| keep_ids.contains(&str_of(&a["id"])));
            }
        }
        let channel_id = str_of(&msg["channel_id"]);
        for file in files {
            let att = self.store_attachment(&channel_id, &file.filename, file.content_type.as_deref(), &file.data);
            if let Some(Value::Array(a)) = msg.get_mut("attachments") {
                a.push(att);
            }
        }
    }

    fn store_attachment(&self, scope: &str, filename: &str, content_type: Option<&str>, data: &[u8]) -> Value {
        let id = self.next_id();
        let path = format!("/attachments/{scope}/{id}/{filename}");
        let url = format!("{}{}", self.rest_base, path);
        let ct = content_type.unwrap_or("application/octet-stream").to_string();
        lock(&self.files).insert(path, (ct.clone(), data.to_vec()));
        json!({
            "id": id.to_string(),
            "filename": filename,
            "size": data.len(),
            "url": url,
            "proxy_url": url,
            "content_type": ct,
        })
    }

    fn store_message(&self, msg: Value) -> Value {
        self.check::<serenity::model::channel::Message>("message", &msg);
        let id: u64 = str_of(&msg["id"]).parse().unwrap_or(0);
        lock(&self.messages).insert(id, msg.clone());
        msg
    }

    fn create_message(&self, channel_id: u64, body: &Value, files: &[RecordedFile], webhook: bool) -> Value {
        let id = self.next_id();
        let mut msg = self.blank_message(id, channel_id, self.bot_user());
        if webhook {
            msg["webhook_id"] = json!(self.app_id.to_string());
            msg["application_id"] = json!(self.app_id.to_string());
        }
        self.apply_body(&mut msg, body, files);
        self.store_message(msg)
    }

    fn edit_message(&self, channel_id: u64, message_id: u64, body: &Value, files: &[RecordedFile]) -> Value {
        let existing = lock(&self.messages).get(&message_id).cloned();
        let mut msg = existing.unwrap_or_else(|| self.blank_message(message_id, channel_id, self.bot_user()));
        self.apply_body(&mut msg, body, files);
        msg["edited_timestamp"] = json!(FAKE_TIMESTAMP);
        self.store_message(msg)
    }

    fn interaction_channel(&self, token: &str) -> (u64, Option<InteractionInfo>) {
        let info = lock(&self.interactions).get(token).cloned();
        (info.as_ref().map_or(1, |i| i.channel_id), info)
    }

    fn message_channel(&self, message_id: u64) -> Option<u64> {
        lock(&self.messages)
            .get(&message_id)
            .and_then(|m| str_of(&m["channel_id"]).parse().ok())
    }

    // --- REST routes ------------------------------------------------------------------------

    fn route(&self, method: &str, route: &str, body: &Value, files: &[RecordedFile]) -> Reply {
        let segs: Vec<&str> = route.split('/').filter(|s| !s.is_empty()).collect();
        let id = |s: &str| s.parse::<u64>().ok();
        match (method, segs.as_slice()) {
            ("GET", ["gateway"]) => ok(json!({ "url": self.gateway_url })),
            ("GET", ["gateway", "bot"]) => ok(json!({
                "url": self.gateway_url,
                "shards": 1,
                "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1},
            })),
            ("GET", ["users", "@me"]) => ok(self.bot_user()),

            ("PUT", ["applications", _, "commands"]) => self.put_commands(None, body),
            ("PUT", ["applications", _, "guilds", g, "commands"]) => match id(g) {
                Some(g) => self.put_commands(Some(g), body),
                None => bad_request("guild_id"),
            },
            ("POST", ["applications", _, "commands"]) => ok(self.upsert_command(None, body)),
            ("POST", ["applications", _, "guilds", g, "commands"]) => match id(g) {
                Some(g) => ok(self.upsert_command(Some(g), body)),
                None => bad_request("guild_id"),
            },
            ("GET", ["applications", _, "commands"]) => ok(self.list_commands(None)),
            ("GET", ["applications", _, "guilds", g, "commands"]) => ok(self.list_commands(id(g))),

            ("POST", ["channels", c, "messages"]) => match id(c) {
                Some(c) => ok(self.create_message(c, body, files, false)),
                None => bad_request("channel_id"),
            },
            ("PATCH", ["channels", c, "messages", m]) => match (id(c), id(m)) {
                (Some(c), Some(m)) => ok(self.edit_message(c, m, body, files)),
                _ => bad_request("message_id"),
            },
            ("GET", ["channels", _, "messages", m]) => {
                match id(m).and_then(|m| lock(&self.messages).get(&m).cloned()) {
                    Some(msg) => ok(msg),
                    None => discord_error(404, 10008, "Unknown Message"),
                }
            }
            ("DELETE", ["channels", _, "messages", m]) => {
                if let Some(m) = id(m) {
                    lock(&self.messages).remove(&m);
                }
                Reply::Empty(204)
            }
            ("POST", ["channels", _, "typing"]) => Reply::Empty(204),
            ("POST", ["channels", c, "threads"]) => match id(c) {
                Some(c) => self.create_thread(c, body),
                None => bad_request("channel_id"),
            },

            ("POST", ["interactions", _, token, "callback"]) => {
                self.interaction_callback(token, body, files);
                Reply::Empty(204)
            }
            ("POST", ["webhooks", _, token]) => {
                let (channel, _) = self.interaction_channel(token);
                ok(self.create_message(channel, body, files, true))
            }
            ("GET", ["webhooks", _, token, "messages", m]) => match self.webhook_message_id(token, m) {
                Some(mid) => match lock(&self.messages).get(&mid).cloned() {
                    Some(msg) => ok(msg),
                    None => discord_error(404, 10008, "Unknown Message"),
                },
                None => discord_error(404, 10008, "Unknown Message"),
            },
            ("PATCH", ["webhooks", _, token, "messages", m]) => {
                let (channel, _) = self.interaction_channel(token);
                let mid = match self.webhook_message_id(token, m) {
                    Some(mid) => mid,
                    None if *m == "@original" => {
                        // No response yet: Discord would 404; be lenient and create it.
                        let mid = self.next_id();
                        lock(&self.originals).insert(token.to_string(), mid);
                        let mut msg = self.blank_message(mid, channel, self.bot_user());
                        msg["webhook_id"] = json!(self.app_id.to_string());
                        msg["application_id"] = json!(self.app_id.to_string());
                        lock(&self.messages).insert(mid, msg);
                        mid
                    }
                    None => return bad_request("message_id"),
                };
                let channel = self.message_channel(mid).unwrap_or(channel);
                ok(self.edit_message(channel, mid, body, files))
            }
            ("DELETE", ["webhooks", _, token, "messages", m]) => {
                if let Some(mid) = self.webhook_message_id(token, m) {
                    lock(&self.messages).remove(&mid);
                }
                Reply::Empty(204)
            }

            ("GET", ["attachments", ..]) => match lock(&self.files).get(route).cloned() {
                Some((_, data)) => Reply::Bytes(200, "application/octet-stream", data),
                None => discord_error(404, 0, "404: Not Found"),
            },

            _ => discord_error(404, 0, "404: Not Found"),
        }
    }

    /// `POST /channels/{id}/threads` without a message: the body is checked against
    /// `CreateTextThreadWithoutMessageRequest` of Discord's OpenAPI description (name 1–100
    /// characters, required; type 10, 11 or 12; auto_archive_duration 60, 1440, 4320 or 10080;
    /// rate_limit_per_user 0–21600; invitable a boolean) and answered with the new thread.
    fn create_thread(&self, parent: u64, body: &Value) -> Reply {
        let problem = (|| {
            let obj = body.as_object().ok_or("the body is not an object")?;
            for key in obj.keys() {
                if ![
                    "name",
                    "auto_archive_duration",
                    "rate_limit_per_user",
                    "type",
                    "invitable",
                ]
                .contains(&key.as_str())
                {
                    return Err("an unknown field");
                }
            }
            let name = obj.get("name").and_then(Value::as_str).ok_or("name is missing")?;
            if !(1..=100).contains(&name.chars().count()) {
                return Err("name is not 1 to 100 characters");
            }
            let is = |key: &str, ok: &dyn Fn(&Value) -> bool| obj.get(key).map_or(true, |v| v.is_null() || ok(v));
            if !is("type", &|v| matches!(v.as_u64(), Some(10..=12))) {
                return Err("type is not 10, 11 or 12");
            }
            if !is("auto_archive_duration", &|v| {
                matches!(v.as_u64(), Some(60 | 1440 | 4320 | 10080))
            }) {
                return Err("auto_archive_duration is not 60, 1440, 4320 or 10080");
            }
            if !is("rate_limit_per_user", &|v| v.as_u64().is_some_and(|n| n <= 21600)) {
                return Err("rate_limit_per_user is not 0 to 21600");
            }
            if !is("invitable", &Value::is_boolean) {
                return Err("invitable is not a boolean");
            }
            Ok(name.to_string())
        })();
        let name = match problem {
            Ok(name) => name,
            Err(what) => {
                self.harness_error(format!("POST /channels/{parent}/threads: {what}: {body}"));
                return bad_request(what);
            }
        };
        let id = self.next_id();
        let guild = lock(&self.channel_guilds).get(&parent).copied();
        if let Some(g) = guild {
            lock(&self.channel_guilds).insert(id, g);
        }
        let archive = body
            .get("auto_archive_duration")
            .and_then(Value::as_u64)
            .unwrap_or(4320);
        let thread = json!({
            "id": id.to_string(),
            "type": body.get("type").and_then(Value::as_u64).unwrap_or(12),
            "guild_id": guild.unwrap_or(0).to_string(),
            "parent_id": parent.to_string(),
            "name": name,
            "owner_id": self.bot_id.to_string(),
            "flags": 0,
            "last_message_id": null,
            "rate_limit_per_user": body.get("rate_limit_per_user").and_then(Value::as_u64).unwrap_or(0),
            "thread_metadata": {
                "archived": false,
                "auto_archive_duration": archive,
                "archive_timestamp": FAKE_TIMESTAMP,
                "locked": false,
                "create_timestamp": FAKE_TIMESTAMP,
            },
            "message_count": 0,
            "member_count": 1,
            "total_message_sent": 0,
        });
        self.check::<serenity::model::channel::GuildChannel>("thread", &thread);
        Reply::Json(201, thread)
    }

    fn webhook_message_id(&self, token: &str, m: &str) -> Option<u64> {
        if m == "@original" {
            lock(&self.originals).get(token).copied()
        } else {
            m.parse().ok()
        }
    }

    fn interaction_callback(&self, token: &str, body: &Value, files: &[RecordedFile]) {
        let (channel, info) = self.interaction_channel(token);
        let data = body.get("data").cloned().unwrap_or(Value::Null);
        match body.get("type").and_then(Value::as_u64) {
            // CHANNEL_MESSAGE_WITH_SOURCE
            Some(4) => {
                let msg = self.create_message(channel, &data, files, true);
                let id = str_of(&msg["id"]).parse().unwrap_or(0);
                lock(&self.originals).insert(token.to_string(), id);
            }
            // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE ("thinking"; flags may make it ephemeral)
            Some(5) => {
                let flags = data.get("flags").cloned().unwrap_or(json!(0));
                let msg = self.create_message(channel, &json!({ "flags": flags }), &[], true);
                let id = str_of(&msg["id"]).parse().unwrap_or(0);
                lock(&self.originals).insert(token.to_string(), id);
            }
            // UPDATE_MESSAGE / DEFERRED_UPDATE_MESSAGE: the component's message is the original.
            Some(kind @ (6 | 7)) => {
                if let Some(mid) = info.and_then(|i| i.message_id) {
                    if kind == 7 {
                        let ch = self.message_channel(mid).unwrap_or(channel);
                        self.edit_message(ch, mid, &data, files);
                    }
                    lock(&self.originals).insert(token.to_string(), mid);
                }
            }
            _ => {}
        }
    }

    fn command_json(&self, guild: Option<u64>, body: &Value) -> Value {
        let mut cmd = match body {
            Value::Object(m) => Value::Object(m.clone()),
            _ => json!({}),
        };
        let name = str_of(&cmd["name"]);
        cmd["id"] = json!(self.command_id(&name).to_string());
        cmd["application_id"] = json!(self.app_id.to_string());
        cmd["version"] = json!(self.next_id().to_string());
        if cmd.get("type").map_or(true, Value::is_null) {
            cmd["type"] = json!(1);
        }
        if cmd.get("description").map_or(true, Value::is_null) {
            cmd["description"] = json!("");
        }
        if cmd.get("default_member_permissions").is_none() {
            cmd["default_member_permissions"] = Value::Null;
        }
        if cmd.get("nsfw").is_none() {
            cmd["nsfw"] = json!(false);
        }
        if let Some(g) = guild {
            cmd["guild_id"] = json!(g.to_string());
        }
        cmd
    }

    fn put_commands(&self, guild: Option<u64>, body: &Value) -> Reply {
        let Some(list) = body.as_array() else {
            return bad_request("body must be an array of commands");
        };
        let out: Vec<Value> = list.iter().map(|c| self.command_json(guild, c)).collect();
        let out = Value::Array(out);
        self.check::<Vec<serenity::model::application::Command>>("command list", &out);
        let mut cmds = lock(&self.commands);
        cmds.retain(|(g, _)| *g != guild);
        for c in out.as_array().into_iter().flatten() {
            cmds.push((guild, c.clone()));
        }
        ok(out)
    }

    fn upsert_command(&self, guild: Option<u64>, body: &Value) -> Value {
        let cmd = self.command_json(guild, body);
        self.check::<serenity::model::application::Command>("command", &cmd);
        let mut cmds = lock(&self.commands);
        cmds.retain(|(g, c)| !(*g == guild && c["name"] == cmd["name"]));
        cmds.push((guild, cmd.clone()));
        cmd
    }

    fn list_commands(&self, guild: Option<u64>) -> Value {
        Value::Array(
            lock(&self.commands)
                .iter()
                .filter(|(g, _)| *g == guild)
                .map(|(_, c)| c.clone())
                .collect(),
        )
    }

    fn handle_rest(&self, raw: RawRequest) -> Reply {
        let (path, query) = match raw.target.split_once('?') {
            Some((p, q)) => (p.to_string(), q.to_string()),
            None => (raw.target.clone(), String::new()),
        };
        let content_type = raw.header("content-type").unwrap_or("").to_string();
        let (body, files) = if content_type.to_ascii_lowercase().starts_with("multipart/form-data") {
            match parse_multipart(&content_type, &raw.body) {
                Some(parts) => parts,
                None => {
                    self.harness_error(format!("could not parse multipart body of {} {}", raw.method, path));
                    (Value::Null, Vec::new())
                }
            }
        } else if raw.body.is_empty() {
            (Value::Null, Vec::new())
        } else {
            (serde_json::from_slice(&raw.body).unwrap_or(Value::Null), Vec::new())
        };
        let route = path.strip_prefix("/api/v10").unwrap_or(&path).to_string();

        let overridden = {
            let mut ovs = lock(&self.overrides);
            let pos = ovs
                .iter()
                .position(|o| o.method.eq_ignore_ascii_case(&raw.method) && (o.path == path || o.path == route));
            pos.map(|i| {
                let o = &mut ovs[i];
                let reply = match &o.body {
                    Some(b) => Reply::Json(o.status, b.clone()),
                    None => Reply::Empty(o.status),
                };
                if let Some(n) = o.remaining.as_mut() {
                    *n -= 1;
                    if *n == 0 {
                        ovs.remove(i);
                    }
                }
                reply
            })
        };
        let reply = overridden.unwrap_or_else(|| self.route(&raw.method, &route, &body, &files));

        let response = match &reply {
            Reply::Json(_, v) => v.clone(),
            _ => Value::Null,
        };
        lock(&self.requests).push(Recorded {
            method: raw.method,
            path,
            query,
            body,
            files,
            status: reply.status(),
            response,
        });
        self.request_count.send_modify(|n| *n += 1);
        reply
    }

    // --- gateway --------------------------------------------------------------------------------

    fn ready_payload(&self, session: &str, identify: &Value) -> Value {
        let shard = identify.pointer("/d/shard").cloned().unwrap_or(json!([0, 1]));
        json!({
            "v": 10,
            "user": self.bot_user(),
            "guilds": [],
            "session_id": session,
            "resume_gateway_url": self.gateway_url,
            "shard": shard,
            "application": {"id": self.app_id.to_string(), "flags": 0},
            "private_channels": [],
            "relationships": [],
        })
    }

    fn status_report(&self) -> String {
        let mut out = String::new();
        {
            let gw = self.gw.borrow();
            let _ = writeln!(
                out,
                "gateway: {} IDENTIFY, {} RESUME, {} sessions, current connection: {}",
                gw.identifies,
                gw.resumes,
                gw.sessions,
                gw.current
                    .as_ref()
                    .map_or("none".to_string(), |(id, _)| format!("#{id}"))
            );
        }
        let reqs = lock(&self.requests);
        let _ = writeln!(out, "REST requests seen ({}):", reqs.len());
        for r in reqs.iter() {
            let _ = writeln!(out, "  {r}");
        }
        let errs = lock(&self.harness_errors);
        if !errs.is_empty() {
            let _ = writeln!(out, "harness errors:");
            for e in errs.iter() {
                let _ = writeln!(out, "  {e}");
            }
        }
        let warns = warnings();
        if !warns.is_empty() {
            let _ = writeln!(out, "captured WARN/ERROR log events (whole test binary):");
            for w in warns.iter().rev().take(40).rev() {
                let _ = writeln!(out, "  {w}");
            }
        }
        out
    }
}

fn ok(v: Value) -> Reply {
    Reply::Json(200, v)
}

fn discord_error(status: u16, code: u64, message: &str) -> Reply {
    Reply::Json(status, json!({ "message": message, "code": code }))
}

fn bad_request(what: &str) -> Reply {
    Reply::Json(
        400,
        json!({
            "message": "Invalid Form Body",
            "code": 50035,
            "errors": {"_errors": [{"code": "FAKE_DISCORD", "message": format!("fake Discord could not use {what}")}]},
        }),
    )
}

// ---------------------------------------------------------------------------------------------
// The public handle
// ---------------------------------------------------------------------------------------------

/// A running fake Discord. Dropping it stops its servers and connections.
pub struct FakeDiscord {
    state: Arc<State>,
    // Dropping the sender ends every server task (they watch for it).
    _shutdown: watch::Sender<bool>,
}

impl FakeDiscord {
    /// Binds REST and gateway on 127.0.0.1 (ephemeral ports) and starts serving.
    pub async fn start(app_id: u64, bot_user_id: u64) -> FakeDiscord {
        let rest = TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("fake Discord: bind REST port");
        let gw = TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("fake Discord: bind gateway port");
        let rest_base = format!("http://{}", rest.local_addr().expect("REST addr"));
        let gateway_url = format!("ws://{}", gw.local_addr().expect("gateway addr"));
        let (shutdown, _) = watch::channel(false);
        let state = Arc::new(State {
            app_id,
            bot_id: bot_user_id,
            bot_name: "fake-bot".into(),
            rest_base,
            gateway_url,
            next_id: AtomicU64::new(1),
            next_conn: AtomicU64::new(1),
            heartbeat_ms: AtomicU64::new(HEARTBEAT_INTERVAL_MS),
            requests: Mutex::new(Vec::new()),
            request_count: watch::channel(0).0,
            gw: watch::channel(GwStatus::default()).0,
            gw_frames: Mutex::new(Vec::new()),
            messages: Mutex::new(HashMap::new()),
            originals: Mutex::new(HashMap::new()),
            interactions: Mutex::new(HashMap::new()),
            commands: Mutex::new(Vec::new()),
            command_ids: Mutex::new(HashMap::new()),
            files: Mutex::new(HashMap::new()),
            channel_guilds: Mutex::new(HashMap::new()),
            overrides: Mutex::new(Vec::new()),
            harness_errors: Mutex::new(Vec::new()),
        });
        tokio::spawn(accept_loop(state.clone(), rest, shutdown.subscribe(), Kind::Rest));
        tokio::spawn(accept_loop(state.clone(), gw, shutdown.subscribe(), Kind::Gateway));
        FakeDiscord {
            state,
            _shutdown: shutdown,
        }
    }

    /// `http://127.0.0.1:PORT`, for `HttpBuilder::proxy`.
    pub fn rest_base(&self) -> String {
        self.state.rest_base.clone()
    }

    /// `ws://127.0.0.1:PORT`; also what `GET /api/v10/gateway` and `/gateway/bot` return.
    pub fn gateway_url(&self) -> String {
        self.state.gateway_url.clone()
    }

    /// A serenity `Http` pointed at this fake (proxy + ratelimiter disabled).
    pub fn serenity_http(&self) -> serenity::http::Http {
        serenity::http::HttpBuilder::new("fake-token")
            .proxy(self.rest_base())
            .ratelimiter_disabled(true)
            .build()
    }

    /// The heartbeat interval HELLO announces to connections made from now on (default 41,250 ms).
    /// Serenity reconnects if a heartbeat is not acknowledged.
    pub fn set_heartbeat_interval(&self, ms: u64) {
        self.state.heartbeat_ms.store(ms, Ordering::Relaxed);
    }

    /// Answer `method path` with `status` and `body` (None = empty body) instead of the normal
    /// handler, for the next `times` requests (None = for ever). `path` may be given with or
    /// without `/api/v10`, without query. E.g. a 403 for posting:
    /// `fake.override_response("POST", "/channels/5/messages", 403, Some(json!({"message": "Missing Permissions", "code": 50013})), None)`.
    pub fn override_response(&self, method: &str, path: &str, status: u16, body: Option<Value>, times: Option<usize>) {
        lock(&self.state.overrides).push(Override {
            method: method.to_string(),
            path: path.to_string(),
            status,
            body,
            remaining: times,
        });
    }

    /// Waits (up to 30 s, then panics with diagnostics) until a client has IDENTIFYed and READY
    /// was sent, i.e. until a gateway session exists that `dispatch` can use.
    pub async fn wait_ready(&self) {
        self.wait_session(Instant::now() + SESSION_WAIT, "wait_ready").await;
    }

    /// Waits until `n` sessions (READY or RESUMED) have been started in total, e.g. `2` after
    /// [`disconnect_gateway`](Self::disconnect_gateway) to wait for the reconnect.
    pub async fn wait_sessions(&self, n: u64) {
        let deadline = Instant::now() + SESSION_WAIT;
        let mut rx = self.state.gw.subscribe();
        loop {
            {
                let s = rx.borrow_and_update();
                if s.sessions >= n && s.current.is_some() {
                    return;
                }
            }
            if tokio::time::timeout_at(deadline, rx.changed()).await.is_err() {
                panic!(
                    "fake Discord: wait_sessions({n}) timed out\n{}",
                    self.state.status_report()
                );
            }
        }
    }

    async fn wait_session(&self, deadline: Instant, what: &str) -> mpsc::UnboundedSender<GwCmd> {
        let mut rx = self.state.gw.subscribe();
        loop {
            {
                let s = rx.borrow_and_update();
                if let Some((_, tx)) = &s.current {
                    return tx.clone();
                }
            }
            if tokio::time::timeout_at(deadline, rx.changed()).await.is_err() {
                panic!(
                    "fake Discord: {what}: no gateway session (client never IDENTIFYed?) within {SESSION_WAIT:?}\n{}",
                    self.state.status_report()
                );
            }
        }
    }

    /// Sends a dispatch (op 0, next `s`) to the current gateway session and returns its sequence
    /// number once the frame is written. Waits for a session like [`wait_ready`](Self::wait_ready).
    ///
    /// Panics first if serenity 0.12.5 would not turn `data` into the event `event_name` (it
    /// would drop it with a `warn!` or treat it as `Event::Unknown`).
    pub async fn dispatch(&self, event_name: &str, data: Value) -> u64 {
        if let Err(e) = check_dispatch(event_name, &data) {
            panic!("fake Discord: serenity 0.12.5 would not deliver this {event_name}: {e}\npayload: {data:#}");
        }
        let deadline = Instant::now() + SESSION_WAIT;
        loop {
            let tx = self.wait_session(deadline, "dispatch").await;
            let (ack, ack_rx) = oneshot::channel();
            if tx
                .send(GwCmd::Dispatch {
                    t: event_name.to_string(),
                    d: data.clone(),
                    ack,
                })
                .is_ok()
            {
                if let Ok(seq) = ack_rx.await {
                    return seq;
                }
            }
            // The connection died before writing the frame: wait for the next session.
            if Instant::now() >= deadline {
                panic!(
                    "fake Discord: dispatch of {event_name} failed: connection lost\n{}",
                    self.state.status_report()
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Closes the current gateway connection with `close_code` (4000 makes serenity reconnect
    /// and RESUME; the fake answers RESUMED). See [`wait_sessions`](Self::wait_sessions).
    pub async fn disconnect_gateway(&self, close_code: u16) {
        let tx = self
            .wait_session(Instant::now() + SESSION_WAIT, "disconnect_gateway")
            .await;
        let _ = tx.send(GwCmd::Close(close_code));
    }

    /// Every frame the client sent over the gateway (IDENTIFY, heartbeats, RESUME, ...).
    pub fn gateway_frames(&self) -> Vec<Value> {
        lock(&self.state.gw_frames).clone()
    }

    /// The last IDENTIFY frame (op 2) the client sent, e.g. to check `d.intents`.
    pub fn last_identify(&self) -> Option<Value> {
        lock(&self.state.gw_frames).iter().rev().find(|f| f["op"] == 2).cloned()
    }

    /// Everything seen on REST so far, in arrival order.
    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.state.requests).clone()
    }

    /// How many REST requests were seen so far (a mark for [`wait_request_since`](Self::wait_request_since)).
    pub fn request_count(&self) -> usize {
        lock(&self.state.requests).len()
    }

    /// Problems the fake itself noticed (unparsable requests, or a JSON it produced that serenity
    /// would not accept). A test may assert this is empty.
    pub fn harness_errors(&self) -> Vec<String> {
        lock(&self.state.harness_errors).clone()
    }

    /// The current state of the interaction's original response (after callback type 4/5/7 and
    /// any `PATCH .../@original`), if it has one.
    pub fn original_response(&self, interaction: &Value) -> Option<Value> {
        let token = str_of(&interaction["token"]);
        let id = lock(&self.state.originals).get(&token).copied()?;
        lock(&self.state.messages).get(&id).cloned()
    }

    /// Returns the first request (in arrival order, including ones seen before the call) for
    /// which `pred` is true, waiting for it up to `timeout`; panics listing everything seen.
    pub async fn wait_request(&self, pred: impl Fn(&Recorded) -> bool, timeout: Duration) -> Recorded {
        self.wait_request_since(0, pred, timeout).await
    }

    /// Like [`wait_request`](Self::wait_request) but only considers requests number `start` and
    /// later (take `start` from [`request_count`](Self::request_count) before acting).
    pub async fn wait_request_since(
        &self,
        start: usize,
        pred: impl Fn(&Recorded) -> bool,
        timeout: Duration,
    ) -> Recorded {
        let deadline = Instant::now() + timeout;
        let mut rx = self.state.request_count.subscribe();
        loop {
            rx.borrow_and_update();
            {
                let reqs = lock(&self.state.requests);
                if let Some(r) = reqs.iter().skip(start).find(|r| pred(r)) {
                    return r.clone();
                }
            }
            if tokio::time::timeout_at(deadline, rx.changed()).await.is_err() {
                panic!(
                    "fake Discord: no matching REST request within {timeout:?} (looking from #{start})\n{}",
                    self.state.status_report()
                );
            }
        }
    }

    /// A printable summary of everything seen (same as in timeout panics).
    pub fn report(&self) -> String {
        self.state.status_report()
    }

    // --- payload builders -----------------------------------------------------------------------

    fn interaction(&self, kind: u8, data: Value, inv: &Invoker, message: Option<Value>) -> Value {
        let id = self.state.next_id();
        let token = format!("fake-token-{id}");
        let mut v = json!({
            "id": id.to_string(),
            "application_id": self.state.app_id.to_string(),
            "type": kind,
            "data": data,
            "channel_id": inv.channel_id.to_string(),
            "token": token,
            "version": 1,
            "locale": inv.locale,
            "app_permissions": DEFAULT_PERMISSIONS.to_string(),
            "entitlements": [],
            "attachment_size_limit": 26_214_400,
        });
        match inv.guild_id {
            Some(g) => {
                v["guild_id"] = json!(g.to_string());
                v["guild_locale"] = json!("ja");
                v["member"] = inv.member_json();
                v["context"] = json!(0);
                v["authorizing_integration_owners"] = json!({"0": g.to_string()});
            }
            None => {
                v["user"] = inv.user_json();
                v["context"] = json!(1);
                v["authorizing_integration_owners"] = json!({"0": "0"});
            }
        }
        let message_id = message.as_ref().and_then(|m| str_of(&m["id"]).parse().ok());
        if let Some(m) = message {
            v["message"] = m;
        }
        lock(&self.state.interactions).insert(
            token,
            InteractionInfo {
                channel_id: inv.channel_id,
                message_id,
            },
        );
        v
    }

    /// INTERACTION_CREATE data for a chat-input (slash) command. `options` is Discord's
    /// `data.options` array (see [`opt_str`]; `Value::Null` = none). The command id
    /// is the one the fake handed out when the bot registered `name`, if it did. Add
    /// `data.resolved` to the returned value yourself for user/role/attachment options.
    pub fn slash_command(&self, name: &str, options: Value, inv: &Invoker) -> Value {
        let options = if options.is_null() { json!([]) } else { options };
        let mut data = json!({
            "id": self.state.command_id(name).to_string(),
            "name": name,
            "type": 1,
            "options": options,
        });
        let registered_in_guild = inv.guild_id.filter(|g| {
            lock(&self.state.commands)
                .iter()
                .any(|(cg, c)| *cg == Some(*g) && c["name"] == name)
        });
        if let Some(g) = registered_in_guild {
            data["guild_id"] = json!(g.to_string());
        }
        self.interaction(2, data, inv, None)
    }

    /// The message a component with `custom_id` is on: the latest message the fake returned
    /// whose components contain it.
    fn message_with_component(&self, custom_id: &str) -> Option<Value> {
        fn has(v: &Value, id: &str) -> bool {
            match v {
                Value::Object(m) => {
                    m.get("custom_id").and_then(Value::as_str) == Some(id) || m.values().any(|c| has(c, id))
                }
                Value::Array(a) => a.iter().any(|c| has(c, id)),
                _ => false,
            }
        }
        let msgs = lock(&self.state.messages);
        msgs.iter()
            .filter(|(_, m)| has(&m["components"], custom_id))
            .max_by_key(|(id, _)| **id)
            .map(|(_, m)| m.clone())
    }

    fn component_message(&self, custom_id: &str, message: Option<Value>, inv: &Invoker, component: Value) -> Value {
        message
            .or_else(|| self.message_with_component(custom_id))
            .unwrap_or_else(|| {
                let id = self.state.next_id();
                let mut m = self.state.blank_message(id, inv.channel_id, self.state.bot_user());
                m["components"] = json!([{ "type": 1, "components": [component] }]);
                self.state.store_message(m)
            })
    }

    /// INTERACTION_CREATE data for a button click. `message` is the message the button is on;
    /// `None` = the latest message the fake returned that has a component with `custom_id`
    /// (or a synthesized bot message in the invoker's channel).
    pub fn button_click(&self, custom_id: &str, message: Option<Value>, inv: &Invoker) -> Value {
        let msg = self.component_message(
            custom_id,
            message,
            inv,
            json!({"type": 2, "style": 1, "custom_id": custom_id, "label": custom_id}),
        );
        self.interaction(3, json!({"custom_id": custom_id, "component_type": 2}), inv, Some(msg))
    }

    /// INTERACTION_CREATE data for a string select menu choice.
    pub fn select_menu(&self, custom_id: &str, values: &[&str], message: Option<Value>, inv: &Invoker) -> Value {
        let msg = self.component_message(
            custom_id,
            message,
            inv,
            json!({"type": 3, "custom_id": custom_id, "options": values.iter().map(|v| json!({"label": v, "value": v})).collect::<Vec<_>>()}),
        );
        self.interaction(
            3,
            json!({"custom_id": custom_id, "component_type": 3, "values": values}),
            inv,
            Some(msg),
        )
    }

    /// INTERACTION_CREATE data for a modal submit: one action row per `(custom_id, value)` text
    /// input, as Discord sends them.
    pub fn modal_submit(&self, custom_id: &str, fields: &[(&str, &str)], inv: &Invoker) -> Value {
        let rows: Vec<Value> = fields
            .iter()
            .map(|(id, value)| json!({"type": 1, "components": [{"type": 4, "custom_id": id, "value": value}]}))
            .collect();
        self.interaction(5, json!({"custom_id": custom_id, "components": rows}), inv, None)
    }

    /// Tells the fake that `channel_id` belongs to `guild_id` (the channel objects it returns,
    /// e.g. a thread opened there, carry it).
    pub fn add_guild_channel(&self, guild_id: u64, channel_id: u64) {
        lock(&self.state.channel_guilds).insert(channel_id, guild_id);
    }

    /// MESSAGE_CREATE data by a guild member with `roles` (and no nickname): as
    /// [`FakeDiscord::message_create`], with the partial `member` Discord adds in a guild.
    pub fn member_message_create(
        &self,
        channel_id: u64,
        guild_id: u64,
        author_id: u64,
        roles: &[u64],
        content: &str,
    ) -> Value {
        let mut m = self.message_create(channel_id, Some(guild_id), author_id, content, &[]);
        let mut member = Invoker::in_guild(guild_id, channel_id, author_id)
            .roles(roles)
            .member_json();
        // A message's member is partial: no user (the author is), no permissions.
        if let Some(fields) = member.as_object_mut() {
            fields.remove("user");
            fields.remove("permissions");
        }
        m["member"] = member;
        m
    }

    /// MESSAGE_CREATE data: a message by user `author_id` (not a bot) in `channel_id`
    /// (`guild_id` None = DM) mentioning `mentions` (user ids; the bot's id gives the bot user).
    pub fn message_create(
        &self,
        channel_id: u64,
        guild_id: Option<u64>,
        author_id: u64,
        content: &str,
        mentions: &[u64],
    ) -> Value {
        let id = self.state.next_id();
        let mut m = self
            .state
            .blank_message(id, channel_id, user_json(author_id, &format!("user{author_id}"), false));
        m["content"] = json!(content);
        m["mentions"] = Value::Array(
            mentions
                .iter()
                .map(|u| {
                    if *u == self.state.bot_id {
                        self.state.bot_user()
                    } else {
                        user_json(*u, &format!("user{u}"), false)
                    }
                })
                .collect(),
        );
        if let Some(g) = guild_id {
            m["guild_id"] = json!(g.to_string());
        }
        m
    }

    /// An attachment object (for a MESSAGE_CREATE's `attachments`, or an attachment option's
    /// `resolved.attachments`) whose `url` points at this fake, which serves `data` there.
    pub fn attachment(&self, filename: &str, content_type: &str, data: &[u8]) -> Value {
        self.state.store_attachment("user", filename, Some(content_type), data)
    }
}

/// Checks that serenity 0.12.5 turns this dispatch into the named event.
pub fn check_dispatch(event_name: &str, data: &Value) -> Result<(), String> {
    use serenity::model::event::{Event, GatewayEvent};
    let frame = json!({"op": 0, "s": 1, "t": event_name, "d": data});
    match serde_json::from_value::<GatewayEvent>(frame) {
        Err(e) => Err(e.to_string()),
        Ok(GatewayEvent::Dispatch(_, Event::Unknown(_))) => {
            // Serenity's Event has an untagged `Unknown` fallback: a known event whose payload
            // fails to parse can land there. Find the real error for the common ones.
            let specific = match event_name {
                "INTERACTION_CREATE" => {
                    serde_json::from_value::<serenity::model::application::Interaction>(data.clone()).err()
                }
                "MESSAGE_CREATE" => serde_json::from_value::<serenity::model::channel::Message>(data.clone()).err(),
                "READY" => serde_json::from_value::<serenity::model::gateway::Ready>(data.clone()).err(),
                _ => None,
            };
            Err(match specific {
                Some(e) => e.to_string(),
                None => "serenity parses it as Event::Unknown (unknown event name or malformed payload)".into(),
            })
        }
        Ok(GatewayEvent::Dispatch(..)) => Ok(()),
        Ok(_) => Err("not a dispatch".into()),
    }
}

// ---------------------------------------------------------------------------------------------
// Servers
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Kind {
    Rest,
    Gateway,
}

async fn accept_loop(state: Arc<State>, listener: TcpListener, mut shutdown: watch::Receiver<bool>, kind: Kind) {
    loop {
        tokio::select! {
            _ = shutdown.changed() => return,
            res = listener.accept() => match res {
                Ok((stream, _)) => {
                    let state = state.clone();
                    let mut shutdown = shutdown.clone();
                    tokio::spawn(async move {
                        tokio::select! {
                            _ = shutdown.changed() => {},
                            _ = async {
                                match kind {
                                    Kind::Rest => serve_http(state, stream).await,
                                    Kind::Gateway => serve_gateway(state, stream).await,
                                }
                            } => {},
                        }
                    });
                },
                Err(e) => {
                    state.harness_error(format!("accept failed: {e}"));
                    tokio::time::sleep(Duration::from_millis(50)).await;
                },
            },
        }
    }
}

struct RawRequest {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl RawRequest {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

async fn read_line_crlf<R: AsyncBufRead + Unpin>(rd: &mut R) -> std::io::Result<Option<String>> {
    let mut buf = Vec::new();
    if rd.read_until(b'\n', &mut buf).await? == 0 {
        return Ok(None);
    }
    while matches!(buf.last(), Some(b'\n' | b'\r')) {
        buf.pop();
    }
    Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
}

async fn read_request<R: AsyncBufRead + Unpin>(rd: &mut R) -> std::io::Result<Option<RawRequest>> {
    let eof = || std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "connection closed mid-request");
    let line = loop {
        match read_line_crlf(rd).await? {
            None => return Ok(None),
            Some(l) if l.trim().is_empty() => continue,
            Some(l) => break l,
        }
    };
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        let h = read_line_crlf(rd).await?.ok_or_else(eof)?;
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let header = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let chunked = header("transfer-encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    let mut body = Vec::new();
    if chunked {
        loop {
            let size_line = read_line_crlf(rd).await?.ok_or_else(eof)?;
            let size_hex = size_line.split(';').next().unwrap_or("").trim();
            let size = usize::from_str_radix(size_hex, 16)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
            if size == 0 {
                // Trailers until an empty line.
                while let Some(t) = read_line_crlf(rd).await? {
                    if t.is_empty() {
                        break;
                    }
                }
                break;
            }
            let start = body.len();
            body.resize(start + size, 0);
            rd.read_exact(&mut body[start..]).await?;
            read_line_crlf(rd).await?;
        }
    } else if let Some(len) = header("content-length").and_then(|v| v.parse::<usize>().ok()) {
        body.resize(len, 0);
        rd.read_exact(&mut body).await?;
    }
    Ok(Some(RawRequest {
        method,
        target,
        headers,
        body,
    }))
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

fn encode_reply(reply: &Reply) -> Vec<u8> {
    let (status, ct, body): (u16, Option<&str>, Vec<u8>) = match reply {
        Reply::Json(s, v) => (*s, Some("application/json"), serde_json::to_vec(v).unwrap_or_default()),
        Reply::Empty(s) => (*s, None, Vec::new()),
        Reply::Bytes(s, ct, data) => (*s, Some(*ct), data.clone()),
    };
    let mut out = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    if let Some(ct) = ct {
        out.push_str(&format!("content-type: {ct}\r\n"));
    }
    if status != 204 && status != 304 {
        out.push_str(&format!("content-length: {}\r\n", body.len()));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(&body);
    bytes
}

async fn serve_http(state: Arc<State>, stream: TcpStream) {
    let _ = stream.set_nodelay(true);
    let (rd, mut wr) = stream.into_split();
    let mut rd = BufReader::new(rd);
    loop {
        let req = match read_request(&mut rd).await {
            Ok(Some(r)) => r,
            Ok(None) => return,
            Err(e) => {
                if e.kind() != std::io::ErrorKind::ConnectionReset {
                    state.harness_error(format!("bad HTTP request: {e}"));
                }
                return;
            }
        };
        let close = req
            .header("connection")
            .is_some_and(|v| v.eq_ignore_ascii_case("close"));
        let reply = state.handle_rest(req);
        if wr.write_all(&encode_reply(&reply)).await.is_err() || wr.flush().await.is_err() {
            return;
        }
        if close {
            return;
        }
    }
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Splits a multipart/form-data body into `payload_json` (or `Null`) and the file parts; other
/// text fields are ignored.
fn parse_multipart(content_type: &str, body: &[u8]) -> Option<(Value, Vec<RecordedFile>)> {
    let boundary = content_type
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))?
        .trim_matches('"');
    let delim = format!("--{boundary}").into_bytes();
    let mut payload = Value::Null;
    let mut files = Vec::new();
    let mut pos = find(body, &delim, 0)? + delim.len();
    loop {
        if body[pos..].starts_with(b"--") {
            break; // closing delimiter
        }
        // Skip the CRLF after the delimiter.
        if body[pos..].starts_with(b"\r\n") {
            pos += 2;
        }
        let next = find(body, &delim, pos)?;
        // The part ends with CRLF before the next delimiter.
        let mut part = &body[pos..next];
        if part.ends_with(b"\r\n") {
            part = &part[..part.len() - 2];
        }
        let split = find(part, b"\r\n\r\n", 0)?;
        let head = String::from_utf8_lossy(&part[..split]).into_owned();
        let data = part[split + 4..].to_vec();
        let mut name = String::new();
        let mut filename = None;
        let mut ctype = None;
        for line in head.split("\r\n") {
            let Some((k, v)) = line.split_once(':') else {
                continue;
            };
            match k.trim().to_ascii_lowercase().as_str() {
                "content-disposition" => {
                    for p in v.split(';').map(str::trim) {
                        if let Some(n) = p.strip_prefix("name=") {
                            name = n.trim_matches('"').to_string();
                        } else if let Some(f) = p.strip_prefix("filename=") {
                            filename = Some(f.trim_matches('"').to_string());
                        }
                    }
                }
                "content-type" => ctype = Some(v.trim().to_string()),
                _ => {}
            }
        }
        match filename {
            Some(filename) => files.push(RecordedFile {
                field: name,
                filename,
                content_type: ctype,
                data,
            }),
            None if name == "payload_json" => payload = serde_json::from_slice(&data).unwrap_or(Value::Null),
            None => {}
        }
        pos = next + delim.len();
    }
    Some((payload, files))
}

async fn serve_gateway(state: Arc<State>, stream: TcpStream) {
    let _ = stream.set_nodelay(true);
    let ws = match tokio_tungstenite::accept_async(stream).await {
        Ok(ws) => ws,
        Err(e) => {
            state.harness_error(format!("gateway WebSocket handshake failed: {e}"));
            return;
        }
    };
    let conn_id = state.next_conn.fetch_add(1, Ordering::Relaxed);
    let (mut sink, mut source) = ws.split();
    let (tx, mut rx) = mpsc::unbounded_channel::<GwCmd>();

    async fn send<S: futures_util::Sink<WsMessage> + Unpin>(sink: &mut S, v: &Value) -> bool {
        sink.send(WsMessage::Text(v.to_string())).await.is_ok()
    }

    let interval = state.heartbeat_ms.load(Ordering::Relaxed);
    if !send(
        &mut sink,
        &json!({"op": 10, "s": null, "t": null, "d": {"heartbeat_interval": interval}}),
    )
    .await
    {
        return;
    }
    let mut seq: u64 = 0;
    loop {
        tokio::select! {
            frame = source.next() => {
                let text = match frame {
                    Some(Ok(WsMessage::Text(t))) => t,
                    Some(Ok(WsMessage::Binary(b))) => String::from_utf8_lossy(&b).into_owned(),
                    Some(Ok(WsMessage::Close(_))) => {
                        // Answer the client's close frame, as Discord does (tungstenite has
                        // queued the reply; flushing sends it).
                        let _ = sink.flush().await;
                        break;
                    },
                    None | Some(Err(_)) => break,
                    Some(Ok(_)) => continue,
                };
                let v: Value = match serde_json::from_str(&text) {
                    Ok(v) => v,
                    Err(e) => {
                        state.harness_error(format!("gateway frame is not JSON ({e}): {text}"));
                        continue;
                    },
                };
                lock(&state.gw_frames).push(v.clone());
                match v["op"].as_u64() {
                    // Heartbeat
                    Some(1) => {
                        let ack = json!({"op": 11, "s": null, "t": null, "d": null});
                        if !send(&mut sink, &ack).await {
                            break;
                        }
                    },
                    // Identify: a new session
                    Some(2) => {
                        seq = 1;
                        let session = format!("fake-session-{conn_id}");
                        let ready = state.ready_payload(&session, &v);
                        if !send(&mut sink, &json!({"op": 0, "s": seq, "t": "READY", "d": ready})).await {
                            break;
                        }
                        let tx = tx.clone();
                        state.gw.send_modify(|s| {
                            s.identifies += 1;
                            s.sessions += 1;
                            s.current = Some((conn_id, tx));
                        });
                    },
                    // Resume: continue the sequence
                    Some(6) => {
                        seq = v.pointer("/d/seq").and_then(Value::as_u64).unwrap_or(seq) + 1;
                        if !send(&mut sink, &json!({"op": 0, "s": seq, "t": "RESUMED", "d": {}})).await {
                            break;
                        }
                        let tx = tx.clone();
                        state.gw.send_modify(|s| {
                            s.resumes += 1;
                            s.sessions += 1;
                            s.current = Some((conn_id, tx));
                        });
                    },
                    _ => {},
                }
            },
            cmd = rx.recv() => match cmd {
                Some(GwCmd::Dispatch { t, d, ack }) => {
                    seq += 1;
                    if !send(&mut sink, &json!({"op": 0, "s": seq, "t": t, "d": d})).await {
                        break;
                    }
                    let _ = ack.send(seq);
                },
                Some(GwCmd::Close(code)) => {
                    let _ = sink
                        .send(WsMessage::Close(Some(CloseFrame { code: CloseCode::from(code), reason: "fake Discord".into() })))
                        .await;
                    break;
                },
                None => break,
            },
        }
    }
    state.gw.send_modify(|s| {
        if s.current.as_ref().is_some_and(|(id, _)| *id == conn_id) {
            s.current = None;
        }
    });
}
