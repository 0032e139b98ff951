//! Export and restore: the whole data directory written as, and read from,
//! the [`crate::dump`] format (a pure serde format that knows nothing of
//! sled). Restore checks the whole file before it writes anything.

use super::bulk::BULK_CHUNK;
use super::codec::{
    agent_history_key, agent_office_key, decode, encode, history_key, number_of, split_key, unanswered_key, utf8,
};
use super::handoff::id_key;
use super::{Store, StoreError, SCHEMA_KEY, SCHEMA_VERSION};
use crate::dump::{self, Counts, Dump, DumpProblem, Item, ReadError};
use crate::model::Event;
use crate::office_number::OfficeNumber;
use crate::reply::Msg;

/// Why a restore stopped. Nothing was written, except for `Store` errors
/// during the write pass (whose writes are removed again).
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("the data directory already has data ({offices} offices)")]
    NotEmpty { offices: usize },
    /// The backup could not be read, or is not a valid backup.
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl RestoreError {
    /// The localized message.
    pub fn msg(&self) -> Msg {
        match self {
            RestoreError::NotEmpty { offices } => Msg::new("roster-restore-not-empty").num("offices", *offices as i64),
            RestoreError::Read(e) => e.msg(),
            RestoreError::Store(e) => Msg::new("roster-error-store").str("detail", e.to_string()),
        }
    }
}

impl Store {
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

    /// Each 代理人's history, grouped by 代理人, in key order.
    fn agent_history_groups(&self) -> impl Iterator<Item = Result<(String, Vec<Event>), StoreError>> + '_ {
        let mut groups: Vec<Result<(String, Vec<Event>), StoreError>> = Vec::new();
        let mut cur: Option<(String, Vec<Event>)> = None;
        for kv in self.agent_history.iter() {
            let item = kv.map_err(StoreError::from).and_then(|(k, v)| {
                let (key, _) = split_key(&k).ok_or_else(|| StoreError::Corrupt("agent history key".into()))?;
                Ok((utf8(key, "agent key")?, decode::<Event>(&v)?))
            });
            match item {
                Err(e) => {
                    groups.extend(cur.take().map(Ok));
                    groups.push(Err(e));
                    return groups.into_iter();
                }
                Ok((key, e)) => match &mut cur {
                    Some((k, events)) if *k == key => events.push(e),
                    _ => {
                        groups.extend(cur.take().map(Ok));
                        cur = Some((key, vec![e]));
                    }
                },
            }
        }
        groups.extend(cur.map(Ok));
        groups.into_iter()
    }

    fn agent_channel_entries(&self) -> impl Iterator<Item = Result<(String, String), StoreError>> + '_ {
        self.agent_channels.iter().map(|kv| {
            let (k, v) = kv?;
            Ok((utf8(&k, "channel")?, utf8(&v, "agent key")?))
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

    /// Writes the whole data directory as JSON (the [`Dump`]
    /// format), streamed record by record.
    pub fn export_json<W: std::io::Write>(&self, w: W) -> Result<(), serde_json::Error> {
        dump::write_json(
            w,
            dump::Sections {
                schema: SCHEMA_VERSION,
                offices: self.offices(),
                channels: self.channel_entries(),
                history: self.history_groups(),
                unanswered: self.unanswered.iter().values().map(|v| decode(&v?)),
                reminders: self.reminder_entries(),
                meta: self.meta_entries(),
                agents: self.agents(),
                agent_channels: self.agent_channel_entries(),
                agent_history: self.agent_history_groups(),
                handoffs: self.handoffs(),
                taught: self.taught.iter().values().map(|v| decode(&v?)),
            },
        )
    }

    /// The whole data directory in memory (small stores and tests).
    pub fn dump(&self) -> Result<Dump, StoreError> {
        Ok(Dump {
            schema: SCHEMA_VERSION,
            offices: self.offices().collect::<Result<_, _>>()?,
            channels: self.channel_entries().collect::<Result<_, _>>()?,
            history: self.history_groups().collect::<Result<_, _>>()?,
            unanswered: self.unanswered()?,
            reminders: self.reminder_entries().collect::<Result<_, _>>()?,
            meta: self.meta_entries().collect::<Result<_, _>>()?,
            agents: self.agents().collect::<Result<_, _>>()?,
            agent_channels: self.agent_channel_entries().collect::<Result<_, _>>()?,
            agent_history: self.agent_history_groups().collect::<Result<_, _>>()?,
            handoffs: self.handoffs().collect::<Result<_, _>>()?,
            taught: self.taught()?,
        })
    }

    /// The trees a restore fills, in the order of its batches.
    fn data_trees(&self) -> [&sled::Tree; 12] {
        [
            &self.offices,
            &self.channels,
            &self.history,
            &self.unanswered,
            &self.reminders,
            &self.agents,
            &self.agent_channels,
            &self.agent_history,
            &self.agent_offices,
            &self.handoffs,
            &self.handoff_threads,
            &self.taught,
        ]
    }

    /// Whether the data directory holds any office, 代理人, binding, history,
    /// question, reminder, request for staff or taught entry.
    pub fn has_data(&self) -> bool {
        self.data_trees().iter().any(|t| !t.is_empty())
    }

    /// Restores an export into an empty data directory. `open` is called
    /// twice: the first reading checks the whole file and writes nothing;
    /// the second writes it in chunks, flushed once at the end. Records are
    /// stored as they were exported, so exporting again gives the same JSON.
    /// Should the second reading fail, what it wrote is removed again.
    pub fn restore_json<R: std::io::Read>(
        &self,
        mut open: impl FnMut() -> std::io::Result<R>,
    ) -> Result<Counts, RestoreError> {
        if self.has_data() {
            return Err(RestoreError::NotEmpty {
                offices: self.office_count(),
            });
        }
        let io = |e: std::io::Error| RestoreError::Read(ReadError::Io(e.to_string()));
        let counts = dump::check(open().map_err(io)?)?;

        let mut batches: [sled::Batch; 12] = Default::default();
        let mut pending = 0;
        let mut failure: Option<StoreError> = None;
        let trees = self.data_trees();
        let write = |batches: &mut [sled::Batch; 12]| -> Result<(), StoreError> {
            for (tree, batch) in trees.iter().zip(batches.iter_mut()) {
                tree.apply_batch(std::mem::take(batch))?;
            }
            Ok(())
        };
        let mut sink = |item: Item| -> Result<(), DumpProblem> {
            let res = (|| -> Result<(), StoreError> {
                match item {
                    Item::Schema(_) => {}
                    Item::Office(o) => {
                        // The index of each 代理人's offices is rebuilt from the offices.
                        if let Some(a) = &o.agent {
                            batches[8].insert(agent_office_key(a, &o.number), &[]);
                        }
                        batches[0].insert(o.number.as_str().as_bytes(), encode(&o))
                    }
                    Item::Channel(ch, n) => batches[1].insert(ch.as_bytes(), n.as_str().as_bytes()),
                    Item::History(n, e) => batches[2].insert(history_key(&n, e.seq), encode(&e)),
                    Item::Unanswered(q) => {
                        let key = unanswered_key(q.at, self.db.generate_id()?);
                        batches[3].insert(key, encode(&q));
                    }
                    Item::Reminder(k, at) => batches[4].insert(k.as_bytes(), &at.to_be_bytes()),
                    Item::Agent(a) => batches[5].insert(a.key.as_bytes(), encode(&a)),
                    Item::AgentChannel(ch, a) => batches[6].insert(ch.as_bytes(), a.as_bytes()),
                    Item::AgentHistory(a, e) => batches[7].insert(agent_history_key(&a, e.seq), encode(&e)),
                    Item::Handoff(h) => {
                        let key = id_key(h.id);
                        if let Some(t) = &h.thread {
                            batches[10].insert(t.as_bytes(), &key[..]);
                        }
                        batches[9].insert(&key[..], encode(&h));
                    }
                    Item::Taught(t) => batches[11].insert(&id_key(t.id)[..], encode(&t)),
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
            .and_then(|r| dump::read_json(r, &mut sink).map_err(RestoreError::from))
            .and_then(|()| write(&mut batches).map_err(RestoreError::from))
            .and_then(|()| self.flush().map_err(RestoreError::Store));
        if let Err(e) = res {
            for t in trees {
                let _ = t.clear();
            }
            let _ = self.flush();
            return Err(match failure {
                Some(f) => RestoreError::Store(f),
                None => e,
            });
        }
        Ok(counts)
    }
}
