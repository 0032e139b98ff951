//! Requests for a person and the answers staff teach, drawn as replies.
//! Pure: the records in, a [`Reply`] out (the App stores, the adapters
//! deliver).

use crate::model::{Exchange, Handoff, HandoffOffice, HandoffState, Office, StaffReply, TaughtEntry, TaughtTarget};
use crate::playbook::{self, StepStatus};
use crate::reply::{Block, Button, ButtonAction, Msg, Reply, Tone};
use crate::staff;

/// How many exchanges with a channel a request carries.
pub const RECENT: usize = 6;
/// How many open requests one channel may have at a time.
pub const MAX_OPEN_PER_CHANNEL: usize = 5;
/// How many requests `/inbox` lists.
const INBOX_MAX: usize = 25;
/// How many characters of a question a list line shows.
const LINE_CHARS: usize = 60;

/// The office as it stands, for a request's context.
pub fn office_context(o: &Office) -> HandoffOffice {
    let step = o.current_step();
    let waiting = step.map(|s| o.status(s));
    HandoffOffice {
        number: o.number.clone(),
        name: o.name.clone(),
        mode: o.mode,
        step,
        since: match waiting {
            Some(StepStatus::Waiting { since }) => since,
            _ => staff::step_since(o),
        },
        waiting: matches!(waiting, Some(StepStatus::Waiting { .. })),
    }
}

/// `s` cut to `max` characters, with "…" when cut.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn state_msg(s: HandoffState) -> Msg {
    Msg::new(match s {
        HandoffState::Open => "handoff-state-open",
        HandoffState::Answered => "handoff-state-answered",
        HandoffState::Closed => "handoff-state-closed",
    })
}

/// "あさひ訪問介護（1370100016）", or the channel when no office was known.
fn who(h: &Handoff) -> Msg {
    match &h.office {
        Some(o) => Msg::new("handoff-office")
            .str("name", &o.name)
            .str("number", o.number.as_str()),
        None => Msg::new("handoff-channel").str("channel", &h.channel),
    }
}

/// "label：value" as one line of text (a field would be drawn after the
/// text on Discord, out of reading order).
fn line(label: &str, value: Msg) -> Block {
    Block::Text(
        Msg::new("handoff-line")
            .msg("label", Msg::new(label))
            .msg("value", value),
    )
}

fn next_button() -> Button {
    Button {
        action: ButtonAction::Next,
        label: Msg::new("button-next"),
    }
}

/// The office's confirmation: the request reached staff (or was there already).
pub fn asked_reply(h: &Handoff, already: bool) -> Reply {
    let mut r = Reply {
        tone: Tone::Success,
        ..Reply::default()
    };
    let id = h.id as i64;
    r.push(Block::Success(if already {
        Msg::new("handoff-asked-already").num("id", id)
    } else {
        Msg::new("handoff-asked").num("id", id)
    }));
    r.push(line(
        "handoff-label-question",
        Msg::new("handoff-text").str("text", &h.question),
    ));
    r.push(Block::Text(Msg::new("handoff-asked-next")));
    r.buttons.push(next_button());
    r
}

/// The office's step when it asked: "インターネット請求開始の届出（待ち、14日目）".
fn step_line(o: &HandoffOffice, at: i64) -> Msg {
    let days = playbook::days_between(o.since, at);
    match o.step {
        None => Msg::new("steps-complete-title"),
        Some(step) if o.waiting => Msg::new("handoff-step-waiting")
            .msg("step", Msg::new(step.title_id()))
            .date("since", o.since)
            .num("days", days),
        Some(step) => Msg::new("handoff-step")
            .msg("step", Msg::new(step.title_id()))
            .date("since", o.since)
            .num("days", days),
    }
}

fn exchange_line(x: &Exchange) -> Msg {
    Msg::new(if x.unanswered {
        "handoff-exchange-unanswered"
    } else {
        "handoff-exchange"
    })
    .str("said", clip(&x.said, 120))
    .str("answered", clip(&x.answered, 120))
}

fn reply_line(r: &StaffReply) -> Msg {
    Msg::new(if r.delivered.is_some() {
        "handoff-reply-line"
    } else {
        "handoff-reply-line-pending"
    })
    .date("date", r.at)
    .str("who", &r.by.name)
    .str("text", clip(&r.text, 300))
}

/// A request in full, for staff: who asked, where the office stands, the
/// question, the last exchanges, the answers so far, and how to answer.
pub fn context_reply(h: &Handoff, in_thread: bool) -> Reply {
    let mut r = Reply {
        ephemeral: !in_thread,
        ..Reply::default()
    };
    r.push(Block::Title(
        Msg::new("handoff-title")
            .num("id", h.id as i64)
            .msg("state", state_msg(h.state)),
    ));
    let mut office = who(h);
    if let Some(o) = &h.office {
        office = Msg::new("handoff-office-mode")
            .msg("office", office)
            .msg("mode", Msg::new(o.mode.msg_id()));
    }
    r.push(line("handoff-label-office", office));
    if let Some(o) = &h.office {
        r.push(line("handoff-label-step", step_line(o, h.at)));
    }
    r.push(line(
        "handoff-label-asked",
        Msg::new("handoff-asked-by")
            .str("who", &h.asker.name)
            .date("date", h.at)
            .str("channel", &h.channel),
    ));
    r.push(line(
        "handoff-label-the-question",
        Msg::new("handoff-text").str("text", &h.question),
    ));
    if !h.recent.is_empty() {
        r.push(Block::Text(Msg::new("handoff-recent")));
        r.push(Block::Lines(h.recent.iter().map(exchange_line).collect()));
    }
    if !h.replies.is_empty() {
        r.push(Block::Text(Msg::new("handoff-replies")));
        r.push(Block::Lines(h.replies.iter().map(reply_line).collect()));
    }
    r.push(Block::Text(if in_thread {
        Msg::new("handoff-how-thread").num("id", h.id as i64)
    } else {
        Msg::new("handoff-how").num("id", h.id as i64)
    }));
    r
}

/// A thread's name in the staff channel: "#3 あさひ訪問介護: 質問…".
pub fn thread_name(h: &Handoff) -> String {
    let office = h.office.as_ref().map_or(h.channel.as_str(), |o| o.name.as_str());
    clip(&format!("#{} {office}: {}", h.id, h.question), 100)
}

/// `/inbox`: the requests waiting for staff, oldest first; how many are
/// answered but not closed.
pub fn inbox_reply(open: &[&Handoff], answered: usize, now: i64) -> Reply {
    let mut r = Reply {
        ephemeral: true,
        ..Reply::default()
    };
    r.push(Block::Title(Msg::new("inbox-title").num("count", open.len() as i64)));
    if open.is_empty() {
        r.push(Block::Text(Msg::new("inbox-none")));
    } else {
        r.push(Block::Lines(
            open.iter()
                .take(INBOX_MAX)
                .map(|h| {
                    Msg::new("inbox-line")
                        .num("id", h.id as i64)
                        .msg("who", who(h))
                        .num("days", playbook::days_between(h.at, now))
                        .str("question", clip(&h.question, LINE_CHARS))
                })
                .collect(),
        ));
        if open.len() > INBOX_MAX {
            r.push(Block::Text(
                Msg::new("inbox-more").num("count", (open.len() - INBOX_MAX) as i64),
            ));
        }
    }
    if answered > 0 {
        r.push(Block::Text(Msg::new("inbox-answered").num("count", answered as i64)));
    }
    r.push(Block::Text(Msg::new("inbox-how")));
    r
}

/// What the office's channel shows for a staff answer, attributed to staff.
pub fn delivery_reply(h: &Handoff, reply: &StaffReply) -> Reply {
    let mut r = Reply::default();
    r.push(Block::Title(Msg::new("delivery-title").num("id", h.id as i64)));
    r.push(line(
        "handoff-label-question",
        Msg::new("handoff-text").str("text", clip(&h.question, 300)),
    ));
    r.push(Block::Text(Msg::new("handoff-text").str("text", &reply.text)));
    r.push(Block::Text(
        Msg::new("delivery-from")
            .str("who", &reply.by.name)
            .date("date", reply.at),
    ));
    r.push(Block::Text(Msg::new("delivery-more")));
    r
}

/// Staff's confirmation of `/reply`.
pub fn replied_reply(h: &Handoff) -> Reply {
    let mut r = Reply {
        ephemeral: true,
        tone: Tone::Success,
        ..Reply::default()
    };
    r.push(Block::Success(
        Msg::new("reply-recorded").num("id", h.id as i64).msg("who", who(h)),
    ));
    r.push(Block::Text(Msg::new("reply-delivery")));
    r.push(Block::Text(Msg::new("reply-next").num("id", h.id as i64)));
    r
}

/// Staff's confirmation of `/close`.
pub fn closed_reply(h: &Handoff, already: bool) -> Reply {
    let mut r = Reply {
        ephemeral: true,
        tone: Tone::Success,
        ..Reply::default()
    };
    r.push(Block::Success(
        Msg::new(if already { "close-already" } else { "close-done" })
            .num("id", h.id as i64)
            .msg("who", who(h)),
    ));
    r
}

/// How a taught entry is named in lists: its question, marked as the
/// operator's own.
pub fn taught_question(t: &TaughtEntry) -> Msg {
    Msg::new("taught-question").str("question", &t.question)
}

/// The answer to a question matched by a taught entry, marked as the
/// operator's own (not the seed's).
pub fn taught_answer(t: &TaughtEntry, answer: &str, reply: &mut Reply) {
    reply.push(Block::Title(Msg::new("handoff-text").str("text", &t.question)));
    reply.push(Block::Text(Msg::new("handoff-text").str("text", answer)));
    reply.push(Block::Text(Msg::new("taught-mark").date("date", t.at)));
}

/// Staff's confirmation of `/teach`. `target` is the question of the entry
/// a phrasing was added to.
pub fn taught_reply(t: &TaughtEntry, target: Option<Msg>) -> Reply {
    let mut r = Reply {
        ephemeral: true,
        tone: Tone::Success,
        ..Reply::default()
    };
    match target {
        Some(q) => r.push(Block::Success(
            Msg::new("teach-phrasing")
                .num("id", t.id as i64)
                .str("question", &t.question)
                .msg("target", q),
        )),
        None => r.push(Block::Success(
            Msg::new("teach-entry")
                .num("id", t.id as i64)
                .str("question", &t.question),
        )),
    };
    r.push(Block::Text(Msg::new("teach-next").num("id", t.id as i64)));
    r
}

/// `/taught`: every taught entry and phrasing, oldest first. `target` names
/// what a phrasing belongs to.
pub fn taught_list(entries: &[TaughtEntry], target: impl Fn(&TaughtTarget) -> Msg) -> Reply {
    let mut r = Reply {
        ephemeral: true,
        ..Reply::default()
    };
    r.push(Block::Title(
        Msg::new("taught-title").num("count", entries.len() as i64),
    ));
    if entries.is_empty() {
        r.push(Block::Text(Msg::new("taught-none")));
        return r;
    }
    r.push(Block::Lines(
        entries
            .iter()
            .map(|t| {
                let line = match (&t.answer, &t.target) {
                    (Some(a), _) => Msg::new("taught-line").str("answer", clip(a, LINE_CHARS)),
                    (None, Some(to)) => Msg::new("taught-line-phrasing").msg("target", target(to)),
                    (None, None) => Msg::new("taught-line").str("answer", ""),
                };
                line.num("id", t.id as i64)
                    .str("question", clip(&t.question, LINE_CHARS))
                    .str("who", &t.by.name)
                    .date("date", t.at)
            })
            .collect(),
    ));
    r.push(Block::Text(Msg::new("taught-how")));
    r
}
