//! The commands in a 代理人's channel: its own steps (`/done`, `/undo`), its
//! offices' 届出 (`/done office:NUMBER`, recorded in the office's history and
//! in the 代理人's, so `/undo` here takes it back), its one certificate
//! (`/certificate`, see `expiry`), and its views.

use super::{done_mark, earlier_open, parse_topic, record, record_agent, undo_target, By, Ctx, Outcome};
use crate::cards::{self, AgentView};
use crate::command::Input;
use crate::contacts;
use crate::error::UserError;
use crate::model::{Action, Change, Office};
use crate::office_number::OfficeNumber;
use crate::playbook::{self, ContactId, Doer, StepId, StepStatus, TaskId, Track};
use crate::reply::{Block, Msg, Reply, Tone};
use crate::text;

pub(super) fn handle(ctx: &Ctx, view: AgentView, input: &Input) -> Result<Outcome, UserError> {
    match input {
        Input::Next => Ok(Outcome::reply(cards::agent_card(ctx.config, ctx.now, &view))),
        Input::Progress => Ok(Outcome::reply(cards::agent_progress(ctx.now, &view))),
        Input::Done { step, office } => match office {
            Some(n) => office_done(ctx, view, n, step.as_deref()),
            None => done(ctx, view, step.as_deref()),
        },
        Input::Undo => undo(ctx, view),
        Input::Contact { topic } => contact(ctx, view, topic.as_deref()),
        Input::Mode { .. } => Err(UserError::AgentChannelMode(view.agent.name.clone())),
        Input::Help => Ok(Outcome::reply(super::help(ctx))),
        Input::Certificate { expires, issued } => {
            super::expiry::agent_certificate(ctx, view, expires.as_deref(), issued.as_deref())
        }
        _ => Err(UserError::UnknownCommand {
            cmd: input.name().to_string(),
            meant: None,
        }),
    }
}

/// What `/done step:` names in the 代理人's list: a task id, a step id, or
/// a step's number.
fn parse_step(s: &str) -> Result<(StepId, Option<TaskId>), UserError> {
    if let Some(task) = TaskId::parse(s) {
        return Ok((task.step(), Some(task)));
    }
    let folded = text::fold(s);
    let step = match folded.parse::<usize>() {
        Ok(n) => playbook::numbered(Track::Agent).nth(n.wrapping_sub(1)),
        Err(_) => StepId::parse(&folded),
    };
    step.map(|s| (s, None))
        .ok_or_else(|| UserError::UnknownStep(s.to_string()))
}

/// `/done` in the 代理人's channel: its current (or named) own task.
fn done(ctx: &Ctx, view: AgentView, step: Option<&str>) -> Result<Outcome, UserError> {
    let agent = view.agent;
    let (step, task) = match step {
        Some(s) => parse_step(s)?,
        None => (view.current_step().ok_or(UserError::AgentAllDone)?, None),
    };
    if step.doer(Track::Agent) == Some(Doer::Offices) {
        return Err(match view.offices.first() {
            Some(o) => UserError::WhichOffice(o.number.to_string()),
            None => UserError::AgentHasNoOffices(agent.name.clone()),
        });
    }
    let task = match task {
        Some(t) => t,
        None => playbook::next_task(step, &agent.done).ok_or(UserError::StepAlreadyDone(step))?,
    };
    if let Some(mark) = agent.done.get(&task) {
        let mut reply = Reply::default();
        reply.push(Block::Text(
            Msg::new("done-already")
                .msg("task", Msg::new(task.msg_in(Track::Agent)))
                .date("date", mark.at),
        ));
        cards::append_agent_after_done(ctx.config, &view, step, &mut reply);
        return Ok(Outcome::reply(reply));
    }
    earlier_open(task, &agent.done)?;
    let mut after = agent.clone();
    after.done.insert(task, done_mark(ctx));
    let write = record_agent(By::from(ctx), Some(agent), after, Action::TaskDone { task });
    let after = AgentView {
        agent: &write.agent,
        offices: view.offices,
    };
    let mut reply = success(
        Msg::new("done-task")
            .msg("task", Msg::new(task.msg_in(Track::Agent)))
            .date("date", ctx.now),
    );
    let (d, n) = after.counts();
    reply.push(Block::Text(cards::progress_count(d, n)));
    if let StepStatus::Waiting { .. } = after.status(step) {
        reply.push(Block::Text(
            Msg::new("done-now-waiting").msg("what", Msg::new(step.msg_in(Track::Agent, "waiting"))),
        ));
    }
    if task == TaskId::CertificateInstall {
        super::expiry::ask_after_install(after.agent.certificate.as_ref(), &mut reply);
    }
    cards::append_agent_after_done(ctx.config, &after, step, &mut reply);
    let change = Change::from(write);
    Ok(Outcome {
        reply,
        change: Some(change),
    })
}

fn success(msg: Msg) -> Reply {
    let mut reply = Reply {
        tone: Tone::Success,
        ..Reply::default()
    };
    reply.push(Block::Success(msg));
    reply
}

/// The 代理人's office with the number typed.
fn find_office<'a>(view: &AgentView<'a>, typed: &str) -> Result<&'a Office, UserError> {
    let number: OfficeNumber = OfficeNumber::parse(typed)?.number;
    view.offices
        .iter()
        .find(|o| o.number == number)
        .ok_or_else(|| UserError::NotAgentsOffice {
            number: number.to_string(),
            agent: view.agent.name.clone(),
        })
}

/// `/done office:NUMBER [step:]` in the 代理人's channel: the office's next
/// (or named) 届出 task, in the office's history and the 代理人's.
fn office_done(ctx: &Ctx, view: AgentView, typed: &str, step: Option<&str>) -> Result<Outcome, UserError> {
    let office = find_office(&view, typed)?;
    let track = Track::Office(office.mode);
    let task = match step {
        Some(s) => {
            let (step, task) = parse_step(s)?;
            if step.doer(track) != Some(Doer::Own) {
                return Err(UserError::StepIsAgents {
                    step,
                    agent: view.agent.name.clone(),
                });
            }
            match task {
                Some(t) => t,
                None => playbook::next_task(step, &office.done).ok_or(UserError::StepAlreadyDone(step))?,
            }
        }
        None => {
            let step = office
                .current_step()
                .ok_or(UserError::StepAlreadyDone(StepId::Notify))?;
            playbook::next_task(step, &office.done).ok_or(UserError::StepAlreadyDone(step))?
        }
    };
    let office_name = || {
        Msg::new("agent-office-name")
            .str("name", &office.name)
            .str("number", office.number.as_str())
    };
    if let Some(mark) = office.done.get(&task) {
        let mut reply = Reply::default();
        reply.push(Block::Text(
            Msg::new("done-already-office")
                .msg("office", office_name())
                .msg("task", Msg::new(task.msg_in(track)))
                .date("date", mark.at),
        ));
        cards::append_agent_after_done(ctx.config, &view, task.step(), &mut reply);
        return Ok(Outcome::reply(reply));
    }
    earlier_open(task, &office.done)?;
    let by = By::from(ctx);
    let mut after = office.clone();
    after.done.insert(task, done_mark(ctx));
    let office_write = record(by, Some(office), after, Action::TaskDone { task });
    let agent_write = record_agent(
        by,
        Some(view.agent),
        view.agent.clone(),
        Action::OfficeTaskDone {
            number: office.number.clone(),
            task,
            seq: office_write.event.seq,
        },
    );
    let offices: Vec<Office> = view
        .offices
        .iter()
        .map(|o| {
            if o.number == office.number {
                office_write.office.clone()
            } else {
                o.clone()
            }
        })
        .collect();
    let after = AgentView {
        agent: &agent_write.agent,
        offices: &offices,
    };
    let mut reply = success(
        Msg::new("done-task-office")
            .msg("office", office_name())
            .msg("task", Msg::new(task.msg_in(track)))
            .date("date", ctx.now),
    );
    if let StepStatus::Waiting { .. } = office_write.office.status(task.step()) {
        reply.push(Block::Text(
            Msg::new("done-now-waiting-office").str("number", office.number.as_str()),
        ));
    }
    let tally = after.tally();
    reply.push(Block::Text(
        Msg::new("agent-offices-count")
            .num("received", tally.received as i64)
            .num("offices", tally.offices as i64),
    ));
    cards::append_agent_after_done(ctx.config, &after, task.step(), &mut reply);
    Ok(Outcome {
        reply,
        change: Some(Change {
            office: Some(office_write),
            agent: Some(agent_write),
        }),
    })
}

/// `/undo` in the 代理人's channel: the latest of its own tasks, or of its
/// offices' 届出 marked here.
fn undo(ctx: &Ctx, view: AgentView) -> Result<Outcome, UserError> {
    let agent = view.agent;
    let target = undo_target(ctx.history)?;
    let by = By::from(ctx);
    let (what, office_write) = match &target.action {
        Action::TaskDone { task } => {
            let msg = Msg::new("undo-task").msg("task", Msg::new(task.msg_in(Track::Agent)));
            (msg, None)
        }
        Action::OfficeTaskDone { number, task, seq } => {
            let office = view.offices.iter().find(|o| o.number == *number);
            // The mark this channel made (not one made again since).
            let ours = office.filter(|o| o.done.get(task).is_some_and(|m| m.at == target.at));
            let name = Msg::new("agent-office-name")
                .str("name", office.map_or("", |o| o.name.as_str()))
                .str("number", number.as_str());
            match ours {
                Some(o) => {
                    let mut after = o.clone();
                    after.done.remove(task);
                    let w = record(by, Some(o), after, Action::Undo { seq: *seq });
                    let msg = Msg::new("undo-task-office")
                        .msg("office", name)
                        .msg("task", Msg::new(task.msg_in(Track::Office(o.mode))));
                    (msg, Some(w))
                }
                None => (
                    Msg::new("undo-task-office-gone")
                        .msg("office", name)
                        .msg("task", Msg::new(task.msg_id())),
                    None,
                ),
            }
        }
        Action::CertificateReported { .. } => (Msg::new("undo-certificate"), None),
        _ => return Err(UserError::NothingToUndo),
    };
    let mut after_agent = agent.clone();
    match &target.action {
        Action::TaskDone { task } => {
            after_agent.done.remove(task);
        }
        Action::CertificateReported { prev, .. } => after_agent.certificate = *prev,
        _ => {}
    }
    let agent_write = record_agent(by, Some(agent), after_agent, Action::Undo { seq: target.seq });
    let offices: Vec<Office> = view
        .offices
        .iter()
        .map(|o| match &office_write {
            Some(w) if w.office.number == o.number => w.office.clone(),
            _ => o.clone(),
        })
        .collect();
    let after = AgentView {
        agent: &agent_write.agent,
        offices: &offices,
    };
    let mut reply = success(what);
    cards::append_agent_hint(&after, &mut reply);
    Ok(Outcome {
        reply,
        change: Some(Change {
            office: office_write,
            agent: Some(agent_write),
        }),
    })
}

fn contact(ctx: &Ctx, view: AgentView, topic: Option<&str>) -> Result<Outcome, UserError> {
    let current = view.current_step();
    let id = match topic {
        Some(t) => parse_topic(t)?,
        None => current.map_or(ContactId::Software, StepId::contact),
    };
    let mut reply = Reply::default();
    let intro = match (topic, current) {
        (None, Some(step)) => Msg::new("contact-for-step").msg("step", Msg::new(step.title_in(Track::Agent))),
        _ => Msg::new("contact-intro"),
    };
    reply.push(Block::Text(intro));
    reply.push(Block::Contact(contacts::route_agent(
        ctx.config,
        id,
        view.agent,
        view.offices,
    )));
    cards::append_agent_hint(&view, &mut reply);
    Ok(Outcome::reply(reply))
}
