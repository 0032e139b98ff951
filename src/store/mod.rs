//! The store: the only code that names sled. Trees `offices`, `channels`,
//! `history`, `unanswered`, `reminders`, `handoffs` (with `handoff_threads`),
//! `taught` and `meta` (with the schema version); one command's writes are
//! one transaction, flushed before the reply goes out. It imports nothing
//! above the records it keeps.
//!
//! - `codec`: versioned JSON records and key layouts
//! - `bulk`: the roster import's batched writes of planned changes
//! - `backup`: export and restore (the `dump` format)
//! - `handoff`: requests for a person and the entries staff taught
//! - `verify`: `check`'s reading of every record and link
//! - `swap`: all-or-nothing replacement of the data directory (import, restore)

mod backup;
mod bulk;
mod codec;
mod handoff;
pub mod swap;
mod verify;

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};

use crate::model::{Change, Event, Office, Unanswered};
use crate::office_number::OfficeNumber;
use crate::reply::Msg;
use codec::{decode, encode, history_key, history_prefix, number_of, unanswered_key};

pub use crate::model::SCHEMA_VERSION;
pub use backup::RestoreError;
pub use bulk::BULK_CHUNK;
pub use verify::Report as VerifyReport;
const SCHEMA_KEY: &[u8] = b"schema";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the data directory {path}: {detail}")]
    Open { path: String, detail: String },
    /// A read-only command was pointed at a directory that holds no data.
    #[error("no data directory at {path}")]
    Missing { path: String },
    /// The directory holds files that are not a data directory's.
    #[error("{path} is not a data directory (it holds other files)")]
    Foreign { path: String },
    /// Another process (the running bot) holds the data directory.
    #[error("the data directory {path} is in use by another seikyu-navi process")]
    Locked { path: String },
    #[error("the disk is full")]
    Full,
    /// sled found damaged data.
    #[error("the data directory is damaged: {0}")]
    Damaged(String),
    #[error("the data directory {path} was written by a newer version (schema {found}, this build reads up to {supported}); it was left untouched")]
    NewerSchema { path: String, found: u32, supported: u32 },
    #[error("a record was written by a newer version (record version {0})")]
    NewerRecord(u32),
    #[error("corrupt record: {0}")]
    Corrupt(String),
    #[error("the office kept changing underneath the command; try again")]
    Contention,
    #[error("storage error: {0}")]
    Sled(sled::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        match e {
            sled::Error::Io(io) if is_full(&io) => StoreError::Full,
            sled::Error::Corruption { .. } => StoreError::Damaged(e.to_string()),
            e => StoreError::Sled(e),
        }
    }
}

/// Whether an IO error says the disk (or the quota) is full.
fn is_full(e: &std::io::Error) -> bool {
    // ENOSPC (28) and EDQUOT (122) on Linux; sled may wrap the error in one
    // of its own that keeps only the message.
    matches!(e.raw_os_error(), Some(28 | 122)) || e.to_string().contains("No space left")
}

impl StoreError {
    /// The localized, actionable line for an operator or a user.
    pub fn msg(&self) -> Msg {
        match self {
            StoreError::Missing { path } => Msg::new("store-missing").str("path", path),
            StoreError::Foreign { path } => Msg::new("store-foreign").str("path", path),
            StoreError::Locked { path } => Msg::new("store-locked").str("path", path),
            StoreError::Full => Msg::new("store-full"),
            StoreError::Damaged(detail) => Msg::new("store-damaged").str("detail", detail),
            StoreError::NewerSchema { found, supported, .. } => Msg::new("store-newer-schema")
                .num("found", i64::from(*found))
                .num("supported", i64::from(*supported)),
            StoreError::NewerRecord(v) => Msg::new("store-newer-record")
                .num("found", i64::from(*v))
                .num("supported", i64::from(crate::model::RECORD_VERSION)),
            StoreError::Contention => Msg::new("store-contention"),
            StoreError::Open { .. } => Msg::new("error-start").str("detail", self.to_string()),
            other => Msg::new("store-other").str("detail", other.to_string()),
        }
    }

    /// Whether a user of the chat should be told what happened (rather than
    /// a short apology): something staff can act on.
    pub fn tell_user(&self) -> bool {
        matches!(
            self,
            StoreError::Full | StoreError::NewerRecord(_) | StoreError::Damaged(_) | StoreError::Contention
        )
    }
}

/// Result of applying a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    Stored,
    /// Someone else changed the office (or the channel) first: read again and retry.
    Conflict,
}

/// Why a transaction stopped.
enum Abort {
    Conflict,
    Store(StoreError),
}

#[derive(Clone)]
pub struct Store {
    db: sled::Db,
    /// The data directory.
    dir: Arc<Path>,
    /// sled's log file, for an fsync after sled's own flush (see `flush`).
    log: Arc<File>,
    meta: sled::Tree,
    offices: sled::Tree,
    channels: sled::Tree,
    history: sled::Tree,
    unanswered: sled::Tree,
    reminders: sled::Tree,
    handoffs: sled::Tree,
    /// Staff thread → request id.
    handoff_threads: sled::Tree,
    taught: sled::Tree,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

/// The files sled keeps in a data directory (besides `blobs/` and `snap.*`).
const SLED_FILES: [&str; 2] = ["conf", "db"];

/// Whether a directory holds a sled database (its `conf` and `db` files).
pub fn is_data_dir(dir: &Path) -> bool {
    SLED_FILES.iter().all(|f| dir.join(f).is_file())
}

impl Store {
    /// Opens the data directory, creating it when it does not exist or is
    /// empty. A directory holding other files is refused (nothing in it is
    /// touched), as is one from a newer schema.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let path = dir.display().to_string();
        let empty = match std::fs::read_dir(dir) {
            Ok(mut entries) => entries.next().is_none(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
            Err(e) => {
                return Err(StoreError::Open {
                    path,
                    detail: e.to_string(),
                })
            }
        };
        if !empty && !is_data_dir(dir) {
            return Err(StoreError::Foreign { path });
        }
        let store = Store::open_sled(dir)?;
        if empty {
            // The new files' directory entries are on disk too.
            sync_dir(dir)?;
            if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
                sync_dir(parent)?;
            }
        }
        Ok(store)
    }

    /// Opens an existing data directory (for the commands that only read):
    /// a missing or empty one is an error and nothing is created.
    pub fn open_existing(dir: &Path) -> Result<Store, StoreError> {
        let path = dir.display().to_string();
        if !dir.is_dir() || !is_data_dir(dir) {
            let has_files = std::fs::read_dir(dir).is_ok_and(|mut e| e.next().is_some());
            return Err(if has_files {
                StoreError::Foreign { path }
            } else {
                StoreError::Missing { path }
            });
        }
        Store::open_sled(dir)
    }

    fn open_sled(dir: &Path) -> Result<Store, StoreError> {
        let path = dir.display().to_string();
        let open = || {
            sled::Config::new()
                .path(dir)
                .mode(sled::Mode::LowSpace)
                .cache_capacity(64 * 1024 * 1024)
                .open()
                .map_err(|e| match e {
                    sled::Error::Io(io) if io.to_string().contains("could not acquire lock") => {
                        StoreError::Locked { path: path.clone() }
                    }
                    sled::Error::Io(io) if is_full(&io) => StoreError::Full,
                    sled::Error::Corruption { .. } => StoreError::Damaged(e.to_string()),
                    e => StoreError::Open {
                        path: path.clone(),
                        detail: e.to_string(),
                    },
                })
        };
        let db = retry_locked(open)?;
        let log = Arc::new(File::open(dir.join("db"))?);
        let meta = db.open_tree("meta")?;
        match meta.get(SCHEMA_KEY)? {
            Some(v) => {
                let found = u32::from_be_bytes(
                    v.as_ref()
                        .try_into()
                        .map_err(|_| StoreError::Corrupt("schema version".into()))?,
                );
                if found > SCHEMA_VERSION {
                    return Err(StoreError::NewerSchema {
                        path,
                        found,
                        supported: SCHEMA_VERSION,
                    });
                }
            }
            None => {
                meta.insert(SCHEMA_KEY, &SCHEMA_VERSION.to_be_bytes())?;
                db.flush()?;
                log.sync_all()?;
            }
        }
        Ok(Store {
            offices: db.open_tree("offices")?,
            channels: db.open_tree("channels")?,
            history: db.open_tree("history")?,
            unanswered: db.open_tree("unanswered")?,
            reminders: db.open_tree("reminders")?,
            handoffs: db.open_tree("handoffs")?,
            handoff_threads: db.open_tree("handoff_threads")?,
            taught: db.open_tree("taught")?,
            meta,
            log,
            db,
            dir: Arc::from(dir),
        })
    }

    /// A note kept beside the data (not in it, so exports stay as they
    /// were): what the last import or restore was, by kind.
    pub fn note(&self, kind: &str) -> Option<String> {
        std::fs::read_to_string(self.dir.join(format!("{kind}.last"))).ok()
    }

    /// Writes a note (see [`Store::note`]) durably.
    pub fn set_note(&self, kind: &str, text: &str) -> Result<(), StoreError> {
        let path = self.dir.join(format!("{kind}.last"));
        std::fs::write(&path, text)?;
        File::open(&path)?.sync_all()?;
        sync_dir(&self.dir)
    }

    /// Writes a different schema version (for tests of the refusal path).
    pub fn set_schema_version(&self, v: u32) -> Result<(), StoreError> {
        self.meta.insert(SCHEMA_KEY, &v.to_be_bytes())?;
        self.flush()?;
        Ok(())
    }

    pub fn office(&self, number: &OfficeNumber) -> Result<Option<Office>, StoreError> {
        self.offices.get(number.as_str())?.map(|b| decode(&b)).transpose()
    }

    /// The office bound to a channel, if any (its number only).
    pub fn channel_holder(&self, channel: &str) -> Result<Option<OfficeNumber>, StoreError> {
        self.channels.get(channel)?.map(|n| number_of(&n)).transpose()
    }

    pub fn office_by_channel(&self, channel: &str) -> Result<Option<Office>, StoreError> {
        let Some(num) = self.channels.get(channel)? else {
            return Ok(None);
        };
        let num = String::from_utf8_lossy(&num).into_owned();
        self.offices.get(num.as_bytes())?.map(|b| decode(&b)).transpose()
    }

    /// An office's history, oldest first.
    pub fn history(&self, number: &OfficeNumber) -> Result<Vec<Event>, StoreError> {
        self.history
            .scan_prefix(history_prefix(number))
            .values()
            .map(|v| decode(&v?))
            .collect()
    }

    /// The last `n` events of an office's history, oldest first: what `/undo`
    /// reads, so its cost does not grow with the history.
    pub fn history_tail(&self, number: &OfficeNumber, n: usize) -> Result<Vec<Event>, StoreError> {
        let mut tail: Vec<Event> = self
            .history
            .scan_prefix(history_prefix(number))
            .values()
            .rev()
            .take(n)
            .map(|v| decode(&v?))
            .collect::<Result<_, _>>()?;
        tail.reverse();
        Ok(tail)
    }

    /// Every office, in number order.
    pub fn offices(&self) -> impl Iterator<Item = Result<Office, StoreError>> + '_ {
        self.offices.iter().values().map(|v| decode(&v?))
    }

    pub fn office_count(&self) -> usize {
        self.offices.len()
    }

    /// Applies one command's change atomically and flushes it to disk.
    pub fn apply(&self, change: &Change) -> Result<Applied, StoreError> {
        let res = self.apply_unflushed(change)?;
        if res == Applied::Stored {
            self.flush()?;
        }
        Ok(res)
    }

    /// Applies a change in one transaction without waiting for the disk
    /// (benchmarks and bulk import flush once at the end).
    pub fn apply_unflushed(&self, change: &Change) -> Result<Applied, StoreError> {
        if let Some(from) = change.renumbered_from() {
            return self.renumber(change, from);
        }
        let number = change.office.number.as_str().as_bytes();
        let office_bytes = encode(&change.office);
        let event_bytes = encode(&change.event);
        let hkey = history_key(&change.office.number, change.event.seq);
        let displaced = change.displaced.as_ref().map(|n| n.as_str().as_bytes().to_vec());
        let res = (&self.offices, &self.channels, &self.history).transaction(|(o, c, h)| {
            let current: Option<Office> = match o.get(number)? {
                Some(b) => Some(decode(&b).map_err(|e| ConflictableTransactionError::Abort(Abort::Store(e)))?),
                None => None,
            };
            if current.as_ref().map(|x| x.revision) != change.expected_revision {
                return Err(ConflictableTransactionError::Abort(Abort::Conflict));
            }
            if let Some(ch) = &change.bind {
                let bound = c.get(ch.as_bytes())?;
                let ok = match &bound {
                    None => true,
                    Some(b) => b.as_ref() == number || displaced.as_deref() == Some(b.as_ref()),
                };
                if !ok {
                    return Err(ConflictableTransactionError::Abort(Abort::Conflict));
                }
                c.insert(ch.as_bytes(), number)?;
            }
            if let Some(ch) = &change.unbind {
                if c.get(ch.as_bytes())?.is_some_and(|b| b.as_ref() == number) {
                    c.remove(ch.as_bytes())?;
                }
            }
            if let Some(d) = &displaced {
                if let Some(b) = o.get(d.as_slice())? {
                    let mut other: Office =
                        decode(&b).map_err(|e| ConflictableTransactionError::Abort(Abort::Store(e)))?;
                    if other.channel == change.bind {
                        other.channel = None;
                        o.insert(d.as_slice(), encode(&other))?;
                    }
                }
            }
            o.insert(number, office_bytes.as_slice())?;
            h.insert(hkey.as_slice(), event_bytes.as_slice())?;
            Ok(())
        });
        applied(res)
    }

    /// A corrected office number (see [`Change::renumbered_from`]), in one
    /// transaction: the office record, its history (the moved events keep
    /// their seqs, the correction's event follows them), its sent reminders
    /// and its channel binding move from `from` to the change's number, which
    /// must be free; the old number is free afterwards. A conflict when the
    /// office changed since it was read, or the new number was taken.
    fn renumber(&self, change: &Change, from: &OfficeNumber) -> Result<Applied, StoreError> {
        let to = &change.office.number;
        let reminder_prefix = |n: &OfficeNumber| format!("{}/", n.as_str());
        // Read before the transaction (sled's transactions cannot scan): the
        // revision check inside it proves nothing was added since, as every
        // event is written with its office.
        let history: Vec<(sled::IVec, sled::IVec)> = self
            .history
            .scan_prefix(history_prefix(from))
            .collect::<Result<_, _>>()?;
        let old_prefix = reminder_prefix(from);
        let reminders: Vec<(sled::IVec, sled::IVec)> = self
            .reminders
            .scan_prefix(old_prefix.as_bytes())
            .collect::<Result<_, _>>()?;
        let moved_reminders: Vec<(sled::IVec, Vec<u8>, sled::IVec)> = reminders
            .into_iter()
            .map(|(k, v)| {
                let mut new = reminder_prefix(to).into_bytes();
                new.extend_from_slice(&k[old_prefix.len()..]);
                (k, new, v)
            })
            .collect();
        let moved_history: Vec<(sled::IVec, Vec<u8>, sled::IVec)> = history
            .into_iter()
            .map(|(k, v)| {
                let mut new = history_prefix(to);
                new.extend_from_slice(&k[history_prefix(from).len()..]);
                (k, new, v)
            })
            .collect();
        let office_bytes = encode(&change.office);
        let event_bytes = encode(&change.event);
        let hkey = history_key(to, change.event.seq);
        let (old_key, new_key) = (from.as_str().as_bytes(), to.as_str().as_bytes());
        let res = (&self.offices, &self.channels, &self.history, &self.reminders).transaction(|(o, c, h, r)| {
            let current: Option<Office> = match o.get(old_key)? {
                Some(b) => Some(decode(&b).map_err(|e| ConflictableTransactionError::Abort(Abort::Store(e)))?),
                None => None,
            };
            if current.as_ref().map(|x| x.revision) != change.expected_revision || o.get(new_key)?.is_some() {
                return Err(ConflictableTransactionError::Abort(Abort::Conflict));
            }
            if let Some(ch) = &change.office.channel {
                if c.get(ch.as_bytes())?.is_some_and(|b| b.as_ref() == old_key) {
                    c.insert(ch.as_bytes(), new_key)?;
                }
            }
            for (old, new, v) in &moved_history {
                h.remove(old)?;
                h.insert(new.as_slice(), v)?;
            }
            for (old, new, v) in &moved_reminders {
                r.remove(old)?;
                r.insert(new.as_slice(), v)?;
            }
            o.remove(old_key)?;
            o.insert(new_key, office_bytes.as_slice())?;
            h.insert(hkey.as_slice(), event_bytes.as_slice())?;
            Ok(())
        });
        applied(res)
    }

    /// Makes everything written so far durable: sled's flush writes its log
    /// with `sync_file_range`, which survives a killed process but not a power
    /// cut (it flushes neither the drive's cache nor the file's size); the
    /// `fdatasync` after it does.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        self.log.sync_data()?;
        Ok(())
    }

    /// sled's flush alone (no fsync), for the benchmark that compares both.
    pub fn flush_sled_only(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }

    /// Records a question the bot could not answer.
    pub fn log_unanswered(&self, q: &Unanswered) -> Result<(), StoreError> {
        let key = unanswered_key(q.at, self.db.generate_id()?);
        self.unanswered.insert(key, encode(q))?;
        self.flush()?;
        Ok(())
    }

    /// Whether a reminder with this key was sent.
    pub fn reminder_sent(&self, key: &str) -> Result<bool, StoreError> {
        Ok(self.reminders.contains_key(key)?)
    }

    /// Records reminders as sent (at `at`, unix seconds) and flushes.
    pub fn mark_reminders(&self, keys: &[String], at: i64) -> Result<(), StoreError> {
        let mut batch = sled::Batch::default();
        for k in keys {
            batch.insert(k.as_bytes(), &at.to_be_bytes());
        }
        self.reminders.apply_batch(batch)?;
        self.flush()?;
        Ok(())
    }

    /// A small value kept across restarts (e.g. the dashboard message id).
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .meta
            .get(key.as_bytes())?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.meta.insert(key.as_bytes(), value.as_bytes())?;
        self.flush()?;
        Ok(())
    }

    /// Every unanswered question, oldest first.
    pub fn unanswered(&self) -> Result<Vec<Unanswered>, StoreError> {
        self.unanswered.iter().values().map(|v| decode(&v?)).collect()
    }

    /// The latest unanswered question asked in `channel` at or after
    /// `since`, looking through at most the `scan` latest questions.
    pub fn last_unanswered_in(&self, channel: &str, since: i64, scan: usize) -> Result<Option<Unanswered>, StoreError> {
        for v in self.unanswered.iter().values().rev().take(scan) {
            let q: Unanswered = decode(&v?)?;
            if q.at < since {
                break;
            }
            if q.channel.as_deref() == Some(channel) {
                return Ok(Some(q));
            }
        }
        Ok(None)
    }
}

/// What a command's transaction did.
fn applied(res: Result<(), TransactionError<Abort>>) -> Result<Applied, StoreError> {
    match res {
        Ok(()) => Ok(Applied::Stored),
        Err(TransactionError::Abort(Abort::Conflict)) => Ok(Applied::Conflict),
        Err(TransactionError::Abort(Abort::Store(e))) => Err(e),
        Err(TransactionError::Storage(e)) => Err(e.into()),
    }
}

/// fsyncs a directory, so that files created in it survive a power cut.
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir)?.sync_all()?;
    Ok(())
}

/// Runs `f` again for up to a second while it finds the directory locked:
/// a store this process just closed releases sled's lock only when sled's
/// last background thread lets go of the file. Another process's lock is
/// reported after that second.
pub(crate) fn retry_locked<T>(mut f: impl FnMut() -> Result<T, StoreError>) -> Result<T, StoreError> {
    let mut tries = 0;
    loop {
        match f() {
            Err(StoreError::Locked { .. }) if tries < 20 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            other => return other,
        }
    }
}
