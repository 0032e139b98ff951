//! `/fix-number`, `/archive` and `/unarchive`: a mistyped office number
//! corrected, an office taken out of the staff views and brought back, each
//! with its event in the office's history.

use super::{record, By, Ctx, Outcome};
use crate::cards;
use crate::error::UserError;
use crate::model::{Action, Office, OfficeWrite};
use crate::office_number::OfficeNumber;
use crate::reply::{Block, Msg, Reply, Tone};

/// Days after registering during which an office may correct its own
/// number; later, staff do it.
pub const FIX_NUMBER_DAYS: i64 = 7;

/// Whether the office's own users may still correct its number.
pub(super) fn office_may_fix(office: &Office, now: i64) -> bool {
    now - office.registered_at <= FIX_NUMBER_DAYS * 86_400 && !office.is_archived()
}

/// `/fix-number number:NEW [office:OLD]`: the office, its progress, its
/// history and its channel move to the new number (the store moves them in
/// one transaction); the old number is free again. `named`: the office was
/// named with `office:` (staff only).
pub(super) fn fix_number(ctx: &Ctx, number: &str, named: bool) -> Result<Outcome, UserError> {
    let staff = ctx.actor.staff;
    if named && !staff {
        return Err(UserError::StaffOnly);
    }
    let office = ctx.office.ok_or_else(|| needs_office(ctx, "fix-number"))?;
    if office.is_archived() && !staff {
        return Err(UserError::Archived(office.number.to_string()));
    }
    let parsed = OfficeNumber::parse(number)?;
    let to = parsed.number;
    if to == office.number {
        return Err(UserError::SameNumber(to.to_string()));
    }
    if ctx.existing.is_some() {
        return Err(UserError::NumberTaken(to.to_string()));
    }
    if !staff && !office_may_fix(office, ctx.now) {
        return Err(UserError::FixNumberTooLate { days: FIX_NUMBER_DAYS });
    }
    let mut after = office.clone();
    after.number = to.clone();
    let action = Action::NumberCorrected {
        from: office.number.clone(),
        to: to.clone(),
    };
    let change = record(By::from(ctx), Some(office), after, action);
    let mut reply = Reply {
        tone: Tone::Success,
        ..Reply::default()
    };
    reply.push(Block::Success(
        Msg::new("fix-number-done")
            .str("name", &office.name)
            .str("from", office.number.as_str())
            .str("to", to.as_str()),
    ));
    if let Some(expected) = parsed.check_digit_mismatch {
        reply.push(Block::Warning(
            Msg::new("register-check-digit").str("expected", expected.to_string()),
        ));
    }
    cards::append_next_hint(&change.office, ctx.office_agent(), &mut reply);
    Ok(Outcome {
        reply,
        change: Some(change.into()),
    })
}

/// `/archive [office:]` (staff): the office leaves the summary, the
/// dashboard and the reminders; its record, history and channel stay.
pub(super) fn archive(ctx: &Ctx) -> Result<Outcome, UserError> {
    let office = staff_target(ctx, "archive")?;
    if office.is_archived() {
        return Err(UserError::Archived(office.number.to_string()));
    }
    let mut after = office.clone();
    after.archived = Some(ctx.now);
    let change = record(By::from(ctx), Some(office), after, Action::Archived {});
    Ok(done(change, "archive-done", office))
}

/// `/unarchive [office:]` (staff): the archived office is back in the
/// summary and the reminders, as it was.
pub(super) fn unarchive(ctx: &Ctx) -> Result<Outcome, UserError> {
    let office = staff_target(ctx, "unarchive")?;
    if !office.is_archived() {
        return Err(UserError::NotArchived(office.number.to_string()));
    }
    let mut after = office.clone();
    after.archived = None;
    let change = record(By::from(ctx), Some(office), after, Action::Unarchived {});
    Ok(done(change, "unarchive-done", office))
}

fn staff_target<'a>(ctx: &Ctx<'a>, cmd: &str) -> Result<&'a Office, UserError> {
    if !ctx.actor.staff {
        return Err(UserError::StaffOnly);
    }
    ctx.office.ok_or_else(|| needs_office(ctx, cmd))
}

/// No office in this channel: staff (in their own channel) name one with
/// `office:`; an office's user registers first.
fn needs_office(ctx: &Ctx, cmd: &str) -> UserError {
    if ctx.actor.staff {
        UserError::MissingOption {
            cmd: cmd.to_string(),
            opt: "office".to_string(),
        }
    } else {
        UserError::NotRegistered
    }
}

fn done(change: OfficeWrite, id: &str, office: &Office) -> Outcome {
    let mut reply = Reply {
        tone: Tone::Success,
        ephemeral: true,
        ..Reply::default()
    };
    reply.push(Block::Success(
        Msg::new(id)
            .str("name", &office.name)
            .str("number", office.number.as_str()),
    ));
    Outcome {
        reply,
        change: Some(change.into()),
    }
}
