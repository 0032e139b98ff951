//! Starts the binary again and again on one data directory, feeds it
//! commands, kills it with SIGKILL at varying moments and checks that every
//! change whose reply was printed is still there and the database opens.
//!
//! The random choices come from a seed taken from the clock, printed at the
//! start and named in every failure; `CRASH_SEED=N cargo test crash` replays
//! the same commands and kill points (the kill timing itself stays real).

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use seikyu_navi::app::App;
use seikyu_navi::config::Config;
use seikyu_navi::model::Action;

use crate::support::{number, office_number, BIN};

const ROUNDS: usize = 10;

/// Office `i`'s number.
fn nth(i: usize) -> String {
    number(&format!("27{:07}", 5000 + i))
}

/// A small deterministic generator (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn sigkill_never_loses_an_acknowledged_change() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("bot.toml");
    std::fs::write(&cfg, "[bot]\n").unwrap();
    let data = dir.path().join("data");
    let seed: u64 = match std::env::var("CRASH_SEED") {
        Ok(s) => s.trim().parse().unwrap_or_else(|e| panic!("CRASH_SEED={s:?}: {e}")),
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64,
    };
    eprintln!("crash test: CRASH_SEED={seed}");
    let mut rng = Lcg(seed);
    // acked[i] = number of /done replies printed for office i.
    let mut acked = [0usize; ROUNDS];
    for (round, acked) in acked.iter_mut().enumerate() {
        let mut child = Command::new(BIN)
            .arg("--config")
            .arg(&cfg)
            .arg("--data")
            .arg(&data)
            .args(["console", "--channel", &format!("c{round}")])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("CRASH_SEED={seed}: the binary starts: {e}"));
        let mut stdin = child.stdin.take().unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let read_reply = |out: &mut BufReader<_>| -> String {
            let mut reply = String::new();
            loop {
                let mut line = String::new();
                let n = out
                    .read_line(&mut line)
                    .unwrap_or_else(|e| panic!("CRASH_SEED={seed}: reading the console: {e}"));
                if n == 0 {
                    panic!("CRASH_SEED={seed}: the console ended early: {reply}");
                }
                if line == "\n" {
                    return reply;
                }
                reply.push_str(&line);
            }
        };
        writeln!(stdin, "/register number:{} name:office{round}", nth(round))
            .unwrap_or_else(|e| panic!("CRASH_SEED={seed}: writing to the console: {e}"));
        let r = read_reply(&mut out);
        assert!(r.contains(&nth(round)), "CRASH_SEED={seed}: round {round}: {r}");
        let dones = 1 + rng.next(9) as usize;
        for _ in 0..dones {
            writeln!(stdin, "/done").unwrap_or_else(|e| panic!("CRASH_SEED={seed}: writing to the console: {e}"));
            let r = read_reply(&mut out);
            if r.contains("☑") {
                *acked += 1;
            }
        }
        // Sometimes kill with one more command in flight, unacknowledged.
        if rng.next(2) == 0 {
            writeln!(stdin, "/done").unwrap_or_else(|e| panic!("CRASH_SEED={seed}: writing to the console: {e}"));
            std::thread::sleep(std::time::Duration::from_micros(rng.next(3000)));
        }
        child
            .kill()
            .unwrap_or_else(|e| panic!("CRASH_SEED={seed}: SIGKILL: {e}"));
        child.wait().unwrap_or_else(|e| panic!("CRASH_SEED={seed}: wait: {e}"));
    }
    let app = App::open(Config::default(), &data)
        .unwrap_or_else(|e| panic!("CRASH_SEED={seed}: the database opens after SIGKILL: {e}"));
    for (i, acked) in acked.iter().enumerate() {
        let n = office_number(&nth(i));
        let office = app
            .store()
            .office(&n)
            .unwrap_or_else(|e| panic!("CRASH_SEED={seed}: office {i} readable: {e}"))
            .unwrap_or_else(|| panic!("CRASH_SEED={seed}: office {i}: every acknowledged registration is present"));
        let history = app
            .store()
            .history(&n)
            .unwrap_or_else(|e| panic!("CRASH_SEED={seed}: office {i}: history readable: {e}"));
        let dones = history
            .iter()
            .filter(|e| matches!(e.action, Action::TaskDone { .. }))
            .count();
        assert!(
            dones >= *acked,
            "CRASH_SEED={seed}: office {i}: {dones} stored < {acked} acknowledged"
        );
        assert!(
            dones <= acked + 1,
            "CRASH_SEED={seed}: office {i}: at most the one unacknowledged command"
        );
        assert_eq!(
            office.done.len(),
            dones,
            "CRASH_SEED={seed}: office {i}: state matches history"
        );
        assert_eq!(
            office.revision as usize,
            history.len(),
            "CRASH_SEED={seed}: office {i}: revision = history length"
        );
    }
}
