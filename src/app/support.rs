//! Staff as support: an office's request for a person (with its context),
//! the staff inbox and answers, answers turned into FAQ entries, and the
//! staff views of any office. The records live in the store; the replies
//! are drawn by [`crate::handoff`].

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::sync::atomic::Ordering;
use std::sync::{Arc, PoisonError};

use super::{App, Failure};
use crate::command::Input;
use crate::content::Lang;
use crate::error::UserError;
use crate::faq::{ExtraDoc, FaqIndex};
use crate::handoff;
use crate::model::{
    Actor, Exchange, Handoff, HandoffState, Office, StaffReply, TaughtEntry, TaughtTarget, RECORD_VERSION,
};
use crate::office_number::OfficeNumber;
use crate::playbook::ContactId;
use crate::reply::{Block, Msg, Reply};
use crate::store::StoreError;
use crate::text;

/// How many channels the recent-exchange rings remember (the oldest
/// channel is forgotten first).
const RECENT_CHANNELS: usize = 10_000;
/// The longest staff answer or taught answer (it must fit a Discord embed
/// with the question around it).
pub const MAX_ANSWER: usize = 1500;
/// How far back `/ask-staff` without a question looks for the channel's
/// last unanswered question.
const LAST_QUESTION_DAYS: i64 = 7;
/// How many of the latest unanswered questions that look goes through.
const LAST_QUESTION_SCAN: usize = 2000;
/// How many offices an ambiguous name lists.
const AMBIGUOUS_MAX: usize = 5;
/// The index id of an entry staff taught (never a locale file's id: those
/// have no `#`).
const OWN: &str = "taught#";

/// The last exchanges of the bot with each channel. Kept in memory: a
/// restart forgets them (a request made then carries fewer).
#[derive(Default)]
pub(super) struct Recent {
    by_channel: HashMap<String, VecDeque<Exchange>>,
    /// Channels in the order they were first seen (the oldest is forgotten first).
    order: VecDeque<String>,
}

impl Recent {
    fn push(&mut self, channel: &str, x: Exchange) {
        if !self.by_channel.contains_key(channel) {
            self.order.push_back(channel.to_string());
            if self.order.len() > RECENT_CHANNELS {
                if let Some(old) = self.order.pop_front() {
                    self.by_channel.remove(&old);
                }
            }
        }
        let ring = self.by_channel.entry(channel.to_string()).or_default();
        ring.push_back(x);
        while ring.len() > handoff::RECENT {
            ring.pop_front();
        }
    }

    fn of(&self, channel: &str) -> Vec<Exchange> {
        self.by_channel
            .get(channel)
            .map(|r| r.iter().cloned().collect())
            .unwrap_or_default()
    }
}

/// The taught entries and the FAQ index that includes them.
#[derive(Default)]
pub(super) struct Taught {
    /// Seed and taught texts together; `None` when nothing was taught.
    index: Option<FaqIndex>,
    /// Every taught entry, oldest first.
    all: Vec<TaughtEntry>,
    /// Entries with their own answer, by their index id.
    own: BTreeMap<String, TaughtEntry>,
}

fn own_id(id: u64) -> String {
    format!("{OWN}{id}")
}

/// A text typed for a request, an answer or a taught entry: one line,
/// trimmed, not empty, at most `max` characters.
fn clean_text(s: &str, max: usize, empty: UserError) -> Result<String, UserError> {
    let s = text::clean(s).trim().to_string();
    if s.is_empty() {
        return Err(empty);
    }
    if s.chars().count() > max {
        return Err(UserError::TooLong { max });
    }
    Ok(s)
}

/// A request number as typed: `3`, `#3`, `＃３`.
fn parse_id(s: &str) -> Result<u64, UserError> {
    let f = text::fold(s);
    f.trim_start_matches('#')
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| UserError::BadRequestId(s.to_string()))
}

/// Two questions that say the same (so a second click asks nothing new).
fn same_question(a: &str, b: &str) -> bool {
    let key = |s: &str| -> String { text::fold_question(s).chars().filter(|c| c.is_alphanumeric()).collect() };
    key(a) == key(b)
}

impl App {
    /// Held while a request or a taught entry is written: a backup of the
    /// running bot waits for it (and it for a backup).
    fn writing(&self) -> std::sync::RwLockReadGuard<'_, ()> {
        self.write_gate.read().unwrap_or_else(PoisonError::into_inner)
    }

    // ------------------------------------------------------------ context

    /// Remembers one exchange with a channel (the context of a later request).
    pub(super) fn remember(&self, channel: &str, input: &Input, reply: &Reply, now: i64, lang: Lang) {
        let said = match input {
            Input::Question(q) | Input::Faq { question: q } => q.clone(),
            other => format!("/{}", other.name()),
        };
        let first = reply.blocks.iter().find_map(|b| match b {
            Block::Title(m) | Block::Text(m) | Block::Success(m) | Block::Warning(m) | Block::Error(m) => Some(m),
            _ => None,
        });
        let answered = first
            .map(|m| self.content().text(lang, m))
            .and_then(|t| t.lines().next().map(str::to_string))
            .unwrap_or_default();
        let unanswered = reply
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Text(m) if crate::app::UNANSWERED_MSGS.contains(&m.id.as_str())));
        let x = Exchange {
            at: now,
            said: handoff::clip(&text::clean(&said), 200),
            answered: handoff::clip(&answered, 80),
            unanswered,
        };
        self.recent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(channel, x);
    }

    /// The staff answers not yet shown in `channel`, each as the reply the
    /// office sees; they count as delivered from now on.
    pub(super) fn deliver_pending(&self, channel: &str, now: i64) -> Result<Vec<Reply>, StoreError> {
        if !self.pending_in(channel)? {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        let waiting: Vec<Handoff> = self
            .store
            .handoffs()
            .filter(|h| !matches!(h, Ok(h) if h.channel != channel))
            .collect::<Result<_, _>>()?;
        for h in waiting {
            for (i, r) in h.replies.iter().enumerate() {
                if r.delivered.is_none() && self.claim_reply(h.id, i, now)? {
                    out.push(handoff::delivery_reply(&h, r));
                }
            }
        }
        self.refresh_pending(channel)?;
        Ok(out)
    }

    /// Whether `channel` has staff answers not delivered yet (the set is
    /// read from the store once, then kept current).
    fn pending_in(&self, channel: &str) -> Result<bool, StoreError> {
        let mut pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
        if pending.is_none() {
            let mut set = BTreeSet::new();
            for h in self.store.handoffs() {
                let h = h?;
                if h.replies.iter().any(|r| r.delivered.is_none()) {
                    set.insert(h.channel);
                }
            }
            *pending = Some(set);
        }
        Ok(pending.as_ref().is_some_and(|s| s.contains(channel)))
    }

    /// Reads again whether `channel` has answers to deliver.
    fn refresh_pending(&self, channel: &str) -> Result<(), StoreError> {
        let mut any = false;
        for h in self.store.handoffs() {
            let h = h?;
            if h.channel == channel && h.replies.iter().any(|r| r.delivered.is_none()) {
                any = true;
                break;
            }
        }
        let mut pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(set) = pending.as_mut() {
            if any {
                set.insert(channel.to_string());
            } else {
                set.remove(channel);
            }
        }
        Ok(())
    }

    // ------------------------------------------------------------ the office side

    /// An office asks for a person: the request (with the office's state and
    /// the channel's last exchanges) is stored for staff. Without a question,
    /// the channel's last question the FAQ could not answer is sent. Also the
    /// entry point for the free-text "a person, please" intent.
    pub fn ask_staff(&self, channel: &str, actor: &Actor, question: Option<&str>, now: i64, lang: Lang) -> Reply {
        let input = Input::AskStaff {
            question: question.map(str::to_string),
        };
        self.handle(channel, actor, &input, now, lang)
    }

    pub(super) fn try_ask_staff(
        &self,
        channel: &str,
        actor: &Actor,
        question: Option<&str>,
        now: i64,
        lang: Lang,
    ) -> Result<Reply, Failure> {
        // An office's channel, or a 代理人's (its requests name no office).
        let office = self.store.office_by_channel(channel)?;
        if office.is_none() && self.store.agent_by_channel(channel)?.is_none() {
            return Err(UserError::NotRegistered.into());
        }
        let question = match question {
            Some(q) => clean_text(q, crate::command::MAX_LINE, UserError::NoQuestion)?,
            None => {
                // The last question the FAQ could not answer; else the last
                // thing said here (an answer the office was not happy with).
                let since = now - LAST_QUESTION_DAYS * 86_400;
                match self.store.last_unanswered_in(channel, since, LAST_QUESTION_SCAN)? {
                    Some(q) => q.text,
                    None => self
                        .recent
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .of(channel)
                        .into_iter()
                        .rev()
                        .map(|x| x.said)
                        .find(|s| !s.trim_start().starts_with(['/', '／']))
                        .ok_or(UserError::NoQuestion)?,
                }
            }
        };
        let mut open = 0;
        for h in self.store.handoffs() {
            let h = h?;
            if h.channel != channel || h.state == HandoffState::Closed {
                continue;
            }
            if same_question(&h.question, &question) {
                return Ok(handoff::asked_reply(&h, true));
            }
            open += usize::from(h.state == HandoffState::Open);
        }
        if open >= handoff::MAX_OPEN_PER_CHANNEL {
            return Err(UserError::TooManyOpen {
                max: handoff::MAX_OPEN_PER_CHANNEL,
            }
            .into());
        }
        let recent = self.recent.lock().unwrap_or_else(PoisonError::into_inner).of(channel);
        let context = office.as_ref().map(handoff::office_context);
        let h = {
            let _writing = self.writing();
            self.store.create_handoff(|id| Handoff {
                v: RECORD_VERSION,
                id,
                at: now,
                channel: channel.to_string(),
                asker: actor.clone(),
                lang: lang.as_str().to_string(),
                question: question.clone(),
                office: context.clone(),
                recent: recent.clone(),
                state: HandoffState::Open,
                replies: Vec::new(),
                thread: None,
                closed_at: None,
                closed_by: None,
            })?
        };
        self.handoff_changes.fetch_add(1, Ordering::Relaxed);
        tracing::info!(request = h.id, channel, "request for staff");
        Ok(handoff::asked_reply(&h, false))
    }

    // ------------------------------------------------------------ the staff side

    fn request(&self, id: &str) -> Result<Handoff, Failure> {
        let id = parse_id(id)?;
        Ok(self.store.handoff(id)?.ok_or(UserError::UnknownRequest(id))?)
    }

    /// Changes a request (a backup waits for it); `None` when it is gone.
    fn change_request(&self, id: u64, change: impl Fn(&mut Handoff) -> bool) -> Result<Handoff, Failure> {
        let _writing = self.writing();
        let h = self.store.update_handoff(id, change)?;
        self.handoff_changes.fetch_add(1, Ordering::Relaxed);
        Ok(h.ok_or(UserError::UnknownRequest(id))?)
    }

    /// `/inbox`: the open requests, oldest first, or one in full.
    pub(super) fn inbox(&self, id: Option<&str>, now: i64) -> Result<Reply, Failure> {
        if let Some(id) = id {
            return Ok(handoff::context_reply(&self.request(id)?, false));
        }
        let all: Vec<Handoff> = self.store.handoffs().collect::<Result<_, _>>()?;
        let open: Vec<&Handoff> = all.iter().filter(|h| h.state == HandoffState::Open).collect();
        let answered = all.iter().filter(|h| h.state == HandoffState::Answered).count();
        Ok(handoff::inbox_reply(&open, answered, now))
    }

    /// `/reply`: a staff answer, to be delivered in the office's channel.
    pub(super) fn reply_to(&self, actor: &Actor, id: &str, text: &str, now: i64) -> Result<Reply, Failure> {
        let id = self.request(id)?.id;
        let text = clean_text(text, MAX_ANSWER, UserError::EmptyQuestion)?;
        let answer = StaffReply {
            at: now,
            by: actor.clone(),
            text,
            delivered: None,
        };
        let h = self.change_request(id, |h| {
            h.replies.push(answer.clone());
            h.state = HandoffState::Answered;
            h.closed_at = None;
            h.closed_by = None;
            true
        })?;
        self.pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_or_insert_with(BTreeSet::new)
            .insert(h.channel.clone());
        tracing::info!(request = h.id, "staff answered");
        Ok(handoff::replied_reply(&h))
    }

    /// `/close`.
    pub(super) fn close(&self, actor: &Actor, id: &str, now: i64) -> Result<Reply, Failure> {
        let current = self.request(id)?;
        if current.state == HandoffState::Closed {
            return Ok(handoff::closed_reply(&current, true));
        }
        let h = self.change_request(current.id, |h| {
            if h.state == HandoffState::Closed {
                return false;
            }
            h.state = HandoffState::Closed;
            h.closed_at = Some(now);
            h.closed_by = Some(actor.name.clone());
            true
        })?;
        Ok(handoff::closed_reply(&h, false))
    }

    // ------------------------------------------------------------ for the Discord adapter

    /// How many times requests were created or changed in this process
    /// (the Discord adapter watches it to open threads and post answers).
    pub fn handoff_changes(&self) -> u64 {
        self.handoff_changes.load(Ordering::Relaxed)
    }

    /// Requests still open or answered (not closed), oldest first: those
    /// without a staff thread yet, and those with answers to deliver.
    pub fn handoffs_in_progress(&self) -> Result<Vec<Handoff>, StoreError> {
        self.store
            .handoffs()
            .filter(|h| !matches!(h, Ok(h) if h.state == HandoffState::Closed && h.replies.iter().all(|r| r.delivered.is_some())))
            .collect()
    }

    /// The request a staff thread was opened for.
    pub fn handoff_by_thread(&self, thread: &str) -> Result<Option<Handoff>, StoreError> {
        self.store.handoff_by_thread(thread)
    }

    /// Records the staff thread opened for a request.
    pub fn set_handoff_thread(&self, id: u64, thread: &str) -> Result<(), StoreError> {
        let _writing = self.writing();
        self.store.update_handoff(id, |h| {
            if h.thread.as_deref() == Some(thread) {
                return false;
            }
            h.thread = Some(thread.to_string());
            true
        })?;
        Ok(())
    }

    /// Takes the delivery of answer `index` of request `id`: `true` when this
    /// caller is to post it (nobody delivered it before).
    pub fn claim_reply(&self, id: u64, index: usize, now: i64) -> Result<bool, StoreError> {
        let claimed = Cell::new(false);
        let _writing = self.writing();
        self.store.update_handoff(id, |h| {
            let free = h.replies.get(index).is_some_and(|r| r.delivered.is_none());
            claimed.set(free);
            if free {
                h.replies[index].delivered = Some(now);
            }
            free
        })?;
        Ok(claimed.get())
    }

    /// Gives a claimed delivery back (posting it failed): the next message
    /// in the office's channel, or the next attempt, delivers it.
    pub fn unclaim_reply(&self, id: u64, index: usize) -> Result<(), StoreError> {
        let channel = {
            let _writing = self.writing();
            self.store.update_handoff(id, |h| match h.replies.get_mut(index) {
                Some(r) if r.delivered.is_some() => {
                    r.delivered = None;
                    true
                }
                _ => false,
            })?
        };
        if let Some(h) = channel {
            self.refresh_pending(&h.channel)?;
        }
        Ok(())
    }

    // ------------------------------------------------------------ taught answers

    /// The taught entries and the FAQ index with them (read once, then
    /// rebuilt on every change).
    pub(super) fn taught(&self) -> Result<Arc<Taught>, StoreError> {
        if let Some(t) = self.taught.read().unwrap_or_else(PoisonError::into_inner).as_ref() {
            return Ok(t.clone());
        }
        self.rebuild_taught()
    }

    fn rebuild_taught(&self) -> Result<Arc<Taught>, StoreError> {
        let all = self.store.taught()?;
        let own: BTreeMap<String, TaughtEntry> = all
            .iter()
            .filter(|t| t.answer.is_some())
            .map(|t| (own_id(t.id), t.clone()))
            .collect();
        let seed = self.kb.faq.entries();
        let extra: Vec<ExtraDoc> = all
            .iter()
            .filter_map(|t| {
                let entry = match (&t.answer, &t.target) {
                    (Some(_), _) => own_id(t.id),
                    (None, Some(TaughtTarget::Faq(id))) if seed.iter().any(|e| e.id == *id) => id.clone(),
                    (None, Some(TaughtTarget::Taught(n))) if own.contains_key(&own_id(*n)) => own_id(*n),
                    _ => return None,
                };
                Some(ExtraDoc {
                    entry,
                    contact: ContactId::Reception,
                    text: t.question.clone(),
                })
            })
            .collect();
        let index = if extra.is_empty() {
            None
        } else {
            Some(FaqIndex::build_with(&self.kb.content, &extra).map_err(|e| StoreError::Corrupt(e.to_string()))?)
        };
        let t = Arc::new(Taught { index, all, own });
        *self.taught.write().unwrap_or_else(PoisonError::into_inner) = Some(t.clone());
        Ok(t)
    }

    /// The FAQ index to answer from, and the taught entries by index id.
    pub(super) fn faq_with_taught<'t>(&'t self, t: &'t Taught) -> (&'t FaqIndex, &'t BTreeMap<String, TaughtEntry>) {
        (t.index.as_ref().unwrap_or(&self.kb.faq), &t.own)
    }

    /// What `faq:` names: a taught entry (`#3`, `3`), a FAQ entry's name, or
    /// a FAQ entry's question as written.
    fn teach_target(&self, faq: &str, taught: &Taught) -> Result<(TaughtTarget, Msg), UserError> {
        if let Ok(n) = parse_id(faq) {
            let t = taught
                .all
                .iter()
                .find(|t| t.id == n)
                .ok_or(UserError::UnknownTaught(n))?;
            // A phrasing's phrasing belongs to the entry with the answer.
            let (n, t) = match &t.target {
                Some(TaughtTarget::Taught(m)) => (*m, taught.own.get(&own_id(*m)).ok_or(UserError::UnknownTaught(*m))?),
                Some(TaughtTarget::Faq(id)) => return Ok((TaughtTarget::Faq(id.clone()), seed_question(id))),
                None => (n, t),
            };
            return Ok((TaughtTarget::Taught(n), handoff::taught_question(t)));
        }
        let folded = text::fold(faq);
        let entries = self.kb.faq.entries();
        if let Some(e) = entries.iter().find(|e| e.id == folded) {
            return Ok((TaughtTarget::Faq(e.id.clone()), seed_question(&e.id)));
        }
        let key = |s: &str| -> String { text::fold_question(s).chars().filter(|c| c.is_alphanumeric()).collect() };
        let wanted = key(faq);
        for e in entries {
            for lang in Lang::ALL {
                let q = self.content().text(lang, &seed_question(&e.id));
                if key(&q) == wanted {
                    return Ok((TaughtTarget::Faq(e.id.clone()), seed_question(&e.id)));
                }
            }
        }
        Err(UserError::UnknownFaq(faq.to_string()))
    }

    /// `/teach`: a new FAQ entry (from a request's answer, or from
    /// `question` + `answer`) or a new phrasing of entry `faq`.
    pub(super) fn teach(&self, actor: &Actor, args: TeachArgs<'_>, now: i64, lang: Lang) -> Result<Reply, Failure> {
        if args.answer.is_some() && args.faq.is_some() {
            return Err(UserError::TeachBoth.into());
        }
        let request = args.id.map(|id| self.request(id)).transpose()?;
        let question = match (args.question, &request) {
            (Some(q), _) => q.to_string(),
            (None, Some(h)) => h.question.clone(),
            (None, None) => return Err(UserError::TeachWhat.into()),
        };
        let question = clean_text(&question, crate::command::MAX_LINE, UserError::TeachWhat)?;
        let taught = self.taught()?;
        let target = args.faq.map(|f| self.teach_target(f, &taught)).transpose()?;
        let answer = match (args.answer, &request, &target) {
            (_, _, Some(_)) => None,
            (Some(a), _, None) => Some(a.to_string()),
            (None, Some(h), None) => Some(
                h.last_reply()
                    .map(|r| r.text.clone())
                    .ok_or(UserError::TeachNoAnswer(h.id))?,
            ),
            (None, None, None) => return Err(UserError::TeachWhat.into()),
        };
        let answer = answer
            .map(|a| clean_text(&a, MAX_ANSWER, UserError::TeachWhat))
            .transpose()?;
        let lang = request
            .as_ref()
            .and_then(|h| Lang::from_locale(&h.lang))
            .unwrap_or(lang);
        let entry = {
            let _writing = self.writing();
            self.store.add_taught(|id| TaughtEntry {
                v: RECORD_VERSION,
                id,
                at: now,
                by: actor.clone(),
                lang: lang.as_str().to_string(),
                question: question.clone(),
                answer: answer.clone(),
                target: target.as_ref().map(|(t, _)| t.clone()),
                request: request.as_ref().map(|h| h.id),
            })?
        };
        self.rebuild_taught()?;
        tracing::info!(taught = entry.id, "FAQ entry taught");
        Ok(handoff::taught_reply(&entry, target.map(|(_, q)| q)))
    }

    /// `/taught`.
    pub(super) fn taught_list(&self) -> Result<Reply, Failure> {
        let t = self.taught()?;
        Ok(handoff::taught_list(&t.all, |to| match to {
            TaughtTarget::Faq(id) => seed_question(id),
            TaughtTarget::Taught(n) => match t.own.get(&own_id(*n)) {
                Some(e) => handoff::taught_question(e),
                None => Msg::new("handoff-text").str("text", format!("#{n}")),
            },
        }))
    }

    /// `/forget`: removes a taught entry and the phrasings added to it.
    pub(super) fn forget(&self, id: &str) -> Result<Reply, Failure> {
        let n = parse_id(id)?;
        let t = self.taught()?;
        let entry = t.all.iter().find(|e| e.id == n).ok_or(UserError::UnknownTaught(n))?;
        let phrasings: Vec<u64> = t
            .all
            .iter()
            .filter(|e| e.target == Some(TaughtTarget::Taught(n)))
            .map(|e| e.id)
            .collect();
        let mut ids = phrasings.clone();
        ids.push(n);
        {
            let _writing = self.writing();
            self.store.remove_taught(&ids)?;
        }
        self.rebuild_taught()?;
        let mut r = Reply {
            ephemeral: true,
            tone: crate::reply::Tone::Success,
            ..Reply::default()
        };
        r.push(Block::Success(
            Msg::new("forget-done")
                .num("id", n as i64)
                .str("question", &entry.question),
        ));
        if !phrasings.is_empty() {
            r.push(Block::Text(
                Msg::new("forget-done-phrasings").num("count", phrasings.len() as i64),
            ));
        }
        Ok(r)
    }

    // ------------------------------------------------------------ any office, for staff

    /// The office staff name by number or by part of its name.
    pub(super) fn find_office(&self, query: &str) -> Result<Office, Failure> {
        let folded = text::fold(query);
        if folded.chars().all(|c| c.is_ascii_alphanumeric()) {
            let number = OfficeNumber::parse(query).map_err(UserError::from)?.number;
            return Ok(self
                .store
                .office(&number)?
                .ok_or_else(|| UserError::UnknownOffice(number.to_string()))?);
        }
        let wanted = text::fold_question(query);
        let wanted = wanted.trim();
        let mut found = Vec::new();
        for o in self.store.offices() {
            let o = o?;
            if text::fold_question(&o.name).contains(wanted) {
                found.push(o);
            }
        }
        match found.len() {
            0 => Err(UserError::OfficeNotFound(query.to_string()).into()),
            1 => Ok(found.remove(0)),
            _ => {
                let list: Vec<String> = found
                    .iter()
                    .take(AMBIGUOUS_MAX)
                    .map(|o| format!("{} {}", o.name, o.number))
                    .collect();
                Err(UserError::OfficeAmbiguous {
                    query: query.to_string(),
                    list: list.join(" / "),
                }
                .into())
            }
        }
    }
}

/// The options of `/teach`, as typed.
#[derive(Debug, Clone, Copy)]
pub(super) struct TeachArgs<'a> {
    pub id: Option<&'a str>,
    pub question: Option<&'a str>,
    pub answer: Option<&'a str>,
    pub faq: Option<&'a str>,
}

fn seed_question(id: &str) -> Msg {
    Msg::new(format!("faq-{id}.question"))
}
