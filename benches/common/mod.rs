//! Shared by the benchmarks: a fixed clock, generated offices with valid
//! office numbers, and a populated data directory.
//!
//! Every office is a pure function of its index, so a benchmark can put an
//! office back into its generated state after changing it.

// Each bench binary uses a different part of this module.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::time::Instant;

use seikyu_navi::app::App;
use seikyu_navi::command::{parse_line, Input};
use seikyu_navi::config::Config;
use seikyu_navi::model::{Action, Actor, Event, Office, RECORD_VERSION};
use seikyu_navi::model::{Change, OfficeWrite};
use seikyu_navi::office_number::{check_digit, OfficeNumber};
use seikyu_navi::playbook::{self, DoneMark, Mode, TaskId};
use seikyu_navi::store::Applied;
use tempfile::TempDir;

/// The fixed clock: 2026-11-24 09:00 JST, in Unix seconds.
pub const NOW: i64 = 1_795_478_400;
const DAY: i64 = 86_400;

/// A deterministic hash of the office index (splitmix64).
fn mix(i: usize) -> u64 {
    let mut z = (i as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A valid, unique 介護保険事業所番号 for index `i` (i < 47,000,000):
/// prefecture 01–47, a kind digit, six digits, the computed check digit.
pub fn office_number(i: usize) -> OfficeNumber {
    let pref = i % 47 + 1;
    let kind = [1, 2, 3, 5, 7][(mix(i) % 5) as usize];
    let rest = i / 47;
    let first9 = format!("{pref:02}{kind}{rest:06}");
    let cd = check_digit(&first9).expect("digits only");
    let parsed = OfficeNumber::parse(&format!("{first9}{cd}")).expect("a valid office number");
    assert_eq!(parsed.check_digit_mismatch, None);
    parsed.number
}

/// The Discord channel (a snowflake) the office is bound to.
pub fn channel(i: usize) -> String {
    (1_300_000_000_000_000_000u64 + i as u64).to_string()
}

/// The user who sends commands in the benchmarks.
pub fn actor() -> Actor {
    Actor {
        id: "1200000000000000001".into(),
        name: "介護 花子".into(),
        staff: false,
        // As on Discord: the rate limiter is consulted.
        local: false,
    }
}

pub fn staff_actor() -> Actor {
    Actor {
        id: "1200000000000000002".into(),
        name: "支援 太郎".into(),
        staff: true,
        local: false,
    }
}

const NAMES: [&str; 8] = [
    "さくら訪問介護事業所",
    "ひまわりデイサービスセンター",
    "あおぞら居宅介護支援事業所",
    "介護老人保健施設みどりの里",
    "グループホームやすらぎ",
    "訪問看護ステーションこもれび",
    "小規模多機能型居宅介護なごみ",
    "特別養護老人ホーム青葉園",
];

/// The tasks an office of this mode must do, in order.
pub fn tasks(mode: Mode) -> Vec<TaskId> {
    playbook::steps(mode)
        .filter(|s| s.applies(mode))
        .flat_map(|s| s.tasks().iter().copied())
        .collect()
}

/// How many tasks the generated office `i` has done.
fn progress(i: usize, mode: Mode) -> usize {
    (mix(i) >> 8) as usize % (tasks(mode).len() + 1)
}

fn mode(i: usize) -> Mode {
    match mix(i) % 10 {
        0..=6 => Mode::Direct,
        7 | 8 => Mode::Proxy,
        _ => Mode::Vendor,
    }
}

/// Whether `/done` can still be used on the generated office `i`.
pub fn incomplete(i: usize) -> bool {
    let m = mode(i);
    progress(i, m) < tasks(m).len()
}

/// The generated office `i`, as registered (revision 1): registered 0–119
/// days before `NOW`, with 0 to all of its mode's tasks done (so some are
/// complete, some waiting, some stalled).
pub fn office(i: usize) -> Office {
    let h = mix(i);
    let mode = mode(i);
    let registered_at = NOW - ((h >> 16) % 120) as i64 * DAY - ((h >> 24) % DAY as u64) as i64;
    let mut done = BTreeMap::new();
    let mut at = registered_at;
    for (k, t) in tasks(mode).into_iter().take(progress(i, mode)).enumerate() {
        at = (at + ((h >> (32 + k)) % 6) as i64 * DAY + 3600).min(NOW);
        done.insert(
            t,
            DoneMark {
                at,
                by: "介護 花子".into(),
            },
        );
    }
    let software = match mode {
        Mode::Vendor => Some("ケア請求代行サービス".to_string()),
        _ if h % 3 == 0 => Some("国保中央会介護伝送ソフト".to_string()),
        _ => None,
    };
    Office {
        v: RECORD_VERSION,
        number: office_number(i),
        name: format!("{} {}", NAMES[(h >> 40) as usize % NAMES.len()], i),
        mode,
        software,
        channel: Some(channel(i)),
        registered_at,
        updated_at: at,
        revision: 1,
        done,
        agent: None,
        certificate: None,
        archived: None,
    }
}

fn registered_event(o: &Office) -> Event {
    Event {
        v: RECORD_VERSION,
        seq: 1,
        at: o.registered_at,
        actor: actor(),
        action: Action::Registered {
            name: o.name.clone(),
            mode: o.mode,
            software: o.software.clone(),
        },
    }
}

/// The registration of office `i`: a new office bound to its channel.
pub fn registration(i: usize) -> Change {
    let o = office(i);
    OfficeWrite {
        event: registered_event(&o),
        office: o,
        expected_revision: None,
        bind: Some(channel(i)),
        unbind: None,
        displaced: None,
    }
    .into()
}

/// Puts office `i` back into its generated state (revision 1), not flushed.
///
/// The store cannot delete history, so the events a benchmark added (seq 2,
/// 3, …) are first overwritten with a harmless copy of the registration
/// event: a later `/undo` then finds only what was done since the reset.
pub fn reset(app: &App, i: usize) {
    let o = office(i);
    let cur = app
        .store()
        .office(&o.number)
        .expect("store readable")
        .expect("office exists");
    if cur == o {
        return;
    }
    let apply = |change: Change| {
        assert_eq!(
            app.store().apply_unflushed(&change).expect("store writable"),
            Applied::Stored
        );
    };
    for seq in 2..=cur.revision {
        apply(
            OfficeWrite {
                event: Event {
                    seq,
                    ..registered_event(&o)
                },
                office: cur.clone(),
                expected_revision: Some(cur.revision),
                bind: None,
                unbind: None,
                displaced: None,
            }
            .into(),
        );
    }
    apply(
        OfficeWrite {
            event: registered_event(&o),
            expected_revision: Some(cur.revision),
            office: o,
            bind: None,
            unbind: None,
            displaced: None,
        }
        .into(),
    );
}

/// The default configuration, with the per-user command limit raised so
/// far that the benchmark's one user, sending thousands of commands at the
/// same fixed `now`, is checked by the limiter but never refused.
pub fn config() -> Config {
    let mut c = Config::default();
    c.limits.commands_per_minute = u32::MAX;
    c
}

/// Parses a console line, as the console adapter does.
pub fn input(line: &str) -> Input {
    parse_line(line).unwrap_or_else(|e| panic!("{line}: {e:?}"))
}

/// An app over a fresh data directory holding `n` generated offices.
pub struct Fixture {
    pub app: App,
    pub n: usize,
    // Dropped last: removes the data directory.
    _dir: TempDir,
}

impl Fixture {
    /// Registers `n` offices with `Store::apply_unflushed`, then flushes once.
    pub fn new(n: usize) -> Fixture {
        let dir = tempfile::Builder::new()
            .prefix("seikyu-navi-bench-")
            .tempdir()
            .expect("temp dir");
        let app = App::open(config(), dir.path()).expect("app opens");
        let t = Instant::now();
        for i in 0..n {
            let applied = app.store().apply_unflushed(&registration(i)).expect("store writable");
            assert_eq!(applied, Applied::Stored, "office {i} registered twice");
        }
        app.store().flush().expect("flush");
        let secs = t.elapsed().as_secs_f64();
        assert_eq!(app.store().office_count(), n);
        eprintln!(
            "populated {n} offices in {secs:.2} s ({:.1} µs per registration) at {}",
            secs * 1e6 / n as f64,
            dir.path().display()
        );
        Fixture { app, n, _dir: dir }
    }
}
