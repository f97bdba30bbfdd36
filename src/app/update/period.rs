//! What the `:` line accepts: a date to go to (`1983`, `2025-05`, `jan 2026`, `tháng 1 2026`),
//! or a period (`2022..2026`, `2022-2026`, `2022–2026`, `..1992`, `2020..`; reversed ranges are
//! swapped), or nothing, which clears the period.

use crate::model::PartialDate;
use crate::text::fold::fold_str;

/// A parsed `:` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Goto(PartialDate),
    /// A period; `swapped` when it was typed backwards.
    Period {
        from: Option<PartialDate>,
        to: Option<PartialDate>,
        swapped: bool,
    },
    Clear,
}

const FORMS: &str = "try 1983, 2025-05, jan 2026, 26/1/2026, or a period 2022..2026, ..1992, 2020..";

pub fn parse(text: &str) -> Result<Command, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Command::Clear);
    }
    let Some((a, b)) = split_range(text) else { return Ok(Command::Goto(date(text)?)) };
    let opt = |s: &str| if s.trim().is_empty() { Ok(None) } else { date(s).map(Some) };
    let (from, to) = (opt(a)?, opt(b)?);
    if from.is_none() && to.is_none() {
        return Err(format!("`{text}` gives no date; {FORMS}"));
    }
    Ok(match (from, to) {
        (Some(f), Some(t)) if t.last_day() < f.first_day() => {
            Command::Period { from: Some(t), to: Some(f), swapped: true }
        }
        _ => Command::Period { from, to, swapped: false },
    })
}

/// The two ends of a range: `a..b`, `a–b`, `a—b`, `a - b`, or `YYYY-YYYY`.
fn split_range(text: &str) -> Option<(&str, &str)> {
    for sep in ["..", "–", "—", " - "] {
        if let Some(parts) = text.split_once(sep) {
            return Some(parts);
        }
    }
    let (a, b) = text.split_once('-')?;
    let year = |s: &str| s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit());
    (year(a) && year(b)).then_some((a, b))
}

/// One date, as search reads date words (`search::dates::date_like`): ISO (`1983`, `2025-05`,
/// `2025-05-07`, `-0500`), `jan 2026`, `26 jan 2026`, `jan 26, 2026`, `26/1/2026`, `1/2026`,
/// `tháng 1 2026`.
fn date(s: &str) -> Result<PartialDate, String> {
    let s = s.trim();
    match PartialDate::parse(s) {
        Ok(d) => return Ok(d),
        // An ISO date with a wrong part: say which part.
        Err(e) if s.len() > 4 && s.bytes().all(|b| b.is_ascii_digit() || b == b'-') => {
            return Err(format!("{e}; {FORMS}"));
        }
        Err(_) => {}
    }
    let words = fold_str(s).replace(',', " ");
    // The reader of every typed date: the spelled forms, a year of fewer than four digits.
    crate::search::dates::period(words.trim()).map_err(|_| format!("`{s}` is not a date; {FORMS}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    fn period(a: &str, b: &str, swapped: bool) -> Command {
        Command::Period { from: Some(d(a)), to: Some(d(b)), swapped }
    }

    #[test]
    fn ranges_in_every_form_users_type() {
        for text in ["2022..2026", "2022-2026", "2022–2026", "2022 — 2026", "2022 - 2026", " 2022 .. 2026 "]
        {
            assert_eq!(parse(text), Ok(period("2022", "2026", false)), "{text}");
        }
        assert_eq!(parse("2026..2022"), Ok(period("2022", "2026", true)));
        assert_eq!(parse("..1992"), Ok(Command::Period { from: None, to: Some(d("1992")), swapped: false }));
        assert_eq!(parse("jan 2025..tháng 3 2025"), Ok(period("2025-01", "2025-03", false)));
    }

    #[test]
    fn dates_by_iso_or_month_name() {
        assert_eq!(parse("2025-05"), Ok(Command::Goto(d("2025-05"))));
        assert_eq!(parse("938"), Ok(Command::Goto(d("0938"))));
        assert_eq!(parse("2025-05-07"), Ok(Command::Goto(d("2025-05-07"))));
        for text in ["jan 2026", "January 2026", "tháng 1 2026", "thang 1/2026", "Tháng 01 2026", "1/2026"]
        {
            assert_eq!(parse(text), Ok(Command::Goto(d("2026-01"))), "{text}");
        }
        // Every form the search line reads as a date.
        for text in ["26 jan 2026", "26/1/2026", "26.1.2026", "jan 26 2026", "January 26, 2026", "2026/01/26"]
        {
            assert_eq!(parse(text), Ok(Command::Goto(d("2026-01-26"))), "{text}");
        }
        assert_eq!(parse("26/1/2026..2/2026"), Ok(period("2026-01-26", "2026-02", false)));
        assert_eq!(parse(""), Ok(Command::Clear));
    }

    #[test]
    fn errors_show_the_forms_with_dots() {
        for text in ["soon", "tháng 13 2026", "ja 2026", "..", "2022-20"] {
            let e = parse(text).unwrap_err();
            assert!(e.contains("2022..2026"), "{text}: {e}");
        }
    }
}
