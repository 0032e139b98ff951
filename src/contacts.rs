//! Contact routing: the seed's helpdesks (built in, texts in `locales/`), the
//! 国保連合会 of each prefecture and vendor contacts from `bot.toml`, adapted
//! to the office's mode and billing software.

use crate::config::{Config, ContactConfig};
use crate::model::{Agent, Office};
use crate::playbook::{ContactId, Mode, TaskId};
use crate::reply::Contact;
use crate::text;

fn from_config(id: ContactId, key: String, c: &ContactConfig) -> Contact {
    Contact {
        id: Some(id),
        key: Some(key),
        name: Some(c.name.clone()),
        tel: c.tel.clone(),
        fax: c.fax.clone(),
        email: c.email.clone(),
        url: c.url.clone(),
        note: c.note.clone(),
    }
}

fn builtin(id: ContactId) -> Contact {
    Contact {
        id: Some(id),
        ..Contact::default()
    }
}

/// Whether a billing software name means 国保中央会介護伝送ソフト.
pub fn is_denso(software: &str) -> bool {
    text::mentions_group("software:denso", software)
}

/// The configured vendor contact for a software name, if any.
fn vendor_for<'c>(config: &'c Config, software: &str) -> Option<(&'c String, &'c ContactConfig)> {
    let s = text::fold(software);
    config.vendors.iter().find(|(name, _)| {
        let n = text::fold(name);
        !n.is_empty() && (n == s || s.contains(&n) || n.contains(&s))
    })
}

/// The contact card for `id`, adapted to the office when there is one.
pub fn route(config: &Config, id: ContactId, office: Option<&Office>) -> Contact {
    let Some(office) = office else {
        return resolve(config, id, None);
    };
    let id = match (office.mode, id) {
        (Mode::Vendor, ContactId::Reception | ContactId::Software | ContactId::Denso) => ContactId::Vendor,
        (_, ContactId::Software) if office.software.as_deref().is_some_and(is_denso) => ContactId::Denso,
        (_, id) => id,
    };
    resolve(config, id, Some(office))
}

/// The card of one contact, without mode adaptation.
pub fn resolve(config: &Config, id: ContactId, office: Option<&Office>) -> Contact {
    match id {
        ContactId::Reception | ContactId::Denso => builtin(id),
        ContactId::Kokuhoren => office
            .and_then(|o| {
                let key = format!("{:02}", o.number.prefecture());
                config
                    .kokuhoren
                    .get(&key)
                    .map(|c| from_config(id, format!("kokuhoren-{key}"), c))
            })
            .unwrap_or_else(|| builtin(id)),
        ContactId::Software | ContactId::Vendor => office
            .and_then(|o| o.software.as_deref())
            .and_then(|sw| vendor_for(config, sw))
            .map(|(name, c)| from_config(id, format!("vendor-{name}"), c))
            .unwrap_or_else(|| builtin(id)),
    }
}

/// The contact card for a 代理人's step: the 国保連合会 of its first office
/// still waiting for its letter (of its first office, else the generic
/// card), the helpdesk of the 代理人's billing software, or the built-in card.
pub fn route_agent(config: &Config, id: ContactId, agent: &Agent, offices: &[Office]) -> Contact {
    match id {
        ContactId::Kokuhoren => {
            let office = offices
                .iter()
                .find(|o| !o.done.contains_key(&TaskId::NotifyReceive))
                .or(offices.first());
            resolve(config, id, office)
        }
        ContactId::Software => match agent.software.as_deref() {
            Some(sw) if is_denso(sw) => builtin(ContactId::Denso),
            Some(sw) => vendor_for(config, sw)
                .map(|(name, c)| from_config(id, format!("vendor-{name}"), c))
                .unwrap_or_else(|| builtin(id)),
            None => builtin(id),
        },
        _ => builtin(id),
    }
}
