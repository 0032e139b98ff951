//! Background work: due reminders posted in office channels, the live
//! dashboard in the staff channel, periodic backups, and requests for staff
//! (a thread each in the staff channel; answers posted in offices' channels).

use std::sync::Arc;
use std::time::Duration;

use serenity::all::{AutoArchiveDuration, ChannelId, ChannelType, CreateThread, Http, MessageId};

use super::embed::Message;
use super::{blocking, now};
use crate::app::App;
use crate::content::Lang;
use crate::dashboard::Batcher;
use crate::handoff;
use crate::model::{Handoff, HandoffState};
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
            Some(Ok(s)) => staff::summary_first_page(&s),
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

/// How often the handoff task looks whether requests changed.
const HANDOFF_POLL: Duration = Duration::from_millis(300);

/// Keeps Discord in step with the requests for staff: each open request gets
/// a thread in the staff channel (its context as the first message), and each
/// staff answer is posted once in the office's channel, attributed to staff,
/// with mentions disabled. Runs when requests changed, and every ten minutes
/// to retry what failed.
pub(super) async fn handoff_loop(app: Arc<App>, http: Arc<Http>, staff_channel: Option<u64>) {
    let mut tick = tokio::time::interval(HANDOFF_POLL);
    let mut seen = None;
    let mut swept = tokio::time::Instant::now();
    loop {
        tick.tick().await;
        let count = app.handoff_changes();
        if seen == Some(count) && swept.elapsed() < REMINDER_EVERY {
            continue;
        }
        seen = Some(count);
        swept = tokio::time::Instant::now();
        let requests = match blocking(&app, |app| app.handoffs_in_progress()).await {
            Some(Ok(r)) => r,
            Some(Err(e)) => {
                tracing::error!(error = %e, "reading requests for staff failed");
                continue;
            }
            None => continue,
        };
        for h in requests {
            if let (None, Some(staff)) = (&h.thread, staff_channel) {
                if h.state != HandoffState::Closed {
                    open_thread(&app, &http, staff, &h).await;
                }
            }
            deliver(&app, &http, &h).await;
        }
    }
}

/// Opens the request's thread in the staff channel and posts its context there.
async fn open_thread(app: &Arc<App>, http: &Http, staff: u64, h: &Handoff) {
    let builder = CreateThread::new(handoff::thread_name(h))
        .kind(ChannelType::PublicThread)
        .auto_archive_duration(AutoArchiveDuration::OneWeek);
    let thread = match ChannelId::new(staff).create_thread(http, builder).await {
        Ok(t) => t.id,
        Err(e) => {
            tracing::warn!(error = %e, request = h.id, "could not open a thread for a request");
            return;
        }
    };
    let (id, t) = (h.id, thread.to_string());
    if !matches!(
        blocking(app, move |app| app.set_handoff_thread(id, &t)).await,
        Some(Ok(()))
    ) {
        tracing::error!(request = id, "could not remember a request's thread");
    }
    let lang = app.config().bot.locale;
    let msg = Message::new(app.content(), lang, &handoff::context_reply(h, true))
        .without_files()
        .channel();
    if let Err(e) = thread.send_message(http, msg).await {
        tracing::warn!(error = %e, request = id, "could not post a request's context");
    }
}

/// Posts the request's undelivered staff answers in the office's channel
/// (Discord channels only: a console channel shows them when it next types).
async fn deliver(app: &Arc<App>, http: &Http, h: &Handoff) {
    let Ok(channel) = h.channel.parse::<u64>() else {
        return;
    };
    let lang = Lang::from_locale(&h.lang).unwrap_or(app.config().bot.locale);
    for (index, answer) in h.replies.iter().enumerate() {
        if answer.delivered.is_some() {
            continue;
        }
        let (id, at) = (h.id, super::now());
        if !matches!(
            blocking(app, move |app| app.claim_reply(id, index, at)).await,
            Some(Ok(true))
        ) {
            continue;
        }
        let msg = Message::new(app.content(), lang, &handoff::delivery_reply(h, answer))
            .without_files()
            .channel();
        if let Err(e) = ChannelId::new(channel).send_message(http, msg).await {
            tracing::warn!(error = %e, request = id, "could not post a staff answer; it is kept for later");
            let _ = blocking(app, move |app| app.unclaim_reply(id, index)).await;
        }
    }
}
