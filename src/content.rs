//! Localized content: the Fluent files under `locales/` (compiled in), message
//! lookup and formatting, dates.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

pub use crate::lang::Lang;
use crate::reply::{Arg, Msg};

/// The locale files compiled into the binary: (language, file name, text).
pub const FILES: &[(Lang, &str, &str)] = &[
    (Lang::Ja, "main.ftl", include_str!("../locales/ja/main.ftl")),
    (Lang::Ja, "steps.ftl", include_str!("../locales/ja/steps.ftl")),
    (Lang::Ja, "contacts.ftl", include_str!("../locales/ja/contacts.ftl")),
    (Lang::Ja, "faq.ftl", include_str!("../locales/ja/faq.ftl")),
    (Lang::Ja, "roster.ftl", include_str!("../locales/ja/roster.ftl")),
    (Lang::Ja, "intent.ftl", include_str!("../locales/ja/intent.ftl")),
    (Lang::En, "main.ftl", include_str!("../locales/en/main.ftl")),
    (Lang::En, "steps.ftl", include_str!("../locales/en/steps.ftl")),
    (Lang::En, "contacts.ftl", include_str!("../locales/en/contacts.ftl")),
    (Lang::En, "faq.ftl", include_str!("../locales/en/faq.ftl")),
    (Lang::En, "roster.ftl", include_str!("../locales/en/roster.ftl")),
    (Lang::En, "intent.ftl", include_str!("../locales/en/intent.ftl")),
];

/// A problem in the locale files.
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    #[error("locales/{lang}/{file}: {detail}")]
    Syntax { lang: Lang, file: String, detail: String },
    #[error("locales/{lang}: {detail}")]
    Bundle { lang: Lang, detail: String },
    #[error("{0}")]
    Io(String),
}

/// One message's attributes, as written (for FAQ entries and contacts).
pub type Attributes = BTreeMap<String, String>;

struct LangContent {
    bundle: FluentBundle<FluentResource>,
    /// message id → attribute names, in file order of messages.
    ids: Vec<(String, Vec<String>)>,
}

/// All localized content.
pub struct Content {
    langs: [LangContent; 2],
}

impl fmt::Debug for Content {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Content").finish_non_exhaustive()
    }
}

const JST: UtcOffset = match UtcOffset::from_hms(9, 0, 0) {
    Ok(o) => o,
    Err(_) => panic!("valid offset"),
};

impl Content {
    /// The content compiled into the binary.
    pub fn embedded() -> Result<Content, ContentError> {
        Content::from_sources(FILES.iter().map(|(l, f, t)| (*l, f.to_string(), t.to_string())))
    }

    /// Loads `DIR/ja/*.ftl` and `DIR/en/*.ftl` (for `check` on edited files).
    pub fn from_dir(dir: &Path) -> Result<Content, ContentError> {
        let mut sources = Vec::new();
        for lang in Lang::ALL {
            let d = dir.join(lang.as_str());
            let mut names: Vec<_> = std::fs::read_dir(&d)
                .map_err(|e| ContentError::Io(format!("{}: {e}", d.display())))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                .collect();
            names.sort();
            for p in names {
                let bytes = std::fs::read(&p).map_err(|e| ContentError::Io(format!("{}: {e}", p.display())))?;
                let text =
                    String::from_utf8(bytes).map_err(|_| ContentError::Io(format!("{}: not UTF-8", p.display())))?;
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                sources.push((lang, name, text));
            }
        }
        Content::from_sources(sources.into_iter())
    }

    fn from_sources(sources: impl Iterator<Item = (Lang, String, String)>) -> Result<Content, ContentError> {
        let mk = |lang: Lang| {
            let langid = lang.as_str().parse().expect("valid language id");
            let mut b = FluentBundle::new_concurrent(vec![langid]);
            b.set_use_isolating(false);
            LangContent {
                bundle: b,
                ids: Vec::new(),
            }
        };
        let mut langs = [mk(Lang::Ja), mk(Lang::En)];
        for (lang, file, text) in sources {
            let res = FluentResource::try_new(text).map_err(|(_, errs)| ContentError::Syntax {
                lang,
                file: file.clone(),
                detail: errs.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join("; "),
            })?;
            let lc = &mut langs[lang as usize];
            for entry in res.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    let attrs = m.attributes.iter().map(|a| a.id.name.to_string()).collect();
                    lc.ids.push((m.id.name.to_string(), attrs));
                }
            }
            lc.bundle.add_resource(res).map_err(|errs| ContentError::Bundle {
                lang,
                detail: errs.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join("; "),
            })?;
        }
        Ok(Content { langs })
    }

    fn lang(&self, lang: Lang) -> &LangContent {
        &self.langs[lang as usize]
    }

    /// Message ids with their attribute names, in file order.
    pub fn ids(&self, lang: Lang) -> &[(String, Vec<String>)] {
        &self.lang(lang).ids
    }

    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.lang(lang).bundle.has_message(id)
    }

    fn args(&self, lang: Lang, msg: &Msg) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        for (name, value) in &msg.args {
            let v: FluentValue<'static> = match value {
                Arg::Str(s) => FluentValue::from(s.clone()),
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Date(at) => FluentValue::from(self.date(lang, *at)),
                Arg::Msg(m) => FluentValue::from(self.text(lang, m)),
            };
            args.set(*name, v);
        }
        args
    }

    /// Formats a message; a missing id falls back to the other language, then
    /// to the id itself (and is logged).
    pub fn text(&self, lang: Lang, msg: &Msg) -> String {
        self.format(lang, &msg.id, None, Some(msg)).unwrap_or_else(|| {
            let other = if lang == Lang::Ja { Lang::En } else { Lang::Ja };
            self.format(other, &msg.id, None, Some(msg)).unwrap_or_else(|| {
                tracing::error!(id = %msg.id, "missing message");
                msg.id.clone()
            })
        })
    }

    /// A message's attribute (`contact-reception.tel`), formatted.
    pub fn attr(&self, lang: Lang, id: &str, attr: &str) -> Option<String> {
        self.format(lang, id, Some(attr), None)
    }

    /// All attributes of a message, formatted.
    pub fn attributes(&self, lang: Lang, id: &str) -> Attributes {
        let lc = self.lang(lang);
        lc.ids
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, attrs)| {
                attrs
                    .iter()
                    .filter_map(|a| Some((a.clone(), self.attr(lang, id, a)?)))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn format(&self, lang: Lang, id: &str, attr: Option<&str>, msg: Option<&Msg>) -> Option<String> {
        let (id, attr) = match (attr, id.split_once('.')) {
            (None, Some((id, a))) => (id, Some(a)),
            _ => (id, attr),
        };
        let b = &self.lang(lang).bundle;
        let m = b.get_message(id)?;
        let pattern = match attr {
            Some(a) => m.get_attribute(a)?.value(),
            None => m.value()?,
        };
        let args = msg.map(|m| self.args(lang, m));
        let mut errors = Vec::new();
        let s = b.format_pattern(pattern, args.as_ref(), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(id, ?errors, "message formatted with errors");
        }
        Some(s.into_owned())
    }

    /// A date in Japan time, by the `date` message (2026年11月24日, 24 Nov 2026).
    pub fn date(&self, lang: Lang, at: i64) -> String {
        let Ok(t) = OffsetDateTime::from_unix_timestamp(at) else {
            return at.to_string();
        };
        let t = t.to_offset(JST);
        let month = u8::from(t.month());
        let msg = Msg::new("date")
            .str("year", t.year().to_string())
            .str("month", month.to_string())
            .str("day", t.day().to_string())
            .msg("monthname", Msg::new(format!("month-{month}")));
        self.text(lang, &msg)
    }
}

/// A moment as ISO 8601 in Japan time, the bot's one time zone
/// (`2026-11-24T09:30:00+09:00`), for files people open; a number no
/// calendar date has stays the Unix seconds it is.
pub fn iso_datetime(at: i64) -> String {
    OffsetDateTime::from_unix_timestamp(at)
        .ok()
        .and_then(|t| t.to_offset(JST).format(&Rfc3339).ok())
        .unwrap_or_else(|| at.to_string())
}

/// A moment in Japan time for a file's name (`2026-11-24T0030`): names
/// sort by time, and hold no `:` (which Windows refuses in a name).
pub fn file_stamp(at: i64) -> String {
    OffsetDateTime::from_unix_timestamp(at)
        .ok()
        .and_then(|t| {
            t.to_offset(JST)
                .format(time::macros::format_description!("[year]-[month]-[day]T[hour][minute]"))
                .ok()
        })
        .unwrap_or_else(|| at.to_string())
}

/// Ids (and attributes) present in one language but not the other.
pub fn missing_ids(c: &Content) -> Vec<String> {
    let mut out = Vec::new();
    for (a, b) in [(Lang::Ja, Lang::En), (Lang::En, Lang::Ja)] {
        for (id, attrs) in c.ids(a) {
            match c.ids(b).iter().find(|(i, _)| i == id) {
                None => out.push(format!("{id}: missing in {b}")),
                Some((_, battrs)) => {
                    for at in attrs.iter().filter(|x| !battrs.contains(x)) {
                        out.push(format!("{id}.{at}: missing in {b}"));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_languages() {
        // 2026-11-24 00:30 JST is 2026-11-23 15:30 UTC.
        let at = 1_795_447_800;
        let c = Content::embedded().unwrap();
        assert_eq!(c.date(Lang::Ja, at), "2026年11月24日");
        assert_eq!(c.date(Lang::En, at), "24 Nov 2026");
    }

    #[test]
    fn file_stamps_are_japan_time_to_the_minute() {
        // 2026-11-24 00:30 JST is 2026-11-23 15:30 UTC.
        assert_eq!(file_stamp(1_795_447_800), "2026-11-24T0030");
        assert_eq!(file_stamp(1_795_447_800 + 59), "2026-11-24T0030");
        assert_eq!(file_stamp(i64::MAX), i64::MAX.to_string());
    }
}
