//! What one roster row does to an office: the bulk import's decisions, made
//! with the same record builders as `/register` ([`create`], [`update_details`],
//! [`bind`]). The store only batches the resulting changes.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{bind, create, create_agent, update_details, By, Details};
use crate::model::{agent_key, Actor, Change, Office, MAX_AGENT_OFFICES};
use crate::office_number::OfficeNumber;
use crate::playbook::Mode;
use crate::roster::{Row, RowError, RowErrorKind};

/// Who the roster import acts as in history events.
pub fn import_actor() -> Actor {
    Actor {
        id: "import".into(),
        name: "import".into(),
        staff: true,
        local: true,
    }
}

/// What a row did to its office.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Created,
    Updated,
    Unchanged,
}

/// The changes one row makes, in order (a detail update, then a binding).
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub effect: Effect,
    pub changes: Vec<Change>,
}

/// The roster as a whole: what each row claims, for the decisions that
/// depend on the other rows.
#[derive(Debug)]
pub struct Roster<'r> {
    by_number: HashMap<&'r str, &'r Row>,
    claimed: HashSet<&'r str>,
    /// 代理人 key → (the name on its first row, the rows naming it).
    agents: BTreeMap<String, (&'r str, Vec<&'r Row>)>,
}

impl<'r> Roster<'r> {
    pub fn new(rows: &'r [Row]) -> Roster<'r> {
        let mut agents: BTreeMap<String, (&str, Vec<&Row>)> = BTreeMap::new();
        for r in rows {
            if let Some(a) = &r.agent {
                agents.entry(agent_key(a)).or_insert((a.as_str(), Vec::new())).1.push(r);
            }
        }
        Roster {
            by_number: rows.iter().map(|r| (r.number.as_str(), r)).collect(),
            claimed: rows.iter().filter_map(|r| r.channel.as_deref()).collect(),
            agents,
        }
    }

    /// The keys of the 代理人 the roster names.
    pub fn agent_keys(&self) -> impl Iterator<Item = &str> {
        self.agents.keys().map(String::as_str)
    }

    /// A 代理人's offices after the import (those it has, `linked`, and the
    /// rows naming it) against the most one certificate covers: the row that
    /// goes past it is refused.
    pub fn check_agent_size(&self, key: &str, linked: &[OfficeNumber]) -> Result<(), RowError> {
        let Some((name, rows)) = self.agents.get(key) else {
            return Ok(());
        };
        let mut offices: HashSet<&str> = linked
            .iter()
            .map(OfficeNumber::as_str)
            // Offices the roster moves to another 代理人 leave this one.
            .filter(|n| {
                self.by_number.get(n).map_or(true, |r| {
                    r.agent
                        .as_deref()
                        .map_or(r.mode == Mode::Proxy, |a| agent_key(a) == key)
                })
            })
            .collect();
        for row in rows {
            offices.insert(row.number.as_str());
            if offices.len() > MAX_AGENT_OFFICES {
                return Err(RowError {
                    line: row.line,
                    kind: RowErrorKind::AgentFull {
                        agent: name.to_string(),
                        max: MAX_AGENT_OFFICES,
                    },
                });
            }
        }
        Ok(())
    }

    /// The 代理人 the roster names that the data directory lacks (`exists`
    /// tells), created without a channel: staff bind one to a channel with
    /// `/register … agent:NAME` there.
    pub fn new_agents(&self, by: By, exists: &dyn Fn(&str) -> bool) -> Vec<Change> {
        self.agents
            .iter()
            .filter(|(key, _)| !exists(key))
            .map(|(_, (name, _))| create_agent(by, name.to_string(), None, None).into())
            .collect()
    }

    /// A row's channel against the office bound to it now (`holder`): refused
    /// when another office holds it and the roster does not move that office
    /// to another channel.
    pub fn check_channel(&self, row: &Row, holder: Option<&OfficeNumber>) -> Result<(), RowError> {
        let (Some(channel), Some(holder)) = (&row.channel, holder) else {
            return Ok(());
        };
        let moved_away = self
            .by_number
            .get(holder.as_str())
            .is_some_and(|r| r.channel.as_deref().is_some_and(|c| c != channel));
        if *holder == row.number || moved_away {
            return Ok(());
        }
        Err(RowError {
            line: row.line,
            kind: RowErrorKind::ChannelBound {
                channel: channel.clone(),
                number: holder.to_string(),
            },
        })
    }

    /// The changes a row makes to its office (`current`, if registered): a
    /// new office is `Registered`; an existing one gets `Updated` when its
    /// name, mode or software differ, then `Bound` when its channel does.
    /// An empty software or channel keeps the office's; progress is never
    /// touched. The old channel is left unless another row takes it.
    pub fn plan(&self, by: By, row: &Row, current: Option<&Office>) -> Planned {
        let row_agent = row.agent.as_deref().map(agent_key);
        let Some(cur) = current else {
            let change = create(
                by,
                row.number.clone(),
                row.name.clone(),
                row.mode,
                row.software.clone(),
                row.channel.clone(),
                row_agent,
            );
            return Planned {
                effect: Effect::Created,
                changes: vec![change.into()],
            };
        };
        let software = row.software.clone().or_else(|| cur.software.clone());
        // An empty agent keeps the office's 代理人 while it stays in proxy mode.
        let agent = row_agent
            .or_else(|| cur.agent.clone())
            .filter(|_| row.mode == Mode::Proxy);
        let details = Details {
            name: row.name.clone(),
            mode: row.mode,
            software,
            agent,
        };
        let mut changes: Vec<Change> = Vec::new();
        let mut office = cur.clone();
        if let Some(change) = update_details(by, &office, details) {
            office = change.office.clone();
            changes.push(change.into());
        }
        if let Some(channel) = row.channel.clone().filter(|c| cur.channel.as_ref() != Some(c)) {
            let mut change = bind(by, &office, office.clone(), channel);
            change.unbind = change.unbind.filter(|old| !self.claimed.contains(old.as_str()));
            changes.push(change.into());
        }
        Planned {
            effect: if changes.is_empty() {
                Effect::Unchanged
            } else {
                Effect::Updated
            },
            changes,
        }
    }
}
