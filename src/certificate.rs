//! The electronic certificate's expiry, and how sure the bot is of it.
//!
//! A certificate is valid for 3 years from its issue (supplementary fact;
//! the exact last day is shown in the `[証明書]` menu). In order of trust, the
//! expiry is:
//! - the last day the office (or the 代理人, for its one certificate)
//!   reported (`/certificate expires:`);
//! - computed from the issue date it reported (`/certificate issued:`): 3
//!   years later, less a day, so a notice never comes late;
//! - an estimate when it reported neither: 3 years (less a day) from the
//!   earliest day it marked the certificate applied for or installed. The
//!   certificate was issued after it was applied for, so this is early
//!   unless those steps were marked long after they happened; the
//!   reminders say it is an estimate and come earlier.
//!
//! Days are unix seconds at 00:00 Japan time, as [`crate::content`] shows them.

use std::collections::BTreeMap;

use time::{Date, Month, OffsetDateTime, UtcOffset};

use crate::model::{Agent, CertificateDates, Office};
use crate::playbook::{DoneMark, StepId, TaskId};
use crate::reply::{Block, Msg};
use crate::text;

/// Years a certificate is valid.
pub const VALID_YEARS: i32 = 3;

const JST: UtcOffset = match UtcOffset::from_hms(9, 0, 0) {
    Ok(o) => o,
    Err(_) => panic!("valid offset"),
};

/// Where an expiry date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The last day the office read in the `[証明書]` menu.
    Reported,
    /// Computed from the issue date the office reported.
    FromIssue { issued: i64 },
    /// Estimated from when the certificate steps were marked done (`since`,
    /// the earliest of them); `installed` is when the install was marked.
    Estimate { since: i64, installed: i64 },
}

/// A certificate's last valid day and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expiry {
    /// The last day the certificate is valid (00:00 Japan time).
    pub last_day: i64,
    pub basis: Basis,
}

impl Expiry {
    pub fn is_estimate(&self) -> bool {
        matches!(self.basis, Basis::Estimate { .. })
    }
}

/// The office's certificate expiry: reported, computed, or estimated; `None`
/// when it reported nothing and has not marked the certificate installed,
/// and for an office that has no certificate of its own (billed by proxy,
/// its 代理人's is the one: [`agent_expiry`]; or by a vendor).
pub fn expiry(office: &Office) -> Option<Expiry> {
    if !StepId::Certificate.applies(office.mode) {
        return None;
    }
    expiry_of(office.certificate.as_ref(), &office.done)
}

/// The expiry of a 代理人's one certificate, as [`expiry`] for an office.
pub fn agent_expiry(agent: &Agent) -> Option<Expiry> {
    expiry_of(agent.certificate.as_ref(), &agent.done)
}

/// The expiry from the dates reported, else estimated from the marked steps.
fn expiry_of(reported: Option<&CertificateDates>, done: &BTreeMap<TaskId, DoneMark>) -> Option<Expiry> {
    if let Some(dates) = reported {
        if let Some(last_day) = dates.expires {
            return Some(Expiry {
                last_day,
                basis: Basis::Reported,
            });
        }
        if let Some(issued) = dates.issued {
            return Some(Expiry {
                last_day: last_day_from_issue(issued),
                basis: Basis::FromIssue { issued },
            });
        }
    }
    let installed = done.get(&TaskId::CertificateInstall)?.at;
    let since = done
        .get(&TaskId::CertificateApply)
        .map_or(installed, |m| m.at.min(installed));
    Some(Expiry {
        last_day: last_day_from_issue(day_of(since)),
        basis: Basis::Estimate { since, installed },
    })
}

/// Days before the expiry at which the office is reminded (the most urgent
/// one due is sent), for a reported or computed date and for an estimate.
pub fn notices(basis: &Basis) -> &'static [i64] {
    match basis {
        Basis::Estimate { .. } => &[180, 90, 30, 7],
        _ => &[90, 30, 7],
    }
}

/// The expiry as an office reads it: the date and how the bot knows it;
/// for an estimate, why it is one and where the exact date is. A date 90
/// days away or less, a lapsed one and an estimate are warnings.
pub fn describe(now: i64, e: &Expiry) -> Vec<Block> {
    let days = days_until(now, e.last_day);
    let line = match (e.basis, days < 0) {
        (Basis::Estimate { .. }, false) => Msg::new("certificate-expires-estimate").num("days", days),
        (Basis::Estimate { .. }, true) => Msg::new("certificate-lapsed-estimate"),
        (Basis::FromIssue { issued }, false) => Msg::new("certificate-expires-from-issue")
            .num("days", days)
            .date("issued", issued),
        (_, false) => Msg::new("certificate-expires").num("days", days),
        (_, true) => Msg::new("certificate-lapsed"),
    }
    .date("date", e.last_day);
    let mut out = vec![if days <= 90 || e.is_estimate() {
        Block::Warning(line)
    } else {
        Block::Text(line)
    }];
    match e.basis {
        Basis::Reported => {}
        Basis::FromIssue { .. } => out.push(Block::Text(Msg::new("certificate-check-exact"))),
        Basis::Estimate { since, .. } => {
            out.push(Block::Text(Msg::new("certificate-estimate-why").date("since", since)));
            out.push(Block::Text(Msg::new("certificate-check-exact")));
            out.push(Block::Text(Msg::new("certificate-how")));
        }
    }
    out
}

/// The last valid day of a certificate issued on `issued` (a day): the day
/// before the same date 3 years later (28 February for 29 February).
pub fn last_day_from_issue(issued: i64) -> i64 {
    let Some(d) = date_of(issued) else {
        return issued;
    };
    let year = d.year() + VALID_YEARS;
    let later = d
        .replace_year(year)
        .or_else(|_| Date::from_calendar_date(year, Month::March, 1))
        .unwrap_or(d);
    start_of(later.previous_day().unwrap_or(later))
}

/// Whole days from today (Japan time) to `day`: 0 on the day itself,
/// negative once it has passed.
pub fn days_until(now: i64, day: i64) -> i64 {
    match (date_of(now), date_of(day)) {
        (Some(a), Some(b)) => (b - a).whole_days(),
        _ => (day - now) / 86_400,
    }
}

/// The day `at` falls on, as 00:00 Japan time.
pub fn day_of(at: i64) -> i64 {
    date_of(at).map_or(at, start_of)
}

fn date_of(at: i64) -> Option<Date> {
    OffsetDateTime::from_unix_timestamp(at)
        .ok()
        .map(|t| t.to_offset(JST).date())
}

fn start_of(d: Date) -> i64 {
    d.midnight().assume_offset(JST).unix_timestamp()
}

/// A date as an office types it, as a day (00:00 Japan time): 2026-11-24,
/// 2026/11/24, 20261124, 2026年11月24日, 令和8年11月24日 (also 令和元年,
/// R8.11.24, 平成…/H…), full-width or not; a trailing まで is ignored.
/// `None` when it is not a real date written one of these ways.
pub fn parse_date(s: &str) -> Option<i64> {
    let s: String = text::fold(s).chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.strip_suffix("まで").unwrap_or(&s);
    let (era, rest) = [("令和", 2018), ("r", 2018), ("平成", 1988), ("h", 1988)]
        .iter()
        .find_map(|(name, base)| s.strip_prefix(name).map(|r| (Some(*base), r)))
        .unwrap_or((None, s));
    let rest = rest.replacen('元', "1", 1);
    if !rest.chars().all(|c| c.is_ascii_digit() || "年月日-/.".contains(c)) {
        return None;
    }
    let parts: Vec<&str> = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let (y, m, d) = match parts.as_slice() {
        [ymd] if era.is_none() && ymd.len() == 8 => (&ymd[..4], &ymd[4..6], &ymd[6..]),
        [y, m, d] if m.len() <= 2 && d.len() <= 2 => (*y, *m, *d),
        _ => return None,
    };
    let year = match era {
        Some(base) if (1..=2).contains(&y.len()) => base + y.parse::<i32>().ok()?,
        None if y.len() == 4 => y.parse::<i32>().ok()?,
        _ => return None,
    };
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    let date = Date::from_calendar_date(year, month, d.parse().ok()?).ok()?;
    Some(start_of(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> i64 {
        start_of(Date::from_calendar_date(y, Month::try_from(m).unwrap(), d).unwrap())
    }

    #[test]
    fn dates_as_offices_write_them() {
        let want = Some(day(2026, 11, 24));
        for s in [
            "2026-11-24",
            "2026/11/24",
            "2026.11.24",
            "20261124",
            "2026年11月24日",
            "２０２６年１１月２４日",
            "令和8年11月24日",
            "令和８年１１月２４日まで",
            "R8.11.24",
            "r8/11/24",
            "㋿8年11月24日",
            " 2026年 11月 24日 ",
        ] {
            assert_eq!(parse_date(s), want, "{s}");
        }
        assert_eq!(parse_date("令和元年5月1日"), Some(day(2019, 5, 1)));
        assert_eq!(parse_date("平成30年4月1日"), Some(day(2018, 4, 1)));
        for bad in [
            "",
            "2026-02-30",
            "2026-13-01",
            "26-11-24",
            "11月24日",
            "令和2026年1月1日",
            "2026年11月24日ごろ",
            "来年",
            "1370100016",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn three_years_less_a_day() {
        assert_eq!(last_day_from_issue(day(2026, 11, 24)), day(2029, 11, 23));
        assert_eq!(last_day_from_issue(day(2028, 2, 29)), day(2031, 2, 28));
        assert_eq!(last_day_from_issue(day(2027, 3, 1)), day(2030, 2, 28));
    }

    #[test]
    fn days_count_in_japan_time() {
        // 2026-11-23 23:30 JST is still the 23rd.
        let late = day(2026, 11, 23) + 23 * 3600 + 1800;
        assert_eq!(days_until(late, day(2026, 11, 24)), 1);
        assert_eq!(days_until(late + 3600, day(2026, 11, 24)), 0);
        assert_eq!(days_until(day(2026, 11, 25), day(2026, 11, 24)), -1);
        assert_eq!(day_of(late), day(2026, 11, 23));
    }
}
