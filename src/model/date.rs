//! Dates as honest as their sources: known to the year, month, day or a time of day; before the
//! common era or billions of years ago; uncertain (`?`), approximate (`~`) or with unspecified
//! digits (`196X`), in the Extended Date/Time Format (EDTF, ISO 8601-2) levels 0 and 1.
//!
//! Years are astronomical, as in EDTF: year 0 is 1 BCE, year −1 is 2 BCE.

mod edtf;
mod packed;
mod show;
#[cfg(test)]
mod spec_tests;
#[cfg(test)]
mod tests;

pub use edtf::{Bound, Interval};
pub use show::year_label;

use chrono::{Datelike, NaiveDate};
use packed::{DateRepr, Packed};
use std::cmp::Ordering;

/// Why a date (or an interval, a time of day, a time zone) cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not written as a date at all.
    #[error(
        "`{0}` is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (EDTF: 1966? uncertain, 1966~ \
         approximate, 196X, 2001-21 spring, -0499 for 500 BCE, Y-13800000000, 2025-05-07T14:30:00)"
    )]
    NotADate(String),
    /// A feature of EDTF level 2, which is not read.
    #[error("`{text}`: {feature} is EDTF level 2, which timeline does not read; levels 0 and 1 are read")]
    Level2 { text: String, feature: &'static str },
    /// Written as a date, but there is no such date, interval, time or zone; the message says why.
    #[error("{0}")]
    Invalid(String),
}

impl From<String> for DateError {
    fn from(message: String) -> Self {
        DateError::Invalid(message)
    }
}

/// How much of a date is known.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
    Millisecond,
}

/// EDTF qualifiers of a whole date: `?` uncertain, `~` approximate, `%` both.
#[derive(
    serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord,
)]
pub struct Qualifier {
    pub uncertain: bool,
    pub approximate: bool,
}

impl Qualifier {
    pub fn is_none(self) -> bool {
        !self.uncertain && !self.approximate
    }

    /// The EDTF suffix: ``, `?`, `~` or `%`.
    pub fn suffix(self) -> &'static str {
        match (self.uncertain, self.approximate) {
            (false, false) => "",
            (true, false) => "?",
            (false, true) => "~",
            (true, true) => "%",
        }
    }
}

/// Parts of a date the source leaves unspecified (EDTF `X`): the last one or two digits of the
/// year, the month, the day.
#[derive(
    serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord,
)]
pub struct Unspecified {
    pub year_digits: u8,
    pub month: bool,
    pub day: bool,
}

/// How a UTC offset was written, so that it is written back the same way: `Z`, `+07`, `+07:00`.
#[derive(
    serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default,
)]
pub enum OffsetForm {
    /// `Z` for a zero offset, `+hh:mm` for others.
    #[default]
    Z,
    /// `+hh`, hours only.
    Hour,
    /// `+hh:mm`, also for a zero offset (`+00:00`).
    HourMinute,
}

/// A time of day, to the hour, minute, second or millisecond, with its UTC offset if given.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeOfDay {
    pub hour: u8,
    pub minute: Option<u8>,
    pub second: Option<u8>,
    pub milli: Option<u16>,
    /// Minutes east of UTC (`Z` is `Some(0)`); `None` is local time.
    pub offset: Option<i16>,
    pub offset_form: OffsetForm,
}

impl TimeOfDay {
    fn precision(&self) -> Precision {
        match (self.minute, self.second, self.milli) {
            (None, ..) => Precision::Hour,
            (Some(_), None, _) => Precision::Minute,
            (Some(_), Some(_), None) => Precision::Second,
            _ => Precision::Millisecond,
        }
    }

    /// Milliseconds since midnight of the first moment, and the length of the period named.
    fn millis(&self) -> (i128, i128) {
        let m = |v: Option<u8>| i128::from(v.unwrap_or(0));
        let start = i128::from(self.hour) * 3_600_000
            + m(self.minute) * 60_000
            + m(self.second) * 1000
            + i128::from(self.milli.unwrap_or(0));
        let len = match self.precision() {
            Precision::Hour => 3_600_000,
            Precision::Minute => 60_000,
            Precision::Second => 1000,
            _ => 1,
        };
        // A UTC offset moves the moment; local times are taken as UTC.
        (start - i128::from(self.offset.unwrap_or(0)) * 60_000, len)
    }
}

/// A point on one line from the Big Bang to the far future: milliseconds since 0001-01-01.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment(pub i128);

const DAY_MS: i128 = 86_400_000;
/// Beyond these years only the year can be known; months and days need four-digit years.
pub const MAX_DETAILED_YEAR: i64 = 9999;

/// A date known to the year, month, day or time of day. It stands for the whole period it names.
/// Held packed (see `packed`), read and serialized as its parts (`DateRepr`).
#[derive(serde::Serialize, serde::Deserialize, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(from = "DateRepr", into = "DateRepr")]
pub struct PartialDate(Packed);

/// Seasons by their EDTF number less 21, and the month each begins (northern hemisphere; winter
/// runs into the next year).
pub(crate) const SEASONS: [(&str, u8); 4] = [("Spring", 3), ("Summer", 6), ("Autumn", 9), ("Winter", 12)];

pub(crate) const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Astronomical year (0 is 1 BCE) to TimelineJS year (−1 is 1 BCE), and back.
pub fn to_tjs_year(year: i64) -> i64 {
    if year <= 0 { year - 1 } else { year }
}

pub fn from_tjs_year(year: i64) -> i64 {
    if year < 0 { year + 1 } else { year }
}

impl PartialDate {
    /// A year, astronomical (0 is 1 BCE).
    pub fn year(year: i64) -> Self {
        DateRepr {
            year,
            month: None,
            day: None,
            time: None,
            qualifier: Qualifier::default(),
            unspecified: Unspecified::default(),
            season: None,
        }
        .into()
    }

    /// The date's parts, unpacked.
    pub(crate) fn repr(&self) -> DateRepr {
        self.0.into()
    }

    /// An EDTF season (21 spring … 24 winter) of a year of at most four digits.
    pub fn season(year: i64, season: u8) -> Self {
        DateRepr { season: Some(season.clamp(21, 24)), ..Self::year(year).repr() }.into()
    }

    /// The EDTF season number (21–24), for a season.
    pub fn season_value(&self) -> Option<u8> {
        self.repr().season
    }

    /// The same moment without its UTC offset, as TimelineJS numbers hold it.
    pub fn local(&self) -> Self {
        let d = self.repr();
        DateRepr { time: d.time.map(|t| TimeOfDay { offset: None, ..t }), ..d }.into()
    }

    /// A checked date; months and days need a year within ±9999.
    pub fn ymd(year: i64, month: Option<u32>, day: Option<u32>) -> Result<Self, DateError> {
        if (month.is_some() || day.is_some()) && year.abs() > MAX_DETAILED_YEAR {
            return Err(
                format!("year {year} has too many digits for a month or day; give only the year").into()
            );
        }
        if day.is_some() && month.is_none() {
            return Err(DateError::Invalid("a day needs a month".into()));
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(format!("month {m:02} does not exist; months run from 01 to 12").into());
        }
        if let (Some(m), Some(d)) = (month, day)
            && NaiveDate::from_ymd_opt(year as i32, m, d).is_none()
        {
            let last = days_in_month(year, m);
            return Err(format!(
                "{year:04}-{m:02}-{d:02} does not exist; {} {year} has {last} days",
                MONTHS[m as usize - 1]
            )
            .into());
        }
        Ok(DateRepr { month: month.map(|m| m as u8), day: day.map(|d| d as u8), ..Self::year(year).repr() }
            .into())
    }

    /// Parses one EDTF level 0–1 date (not an interval): `1959`, `2025-05-07`, `-0499`,
    /// `Y-13800000000`, `1966~`, `2026-01?`, `196X`, `2025-05-07T14:30:00Z`.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        edtf::parse_date(s)
    }

    /// This date with a time of day; the date must be known to the day.
    pub fn with_time(self, time: TimeOfDay) -> Result<Self, DateError> {
        if self.repr().day.is_none() {
            return Err(DateError::Invalid("a time of day needs a full date".into()));
        }
        let ok = time.hour < 24
            && time.minute.is_none_or(|m| m < 60)
            && time.second.is_none_or(|s| s < 61)
            && time.milli.is_none_or(|ms| ms < 1000);
        if !ok {
            return Err(
                format!("{:02}:{:02} is not a time of day", time.hour, time.minute.unwrap_or(0)).into()
            );
        }
        Ok(DateRepr { time: Some(time), ..self.repr() }.into())
    }

    pub fn with_qualifier(self, qualifier: Qualifier) -> Self {
        DateRepr { qualifier, ..self.repr() }.into()
    }

    pub(crate) fn with_unspecified(self, unspecified: Unspecified) -> Self {
        DateRepr { unspecified, ..self.repr() }.into()
    }

    pub fn precision(&self) -> Precision {
        let d = self.repr();
        match (d.month, d.day, &d.time) {
            (None, ..) if d.season.is_some() => Precision::Month,
            (None, ..) => Precision::Year,
            (Some(_), None, _) => Precision::Month,
            (Some(_), Some(_), None) => Precision::Day,
            (.., Some(t)) => t.precision(),
        }
    }

    /// The astronomical year (0 is 1 BCE).
    pub fn year_value(&self) -> i64 {
        self.repr().year
    }

    pub fn month_value(&self) -> Option<u32> {
        self.repr().month.map(u32::from)
    }

    pub fn day_value(&self) -> Option<u32> {
        self.repr().day.map(u32::from)
    }

    pub fn time(&self) -> Option<TimeOfDay> {
        self.repr().time
    }

    pub fn qualifier(&self) -> Qualifier {
        self.repr().qualifier
    }

    pub fn unspecified(&self) -> Unspecified {
        self.repr().unspecified
    }

    /// Uncertain, approximate or with unspecified digits: not exactly what a source states.
    pub fn is_fuzzy(&self) -> bool {
        let d = self.repr();
        !d.qualifier.is_none() || d.unspecified != Unspecified::default()
    }

    /// The same period without qualifiers, for comparisons that must ignore them.
    pub fn plain(&self) -> Self {
        DateRepr { qualifier: Qualifier::default(), ..self.repr() }.into()
    }

    /// The years the date's year stands for, `first..last` (exclusive): `196X` is 1960..1970,
    /// `-20XX` is -2099..-1999.
    fn years(d: &DateRepr) -> (i64, i64) {
        let span = 10i64.pow(u32::from(d.unspecified.year_digits));
        match span {
            1 => (d.year, d.year.saturating_add(1)),
            _ if d.year < 0 => (d.year - (span - 1), d.year + 1),
            _ => (d.year, d.year.saturating_add(span)),
        }
    }

    /// The first moment of the period this date names.
    pub fn start(&self) -> Moment {
        let d = self.repr();
        let (first, _) = Self::years(&d);
        let month = d.season.map_or(d.month.unwrap_or(1), |s| SEASONS[usize::from(s - 21)].1);
        let days = days_before(first, month, d.day.unwrap_or(1));
        Moment(days * DAY_MS + d.time.map_or(0, |t| t.millis().0))
    }

    /// The first moment after the period this date names.
    pub fn end(&self) -> Moment {
        let d = self.repr();
        let (_, last) = Self::years(&d);
        let days = match (d.month, d.day, d.season) {
            (None, _, Some(s)) => {
                let m = SEASONS[usize::from(s - 21)].1 + 3;
                if m > 12 { days_before(d.year + 1, m - 12, 1) } else { days_before(d.year, m, 1) }
            }
            (None, ..) => days_before(last, 1, 1),
            (Some(12), None, _) => days_before(d.year + 1, 1, 1),
            (Some(m), None, _) => days_before(d.year, m + 1, 1),
            (Some(m), Some(day), _) => days_before(d.year, m, day) + 1,
        };
        match d.time {
            None => Moment(days * DAY_MS),
            Some(t) => {
                let (start, len) = t.millis();
                Moment((days - 1) * DAY_MS + start + len)
            }
        }
    }

    /// The first day of the period, clamped to the range of calendar dates chrono can hold.
    pub fn first_day(&self) -> NaiveDate {
        moment_day(self.start())
    }

    /// The last day of the period, clamped like `first_day`.
    pub fn last_day(&self) -> NaiveDate {
        moment_day(Moment(self.end().0 - 1))
    }

    /// The EDTF form, the form our data files use: `1959`, `2025-05-07`, `1966~`, `-0499`.
    pub fn iso(&self) -> String {
        show::edtf(self)
    }

    /// A span label: `26–27 Jan 2026`, `30 Jan – 2 Feb 2026`, `2020–2021`, `c. 1966 – 1970`.
    pub fn span_label(&self, end: Option<&PartialDate>) -> String {
        show::span_label(self, end)
    }

    /// Orders by the period named only (start, then coarser first, then end), ignoring
    /// qualifiers: what the timeline sorts by, with ids breaking ties.
    pub fn cmp_period(&self, other: &Self) -> Ordering {
        self.start()
            .cmp(&other.start())
            .then(self.precision().cmp(&other.precision()))
            .then_with(|| self.end().cmp(&other.end()))
    }

    /// Sort key for equal starts and precisions: everything else, so that `Ord` agrees with `Eq`.
    fn rest(&self) -> (i128, Qualifier, Unspecified, Option<TimeOfDay>, Option<u8>) {
        let d = self.repr();
        (self.end().0, d.qualifier, d.unspecified, d.time, d.season)
    }
}

/// Days from 0001-01-01 to the given day; years far outside the calendar use the mean
/// Gregorian year.
fn days_before(year: i64, month: u8, day: u8) -> i128 {
    if year.abs() <= 200_000
        && let Some(d) = NaiveDate::from_ymd_opt(year as i32, u32::from(month), u32::from(day))
    {
        return i128::from(d.num_days_from_ce() - 1);
    }
    (i128::from(year) - 1) * 146_097 / 400
}

fn moment_day(m: Moment) -> NaiveDate {
    let days = m.0.div_euclid(DAY_MS);
    match i32::try_from(days + 1) {
        Ok(d) => NaiveDate::from_num_days_from_ce_opt(d).unwrap_or(if days < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        }),
        Err(_) if days < 0 => NaiveDate::MIN,
        Err(_) => NaiveDate::MAX,
    }
}

pub(crate) fn days_in_month(year: i64, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year as i32 + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year as i32, month + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map_or(31, |d| d.day())
}

/// Order by earliest moment; on a tie the coarser date first (`2025` < `2025-05` < `2025-05-01`).
impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.start()
            .cmp(&other.start())
            .then(self.precision().cmp(&other.precision()))
            .then_with(|| self.rest().cmp(&other.rest()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
