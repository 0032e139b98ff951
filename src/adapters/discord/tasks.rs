//! Background work: due reminders posted in office channels, the live
//! dashboard in the staff channel, and periodic backups.

use std::sync::Arc;
use std::time::Duration;

use serenity::all::{ChannelId, Http, MessageId};

use super::embed::Message;
use super::{blocking, now};
use crate::app::App;
use crate::dashboard::Batcher;
use crate::staff;

/// How often due reminders are looked for.
const REMINDER_EVERY: Duration = Duration::from_secs(600);

/// Posts due reminders in office channels; each is recorded as sent once posted.
pub(super) async fn reminders_loop(app: Arc<App>, http: Arc<Http>) {
    let mut tick = tokio::time::interval(REMINDER_EVERY);
    let lang = app.config().bot.locale;
    loop {
        tick.tick().await;
        let at = now();
        let due = match blocking(&app, move |app| app.due_reminders(at)).await {
            Some(Ok(d)) => d,
            Some(Err(e)) => {
                tracing::error!(error = %e, "reading reminders failed");
                continue;
            }
            None => continue,
        };
        for d in due {
            // Console channels have names, Discord channels numbers.
            let Ok(channel) = d.channel.parse::<u64>() else {
                continue;
            };
            let msg = Message::new(app.content(), lang, &d.reply).without_files().channel();
            match ChannelId::new(channel).send_message(&http, msg).await {
                Ok(_) => {
                    let key = d.key.clone();
                    match blocking(&app, move |app| app.reminder_sent(&d, at)).await {
                        Some(Ok(())) => tracing::info!(key, "reminder sent"),
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
pub(super) async fn dashboard_loop(app: Arc<App>, http: Arc<Http>, channel: u64) {
    let mut message = blocking(&app, move |app| app.dashboard_message(channel))
        .await
        .and_then(Result::ok)
        .flatten();
    let interval_ms = app.config().discord.dashboard_interval_ms.max(1);
    let mut batcher = Batcher::new(i64::try_from(interval_ms).unwrap_or(i64::MAX));
    // Look for changes ten times per interval, at most once a second.
    let mut tick = tokio::time::interval(Duration::from_millis((interval_ms / 10).clamp(1, 1000)));
    let lang = app.config().bot.locale;
    loop {
        tick.tick().await;
        let now_ms = (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64;
        if !batcher.poll(app.change_count(), now_ms) {
            continue;
        }
        let reply = match blocking(&app, |app| app.summary(now())).await {
            Some(Ok(s)) => staff::summary_reply(&s, 1),
            _ => {
                tracing::error!("dashboard summary failed");
                continue;
            }
        };
        let msg = || {
            Message::new(app.content(), lang, &reply)
                .without_buttons()
                .without_files()
        };
        if let Some(id) = message {
            if let Err(e) = ChannelId::new(channel)
                .edit_message(&http, MessageId::new(id), msg().edit())
                .await
            {
                tracing::warn!(error = %e, "dashboard message could not be edited; posting a new one");
                message = None;
            }
        }
        if message.is_none() {
            match ChannelId::new(channel).send_message(&http, msg().channel()).await {
                Ok(m) => {
                    let id = m.id.get();
                    message = Some(id);
                    if !matches!(
                        blocking(&app, move |app| app.set_dashboard_message(channel, id)).await,
                        Some(Ok(()))
                    ) {
                        tracing::error!("could not remember the dashboard message");
                    }
                }
                Err(e) => tracing::warn!(error = %e, "could not post the dashboard"),
            }
        }
    }
}

/// Writes a backup every `backup.every_hours` into `backup.dir` while the
/// bot runs (checked every ten minutes, also right after a restart).
pub(super) async fn backup_loop(app: Arc<App>) {
    let mut tick = tokio::time::interval(REMINDER_EVERY);
    loop {
        tick.tick().await;
        let at = now();
        let due = blocking(&app, move |app| app.backup_due(at)).await.unwrap_or(false);
        let Some(dir) = app.config().backup.dir.clone().filter(|_| due) else {
            continue;
        };
        match blocking(&app, move |app| app.backup(&dir, at)).await {
            Some(Ok(done)) => tracing::info!(path = %done.path.display(), offices = done.offices, "backup written"),
            Some(Err(e)) => tracing::error!(error = %e, "backup failed"),
            None => {}
        }
    }
}
