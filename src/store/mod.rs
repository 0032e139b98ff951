//! The store: the only code that names sled. Trees `offices`, `channels`,
//! `history`, `unanswered`, `reminders`, `handoffs` (with `handoff_threads`),
//! `taught` and `meta` (with the schema version), and for the 代理人:
//! `agents`, `agent_channels`, `agent_history` and `agent_offices` (the index
//! of each 代理人's offices, kept from [`Office::agent`] by every write); one
//! command's writes are one transaction, flushed before the reply goes out.
//! It imports nothing above the records it keeps.
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

use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional, TransactionalTree};

use crate::model::{Action, Agent, AgentWrite, Change, Event, Office, OfficeWrite, Unanswered, RECORD_VERSION};
use crate::office_number::OfficeNumber;
use crate::reply::Msg;
use codec::{
    agent_history_key, agent_office_key, agent_prefix, decode, encode, history_key, history_prefix, number_of,
    split_key, unanswered_key, utf8,
};

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

type TxResult<T> = Result<T, ConflictableTransactionError<Abort>>;

fn conflict<T>() -> TxResult<T> {
    Err(ConflictableTransactionError::Abort(Abort::Conflict))
}

fn decode_tx<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> TxResult<T> {
    decode(bytes).map_err(|e| ConflictableTransactionError::Abort(Abort::Store(e)))
}

/// What a corrected office number moves (old key, new key, value), read
/// before its transaction.
struct Renumber {
    from: OfficeNumber,
    history: Vec<(sled::IVec, Vec<u8>, sled::IVec)>,
    reminders: Vec<(sled::IVec, Vec<u8>, sled::IVec)>,
    /// The 代理人's events about the office, rewritten with the new number.
    agent_events: Vec<(sled::IVec, Vec<u8>)>,
}

/// The trees one command's transaction writes.
struct Tx<'t> {
    offices: &'t TransactionalTree,
    channels: &'t TransactionalTree,
    history: &'t TransactionalTree,
    reminders: &'t TransactionalTree,
    agents: &'t TransactionalTree,
    agent_channels: &'t TransactionalTree,
    agent_history: &'t TransactionalTree,
    agent_offices: &'t TransactionalTree,
}

impl Tx<'_> {
    /// Writes an office's new state and event (and its bindings and index
    /// entries) if it is still at the expected revision.
    fn office(&self, w: &OfficeWrite, office_bytes: &[u8], event_bytes: &[u8]) -> TxResult<()> {
        let number = w.office.number.as_str().as_bytes();
        let current: Option<Office> = match self.offices.get(number)? {
            Some(b) => Some(decode_tx(&b)?),
            None => None,
        };
        if current.as_ref().map(|x| x.revision) != w.expected_revision {
            return conflict();
        }
        let displaced = w.displaced.as_ref().map(|n| n.as_str().as_bytes());
        if let Some(ch) = &w.bind {
            // A 代理人's channel is never an office's.
            if self.agent_channels.get(ch.as_bytes())?.is_some() {
                return conflict();
            }
            let ok = match self.channels.get(ch.as_bytes())? {
                None => true,
                Some(b) => b.as_ref() == number || displaced == Some(b.as_ref()),
            };
            if !ok {
                return conflict();
            }
            self.channels.insert(ch.as_bytes(), number)?;
        }
        if let Some(ch) = &w.unbind {
            if self.channels.get(ch.as_bytes())?.is_some_and(|b| b.as_ref() == number) {
                self.channels.remove(ch.as_bytes())?;
            }
        }
        if let Some(d) = displaced {
            if let Some(b) = self.offices.get(d)? {
                let mut other: Office = decode_tx(&b)?;
                if other.channel == w.bind {
                    other.channel = None;
                    other.v = RECORD_VERSION;
                    self.offices.insert(d, encode(&other))?;
                }
            }
        }
        let old_agent = current.as_ref().and_then(|o| o.agent.as_deref());
        if old_agent != w.office.agent.as_deref() {
            if let Some(k) = old_agent {
                self.agent_offices.remove(agent_office_key(k, &w.office.number))?;
            }
            if let Some(k) = &w.office.agent {
                self.agent_offices.insert(agent_office_key(k, &w.office.number), &[])?;
            }
        }
        self.offices.insert(number, office_bytes)?;
        self.history
            .insert(history_key(&w.office.number, w.event.seq), event_bytes)?;
        Ok(())
    }

    /// A corrected office number, in the command's transaction: the office
    /// record, its history (the moved events keep their seqs, the
    /// correction's event follows them), its sent reminders, its channel
    /// binding and its entry among its 代理人's offices move from the old
    /// number to the write's, which must be free; the old number is free
    /// afterwards. A conflict when the office changed since it was read, or
    /// the new number was taken.
    fn renumber(&self, w: &OfficeWrite, m: &Renumber, office_bytes: &[u8], event_bytes: &[u8]) -> TxResult<()> {
        let to = &w.office.number;
        let (old_key, new_key) = (m.from.as_str().as_bytes(), to.as_str().as_bytes());
        let current: Option<Office> = match self.offices.get(old_key)? {
            Some(b) => Some(decode_tx(&b)?),
            None => None,
        };
        if current.as_ref().map(|x| x.revision) != w.expected_revision || self.offices.get(new_key)?.is_some() {
            return conflict();
        }
        if let Some(ch) = &w.office.channel {
            if self.channels.get(ch.as_bytes())?.is_some_and(|b| b.as_ref() == old_key) {
                self.channels.insert(ch.as_bytes(), new_key)?;
            }
        }
        for (old, new, v) in &m.history {
            self.history.remove(old)?;
            self.history.insert(new.as_slice(), v)?;
        }
        for (old, new, v) in &m.reminders {
            self.reminders.remove(old)?;
            self.reminders.insert(new.as_slice(), v)?;
        }
        if let Some(k) = current.as_ref().and_then(|o| o.agent.as_deref()) {
            self.agent_offices.remove(agent_office_key(k, &m.from))?;
        }
        if let Some(k) = &w.office.agent {
            self.agent_offices.insert(agent_office_key(k, to), &[])?;
        }
        for (k, v) in &m.agent_events {
            self.agent_history.insert(k, v.as_slice())?;
        }
        self.offices.remove(old_key)?;
        self.offices.insert(new_key, office_bytes)?;
        self.history.insert(history_key(to, w.event.seq), event_bytes)?;
        Ok(())
    }

    /// Writes a 代理人's new state and event (and its channel) if it is still
    /// at the expected revision.
    fn agent(&self, w: &AgentWrite, agent_bytes: &[u8], event_bytes: &[u8]) -> TxResult<()> {
        let key = w.agent.key.as_bytes();
        let current: Option<Agent> = match self.agents.get(key)? {
            Some(b) => Some(decode_tx(&b)?),
            None => None,
        };
        if current.as_ref().map(|x| x.revision) != w.expected_revision {
            return conflict();
        }
        if let Some(ch) = &w.bind {
            // An office's channel is never a 代理人's.
            if self.channels.get(ch.as_bytes())?.is_some() {
                return conflict();
            }
            if self
                .agent_channels
                .get(ch.as_bytes())?
                .is_some_and(|b| b.as_ref() != key)
            {
                return conflict();
            }
            self.agent_channels.insert(ch.as_bytes(), key)?;
        }
        if let Some(ch) = &w.unbind {
            if self
                .agent_channels
                .get(ch.as_bytes())?
                .is_some_and(|b| b.as_ref() == key)
            {
                self.agent_channels.remove(ch.as_bytes())?;
            }
        }
        self.agents.insert(key, agent_bytes)?;
        self.agent_history
            .insert(agent_history_key(&w.agent.key, w.event.seq), event_bytes)?;
        Ok(())
    }
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
    agents: sled::Tree,
    agent_channels: sled::Tree,
    agent_history: sled::Tree,
    agent_offices: sled::Tree,
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
        let store = Store::open_sled(dir, true)?;
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
        Store::open_sled(dir, false)
    }

    /// Opens sled and checks the schema: a newer one is refused; an older
    /// one is upgraded when `upgrade` (the directory is opened to write),
    /// else read as it is.
    fn open_sled(dir: &Path, upgrade: bool) -> Result<Store, StoreError> {
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
                // The layouts only add trees: an older directory is this
                // one's once it says so, and a build that knows less then
                // refuses it instead of missing what it cannot see.
                if found < SCHEMA_VERSION && upgrade {
                    meta.insert(SCHEMA_KEY, &SCHEMA_VERSION.to_be_bytes())?;
                    db.flush()?;
                    log.sync_all()?;
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
            agents: db.open_tree("agents")?,
            agent_channels: db.open_tree("agent_channels")?,
            agent_history: db.open_tree("agent_history")?,
            agent_offices: db.open_tree("agent_offices")?,
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

    /// The data directory's layout version.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        let v = self
            .meta
            .get(SCHEMA_KEY)?
            .ok_or_else(|| StoreError::Corrupt("no schema version".into()))?;
        v.as_ref()
            .try_into()
            .map(u32::from_be_bytes)
            .map_err(|_| StoreError::Corrupt("schema version".into()))
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
        events(&self.history, history_prefix(number))
    }

    /// The last `n` events of an office's history, oldest first: what `/undo`
    /// reads, so its cost does not grow with the history.
    pub fn history_tail(&self, number: &OfficeNumber, n: usize) -> Result<Vec<Event>, StoreError> {
        events_tail(&self.history, history_prefix(number), n)
    }

    /// Every office, in number order.
    pub fn offices(&self) -> impl Iterator<Item = Result<Office, StoreError>> + '_ {
        self.offices.iter().values().map(|v| decode(&v?))
    }

    pub fn office_count(&self) -> usize {
        self.offices.len()
    }

    /// The 代理人 stored under a key ([`crate::model::agent_key`]).
    pub fn agent(&self, key: &str) -> Result<Option<Agent>, StoreError> {
        self.agents.get(key.as_bytes())?.map(|b| decode(&b)).transpose()
    }

    /// The 代理人 bound to a channel, if any.
    pub fn agent_by_channel(&self, channel: &str) -> Result<Option<Agent>, StoreError> {
        match self.agent_channels.get(channel)? {
            Some(k) => self.agent(&utf8(&k, "agent key")?),
            None => Ok(None),
        }
    }

    /// Every 代理人, in key order.
    pub fn agents(&self) -> impl Iterator<Item = Result<Agent, StoreError>> + '_ {
        self.agents.iter().values().map(|v| decode(&v?))
    }

    /// The numbers of a 代理人's offices, in number order (from the index).
    pub fn agent_office_numbers(&self, key: &str) -> Result<Vec<OfficeNumber>, StoreError> {
        self.agent_offices
            .scan_prefix(agent_prefix(key))
            .keys()
            .map(|k| {
                let k = k?;
                let (_, number) = split_key(&k).ok_or_else(|| StoreError::Corrupt("agent office key".into()))?;
                number_of(number)
            })
            .collect()
    }

    /// A 代理人's offices, in number order.
    pub fn agent_offices(&self, key: &str) -> Result<Vec<Office>, StoreError> {
        let mut out = Vec::new();
        for n in self.agent_office_numbers(key)? {
            if let Some(o) = self.office(&n)? {
                out.push(o);
            }
        }
        Ok(out)
    }

    /// A 代理人's history, oldest first.
    pub fn agent_history(&self, key: &str) -> Result<Vec<Event>, StoreError> {
        events(&self.agent_history, agent_prefix(key))
    }

    /// The last `n` events of a 代理人's history, oldest first (for `/undo`).
    pub fn agent_history_tail(&self, key: &str, n: usize) -> Result<Vec<Event>, StoreError> {
        events_tail(&self.agent_history, agent_prefix(key), n)
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
        let office = change.office.as_ref().map(|w| (w, encode(&w.office), encode(&w.event)));
        let agent = change.agent.as_ref().map(|w| (w, encode(&w.agent), encode(&w.event)));
        let moves = match change.office.as_ref() {
            Some(w) => match w.renumbered_from() {
                Some(from) => Some(self.renumber_moves(w, from)?),
                None => None,
            },
            None => None,
        };
        let trees = (
            &self.offices,
            &self.channels,
            &self.history,
            &self.reminders,
            &self.agents,
            &self.agent_channels,
            &self.agent_history,
            &self.agent_offices,
        );
        let res = trees.transaction(|(o, c, h, r, a, ac, ah, ao)| {
            let tx = Tx {
                offices: o,
                channels: c,
                history: h,
                reminders: r,
                agents: a,
                agent_channels: ac,
                agent_history: ah,
                agent_offices: ao,
            };
            // The office first: it may leave the channel the 代理人 takes.
            if let Some((w, record, event)) = &office {
                match &moves {
                    Some(m) => tx.renumber(w, m, record, event)?,
                    None => tx.office(w, record, event)?,
                }
            }
            if let Some((w, record, event)) = &agent {
                tx.agent(w, record, event)?;
            }
            Ok(())
        });
        applied(res)
    }

    /// What a corrected office number (see [`OfficeWrite::renumbered_from`])
    /// moves, read before the transaction (sled's transactions cannot scan):
    /// the revision check inside it proves nothing was added since, as every
    /// event (the office's, and its 代理人's about it) is written with the
    /// office.
    fn renumber_moves(&self, w: &OfficeWrite, from: &OfficeNumber) -> Result<Renumber, StoreError> {
        let to = &w.office.number;
        let reminder_prefix = |n: &OfficeNumber| format!("{}/", n.as_str());
        let old_prefix = reminder_prefix(from);
        let mut reminders = Vec::new();
        for kv in self.reminders.scan_prefix(old_prefix.as_bytes()) {
            let (k, v) = kv?;
            let mut new = reminder_prefix(to).into_bytes();
            new.extend_from_slice(&k[old_prefix.len()..]);
            reminders.push((k, new, v));
        }
        let mut history = Vec::new();
        for kv in self.history.scan_prefix(history_prefix(from)) {
            let (k, v) = kv?;
            let mut new = history_prefix(to);
            new.extend_from_slice(&k[history_prefix(from).len()..]);
            history.push((k, new, v));
        }
        // The 代理人's events about the office name it by its number.
        let mut agent_events = Vec::new();
        if let Some(key) = &w.office.agent {
            for kv in self.agent_history.scan_prefix(agent_prefix(key)) {
                let (k, v) = kv?;
                let mut event: Event = decode(&v)?;
                if let Action::OfficeTaskDone { number, .. } = &mut event.action {
                    if number == from {
                        *number = to.clone();
                        event.v = RECORD_VERSION;
                        agent_events.push((k, encode(&event)));
                    }
                }
            }
        }
        Ok(Renumber {
            from: from.clone(),
            history,
            reminders,
            agent_events,
        })
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

/// The events under a key prefix of a history tree, oldest first.
fn events(tree: &sled::Tree, prefix: Vec<u8>) -> Result<Vec<Event>, StoreError> {
    tree.scan_prefix(prefix).values().map(|v| decode(&v?)).collect()
}

/// The last `n` events under a key prefix, oldest first: read from the end,
/// so the cost does not grow with the history.
fn events_tail(tree: &sled::Tree, prefix: Vec<u8>, n: usize) -> Result<Vec<Event>, StoreError> {
    let mut tail: Vec<Event> = tree
        .scan_prefix(prefix)
        .values()
        .rev()
        .take(n)
        .map(|v| decode(&v?))
        .collect::<Result<_, _>>()?;
    tail.reverse();
    Ok(tail)
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
