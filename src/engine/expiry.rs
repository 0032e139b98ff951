//! `/certificate`: the certificate's expiry as the bot knows it, and the
//! dates read in the `[証明書]` menu (`expires:`, `issued:`), which the expiry
//! reminders then count from. An office records its own certificate; a
//! 代理人 its one certificate, in its channel; an office billed by proxy has
//! none of its own and is pointed to its 代理人's.

use super::{record, record_agent, registered_office, By, Ctx, Outcome};
use crate::cards::{self, AgentView};
use crate::certificate::{self, Basis, Expiry};
use crate::error::UserError;
use crate::model::{Action, CertificateDates, Office};
use crate::playbook::{Doer, StepId, StepStatus};
use crate::reply::{Block, Msg, Reply, Tone};

const DAY: i64 = 86_400;
/// How far past a certificate issued today a reported expiry may lie: a
/// later one is a typo (a wrong year), not a certificate.
const EXPIRY_SLACK_DAYS: i64 = 31;

/// `/certificate` in an office's channel.
pub(super) fn certificate(ctx: &Ctx, expires: Option<&str>, issued: Option<&str>) -> Result<Outcome, UserError> {
    let office = registered_office(ctx)?;
    // A proxy office's certificate is its 代理人's (one for all its offices).
    if StepId::Certificate.doer(office.mode) == Some(Doer::Agent) {
        return agents_certificate(ctx, office, expires.is_some() || issued.is_some());
    }
    if office.status(StepId::Certificate) == StepStatus::NotApplicable {
        return Err(UserError::StepNotApplicable(StepId::Certificate));
    }
    let agent = ctx.office_agent();
    let dates = match reported(ctx.now, expires, issued)? {
        Some(d) if office.certificate != Some(d) => d,
        given => {
            let mut reply = shown(given.is_some(), None);
            append_expiry(ctx.now, certificate::expiry(office), &mut reply);
            cards::append_next_hint(office, agent, &mut reply);
            return Ok(Outcome::reply(reply));
        }
    };
    let mut after = office.clone();
    after.certificate = Some(dates);
    let action = Action::CertificateReported {
        dates,
        prev: office.certificate,
    };
    let change = record(By::from(ctx), Some(office), after, action);
    let mut reply = recorded(
        ctx.now,
        Msg::new(recorded_id(&dates)),
        certificate::expiry(&change.office),
    );
    cards::append_next_hint(&change.office, agent, &mut reply);
    Ok(Outcome {
        reply,
        change: Some(change.into()),
    })
}

/// `/certificate` in a 代理人's channel: the same for its one certificate,
/// recorded on the 代理人 (its history, its `/undo`).
pub(super) fn agent_certificate(
    ctx: &Ctx,
    view: AgentView,
    expires: Option<&str>,
    issued: Option<&str>,
) -> Result<Outcome, UserError> {
    let agent = view.agent;
    let dates = match reported(ctx.now, expires, issued)? {
        Some(d) if agent.certificate != Some(d) => d,
        given => {
            let whose = Msg::new("certificate-agent").str("agent", &agent.name);
            let mut reply = shown(given.is_some(), Some(whose));
            append_expiry(ctx.now, certificate::agent_expiry(agent), &mut reply);
            cards::append_agent_hint(&view, &mut reply);
            return Ok(Outcome::reply(reply));
        }
    };
    let mut after = agent.clone();
    after.certificate = Some(dates);
    let action = Action::CertificateReported {
        dates,
        prev: agent.certificate,
    };
    let write = record_agent(By::from(ctx), Some(agent), after, action);
    let what = Msg::new(format!("{}-agent", recorded_id(&dates))).str("agent", &agent.name);
    let mut reply = recorded(ctx.now, what, certificate::agent_expiry(&write.agent));
    let after = AgentView {
        agent: &write.agent,
        offices: view.offices,
    };
    cards::append_agent_hint(&after, &mut reply);
    Ok(Outcome {
        reply,
        change: Some(write.into()),
    })
}

/// `/certificate` in the channel of an office billed by proxy: the
/// certificate is its 代理人's, recorded in the 代理人's channel. Shows what
/// the 代理人's expiry is known to be; dates typed here change nothing.
fn agents_certificate(ctx: &Ctx, office: &Office, dates_given: bool) -> Result<Outcome, UserError> {
    let agent = ctx.office_agent();
    if dates_given {
        return Err(UserError::CertificateIsAgents(agent.map(|a| a.name.clone())));
    }
    let mut reply = Reply::default();
    reply.push(Block::Text(match agent {
        Some(a) => Msg::new("certificate-is-agents").str("agent", &a.name),
        None => Msg::new("certificate-is-agents-unnamed"),
    }));
    // The date line alone: how to record one is for the 代理人's channel.
    if let Some(e) = agent.and_then(certificate::agent_expiry) {
        reply
            .blocks
            .extend(certificate::describe(ctx.now, &e).into_iter().take(1));
    }
    cards::append_next_hint(office, agent, &mut reply);
    Ok(Outcome::reply(reply))
}

/// The dates typed, checked; `None` when none were (the command shows).
fn reported(now: i64, expires: Option<&str>, issued: Option<&str>) -> Result<Option<CertificateDates>, UserError> {
    if expires.is_none() && issued.is_none() {
        return Ok(None);
    }
    let parse = |s: &str| certificate::parse_date(s).ok_or_else(|| UserError::BadDate(s.to_string()));
    let dates = CertificateDates {
        issued: issued.map(parse).transpose()?,
        expires: expires.map(parse).transpose()?,
    };
    let today = certificate::day_of(now);
    if dates.issued.is_some_and(|d| d > today) {
        return Err(UserError::IssuedInFuture);
    }
    if let (Some(i), Some(e)) = (dates.issued, dates.expires) {
        if e <= i {
            return Err(UserError::ExpiryBeforeIssue);
        }
    }
    if dates
        .expires
        .is_some_and(|e| e > certificate::last_day_from_issue(today) + EXPIRY_SLACK_DAYS * DAY)
    {
        return Err(UserError::ExpiryTooFar);
    }
    Ok(Some(dates))
}

/// The start of a reply that records nothing: the dates given (`again`)
/// were recorded already; `whose` certificate it is.
fn shown(again: bool, whose: Option<Msg>) -> Reply {
    let mut reply = Reply::default();
    if again {
        reply.push(Block::Text(Msg::new("certificate-unchanged")));
    }
    if let Some(m) = whose {
        reply.push(Block::Text(m));
    }
    reply
}

/// The message saying which date was recorded (its `-agent` variant names the 代理人).
fn recorded_id(dates: &CertificateDates) -> &'static str {
    match dates.expires {
        Some(_) => "certificate-recorded",
        None => "certificate-recorded-issued",
    }
}

/// Dates recorded: what was, then the expiry they give.
fn recorded(now: i64, what: Msg, expiry: Option<Expiry>) -> Reply {
    let mut reply = Reply {
        tone: Tone::Success,
        ..Reply::default()
    };
    reply.push(Block::Success(what));
    append_expiry(now, expiry, &mut reply);
    reply
}

/// The expiry's lines and when the channel will be reminded; without any
/// date, how to record one.
fn append_expiry(now: i64, expiry: Option<Expiry>, reply: &mut Reply) {
    let Some(e) = expiry else {
        reply.push(Block::Text(Msg::new("certificate-none")));
        reply.push(Block::Text(Msg::new("certificate-check-exact")));
        reply.push(Block::Text(Msg::new("certificate-how")));
        return;
    };
    for b in certificate::describe(now, &e) {
        reply.push(b);
    }
    let days = certificate::days_until(now, e.last_day);
    if days < 0 {
        reply.push(Block::Text(Msg::new("reminder-certificate-lapsed")));
        return;
    }
    let schedule = match e.basis {
        Basis::Estimate { .. } => "certificate-schedule-estimate",
        _ => "certificate-schedule",
    };
    reply.push(Block::Text(Msg::new(schedule)));
    if days <= 90 {
        reply.push(Block::Text(Msg::new("reminder-certificate-renewal")));
    }
}

/// After the install is marked done (by an office, or by a 代理人 in its
/// channel): asks for the expiry shown in the `[証明書]` menu, unless the
/// dates were reported already.
pub(super) fn ask_after_install(reported: Option<&CertificateDates>, reply: &mut Reply) {
    if reported.is_none() {
        reply.push(Block::Text(Msg::new("done-certificate-ask")));
    }
}
