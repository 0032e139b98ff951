//! The fixed clock, the actors, office numbers, and running a console line
//! through `App`.

use std::path::Path;

use seikyu_navi::app::App;
use seikyu_navi::command::{parse_line, Input};
use seikyu_navi::config::{Config, ContactConfig};
use seikyu_navi::content::Lang;
use seikyu_navi::model::{Actor, Office};
use seikyu_navi::office_number::{check_digit, OfficeNumber};
use seikyu_navi::playbook::Mode;
use seikyu_navi::reply::{Reply, Tone};

use super::reply::{error_id, ids};

/// 2026-11-24 00:30 JST: "now" for every test with a fixed clock.
pub const T0: i64 = 1_795_447_800;
pub const DAY: i64 = 86_400;
/// あおば介護's number (Tokyo; the check digit is right).
pub const AOBA: &str = "1370100016";
/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_seikyu-navi");

/// A valid office number from its first nine characters.
pub fn number(first9: &str) -> String {
    format!("{first9}{}", check_digit(first9).unwrap())
}

/// A valid office number, parsed.
pub fn office_number(s: &str) -> OfficeNumber {
    OfficeNumber::parse(s).unwrap_or_else(|e| panic!("{s}: {e:?}")).number
}

/// An office record as the store would hold it, registered at [`T0`] with
/// nothing done (for routing and cards without an `App`).
pub fn office_record(number: &str, mode: Mode, software: Option<&str>) -> Office {
    Office {
        v: seikyu_navi::model::RECORD_VERSION,
        number: office_number(number),
        name: "テスト事業所".into(),
        mode,
        software: software.map(str::to_string),
        channel: None,
        registered_at: T0,
        updated_at: T0,
        revision: 0,
        done: Default::default(),
        certificate: None,
        archived: None,
        agent: None,
    }
}

/// A `bot.toml` contact with a name and a phone number.
pub fn contact_config(name: &str, tel: &str) -> ContactConfig {
    ContactConfig {
        name: name.into(),
        tel: Some(tel.into()),
        fax: None,
        email: None,
        url: None,
        note: None,
    }
}

/// An office's user on Discord (rate-limited like any member).
pub fn user() -> Actor {
    Actor {
        id: "u1".into(),
        name: "山田".into(),
        staff: false,
        local: false,
    }
}

/// Another office user, told apart by name (id `id-{name}`).
pub fn user_named(name: &str) -> Actor {
    Actor {
        id: format!("id-{name}"),
        name: name.into(),
        ..user()
    }
}

/// An office's user at the console (local users are not rate-limited).
pub fn local_user() -> Actor {
    Actor { local: true, ..user() }
}

/// A support staff member on Discord.
pub fn staff() -> Actor {
    Actor {
        id: "s1".into(),
        name: "サポート".into(),
        staff: true,
        local: false,
    }
}

/// The app with the default config on a data directory.
pub fn open(dir: &Path) -> App {
    App::open(Config::default(), dir).expect("app opens")
}

/// A console line as a command (or a question); panics if it does not parse.
pub fn input(line: &str) -> Input {
    parse_line(line).unwrap_or_else(|e| panic!("{line}: {e}"))
}

/// `line` sent by `actor` in `channel` at `now`, answered in Japanese.
pub fn run(app: &App, channel: &str, actor: &Actor, line: &str, now: i64) -> Reply {
    app.handle(channel, actor, &input(line), now, Lang::Ja)
}

/// [`run`] for a line that must succeed: no error tone, no error block.
pub fn run_ok(app: &App, channel: &str, actor: &Actor, line: &str, now: i64) -> Reply {
    let r = run(app, channel, actor, line, now);
    assert!(
        r.tone != Tone::Error && error_id(&r).is_none(),
        "{line}: error reply {:?}",
        ids(&r)
    );
    r
}

/// The binary with a configuration file and a data directory, ready for its
/// subcommand; no token, no log filter, stdin closed unless replaced.
pub fn cli(config: &Path, data: &Path, args: &[&str]) -> std::process::Command {
    let mut c = std::process::Command::new(BIN);
    c.arg("--config")
        .arg(config)
        .arg("--data")
        .arg(data)
        .args(args)
        .env_remove("DISCORD_TOKEN")
        .env_remove("RUST_LOG")
        .stdin(std::process::Stdio::null());
    c
}

/// Runs the binary with `stdin` piped in and waits for it. A binary that
/// refuses to start before reading its input is not an error here.
pub fn cli_output(config: &Path, data: &Path, args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = cli(config, data, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    match child.stdin.take().expect("stdin").write_all(stdin) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.expect("stdin written"),
    }
    child.wait_with_output().expect("the binary ends")
}
