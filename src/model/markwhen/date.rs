//! The date part of a markwhen event line, read as `@markwhen/parser` reads it: EDTF first
//! (`1964/2008`, `2004-06 / 2006-08`, `2025-03-04 10:00`), then the casual forms (`1961`,
//! `04/1776`, `12/7/1941 8am`, `Jan 2026`, `January 1, 2026`, `1 Jan 1998 to 11/11/2011`,
//! ISO 8601 with `Z`, `now`, times alone, relative amounts), then years with `BC`/`AD`.
//! This module only recognises the forms; `resolve` turns them into dates.

use super::re;
use crate::model::PartialDate;
use crate::model::date::TimeOfDay;
use regex::Regex;
use std::sync::LazyLock;

/// A unit of a relative amount (`3 days`, `2 weeks`, `5 week days`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Millis,
    Seconds,
    Minutes,
    Hours,
    Days,
    /// Days that are not Saturdays or Sundays.
    WeekDays,
    Weeks,
    Months,
    Years,
}

/// `before`/`by` or `after` an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    After,
    Before,
}

/// A relative date: `after !launch 3 days`, `before !Christmas 1 month`, `1 year`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rel {
    pub dir: Dir,
    /// The event referred to, and whether its start (`.start`) rather than its end is meant.
    pub id: Option<(String, bool)>,
    pub amounts: Vec<(i64, Unit)>,
}

/// One end of a date range as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    Date(PartialDate),
    /// A date without a year (`Jan 3`, `Nov 11 02:30`): markwhen takes the current year.
    NoYear {
        month: u32,
        day: Option<u32>,
        time: Option<TimeOfDay>,
    },
    Now,
    /// A time alone (`3:30pm`): on the day of the date before it.
    Time(TimeOfDay),
    Rel(Rel),
}

/// A range as written: its ends, and whether it is a `BC`/`AD` range (whose end markwhen takes
/// as the start of the end year).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub from: Bound,
    pub to: Option<Bound>,
    pub bce_range: bool,
    /// `every …`: a recurrence, of which only the first occurrence is read.
    pub recurrence: bool,
}

const TIME: &str = r"(?:(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*([ap]m)|([01]?\d|2[0-3]):([0-5]\d))";
const MONTH: &str = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)";

static EDTF: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^(\d{{4}})(?:-(\d{{2}})(?:-(\d{{2}})(?:\s+{TIME})?)?)?$")));
static ISO: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3})\d*)?Z$"));
static SLASH: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^(\d{{1,5}})(?:/(\d{{1,5}})(?:/(\d{{1,5}})(?:[,\s]+{TIME})?)?)?$")));
static TIME_ONLY: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^{TIME}$")));
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"(?i)^(?:([0-3]?\d)\s+{MONTH}|{MONTH}\s+([0-3]?\d)),?(?:\s+(\d{{4}}),?)?(?:\s+{TIME})?$"))
});
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^{MONTH}(?:\s+(\d{{1,4}}))?$")));
static REL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(by|before|after)?\s*(?:!(\w+)(?:\.(start|end))?)?\s*(?:plus|\+)?\s*(.*)$"));
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(-)?(\d+)\W*?\s*(milliseconds|ms|seconds|second|secs|sec|s|minutes|minute|mins|min|hours|hour|h|(?:week\s*|work\s*|business\s*)days?|days|day|d|weeks|week|w|months|month|years|year|y)\b(?:\s*,\s*|\s*)",
    )
});
static BCE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(\d{1,5})\s?(BCE|BC|AD|CE)?(?:\s?[–-]\s?(\d{1,5})\s?(BCE|BC|AD|CE)?)?$"));
static RECURRENCE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\s*\bevery[^:]+$"));

/// Reads the date part of an event line (what comes before its colon). `day_first`: the header
/// says `dateFormat: d/M/y`.
pub fn written(part: &str, day_first: bool) -> Option<Written> {
    let (part, recurrence) = match RECURRENCE.find(part) {
        Some(m) if m.start() > 0 => (&part[..m.start()], true),
        _ => (part, false),
    };
    let part = part.trim();
    edtf_range(part)
        .or_else(|| casual_range(part, day_first))
        .or_else(|| bce_range(part))
        .map(|w| Written { recurrence, ..w })
}

fn edtf_range(s: &str) -> Option<Written> {
    let bound = |p: &str| edtf_date(p).or_else(|| now(p)).or_else(|| relative(p));
    let (from, to) = match s.split_once('/') {
        Some((a, b)) => (bound(a.trim())?, Some(bound(b.trim())?)),
        None => (bound(s)?, None),
    };
    Some(Written { from, to, bce_range: false, recurrence: false })
}

fn casual_range(s: &str, day_first: bool) -> Option<Written> {
    let bound = |p: &str| casual(p.trim(), day_first);
    if let Some(b) = bound(s) {
        return Some(Written { from: b, to: None, bce_range: false, recurrence: false });
    }
    // Every ` to ` and `-` is a place the range may be split; the first split that reads wins.
    let splits = s
        .match_indices(" to ")
        .map(|(i, m)| (i, i + m.len()))
        .chain(s.match_indices('-').map(|(i, _)| (i, i + 1)));
    for (at, after) in splits {
        if let (Some(a), Some(b)) = (bound(&s[..at]), bound(&s[after..])) {
            return Some(Written { from: a, to: Some(b), bce_range: false, recurrence: false });
        }
    }
    None
}

fn casual(s: &str, day_first: bool) -> Option<Bound> {
    iso(s)
        .or_else(|| now(s))
        .or_else(|| TIME_ONLY.captures(s).and_then(|c| time(&c, 1)).map(Bound::Time))
        .or_else(|| slash(s, day_first))
        .or_else(|| relative(s))
        .or_else(|| human(s))
}

fn bce_range(s: &str) -> Option<Written> {
    let c = BCE.captures(s)?;
    let year = |n: usize, era: usize| -> Option<i64> {
        let y: i64 = c.get(n)?.as_str().parse().ok()?;
        let bc = c.get(era).is_some_and(|e| e.as_str().to_ascii_uppercase().starts_with('B'));
        Some(if bc { 1 - y } else { y })
    };
    let from = year(1, 2)?;
    let to = year(3, 4);
    Some(Written {
        from: Bound::Date(PartialDate::year(from)),
        to: to.map(|y| Bound::Date(PartialDate::year(y))),
        bce_range: to.is_some(),
        recurrence: false,
    })
}

fn now(s: &str) -> Option<Bound> {
    s.eq_ignore_ascii_case("now").then_some(Bound::Now)
}

fn num(c: &regex::Captures, i: usize) -> Option<u32> {
    c.get(i).and_then(|m| m.as_str().parse().ok())
}

/// A time from the `TIME` pattern whose first group is `first`.
fn time(c: &regex::Captures, first: usize) -> Option<TimeOfDay> {
    let (hour, minute) = if let Some(h) = num(c, first) {
        let pm = c.get(first + 2)?.as_str().eq_ignore_ascii_case("pm");
        ((h % 12) + if pm { 12 } else { 0 }, num(c, first + 1).unwrap_or(0))
    } else {
        (num(c, first + 3)?, num(c, first + 4)?)
    };
    Some(TimeOfDay {
        hour: hour as u8,
        minute: Some(minute as u8),
        second: None,
        milli: None,
        offset: None,
        offset_form: Default::default(),
    })
}

fn day(y: i64, m: u32, d: Option<u32>, t: Option<TimeOfDay>) -> Option<PartialDate> {
    let date = PartialDate::ymd(y, Some(m), d).ok()?;
    match t {
        Some(t) => date.with_time(t).ok(),
        None => Some(date),
    }
}

fn edtf_date(s: &str) -> Option<Bound> {
    let c = EDTF.captures(s)?;
    let y = i64::from(num(&c, 1)?);
    let date = match (num(&c, 2), num(&c, 3)) {
        (None, _) => PartialDate::year(y),
        (Some(m), d) => day(y, m, d, time(&c, 4))?,
    };
    Some(Bound::Date(date))
}

fn iso(s: &str) -> Option<Bound> {
    let c = ISO.captures(s)?;
    let milli = c.get(7).and_then(|m| format!("{:0<3}", m.as_str()).parse().ok());
    let t = TimeOfDay {
        hour: num(&c, 4)? as u8,
        minute: Some(num(&c, 5)? as u8),
        second: Some(num(&c, 6)? as u8),
        milli,
        offset: Some(0),
        offset_form: Default::default(),
    };
    day(i64::from(num(&c, 1)?), num(&c, 2)?, num(&c, 3), Some(t)).map(Bound::Date)
}

fn slash(s: &str, day_first: bool) -> Option<Bound> {
    let c = SLASH.captures(s)?;
    let (a, b, y) = (num(&c, 1)?, num(&c, 2), num(&c, 3));
    let date = match (b, y) {
        (None, _) => PartialDate::year(i64::from(a)),
        (Some(year), None) => day(i64::from(year), a, None, None)?,
        (Some(b), Some(year)) => {
            let (m, d) = if day_first { (b, a) } else { (a, b) };
            day(i64::from(year), m, Some(d), time(&c, 4))?
        }
    };
    Some(Bound::Date(date))
}

/// A month by its English name or abbreviation.
fn month(s: &str) -> Option<u32> {
    let s = s.to_ascii_lowercase();
    crate::model::date::MONTHS
        .iter()
        .position(|m| s.starts_with(&m.to_ascii_lowercase()))
        .map(|i| i as u32 + 1)
}

fn human(s: &str) -> Option<Bound> {
    if let Some(c) = DAY_MONTH.captures(s) {
        let (d, m) = match num(&c, 1) {
            Some(d) => (d, month(c.get(2)?.as_str())?),
            None => (num(&c, 4)?, month(c.get(3)?.as_str())?),
        };
        let t = time(&c, 6);
        return match num(&c, 5) {
            Some(y) => day(i64::from(y), m, Some(d), t).map(Bound::Date),
            None => Some(Bound::NoYear { month: m, day: Some(d), time: t }),
        };
    }
    let c = MONTH_YEAR.captures(s)?;
    let m = month(c.get(1)?.as_str())?;
    match num(&c, 2) {
        Some(y) => day(i64::from(y), m, None, None).map(Bound::Date),
        None => Some(Bound::NoYear { month: m, day: None, time: None }),
    }
}

fn unit(s: &str) -> Option<Unit> {
    let s = s.to_ascii_lowercase();
    let s = s.trim_end_matches('s');
    Some(match s {
        "m" | "millisecond" => Unit::Millis,
        "" | "sec" | "second" => Unit::Seconds,
        "min" | "minute" => Unit::Minutes,
        "h" | "hour" => Unit::Hours,
        "d" | "day" => Unit::Days,
        "w" | "week" => Unit::Weeks,
        "month" => Unit::Months,
        "y" | "year" => Unit::Years,
        _ if s.ends_with("day") => Unit::WeekDays,
        _ => return None,
    })
}

/// A relative date; it needs an event id or an amount.
fn relative(s: &str) -> Option<Bound> {
    let c = REL.captures(s)?;
    let dir = match c.get(1).map(|m| m.as_str().to_ascii_lowercase()) {
        Some(w) if w != "after" => Dir::Before,
        _ => Dir::After,
    };
    let id = c.get(2).map(|m| (m.as_str().to_string(), c.get(3).is_some_and(|x| x.as_str() == "start")));
    let mut rest = c.get(4).map_or("", |m| m.as_str());
    let mut amounts = Vec::new();
    while !rest.is_empty() {
        let a = AMOUNT.captures(rest)?;
        let n: i64 = a.get(2)?.as_str().parse().ok()?;
        let sign = if a.get(1).is_some() { -1 } else { 1 };
        amounts.push((sign * n, unit(a.get(3)?.as_str())?));
        rest = &rest[a.get(0)?.end()..];
    }
    (id.is_some() || !amounts.is_empty()).then_some(Bound::Rel(Rel { dir, id, amounts }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Bound {
        written(s, false).unwrap_or_else(|| panic!("{s} not read")).from
    }

    #[test]
    fn each_form_has_its_precision() {
        assert_eq!(one("1961"), Bound::Date(PartialDate::year(1961)));
        assert_eq!(one("04/1776"), Bound::Date(PartialDate::ymd(1776, Some(4), None).unwrap()));
        assert_eq!(one("Jan 2026"), Bound::Date(PartialDate::ymd(2026, Some(1), None).unwrap()));
        assert_eq!(one("January 1, 2026"), Bound::Date(PartialDate::ymd(2026, Some(1), Some(1)).unwrap()));
        assert_eq!(one("18 March 2026"), Bound::Date(PartialDate::ymd(2026, Some(3), Some(18)).unwrap()));
        assert_eq!(one("12/7/1941"), Bound::Date(PartialDate::ymd(1941, Some(12), Some(7)).unwrap()));
        assert_eq!(
            written("12/7/1941", true).unwrap().from,
            Bound::Date(PartialDate::ymd(1941, Some(7), Some(12)).unwrap())
        );
        assert!(matches!(one("Nov 11 02:30"), Bound::NoYear { month: 11, day: Some(11), time: Some(_) }));
        assert_eq!(one("now"), Bound::Now);
        assert!(matches!(one("3:30pm"), Bound::Time(TimeOfDay { hour: 15, .. })));
    }

    #[test]
    fn ranges_and_relative_dates() {
        let w = written("2004-06 / 2006-08", false).unwrap();
        assert_eq!(w.to, Some(Bound::Date(PartialDate::ymd(2006, Some(8), None).unwrap())));
        let w = written("2021-01-02T06:27:00Z-2022", false).unwrap();
        assert_eq!(w.to, Some(Bound::Date(PartialDate::year(2022))));
        let w = written("1 Jan 1998 to 11/11/2011 8am", false).unwrap();
        assert!(matches!(w.to, Some(Bound::Date(d)) if d.time().is_some_and(|t| t.hour == 8)));
        let Bound::Rel(r) = one("after !Phase1 2 weeks") else { panic!() };
        assert_eq!(
            (r.dir, r.id, r.amounts),
            (Dir::After, Some(("Phase1".into(), false)), vec![(2, Unit::Weeks)])
        );
        let Bound::Rel(r) = one("10 years 6 months 3 days") else { panic!() };
        assert_eq!(r.amounts, vec![(10, Unit::Years), (6, Unit::Months), (3, Unit::Days)]);
        let Bound::Rel(r) = one("5 week days") else { panic!() };
        assert_eq!(r.amounts, vec![(5, Unit::WeekDays)]);
        let w = written("100 BCE - 50 AD", false).unwrap();
        assert_eq!((w.from, w.bce_range), (Bound::Date(PartialDate::year(-99)), true));
        assert!(written("2023-01-03 every other week for 1 year", false).unwrap().recurrence);
        for bad in ["Meeting at 10", "2024: x", "hello", "2025-03-04 - 1 week", ""] {
            assert_eq!(written(bad, false), None, "{bad}");
        }
    }
}
