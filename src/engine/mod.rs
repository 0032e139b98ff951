//! The pure engine: an office's state, an actor, an input and the time in;
//! a reply and the change to store out. No clock, no store, no Discord.
//!
//! - `register`: `/register` (create, update details, bind to a channel)
//! - `tasks`: `/done`, `/undo`, `/mode`
//! - `expiry`: `/certificate` (the certificate's expiry and the dates the
//!   office reports)
//! - `fix`: `/fix-number`, `/archive`, `/unarchive`
//! - `roster`: what one roster row does to an office (the bulk import), built
//!   on the same record builders as `/register`
//!
//! The cards these commands show are drawn by [`crate::cards`].

mod expiry;
mod fix;
mod register;
pub mod roster;
mod tasks;

pub use fix::FIX_NUMBER_DAYS;

use crate::cards;
use crate::command::Input;
use crate::config::Config;
use crate::contacts;
use crate::error::UserError;
use crate::model::{Action, Actor, Change, Event, Office, MAX_NAME, RECORD_VERSION};
use crate::office_number::OfficeNumber;
use crate::playbook::{ContactId, Mode, StepId};
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

/// Handles an office command (everything but questions and staff views).
pub fn handle(ctx: &Ctx, input: &Input) -> Result<Outcome, UserError> {
    match input {
        Input::Register {
            number,
            name,
            mode,
            software,
        } => register::register(ctx, number, name, mode.as_deref(), software.as_deref()),
        Input::Next => {
            let office = registered_office(ctx)?;
            Ok(Outcome::reply(cards::step_card(ctx.config, ctx.now, office)))
        }
        Input::Done { step } => tasks::done(ctx, step.as_deref()),
        Input::Undo => tasks::undo(ctx),
        Input::Progress => Ok(Outcome::reply(cards::progress(ctx.now, registered_office(ctx)?))),
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
        | Input::Forget { .. } => Err(UserError::UnknownCommand(input.name().to_string())),
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

/// Records an action on an office: the next event, the office at the new
/// revision and time, expected to be at `before`'s revision when stored.
pub fn record(by: By, before: Option<&Office>, mut after: Office, action: Action) -> Change {
    let event = Event {
        v: RECORD_VERSION,
        seq: after.revision + 1,
        at: by.now,
        actor: by.actor.clone(),
        action,
    };
    after.revision = event.seq;
    after.updated_at = by.now;
    Change {
        office: after,
        event,
        expected_revision: before.map(|o| o.revision),
        bind: None,
        unbind: None,
        displaced: None,
    }
}

/// A new office (optionally bound to a channel): its `Registered` change.
pub fn create(
    by: By,
    number: OfficeNumber,
    name: String,
    mode: Mode,
    software: Option<String>,
    channel: Option<String>,
) -> Change {
    let office = Office::new(number, name.clone(), mode, software.clone(), channel.clone(), by.now);
    let action = Action::Registered { name, mode, software };
    let mut change = record(by, None, office, action);
    change.bind = channel;
    change
}

/// New details for an office (`Updated`, undoable), or `None` when they are
/// the office's already. Progress and the channel are never touched.
pub fn update_details(by: By, cur: &Office, name: String, mode: Mode, software: Option<String>) -> Option<Change> {
    if cur.name == name && cur.mode == mode && cur.software == software {
        return None;
    }
    let mut after = cur.clone();
    after.name = name.clone();
    after.mode = mode;
    after.software = software.clone();
    let action = Action::Updated {
        name,
        mode,
        software,
        prev_name: cur.name.clone(),
        prev_mode: cur.mode,
        prev_software: cur.software.clone(),
    };
    Some(record(by, Some(cur), after, action))
}

/// Binds an office to a channel (`Bound`); it leaves its old channel.
/// `after` is the office as it should be stored (its details may differ
/// from `cur`'s when staff re-register it in a new channel).
pub fn bind(by: By, cur: &Office, mut after: Office, channel: String) -> Change {
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

fn contact(ctx: &Ctx, topic: Option<&str>) -> Result<Outcome, UserError> {
    let id = match topic {
        Some(t) => ContactId::parse(&text::fold(t)).ok_or_else(|| UserError::UnknownTopic(t.to_string()))?,
        None => match ctx.office {
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
        Some(o) => cards::append_next_hint(o, &mut reply),
        None => {
            reply.push(Block::Text(Msg::new("hint-register")));
        }
    }
    // The contact view does not offer itself.
    reply.buttons.retain(|b| b.action != ButtonAction::Contact);
    Ok(Outcome::reply(reply))
}

fn help(ctx: &Ctx) -> Reply {
    let mut reply = Reply::default();
    reply.push(Block::Title(Msg::new("help-title")));
    reply.push(Block::Text(Msg::new("help-text")));
    if ctx.actor.staff {
        reply.push(Block::Text(Msg::new("help-staff")));
    }
    if ctx.office.is_none() {
        reply.push(Block::Text(Msg::new("hint-register")));
    }
    reply
}
