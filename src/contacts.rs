//! Contact routing: the seed's helpdesks (built in, texts in `locales/`), the
//! 国保連合会 of each prefecture (`bot.toml`, else the shipped table in
//! [`crate::kokuhoren`]) and vendor contacts from `bot.toml`, adapted to the
//! office's mode and billing software, and to a question saying the
//! office's software is not 国保中央会's.

use crate::config::{Config, ContactConfig};
use crate::kokuhoren;
use crate::model::{Agent, Office};
use crate::playbook::{ContactId, Mode, TaskId};
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

/// After a mention of the 国保中央会 software, words that say "not it"
/// (folded: katakana as hiragana).
const NOT_AFTER: &[&str] = &[
    "じゃな",
    "ではな",
    "でわな",
    "じゃあり",
    "ではあり",
    "でなく",
    "以外",
    "と違",
    "とは違",
    "とちが",
    "とはちが",
    "使わ",
];
/// … and a verb of using, negated (「使っていません」; not 「動いていない」).
const USE: &[&str] = &["使って", "つかって", "使用して", "利用して", "導入して"];
const NOT_USING: &[&str] = &["いな", "な", "いません", "ません", "おら", "おりません"];
/// … unless they are a condition ("must it be the 国保中央会 software?").
const UNLESS_AFTER: &[&str] = &[
    "じゃないと",
    "じゃなきゃ",
    "じゃなければ",
    "でないと",
    "ではないと",
    "でなければ",
    "でなきゃ",
    "使わないと",
    "使わなければ",
    "使わなきゃ",
    "使わないといけ",
];
/// Before a mention, English words that say "not it".
const NOT_BEFORE: &[&str] = &[
    "not ",
    "n't use",
    "not use",
    "other than",
    "instead of",
    "non-",
    "isn't",
    "aren't",
    "without",
];

/// Whether a question says the office's billing software is not
/// 国保中央会介護伝送ソフト (「国保中央会のじゃない」, "not the 国保中央会 one").
pub fn says_not_denso(question: &str) -> bool {
    let q = text::fold_question(question);
    text::group_spans("software:denso", &q).into_iter().any(|span| {
        let after: String = q[span.end..].chars().take(12).collect();
        let before: String = {
            let mut b: Vec<char> = q[..span.start].chars().rev().take(20).collect();
            b.reverse();
            b.into_iter().collect()
        };
        let not_using = USE.iter().any(|u| {
            after
                .match_indices(u)
                .any(|(i, _)| NOT_USING.iter().any(|n| after[i + u.len()..].starts_with(n)))
        });
        let negated_after = (not_using || NOT_AFTER.iter().any(|m| after.contains(m)))
            && !UNLESS_AFTER.iter().any(|m| after.contains(m));
        negated_after || NOT_BEFORE.iter().any(|m| before.contains(m))
    })
}

/// The configured vendor contact for a software name, if any.
fn vendor_for<'c>(config: &'c Config, software: &str) -> Option<(&'c String, &'c ContactConfig)> {
    let s = text::fold(software);
    config.vendors.iter().find(|(name, _)| {
        let n = text::fold(name);
        !n.is_empty() && (n == s || s.contains(&n) || n.contains(&s))
    })
}

/// The helpdesk of billing software that is not 国保中央会's: its
/// `[vendors."NAME"]` entry, else a card sending the office to the desk its
/// software's manual or site names (never the 介護伝送ソフトヘルプデスク).
fn other_software(config: &Config, software: Option<&str>) -> Contact {
    if let Some((name, c)) = software.and_then(|sw| vendor_for(config, sw)) {
        let mut card = from_config(ContactId::Software, format!("vendor-{name}"), c);
        if card.note.is_none() {
            // Not the built-in note, which names the 介護伝送ソフトヘルプデスク.
            card.note_msg = Some(Msg::new("contact-software-vendor-note"));
        }
        return card;
    }
    Contact {
        id: Some(ContactId::Software),
        name_msg: software.map(|sw| Msg::new("contact-software-other").str("software", sw)),
        note_msg: Some(Msg::new("contact-software-other-note")),
        ..Contact::default()
    }
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
    let denso = office.software.as_deref().map(is_denso);
    let id = match (office.mode, id) {
        (Mode::Vendor, ContactId::Reception | ContactId::Software | ContactId::Denso) => ContactId::Vendor,
        // Other billing software: its own helpdesk, never the 国保中央会 one.
        (_, ContactId::Denso) if denso == Some(false) => ContactId::Software,
        (_, ContactId::Software) if denso == Some(true) => ContactId::Denso,
        (_, id) => id,
    };
    resolve(config, id, Some(office))
}

/// The contact card for a question whose answer names `id`: [`route`], but
/// a question saying the software is not 国保中央会's goes to the office's
/// own software helpdesk (or its vendor), never to the 介護伝送ソフトヘルプデスク.
pub fn route_question(config: &Config, id: ContactId, office: Option<&Office>, question: &str) -> Contact {
    let vendor_billed = office.is_some_and(|o| o.mode == Mode::Vendor);
    if matches!(id, ContactId::Software | ContactId::Denso) && !vendor_billed && says_not_denso(question) {
        let software = office.and_then(|o| o.software.as_deref()).filter(|sw| !is_denso(sw));
        return other_software(config, software);
    }
    route(config, id, office)
}

/// The card of one contact, without mode adaptation.
pub fn resolve(config: &Config, id: ContactId, office: Option<&Office>) -> Contact {
    match id {
        ContactId::Reception | ContactId::Denso => builtin(id),
        ContactId::Kokuhoren => office.map_or_else(|| builtin(id), |o| kokuhoren_of(config, o)),
        ContactId::Software => match office.and_then(|o| o.software.as_deref()) {
            Some(sw) if !is_denso(sw) => other_software(config, Some(sw)),
            Some(sw) => vendor_for(config, sw)
                .map(|(name, c)| from_config(id, format!("vendor-{name}"), c))
                .unwrap_or_else(|| builtin(id)),
            None => builtin(id),
        },
        ContactId::Vendor => office
            .and_then(|o| o.software.as_deref())
            .and_then(|sw| vendor_for(config, sw))
            .map(|(name, c)| from_config(id, format!("vendor-{name}"), c))
            .unwrap_or_else(|| builtin(id)),
    }
}

/// The contact card for a 代理人's step: the 国保連合会 of its first office
/// still waiting for its letter (of its first office, else the generic
/// card), the helpdesk of the 代理人's billing software (its own for other
/// software than 国保中央会's), or the built-in card.
pub fn route_agent(config: &Config, id: ContactId, agent: &Agent, offices: &[Office]) -> Contact {
    match id {
        ContactId::Kokuhoren => {
            let office = offices
                .iter()
                .find(|o| !o.done.contains_key(&TaskId::NotifyReceive))
                .or(offices.first());
            resolve(config, id, office)
        }
        // Other billing software: its own helpdesk, never the 国保中央会 one.
        ContactId::Software => match agent.software.as_deref() {
            Some(sw) if is_denso(sw) => builtin(ContactId::Denso),
            Some(sw) => other_software(config, Some(sw)),
            None => builtin(id),
        },
        _ => builtin(id),
    }
}

#[cfg(test)]
mod tests {
    use super::says_not_denso;

    #[test]
    fn questions_saying_the_software_is_not_kokuho_chuokais() {
        for q in [
            "うちの請求ソフト、国保中央会のやつじゃないんだけど大丈夫？",
            "国保中央会のソフトではなく、民間メーカーの請求ソフトです",
            "伝送ソフト以外の請求ソフトを使っています",
            "国保中央会の介護伝送ソフトは使っていません",
            "伝送ソフトは利用しておりません",
            "We don't use the 国保中央会 software, we use a commercial one",
            "Our billing software is from a private vendor, not Kokuho Chuokai.",
            "We use software other than the denso one",
        ] {
            assert!(says_not_denso(q), "{q}");
        }
        for q in [
            "国保中央会の伝送ソフトで送信しようとするとエラーになる",
            "伝送ソフトのヘルプデスクの電話番号",
            "国保中央会の伝送ソフトじゃないとだめ？",
            "伝送ソフトを使わないといけませんか",
            "伝送ソフトが動いていない",
            "請求ソフトの設定方法がわからない",
            "The 国保中央会 software does not start",
        ] {
            assert!(!says_not_denso(q), "{q}");
        }
    }
}
