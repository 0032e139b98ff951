//! `import PATH`: a roster (CSV) is imported; an export (JSON) is restored
//! into an empty data directory. Progress bars on a terminal only.

use std::io::{IsTerminal, Read, Write};
use std::path::Path;

use super::{now, shown, CliError, Env};
use crate::app::{App, ImportError, ImportStage};
use crate::reply::Msg;
use crate::roster;
use crate::store::swap::{self, Start};
use crate::store::RestoreError;

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

/// The most read from a pipe or a device (a regular file is read as it is):
/// more than a backup of every care office in Japan.
const MAX_STREAM: u64 = 512 * 1024 * 1024;

/// The file to import: a regular file is streamed from disk; anything else
/// (a pipe, `/dev/stdin`, a device) is read once into memory, at most
/// [`MAX_STREAM`] bytes.
enum Input {
    File,
    Bytes(Vec<u8>),
}

fn read_input(path: &Path) -> Result<Input, CliError> {
    let read_error = |e: std::io::Error| CliError::Failed {
        id: "roster-error-read",
        detail: format!("{}: {e}", shown(path)),
        code: 1,
    };
    let meta = std::fs::metadata(path).map_err(read_error)?;
    if meta.is_file() {
        return Ok(Input::File);
    }
    if meta.is_dir() {
        return Err(read_error(std::io::Error::other("is a directory")));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_STREAM + 1).read_to_end(&mut bytes))
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_STREAM {
        return Err(CliError::Failed {
            id: "roster-error-too-large",
            detail: (MAX_STREAM / (1024 * 1024)).to_string(),
            code: 1,
        });
    }
    Ok(Input::Bytes(bytes))
}

/// A short fingerprint of the imported bytes (FNV-1a, 64 bits), recorded
/// with the import so `check` can say which file built the directory.
fn fingerprint(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// When and what: the line `check` shows for the last import or restore.
fn operation(path: &Path, bytes: &[u8]) -> String {
    let at = time::OffsetDateTime::from_unix_timestamp(now())
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default();
    format!(
        "{at} {} ({} bytes, fnv {})",
        shown(path),
        bytes.len(),
        fingerprint(bytes)
    )
}

pub(super) fn run(env: &Env, path: &Path) -> Result<(), CliError> {
    let input = read_input(path)?;
    let bytes = match input {
        Input::Bytes(b) => b,
        Input::File => {
            let mut head = [0u8; 4096];
            let n = std::fs::File::open(path)
                .and_then(|mut f| f.read(&mut head))
                .map_err(|e| CliError::Failed {
                    id: "roster-error-read",
                    detail: format!("{}: {e}", shown(path)),
                    code: 1,
                })?;
            if is_json(&head[..n]) {
                return restore(env, path, None);
            }
            std::fs::read(path).map_err(|e| CliError::Failed {
                id: "roster-error-read",
                detail: format!("{}: {e}", shown(path)),
                code: 1,
            })?
        }
    };
    if is_json(&bytes[..bytes.len().min(4096)]) {
        return restore(env, path, Some(bytes));
    }
    let parsed = roster::parse(&bytes).map_err(CliError::Roster)?;
    let what = operation(path, &bytes);
    drop(bytes);
    let bar = progress_bar(parsed.rows.len() as u64, "{msg} [{bar:30}] {pos}/{len} ({eta})");
    let check_msg = env.text(&Msg::new("roster-progress-check"));
    let write_msg = env.text(&Msg::new("roster-progress-write"));
    // Built beside the data directory and swapped in whole: a crash leaves
    // the old roster or the new one, never a part.
    let res: Result<_, CliError> = swap::replace(
        &env.data_dir,
        Start::Copy,
        |_| Ok(()),
        |staging| {
            let app = App::open(env.config.clone(), staging)?;
            let agents_before = app.agent_count();
            let report = app
                .import_roster(&parsed.rows, now(), &mut |stage, done, _| {
                    bar.set_message(match stage {
                        ImportStage::Checking => check_msg.clone(),
                        ImportStage::Writing => write_msg.clone(),
                    });
                    bar.set_position(done as u64);
                })
                .map_err(|e| match e {
                    ImportError::Rows(errors) => CliError::Roster(errors),
                    ImportError::Store(e) => CliError::Store(e),
                })?;
            app.set_last_operation("import", &what)?;
            Ok((report, app.agent_count().saturating_sub(agents_before)))
        },
    );
    bar.finish_and_clear();
    let (report, agents_created) = res?;
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
    if agents_created > 0 {
        let agents = Msg::new("roster-agents-created").num("count", agents_created as i64);
        println!("{}", env.text(&agents));
    }
    Ok(())
}

/// `import FILE.json`: restores an export into an empty data directory,
/// built beside it and swapped in whole. `bytes`: the file, when it was
/// read into memory (a pipe).
fn restore(env: &Env, path: &Path, bytes: Option<Vec<u8>>) -> Result<(), CliError> {
    let size = bytes.as_ref().map_or_else(
        || std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        |b| b.len() as u64,
    );
    let bar = progress_bar(size, "{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})");
    let mut pass = 0;
    let mut open = || -> std::io::Result<Box<dyn Read + '_>> {
        pass += 1;
        let id = if pass == 1 {
            "roster-progress-restore-check"
        } else {
            "roster-progress-restore-write"
        };
        bar.set_message(env.text(&Msg::new(id)));
        bar.set_position(0);
        Ok(match &bytes {
            Some(b) => Box::new(bar.wrap_read(&b[..])),
            None => Box::new(std::io::BufReader::with_capacity(
                1 << 16,
                bar.wrap_read(std::fs::File::open(path)?),
            )),
        })
    };
    let what = match &bytes {
        Some(b) => operation(path, b),
        None => format!("{} ({size} bytes)", shown(path)),
    };
    let res: Result<_, CliError> = swap::replace(
        &env.data_dir,
        Start::Empty,
        |current| {
            if current.has_data() {
                return Err(CliError::Restore(RestoreError::NotEmpty {
                    offices: current.office_count(),
                }));
            }
            Ok(())
        },
        |staging| {
            let app = App::open(env.config.clone(), staging)?;
            let counts = app.restore_json(&mut open)?;
            app.set_last_operation("restore", &what)?;
            Ok(counts)
        },
    );
    bar.finish_and_clear();
    let c = res?;
    let msg = Msg::new("roster-restored")
        .num("offices", c.offices as i64)
        .num("channels", c.channels as i64)
        .num("history", c.history as i64)
        .num("unanswered", c.unanswered as i64)
        .num("reminders", c.reminders as i64)
        .num("handoffs", c.handoffs as i64)
        .num("taught", c.taught as i64);
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
