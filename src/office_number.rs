//! 介護保険事業所番号: parsing, normalisation and validation.
//!
//! Layout (10 characters): 1–2 prefecture number (01–47), 3 office kind (a
//! digit, or an upper-case letter other than I, O, Q), 4–5 district,
//! 6–9 serial, 10 check digit. A check-digit mismatch is only a warning:
//! real numbers exist that fail it.

use std::fmt;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// A syntactically valid office number (normalised to ASCII upper case).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OfficeNumber(String);

/// Why a text cannot be an office number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("empty office number")]
    Empty,
    #[error("office number has {0} characters, not 10")]
    WrongLength(usize),
    #[error("character {0:?} cannot appear in an office number")]
    BadChar(char),
    #[error("prefecture number {0} is not 01-47")]
    BadPrefecture(String),
    #[error("office kind {0:?} is not a digit or an allowed letter")]
    BadKind(char),
}

/// The result of parsing: the number plus a warning when the check digit differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub number: OfficeNumber,
    /// `Some(expected)` when the 10th character is not the computed check digit.
    pub check_digit_mismatch: Option<char>,
}

/// Folds what people type (full-width characters, spaces, hyphens of any
/// kind, lower case) into the plain form.
pub fn normalise(input: &str) -> String {
    input
        .nfkc()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '-' | '‐'
                        | '‑'
                        | '‒'
                        | '–'
                        | '—'
                        | '―'
                        | '−'
                        | 'ー'
                        | '_'
                        | '\u{200b}'
                        | '\u{200c}'
                        | '\u{200d}'
                        | '\u{feff}'
                )
        })
        .flat_map(char::to_uppercase)
        .collect()
}

fn char_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        'A'..='Z' if !matches!(c, 'I' | 'O' | 'Q') => {
            // A=10 … Z=32, skipping I, O and Q.
            let mut v = 10;
            for l in 'A'..c {
                if !matches!(l, 'I' | 'O' | 'Q') {
                    v += 1;
                }
            }
            Some(v)
        }
        _ => None,
    }
}

fn digit_sum(mut n: u32) -> u32 {
    let mut s = 0;
    while n > 0 {
        s += n % 10;
        n /= 10;
    }
    s
}

/// The check digit over the first nine characters.
pub fn check_digit(first9: &str) -> Option<char> {
    let mut sum = 0;
    for (i, c) in first9.chars().rev().enumerate() {
        let w = if i % 2 == 0 { 2 } else { 1 };
        sum += digit_sum(char_value(c)? * w);
    }
    char::from_digit((10 - sum % 10) % 10, 10)
}

impl OfficeNumber {
    /// Parses what a user typed.
    pub fn parse(input: &str) -> Result<Parsed, NumberError> {
        // Stored numbers are already in the plain form: skip the folding.
        let plain = input.len() == 10 && input.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
        let s = if plain { input.to_string() } else { normalise(input) };
        if s.is_empty() {
            return Err(NumberError::Empty);
        }
        if let Some(bad) = s.chars().find(|c| !c.is_ascii_alphanumeric()) {
            return Err(NumberError::BadChar(bad));
        }
        let len = s.chars().count();
        if len != 10 {
            return Err(NumberError::WrongLength(len));
        }
        let b = s.as_bytes();
        let pref = &s[0..2];
        if !pref.bytes().all(|c| c.is_ascii_digit()) || !(1..=47).contains(&pref.parse::<u8>().unwrap_or(0)) {
            return Err(NumberError::BadPrefecture(pref.to_string()));
        }
        let kind = b[2] as char;
        if char_value(kind).is_none() {
            return Err(NumberError::BadKind(kind));
        }
        if let Some(bad) = s[3..].chars().find(|c| !c.is_ascii_digit()) {
            return Err(NumberError::BadChar(bad));
        }
        let expected = check_digit(&s[..9]);
        let mismatch = match expected {
            Some(e) if e != b[9] as char => Some(e),
            _ => None,
        };
        Ok(Parsed {
            number: OfficeNumber(s),
            check_digit_mismatch: mismatch,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Prefecture number, 1–47.
    pub fn prefecture(&self) -> u8 {
        self.0[0..2].parse().unwrap_or(0)
    }
}

impl fmt::Display for OfficeNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for OfficeNumber {
    type Error = NumberError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        OfficeNumber::parse(&s).map(|p| p.number)
    }
}

impl From<OfficeNumber> for String {
    fn from(n: OfficeNumber) -> String {
        n.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_number_and_check_digit() {
        let p = OfficeNumber::parse("1370100016").unwrap();
        assert_eq!(p.number.as_str(), "1370100016");
        assert_eq!(p.check_digit_mismatch, None);
        assert_eq!(p.number.prefecture(), 13);
    }

    #[test]
    fn full_width_spaces_and_hyphens_are_normalised() {
        let p = OfficeNumber::parse("１３７ ０１０-００１６").unwrap();
        assert_eq!(p.number.as_str(), "1370100016");
        let p = OfficeNumber::parse("13a0100016").unwrap();
        assert_eq!(p.number.as_str(), "13A0100016");
    }

    #[test]
    fn mismatched_check_digit_is_a_warning() {
        let p = OfficeNumber::parse("1370100015").unwrap();
        assert_eq!(p.check_digit_mismatch, Some('6'));
    }

    #[test]
    fn letters_in_kind_position() {
        // A = 10 at position 3 (weight 1 from the right: position 7 of 9).
        assert_eq!(char_value('A'), Some(10));
        assert_eq!(char_value('H'), Some(17));
        assert_eq!(char_value('J'), Some(18));
        assert_eq!(char_value('Z'), Some(32));
        assert_eq!(char_value('I'), None);
        assert!(check_digit("13A010001").is_some());
    }

    #[test]
    fn rejections() {
        assert_eq!(OfficeNumber::parse(""), Err(NumberError::Empty));
        assert_eq!(OfficeNumber::parse("12345"), Err(NumberError::WrongLength(5)));
        assert_eq!(
            OfficeNumber::parse("4870100016"),
            Err(NumberError::BadPrefecture("48".into()))
        );
        assert_eq!(
            OfficeNumber::parse("0070100016"),
            Err(NumberError::BadPrefecture("00".into()))
        );
        assert_eq!(OfficeNumber::parse("13I0100016"), Err(NumberError::BadKind('I')));
        assert_eq!(OfficeNumber::parse("137010001X"), Err(NumberError::BadChar('X')));
        assert_eq!(OfficeNumber::parse("13701000!6"), Err(NumberError::BadChar('!')));
    }
}
