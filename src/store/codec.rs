//! How records are written in sled: versioned JSON values and the key
//! layouts of the trees.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::StoreError;
use crate::model::{record_version, RECORD_VERSION};
use crate::office_number::OfficeNumber;

/// The record version (see [`crate::model::record_version`]).
pub(super) fn version(bytes: &[u8]) -> Result<u32, StoreError> {
    record_version(bytes).map_err(|e| StoreError::Corrupt(e.to_string()))
}

pub(super) fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    decode_up_to(bytes, RECORD_VERSION)
}

/// A record as a build reading up to record version `supported` reads it:
/// the version first, and a newer record is refused as newer, never parsed
/// (its kinds and fields may be unknown to that build).
fn decode_up_to<T: DeserializeOwned>(bytes: &[u8], supported: u32) -> Result<T, StoreError> {
    let v = version(bytes)?;
    if v > supported {
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
    use crate::model::{Action, Actor, Agent, CertificateDates, Event, Office, Unanswered};
    use serde::de::{DeserializeOwned, IgnoredAny};

    /// The record version before this one.
    const PREVIOUS: u32 = RECORD_VERSION - 1;

    #[test]
    fn record_version_from_the_prefix_or_a_parse() {
        assert_eq!(version(br#"{"v":1,"number":"x"}"#).unwrap(), 1);
        assert_eq!(version(br#"{"v":12}"#).unwrap(), 12);
        assert_eq!(version(br#"{"number":"x","v":3}"#).unwrap(), 3);
        assert!(matches!(version(b"not json"), Err(StoreError::Corrupt(_))));
        let newer = format!(r#"{{"v":{},"seq":1}}"#, RECORD_VERSION + 1);
        assert!(matches!(
            decode::<Event>(newer.as_bytes()),
            Err(StoreError::NewerRecord(v)) if v == RECORD_VERSION + 1
        ));
    }

    fn number() -> OfficeNumber {
        OfficeNumber::try_from("1370100016".to_string()).unwrap()
    }

    fn actor() -> Actor {
        Actor {
            id: "u1".into(),
            name: "山田".into(),
            staff: false,
            local: false,
        }
    }

    fn event(v: u32, seq: u64, action: Action) -> Event {
        Event {
            v,
            seq,
            at: 1_795_447_800 + seq as i64,
            actor: actor(),
            action,
        }
    }

    /// An office as the previous version stored one: the fields it had.
    fn office(v: u32) -> Office {
        let mut o = Office::new(
            number(),
            "あおば介護".into(),
            Default::default(),
            None,
            Some("c1".into()),
            1_795_447_800,
        );
        o.v = v;
        o.revision = 2;
        o
    }

    /// A mode or a task by the name records give it (the store knows no
    /// playbook).
    fn named<T: DeserializeOwned>(name: &str) -> T {
        serde_json::from_value(serde_json::Value::String(name.into())).unwrap()
    }

    /// Every kind of event the previous version wrote.
    fn previous_events() -> Vec<Event> {
        let mode = named("direct");
        [
            Action::Registered {
                name: "あおば介護".into(),
                mode,
                software: None,
            },
            Action::Updated {
                name: "あおば介護本店".into(),
                mode,
                software: Some("ソフト".into()),
                prev_name: "あおば介護".into(),
                prev_mode: mode,
                prev_software: None,
                agent: None,
                prev_agent: None,
            },
            Action::TaskDone {
                task: named("environment"),
            },
            Action::ModeChanged {
                from: mode,
                to: named("proxy"),
            },
            Action::Undo { seq: 4 },
            Action::Bound {
                channel: "c2".into(),
                prev: Some("c1".into()),
            },
        ]
        .into_iter()
        .enumerate()
        .map(|(i, a)| event(PREVIOUS, i as u64 + 1, a))
        .collect()
    }

    /// What this version added: the kinds of event, the fields, the records.
    fn this_versions_records() -> Vec<Vec<u8>> {
        let dates = CertificateDates {
            issued: None,
            expires: Some(1_890_000_000),
        };
        let mut o = office(RECORD_VERSION);
        o.agent = Some("さくら".into());
        o.mode = named("proxy");
        let mut archived = office(RECORD_VERSION);
        archived.archived = Some(1_795_500_000);
        archived.certificate = Some(dates);
        let mut agent = Agent::new("さくら".into(), None, Some("g".into()), 1_795_447_800);
        agent.certificate = Some(dates);
        let mut out = vec![encode(&o), encode(&archived), encode(&agent)];
        for a in [
            Action::AgentRegistered {
                name: "さくら".into(),
                software: None,
            },
            Action::OfficeTaskDone {
                number: number(),
                task: named("notify-submit"),
                seq: 3,
            },
            Action::CertificateReported { dates, prev: None },
            Action::NumberCorrected {
                from: number(),
                to: OfficeNumber::try_from("1370100024".to_string()).unwrap(),
            },
            Action::Archived {},
            Action::Unarchived {},
            Action::Updated {
                name: "x".into(),
                mode: named("proxy"),
                software: None,
                prev_name: "x".into(),
                prev_mode: named("direct"),
                prev_software: None,
                agent: Some("さくら".into()),
                prev_agent: None,
            },
        ] {
            out.push(encode(&event(RECORD_VERSION, 1, a)));
        }
        out
    }

    #[test]
    fn records_the_previous_version_wrote_still_read() {
        let o = office(PREVIOUS);
        let bytes = encode(&o);
        assert_eq!(version(&bytes).unwrap(), PREVIOUS);
        assert_eq!(decode::<Office>(&bytes).unwrap(), o);
        for e in previous_events() {
            let bytes = encode(&e);
            assert_eq!(version(&bytes).unwrap(), PREVIOUS);
            assert_eq!(decode::<Event>(&bytes).unwrap(), e);
        }
        let q = Unanswered {
            v: PREVIOUS,
            at: 1_795_447_800,
            text: "ラーメン".into(),
            lang: "ja".into(),
            office: Some("1370100016".into()),
            channel: Some("c1".into()),
        };
        assert_eq!(decode::<Unanswered>(&encode(&q)).unwrap(), q);
    }

    #[test]
    fn a_reader_of_the_previous_version_calls_this_ones_records_newer() {
        for bytes in this_versions_records() {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            // Read here; refused as newer, before any field is looked at,
            // where the previous version's reader reads.
            decode::<IgnoredAny>(&bytes).unwrap();
            assert!(
                matches!(decode_up_to::<IgnoredAny>(&bytes, PREVIOUS), Err(StoreError::NewerRecord(v)) if v == RECORD_VERSION),
                "{text}"
            );
        }
    }
}
