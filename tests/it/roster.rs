//! Roster import (`import ROSTER.csv`), export and restore (`export`,
//! `import FILE.json`): the library API and the binary on a pipe.

use std::io::Cursor;
use std::path::Path;
use std::process::Command;

use seikyu_navi::app::App;
use seikyu_navi::app::{ImportError, ImportReport};
use seikyu_navi::content::Lang;
use seikyu_navi::dump::{Dump, ReadError};
use seikyu_navi::model::Action;
use seikyu_navi::office_number::check_digit;
use seikyu_navi::playbook::Mode;
use seikyu_navi::roster::{self, RowErrorKind};
use seikyu_navi::store::{RestoreError, Store, SCHEMA_VERSION};

use crate::support::{input, number, office_number, open, run, staff, BIN, T0};

type Errors = Vec<(u64, RowErrorKind)>;

fn import(app: &App, csv: &str, now: i64) -> Result<ImportReport, Errors> {
    let parsed =
        roster::parse(csv.as_bytes()).map_err(|e| e.into_iter().map(|e| (e.line, e.kind)).collect::<Errors>())?;
    app.import_roster(&parsed.rows, now, &mut |_, _, _| {})
        .map_err(|e| match e {
            ImportError::Rows(rows) => rows.into_iter().map(|e| (e.line, e.kind)).collect(),
            ImportError::Store(e) => panic!("store error: {e}"),
        })
}

fn export(store: &Store) -> Vec<u8> {
    let mut out = Vec::new();
    store.export_json(&mut out).unwrap();
    out
}

#[test]
fn good_roster_is_imported_with_channels_and_japanese_modes() {
    let dir = tempfile::tempdir().unwrap();
    let bot = open(dir.path());
    let store = bot.store();
    let (a, b, c) = (number("137010001"), number("271234567"), number("01A000001"));
    let csv = format!(
        "\u{feff}number,name,mode,software,channel\r\n\
         {a},あおば訪問介護,代理請求,ソフトA,<#1001>\r\n\
         {b},\"みどり, デイサービス\",事業所請求,,1002\r\n\
         {c},さくら,vendor,,\r\n"
    );
    let report = import(&bot, &csv, T0).unwrap();
    assert_eq!(
        report,
        ImportReport {
            created: 3,
            updated: 0,
            unchanged: 0
        }
    );
    let oa = store.office(&office_number(&a)).unwrap().unwrap();
    assert_eq!(oa.name, "あおば訪問介護");
    assert_eq!(oa.mode, Mode::Proxy);
    assert_eq!(oa.software.as_deref(), Some("ソフトA"));
    assert_eq!(oa.channel.as_deref(), Some("1001"));
    assert_eq!((oa.revision, oa.registered_at, oa.updated_at), (1, T0, T0));
    assert!(oa.done.is_empty());
    assert_eq!(
        store.office_by_channel("1001").unwrap().unwrap().number,
        office_number(&a)
    );
    let ob = store.office_by_channel("1002").unwrap().unwrap();
    assert_eq!((ob.name.as_str(), ob.mode), ("みどり, デイサービス", Mode::Direct));
    let oc = store.office(&office_number(&c)).unwrap().unwrap();
    assert_eq!((oc.mode, oc.channel.clone()), (Mode::Vendor, None));
    let h = store.history(&office_number(&a)).unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].seq, 1);
    let actor = &h[0].actor;
    assert_eq!(
        (actor.id.as_str(), actor.name.as_str(), actor.staff),
        ("import", "import", true)
    );
    assert_eq!(*actor, seikyu_navi::engine::roster::import_actor());
    assert!(matches!(&h[0].action, Action::Registered { mode: Mode::Proxy, .. }));
    assert_eq!(store.office_count(), 3);
}

#[test]
fn reimport_updates_details_and_keeps_progress() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let (a, b) = (number("137010001"), number("137010002"));
    import(
        &app,
        &format!("number,name,mode,software,channel\n{a},あおば,direct,ソフトA,ch-a\n{b},みどり,proxy,,ch-b\n"),
        T0,
    )
    .unwrap();
    // The office marks its first task done in its channel.
    run(&app, "ch-a", &staff(), "/done", T0 + 60);
    let before = app.store().office(&office_number(&a)).unwrap().unwrap();
    assert_eq!(before.done.len(), 1);
    assert_eq!(before.revision, 2);

    // New name and mode, software left empty (kept), channel unchanged.
    let csv =
        format!("number,name,mode,software,channel\n{a},あおば介護センター,代理請求,,ch-a\n{b},みどり,proxy,,ch-b\n");
    let report = import(&app, &csv, T0 + 120).unwrap();
    assert_eq!((report.created, report.updated, report.unchanged), (0, 1, 1));
    let after = app.store().office(&office_number(&a)).unwrap().unwrap();
    assert_eq!(after.name, "あおば介護センター");
    assert_eq!(after.mode, Mode::Proxy);
    assert_eq!(after.software.as_deref(), Some("ソフトA"));
    assert_eq!(after.done, before.done, "progress is never reset");
    assert_eq!(
        (after.revision, after.updated_at, after.registered_at),
        (3, T0 + 120, T0)
    );
    let h = app.store().history(&office_number(&a)).unwrap();
    assert_eq!(h.len(), 3);
    match &h[2].action {
        Action::Updated {
            name,
            mode,
            prev_name,
            prev_mode,
            software,
            prev_software,
            ..
        } => {
            assert_eq!((name.as_str(), *mode), ("あおば介護センター", Mode::Proxy));
            assert_eq!((prev_name.as_str(), *prev_mode), ("あおば", Mode::Direct));
            assert_eq!(
                (software.as_deref(), prev_software.as_deref()),
                (Some("ソフトA"), Some("ソフトA"))
            );
        }
        other => panic!("expected an update, got {other:?}"),
    }
    // The same file again changes nothing at all.
    let dump = app.store().dump().unwrap();
    let report = import(&app, &csv, T0 + 180).unwrap();
    assert_eq!((report.created, report.updated, report.unchanged), (0, 0, 2));
    assert_eq!(app.store().dump().unwrap(), dump);

    // The import's update can be undone like a /register update.
    let reply = run(&app, "ch-a", &staff(), "/undo", T0 + 240);
    assert_ne!(reply.tone, seikyu_navi::reply::Tone::Error, "{reply:?}");
    assert_eq!(app.store().office(&office_number(&a)).unwrap().unwrap().name, "あおば");
}

#[test]
fn channels_move_between_offices_or_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bot = open(dir.path());
    let store = bot.store();
    let (a, b, c) = (number("137010001"), number("137010002"), number("137010003"));
    import(
        &bot,
        &format!("number,name,mode,channel\n{a},A,direct,ch-1\n{b},B,direct,ch-2\n"),
        T0,
    )
    .unwrap();

    // A new office takes ch-1 while A stays there: refused, nothing written.
    let dump = store.dump().unwrap();
    let errors = import(
        &bot,
        &format!("number,name,mode,channel\n{b},B2,proxy,\n{c},C,direct,ch-1\n"),
        T0 + 1,
    )
    .unwrap_err();
    assert_eq!(
        errors,
        vec![(
            3,
            RowErrorKind::ChannelBound {
                channel: "ch-1".into(),
                number: a.clone()
            }
        )]
    );
    assert_eq!(store.dump().unwrap(), dump, "a refused roster writes nothing");

    // A moves to ch-3 in the same roster that gives ch-1 to C: accepted.
    let r = import(
        &bot,
        &format!("number,name,mode,channel\n{c},C,direct,ch-1\n{a},A,direct,ch-3\n"),
        T0 + 2,
    )
    .unwrap();
    assert_eq!((r.created, r.updated, r.unchanged), (1, 1, 0));
    assert_eq!(
        store.office_by_channel("ch-1").unwrap().unwrap().number,
        office_number(&c)
    );
    assert_eq!(
        store.office_by_channel("ch-3").unwrap().unwrap().number,
        office_number(&a)
    );
    assert_eq!(
        store.office(&office_number(&a)).unwrap().unwrap().channel.as_deref(),
        Some("ch-3")
    );
    let h = store.history(&office_number(&a)).unwrap();
    assert!(
        matches!(&h.last().unwrap().action, Action::Bound { channel, prev: Some(p) } if channel == "ch-3" && p == "ch-1")
    );

    // Moving away from a channel nobody takes frees it.
    import(&bot, &format!("number,name,mode,channel\n{b},B,direct,ch-4\n"), T0 + 3).unwrap();
    assert!(store.office_by_channel("ch-2").unwrap().is_none());
    assert_eq!(
        store.office_by_channel("ch-4").unwrap().unwrap().number,
        office_number(&b)
    );
}

#[test]
fn every_bad_row_is_reported_with_its_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let bot = open(dir.path());
    let store = bot.store();
    let a = number("137010001");
    import(&bot, &format!("number,name,mode\n{a},あおば,direct\n"), T0).unwrap();
    let dump = store.dump().unwrap();
    let csv = format!(
        "number,name,mode,software,channel\r\n\
         {good},よい事業所,direct,,\r\n\
         123,短い番号,direct,,\r\n\
         {b},,proxy,,\r\n\
         \r\n\
         {c},名前,郵送,,\r\n\
         {d},列が足りない,direct\r\n\
         {a},あおば改,代理請求,,\r\n\
         {e},{long},direct,,\r\n",
        good = number("137010009"),
        b = number("137010002"),
        c = number("137010003"),
        d = number("137010004"),
        e = number("137010005"),
        long = "長".repeat(101),
    );
    let errors = import(&bot, &csv, T0 + 1).unwrap_err();
    let lines: Vec<u64> = errors.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, vec![3, 4, 6, 7, 9], "{errors:?}");
    assert!(matches!(&errors[0].1, RowErrorKind::Number { value, .. } if value == "123"));
    assert_eq!(errors[1].1, RowErrorKind::EmptyName);
    assert_eq!(errors[2].1, RowErrorKind::BadMode("郵送".into()));
    assert_eq!(errors[3].1, RowErrorKind::Columns { expected: 5, found: 3 });
    assert_eq!(errors[4].1, RowErrorKind::NameTooLong { max: 100 });
    assert_eq!(store.dump().unwrap(), dump, "nothing from a bad file is applied");
    assert_eq!(store.office(&office_number(&a)).unwrap().unwrap().name, "あおば");

    // The messages are localized, with the line number first.
    let content = seikyu_navi::content::Content::embedded().unwrap();
    let parsed = roster::parse(csv.as_bytes()).unwrap_err();
    let ja = content.text(Lang::Ja, &parsed[2].msg());
    assert!(ja.starts_with("6行目：請求方法「郵送」はありません。"), "{ja}");
    let en = content.text(Lang::En, &parsed[0].msg());
    assert!(en.starts_with("line 3: The office number \"123\""), "{en}");
}

#[test]
fn broken_utf8_and_duplicates_are_reported() {
    let (a, b) = (number("137010001"), number("137010002"));
    let mut csv = format!("number,name,mode,channel\n{a},あおば,direct,x\n{b},").into_bytes();
    csv.extend_from_slice(&[0x82, 0xa0, 0x82, 0xa2]); // Shift_JIS あい
    csv.extend_from_slice(format!(",direct,\n{a},あおば2,direct,\n{},別,direct,x\n", number("137010003")).as_bytes());
    let errors: Errors = roster::parse(&csv)
        .unwrap_err()
        .into_iter()
        .map(|e| (e.line, e.kind))
        .collect();
    assert_eq!(
        errors,
        vec![
            (3, RowErrorKind::Utf8),
            (
                4,
                RowErrorKind::DuplicateNumber {
                    number: a.clone(),
                    first: 2
                }
            ),
            (
                5,
                RowErrorKind::DuplicateChannel {
                    channel: "x".into(),
                    first: 2
                }
            ),
        ]
    );
}

#[test]
fn check_digit_mismatch_is_a_warning() {
    let a = number("137010001");
    let wrong = format!("137010002{}", (check_digit("137010002").unwrap() as u8 - b'0' + 1) % 10);
    let r = roster::parse(format!("number,name,mode\n{a},A,direct\n{wrong},B,direct\n").as_bytes()).unwrap();
    assert_eq!(r.rows.len(), 2);
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(r.warnings[0].line, 3);
}

/// An office with progress, history, an undo, a staff rebinding and an
/// unanswered question.
fn busy_app(dir: &Path) -> App {
    let app = open(dir);
    let (a, b) = (number("137010001"), number("271234567"));
    import(
        &app,
        &format!("number,name,mode,software,channel\n{a},あおば,direct,ソフトA,ch-a\n{b},みどり,vendor,,ch-b\n"),
        T0,
    )
    .unwrap();
    let s = staff();
    for (i, line) in ["/done", "/done", "/done", "/undo", "/mode mode:proxy"]
        .iter()
        .enumerate()
    {
        run(&app, "ch-a", &s, line, T0 + 100 * i as i64);
    }
    let sakura = format!("/register number:{} name:さくら", number("01A000001"));
    run(&app, "ch-c", &s, &sakura, T0 + 700);
    app.handle(
        "ch-b",
        &s,
        &input("/faq question:\"ｚｚｚ qqq xyzzy\""),
        T0 + 800,
        Lang::En,
    );
    app
}

#[test]
fn export_restore_export_gives_the_same_json() {
    let src = tempfile::tempdir().unwrap();
    let app = busy_app(src.path());
    let first = export(app.store());
    let dump: Dump = serde_json::from_slice(&first).unwrap();
    assert_eq!(dump.offices.len(), 3);
    assert!(
        dump.history.values().map(Vec::len).sum::<usize>() >= 8,
        "{:?}",
        dump.history
    );
    assert!(dump.offices.iter().any(|o| !o.done.is_empty()));
    assert_eq!(dump.unanswered.len(), 1, "the nonsense question is logged");
    assert_eq!(dump.channels.len(), 3);
    // The streamed export is the serde form of the in-memory dump.
    let mut typed = serde_json::to_vec(&app.store().dump().unwrap()).unwrap();
    typed.push(b'\n');
    assert_eq!(
        String::from_utf8(typed).unwrap(),
        String::from_utf8(first.clone()).unwrap()
    );

    let dst = tempfile::tempdir().unwrap();
    let restored = Store::open(dst.path()).unwrap();
    let counts = restored.restore_json(|| Ok(Cursor::new(first.clone()))).unwrap();
    assert_eq!((counts.offices, counts.channels, counts.unanswered), (3, 3, 1));
    let second = export(&restored);
    assert_eq!(String::from_utf8(second).unwrap(), String::from_utf8(first).unwrap());
    let a = office_number(&number("137010001"));
    assert_eq!(restored.history(&a).unwrap(), app.store().history(&a).unwrap());
    assert_eq!(
        restored.office_by_channel("ch-a").unwrap(),
        app.store().office(&a).unwrap()
    );
    drop(restored);
    // The restored directory works with the bot: the office goes on.
    let app2 = open(dst.path());
    run(&app2, "ch-a", &staff(), "/done", T0 + 900);
    assert_eq!(
        app2.store().history(&a).unwrap().len(),
        app.store().history(&a).unwrap().len() + 1
    );
}

#[test]
fn restore_refuses_a_directory_with_data_and_a_bad_file() {
    let src = tempfile::tempdir().unwrap();
    let app = busy_app(src.path());
    let json = export(app.store());
    let before = app.store().dump().unwrap();
    match app.store().restore_json(|| Ok(Cursor::new(json.clone()))) {
        Err(RestoreError::NotEmpty { offices: 3 }) => {}
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(app.store().dump().unwrap(), before);

    let dst = tempfile::tempdir().unwrap();
    let store = Store::open(dst.path()).unwrap();
    // Cut off in the middle: checked first, so nothing is written.
    let cut = json[..json.len() * 2 / 3].to_vec();
    match store.restore_json(|| Ok(Cursor::new(cut.clone()))) {
        Err(RestoreError::Read(ReadError::Json { line: 1, .. })) => {}
        other => panic!("expected a JSON error, got {other:?}"),
    }
    assert!(!store.has_data());
    // A newer schema is refused with its own message.
    let newer = String::from_utf8(json.clone()).unwrap().replacen(
        &format!("{{\"schema\":{SCHEMA_VERSION}"),
        "{\"schema\":99",
        1,
    );
    let err = store
        .restore_json(|| Ok(Cursor::new(newer.clone().into_bytes())))
        .unwrap_err();
    let content = seikyu_navi::content::Content::embedded().unwrap();
    let text = content.text(Lang::Ja, &err.msg());
    assert!(text.contains("新しい版"), "{text}");
    assert!(!store.has_data());
}

fn bin(config: &Path, data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .arg("--config")
        .arg(config)
        .arg("--data")
        .arg(data)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn the_binary_on_a_pipe_prints_only_the_final_count() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("bot.toml");
    std::fs::write(&config, "[bot]\n").unwrap();
    let data = tmp.path().join("data");
    let roster_path = tmp.path().join("roster.csv");
    let mut csv = String::from("number,name,mode,software,channel\n");
    for i in 0..120 {
        let first9 = format!("1370{i:05}");
        csv.push_str(&format!("{},事業所{i},代理請求,,ch-{i}\n", number(&first9)));
    }
    std::fs::write(&roster_path, &csv).unwrap();
    let out = bin(&config, &data, &["import", roster_path.to_str().unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout, "120件を取り込みました（新規 120、更新 0、変更なし 0）。\n");
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "", "no progress bar on a pipe");

    // A bad file: exit code 1, each error on stderr with its line, nothing written.
    let bad = tmp.path().join("bad.csv");
    std::fs::write(
        &bad,
        format!(
            "number,name,mode\n{},新しい,direct\n{},,direct\n",
            number("137099999"),
            number("137088888")
        ),
    )
    .unwrap();
    let out = bin(&config, &data, &["import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("3行目：事業所名（name）が空です。\n"), "{stderr}");
    assert!(stderr.contains("1件の誤り"), "{stderr}");

    // export → import into a fresh directory → export: the same JSON.
    let out = bin(&config, &data, &["export"]);
    assert!(out.status.success());
    let first = out.stdout;
    let dump: Dump = serde_json::from_slice(&first).unwrap();
    assert_eq!(dump.offices.len(), 120);
    let backup = tmp.path().join("backup.json");
    let out = bin(&config, &data, &["export", "--output", backup.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(std::fs::read(&backup).unwrap(), first);
    let data2 = tmp.path().join("data2");
    let out = bin(&config, &data2, &["import", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("バックアップから復元しました（事業所 120件、"),
        "{stdout}"
    );
    let out = bin(&config, &data2, &["export"]);
    assert_eq!(out.stdout, first);
    // Restoring again into the now non-empty directory is refused.
    let out = bin(&config, &data2, &["import", backup.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("すでにデータがあります"));
}
