//! `check`: validates `bot.toml` (already read by now), the locales (built in,
//! and the files on disk when present) and the data directory.

use std::path::Path;

use super::{shown, CliError, Env};
use crate::app::App;
use crate::content::{self, Content};
use crate::faq::FaqIndex;
use crate::reply::Msg;

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
    match App::open(env.config.clone(), &env.data_dir) {
        Ok(app) => say(
            "check-data",
            format!("{} ({})", shown(&env.data_dir), app.office_count()),
        ),
        Err(e) => problems.push(e.to_string()),
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
