//! Nothing lost, nothing half done: imports and restores killed at random
//! moments, read-only commands on missing directories, the lock held by a
//! running bot, input from pipes and devices, `check` on damaged data,
//! crafted backups, the undo window, and a backup of the running bot.
//! The binary is driven from outside, as an operator would.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use seikyu_navi::app::{App, UNDO_WINDOW};
use seikyu_navi::command::parse_line;
use seikyu_navi::config::Config;
use seikyu_navi::content::Lang;
use seikyu_navi::dump::Dump;
use seikyu_navi::model::{Actor, RECORD_VERSION};
use seikyu_navi::office_number::check_digit;
use seikyu_navi::reply::Tone;

use crate::support::{cli, BIN};

fn number(i: usize) -> String {
    let first9 = format!("14{:07}", 1000 + i);
    format!("{first9}{}", check_digit(&first9).unwrap())
}

fn cmd(config: &Path, data: &Path, args: &[&str]) -> Command {
    cli(config, data, args)
}

fn run(config: &Path, data: &Path, args: &[&str]) -> Output {
    cmd(config, data, args).output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A small deterministic generator; the seed is printed and can be given
/// again with `DURABILITY_SEED`.
struct Lcg(u64);

impl Lcg {
    fn seeded() -> (Lcg, u64) {
        let seed = std::env::var("DURABILITY_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            });
        (Lcg(seed), seed)
    }

    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

/// What a data directory holds, without the times of day (which differ
/// from run to run): offices with their details and revision, channel
/// bindings, history lengths.
fn signature(config: &Path, data: &Path) -> String {
    let out = run(config, data, &["export"]);
    assert!(out.status.success(), "export: {}", text(&out.stderr));
    let dump: Dump = serde_json::from_slice(&out.stdout).unwrap();
    let offices: Vec<String> = dump
        .offices
        .iter()
        .map(|o| format!("{} {} {:?} {:?} {}", o.number, o.name, o.mode, o.channel, o.revision))
        .collect();
    let history: BTreeMap<String, usize> = dump.history.iter().map(|(n, e)| (n.to_string(), e.len())).collect();
    format!("{offices:?}\n{:?}\n{history:?}", dump.channels)
}

fn roster(rows: std::ops::Range<usize>, name: &str) -> String {
    let mut s = String::from("number,name,mode,software,channel\n");
    for i in rows {
        let channel = if i % 3 == 0 { format!("ch-{i}") } else { String::new() };
        s.push_str(&format!("{},{name}{i},direct,,{channel}\n", number(i)));
    }
    s
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Sends a signal to a child (SIGKILL, SIGTERM or SIGINT).
fn signal(child: &std::process::Child, sig: &str) {
    let ok = Command::new("kill")
        .args([sig, &child.id().to_string()])
        .status()
        .unwrap()
        .success();
    // The child may have finished already; that is a valid round too.
    let _ = ok;
}

/// Runs `args` and interrupts it after a random time below `max`, with a
/// random signal; returns the signal used.
fn interrupt(mut c: Command, rng: &mut Lcg, max: Duration) -> &'static str {
    let sig = ["-KILL", "-KILL", "-TERM", "-INT"][rng.next(4) as usize];
    let wait = Duration::from_micros(rng.next(max.as_micros() as u64));
    let mut child = c.stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    std::thread::sleep(wait);
    signal(&child, sig);
    let _ = child.wait();
    sig
}

const KILLS: usize = 30;

/// What one kill campaign checks: before each round `prepare` lays out the
/// data directory; the command is interrupted at a random moment; after it
/// the directory must hold `old` or `new` (by `signature`), `check` must
/// name the file that built it, and running the command again must end in
/// `new` (`again_ok`: whether that second run succeeds from the old state).
struct Campaign<'a> {
    name: &'a str,
    config: &'a Path,
    args: Vec<&'a str>,
    prepare: &'a dyn Fn(&Path),
    old: (String, Option<&'a str>),
    new: (String, &'a str),
    /// Whether running the command again on the new state succeeds.
    again_on_new: bool,
    took: Duration,
}

fn campaign(tmp: &Path, c: &Campaign) {
    let (mut rng, seed) = Lcg::seeded();
    eprintln!(
        "{} kills: seed {seed} (DURABILITY_SEED={seed} repeats it), a whole run takes {:?}",
        c.name, c.took
    );
    let (mut olds, mut news) = (0, 0);
    for round in 0..KILLS {
        let data = tmp.join(format!("{}-{round}", c.name));
        (c.prepare)(&data);
        let sig = interrupt(cmd(c.config, &data, &c.args), &mut rng, c.took.mul_f32(1.3));
        let at = format!("seed {seed} round {round} ({sig})");
        let check = run(c.config, &data, &["check"]);
        let said = text(&check.stdout);
        assert!(check.status.success(), "{at}: {said}{}", text(&check.stderr));
        let now = signature(c.config, &data);
        let is_new = if now == c.old.0 {
            olds += 1;
            if let Some(file) = c.old.1 {
                assert!(said.contains(file), "{at}: check says {said}");
            }
            assert!(!said.contains(c.new.1), "{at}: check says {said}");
            false
        } else {
            assert_eq!(now, c.new.0, "{at}: neither the old state nor the whole new one");
            assert!(said.contains(c.new.1), "{at}: check says {said}");
            news += 1;
            true
        };
        let again = run(c.config, &data, &c.args);
        assert_eq!(
            again.status.success(),
            !is_new || c.again_on_new,
            "{at}: running it again: {}",
            text(&again.stderr)
        );
        assert_eq!(signature(c.config, &data), c.new.0, "{at}: after running it again");
        std::fs::remove_dir_all(&data).unwrap();
    }
    eprintln!("{} kills: {olds} left the old state, {news} the whole new one", c.name);
}

/// Runs `args` to the end and how long that took.
fn timed(config: &Path, data: &Path, args: &[&str]) -> Duration {
    let started = Instant::now();
    let out = run(config, data, args);
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    started.elapsed()
}

#[test]
fn a_killed_import_leaves_the_old_roster_or_the_whole_new_one() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("bot.toml");
    std::fs::write(&config, "[bot]\n").unwrap();
    let (first, second) = (
        tmp.path().join("roster-first.csv"),
        tmp.path().join("roster-second.csv"),
    );
    std::fs::write(&first, roster(0..600, "あおば")).unwrap();
    // Renames every office and adds as many again.
    std::fs::write(&second, roster(0..1200, "みどり")).unwrap();
    let base = tmp.path().join("base");
    timed(&config, &base, &["import", first.to_str().unwrap()]);
    let full = tmp.path().join("full");
    copy_dir(&base, &full);
    let took = timed(&config, &full, &["import", second.to_str().unwrap()]);
    let (old, new) = (signature(&config, &base), signature(&config, &full));
    assert_ne!(old, new);
    let prepare = |data: &Path| copy_dir(&base, data);
    campaign(
        tmp.path(),
        &Campaign {
            name: "import",
            config: &config,
            args: vec!["import", second.to_str().unwrap()],
            prepare: &prepare,
            old: (old, Some("roster-first.csv")),
            new: (new, "roster-second.csv"),
            again_on_new: true,
            took,
        },
    );
}

#[test]
fn a_killed_restore_leaves_nothing_or_the_whole_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("bot.toml");
    std::fs::write(&config, "[bot]\n").unwrap();
    let csv = tmp.path().join("roster.csv");
    std::fs::write(&csv, roster(0..1200, "さくら")).unwrap();
    let base = tmp.path().join("base");
    timed(&config, &base, &["import", csv.to_str().unwrap()]);
    let backup = tmp.path().join("backup.json");
    timed(&config, &base, &["export", "--output", backup.to_str().unwrap()]);
    let took = timed(
        &config,
        &tmp.path().join("probe"),
        &["import", backup.to_str().unwrap()],
    );
    // Before: an empty data directory (a new one is created empty).
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert!(run(&config, &empty, &["console"]).status.success());
    let prepare = |data: &Path| copy_dir(&empty, data);
    campaign(
        tmp.path(),
        &Campaign {
            name: "restore",
            config: &config,
            args: vec!["import", backup.to_str().unwrap()],
            prepare: &prepare,
            old: (signature(&config, &empty), None),
            new: (signature(&config, &base), "backup.json"),
            // A complete restore refuses to restore again (the directory has data).
            again_on_new: false,
            took,
        },
    );
}

#[test]
fn read_only_commands_create_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("bot.toml");
    std::fs::write(&config, "[bot]\n").unwrap();
    let missing = tmp.path().join("mistyped");
    for args in [
        vec!["summary"],
        vec!["summary", "--format", "csv"],
        vec!["export"],
        vec!["check"],
        vec!["ask", "--office", &number(1), "証明書"],
    ] {
        let out = run(&config, &missing, &args);
        assert!(!out.status.success(), "{args:?}: {}", text(&out.stdout));
        assert!(
            text(&out.stderr).contains("が見つかりません"),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(!missing.exists(), "{args:?} created the directory");
    }
    // A directory with someone else's files is refused and left as it is.
    let foreign = tmp.path().join("photos");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("db"), "not ours").unwrap();
    for args in [vec!["summary"], vec!["export"], vec!["console"]] {
        let out = run(&config, &foreign, &args);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            text(&out.stderr).contains("データディレクトリではない"),
            "{}",
            text(&out.stderr)
        );
    }
    assert_eq!(std::fs::read_to_string(foreign.join("db")).unwrap(), "not ours");
    assert_eq!(std::fs::read_dir(&foreign).unwrap().count(), 1);
}

#[test]
fn a_running_bot_holds_the_directory_and_the_error_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("bot.toml");
    std::fs::write(&config, "[bot]\n").unwrap();
    let data = tmp.path().join("data");
    let mut bot = cmd(&config, &data, &["console"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = bot.stdin.take().unwrap();
    writeln!(stdin, "/help").unwrap();
    // Wait until the bot has the directory open (its reply is printed).
    let mut out = std::io::BufReader::new(bot.stdout.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut out, &mut line).unwrap();
    let summary = run(&config, &data, &["summary"]);
    assert_eq!(summary.status.code(), Some(2));
    let err = text(&summary.stderr);
    assert!(err.contains("別の seikyu-navi") && err.contains("/backup"), "{err}");
    assert!(!err.contains("WouldBlock") && !err.contains("Os {"), "{err}");
    drop(stdin);
    bot.wait().unwrap();
}

#[test]
fn import_reads_pipes_and_refuses_endless_devices() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("bot.toml");
    std::fs::write(&config, "[bot]\n").unwrap();
    let data = tmp.path().join("data");
    // A roster piped on stdin.
    let mut child = cmd(&config, &data, &["import", "/dev/stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(roster(0..5, "ひかり").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains('5'), "{}", text(&out.stdout));
    // An endless device: read up to the limit, then a clear refusal.
    let out = run(&config, &data, &["import", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("大きすぎます"), "{}", text(&out.stderr));
    // A directory is not a file.
    let out = run(&config, &data, &["import", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}

/// Opens the data directory with sled itself, as a damaged disk or a newer
/// version would leave it.
fn tamper(data: &Path, f: impl FnOnce(&sled::Db)) {
    let db = sled::open(data).unwrap();
    f(&db);
    db.flush().unwrap();
}

fn staff() -> Actor {
    Actor {
        id: "staff".into(),
        name: "staff".into(),
        staff: true,
        local: true,
    }
}

fn registered(data: &Path, n: usize) {
    let app = App::open(Config::default(), data).unwrap();
    for i in 0..n {
        let line = format!("/register number:{} name:事業所{i}", number(i));
        let r = app.handle(
            &format!("ch-{i}"),
            &staff(),
            &parse_line(&line).unwrap(),
            1_795_447_800,
            Lang::Ja,
        );
        assert_ne!(r.tone, Tone::Error, "{r:?}");
        app.handle(
            &format!("ch-{i}"),
            &staff(),
            &parse_line("/done").unwrap(),
            1_795_447_900,
            Lang::Ja,
        );
    }
}

#[test]
fn check_reads_every_record_and_link() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("bot.toml");
    std::fs::write(&config, "[bot]\n").unwrap();
    let data = tmp.path().join("data");
    registered(&data, 4);
    let ok = run(&config, &data, &["check"]);
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    assert!(
        text(&ok.stdout).contains("事業所 4件、履歴 8件"),
        "{}",
        text(&ok.stdout)
    );

    tamper(&data, |db| {
        // A channel bound to an office that does not exist.
        db.open_tree("channels")
            .unwrap()
            .insert("ch-ghost", number(99).as_bytes())
            .unwrap();
        // A lost history event.
        let history = db.open_tree("history").unwrap();
        let mut key = number(1).into_bytes();
        key.push(0);
        key.extend_from_slice(&1u64.to_be_bytes());
        assert!(history.remove(key).unwrap().is_some());
        // A record written by a newer version.
        let offices = db.open_tree("offices").unwrap();
        let n2 = number(2);
        let rec = String::from_utf8(offices.get(&n2).unwrap().unwrap().to_vec()).unwrap();
        offices
            .insert(
                &n2,
                rec.replacen(&format!("{{\"v\":{RECORD_VERSION}"), "{\"v\":7", 1)
                    .as_bytes(),
            )
            .unwrap();
    });
    let bad = run(&config, &data, &["check"]);
    assert_eq!(bad.status.code(), Some(1));
    let err = text(&bad.stderr);
    assert!(err.contains("ch-ghost") && err.contains(&number(99)), "{err}");
    assert!(
        err.contains(&format!("事業所 {} の履歴が抜けています", number(1))),
        "{err}"
    );
    assert!(err.contains(&number(2)) && err.contains("記録の版 7"), "{err}");

    // The office whose record is newer is told what it is, not "something
    // went wrong"; the others go on.
    let app = App::open(Config::default(), &data).unwrap();
    let r = app.handle("ch-2", &staff(), &parse_line("/next").unwrap(), 1_795_448_000, Lang::Ja);
    let said = format!("{r:?}");
    assert!(said.contains("store-newer-record"), "{said}");
    let r = app.handle("ch-3", &staff(), &parse_line("/next").unwrap(), 1_795_448_000, Lang::Ja);
    assert_ne!(r.tone, Tone::Error);
}

/// A backup of one registered office, as `export` writes it.
fn one_office_backup(tmp: &Path, config: &Path) -> serde_json::Value {
    let data = tmp.join("src");
    registered(&data, 1);
    serde_json::from_slice(&run(config, &data, &["export"]).stdout).unwrap()
}

/// A change made to a backup by hand.
type Edit = Box<dyn Fn(&mut serde_json::Value)>;

#[test]
fn restore_refuses_crafted_backups() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("bot.toml");
    std::fs::write(&config, "[bot]\n").unwrap();
    let good = one_office_backup(tmp.path(), &config);
    let n = number(0);
    let cases: Vec<(&str, Edit)> = vec![
        (
            "a revision that would wrap",
            Box::new(|d| d["offices"][0]["revision"] = u64::MAX.into()),
        ),
        (
            "a name with an escape sequence",
            Box::new(|d| d["offices"][0]["name"] = "\u{1b}]8;;http://x\u{7}a".into()),
        ),
        (
            "a name of 5,000 characters",
            Box::new(|d| d["offices"][0]["name"] = "あ".repeat(5000).into()),
        ),
        (
            "an office whose channel is not bound",
            Box::new(|d| d["offices"][0]["channel"] = "elsewhere".into()),
        ),
        (
            "a history with a gap",
            Box::new(move |d| {
                let h = d["history"][&n].as_array_mut().unwrap();
                h.remove(0);
            }),
        ),
        (
            "a time out of range",
            Box::new(|d| d["offices"][0]["updated_at"] = i64::MAX.into()),
        ),
    ];
    for (what, edit) in cases {
        let mut d = good.clone();
        edit(&mut d);
        let file = tmp.path().join("crafted.json");
        std::fs::write(&file, serde_json::to_vec(&d).unwrap()).unwrap();
        let data = tmp.path().join("dst");
        let out = run(&config, &data, &["import", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{what}: {}", text(&out.stdout));
        let shown = run(&config, &data, &["summary", "--format", "json"]);
        if shown.status.success() {
            let s: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
            assert_eq!(s["total"], 0, "{what}: something was restored");
        }
        let _ = std::fs::remove_dir_all(&data);
    }
    // The untouched backup restores.
    let file = tmp.path().join("good.json");
    std::fs::write(&file, serde_json::to_vec(&good).unwrap()).unwrap();
    let out = run(&config, &tmp.path().join("ok"), &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn undo_reads_a_bounded_window_of_history() {
    let tmp = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), tmp.path()).unwrap();
    let s = staff();
    let line = format!("/register number:{} name:長い履歴", number(0));
    app.handle("c", &s, &parse_line(&line).unwrap(), 1_795_447_800, Lang::Ja);
    // Many more events than the window: done and undo, over and over.
    for i in 0..(UNDO_WINDOW as i64) {
        app.handle("c", &s, &parse_line("/done").unwrap(), 1_795_447_900 + 2 * i, Lang::Ja);
        app.handle("c", &s, &parse_line("/undo").unwrap(), 1_795_447_901 + 2 * i, Lang::Ja);
    }
    let n = seikyu_navi::office_number::OfficeNumber::parse(&number(0))
        .unwrap()
        .number;
    assert!(app.store().history(&n).unwrap().len() > UNDO_WINDOW * 2);
    let tail = app.store().history_tail(&n, UNDO_WINDOW).unwrap();
    assert_eq!(tail.len(), UNDO_WINDOW);
    assert_eq!(
        tail.last().unwrap().seq,
        app.store().office(&n).unwrap().unwrap().revision
    );
    assert!(
        tail.windows(2).all(|w| w[0].seq + 1 == w[1].seq),
        "oldest first, contiguous"
    );
    // Undo still finds the latest change.
    app.handle("c", &s, &parse_line("/done").unwrap(), 1_795_460_000, Lang::Ja);
    let r = app.handle("c", &s, &parse_line("/undo").unwrap(), 1_795_460_001, Lang::Ja);
    assert!(format!("{r:?}").contains("undo-task"), "{r:?}");
}

#[test]
fn a_backup_of_the_running_bot_restores() {
    let tmp = tempfile::tempdir().unwrap();
    let backups = tmp.path().join("backups");
    let config = tmp.path().join("bot.toml");
    std::fs::write(
        &config,
        format!("[bot]\n\n[backup]\ndir = \"{}\"\nkeep = 2\n", backups.display()),
    )
    .unwrap();
    let data = tmp.path().join("data");
    let mut script = String::new();
    for i in 0..3 {
        script.push_str(&format!("/register number:{} name:運用中{i}\n/done\n", number(i)));
    }
    script.push_str("/backup\n/backup\n/backup\n");
    let mut child = cmd(&config, &data, &["console", "--staff"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let said = text(&out.stdout);
    assert!(said.contains("バックアップを書き出しました"), "{said}");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    // Three backups in the same second share a name; at most two are kept.
    assert!((1..=2).contains(&files.len()), "{files:?}");
    let restored = tmp.path().join("restored");
    let out = run(&config, &restored, &["import", files.last().unwrap().to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(signature(&config, &restored), signature(&config, &data));
    // Without a backup directory, /backup says how to set one.
    let plain = tmp.path().join("plain.toml");
    std::fs::write(&plain, "[bot]\n").unwrap();
    let mut child = cmd(&plain, &tmp.path().join("d2"), &["console", "--staff"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"/backup\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(text(&out.stdout).contains("[backup]"), "{}", text(&out.stdout));
}

/// Every acknowledged change is fdatasync'ed before the reply is written:
/// seen in the system calls (needs `strace`; CI installs it and sets
/// `REQUIRE_STRACE=1`).
#[test]
fn the_flush_before_a_reply_reaches_the_disk() {
    let have = Command::new("strace")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        assert!(std::env::var_os("REQUIRE_STRACE").is_none(), "strace is required here");
        eprintln!("strace not installed: skipping the system-call check");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("bot.toml");
    std::fs::write(&config, "[bot]\n").unwrap();
    let data = tmp.path().join("data");
    let trace = tmp.path().join("trace");
    let mut child = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=fdatasync,fsync,write", "-o"])
        .arg(&trace)
        .arg(BIN)
        .arg("--config")
        .arg(&config)
        .arg("--data")
        .arg(&data)
        .args(["console", "--channel", "c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let line = format!("/register number:{} name:同期\n/done\n", number(0));
    child.stdin.take().unwrap().write_all(line.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(text(&out.stdout).contains("☑"), "{}", text(&out.stdout));
    let calls = std::fs::read_to_string(&trace).unwrap();
    // The reply to /done is the write to stdout that contains ☑; before it,
    // after the reply to /register, an fdatasync.
    let lines: Vec<&str> = calls.lines().collect();
    let ack = lines
        .iter()
        .position(|l| l.contains("write(1,") && l.contains("\\342\\230\\221"))
        .unwrap_or_else(|| panic!("no acknowledgement written:\n{calls}"));
    let previous_reply = lines[..ack].iter().rposition(|l| l.contains("write(1,")).unwrap_or(0);
    assert!(
        lines[previous_reply..ack]
            .iter()
            .any(|l| l.contains("fdatasync(") || l.contains("fsync(")),
        "no fsync between the two replies:\n{}",
        lines[previous_reply..=ack].join("\n")
    );
}

/// A small tmpfs mounted for one test (needs root, as CI has); unmounted
/// when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(at: &Path, size: &str) -> Option<SmallDisk> {
        std::fs::create_dir_all(at).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| SmallDisk(at.to_path_buf()))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn an_import_that_fills_the_disk_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(&tmp.path().join("disk"), "6m") else {
        assert!(
            std::env::var_os("REQUIRE_MOUNT").is_none(),
            "mounting a tmpfs is required here"
        );
        eprintln!("cannot mount a tmpfs here (not root): skipping the full-disk import");
        return;
    };
    let config = tmp.path().join("bot.toml");
    std::fs::write(&config, "[bot]\n").unwrap();
    let (small, big) = (tmp.path().join("small.csv"), tmp.path().join("big.csv"));
    std::fs::write(&small, roster(0..300, "あ")).unwrap();
    std::fs::write(&big, roster(0..20_000, "い")).unwrap();
    let data = disk.0.join("data");
    assert!(run(&config, &data, &["import", small.to_str().unwrap()])
        .status
        .success());
    let before = signature(&config, &data);
    let out = run(&config, &data, &["import", big.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("ディスクの空きが足りない"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(signature(&config, &data), before, "a failed import wrote nothing");
    assert_eq!(
        std::fs::read_dir(&disk.0).unwrap().count(),
        1,
        "no working directory left"
    );
    let check = run(&config, &data, &["check"]);
    assert!(
        check.status.success() && text(&check.stdout).contains("small.csv"),
        "{}",
        text(&check.stdout)
    );
}
