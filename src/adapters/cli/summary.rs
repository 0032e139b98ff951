//! `summary`: the progress of every office, as text, CSV or JSON on stdout.

use std::io::Write;

use super::{now, CliError, Env, Format};
use crate::adapters::render::plain_text;
use crate::staff;

pub(super) fn run(env: &Env, format: Format) -> Result<(), CliError> {
    let app = env.open_existing()?;
    let s = app.summary_streamed(now())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &s).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        Format::Csv => staff::write_summary_csv(&mut out, &s)?,
        Format::Text => writeln!(
            out,
            "{}",
            plain_text(&env.content, env.lang, &staff::summary_first_page(&s))
        )?,
    }
    Ok(out.flush()?)
}
