//! The service every adapter calls: loads what the engine needs from the
//! store, runs the engine, stores its change (retrying when someone else
//! changed the office first), answers questions and staff views.

pub mod files;
mod knowledge;
mod support;

pub use knowledge::{answer_msg, Answered, Further, Knowledge, UNANSWERED_MSGS};

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use crate::cards::AgentView;
use crate::command::Input;
use crate::config::Config;
use crate::content::{Content, Lang};
use crate::engine::roster::{import_actor, Effect, Roster};
use crate::engine::{self, Ctx};
use crate::error::UserError;
use crate::faq::FaqIndex;
use crate::intent::{self, Kind, Request};
use crate::limits::RateLimiter;
use crate::model::Unanswered;
use crate::model::{Actor, Agent, Change, Office, TaughtEntry};
use crate::office_number::OfficeNumber;
use crate::playbook::Mode;
use crate::reminders::{self, Due};
use crate::reply::{Attachment, AttachmentKind, Block, Msg, Reply};
use crate::roster::{Row, RowError, RowErrorKind};
use crate::staff;
use crate::store::{Applied, Store, StoreError};

/// How many times a command is tried when its office keeps changing
/// underneath it.
const MAX_RETRIES: usize = 32;

/// Why the app cannot start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Content(#[from] crate::content::ContentError),
    #[error(transparent)]
    Faq(#[from] crate::faq::FaqError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("locales/intent-examples.tsv: {0}")]
    Examples(String),
}

/// How long a confirmation asked for a report in words waits for its yes
/// (seconds); anything else the user sends first lets it lapse too.
pub const CONFIRM_SECONDS: i64 = 30 * 60;

/// What a user's yes would run, asked for at `at` (unix seconds).
struct Pending {
    then: Vec<Input>,
    at: i64,
}

/// Pending confirmations by channel and user id.
type PendingMap = std::collections::HashMap<(String, String), Pending>;

/// How many of an office's latest history events `/undo` looks through:
/// its cost stays the same however long the history grows. Undoing goes
/// back through the changes recorded in this window.
pub const UNDO_WINDOW: usize = 200;

/// Backup files are named `backup-<time>.json`.
const BACKUP_PREFIX: &str = "backup-";
/// When the last backup was written (unix seconds), in the store's meta.
const BACKUP_META: &str = "backup/last";

/// A backup written.
#[derive(Debug, Clone)]
pub struct BackupDone {
    pub path: std::path::PathBuf,
    pub offices: usize,
}

/// Why an export or a backup failed (nothing was left under its name).
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ExportError {
    /// A closed pipe or an IO error, as the export saw it.
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        match self {
            ExportError::Io(e) => Some(e.kind()),
            ExportError::Json(e) => e.io_error_kind(),
            ExportError::Store(_) => None,
        }
    }
}

/// Rows checked and written per batch by the roster import.
const CHUNK: usize = crate::store::BULK_CHUNK;

/// What a roster import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl ImportReport {
    pub fn total(&self) -> usize {
        self.created + self.updated + self.unchanged
    }
}

/// The phase a roster import reports progress for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportStage {
    /// Reading the store to check the roster against it (nothing written).
    Checking,
    Writing,
}

/// Why a roster import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Rows that conflict with the data directory.
    #[error("{} rows conflict with the data directory", .0.len())]
    Rows(Vec<RowError>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Summary rows by office number, with the revisions of the office and of
/// its 代理人 (0 without one) each was made from; `None` for an archived
/// office.
type RowCache = BTreeMap<Arc<str>, ((u64, u64), Option<staff::OfficeRow>)>;

pub struct App {
    kb: Knowledge,
    store: Store,
    /// Counts stored changes (the dashboard watches it).
    changes: AtomicU64,
    command_limit: RateLimiter,
    question_limit: RateLimiter,
    /// Held shared by every stored change and exclusively by a backup, so a
    /// backup of the running bot is one consistent state.
    write_gate: RwLock<()>,
    /// Summary rows by office number with the revision they were made from;
    /// filled on the first summary, then kept current by every stored change.
    rows: Mutex<Option<RowCache>>,
    /// Reports in words waiting for the user's yes (in memory only: a
    /// restart asks again).
    confirmations: Mutex<PendingMap>,
    /// The last exchanges with each channel (in memory), the context a
    /// request for staff carries.
    recent: Mutex<support::Recent>,
    /// Channels with staff answers not shown there yet (read on first use).
    pending: Mutex<Option<BTreeSet<String>>>,
    /// The entries staff taught, with the FAQ index that includes them.
    taught: RwLock<Option<Arc<support::Taught>>>,
    /// Counts changes to requests for staff (the Discord adapter watches it).
    handoff_changes: AtomicU64,
}

// The adapters share one `App` between threads.
const _: fn() = || {
    fn check<T: Send + Sync>() {}
    check::<App>();
};

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App").finish_non_exhaustive()
    }
}

impl App {
    /// Opens the bot on a data directory, creating it when it is new.
    pub fn open(config: Config, data_dir: &Path) -> Result<App, StartError> {
        App::with_store(config, Store::open(data_dir)?)
    }

    /// Opens the bot on an existing data directory (for the commands that
    /// only read): a missing one is an error, nothing is created.
    pub fn open_existing(config: Config, data_dir: &Path) -> Result<App, StartError> {
        App::with_store(config, Store::open_existing(data_dir)?)
    }

    fn with_store(config: Config, store: Store) -> Result<App, StartError> {
        let kb = Knowledge::load(config)?;
        let limits = &kb.config.limits;
        let command_limit = RateLimiter::new(limits.commands_per_minute);
        let question_limit = RateLimiter::new(limits.questions_per_minute);
        Ok(App {
            kb,
            store,
            changes: AtomicU64::new(0),
            command_limit,
            question_limit,
            rows: Mutex::new(None),
            write_gate: RwLock::new(()),
            confirmations: Mutex::new(PendingMap::new()),
            recent: Mutex::default(),
            pending: Mutex::new(None),
            taught: RwLock::new(None),
            handoff_changes: AtomicU64::new(0),
        })
    }

    /// Configuration, texts and the FAQ index.
    pub fn knowledge(&self) -> &Knowledge {
        &self.kb
    }

    pub fn config(&self) -> &Config {
        &self.kb.config
    }

    pub fn content(&self) -> &Content {
        &self.kb.content
    }

    /// The store, for tests and tools that inspect what was stored; the
    /// adapters ask `App` instead (the rules test checks that).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// How many offices are registered.
    pub fn office_count(&self) -> usize {
        self.store.office_count()
    }

    /// The office registered under a number, if any.
    pub fn office(&self, number: &OfficeNumber) -> Result<Option<Office>, StoreError> {
        self.store.office(number)
    }

    /// The office bound to a channel, if any.
    pub fn office_in(&self, channel: &str) -> Result<Option<Office>, StoreError> {
        self.store.office_by_channel(channel)
    }

    /// Whether an office or a 代理人 is bound to a channel.
    pub fn channel_registered(&self, channel: &str) -> Result<bool, StoreError> {
        Ok(self.store.channel_holder(channel)?.is_some() || self.store.agent_by_channel(channel)?.is_some())
    }

    /// How many 代理人 are registered.
    pub fn agent_count(&self) -> usize {
        self.store.agents().count()
    }

    /// The 代理人 bound to a channel, if any.
    pub fn agent_in(&self, channel: &str) -> Result<Option<Agent>, StoreError> {
        self.store.agent_by_channel(channel)
    }

    /// The 代理人 stored under a key, if any.
    pub fn agent(&self, key: &str) -> Result<Option<Agent>, StoreError> {
        self.store.agent(key)
    }

    /// The staff-channel dashboard message remembered for a channel.
    pub fn dashboard_message(&self, channel: u64) -> Result<Option<u64>, StoreError> {
        Ok(self
            .store
            .meta(&format!("dashboard/{channel}"))?
            .and_then(|s| s.parse().ok()))
    }

    /// Remembers the dashboard message of a staff channel (across restarts).
    pub fn set_dashboard_message(&self, channel: u64, message: u64) -> Result<(), StoreError> {
        self.store
            .set_meta(&format!("dashboard/{channel}"), &message.to_string())
    }

    /// Writes the whole data directory as JSON (the `export` format).
    pub fn export_json<W: std::io::Write>(&self, w: W) -> Result<(), serde_json::Error> {
        self.store.export_json(w)
    }

    /// Restores an export into an empty data directory (see
    /// [`Store::restore_json`]).
    pub fn restore_json<R: std::io::Read>(
        &self,
        open: impl FnMut() -> std::io::Result<R>,
    ) -> Result<crate::dump::Counts, crate::store::RestoreError> {
        let res = self.store.restore_json(open);
        self.rows.lock().unwrap_or_else(PoisonError::into_inner).take();
        self.pending.lock().unwrap_or_else(PoisonError::into_inner).take();
        self.taught.write().unwrap_or_else(PoisonError::into_inner).take();
        res
    }

    /// Every record read and every link followed (`check`).
    pub fn verify(&self) -> Result<crate::store::VerifyReport, StoreError> {
        self.store.verify()
    }

    /// What the last import or restore into this directory was (`check`
    /// shows it), by kind (`import`, `restore`).
    pub fn last_operation(&self, kind: &str) -> Option<String> {
        self.store.note(kind)
    }

    /// Records the import or restore that built this directory.
    pub fn set_last_operation(&self, kind: &str, what: &str) -> Result<(), StoreError> {
        self.store.set_note(kind, what)
    }

    /// Writes the whole data directory to `path` as JSON (the `export`
    /// format): beside it first, fsynced, then renamed, so a crash or a full
    /// disk never leaves a half file under the final name. Stored changes
    /// wait while it runs, so it is one consistent state.
    pub fn export_file(&self, path: &Path) -> Result<usize, ExportError> {
        let _exporting = self.write_gate.write().unwrap_or_else(PoisonError::into_inner);
        files::replace(path, |w| self.store.export_json(w).map_err(ExportError::from))?;
        Ok(self.store.office_count())
    }

    /// A backup of the running bot into `dir` (`backup-<UTC time>.json`),
    /// keeping the newest `backup.keep` and removing older ones.
    pub fn backup(&self, dir: &Path, now: i64) -> Result<BackupDone, ExportError> {
        std::fs::create_dir_all(dir)?;
        let stamp = time::OffsetDateTime::from_unix_timestamp(now)
            .ok()
            .and_then(|t| {
                t.format(time::macros::format_description!(
                    "[year]-[month]-[day]T[hour]-[minute]-[second]Z"
                ))
                .ok()
            })
            .unwrap_or_else(|| now.to_string());
        let path = dir.join(format!("{BACKUP_PREFIX}{stamp}.json"));
        let offices = self.export_file(&path)?;
        self.store.set_meta(BACKUP_META, &now.to_string())?;
        let mut old: Vec<std::path::PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(BACKUP_PREFIX) && n.ends_with(".json"))
            })
            .collect();
        old.sort();
        let keep = self.kb.config.backup.keep.max(1);
        for p in old.iter().take(old.len().saturating_sub(keep)) {
            let _ = std::fs::remove_file(p);
        }
        Ok(BackupDone { path, offices })
    }

    /// Whether a periodic backup is due (`backup.every_hours` set, and the
    /// last backup older than that).
    pub fn backup_due(&self, now: i64) -> bool {
        let every = i64::from(self.kb.config.backup.every_hours) * 3600;
        if every == 0 || self.kb.config.backup.dir.is_none() {
            return false;
        }
        let last = self
            .store
            .meta(BACKUP_META)
            .ok()
            .flatten()
            .and_then(|s| s.parse::<i64>().ok());
        last.map_or(true, |t| now - t >= every)
    }

    /// Writes everything stored so far to disk.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.store.flush()
    }

    /// Handles one input; never fails: user errors become a localized error
    /// reply, internal errors are logged and answered with an apology.
    ///
    /// In an office's channel, staff answers not shown there yet come first
    /// (marked as from staff), and the exchange is remembered as the context
    /// of a later request for staff.
    pub fn handle(&self, channel: &str, actor: &Actor, input: &Input, now: i64, lang: Lang) -> Reply {
        let mut reply = self.reply_to_input(channel, actor, input, now, lang);
        if !actor.staff && !input.staff_only() {
            if !matches!(input, Input::AskStaff { .. }) {
                self.remember(channel, input, &reply, now, lang);
            }
            // On Discord only the user sees an ephemeral reply: not the place
            // for an answer meant for the whole office.
            let shared = !reply.ephemeral || actor.local;
            match if shared {
                self.deliver_pending(channel, now)
            } else {
                Ok(Vec::new())
            } {
                Ok(answers) if !answers.is_empty() => {
                    let mut blocks: Vec<Block> = answers.into_iter().flat_map(|a| a.blocks).collect();
                    blocks.append(&mut reply.blocks);
                    reply.blocks = blocks;
                }
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, channel, "delivering staff answers failed"),
            }
        }
        reply
    }

    fn reply_to_input(&self, channel: &str, actor: &Actor, input: &Input, now: i64, lang: Lang) -> Reply {
        match self.try_handle(channel, actor, input, now, lang) {
            Ok(r) => r,
            Err(Failure::User(e)) => {
                let mut r = Reply::error(e.msg());
                if e == UserError::NotRegistered {
                    r.push(Block::Text(Msg::new("hint-register")));
                }
                r
            }
            Err(Failure::Internal(e)) => {
                tracing::error!(error = %e, command = input.name(), channel, "internal error");
                // What staff can act on is said; anything else gets an apology.
                Reply::error(if e.tell_user() {
                    e.msg()
                } else {
                    Msg::new("error-internal")
                })
            }
        }
    }

    fn try_handle(&self, channel: &str, actor: &Actor, input: &Input, now: i64, lang: Lang) -> Result<Reply, Failure> {
        if input.staff_only() && !actor.staff {
            return Err(UserError::StaffOnly.into());
        }
        if !actor.staff && !actor.local {
            let limit = match input {
                Input::Faq { .. } | Input::Question(_) => &self.question_limit,
                _ => &self.command_limit,
            };
            limit
                .check(&actor.id, now)
                .map_err(|seconds| UserError::RateLimited { seconds })?;
        }
        // A confirmation waits for the user's very next message.
        let confirming = self.take_confirmation(channel, &actor.id);
        match input {
            Input::Question(text) => self.message(channel, actor, text, confirming, now, lang),
            Input::Faq { question } => {
                let office = self.store.office_by_channel(channel)?;
                // In a 代理人's channel the answers are the ones for 代理請求.
                let mode = self.channel_mode(channel, office.as_ref())?;
                self.question(question, office.as_ref(), mode, Some(channel), now, lang)
            }
            Input::Summary { page, format } => {
                let page = match page {
                    None => 1,
                    Some(p) => crate::text::fold(p)
                        .parse::<usize>()
                        .map_err(|_| UserError::BadPage(p.clone()))?,
                };
                let csv = match format.as_deref().map(crate::text::fold).as_deref() {
                    None | Some("chart") => false,
                    Some("csv") => true,
                    Some(other) => {
                        return Err(UserError::UnknownOption {
                            cmd: "summary".into(),
                            opt: other.to_string(),
                        }
                        .into())
                    }
                };
                let (s, archived) = self.summary_and_archived(now)?;
                let mut reply = staff::summary_reply(&s, page)?;
                if archived > 0 {
                    reply.push(Block::Text(Msg::new("summary-archived").num("count", archived as i64)));
                }
                let png = crate::chart::render_png(self.content(), lang, &s, now);
                reply.attachments.push(Attachment {
                    name: "summary.png".into(),
                    bytes: png,
                    kind: AttachmentKind::Picture,
                });
                if csv {
                    let bytes = staff::summary_csv(&s).into_bytes();
                    reply.attachments.push(Attachment {
                        name: "summary.csv".into(),
                        bytes,
                        kind: AttachmentKind::Data,
                    });
                }
                Ok(reply)
            }
            Input::Unanswered => {
                let name = |n: &str| -> Option<String> {
                    let number = OfficeNumber::try_from(n.to_string()).ok()?;
                    self.store.office(&number).ok().flatten().map(|o| o.name)
                };
                let taught = self.taught()?;
                let (index, own) = self.faq_with_taught(&taught);
                // Answered now as the chat would answer it (a near miss is not).
                let answered_now = |q: &str| {
                    taught_answers(self.kb.answer_with(index, q, None, None), (index, own))
                        .lookup
                        .best
                        .is_some()
                };
                Ok(staff::unanswered_reply(&self.store.unanswered()?, &name, &answered_now))
            }
            Input::Backup => {
                let dir = self
                    .kb
                    .config
                    .backup
                    .dir
                    .as_deref()
                    .ok_or(UserError::BackupNotConfigured)?;
                let done = self.backup(dir, now)?;
                let mut reply = Reply::default();
                reply.tone = crate::reply::Tone::Success;
                reply.ephemeral = true;
                reply.push(Block::Success(
                    Msg::new("backup-done")
                        .str("path", done.path.display().to_string())
                        .num("offices", done.offices as i64),
                ));
                Ok(reply)
            }
            Input::History { office } => {
                let o = match office {
                    Some(q) => self.find_office(q)?,
                    None => match self.store.office_by_channel(channel)? {
                        Some(o) => o,
                        None => {
                            let a = self.store.agent_by_channel(channel)?.ok_or(UserError::OfficeNeeded)?;
                            return Ok(staff::agent_history_reply(&a, &self.store.agent_history(&a.key)?));
                        }
                    },
                };
                Ok(staff::history_reply(&o, &self.store.history(&o.number)?))
            }
            Input::OfficeProgress { office } => {
                let o = self.find_office(office)?;
                let agent = match &o.agent {
                    Some(k) => self.store.agent(k)?,
                    None => None,
                };
                let mut reply = crate::cards::progress(now, &o, agent.as_ref());
                reply.ephemeral = true;
                Ok(reply)
            }
            Input::AskStaff { question } => self.try_ask_staff(channel, actor, question.as_deref(), now, lang),
            Input::Inbox { id } => self.inbox(id.as_deref(), now),
            Input::Reply { id, text } => self.reply_to(actor, id, text, now),
            Input::Close { id } => self.close(actor, id, now),
            Input::Teach {
                id,
                question,
                answer,
                faq,
            } => self.teach(
                actor,
                support::TeachArgs {
                    id: id.as_deref(),
                    question: question.as_deref(),
                    answer: answer.as_deref(),
                    faq: faq.as_deref(),
                },
                now,
                lang,
            ),
            Input::Taught => self.taught_list(),
            Input::Forget { id } => self.forget(id),
            _ => self.office_command(channel, actor, input, now),
        }
    }
}

/// A loaded 代理人 as the engine reads it.
fn view(a: &Option<(Agent, Vec<Office>)>) -> Option<AgentView<'_>> {
    a.as_ref().map(|(agent, offices)| AgentView { agent, offices })
}

impl App {
    /// A 代理人 with its offices, read from the store.
    fn load_agent(&self, agent: Option<Agent>) -> Result<Option<(Agent, Vec<Office>)>, StoreError> {
        agent
            .map(|a| {
                let offices = self.store.agent_offices(&a.key)?;
                Ok((a, offices))
            })
            .transpose()
    }

    fn office_command(&self, channel: &str, actor: &Actor, input: &Input, now: i64) -> Result<Reply, Failure> {
        let number = engine::register_number(input).transpose().map_err(Failure::User)?;
        let named_agent = engine::register_agent(input);
        let named = engine::office_named(input).transpose().map_err(Failure::User)?;
        for _ in 0..MAX_RETRIES {
            let office = match &named {
                Some(n) => Some(
                    self.store
                        .office(n)?
                        .ok_or_else(|| UserError::UnknownOffice(n.to_string()))?,
                ),
                None => self.store.office_by_channel(channel)?,
            };
            // The channel's 代理人: its office's, or the one bound to it.
            let agent = match &office {
                Some(o) => match &o.agent {
                    Some(k) => self.store.agent(k)?,
                    None => None,
                },
                None => self.store.agent_by_channel(channel)?,
            };
            let agent = self.load_agent(agent)?;
            let history = match (input, &office, &agent) {
                (Input::Undo, Some(o), _) => self.store.history_tail(&o.number, UNDO_WINDOW)?,
                (Input::Undo, None, Some((a, _))) => self.store.agent_history_tail(&a.key, UNDO_WINDOW)?,
                _ => Vec::new(),
            };
            let existing = match &number {
                Some(n) => self.store.office(n)?,
                None => None,
            };
            let existing_agent = match &named_agent {
                Some(k) if agent.as_ref().map(|(a, _)| &a.key) != Some(k) => self.load_agent(self.store.agent(k)?)?,
                _ => None,
            };
            let ctx = Ctx {
                now,
                actor,
                channel,
                office: office.as_ref(),
                history: &history,
                existing: existing.as_ref(),
                config: &self.kb.config,
                agent: view(&agent),
                existing_agent: view(&existing_agent),
            };
            let outcome = engine::handle(&ctx, input)?;
            match &outcome.change {
                None => return Ok(outcome.reply),
                Some(change) => match self.apply(change)? {
                    Applied::Stored => {
                        self.changes.fetch_add(1, Ordering::Relaxed);
                        self.stored(change, input.name(), now);
                        return Ok(outcome.reply);
                    }
                    Applied::Conflict => continue,
                },
            }
        }
        Err(Failure::Internal(StoreError::Contention))
    }

    /// Logs a stored change and keeps the summary rows it touches current.
    fn stored(&self, change: &Change, command: &str, now: i64) {
        if let Some(w) = &change.office {
            tracing::info!(office = %w.office.number, seq = w.event.seq, command, "stored");
            let agent = match (&w.office.agent, change.agent()) {
                (Some(k), Some(a)) if a.key == *k => Some(a.clone()),
                (Some(k), _) => self.store.agent(k).ok().flatten(),
                (None, _) => None,
            };
            self.update_row(&w.office, w.renumbered_from(), agent.as_ref(), now);
        }
        if let Some(w) = &change.agent {
            tracing::info!(agent = %w.agent.key, seq = w.event.seq, command, "stored");
            // The 代理人's progress is part of each of its offices' rows.
            if self.rows.lock().unwrap_or_else(PoisonError::into_inner).is_some() {
                for o in self.store.agent_offices(&w.agent.key).unwrap_or_default() {
                    self.update_row(&o, None, Some(&w.agent), now);
                }
            }
        }
    }

    /// Stores one command's change (a backup waits for it, and it for a backup).
    fn apply(&self, change: &crate::model::Change) -> Result<Applied, StoreError> {
        let _writing = self.write_gate.read().unwrap_or_else(PoisonError::into_inner);
        self.store.apply(change)
    }

    /// How many changes this process has stored.
    pub fn change_count(&self) -> u64 {
        self.changes.load(Ordering::Relaxed)
    }

    /// The progress summary of every office but the archived ones (from the
    /// row cache, built from the store on first use).
    pub fn summary(&self, now: i64) -> Result<staff::Summary, StoreError> {
        Ok(self.summary_and_archived(now)?.0)
    }

    /// [`App::summary`] and how many offices are archived.
    fn summary_and_archived(&self, now: i64) -> Result<(staff::Summary, usize), StoreError> {
        let stall = self.kb.config.bot.stall_days;
        let mut cache = self.rows.lock().unwrap_or_else(PoisonError::into_inner);
        let agents = self.agents_by_key()?;
        let rows = match cache.as_mut() {
            Some(rows) => rows,
            None => {
                let mut rows = BTreeMap::new();
                for office in self.store.offices() {
                    let office = office?;
                    let agent = office.agent.as_ref().and_then(|k| agents.get(k));
                    let row = self.cached_row(&office, agent, now);
                    let rev = (office.revision, agent.map_or(0, |a| a.revision));
                    rows.insert(office.number.as_str().into(), (rev, row));
                }
                cache.insert(rows)
            }
        };
        let live = rows.values().filter_map(|(_, r)| r.clone());
        let archived = rows.values().filter(|(_, r)| r.is_none()).count();
        let mut s = staff::summarize_rows(live, now, stall);
        s.agents = self.agent_rows(&agents, now)?;
        Ok((s, archived))
    }

    /// Every 代理人, by key.
    fn agents_by_key(&self) -> Result<BTreeMap<String, Agent>, StoreError> {
        self.store.agents().map(|a| a.map(|a| (a.key.clone(), a))).collect()
    }

    /// The summary rows of every 代理人 (with its offices' 届出).
    fn agent_rows(&self, agents: &BTreeMap<String, Agent>, now: i64) -> Result<Vec<staff::AgentRow>, StoreError> {
        let stall = self.kb.config.bot.stall_days;
        let mut rows = Vec::with_capacity(agents.len());
        for agent in agents.values() {
            let offices = self.store.agent_offices(&agent.key)?;
            rows.push(staff::agent_row(
                &AgentView {
                    agent,
                    offices: &offices,
                },
                now,
                stall,
            ));
        }
        Ok(rows)
    }

    /// The summary read straight from the store, office by office (for the
    /// CLI: no row cache is kept, the offices are never all in memory).
    pub fn summary_streamed(&self, now: i64) -> Result<staff::Summary, StoreError> {
        let agents = self.agents_by_key()?;
        let agent_rows = self.agent_rows(&agents, now)?;
        let mut failed = None;
        let offices = self.store.offices().map_while(|r| r.map_err(|e| failed = Some(e)).ok());
        let s = staff::summarize_with_agents(offices, &agents, agent_rows, now, self.kb.config.bot.stall_days);
        match failed {
            Some(e) => Err(e),
            None => Ok(s),
        }
    }

    /// Imports validated roster rows (from [`crate::roster::parse`]). Each row
    /// is decided by [`crate::engine::roster`] (the same record builders as
    /// `/register`); the store only writes the changes.
    ///
    /// All or nothing against the store: every row is checked first (a
    /// channel bound to another office that the roster does not move
    /// elsewhere is refused, as are unreadable records), and only then is
    /// anything written, in chunked transactions and one flush at the end.
    pub fn import_roster(
        &self,
        rows: &[Row],
        now: i64,
        progress: &mut dyn FnMut(ImportStage, usize, usize),
    ) -> Result<ImportReport, ImportError> {
        let total = rows.len();
        let roster = Roster::new(rows);
        let mut errors = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            // Decodes the record: a corrupt or newer one stops the import here.
            self.store.office(&row.number)?;
            if let Some(ch) = &row.channel {
                // A 代理人's channel is never an office's.
                if let Some(a) = self.store.agent_by_channel(ch)? {
                    errors.push(RowError {
                        line: row.line,
                        kind: RowErrorKind::ChannelIsAgents {
                            channel: ch.clone(),
                            agent: a.name,
                        },
                    });
                }
                let holder = self.store.channel_holder(ch)?;
                if let Err(e) = roster.check_channel(row, holder.as_ref()) {
                    errors.push(e);
                }
            }
            if (i + 1) % CHUNK == 0 {
                progress(ImportStage::Checking, i + 1, total);
            }
        }
        // Each 代理人 named stays within what one certificate covers.
        for key in roster.agent_keys() {
            self.store.agent(key)?;
            if let Err(e) = roster.check_agent_size(key, &self.store.agent_office_numbers(key)?) {
                errors.push(e);
            }
        }
        errors.sort_by_key(|e| e.line);
        progress(ImportStage::Checking, total, total);
        if !errors.is_empty() {
            return Err(ImportError::Rows(errors));
        }

        // Write in number order: sequential keys keep sled's pages warm.
        let mut order: Vec<&Row> = rows.iter().collect();
        order.sort_unstable_by(|a, b| a.number.cmp(&b.number));
        let actor = import_actor();
        let by = engine::By { now, actor: &actor };
        let mut report = ImportReport::default();
        let mut written = 0;
        // The 代理人 the roster names that do not exist yet, without a channel.
        let exists = |key: &str| self.store.agent(key).ok().flatten().is_some();
        self.store.write_batch(&roster.new_agents(by, &exists))?;
        for chunk in order.chunks(CHUNK) {
            let mut changes = Vec::with_capacity(chunk.len());
            for row in chunk {
                let planned = roster.plan(by, row, self.store.office(&row.number)?.as_ref());
                match planned.effect {
                    Effect::Created => report.created += 1,
                    Effect::Updated => report.updated += 1,
                    Effect::Unchanged => report.unchanged += 1,
                }
                changes.extend(planned.changes);
            }
            self.store.write_batch(&changes)?;
            written += chunk.len();
            progress(ImportStage::Writing, written, total);
        }
        self.store.flush()?;
        self.rows.lock().unwrap_or_else(PoisonError::into_inner).take();
        Ok(report)
    }

    /// Keeps a filled row cache current (later revisions always win): an
    /// archived office is kept without a row, a corrected number's old row
    /// (`renumbered_from`) goes.
    fn update_row(&self, office: &Office, renumbered_from: Option<&OfficeNumber>, agent: Option<&Agent>, now: i64) {
        let mut cache = self.rows.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(rows) = cache.as_mut() {
            if let Some(from) = renumbered_from {
                rows.remove(from.as_str());
            }
            let row = self.cached_row(office, agent, now);
            let rev = (office.revision, agent.map_or(0, |a| a.revision));
            match rows.get(office.number.as_str()) {
                Some((had, _)) if *had >= rev => {}
                _ => {
                    rows.insert(office.number.as_str().into(), (rev, row));
                }
            }
        }
    }

    /// An office's summary row, or none when it is archived.
    fn cached_row(&self, office: &Office, agent: Option<&Agent>, now: i64) -> Option<staff::OfficeRow> {
        (!office.is_archived()).then(|| staff::row(office, agent, now, self.kb.config.bot.stall_days))
    }

    /// Every reminder due now and not yet sent: the offices', then the 代理人's.
    pub fn due_reminders(&self, now: i64) -> Result<Vec<Due>, StoreError> {
        // A reminder whose record cannot be read counts as sent: better to
        // miss one than to repeat it every ten minutes.
        let sent = |k: &str| self.store.reminder_sent(k).unwrap_or(true);
        let mut out = Vec::new();
        for office in self.store.offices() {
            out.extend(reminders::due(&self.kb.config, &office?, now, &sent));
        }
        for agent in self.store.agents() {
            let agent = agent?;
            if agent.channel.is_some() {
                let offices = self.store.agent_offices(&agent.key)?;
                let view = AgentView {
                    agent: &agent,
                    offices: &offices,
                };
                out.extend(reminders::due_agent(&self.kb.config, &view, now, &sent));
            }
        }
        Ok(out)
    }

    /// Records a reminder as sent (call after it was posted).
    pub fn reminder_sent(&self, due: &Due, now: i64) -> Result<(), StoreError> {
        let mut keys = due.supersedes.clone();
        keys.push(due.key.clone());
        self.store.mark_reminders(&keys, now)
    }

    /// Takes the confirmation a user's next message answers, if any.
    fn take_confirmation(&self, channel: &str, user: &str) -> Option<Pending> {
        let mut map = self.confirmations.lock().unwrap_or_else(PoisonError::into_inner);
        map.remove(&(channel.to_string(), user.to_string()))
    }

    /// Remembers what a yes from this user in this channel runs; drops the
    /// confirmations nobody answered in time.
    fn ask_to_confirm(&self, channel: &str, user: &str, then: Vec<Input>, now: i64) {
        let mut map = self.confirmations.lock().unwrap_or_else(PoisonError::into_inner);
        map.retain(|_, p| now - p.at <= CONFIRM_SECONDS);
        if !then.is_empty() {
            map.insert((channel.to_string(), user.to_string()), Pending { then, at: now });
        }
    }

    /// Free text in a channel: a yes or no to a pending confirmation, or a
    /// message understood by [`intent::classify`]. A status report and an
    /// undo in words are only confirmed here; they are recorded by the yes
    /// (or the button) that follows.
    fn message(
        &self,
        channel: &str,
        actor: &Actor,
        text: &str,
        pending: Option<Pending>,
        now: i64,
        lang: Lang,
    ) -> Result<Reply, Failure> {
        let q = checked_question(text)?;
        if let Some(p) = pending.filter(|p| now - p.at <= CONFIRM_SECONDS) {
            if intent::is_yes(q) {
                return self.run_confirmed(channel, actor, &p.then, now);
            }
            if intent::is_no(q) {
                let mut reply = Reply::default();
                reply.push(Block::Text(Msg::new("intent-declined")));
                if let Some(o) = self.store.office_by_channel(channel)? {
                    crate::cards::append_next_hint(&o, None, &mut reply);
                }
                return Ok(reply);
            }
        }
        let office = self.store.office_by_channel(channel)?;
        let mode = self.channel_mode(channel, office.as_ref())?;
        let taught = self.taught()?;
        let (index, own) = self.faq_with_taught(&taught);
        let a = taught_answers(self.kb.answer_with(index, q, office.as_ref(), mode), (index, own));
        // A 代理人's channel: reports and undos in words are about its own steps.
        let agent = match (&office, a.intent.kind) {
            (None, Kind::Status | Kind::Command) => self.load_agent(self.store.agent_by_channel(channel)?)?,
            _ => None,
        };
        let ctx = |history| Ctx {
            now,
            actor,
            channel,
            office: office.as_ref(),
            history,
            existing: None,
            config: &self.kb.config,
            agent: view(&agent),
            existing_agent: None,
        };
        match (a.intent.kind, a.intent.request) {
            (Kind::Question, _) => self.answered(q, &a, (index, own), office.as_ref(), mode, Some(channel), now, lang),
            (Kind::Status, _) => {
                let c = engine::confirm::status(&ctx(&[]), a.intent.task);
                self.ask_to_confirm(channel, &actor.id, c.then, now);
                Ok(c.reply)
            }
            (Kind::Command, Some(Request::Undo)) => {
                let history = match (&office, &agent) {
                    (Some(o), _) => self.store.history_tail(&o.number, UNDO_WINDOW)?,
                    (None, Some((a, _))) => self.store.agent_history_tail(&a.key, UNDO_WINDOW)?,
                    (None, None) => Vec::new(),
                };
                let c = engine::confirm::undo(&ctx(&history))?;
                self.ask_to_confirm(channel, &actor.id, c.then, now);
                Ok(c.reply)
            }
            (Kind::Command, Some(r)) => self.office_command(channel, actor, &request_input(r), now),
            // A request for a person in an office's channel starts the
            // handoff at once: staff get the message with its context.
            (Kind::Handoff, _) if office.is_some() || mode.is_some() => {
                self.try_ask_staff(channel, actor, Some(q), now, lang)
            }
            _ => Ok(self.kb.reply_in(index, own, &a, office.as_ref(), mode.is_some())),
        }
    }

    /// Runs what a yes confirmed, in order; the reply is the last command's,
    /// after the success lines of the ones before it.
    fn run_confirmed(&self, channel: &str, actor: &Actor, then: &[Input], now: i64) -> Result<Reply, Failure> {
        let mut earlier = Vec::new();
        let mut last = Reply::default();
        for (i, input) in then.iter().enumerate() {
            let r = self.office_command(channel, actor, input, now)?;
            if i + 1 < then.len() {
                earlier.extend(r.blocks.into_iter().filter(|b| matches!(b, Block::Success(_))));
            } else {
                last = r;
            }
        }
        earlier.append(&mut last.blocks);
        last.blocks = earlier;
        Ok(last)
    }

    #[allow(clippy::too_many_arguments)]
    fn question(
        &self,
        question: &str,
        office: Option<&Office>,
        mode: Option<Mode>,
        channel: Option<&str>,
        now: i64,
        lang: Lang,
    ) -> Result<Reply, Failure> {
        let q = checked_question(question)?;
        let taught = self.taught()?;
        let (index, own) = self.faq_with_taught(&taught);
        // `/faq` asks a question, whatever its words look like.
        let a = taught_answers(self.kb.answer_as_question_with(index, q, office, mode), (index, own));
        self.answered(q, &a, (index, own), office, mode, channel, now, lang)
    }

    /// The reply to a question looked up; one without an answer is logged.
    #[allow(clippy::too_many_arguments)]
    fn answered(
        &self,
        q: &str,
        a: &Answered,
        (index, own): (&FaqIndex, &BTreeMap<String, TaughtEntry>),
        office: Option<&Office>,
        mode: Option<Mode>,
        channel: Option<&str>,
        now: i64,
        lang: Lang,
    ) -> Result<Reply, Failure> {
        if a.lookup.best.is_none() {
            self.store.log_unanswered(&Unanswered {
                v: crate::model::RECORD_VERSION,
                at: now,
                text: q.to_string(),
                lang: lang.as_str().to_string(),
                office: office.map(|o| o.number.to_string()),
                channel: channel.map(str::to_string),
            })?;
        }
        // A 代理人's channel (a mode without an office) is registered too.
        Ok(self.kb.reply_in(index, own, a, office, mode.is_some()))
    }

    /// The billing mode a channel asks in: its office's, or 代理請求 in a
    /// 代理人's channel.
    fn channel_mode(&self, channel: &str, office: Option<&Office>) -> Result<Option<Mode>, StoreError> {
        Ok(match office {
            Some(o) => Some(o.mode),
            None => self.store.agent_by_channel(channel)?.map(|_| Mode::Proxy),
        })
    }
}

/// A question whose closest entry is one staff taught answers with it at
/// the plain threshold: the words staff wrote are the FAQ's own, even when
/// they name none of its concepts.
fn taught_answers(mut a: Answered, (index, own): (&FaqIndex, &BTreeMap<String, TaughtEntry>)) -> Answered {
    if a.lookup.best.is_none() {
        if let Some(h) = a.lookup.alternatives.first() {
            if h.confidence >= crate::faq::THRESHOLD && own.contains_key(&index.entries()[h.entry].id) {
                a.lookup.best = Some(a.lookup.alternatives.remove(0));
            }
        }
    }
    a
}

/// A question's text: cleaned, trimmed, not empty, not too long.
fn checked_question(text: &str) -> Result<&str, UserError> {
    let q = text.trim();
    if crate::text::clean(q).trim().is_empty() {
        return Err(UserError::EmptyQuestion);
    }
    if q.chars().count() > crate::command::MAX_LINE {
        return Err(UserError::TooLong {
            max: crate::command::MAX_LINE,
        });
    }
    Ok(q)
}

/// The command a request in words stands for.
fn request_input(r: Request) -> Input {
    match r {
        Request::Next => Input::Next,
        Request::Progress => Input::Progress,
        Request::Undo => Input::Undo,
        Request::Help => Input::Help,
        Request::Contact => Input::Contact { topic: None },
    }
}

enum Failure {
    User(UserError),
    Internal(StoreError),
}

impl From<UserError> for Failure {
    fn from(e: UserError) -> Self {
        Failure::User(e)
    }
}

impl From<ExportError> for Failure {
    fn from(e: ExportError) -> Self {
        match e {
            ExportError::Store(e) => Failure::Internal(e),
            ExportError::Io(e) => Failure::Internal(StoreError::Io(e)),
            ExportError::Json(e) => Failure::Internal(StoreError::Io(e.into())),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Internal(e)
    }
}
