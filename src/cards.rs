//! Cards: an office's state drawn as a [`Reply`] (the current step's card,
//! the checklist, the progress line, the hint to the next step). Pure; used
//! by the engine's commands, the staff views and the reminders.

use crate::config::Config;
use crate::contacts;
use crate::model::Office;
use crate::playbook::{self, ContactId, Mode, StepId, StepStatus, TaskId};
use crate::reply::{Block, Button, ButtonAction, ChecklistItem, Mark, Msg, Reply};

/// The step's number in the office's list and the list's length.
fn position(mode: Mode, step: StepId) -> (usize, usize) {
    let list: Vec<StepId> = playbook::steps(mode).collect();
    (list.iter().position(|s| *s == step).map_or(0, |i| i + 1), list.len())
}

/// The parts of a step card, each from the message `step-<id>-<part>`. A
/// part a step has nothing to say about has no message: the renderers leave
/// its field out (see [`Block::Field`]).
pub const FIELDS: [&str; 5] = ["what", "need", "receive", "time", "missing"];

/// "Step n/total: title" (a heading).
pub fn step_title(mode: Mode, step: StepId) -> Msg {
    step_msg("step-heading", mode, step)
}

/// "step n/total 「title」" (inside a sentence).
pub fn step_ref(mode: Mode, step: StepId) -> Msg {
    step_msg("step-ref", mode, step)
}

fn step_msg(id: &str, mode: Mode, step: StepId) -> Msg {
    let (n, total) = position(mode, step);
    Msg::new(id)
        .num("n", n as i64)
        .num("total", total as i64)
        .msg("title", Msg::new(step.title_id()))
}

/// Appends the card of the office's current step (or the completion message).
pub fn append_next(config: &Config, now: i64, office: &Office, reply: &mut Reply) {
    let Some(step) = office.current_step() else {
        append_complete(config, office, reply);
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
                .num("days", playbook::days_between(since, now)),
        ));
    }
    for part in FIELDS {
        reply.push(Block::Field {
            label: Msg::new(format!("label-{part}")),
            value: Msg::new(step.msg(part)),
        });
    }
    // The current step is open, so it has a next task.
    let task = playbook::next_task(step, &office.done);
    if let Some(task) = task {
        reply.push(Block::Text(Msg::new("next-task").msg("task", Msg::new(task.msg_id()))));
    }
    reply.push(Block::Contact(contacts::route(config, step.contact(), Some(office))));
    reply.buttons = done_button(task)
        .into_iter()
        .chain([progress_button(), contact_button()])
        .collect();
}

/// The completion card: every step is done; whom to ask about the software.
fn append_complete(config: &Config, office: &Office, reply: &mut Reply) {
    reply.push(Block::Title(Msg::new("steps-complete-title")));
    reply.push(Block::Text(Msg::new("steps-complete")));
    reply.push(Block::Contact(contacts::route(
        config,
        ContactId::Software,
        Some(office),
    )));
    reply.buttons = vec![progress_button()];
}

/// What `/done` adds after the line saying what it recorded (`step` is the
/// step of that task): in the same step, its next task; else one line
/// pointing at the new current step, whose card `/next` shows; after the
/// last step, the completion card.
pub fn append_after_done(config: &Config, office: &Office, step: StepId, reply: &mut Reply) {
    match office.current_step() {
        Some(current) if current == step => {
            let task = playbook::next_task(step, &office.done);
            if let Some(task) = task {
                reply.push(Block::Text(Msg::new("next-task").msg("task", Msg::new(task.msg_id()))));
            }
            reply.buttons = done_button(task)
                .into_iter()
                .chain([next_button(), progress_button()])
                .collect();
        }
        Some(current) => {
            reply.push(Block::Text(
                Msg::new("done-next-step").msg("step", step_ref(office.mode, current)),
            ));
            reply.buttons = vec![next_button(), progress_button()];
        }
        None => append_complete(config, office, reply),
    }
}

/// The done button names its task: a second click finds it done.
fn done_button(task: Option<TaskId>) -> Option<Button> {
    task.map(|t| Button {
        action: ButtonAction::Done(t),
        label: Msg::new("button-done"),
    })
}

fn progress_button() -> Button {
    Button {
        action: ButtonAction::Progress,
        label: Msg::new("button-progress"),
    }
}

fn next_button() -> Button {
    Button {
        action: ButtonAction::Next,
        label: Msg::new("button-next"),
    }
}

fn contact_button() -> Button {
    Button {
        action: ButtonAction::Contact,
        label: Msg::new("button-contact"),
    }
}

/// The card of the office's current step (what `/next` shows).
pub fn step_card(config: &Config, now: i64, office: &Office) -> Reply {
    let mut reply = Reply::default();
    append_next(config, now, office, &mut reply);
    reply
}

/// Appends one line naming the current step and the buttons to see it (or,
/// when every step is done, one line saying so).
pub fn append_next_hint(office: &Office, reply: &mut Reply) {
    match office.current_step() {
        Some(step) => {
            reply.push(Block::Text(
                Msg::new("next-pointer").msg("step", step_ref(office.mode, step)),
            ));
            reply.buttons = vec![next_button(), progress_button()];
        }
        None => {
            reply.push(Block::Text(Msg::new("next-pointer-complete")));
            reply.buttons = vec![progress_button(), contact_button()];
        }
    };
}

/// "n of m steps done (p%) ■■□□…".
pub fn progress_count(done: usize, total: usize) -> Msg {
    Msg::new("progress-count")
        .num("done", done as i64)
        .num("total", total as i64)
        .num("percent", share(done, total, 100) as i64)
        .str("bar", bar(done, total))
}

/// A ten-cell text progress bar.
pub fn bar(done: usize, total: usize) -> String {
    let filled = share(done, total, 10);
    format!("{}{}", "■".repeat(filled), "□".repeat(10 - filled))
}

/// `done / total` on a scale of `scale`, rounded half up; never the full
/// scale before all is done, nor zero once something is (an empty total is
/// all done).
fn share(done: usize, total: usize, scale: usize) -> usize {
    if total == 0 || done >= total {
        return scale;
    }
    let rounded = (done * scale * 2 + total) / (total * 2);
    rounded.clamp(usize::from(done > 0), scale - 1)
}

/// The office's checklist.
pub fn checklist(now: i64, office: &Office) -> Vec<ChecklistItem> {
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
                        .num("days", playbook::days_between(since, now)),
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

/// The progress view of one office (what `/progress` shows).
pub fn progress(now: i64, office: &Office) -> Reply {
    let mut reply = Reply::default();
    reply.push(Block::Title(
        Msg::new("progress-title")
            .str("name", &office.name)
            .str("number", office.number.as_str())
            .msg("mode", Msg::new(office.mode.msg_id())),
    ));
    reply.push(Block::Checklist(checklist(now, office)));
    let (d, n) = playbook::counts(office.mode, &office.done);
    reply.push(Block::Text(progress_count(d, n)));
    reply.push(Block::Text(
        Msg::new("progress-registered")
            .date("date", office.registered_at)
            .date("updated", office.updated_at),
    ));
    append_next_hint(office, &mut reply);
    // The progress view does not offer itself.
    reply.buttons.retain(|b| b.action != ButtonAction::Progress);
    reply
}
