//! `/register`: a new office in this channel, new details for the channel's
//! own office, or (staff only) an existing office bound to this channel.
//! With `agent:NAME` (or in a 代理人's channel) the office is registered
//! under that 代理人 (proxy mode): in a channel nobody holds, the 代理人 is
//! created and the channel becomes its own; the office gets no channel of
//! its own and its 届出 is tracked from the 代理人's channel.

use super::fix::{office_may_fix, FIX_NUMBER_DAYS};
use super::{
    bind, bind_agent, clean_name, create, create_agent, parse_mode, update_details, By, Ctx, Details, Outcome,
};
use crate::cards::{self, AgentView};
use crate::error::UserError;
use crate::model::{agent_key, Agent, AgentWrite, Change, Office, MAX_AGENT_OFFICES};
use crate::office_number::{OfficeNumber, Parsed};
use crate::playbook::Mode;
use crate::reply::{Block, Msg, Reply, Tone};
use crate::text;

pub(super) fn register(
    ctx: &Ctx,
    number: &str,
    name: &str,
    mode: Option<&str>,
    software: Option<&str>,
    agent: Option<&str>,
) -> Result<Outcome, UserError> {
    let parsed = OfficeNumber::parse(number)?;
    let name = clean_name(name, UserError::EmptyName)?;
    let mode_given = mode.map(parse_mode).transpose()?;
    let software = match software {
        Some(s) if !text::clean(s).trim().is_empty() => Some(clean_name(s, UserError::EmptyName)?),
        _ => None,
    };
    let agent_name = match agent {
        Some(a) if !text::clean(a).trim().is_empty() => Some(clean_name(a, UserError::EmptyAgentName)?),
        _ => None,
    };
    if agent_name.is_some() || ctx.agent_channel().is_some() {
        if let Some(m) = mode_given.filter(|m| *m != Mode::Proxy) {
            return Err(UserError::AgentNeedsProxy(m.as_str().to_string()));
        }
        return register_under_agent(ctx, &parsed, name, software, agent_name);
    }
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
        // The channel's own office: update its details (leaving its 代理人
        // when the mode is no longer proxy).
        (Some(cur), _) if cur.number == number => {
            let mode = mode_given.unwrap_or(cur.mode);
            let software = software.or_else(|| cur.software.clone());
            let agent = cur.agent.clone().filter(|_| mode == Mode::Proxy);
            let details = Details {
                name: name.clone(),
                mode,
                software,
                agent,
            };
            let change = update_details(by, cur, details);
            let id = if change.is_some() {
                "register-updated"
            } else {
                "register-unchanged"
            };
            reply.push(Block::Success(
                Msg::new(id).str("name", &name).str("number", number.as_str()),
            ));
            change.map(Change::from)
        }
        // A proxy office without its 代理人: the way to several offices here.
        (Some(cur), _) if !staff && cur.mode == Mode::Proxy && cur.agent.is_none() => {
            return Err(UserError::ChannelBoundProxy(cur.number.to_string()))
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
            if after.mode != Mode::Proxy {
                after.agent = None;
            }
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
            Some(change.into())
        }
        (cur, None) => {
            let mode = mode_given.unwrap_or_default();
            let mut change = create(
                by,
                number.clone(),
                name.clone(),
                mode,
                software,
                Some(channel.clone()),
                None,
            );
            change.displaced = cur.map(|c| c.number.clone());
            reply.push(Block::Success(
                Msg::new("register-done")
                    .str("name", &name)
                    .str("number", number.as_str())
                    .msg("mode", Msg::new(mode.msg_id())),
            ));
            Some(change.into())
        }
    };
    check_digit_warning(&parsed, true, &mut reply);
    let office_after = change
        .as_ref()
        .and_then(Change::office)
        .or(ctx.office)
        .expect("an office exists after register");
    reply.push(Block::Text(Msg::new(office_after.mode.desc_id())));
    cards::append_next(ctx.config, ctx.now, office_after, ctx.office_agent(), &mut reply);
    Ok(Outcome { reply, change })
}

/// The check digit's warning; `fix_hint`: the office may correct the number
/// itself with `/fix-number` (in its own channel; an office in a 代理人's
/// channel has none, staff correct it).
fn check_digit_warning(parsed: &Parsed, fix_hint: bool, reply: &mut Reply) {
    if let Some(expected) = parsed.check_digit_mismatch {
        reply.push(Block::Warning(
            Msg::new("register-check-digit").str("expected", expected.to_string()),
        ));
        if fix_hint {
            reply.push(Block::Text(Msg::new("register-fix-hint").num("days", FIX_NUMBER_DAYS)));
        }
    }
}

/// Where the 代理人 of a registration comes from.
enum Target<'a> {
    /// The 代理人 already stored (the channel's, or the one named).
    Stored(AgentView<'a>),
    /// A new 代理人, created with this registration.
    New(Box<AgentWrite>),
}

impl Target<'_> {
    fn agent(&self) -> &Agent {
        match self {
            Target::Stored(v) => v.agent,
            Target::New(w) => &w.agent,
        }
    }

    fn offices(&self) -> &[Office] {
        match self {
            Target::Stored(v) => v.offices,
            Target::New(_) => &[],
        }
    }
}

/// `/register` of an office under a 代理人: the one named with `agent:`, or
/// the channel's own.
fn register_under_agent(
    ctx: &Ctx,
    parsed: &Parsed,
    name: String,
    software: Option<String>,
    agent_name: Option<String>,
) -> Result<Outcome, UserError> {
    let number = parsed.number.clone();
    let staff = ctx.actor.staff;
    if let Some(cur) = ctx.office.filter(|o| o.is_archived() && !staff) {
        return Err(UserError::Archived(cur.number.to_string()));
    }
    let by = By::from(ctx);
    let channel_agent = ctx.agent_channel();
    let named_key = agent_name.as_deref().map(agent_key);
    // The 代理人 meant, and the write that binds it here.
    let mut bound = None;
    // A new 代理人 whose channel is this one.
    let new_here = || {
        let name = agent_name.clone().expect("named");
        Target::New(Box::new(create_agent(
            by,
            name,
            software.clone(),
            Some(ctx.channel.to_string()),
        )))
    };
    let target = match (channel_agent, &named_key) {
        // In a 代理人's channel: that 代理人, or an error naming it.
        (Some(view), key) => {
            if key.as_ref().is_some_and(|k| *k != view.agent.key) {
                return Err(UserError::ChannelIsAgents(view.agent.name.clone()));
            }
            Target::Stored(view)
        }
        (None, None) => unreachable!("an agent is named or the channel is one"),
        // In an office's channel: its own office joins a 代理人 that exists.
        (None, Some(key)) if ctx.office.is_some() => {
            let cur = ctx.office.expect("checked");
            if cur.number != number {
                return Err(UserError::ChannelBound(cur.number.to_string()));
            }
            match (ctx.agent, ctx.existing_agent) {
                (Some(view), _) if view.agent.key == *key => Target::Stored(view),
                (_, Some(view)) => Target::Stored(view),
                // A proxy-mode office without its 代理人 names a new one: the
                // channel becomes the 代理人's, the office one of its offices
                // (a group that registered its first office in proxy mode).
                _ if cur.mode == Mode::Proxy && cur.agent.is_none() => new_here(),
                _ => return Err(UserError::UnknownAgent(agent_name.clone().unwrap_or_default())),
            }
        }
        // In a channel nobody holds: the 代理人 named is created here, or
        // (staff) an existing one is bound here.
        (None, Some(_)) => match ctx.existing_agent {
            None => new_here(),
            Some(view) if !staff => {
                let agent = view.agent.name.clone();
                return Err(match view.agent.channel {
                    Some(_) => UserError::AgentBoundElsewhere(agent),
                    None => UserError::AgentNeedsStaff(agent),
                });
            }
            Some(view) => {
                bound = Some(bind_agent(by, view.agent, ctx.channel.to_string()));
                Target::Stored(view)
            }
        },
    };
    let agent_write = match &target {
        Target::New(w) => Some((**w).clone()),
        Target::Stored(_) => bound,
    };
    let agent = target.agent().clone();
    let linked_here = target.offices().iter().any(|o| o.number == number);
    let full = || UserError::AgentFull {
        agent: agent.name.clone(),
        max: MAX_AGENT_OFFICES,
    };
    // The office: the channel's own, the one registered under the number
    // elsewhere, or a new one (without a channel of its own).
    let office_write = match ctx.office.or(ctx.existing) {
        None => {
            if target.offices().len() >= MAX_AGENT_OFFICES {
                return Err(full());
            }
            Some(create(
                by,
                number.clone(),
                name.clone(),
                Mode::Proxy,
                software.clone(),
                None,
                Some(agent.key.clone()),
            ))
        }
        Some(cur) => {
            // Knowing a number is no proof of belonging to the office: only
            // staff move an office from elsewhere under a 代理人.
            if !linked_here && !staff && ctx.office.is_none() {
                let number = number.to_string();
                return Err(match (&cur.channel, &cur.agent) {
                    (Some(_), _) => UserError::NumberBoundElsewhere { number },
                    (None, Some(_)) => UserError::NumberLinkedElsewhere { number },
                    (None, None) => UserError::OfficeNeedsStaff { number },
                });
            }
            if !linked_here && target.offices().len() >= MAX_AGENT_OFFICES {
                return Err(full());
            }
            let details = Details {
                name: name.clone(),
                mode: Mode::Proxy,
                software: software.clone().or_else(|| cur.software.clone()),
                agent: Some(agent.key.clone()),
            };
            let mut w = update_details(by, cur, details);
            // The channel becomes the new 代理人's: the office leaves it.
            if let (Some(w), Some(_), Target::New(_)) = (&mut w, ctx.office, &target) {
                w.office.channel = None;
                w.unbind = Some(ctx.channel.to_string());
            }
            w
        }
    };
    let created_office = office_write.as_ref().is_some_and(|w| w.expected_revision.is_none());
    let mut reply = Reply {
        tone: Tone::Success,
        ..Reply::default()
    };
    // Whether the channel is (now) the 代理人's.
    let agents_channel = ctx.office.is_none() || matches!(target, Target::New(_));
    match (&target, &agent_write) {
        (Target::New(_), _) if ctx.office.is_some() => reply.push(Block::Success(
            Msg::new("register-agent-channel-moved")
                .str("agent", &agent.name)
                .str("name", &name)
                .str("number", number.as_str()),
        )),
        (Target::New(_), _) => reply.push(Block::Success(
            Msg::new("register-agent-created").str("agent", &agent.name),
        )),
        (Target::Stored(_), Some(_)) => reply.push(Block::Success(
            Msg::new("register-agent-bound").str("agent", &agent.name),
        )),
        _ => &mut reply,
    };
    let office_count = target.offices().len() + usize::from(!linked_here);
    let id = match (created_office, office_write.is_some(), linked_here) {
        (true, ..) | (false, true, false) => "register-agent-office",
        (false, true, true) => "register-updated",
        (false, false, _) => "register-unchanged",
    };
    reply.push(Block::Success(
        Msg::new(id)
            .str("name", &name)
            .str("number", number.as_str())
            .str("agent", &agent.name)
            .num("offices", office_count as i64),
    ));
    check_digit_warning(parsed, !agents_channel, &mut reply);
    let change = Change {
        office: office_write,
        agent: agent_write,
    };
    // The card of the channel: the office's own (its 届出) in an office's
    // channel, the 代理人's in the 代理人's.
    let stored = |c: &Change| c.office().cloned();
    match ctx.office.filter(|_| !agents_channel) {
        Some(cur) => {
            let office = stored(&change).unwrap_or_else(|| cur.clone());
            reply.push(Block::Text(Msg::new(Mode::Proxy.desc_id())));
            cards::append_next(
                ctx.config,
                ctx.now,
                &office,
                Some(change.agent().unwrap_or(&agent)),
                &mut reply,
            );
        }
        None => {
            let mut offices: Vec<Office> = target
                .offices()
                .iter()
                .filter(|o| o.number != number)
                .cloned()
                .collect();
            if let Some(o) = stored(&change).or_else(|| target.offices().iter().find(|o| o.number == number).cloned()) {
                offices.push(o);
            }
            offices.sort_by(|a, b| a.number.cmp(&b.number));
            let agent_after = change.agent().cloned().unwrap_or(agent);
            if change.agent.is_some() {
                reply.push(Block::Text(Msg::new("agent-desc")));
            }
            let view = AgentView {
                agent: &agent_after,
                offices: &offices,
            };
            // A 代理人 new (or new here) gets its card; one more office of a
            // 代理人 already here, one line pointing at it.
            if change.agent.is_some() {
                cards::append_agent_next(ctx.config, ctx.now, &view, &mut reply);
            } else {
                cards::append_agent_hint(&view, &mut reply);
            }
        }
    }
    let change = (change.office.is_some() || change.agent.is_some()).then_some(change);
    Ok(Outcome { reply, change })
}
