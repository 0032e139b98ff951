//! Cards: an office's (or a 代理人's) state drawn as a [`Reply`] (the current
//! step's card, the checklist, the progress line, the hint to the next
//! step). Pure; used by the engine's commands, the staff views and the
//! reminders. Each mode shows its own steps numbered; steps someone else
//! does (the 代理人, the vendor) are listed as theirs, not as to-dos.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::contacts;
use crate::model::{Agent, Office};
use crate::playbook::{self, ContactId, Doer, DoneMark, Mode, StepId, StepStatus, Tally, TaskId, Track};
use crate::reply::{Block, Button, ButtonAction, ChecklistItem, Mark, Msg, Reply};

/// The parts of a step card, each from the message `step-<id>-<part>` (or
/// its track's variant). A part a step has nothing to say about has no
/// message: the renderers leave its field out (see [`Block::Field`]).
pub const FIELDS: [&str; 5] = ["what", "need", "receive", "time", "missing"];

/// "Step n/total: title" (a heading) for a numbered step; the title alone
/// for a step someone else does.
pub fn step_title(track: impl Into<Track>, step: StepId) -> Msg {
    numbered_msg("step-heading", track.into(), step)
}

/// "step n/total 「title」" (inside a sentence); the title alone for a step
/// someone else does.
pub fn step_ref(track: impl Into<Track>, step: StepId) -> Msg {
    numbered_msg("step-ref", track.into(), step)
}

fn numbered_msg(id: &str, track: Track, step: StepId) -> Msg {
    let title = Msg::new(step.title_in(track));
    match playbook::position(track, step) {
        Some((n, total)) => Msg::new(id)
            .num("n", n as i64)
            .num("total", total as i64)
            .msg("title", title),
        None => title,
    }
}

/// The name to show for the vendor that bills for an office: the software
/// or vendor given at `/register`, else a generic phrase.
pub fn vendor_name(office: &Office) -> Msg {
    match &office.software {
        Some(s) => Msg::new("vendor-named").str("name", s),
        None => Msg::new("vendor-unnamed"),
    }
}

/// A field, title or label of a step as the track shows it, with the
/// arguments its variants use (the vendor's name).
fn step_msg(track: Track, step: StepId, part: &str, office: Option<&Office>) -> Msg {
    let m = Msg::new(step.msg_in(track, part));
    match (track, office) {
        (Track::Office(Mode::Vendor), Some(o)) => m.msg("vendor", vendor_name(o)),
        _ => m,
    }
}

/// The waiting label of a two-task step as the track shows it.
fn waiting_label(track: Track, step: StepId) -> Msg {
    Msg::new(
        step.waiting_id()
            .map(|_| step.msg_in(track, "waiting"))
            .unwrap_or_default(),
    )
}

/// Appends the card of the office's current step (or, when the office's own
/// steps are done, what is left and whose it is). `agent` is the office's
/// 代理人, when it has one.
pub fn append_next(config: &Config, now: i64, office: &Office, agent: Option<&Agent>, reply: &mut Reply) {
    let track = Track::Office(office.mode);
    let Some(step) = office.current_step() else {
        append_office_complete(config, office, agent, reply);
        return;
    };
    reply.push(Block::Title(step_title(track, step)));
    if office.mode == Mode::Proxy {
        reply.push(Block::Text(proxy_note(agent)));
    }
    let wait = Msg::new("next-waiting");
    push_step_body(reply, now, track, step, &office.status(step), wait, Some(office));
    // The current step is open, so it has a next task.
    let task = playbook::next_task(step, &office.done);
    if let Some(task) = task {
        reply.push(Block::Text(
            Msg::new("next-task").msg("task", Msg::new(task.msg_in(track))),
        ));
    }
    reply.push(Block::Contact(contacts::route(config, step.contact(), Some(office))));
    reply.buttons = card_buttons(task);
}

/// What `/done` adds after the line saying what it recorded (`step` is the
/// step of that task): in the same step, its next task; else one line
/// pointing at the new current step, whose card `/next` shows; after the
/// office's last step, the completion card (for a proxy office, what its
/// 代理人 still does). `agent` is the office's 代理人, when it has one.
pub fn append_after_done(config: &Config, office: &Office, agent: Option<&Agent>, step: StepId, reply: &mut Reply) {
    let track = Track::Office(office.mode);
    match office.current_step() {
        Some(current) => append_what_is_next(track, step, current, &office.done, reply),
        None => append_office_complete(config, office, agent, reply),
    }
}

/// Who does the rest for a proxy-mode office (on its cards).
fn proxy_note(agent: Option<&Agent>) -> Msg {
    match agent {
        Some(a) => Msg::new("proxy-office-note").str("agent", &a.name),
        None => Msg::new("proxy-office-note-unnamed"),
    }
}

/// The office's own steps are done: all done, or (proxy) what its 代理人
/// still does.
fn append_office_complete(config: &Config, office: &Office, agent: Option<&Agent>, reply: &mut Reply) {
    if office.mode != Mode::Proxy {
        let text = if office.mode == Mode::Vendor {
            Msg::new("steps-complete-vendor").msg("vendor", vendor_name(office))
        } else {
            Msg::new("steps-complete")
        };
        reply.push(Block::Title(Msg::new("steps-complete-title")));
        reply.push(Block::Text(text));
        reply.push(Block::Contact(contacts::route(
            config,
            ContactId::Software,
            Some(office),
        )));
        reply.buttons = vec![progress_button()];
        return;
    }
    match agent.map(|a| (a, playbook::agent_next_own_step(&a.done))) {
        Some((a, None)) => {
            reply.push(Block::Title(Msg::new("steps-complete-title")));
            reply.push(Block::Text(Msg::new("steps-complete-proxy").str("agent", &a.name)));
        }
        Some((a, Some(step))) => {
            reply.push(Block::Title(Msg::new("office-part-complete-title")));
            reply.push(Block::Text(
                Msg::new("office-part-complete")
                    .str("agent", &a.name)
                    .msg("step", step_ref(Track::Agent, step)),
            ));
        }
        None => {
            reply.push(Block::Title(Msg::new("office-part-complete-title")));
            reply.push(Block::Text(
                Msg::new("office-part-complete-no-agent")
                    .str("number", office.number.as_str())
                    .str("name", &office.name),
            ));
        }
    }
    reply.push(Block::Contact(contacts::route(
        config,
        ContactId::Reception,
        Some(office),
    )));
    reply.buttons = vec![progress_button()];
}

/// A step card's wait (if any) and fields, as the track shows them.
fn push_step_body(
    reply: &mut Reply,
    now: i64,
    track: Track,
    step: StepId,
    status: &StepStatus,
    wait: Msg,
    office: Option<&Office>,
) {
    if let StepStatus::Waiting { since } = *status {
        reply.push(Block::Warning(
            wait.msg("what", waiting_label(track, step))
                .date("since", since)
                .num("days", playbook::days_between(since, now)),
        ));
    }
    for part in FIELDS {
        reply.push(Block::Field {
            label: Msg::new(format!("label-{part}")),
            value: step_msg(track, step, part, office),
        });
    }
}

/// A step card's buttons: done, progress, contact.
fn card_buttons(task: Option<TaskId>) -> Vec<Button> {
    done_button(task)
        .into_iter()
        .chain([progress_button(), contact_button()])
        .collect()
}

/// After `/done` on `step`: the step's next task when the step is still
/// current, else a pointer to the `current` step; with the buttons for it.
fn append_what_is_next(
    track: Track,
    step: StepId,
    current: StepId,
    done: &BTreeMap<TaskId, DoneMark>,
    reply: &mut Reply,
) {
    if current == step {
        let task = playbook::next_task(step, done);
        if let Some(task) = task {
            reply.push(Block::Text(
                Msg::new("next-task").msg("task", Msg::new(task.msg_in(track))),
            ));
        }
        reply.buttons = done_button(task)
            .into_iter()
            .chain([next_button(), progress_button()])
            .collect();
    } else {
        reply.push(Block::Text(
            Msg::new("done-next-step").msg("step", step_ref(track, current)),
        ));
        reply.buttons = vec![next_button(), progress_button()];
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

/// The card of the office's current step (what `/next` shows; the
/// reminders show it without the 代理人's name).
pub fn step_card(config: &Config, now: i64, office: &Office) -> Reply {
    office_card(config, now, office, None)
}

/// The card of the office's current step, naming its 代理人 when known.
pub fn office_card(config: &Config, now: i64, office: &Office, agent: Option<&Agent>) -> Reply {
    let mut reply = Reply::default();
    append_next(config, now, office, agent, &mut reply);
    reply
}

/// Appends one line naming the current step and the buttons to see it (or,
/// when the office's own steps are done, one line saying so and, for a proxy
/// office, what its 代理人 still does).
pub fn append_next_hint(office: &Office, agent: Option<&Agent>, reply: &mut Reply) {
    let line = match (office.current_step(), office.mode, agent) {
        (Some(step), ..) => {
            reply.push(Block::Text(
                Msg::new("next-pointer").msg("step", step_ref(office.mode, step)),
            ));
            reply.buttons = vec![next_button(), progress_button()];
            return;
        }
        (None, Mode::Proxy, Some(a)) => match playbook::agent_next_own_step(&a.done) {
            Some(step) => Msg::new("office-part-complete")
                .str("agent", &a.name)
                .msg("step", step_ref(Track::Agent, step)),
            None => Msg::new("steps-complete-proxy").str("agent", &a.name),
        },
        (None, Mode::Proxy, None) => Msg::new("office-part-complete-no-agent")
            .str("number", office.number.as_str())
            .str("name", &office.name),
        (None, Mode::Vendor, _) => Msg::new("steps-complete-vendor").msg("vendor", vendor_name(office)),
        (None, ..) => Msg::new("next-pointer-complete"),
    };
    reply.push(Block::Text(line));
    reply.buttons = vec![progress_button(), contact_button()];
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

/// A checklist line for a step with a status: ☑ done, ⏳ waiting, ☐ to do.
fn status_item(now: i64, track: Track, step: StepId, status: &StepStatus) -> (Mark, Msg) {
    let title = step_title(track, step);
    match *status {
        StepStatus::Done { at } => (
            Mark::Done,
            Msg::new("progress-item-done").msg("step", title).date("date", at),
        ),
        StepStatus::Waiting { since } => (
            Mark::Waiting,
            Msg::new("progress-item-waiting")
                .msg("step", title)
                .msg("what", waiting_label(track, step))
                .date("since", since)
                .num("days", playbook::days_between(since, now)),
        ),
        StepStatus::Todo => (Mark::Todo, Msg::new("progress-item-todo").msg("step", title)),
        StepStatus::NotApplicable => (Mark::NotApplicable, Msg::new("progress-item-na").msg("step", title)),
    }
}

/// A checklist line for a 代理人's step on one of its offices' lists: the
/// 代理人's own progress, never a to-do of the office.
fn agent_step_item(now: i64, step: StepId, agent: Option<&Agent>) -> (Mark, Msg) {
    // Unnumbered: the office's numbers count its own steps.
    let title = Msg::new(step.title_in(Track::Agent));
    let Some(a) = agent else {
        return (Mark::Other, Msg::new("progress-item-agent-unnamed").msg("step", title));
    };
    match playbook::status(step, Track::Agent, &a.done) {
        StepStatus::Done { at } => (
            Mark::Done,
            Msg::new("progress-item-agent-done")
                .msg("step", title)
                .str("agent", &a.name)
                .date("date", at),
        ),
        StepStatus::Waiting { since } => (
            Mark::Waiting,
            Msg::new("progress-item-agent-waiting")
                .msg("step", title)
                .str("agent", &a.name)
                .msg("what", waiting_label(Track::Agent, step))
                .date("since", since)
                .num("days", playbook::days_between(since, now)),
        ),
        _ => (
            Mark::Other,
            Msg::new("progress-item-agent").msg("step", title).str("agent", &a.name),
        ),
    }
}

/// The office's checklist: its own steps numbered, the 代理人's and the
/// vendor's steps as theirs, steps nobody needs as "—".
pub fn checklist(now: i64, office: &Office, agent: Option<&Agent>) -> Vec<ChecklistItem> {
    let track = Track::Office(office.mode);
    let current = office.current_step();
    playbook::steps(track)
        .map(|step| {
            let (mark, text) = match step.doer(track) {
                Some(Doer::Agent) => agent_step_item(now, step, agent),
                Some(Doer::Vendor) => (
                    Mark::Other,
                    Msg::new("progress-item-vendor")
                        .msg("step", step_title(track, step))
                        .msg("vendor", vendor_name(office)),
                ),
                _ => status_item(now, track, step, &office.status(step)),
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
pub fn progress(now: i64, office: &Office, agent: Option<&Agent>) -> Reply {
    let mut reply = Reply::default();
    let title = match agent {
        Some(a) => Msg::new("progress-title-agent-office").str("agent", &a.name),
        None => Msg::new("progress-title"),
    };
    reply.push(Block::Title(
        title
            .str("name", &office.name)
            .str("number", office.number.as_str())
            .msg("mode", Msg::new(office.mode.msg_id())),
    ));
    reply.push(Block::Checklist(checklist(now, office, agent)));
    let (d, n) = playbook::counts(office.mode, &office.done);
    reply.push(Block::Text(progress_count(d, n)));
    reply.push(Block::Text(
        Msg::new("progress-registered")
            .date("date", office.registered_at)
            .date("updated", office.updated_at),
    ));
    append_next_hint(office, agent, &mut reply);
    // The progress view does not offer itself.
    reply.buttons.retain(|b| b.action != ButtonAction::Progress);
    reply
}

// ---------------------------------------------------------------- 代理人

/// A 代理人 with its offices, as the cards read it.
#[derive(Debug, Clone, Copy)]
pub struct AgentView<'a> {
    pub agent: &'a Agent,
    /// Its offices, in number order.
    pub offices: &'a [Office],
}

impl AgentView<'_> {
    pub fn tally(&self) -> Tally {
        Tally::of(self.offices.iter().map(|o| &o.done))
    }

    pub fn status(&self, step: StepId) -> StepStatus {
        playbook::agent_status(step, &self.agent.done, &self.tally())
    }

    pub fn current_step(&self) -> Option<StepId> {
        playbook::agent_current_step(&self.agent.done, &self.tally())
    }

    pub fn counts(&self) -> (usize, usize) {
        playbook::agent_counts(&self.agent.done, &self.tally())
    }
}

/// One office's 届出, as the 代理人's lists show it.
fn office_notify_line(now: i64, o: &Office) -> Msg {
    let m = match (o.done.get(&TaskId::NotifySubmit), o.done.get(&TaskId::NotifyReceive)) {
        (_, Some(r)) => Msg::new("agent-office-received").date("date", r.at),
        (Some(s), None) => Msg::new("agent-office-waiting")
            .date("since", s.at)
            .num("days", playbook::days_between(s.at, now)),
        (None, None) => Msg::new("agent-office-todo"),
    };
    m.str("name", &o.name).str("number", o.number.as_str())
}

/// The 代理人's offices, one line each with its 届出.
fn office_lines(now: i64, view: &AgentView) -> Block {
    Block::Lines(view.offices.iter().map(|o| office_notify_line(now, o)).collect())
}

/// Appends the card of the 代理人's current step (or its completion).
pub fn append_agent_next(config: &Config, now: i64, view: &AgentView, reply: &mut Reply) {
    let track = Track::Agent;
    let agent = view.agent;
    let Some(step) = view.current_step() else {
        append_agent_complete(config, view, reply);
        return;
    };
    reply.push(Block::Title(step_title(track, step)));
    let wait = Msg::new("next-waiting-agent");
    push_step_body(reply, now, track, step, &view.status(step), wait, None);
    let mut done_task = None;
    if step.doer(track) == Some(Doer::Offices) {
        reply.push(Block::Text(
            Msg::new("agent-offices-notify").num("offices", view.offices.len() as i64),
        ));
        if !view.offices.is_empty() {
            reply.push(office_lines(now, view));
        }
        reply.push(Block::Text(next_office(view)));
    } else if let Some(task) = playbook::next_task(step, &agent.done) {
        reply.push(Block::Text(
            Msg::new("next-task").msg("task", Msg::new(task.msg_in(track))),
        ));
        done_task = Some(task);
    }
    reply.push(Block::Contact(contacts::route_agent(
        config,
        step.contact(),
        agent,
        view.offices,
    )));
    reply.buttons = card_buttons(done_task);
}

/// The 代理人 is done with everything: its completion card.
fn append_agent_complete(config: &Config, view: &AgentView, reply: &mut Reply) {
    reply.push(Block::Title(Msg::new("steps-complete-title")));
    reply.push(Block::Text(
        Msg::new("agent-complete")
            .str("agent", &view.agent.name)
            .num("offices", view.offices.len() as i64),
    ));
    reply.push(Block::Contact(contacts::route_agent(
        config,
        ContactId::Software,
        view.agent,
        view.offices,
    )));
    reply.buttons = vec![progress_button()];
}

/// What to do for the offices' 届出: the next office to submit its 届出;
/// else the first one waiting for its letter.
fn next_office(view: &AgentView) -> Msg {
    let unsubmitted = view
        .offices
        .iter()
        .find(|o| !o.done.contains_key(&TaskId::NotifySubmit));
    let waiting = view
        .offices
        .iter()
        .find(|o| !o.done.contains_key(&TaskId::NotifyReceive));
    match (unsubmitted, waiting) {
        (Some(o), _) => Msg::new("agent-next-office").str("number", o.number.as_str()),
        (None, Some(o)) => Msg::new("agent-next-office-waiting").str("number", o.number.as_str()),
        (None, None) => Msg::new("agent-no-offices").str("agent", &view.agent.name),
    }
}

/// What `/done` (or `/done office:`) adds in the 代理人's channel after the
/// line saying what it recorded, as [`append_after_done`] does for an
/// office: in the same step, its next task (or the next office's 届出);
/// else one line pointing at the new current step, whose card `/next`
/// shows; after the last step, the completion card.
pub fn append_agent_after_done(config: &Config, view: &AgentView, step: StepId, reply: &mut Reply) {
    let track = Track::Agent;
    match view.current_step() {
        Some(current) if current == step && step.doer(track) == Some(Doer::Offices) => {
            reply.push(Block::Text(next_office(view)));
            reply.buttons = vec![next_button(), progress_button()];
        }
        Some(current) => append_what_is_next(track, step, current, &view.agent.done, reply),
        None => append_agent_complete(config, view, reply),
    }
}

/// The card of the 代理人's current step (what `/next` shows in its channel).
pub fn agent_card(config: &Config, now: i64, view: &AgentView) -> Reply {
    let mut reply = Reply::default();
    append_agent_next(config, now, view, &mut reply);
    reply
}

/// Appends one line naming the 代理人's current step and the buttons to see it.
pub fn append_agent_hint(view: &AgentView, reply: &mut Reply) {
    match view.current_step() {
        Some(step) => {
            reply.push(Block::Text(
                Msg::new("next-pointer").msg("step", step_ref(Track::Agent, step)),
            ));
            reply.buttons = vec![next_button(), progress_button()];
        }
        None => {
            reply.push(Block::Text(
                Msg::new("agent-complete")
                    .str("agent", &view.agent.name)
                    .num("offices", view.offices.len() as i64),
            ));
            reply.buttons = vec![progress_button(), contact_button()];
        }
    };
}

/// The 代理人's checklist: its own steps and its offices' 届出, numbered.
pub fn agent_checklist(now: i64, view: &AgentView) -> Vec<ChecklistItem> {
    let track = Track::Agent;
    let current = view.current_step();
    let tally = view.tally();
    playbook::steps(track)
        .map(|step| {
            let status = view.status(step);
            let (mark, text) = match (step.doer(track), &status) {
                (Some(Doer::Offices), StepStatus::Todo) => (
                    Mark::Todo,
                    Msg::new("progress-item-offices")
                        .msg("step", step_title(track, step))
                        .num("received", tally.received as i64)
                        .num("offices", tally.offices as i64),
                ),
                _ => status_item(now, track, step, &status),
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

/// The 代理人's progress (what `/progress` shows in its channel): its
/// checklist, its count, and each office's 届出.
pub fn agent_progress(now: i64, view: &AgentView) -> Reply {
    let mut reply = Reply::default();
    reply.push(Block::Title(
        Msg::new("agent-progress-title")
            .str("agent", &view.agent.name)
            .num("offices", view.offices.len() as i64),
    ));
    reply.push(Block::Checklist(agent_checklist(now, view)));
    let (d, n) = view.counts();
    reply.push(Block::Text(progress_count(d, n)));
    reply.push(Block::Text(
        Msg::new("agent-offices-title").num("offices", view.offices.len() as i64),
    ));
    if !view.offices.is_empty() {
        reply.push(office_lines(now, view));
    }
    reply.push(Block::Text(
        Msg::new("progress-registered")
            .date("date", view.agent.registered_at)
            .date("updated", view.agent.updated_at),
    ));
    append_agent_hint(view, &mut reply);
    // The progress view does not offer itself.
    reply.buttons.retain(|b| b.action != ButtonAction::Progress);
    reply
}
