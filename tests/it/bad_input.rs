//! The bad-input catalogue: every surface fed malformed input gets a clear,
//! localized error, changes nothing, and never panics.

use std::io::Write;
use std::process::{Command, Stdio};

use seikyu_navi::app::App;
use seikyu_navi::command::parse_line;
use seikyu_navi::config::Config;
use seikyu_navi::content::{Content, Lang};
use seikyu_navi::office_number::OfficeNumber;
use seikyu_navi::reply::Reply;

use crate::support::{error_id, open, run, user, user_named, BIN, T0};

/// Everything the store holds, as JSON, to compare before and after.
fn snapshot(app: &App) -> String {
    let offices: Vec<_> = app.store().offices().map(Result::unwrap).collect();
    let mut history = Vec::new();
    for o in &offices {
        history.extend(app.store().history(&o.number).unwrap());
    }
    serde_json::to_string(&(offices, history)).unwrap()
}

/// A line as the adapters handle it: one that does not parse gets its error.
fn send(app: &App, channel: &str, line: &str) -> Reply {
    match parse_line(line) {
        Ok(input) => app.handle(channel, &user(), &input, T0, Lang::Ja),
        Err(e) => Reply::error(e.msg()),
    }
}

#[test]
fn commands_options_and_questions() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let content = Content::embedded().unwrap();
    // An unregistered channel first.
    for (line, id) in [
        ("/next", "error-not-registered"),
        ("/done", "error-not-registered"),
        ("/undo", "error-not-registered"),
        ("/mode mode:proxy", "error-not-registered"),
    ] {
        let before = snapshot(&app);
        let r = send(&app, "empty", line);
        assert_eq!(error_id(&r), Some(id), "{line}");
        assert_eq!(snapshot(&app), before, "{line} changed nothing");
    }
    assert!(error_id(&send(&app, "c", "/register number:1370100016 name:テスト")).is_none());
    let long = "あ".repeat(10_000);
    let cases: Vec<(String, &str)> = vec![
        ("/register number:12345 name:x".into(), "error-number-length"),
        ("/register number:１２３４５ name:x".into(), "error-number-length"),
        ("/register number:4870100016 name:x".into(), "error-number-prefecture"),
        ("/register number:13I0100016 name:x".into(), "error-number-kind"),
        ("/register number:13701000!6 name:x".into(), "error-number-char"),
        ("/register number:1370100016 name:".into(), "error-missing-option"),
        (
            "/register number:1370100016 name:\"\u{200b}\"".into(),
            "error-missing-option",
        ),
        // Within a week of registering, another number may be a typo to fix.
        (
            "/register number:2710100013 name:x".into(),
            "error-channel-bound-fixable",
        ),
        ("/register number:1370100016 name:x mode:weird".into(), "error-bad-mode"),
        (
            format!("/register number:1370100016 name:{}", "x".repeat(101)),
            "error-too-long",
        ),
        (
            "/register number:\"1370100016 name:x".into(),
            "error-unterminated-quote",
        ),
        ("/nope".into(), "error-unknown-command"),
        ("/".into(), "error-empty"),
        ("   ".into(), "error-empty"),
        ("/next foo:1".into(), "error-unknown-option"),
        ("/done step:zzz".into(), "error-unknown-step"),
        ("/done step:99".into(), "error-unknown-step"),
        ("/done step:proxy-application".into(), "error-step-not-applicable"),
        ("/done step:a step:b".into(), "error-duplicate-option"),
        ("/undo".into(), "error-nothing-to-undo"),
        ("/mode mode:direct".into(), "error-same-mode"),
        ("/mode mode:".into(), "error-missing-option"),
        ("/contact topic:xyz".into(), "error-unknown-topic"),
        ("/faq question:".into(), "error-missing-option"),
        ("/summary".into(), "error-staff-only"),
        ("/unanswered".into(), "error-staff-only"),
        ("/history office:1370100016".into(), "error-staff-only"),
        (long.clone(), "error-too-long"),
        (format!("/faq {long}"), "error-too-long"),
        ("\u{0}\u{7}\u{1b}\u{200b}".into(), "error-empty"),
    ];
    for (line, id) in &cases {
        let before = snapshot(&app);
        let r = send(&app, "c", line);
        assert_eq!(error_id(&r), Some(*id), "{}", line.chars().take(60).collect::<String>());
        assert!(r.ephemeral, "errors are only shown to the user");
        for lang in Lang::ALL {
            let text = seikyu_navi::adapters::render::plain_text(&content, lang, &r);
            assert!(!text.contains("error-") && !text.is_empty(), "localized: {text}");
        }
        assert_eq!(
            snapshot(&app),
            before,
            "{} changed nothing",
            line.chars().take(60).collect::<String>()
        );
    }
    // Control and zero-width characters inside a valid command are dropped.
    assert!(error_id(&send(&app, "c", "/ne\u{200b}xt\u{7}")).is_none());
    // Mentions are text: answered, never a ping (Discord's allowed_mentions is
    // empty on every message; here: nothing breaks and nothing is stored).
    let before = snapshot(&app);
    let r = send(&app, "c", "@everyone @here <@123> 証明書いくら");
    assert!(error_id(&r).is_none());
    assert_eq!(snapshot(&app), before);
    assert!(OfficeNumber::parse("１３７０１０００１６").is_ok());
}

#[test]
fn rate_limit_is_polite_and_per_user() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = Config::default();
    cfg.limits.questions_per_minute = 3;
    cfg.limits.commands_per_minute = 2;
    let app = App::open(cfg, dir.path()).unwrap();
    for _ in 0..3 {
        let r = run(&app, "c", &user(), "証明書いくら", T0);
        assert!(error_id(&r).is_none());
    }
    let r = run(&app, "c", &user(), "証明書いくら", T0 + 5);
    assert_eq!(error_id(&r), Some("error-rate-limited"));
    let text = seikyu_navi::adapters::render::plain_text(&Content::embedded().unwrap(), Lang::Ja, &r);
    assert!(text.contains("55秒"), "{text}");
    // Another user is not affected; after the window the user may ask again.
    let other = user_named("v");
    assert!(error_id(&run(&app, "c", &other, "証明書いくら", T0 + 5)).is_none());
    assert!(error_id(&run(&app, "c", &user(), "証明書いくら", T0 + 60)).is_none());
    // Commands have their own limit, and a refused command changes nothing.
    for _ in 0..2 {
        run(&app, "c", &user(), "/help", T0);
    }
    let r = run(&app, "c", &user(), "/register number:1370100016 name:x", T0);
    assert_eq!(error_id(&r), Some("error-rate-limited"));
    assert_eq!(app.store().office_count(), 0);
}

fn bin(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .env_remove("DISCORD_TOKEN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The binary may refuse to start before it reads its input.
    match child.stdin.take().unwrap().write_all(stdin) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.unwrap(),
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn config_files_and_data_directories() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data = data.to_str().unwrap();
    let cfg = dir.path().join("bot.toml");
    let cfg_s = cfg.to_str().unwrap();
    for (text, must) in [
        (
            &b"[bot]\nlocale = \"ja\"\nstal_days = 3\n"[..],
            vec!["stal_days", "3行目"],
        ),
        (&b"[bot]\nstall_days = \"seven\"\n"[..], vec!["stall_days", "2行目"]),
        (&b"[bot]\nlocale = \"fr\"\n"[..], vec!["locale", "2行目"]),
        (&b"[discord]\nguild_id = -1\n"[..], vec!["guild_id", "2行目"]),
        (&b"[kokuhoren.\"99\"]\nname = \"x\"\n"[..], vec!["99"]),
        (&b"[bot]\nlocale = \"\xff\xfe\"\n"[..], vec!["UTF-8"]),
        (&b"[bot\n"[..], vec!["1行目"]),
    ] {
        std::fs::write(&cfg, text).unwrap();
        let (code, _, err) = bin(&["--config", cfg_s, "--data", data, "check"], b"");
        assert_ne!(code, 0, "{}", String::from_utf8_lossy(text));
        assert!(err.contains("設定ファイルを読み込めません"), "localized: {err}");
        for m in must {
            assert!(err.contains(m), "{m} in {err}");
        }
        assert!(!err.contains("panicked"));
        assert!(!std::path::Path::new(data).exists(), "nothing created");
    }
    // A missing --config file given explicitly.
    let (code, _, err) = bin(&["--config", "/nonexistent/bot.toml", "--data", data, "console"], b"");
    assert_ne!(code, 0);
    assert!(err.contains("/nonexistent/bot.toml"), "{err}");

    // A data directory that is a file.
    std::fs::write(&cfg, "[bot]\n").unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let (code, _, err) = bin(
        &["--config", cfg_s, "--data", file.to_str().unwrap(), "console"],
        b"/next\n",
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("起動できません") && !err.contains("panicked"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x", "left untouched");

    // A data directory from a newer schema is refused and left as it is.
    {
        let app = open(std::path::Path::new(data));
        app.store().set_schema_version(99).unwrap();
    }
    let (code, out, err) = bin(
        &["--config", cfg_s, "--data", data, "console"],
        b"/register number:1370100016 name:x\n",
    );
    assert_eq!(code, 2);
    assert!(out.is_empty() && err.contains("99"), "{err}");
    let (code, _, _) = bin(&["--config", cfg_s, "--data", data, "summary"], b"");
    assert_eq!(code, 2, "still refused: not overwritten");

    // Broken UTF-8 on the console is replaced, not fatal.
    let fresh = dir.path().join("fresh");
    let (code, out, err) = bin(
        &["--config", cfg_s, "--data", fresh.to_str().unwrap(), "console"],
        b"/register number:1370100016 name:\xff\xfe\n/progress\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1370100016"), "{out}");
}
