//! The binary as a user runs it: spawn it, pipe a console script, read stdout.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::support::BIN;

const REGISTER: &str = "/register number:1370100016 name:テスト事業所";

/// A temporary working directory with a bot.toml and a data directory.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("bot.toml"), "[bot]\nlocale = \"ja\"\nstall_days = 7\n").unwrap();
        Sandbox { dir }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("bot.toml")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// The binary with `--config` and `--data` set, run inside the sandbox.
    fn cmd(&self) -> Command {
        let mut c = bare(self.dir.path());
        c.arg("--config").arg(self.config()).arg("--data").arg(self.data());
        c
    }

    /// `console [extra…]` with a script on stdin; the replies, one per line
    /// of the script.
    fn console(&self, extra: &[&str], script: &[&str]) -> Vec<String> {
        let mut c = self.cmd();
        c.arg("console").args(extra);
        let out = feed(c, script);
        replies(&out, script)
    }
}

/// The binary with a clean environment, in `cwd`.
fn bare(cwd: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.current_dir(cwd).env_remove("DISCORD_TOKEN").env_remove("RUST_LOG");
    c
}

/// Runs a command with the script piped on stdin.
fn feed(mut c: Command, script: &[&str]) -> Output {
    let mut child = c
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let mut stdin = child.stdin.take().unwrap();
    let text = script.iter().map(|l| format!("{l}\n")).collect::<String>();
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child.wait_with_output().unwrap();
    match writer.join().unwrap() {
        // A process that exits without reading (a config error) closes the pipe.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r.unwrap(),
    }
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Splits piped console output into replies (each followed by a blank line).
fn replies(out: &Output, script: &[&str]) -> Vec<String> {
    assert!(out.status.success(), "exit {:?}: {}", out.status, stderr(out));
    let text = stdout(out);
    assert_no_prompt(&text);
    let r: Vec<String> = text.split_terminator("\n\n").map(str::to_string).collect();
    assert_eq!(r.len(), script.len(), "one reply per line:\n{text}");
    r
}

fn assert_no_prompt(text: &str) {
    assert!(!text.contains('\x1b'), "escape code in {text:?}");
    assert!(!text.lines().any(|l| l.starts_with('>')), "prompt in {text:?}");
    assert!(!text.contains("> "), "prompt in {text:?}");
}

fn lines_starting<'a>(reply: &'a str, mark: &str) -> Vec<&'a str> {
    reply.lines().filter(|l| l.starts_with(mark)).collect()
}

#[test]
fn first_step_then_the_notification() {
    let sb = Sandbox::new();
    let r = sb.console(&[], &[REGISTER, "/next", "/done", "/next"]);
    assert!(
        r[0].contains("「テスト事業所」（事業所番号 1370100016、事業所請求）を登録しました。"),
        "{}",
        r[0]
    );
    assert!(r[1].starts_with("■ 手順 1/6：動作環境の確認\n"), "{}", r[1]);
    for needle in ["動作環境", "Windows", "Internet Explorer 11", "TEL：0570-059-402"] {
        assert!(r[1].contains(needle), "{needle} not in {}", r[1]);
    }
    assert!(
        r[2].contains("☑ 完了にしました：動作環境を満たしたパソコンを準備する"),
        "{}",
        r[2]
    );
    assert!(
        r[3].starts_with("■ 手順 2/6：インターネット請求開始の届出\n"),
        "{}",
        r[3]
    );
    assert!(r[3].contains("「電子請求登録結果に関するお知らせ」"));
    // The done command names the task as a Japanese user types it.
    assert!(r[3].contains("/done step:届出の提出"), "{}", r[3]);
}

#[test]
fn proxy_office_gets_the_proxy_application_after_notify() {
    // The 代理人's channel: its offices' 届出, then its 代理人申請.
    let sb = Sandbox::new();
    let r = sb.console(
        &[],
        &[
            "/register number:1370100016 name:テスト事業所 agent:テスト代理人",
            "/done",
            "/done office:1370100016",
            "/next",
            "/done office:1370100016",
            "/next",
        ],
    );
    assert!(r[0].contains("代理請求"), "{}", r[0]);
    assert!(
        r[3].starts_with("■ 手順 2/7：各事業所のインターネット請求開始の届出\n"),
        "{}",
        r[3]
    );
    assert!(
        r[3].contains("※ 各事業所の「電子請求登録結果に関するお知らせ」の到着待ちです"),
        "{}",
        r[3]
    );
    assert!(r[5].starts_with("■ 手順 3/7：代理人申請\n"), "{}", r[5]);
    assert!(r[5].contains("「代理人申請 電子請求をはじめる前に」"));
}

#[test]
fn vendor_progress_shows_not_applicable_lines() {
    let sb = Sandbox::new();
    let r = sb.console(
        &[],
        &["/register number:1370100016 name:テスト事業所 mode:vendor", "/progress"],
    );
    // Not needed: unnumbered "—"; the vendor's part: "→"; the office's own
    // two steps are the numbered ones the count counts.
    let na = lines_starting(&r[1], "—");
    assert_eq!(
        na,
        vec!["— 電子証明書の取得（不要）", "— 統合インストーラのインストール（不要）"],
        "{}",
        r[1]
    );
    assert_eq!(lines_starting(&r[1], "→").len(), 2, "{}", r[1]);
    assert_eq!(lines_starting(&r[1], "☐").len(), 2);
    assert!(r[1].contains("進み具合：2手順中 0手順完了（0%）"), "{}", r[1]);
}

#[test]
fn a_short_number_is_refused() {
    let sb = Sandbox::new();
    let r = sb.console(&[], &["/register number:12345 name:x", "/progress"]);
    assert_eq!(
        r[0],
        "事業所番号は10桁です（入力されたのは5桁）。番号をご確認ください。"
    );
    assert!(
        r[1].starts_with("このチャンネルには事業所が登録されていません。\n"),
        "{}",
        r[1]
    );
    assert!(r[1].contains("/register number:"));
}

#[test]
fn all_steps_done() {
    let sb = Sandbox::new();
    let mut script = vec![REGISTER];
    script.extend(["/done"; 8]);
    script.extend(["/done", "/progress"]);
    let r = sb.console(&[], &script);
    assert!(r[8].contains("すべての手順が完了しました"), "{}", r[8]);
    assert_eq!(r[9], "すべての手順が完了しています。/progress で確認できます。");
    let p = &r[10];
    let done = lines_starting(p, "☑");
    assert_eq!(done.len(), 6, "{p}");
    for mark in ["☐", "⏳", "—"] {
        assert!(lines_starting(p, mark).is_empty(), "{mark} in {p}");
    }
    assert!(p.contains("進み具合：6手順中 6手順完了（100%）■■■■■■■■■■"), "{p}");
}

#[test]
fn a_second_process_sees_the_progress() {
    let sb = Sandbox::new();
    sb.console(&[], &[REGISTER, "/done", "/done"]);
    let r = sb.console(&[], &["/progress"]);
    let p = &r[0];
    assert_eq!(lines_starting(p, "☑").len(), 1, "{p}");
    assert_eq!(lines_starting(p, "⏳").len(), 1, "{p}");
    assert!(p.contains("⏳ 手順 2/6：インターネット請求開始の届出（"), "{p}");
    assert_eq!(lines_starting(p, "☐").len(), 4, "{p}");
    // A channel is its own office.
    let r = sb.console(&["--channel", "other"], &["/progress"]);
    assert!(r[0].starts_with("このチャンネルには事業所が登録されていません。"));
}

#[test]
fn english() {
    let sb = Sandbox::new();
    let r = sb.console(&["--lang", "en"], &[REGISTER, "/next", "/register number:12345 name:x"]);
    assert!(
        r[0].starts_with("Registered \"テスト事業所\", office number 1370100016, Office billing (事業所請求)."),
        "{}",
        r[0]
    );
    assert!(
        r[1].starts_with("■ Step 1/6: Check the operating environment (動作環境)\n"),
        "{}",
        r[1]
    );
    assert!(r[1].contains("Internet Explorer 11"));
    assert_eq!(
        r[2],
        "An office number has 10 characters (you entered 5). Please check the number."
    );
}

#[test]
fn ask_json() {
    let sb = Sandbox::new();
    let mut c = sb.cmd();
    c.args(["ask", "--json", "証明書いくら"]);
    let out = c.output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(stdout(&out).trim()).expect("valid JSON");
    assert_eq!(v["matched"], true, "{v}");
    assert_eq!(v["faq_id"], "certificate-fee", "{v}");
    let conf = v["confidence"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&conf), "{v}");
    assert!(v["answer"].as_str().unwrap().contains("13,200円"), "{v}");
    assert!(v["alternatives"].is_array());
    let contact = &v["contact"];
    assert_eq!(contact["id"], "reception", "{v}");
    assert_eq!(contact["tel"], "0570-059-402", "{v}");
    for f in ["name", "fax", "email", "url", "note"] {
        assert!(contact.get(f).is_some(), "contact.{f} missing: {v}");
    }
}

#[test]
fn check_passes_with_the_repo_config() {
    let data = tempfile::tempdir().unwrap();
    let out = bare(Path::new(env!("CARGO_MANIFEST_DIR")))
        .arg("--data")
        .arg(data.path())
        .arg("check")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}\n{}", stdout(&out), stderr(&out));
    let s = stdout(&out);
    assert!(s.contains("設定ファイル：bot.toml"), "{s}");
    assert!(s.lines().last() == Some("問題はありません。"), "{s}");
}

#[test]
fn unknown_config_key_is_an_error_naming_key_and_line() {
    let sb = Sandbox::new();
    std::fs::write(sb.config(), "[bot]\nlocale = \"ja\"\nstal_days = 3\n").unwrap();
    let mut c = sb.cmd();
    c.arg("console");
    let out = feed(c, &["/help"]);
    assert!(!out.status.success());
    let e = stderr(&out);
    assert!(e.contains("stal_days") && e.contains("3行目"), "{e}");
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    assert!(!sb.data().exists(), "no data directory is created");
}

#[test]
fn no_subcommand_and_no_token_runs_the_console() {
    let sb = Sandbox::new();
    let out = feed(sb.cmd(), &[REGISTER, "/next"]);
    let r = replies(&out, &[REGISTER, "/next"]);
    assert!(r[1].starts_with("■ 手順 1/6：動作環境の確認\n"), "{}", r[1]);
    let e = stderr(&out);
    assert_eq!(
        e.lines().collect::<Vec<_>>(),
        vec!["DISCORD_TOKEN が設定されていないため、コンソールで起動します。"],
        "{e}"
    );
}

#[test]
fn help_follows_the_terminal_language() {
    let help = |lang: &str| {
        let out = Command::new(BIN)
            .args(["console", "--help"])
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let ja = help("ja_JP.UTF-8");
    assert!(
        ja.contains("端末からチャットします") && ja.contains("サポート担当者として操作します"),
        "{ja}"
    );
    let en = help("en_US.UTF-8");
    assert!(
        en.contains("Chat from the terminal") && en.contains("Act as staff"),
        "{en}"
    );
}

/// How the console names a file saved this minute: `summary-2026-11-24T0030`
/// (Japan time, the bot's one time zone).
fn stamp(at: i64) -> String {
    let jst = time::UtcOffset::from_hms(9, 0, 0).unwrap();
    let t = time::OffsetDateTime::from_unix_timestamp(at).unwrap().to_offset(jst);
    format!(
        "{}-{:02}-{:02}T{:02}{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// The paths a reply says it saved files to.
fn saved(reply: &str, mark: &str) -> Vec<PathBuf> {
    reply
        .lines()
        .filter_map(|l| l.strip_prefix(mark))
        .map(PathBuf::from)
        .collect()
}

#[test]
fn summary_csv_is_saved_to_a_new_file_in_the_current_directory() {
    let sb = Sandbox::new();
    // Files already named as the console would name its file this minute and
    // the next: never written over.
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let stamps = [stamp(now), stamp(now + 60)];
    let mine = "someone's own file\n";
    let taken: Vec<PathBuf> = stamps
        .iter()
        .map(|s| sb.dir.path().join(format!("summary-{s}.csv")))
        .collect();
    for p in &taken {
        std::fs::write(p, mine).unwrap();
    }
    let r = sb.console(
        &["--staff"],
        &[
            REGISTER,
            "/summary format:csv",
            "/summary format:csv",
            "/summary page:9 format:csv",
            "/summary",
        ],
    );
    let cwd = sb.dir.path().canonicalize().unwrap();
    let name = regex::Regex::new(r"^summary-\d{4}-\d{2}-\d{2}T\d{4}-[12]\.csv$").unwrap();
    let mut written = Vec::new();
    for reply in &r[1..3] {
        let paths = saved(reply, "ファイルを保存しました：");
        assert_eq!(paths.len(), 1, "{reply}");
        let path = &paths[0];
        assert!(path.is_absolute(), "{reply}");
        assert_eq!(path.parent().unwrap().canonicalize().unwrap(), cwd, "{reply}");
        let file = path.file_name().unwrap().to_str().unwrap();
        assert!(name.is_match(file), "{file}");
        let csv = std::fs::read_to_string(path).unwrap();
        assert!(csv.starts_with("\u{feff}number,name,mode,current_step"), "{csv}");
        assert!(csv.contains("1370100016,テスト事業所,direct"), "{csv}");
        // The chart is still only named.
        assert!(reply.contains("（添付ファイル：summary.png、"), "{reply}");
        written.push(path.clone());
    }
    assert_ne!(written[0], written[1], "a second CSV gets a name of its own");
    let first = written[0].file_name().unwrap().to_str().unwrap();
    assert!(
        stamps.iter().any(|s| first == format!("summary-{s}-1.csv")),
        "{first} beside {stamps:?}"
    );
    // A page the summary does not have: the error, and no file.
    assert!(r[3].starts_with("9ページ目はありません。"), "{}", r[3]);
    assert!(saved(&r[3], "ファイルを保存しました：").is_empty(), "{}", r[3]);
    // No CSV asked for: none saved.
    assert!(saved(&r[4], "ファイルを保存しました：").is_empty(), "{}", r[4]);
    for p in &taken {
        assert_eq!(std::fs::read_to_string(p).unwrap(), mine, "{}", p.display());
    }
    // Nothing else is left beside them (no temporary file, no chart).
    let mut files: Vec<String> = std::fs::read_dir(sb.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut want: Vec<String> = ["bot.toml".to_string(), "data".to_string()]
        .into_iter()
        .chain(
            taken
                .iter()
                .chain(&written)
                .map(|p| p.file_name().unwrap().to_string_lossy().into_owned()),
        )
        .collect();
    want.sort();
    assert_eq!(files, want);

    // In English.
    let r = sb.console(&["--staff", "--lang", "en"], &["/summary format:csv"]);
    let paths = saved(&r[0], "File saved: ");
    assert_eq!(paths.len(), 1, "{}", r[0]);
    assert!(std::fs::read_to_string(&paths[0])
        .unwrap()
        .starts_with("\u{feff}number,name"));
}
