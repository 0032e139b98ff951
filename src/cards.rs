//! Cards: an office's state drawn as a [`Reply`] (the current step's card,
//! the checklist, the progress line, the hint to the next step). Pure; used
//! by the engine's commands, the staff views and the reminders.

use crate::config::Config;
use crate::contacts;
use crate::model::Office;
use crate::playbook::{self, ContactId, Mode, StepId, StepStatus};
use crate::reply::{Block, Button, ButtonAction, ChecklistItem, Mark, Msg, Reply};

/// The step's number in the office's list and the list's length.
fn position(mode: Mode, step: StepId) -> (usize, usize) {
    let list: Vec<StepId> = playbook::steps(mode).collect();
    (list.iter().position(|s| *s == step).map_or(0, |i| i + 1), list.len())
}

/// "Step n/total: title".
pub fn step_title(mode: Mode, step: StepId) -> Msg {
    let (n, total) = position(mode, step);
    Msg::new("step-heading")
        .num("n", n as i64)
        .num("total", total as i64)
        .msg("title", Msg::new(step.title_id()))
}

/// Appends the card of the office's current step (or the completion message).
pub fn append_next(config: &Config, now: i64, office: &Office, reply: &mut Reply) {
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
                .num("days", playbook::days_between(since, now)),
        ));
    }
    for part in ["what", "need", "receive", "time", "missing"] {
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
    // The done button names its task: a second click finds it done.
    let done = task.map(|t| Button {
        action: ButtonAction::Done(t),
        label: Msg::new("button-done"),
    });
    reply.buttons = done
        .into_iter()
        .chain([
            progress_button(),
            Button {
                action: ButtonAction::Contact,
                label: Msg::new("button-contact"),
            },
        ])
        .collect();
}

fn progress_button() -> Button {
    Button {
        action: ButtonAction::Progress,
        label: Msg::new("button-progress"),
    }
}

/// The card of the office's current step (what `/next` shows).
pub fn step_card(config: &Config, now: i64, office: &Office) -> Reply {
    let mut reply = Reply::default();
    append_next(config, now, office, &mut reply);
    reply
}

/// Appends one line naming the current step and the buttons to see it.
pub fn append_next_hint(office: &Office, reply: &mut Reply) {
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

/// "n of m steps done (p%) ■■□□…".
pub fn progress_count(done: usize, total: usize) -> Msg {
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
    reply
}
