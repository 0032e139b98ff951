//! The slash commands, from the one command table, with Japanese names and
//! descriptions (`cmd-*`, `opt-*` and `choice-*` messages) and English
//! defaults.

use serenity::all::{CommandOptionType, CreateCommand, CreateCommandOption, Permissions};

use super::embed::clip;
use crate::command::{CommandSpec, COMMANDS};
use crate::content::{Content, Lang};
use crate::reply::Msg;

/// Discord's limit on names and descriptions of commands and options.
const DESCRIPTION_MAX: usize = 100;

/// Who sees the staff commands by default: members who may manage the
/// server. Server admins can give them to the staff role instead in the
/// server's integration settings; the bot checks the staff role as well.
pub const STAFF_PERMISSIONS: Permissions = Permissions::MANAGE_GUILD;

/// Every slash command to register.
pub fn commands(content: &Content) -> Vec<CreateCommand> {
    COMMANDS.iter().map(|spec| command(content, spec)).collect()
}

fn command(content: &Content, spec: &CommandSpec) -> CreateCommand {
    let id = format!("cmd-{}", spec.name);
    let en = |id: &str| content.text(Lang::En, &Msg::new(id));
    let ja = |id: &str| content.text(Lang::Ja, &Msg::new(id));
    let ja_name = |id: &str| content.attr(Lang::Ja, id, "name");
    let mut c = CreateCommand::new(spec.name)
        .description(clip(&en(&id), DESCRIPTION_MAX))
        .dm_permission(false);
    if spec.staff {
        c = c.default_member_permissions(STAFF_PERMISSIONS);
    }
    if let Some(n) = ja_name(&id) {
        c = c.name_localized("ja", n);
    }
    c = c.description_localized("ja", clip(&ja(&id), DESCRIPTION_MAX));
    for o in spec.options {
        let oid = format!("opt-{}-{}", spec.name, o.name);
        let mut opt = CreateCommandOption::new(CommandOptionType::String, o.name, clip(&en(&oid), DESCRIPTION_MAX))
            .required(o.required)
            .description_localized("ja", clip(&ja(&oid), DESCRIPTION_MAX));
        if let Some(n) = ja_name(&oid) {
            opt = opt.name_localized("ja", n);
        }
        for choice in o.choices {
            let cid = format!("choice-{}-{choice}", o.name);
            opt = opt.add_string_choice_localized(en(&cid), *choice, [("ja", ja(&cid))]);
        }
        if o.autocomplete {
            opt = opt.set_autocomplete(true);
        }
        c = c.add_option(opt);
    }
    c
}
