//! `bot.toml`: unknown keys and wrong types are errors naming the key and
//! line, never the value (a token pasted into the file stays out of logs).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::lang::Lang;
use crate::reply::Msg;

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub bot: BotConfig,
    #[serde(default)]
    pub discord: DiscordConfig,
    /// 国保連合会 contacts by prefecture number ("01"–"47").
    #[serde(default)]
    pub kokuhoren: BTreeMap<String, ContactConfig>,
    /// Billing-software and billing-vendor contacts by software name.
    #[serde(default)]
    pub vendors: BTreeMap<String, ContactConfig>,
    #[serde(default)]
    pub limits: LimitsConfig,
    #[serde(default)]
    pub backup: BackupConfig,
}

/// Backups of the running bot (`/backup`, and periodic ones on Discord).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupConfig {
    /// Where backups are written; none: `/backup` says how to set it.
    #[serde(default)]
    pub dir: Option<PathBuf>,
    /// A backup every this many hours while the bot runs on Discord (0: off).
    #[serde(default)]
    pub every_hours: u32,
    /// How many backups are kept (older ones are removed).
    #[serde(default = "default_keep")]
    pub keep: usize,
}

impl Default for BackupConfig {
    fn default() -> Self {
        BackupConfig {
            dir: None,
            every_hours: 0,
            keep: default_keep(),
        }
    }
}

fn default_keep() -> usize {
    7
}

/// Per-user rate limits (0 turns a limit off); staff are not limited.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsConfig {
    #[serde(default = "default_commands_per_minute")]
    pub commands_per_minute: u32,
    #[serde(default = "default_questions_per_minute")]
    pub questions_per_minute: u32,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        LimitsConfig {
            commands_per_minute: default_commands_per_minute(),
            questions_per_minute: default_questions_per_minute(),
        }
    }
}

fn default_commands_per_minute() -> u32 {
    30
}

fn default_questions_per_minute() -> u32 {
    12
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BotConfig {
    #[serde(default)]
    pub locale: Lang,
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    #[serde(default = "default_stall_days")]
    pub stall_days: u32,
}

impl Default for BotConfig {
    fn default() -> Self {
        BotConfig {
            locale: Lang::default(),
            data_dir: default_data_dir(),
            stall_days: default_stall_days(),
        }
    }
}

fn default_data_dir() -> PathBuf {
    PathBuf::from("data")
}

fn default_stall_days() -> u32 {
    7
}

fn default_true() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscordConfig {
    /// Register commands to this guild (instant); globally when absent.
    #[serde(default)]
    pub guild_id: Option<u64>,
    #[serde(default)]
    pub staff_role_ids: Vec<u64>,
    #[serde(default)]
    pub staff_channel_id: Option<u64>,
    /// REST proxy (e.g. twilight-http-proxy); serenity's ratelimiter is then off.
    #[serde(default)]
    pub api_base: Option<String>,
    /// Read plain messages in office channels (needs the message-content intent).
    #[serde(default = "default_true")]
    pub message_content: bool,
    /// Milliseconds between two edits of the staff-channel dashboard.
    #[serde(default = "default_dashboard_interval_ms")]
    pub dashboard_interval_ms: u64,
}

fn default_dashboard_interval_ms() -> u64 {
    crate::dashboard::INTERVAL_MS as u64
}

impl Default for DiscordConfig {
    fn default() -> Self {
        DiscordConfig {
            guild_id: None,
            staff_role_ids: vec![],
            staff_channel_id: None,
            api_base: None,
            message_content: true,
            dashboard_interval_ms: default_dashboard_interval_ms(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ContactConfig {
    pub name: String,
    #[serde(default)]
    pub tel: Option<String>,
    #[serde(default)]
    pub fax: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Why the configuration cannot be used. Nothing here holds text from a
/// value in the file: a Discord token pasted into `bot.toml` (a `token = …`
/// key, or into the wrong key) must not reach a terminal or a log. Errors
/// say where (line and column) and which key, and a key or table name from
/// the file is shown only when it looks like a setting name ([`shown_key`]).
#[derive(Debug)]
pub enum ConfigError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file is not UTF-8 from this byte on.
    NotUtf8 {
        path: PathBuf,
        byte: usize,
    },
    Invalid {
        path: PathBuf,
        at: Option<LineCol>,
        problem: Problem,
    },
}

/// A place in the file, both from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// What is wrong at a place; keys are dotted paths as [`shown_key`] gives
/// them, `None` when none is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not TOML at all.
    Syntax,
    /// A key written twice.
    DuplicateKey { key: Option<String> },
    /// A key the table does not have, and the keys it has.
    UnknownKey { key: Option<String>, allowed: Vec<String> },
    /// A value of the wrong type, or out of range.
    BadValue { key: Option<String>, expected: Expected },
    /// A table without a key it needs.
    MissingKey { table: Option<String>, key: String },
    /// A `[kokuhoren."…"]` key that is no prefecture number.
    Prefecture { key: String },
}

/// What a key takes, as the error tells the operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Integer,
    Text,
    Bool,
    List,
    Table,
    Locale,
    Other,
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ConfigError::Read { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// English, for logs and tests; the CLI shows [`ConfigError::msg`].
impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (path, at, problem) = match self {
            ConfigError::Read { path, source } => return write!(f, "{}: {source}", path.display()),
            ConfigError::NotUtf8 { path, byte } => return write!(f, "{}: not UTF-8 (byte {byte})", path.display()),
            ConfigError::Invalid { path, at, problem } => (path, at, problem),
        };
        write!(f, "{}", path.display())?;
        if let Some(at) = at {
            write!(f, ": line {}, column {}", at.line, at.column)?;
        }
        let key = |k: &Option<String>| k.as_deref().map(|k| format!(" `{k}`")).unwrap_or_default();
        match problem {
            Problem::Syntax => write!(f, ": not valid TOML"),
            Problem::DuplicateKey { key: k } => write!(f, ": duplicate key{}", key(k)),
            Problem::UnknownKey { key: k, allowed } if allowed.is_empty() => write!(f, ": unknown key{}", key(k)),
            Problem::UnknownKey { key: k, allowed } => {
                write!(f, ": unknown key{} (keys: {})", key(k), allowed.join(", "))
            }
            Problem::BadValue { key: k, expected } => write!(f, ": bad value for{} (expected {expected:?})", key(k)),
            Problem::MissingKey { table, key: k } => {
                write!(f, ": [{}] needs `{k}`", table.as_deref().unwrap_or(HIDDEN))
            }
            Problem::Prefecture { key: k } => {
                write!(f, ": [kokuhoren.\"{k}\"]: the key must be a prefecture number 01-47")
            }
        }
    }
}

impl ConfigError {
    /// The error as a message (the `detail` of `error-config`).
    pub fn msg(&self) -> Msg {
        let (path, at, problem) = match self {
            ConfigError::Read { path, source } => {
                return Msg::new("config-read")
                    .str("path", path.display().to_string())
                    .str("error", source.to_string())
            }
            ConfigError::NotUtf8 { path, byte } => {
                return Msg::new("config-not-utf8")
                    .str("path", path.display().to_string())
                    .num("byte", *byte as i64)
            }
            ConfigError::Invalid { path, at, problem } => (path, at, problem),
        };
        let at = match at {
            Some(at) => Msg::new("config-at")
                .str("path", path.display().to_string())
                .num("line", at.line as i64)
                .num("column", at.column as i64),
            None => Msg::new("config-at-file").str("path", path.display().to_string()),
        };
        let m = match problem {
            Problem::Syntax => Msg::new("config-syntax"),
            Problem::DuplicateKey { key: Some(k) } => Msg::new("config-duplicate-key").str("key", k),
            Problem::DuplicateKey { key: None } => Msg::new("config-duplicate-key-hidden"),
            Problem::UnknownKey { key: None, .. } => Msg::new("config-unknown-key-hidden"),
            Problem::UnknownKey { key: Some(k), allowed } if allowed.is_empty() => {
                Msg::new("config-unknown-key").str("key", k)
            }
            Problem::UnknownKey { key: Some(k), allowed } => Msg::new("config-unknown-key-allowed")
                .str("key", k)
                .str("allowed", allowed.join(", ")),
            Problem::BadValue { key, expected } => {
                let expected = Msg::new(match expected {
                    Expected::Integer => "config-expect-integer",
                    Expected::Text => "config-expect-text",
                    Expected::Bool => "config-expect-bool",
                    Expected::List => "config-expect-list",
                    Expected::Table => "config-expect-table",
                    Expected::Locale => "config-expect-locale",
                    Expected::Other => "config-expect-other",
                });
                match key {
                    Some(k) => Msg::new("config-bad-value").str("key", k),
                    None => Msg::new("config-bad-value-hidden"),
                }
                .msg("expected", expected)
            }
            Problem::MissingKey { table, key } => Msg::new("config-missing-key")
                .str("table", table.as_deref().unwrap_or(HIDDEN))
                .str("key", key),
            Problem::Prefecture { key } => Msg::new("config-prefecture").str("key", key),
        };
        m.msg("at", at)
    }
}

impl Config {
    /// Parses the text of a `bot.toml` and checks what types cannot.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |at, problem| ConfigError::Invalid {
            path: path.to_path_buf(),
            at,
            problem,
        };
        // Syntax first, so every later error is about the schema.
        if let Err(e) = text.parse::<toml::Table>() {
            let span = e.span().map(|s| s.start);
            let problem = if e.message().starts_with("number too") {
                Problem::BadValue {
                    key: span.and_then(|at| key_before_value(text, at)),
                    expected: Expected::Integer,
                }
            } else if e.message().contains("duplicate key") {
                Problem::DuplicateKey {
                    key: span.and_then(|at| key_at(text, at)),
                }
            } else {
                Problem::Syntax
            };
            return Err(invalid(span.map(|at| line_col(text, at)), problem));
        }
        let cfg: Config = toml::from_str(text).map_err(|e| {
            let at = e.span().map(|s| line_col(text, s.start));
            invalid(at, schema_problem(text, &e))
        })?;
        for key in cfg.kokuhoren.keys() {
            let ok = key.len() == 2 && key.parse::<u8>().is_ok_and(|n| (1..=47).contains(&n));
            if !ok {
                return Err(invalid(
                    kokuhoren_key_at(text, key),
                    Problem::Prefecture {
                        key: shown_key(key).unwrap_or_else(|| HIDDEN.into()),
                    },
                ));
            }
        }
        Ok(cfg)
    }

    /// Reads `path`; a missing file at the default path gives the defaults.
    pub fn load(path: &Path, must_exist: bool) -> Result<Config, ConfigError> {
        match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes).map_err(|e| ConfigError::NotUtf8 {
                    path: path.to_path_buf(),
                    byte: e.utf8_error().valid_up_to(),
                })?;
                Config::parse(&text, path)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !must_exist => Ok(Config::default()),
            Err(e) => Err(ConfigError::Read {
                path: path.to_path_buf(),
                source: e,
            }),
        }
    }
}

/// What stands for a key or table name that is not shown.
const HIDDEN: &str = "…";

/// A dotted key or table name from the file as an error may show it: from
/// the first part that does not look like a setting name on, the rest is
/// one `…`; `None` when no part is left. Setting names are short and never mix
/// capitals with digits, while the long parts of a Discord token are longer
/// than 24 characters or mix them.
pub fn shown_key(raw: &str) -> Option<String> {
    let mut shown = Vec::new();
    for p in key_parts(raw) {
        let bare = p.trim_matches(|c| c == '"' || c == '\'');
        let mixed = bare.contains(|c: char| c.is_ascii_uppercase()) && bare.contains(|c: char| c.is_ascii_digit());
        if bare.is_empty() || bare.chars().count() > 24 || mixed || bare.contains(char::is_control) {
            shown.push(HIDDEN);
            break;
        }
        shown.push(p);
    }
    (shown[0] != HIDDEN).then(|| shown.join("."))
}

/// The parts of a dotted key as written (`a."b.c"` is `a` and `"b.c"`),
/// trimmed.
fn key_parts(raw: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut quote) = (0, None);
    for (i, c) in raw.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '.') => {
                parts.push(raw[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(raw[start..].trim());
    parts
}

/// The 1-based line and column (in characters) of byte `at`.
fn line_col(text: &str, at: usize) -> LineCol {
    let (before, _) = split_at(text, at);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    LineCol {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// `text` split at byte `at`, moved back to a character boundary.
fn split_at(text: &str, at: usize) -> (&str, &str) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text.split_at(at)
}

/// The line holding byte `at`: the part before it, the part from it on.
fn line_around(text: &str, at: usize) -> (&str, &str) {
    let (before, after) = split_at(text, at);
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = after.find('\n').unwrap_or(after.len());
    (&before[start..], &after[..end])
}

/// The table whose body holds byte `at`: the last `[header]` on an earlier
/// line.
fn table_before(text: &str, at: usize) -> Option<&str> {
    let (before, _) = split_at(text, at);
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    before[..start].lines().rev().find_map(header)
}

/// The name in a `[table]` or `[[array]]` header line.
fn header(line: &str) -> Option<&str> {
    let inner = line.trim().strip_prefix('[')?;
    let inner = inner.strip_prefix('[').unwrap_or(inner);
    Some(inner[..inner.find(']')?].trim())
}

/// `table.key`, or `key` at the top level, as [`shown_key`] shows it.
fn in_table(table: Option<&str>, key: &str) -> Option<String> {
    shown_key(&match table {
        Some(t) => format!("{t}.{key}"),
        None => key.to_string(),
    })
}

/// The key of the `key = value` whose value is at byte `at`.
fn key_before_value(text: &str, at: usize) -> Option<String> {
    let (before, _) = line_around(text, at);
    if header(before).is_some() {
        return None;
    }
    let (key, _) = before.split_once('=')?;
    in_table(table_before(text, at), key)
}

/// The key written at byte `at`: a `[table]` header, or `key = …`.
fn key_at(text: &str, at: usize) -> Option<String> {
    let (before, from) = line_around(text, at);
    if let Some(h) = header(&format!("{before}{from}")) {
        return shown_key(h);
    }
    let (key, _) = from.split_once('=')?;
    in_table(table_before(text, at), &format!("{}{key}", before.trim_start()))
}

/// The problem in a TOML document that does not fit [`Config`], from the
/// error's message and place, with nothing the message quotes from a value.
fn schema_problem(text: &str, e: &toml::de::Error) -> Problem {
    let span = e.span().map(|s| s.start);
    let message = e.message();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        // "unknown field `k`, expected one of `a`, `b`" / "… `k`, expected `a`" /
        // "… `k`, there are no fields": the list names our own fields.
        let (key, allowed) = rest
            .rsplit_once("`, expected ")
            .or_else(|| rest.rsplit_once("`, there are no fields").map(|(k, _)| (k, "")))
            .unwrap_or((rest, ""));
        let allowed = allowed.split('`').skip(1).step_by(2).filter_map(shown_key).collect();
        let key = match span {
            None => shown_key(key),
            Some(at) => {
                let (before, from) = line_around(text, at);
                match header(&format!("{before}{from}")) {
                    // `[table.unknown]`: the whole header.
                    Some(h) => shown_key(h),
                    // `unknown = …` or `table.unknown = …`, in the table above.
                    None if !before.contains(['=', '{', ',', '[']) => {
                        in_table(table_before(text, at), &format!("{}{key}", before.trim_start()))
                    }
                    // Inside an inline table.
                    None => shown_key(key),
                }
            }
        };
        return Problem::UnknownKey { key, allowed };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        // The place is the table's header, or its first line.
        let table = span.and_then(|at| {
            let (before, from) = line_around(text, at);
            header(&format!("{before}{from}"))
                .or_else(|| table_before(text, at))
                .and_then(shown_key)
        });
        return Problem::MissingKey {
            table,
            key: shown_key(rest.trim_end_matches('`')).unwrap_or_else(|| HIDDEN.into()),
        };
    }
    let expected = match message.rsplit_once(", expected ").map(|(_, x)| x) {
        _ if message.starts_with("number too large") => Expected::Integer,
        Some(x) if x.starts_with(['u', 'i']) && x[1..].chars().all(|c| c.is_ascii_digit() || c == 's') => {
            Expected::Integer
        }
        Some(x) if x.starts_with("usize") || x.contains("integer") => Expected::Integer,
        Some("a string" | "path string" | "a borrowed string" | "a character") => Expected::Text,
        Some("a boolean") => Expected::Bool,
        Some(x) if x.starts_with("a sequence") || x.starts_with("an array") => Expected::List,
        Some(x) if x.starts_with("struct ") || x.starts_with("a map") => Expected::Table,
        Some(x) if x.contains("`ja`") => Expected::Locale,
        _ => Expected::Other,
    };
    Problem::BadValue {
        key: span.and_then(|at| key_before_value(text, at)),
        expected,
    }
}

/// Where a `[kokuhoren]` key is written (its place is not in the parsed
/// configuration, so the file is read again for the keys' places).
fn kokuhoren_key_at(text: &str, key: &str) -> Option<LineCol> {
    #[derive(Deserialize)]
    struct Places {
        #[serde(default)]
        kokuhoren: BTreeMap<toml::Spanned<String>, serde::de::IgnoredAny>,
    }
    let places: Places = toml::from_str(text).ok()?;
    let (k, _) = places.kokuhoren.iter().find(|(k, _)| k.get_ref() == key)?;
    Some(line_col(text, k.span().start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_example_parses() {
        let text = include_str!("../bot.toml");
        let cfg = Config::parse(text, Path::new("bot.toml")).unwrap();
        assert_eq!(cfg.bot.locale, Lang::Ja);
        assert_eq!(cfg.bot.data_dir, PathBuf::from("data"));
        assert_eq!(cfg.bot.stall_days, 7);
    }

    #[test]
    fn keys_are_shown_only_when_they_look_like_setting_names() {
        assert_eq!(shown_key("discord.guild_id").as_deref(), Some("discord.guild_id"));
        assert_eq!(
            shown_key("vendors.\"ケアソフト.net\"").as_deref(),
            Some("vendors.\"ケアソフト.net\"")
        );
        assert_eq!(shown_key("kokuhoren.\"48\"").as_deref(), Some("kokuhoren.\"48\""));
        let token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        assert_eq!(shown_key(token), None);
        assert_eq!(shown_key(&format!("\"{token}\"")), None);
        assert_eq!(shown_key(&format!("bot.{token}")).as_deref(), Some("bot.…"));
        assert_eq!(
            shown_key("bot.\"MTIzNDU2Nzg5MDEy\".stall_days").as_deref(),
            Some("bot.…")
        );
        assert_eq!(shown_key(&"a".repeat(25)), None);
        assert_eq!(shown_key("").as_deref(), None);
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let e = Config::parse("[bot]\nlocale = \"ja\"\nstal_days = 3\n", Path::new("b.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("stal_days") && e.contains("line 3"), "{e}");
        let e = Config::parse("[bot]\nstall_days = \"x\"\n", Path::new("b.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2"), "{e}");
        let e = Config::parse("[kokuhoren.\"48\"]\nname = \"x\"\n", Path::new("b.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("48"), "{e}");
    }
}
