//! A strict parser for EDTF levels 0 and 1 (Library of Congress specification of 4 February
//! 2019, the EDTF profile of ISO 8601-2): dates, date-times, seasons, qualifiers, unspecified
//! digits, long years and intervals with an open or unknown end. What the specification puts in
//! level 2 is refused with an error that names level 2 and the feature. Written by hand: the one
//! EDTF crate (`edtf` 0.2) has not been released since 2021 and does not hold years beyond four
//! digits.

use super::{DateError, OffsetForm, PartialDate, Qualifier, TimeOfDay, Unspecified};

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
    pub fn parse(s: &str) -> Result<Interval, DateError> {
        let Some((a, b)) = s.split_once('/') else { return parse_date(s).map(Interval::Single) };
        if b.contains('/') {
            return Err(format!("`{s}` has more than one `/`; an interval is start/end").into());
        }
        let bound = |p: &str| match p {
            "" => Ok(Bound::Unknown),
            ".." => Ok(Bound::Open),
            p => {
                let d = parse_date(p)?;
                if d.time().is_some() {
                    return Err(format!(
                        "`{s}`: EDTF intervals are between dates; a time of day is not allowed in an interval"
                    )
                    .into());
                }
                if d.unspecified() != Unspecified::default() {
                    return Err(level2(s, "unspecified digits (X) in an interval end"));
                }
                Ok(Bound::Date(d))
            }
        };
        let (start, end) = (bound(a)?, bound(b)?);
        match (start, end) {
            (Bound::Date(x), Bound::Date(y)) if y.end() <= x.start() => {
                Err(format!("interval `{s}` ends before it starts").into())
            }
            (Bound::Date(_), _) | (_, Bound::Date(_)) => Ok(Interval::Range(start, end)),
            _ => Err(format!(
                "interval `{s}` needs a date at one end at least: the EDTF specification (2019) \
                 allows `..` or an empty end only opposite a date"
            )
            .into()),
        }
    }
}

impl std::fmt::Display for Interval {
    /// The EDTF form, the same string as parsed: `1964/2008`, `../1992`, `2001-21?`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let bound = |b: &Bound| match b {
            Bound::Date(d) => d.iso(),
            Bound::Open => "..".into(),
            Bound::Unknown => String::new(),
        };
        match self {
            Interval::Single(d) => f.write_str(&d.iso()),
            Interval::Range(a, b) => write!(f, "{}/{}", bound(a), bound(b)),
        }
    }
}

fn bad(s: &str) -> DateError {
    DateError::NotADate(s.to_string())
}

fn level2(s: &str, feature: &'static str) -> DateError {
    DateError::Level2 { text: s.to_string(), feature }
}

/// The level 2 feature a string uses, if any, found before it is parsed as a date.
fn level2_feature(s: &str) -> Option<&'static str> {
    let b = s.as_bytes();
    if s.starts_with(['[', '{']) || s.ends_with([']', '}']) {
        return Some("a set (`[…]` one of, `{…}` all of)");
    }
    if s.starts_with('Y') && s.contains('E') {
        return Some("an exponential year (`Y-17E7`)");
    }
    if s.contains('S') && s.bytes().last().is_some_and(|c| c.is_ascii_digit()) {
        return Some("significant digits (`1950S2`)");
    }
    let mark = |c: &u8| matches!(c, b'?' | b'~' | b'%');
    let inside = b.windows(2).any(|w| (mark(&w[0]) && w[1] == b'-') || (w[0] == b'-' && mark(&w[1])));
    if b.first().is_some_and(mark) || inside {
        return Some("qualification of a single component (`2004?-06-11`, `2004-~06`)");
    }
    None
}

/// Parses one EDTF date or date-time (no interval).
pub fn parse_date(s: &str) -> Result<PartialDate, DateError> {
    if let Some(feature) = level2_feature(s) {
        return Err(level2(s, feature));
    }
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
        long_year(long, s)?
    } else {
        let (day, time) = match body.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (body, None),
        };
        let date = calendar(day, s)?;
        match time {
            Some(_) if !qualifier.is_none() => {
                return Err(format!(
                    "`{s}`: EDTF qualifies dates, not date-times; drop the time or the mark"
                )
                .into());
            }
            Some(_) if date.is_fuzzy() || date.season_value().is_some() => {
                return Err(format!("`{s}`: a time of day needs a complete date").into());
            }
            Some(t) => date.with_time(parse_time(t, s)?)?,
            None => date,
        }
    };
    Ok(date.with_qualifier(qualifier))
}

/// `Y170000002`, `Y-13800000000`: a year of more than four digits, year precision only.
fn long_year(s: &str, whole: &str) -> Result<PartialDate, DateError> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(whole));
    }
    if digits.len() <= 4 || digits.starts_with('0') {
        return Err(format!(
            "`{whole}`: the Y prefix is for years of more than four digits (Y10000, Y-170000002); \
             write shorter years with four digits"
        )
        .into());
    }
    s.parse::<i64>().map(PartialDate::year).map_err(|_| bad(whole))
}

fn calendar(s: &str, whole: &str) -> Result<PartialDate, DateError> {
    let (negative, rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let parts: Vec<&str> = rest.split('-').collect();
    let ok = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit() || b == b'X');
    if parts.len() > 3 || !parts.iter().zip([4, 2, 2]).all(|(p, n)| ok(p, n)) {
        return Err(bad(whole));
    }
    let year_x = parts[0].bytes().rev().take_while(|&b| b == b'X').count();
    let x_inside = |p: &str, trailing: usize| p.bytes().take(p.len() - trailing).any(|b| b == b'X');
    if x_inside(parts[0], year_x) || year_x > 2 {
        return Err(level2(whole, "an unspecified digit (X) other than the last one or two of a year"));
    }
    if year_x > 0 && parts.len() > 1 {
        return Err(level2(whole, "a month or day after a year with X digits"));
    }
    let year: i64 = parts[0].replace('X', "0").parse().map_err(|_| bad(whole))?;
    if negative && year == 0 && year_x == 0 {
        return Err(format!("`{whole}`: -0000 is not a year; year 0000 (1 BCE) has no sign").into());
    }
    if negative && year == 0 {
        return Err(
            format!("`{whole}`: write a negative year with X digits as -1XXX … -99XX, not -00XX").into()
        );
    }
    let year = if negative { -year } else { year };
    let unspecified = |i: usize| parts.get(i) == Some(&"XX");
    if parts.iter().skip(1).any(|p| p.contains('X') && *p != "XX") {
        return Err(level2(whole, "an unspecified digit (X) inside a month or day"));
    }
    if unspecified(1) && parts.len() == 3 && !unspecified(2) {
        return Err(level2(whole, "a known day in an unspecified month (XX)"));
    }
    let field = |i: usize| -> Result<Option<u32>, DateError> {
        match parts.get(i) {
            None | Some(&"XX") => Ok(None),
            Some(p) => p.parse().map(Some).map_err(|_| bad(whole)),
        }
    };
    let (month, day) = (field(1)?, field(2)?);
    match month {
        Some(m @ 21..=24) if parts.len() == 2 => return Ok(PartialDate::season(year, m as u8)),
        Some(21..=24) => return Err(format!("`{whole}`: a season (21–24) has no day").into()),
        Some(25..=41) => {
            return Err(level2(whole, "a sub-year grouping (25–41: hemispheres, quarters, semesters)"));
        }
        _ => {}
    }
    let marks = Unspecified { year_digits: year_x as u8, month: unspecified(1), day: unspecified(2) };
    Ok(PartialDate::ymd(year, month, day)?.with_unspecified(marks))
}

/// `14:30:05`, `14:30:05.250`, each with an optional `Z`, `+07`, `-04:30`.
fn parse_time(s: &str, whole: &str) -> Result<TimeOfDay, DateError> {
    let (clock, offset, form) = if let Some(c) = s.strip_suffix('Z') {
        (c, Some(0), OffsetForm::Z)
    } else if let Some(i) = s.rfind(['+', '-']) {
        let (c, o) = s.split_at(i);
        let (offset, form) = parse_offset(o, whole)?;
        (c, Some(offset), form)
    } else {
        (s, None, OffsetForm::Z)
    };
    let (hms, milli) = match clock.split_once('.') {
        Some((hms, frac)) => (hms, Some(num::<u16>(frac, 3).ok_or_else(|| bad(whole))?)),
        None => (clock, None),
    };
    let parts: Vec<&str> = hms.split(':').collect();
    let [h, m, sec] = parts.as_slice() else {
        return Err(format!("`{whole}`: an EDTF time is complete, hh:mm:ss (T14:30:00)").into());
    };
    let (hour, minute, second) = (num(h, 2), num(m, 2), num(sec, 2));
    let (Some(hour), Some(minute), Some(second)) = (hour, minute, second) else { return Err(bad(whole)) };
    Ok(TimeOfDay { hour, minute: Some(minute), second: Some(second), milli, offset, offset_form: form })
}

/// `+07`, `-04:30`: at most 14 hours, minutes below 60, and not `-00` (ISO 8601 has no negative
/// zero shift).
fn parse_offset(o: &str, whole: &str) -> Result<(i16, OffsetForm), DateError> {
    let sign: i16 = if o.starts_with('-') { -1 } else { 1 };
    let (h, m, form) = match o[1..].split_once(':') {
        Some((h, m)) => (h, m, OffsetForm::HourMinute),
        None => (&o[1..], "00", OffsetForm::Hour),
    };
    let (Some(h), Some(m)) = (num::<i16>(h, 2), num::<i16>(m, 2)) else { return Err(bad(whole)) };
    let minutes = h * 60 + m;
    if m >= 60 || minutes > 14 * 60 || (sign < 0 && minutes == 0) {
        return Err(
            format!("`{whole}`: UTC offset {o} does not exist; offsets run from -14:00 to +14:00").into()
        );
    }
    Ok((sign * minutes, form))
}

fn num<T: std::str::FromStr>(s: &str, len: usize) -> Option<T> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}
