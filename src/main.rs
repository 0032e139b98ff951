//! The `seikyu-navi` binary: the CLI contracts of DESIGN.md.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use seikyu_navi::app::{App, Knowledge};
use seikyu_navi::config::Config;
use seikyu_navi::console::{self, ConsoleOpts};
use seikyu_navi::content::{Content, Lang};
use seikyu_navi::office_number::OfficeNumber;
use seikyu_navi::reply::Msg;
use seikyu_navi::store::Store;
use seikyu_navi::{staff, text};

#[derive(Parser, Debug)]
#[command(
    name = "seikyu-navi",
    version,
    about = "Walks care offices through starting internet billing (the help shown is localized from locales/)"
)]
struct Cli {
    /// Configuration file.
    #[arg(long, global = true, default_value = "bot.toml")]
    config: PathBuf,
    /// Data directory (overrides bot.data_dir).
    #[arg(long, global = true)]
    data: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Discord when DISCORD_TOKEN is set, otherwise the console chat (the default).
    Run,
    /// Chat from the terminal: slash commands or questions, one per line.
    Console {
        #[arg(long, default_value = "console")]
        channel: String,
        #[arg(long, default_value = "console")]
        user: String,
        /// Act as staff.
        #[arg(long)]
        staff: bool,
        #[arg(long)]
        lang: Option<Lang>,
    },
    /// Look one question up in the FAQ.
    Ask {
        #[arg(long)]
        lang: Option<Lang>,
        /// Route the contact for this registered office.
        #[arg(long)]
        office: Option<String>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
        #[arg(required = true, num_args = 1..)]
        question: Vec<String>,
    },
    /// Progress of every office.
    Summary {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Validate bot.toml, the locales and the data directory.
    Check,
    /// Import a roster (CSV: number,name,mode,software,channel), or restore
    /// an export (JSON) into an empty data directory.
    Import { path: PathBuf },
    /// Write the whole data directory as JSON (to stdout, or to --output FILE).
    Export {
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Csv,
    Json,
}

/// The language of the operator's terminal (`LC_ALL`, `LC_MESSAGES`, `LANG`),
/// for the CLI's help; Japanese unless it says English.
fn system_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .next()
        .and_then(|v| Lang::from_locale(&v.split('.').next().unwrap_or_default().replace('_', "-")))
        .unwrap_or_default()
}

/// The CLI with its help texts from the locales (`cli-*` messages).
fn localized_cli(content: &Content, lang: Lang) -> clap::Command {
    let t = |id: &str| content.text(lang, &Msg::new(id));
    let localize_args = |mut c: clap::Command| {
        let ids: Vec<String> = c.get_arguments().map(|a| a.get_id().to_string()).collect();
        for id in ids.iter().filter(|id| content.has(lang, &format!("cli-arg-{id}"))) {
            c = c.mut_arg(id, |a| a.help(t(&format!("cli-arg-{id}"))));
        }
        c
    };
    let mut cmd = localize_args(Cli::command().about(t("cli-about")));
    let names: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for name in names {
        let about = t(&format!("cli-{name}"));
        cmd = cmd.mut_subcommand(&name, |c| localize_args(c.about(about)));
    }
    cmd
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// A localized error line on stderr, exit code 2.
fn fail(content: Option<&Content>, lang: Lang, id: &str, detail: &str) -> ExitCode {
    let line = match content {
        Some(c) => c.text(lang, &Msg::new(id).str("detail", detail)),
        None => detail.to_string(),
    };
    eprintln!("{line}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()))
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let content = match Content::embedded() {
        Ok(c) => c,
        Err(e) => return fail(None, Lang::Ja, "", &e.to_string()),
    };
    let matches = localized_cli(&content, system_lang()).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let must_exist = cli.config != std::path::Path::new("bot.toml");
    let config = match Config::load(&cli.config, must_exist) {
        Ok(c) => c,
        Err(e) => return fail(Some(&content), Lang::Ja, "error-config", &e.to_string()),
    };
    let lang = config.bot.locale;
    let data_dir = cli.data.clone().unwrap_or_else(|| config.bot.data_dir.clone());
    let open_app = |config: Config| {
        App::open(config, &data_dir).map_err(|e| fail(Some(&content), lang, "error-start", &e.to_string()))
    };
    match cli.command.unwrap_or(Command::Run) {
        Command::Run => {
            let token = std::env::var("DISCORD_TOKEN").ok().filter(|t| !t.trim().is_empty());
            let app = match open_app(config) {
                Ok(a) => a,
                Err(code) => return code,
            };
            if let Some(token) = token {
                return run_discord(app, &token, &content, lang);
            }
            eprintln!("{}", app.content.text(lang, &Msg::new("console-no-token")));
            let opts = ConsoleOpts {
                channel: "console".into(),
                user: "console".into(),
                staff: false,
                lang,
            };
            console_exit(console::run(&app, &opts, now))
        }
        Command::Console {
            channel,
            user,
            staff,
            lang: l,
        } => {
            let app = match open_app(config) {
                Ok(a) => a,
                Err(code) => return code,
            };
            let opts = ConsoleOpts {
                channel,
                user,
                staff,
                lang: l.unwrap_or(lang),
            };
            console_exit(console::run(&app, &opts, now))
        }
        Command::Ask {
            lang: l,
            office,
            json,
            question,
        } => {
            let lang = l.unwrap_or(lang);
            let question = question.join(" ");
            let office = match office {
                None => None,
                Some(n) => {
                    let number = match OfficeNumber::parse(&n) {
                        Ok(p) => p.number,
                        Err(e) => {
                            let msg = seikyu_navi::error::UserError::from(e).msg();
                            eprintln!("{}", content.text(lang, &msg));
                            return ExitCode::from(2);
                        }
                    };
                    let store = match Store::open(&data_dir) {
                        Ok(s) => s,
                        Err(e) => return fail(Some(&content), lang, "error-start", &e.to_string()),
                    };
                    match store.office(&number) {
                        Ok(Some(o)) => Some(o),
                        Ok(None) => {
                            let msg = seikyu_navi::error::UserError::UnknownOffice(number.to_string()).msg();
                            eprintln!("{}", content.text(lang, &msg));
                            return ExitCode::from(2);
                        }
                        Err(e) => return fail(Some(&content), lang, "error-start", &e.to_string()),
                    }
                }
            };
            let kb = match Knowledge::load(config) {
                Ok(k) => k,
                Err(e) => return fail(Some(&content), lang, "error-start", &e.to_string()),
            };
            if text::clean(&question).trim().is_empty() {
                eprintln!(
                    "{}",
                    content.text(lang, &seikyu_navi::error::UserError::EmptyQuestion.msg())
                );
                return ExitCode::from(2);
            }
            let answered = kb.answer(&question, office.as_ref());
            let text = if json {
                kb.ask_json(lang, &answered).to_string()
            } else {
                console::render_text(&kb.content, lang, &kb.answer_reply(&answered, false))
            };
            console_exit(writeln!(std::io::stdout().lock(), "{text}"))
        }
        Command::Summary { format } => {
            let store = match Store::open(&data_dir) {
                Ok(s) => s,
                Err(e) => return fail(Some(&content), lang, "error-start", &e.to_string()),
            };
            let s = match seikyu_navi::app::summarize_store(&store, now(), config.bot.stall_days) {
                Ok(s) => s,
                Err(e) => return fail(Some(&content), lang, "error-start", &e.to_string()),
            };
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written = match format {
                Format::Json => serde_json::to_writer_pretty(&mut out, &s)
                    .map_err(std::io::Error::from)
                    .and_then(|()| writeln!(out)),
                Format::Csv => staff::write_summary_csv(&mut out, &s),
                Format::Text => writeln!(
                    out,
                    "{}",
                    console::render_text(&content, lang, &staff::summary_reply(&s, 1))
                ),
            };
            console_exit(written.and_then(|()| out.flush()))
        }
        Command::Check => check(&content, &cli.config, &data_dir, lang),
        Command::Import { path } => import(&content, lang, &data_dir, &path),
        Command::Export { output } => export(&content, lang, &data_dir, output.as_deref()),
    }
}

#[cfg(not(feature = "discord"))]
fn run_discord(_app: App, _token: &str, content: &Content, lang: Lang) -> ExitCode {
    fail(Some(content), lang, "error-no-discord", "")
}

#[cfg(feature = "discord")]
fn run_discord(app: App, token: &str, content: &Content, lang: Lang) -> ExitCode {
    let rt = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => return fail(Some(content), lang, "error-start", &e.to_string()),
    };
    match rt.block_on(seikyu_navi::discord::run(std::sync::Arc::new(app), token.trim())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(Some(content), lang, "error-discord", &e.to_string()),
    }
}

fn console_exit(r: std::io::Result<()>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe is a normal end for a console reader.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn check(content: &Content, path: &std::path::Path, data_dir: &std::path::Path, lang: Lang) -> ExitCode {
    let mut problems: Vec<String> = Vec::new();
    let say = |id: &str, detail: String| println!("{}", content.text(lang, &Msg::new(id).str("detail", detail)));
    // The configuration was read and validated before we got here.
    say("check-config", path.display().to_string());
    // Locales: the compiled-in set, and the files on disk when present (so
    // edits are checked before a rebuild).
    let mut sets = vec![("(built in)".to_string(), Content::embedded())];
    let dir = std::path::Path::new("locales");
    if dir.is_dir() {
        sets.push((dir.display().to_string(), Content::from_dir(dir)));
    }
    for (name, set) in sets {
        match set {
            Ok(c) => {
                let missing = seikyu_navi::content::missing_ids(&c);
                if let Err(e) = seikyu_navi::faq::FaqIndex::build(&c) {
                    problems.push(e.to_string());
                }
                for m in missing {
                    problems.push(format!("{name}: {m}"));
                }
                say("check-locales", name);
            }
            Err(e) => problems.push(e.to_string()),
        }
    }
    match Store::open(data_dir) {
        Ok(s) => say("check-data", format!("{} ({})", data_dir.display(), s.office_count())),
        Err(e) => problems.push(e.to_string()),
    }
    if problems.is_empty() {
        println!("{}", content.text(lang, &Msg::new("check-ok")));
        ExitCode::SUCCESS
    } else {
        for p in &problems {
            eprintln!("{}", content.text(lang, &Msg::new("check-problem").str("detail", p)));
        }
        ExitCode::from(1)
    }
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

/// `import PATH`: a roster (CSV), or an export (JSON) to restore.
fn import(content: &Content, lang: Lang, data_dir: &std::path::Path, path: &std::path::Path) -> ExitCode {
    use seikyu_navi::roster;
    use seikyu_navi::store::{ImportError, ImportStage};
    use std::io::Write;

    let read_error = |e: std::io::Error| {
        let detail = format!("{}: {e}", path.display());
        eprintln!(
            "{}",
            content.text(lang, &Msg::new("roster-error-read").str("detail", detail))
        );
        ExitCode::from(1)
    };
    let mut head = [0u8; 4096];
    let head_len = match std::fs::File::open(path).and_then(|mut f| std::io::Read::read(&mut f, &mut head)) {
        Ok(n) => n,
        Err(e) => return read_error(e),
    };
    if roster::is_json(&head[..head_len]) {
        return restore(content, lang, data_dir, path);
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return read_error(e),
    };
    // Every problem on stderr, one per line, then the summary; exit code 1.
    let refuse = |errors: &[roster::RowError]| {
        let mut err = std::io::BufWriter::new(std::io::stderr().lock());
        for e in errors {
            let _ = writeln!(err, "{}", content.text(lang, &e.msg()));
        }
        let summary = Msg::new("roster-failed").num("count", errors.len() as i64);
        let _ = writeln!(err, "{}", content.text(lang, &summary));
        ExitCode::from(1)
    };
    let parsed = match roster::parse(&bytes) {
        Ok(r) => r,
        Err(errors) => return refuse(&errors),
    };
    drop(bytes);
    let store = match Store::open(data_dir) {
        Ok(s) => s,
        Err(e) => return fail(Some(content), lang, "error-start", &e.to_string()),
    };
    let total = parsed.rows.len() as u64;
    let bar = progress_bar(total, "{msg} [{bar:30}] {pos}/{len} ({eta})");
    let check_msg = content.text(lang, &Msg::new("roster-progress-check"));
    let write_msg = content.text(lang, &Msg::new("roster-progress-write"));
    let res = store.import_roster(&parsed.rows, now(), &mut |stage, done, _| {
        bar.set_message(match stage {
            ImportStage::Checking => check_msg.clone(),
            ImportStage::Writing => write_msg.clone(),
        });
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    let report = match res {
        Ok(r) => r,
        Err(ImportError::Rows(errors)) => return refuse(&errors),
        Err(ImportError::Store(e)) => return fail(Some(content), lang, "roster-error-store", &e.to_string()),
    };
    if !parsed.warnings.is_empty() {
        const SHOWN: usize = 50;
        let mut err = std::io::BufWriter::new(std::io::stderr().lock());
        for w in parsed.warnings.iter().take(SHOWN) {
            let _ = writeln!(err, "{}", content.text(lang, &w.msg()));
        }
        let count = Msg::new("roster-check-digit-count").num("count", parsed.warnings.len() as i64);
        let _ = writeln!(err, "{}", content.text(lang, &count));
    }
    let done = Msg::new("roster-imported")
        .num("total", report.total() as i64)
        .num("created", report.created as i64)
        .num("updated", report.updated as i64)
        .num("unchanged", report.unchanged as i64);
    println!("{}", content.text(lang, &done));
    ExitCode::SUCCESS
}

/// `import FILE.json`: restores an export into an empty data directory.
fn restore(content: &Content, lang: Lang, data_dir: &std::path::Path, path: &std::path::Path) -> ExitCode {
    use seikyu_navi::dump::RestoreError;

    let store = match Store::open(data_dir) {
        Ok(s) => s,
        Err(e) => return fail(Some(content), lang, "error-start", &e.to_string()),
    };
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let bar = progress_bar(size, "{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})");
    let mut pass = 0;
    let res = store.restore_json(|| {
        pass += 1;
        let id = if pass == 1 {
            "roster-progress-restore-check"
        } else {
            "roster-progress-restore-write"
        };
        bar.set_message(content.text(lang, &Msg::new(id)));
        bar.set_position(0);
        let file = std::fs::File::open(path)?;
        Ok(std::io::BufReader::with_capacity(1 << 16, bar.wrap_read(file)))
    });
    bar.finish_and_clear();
    match res {
        Ok(c) => {
            let msg = Msg::new("roster-restored")
                .num("offices", c.offices as i64)
                .num("channels", c.channels as i64)
                .num("history", c.history as i64)
                .num("unanswered", c.unanswered as i64)
                .num("reminders", c.reminders as i64);
            println!("{}", content.text(lang, &msg));
            ExitCode::SUCCESS
        }
        Err(e @ RestoreError::Store(_)) => {
            eprintln!("{}", content.text(lang, &e.msg()));
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("{}", content.text(lang, &e.msg()));
            ExitCode::from(1)
        }
    }
}

/// `export [--output FILE]`: the whole data directory as JSON. A file is
/// written beside its final name first, so a failed export leaves no half file.
fn export(content: &Content, lang: Lang, data_dir: &std::path::Path, output: Option<&std::path::Path>) -> ExitCode {
    let store = match Store::open(data_dir) {
        Ok(s) => s,
        Err(e) => return fail(Some(content), lang, "error-start", &e.to_string()),
    };
    let res = match output {
        None => store.export_json(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock())),
        Some(path) => {
            let mut tmp = path.as_os_str().to_owned();
            tmp.push(".tmp");
            let tmp = PathBuf::from(tmp);
            let in_file = |e: std::io::Error| {
                serde_json::Error::io(std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))
            };
            let written = std::fs::File::create(&tmp)
                .map_err(in_file)
                .and_then(|f| store.export_json(std::io::BufWriter::with_capacity(1 << 16, f)))
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
                    .num("offices", store.office_count() as i64)
                    .str("path", path.display().to_string());
                println!("{}", content.text(lang, &msg));
            }
            ExitCode::SUCCESS
        }
        // A reader that stopped early (`export | head`) is not an error here.
        Err(e) if e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe) => ExitCode::SUCCESS,
        Err(e) => fail(Some(content), lang, "export-error", &e.to_string()),
    }
}
