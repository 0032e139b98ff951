//! Contact routing: the seed's helpdesks (built in, texts in `locales/`), the
//! 国保連合会 of each prefecture (`bot.toml`, else the shipped table in
//! [`crate::kokuhoren`]) and vendor contacts from `bot.toml`, adapted to the
//! office's mode and billing software.

use crate::config::{Config, ContactConfig};
use crate::kokuhoren;
use crate::model::Office;
use crate::playbook::{ContactId, Mode};
use crate::reply::{Contact, Msg};
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
        ..Contact::default()
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

/// The office's 国保連合会: its `bot.toml` entry, else the shipped row (the
/// official name and, where known, the website). Without a phone number the
/// note says so, and where to find one.
fn kokuhoren_of(config: &Config, office: &Office) -> Contact {
    let code = office.number.prefecture();
    let key = format!("kokuhoren-{code:02}");
    let no_tel = |name: &str, url: bool| {
        Some(if url {
            Msg::new("contact-kokuhoren-no-tel").str("name", name)
        } else {
            Msg::new("contact-kokuhoren-no-tel-no-url").str("name", name)
        })
    };
    if let Some(c) = config.kokuhoren.get(&format!("{code:02}")) {
        let mut card = from_config(ContactId::Kokuhoren, key, c);
        if card.tel.is_none() && card.note.is_none() {
            card.note_msg = no_tel(&c.name, c.url.is_some());
        }
        return card;
    }
    match kokuhoren::of(code) {
        Some(k) => Contact {
            id: Some(ContactId::Kokuhoren),
            key: Some(key),
            name: Some(k.name.clone()),
            url: k.url.map(str::to_string),
            note_msg: no_tel(&k.name, k.url.is_some()),
            ..Contact::default()
        },
        None => builtin(ContactId::Kokuhoren),
    }
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
        ContactId::Kokuhoren => office.map_or_else(|| builtin(id), |o| kokuhoren_of(config, o)),
        ContactId::Software | ContactId::Vendor => office
            .and_then(|o| o.software.as_deref())
            .and_then(|sw| vendor_for(config, sw))
            .map(|(name, c)| from_config(id, format!("vendor-{name}"), c))
            .unwrap_or_else(|| builtin(id)),
    }
}
