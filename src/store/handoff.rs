//! Requests for a person (`handoffs`, with the `handoff_threads` index from a
//! staff thread to its request) and the FAQ entries staff taught (`taught`).
//! Keys are the record's id, big-endian, so the trees list oldest first.

use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};

use super::codec::{decode, encode};
use super::{Store, StoreError};
use crate::model::{Handoff, TaughtEntry, RECORD_VERSION};

/// The highest taught id ever given (ids are never reused after a removal).
const TAUGHT_LAST: &str = "taught/last-id";

pub(super) fn id_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

fn last_id(tree: &sled::Tree) -> Result<u64, StoreError> {
    Ok(match tree.last()? {
        Some((k, _)) => k
            .as_ref()
            .try_into()
            .map(u64::from_be_bytes)
            .map_err(|_| StoreError::Corrupt("record id".into()))?,
        None => 0,
    })
}

/// Inserts the record `make(id)` under the first free id after `after`;
/// returns it.
fn insert_new<T: serde::Serialize>(
    tree: &sled::Tree,
    mut after: u64,
    make: impl Fn(u64) -> T,
) -> Result<T, StoreError> {
    loop {
        let id = after + 1;
        let rec = make(id);
        match tree.compare_and_swap(id_key(id), None::<&[u8]>, Some(encode(&rec)))? {
            Ok(()) => return Ok(rec),
            // Someone took this id first.
            Err(_) => after = after.max(last_id(tree)?).max(id),
        }
    }
}

impl Store {
    /// Stores a new request: `make` gets its id (one more than the last).
    pub fn create_handoff(&self, make: impl Fn(u64) -> Handoff) -> Result<Handoff, StoreError> {
        let h = insert_new(&self.handoffs, last_id(&self.handoffs)?, make)?;
        self.flush()?;
        Ok(h)
    }

    pub fn handoff(&self, id: u64) -> Result<Option<Handoff>, StoreError> {
        self.handoffs.get(id_key(id))?.map(|b| decode(&b)).transpose()
    }

    /// Every request, oldest first.
    pub fn handoffs(&self) -> impl Iterator<Item = Result<Handoff, StoreError>> + '_ {
        self.handoffs.iter().values().map(|v| decode(&v?))
    }

    /// The request a staff thread was opened for.
    pub fn handoff_by_thread(&self, thread: &str) -> Result<Option<Handoff>, StoreError> {
        match self.handoff_threads.get(thread.as_bytes())? {
            Some(id) => {
                let id = id
                    .as_ref()
                    .try_into()
                    .map(u64::from_be_bytes)
                    .map_err(|_| StoreError::Corrupt("thread index".into()))?;
                self.handoff(id)
            }
            None => Ok(None),
        }
    }

    /// Changes a request in one transaction (with its thread index) and
    /// flushes. `change` returns whether it changed anything; it may run
    /// more than once. `None` when there is no such request.
    pub fn update_handoff(
        &self,
        id: u64,
        change: impl Fn(&mut Handoff) -> bool,
    ) -> Result<Option<Handoff>, StoreError> {
        let key = id_key(id);
        let res = (&self.handoffs, &self.handoff_threads).transaction(|(h, t)| {
            let Some(bytes) = h.get(&key[..])? else {
                return Ok(None);
            };
            let mut rec: Handoff = decode(&bytes).map_err(ConflictableTransactionError::Abort)?;
            let before = rec.thread.clone();
            if !change(&mut rec) {
                return Ok(Some((rec, false)));
            }
            if rec.thread != before {
                if let Some(old) = &before {
                    t.remove(old.as_bytes())?;
                }
                if let Some(new) = &rec.thread {
                    t.insert(new.as_bytes(), &key[..])?;
                }
            }
            rec.v = RECORD_VERSION;
            h.insert(&key[..], encode(&rec))?;
            Ok(Some((rec, true)))
        });
        let out = match res {
            Ok(v) => v,
            Err(TransactionError::Abort(e)) => return Err(e),
            Err(TransactionError::Storage(e)) => return Err(e.into()),
        };
        if matches!(out, Some((_, true))) {
            self.flush()?;
        }
        Ok(out.map(|(h, _)| h))
    }

    /// Stores a new taught entry: `make` gets its id (never one used before).
    pub fn add_taught(&self, make: impl Fn(u64) -> TaughtEntry) -> Result<TaughtEntry, StoreError> {
        let given = self.meta(TAUGHT_LAST)?.and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
        let entry = insert_new(&self.taught, given.max(last_id(&self.taught)?), make)?;
        // The meta key only grows: a concurrent teach may have raised it.
        self.meta.fetch_and_update(TAUGHT_LAST.as_bytes(), |old| {
            let old = old
                .and_then(|b| std::str::from_utf8(b).ok())
                .and_then(|s| s.parse::<u64>().ok())
                .unwrap_or(0);
            Some(old.max(entry.id).to_string().into_bytes())
        })?;
        self.flush()?;
        Ok(entry)
    }

    /// Every taught entry, oldest first.
    pub fn taught(&self) -> Result<Vec<TaughtEntry>, StoreError> {
        self.taught.iter().values().map(|v| decode(&v?)).collect()
    }

    /// Removes taught entries; returns how many there were.
    pub fn remove_taught(&self, ids: &[u64]) -> Result<usize, StoreError> {
        let mut removed = 0;
        for id in ids {
            removed += usize::from(self.taught.remove(id_key(*id))?.is_some());
        }
        self.flush()?;
        Ok(removed)
    }
}
