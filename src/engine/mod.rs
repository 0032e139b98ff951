//! The pure engine: an office's state, an actor, an input and the time in;
//! a reply and the change to store out. No clock, no store, no Discord.
//!
//! - `register`: `/register` (create, update details, bind to a channel; an
//!   office under a 代理人 with `agent:` or in the 代理人's channel)
//! - `tasks`: `/done`, `/undo`, `/mode` in an office's channel
//! - `agent`: the commands in a 代理人's channel (its own steps, its
//!   offices' 届出 with `/done office:`)
//! - `expiry`: `/certificate` (the certificate's expiry and the dates the
//!   office reports)
//! - `fix`: `/fix-number`, `/archive`, `/unarchive`
//! - `roster`: what one roster row does to an office (the bulk import), built
//!   on the same record builders as `/register`
//! - `confirm`: what a report or an undo asked for in words gets before
//!   anything changes (a confirmation, and the commands to run on yes)
//!
//! The cards these commands show are drawn by [`crate::cards`].

mod agent;
pub mod confirm;
mod expiry;
mod fix;
mod register;
pub mod roster;
mod tasks;

pub use fix::FIX_NUMBER_DAYS;

use crate::cards::{self, AgentView};
use crate::command::Input;
use crate::config::Config;
use crate::contacts;
use crate::error::UserError;
use crate::model::{
    agent_key, Action, Actor, Agent, AgentWrite, Change, Event, Office, OfficeWrite, MAX_NAME, RECORD_VERSION,
};
use crate::office_number::OfficeNumber;
use std::collections::BTreeMap;

use crate::playbook::{ContactId, DoneMark, Mode, StepId, TaskId};
use crate::reply::{Block, ButtonAction, Msg, Reply};
use crate::text;

/// Everything the engine may read for one command.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// Unix seconds.
    pub now: i64,
    pub actor: &'a Actor,
    pub channel: &'a str,
    /// The office bound to the channel; for a command naming an office
    /// with `office:` ([`office_named`]), that office.
    pub office: Option<&'a Office>,
    /// That office's history, oldest first.
    pub history: &'a [Event],
    /// For `/register` and `/fix-number`: the office already registered
    /// under the given number ([`register_number`]).
    pub existing: Option<&'a Office>,
    pub config: &'a Config,
    /// The channel's 代理人: the one bound to it (a 代理人's channel, where
    /// `office` is `None`), or the 代理人 of the channel's office; with its
    /// offices. `history` is the 代理人's in its own channel.
    pub agent: Option<AgentView<'a>>,
    /// For `/register agent:NAME`: the 代理人 registered under that name,
    /// when it is not `agent`.
    pub existing_agent: Option<AgentView<'a>>,
}

impl<'a> Ctx<'a> {
    /// The 代理人 whose channel this is (no office is bound to it).
    pub fn agent_channel(&self) -> Option<AgentView<'a>> {
        self.agent.filter(|_| self.office.is_none())
    }

    /// The channel's office's 代理人, if it has one.
    pub fn office_agent(&self) -> Option<&'a Agent> {
        self.agent.filter(|_| self.office.is_some()).map(|v| v.agent)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub reply: Reply,
    pub change: Option<Change>,
}

impl Outcome {
    fn reply(reply: Reply) -> Outcome {
        Outcome { reply, change: None }
    }
}

/// The number `/register` or `/fix-number` would take: lets the caller
/// load the office already registered under it (`Ctx::existing`).
pub fn register_number(input: &Input) -> Option<Result<OfficeNumber, UserError>> {
    match input {
        Input::Register { number, .. } | Input::FixNumber { number, .. } => {
            Some(OfficeNumber::parse(number).map(|p| p.number).map_err(UserError::from))
        }
        _ => None,
    }
}

/// The office a command names with `office:` (`/fix-number`, `/archive`,
/// `/unarchive`): the caller loads it as `Ctx::office` instead of the
/// channel's.
pub fn office_named(input: &Input) -> Option<Result<OfficeNumber, UserError>> {
    match input {
        Input::FixNumber { office: Some(n), .. }
        | Input::Archive { office: Some(n) }
        | Input::Unarchive { office: Some(n) } => {
            Some(OfficeNumber::parse(n).map(|p| p.number).map_err(UserError::from))
        }
        _ => None,
    }
}

/// The key of the 代理人 the input names (`/register agent:NAME`): lets the
/// caller load it.
pub fn register_agent(input: &Input) -> Option<String> {
    match input {
        Input::Register { agent: Some(a), .. } => Some(agent_key(text::clean(a).trim())).filter(|k| !k.is_empty()),
        _ => None,
    }
}

/// Handles an office or 代理人 command (everything but questions and staff views).
pub fn handle(ctx: &Ctx, input: &Input) -> Result<Outcome, UserError> {
    if let Input::Register {
        number,
        name,
        mode,
        software,
        agent,
    } = input
    {
        return register::register(
            ctx,
            number,
            name,
            mode.as_deref(),
            software.as_deref(),
            agent.as_deref(),
        );
    }
    if let Some(view) = ctx.agent_channel() {
        return agent::handle(ctx, view, input);
    }
    match input {
        Input::Register { .. } => unreachable!("handled above"),
        Input::Next => {
            let office = registered_office(ctx)?;
            Ok(Outcome::reply(cards::office_card(
                ctx.config,
                ctx.now,
                office,
                ctx.office_agent(),
            )))
        }
        Input::Done { step, office } => {
            let own = registered_office(ctx)?;
            match office {
                Some(n) if OfficeNumber::parse(n).ok().map(|p| p.number) != Some(own.number.clone()) => {
                    Err(UserError::OfficeOptionNotHere)
                }
                _ => tasks::done(ctx, step.as_deref()),
            }
        }
        Input::Undo => tasks::undo(ctx),
        Input::Progress => Ok(Outcome::reply(cards::progress(
            ctx.now,
            registered_office(ctx)?,
            ctx.office_agent(),
        ))),
        Input::Contact { topic } => contact(ctx, topic.as_deref()),
        Input::Mode { mode } => tasks::change_mode(ctx, mode),
        Input::Help => Ok(Outcome::reply(help(ctx))),
        Input::Certificate { expires, issued } => expiry::certificate(ctx, expires.as_deref(), issued.as_deref()),
        Input::FixNumber { number, office } => fix::fix_number(ctx, number, office.is_some()),
        Input::Archive { .. } => fix::archive(ctx),
        Input::Unarchive { .. } => fix::unarchive(ctx),
        Input::Faq { .. }
        | Input::Question(_)
        | Input::Summary { .. }
        | Input::Unanswered
        | Input::History { .. }
        | Input::Backup
        | Input::OfficeProgress { .. }
        | Input::AskStaff { .. }
        | Input::Inbox { .. }
        | Input::Reply { .. }
        | Input::Close { .. }
        | Input::Teach { .. }
        | Input::Taught
        | Input::Forget { .. } => Err(UserError::UnknownCommand {
            cmd: input.name().to_string(),
            meant: None,
        }),
    }
}

/// The mark of a task done now by the actor.
fn done_mark(ctx: &Ctx) -> DoneMark {
    DoneMark {
        at: ctx.now,
        by: ctx.actor.name.clone(),
    }
}

/// The latest undoable event of a history that was not undone yet.
fn undo_target(history: &[Event]) -> Result<&Event, UserError> {
    let undone: Vec<u64> = history
        .iter()
        .filter_map(|e| match e.action {
            Action::Undo { seq } => Some(seq),
            _ => None,
        })
        .collect();
    history
        .iter()
        .rev()
        .find(|e| e.action.undoable() && !undone.contains(&e.seq))
        .ok_or(UserError::NothingToUndo)
}

/// A task of a two-task step that waits for an earlier one still open.
fn earlier_open(task: TaskId, done: &BTreeMap<TaskId, DoneMark>) -> Result<(), UserError> {
    let mut earlier = task.step().tasks().iter().take_while(|t| **t != task);
    match earlier.find(|t| !done.contains_key(t)) {
        Some(&first) => Err(UserError::EarlierTaskOpen { task, first }),
        None => Ok(()),
    }
}

/// The office bound to the channel, or `NotRegistered`; an archived one
/// only for staff.
fn registered_office<'a>(ctx: &Ctx<'a>) -> Result<&'a Office, UserError> {
    let office = ctx.office.ok_or(UserError::NotRegistered)?;
    if office.is_archived() && !ctx.actor.staff {
        return Err(UserError::Archived(office.number.to_string()));
    }
    Ok(office)
}

/// Who acts and when: what every history event records.
#[derive(Debug, Clone, Copy)]
pub struct By<'a> {
    pub now: i64,
    pub actor: &'a Actor,
}

impl<'a> From<&Ctx<'a>> for By<'a> {
    fn from(ctx: &Ctx<'a>) -> By<'a> {
        By {
            now: ctx.now,
            actor: ctx.actor,
        }
    }
}

/// The next event of a record at `revision`.
fn next_event(by: By, revision: u64, action: Action) -> Event {
    Event {
        v: RECORD_VERSION,
        seq: revision + 1,
        at: by.now,
        actor: by.actor.clone(),
        action,
    }
}

/// Records an action on an office: the next event, the office at the new
/// revision and time, expected to be at `before`'s revision when stored.
pub fn record(by: By, before: Option<&Office>, mut after: Office, action: Action) -> OfficeWrite {
    let event = next_event(by, after.revision, action);
    // Written by this build: its record version, whatever it was read at.
    after.v = RECORD_VERSION;
    after.revision = event.seq;
    after.updated_at = by.now;
    OfficeWrite {
        office: after,
        event,
        expected_revision: before.map(|o| o.revision),
        bind: None,
        unbind: None,
        displaced: None,
    }
}

/// Records an action on a 代理人, as [`record`] does on an office.
pub fn record_agent(by: By, before: Option<&Agent>, mut after: Agent, action: Action) -> AgentWrite {
    let event = next_event(by, after.revision, action);
    after.v = RECORD_VERSION;
    after.revision = event.seq;
    after.updated_at = by.now;
    AgentWrite {
        agent: after,
        event,
        expected_revision: before.map(|a| a.revision),
        bind: None,
        unbind: None,
    }
}

/// A new office (optionally bound to a channel, optionally under a 代理人):
/// its `Registered` change.
pub fn create(
    by: By,
    number: OfficeNumber,
    name: String,
    mode: Mode,
    software: Option<String>,
    channel: Option<String>,
    agent: Option<String>,
) -> OfficeWrite {
    let mut office = Office::new(number, name.clone(), mode, software.clone(), channel.clone(), by.now);
    office.agent = agent;
    let action = Action::Registered { name, mode, software };
    let mut change = record(by, None, office, action);
    change.bind = channel;
    change
}

/// A new 代理人 (bound to a channel, or not when the roster creates it).
pub fn create_agent(by: By, name: String, software: Option<String>, channel: Option<String>) -> AgentWrite {
    let agent = Agent::new(name.clone(), software.clone(), channel.clone(), by.now);
    let mut change = record_agent(by, None, agent, Action::AgentRegistered { name, software });
    change.bind = channel;
    change
}

/// Binds a 代理人 to a channel (staff); it leaves its old channel.
pub fn bind_agent(by: By, cur: &Agent, channel: String) -> AgentWrite {
    let mut after = cur.clone();
    after.channel = Some(channel.clone());
    let action = Action::Bound {
        channel: channel.clone(),
        prev: cur.channel.clone(),
    };
    let mut change = record_agent(by, Some(cur), after, action);
    change.unbind = cur.channel.clone().filter(|c| *c != channel);
    change.bind = Some(channel);
    change
}

/// An office's details as `/register` or a roster row gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    pub name: String,
    pub mode: Mode,
    pub software: Option<String>,
    /// The 代理人's key (proxy mode only).
    pub agent: Option<String>,
}

/// New details for an office (`Updated`, undoable), or `None` when they are
/// the office's already. Progress and the channel are never touched; joining
/// or leaving a 代理人 is a change of details.
pub fn update_details(by: By, cur: &Office, d: Details) -> Option<OfficeWrite> {
    if cur.name == d.name && cur.mode == d.mode && cur.software == d.software && cur.agent == d.agent {
        return None;
    }
    let mut after = cur.clone();
    after.name = d.name.clone();
    after.mode = d.mode;
    after.software = d.software.clone();
    after.agent = d.agent.clone();
    let action = Action::Updated {
        name: d.name,
        mode: d.mode,
        software: d.software,
        prev_name: cur.name.clone(),
        prev_mode: cur.mode,
        prev_software: cur.software.clone(),
        agent: d.agent,
        prev_agent: cur.agent.clone(),
    };
    Some(record(by, Some(cur), after, action))
}

/// Binds an office to a channel (`Bound`); it leaves its old channel.
/// `after` is the office as it should be stored (its details may differ
/// from `cur`'s when staff re-register it in a new channel).
pub fn bind(by: By, cur: &Office, mut after: Office, channel: String) -> OfficeWrite {
    after.channel = Some(channel.clone());
    let action = Action::Bound {
        channel: channel.clone(),
        prev: cur.channel.clone(),
    };
    let mut change = record(by, Some(cur), after, action);
    change.unbind = cur.channel.clone().filter(|c| *c != channel);
    change.bind = Some(channel);
    change
}

/// A name typed by a user: invisible characters removed, trimmed, not empty,
/// at most [`MAX_NAME`] characters.
fn clean_name(s: &str, empty: UserError) -> Result<String, UserError> {
    let s = text::clean(s).trim().to_string();
    if s.is_empty() {
        return Err(empty);
    }
    if s.chars().count() > MAX_NAME {
        return Err(UserError::TooLong { max: MAX_NAME });
    }
    Ok(s)
}

fn parse_mode(s: &str) -> Result<Mode, UserError> {
    s.parse().map_err(|_| UserError::BadMode(s.to_string()))
}

/// The contact a topic names.
fn parse_topic(t: &str) -> Result<ContactId, UserError> {
    ContactId::from_name(t).ok_or_else(|| UserError::UnknownTopic(t.to_string()))
}

fn contact(ctx: &Ctx, topic: Option<&str>) -> Result<Outcome, UserError> {
    let id = match topic {
        Some(t) => parse_topic(t)?,
        None => match ctx.office {
            // A proxy office whose own steps are done: the rest is its 代理人's.
            Some(o) if o.mode == Mode::Proxy => o.current_step().map_or(ContactId::Reception, StepId::contact),
            Some(o) => o.current_step().map_or(ContactId::Software, StepId::contact),
            None => ContactId::Reception,
        },
    };
    let mut reply = Reply::default();
    let intro = match (topic, ctx.office.and_then(Office::current_step)) {
        (None, Some(step)) => Msg::new("contact-for-step").msg("step", Msg::new(step.title_id())),
        _ => Msg::new("contact-intro"),
    };
    reply.push(Block::Text(intro));
    reply.push(Block::Contact(contacts::route(ctx.config, id, ctx.office)));
    match ctx.office {
        Some(o) => cards::append_next_hint(o, ctx.office_agent(), &mut reply),
        None => {
            reply.push(Block::Text(Msg::new("hint-register")));
        }
    }
    // The contact view does not offer itself.
    reply.buttons.retain(|b| b.action != ButtonAction::Contact);
    Ok(Outcome::reply(reply))
}

pub(super) fn help(ctx: &Ctx) -> Reply {
    let mut reply = Reply::default();
    reply.push(Block::Title(Msg::new("help-title")));
    reply.push(Block::Text(Msg::new("help-text")));
    if ctx.actor.staff {
        reply.push(Block::Text(Msg::new("help-staff")));
    }
    if ctx.office.is_none() && ctx.agent.is_none() {
        reply.push(Block::Text(Msg::new("hint-register")));
    }
    reply
}
