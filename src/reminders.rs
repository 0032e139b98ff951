//! Reminders, computed purely from an office and the time: a stalled office
//! is nudged once per stall period, an お知らせ not received two weeks after
//! the 届出 suggests calling the 国保連合会, a certificate issuance pending
//! for more than a week suggests calling the helpdesk, and a certificate nearing its 3-year expiry
//! (counted from when the office marked it installed) is announced 90, 30 and
//! 7 days before. Each reminder has a key; the store remembers sent keys so a
//! reminder is sent once, even across restarts.

use time::OffsetDateTime;

use crate::cards;
use crate::config::Config;
use crate::contacts;
use crate::model::Office;
use crate::playbook::{self, ContactId, Mode, StepId, StepStatus, TaskId};
use crate::reply::{Block, Msg, Reply, Tone};

const DAY: i64 = 86_400;
/// Days an issuance may take before the bot suggests calling.
pub const CERTIFICATE_PENDING_DAYS: i64 = 7;
/// Days after the 届出 without the お知らせ before the bot suggests calling
/// the 国保連合会 (the seed gives about a month from 届出 to the first claim).
pub const NOTICE_PENDING_DAYS: i64 = 14;
/// Days before expiry at which the office is reminded.
pub const EXPIRY_NOTICES: [i64; 3] = [90, 30, 7];
/// Years a certificate is valid.
pub const CERTIFICATE_YEARS: i32 = 3;

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

/// When a certificate installed at `installed` expires.
pub fn expiry(installed: i64) -> i64 {
    let Ok(t) = OffsetDateTime::from_unix_timestamp(installed) else {
        return installed;
    };
    let year = t.year() + CERTIFICATE_YEARS;
    let later = t
        .replace_year(year)
        .or_else(|_| (t - time::Duration::days(1)).replace_year(year));
    later.map_or(installed + 3 * 365 * DAY, |x| x.unix_timestamp())
}

/// The reminders due for one office now; `sent` tells which keys were sent.
pub fn due(config: &Config, office: &Office, now: i64, sent: &dyn Fn(&str) -> bool) -> Vec<Due> {
    let Some(channel) = office.channel.clone() else {
        return Vec::new();
    };
    let n = office.number.as_str();
    let mut out = Vec::new();
    let reception = || Block::Contact(contacts::route(config, ContactId::Reception, Some(office)));

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
    // A certificate issuance pending for more than a week (not in vendor mode).
    if office.mode != Mode::Vendor {
        long_wait(
            StepId::Certificate,
            "certificate-pending",
            CERTIFICATE_PENDING_DAYS + 1,
            ContactId::Reception,
        );
    }

    if office.mode == Mode::Vendor {
        return out;
    }
    // Certificate expiry: the most urgent notice whose day has come.
    if let Some(mark) = office.done.get(&TaskId::CertificateInstall) {
        let exp = expiry(mark.at);
        let keys: Vec<(i64, String)> = EXPIRY_NOTICES
            .iter()
            .map(|d| (*d, format!("{n}/certificate-expiry/{}/{d}", mark.at)))
            .collect();
        let reached: Vec<&(i64, String)> = keys.iter().filter(|(d, _)| now >= exp - d * DAY && now < exp).collect();
        if let Some((_, key)) = reached.last() {
            if !sent(key) {
                let left = (exp - now + DAY - 1) / DAY;
                let reply = Reply {
                    blocks: vec![
                        Block::Warning(
                            Msg::new("reminder-certificate-expiry")
                                .date("date", exp)
                                .num("days", left),
                        ),
                        Block::Text(Msg::new("reminder-certificate-renewal")),
                        reception(),
                    ],
                    tone: Tone::Info,
                    ..Reply::default()
                };
                let supersedes = reached[..reached.len() - 1].iter().map(|(_, k)| k.clone()).collect();
                out.push(Due {
                    key: key.clone(),
                    supersedes,
                    channel,
                    reply,
                });
            }
        }
    }
    out
}
