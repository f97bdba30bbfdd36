//! Turns a written markwhen range into our dates. Written dates keep their precision (a year
//! stays a year); relative dates, `now` and times alone are computed as `@markwhen/parser`
//! computes them, from the previous event or the event an `!id` names, and the instants found
//! are given the coarsest precision that names them exactly.

use super::date::{Bound, Dir, Rel, Unit, Written};
use crate::model::date::TimeOfDay;
use crate::model::{Moment, PartialDate};
use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, TimeDelta, Timelike};
use std::collections::HashMap;

/// A markwhen event's start and end instants, as the official parser gives them: the start of
/// the first date, and the end of the last date, except that a date with a time of day is an
/// instant (its end is its start).
pub fn instants(date: &PartialDate, end: Option<&PartialDate>) -> (Moment, Moment) {
    let last = end.unwrap_or(date);
    (date.start(), if last.time().is_some() { last.start() } else { last.end() })
}

/// What relative dates count from.
pub struct Context {
    pub now: NaiveDateTime,
    /// The end of the previous event.
    pub last: Option<NaiveDateTime>,
    /// Events with an `!id`: their start and end.
    pub ids: HashMap<String, (NaiveDateTime, NaiveDateTime)>,
    /// The header's `dateFormat: d/M/y`.
    pub day_first: bool,
}

const MS_PER_DAY: i64 = 86_400_000;

fn epoch() -> NaiveDateTime {
    NaiveDate::MIN
        .with_year(1)
        .and_then(|d| d.with_ordinal(1))
        .unwrap_or_default()
        .and_time(Default::default())
}

/// A moment as a calendar date-time, if chrono can hold it.
pub fn to_ndt(m: Moment) -> Option<NaiveDateTime> {
    let ms = i64::try_from(m.0).ok()?;
    epoch().checked_add_signed(TimeDelta::try_milliseconds(ms)?)
}

fn to_moment(t: NaiveDateTime) -> Moment {
    Moment(i128::from((t - epoch()).num_milliseconds()))
}

/// A moment to the minute, second or millisecond, in local time (taken as UTC).
fn timed(t: NaiveDateTime, offset: Option<i16>) -> Option<PartialDate> {
    let ms = t.and_utc().timestamp_subsec_millis();
    let time = TimeOfDay {
        hour: t.hour() as u8,
        minute: Some(t.minute() as u8),
        second: (t.second() != 0 || ms != 0).then_some(t.second() as u8),
        milli: (ms != 0).then_some(ms as u16),
        offset,
        offset_form: Default::default(),
    };
    PartialDate::ymd(i64::from(t.year()), Some(t.month()), Some(t.day())).ok()?.with_time(time).ok()
}

fn midnight(t: NaiveDateTime) -> bool {
    t.time() == Default::default()
}

/// The start of a computed period: a year, month or day when both ends fall on such
/// boundaries, otherwise the moment itself.
fn start_at(from: NaiveDateTime, to: NaiveDateTime) -> Option<PartialDate> {
    if !midnight(from) {
        return timed(from, None);
    }
    let (y, m, d) = (i64::from(from.year()), from.month(), from.day());
    let aligned =
        |t: NaiveDateTime, month_too: bool| midnight(t) && t.day() == 1 && (!month_too || t.month() == 1);
    if aligned(from, true) && aligned(to, true) && to > from {
        Some(PartialDate::year(y))
    } else if aligned(from, false) && aligned(to, false) && to > from {
        PartialDate::ymd(y, Some(m), None).ok()
    } else {
        PartialDate::ymd(y, Some(m), Some(d)).ok()
    }
}

/// The end of a period starting with `start` and ending at the instant `to`: no end when the
/// start alone names it, the last year, month or day when `to` falls on such a boundary, else
/// the instant.
fn end_at(start: &PartialDate, to: NaiveDateTime) -> Option<Option<PartialDate>> {
    let (from, _) = instants(start, None);
    let to_m = to_moment(to);
    if instants(start, None).1 == to_m {
        return Some(None);
    }
    if to_m < from {
        return None;
    }
    let before = to.date().pred_opt()?;
    let (y, m) = (i64::from(before.year()), before.month());
    let p = start.precision();
    let end = if !midnight(to) {
        timed(to, None)?
    } else if to.day() == 1 && to.month() == 1 && p == crate::model::Precision::Year {
        PartialDate::year(y)
    } else if to.day() == 1 && p <= crate::model::Precision::Month {
        PartialDate::ymd(y, Some(m), None).ok()?
    } else {
        PartialDate::ymd(y, Some(m), Some(before.day())).ok()?
    };
    Some(Some(if end.start() < from { timed(to, None)? } else { end }))
}

/// The dates that name the period from `from` to `to` exactly, as coarse as they can be:
/// `1960-01-01`..`1970-01-01` is `1960/1969`.
pub fn from_instants(from: Moment, to: Moment) -> Option<(PartialDate, Option<PartialDate>)> {
    let (from, to) = (to_ndt(from)?, to_ndt(to)?);
    let start = start_at(from, to)?;
    Some((start, end_at(&start, to)?))
}

fn add(t: NaiveDateTime, amounts: &[(i64, Unit)], sign: i64) -> Option<NaiveDateTime> {
    let mut t = t;
    for &(n, unit) in amounts {
        let n = n * sign;
        let ms = |k: i64| t.checked_add_signed(TimeDelta::try_milliseconds(n.checked_mul(k)?)?);
        let months = |k: i64| {
            let m = u32::try_from((n * k).unsigned_abs()).ok()?;
            if n >= 0 { t.checked_add_months(Months::new(m)) } else { t.checked_sub_months(Months::new(m)) }
        };
        t = match unit {
            Unit::Millis => ms(1)?,
            Unit::Seconds => ms(1000)?,
            Unit::Minutes => ms(60_000)?,
            Unit::Hours => ms(3_600_000)?,
            Unit::Days => ms(MS_PER_DAY)?,
            Unit::Weeks => ms(7 * MS_PER_DAY)?,
            Unit::WeekDays => week_days(t, n)?,
            Unit::Months => months(1)?,
            Unit::Years => months(12)?,
        };
    }
    Some(t)
}

/// `n` working days after `t` (before it if negative): weekends do not count.
fn week_days(t: NaiveDateTime, n: i64) -> Option<NaiveDateTime> {
    let mut t = t;
    let mut left = n.unsigned_abs();
    while left > 0 {
        if t.weekday().number_from_monday() <= 5 {
            left -= 1;
        }
        t = if n >= 0 { t.checked_add_days(Days::new(1))? } else { t.checked_sub_days(Days::new(1))? };
    }
    Some(t)
}

/// Whether `end` is over before `start` begins: `2019` after `2020`, `Jan 1 2019` after `May 5
/// 2020`.
fn ends_before(start: &PartialDate, end: &PartialDate) -> bool {
    end.start() < start.start() && instants(end, None).1 <= start.start()
}

impl Context {
    /// Whether the range is written with its end, a date, before its start (`2020 - 2019`,
    /// `2020-05-05/2019-01-01`): `resolve` reads it as its start alone.
    pub fn backwards(&self, w: &Written) -> bool {
        let (Some(to), false) = (&w.to, w.bce_range) else { return false };
        if matches!(w.from, Bound::Rel(_)) || matches!(to, Bound::Rel(_)) {
            return false;
        }
        let from = self.absolute(&w.from, None);
        let to = from.and_then(|f| self.absolute(to, to_ndt(f.start())));
        from.zip(to).is_some_and(|(f, t)| ends_before(&f, &t))
    }

    /// What a relative date counts from: the event it names (its end, its start with `.start`
    /// or `before`), else the end of the previous event, else now.
    fn base(&self, r: &Rel) -> (NaiveDateTime, bool) {
        let named = r.id.as_ref().and_then(|(id, start)| self.ids.get(id).map(|&(f, t)| (f, t, *start)));
        match named {
            Some((f, _, true)) => (f, true),
            Some((f, _, false)) if r.dir == Dir::Before => (f, true),
            Some((_, t, false)) => (t, true),
            None => (self.last.unwrap_or(self.now), r.id.is_none()),
        }
    }

    fn on_day_of(&self, t: TimeOfDay, day: Option<NaiveDateTime>) -> Option<PartialDate> {
        let d = day.unwrap_or(self.last.unwrap_or(self.now)).date();
        PartialDate::ymd(i64::from(d.year()), Some(d.month()), Some(d.day())).ok()?.with_time(t).ok()
    }

    fn absolute(&self, b: &Bound, day: Option<NaiveDateTime>) -> Option<PartialDate> {
        match b {
            Bound::Date(d) => Some(*d),
            Bound::NoYear { month, day, time } => {
                let d = PartialDate::ymd(i64::from(self.now.year()), Some(*month), *day).ok()?;
                match time {
                    Some(t) => d.with_time(*t).ok(),
                    None => Some(d),
                }
            }
            Bound::Now => timed(self.now, None),
            Bound::Time(t) => self.on_day_of(*t, day),
            Bound::Rel(_) => None,
        }
    }

    /// The event's dates, and whether an `!id` it names was found (`false`: not found, counted
    /// from the previous event as markwhen does). `None`: a date outside the calendar.
    pub fn resolve(&self, w: &Written) -> Option<((PartialDate, Option<PartialDate>), bool)> {
        let computed = |from: NaiveDateTime, to: NaiveDateTime| {
            let start = start_at(from, to)?;
            Some((start, end_at(&start, to)?))
        };
        let rel_to = match &w.to {
            Some(Bound::Rel(l)) => Some(&l.amounts),
            _ => None,
        };
        let (start, from, found) = match &w.from {
            // `before !id 1 week - 1 month`: ends a week before, lasts a month.
            Bound::Rel(r) if r.dir == Dir::Before && (w.to.is_none() || rel_to.is_some()) => {
                let (base, found) = self.base(r);
                let (to, len) = match rel_to {
                    Some(len) => (add(base, &r.amounts, -1)?, len),
                    None => (base, &r.amounts),
                };
                return Some((computed(add(to, len, -1)?, to)?, found));
            }
            Bound::Rel(r) => {
                let (base, found) = self.base(r);
                if w.to.is_none() {
                    return Some((computed(base, add(base, &r.amounts, 1)?)?, found));
                }
                (None, add(base, &r.amounts, 1)?, found)
            }
            b => {
                let d = self.absolute(b, None)?;
                (Some(d), to_ndt(d.start())?, true)
            }
        };
        let to = match &w.to {
            None => return Some(((start?, None), found)),
            Some(Bound::Rel(r)) => add(from, &r.amounts, 1)?,
            // markwhen ends a `BC`/`AD` range at the start of its last year.
            Some(b) if w.bce_range => to_ndt(self.absolute(b, Some(from))?.start())?,
            Some(b) => {
                let d = self.absolute(b, Some(from))?;
                match start {
                    Some(s) if d.start() >= s.start() => return Some(((s, (d != s).then_some(d)), found)),
                    // Ends before it starts (`2020 - 2019`): the start alone; `backwards` says so.
                    Some(s) if ends_before(&s, &d) => return Some(((s, None), found)),
                    _ => to_ndt(instants(&d, None).1)?,
                }
            }
        };
        let dates = match start {
            Some(s) => (s, end_at(&s, to)?),
            None => computed(from, to)?,
        };
        Some((dates, found))
    }
}

#[cfg(test)]
mod tests {
    use super::super::date::written;
    use super::*;

    fn ctx() -> Context {
        let now = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap().and_hms_opt(12, 0, 0).unwrap();
        Context { now, last: None, ids: HashMap::new(), day_first: false }
    }

    fn iso(d: &PartialDate, e: Option<&PartialDate>) -> String {
        format!("{}{}", d.iso(), e.map(|e| format!("/{}", e.iso())).unwrap_or_default())
    }

    fn at(c: &Context, s: &str) -> String {
        let ((d, e), _) = c.resolve(&written(s, false).unwrap()).unwrap();
        iso(&d, e.as_ref())
    }

    #[test]
    fn relative_dates_count_from_the_previous_event_or_an_id() {
        let mut c = ctx();
        c.last = NaiveDate::from_ymd_opt(1962, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
        assert_eq!(at(&c, "1 year"), "1962");
        assert_eq!(at(&c, "5 days - 3 days"), "1962-01-06/1962-01-08");
        assert_eq!(at(&c, "2018/6 months"), "2018/2018-06");
        let xmas = |d: u32| NaiveDate::from_ymd_opt(2022, 12, d).unwrap().and_hms_opt(0, 0, 0).unwrap();
        c.ids.insert("Christmas".into(), (xmas(25), xmas(26)));
        assert_eq!(at(&c, "before !Christmas 1 month"), "2022-11-25/2022-12-24");
        assert_eq!(at(&c, "before !Christmas 1 week - 1 month"), "2022-11-18/2022-12-17");
        assert_eq!(at(&c, "after !Christmas 3 days"), "2022-12-26/2022-12-28");
        assert_eq!(at(&c, "July 13, 2022 - 5 week days"), "2022-07-13/2022-07-19");
        assert_eq!(at(&c, "100 BCE - 50 AD"), "-0099/0049");
        assert_eq!(at(&c, "Jan 2026"), "2026-01");
        assert_eq!(at(&c, "January 3 - Apr 6"), "2026-01-03/2026-04-06");
    }

    #[test]
    fn a_range_that_ends_before_it_starts_is_its_start_alone() {
        let c = ctx();
        for (s, start) in
            [("2020 - 2019", "2020"), ("2020/2019", "2020"), ("2020-05-05/2019-01-01", "2020-05-05")]
        {
            let w = written(s, false).unwrap();
            assert!(c.backwards(&w), "{s}");
            assert_eq!(at(&c, s), start, "{s}");
        }
        for s in ["2020 - 2021", "May 5 2020 - 2020", "2020-05-05 10:00/2020-05-05", "1 year - 2019"] {
            assert!(!c.backwards(&written(s, false).unwrap()), "{s}");
        }
    }
}
