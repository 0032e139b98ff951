//! `export [--output FILE]`: the whole data directory as JSON. A file is
//! written beside its final name first, fsynced and renamed, so a failed
//! export leaves no half file.

use std::path::Path;

use super::{shown, CliError, Env};
use crate::reply::Msg;

pub(super) fn run(env: &Env, output: Option<&Path>) -> Result<(), CliError> {
    let app = env.open_existing()?;
    let res = match output {
        None => app
            .export_json(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()))
            .map(|()| None)
            .map_err(crate::app::ExportError::from),
        Some(path) => app.export_file(path).map(Some),
    };
    match res {
        Ok(None) => Ok(()),
        Ok(Some(offices)) => {
            let msg = Msg::new("export-done")
                .num("offices", offices as i64)
                .str("path", shown(output.unwrap_or(Path::new(""))));
            println!("{}", env.text(&msg));
            Ok(())
        }
        // A reader that stopped early (`export | head`) is not an error here.
        Err(e) if e.io_kind() == Some(std::io::ErrorKind::BrokenPipe) => Ok(()),
        Err(crate::app::ExportError::Store(e)) => Err(CliError::Store(e)),
        Err(e) => Err(match (output, e) {
            (Some(path), crate::app::ExportError::Io(io)) => {
                CliError::failed("export-error", format!("{}: {io}", shown(path)))
            }
            (_, e) => CliError::failed("export-error", e),
        }),
    }
}
