//! The `seikyu-navi` command line (DESIGN.md's CLI contracts): one module per
//! subcommand, each `fn … -> Result<(), CliError>`; [`CliError::report`]
//! decides the localized line and the exit code in one place, and `Env`
//! is the one place that opens the data directory (`open_app` for the bot,
//! `open_existing` for the commands that only read; import and restore
//! build a new directory and swap it in, see `store::swap`).
//! The help texts come from the locales (`i18n`).

pub mod ask;
mod check;
mod export;
mod i18n;
mod import;
mod summary;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::adapters::console::{self, ConsoleOpts};
use crate::app::{App, Knowledge, StartError};
use crate::config::{Config, ConfigError};
use crate::content::{Content, Lang};
use crate::error::UserError;
use crate::reply::Msg;
use crate::roster::RowError;
use crate::store::{RestoreError, StoreError};

/// The default configuration file; a missing one means the defaults.
const DEFAULT_CONFIG: &str = "bot.toml";

// The help texts are set from the locales at run time (`i18n`), so the
// arguments carry no doc comments of their own.
#[derive(Parser, Debug)]
#[command(name = "seikyu-navi", version)]
pub(crate) struct Cli {
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[arg(long, global = true)]
    data: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    Run,
    Console {
        #[arg(long, default_value = "console")]
        channel: String,
        #[arg(long, default_value = "console")]
        user: String,
        #[arg(long)]
        staff: bool,
        #[arg(long)]
        lang: Option<Lang>,
    },
    Ask {
        #[arg(long)]
        lang: Option<Lang>,
        #[arg(long)]
        office: Option<String>,
        #[arg(long)]
        json: bool,
        #[arg(required = true, num_args = 1..)]
        question: Vec<String>,
    },
    Summary {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    Check,
    Import {
        path: PathBuf,
    },
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

/// Why a subcommand failed; [`CliError::report`] prints it and picks the
/// exit code.
#[derive(Debug)]
pub enum CliError {
    /// A localized line (`id` with a `detail` argument) and an exit code.
    Failed { id: &'static str, detail: String, code: u8 },
    /// Bad input from the operator (exit code 2).
    User(UserError),
    /// Roster rows that cannot be imported, one line each (exit code 1).
    Roster(Vec<RowError>),
    /// A restore that stopped (exit code 2 for a storage error, else 1).
    Restore(RestoreError),
    /// `bot.toml` cannot be used (exit code 2); the message names the key
    /// and line, never a value.
    Config(ConfigError),
    /// Writing the output failed (a closed pipe is a normal end).
    Output(std::io::Error),
    /// The data directory could not be used (exit code 2).
    Store(StoreError),
    /// The problems were printed already; only the exit code is left.
    Reported(u8),
}

impl CliError {
    /// Exit code 2 with a localized line naming what went wrong.
    fn failed(id: &'static str, detail: impl ToString) -> CliError {
        CliError::Failed {
            id,
            detail: detail.to_string(),
            code: 2,
        }
    }

    /// Prints the error (localized) on stderr and returns the exit code.
    pub fn report(&self, content: &Content, lang: Lang) -> ExitCode {
        use std::io::Write;
        let t = |m: &Msg| content.text(lang, m);
        let mut err = std::io::BufWriter::new(std::io::stderr().lock());
        let code = match self {
            CliError::Failed { id, detail, code } => {
                let _ = writeln!(err, "{}", t(&Msg::new(*id).str("detail", detail)));
                *code
            }
            CliError::User(e) => {
                let _ = writeln!(err, "{}", t(&e.msg()));
                2
            }
            CliError::Roster(errors) => {
                for e in errors {
                    let _ = writeln!(err, "{}", t(&e.msg()));
                }
                let summary = Msg::new("roster-failed").num("count", errors.len() as i64);
                let _ = writeln!(err, "{}", t(&summary));
                1
            }
            CliError::Restore(e) => {
                let _ = writeln!(err, "{}", t(&e.msg()));
                match e {
                    RestoreError::Store(_) => 2,
                    _ => 1,
                }
            }
            CliError::Config(e) => {
                let _ = writeln!(err, "{}", t(&Msg::new("error-config").msg("detail", e.msg())));
                2
            }
            CliError::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
            CliError::Output(e) => {
                let _ = writeln!(err, "{e}");
                1
            }
            CliError::Store(e) => {
                let _ = writeln!(err, "{}", t(&e.msg()));
                2
            }
            CliError::Reported(code) => *code,
        };
        ExitCode::from(code)
    }
}

impl From<UserError> for CliError {
    fn from(e: UserError) -> Self {
        CliError::User(e)
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        CliError::Store(e)
    }
}

impl From<StartError> for CliError {
    fn from(e: StartError) -> Self {
        match e {
            StartError::Store(e) => CliError::Store(e),
            other => CliError::failed("error-start", other),
        }
    }
}

impl From<RestoreError> for CliError {
    fn from(e: RestoreError) -> Self {
        CliError::Restore(e)
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Output(e)
    }
}

/// What every subcommand starts from: the texts, the configuration and
/// where the data directory is.
pub(crate) struct Env {
    content: Content,
    config: Config,
    config_path: PathBuf,
    data_dir: PathBuf,
    /// The language of replies and messages (`bot.locale`).
    lang: Lang,
}

impl Env {
    /// The bot on the data directory, created when new (`run`, `console`).
    fn open_app(&self) -> Result<App, CliError> {
        Ok(App::open(self.config.clone(), &self.data_dir)?)
    }

    /// The bot on an existing data directory, for the commands that only
    /// read it: a missing or mistyped one is an error, nothing is created.
    fn open_existing(&self) -> Result<App, CliError> {
        Ok(App::open_existing(self.config.clone(), &self.data_dir)?)
    }

    /// What the bot knows without a data directory (texts, FAQ index).
    fn knowledge(&self) -> Result<Knowledge, CliError> {
        Knowledge::load(self.config.clone()).map_err(|e| CliError::failed("error-start", e))
    }

    fn text(&self, msg: &Msg) -> String {
        self.content.text(self.lang, msg)
    }
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// The binary's entry point.
pub fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()))
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let content = match Content::embedded() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let matches = i18n::localized_cli(&content, i18n::system_lang()).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    // An explicit --config must exist; the default may be absent.
    let (config_path, must_exist) = match cli.config {
        Some(p) => (p, true),
        None => (PathBuf::from(DEFAULT_CONFIG), false),
    };
    let config = match Config::load(&config_path, must_exist) {
        Ok(c) => c,
        Err(e) => return CliError::Config(e).report(&content, Lang::Ja),
    };
    let lang = config.bot.locale;
    let data_dir = cli.data.unwrap_or_else(|| config.bot.data_dir.clone());
    let env = Env {
        content,
        config,
        config_path,
        data_dir,
        lang,
    };
    let result = match cli.command.unwrap_or(Command::Run) {
        Command::Run => run(&env),
        Command::Console {
            channel,
            user,
            staff,
            lang,
        } => {
            let opts = ConsoleOpts {
                channel,
                user,
                staff,
                lang: lang.unwrap_or(env.lang),
                files: current_dir(),
            };
            // Checked before the data directory is opened: nothing is done.
            opts.check()
                .map_err(CliError::from)
                .and_then(|()| env.open_app())
                .and_then(|app| Ok(console::run(&app, &opts, now)?))
        }
        Command::Ask {
            lang,
            office,
            json,
            question,
        } => ask::run(
            &env,
            lang.unwrap_or(env.lang),
            office.as_deref(),
            json,
            &question.join(" "),
        ),
        Command::Summary { format } => summary::run(&env, format),
        Command::Check => check::run(&env),
        Command::Import { path } => import::run(&env, &path),
        Command::Export { output } => export::run(&env, output.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => e.report(&env.content, env.lang),
    }
}

/// No subcommand: Discord when `DISCORD_TOKEN` is set, otherwise the console.
fn run(env: &Env) -> Result<(), CliError> {
    let token = std::env::var("DISCORD_TOKEN").ok().filter(|t| !t.trim().is_empty());
    let app = env.open_app()?;
    if let Some(token) = token {
        return run_discord(app, &token);
    }
    eprintln!("{}", env.text(&Msg::new("console-no-token")));
    let opts = ConsoleOpts {
        channel: "console".into(),
        user: "console".into(),
        staff: false,
        lang: env.lang,
        files: current_dir(),
    };
    Ok(console::run(&app, &opts, now)?)
}

#[cfg(not(feature = "discord"))]
fn run_discord(_app: App, _token: &str) -> Result<(), CliError> {
    Err(CliError::failed("error-no-discord", ""))
}

#[cfg(feature = "discord")]
fn run_discord(app: App, token: &str) -> Result<(), CliError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::failed("error-start", e))?;
    rt.block_on(crate::adapters::discord::run(std::sync::Arc::new(app), token.trim()))
        .map_err(|e| CliError::failed("error-discord", e))
}

/// Where the console saves files: the current directory (as a full path, so
/// the path it prints is where the file is), or `.` when it cannot be read.
fn current_dir() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
}

/// A path as shown in messages.
fn shown(path: &Path) -> String {
    path.display().to_string()
}
