//! Each prefecture's 国保連合会, from `assets/kokuhoren/kokuhoren.tsv` (compiled
//! in; what public pages say, with their addresses; the README beside it says
//! what the bot states and why). Names the data did not see are derived from
//! the prefecture's name; phone numbers are never taken from it.

use std::sync::OnceLock;

/// The table compiled in.
pub const TSV: &str = include_str!("../assets/kokuhoren/kokuhoren.tsv");

/// The table's columns.
pub const HEADER: [&str; 10] = [
    "code",
    "prefecture",
    "name",
    "url",
    "tel_main",
    "tel_kaigo",
    "kaigo_section",
    "internet_billing_page",
    "sources",
    "notes",
];

/// One prefecture's 国保連合会, as far as the bot states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kokuhoren {
    /// Prefecture number, 1–47 (the first two digits of an office number).
    pub code: u8,
    /// 北海道, 東京都, 大阪府, 京都府 or 〇〇県.
    pub prefecture: &'static str,
    /// The official name (〇〇国民健康保険団体連合会).
    pub name: String,
    /// Whether a cited page showed the name (otherwise it is derived).
    pub name_seen: bool,
    /// Its website, when a cited page gave it.
    pub url: Option<&'static str>,
    /// The pages the row's values came from.
    pub sources: &'static str,
}

/// The official name of a prefecture's 国保連合会: the prefecture's full name
/// followed by 国民健康保険団体連合会.
pub fn official_name(prefecture: &str) -> String {
    format!("{prefecture}国民健康保険団体連合会")
}

/// Parses the table: 47 rows in prefecture order, a seen name following the
/// pattern, a website only with a source on its host.
pub fn parse(text: &'static str) -> Result<Vec<Kokuhoren>, String> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    if header != HEADER {
        return Err(format!("header is not {}", HEADER.join(", ")));
    }
    let mut out = Vec::with_capacity(47);
    for (i, line) in lines.enumerate() {
        let at = i + 2;
        let cells: Vec<&'static str> = line.split('\t').collect();
        if cells.len() != HEADER.len() {
            return Err(format!("line {at}: {} columns, not {}", cells.len(), HEADER.len()));
        }
        let code: u8 = cells[0].parse().map_err(|_| format!("line {at}: bad code"))?;
        if usize::from(code) != out.len() + 1 || cells[0].len() != 2 {
            return Err(format!("line {at}: code {} out of order", cells[0]));
        }
        let prefecture = cells[1];
        let derived = official_name(prefecture);
        let name_seen = !cells[2].is_empty();
        if name_seen && cells[2] != derived {
            return Err(format!("line {at}: name {} does not follow the pattern", cells[2]));
        }
        let url = Some(cells[3]).filter(|u| !u.is_empty());
        let sources = cells[8];
        if let Some(u) = url {
            let host = u
                .strip_prefix("https://")
                .or_else(|| u.strip_prefix("http://"))
                .and_then(|r| r.split('/').next())
                .ok_or_else(|| format!("line {at}: url is not http(s)"))?;
            let host = host.strip_prefix("www.").unwrap_or(host);
            if host.is_empty() || !sources.contains(host) {
                return Err(format!("line {at}: no source on {host}"));
            }
        }
        out.push(Kokuhoren {
            code,
            prefecture,
            name: derived,
            name_seen,
            url,
            sources,
        });
    }
    if out.len() != 47 {
        return Err(format!("{} rows, not 47", out.len()));
    }
    Ok(out)
}

fn table() -> &'static [Kokuhoren] {
    static T: OnceLock<Vec<Kokuhoren>> = OnceLock::new();
    T.get_or_init(|| parse(TSV).expect("assets/kokuhoren/kokuhoren.tsv is checked by tests"))
}

/// The 国保連合会 of a prefecture number (1–47).
pub fn of(code: u8) -> Option<&'static Kokuhoren> {
    table().get(usize::from(code).checked_sub(1)?)
}

/// All 47, in prefecture order.
pub fn all() -> &'static [Kokuhoren] {
    table()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_parses() {
        let t = parse(TSV).unwrap();
        assert_eq!(t.len(), 47);
        assert_eq!(t.iter().filter(|k| k.name_seen).count(), 18);
        assert_eq!(t.iter().filter(|k| k.url.is_some()).count(), 24);
        let osaka = of(27).unwrap();
        assert_eq!(osaka.name, "大阪府国民健康保険団体連合会");
        assert!(!osaka.name_seen);
        assert_eq!(osaka.url, Some("https://www.osakakokuhoren.jp/"));
        assert_eq!(of(1).unwrap().name, "北海道国民健康保険団体連合会");
        assert_eq!(of(13).unwrap().name, "東京都国民健康保険団体連合会");
        assert_eq!(of(26).unwrap().name, "京都府国民健康保険団体連合会");
        assert_eq!(of(7).unwrap().url, None);
        assert!(of(0).is_none() && of(48).is_none());
    }

    #[test]
    fn a_bad_table_is_refused() {
        let header = HEADER.join("\t");
        let row = |code: &str, name: &str, url: &str, sources: &str| {
            format!("{code}\t北海道\t{name}\t{url}\t\t\t\t\t{sources}\t")
        };
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        assert!(parse(leak(format!("{header}\n{}", row("02", "", "", "")))).is_err());
        assert!(parse(leak(format!("{header}\n{}", row("01", "北海道連合会", "", "")))).is_err());
        let unsourced = row("01", "", "https://example.or.jp/", "https://other.or.jp/x");
        let e = parse(leak(format!("{header}\n{unsourced}"))).unwrap_err();
        assert!(e.contains("no source"), "{e}");
        assert!(parse(leak(format!("{header}\n{}", row("01", "", "", ""))))
            .unwrap_err()
            .contains("rows"));
    }
}
