//! `ask`: one FAQ lookup, as text or as DESIGN.md's JSON object.

use std::io::Write;

use super::{CliError, Env};
use crate::adapters::render::{contact_fields, plain_text};
use crate::app::{answer_msg, Answered, Knowledge};
use crate::content::Lang;
use crate::error::UserError;
use crate::intent::Kind;
use crate::office_number::OfficeNumber;
use crate::reply::Msg;
use crate::text;

pub(super) fn run(env: &Env, lang: Lang, office: Option<&str>, json: bool, question: &str) -> Result<(), CliError> {
    let app;
    let loaded;
    let (kb, office) = match office {
        None => {
            loaded = env.knowledge()?;
            (&loaded, None)
        }
        Some(n) => {
            let number = OfficeNumber::parse(n).map_err(UserError::from)?.number;
            app = env.open_existing()?;
            let office = app.office(&number)?;
            let office = office.ok_or_else(|| UserError::UnknownOffice(number.to_string()))?;
            (app.knowledge(), Some(office))
        }
    };
    if text::clean(question).trim().is_empty() {
        return Err(UserError::EmptyQuestion.into());
    }
    let answered = kb.answer(question, office.as_ref());
    let out = if json {
        to_json(kb, lang, &answered).to_string()
    } else {
        plain_text(&kb.content, lang, &kb.answer_reply(&answered, false))
    };
    Ok(writeln!(std::io::stdout().lock(), "{out}")?)
}

/// The `ask --json` object (DESIGN.md's contract).
pub fn to_json(kb: &Knowledge, lang: Lang, a: &Answered) -> serde_json::Value {
    let c = &kb.content;
    let entries = kb.faq.entries();
    let (faq_id, confidence, answer) = match &a.lookup.best {
        Some(h) => (
            serde_json::Value::from(entries[h.entry].id.clone()),
            h.confidence,
            c.text(lang, &answer_msg(entries, h, a.answer.as_deref())),
        ),
        None if a.intent.kind == Kind::Question => (
            serde_json::Value::Null,
            a.lookup.alternatives.first().map_or(0.0, |h| h.confidence),
            c.text(lang, &Msg::new(a.unanswered_msg())),
        ),
        // Not a question: what the bot says to it instead of an answer.
        None => {
            let said: Vec<String> = kb.intent_msgs(a).iter().map(|m| c.text(lang, m)).collect();
            (serde_json::Value::Null, 0.0, said.join("\n"))
        }
    };
    // The further questions of the message, answered after the first: in
    // `further`, and their texts in `answer` after its own.
    let further_texts: Vec<String> = a
        .further
        .iter()
        .map(|f| c.text(lang, &answer_msg(entries, &f.hit, f.answer.as_deref())))
        .collect();
    let further: Vec<serde_json::Value> = a
        .further
        .iter()
        .zip(&further_texts)
        .map(|(f, text)| {
            let id = &entries[f.hit.entry].id;
            serde_json::json!({
                "faq_id": id,
                "question": c.text(lang, &Msg::new(format!("faq-{id}.question"))),
                "confidence": round3(f.hit.confidence),
                "answer": text,
                "contact": contact_key(&f.contact),
            })
        })
        .collect();
    let answer = std::iter::once(answer)
        .chain(further_texts)
        .collect::<Vec<_>>()
        .join("\n\n");
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
    contact.insert("id".into(), contact_key(&a.contact).into());
    for f in ["name", "tel", "fax", "email", "url", "note"] {
        contact.insert(f.into(), serde_json::Value::Null);
    }
    for (f, v) in contact_fields(c, lang, &a.contact) {
        contact.insert(f.into(), v.into());
    }
    let intent = &a.intent;
    serde_json::json!({
        "intent": intent.kind.as_str(),
        "task": intent.task.map(|t| t.as_str()),
        "command": intent.request.map(|r| r.as_str()),
        "matched": a.lookup.best.is_some(),
        "faq_id": faq_id,
        "confidence": round3(confidence),
        "answer": answer,
        "further": further,
        "alternatives": alternatives,
        "contact": contact,
    })
}

/// A contact's id as shown in JSON: its key (`kokuhoren-13`) or its id.
fn contact_key(c: &crate::reply::Contact) -> Option<String> {
    c.key.clone().or_else(|| c.id.map(|i| i.as_str().to_string()))
}

fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}
