//! `/register`: a new office in this channel, new details for the channel's
//! own office, or (staff only) an existing office bound to this channel.

use super::fix::{office_may_fix, FIX_NUMBER_DAYS};
use super::{bind, clean_name, create, parse_mode, update_details, By, Ctx, Outcome};
use crate::cards;
use crate::error::UserError;
use crate::model::Change;
use crate::office_number::OfficeNumber;
use crate::reply::{Block, Msg, Reply, Tone};
use crate::text;

pub(super) fn register(
    ctx: &Ctx,
    number: &str,
    name: &str,
    mode: Option<&str>,
    software: Option<&str>,
) -> Result<Outcome, UserError> {
    let parsed = OfficeNumber::parse(number)?;
    let name = clean_name(name, UserError::EmptyName)?;
    let mode_given = mode.map(parse_mode).transpose()?;
    let software = match software {
        Some(s) if !text::clean(s).trim().is_empty() => Some(clean_name(s, UserError::EmptyName)?),
        _ => None,
    };
    let number = parsed.number.clone();
    let staff = ctx.actor.staff;
    let channel = ctx.channel.to_string();
    let by = By::from(ctx);

    let mut reply = Reply {
        tone: Tone::Success,
        ..Reply::default()
    };
    let change: Option<Change> = match (ctx.office, ctx.existing) {
        (Some(cur), _) if cur.is_archived() && !staff => return Err(UserError::Archived(cur.number.to_string())),
        // The channel's own office: update its details.
        (Some(cur), _) if cur.number == number => {
            let mode = mode_given.unwrap_or(cur.mode);
            let software = software.or_else(|| cur.software.clone());
            let change = update_details(by, cur, name.clone(), mode, software);
            let id = if change.is_some() {
                "register-updated"
            } else {
                "register-unchanged"
            };
            reply.push(Block::Success(
                Msg::new(id).str("name", &name).str("number", number.as_str()),
            ));
            change
        }
        // Another number in a bound channel: a typo the office may still
        // correct itself, or staff's to change.
        (Some(cur), ex) if !staff => {
            return Err(if ex.is_none() && office_may_fix(cur, ctx.now) {
                UserError::ChannelBoundFixable {
                    number: cur.number.to_string(),
                    new: number.to_string(),
                }
            } else {
                UserError::ChannelBound(cur.number.to_string())
            })
        }
        // Office numbers are public: knowing one is no proof of belonging to
        // the office. Only staff bind an existing office to a channel, even
        // one that has none (imported without a channel, or displaced).
        (_, Some(ex)) if !staff => {
            let number = number.to_string();
            return Err(match ex.channel {
                Some(_) => UserError::NumberBoundElsewhere { number },
                None => UserError::OfficeNeedsStaff { number },
            });
        }
        // Staff (re)binding: the details typed are taken over in the same
        // `Bound` event.
        (cur, Some(ex)) => {
            let mut after = ex.clone();
            after.name = name.clone();
            after.mode = mode_given.unwrap_or(ex.mode);
            if software.is_some() {
                after.software = software;
            }
            let mut change = bind(by, ex, after, channel.clone());
            change.displaced = cur.map(|c| c.number.clone());
            reply.push(Block::Success(
                Msg::new("register-bound")
                    .str("name", &name)
                    .str("number", number.as_str()),
            ));
            Some(change)
        }
        (cur, None) => {
            let mode = mode_given.unwrap_or_default();
            let mut change = create(by, number.clone(), name.clone(), mode, software, Some(channel.clone()));
            change.displaced = cur.map(|c| c.number.clone());
            reply.push(Block::Success(
                Msg::new("register-done")
                    .str("name", &name)
                    .str("number", number.as_str())
                    .msg("mode", Msg::new(mode.msg_id())),
            ));
            Some(change)
        }
    };
    if let Some(expected) = parsed.check_digit_mismatch {
        reply.push(Block::Warning(
            Msg::new("register-check-digit").str("expected", expected.to_string()),
        ));
        reply.push(Block::Text(Msg::new("register-fix-hint").num("days", FIX_NUMBER_DAYS)));
    }
    let office_after = change
        .as_ref()
        .map(|c| &c.office)
        .or(ctx.office)
        .expect("an office exists after register");
    reply.push(Block::Text(Msg::new(office_after.mode.desc_id())));
    cards::append_next(ctx.config, ctx.now, office_after, &mut reply);
    Ok(Outcome { reply, change })
}
