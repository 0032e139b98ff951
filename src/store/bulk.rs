//! Batched writes for the roster import: many planned changes written in a
//! few transactions and flushed once. What each row does is decided before
//! this (by `engine::roster`); here the changes are only stored.

use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};

use super::codec::{agent_history_key, agent_office_key, decode, encode, history_key};
use super::{Store, StoreError};
use crate::model::{Change, Office};

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
    /// leaves is unbound only while it still names that office. An office
    /// that joins or leaves a 代理人 moves in the index of its offices; the
    /// 代理人 the import creates are written with it.
    pub fn write_batch(&self, changes: &[Change]) -> Result<(), StoreError> {
        let mut offices = sled::Batch::default();
        let mut channels = sled::Batch::default();
        let mut history = sled::Batch::default();
        let mut agents = sled::Batch::default();
        let mut agent_history = sled::Batch::default();
        let mut agent_offices = sled::Batch::default();
        for change in changes {
            if let Some(w) = &change.agent {
                agents.insert(w.agent.key.as_bytes(), encode(&w.agent));
                agent_history.insert(agent_history_key(&w.agent.key, w.event.seq), encode(&w.event));
            }
            let Some(w) = &change.office else { continue };
            let key = w.office.number.as_str().as_bytes();
            let before: Option<Office> = self.offices.get(key)?.map(|b| decode(&b)).transpose()?;
            let old_agent = before.and_then(|o| o.agent);
            if old_agent != w.office.agent {
                if let Some(k) = &old_agent {
                    agent_offices.remove(agent_office_key(k, &w.office.number));
                }
            }
            if let Some(k) = &w.office.agent {
                agent_offices.insert(agent_office_key(k, &w.office.number), &[]);
            }
            offices.insert(key, encode(&w.office));
            history.insert(history_key(&w.office.number, w.event.seq), encode(&w.event));
            if let Some(old) = &w.unbind {
                if self.channels.get(old.as_bytes())?.is_some_and(|b| b.as_ref() == key) {
                    channels.remove(old.as_bytes());
                }
            }
            if let Some(ch) = &w.bind {
                channels.insert(ch.as_bytes(), key);
            }
        }
        (
            &self.offices,
            &self.channels,
            &self.history,
            &self.agents,
            &self.agent_history,
            &self.agent_offices,
        )
            .transaction(|(o, c, h, a, ah, ao)| {
                o.apply_batch(&offices)?;
                c.apply_batch(&channels)?;
                h.apply_batch(&history)?;
                a.apply_batch(&agents)?;
                ah.apply_batch(&agent_history)?;
                ao.apply_batch(&agent_offices)?;
                Ok::<(), ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                TransactionError::Storage(e) => StoreError::from(e),
                TransactionError::Abort(()) => StoreError::Corrupt("bulk write aborted".into()),
            })
    }
}
