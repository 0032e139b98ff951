//! The Discord adapter (serenity): registers the command table with Japanese
//! localizations, turns interactions and messages into `Input`s for the
//! `App`, and renders each `Reply` as an embed with buttons. No business
//! rule lives here.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use serenity::all::{
    ButtonStyle, ChannelId, ClientBuilder, Colour, Command, CommandDataOptionValue, CommandInteraction,
    CommandOptionType, ComponentInteraction, Context, CreateActionRow, CreateAllowedMentions, CreateAttachment,
    CreateAutocompleteResponse, CreateButton, CreateCommand, CreateCommandOption, CreateEmbed,
    CreateInteractionResponse, CreateInteractionResponseMessage, CreateMessage, EditInteractionResponse, EditMessage,
    EventHandler, GatewayIntents, GuildId, Http, HttpBuilder, Interaction, Member, Message, MessageId, Ready, User,
    UserId,
};

use crate::app::App;
use crate::command::{CommandSpec, Input, COMMANDS};
use crate::console::{button_command, contact_fields};
use crate::content::{Content, Lang};
use crate::model::Actor;
use crate::playbook::{self, StepStatus};
use crate::reply::{Block, ButtonAction, Msg, Reply, Tone};

/// Discord's limits on embed parts (characters).
const TITLE_MAX: usize = 256;
const DESCRIPTION_MAX: usize = 4096;
const FIELD_MAX: usize = 1024;
const CHOICES_MAX: usize = 25;

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// Renders a reply as one embed plus a row of buttons.
pub fn render(content: &Content, lang: Lang, reply: &Reply) -> (CreateEmbed, Vec<CreateActionRow>) {
    let t = |m: &Msg| content.text(lang, m);
    let mut embed = CreateEmbed::new().colour(match reply.tone {
        Tone::Info => Colour::new(0x2f6fb3),
        Tone::Success => Colour::new(0x2e9d5b),
        Tone::Error => Colour::new(0xc0392b),
    });
    let mut title: Option<String> = None;
    let mut desc: Vec<String> = Vec::new();
    let mut fields = 0;
    for b in &reply.blocks {
        match b {
            Block::Title(x) if title.is_none() => title = Some(content.text(lang, x)),
            Block::Title(x) => desc.push(format!("**{}**", content.text(lang, x))),
            Block::Text(m) | Block::Success(m) | Block::Error(m) => desc.push(t(m)),
            Block::Warning(m) => desc.push(format!("※ {}", t(m))),
            Block::Field { label, value } if fields < 25 => {
                fields += 1;
                embed = embed.field(clip(&t(label), TITLE_MAX), clip(&t(value), FIELD_MAX), false);
            }
            Block::Field { label, value } => desc.push(format!("**{}**\n{}", t(label), t(value))),
            Block::Checklist(items) => desc.push(
                items
                    .iter()
                    .map(|i| {
                        let line = format!("{} {}", i.mark.symbol(), t(&i.text));
                        if i.current {
                            format!("**{line}**")
                        } else {
                            line
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Contact(c) => {
                let mut name = String::new();
                let mut lines = Vec::new();
                for (field, v) in contact_fields(content, lang, c) {
                    if field == "name" {
                        name = v;
                    } else {
                        lines.push(format!("{}: {v}", t(&Msg::new(format!("contact-label-{field}")))));
                    }
                }
                let label = format!("{}: {name}", t(&Msg::new("contact-label-name")));
                let value = if lines.is_empty() {
                    "-".to_string()
                } else {
                    lines.join("\n")
                };
                embed = embed.field(clip(&label, TITLE_MAX), clip(&value, FIELD_MAX), false);
                fields += 1;
            }
            Block::Lines(lines) => desc.push(
                lines
                    .iter()
                    .map(|l| content.text(lang, &Msg::new("list-item").str("text", content.text(lang, l))))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        }
    }
    if let Some(title) = title {
        embed = embed.title(clip(&title, TITLE_MAX));
    }
    if !desc.is_empty() {
        embed = embed.description(clip(&desc.join("\n\n"), DESCRIPTION_MAX));
    }
    let buttons: Vec<CreateButton> = reply
        .buttons
        .iter()
        .take(5)
        .map(|b| {
            let style = match b.action {
                ButtonAction::Done(_) => ButtonStyle::Success,
                ButtonAction::Next => ButtonStyle::Primary,
                _ => ButtonStyle::Secondary,
            };
            CreateButton::new(b.action.custom_id())
                .label(clip(&t(&b.label), 80))
                .style(style)
        })
        .collect();
    let rows = if buttons.is_empty() {
        vec![]
    } else {
        vec![CreateActionRow::Buttons(buttons)]
    };
    (embed, rows)
}

/// The slash commands, from the one command table, with Japanese names and
/// descriptions (`cmd-*` and `opt-*` messages) and English defaults.
pub fn commands(content: &Content) -> Vec<CreateCommand> {
    COMMANDS.iter().map(|spec| command(content, spec)).collect()
}

fn command(content: &Content, spec: &CommandSpec) -> CreateCommand {
    let id = format!("cmd-{}", spec.name);
    let en = |id: &str| content.text(Lang::En, &Msg::new(id));
    let ja = |id: &str| content.text(Lang::Ja, &Msg::new(id));
    let ja_name = |id: &str| content.attr(Lang::Ja, id, "name");
    let mut c = CreateCommand::new(spec.name)
        .description(clip(&en(&id), 100))
        .dm_permission(false);
    if let Some(n) = ja_name(&id) {
        c = c.name_localized("ja", n);
    }
    c = c.description_localized("ja", clip(&ja(&id), 100));
    for o in spec.options {
        let oid = format!("opt-{}-{}", spec.name, o.name);
        let mut opt = CreateCommandOption::new(CommandOptionType::String, o.name, clip(&en(&oid), 100))
            .required(o.required)
            .description_localized("ja", clip(&ja(&oid), 100));
        if let Some(n) = ja_name(&oid) {
            opt = opt.name_localized("ja", n);
        }
        for choice in o.choices {
            let cid = format!("choice-{}-{choice}", o.name);
            opt = opt.add_string_choice_localized(en(&cid), *choice, [("ja", ja(&cid))]);
        }
        if o.autocomplete {
            opt = opt.set_autocomplete(true);
        }
        c = c.add_option(opt);
    }
    c
}

/// Everything the handler needs.
pub struct Handler {
    pub app: Arc<App>,
    /// The bot's own user id, known from READY.
    me: OnceLock<UserId>,
    /// Background tasks run once, not again on every reconnect.
    tasks_started: AtomicBool,
}

impl Handler {
    fn lang(&self, locale: &str) -> Lang {
        Lang::from_locale(locale).unwrap_or(self.app.config.bot.locale)
    }

    fn actor(&self, user: &User, member: Option<&Member>) -> Actor {
        let staff_roles = &self.app.config.discord.staff_role_ids;
        let staff = member.is_some_and(|m| m.roles.iter().any(|r| staff_roles.contains(&r.get())));
        let name = member
            .and_then(|m| m.nick.clone())
            .or_else(|| user.global_name.clone())
            .unwrap_or_else(|| user.name.clone());
        Actor {
            id: format!("discord:{}", user.id),
            name,
            staff,
            local: false,
        }
    }

    /// Runs the app off the async threads (the store flushes to disk).
    async fn run(&self, channel: String, actor: Actor, input: Input, lang: Lang) -> Reply {
        let app = self.app.clone();
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        match tokio::task::spawn_blocking(move || app.handle(&channel, &actor, &input, now, lang)).await {
            Ok(r) => r,
            Err(e) => {
                tracing::error!(error = %e, "handler task failed");
                Reply::error(Msg::new("error-internal"))
            }
        }
    }

    fn message(&self, lang: Lang, reply: &Reply) -> CreateInteractionResponseMessage {
        let (embed, rows) = render(&self.app.content, lang, reply);
        CreateInteractionResponseMessage::new()
            .embed(embed)
            .components(rows)
            .ephemeral(reply.ephemeral)
            .allowed_mentions(CreateAllowedMentions::new())
    }

    fn message_with_files(&self, lang: Lang, reply: &Reply) -> CreateInteractionResponseMessage {
        let files = reply
            .attachments
            .iter()
            .map(|a| CreateAttachment::bytes(a.bytes.clone(), a.name.clone()));
        self.message(lang, reply).files(files)
    }

    async fn on_command(&self, ctx: &Context, cmd: &CommandInteraction) {
        let lang = self.lang(&cmd.locale);
        let options: Vec<(String, String)> = cmd
            .data
            .options
            .iter()
            .map(|o| {
                let v = match &o.value {
                    CommandDataOptionValue::String(s) => s.clone(),
                    CommandDataOptionValue::Integer(i) => i.to_string(),
                    CommandDataOptionValue::Number(n) => n.to_string(),
                    CommandDataOptionValue::Boolean(b) => b.to_string(),
                    other => format!("{other:?}"),
                };
                (o.name.clone(), v)
            })
            .collect();
        let actor = self.actor(&cmd.user, cmd.member.as_deref());
        let channel = cmd.channel_id.to_string();
        let input = match Input::from_command(&cmd.data.name, options) {
            Ok(i) => i,
            Err(e) => {
                let resp = CreateInteractionResponse::Message(self.message(lang, &Reply::error(e.msg())));
                if let Err(e) = cmd.create_response(&ctx.http, resp).await {
                    tracing::warn!(error = %e, "could not answer an interaction");
                }
                return;
            }
        };
        // Staff views read every office: defer first so Discord does not time out.
        let slow = matches!(input, Input::Summary { .. } | Input::Unanswered | Input::History { .. });
        if slow {
            let defer = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(true));
            if let Err(e) = cmd.create_response(&ctx.http, defer).await {
                tracing::warn!(error = %e, "could not defer an interaction");
                return;
            }
        }
        let reply = self.run(channel, actor, input, lang).await;
        let result = if slow {
            let (embed, rows) = render(&self.app.content, lang, &reply);
            cmd.edit_response(
                &ctx.http,
                reply.attachments.iter().fold(
                    EditInteractionResponse::new()
                        .embed(embed)
                        .components(rows)
                        .allowed_mentions(CreateAllowedMentions::new()),
                    |b, a| b.new_attachment(CreateAttachment::bytes(a.bytes.clone(), a.name.clone())),
                ),
            )
            .await
            .map(|_| ())
        } else {
            cmd.create_response(
                &ctx.http,
                CreateInteractionResponse::Message(self.message_with_files(lang, &reply)),
            )
            .await
        };
        if let Err(e) = result {
            tracing::warn!(error = %e, command = %cmd.data.name, "could not answer an interaction");
        }
    }

    async fn on_autocomplete(&self, ctx: &Context, cmd: &CommandInteraction) {
        let lang = self.lang(&cmd.locale);
        let Some(focused) = cmd.data.autocomplete() else {
            return;
        };
        let typed = crate::text::fold_question(focused.value);
        let mut resp = CreateAutocompleteResponse::new();
        match (cmd.data.name.as_str(), focused.name) {
            ("faq", "question") => {
                let content = &self.app.content;
                let mut n = 0;
                for e in self.app.faq.entries() {
                    let q = content.text(lang, &Msg::new(format!("faq-{}.question", e.id)));
                    if typed.is_empty() || crate::text::fold_question(&q).contains(&typed) {
                        resp = resp.add_string_choice(clip(&q, 100), clip(&q, 100));
                        n += 1;
                        if n == CHOICES_MAX {
                            break;
                        }
                    }
                }
            }
            ("done", "step") => {
                let app = self.app.clone();
                let channel = cmd.channel_id.to_string();
                let office = tokio::task::spawn_blocking(move || app.store.office_by_channel(&channel))
                    .await
                    .ok()
                    .and_then(Result::ok)
                    .flatten();
                if let Some(o) = office {
                    for step in playbook::steps(o.mode) {
                        if matches!(o.status(step), StepStatus::Todo | StepStatus::Waiting { .. }) {
                            let title = self.app.content.text(lang, &Msg::new(step.title_id()));
                            if typed.is_empty()
                                || crate::text::fold_question(&title).contains(&typed)
                                || step.as_str().contains(&typed)
                            {
                                resp = resp.add_string_choice(clip(&title, 100), step.as_str());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        if let Err(e) = cmd
            .create_response(&ctx.http, CreateInteractionResponse::Autocomplete(resp))
            .await
        {
            tracing::warn!(error = %e, "could not answer autocomplete");
        }
    }

    async fn on_button(&self, ctx: &Context, click: &ComponentInteraction) {
        let lang = self.lang(&click.locale);
        let Some(action) = ButtonAction::parse(&click.data.custom_id) else {
            return;
        };
        let input = match action {
            ButtonAction::Done(step) => Input::Done {
                step: Some(step.as_str().to_string()),
            },
            ButtonAction::Progress => Input::Progress,
            ButtonAction::Contact => Input::Contact { topic: None },
            ButtonAction::Next => Input::Next,
            ButtonAction::SummaryPage(n) => Input::Summary {
                page: Some(n.to_string()),
                format: None,
            },
        };
        tracing::debug!(command = %button_command(&action), "button");
        let actor = self.actor(&click.user, click.member.as_ref());
        let reply = self.run(click.channel_id.to_string(), actor, input, lang).await;
        // Errors go to the clicker alone; anything else updates the message in place.
        let resp = if reply.tone == Tone::Error {
            CreateInteractionResponse::Message(self.message(lang, &reply))
        } else {
            CreateInteractionResponse::UpdateMessage(self.message(lang, &reply))
        };
        if let Err(e) = click.create_response(&ctx.http, resp).await {
            tracing::warn!(error = %e, "could not answer a button");
        }
    }

    async fn on_message(&self, ctx: &Context, msg: &Message) {
        let Some(&me) = self.me.get() else { return };
        if msg.author.bot || msg.author.id == me {
            return;
        }
        let mentioned = msg.mentions_user_id(me);
        let text = msg
            .content
            .replace(&format!("<@{me}>"), " ")
            .replace(&format!("<@!{me}>"), " ");
        if text.trim().is_empty() || text.trim_start().starts_with('/') {
            return;
        }
        let channel = msg.channel_id.to_string();
        if !mentioned {
            if !self.app.config.discord.message_content {
                return;
            }
            let app = self.app.clone();
            let ch = channel.clone();
            let registered = tokio::task::spawn_blocking(move || app.store.office_by_channel(&ch))
                .await
                .ok()
                .and_then(Result::ok)
                .flatten()
                .is_some();
            if !registered {
                return;
            }
        }
        // A message carries no locale: answer in the language it is written in.
        let lang = Lang::detect(&text).unwrap_or(self.app.config.bot.locale);
        let actor = self.actor(&msg.author, None);
        let reply = self.run(channel, actor, Input::Question(text), lang).await;
        let (embed, rows) = render(&self.app.content, lang, &reply);
        let out = CreateMessage::new()
            .embed(embed)
            .components(rows)
            .reference_message(msg)
            .allowed_mentions(CreateAllowedMentions::new());
        if let Err(e) = msg.channel_id.send_message(&ctx.http, out).await {
            tracing::warn!(error = %e, "could not answer a message");
        }
    }
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        tracing::info!(user = %ready.user.name, "connected to Discord");
        let _ = self.me.set(ready.user.id);
        if !self.tasks_started.swap(true, Ordering::SeqCst) {
            tokio::spawn(reminders_loop(self.app.clone(), ctx.http.clone()));
            if let Some(channel) = self.app.config.discord.staff_channel_id {
                tokio::spawn(dashboard_loop(self.app.clone(), ctx.http.clone(), channel));
            }
        }
        let cmds = commands(&self.app.content);
        let res = match self.app.config.discord.guild_id {
            Some(g) => GuildId::new(g).set_commands(&ctx.http, cmds).await.map(|_| ()),
            None => Command::set_global_commands(&ctx.http, cmds).await.map(|_| ()),
        };
        if let Err(e) = res {
            tracing::error!(error = %e, "could not register the slash commands");
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        match interaction {
            Interaction::Command(cmd) => self.on_command(&ctx, &cmd).await,
            Interaction::Autocomplete(cmd) => self.on_autocomplete(&ctx, &cmd).await,
            Interaction::Component(click) => self.on_button(&ctx, &click).await,
            _ => {}
        }
    }

    async fn message(&self, ctx: Context, msg: Message) {
        self.on_message(&ctx, &msg).await;
    }
}

/// Connects to Discord and runs until SIGINT/SIGTERM, then shuts the shards
/// down and flushes the store.
pub async fn run(app: Arc<App>, token: &str) -> Result<(), serenity::Error> {
    let mut http = HttpBuilder::new(token);
    if let Some(base) = &app.config.discord.api_base {
        // A REST proxy (twilight-http-proxy) rate-limits itself.
        http = http.proxy(base.clone()).ratelimiter_disabled(true);
    }
    let mut intents = GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGES | GatewayIntents::DIRECT_MESSAGES;
    if app.config.discord.message_content {
        intents |= GatewayIntents::MESSAGE_CONTENT;
    }
    let mut client = ClientBuilder::new_with_http(http.build(), intents)
        .event_handler(Handler {
            app: app.clone(),
            me: OnceLock::new(),
            tasks_started: AtomicBool::new(false),
        })
        .await?;
    let shards = client.shard_manager.clone();
    let store = app.store.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutting down");
        shards.shutdown_all().await;
        if let Err(e) = store.flush() {
            tracing::error!(error = %e, "flush on shutdown failed");
        }
    });
    client.start().await?;
    if let Err(e) = app.store.flush() {
        tracing::error!(error = %e, "flush on shutdown failed");
    }
    Ok(())
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// How often due reminders are looked for.
const REMINDER_EVERY: Duration = Duration::from_secs(600);

fn now_secs() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn plain_message(content: &Content, lang: Lang, reply: &Reply) -> CreateMessage {
    let (embed, rows) = render(content, lang, reply);
    CreateMessage::new()
        .embed(embed)
        .components(rows)
        .allowed_mentions(CreateAllowedMentions::new())
}

/// Posts due reminders in office channels; each is recorded as sent once posted.
async fn reminders_loop(app: Arc<App>, http: Arc<Http>) {
    let mut tick = tokio::time::interval(REMINDER_EVERY);
    loop {
        tick.tick().await;
        let now = now_secs();
        let a = app.clone();
        let due = match tokio::task::spawn_blocking(move || a.due_reminders(now)).await {
            Ok(Ok(d)) => d,
            Ok(Err(e)) => {
                tracing::error!(error = %e, "reading reminders failed");
                continue;
            }
            Err(e) => {
                tracing::error!(error = %e, "reminder task failed");
                continue;
            }
        };
        for d in due {
            // Console channels have names, Discord channels numbers.
            let Ok(channel) = d.channel.parse::<u64>() else {
                continue;
            };
            let msg = plain_message(&app.content, app.config.bot.locale, &d.reply);
            match ChannelId::new(channel).send_message(&http, msg).await {
                Ok(_) => {
                    let a = app.clone();
                    let key = d.key.clone();
                    match tokio::task::spawn_blocking(move || a.reminder_sent(&d, now)).await {
                        Ok(Ok(())) => tracing::info!(key, "reminder sent"),
                        _ => tracing::error!(key, "could not record a sent reminder"),
                    }
                }
                Err(e) => tracing::warn!(error = %e, channel, "could not post a reminder"),
            }
        }
    }
}

/// Keeps one summary message in the staff channel up to date: edited in
/// place, at most once per `discord.dashboard_interval_ms`.
async fn dashboard_loop(app: Arc<App>, http: Arc<Http>, channel: u64) {
    let key = format!("dashboard/{channel}");
    let mut message: Option<u64> = app.store.meta(&key).ok().flatten().and_then(|s| s.parse().ok());
    let interval_ms = app.config.discord.dashboard_interval_ms.max(1);
    let mut batcher = crate::dashboard::Batcher::new(i64::try_from(interval_ms).unwrap_or(i64::MAX));
    // Look for changes ten times per interval, at most once a second.
    let mut tick = tokio::time::interval(Duration::from_millis((interval_ms / 10).clamp(1, 1000)));
    let lang = app.config.bot.locale;
    loop {
        tick.tick().await;
        let now_ms = time::OffsetDateTime::now_utc().unix_timestamp_nanos() as i64 / 1_000_000;
        if !batcher.poll(app.change_count(), now_ms) {
            continue;
        }
        let a = app.clone();
        let reply = match tokio::task::spawn_blocking(move || a.summary(now_secs())).await {
            Ok(Ok(s)) => {
                let mut r = crate::staff::summary_reply(&s, 1);
                r.buttons.clear();
                r
            }
            _ => {
                tracing::error!("dashboard summary failed");
                continue;
            }
        };
        let (embed, _) = render(&app.content, lang, &reply);
        if let Some(id) = message {
            let edit = EditMessage::new().embed(embed.clone());
            if let Err(e) = ChannelId::new(channel)
                .edit_message(&http, MessageId::new(id), edit)
                .await
            {
                tracing::warn!(error = %e, "dashboard message could not be edited; posting a new one");
                message = None;
            }
        }
        if message.is_none() {
            let msg = CreateMessage::new()
                .embed(embed)
                .allowed_mentions(CreateAllowedMentions::new());
            match ChannelId::new(channel).send_message(&http, msg).await {
                Ok(m) => {
                    message = Some(m.id.get());
                    let (a, k, v) = (app.clone(), key.clone(), m.id.get().to_string());
                    if tokio::task::spawn_blocking(move || a.store.set_meta(&k, &v))
                        .await
                        .is_err()
                    {
                        tracing::error!("could not remember the dashboard message");
                    }
                }
                Err(e) => tracing::warn!(error = %e, "could not post the dashboard"),
            }
        }
    }
}
