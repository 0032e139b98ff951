//! The pure engine: an office's state, an actor, an input and the time in;
//! a reply and the change to store out. No clock, no store, no Discord.

use crate::command::Input;
use crate::config::Config;
use crate::contacts;
use crate::error::UserError;
use crate::model::{Action, Actor, Event, Office, RECORD_VERSION};
use crate::office_number::OfficeNumber;
use crate::playbook::{self, ContactId, DoneMark, Mode, StepId, StepStatus};
use crate::reply::{Block, Button, ButtonAction, ChecklistItem, Mark, Msg, Reply, Tone};
use crate::text;

/// Longest office name or software name accepted.
pub const MAX_NAME: usize = 100;

/// Everything the engine may read for one command.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// Unix seconds.
    pub now: i64,
    pub actor: &'a Actor,
    pub channel: &'a str,
    /// The office bound to the channel.
    pub office: Option<&'a Office>,
    /// That office's history, oldest first.
    pub history: &'a [Event],
    /// For `/register`: the office already registered under the given number.
    pub existing: Option<&'a Office>,
    pub config: &'a Config,
}

/// What to store: the office's new state and the history event, in one
/// transaction, only if the office is still at `expected_revision`.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub office: Office,
    pub event: Event,
    /// The revision the office had when the command was read; `None` for a
    /// new office (it must not exist yet).
    pub expected_revision: Option<u64>,
    /// Bind this channel to the office.
    pub bind: Option<String>,
    /// The channel the office leaves (its old binding is removed).
    pub unbind: Option<String>,
    /// Another office that loses its binding to `bind`'s channel.
    pub displaced: Option<OfficeNumber>,
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

/// The office the input names, for `/register`: lets the caller load it.
pub fn register_number(input: &Input) -> Option<Result<OfficeNumber, UserError>> {
    match input {
        Input::Register { number, .. } => Some(OfficeNumber::parse(number).map(|p| p.number).map_err(UserError::from)),
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
        } => register(ctx, number, name, mode.as_deref(), software.as_deref()),
        Input::Next => {
            let office = office(ctx)?;
            Ok(Outcome::reply(next_reply(ctx, office)))
        }
        Input::Done { step } => done(ctx, step.as_deref()),
        Input::Undo => undo(ctx),
        Input::Progress => Ok(Outcome::reply(progress(ctx, office(ctx)?))),
        Input::Contact { topic } => contact(ctx, topic.as_deref()),
        Input::Mode { mode } => change_mode(ctx, mode),
        Input::Help => Ok(Outcome::reply(help(ctx))),
        Input::Faq { .. } | Input::Question(_) | Input::Summary { .. } | Input::Unanswered | Input::History { .. } => {
            Err(UserError::UnknownCommand(input.name().to_string()))
        }
    }
}

fn office<'a>(ctx: &Ctx<'a>) -> Result<&'a Office, UserError> {
    ctx.office.ok_or(UserError::NotRegistered)
}

fn event(ctx: &Ctx, office: &Office, action: Action) -> Event {
    Event {
        v: RECORD_VERSION,
        seq: office.revision + 1,
        at: ctx.now,
        actor: ctx.actor.clone(),
        action,
    }
}

/// Applies an action to the office: bumps revision and time, returns the change.
fn commit(ctx: &Ctx, before: Option<&Office>, mut after: Office, action: Action) -> Change {
    let ev = event(ctx, &after, action);
    after.revision = ev.seq;
    after.updated_at = ctx.now;
    Change {
        office: after,
        event: ev,
        expected_revision: before.map(|o| o.revision),
        bind: None,
        unbind: None,
        displaced: None,
    }
}

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

fn register(
    ctx: &Ctx,
    number: &str,
    name: &str,
    mode: Option<&str>,
    software: Option<&str>,
) -> Result<Outcome, UserError> {
    let parsed = OfficeNumber::parse(number)?;
    let name = clean_name(name, UserError::EmptyName)?;
    let mode_given = mode.map(parse_mode).transpose()?;
    let software = match software {
        Some(s) if !text::clean(s).trim().is_empty() => Some(clean_name(s, UserError::EmptyName)?),
        _ => None,
    };
    let number = parsed.number.clone();
    let staff = ctx.actor.staff;
    let channel = ctx.channel.to_string();

    let mut reply = Reply {
        tone: Tone::Success,
        ..Reply::default()
    };
    let change = match (ctx.office, ctx.existing) {
        // The channel's own office: update its details.
        (Some(cur), _) if cur.number == number => {
            let mode = mode_given.unwrap_or(cur.mode);
            let software = software.or_else(|| cur.software.clone());
            if cur.name == name && cur.mode == mode && cur.software == software {
                reply.push(Block::Success(
                    Msg::new("register-unchanged")
                        .str("name", &cur.name)
                        .str("number", cur.number.as_str()),
                ));
                None
            } else {
                let mut after = cur.clone();
                after.name = name.clone();
                after.mode = mode;
                after.software = software.clone();
                let action = Action::Updated {
                    name: name.clone(),
                    mode,
                    software,
                    prev_name: cur.name.clone(),
                    prev_mode: cur.mode,
                    prev_software: cur.software.clone(),
                };
                reply.push(Block::Success(
                    Msg::new("register-updated")
                        .str("name", &name)
                        .str("number", number.as_str()),
                ));
                Some(commit(ctx, Some(cur), after, action))
            }
        }
        (Some(cur), _) if !staff => return Err(UserError::ChannelBound(cur.number.to_string())),
        (_, Some(ex)) if ex.channel.as_deref().is_some_and(|c| c != channel) && !staff => {
            return Err(UserError::NumberBoundElsewhere {
                number: number.to_string(),
            })
        }
        // Staff (re)binding, or an existing office without a channel.
        (cur, Some(ex)) => {
            let mut after = ex.clone();
            after.name = name.clone();
            after.mode = mode_given.unwrap_or(ex.mode);
            if software.is_some() {
                after.software = software;
            }
            after.channel = Some(channel.clone());
            let action = Action::Bound {
                channel: channel.clone(),
                prev: ex.channel.clone(),
            };
            let mut ch = commit(ctx, Some(ex), after, action);
            ch.bind = Some(channel.clone());
            ch.unbind = ex.channel.clone().filter(|c| *c != channel);
            ch.displaced = cur.map(|c| c.number.clone());
            reply.push(Block::Success(
                Msg::new("register-bound")
                    .str("name", &name)
                    .str("number", number.as_str()),
            ));
            Some(ch)
        }
        (cur, None) => {
            let mode = mode_given.unwrap_or_default();
            let office = Office::new(
                number.clone(),
                name.clone(),
                mode,
                software.clone(),
                Some(channel.clone()),
                ctx.now,
            );
            let action = Action::Registered {
                name: name.clone(),
                mode,
                software,
            };
            let mut ch = commit(ctx, None, office, action);
            ch.bind = Some(channel.clone());
            ch.displaced = cur.map(|c| c.number.clone());
            reply.push(Block::Success(
                Msg::new("register-done")
                    .str("name", &name)
                    .str("number", number.as_str())
                    .msg("mode", Msg::new(mode.msg_id())),
            ));
            Some(ch)
        }
    };
    if let Some(expected) = parsed.check_digit_mismatch {
        reply.push(Block::Warning(
            Msg::new("register-check-digit").str("expected", expected.to_string()),
        ));
    }
    let office_after = change
        .as_ref()
        .map(|c| &c.office)
        .or(ctx.office)
        .expect("an office exists after register");
    reply.push(Block::Text(Msg::new(office_after.mode.desc_id())));
    append_next(ctx.config, ctx.now, office_after, &mut reply);
    Ok(Outcome { reply, change })
}

/// The step's number in the office's list and the list's length.
fn position(mode: Mode, step: StepId) -> (usize, usize) {
    let list: Vec<StepId> = playbook::steps(mode).collect();
    (list.iter().position(|s| *s == step).map_or(0, |i| i + 1), list.len())
}

fn step_title(mode: Mode, step: StepId) -> Msg {
    let (n, total) = position(mode, step);
    Msg::new("step-heading")
        .num("n", n as i64)
        .num("total", total as i64)
        .msg("title", Msg::new(step.title_id()))
}

/// The card of the office's current step (or the completion message).
fn append_next(config: &Config, now: i64, office: &Office, reply: &mut Reply) {
    let Some(step) = office.current_step() else {
        reply.push(Block::Title(Msg::new("steps-complete-title")));
        reply.push(Block::Text(Msg::new("steps-complete")));
        reply.push(Block::Contact(contacts::route(
            config,
            ContactId::Software,
            Some(office),
        )));
        reply.buttons = vec![progress_button()];
        return;
    };
    reply.push(Block::Title(step_title(office.mode, step)));
    let status = office.status(step);
    if let StepStatus::Waiting { since } = status {
        let label = Msg::new(step.waiting_id().unwrap_or_default());
        reply.push(Block::Warning(
            Msg::new("next-waiting")
                .msg("what", label)
                .date("since", since)
                .num("days", crate::content::days_between(since, now)),
        ));
    }
    for part in ["what", "need", "receive", "time", "missing"] {
        reply.push(Block::Field {
            label: Msg::new(format!("label-{part}")),
            value: Msg::new(step.msg(part)),
        });
    }
    if let Some(task) = playbook::next_task(step, &office.done) {
        reply.push(Block::Text(Msg::new("next-task").msg("task", Msg::new(task.msg_id()))));
    }
    reply.push(Block::Contact(contacts::route(config, step.contact(), Some(office))));
    reply.buttons = vec![
        Button {
            action: ButtonAction::Done(step),
            label: Msg::new("button-done"),
        },
        progress_button(),
        Button {
            action: ButtonAction::Contact,
            label: Msg::new("button-contact"),
        },
    ];
}

fn progress_button() -> Button {
    Button {
        action: ButtonAction::Progress,
        label: Msg::new("button-progress"),
    }
}

fn next_reply(ctx: &Ctx, office: &Office) -> Reply {
    step_card(ctx.config, ctx.now, office)
}

/// The card of the office's current step (what `/next` shows).
pub fn step_card(config: &Config, now: i64, office: &Office) -> Reply {
    let mut reply = Reply::default();
    append_next(config, now, office, &mut reply);
    reply
}

/// Resolves a step typed by the user: an id or its number in the office's list.
fn parse_step(mode: Mode, s: &str) -> Result<StepId, UserError> {
    let folded = text::fold(s);
    if let Ok(n) = folded.parse::<usize>() {
        return playbook::steps(mode)
            .nth(n.wrapping_sub(1))
            .ok_or_else(|| UserError::UnknownStep(s.to_string()));
    }
    StepId::parse(&folded).ok_or_else(|| UserError::UnknownStep(s.to_string()))
}

fn done(ctx: &Ctx, step: Option<&str>) -> Result<Outcome, UserError> {
    let office = office(ctx)?;
    let step = match step {
        Some(s) => {
            let step = parse_step(office.mode, s)?;
            match office.status(step) {
                StepStatus::NotApplicable => return Err(UserError::StepNotApplicable(step)),
                _ if !step.in_mode(office.mode) => return Err(UserError::StepNotApplicable(step)),
                StepStatus::Done { .. } => return Err(UserError::StepAlreadyDone(step)),
                _ => step,
            }
        }
        None => office.current_step().ok_or(UserError::AllDone)?,
    };
    let task = playbook::next_task(step, &office.done).ok_or(UserError::StepAlreadyDone(step))?;
    let mut after = office.clone();
    after.done.insert(
        task,
        DoneMark {
            at: ctx.now,
            by: ctx.actor.name.clone(),
        },
    );
    let change = commit(ctx, Some(office), after, Action::TaskDone { task });
    let mut reply = Reply {
        tone: Tone::Success,
        ..Reply::default()
    };
    reply.push(Block::Success(
        Msg::new("done-task")
            .msg("task", Msg::new(task.msg_id()))
            .date("date", ctx.now),
    ));
    if let StepStatus::Waiting { .. } = change.office.status(step) {
        reply.push(Block::Text(
            Msg::new("done-now-waiting").msg("what", Msg::new(step.waiting_id().unwrap_or_default())),
        ));
    }
    let (d, n) = playbook::counts(change.office.mode, &change.office.done);
    reply.push(Block::Text(progress_count(d, n)));
    append_next(ctx.config, ctx.now, &change.office, &mut reply);
    Ok(Outcome {
        reply,
        change: Some(change),
    })
}

fn undo(ctx: &Ctx) -> Result<Outcome, UserError> {
    let office = office(ctx)?;
    let undone: Vec<u64> = ctx
        .history
        .iter()
        .filter_map(|e| match e.action {
            Action::Undo { seq } => Some(seq),
            _ => None,
        })
        .collect();
    let target = ctx
        .history
        .iter()
        .rev()
        .find(|e| e.action.undoable() && !undone.contains(&e.seq))
        .ok_or(UserError::NothingToUndo)?;
    let mut after = office.clone();
    let what = match &target.action {
        Action::TaskDone { task } => {
            after.done.remove(task);
            Msg::new("undo-task").msg("task", Msg::new(task.msg_id()))
        }
        Action::ModeChanged { from, .. } => {
            after.mode = *from;
            Msg::new("undo-mode").msg("mode", Msg::new(from.msg_id()))
        }
        Action::Updated {
            prev_name,
            prev_mode,
            prev_software,
            ..
        } => {
            after.name = prev_name.clone();
            after.mode = *prev_mode;
            after.software = prev_software.clone();
            Msg::new("undo-update").str("name", prev_name)
        }
        _ => return Err(UserError::NothingToUndo),
    };
    let change = commit(ctx, Some(office), after, Action::Undo { seq: target.seq });
    let mut reply = Reply {
        tone: Tone::Success,
        ..Reply::default()
    };
    reply.push(Block::Success(what));
    append_pointer(&change.office, &mut reply);
    Ok(Outcome {
        reply,
        change: Some(change),
    })
}

/// One line naming the current step and the command to see it.
fn append_pointer(office: &Office, reply: &mut Reply) {
    match office.current_step() {
        Some(step) => reply.push(Block::Text(
            Msg::new("next-pointer").msg("step", step_title(office.mode, step)),
        )),
        None => reply.push(Block::Text(Msg::new("steps-complete"))),
    };
    reply.buttons = vec![
        Button {
            action: ButtonAction::Next,
            label: Msg::new("button-next"),
        },
        progress_button(),
    ];
}

fn progress_count(done: usize, total: usize) -> Msg {
    let pct = (done * 100).checked_div(total).unwrap_or(100);
    Msg::new("progress-count")
        .num("done", done as i64)
        .num("total", total as i64)
        .num("percent", pct as i64)
        .str("bar", bar(done, total))
}

/// A ten-cell text progress bar.
pub fn bar(done: usize, total: usize) -> String {
    let filled = (done * 10).checked_div(total).unwrap_or(10);
    format!("{}{}", "■".repeat(filled), "□".repeat(10 - filled))
}

/// The office's checklist.
pub fn checklist(ctx: &Ctx, office: &Office) -> Vec<ChecklistItem> {
    let current = office.current_step();
    playbook::steps(office.mode)
        .map(|step| {
            let title = step_title(office.mode, step);
            let (mark, text) = match office.status(step) {
                StepStatus::Done { at } => (
                    Mark::Done,
                    Msg::new("progress-item-done").msg("step", title).date("date", at),
                ),
                StepStatus::Waiting { since } => (
                    Mark::Waiting,
                    Msg::new("progress-item-waiting")
                        .msg("step", title)
                        .msg("what", Msg::new(step.waiting_id().unwrap_or_default()))
                        .date("since", since)
                        .num("days", crate::content::days_between(since, ctx.now)),
                ),
                StepStatus::Todo => (Mark::Todo, Msg::new("progress-item-todo").msg("step", title)),
                StepStatus::NotApplicable => (Mark::NotApplicable, Msg::new("progress-item-na").msg("step", title)),
            };
            ChecklistItem {
                mark,
                step,
                text,
                current: current == Some(step),
            }
        })
        .collect()
}

fn progress(ctx: &Ctx, office: &Office) -> Reply {
    let mut reply = Reply::default();
    reply.push(Block::Title(
        Msg::new("progress-title")
            .str("name", &office.name)
            .str("number", office.number.as_str())
            .msg("mode", Msg::new(office.mode.msg_id())),
    ));
    reply.push(Block::Checklist(checklist(ctx, office)));
    let (d, n) = playbook::counts(office.mode, &office.done);
    reply.push(Block::Text(progress_count(d, n)));
    reply.push(Block::Text(
        Msg::new("progress-registered")
            .date("date", office.registered_at)
            .date("updated", office.updated_at),
    ));
    append_pointer(office, &mut reply);
    reply
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
        Some(o) => append_pointer(o, &mut reply),
        None => {
            reply.push(Block::Text(Msg::new("hint-register")));
        }
    }
    Ok(Outcome::reply(reply))
}

fn change_mode(ctx: &Ctx, mode: &str) -> Result<Outcome, UserError> {
    let office = office(ctx)?;
    let to = parse_mode(mode)?;
    if to == office.mode {
        return Err(UserError::SameMode(to.as_str().to_string()));
    }
    let mut after = office.clone();
    after.mode = to;
    let change = commit(ctx, Some(office), after, Action::ModeChanged { from: office.mode, to });
    let mut reply = Reply {
        tone: Tone::Success,
        ..Reply::default()
    };
    reply.push(Block::Success(
        Msg::new("mode-changed").msg("mode", Msg::new(to.msg_id())),
    ));
    reply.push(Block::Text(Msg::new(to.desc_id())));
    append_next(ctx.config, ctx.now, &change.office, &mut reply);
    Ok(Outcome {
        reply,
        change: Some(change),
    })
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
