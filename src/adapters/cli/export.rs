//! `export [--output FILE]`: the whole data directory as JSON. A file is
//! written beside its final name first, so a failed export leaves no half file.

use std::path::{Path, PathBuf};

use super::{shown, CliError, Env};
use crate::reply::Msg;

pub(super) fn run(env: &Env, output: Option<&Path>) -> Result<(), CliError> {
    let app = env.open_app()?;
    let res = match output {
        None => app.export_json(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock())),
        Some(path) => {
            let mut tmp = path.as_os_str().to_owned();
            tmp.push(".tmp");
            let tmp = PathBuf::from(tmp);
            let in_file = |e: std::io::Error| {
                serde_json::Error::io(std::io::Error::new(e.kind(), format!("{}: {e}", shown(path))))
            };
            let written = std::fs::File::create(&tmp)
                .map_err(in_file)
                .and_then(|f| app.export_json(std::io::BufWriter::with_capacity(1 << 16, f)))
                .and_then(|()| std::fs::rename(&tmp, path).map_err(in_file));
            if written.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
            written
        }
    };
    match res {
        Ok(()) => {
            if let Some(path) = output {
                let msg = Msg::new("export-done")
                    .num("offices", app.office_count() as i64)
                    .str("path", shown(path));
                println!("{}", env.text(&msg));
            }
            Ok(())
        }
        // A reader that stopped early (`export | head`) is not an error here.
        Err(e) if e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe) => Ok(()),
        Err(e) => Err(CliError::failed("export-error", e)),
    }
}
