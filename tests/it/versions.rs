//! Record and schema versions. What the previous version wrote (schema 1,
//! record version 1) still reads, through the store, `check`, export and
//! restore; a directory opened to write is upgraded; every record this
//! version writes or rewrites carries `RECORD_VERSION`, so an older reader
//! calls it newer (the store's newer-record path), never corrupt. The old
//! bytes are made the way the store writes them (the model types through
//! serde_json), only with the older version in them.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde::Serialize;

use seikyu_navi::dump::Dump;
use seikyu_navi::model::{
    Action, Agent, Event, Handoff, Office, TaughtEntry, Unanswered, RECORD_VERSION, SCHEMA_VERSION,
};
use seikyu_navi::store::Store;

use crate::billing_modes::{group_numbers, GROUP, NAMES};
use crate::support::{cli_output, has, ids, number, office_number, open, run, run_ok, staff, user, DAY, T0};

/// The version before this one, of records and of the layout.
const PREVIOUS: u32 = 1;

/// A question the FAQ does not answer (it is logged).
const UNANSWERED: &str = "/faq question:介護報酬の返戻ってどうすればいい？";

/// Writes every record of a tree again at version `v`: decoded into its
/// model type, `v` set, encoded by serde_json as the store's codec does.
fn rewrite<T: Serialize + DeserializeOwned>(db: &sled::Db, tree: &str, v: u32, set: impl Fn(&mut T, u32)) {
    let t = db.open_tree(tree).unwrap();
    for kv in t.iter() {
        let (k, bytes) = kv.unwrap();
        let mut rec: T = serde_json::from_slice(&bytes).unwrap();
        set(&mut rec, v);
        t.insert(k, serde_json::to_vec(&rec).unwrap()).unwrap();
    }
}

/// The data directory as a build of version `v` would have left it: every
/// record at record version `v`, the layout at schema `v`.
fn as_version(data: &Path, v: u32) {
    let db = sled::open(data).unwrap();
    rewrite::<Office>(&db, "offices", v, |r, v| r.v = v);
    rewrite::<Event>(&db, "history", v, |r, v| r.v = v);
    rewrite::<Unanswered>(&db, "unanswered", v, |r, v| r.v = v);
    rewrite::<Agent>(&db, "agents", v, |r, v| r.v = v);
    rewrite::<Event>(&db, "agent_history", v, |r, v| r.v = v);
    rewrite::<Handoff>(&db, "handoffs", v, |r, v| r.v = v);
    rewrite::<TaughtEntry>(&db, "taught", v, |r, v| r.v = v);
    db.open_tree("meta")
        .unwrap()
        .insert("schema", &v.to_be_bytes())
        .unwrap();
    db.flush().unwrap();
}

/// The data directory's schema version, read without upgrading it.
fn schema_of(data: &Path) -> u32 {
    Store::open_existing(data).unwrap().schema_version().unwrap()
}

/// Every record version in an export, by section.
fn versions(dump: &Dump) -> Vec<(&'static str, u32)> {
    let mut v: Vec<(&'static str, u32)> = Vec::new();
    v.extend(dump.offices.iter().map(|o| ("office", o.v)));
    v.extend(dump.history.values().flatten().map(|e| ("event", e.v)));
    v.extend(dump.unanswered.iter().map(|q| ("unanswered", q.v)));
    v.extend(dump.agents.iter().map(|a| ("agent", a.v)));
    v.extend(dump.agent_history.values().flatten().map(|e| ("agent event", e.v)));
    v.extend(dump.handoffs.iter().map(|h| ("handoff", h.v)));
    v.extend(dump.taught.iter().map(|t| ("taught", t.v)));
    v
}

#[test]
fn this_version_is_newer_than_the_previous_one() {
    // New event kinds (a 代理人's, certificates, corrections, archiving) and
    // new fields (an office's 代理人, certificate and archive mark; the
    // 代理人's certificate), and new trees and backup sections.
    assert_eq!(RECORD_VERSION, PREVIOUS + 1);
    assert_eq!(SCHEMA_VERSION, PREVIOUS + 1);
}

#[test]
fn the_previous_versions_data_directory_reads_and_is_upgraded() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let config = tmp.path().join("bot.toml");
    std::fs::write(&config, "[bot]\n").unwrap();
    let aoba = office_number("1370100016");
    {
        // What the previous version could store: offices, their history of
        // the kinds it knew, an unanswered question.
        let app = open(&data);
        run_ok(&app, "c1", &user(), "/register number:1370100016 name:あおば介護", T0);
        run_ok(&app, "c1", &user(), "/done", T0 + DAY);
        run_ok(&app, "c1", &user(), "/mode mode:vendor", T0 + DAY);
        run_ok(&app, "c1", &user(), "/undo", T0 + DAY);
        run(&app, "c1", &user(), UNANSWERED, T0 + DAY);
        let kinds: Vec<Action> = app
            .store()
            .history(&aoba)
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert!(
            kinds.iter().all(|a| matches!(
                a,
                Action::Registered { .. } | Action::TaskDone { .. } | Action::ModeChanged { .. } | Action::Undo { .. }
            )),
            "{kinds:?}"
        );
    }
    as_version(&data, PREVIOUS);

    // `check` reads it as it is, and leaves it as it is.
    let out = cli_output(&config, &data, &["check"], b"");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(schema_of(&data), PREVIOUS);
    // A backup of it, as the previous version wrote one (its schema).
    let out = cli_output(&config, &data, &["export"], b"");
    assert!(out.status.success());
    let mut old_backup: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        old_backup["schema"], SCHEMA_VERSION,
        "an export is in this version's layout"
    );
    old_backup["schema"] = PREVIOUS.into();
    for k in ["agents", "agent_channels", "agent_history", "handoffs", "taught"] {
        old_backup.as_object_mut().unwrap().remove(k);
    }

    // Opened by the bot: read, then upgraded; a change is written at this
    // version, the events before it keep theirs.
    let app = open(&data);
    assert_eq!(app.office(&aoba).unwrap().unwrap().v, PREVIOUS);
    let r = run_ok(&app, "c1", &user(), "/next", T0 + 2 * DAY);
    assert!(has(&r, "step-heading"), "{:?}", ids(&r));
    run_ok(&app, "c1", &user(), "/done", T0 + 2 * DAY);
    let office = app.office(&aoba).unwrap().unwrap();
    assert_eq!(office.v, RECORD_VERSION);
    let h = app.store().history(&aoba).unwrap();
    assert_eq!(h.first().unwrap().v, PREVIOUS);
    assert_eq!(h.last().unwrap().v, RECORD_VERSION);
    assert_eq!(h.len() as u64, office.revision);
    assert!(app.verify().unwrap().problems.is_empty());

    // Export, restore and check agree on it.
    let mut json = Vec::new();
    app.export_json(&mut json).unwrap();
    drop(app);
    assert_eq!(schema_of(&data), SCHEMA_VERSION);
    let dump: Dump = serde_json::from_slice(&json).unwrap();
    assert_eq!(dump.schema, SCHEMA_VERSION);
    let copy = tmp.path().join("copy");
    let restored = open(&copy);
    restored.restore_json(|| Ok(json.as_slice())).unwrap();
    assert!(restored.verify().unwrap().problems.is_empty());
    let mut again = Vec::new();
    restored.export_json(&mut again).unwrap();
    assert_eq!(String::from_utf8(again).unwrap(), String::from_utf8(json).unwrap());
    drop(restored);
    assert_eq!(schema_of(&copy), SCHEMA_VERSION);

    // The previous version's backup restores with the binary, and checks.
    let file = tmp.path().join("old.json");
    std::fs::write(&file, serde_json::to_vec(&old_backup).unwrap()).unwrap();
    let from_old = tmp.path().join("from-old");
    let out = cli_output(&config, &from_old, &["import", file.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = cli_output(&config, &from_old, &["check"], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let app = open(&from_old);
    assert_eq!(app.office(&aoba).unwrap().unwrap().v, PREVIOUS);
    assert_eq!(app.store().history(&aoba).unwrap().len(), 4);
}

#[test]
fn every_record_this_version_writes_or_rewrites_carries_its_version() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let n = group_numbers();
    let aoba = number("137010007");
    let extra = number("137010009");
    {
        // Every kind of record, written before the bump said what it held.
        let app = open(&data);
        run_ok(
            &app,
            "sakura-group",
            &user(),
            &format!("/register number:{} name:{} agent:{GROUP}", n[0], NAMES[0]),
            T0,
        );
        run_ok(
            &app,
            "sakura-group",
            &user(),
            &format!("/register number:{} name:{}", n[1], NAMES[1]),
            T0,
        );
        run_ok(&app, "sakura-group", &user(), &format!("/done office:{}", n[1]), T0);
        run_ok(&app, "sakura-group", &user(), "/certificate expires:2029-11-23", T0);
        run_ok(
            &app,
            "c1",
            &user(),
            &format!("/register number:{aoba} name:あおば介護"),
            T0,
        );
        run_ok(&app, "c1", &user(), "/certificate expires:2029-11-23", T0);
        run_ok(&app, "c1", &user(), "/ask-staff question:返戻はどうすれば？", T0);
        run_ok(&app, "staff", &staff(), "/teach question:質問 answer:回答", T0);
        run_ok(&app, "staff", &staff(), &format!("/archive office:{}", n[0]), T0);
        run(&app, "c1", &user(), UNANSWERED, T0);
    }
    as_version(&data, PREVIOUS);

    let app = open(&data);
    assert!(app.verify().unwrap().problems.is_empty());
    // Rewrites: an office displaced from its channel (by the store), a
    // corrected number (the office, and the 代理人's events about it, move),
    // a 代理人 changed, a request answered.
    run_ok(
        &app,
        "c1",
        &staff(),
        &format!("/register number:{extra} name:新しい事業所"),
        T0 + DAY,
    );
    run_ok(&app, "c1", &user(), "/done", T0 + DAY);
    let moved = number("137010098");
    run_ok(
        &app,
        "staff",
        &staff(),
        &format!("/fix-number number:{moved} office:{}", n[1]),
        T0 + DAY,
    );
    run_ok(&app, "sakura-group", &user(), "/done", T0 + DAY);
    run_ok(
        &app,
        "staff",
        &staff(),
        "/reply id:1 text:請求ソフトで直してください。",
        T0 + DAY,
    );
    run(&app, "c1", &user(), UNANSWERED, T0 + DAY);

    let dump = app.store().dump().unwrap();
    let at = |number: &str| dump.offices.iter().find(|o| o.number.as_str() == number).unwrap();
    for number in [aoba.as_str(), extra.as_str(), moved.as_str()] {
        assert_eq!(at(number).v, RECORD_VERSION, "{number}");
    }
    assert_eq!(at(n[0].as_str()).v, PREVIOUS, "not rewritten");
    let agent_events = &dump.agent_history[&seikyu_navi::model::agent_key(GROUP)];
    for e in agent_events {
        let expected = match (&e.action, e.at) {
            (Action::OfficeTaskDone { .. }, _) => RECORD_VERSION, // moved to the new number
            (_, at) if at > T0 => RECORD_VERSION,
            _ => PREVIOUS,
        };
        assert_eq!(e.v, expected, "{e:?}");
    }
    assert_eq!(dump.agents[0].v, RECORD_VERSION);
    assert_eq!(dump.handoffs[0].v, RECORD_VERSION);
    assert_eq!(dump.taught[0].v, PREVIOUS);
    let newer: Vec<(&str, u32)> = versions(&dump).into_iter().filter(|(_, v)| *v > PREVIOUS).collect();
    assert!(
        newer.iter().all(|(_, v)| *v == RECORD_VERSION),
        "nothing is written at any other version: {newer:?}"
    );
    assert!(newer.iter().any(|(k, _)| *k == "unanswered"), "{newer:?}");
    assert!(newer.iter().any(|(k, _)| *k == "event"), "{newer:?}");
    assert!(app.verify().unwrap().problems.is_empty());
}

#[test]
fn check_and_restore_both_call_a_newer_record_newer() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("bot.toml");
    std::fs::write(&config, "[bot]\n").unwrap();
    let data = tmp.path().join("data");
    {
        let app = open(&data);
        run_ok(&app, "c1", &user(), "/register number:1370100016 name:あおば介護", T0);
        run_ok(&app, "c1", &user(), "/done", T0);
    }
    let newer = RECORD_VERSION + 1;
    // An event of a later version, of a kind this one does not know.
    let later = |e: &mut serde_json::Value| {
        e["v"] = newer.into();
        e["type"] = "something-later".into();
    };
    let out = cli_output(&config, &data, &["export"], b"");
    let mut backup: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    later(&mut backup["history"]["1370100016"][1]);
    {
        let db = sled::open(&data).unwrap();
        let history = db.open_tree("history").unwrap();
        let (k, v) = history.last().unwrap().unwrap();
        let mut e: serde_json::Value = serde_json::from_slice(&v).unwrap();
        later(&mut e);
        history.insert(k, serde_json::to_vec(&e).unwrap()).unwrap();
        db.flush().unwrap();
    }
    let said = |out: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };
    let version_line = format!("記録の版 {newer}、この版が読めるのは {RECORD_VERSION} まで");
    let out = cli_output(&config, &data, &["check"], b"");
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    assert!(said(&out).contains(&version_line), "{}", said(&out));

    let file = tmp.path().join("later.json");
    std::fs::write(&file, serde_json::to_vec(&backup).unwrap()).unwrap();
    let out = cli_output(
        &config,
        &tmp.path().join("restored"),
        &["import", file.to_str().unwrap()],
        b"",
    );
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    let version_line = format!("記録の版 {newer}、このプログラムが読めるのは {RECORD_VERSION} まで");
    assert!(said(&out).contains(&version_line), "{}", said(&out));
}
