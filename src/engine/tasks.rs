//! `/done`, `/undo` and `/mode`: the commands that change an office's progress
//! or billing mode.

use super::{
    done_mark, earlier_open, parse_mode, record, registered_office, undo_target, update_details, By, Ctx, Details,
    Outcome,
};
use crate::cards;
use crate::error::UserError;
use crate::model::{Action, Change, Office};
use crate::playbook::{self, Doer, Mode, StepId, StepStatus, TaskId, Track};
use crate::reply::{Block, Msg, Reply, Tone};
use crate::text;

/// What `/done step:` names.
enum Target {
    /// Exactly this task (a task id; also what a button sends).
    Task(TaskId),
    /// The step's next open task (a step id or its number in the list).
    Step(StepId),
}

/// Resolves what the user typed: a task id, else a step's number in the
/// office's numbered list or its id. (The single-task steps share their
/// task's id; for them both readings mark the same task.)
fn parse_target(mode: Mode, s: &str) -> Result<Target, UserError> {
    if let Some(task) = TaskId::parse(s) {
        return Ok(Target::Task(task));
    }
    let folded = text::fold(s);
    let step = match folded.parse::<usize>() {
        Ok(n) => playbook::numbered(mode).nth(n.wrapping_sub(1)),
        Err(_) => StepId::parse(&folded),
    };
    step.map(Target::Step)
        .ok_or_else(|| UserError::UnknownStep(s.to_string()))
}

pub(super) fn done(ctx: &Ctx, step: Option<&str>) -> Result<Outcome, UserError> {
    let office = registered_office(ctx)?;
    let all_done = || match office.mode {
        Mode::Proxy => UserError::OfficePartDone(ctx.office_agent().map(|a| a.name.clone())),
        _ => UserError::AllDone,
    };
    let target = match step {
        Some(s) => parse_target(office.mode, s)?,
        None => Target::Step(office.current_step().ok_or_else(all_done)?),
    };
    let step = match target {
        Target::Task(task) => task.step(),
        Target::Step(step) => step,
    };
    match step.doer(office.mode) {
        Some(Doer::Own) => {}
        Some(Doer::Agent) => {
            return Err(UserError::StepIsAgents {
                step,
                agent: ctx.office_agent().map(|a| a.name.clone()).unwrap_or_default(),
            })
        }
        Some(Doer::Vendor) => return Err(UserError::StepIsVendors(step)),
        _ => return Err(UserError::StepNotApplicable(step)),
    }
    let task = match target {
        Target::Task(task) => task,
        Target::Step(step) => playbook::next_task(step, &office.done).ok_or(UserError::StepAlreadyDone(step))?,
    };
    // A task id names one task: done already (a second click, a retry after
    // a lost reply) changes nothing; one after an open task waits for it.
    if let Some(mark) = office.done.get(&task) {
        return Ok(Outcome::reply(already_done(ctx, office, task, mark.at)));
    }
    earlier_open(task, &office.done)?;
    let track = Track::Office(office.mode);
    let mut after = office.clone();
    after.done.insert(task, done_mark(ctx));
    let change = record(By::from(ctx), Some(office), after, Action::TaskDone { task });
    let mut reply = Reply {
        tone: Tone::Success,
        ..Reply::default()
    };
    reply.push(Block::Success(
        Msg::new("done-task")
            .msg("task", Msg::new(task.msg_in(track)))
            .date("date", ctx.now),
    ));
    let (d, n) = playbook::counts(change.office.mode, &change.office.done);
    reply.push(Block::Text(cards::progress_count(d, n)));
    if let StepStatus::Waiting { .. } = change.office.status(step) {
        reply.push(Block::Text(
            Msg::new("done-now-waiting").msg("what", Msg::new(step.msg_in(track, "waiting"))),
        ));
    }
    if task == TaskId::CertificateInstall {
        super::expiry::ask_after_install(change.office.certificate.as_ref(), &mut reply);
    }
    cards::append_after_done(ctx.config, &change.office, ctx.office_agent(), step, &mut reply);
    Ok(Outcome {
        reply,
        change: Some(change.into()),
    })
}

/// A task marked done before (a second click, a retried command): says so
/// and what comes next, as `/done` would; nothing changes.
fn already_done(ctx: &Ctx, office: &Office, task: TaskId, at: i64) -> Reply {
    let mut reply = Reply::default();
    reply.push(Block::Text(
        Msg::new("done-already")
            .msg("task", Msg::new(task.msg_in(office.mode)))
            .date("date", at),
    ));
    cards::append_after_done(ctx.config, office, ctx.office_agent(), task.step(), &mut reply);
    reply
}

pub(super) fn undo(ctx: &Ctx) -> Result<Outcome, UserError> {
    let office = registered_office(ctx)?;
    let target = undo_target(ctx.history)?;
    let mut after = office.clone();
    let what = match &target.action {
        Action::TaskDone { task } => {
            after.done.remove(task);
            Msg::new("undo-task").msg("task", Msg::new(task.msg_in(office.mode)))
        }
        Action::ModeChanged { from, .. } => {
            after.mode = *from;
            Msg::new("undo-mode").msg("mode", Msg::new(from.msg_id()))
        }
        Action::Updated {
            prev_name,
            prev_mode,
            prev_software,
            prev_agent,
            ..
        } => {
            after.name = prev_name.clone();
            after.mode = *prev_mode;
            after.software = prev_software.clone();
            after.agent = prev_agent.clone();
            Msg::new("undo-update").str("name", prev_name)
        }
        Action::CertificateReported { prev, .. } => {
            after.certificate = *prev;
            Msg::new("undo-certificate")
        }
        _ => return Err(UserError::NothingToUndo),
    };
    let change = record(By::from(ctx), Some(office), after, Action::Undo { seq: target.seq });
    let mut reply = Reply {
        tone: Tone::Success,
        ..Reply::default()
    };
    reply.push(Block::Success(what));
    // The 代理人 loaded is the one the office had before the undo.
    let agent = ctx
        .office_agent()
        .filter(|a| change.office.agent.as_deref() == Some(a.key.as_str()));
    cards::append_next_hint(&change.office, agent, &mut reply);
    Ok(Outcome {
        reply,
        change: Some(change.into()),
    })
}

pub(super) fn change_mode(ctx: &Ctx, mode: &str) -> Result<Outcome, UserError> {
    let office = registered_office(ctx)?;
    let to = parse_mode(mode)?;
    if to == office.mode {
        return Err(UserError::SameMode(to.as_str().to_string()));
    }
    let by = By::from(ctx);
    let mut reply = Reply {
        tone: Tone::Success,
        ..Reply::default()
    };
    reply.push(Block::Success(
        Msg::new("mode-changed").msg("mode", Msg::new(to.msg_id())),
    ));
    // An office leaving proxy mode leaves its 代理人: a change of details
    // (undone with its 代理人 back).
    let change = match (office.agent.as_ref(), ctx.office_agent()) {
        (Some(_), agent) => {
            let details = Details {
                name: office.name.clone(),
                mode: to,
                software: office.software.clone(),
                agent: None,
            };
            if let Some(a) = agent {
                reply.push(Block::Text(Msg::new("mode-left-agent").str("agent", &a.name)));
            }
            update_details(by, office, details).expect("the mode differs")
        }
        (None, _) => {
            let mut after = office.clone();
            after.mode = to;
            record(by, Some(office), after, Action::ModeChanged { from: office.mode, to })
        }
    };
    reply.push(Block::Text(Msg::new(to.desc_id())));
    cards::append_next(ctx.config, ctx.now, &change.office, None, &mut reply);
    Ok(Outcome {
        reply,
        change: Some(Change::from(change)),
    })
}
