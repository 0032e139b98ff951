//! What the bot knows without a store ([`Knowledge`]: configuration, texts,
//! the FAQ index, the classifier) and how it understands and answers one
//! message ([`Answered`]): what it is, the FAQ lookup in the context of the
//! office's step, the routed contact, and the reply.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::StartError;
use crate::config::Config;
use crate::contacts;
use crate::content::{Content, Lang};
use crate::faq::{FaqIndex, Hit, Lookup};
use crate::intent::{self, Intent, Kind, Request, Talk};
use crate::model::{Office, TaughtEntry};
use crate::playbook::{ContactId, Mode, StepId};
use crate::reply::{Block, Button, ButtonAction, Contact, Msg, Reply};

/// What the bot knows without a store: configuration, texts, the FAQ index.
pub struct Knowledge {
    pub config: Config,
    pub content: Arc<Content>,
    pub faq: FaqIndex,
    /// The classifier trained on the bank's examples: where the lexicon
    /// reads a question, its confident second opinion decides (`None`: the
    /// lexicon alone).
    pub second: Option<crate::classifier::Model>,
}

impl Knowledge {
    pub fn load(config: Config) -> Result<Knowledge, StartError> {
        use crate::classifier::{self, Model};
        let content = Arc::new(Content::embedded()?);
        let examples = classifier::parse(classifier::EXAMPLES).map_err(StartError::Examples)?;
        // The FAQ's learned questions are among the examples asking a
        // question: those are tokenized once (on two threads) for the index.
        // The classifier counts the tokens `build.rs` made of every example.
        let questions: Vec<classifier::Example> = examples.iter().filter(|e| e.kind == "answer").cloned().collect();
        let tokens = classifier::tokenize(&questions);
        let known: crate::faq::Known = questions
            .iter()
            .zip(&tokens)
            .map(|(e, t)| (e.text, t.as_slice()))
            .collect();
        // The classifier trains while the FAQ index is built: on two cores
        // that takes the longer of the two, not their sum.
        let (faq, second) = std::thread::scope(|s| {
            let model = s.spawn(|| Model::train_fastest(&examples));
            let faq = FaqIndex::build_known(&content, &known);
            // The intent lexicon too, so the first message does not wait for it.
            intent::ready();
            (faq, model.join())
        });
        let faq = faq?;
        let second = match second {
            Ok(model) => Some(model),
            Err(panic) => std::panic::resume_unwind(panic),
        };
        Ok(Knowledge {
            config,
            content,
            faq,
            second,
        })
    }
}

/// A message understood and, when it is a question, looked up: what it is,
/// the FAQ lookup (empty for anything but an answerable question) and the
/// routed contact.
#[derive(Debug, Clone)]
pub struct Answered {
    pub intent: Intent,
    pub lookup: Lookup,
    pub contact: Contact,
    /// The message id of the answer's text: the entry's own, or its variant
    /// for the asker's billing mode (`faq-certificate-fee.proxy`).
    pub answer: Option<String>,
    /// The further questions of the same message, answered in turn after
    /// the first ([`FaqIndex::several`]): each with its answer's message
    /// id and contact.
    pub further: Vec<Further>,
}

/// A further question of a message that asks several things, answered.
#[derive(Debug, Clone)]
pub struct Further {
    pub hit: Hit,
    /// Its answer's message id (see [`Answered::answer`]); `None` for an
    /// entry staff taught.
    pub answer: Option<String>,
    /// The contact its entry routes to.
    pub contact: Contact,
}

impl Answered {
    /// The message a question without an answer gets: a near miss is told
    /// it is outside what the bot covers; anything else, to ask the contact
    /// or in other words.
    pub fn unanswered_msg(&self) -> &'static str {
        if self.intent.off_scope {
            UNANSWERED_MSGS[1]
        } else {
            UNANSWERED_MSGS[0]
        }
    }
}

/// The messages of a question without an answer.
pub const UNANSWERED_MSGS: [&str; 2] = ["answer-none", "answer-off-scope"];

impl Knowledge {
    /// Understands a message and, when it is a question, looks it up and
    /// routes its contact (no logging, no reply); the answer is the one for
    /// the office's billing mode. A status report without a task names the
    /// office's next open task.
    pub fn answer(&self, question: &str, office: Option<&Office>) -> Answered {
        self.answer_in(question, office, office.map(|o| o.mode))
    }

    /// [`Knowledge::answer`] for an asker in a billing mode (a 代理人's
    /// channel asks as proxy mode, without an office): an entry with a
    /// variant for the mode (an attribute named after it, `.proxy`,
    /// `.vendor`) answers with it, so an office that chose 代理請求 is not
    /// told to consider it.
    pub fn answer_in(&self, question: &str, office: Option<&Office>, mode: Option<Mode>) -> Answered {
        self.answer_with(&self.faq, question, office, mode)
    }

    /// [`Knowledge::answer_in`] in another index (one with the taught
    /// entries, whose contact is the office's current step's, like a
    /// question without an answer, and which have no mode variants).
    pub fn answer_with(
        &self,
        index: &FaqIndex,
        question: &str,
        office: Option<&Office>,
        mode: Option<Mode>,
    ) -> Answered {
        let (question, tokens, intent) = read(question);
        let question = &*question;
        // Where the lexicon read a question, the classifier's confident
        // second opinion decides; over an FAQ answer it must be surer.
        let second = match (&self.second, intent.kind, intent.off_scope) {
            (Some(m), Kind::Question, false) => Some(m.opinion_of(question, &tokens)),
            // Other business told without asking anything or telling a
            // problem (「週末は雨みたいですねー」) is chat when the
            // classifier reads small talk.
            (Some(m), Kind::Question, true) if !intent.asks && !intent.troubled => {
                Some(m.opinion_of(question, &tokens)).filter(|o| o.kind == Kind::SmallTalk)
            }
            _ => None,
        };
        let a = self.understood(index, question, tokens.clone(), intent, office, mode);
        let answered = a.lookup.best.is_some();
        match second
            .filter(|o| o.overrules(answered))
            // A message that only asks is never made a report.
            .filter(|o| o.kind != Kind::Status || !intent::only_asks(question))
            // A question that names a topic and asks about it is not small
            // talk, however politely it is put (「…をご教示くださいますよう、
            // 伏してお願い申し上げます」).
            .filter(|o| o.kind != Kind::SmallTalk || !(intent.topical && intent.asks))
            // What follows a task named (「手順1〜5まで終わったら次は何？」) is
            // asked about that task, not the office's own next step.
            .filter(|o| o.kind != Kind::Command || intent.after.is_none())
            // Chat that names nothing and asks nothing reports no task, and
            // calls for no one unless it names a person (「事務の担当です」
            // introduces its writer).
            .filter(|o| match (intent.chat, o.kind) {
                (None, _) => true,
                (Some(_), Kind::Status) => false,
                (Some(_), Kind::Handoff) => intent::names_person(question),
                _ => true,
            })
            .and_then(|o| o.intent(question))
        {
            Some(i) => self.understood(index, question, tokens, i, office, mode),
            None => a,
        }
    }

    /// [`Knowledge::answer`] for a message asked as a question (`/faq`): a
    /// near miss is still refused.
    pub fn answer_as_question(&self, question: &str, office: Option<&Office>) -> Answered {
        self.answer_as_question_with(&self.faq, question, office, office.map(|o| o.mode))
    }

    /// [`Knowledge::answer_as_question`] in another index, for an asker in a
    /// billing mode (see [`Knowledge::answer_with`]).
    pub fn answer_as_question_with(
        &self,
        index: &FaqIndex,
        question: &str,
        office: Option<&Office>,
        mode: Option<Mode>,
    ) -> Answered {
        let (question, tokens, mut intent) = read(question);
        intent.kind = Kind::Question;
        self.understood(index, &question, tokens, intent, office, mode)
    }

    /// `lookup` for a question that says a vendor files the claims: an
    /// answer without a vendor variant gives way to the entry on vendor
    /// billing when that entry is a confident candidate.
    fn for_vendor(&self, index: &FaqIndex, mut lookup: Lookup) -> Lookup {
        // The entry on vendor billing is the one that routes to the vendor.
        let on_vendor = |e: usize| index.entries()[e].contact == ContactId::Vendor;
        let Some(best) = &lookup.best else {
            return lookup;
        };
        if self.variant(best.entry, Mode::Vendor).is_some() || on_vendor(best.entry) {
            return lookup;
        }
        let at = lookup
            .alternatives
            .iter()
            .position(|h| on_vendor(h.entry) && h.confidence >= crate::faq::THRESHOLD);
        if let Some(at) = at {
            let vendor = lookup.alternatives.remove(at);
            let old = lookup.best.replace(vendor).expect("a best answer");
            lookup.alternatives.insert(0, old);
        }
        lookup
    }

    /// The message id of built-in entry `entry`'s answer for `mode`
    /// (`faq-certificate-fee.vendor`), if it has one. Taught entries have
    /// no variants.
    fn variant(&self, entry: usize, mode: Mode) -> Option<String> {
        let id = format!("faq-{}", self.faq.entries().get(entry)?.id);
        (mode != Mode::Direct && self.content.attr(Lang::Ja, &id, mode.as_str()).is_some())
            .then(|| format!("{id}.{}", mode.as_str()))
    }

    fn understood(
        &self,
        index: &FaqIndex,
        question: &str,
        tokens: Vec<crate::text::Token>,
        mut intent: Intent,
        office: Option<&Office>,
        mode: Option<Mode>,
    ) -> Answered {
        if intent.kind == Kind::Status && intent.task.is_none() {
            intent.task = office.and_then(|o| o.current_step().and_then(|s| crate::playbook::next_task(s, &o.done)));
        }
        // Chat that names nothing of the FAQ and asks nothing is small talk,
        // whatever an FAQ entry's words it happens to share (「寒いですね〜」
        // "sorry for the late reply"): it is never looked up.
        if let (Kind::Question, Some(talk)) = (intent.kind, intent.chat) {
            intent.kind = Kind::SmallTalk;
            intent.talk = Some(talk);
        }
        let after = match (intent.kind, intent.after, intent.off_scope) {
            (Kind::Question, Some(task), false) => index.after(task),
            _ => None,
        };
        let lookup = match (intent.kind, after) {
            (_, Some(next)) => next,
            (Kind::Question, None) => {
                // A question outside internet billing is still answered by
                // what staff taught (their words, their scope).
                let off_scope = intent.off_scope;
                let taught = |e: &crate::faq::Entry| !self.faq.entries().iter().any(|s| s.id == e.id);
                let context = match office.and_then(|o| o.current_step().map(|s| (s, o.status(s)))) {
                    Some((step, status)) if intent.aspect_only => {
                        crate::faq::context(step, matches!(status, crate::playbook::StepStatus::Waiting { .. }))
                    }
                    _ => &[],
                };
                // A question saying the software is not 国保中央会's is never
                // answered with an entry of the 介護伝送ソフトヘルプデスク.
                // (nor with one giving its number).
                let denso_tel = contacts::says_not_denso(question)
                    .then(|| self.content.attr(Lang::Ja, ContactId::Denso.msg_id(), "tel"))
                    .map(Option::unwrap_or_default);
                let keep = |e: &crate::faq::Entry| match &denso_tel {
                    _ if off_scope && !taught(e) => false,
                    None => true,
                    Some(tel) => {
                        e.contact != ContactId::Denso
                            && (tel.is_empty()
                                || !self
                                    .content
                                    .text(Lang::Ja, &Msg::new(format!("faq-{}", e.id)))
                                    .contains(tel.as_str()))
                    }
                };
                let lookup = index.lookup_focused(question, tokens, context, keep, intent::names_topic, intent::asks);
                let lookup = index.several(question, lookup, context, keep, intent::names_topic, intent::seeks);
                // A question that says a vendor files the claims is answered
                // for vendor billing: by its entry's vendor answer, or else
                // by the entry on vendor billing when that is among the
                // candidates.
                if intent.vendor {
                    self.for_vendor(index, lookup)
                } else {
                    lookup
                }
            }
            (_, None) => Lookup::default(),
        };
        let id = match &lookup.best {
            Some(h) if h.entry < self.faq.entries().len() => index.entries()[h.entry].contact,
            _ => office
                .and_then(Office::current_step)
                .map_or(ContactId::Reception, StepId::contact),
        };
        // Only the built-in entries have variants (taught ones follow them).
        // A mode the question speaks of is the one it asks about.
        let mode = if intent.vendor { Some(Mode::Vendor) } else { mode };
        let answer_of = |h: &Hit| {
            (h.entry < self.faq.entries().len()).then(|| {
                mode.and_then(|m| self.variant(h.entry, m))
                    .unwrap_or_else(|| format!("faq-{}", self.faq.entries()[h.entry].id))
            })
        };
        let answer = lookup.best.as_ref().and_then(answer_of);
        let further = lookup
            .further
            .iter()
            .map(|&hit| Further {
                answer: answer_of(&hit),
                contact: contacts::route_question(&self.config, index.entries()[hit.entry].contact, office, question),
                hit,
            })
            .collect();
        Answered {
            intent,
            contact: contacts::route_question(&self.config, id, office, question),
            lookup,
            answer,
            further,
        }
    }

    /// The chat reply for an answered question.
    pub fn answer_reply(&self, a: &Answered, registered: bool) -> Reply {
        self.answer_reply_with(&self.faq, &BTreeMap::new(), a, registered)
    }

    /// [`Knowledge::answer_reply_with`], then, for a message that is not a
    /// question, the office's next step as a hint.
    pub fn reply_in(
        &self,
        index: &FaqIndex,
        own: &BTreeMap<String, TaughtEntry>,
        a: &Answered,
        office: Option<&Office>,
        registered: bool,
    ) -> Reply {
        let mut reply = self.answer_reply_with(index, own, a, registered);
        if a.intent.kind != Kind::Question {
            if let Some(o) = office {
                // The hint sets its own buttons; an "ask staff" offered to
                // a request for a person stays first.
                let offered = std::mem::take(&mut reply.buttons);
                crate::cards::append_next_hint(o, None, &mut reply);
                reply.buttons.splice(0..0, offered);
            }
        }
        reply
    }

    /// The chat reply for a message understood, looked up in `index`, whose
    /// entries named in `own` are the ones staff taught (shown marked as
    /// theirs): the FAQ answer to a question; for small talk and a request
    /// for a person, what the chat says; for a report or a request (which
    /// the chat answers with a confirmation or a command), what to type.
    /// Without an answer, or asking for a person, a registered channel is
    /// offered to ask staff.
    pub fn answer_reply_with(
        &self,
        index: &FaqIndex,
        own: &BTreeMap<String, TaughtEntry>,
        a: &Answered,
        registered: bool,
    ) -> Reply {
        let mut reply = Reply::default();
        if a.intent.kind != Kind::Question {
            for m in self.intent_msgs(a) {
                reply.push(Block::Text(m));
            }
            if a.intent.kind == Kind::Handoff {
                reply.push(Block::Contact(a.contact.clone()));
                if registered {
                    reply.push(Block::Text(Msg::new("answer-ask-staff")));
                    reply.buttons.push(Button {
                        action: ButtonAction::AskStaff,
                        label: Msg::new("button-ask-staff"),
                    });
                }
            }
            return reply;
        }
        let answer = match &a.lookup.best {
            Some(h) => push_answer(index, own, h, a.answer.as_deref(), &mut reply),
            None => {
                reply.push(Block::Text(Msg::new(a.unanswered_msg())));
                None
            }
        };
        // The further questions, each with its answer, in the order asked;
        // a contact of their own after the first's when it differs and the
        // answer does not give its number.
        let mut contacts = Vec::new();
        for f in &a.further {
            let Some(text) = push_answer(index, own, &f.hit, f.answer.as_deref(), &mut reply) else {
                continue;
            };
            if f.contact.id != a.contact.id
                && !contacts.iter().any(|c: &Contact| c.id == f.contact.id)
                && !self.gives_number(&text, &f.contact)
            {
                contacts.push(f.contact.clone());
            }
        }
        if !a.lookup.alternatives.is_empty() {
            reply.push(Block::Text(Msg::new("answer-did-you-mean")));
            reply.push(Block::Lines(
                a.lookup
                    .alternatives
                    .iter()
                    .map(|h| question_msg(index, own, h))
                    .collect(),
            ));
        }
        if !answer.is_some_and(|m| self.gives_number(&m, &a.contact)) {
            reply.push(Block::Contact(a.contact.clone()));
        }
        for c in contacts {
            reply.push(Block::Contact(c));
        }
        if registered {
            if a.lookup.best.is_none() {
                reply.push(Block::Text(Msg::new("answer-ask-staff")));
                reply.buttons.push(Button {
                    action: ButtonAction::AskStaff,
                    label: Msg::new("button-ask-staff"),
                });
            }
            reply.buttons.push(Button {
                action: ButtonAction::Next,
                label: Msg::new("button-next"),
            });
        }
        reply
    }

    /// What the bot says to a message that is not a question.
    pub fn intent_msgs(&self, a: &Answered) -> Vec<Msg> {
        let i = &a.intent;
        match i.kind {
            Kind::Question => Vec::new(),
            Kind::Status => vec![match i.task {
                Some(t) => Msg::new("intent-ask-status").msg("task", Msg::new(t.msg_id())),
                None => Msg::new("intent-ask-status-any"),
            }],
            Kind::Command => vec![Msg::new(format!(
                "intent-ask-{}",
                i.request.map_or("help", Request::as_str)
            ))],
            Kind::SmallTalk => vec![Msg::new(match i.talk {
                Some(Talk::Thanks) => "intent-thanks",
                Some(Talk::Greeting) => "intent-greeting",
                Some(Talk::Farewell) => "intent-farewell",
                _ => "intent-ack",
            })],
            Kind::Handoff => vec![Msg::new("intent-handoff"), Msg::new("intent-handoff-how")],
        }
    }

    /// Whether an answer already gives the contact's phone number in every
    /// language (then the contact's card would only repeat it).
    fn gives_number(&self, answer: &Msg, contact: &Contact) -> bool {
        let tel = contact
            .tel
            .clone()
            .or_else(|| self.content.attr(Lang::Ja, contact.id?.msg_id(), "tel"));
        tel.is_some_and(|tel| Lang::ALL.iter().all(|l| self.content.text(*l, answer).contains(&tel)))
    }
}

/// The message of an answer to entry `hit` of `entries`: `answer` (its
/// message id for the asker's mode, [`Answered::answer`]) or the entry's own.
pub fn answer_msg(entries: &[crate::faq::Entry], hit: &Hit, answer: Option<&str>) -> Msg {
    Msg::new(answer.map_or_else(|| format!("faq-{}", entries[hit.entry].id), str::to_string))
}

/// An answer put in a reply: a taught entry as staff's own, else the
/// entry's question and its answer's text, which is returned.
fn push_answer(
    index: &FaqIndex,
    own: &BTreeMap<String, TaughtEntry>,
    hit: &Hit,
    answer: Option<&str>,
    reply: &mut Reply,
) -> Option<Msg> {
    let id = &index.entries()[hit.entry].id;
    if let Some(t) = own.get(id) {
        crate::handoff::taught_answer(t, t.answer.as_deref().unwrap_or_default(), reply);
        return None;
    }
    reply.push(Block::Title(Msg::new(format!("faq-{id}.question"))));
    let text = answer_msg(index.entries(), hit, answer);
    reply.push(Block::Text(text.clone()));
    Some(text)
}

/// How an alternative is listed: a FAQ question, or a taught one marked as such.
fn question_msg(index: &FaqIndex, own: &BTreeMap<String, TaughtEntry>, h: &Hit) -> Msg {
    let id = &index.entries()[h.entry].id;
    match own.get(id) {
        Some(t) => crate::handoff::taught_question(t),
        None => Msg::new(format!("faq-{id}.question")),
    }
}

/// A message as the lexicon reads it: with the marks of chat taken off
/// ([`intent::unmarked`]), romaji written in hiragana
/// ([`intent::unromanized`]), a letter's frame taken off
/// ([`intent::unframed`]) and spaced-out kana joined
/// ([`crate::text::unspaced`]), its tokens, and what it is. A reply to a
/// quoted line is read alone, and a reply that asks is looked up with the
/// line it quotes (「> 有効期間3年間 ← 3年たったらどうなるの？」 asks
/// about the certificate).
fn read(question: &str) -> (Cow<'_, str>, Vec<crate::text::Token>, Intent) {
    // `text`, or what `step` makes of it when it changes it.
    fn then<'a>(text: Cow<'a, str>, step: impl FnOnce(&str) -> Option<String>) -> Cow<'a, str> {
        match step(&text) {
            Some(changed) => Cow::Owned(changed),
            None => text,
        }
    }
    let (question, quote) = match intent::unmarked(question) {
        Some(m) => (Cow::Owned(m.said), m.quote),
        None => (Cow::Borrowed(question), None),
    };
    let question = then(question, intent::unromanized);
    // The frame first: a closing word stands apart (「本日完了 以上。」)
    // only until spaced-out words are joined.
    let question = then(question, intent::unframed);
    let question = then(question, |q| match crate::text::unspaced(q) {
        Cow::Owned(joined) => Some(joined),
        Cow::Borrowed(_) => None,
    });
    let tokens = crate::text::tokens(&question);
    let intent = intent::classify_tokens(&question, &tokens);
    let Some(quote) = quote else {
        return (question, tokens, intent);
    };
    let whole = format!("{quote}。{question}");
    let whole_tokens = crate::text::tokens(&whole);
    let asked = intent::classify_tokens(&whole, &whole_tokens);
    // A question, or whom to ask, about what the quoted line says; and
    // anything said about another certificate quoted (「> マイナンバー
    // カードの電子証明書 ← 更新のお知らせ来たけど」).
    let about_quote = matches!(
        (intent.kind, intent.request),
        (Kind::Question, _) | (Kind::Command, Some(Request::Contact))
    );
    if asked.kind == Kind::Question && (about_quote || asked.off_scope) {
        return (Cow::Owned(whole), whole_tokens, asked);
    }
    // 「> ログインしてください / できたー」: done is what the line asked.
    if intent.kind == Kind::Status && intent.task.is_none() {
        let task = intent::task_named(&quote);
        return (question, tokens, Intent { task, ..intent });
    }
    (question, tokens, intent)
}
