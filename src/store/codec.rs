//! How records are written in sled: versioned JSON values and the key
//! layouts of the trees.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::StoreError;
use crate::model::RECORD_VERSION;
use crate::office_number::OfficeNumber;

#[derive(Deserialize)]
struct Versioned {
    v: u32,
}

/// The record version: read from the leading `{"v":N,` that every record
/// starts with (serde writes `v` first), or by a parse when it does not.
pub(super) fn version(bytes: &[u8]) -> Result<u32, StoreError> {
    if let Some(rest) = bytes.strip_prefix(b"{\"v\":") {
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits > 0 && digits < 10 && rest.get(digits).is_some_and(|b| matches!(b, b',' | b'}')) {
            return Ok(rest[..digits].iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')));
        }
    }
    let ver: Versioned = serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(ver.v)
}

pub(super) fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    let v = version(bytes)?;
    if v > RECORD_VERSION {
        return Err(StoreError::NewerRecord(v));
    }
    serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt(e.to_string()))
}

pub(super) fn encode<T: Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).expect("records serialize")
}

pub(super) fn history_key(number: &OfficeNumber, seq: u64) -> Vec<u8> {
    let mut k = history_prefix(number);
    k.extend_from_slice(&seq.to_be_bytes());
    k
}

/// The key prefix of one office's history (its number and a zero byte).
pub(super) fn history_prefix(number: &OfficeNumber) -> Vec<u8> {
    let mut k = number.as_str().as_bytes().to_vec();
    k.push(0);
    k
}

/// A 代理人 history key: its key, a zero byte, the seq.
pub(super) fn agent_history_key(agent: &str, seq: u64) -> Vec<u8> {
    let mut k = agent_prefix(agent);
    k.extend_from_slice(&seq.to_be_bytes());
    k
}

/// The key prefix of one 代理人's entries (its key and a zero byte), in its
/// history and in the index of its offices.
pub(super) fn agent_prefix(agent: &str) -> Vec<u8> {
    let mut k = agent.as_bytes().to_vec();
    k.push(0);
    k
}

/// An entry of the index of a 代理人's offices: its prefix, the number.
pub(super) fn agent_office_key(agent: &str, number: &OfficeNumber) -> Vec<u8> {
    let mut k = agent_prefix(agent);
    k.extend_from_slice(number.as_str().as_bytes());
    k
}

/// A key made of a prefix ending in a zero byte and a rest: the two parts.
pub(super) fn split_key(key: &[u8]) -> Option<(&[u8], &[u8])> {
    let end = key.iter().position(|b| *b == 0)?;
    Some((&key[..end], &key[end + 1..]))
}

/// An unanswered question's key: its time, then a unique id (time order).
pub(super) fn unanswered_key(at: i64, id: u64) -> Vec<u8> {
    let mut key = at.to_be_bytes().to_vec();
    key.extend_from_slice(&id.to_be_bytes());
    key
}

pub(super) fn utf8(bytes: &[u8], what: &str) -> Result<String, StoreError> {
    String::from_utf8(bytes.to_vec()).map_err(|_| StoreError::Corrupt(format!("{what} is not UTF-8")))
}

pub(super) fn number_of(bytes: &[u8]) -> Result<OfficeNumber, StoreError> {
    OfficeNumber::try_from(utf8(bytes, "office number")?).map_err(|e| StoreError::Corrupt(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Event;

    #[test]
    fn record_version_from_the_prefix_or_a_parse() {
        assert_eq!(version(br#"{"v":1,"number":"x"}"#).unwrap(), 1);
        assert_eq!(version(br#"{"v":12}"#).unwrap(), 12);
        assert_eq!(version(br#"{"number":"x","v":3}"#).unwrap(), 3);
        assert!(matches!(version(b"not json"), Err(StoreError::Corrupt(_))));
        let newer = br#"{"v":2,"seq":1}"#;
        assert!(matches!(decode::<Event>(newer), Err(StoreError::NewerRecord(2))));
    }
}
