//! TimelineJS date objects (`{"year": 1966, "month": "5", …}`): numbers or numeric strings, years
//! in TimelineJS's convention (−500 is 500 BCE), to `PartialDate`.

use crate::load::fields::Ctx;
use crate::load::json::{Key, Spanned, Value};
use crate::load::problem::did_you_mean;
use crate::model::date::TimeOfDay;
use crate::model::date::from_tjs_year;
use crate::model::date::{Bound, Interval};
use crate::model::{OpenEnd, OpenEnds, PartialDate};

const DATE_KEYS: &[&str] =
    &["year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format", "edtf"];

/// What a date object gave: `Ok(None)` when the event must be skipped (a warning was given),
/// `Err(())` after an error.
pub type DateResult = Result<Option<(PartialDate, Option<String>, OpenEnds)>, ()>;

/// A number as TimelineJS reads it: an integer, or a string of one. Fractions are cut with a
/// warning, as TimelineJS does silently. `Ok(None)`: absent or empty.
fn component(cx: &mut Ctx, v: &Spanned, name: &str) -> Result<Option<i64>, String> {
    let (n, shown) = match &v.value {
        Value::Number(n) => (*n, n.to_string()),
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => match s.trim().parse::<f64>() {
            Ok(n) => (n, s.trim().to_string()),
            Err(_) => return Err(format!("{name} `{s}` is not a number")),
        },
        Value::Null => return Ok(None),
        other => return Err(format!("expected the {name} to be a number, found {}", other.type_name())),
    };
    if !n.is_finite() || n.abs() > 9.0e15 {
        return Err(format!("{name} `{shown}` is not a usable number"));
    }
    if n.fract() != 0.0 {
        cx.warn(
            v.at,
            format!("{name} `{shown}` is not an integer; read as {}, as TimelineJS does", n.trunc()),
        );
    }
    Ok(Some(n.trunc() as i64))
}

/// Reads a TimelineJS date object: the date, its `display_date` and the open ends our `edtf`
/// extension gives.
pub fn date_object(cx: &mut Ctx, v: &Spanned, what: &str) -> DateResult {
    let Value::Object(members) = &v.value else {
        cx.at(
            v.at,
            format!("expected the {what} to be an object `{{\"year\": …}}`, found {}", v.value.type_name()),
        );
        return Err(());
    };
    warn_unknown_keys(cx, members, what);
    let get = |name: &str| member(members, name);
    let Some(year_v) = get("year") else {
        cx.warn(v.at, format!("the {what} has no year; {}", without_year(what)));
        return Ok(None);
    };
    let Some(year) = tjs_year(cx, year_v, what) else { return Ok(None) };
    let (month, day) = (part(cx, members, "month", 99)?, part(cx, members, "day", 99)?);
    let time = time_of_day(cx, members)?;
    let astro = if year == 0 { 0 } else { from_tjs_year(year) };
    // The part the error is about: a month that does not exist, else the day (or the year).
    let bad_month = month.is_some_and(|m| !(1..=12).contains(&m));
    let at = if bad_month { get("month") } else { get("day").or(get("month")) }.unwrap_or(year_v).at;
    let mut date =
        PartialDate::ymd(astro, month, day).map_err(|e| cx.at(at, format!("impossible {what}: {e}")))?;
    if let Some(time) = time {
        let at = get("hour").map_or(v.at, |h| h.at);
        date = date.with_time(time).map_err(|e| cx.at(at, format!("impossible {what}: {e}")))?;
    }
    let display = match get("display_date").map(|d| &d.value) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(super::html::to_line(s)),
        _ => None,
    };
    let (date, open) = match get("edtf") {
        Some(e) => edtf(cx, e, date),
        None => (date, OpenEnds::default()),
    };
    Ok(Some((date, display, open)))
}

/// What becomes of a date object without a usable year: the event is skipped without a start
/// date, as TimelineJS skips it; without an end date, it keeps its start alone.
fn without_year(what: &str) -> &'static str {
    if what == "end date" {
        "it is not read, and the event has only its start date"
    } else {
        "TimelineJS skips the event, and so do we"
    }
}

/// The member of a date object named `name`, if present.
fn member<'v>(members: &'v [(Key, Spanned)], name: &str) -> Option<&'v Spanned> {
    members.iter().find(|(k, _)| k.name == name).map(|(_, v)| v)
}

/// Warns of each key TimelineJS does not read in a date object.
fn warn_unknown_keys(cx: &mut Ctx, members: &[(Key, Spanned)], what: &str) {
    for (k, _) in members {
        if !DATE_KEYS.contains(&k.name.as_str()) {
            let hint = did_you_mean(&k.name, DATE_KEYS)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            cx.warn(k.at, format!("unknown key `{}` in the {what}, which TimelineJS ignores{hint}", k.name));
        }
    }
}

/// The year as TimelineJS numbers it, or `None` (with a warning) when it is empty or not a number
/// and the event is skipped. Year 0 is warned of and kept.
fn tjs_year(cx: &mut Ctx, year_v: &Spanned, what: &str) -> Option<i64> {
    let year = match component(cx, year_v, "year") {
        Ok(Some(y)) => y,
        Ok(None) => {
            cx.warn(year_v.at, format!("the {what} has an empty year; {}", without_year(what)));
            return None;
        }
        Err(e) => {
            cx.warn(year_v.at, format!("{e}; {}", without_year(what)));
            return None;
        }
    };
    if year == 0 {
        cx.warn(year_v.at, "TimelineJS has no year 0 (−1 is 1 BCE); read as 1 BCE");
    }
    Some(year)
}

/// The component `name` (month, hour, …) if present, which must lie in `0..=max`; `Err(())`
/// after an error.
fn part(cx: &mut Ctx, members: &[(Key, Spanned)], name: &str, max: i64) -> Result<Option<u32>, ()> {
    let Some(pv) = member(members, name) else { return Ok(None) };
    match component(cx, pv, name) {
        Ok(Some(n)) if (0..=max).contains(&n) => Ok(Some(n as u32)),
        Ok(Some(n)) => {
            cx.at(pv.at, format!("{name} {n} does not exist"));
            Err(())
        }
        Ok(None) => Ok(None),
        Err(e) => {
            cx.at(pv.at, e);
            Err(())
        }
    }
}

/// The time of day from hour, minute, second and millisecond, all read (and checked) even when
/// there is no hour; `None` without an hour, `Err(())` after an error.
fn time_of_day(cx: &mut Ctx, members: &[(Key, Spanned)]) -> Result<Option<TimeOfDay>, ()> {
    let hour = part(cx, members, "hour", 23)?;
    let minute = part(cx, members, "minute", 59)?;
    let second = part(cx, members, "second", 60)?;
    let milli = part(cx, members, "millisecond", 999)?;
    Ok(hour.map(|hour| TimeOfDay {
        hour: hour as u8,
        minute: minute.map(|m| m as u8),
        second: second.map(|s| s as u8),
        milli: milli.map(|m| m as u16),
        offset: None,
        offset_form: Default::default(),
    }))
}

/// Our extension: `"edtf": "1966~"` or `"2020/.."` next to the numbers keeps what TimelineJS
/// cannot hold (uncertainty, unspecified digits, open ends). It must agree with the numbers.
fn edtf(cx: &mut Ctx, v: &Spanned, numeric: PartialDate) -> (PartialDate, OpenEnds) {
    let Value::String(s) = &v.value else {
        cx.warn(v.at, "`edtf` should be a string; ignored");
        return (numeric, OpenEnds::default());
    };
    let open = |b: Bound| match b {
        Bound::Open => Some(OpenEnd::Open),
        Bound::Unknown => Some(OpenEnd::Unknown),
        Bound::Date(_) => None,
    };
    let (date, ends) = match Interval::parse(s) {
        Ok(Interval::Single(d)) => (d, OpenEnds::default()),
        Ok(Interval::Range(a, b)) => {
            let d = match (a, b) {
                (Bound::Date(d), _) | (_, Bound::Date(d)) => d,
                _ => numeric,
            };
            (d, OpenEnds { start: open(a), end: open(b) })
        }
        Err(e) => {
            cx.warn(v.at, format!("`edtf`: {e}; the numbers are used"));
            return (numeric, OpenEnds::default());
        }
    };
    // TimelineJS numbers are local time: compare the dates as written, without their offset.
    // The periods must share a moment; each `end` is the first moment after its period, so
    // `2001~` next to the year 2000 (which ends as 2001 starts) disagrees.
    let local = date.local();
    if local.start() >= numeric.end() || local.end() <= numeric.start() {
        cx.warn(
            v.at,
            format!("`edtf` `{s}` does not agree with the year, month and day; the numbers are used"),
        );
        return (numeric, OpenEnds::default());
    }
    (date, ends)
}
