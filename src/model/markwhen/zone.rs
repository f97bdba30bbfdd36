//! markwhen's time zones, as `@markwhen/parser` reads them (with luxon): the header's
//! `timezone:` (or `tz:`) and an event's `timezone:` property name an IANA zone
//! (`America/New_York`, `Asia/Ho_Chi_Minh`, `UTC`) or a fixed offset (`+05:30`, `+0530`, `+5`,
//! `-4:30`, `7`). A time read in a zone keeps its offset (`2025-03-04T10:00:00-05:00`), so that
//! it is the same instant as in markwhen and is shown in its own zone.

use crate::model::PartialDate;
use crate::model::date::{DateError, OffsetForm, TimeOfDay};
use chrono::{Datelike, NaiveDateTime, Offset, TimeZone, Timelike};

/// What a wall-clock time is in a zone with summer time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wall {
    /// It happened once.
    Once,
    /// It never happened (clocks put forward over it); luxon reads it as this later time.
    Gap(NaiveDateTime),
    /// It happened twice (clocks put back); the first is taken.
    Twice,
}

/// A zone dates are read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// Minutes east of UTC, and how the offset was written (`+07` or `+07:00`).
    Fixed(i16, OffsetForm),
    Named(chrono_tz::Tz),
}

/// EDTF allows offsets up to ±14:00.
const MAX_OFFSET: i16 = 14 * 60;

impl Zone {
    /// Reads a zone as markwhen does; `Err` says why it is not one.
    pub fn parse(s: &str) -> Result<Zone, DateError> {
        let s = s.trim().trim_matches(|c| c == '"' || c == '\'');
        if let Ok(tz) = s.parse::<chrono_tz::Tz>() {
            return Ok(Zone::Named(tz));
        }
        let fixed = fixed(s).ok_or_else(|| {
            DateError::Invalid(format!(
                "`{s}` is not a time zone: write an IANA name (`America/New_York`) or an offset (`+05:30`)"
            ))
        })?;
        match fixed {
            (o, _) if o.abs() > MAX_OFFSET => Err(format!("`{s}`: an offset is at most ±14:00").into()),
            (o, form) => Ok(Zone::Fixed(o, form)),
        }
    }

    /// Whether this is UTC at every instant (then times stay as written, without an offset).
    pub fn is_utc(&self) -> bool {
        match self {
            Zone::Fixed(o, _) => *o == 0,
            Zone::Named(tz) => matches!(
                tz.name(),
                "UTC"
                    | "Etc/UTC"
                    | "GMT"
                    | "Etc/GMT"
                    | "Etc/Universal"
                    | "Etc/Zulu"
                    | "Universal"
                    | "Zulu"
                    | "UCT"
                    | "Etc/UCT"
                    | "GMT0"
                    | "Etc/GMT0"
                    | "Etc/GMT+0"
                    | "Etc/GMT-0"
                    | "Greenwich"
                    | "Etc/Greenwich"
                    | "GMT+0"
                    | "GMT-0"
            ),
        }
    }

    /// A wall-clock time of the zone as luxon reads it: its offset (minutes east), and whether
    /// the time did not exist or happened twice. A time in a gap (clocks put forward) is the
    /// instant it would be with the offset before the gap, shown with the offset after it
    /// (`02:30` is `03:30` the day New York's clocks go forward); of a time that happened twice
    /// (clocks put back), the first.
    pub fn wall(&self, t: NaiveDateTime) -> (i16, Wall) {
        let Zone::Named(tz) = self else { return (self.offset_at_utc(t), Wall::Once) };
        let minutes = |o: chrono_tz::TzOffset| (o.fix().local_minus_utc() / 60) as i16;
        match tz.offset_from_local_datetime(&t) {
            chrono::LocalResult::Single(o) => (minutes(o), Wall::Once),
            chrono::LocalResult::Ambiguous(first, _) => (minutes(first), Wall::Twice),
            chrono::LocalResult::None => {
                let day = chrono::TimeDelta::hours(12);
                let before = minutes(tz.offset_from_utc_datetime(&(t - day)));
                let after = minutes(tz.offset_from_utc_datetime(&(t + day)));
                let (lo, hi) = (before.min(after), before.max(after));
                (hi, Wall::Gap(t + chrono::TimeDelta::minutes(i64::from(hi - lo))))
            }
        }
    }

    /// The offset at an instant (a UTC time).
    pub fn offset_at_utc(&self, t: NaiveDateTime) -> i16 {
        match self {
            Zone::Fixed(o, _) => *o,
            Zone::Named(tz) => (tz.offset_from_utc_datetime(&t).fix().local_minus_utc() / 60) as i16,
        }
    }

    /// The zone's name as written in a header (`America/New_York`, `+05:30`).
    pub fn name(&self) -> String {
        match self {
            Zone::Named(tz) => tz.name().to_string(),
            Zone::Fixed(o, _) => {
                format!("{}{:02}:{:02}", if *o < 0 { '-' } else { '+' }, o.abs() / 60, o.abs() % 60)
            }
        }
    }

    fn form(&self) -> OffsetForm {
        match self {
            Zone::Fixed(_, form) => *form,
            Zone::Named(_) => OffsetForm::HourMinute,
        }
    }

    /// The date with its time of day, if it has one, in this zone: the wall-clock time kept
    /// (moved forward out of a gap, as luxon does), its offset set (`keep`: an offset it has
    /// already, such as an ISO `Z`, stays); and what the wall-clock time was.
    pub fn apply(&self, d: PartialDate, keep: bool) -> (PartialDate, Wall) {
        let Some(t) = d.time() else { return (d, Wall::Once) };
        if keep && t.offset.is_some() {
            return (d, Wall::Once);
        }
        let wall = crate::model::markwhen::resolve::to_ndt(d.local().start());
        let (offset, what) = wall.map_or((0, Wall::Once), |w| self.wall(w));
        let form = if offset == 0 && !matches!(self, Zone::Fixed(..)) { OffsetForm::Z } else { self.form() };
        let t = TimeOfDay { offset: Some(offset), offset_form: form, ..t };
        let moved = match what {
            Wall::Gap(to) => PartialDate::ymd(i64::from(to.year()), Some(to.month()), Some(to.day()))
                .and_then(|day| {
                    day.with_time(TimeOfDay { hour: to.hour() as u8, minute: Some(to.minute() as u8), ..t })
                }),
            _ => d.with_time(t),
        };
        (moved.unwrap_or(d), what)
    }
}

/// The text of an offset as markwhen reads it back into the same offset and form: `UTC`, `+07`,
/// `-04:30`.
pub fn offset_text(t: &TimeOfDay) -> Option<String> {
    let o = t.offset?;
    let sign = if o < 0 { '-' } else { '+' };
    Some(match t.offset_form {
        OffsetForm::Z if o == 0 => "UTC".to_string(),
        OffsetForm::Hour if o % 60 == 0 => format!("{sign}{:02}", o.abs() / 60),
        _ => format!("{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60),
    })
}

/// A fixed offset as luxon's `Z`, `ZZ` and `ZZZ` read it (`+5`, `+05:30`, `+0530`), also
/// without a sign (`5`, which YAML gives as a number); with the form to write it back in.
fn fixed(s: &str) -> Option<(i16, OffsetForm)> {
    fn digits(p: &str) -> Option<&str> {
        (!p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit())).then_some(p)
    }
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => (1, s),
    };
    let (h, m, form) = match rest.split_once(':') {
        Some((h, m)) if m.len() == 2 => (digits(h)?, Some(digits(m)?), OffsetForm::HourMinute),
        Some(_) => return None,
        None if rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()) => {
            (&rest[..2], Some(&rest[2..]), OffsetForm::HourMinute)
        }
        None => {
            (digits(rest)?, None, if rest.len() == 2 { OffsetForm::Hour } else { OffsetForm::HourMinute })
        }
    };
    let (h, m): (i16, i16) = (h.parse().ok()?, m.map_or(Some(0), |m| m.parse().ok())?);
    // luxon reads `-05:60` as -06:00; EDTF has no such minute, so it is not a zone here.
    (m < 60).then_some((sign * (h * 60 + m), form))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_as_luxon_reads_them() {
        let fixed = |s: &str| match Zone::parse(s) {
            Ok(Zone::Fixed(o, _)) => Some(o),
            _ => None,
        };
        assert_eq!(fixed("+05:30"), Some(330));
        assert_eq!(fixed("+0530"), Some(330));
        assert_eq!(fixed("+5"), Some(300));
        assert_eq!(fixed("-5"), Some(-300));
        assert_eq!(fixed("5"), Some(300));
        assert_eq!(fixed("-4:30"), Some(-270));
        assert_eq!(fixed("+14:00"), Some(840));
        for bad in ["+15:00", "-05:60", "UTC+7", "Mars/Olympus", "", "+5:3"] {
            assert!(Zone::parse(bad).is_err(), "{bad}");
        }
        assert!(matches!(Zone::parse("America/New_York"), Ok(Zone::Named(_))));
        assert!(Zone::parse("UTC").unwrap().is_utc());
        assert!(Zone::parse("+00:00").unwrap().is_utc());
        assert!(!Zone::parse("Asia/Ho_Chi_Minh").unwrap().is_utc());
    }

    #[test]
    fn a_time_keeps_its_wall_clock_and_gets_the_offset_of_its_day() {
        let ny = Zone::parse("America/New_York").unwrap();
        let at = |s: &str| ny.apply(PartialDate::parse(s).unwrap(), true).0.iso();
        assert_eq!(at("2025-01-15T10:00:00"), "2025-01-15T10:00:00-05:00");
        assert_eq!(at("2025-07-15T10:00:00"), "2025-07-15T10:00:00-04:00");
        assert_eq!(at("2025-07-15T10:00:00Z"), "2025-07-15T10:00:00Z", "an ISO `Z` stays");
        assert_eq!(at("2025-07-15"), "2025-07-15", "a day has no zone");
        let hour = Zone::parse("+07").unwrap();
        assert_eq!(
            hour.apply(PartialDate::parse("2025-01-15T10:00:00").unwrap(), true).0.iso(),
            "2025-01-15T10:00:00+07"
        );
        let t = PartialDate::parse("2025-01-15T10:00:00-04:30").unwrap().time().unwrap();
        assert_eq!(offset_text(&t).as_deref(), Some("-04:30"));
        let back =
            Zone::parse("-04:30").unwrap().apply(PartialDate::parse("2025-01-15T10:00:00").unwrap(), false);
        assert_eq!(back.0.iso(), "2025-01-15T10:00:00-04:30");
    }

    #[test]
    fn a_time_that_never_was_moves_forward_and_one_that_was_twice_is_the_first() {
        let ny = Zone::parse("America/New_York").unwrap();
        let at = |s: &str| {
            let (d, w) = ny.apply(PartialDate::parse(s).unwrap(), true);
            (d.iso(), w)
        };
        let (gap, w) = at("2025-03-09T02:30:00");
        assert_eq!(gap, "2025-03-09T03:30:00-04:00", "luxon's reading: the same instant as 02:30-05:00");
        assert!(matches!(w, Wall::Gap(_)));
        assert_eq!(at("2025-11-02T01:30:00"), ("2025-11-02T01:30:00-04:00".to_string(), Wall::Twice));
        assert_eq!(at("2025-11-02T03:30:00"), ("2025-11-02T03:30:00-05:00".to_string(), Wall::Once));
    }
}
