//! Dates in words and in EDTF: `c. 1966`, `Jan 2026?`, `500 BCE`, `13.8 billion years ago`,
//! `7 May 2025 14:30`; and back to `1966~`, `2026-01?`, `-0499`, `Y-13799999999`.

use super::{DateRepr, MONTHS, OffsetForm, PartialDate, Precision, SEASONS, TimeOfDay, Unspecified};
use std::fmt::{self, Write};

/// A year in words: `1959`, `500 BCE` (astronomical −499), `12,000 BCE`, `13.8 billion years ago`.
pub fn year_label(year: i64) -> String {
    if year > 0 {
        return if year >= 10_000 { crate::text::thousands(i128::from(year)) } else { year.to_string() };
    }
    let bce = 1 - i128::from(year);
    match bce {
        n if n >= 1_000_000_000 => format!("{} billion years ago", short(n as f64 / 1e9)),
        n if n >= 1_000_000 => format!("{} million years ago", short(n as f64 / 1e6)),
        n if n >= 10_000 => format!("{} BCE", crate::text::thousands(n)),
        n => format!("{n} BCE"),
    }
}

/// `13.8`, `4.54`, `65`: three significant digits at most, no trailing zeros.
fn short(x: f64) -> String {
    let decimals = if x >= 100.0 {
        0
    } else if x >= 10.0 {
        1
    } else {
        2
    };
    let s = format!("{x:.decimals$}");
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s }
}

/// The EDTF form of a date.
pub fn edtf(d: &PartialDate) -> String {
    let d = d.repr();
    let mut s = String::new();
    if d.year.abs() > super::MAX_DETAILED_YEAR {
        let _ = write!(s, "Y{}", d.year);
    } else {
        let sign = if d.year < 0 { "-" } else { "" };
        let digits = format!("{:04}", d.year.abs());
        let keep = 4 - usize::from(d.unspecified.year_digits);
        let _ = write!(s, "{sign}{}{}", &digits[..keep], "X".repeat(4 - keep));
    }
    match (d.month, d.unspecified.month) {
        _ if d.season.is_some() => {
            let _ = write!(s, "-{}", d.season.unwrap_or(21));
        }
        (Some(m), _) => {
            let _ = write!(s, "-{m:02}");
        }
        (None, true) => s.push_str("-XX"),
        (None, false) => {}
    }
    match (d.day, d.unspecified.day) {
        (Some(day), _) => {
            let _ = write!(s, "-{day:02}");
        }
        (None, true) => s.push_str("-XX"),
        (None, false) => {}
    }
    if let Some(t) = d.time {
        // EDTF times are complete: a time known to the minute is written with `:00` seconds.
        let _ = write!(s, "T{:02}:{:02}:{:02}", t.hour, t.minute.unwrap_or(0), t.second.unwrap_or(0));
        if let Some(ms) = t.milli {
            let _ = write!(s, ".{ms:03}");
        }
        if let Some(o) = t.offset {
            let sign = if o < 0 { '-' } else { '+' };
            let _ = match t.offset_form {
                OffsetForm::Z if o == 0 => write!(s, "Z"),
                OffsetForm::Hour if o % 60 == 0 => write!(s, "{sign}{:02}", o.abs() / 60),
                _ => write!(s, "{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60),
            };
        }
    }
    s.push_str(d.qualifier.suffix());
    s
}

fn clock(s: &mut String, t: &TimeOfDay) {
    let _ = write!(s, "{:02}:{:02}", t.hour, t.minute.unwrap_or(0));
    if let Some(sec) = t.second {
        let _ = write!(s, ":{sec:02}");
    }
    if let Some(ms) = t.milli {
        let _ = write!(s, ".{ms:03}");
    }
}

/// The date in words without its qualifier marks.
fn plain_words(d: &PartialDate) -> String {
    let d = d.repr();
    let year = match d.unspecified.year_digits {
        0 => year_label(d.year),
        _ if d.year < 0 => {
            let (first, last) = PartialDate::years(&d);
            format!("{}–{}", 1 - first, year_label(last - 1))
        }
        n => format!("{}s", d.year - d.year.rem_euclid(10i64.pow(u32::from(n)))),
    };
    let mut s = match (d.month, d.day) {
        (None, _) if d.season.is_some() => {
            format!("{} {year}", SEASONS[usize::from(d.season.unwrap_or(21) - 21)].0)
        }
        (None, _) if d.unspecified.month => format!("{year}, month unknown"),
        (None, _) => year,
        (Some(m), None) if d.unspecified.day => format!("{} {year}, day unknown", MONTHS[m as usize - 1]),
        (Some(m), None) => format!("{} {year}", MONTHS[m as usize - 1]),
        (Some(m), Some(day)) => format!("{day} {} {year}", MONTHS[m as usize - 1]),
    };
    if let Some(t) = d.time {
        s.push(' ');
        clock(&mut s, &t);
        match t.offset {
            Some(0) => s.push_str(" UTC"),
            Some(o) => {
                let _ =
                    write!(s, " UTC{}{:02}:{:02}", if o < 0 { '-' } else { '+' }, o.abs() / 60, o.abs() % 60);
            }
            None => {}
        }
    }
    s
}

/// Human form at its own precision: `1959`, `May 2025`, `7 May 2025`, `c. 1966`, `Jan 2026?`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let qualifier = self.qualifier();
        let c = if qualifier.approximate { "c. " } else { "" };
        let q = if qualifier.uncertain { "?" } else { "" };
        write!(f, "{c}{}{q}", plain_words(self))
    }
}

/// `26–27 Jan 2026`, `30 Jan – 2 Feb 2026`, `Jan–Mar 2026`, `2020–2021`, else `a – b`.
pub fn span_label(a: &PartialDate, end: Option<&PartialDate>) -> String {
    let Some(b) = end.filter(|e| *e != a) else { return a.to_string() };
    let (ra, rb) = (a.repr(), b.repr());
    let bce = |d: &PartialDate| d.precision() == Precision::Year && !d.is_fuzzy() && d.year_value() <= 0;
    if bce(a) && bce(b) && ra.year > -9999 {
        return format!("{}–{}", 1 - ra.year, year_label(rb.year));
    }
    let simple = |d: &PartialDate| {
        let r = d.repr();
        !d.is_fuzzy() && r.time.is_none() && r.season.is_none() && r.year > 0 && r.year <= 9999
    };
    if !simple(a) || !simple(b) {
        let mut end = b.to_string();
        // A span across the eras names both, after the end's year: `100 BCE – 49 CE`,
        // `100 BCE – 49 CE?`, `100 BCE – 7 May 49 CE` (not after a time's digits).
        let year = rb.year.to_string();
        let across =
            ra.year <= 0 && rb.year > 0 && rb.time.is_none() && rb.unspecified == Unspecified::default();
        if across && let Some(at) = end.rfind(&year) {
            end.insert_str(at + year.len(), " CE");
        }
        return format!("{a} – {end}");
    }
    let same_year = ra.year == rb.year;
    let month = |d: &DateRepr| MONTHS[d.month.unwrap_or(1) as usize - 1];
    match (a.precision(), b.precision()) {
        (Precision::Day, Precision::Day) if same_year && ra.month == rb.month => {
            format!("{}–{b}", ra.day.unwrap_or(1))
        }
        (Precision::Day, Precision::Day) if same_year => {
            format!("{} {} – {b}", ra.day.unwrap_or(1), month(&ra))
        }
        (Precision::Month, Precision::Month) if same_year => format!("{}–{b}", month(&ra)),
        (Precision::Year, Precision::Year) => format!("{}–{}", ra.year, rb.year),
        _ => format!("{a} – {b}"),
    }
}
