//! markwhen's time zones, as `@markwhen/parser` reads them (with luxon): the header's
//! `timezone:` (or `tz:`) and an event's `timezone:` property name an IANA zone
//! (`America/New_York`, `Asia/Ho_Chi_Minh`, `UTC`) or a fixed offset (`+05:30`, `+0530`, `+5`,
//! `-4:30`, `7`). A time read in a zone keeps its offset (`2025-03-04T10:00:00-05:00`), so that
//! it is the same instant as in markwhen and is shown in its own zone.

use crate::model::PartialDate;
use crate::model::date::{DateError, OffsetForm, TimeOfDay};
use chrono::{NaiveDateTime, Offset, TimeZone};

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

    /// The offset (minutes east) at a wall-clock time of the zone; in a gap (clocks put
    /// forward), the offset before it, and at an ambiguous time the earlier one, as luxon does.
    pub fn offset_at_local(&self, t: NaiveDateTime) -> i16 {
        match self {
            Zone::Fixed(o, _) => *o,
            Zone::Named(tz) => {
                let secs = match tz.offset_from_local_datetime(&t).earliest() {
                    Some(o) => o.fix().local_minus_utc(),
                    None => tz.offset_from_utc_datetime(&t).fix().local_minus_utc(),
                };
                (secs / 60) as i16
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

    fn form(&self) -> OffsetForm {
        match self {
            Zone::Fixed(_, form) => *form,
            Zone::Named(_) => OffsetForm::HourMinute,
        }
    }

    /// The date with its time of day, if it has one, in this zone: the wall-clock time kept,
    /// its offset set (`keep`: an offset it has already, such as an ISO `Z`, stays).
    pub fn apply(&self, d: PartialDate, keep: bool) -> PartialDate {
        let Some(t) = d.time() else { return d };
        if keep && t.offset.is_some() {
            return d;
        }
        let wall = crate::model::markwhen::resolve::to_ndt(d.local().start());
        let offset = wall.map_or(0, |w| self.offset_at_local(w));
        let form = if offset == 0 && !matches!(self, Zone::Fixed(..)) { OffsetForm::Z } else { self.form() };
        d.with_time(TimeOfDay { offset: Some(offset), offset_form: form, ..t }).unwrap_or(d)
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
        let at = |s: &str| ny.apply(PartialDate::parse(s).unwrap(), true).iso();
        assert_eq!(at("2025-01-15T10:00:00"), "2025-01-15T10:00:00-05:00");
        assert_eq!(at("2025-07-15T10:00:00"), "2025-07-15T10:00:00-04:00");
        assert_eq!(at("2025-07-15T10:00:00Z"), "2025-07-15T10:00:00Z", "an ISO `Z` stays");
        assert_eq!(at("2025-07-15"), "2025-07-15", "a day has no zone");
        let hour = Zone::parse("+07").unwrap();
        assert_eq!(
            hour.apply(PartialDate::parse("2025-01-15T10:00:00").unwrap(), true).iso(),
            "2025-01-15T10:00:00+07"
        );
        let t = PartialDate::parse("2025-01-15T10:00:00-04:30").unwrap().time().unwrap();
        assert_eq!(offset_text(&t).as_deref(), Some("-04:30"));
        let back =
            Zone::parse("-04:30").unwrap().apply(PartialDate::parse("2025-01-15T10:00:00").unwrap(), false);
        assert_eq!(back.iso(), "2025-01-15T10:00:00-04:30");
    }
}
