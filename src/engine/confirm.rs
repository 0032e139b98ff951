//! What a report in words (「届出を出しました」) or an undo request in words
//! gets before anything changes: a confirmation naming the change, and the
//! commands that make it once the user says yes (or taps the button).

use super::{registered_office, Ctx};
use std::collections::BTreeMap;

use crate::cards::{self, AgentView};
use crate::command::Input;
use crate::error::UserError;
use crate::playbook::{self, Doer, DoneMark, StepStatus, TaskId, Track};
use crate::reply::{Block, Button, ButtonAction, Msg, Reply};
use crate::staff;

/// A reply that asks, and what to run on yes.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirmation {
    pub reply: Reply,
    /// Run in order on yes; empty when there is nothing to confirm.
    pub then: Vec<Input>,
}

impl Confirmation {
    fn say(reply: Reply) -> Confirmation {
        Confirmation {
            reply,
            then: Vec::new(),
        }
    }
}

fn done(task: TaskId) -> Input {
    Input::Done {
        step: Some(task.as_str().to_string()),
        office: None,
    }
}

/// A report that `task` (or, without one, the office's next open task) is
/// done. A task whose step has an earlier task open is confirmed with it:
/// the notice cannot arrive before the 届出 was submitted.
pub fn status(ctx: &Ctx, task: Option<TaskId>) -> Confirmation {
    if let (None, Some(view)) = (ctx.office, ctx.agent) {
        return agent_status(&view, task);
    }
    let Some(office) = ctx.office else {
        let mut r = Reply::default();
        r.push(Block::Text(Msg::new("intent-status-unregistered")));
        r.push(Block::Text(Msg::new("hint-register")));
        return Confirmation::say(r);
    };
    let mut r = Reply::default();
    let task = task.or_else(|| office.current_step().and_then(|s| playbook::next_task(s, &office.done)));
    let Some(task) = task else {
        r.push(Block::Text(Msg::new("intent-status-all-done")));
        cards::append_next_hint(office, ctx.agent.map(|v| v.agent), &mut r);
        return Confirmation::say(r);
    };
    let step = task.step();
    if office.status(step) == StepStatus::NotApplicable {
        r.push(Block::Text(
            Msg::new("intent-status-na").msg("step", Msg::new(step.title_id())),
        ));
        cards::append_next_hint(office, ctx.agent.map(|v| v.agent), &mut r);
        return Confirmation::say(r);
    }
    if let Some(mark) = office.done.get(&task) {
        r.push(Block::Text(
            Msg::new("intent-status-already")
                .msg("task", Msg::new(task.msg_id()))
                .date("date", mark.at),
        ));
        cards::append_next_hint(office, ctx.agent.map(|v| v.agent), &mut r);
        return Confirmation::say(r);
    }
    ask(task, &office.done, TaskId::msg_id)
}

/// A report in a 代理人's channel: its own task (or its next open one). The
/// offices' 届出 are each an office's, recorded with `/done office:`.
fn agent_status(view: &AgentView, task: Option<TaskId>) -> Confirmation {
    let agent = view.agent;
    let mut r = Reply::default();
    let task = task.or_else(|| view.current_step().and_then(|s| playbook::next_task(s, &agent.done)));
    let Some(task) = task else {
        r.push(Block::Text(Msg::new("intent-status-all-done")));
        return Confirmation::say(r);
    };
    let step = task.step();
    match step.doer(Track::Agent) {
        Some(Doer::Offices) => {
            let e = match view.offices.first() {
                Some(o) => UserError::WhichOffice(o.number.to_string()),
                None => UserError::AgentHasNoOffices(agent.name.clone()),
            };
            r.push(Block::Text(e.msg()));
            return Confirmation::say(r);
        }
        None => {
            r.push(Block::Text(
                Msg::new("intent-status-na").msg("step", Msg::new(step.title_id())),
            ));
            return Confirmation::say(r);
        }
        Some(_) => {}
    }
    if let Some(mark) = agent.done.get(&task) {
        r.push(Block::Text(
            Msg::new("intent-status-already")
                .msg("task", Msg::new(task.msg_in(Track::Agent)))
                .date("date", mark.at),
        ));
        return Confirmation::say(r);
    }
    ask(task, &agent.done, |t| t.msg_in(Track::Agent))
}

/// The confirmation of `task` (with its step's earlier open task: the
/// notice cannot arrive before the 届出 was submitted), named by `name`.
fn ask(task: TaskId, done: &BTreeMap<TaskId, DoneMark>, name: impl Fn(TaskId) -> String) -> Confirmation {
    let mut r = Reply::default();
    let first = task
        .step()
        .tasks()
        .iter()
        .take_while(|t| **t != task)
        .find(|t| !done.contains_key(t))
        .copied();
    let tasks: Vec<TaskId> = first.into_iter().chain([task]).collect();
    let ask = match first {
        Some(first) => Msg::new("intent-status-confirm-both")
            .msg("first", Msg::new(name(first)))
            .msg("task", Msg::new(name(task))),
        None => Msg::new("intent-status-confirm").msg("task", Msg::new(name(task))),
    };
    r.push(Block::Title(ask));
    r.push(Block::Text(Msg::new("intent-status-how")));
    // One button per task, each completing exactly its task.
    r.buttons = tasks
        .iter()
        .map(|t| Button {
            action: ButtonAction::Done(*t),
            label: if tasks.len() == 1 {
                Msg::new("button-done")
            } else {
                Msg::new("button-done-task").msg("task", Msg::new(t.value_id()))
            },
        })
        .collect();
    Confirmation {
        reply: r,
        then: tasks.into_iter().map(self::done).collect(),
    }
}

/// An undo asked for in words: what `/undo` would undo, to confirm.
pub fn undo(ctx: &Ctx) -> Result<Confirmation, UserError> {
    // In a 代理人's channel, its own history.
    if ctx.office.is_some() || ctx.agent.is_none() {
        registered_office(ctx)?;
    }
    let target = super::undo_target(ctx.history)?;
    let mut r = Reply::default();
    r.push(Block::Title(
        Msg::new("intent-undo-confirm").msg("what", staff::action_msg(&target.action)),
    ));
    r.push(Block::Text(Msg::new("intent-undo-how")));
    Ok(Confirmation {
        reply: r,
        then: vec![Input::Undo],
    })
}
