//! A parser for EDTF (ISO 8601-2) levels 0 and 1: dates, date-times, qualifiers, unspecified
//! digits, long years and intervals with open or unknown ends. Written by hand: the one EDTF
//! crate (`edtf` 0.2) has not been released since 2021 and does not hold years beyond four digits.

use super::{PartialDate, Qualifier, TimeOfDay, Unspecified};

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    Date(PartialDate),
    /// `..`: open, the period runs on (or back) without end.
    Open,
    /// Empty: the end exists but is not known.
    Unknown,
}

/// A date or an interval, as written in a `date` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Interval {
    Single(PartialDate),
    Range(Bound, Bound),
}

impl Interval {
    /// Parses a date or an interval: `1966~`, `1964/1967`, `2020/..`, `../1992`, `/2020`.
    pub fn parse(s: &str) -> Result<Interval, String> {
        let Some((a, b)) = s.split_once('/') else { return parse_date(s).map(Interval::Single) };
        let bound = |p: &str| match p {
            "" => Ok(Bound::Unknown),
            ".." => Ok(Bound::Open),
            p => parse_date(p).map(Bound::Date),
        };
        let (start, end) = (bound(a)?, bound(b)?);
        match (start, end) {
            (Bound::Date(x), Bound::Date(y)) if y.start() < x.start() => {
                Err(format!("interval `{s}` ends before it starts"))
            }
            (Bound::Date(_), _) | (_, Bound::Date(_)) => Ok(Interval::Range(start, end)),
            _ => Err(format!("interval `{s}` needs a date at one end at least")),
        }
    }
}

fn bad(s: &str) -> String {
    format!(
        "`{s}` is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (EDTF: 1966? uncertain, 1966~ \
         approximate, 196X, -0499 for 500 BCE, Y-13800000000, 2025-05-07T14:30:00)"
    )
}

/// Parses one EDTF date (no interval).
pub fn parse_date(s: &str) -> Result<PartialDate, String> {
    let (body, qualifier) = match s.as_bytes().last() {
        Some(b'?') => (&s[..s.len() - 1], Qualifier { uncertain: true, approximate: false }),
        Some(b'~') => (&s[..s.len() - 1], Qualifier { uncertain: false, approximate: true }),
        Some(b'%') => (&s[..s.len() - 1], Qualifier { uncertain: true, approximate: true }),
        _ => (s, Qualifier::default()),
    };
    if !body.is_ascii() || body.is_empty() {
        return Err(bad(s));
    }
    let date = if let Some(long) = body.strip_prefix('Y') {
        long_year(long).ok_or_else(|| bad(s))?
    } else {
        let (day, time) = match body.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (body, None),
        };
        let date = calendar(day, s)?;
        match time {
            Some(t) => date.with_time(parse_time(t).ok_or_else(|| bad(s))?)?,
            None => date,
        }
    };
    Ok(date.with_qualifier(qualifier))
}

/// `Y170000002`, `Y-13800000000`: a year of any size, year precision only.
fn long_year(s: &str) -> Option<PartialDate> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<i64>().ok().map(PartialDate::year)
}

fn calendar(s: &str, whole: &str) -> Result<PartialDate, String> {
    let (negative, rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let parts: Vec<&str> = rest.split('-').collect();
    let ok = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit() || b == b'X');
    if parts.is_empty() || parts.len() > 3 || !parts.iter().zip([4, 2, 2]).all(|(p, n)| ok(p, n)) {
        return Err(bad(whole));
    }
    let year_x = parts[0].bytes().rev().take_while(|&b| b == b'X').count();
    if parts[0].bytes().take(4 - year_x).any(|b| b == b'X') || year_x > 2 || (negative && year_x > 0) {
        return Err(format!("`{whole}`: only the last one or two digits of a year can be X (196X, 19XX)"));
    }
    if year_x > 0 && parts.len() > 1 {
        return Err(format!("`{whole}`: a year with X digits cannot have a month or day"));
    }
    let year: i64 = parts[0].replace('X', "0").parse().map_err(|_| bad(whole))?;
    let year = if negative { -year } else { year };
    let field = |i: usize| -> Result<Option<u32>, String> {
        match parts.get(i) {
            None | Some(&"XX") => Ok(None),
            Some(p) if p.contains('X') => {
                Err(format!("`{whole}`: write XX for a whole unknown month or day"))
            }
            Some(p) => p.parse().map(Some).map_err(|_| bad(whole)),
        }
    };
    let (month, day) = (field(1)?, field(2)?);
    let unspecified = Unspecified {
        year_digits: year_x as u8,
        month: parts.get(1) == Some(&"XX"),
        day: parts.get(2) == Some(&"XX"),
    };
    if unspecified.month && parts.len() == 3 && !unspecified.day {
        return Err(format!("`{whole}`: a known day in an unknown month is not supported; write YYYY-XX-XX"));
    }
    if let Some(m @ 21..=41) = month {
        return Err(format!("`{whole}`: month {m} is an EDTF season, which is not supported; give a month"));
    }
    Ok(PartialDate::ymd(year, month, day)?.with_unspecified(unspecified))
}

/// `14`, `14:30`, `14:30:05`, `14:30:05.250`, each with an optional `Z` or `+07:00`.
fn parse_time(s: &str) -> Option<TimeOfDay> {
    let (clock, offset) = if let Some(c) = s.strip_suffix('Z') {
        (c, Some(0))
    } else if let Some(i) = s.rfind(['+', '-']) {
        let (c, o) = s.split_at(i);
        let sign = if o.starts_with('-') { -1 } else { 1 };
        let (h, m) = o[1..].split_once(':').unwrap_or((&o[1..], "00"));
        let (h, m): (i16, i16) = (num(h, 2)?, num(m, 2)?);
        (c, Some(sign * (h * 60 + m)))
    } else {
        (s, None)
    };
    let (hms, milli) = match clock.split_once('.') {
        Some((hms, frac)) if (1..=3).contains(&frac.len()) => {
            let scale = [100, 10, 1][frac.len() - 1];
            (hms, Some(num::<u16>(frac, frac.len())? * scale))
        }
        Some(_) => return None,
        None => (clock, None),
    };
    let mut it = hms.split(':');
    let hour = num(it.next()?, 2)?;
    let mut part = || -> Option<Option<u8>> {
        match it.next() {
            Some(p) => Some(Some(num(p, 2)?)),
            None => Some(None),
        }
    };
    let (minute, second) = (part()?, part()?);
    if it.next().is_some() || (milli.is_some() && second.is_none()) {
        return None;
    }
    Some(TimeOfDay { hour, minute, second, milli, offset })
}

fn num<T: std::str::FromStr>(s: &str, len: usize) -> Option<T> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}
