//! What one roster row does to an office: the bulk import's decisions, made
//! with the same record builders as `/register` ([`create`], [`update_details`],
//! [`bind`]). The store only batches the resulting changes.

use std::collections::{HashMap, HashSet};

use super::{bind, create, update_details, By};
use crate::model::{Actor, Change, Office};
use crate::office_number::OfficeNumber;
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
}

impl<'r> Roster<'r> {
    pub fn new(rows: &'r [Row]) -> Roster<'r> {
        Roster {
            by_number: rows.iter().map(|r| (r.number.as_str(), r)).collect(),
            claimed: rows.iter().filter_map(|r| r.channel.as_deref()).collect(),
        }
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
        let Some(cur) = current else {
            let change = create(
                by,
                row.number.clone(),
                row.name.clone(),
                row.mode,
                row.software.clone(),
                row.channel.clone(),
            );
            return Planned {
                effect: Effect::Created,
                changes: vec![change],
            };
        };
        let software = row.software.clone().or_else(|| cur.software.clone());
        let mut changes = Vec::new();
        let mut office = cur.clone();
        if let Some(change) = update_details(by, &office, row.name.clone(), row.mode, software) {
            office = change.office.clone();
            changes.push(change);
        }
        if let Some(channel) = row.channel.clone().filter(|c| cur.channel.as_ref() != Some(c)) {
            let mut change = bind(by, &office, office.clone(), channel);
            change.unbind = change.unbind.filter(|old| !self.claimed.contains(old.as_str()));
            changes.push(change);
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
