//! `check`: validates `bot.toml` (already read by now), the locales (built in,
//! and the files on disk when present) and the data directory.

use std::path::Path;

use super::{shown, CliError, Env};
use crate::app::{App, StartError};
use crate::content::{self, Content};
use crate::faq::FaqIndex;
use crate::reply::Msg;
use crate::store::{swap, StoreError};

pub(super) fn run(env: &Env) -> Result<(), CliError> {
    let mut problems: Vec<String> = Vec::new();
    let say = |id: &str, detail: String| println!("{}", env.text(&Msg::new(id).str("detail", detail)));
    say("check-config", shown(&env.config_path));
    // Locales: the compiled-in set, and the files on disk when present (so
    // edits are checked before a rebuild).
    let mut sets = vec![("(built in)".to_string(), Content::embedded())];
    let dir = Path::new("locales");
    if dir.is_dir() {
        sets.push((shown(dir), Content::from_dir(dir)));
    }
    for (name, set) in sets {
        match set {
            Ok(c) => {
                if let Err(e) = FaqIndex::build(&c) {
                    problems.push(e.to_string());
                }
                for m in content::missing_ids(&c) {
                    problems.push(format!("{name}: {m}"));
                }
                say("check-locales", name);
            }
            Err(e) => problems.push(e.to_string()),
        }
    }
    let empty = std::fs::read_dir(&env.data_dir).is_ok_and(|mut e| e.next().is_none());
    match App::open_existing(env.config.clone(), &env.data_dir) {
        // An empty directory is where the bot will create its data.
        Err(StartError::Store(StoreError::Missing { .. })) if empty => say("check-data-empty", shown(&env.data_dir)),
        Ok(app) => {
            say(
                "check-data",
                format!("{} ({})", shown(&env.data_dir), app.office_count()),
            );
            for kind in ["import", "restore"] {
                if let Some(what) = app.last_operation(kind) {
                    say(&format!("check-last-{kind}"), what);
                }
            }
            match app.verify() {
                Ok(report) => {
                    problems.extend(report.problems.iter().map(|m| env.text(m)));
                    if report.more > 0 {
                        problems.push(env.text(&Msg::new("verify-more").num("count", report.more as i64)));
                    }
                    if report.problems.is_empty() {
                        let msg = Msg::new("check-records")
                            .num("offices", report.offices as i64)
                            .num("events", report.events as i64)
                            .num("agents", report.agents as i64)
                            .num("handoffs", report.handoffs as i64)
                            .num("taught", report.taught as i64);
                        println!("{}", env.text(&msg));
                    }
                }
                Err(e) => problems.push(env.text(&e.msg())),
            }
        }
        Err(StartError::Store(e)) => problems.push(env.text(&e.msg())),
        Err(e) => problems.push(e.to_string()),
    }
    if let Some(staging) = swap::leftover(&env.data_dir) {
        say("check-interrupted", shown(&staging));
    }
    if problems.is_empty() {
        println!("{}", env.text(&Msg::new("check-ok")));
        return Ok(());
    }
    for p in &problems {
        eprintln!("{}", env.text(&Msg::new("check-problem").str("detail", p)));
    }
    Err(CliError::Reported(1))
}
