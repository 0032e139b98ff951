//! Reminders, computed purely from an office (or a 代理人) and the time: a
//! stalled office is nudged once per stall period, an お知らせ not received
//! two weeks after the 届出 suggests calling the 国保連合会, a certificate
//! issuance pending for more than a week suggests calling the helpdesk, and
//! a certificate nearing its expiry is announced 90, 30 and 7 days before
//! (180 days too when the date is an estimate; see [`crate::certificate`])
//! and once after it has passed: an office's own certificate in its
//! channel, a 代理人's one certificate in the 代理人's ([`due_agent`]).
//! Archived offices get none. Each reminder has a key, which starts with the
//! office number and a slash (the store moves the sent keys when a number
//! is corrected), or with `agent/` and the 代理人's key; the store remembers
//! sent keys so a reminder is sent once, even across restarts.

use crate::cards::{self, AgentView};
use crate::certificate::{self, Basis, Expiry};
use crate::config::Config;
use crate::contacts;
use crate::model::Office;
use crate::playbook::{self, ContactId, Mode, StepId, StepStatus};
use crate::reply::{Block, Msg, Reply, Tone};

/// Days an issuance may take before the bot suggests calling.
pub const CERTIFICATE_PENDING_DAYS: i64 = 7;
/// Days after the expiry during which the lapsed notice is still sent (a
/// bot started long after says nothing stale).
pub const LAPSED_NOTICE_DAYS: i64 = 30;
/// Days after the 届出 without the お知らせ before the bot suggests calling
/// the 国保連合会 (the seed gives about a month from 届出 to the first claim).
pub const NOTICE_PENDING_DAYS: i64 = 14;

/// One reminder to send.
#[derive(Debug, Clone, PartialEq)]
pub struct Due {
    /// Unique per office and occasion; stored once sent.
    pub key: String,
    /// Keys made obsolete by this one (earlier expiry notices never sent
    /// because the bot was not running); stored with it.
    pub supersedes: Vec<String>,
    pub channel: String,
    pub reply: Reply,
}

/// The reminders due for one office now; `sent` tells which keys were sent.
pub fn due(config: &Config, office: &Office, now: i64, sent: &dyn Fn(&str) -> bool) -> Vec<Due> {
    let Some(channel) = office.channel.clone().filter(|_| !office.is_archived()) else {
        return Vec::new();
    };
    let n = office.number.as_str();
    let mut out = Vec::new();

    // Stalled: no change for a whole stall period; once per period.
    let stall = i64::from(config.bot.stall_days.max(1));
    let idle = playbook::days_between(office.updated_at, now);
    if office.current_step().is_some() && idle >= stall {
        let period = idle / stall;
        let key = format!("{n}/stall/{}/{period}", office.updated_at);
        if !sent(&key) {
            let mut reply = cards::step_card(config, now, office);
            reply
                .blocks
                .insert(0, Block::Warning(Msg::new("reminder-stalled").num("days", idle)));
            out.push(Due {
                key,
                supersedes: vec![],
                channel: channel.clone(),
                reply,
            });
        }
    }

    // A wait on the 国保連合会 longer than usual: once per wait, with whom to ask.
    let mut long_wait = |step: StepId, kind: &str, min_days: i64, contact: ContactId| {
        if let StepStatus::Waiting { since } = office.status(step) {
            let waited = playbook::days_between(since, now);
            let key = format!("{n}/{kind}/{since}");
            if waited >= min_days && !sent(&key) {
                let warning = Msg::new(format!("reminder-{kind}"))
                    .num("days", waited)
                    .date("since", since);
                let reply = Reply {
                    blocks: vec![
                        Block::Warning(warning),
                        Block::Contact(contacts::route(config, contact, Some(office))),
                    ],
                    ..Reply::default()
                };
                out.push(Due {
                    key,
                    supersedes: vec![],
                    channel: channel.clone(),
                    reply,
                });
            }
        }
    };
    // The お知らせ two weeks after the 届出.
    long_wait(
        StepId::Notify,
        "notice-pending",
        NOTICE_PENDING_DAYS,
        ContactId::Kokuhoren,
    );
    if office.mode == Mode::Vendor {
        return out;
    }
    // A certificate issuance pending for more than a week.
    long_wait(
        StepId::Certificate,
        "certificate-pending",
        CERTIFICATE_PENDING_DAYS + 1,
        ContactId::Reception,
    );
    // Certificate expiry (an office with a certificate of its own).
    out.extend(expiry_notice(
        certificate::expiry(office),
        &format!("{n}/certificate-expiry"),
        now,
        sent,
        Notice {
            channel,
            lead: None,
            contact: Block::Contact(contacts::route(config, ContactId::Reception, Some(office))),
        },
    ));
    out
}

/// The reminders due for a 代理人 now: its one certificate's expiry, in its
/// channel (its offices have no certificate of their own). Keys start with
/// `agent/`, the 代理人's key and a slash.
pub fn due_agent(config: &Config, view: &AgentView, now: i64, sent: &dyn Fn(&str) -> bool) -> Vec<Due> {
    let agent = view.agent;
    let Some(channel) = agent.channel.clone() else {
        return Vec::new();
    };
    let notice = Notice {
        channel,
        lead: Some(Block::Text(Msg::new("certificate-agent").str("agent", &agent.name))),
        contact: Block::Contact(contacts::route_agent(config, ContactId::Reception, agent, view.offices)),
    };
    let base = format!("agent/{}/certificate-expiry", agent.key);
    expiry_notice(certificate::agent_expiry(agent), &base, now, sent, notice)
        .into_iter()
        .collect()
}

/// Where an expiry notice goes and what frames it.
struct Notice {
    channel: String,
    /// A line before the expiry (whose certificate it is).
    lead: Option<Block>,
    /// Whom to ask (after the renewal steps).
    contact: Block,
}

/// A certificate's expiry notice, if one is due: the most urgent one whose
/// day has come (those skipped are superseded), then one after it has
/// passed. `base` starts every key.
fn expiry_notice(
    expiry: Option<Expiry>,
    base: &str,
    now: i64,
    sent: &dyn Fn(&str) -> bool,
    notice: Notice,
) -> Option<Due> {
    let exp = expiry.filter(|e| certificate::days_until(now, e.last_day) >= -LAPSED_NOTICE_DAYS)?;
    let base = match exp.basis {
        // The key of the notices counted from the install mark, as before
        // there were reported dates (a notice sent is not sent again).
        Basis::Estimate { installed, .. } => format!("{base}/{installed}"),
        Basis::FromIssue { issued } => format!("{base}/issued-{issued}"),
        Basis::Reported => format!("{base}/expires-{}", exp.last_day),
    };
    let left = certificate::days_until(now, exp.last_day);
    let mut keys: Vec<String> = certificate::notices(&exp.basis)
        .iter()
        .filter(|d| left <= **d)
        .map(|d| format!("{base}/{d}"))
        .collect();
    if left < 0 {
        keys.push(format!("{base}/lapsed"));
    }
    let key = keys.last().filter(|k| !sent(k.as_str()))?.clone();
    let mut blocks: Vec<Block> = notice.lead.into_iter().collect();
    blocks.extend(certificate::describe(now, &exp));
    let what = if left < 0 {
        "reminder-certificate-lapsed"
    } else {
        "reminder-certificate-renewal"
    };
    blocks.push(Block::Text(Msg::new(what)));
    blocks.push(notice.contact);
    keys.pop();
    Some(Due {
        key,
        supersedes: keys,
        channel: notice.channel,
        reply: Reply {
            blocks,
            tone: Tone::Info,
            ..Reply::default()
        },
    })
}
