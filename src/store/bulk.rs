//! Batched writes for the roster import: many planned changes written in a
//! few transactions and flushed once. What each row does is decided before
//! this (by `engine::roster`); here the changes are only stored.

use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};

use super::codec::{encode, history_key};
use super::{Store, StoreError};
use crate::model::Change;

/// Changes written per sled transaction by the bulk writes. Small on purpose:
/// sled keeps the page versions a batch creates until it is applied; for
/// 250,000 offices 10,000-row batches peaked over 400 MB, 1,000-row ones
/// about 230 MB, and were no slower.
pub const BULK_CHUNK: usize = 1_000;

impl Store {
    /// Writes planned changes in one transaction, unflushed (call
    /// [`Store::flush`] after the last batch). Revisions are not checked:
    /// the import holds the data directory alone and planned from what it
    /// read. Later changes of the same office win. A channel an office
    /// leaves is unbound only while it still names that office.
    pub fn write_batch(&self, changes: &[Change]) -> Result<(), StoreError> {
        let mut offices = sled::Batch::default();
        let mut channels = sled::Batch::default();
        let mut history = sled::Batch::default();
        for change in changes {
            let key = change.office.number.as_str().as_bytes();
            offices.insert(key, encode(&change.office));
            history.insert(
                history_key(&change.office.number, change.event.seq),
                encode(&change.event),
            );
            if let Some(old) = &change.unbind {
                if self.channels.get(old.as_bytes())?.is_some_and(|b| b.as_ref() == key) {
                    channels.remove(old.as_bytes());
                }
            }
            if let Some(ch) = &change.bind {
                channels.insert(ch.as_bytes(), key);
            }
        }
        (&self.offices, &self.channels, &self.history)
            .transaction(|(o, c, h)| {
                o.apply_batch(&offices)?;
                c.apply_batch(&channels)?;
                h.apply_batch(&history)?;
                Ok::<(), ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                TransactionError::Storage(e) => StoreError::from(e),
                TransactionError::Abort(()) => StoreError::Corrupt("bulk write aborted".into()),
            })
    }
}
