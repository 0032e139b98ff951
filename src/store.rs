//! The store: the only module that knows sled. Offices, channel bindings,
//! per-office history and a schema version; one command's writes are one
//! transaction, flushed before the reply goes out.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};

use crate::engine::Change;
use crate::model::{Event, Office, RECORD_VERSION};
use crate::office_number::OfficeNumber;

/// The layout version of the data directory.
pub const SCHEMA_VERSION: u32 = 1;
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

/// A question the bot could not answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unanswered {
    pub v: u32,
    pub at: i64,
    pub text: String,
    pub lang: String,
    #[serde(default)]
    pub office: Option<String>,
    #[serde(default)]
    pub channel: Option<String>,
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

#[derive(Deserialize)]
struct Versioned {
    v: u32,
}

/// The record version: read from the leading `{"v":N,` that every record
/// starts with (serde writes `v` first), or by a parse when it does not.
fn version(bytes: &[u8]) -> Result<u32, StoreError> {
    if let Some(rest) = bytes.strip_prefix(b"{\"v\":") {
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits > 0 && digits < 10 && rest.get(digits).is_some_and(|b| matches!(b, b',' | b'}')) {
            return Ok(rest[..digits].iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')));
        }
    }
    let ver: Versioned = serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(ver.v)
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    let v = version(bytes)?;
    if v > RECORD_VERSION {
        return Err(StoreError::NewerRecord(v));
    }
    serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn encode<T: Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).expect("records serialize")
}

fn history_key(number: &OfficeNumber, seq: u64) -> Vec<u8> {
    let mut k = number.as_str().as_bytes().to_vec();
    k.push(0);
    k.extend_from_slice(&seq.to_be_bytes());
    k
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

    pub fn office_by_channel(&self, channel: &str) -> Result<Option<Office>, StoreError> {
        let Some(num) = self.channels.get(channel)? else {
            return Ok(None);
        };
        let num = String::from_utf8_lossy(&num).into_owned();
        self.offices.get(num.as_bytes())?.map(|b| decode(&b)).transpose()
    }

    /// An office's history, oldest first.
    pub fn history(&self, number: &OfficeNumber) -> Result<Vec<Event>, StoreError> {
        let mut prefix = number.as_str().as_bytes().to_vec();
        prefix.push(0);
        self.history.scan_prefix(prefix).values().map(|v| decode(&v?)).collect()
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
        let id = self.db.generate_id()?;
        let mut key = q.at.to_be_bytes().to_vec();
        key.extend_from_slice(&id.to_be_bytes());
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

// ------------------------------------------------------------------------
// Roster import, export and restore (the `import` and `export` commands).

/// Rows written per sled transaction by the bulk writes. Small on purpose:
/// sled keeps the page versions a batch creates until it is applied; for
/// 250,000 offices 10,000-row batches peaked over 400 MB, 1,000-row ones
/// about 230 MB, and were no slower.
const BULK_CHUNK: usize = 1_000;

/// Who the roster import acts as in history events.
pub fn import_actor() -> crate::model::Actor {
    crate::model::Actor {
        id: "import".into(),
        name: "import".into(),
        staff: true,
        local: true,
    }
}

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

/// The phase a bulk import reports progress for.
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
    Rows(Vec<crate::roster::RowError>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn bulk_commit(trees: [&sled::Tree; 3], batches: [&sled::Batch; 3]) -> Result<(), StoreError> {
    let [a, b, c] = trees;
    (a, b, c)
        .transaction(|(ta, tb, tc)| {
            ta.apply_batch(batches[0])?;
            tb.apply_batch(batches[1])?;
            tc.apply_batch(batches[2])?;
            Ok::<(), ConflictableTransactionError<()>>(())
        })
        .map_err(|e| match e {
            TransactionError::Storage(e) => StoreError::Sled(e),
            TransactionError::Abort(()) => StoreError::Corrupt("bulk write aborted".into()),
        })
}

fn utf8(bytes: &[u8], what: &str) -> Result<String, StoreError> {
    String::from_utf8(bytes.to_vec()).map_err(|_| StoreError::Corrupt(format!("{what} is not UTF-8")))
}

fn number_of(bytes: &[u8]) -> Result<OfficeNumber, StoreError> {
    OfficeNumber::try_from(utf8(bytes, "office number")?).map_err(|e| StoreError::Corrupt(e.to_string()))
}

impl Store {
    /// Imports validated roster rows (from [`crate::roster::parse`]): creates
    /// new offices (history: `Registered` by [`import_actor`]), updates the
    /// name, mode, software and channel of existing ones (`Updated` and
    /// `Bound` events, only for what changed; progress is never touched),
    /// and binds channels. An empty software or channel keeps the office's.
    ///
    /// All or nothing against the store: every row is checked first (a
    /// channel bound to another office that the roster does not move
    /// elsewhere is refused, as are unreadable records), and only then is
    /// anything written, in chunked transactions and one flush at the end.
    pub fn import_roster(
        &self,
        rows: &[crate::roster::Row],
        now: i64,
        progress: &mut dyn FnMut(ImportStage, usize, usize),
    ) -> Result<ImportReport, ImportError> {
        use crate::model::Action;
        use crate::roster::{RowError, RowErrorKind};
        use std::collections::{HashMap, HashSet};

        let total = rows.len();
        let by_number: HashMap<&str, &crate::roster::Row> = rows.iter().map(|r| (r.number.as_str(), r)).collect();
        let claimed: HashSet<&str> = rows.iter().filter_map(|r| r.channel.as_deref()).collect();

        let mut errors = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            // Decodes the record: a corrupt or newer one stops the import here.
            self.office(&row.number)?;
            if let Some(ch) = &row.channel {
                if let Some(bound) = self.channels.get(ch.as_bytes()).map_err(StoreError::from)? {
                    let moved_away = by_number
                        .get(String::from_utf8_lossy(&bound).as_ref())
                        .is_some_and(|r| r.channel.as_deref().is_some_and(|c| c != ch));
                    if bound.as_ref() != row.number.as_str().as_bytes() && !moved_away {
                        errors.push(RowError {
                            line: row.line,
                            kind: RowErrorKind::ChannelBound {
                                channel: ch.clone(),
                                number: String::from_utf8_lossy(&bound).into_owned(),
                            },
                        });
                    }
                }
            }
            if (i + 1) % BULK_CHUNK == 0 {
                progress(ImportStage::Checking, i + 1, total);
            }
        }
        progress(ImportStage::Checking, total, total);
        if !errors.is_empty() {
            return Err(ImportError::Rows(errors));
        }

        // Write in number order: sequential keys keep sled's pages warm.
        let mut order: Vec<&crate::roster::Row> = rows.iter().collect();
        order.sort_unstable_by(|a, b| a.number.cmp(&b.number));
        let actor = import_actor();
        let event = |seq: u64, action: Action| Event {
            v: RECORD_VERSION,
            seq,
            at: now,
            actor: actor.clone(),
            action,
        };
        let mut report = ImportReport::default();
        let mut written = 0;
        for chunk in order.chunks(BULK_CHUNK) {
            let mut offices = sled::Batch::default();
            let mut channels = sled::Batch::default();
            let mut history = sled::Batch::default();
            for row in chunk {
                let key = row.number.as_str().as_bytes();
                let Some(cur) = self.office(&row.number)? else {
                    let mut office = Office::new(
                        row.number.clone(),
                        row.name.clone(),
                        row.mode,
                        row.software.clone(),
                        row.channel.clone(),
                        now,
                    );
                    office.revision = 1;
                    let ev = event(
                        1,
                        Action::Registered {
                            name: row.name.clone(),
                            mode: row.mode,
                            software: row.software.clone(),
                        },
                    );
                    history.insert(history_key(&row.number, 1), encode(&ev));
                    offices.insert(key, encode(&office));
                    if let Some(ch) = &row.channel {
                        channels.insert(ch.as_bytes(), key);
                    }
                    report.created += 1;
                    continue;
                };
                let software = row.software.clone().or_else(|| cur.software.clone());
                let channel = row.channel.clone().or_else(|| cur.channel.clone());
                let details = cur.name != row.name || cur.mode != row.mode || cur.software != software;
                let rebind = channel != cur.channel;
                if !details && !rebind {
                    report.unchanged += 1;
                    continue;
                }
                let mut after = cur.clone();
                if details {
                    after.revision += 1;
                    let ev = event(
                        after.revision,
                        Action::Updated {
                            name: row.name.clone(),
                            mode: row.mode,
                            software: software.clone(),
                            prev_name: cur.name.clone(),
                            prev_mode: cur.mode,
                            prev_software: cur.software.clone(),
                        },
                    );
                    history.insert(history_key(&row.number, ev.seq), encode(&ev));
                    after.name = row.name.clone();
                    after.mode = row.mode;
                    after.software = software;
                }
                if rebind {
                    let ch = channel.clone().expect("a changed binding names a channel");
                    after.revision += 1;
                    let ev = event(
                        after.revision,
                        Action::Bound {
                            channel: ch.clone(),
                            prev: cur.channel.clone(),
                        },
                    );
                    history.insert(history_key(&row.number, ev.seq), encode(&ev));
                    channels.insert(ch.as_bytes(), key);
                    if let Some(old) = &cur.channel {
                        // Leave the old channel, unless another row takes it.
                        if !claimed.contains(old.as_str())
                            && self
                                .channels
                                .get(old.as_bytes())
                                .map_err(StoreError::from)?
                                .is_some_and(|b| b.as_ref() == key)
                        {
                            channels.remove(old.as_bytes());
                        }
                    }
                    after.channel = Some(ch);
                }
                after.updated_at = now;
                offices.insert(key, encode(&after));
                report.updated += 1;
            }
            bulk_commit(
                [&self.offices, &self.channels, &self.history],
                [&offices, &channels, &history],
            )?;
            written += chunk.len();
            progress(ImportStage::Writing, written, total);
        }
        self.db.flush().map_err(StoreError::from)?;
        Ok(report)
    }

    fn history_groups(&self) -> impl Iterator<Item = Result<(OfficeNumber, Vec<Event>), StoreError>> + '_ {
        let mut it = self.history.iter();
        // The first entry of the next office, read ahead.
        let mut pending: Option<(Vec<u8>, Event)> = None;
        let mut next = move || -> Option<Result<(Vec<u8>, Event), StoreError>> {
            let (k, v) = match it.next()? {
                Ok(kv) => kv,
                Err(e) => return Some(Err(e.into())),
            };
            let Some(end) = k.iter().position(|b| *b == 0) else {
                return Some(Err(StoreError::Corrupt("history key".into())));
            };
            Some(decode(&v).map(|e| (k[..end].to_vec(), e)))
        };
        std::iter::from_fn(move || {
            let (prefix, first) = match pending.take() {
                Some(p) => p,
                None => match next()? {
                    Ok(p) => p,
                    Err(e) => return Some(Err(e)),
                },
            };
            let mut events = vec![first];
            loop {
                match next() {
                    None => break,
                    Some(Err(e)) => return Some(Err(e)),
                    Some(Ok((p, e))) if p == prefix => events.push(e),
                    Some(Ok(other)) => {
                        pending = Some(other);
                        break;
                    }
                }
            }
            Some(number_of(&prefix).map(|n| (n, events)))
        })
    }

    fn meta_entries(&self) -> impl Iterator<Item = Result<(String, String), StoreError>> + '_ {
        self.meta
            .iter()
            .filter(|kv| !matches!(kv, Ok((k, _)) if k.as_ref() == SCHEMA_KEY))
            .map(|kv| {
                let (k, v) = kv?;
                Ok((utf8(&k, "meta key")?, String::from_utf8_lossy(&v).into_owned()))
            })
    }

    fn reminder_entries(&self) -> impl Iterator<Item = Result<(String, i64), StoreError>> + '_ {
        self.reminders.iter().map(|kv| {
            let (k, v) = kv?;
            let at = v
                .as_ref()
                .try_into()
                .map(i64::from_be_bytes)
                .map_err(|_| StoreError::Corrupt("reminder time".into()))?;
            Ok((utf8(&k, "reminder key")?, at))
        })
    }

    fn channel_entries(&self) -> impl Iterator<Item = Result<(String, OfficeNumber), StoreError>> + '_ {
        self.channels.iter().map(|kv| {
            let (k, v) = kv?;
            Ok((utf8(&k, "channel")?, number_of(&v)?))
        })
    }

    /// Writes the whole data directory as JSON (the [`crate::dump::Dump`]
    /// format), streamed record by record.
    pub fn export_json<W: std::io::Write>(&self, w: W) -> Result<(), serde_json::Error> {
        crate::dump::write_json(
            w,
            crate::dump::Sections {
                schema: SCHEMA_VERSION,
                offices: self.offices(),
                channels: self.channel_entries(),
                history: self.history_groups(),
                unanswered: self.unanswered.iter().values().map(|v| decode(&v?)),
                reminders: self.reminder_entries(),
                meta: self.meta_entries(),
            },
        )
    }

    /// The whole data directory in memory (small stores and tests).
    pub fn dump(&self) -> Result<crate::dump::Dump, StoreError> {
        Ok(crate::dump::Dump {
            schema: SCHEMA_VERSION,
            offices: self.offices().collect::<Result<_, _>>()?,
            channels: self.channel_entries().collect::<Result<_, _>>()?,
            history: self.history_groups().collect::<Result<_, _>>()?,
            unanswered: self.unanswered()?,
            reminders: self.reminder_entries().collect::<Result<_, _>>()?,
            meta: self.meta_entries().collect::<Result<_, _>>()?,
        })
    }

    /// Whether the data directory holds any office, binding, history,
    /// question or reminder.
    pub fn has_data(&self) -> bool {
        [
            &self.offices,
            &self.channels,
            &self.history,
            &self.unanswered,
            &self.reminders,
        ]
        .iter()
        .any(|t| !t.is_empty())
    }

    /// Restores an export into an empty data directory. `open` is called
    /// twice: the first reading checks the whole file and writes nothing;
    /// the second writes it in chunks, flushed once at the end. Records are
    /// stored as they were exported, so exporting again gives the same JSON.
    /// Should the second reading fail, what it wrote is removed again.
    pub fn restore_json<R: std::io::Read>(
        &self,
        mut open: impl FnMut() -> std::io::Result<R>,
    ) -> Result<crate::dump::Counts, crate::dump::RestoreError> {
        use crate::dump::{self, DumpProblem, Item, RestoreError};
        if self.has_data() {
            return Err(RestoreError::NotEmpty {
                offices: self.office_count(),
            });
        }
        let io = |e: std::io::Error| RestoreError::Io(e.to_string());
        let counts = dump::check(open().map_err(io)?)?;

        let mut batches: [sled::Batch; 5] = Default::default();
        let mut pending = 0;
        let mut failure: Option<StoreError> = None;
        let trees = [
            &self.offices,
            &self.channels,
            &self.history,
            &self.unanswered,
            &self.reminders,
        ];
        let write = |batches: &mut [sled::Batch; 5]| -> Result<(), StoreError> {
            for (tree, batch) in trees.iter().zip(batches.iter_mut()) {
                tree.apply_batch(std::mem::take(batch))?;
            }
            Ok(())
        };
        let mut sink = |item: Item| -> Result<(), DumpProblem> {
            let res = (|| -> Result<(), StoreError> {
                match item {
                    Item::Schema(_) => {}
                    Item::Office(o) => batches[0].insert(o.number.as_str().as_bytes(), encode(&o)),
                    Item::Channel(ch, n) => batches[1].insert(ch.as_bytes(), n.as_str().as_bytes()),
                    Item::History(n, e) => batches[2].insert(history_key(&n, e.seq), encode(&e)),
                    Item::Unanswered(q) => {
                        let mut key = q.at.to_be_bytes().to_vec();
                        key.extend_from_slice(&self.db.generate_id()?.to_be_bytes());
                        batches[3].insert(key, encode(&q));
                    }
                    Item::Reminder(k, at) => batches[4].insert(k.as_bytes(), &at.to_be_bytes()),
                    Item::Meta(k, v) => {
                        if k.as_bytes() != SCHEMA_KEY {
                            self.meta.insert(k.as_bytes(), v.as_bytes())?;
                        }
                    }
                }
                pending += 1;
                if pending >= BULK_CHUNK {
                    pending = 0;
                    write(&mut batches)?;
                }
                Ok(())
            })();
            res.map_err(|e| {
                let p = DumpProblem::Write(e.to_string());
                failure = Some(e);
                p
            })
        };
        let res = open()
            .map_err(io)
            .and_then(|r| dump::read_json(r, &mut sink))
            .and_then(|()| write(&mut batches).map_err(RestoreError::from))
            .and_then(|()| self.db.flush().map_err(|e| RestoreError::Store(e.into())));
        if let Err(e) = res {
            for t in trees {
                let _ = t.clear();
            }
            let _ = self.db.flush();
            return Err(match failure {
                Some(f) => RestoreError::Store(f),
                None => e,
            });
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_version_from_the_prefix_or_a_parse() {
        assert_eq!(version(br#"{"v":1,"number":"x"}"#).unwrap(), 1);
        assert_eq!(version(br#"{"v":12}"#).unwrap(), 12);
        assert_eq!(version(br#"{"number":"x","v":3}"#).unwrap(), 3);
        assert!(matches!(version(b"not json"), Err(StoreError::Corrupt(_))));
        let newer = br#"{"v":2,"seq":1}"#;
        assert!(matches!(decode::<Event>(newer), Err(StoreError::NewerRecord(2))));
    }
}
