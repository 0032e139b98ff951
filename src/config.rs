//! `bot.toml`: unknown keys and wrong types are errors naming the key and line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::lang::Lang;

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

/// Why the configuration cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: {detail}")]
    Parse { path: PathBuf, detail: String },
}

impl Config {
    /// Parses the text of a `bot.toml` and checks what types cannot.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let cfg: Config = toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        for key in cfg.kokuhoren.keys() {
            let ok = key.len() == 2 && key.parse::<u8>().is_ok_and(|n| (1..=47).contains(&n));
            if !ok {
                return Err(ConfigError::Parse {
                    path: path.to_path_buf(),
                    detail: format!("[kokuhoren.\"{key}\"]: the key must be a prefecture number 01-47"),
                });
            }
        }
        Ok(cfg)
    }

    /// Reads `path`; a missing file at the default path gives the defaults.
    pub fn load(path: &Path, must_exist: bool) -> Result<Config, ConfigError> {
        match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes).map_err(|e| ConfigError::Parse {
                    path: path.to_path_buf(),
                    detail: format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to()),
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
