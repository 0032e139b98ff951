//! The Discord adapter (serenity). No business rule lives here.
//!
//! - `commands`: slash-command registration from the one command table
//! - `interactions`: commands, autocomplete, buttons and messages → `App`
//! - `embed`: a `Reply` as an embed with buttons; the one message builder
//! - `tasks`: reminders, the live dashboard, periodic backups, requests for
//!   staff (a thread each in the staff channel, answers posted to offices)

mod commands;
mod embed;
mod interactions;
mod tasks;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use serenity::all::{
    ClientBuilder, Command, Context, EventHandler, GatewayIntents, GuildId, HttpBuilder, Interaction, Member, Message,
    Ready, RoleId, User, UserId,
};

use commands::commands;

use crate::app::App;
use crate::command::Input;
use crate::content::Lang;
use crate::model::Actor;
use crate::reply::{Msg, Reply};

/// Everything the handler needs.
pub struct Handler {
    app: Arc<App>,
    /// The bot's own user id, known from READY.
    me: OnceLock<UserId>,
    /// Background tasks run once, not again on every reconnect.
    tasks_started: AtomicBool,
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Runs `f` with the app off the async threads (the store reads and
/// flushes to disk); `None` if the task panicked.
async fn blocking<R: Send + 'static>(app: &Arc<App>, f: impl FnOnce(&App) -> R + Send + 'static) -> Option<R> {
    let app = app.clone();
    match tokio::task::spawn_blocking(move || f(&app)).await {
        Ok(r) => Some(r),
        Err(e) => {
            tracing::error!(error = %e, "a blocking task failed");
            None
        }
    }
}

impl Handler {
    fn lang(&self, locale: &str) -> Lang {
        Lang::from_locale(locale).unwrap_or(self.app.config().bot.locale)
    }

    fn actor(&self, user: &User, member: Option<&Member>) -> Actor {
        self.actor_with(user, member.map(|m| (m.roles.as_slice(), m.nick.as_deref())))
    }

    /// The actor of a member known by roles and nickname (a message carries
    /// a partial member).
    fn actor_with(&self, user: &User, member: Option<(&[RoleId], Option<&str>)>) -> Actor {
        let staff_roles = &self.app.config().discord.staff_role_ids;
        let staff = member.is_some_and(|(roles, _)| roles.iter().any(|r| staff_roles.contains(&r.get())));
        let name = member
            .and_then(|(_, nick)| nick.map(str::to_string))
            .or_else(|| user.global_name.clone())
            .unwrap_or_else(|| user.name.clone());
        Actor {
            id: format!("discord:{}", user.id),
            name,
            staff,
            local: false,
        }
    }

    async fn blocking<R: Send + 'static>(&self, f: impl FnOnce(&App) -> R + Send + 'static) -> Option<R> {
        blocking(&self.app, f).await
    }

    /// Handles one input with the app.
    async fn handle(&self, channel: String, actor: Actor, input: Input, lang: Lang) -> Reply {
        let at = now();
        self.blocking(move |app| app.handle(&channel, &actor, &input, at, lang))
            .await
            .unwrap_or_else(|| Reply::error(Msg::new("error-internal")))
    }
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        tracing::info!(user = %ready.user.name, "connected to Discord");
        let _ = self.me.set(ready.user.id);
        if !self.tasks_started.swap(true, Ordering::SeqCst) {
            tokio::spawn(tasks::reminders_loop(self.app.clone(), ctx.http.clone()));
            if let Some(channel) = self.app.config().discord.staff_channel_id {
                tokio::spawn(tasks::dashboard_loop(self.app.clone(), ctx.http.clone(), channel));
            }
            if self.app.config().backup.every_hours > 0 {
                tokio::spawn(tasks::backup_loop(self.app.clone()));
            }
            tokio::spawn(tasks::handoff_loop(
                self.app.clone(),
                ctx.http.clone(),
                self.app.config().discord.staff_channel_id,
            ));
        }
        let cmds = commands(self.app.content());
        let res = match self.app.config().discord.guild_id {
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
    if let Some(base) = &app.config().discord.api_base {
        // A REST proxy (twilight-http-proxy) rate-limits itself.
        http = http.proxy(base.clone()).ratelimiter_disabled(true);
    }
    let mut intents = GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGES | GatewayIntents::DIRECT_MESSAGES;
    if app.config().discord.message_content {
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
    let on_signal = app.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutting down");
        shards.shutdown_all().await;
        if let Err(e) = on_signal.flush() {
            tracing::error!(error = %e, "flush on shutdown failed");
        }
    });
    client.start().await?;
    if let Err(e) = app.flush() {
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
