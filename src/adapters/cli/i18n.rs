//! The CLI's help texts from the locales (`cli-*` messages), in the
//! terminal's language: clap has no i18n, so the texts are set at run time.

use clap::CommandFactory;

use super::Cli;
use crate::content::{Content, Lang};
use crate::reply::Msg;

/// The language of the operator's terminal (`LC_ALL`, `LC_MESSAGES`, `LANG`),
/// for the CLI's help; Japanese unless it says English.
pub fn system_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .next()
        .and_then(|v| Lang::from_locale(&v.split('.').next().unwrap_or_default().replace('_', "-")))
        .unwrap_or_default()
}

/// The CLI with its help texts from the locales.
pub fn localized_cli(content: &Content, lang: Lang) -> clap::Command {
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
