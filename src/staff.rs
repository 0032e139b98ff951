//! Staff views, computed purely from records: the progress summary, the
//! unanswered questions, an office's history.

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::cards::{bar, AgentView};
use crate::content::iso_datetime;
use crate::error::UserError;
use crate::model::Unanswered;
use crate::model::{Action, Agent, Event, Office};
use crate::playbook::{self, Doer, Mode, StepId, StepStatus, Tally, TaskId, Track};
use crate::reply::{Block, Button, ButtonAction, Msg, Reply};

/// One office in the summary.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OfficeRow {
    /// Shared, so a cached row is copied into a summary without copying text.
    pub number: Arc<str>,
    pub name: Arc<str>,
    pub mode: Mode,
    /// `null` when every step is done.
    pub current_step: Option<StepId>,
    pub done_steps: usize,
    pub total_steps: usize,
    /// Unix seconds (in JSON; the CSV writes ISO 8601 in Japan time).
    pub updated_at: i64,
    pub stalled: bool,
    /// When the office started waiting on the 国保連合会 (approval letter or certificate issuance).
    pub waiting_since: Option<i64>,
    /// Since when the office has been at its current step (waiting, or since
    /// its last progress); unix seconds.
    pub step_since: i64,
    /// Whole days at the current step (0 for finished offices), for the time
    /// the summary was made.
    pub days_at_step: i64,
    /// When the last step was completed, for finished offices.
    pub completed_at: Option<i64>,
    /// The 代理人 that bills for the office (its name), in proxy mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<Arc<str>>,
    /// Whether `current_step` is the 代理人's (the office's own 届出 is done).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub current_by_agent: bool,
}

/// One 代理人 in the summary, with its offices' 届出.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AgentRow {
    pub key: Arc<str>,
    pub name: Arc<str>,
    /// `null` when every step (its offices' 届出 included) is done.
    pub current_step: Option<StepId>,
    pub done_steps: usize,
    pub total_steps: usize,
    /// Its active offices.
    pub offices: usize,
    /// Offices whose 「電子請求登録結果に関するお知らせ」 arrived.
    pub received: usize,
    /// Its archived offices: counted in none of the other figures.
    pub archived: usize,
    /// The offices still before or waiting for their letter: (name, number).
    pub pending: Vec<(Arc<str>, Arc<str>)>,
    pub updated_at: i64,
    pub stalled: bool,
    pub waiting_since: Option<i64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Summary {
    pub total: usize,
    pub completed: usize,
    pub stalled: usize,
    pub waiting: usize,
    /// Step id → offices whose current step it is.
    pub by_step: BTreeMap<StepId, usize>,
    pub by_mode: BTreeMap<Mode, usize>,
    pub offices: Vec<OfficeRow>,
    /// Every 代理人 with its offices (their rows name it in `agent`).
    #[serde(default)]
    pub agents: Vec<AgentRow>,
}

/// Since when the office has been at its current step: its latest progress
/// (the last task marked done), or its registration.
pub fn step_since(o: &Office) -> i64 {
    o.done.values().map(|m| m.at).max().unwrap_or(o.registered_at)
}

/// An office's row. A proxy-mode office with its 代理人 is where the two are
/// together: its own 届出, then the 代理人's steps, done when both are.
pub fn row(o: &Office, agent: Option<&Agent>, now: i64, stall_days: u32) -> OfficeRow {
    let own = o.current_step();
    let agent = agent.filter(|a| o.mode == Mode::Proxy && o.agent.as_deref() == Some(a.key.as_str()));
    let agent_next = agent.and_then(|a| playbook::agent_next_own_step(&a.done));
    let (current, by_agent) = match (own, agent_next) {
        (Some(s), _) => (Some(s), false),
        (None, Some(s)) => (Some(s), true),
        (None, None) => (None, false),
    };
    let (mut done, mut total) = playbook::counts(o.mode, &o.done);
    let mut updated_at = o.updated_at;
    let mut waiting_since = own.and_then(|s| match o.status(s) {
        StepStatus::Waiting { since } => Some(since),
        _ => None,
    });
    let mut completed_at = o.done.values().map(|m| m.at).max();
    if let Some(a) = agent {
        let own_steps: Vec<StepId> = playbook::steps(Track::Agent)
            .filter(|s| s.doer(Track::Agent) == Some(Doer::Own))
            .collect();
        total += own_steps.len();
        done += own_steps
            .iter()
            .filter(|s| matches!(playbook::status(**s, Track::Agent, &a.done), StepStatus::Done { .. }))
            .count();
        if by_agent {
            updated_at = updated_at.max(a.updated_at);
            if let Some(StepStatus::Waiting { since }) = agent_next.map(|s| playbook::status(s, Track::Agent, &a.done))
            {
                waiting_since = Some(since);
            }
        }
        completed_at = completed_at.max(a.done.values().map(|m| m.at).max());
    }
    // At the 代理人's step since the 代理人's last progress, or since the
    // office finished its own part, whichever came later.
    let since = match (waiting_since, agent.filter(|_| by_agent)) {
        (Some(w), _) => w,
        (None, Some(a)) => step_since(o).max(a.done.values().map(|m| m.at).max().unwrap_or(a.registered_at)),
        (None, None) => step_since(o),
    };
    OfficeRow {
        number: o.number.as_str().into(),
        name: o.name.as_str().into(),
        mode: o.mode,
        current_step: current,
        done_steps: done,
        total_steps: total,
        updated_at,
        stalled: is_stalled(current.is_some(), since, now, stall_days),
        waiting_since,
        step_since: since,
        days_at_step: if current.is_some() {
            playbook::days_between(since, now)
        } else {
            0
        },
        completed_at: current.is_none().then(|| completed_at.unwrap_or(o.updated_at)),
        agent: agent.map(|a| a.name.as_str().into()),
        current_by_agent: by_agent,
    }
}

/// A 代理人's row, from it and its active offices (an archived office is
/// out of the summary, so out of its 代理人's row too: only counted apart).
pub fn agent_row(view: &AgentView, now: i64, stall_days: u32) -> AgentRow {
    let active: Vec<&Office> = view.offices.iter().filter(|o| !o.is_archived()).collect();
    let done = &view.agent.done;
    let tally = Tally::of(active.iter().map(|o| &o.done));
    let current = playbook::agent_current_step(done, &tally);
    let (done_steps, total_steps) = playbook::agent_counts(done, &tally);
    let waiting_since = current.and_then(|s| match playbook::agent_status(s, done, &tally) {
        StepStatus::Waiting { since } => Some(since),
        _ => None,
    });
    let updated_at = active
        .iter()
        .map(|o| o.updated_at)
        .fold(view.agent.updated_at, i64::max);
    AgentRow {
        key: view.agent.key.as_str().into(),
        name: view.agent.name.as_str().into(),
        current_step: current,
        done_steps,
        total_steps,
        offices: tally.offices,
        received: tally.received,
        archived: view.offices.len() - active.len(),
        pending: active
            .iter()
            .filter(|o| !o.done.contains_key(&TaskId::NotifyReceive))
            .map(|o| (o.name.as_str().into(), o.number.as_str().into()))
            .collect(),
        updated_at,
        stalled: is_stalled(current.is_some(), updated_at, now, stall_days),
        waiting_since,
    }
}

/// An office in progress is stalled after `stall_days` at its current step.
fn is_stalled(in_progress: bool, since: i64, now: i64, stall_days: u32) -> bool {
    in_progress && playbook::days_between(since, now) >= i64::from(stall_days)
}

/// Summarizes offices (borrowed or owned, so a store can stream them in);
/// archived offices are left out.
pub fn summarize<O: Borrow<Office>>(offices: impl IntoIterator<Item = O>, now: i64, stall_days: u32) -> Summary {
    summarize_with_agents(offices, &BTreeMap::new(), Vec::new(), now, stall_days)
}

/// Summarizes offices with the 代理人 (by key) their rows are made with, and
/// the 代理人's own rows.
pub fn summarize_with_agents<O: Borrow<Office>>(
    offices: impl IntoIterator<Item = O>,
    agents: &BTreeMap<String, Agent>,
    agent_rows: Vec<AgentRow>,
    now: i64,
    stall_days: u32,
) -> Summary {
    let rows = offices.into_iter().filter(|o| !o.borrow().is_archived()).map(|o| {
        let o = o.borrow();
        let agent = o.agent.as_ref().and_then(|k| agents.get(k));
        row(o, agent, now, stall_days)
    });
    let mut s = summarize_rows(rows, now, stall_days);
    s.agents = agent_rows;
    s
}

/// Summarizes rows made earlier (a cache); `stalled` and the days are worked
/// out again for `now`.
pub fn summarize_rows(rows: impl IntoIterator<Item = OfficeRow>, now: i64, stall_days: u32) -> Summary {
    let rows = rows.into_iter();
    let mut s = Summary {
        total: 0,
        completed: 0,
        stalled: 0,
        waiting: 0,
        by_step: StepId::ALL.iter().map(|s| (*s, 0)).collect(),
        by_mode: Mode::ALL.iter().map(|m| (*m, 0)).collect(),
        offices: Vec::with_capacity(rows.size_hint().0),
        agents: Vec::new(),
    };
    for mut r in rows {
        s.total += 1;
        r.stalled = is_stalled(r.current_step.is_some(), r.step_since, now, stall_days);
        if r.current_step.is_some() {
            r.days_at_step = playbook::days_between(r.step_since, now);
        }
        match r.current_step {
            Some(step) => *s.by_step.entry(step).or_default() += 1,
            None => s.completed += 1,
        }
        *s.by_mode.entry(r.mode).or_default() += 1;
        s.stalled += usize::from(r.stalled);
        s.waiting += usize::from(r.waiting_since.is_some());
        s.offices.push(r);
    }
    s
}

/// How many offices a page of the chat summary lists (those in progress).
pub const PAGE_SIZE: usize = 15;
/// How many recent completions the summary names.
const RECENT: usize = 5;
/// How many 代理人 the first page of the summary lists.
const AGENTS_SHOWN: usize = 10;
/// How many of a 代理人's offices still before their letter the summary names.
const PENDING_SHOWN: usize = 5;

/// How many pages the chat summary has: the offices in progress,
/// [`PAGE_SIZE`] a page, and always a first page (the totals).
pub fn summary_pages(s: &Summary) -> usize {
    s.offices
        .iter()
        .filter(|r| r.current_step.is_some())
        .count()
        .div_ceil(PAGE_SIZE)
        .max(1)
}

/// The chat summary's `page` (from 1), which pages through the offices in
/// progress; a page it does not have (0, or past the last) is an error that
/// says how many there are.
pub fn summary_reply(s: &Summary, page: usize) -> Result<Reply, UserError> {
    let pages = summary_pages(s);
    if !(1..=pages).contains(&page) {
        return Err(UserError::PageOutOfRange { page, pages });
    }
    Ok(summary_page(s, page, pages))
}

/// The chat summary's first page (the dashboard, the `summary` command),
/// which every summary has.
pub fn summary_first_page(s: &Summary) -> Reply {
    summary_page(s, 1, summary_pages(s))
}

/// Page `page` of `pages`, which exists.
fn summary_page(s: &Summary, page: usize, pages: usize) -> Reply {
    let mut reply = Reply {
        ephemeral: true,
        ..Reply::default()
    };
    reply.push(Block::Title(Msg::new("summary-title")));
    reply.push(Block::Text(
        Msg::new("summary-totals")
            .num("total", s.total as i64)
            .num("completed", s.completed as i64)
            .num("stalled", s.stalled as i64)
            .num("waiting", s.waiting as i64),
    ));
    let lines = StepId::ALL
        .iter()
        .filter(|st| s.by_step.get(st).copied().unwrap_or(0) > 0 || **st != StepId::ProxyApplication)
        .map(|st| {
            let n = s.by_step.get(st).copied().unwrap_or(0);

            Msg::new("summary-step-line")
                .msg("step", Msg::new(st.title_id()))
                .num("count", n as i64)
                .str("bar", bar(n, s.total.max(1)))
        })
        .collect();
    reply.push(Block::Lines(lines));

    if page == 1 && !s.agents.is_empty() {
        reply.push(Block::Text(
            Msg::new("summary-agents").num("agents", s.agents.len() as i64),
        ));
        let mut lines = Vec::new();
        for a in s.agents.iter().take(AGENTS_SHOWN) {
            let step = a.current_step.map_or(Msg::new("steps-complete-title"), |st| {
                Msg::new(st.title_in(Track::Agent))
            });
            lines.push(
                Msg::new("summary-agent-line")
                    .str("agent", &*a.name)
                    .num("done", a.done_steps as i64)
                    .num("total", a.total_steps as i64)
                    .msg("step", step)
                    .num("received", a.received as i64)
                    .num("offices", a.offices as i64)
                    .num("archived", a.archived as i64),
            );
            if !a.pending.is_empty() {
                let names: Vec<String> = a
                    .pending
                    .iter()
                    .take(PENDING_SHOWN)
                    .map(|(name, number)| format!("{name}（{number}）"))
                    .collect();
                lines.push(
                    Msg::new("summary-agent-pending")
                        .str("offices", names.join("、"))
                        .num("more", a.pending.len().saturating_sub(PENDING_SHOWN) as i64),
                );
            }
        }
        if s.agents.len() > AGENTS_SHOWN {
            lines.push(Msg::new("summary-agents-more").num("count", (s.agents.len() - AGENTS_SHOWN) as i64));
        }
        reply.push(Block::Lines(lines));
    }

    let mut recent: Vec<&OfficeRow> = s.offices.iter().filter(|r| r.completed_at.is_some()).collect();
    recent.sort_by_key(|r| std::cmp::Reverse(r.completed_at));
    if !recent.is_empty() {
        reply.push(Block::Text(Msg::new("summary-recent")));
        let lines = recent
            .iter()
            .take(RECENT)
            .map(|r| {
                let m = Msg::new("summary-office-completed")
                    .str("name", &*r.name)
                    .str("number", &*r.number);
                m.date("date", r.completed_at.unwrap_or(r.updated_at))
            })
            .collect();
        reply.push(Block::Lines(lines));
    }

    // Every office in progress, the longest at its step first.
    let mut attention: Vec<&OfficeRow> = s.offices.iter().filter(|r| r.current_step.is_some()).collect();
    attention.sort_by(|a, b| (a.step_since, &a.number).cmp(&(b.step_since, &b.number)));
    if !attention.is_empty() {
        reply.push(Block::Text(
            Msg::new("summary-attention")
                .num("page", page as i64)
                .num("pages", pages as i64),
        ));
        let lines = attention
            .iter()
            .skip((page - 1) * PAGE_SIZE)
            .take(PAGE_SIZE)
            .map(|r| {
                let step = match (r.current_step, &r.agent) {
                    (None, _) => Msg::new("steps-complete-title"),
                    (Some(st), Some(agent)) if r.current_by_agent => Msg::new("summary-agent-step")
                        .msg("step", Msg::new(st.title_in(Track::Agent)))
                        .str("agent", &**agent),
                    (Some(st), _) => Msg::new(st.title_id()),
                };
                let m = match r.waiting_since {
                    Some(_) => Msg::new("summary-office-waiting"),
                    None => Msg::new("summary-office-stalled"),
                };
                m.str("name", &*r.name)
                    .str("number", &*r.number)
                    .msg("step", step)
                    .num("days", r.days_at_step)
                    .date("since", r.step_since)
                    .str("stalled", if r.stalled { "yes" } else { "no" })
            })
            .collect();
        reply.push(Block::Lines(lines));
    }
    if page > 1 {
        reply.buttons.push(Button {
            action: ButtonAction::SummaryPage(page - 1),
            label: Msg::new("button-previous"),
        });
    }
    if page < pages {
        reply.buttons.push(Button {
            action: ButtonAction::SummaryPage(page + 1),
            label: Msg::new("button-more"),
        });
    }
    reply
}

/// Unanswered questions grouped by folded text, most frequent first.
pub fn group_unanswered(qs: &[Unanswered]) -> Vec<(String, usize, i64)> {
    unanswered_groups(qs)
        .0
        .into_iter()
        .map(|g| (g.text, g.count, g.last))
        .collect()
}

/// Whether a logged question is only small talk (a greeting, thanks, an
/// emoji): `/unanswered` leaves it out. The phrases are the synonym group
/// `unanswered:small-talk`.
pub fn is_small_talk(text: &str) -> bool {
    let bare: String = crate::text::fold_question(text)
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    let bare = bare.trim();
    bare.is_empty() || crate::text::in_group("unanswered:small-talk", bare)
}

/// Questions asked in the same words (folded), with who asked them.
#[derive(Debug, Clone, PartialEq)]
pub struct UnansweredGroup {
    /// The first wording seen.
    pub text: String,
    pub count: usize,
    /// The latest time it was asked.
    pub last: i64,
    /// The offices that asked (numbers, first asker first).
    pub offices: Vec<String>,
    /// Channels without an office that asked.
    pub channels: Vec<String>,
}

/// The unanswered questions grouped, most frequent first, small talk left
/// out; and how many small-talk messages were left out.
pub fn unanswered_groups(qs: &[Unanswered]) -> (Vec<UnansweredGroup>, usize) {
    let mut groups: BTreeMap<String, UnansweredGroup> = BTreeMap::new();
    let mut skipped = 0;
    for q in qs {
        if is_small_talk(&q.text) {
            skipped += 1;
            continue;
        }
        let key: String = crate::text::fold_question(&q.text)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        let g = groups.entry(key).or_insert_with(|| UnansweredGroup {
            text: q.text.clone(),
            count: 0,
            last: q.at,
            offices: Vec::new(),
            channels: Vec::new(),
        });
        g.count += 1;
        g.last = g.last.max(q.at);
        match (&q.office, &q.channel) {
            (Some(o), _) if !g.offices.contains(o) => g.offices.push(o.clone()),
            (None, Some(c)) if !g.channels.contains(c) => g.channels.push(c.clone()),
            _ => {}
        }
    }
    let mut v: Vec<_> = groups.into_values().collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then(b.last.cmp(&a.last)));
    (v, skipped)
}

/// Who asked a group: up to two offices by name (`name` looks an office's
/// name up by number), how many more, or the channel without an office.
fn askers(g: &UnansweredGroup, name: &dyn Fn(&str) -> Option<String>) -> Msg {
    let office = |n: &String| {
        Msg::new("unanswered-office")
            .str("name", name(n).unwrap_or_default())
            .str("number", n)
    };
    match g.offices.as_slice() {
        [] => match g.channels.first() {
            Some(c) => Msg::new("unanswered-channel").str("channel", c),
            None => Msg::new("unanswered-nobody"),
        },
        [a] => office(a),
        [a, b] => Msg::new("unanswered-offices-2").msg("a", office(a)).msg("b", office(b)),
        [a, b, rest @ ..] => Msg::new("unanswered-offices-more")
            .msg("a", office(a))
            .msg("b", office(b))
            .num("more", rest.len() as i64),
    }
}

/// `/unanswered`: the groups with who asked; `name` looks an office's name
/// up by its number. Groups that `answered_now` (the FAQ answers them since,
/// e.g. taught by staff) are left out and counted.
pub fn unanswered_reply(
    qs: &[Unanswered],
    name: &dyn Fn(&str) -> Option<String>,
    answered_now: &dyn Fn(&str) -> bool,
) -> Reply {
    let mut reply = Reply {
        ephemeral: true,
        ..Reply::default()
    };
    reply.push(Block::Title(Msg::new("unanswered-title")));
    let (mut groups, skipped) = unanswered_groups(qs);
    let before = groups.len();
    groups.retain(|g| !answered_now(&g.text));
    let now_answered = before - groups.len();
    if groups.is_empty() {
        reply.push(Block::Text(Msg::new("unanswered-none")));
    } else {
        reply.push(Block::Lines(
            groups
                .iter()
                .take(25)
                .map(|g| {
                    Msg::new("unanswered-line")
                        .str("text", &g.text)
                        .num("count", g.count as i64)
                        .date("date", g.last)
                        .msg("who", askers(g, name))
                })
                .collect(),
        ));
    }
    if skipped > 0 {
        reply.push(Block::Text(Msg::new("unanswered-skipped").num("count", skipped as i64)));
    }
    if now_answered > 0 {
        reply.push(Block::Text(
            Msg::new("unanswered-answered-now").num("count", now_answered as i64),
        ));
    }
    if !groups.is_empty() {
        reply.push(Block::Text(Msg::new("unanswered-hint")));
    }
    reply
}

/// What a history event did, in a few words (「「…」を完了」).
pub fn action_msg(a: &Action) -> Msg {
    match a {
        Action::Registered { name, mode, .. } => Msg::new("history-registered")
            .str("name", name)
            .msg("mode", Msg::new(mode.msg_id())),
        Action::Updated { name, mode, .. } => Msg::new("history-updated")
            .str("name", name)
            .msg("mode", Msg::new(mode.msg_id())),
        Action::TaskDone { task } => Msg::new("history-task-done").msg("task", Msg::new(task.msg_id())),
        Action::ModeChanged { from, to } => Msg::new("history-mode")
            .msg("from", Msg::new(from.msg_id()))
            .msg("to", Msg::new(to.msg_id())),
        Action::Undo { seq } => Msg::new("history-undo").num("seq", *seq as i64),
        Action::Bound { channel, .. } => Msg::new("history-bound").str("channel", channel),
        Action::AgentRegistered { name, .. } => Msg::new("history-agent-registered").str("name", name),
        Action::OfficeTaskDone { number, task, .. } => Msg::new("history-office-task-done")
            .str("number", number.as_str())
            .msg("task", Msg::new(task.msg_id())),
        Action::CertificateReported { dates, .. } => match (dates.expires, dates.issued) {
            (Some(d), _) => Msg::new("history-certificate-expires").date("date", d),
            (None, d) => Msg::new("history-certificate-issued").date("date", d.unwrap_or_default()),
        },
        Action::NumberCorrected { from, to } => Msg::new("history-number-corrected")
            .str("from", from.as_str())
            .str("to", to.as_str()),
        Action::Archived {} => Msg::new("history-archived"),
        Action::Unarchived {} => Msg::new("history-unarchived"),
    }
}

pub fn history_reply(o: &Office, events: &[Event]) -> Reply {
    history_lines(
        Msg::new("history-title")
            .str("name", &o.name)
            .str("number", o.number.as_str()),
        events,
    )
}

/// A 代理人's history (`/history` in its channel).
pub fn agent_history_reply(a: &Agent, events: &[Event]) -> Reply {
    history_lines(Msg::new("history-title-agent").str("agent", &a.name), events)
}

fn history_lines(title: Msg, events: &[Event]) -> Reply {
    let mut reply = Reply {
        ephemeral: true,
        ..Reply::default()
    };
    reply.push(Block::Title(title));
    reply.push(Block::Lines(
        events
            .iter()
            .rev()
            .take(50)
            .map(|e| {
                Msg::new("history-line")
                    .num("seq", e.seq as i64)
                    .date("date", e.at)
                    .str("who", &e.actor.name)
                    .msg("what", action_msg(&e.action))
            })
            .collect(),
    ));
    reply
}

/// The summary as CSV, one office per line, for people to open in a
/// spreadsheet: UTF-8 with a BOM (Japanese Excel reads UTF-8 only with one),
/// dates as ISO 8601 in Japan time, and no cell a spreadsheet would run as a
/// formula ([`csv_cell`]). The JSON summary keeps Unix seconds for programs.
pub fn summary_csv(s: &Summary) -> String {
    let mut out = Vec::new();
    write_summary_csv(&mut out, s).expect("writing to memory");
    String::from_utf8(out).expect("CSV of UTF-8 fields")
}

/// The UTF-8 byte order mark, so Excel does not read the file as Shift_JIS.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// Writes the summary as CSV (see [`summary_csv`]).
pub fn write_summary_csv(mut out: impl std::io::Write, s: &Summary) -> std::io::Result<()> {
    out.write_all(BOM)?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "number",
        "name",
        "mode",
        "current_step",
        "done_steps",
        "total_steps",
        "updated_at",
        "stalled",
        "waiting_since",
        "agent",
    ])?;
    for r in &s.offices {
        let cells = [
            &*r.number,
            &*r.name,
            r.mode.as_str(),
            r.current_step.map_or("", |x| x.as_str()),
            &r.done_steps.to_string(),
            &r.total_steps.to_string(),
            &iso_datetime(r.updated_at),
            if r.stalled { "true" } else { "false" },
            &r.waiting_since.map(iso_datetime).unwrap_or_default(),
            r.agent.as_deref().unwrap_or(""),
        ];
        for cell in cells {
            w.write_field(csv_cell(cell).as_bytes())?;
        }
        w.write_record(None::<&[u8]>)?;
    }
    w.flush()
}

/// A cell as text a spreadsheet shows rather than runs: one starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's list), or with the
/// full-width `＝` `＋` `－` `＠` (Japanese Excel turns those into the ASCII
/// ones when a cell is entered with the IME on, so they are treated alike),
/// gets a leading `'`.
pub fn csv_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    const FORMULA_START: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
    if cell.starts_with(FORMULA_START) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}
