//! Inspecting a `Reply`: its messages by id, their arguments, and the
//! contact, checklist and buttons. Each panics with what the reply held
//! when the thing looked for is missing.

use seikyu_navi::reply::{Arg, Block, ButtonAction, ChecklistItem, Contact, Msg, Reply};

/// The messages of the reply's blocks, in order (field values included).
pub fn msgs(r: &Reply) -> Vec<&Msg> {
    r.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Title(m) | Block::Text(m) | Block::Success(m) | Block::Warning(m) | Block::Error(m) => Some(m),
            Block::Field { value, .. } => Some(value),
            _ => None,
        })
        .collect()
}

/// The ids of [`msgs`].
pub fn ids(r: &Reply) -> Vec<&str> {
    msgs(r).into_iter().map(|m| m.id.as_str()).collect()
}

/// The message with this id.
pub fn find<'a>(r: &'a Reply, id: &str) -> &'a Msg {
    msgs(r)
        .into_iter()
        .find(|m| m.id == id)
        .unwrap_or_else(|| panic!("no {id} in {:?}", ids(r)))
}

pub fn has(r: &Reply, id: &str) -> bool {
    msgs(r).iter().any(|m| m.id == id)
}

/// The id of the first error block, if any.
pub fn error_id(r: &Reply) -> Option<&str> {
    r.blocks.iter().find_map(|b| match b {
        Block::Error(m) => Some(m.id.as_str()),
        _ => None,
    })
}

pub fn arg<'a>(m: &'a Msg, name: &str) -> &'a Arg {
    m.args
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, a)| a)
        .unwrap_or_else(|| panic!("{} has no argument {name}", m.id))
}

pub fn num(m: &Msg, name: &str) -> i64 {
    match arg(m, name) {
        Arg::Num(n) => *n,
        a => panic!("{}.{name} is {a:?}", m.id),
    }
}

pub fn date(m: &Msg, name: &str) -> i64 {
    match arg(m, name) {
        Arg::Date(d) => *d,
        a => panic!("{}.{name} is {a:?}", m.id),
    }
}

pub fn string<'a>(m: &'a Msg, name: &str) -> &'a str {
    match arg(m, name) {
        Arg::Str(s) => s,
        a => panic!("{}.{name} is {a:?}", m.id),
    }
}

pub fn sub<'a>(m: &'a Msg, name: &str) -> &'a Msg {
    match arg(m, name) {
        Arg::Msg(x) => x,
        a => panic!("{}.{name} is {a:?}", m.id),
    }
}

/// The reply's contact card.
pub fn contact(r: &Reply) -> &Contact {
    r.blocks
        .iter()
        .find_map(|b| match b {
            Block::Contact(c) => Some(c),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no contact in {:?}", r.blocks))
}

/// The reply's checklist.
pub fn checklist(r: &Reply) -> &[ChecklistItem] {
    r.blocks
        .iter()
        .find_map(|b| match b {
            Block::Checklist(c) => Some(c.as_slice()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no checklist in {:?}", ids(r)))
}

/// What the reply's buttons do.
pub fn buttons(r: &Reply) -> Vec<ButtonAction> {
    r.buttons.iter().map(|b| b.action.clone()).collect()
}

/// The messages of the reply's lists (`Block::Lines`), in order.
pub fn lines(r: &Reply) -> Vec<&Msg> {
    r.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Lines(l) => Some(l),
            _ => None,
        })
        .flatten()
        .collect()
}
