//! The reply languages: from a Discord locale, a terminal locale or the
//! text of a message.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A reply language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// The language a message is written in, when it is clear: any kana or
    /// kanji means Japanese, Latin letters alone mean English.
    pub fn detect(text: &str) -> Option<Lang> {
        let cjk = text
            .chars()
            .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ff66}'..='\u{ff9f}'));
        if cjk {
            Some(Lang::Ja)
        } else if text.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2 {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Maps a Discord locale (`ja`, `en-US`, `fr` …) to a reply language.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let l = locale.to_ascii_lowercase();
        if l == "ja" || l.starts_with("ja-") {
            Some(Lang::Ja)
        } else if l == "en" || l.starts_with("en-") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Lang, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ja" => Ok(Lang::Ja),
            "en" => Ok(Lang::En),
            other => Err(format!("unknown language {other:?} (ja or en)")),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discord_locales() {
        assert_eq!(Lang::from_locale("ja"), Some(Lang::Ja));
        assert_eq!(Lang::from_locale("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_locale("fr"), None);
        assert_eq!(Lang::detect("How much is the certificate?"), Some(Lang::En));
        assert_eq!(Lang::detect("IEしか使えないの？"), Some(Lang::Ja));
        assert_eq!(Lang::detect("13200?"), None);
    }
}
