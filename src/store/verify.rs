//! `check`'s reading of a data directory: every record decoded, every link
//! followed (channel ↔ office or 代理人, history contiguous up to the
//! record's revision, office ↔ the index of its 代理人's offices), each
//! problem as a line a person can act on.

use std::collections::HashMap;

use super::codec::{agent_office_key, decode, number_of, split_key, utf8};
use super::{Store, StoreError};
use crate::model::{Agent, Event, Handoff, Office, TaughtEntry, Unanswered};
use crate::office_number::OfficeNumber;
use crate::reply::Msg;

/// The most problems listed (a badly damaged directory has thousands).
const MAX_PROBLEMS: usize = 50;

/// What `verify` found.
#[derive(Debug, Default)]
pub struct Report {
    pub offices: usize,
    pub events: usize,
    pub agents: usize,
    /// Requests for staff and taught entries read.
    pub handoffs: usize,
    pub taught: usize,
    /// One localized line each; at most `MAX_PROBLEMS` (50).
    pub problems: Vec<Msg>,
    /// Problems past the listed ones.
    pub more: usize,
}

impl Report {
    fn problem(&mut self, m: Msg) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(m);
        } else {
            self.more += 1;
        }
    }
}

fn unreadable(what: Msg, e: &StoreError) -> Msg {
    match e {
        StoreError::NewerRecord(v) => Msg::new("verify-newer-record")
            .msg("what", what)
            .num("found", i64::from(*v))
            .num("supported", i64::from(crate::model::RECORD_VERSION)),
        other => Msg::new("verify-unreadable")
            .msg("what", what)
            .str("detail", other.to_string()),
    }
}

impl Store {
    /// Reads every record and follows every link. Errors of the storage
    /// itself (a damaged page) are returned; everything wrong with the
    /// content is a problem in the report.
    pub fn verify(&self) -> Result<Report, StoreError> {
        let mut r = Report::default();
        // Office → (revision, channel).
        let mut offices: HashMap<OfficeNumber, (u64, Option<String>)> = HashMap::new();
        for kv in self.offices.iter() {
            let (k, v) = kv?;
            let key = String::from_utf8_lossy(&k).into_owned();
            match decode::<Office>(&v) {
                Ok(o) => {
                    if o.number.as_str() != key {
                        r.problem(
                            Msg::new("verify-office-key")
                                .str("key", &key)
                                .str("number", o.number.as_str()),
                        );
                    }
                    offices.insert(o.number.clone(), (o.revision, o.channel.clone()));
                }
                Err(e) => r.problem(unreadable(Msg::new("verify-what-office").str("number", &key), &e)),
            }
            r.offices += 1;
        }
        // Channel bindings, both ways.
        let mut bound: HashMap<String, OfficeNumber> = HashMap::new();
        for kv in self.channels.iter() {
            let (k, v) = kv?;
            let (channel, number) = match (utf8(&k, "channel"), number_of(&v)) {
                (Ok(c), Ok(n)) => (c, n),
                (_, Err(e)) | (Err(e), _) => {
                    r.problem(unreadable(Msg::new("verify-what-channel"), &e));
                    continue;
                }
            };
            match offices.get(&number) {
                None => r.problem(
                    Msg::new("verify-channel-no-office")
                        .str("channel", &channel)
                        .str("number", number.as_str()),
                ),
                Some((_, c)) if c.as_deref() != Some(channel.as_str()) => r.problem(
                    Msg::new("verify-channel-mismatch")
                        .str("channel", &channel)
                        .str("number", number.as_str()),
                ),
                Some(_) => {}
            }
            bound.insert(channel, number);
        }
        for (number, (_, channel)) in &offices {
            if let Some(ch) = channel {
                if bound.get(ch) != Some(number) {
                    r.problem(
                        Msg::new("verify-office-unbound")
                            .str("number", number.as_str())
                            .str("channel", ch),
                    );
                }
            }
        }
        // History: contiguous 1..=revision for every office.
        let mut last: HashMap<OfficeNumber, u64> = HashMap::new();
        for kv in self.history.iter() {
            let (k, v) = kv?;
            r.events += 1;
            let Some(end) = k.iter().position(|b| *b == 0) else {
                r.problem(unreadable(
                    Msg::new("verify-what-history"),
                    &StoreError::Corrupt("key".into()),
                ));
                continue;
            };
            let number = match number_of(&k[..end]) {
                Ok(n) => n,
                Err(e) => {
                    r.problem(unreadable(Msg::new("verify-what-history"), &e));
                    continue;
                }
            };
            let event = match decode::<Event>(&v) {
                Ok(e) => e,
                Err(e) => {
                    r.problem(unreadable(
                        Msg::new("verify-what-event").str("number", number.as_str()),
                        &e,
                    ));
                    continue;
                }
            };
            let prev = last.get(&number).copied().unwrap_or(0);
            if event.seq != prev + 1 {
                r.problem(
                    Msg::new("verify-history-gap")
                        .str("number", number.as_str())
                        .num("expected", (prev + 1) as i64)
                        .num("found", event.seq as i64),
                );
            }
            last.insert(number, event.seq);
        }
        for (number, (revision, _)) in &offices {
            let seen = last.get(number).copied().unwrap_or(0);
            if seen != *revision {
                r.problem(
                    Msg::new("verify-history-short")
                        .str("number", number.as_str())
                        .num("revision", *revision as i64)
                        .num("events", seen as i64),
                );
            }
        }
        for number in last.keys().filter(|n| !offices.contains_key(*n)) {
            r.problem(Msg::new("verify-history-no-office").str("number", number.as_str()));
        }
        for v in self.unanswered.iter().values() {
            if let Err(e) = decode::<Unanswered>(&v?) {
                r.problem(unreadable(Msg::new("verify-what-question"), &e));
            }
        }
        self.verify_agents(&mut r, &offices, &bound)?;
        // Requests for staff, and the index from each staff thread to its request.
        let mut threads: HashMap<String, u64> = HashMap::new();
        for kv in self.handoffs.iter() {
            let (k, v) = kv?;
            r.handoffs += 1;
            let key = k.as_ref().try_into().map(u64::from_be_bytes).unwrap_or(0);
            match decode::<Handoff>(&v) {
                Ok(h) => {
                    if h.id != key {
                        r.problem(
                            Msg::new("verify-handoff-key")
                                .num("key", key as i64)
                                .num("id", h.id as i64),
                        );
                    }
                    if let Some(t) = h.thread {
                        threads.insert(t, h.id);
                    }
                }
                Err(e) => r.problem(unreadable(Msg::new("verify-what-handoff").num("id", key as i64), &e)),
            }
        }
        let mut indexed = 0;
        for kv in self.handoff_threads.iter() {
            let (k, v) = kv?;
            indexed += 1;
            let thread = String::from_utf8_lossy(&k).into_owned();
            let id = v.as_ref().try_into().map(u64::from_be_bytes).unwrap_or(0);
            if threads.get(&thread) != Some(&id) {
                r.problem(
                    Msg::new("verify-thread-index")
                        .str("thread", &thread)
                        .num("id", id as i64),
                );
            }
        }
        if indexed != threads.len() {
            r.problem(Msg::new("verify-thread-unindexed").num("count", threads.len().abs_diff(indexed) as i64));
        }
        for kv in self.taught.iter() {
            let (k, v) = kv?;
            r.taught += 1;
            let key = k.as_ref().try_into().map(u64::from_be_bytes).unwrap_or(0);
            if let Err(e) = decode::<TaughtEntry>(&v) {
                r.problem(unreadable(Msg::new("verify-what-taught").num("id", key as i64), &e));
            }
        }
        Ok(r)
    }

    /// The 代理人: each record, its channel (never an office's too), its
    /// history, and the index of its offices against the offices' own link.
    fn verify_agents(
        &self,
        r: &mut Report,
        offices: &HashMap<OfficeNumber, (u64, Option<String>)>,
        office_channels: &HashMap<String, OfficeNumber>,
    ) -> Result<(), StoreError> {
        // 代理人 → (revision, channel).
        let mut agents: HashMap<String, (u64, Option<String>)> = HashMap::new();
        for kv in self.agents.iter() {
            let (k, v) = kv?;
            let key = String::from_utf8_lossy(&k).into_owned();
            r.agents += 1;
            match decode::<Agent>(&v) {
                Ok(a) if a.key != key => r.problem(Msg::new("verify-agent-key").str("key", &key).str("agent", &a.key)),
                Ok(a) => {
                    agents.insert(a.key.clone(), (a.revision, a.channel.clone()));
                }
                Err(e) => r.problem(unreadable(Msg::new("verify-what-agent").str("agent", &key), &e)),
            }
        }
        let mut bound: HashMap<String, String> = HashMap::new();
        for kv in self.agent_channels.iter() {
            let (k, v) = kv?;
            let (channel, agent) = match (utf8(&k, "channel"), utf8(&v, "agent key")) {
                (Ok(c), Ok(a)) => (c, a),
                (_, Err(e)) | (Err(e), _) => {
                    r.problem(unreadable(Msg::new("verify-what-channel"), &e));
                    continue;
                }
            };
            let ok = agents
                .get(&agent)
                .is_some_and(|(_, c)| c.as_deref() == Some(channel.as_str()));
            if !ok || office_channels.contains_key(&channel) {
                r.problem(
                    Msg::new("verify-agent-channel")
                        .str("channel", &channel)
                        .str("agent", &agent),
                );
            }
            bound.insert(channel, agent);
        }
        for (agent, (_, channel)) in &agents {
            if let Some(ch) = channel {
                if bound.get(ch) != Some(agent) {
                    r.problem(Msg::new("verify-agent-channel").str("channel", ch).str("agent", agent));
                }
            }
        }
        // History: contiguous 1..=revision for every 代理人.
        let mut last: HashMap<String, u64> = HashMap::new();
        for kv in self.agent_history.iter() {
            let (k, v) = kv?;
            r.events += 1;
            let Some((key, _)) = split_key(&k) else {
                r.problem(unreadable(
                    Msg::new("verify-what-history"),
                    &StoreError::Corrupt("key".into()),
                ));
                continue;
            };
            let key = String::from_utf8_lossy(key).into_owned();
            let event = match decode::<Event>(&v) {
                Ok(e) => e,
                Err(e) => {
                    r.problem(unreadable(Msg::new("verify-what-agent").str("agent", &key), &e));
                    continue;
                }
            };
            let prev = last.get(&key).copied().unwrap_or(0);
            if event.seq != prev + 1 {
                r.problem(
                    Msg::new("verify-history-gap")
                        .str("number", &key)
                        .num("expected", (prev + 1) as i64)
                        .num("found", event.seq as i64),
                );
            }
            last.insert(key, event.seq);
        }
        for (agent, (revision, _)) in &agents {
            let seen = last.get(agent).copied().unwrap_or(0);
            if seen != *revision {
                r.problem(
                    Msg::new("verify-history-short")
                        .str("number", agent)
                        .num("revision", *revision as i64)
                        .num("events", seen as i64),
                );
            }
        }
        // The index against the offices' own link, both ways.
        let mut indexed: HashMap<OfficeNumber, String> = HashMap::new();
        for k in self.agent_offices.iter().keys() {
            let k = k?;
            let parsed = split_key(&k).and_then(|(a, n)| Some((utf8(a, "agent key").ok()?, number_of(n).ok()?)));
            let Some((agent, number)) = parsed else {
                r.problem(unreadable(
                    Msg::new("verify-what-agent-index"),
                    &StoreError::Corrupt("key".into()),
                ));
                continue;
            };
            indexed.insert(number, agent);
        }
        for v in self.offices.iter().values() {
            let Ok(o) = decode::<Office>(&v?) else { continue };
            let number = o.number.clone();
            if let Some(a) = &o.agent {
                if !agents.contains_key(a) {
                    r.problem(
                        Msg::new("verify-office-agent")
                            .str("number", number.as_str())
                            .str("agent", a),
                    );
                }
                if indexed.get(&number) != Some(a) || self.agent_offices.get(agent_office_key(a, &number))?.is_none() {
                    r.problem(
                        Msg::new("verify-agent-index")
                            .str("number", number.as_str())
                            .str("agent", a),
                    );
                }
            }
        }
        for (number, agent) in &indexed {
            let linked = offices.contains_key(number)
                && self
                    .office(number)
                    .ok()
                    .flatten()
                    .is_some_and(|o| o.agent.as_deref() == Some(agent.as_str()));
            if !linked {
                r.problem(
                    Msg::new("verify-agent-index")
                        .str("number", number.as_str())
                        .str("agent", agent),
                );
            }
        }
        Ok(())
    }
}
