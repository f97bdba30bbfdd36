//! TimelineJS date objects (`{"year": 1966, "month": "5", …}`): numbers or numeric strings, years
//! in TimelineJS's convention (−500 is 500 BCE), to `PartialDate`.

use crate::export::timelinejs::from_tjs_year;
use crate::load::fields::Ctx;
use crate::load::json::{Spanned, Value};
use crate::load::problem::did_you_mean;
use crate::model::date::TimeOfDay;
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

pub fn date_object(cx: &mut Ctx, v: &Spanned, what: &str) -> DateResult {
    let Value::Object(members) = &v.value else {
        cx.at(
            v.at,
            format!("expected the {what} to be an object `{{\"year\": …}}`, found {}", v.value.type_name()),
        );
        return Err(());
    };
    for (k, _) in members {
        if !DATE_KEYS.contains(&k.name.as_str()) {
            let hint = did_you_mean(&k.name, DATE_KEYS)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            cx.warn(k.at, format!("unknown key `{}` in the {what}, which TimelineJS ignores{hint}", k.name));
        }
    }
    let get = |name: &str| members.iter().find(|(k, _)| k.name == name).map(|(_, v)| v);
    let Some(year_v) = get("year") else {
        cx.warn(v.at, format!("the {what} has no year; TimelineJS skips the event, and so do we"));
        return Ok(None);
    };
    let year = match component(cx, year_v, "year") {
        Ok(Some(y)) => y,
        Ok(None) => {
            cx.warn(
                year_v.at,
                format!("the {what} has an empty year; TimelineJS skips the event, and so do we"),
            );
            return Ok(None);
        }
        Err(e) => {
            cx.warn(year_v.at, format!("{e}; TimelineJS skips the event, and so do we"));
            return Ok(None);
        }
    };
    if year == 0 {
        cx.warn(year_v.at, "TimelineJS has no year 0 (−1 is 1 BCE); read as 1 BCE");
    }
    let mut part = |name: &str, max: i64| -> Result<Option<u32>, ()> {
        let Some(pv) = get(name) else { return Ok(None) };
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
    };
    let (month, day) = (part("month", 99)?, part("day", 99)?);
    let (hour, minute, second, milli) =
        (part("hour", 23)?, part("minute", 59)?, part("second", 60)?, part("millisecond", 999)?);
    let astro = if year == 0 { 0 } else { from_tjs_year(year) };
    let at = get("day").or(get("month")).unwrap_or(year_v).at;
    let mut date = match PartialDate::ymd(astro, month, day) {
        Ok(d) => d,
        Err(e) => {
            cx.at(at, format!("impossible {what}: {e}"));
            return Err(());
        }
    };
    if let Some(hour) = hour {
        let time = TimeOfDay {
            hour: hour as u8,
            minute: minute.map(|m| m as u8),
            second: second.map(|s| s as u8),
            milli: milli.map(|m| m as u16),
            offset: None,
        };
        date = match date.with_time(time) {
            Ok(d) => d,
            Err(e) => {
                cx.at(get("hour").map_or(v.at, |h| h.at), format!("impossible {what}: {e}"));
                return Err(());
            }
        };
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
    if date.start() > numeric.end() || date.end() < numeric.start() {
        cx.warn(
            v.at,
            format!("`edtf` `{s}` does not agree with the year, month and day; the numbers are used"),
        );
        return (numeric, OpenEnds::default());
    }
    (date, ends)
}
