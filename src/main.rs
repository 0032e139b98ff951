//! The `seikyu-navi` binary: the CLI contracts of DESIGN.md.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
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
    about = "Walks care offices through starting internet billing (インターネット請求)"
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
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Csv,
    Json,
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
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let cli = Cli::parse();
    let content = match Content::embedded() {
        Ok(c) => c,
        Err(e) => return fail(None, Lang::Ja, "", &e.to_string()),
    };
    let must_exist = cli.config != std::path::Path::new("bot.toml");
    let config = match Config::load(&cli.config, must_exist) {
        Ok(c) => c,
        Err(e) => return fail(Some(&content), Lang::Ja, "error-config", &e.to_string()),
    };
    let lang = config.bot.locale;
    let data_dir = cli
        .data
        .clone()
        .unwrap_or_else(|| config.bot.data_dir.clone());
    let open_app = |config: Config| {
        App::open(config, &data_dir)
            .map_err(|e| fail(Some(&content), lang, "error-start", &e.to_string()))
    };
    match cli.command.unwrap_or(Command::Run) {
        Command::Run => {
            let token = std::env::var("DISCORD_TOKEN")
                .ok()
                .filter(|t| !t.trim().is_empty());
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
                            let msg =
                                seikyu_navi::error::UserError::UnknownOffice(number.to_string())
                                    .msg();
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
            if json {
                println!("{}", kb.ask_json(lang, &answered));
            } else {
                let reply = kb.answer_reply(&answered, false);
                println!("{}", console::render_text(&kb.content, lang, &reply));
            }
            ExitCode::SUCCESS
        }
        Command::Summary { format } => {
            let store = match Store::open(&data_dir) {
                Ok(s) => s,
                Err(e) => return fail(Some(&content), lang, "error-start", &e.to_string()),
            };
            let offices: Result<Vec<_>, _> = store.offices().collect();
            let offices = match offices {
                Ok(o) => o,
                Err(e) => return fail(Some(&content), lang, "error-start", &e.to_string()),
            };
            let s = staff::summarize(&offices, now(), config.bot.stall_days);
            match format {
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&s).expect("summary serializes")
                ),
                Format::Csv => print!("{}", staff::summary_csv(&s)),
                Format::Text => println!(
                    "{}",
                    console::render_text(&content, lang, &staff::summary_reply(&s))
                ),
            }
            ExitCode::SUCCESS
        }
        Command::Check => check(&content, &config, &cli.config, &data_dir, lang),
    }
}

fn run_discord(app: App, token: &str, content: &Content, lang: Lang) -> ExitCode {
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return fail(Some(content), lang, "error-start", &e.to_string()),
    };
    match rt.block_on(seikyu_navi::discord::run(
        std::sync::Arc::new(app),
        token.trim(),
    )) {
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

fn check(
    content: &Content,
    config: &Config,
    path: &std::path::Path,
    data_dir: &std::path::Path,
    lang: Lang,
) -> ExitCode {
    let mut problems: Vec<String> = Vec::new();
    let say = |id: &str, detail: String| {
        println!(
            "{}",
            content.text(lang, &Msg::new(id).str("detail", detail))
        )
    };
    say("check-config", path.display().to_string());
    let _ = config;
    // Locales: the compiled-in set, and the files on disk when present (so
    // edits are checked before a rebuild).
    let sets: Vec<(String, Result<Content, String>)> = {
        let mut v = vec![(
            "(built in)".to_string(),
            Ok(Content::embedded().map_err(|e| e.to_string())),
        )];
        let dir = std::path::Path::new("locales");
        if dir.is_dir() {
            v.push((
                dir.display().to_string(),
                Ok(Content::from_dir(dir).map_err(|e| e.to_string())),
            ));
        }
        v.into_iter().map(|(n, r)| (n, r.and_then(|x| x))).collect()
    };
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
            Err(e) => problems.push(e),
        }
    }
    match Store::open(data_dir) {
        Ok(s) => say(
            "check-data",
            format!("{} ({})", data_dir.display(), s.office_count()),
        ),
        Err(e) => problems.push(e.to_string()),
    }
    if problems.is_empty() {
        println!("{}", content.text(lang, &Msg::new("check-ok")));
        ExitCode::SUCCESS
    } else {
        for p in &problems {
            eprintln!(
                "{}",
                content.text(lang, &Msg::new("check-problem").str("detail", p))
            );
        }
        ExitCode::from(1)
    }
}
