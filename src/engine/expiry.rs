//! `/certificate`: the certificate's expiry as the bot knows it, and the
//! dates the office read in the `[証明書]` menu (`expires:`, `issued:`), which
//! the expiry reminders then count from.

use super::{record, registered_office, By, Ctx, Outcome};
use crate::cards;
use crate::certificate::{self, Basis};
use crate::error::UserError;
use crate::model::{Action, CertificateDates, Office};
use crate::playbook::{Doer, StepId, StepStatus};
use crate::reply::{Block, Msg, Reply, Tone};

const DAY: i64 = 86_400;
/// How far past a certificate issued today a reported expiry may lie: a
/// later one is a typo (a wrong year), not a certificate.
const EXPIRY_SLACK_DAYS: i64 = 31;

pub(super) fn certificate(ctx: &Ctx, expires: Option<&str>, issued: Option<&str>) -> Result<Outcome, UserError> {
    let office = registered_office(ctx)?;
    // A proxy office's certificate is its 代理人's (one for all its offices).
    if StepId::Certificate.doer(office.mode) == Some(Doer::Agent) {
        return Err(UserError::StepIsAgents {
            step: StepId::Certificate,
            agent: ctx.office_agent().map(|a| a.name.clone()).unwrap_or_default(),
        });
    }
    if office.status(StepId::Certificate) == StepStatus::NotApplicable {
        return Err(UserError::StepNotApplicable(StepId::Certificate));
    }
    if expires.is_none() && issued.is_none() {
        return Ok(Outcome::reply(show(ctx, office)));
    }
    let parse = |s: &str| certificate::parse_date(s).ok_or_else(|| UserError::BadDate(s.to_string()));
    let dates = CertificateDates {
        issued: issued.map(parse).transpose()?,
        expires: expires.map(parse).transpose()?,
    };
    let today = certificate::day_of(ctx.now);
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
    if office.certificate == Some(dates) {
        let mut reply = show(ctx, office);
        reply.blocks.insert(0, Block::Text(Msg::new("certificate-unchanged")));
        return Ok(Outcome::reply(reply));
    }
    let mut after = office.clone();
    after.certificate = Some(dates);
    let action = Action::CertificateReported {
        dates,
        prev: office.certificate,
    };
    let change = record(By::from(ctx), Some(office), after, action);
    let recorded = match dates.expires {
        Some(_) => "certificate-recorded",
        None => "certificate-recorded-issued",
    };
    let mut reply = Reply {
        tone: Tone::Success,
        ..Reply::default()
    };
    reply.push(Block::Success(Msg::new(recorded)));
    append_expiry(ctx.now, &change.office, &mut reply);
    cards::append_next_hint(&change.office, ctx.office_agent(), &mut reply);
    Ok(Outcome {
        reply,
        change: Some(change.into()),
    })
}

/// What the bot knows of the expiry, and how to record the exact date.
fn show(ctx: &Ctx, office: &Office) -> Reply {
    let mut reply = Reply::default();
    append_expiry(ctx.now, office, &mut reply);
    cards::append_next_hint(office, ctx.office_agent(), &mut reply);
    reply
}

/// The expiry's lines and when the office will be reminded; without any
/// date, how to record one.
fn append_expiry(now: i64, office: &Office, reply: &mut Reply) {
    let Some(e) = certificate::expiry(office) else {
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

/// After the install is marked done: asks for the expiry shown in the
/// `[証明書]` menu (unless the office reported its dates already).
pub(super) fn ask_after_install(office: &Office, reply: &mut Reply) {
    if office.certificate.is_none() {
        reply.push(Block::Text(Msg::new("done-certificate-ask")));
    }
}
