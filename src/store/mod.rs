//! The store: the only code that names sled. Trees `offices`, `channels`,
//! `history`, `unanswered`, `reminders` and `meta` (with the schema
//! version); one command's writes are one transaction, flushed before the
//! reply goes out. It imports nothing above the records it keeps.
//!
//! - `codec`: versioned JSON records and key layouts
//! - `bulk`: the roster import's batched writes of planned changes
//! - `backup`: export and restore (the `dump` format)

mod backup;
mod bulk;
mod codec;

use std::path::Path;

use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};

use crate::model::{Change, Event, Office, Unanswered};
use crate::office_number::OfficeNumber;
use codec::{decode, encode, history_key, history_prefix, number_of, unanswered_key};

pub use crate::model::SCHEMA_VERSION;
pub use backup::RestoreError;
pub use bulk::BULK_CHUNK;
const SCHEMA_KEY: &[u8] = b"schema";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the data directory {path}: {detail}")]
    Open { path: String, detail: String },
    #[error("the data directory {path} was written by a newer version (schema {found}, this build reads up to {supported}); it was left untouched")]
    NewerSchema { path: String, found: u32, supported: u32 },
    #[error("a record was written by a newer version (record version {0})")]
    NewerRecord(u32),
    #[error("corrupt record: {0}")]
    Corrupt(String),
    #[error("the office kept changing underneath the command; try again")]
    Contention,
    #[error("storage error: {0}")]
    Sled(#[from] sled::Error),
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
    meta: sled::Tree,
    offices: sled::Tree,
    channels: sled::Tree,
    history: sled::Tree,
    unanswered: sled::Tree,
    reminders: sled::Tree,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (or creates) the data directory. A directory from a newer schema
    /// is refused and left as it is.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let path = dir.display().to_string();
        let db = sled::Config::new()
            .path(dir)
            .mode(sled::Mode::LowSpace)
            .cache_capacity(64 * 1024 * 1024)
            .open()
            .map_err(|e| StoreError::Open {
                path: path.clone(),
                detail: e.to_string(),
            })?;
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
            }
        }
        Ok(Store {
            offices: db.open_tree("offices")?,
            channels: db.open_tree("channels")?,
            history: db.open_tree("history")?,
            unanswered: db.open_tree("unanswered")?,
            reminders: db.open_tree("reminders")?,
            meta,
            db,
        })
    }

    /// Writes a different schema version (for tests of the refusal path).
    pub fn set_schema_version(&self, v: u32) -> Result<(), StoreError> {
        self.meta.insert(SCHEMA_KEY, &v.to_be_bytes())?;
        self.db.flush()?;
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
            self.db.flush()?;
        }
        Ok(res)
    }

    /// Applies a change in one transaction without waiting for the disk
    /// (benchmarks and bulk import flush once at the end).
    pub fn apply_unflushed(&self, change: &Change) -> Result<Applied, StoreError> {
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
        match res {
            Ok(()) => Ok(Applied::Stored),
            Err(TransactionError::Abort(Abort::Conflict)) => Ok(Applied::Conflict),
            Err(TransactionError::Abort(Abort::Store(e))) => Err(e),
            Err(TransactionError::Storage(e)) => Err(e.into()),
        }
    }

    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }

    /// Records a question the bot could not answer.
    pub fn log_unanswered(&self, q: &Unanswered) -> Result<(), StoreError> {
        let key = unanswered_key(q.at, self.db.generate_id()?);
        self.unanswered.insert(key, encode(q))?;
        self.db.flush()?;
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
        self.db.flush()?;
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
        self.db.flush()?;
        Ok(())
    }

    /// Every unanswered question, oldest first.
    pub fn unanswered(&self) -> Result<Vec<Unanswered>, StoreError> {
        self.unanswered.iter().values().map(|v| decode(&v?)).collect()
    }
}
