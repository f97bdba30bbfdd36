//! Date-like query words: `1983`, `2026-01`, `2026-01-26`, `26/1/2026`, `1/2026`, `jan 2026`,
//! `26 jan 2026`, `january 26 2026`. They name a period at a precision (year, month, day).

use super::query::Token;
use crate::model::PartialDate;
use crate::model::date::DateError;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1–12) a word names: `jan`, `January`, `sept`; three letters at least.
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|m| m.starts_with(&w)).map(|i| i as u32 + 1)
}

fn number(word: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (digits.contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())).then(|| word.parse().ok())?
}

/// A year as people write it in this chronology's queries: four digits, 1000–2999.
fn year(word: &str) -> Option<u32> {
    number(word, 4..=4).filter(|y| (1000..=2999).contains(y))
}

fn day(word: &str) -> Option<u32> {
    number(word, 1..=2).filter(|d| (1..=31).contains(d))
}

fn make(y: u32, m: Option<u32>, d: Option<u32>) -> Option<PartialDate> {
    let iso = match (m, d) {
        (None, _) => format!("{y:04}"),
        (Some(m), None) => format!("{y:04}-{m:02}"),
        (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
    };
    PartialDate::parse(&iso).ok()
}

/// The period a word (or merged words, see `merge_spelled_dates`) names, if it looks like a date.
pub fn date_like(word: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = word.split(['-', '/', '.', ' ']).filter(|p| !p.is_empty()).collect();
    let iso_like = word.len() >= 4 && word.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    match parts.as_slice() {
        [y] => make(year(y)?, None, None),
        // 2026-01, 2026/01/26: year first.
        [y, m] if iso_like => make(year(y)?, Some(number(m, 1..=2)?), None),
        [y, m, d] if iso_like => make(year(y)?, Some(number(m, 1..=2)?), Some(day(d)?)),
        // tháng 1 2026 (folded): Vietnamese names the month by its number.
        ["thang", m, y] => make(year(y)?, Some(number(m, 1..=2)?), None),
        // jan 2026, 1/2026.
        [m, y] => make(year(y)?, Some(month(m).or_else(|| number(m, 1..=2))?), None),
        // 26 jan 2026, 26/1/2026 (day first, as in Vietnamese and British writing)...
        [d, m, y] if day(d).is_some() => {
            make(year(y)?, Some(month(m).or_else(|| number(m, 1..=2))?), Some(day(d)?))
        }
        // ...or jan 26 2026.
        [m, d, y] => make(year(y)?, Some(month(m)?), Some(day(d)?)),
        _ => None,
    }
}

/// The one reader of dates that people type as values (`--from`, `--to`, `after:`, `before:`,
/// `year:`): any EDTF date (`1985-04`, `-0499`, `Y-170000002`, `2001-21`), or the spelled
/// forms of `date_like` (`jan 2026`, `26/1/2026`), or a year of fewer than four digits as
/// people write it (`938`, `-499`; EDTF wants `0938`, `-0499`), or with its era as dates are
/// shown (`500 BCE`, `500 BC`, `500 TCN`, `AD 938`, `938 CE`). The error is the EDTF reader's.
pub fn period(value: &str) -> Result<PartialDate, DateError> {
    if is_interval(value) {
        return Err(DateError::Invalid(format!(
            "`{value}` is an interval; give one date (--from and --to, after: and before: are each one end)"
        )));
    }
    PartialDate::parse(value).or_else(|e| date_like(value).or_else(|| year_as_written(value)).ok_or(e))
}

/// An EDTF interval (`1985/..`, `../2001`, `1985/1990`, `1985/`): two ends, each a date, open
/// (`..`) or unknown (empty), which a bound of one end cannot be. `26/1/2026` is a date.
fn is_interval(value: &str) -> bool {
    let Some((a, b)) = value.trim().split_once('/') else { return false };
    let end = |s: &str| s.is_empty() || s == ".." || PartialDate::parse(s).is_ok();
    !b.contains('/') && end(a) && end(b) && !(a.is_empty() && b.is_empty())
}

/// A year of one to three digits, signed or not (`938`, `-499`), or a year with its era.
fn year_as_written(value: &str) -> Option<PartialDate> {
    // `12,000 BCE`, as years of five digits and more are shown.
    let v = value.trim().to_ascii_lowercase().replace(',', "");
    let digits = |s: &str, most: usize| {
        let s = s.trim();
        (!s.is_empty() && s.len() <= most && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i64>().ok())?
    };
    if let Some(n) = v.strip_prefix('-').and_then(|s| digits(s, 3)) {
        return Some(PartialDate::year(-n));
    }
    if let Some(n) = digits(&v, 3) {
        return Some(PartialDate::year(n));
    }
    // Before the common era: 1 BCE is year 0, as EDTF counts.
    let bce = ["bce", "bc", "tcn"].iter().find_map(|era| v.strip_suffix(era).and_then(|s| digits(s, 12)));
    if let Some(n) = bce.filter(|&n| n > 0) {
        return Some(PartialDate::year(1 - n));
    }
    let ce = ["ce", "ad"].iter().find_map(|era| v.strip_suffix(era).and_then(|s| digits(s, 12)));
    ce.or_else(|| v.strip_prefix("ad").and_then(|s| digits(s, 12))).filter(|&n| n > 0).map(PartialDate::year)
}

/// Joins words that spell one date (`26 jan 2026`, `jan 2026`, `jan 26 2026`) into one token.
pub fn merge_spelled_dates(tokens: Vec<Token>) -> Vec<Token> {
    let plain = |t: &Token| !t.quoted;
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let at = |k: usize| tokens.get(i + k).filter(|t| plain(t)).map(|t| t.text.as_str());
        let is_month = at(0).and_then(month).is_some();
        let take = match (is_month, at(1), at(2)) {
            (true, Some(d), Some(y)) if day(d).is_some() && year(y).is_some() => 3,
            (true, Some(y), _) if year(y).is_some() => 2,
            _ => 0,
        };
        if take == 0 {
            out.push(tokens[i].clone());
            i += 1;
            continue;
        }
        let mut words: Vec<&Token> = tokens[i..i + take].iter().collect();
        // A day just before the month belongs to it: `26 jan 2026`.
        let day_before = take == 2 && out.last().is_some_and(|t| plain(t) && day(&t.text).is_some());
        let before = if day_before { out.pop() } else { None };
        if let Some(b) = &before {
            words.insert(0, b);
        }
        let text = words.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ");
        let span = words[0].span.start..words[words.len() - 1].span.end;
        out.push(Token { span, text, quoted: false });
        i += take;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::tokenize;

    #[test]
    fn an_interval_is_not_one_date() {
        for typed in ["1985/..", "../1985", "1985/1990", "1985/", "/1985", "1985-04/.."] {
            let e = period(typed).expect_err(typed).to_string();
            assert!(e.contains("is an interval; give one date"), "{typed}: {e}");
        }
        assert!(period("26/1/2026").is_ok());
        assert!(period("1985").is_ok());
    }

    #[test]
    fn a_year_is_typed_as_people_write_it_and_as_dates_are_shown() {
        for (typed, year) in [
            ("938", 938),
            ("-499", -499),
            ("500 BCE", -499),
            ("500 bc", -499),
            ("500BC", -499),
            ("1 BCE", 0),
            ("40 TCN", -39),
            ("AD 938", 938),
            ("938 CE", 938),
            ("13800000000 BCE", -13_799_999_999),
            ("12,000 BCE", -11_999),
        ] {
            assert_eq!(period(typed).map(|d| d.year_value()), Ok(year), "{typed}");
        }
        for typed in ["0 BCE", "BCE", "-", "5000x", "AD", "-1000000"] {
            assert!(period(typed).is_err(), "{typed}");
        }
    }

    #[test]
    fn words_that_look_like_dates() {
        for (word, iso) in [
            ("1983", "1983"),
            ("2026-01", "2026-01"),
            ("2026-1", "2026-01"),
            ("2026-01-26", "2026-01-26"),
            ("2026/01/26", "2026-01-26"),
            ("26/1/2026", "2026-01-26"),
            ("26.1.2026", "2026-01-26"),
            ("1/2026", "2026-01"),
            ("jan 2026", "2026-01"),
            ("January 2026", "2026-01"),
            ("sept 2025", "2025-09"),
            ("26 jan 2026", "2026-01-26"),
            ("jan 26 2026", "2026-01-26"),
            ("thang 1 2026", "2026-01"),
        ] {
            assert_eq!(date_like(word).map(|d| d.iso()), Some(iso.to_string()), "{word}");
        }
    }

    #[test]
    fn values_take_every_edtf_date_and_the_spelled_forms() {
        for (value, iso) in [
            ("Y-170000002", "Y-170000002"),
            ("-0499", "-0499"),
            ("2001-21", "2001-21"),
            ("1985-04-12T23:20:30+04:30", "1985-04-12T23:20:30+04:30"),
            ("jan 2026", "2026-01"),
            ("26/1/2026", "2026-01-26"),
        ] {
            assert_eq!(period(value).map(|d| d.iso()), Ok(iso.to_string()), "{value}");
        }
        assert!(period("2025-05-07T10:00:00+25:00").unwrap_err().to_string().contains("offset"));
        assert!(matches!(period("soon"), Err(DateError::NotADate(_))));
    }

    #[test]
    fn words_that_do_not() {
        for word in
            ["198", "19835", "0999", "3000", "2026-13", "31/2/2026", "ja 2026", "lam", "26 jan", "1-2"]
        {
            assert_eq!(date_like(word), None, "{word}");
        }
    }

    #[test]
    fn spelled_dates_become_one_token() {
        let merged = |q: &str| -> Vec<String> {
            merge_spelled_dates(tokenize(q)).into_iter().map(|t| t.text).collect()
        };
        assert_eq!(merged("to lam jan 2026"), ["to", "lam", "jan 2026"]);
        assert_eq!(
            merged("26 jan 2026 laos"),
            ["26 jan 2026"; 1].into_iter().chain(["laos"]).collect::<Vec<_>>()
        );
        assert_eq!(merged("jan 26 2026"), ["jan 26 2026"]);
        assert_eq!(merged("jan laos 2026"), ["jan", "laos", "2026"]);
        assert_eq!(merged("\"jan\" 2026"), ["jan", "2026"]);
        let t = merge_spelled_dates(tokenize("x 26 jan 2026"));
        assert_eq!(t[1].span, 2..13);
    }
}
