//! The service every adapter calls: loads what the engine needs from the
//! store, runs the engine, stores its change (retrying when someone else
//! changed the office first), answers questions and staff views.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use crate::command::Input;
use crate::config::Config;
use crate::contacts;
use crate::content::{Content, Lang};
use crate::engine::{self, Ctx};
use crate::error::UserError;
use crate::faq::{FaqIndex, Hit, Lookup};
use crate::limits::RateLimiter;
use crate::model::{Actor, Office};
use crate::office_number::OfficeNumber;
use crate::playbook::{ContactId, StepId};
use crate::reminders::{self, Due};
use crate::reply::{Attachment, Block, Button, ButtonAction, Contact, Msg, Reply};
use crate::staff;
use crate::store::{Applied, Store, StoreError, Unanswered};

/// How often a command is re-run when its office changed underneath it.
const MAX_RETRIES: usize = 32;

/// Why the app cannot start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Content(#[from] crate::content::ContentError),
    #[error(transparent)]
    Faq(#[from] crate::faq::FaqError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Summary rows by office number, with the office revision each was made from.
type RowCache = BTreeMap<Arc<str>, (u64, staff::OfficeRow)>;

/// What the bot knows without a store: configuration, texts, the FAQ index.
pub struct Knowledge {
    pub config: Config,
    pub content: Arc<Content>,
    pub faq: FaqIndex,
}

impl Knowledge {
    pub fn load(config: Config) -> Result<Knowledge, StartError> {
        let content = Arc::new(Content::embedded()?);
        let faq = FaqIndex::build(&content)?;
        Ok(Knowledge { config, content, faq })
    }
}

pub struct App {
    pub kb: Knowledge,
    pub store: Store,
    /// Counts stored changes (the dashboard watches it).
    changes: AtomicU64,
    command_limit: RateLimiter,
    question_limit: RateLimiter,
    /// Summary rows by office number with the revision they were made from;
    /// filled on the first summary, then kept current by every stored change.
    rows: Mutex<Option<RowCache>>,
}

impl std::ops::Deref for App {
    type Target = Knowledge;
    fn deref(&self) -> &Knowledge {
        &self.kb
    }
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App").finish_non_exhaustive()
    }
}

/// A question answered: the lookup plus the routed contact.
#[derive(Debug, Clone)]
pub struct Answered {
    pub lookup: Lookup,
    pub contact: Contact,
}

impl App {
    pub fn open(config: Config, data_dir: &Path) -> Result<App, StartError> {
        let kb = Knowledge::load(config)?;
        let store = Store::open(data_dir)?;
        let limits = &kb.config.limits;
        let command_limit = RateLimiter::new(limits.commands_per_minute);
        let question_limit = RateLimiter::new(limits.questions_per_minute);
        Ok(App {
            kb,
            store,
            changes: AtomicU64::new(0),
            command_limit,
            question_limit,
            rows: Mutex::new(None),
        })
    }

    /// Handles one input; never fails: user errors become a localized error
    /// reply, internal errors are logged and answered with an apology.
    pub fn handle(&self, channel: &str, actor: &Actor, input: &Input, now: i64, lang: Lang) -> Reply {
        match self.try_handle(channel, actor, input, now, lang) {
            Ok(r) => r,
            Err(Failure::User(e)) => {
                let mut r = Reply::error(e.msg());
                if e == UserError::NotRegistered {
                    r.push(Block::Text(Msg::new("hint-register")));
                }
                r
            }
            Err(Failure::Internal(e)) => {
                tracing::error!(error = %e, command = input.name(), channel, "internal error");
                Reply::error(Msg::new("error-internal"))
            }
        }
    }

    fn try_handle(&self, channel: &str, actor: &Actor, input: &Input, now: i64, lang: Lang) -> Result<Reply, Failure> {
        if input.staff_only() && !actor.staff {
            return Err(UserError::StaffOnly.into());
        }
        if !actor.staff && !actor.local {
            let limit = match input {
                Input::Faq { .. } | Input::Question(_) => &self.question_limit,
                _ => &self.command_limit,
            };
            limit
                .check(&actor.id, now)
                .map_err(|seconds| UserError::RateLimited { seconds })?;
        }
        match input {
            Input::Faq { question } | Input::Question(question) => {
                let office = self.store.office_by_channel(channel)?;
                self.question(question, office.as_ref(), Some(channel), now, lang)
            }
            Input::Summary { page, format } => {
                let page = match page {
                    None => 1,
                    Some(p) => crate::text::fold(p)
                        .parse::<usize>()
                        .ok()
                        .filter(|n| *n >= 1)
                        .ok_or_else(|| UserError::BadPage(p.clone()))?,
                };
                let csv = match format.as_deref().map(crate::text::fold).as_deref() {
                    None | Some("chart") => false,
                    Some("csv") => true,
                    Some(other) => {
                        return Err(UserError::UnknownOption {
                            cmd: "summary".into(),
                            opt: other.to_string(),
                        }
                        .into())
                    }
                };
                let s = self.summary(now)?;
                let mut reply = staff::summary_reply(&s, page);
                let png = crate::chart::render_png(&self.content, lang, &s, now);
                reply.attachments.push(Attachment {
                    name: "summary.png".into(),
                    bytes: png,
                });
                if csv {
                    let bytes = staff::summary_csv(&s).into_bytes();
                    reply.attachments.push(Attachment {
                        name: "summary.csv".into(),
                        bytes,
                    });
                }
                Ok(reply)
            }
            Input::Unanswered => Ok(staff::unanswered_reply(&self.store.unanswered()?)),
            Input::History { office } => {
                let number = match office {
                    Some(n) => OfficeNumber::parse(n).map_err(UserError::from)?.number,
                    None => {
                        self.store
                            .office_by_channel(channel)?
                            .ok_or(UserError::NotRegistered)?
                            .number
                    }
                };
                let o = self
                    .store
                    .office(&number)?
                    .ok_or_else(|| UserError::UnknownOffice(number.to_string()))?;
                Ok(staff::history_reply(&o, &self.store.history(&number)?))
            }
            _ => self.office_command(channel, actor, input, now),
        }
    }

    fn office_command(&self, channel: &str, actor: &Actor, input: &Input, now: i64) -> Result<Reply, Failure> {
        let number = engine::register_number(input).transpose().map_err(Failure::User)?;
        for _ in 0..MAX_RETRIES {
            let office = self.store.office_by_channel(channel)?;
            let history = match (input, &office) {
                (Input::Undo, Some(o)) => self.store.history(&o.number)?,
                _ => Vec::new(),
            };
            let existing = match &number {
                Some(n) => self.store.office(n)?,
                None => None,
            };
            let ctx = Ctx {
                now,
                actor,
                channel,
                office: office.as_ref(),
                history: &history,
                existing: existing.as_ref(),
                config: &self.config,
            };
            let outcome = engine::handle(&ctx, input)?;
            match &outcome.change {
                None => return Ok(outcome.reply),
                Some(change) => match self.store.apply(change)? {
                    Applied::Stored => {
                        self.changes.fetch_add(1, Ordering::Relaxed);
                        self.update_row(&change.office, now);
                        tracing::info!(office = %change.office.number, seq = change.event.seq, command = input.name(), "stored");
                        return Ok(outcome.reply);
                    }
                    Applied::Conflict => continue,
                },
            }
        }
        Err(Failure::Internal(StoreError::Contention))
    }

    /// How many changes this process has stored.
    pub fn change_count(&self) -> u64 {
        self.changes.load(Ordering::Relaxed)
    }

    /// The progress summary of every office (from the row cache, built from
    /// the store on first use).
    pub fn summary(&self, now: i64) -> Result<staff::Summary, StoreError> {
        let stall = self.config.bot.stall_days;
        let mut cache = self.rows.lock().unwrap_or_else(PoisonError::into_inner);
        let rows = match cache.as_mut() {
            Some(rows) => rows,
            None => {
                let mut rows = BTreeMap::new();
                for office in self.store.offices() {
                    let office = office?;
                    let row = staff::row(&office, now, stall);
                    rows.insert(row.number.clone(), (office.revision, row));
                }
                cache.insert(rows)
            }
        };
        Ok(staff::summarize_rows(rows.values().map(|(_, r)| r.clone()), now, stall))
    }

    /// Keeps a filled row cache current (a later revision always wins).
    fn update_row(&self, office: &Office, now: i64) {
        let mut cache = self.rows.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(rows) = cache.as_mut() {
            let row = staff::row(office, now, self.config.bot.stall_days);
            match rows.get(&row.number) {
                Some((rev, _)) if *rev >= office.revision => {}
                _ => {
                    rows.insert(row.number.clone(), (office.revision, row));
                }
            }
        }
    }

    /// Every reminder due now and not yet sent.
    pub fn due_reminders(&self, now: i64) -> Result<Vec<Due>, StoreError> {
        let mut out = Vec::new();
        for office in self.store.offices() {
            let office = office?;
            let sent = |k: &str| self.store.reminder_sent(k).unwrap_or(true);
            out.extend(reminders::due(&self.config, &office, now, &sent));
        }
        Ok(out)
    }

    /// Records a reminder as sent (call after it was posted).
    pub fn reminder_sent(&self, due: &Due, now: i64) -> Result<(), StoreError> {
        let mut keys = due.supersedes.clone();
        keys.push(due.key.clone());
        self.store.mark_reminders(&keys, now)
    }

    fn question(
        &self,
        question: &str,
        office: Option<&Office>,
        channel: Option<&str>,
        now: i64,
        lang: Lang,
    ) -> Result<Reply, Failure> {
        let q = crate::text::clean(question);
        let q = q.trim();
        if q.is_empty() {
            return Err(UserError::EmptyQuestion.into());
        }
        if q.chars().count() > crate::command::MAX_LINE {
            return Err(UserError::TooLong {
                max: crate::command::MAX_LINE,
            }
            .into());
        }
        let a = self.answer(q, office);
        if a.lookup.best.is_none() {
            self.store.log_unanswered(&Unanswered {
                v: crate::model::RECORD_VERSION,
                at: now,
                text: q.to_string(),
                lang: lang.as_str().to_string(),
                office: office.map(|o| o.number.to_string()),
                channel: channel.map(str::to_string),
            })?;
        }
        Ok(self.answer_reply(&a, office.is_some()))
    }
}

impl Knowledge {
    /// Looks a question up and routes its contact (no logging, no reply).
    pub fn answer(&self, question: &str, office: Option<&Office>) -> Answered {
        let lookup = self.faq.lookup(question);
        let id = match &lookup.best {
            Some(h) => self.faq.entries()[h.entry].contact,
            None => office
                .and_then(Office::current_step)
                .map_or(ContactId::Reception, StepId::contact),
        };
        Answered {
            contact: contacts::route(&self.config, id, office),
            lookup,
        }
    }

    /// The chat reply for an answered question.
    pub fn answer_reply(&self, a: &Answered, registered: bool) -> Reply {
        let mut reply = Reply::default();
        match &a.lookup.best {
            Some(h) => {
                let id = &self.faq.entries()[h.entry].id;
                reply.push(Block::Title(Msg::new(format!("faq-{id}.question"))));
                reply.push(Block::Text(Msg::new(format!("faq-{id}"))));
            }
            None => {
                reply.push(Block::Text(Msg::new("answer-none")));
            }
        }
        if !a.lookup.alternatives.is_empty() {
            reply.push(Block::Text(Msg::new("answer-did-you-mean")));
            reply.push(Block::Lines(
                a.lookup.alternatives.iter().map(|h| self.question_msg(h)).collect(),
            ));
        }
        reply.push(Block::Contact(a.contact.clone()));
        if registered {
            reply.buttons.push(Button {
                action: ButtonAction::Next,
                label: Msg::new("button-next"),
            });
        }
        reply
    }

    /// The `ask --json` object (DESIGN.md's contract).
    pub fn ask_json(&self, lang: Lang, a: &Answered) -> serde_json::Value {
        let c = &self.content;
        let entries = self.faq.entries();
        let (faq_id, confidence, answer) = match &a.lookup.best {
            Some(h) => {
                let id = &entries[h.entry].id;
                (
                    serde_json::Value::from(id.clone()),
                    h.confidence,
                    c.text(lang, &Msg::new(format!("faq-{id}"))),
                )
            }
            None => (
                serde_json::Value::Null,
                a.lookup.alternatives.first().map_or(0.0, |h| h.confidence),
                c.text(lang, &Msg::new("answer-none")),
            ),
        };
        let alternatives: Vec<serde_json::Value> = a
            .lookup
            .alternatives
            .iter()
            .map(|h| {
                let id = &entries[h.entry].id;
                serde_json::json!({
                    "faq_id": id,
                    "question": c.text(lang, &Msg::new(format!("faq-{id}.question"))),
                    "confidence": round3(h.confidence),
                })
            })
            .collect();
        let mut contact = serde_json::Map::new();
        let id = a
            .contact
            .key
            .clone()
            .or_else(|| a.contact.id.map(|i| i.as_str().to_string()));
        contact.insert("id".into(), id.into());
        for f in ["name", "tel", "fax", "email", "url", "note"] {
            contact.insert(f.into(), serde_json::Value::Null);
        }
        for (f, v) in crate::console::contact_fields(c, lang, &a.contact) {
            contact.insert(f.into(), v.into());
        }
        serde_json::json!({
            "matched": a.lookup.best.is_some(),
            "faq_id": faq_id,
            "confidence": round3(confidence),
            "answer": answer,
            "alternatives": alternatives,
            "contact": contact,
        })
    }

    fn question_msg(&self, h: &Hit) -> Msg {
        Msg::new(format!("faq-{}.question", self.faq.entries()[h.entry].id))
    }
}

/// The summary of every office in a store, streamed (the offices are not all
/// held in memory at once).
pub fn summarize_store(store: &Store, now: i64, stall_days: u32) -> Result<staff::Summary, StoreError> {
    let mut failed = None;
    let offices = store.offices().map_while(|r| r.map_err(|e| failed = Some(e)).ok());
    let s = staff::summarize(offices, now, stall_days);
    match failed {
        Some(e) => Err(e),
        None => Ok(s),
    }
}

enum Failure {
    User(UserError),
    Internal(StoreError),
}

impl From<UserError> for Failure {
    fn from(e: UserError) -> Self {
        Failure::User(e)
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Internal(e)
    }
}

fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}
