//! `import PATH`: a roster (CSV) is imported; an export (JSON) is restored
//! into an empty data directory. Progress bars on a terminal only.

use std::io::{IsTerminal, Read, Write};
use std::path::Path;

use super::{now, shown, CliError, Env};
use crate::app::{ImportError, ImportStage};
use crate::reply::Msg;
use crate::roster;

/// Whether the bytes look like a JSON dump (`export`) rather than a CSV
/// roster: the first character after a BOM and whitespace is `{`.
fn is_json(head: &[u8]) -> bool {
    let text = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    text.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{')
}

/// A progress bar on stderr when it is a terminal; hidden on a pipe.
fn progress_bar(len: u64, template: &str) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(Some(len), indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

pub(super) fn run(env: &Env, path: &Path) -> Result<(), CliError> {
    let read_error = |e: std::io::Error| CliError::Failed {
        id: "roster-error-read",
        detail: format!("{}: {e}", shown(path)),
        code: 1,
    };
    let mut head = [0u8; 4096];
    let head_len = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(read_error)?;
    if is_json(&head[..head_len]) {
        return restore(env, path);
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    let parsed = roster::parse(&bytes).map_err(CliError::Roster)?;
    drop(bytes);
    let app = env.open_app()?;
    let bar = progress_bar(parsed.rows.len() as u64, "{msg} [{bar:30}] {pos}/{len} ({eta})");
    let check_msg = env.text(&Msg::new("roster-progress-check"));
    let write_msg = env.text(&Msg::new("roster-progress-write"));
    let res = app.import_roster(&parsed.rows, now(), &mut |stage, done, _| {
        bar.set_message(match stage {
            ImportStage::Checking => check_msg.clone(),
            ImportStage::Writing => write_msg.clone(),
        });
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    let report = res.map_err(|e| match e {
        ImportError::Rows(errors) => CliError::Roster(errors),
        ImportError::Store(e) => CliError::failed("roster-error-store", e),
    })?;
    if !parsed.warnings.is_empty() {
        const SHOWN: usize = 50;
        let mut err = std::io::BufWriter::new(std::io::stderr().lock());
        for w in parsed.warnings.iter().take(SHOWN) {
            let _ = writeln!(err, "{}", env.text(&w.msg()));
        }
        let count = Msg::new("roster-check-digit-count").num("count", parsed.warnings.len() as i64);
        let _ = writeln!(err, "{}", env.text(&count));
    }
    let done = Msg::new("roster-imported")
        .num("total", report.total() as i64)
        .num("created", report.created as i64)
        .num("updated", report.updated as i64)
        .num("unchanged", report.unchanged as i64);
    println!("{}", env.text(&done));
    Ok(())
}

/// `import FILE.json`: restores an export into an empty data directory.
fn restore(env: &Env, path: &Path) -> Result<(), CliError> {
    let app = env.open_app()?;
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let bar = progress_bar(size, "{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})");
    let mut pass = 0;
    let res = app.restore_json(|| {
        pass += 1;
        let id = if pass == 1 {
            "roster-progress-restore-check"
        } else {
            "roster-progress-restore-write"
        };
        bar.set_message(env.text(&Msg::new(id)));
        bar.set_position(0);
        let file = std::fs::File::open(path)?;
        Ok(std::io::BufReader::with_capacity(1 << 16, bar.wrap_read(file)))
    });
    bar.finish_and_clear();
    let c = res.map_err(CliError::Restore)?;
    let msg = Msg::new("roster-restored")
        .num("offices", c.offices as i64)
        .num("channels", c.channels as i64)
        .num("history", c.history as i64)
        .num("unanswered", c.unanswered as i64)
        .num("reminders", c.reminders as i64);
    println!("{}", env.text(&msg));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::is_json;

    #[test]
    fn json_or_csv() {
        assert!(is_json(b"{\"schema\":1}"));
        assert!(is_json(b"\xEF\xBB\xBF \n {\"schema\":1}"));
        assert!(!is_json(b"number,name"));
        assert!(!is_json(b""));
    }
}
