//! The date forms `timeline scan` recognises, Vietnamese and English, and how each one is
//! resolved to a period: as written, or, for a day without a year, a duration or a relative word,
//! against the article's date.

use chrono::{Datelike, Days, NaiveDate};
use regex::{Captures, Regex};
use std::sync::OnceLock;

/// How much of a date a mention gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    /// Seven days (`tuần tới`, next week).
    Week,
    Month,
    Year,
    Decade,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Decade => "decade",
        }
    }
}

/// How a mention became a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// Everything needed is written.
    AsWritten,
    /// A day and month without a year: the year that puts it nearest the article's date.
    YearFromArticle,
    /// A duration (`for 30 years`) counted back from the article's date; often a round figure.
    CountedBack,
    /// A word relative to the article's date (`năm nay`, this year; `tuần tới`, next week).
    Relative,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            How::AsWritten => "as written",
            How::YearFromArticle => "year from the article's date",
            How::CountedBack => "counted back from the article's date",
            How::Relative => "relative to the article's date",
        }
    }
}

/// The period a mention stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub precision: Precision,
    pub how: How,
}

impl Resolved {
    /// ISO form at the mention's precision: `2026-01-26`, `2026-01-26..2026-01-27`, `1980..1989`.
    pub fn iso(&self) -> String {
        let one = |d: NaiveDate| match self.precision {
            Precision::Day | Precision::Week => d.format("%Y-%m-%d").to_string(),
            Precision::Month => d.format("%Y-%m").to_string(),
            Precision::Year | Precision::Decade => d.format("%Y").to_string(),
        };
        let (a, b) = (one(self.first), one(self.last));
        if a == b { a } else { format!("{a}..{b}") }
    }
}

/// The name of a form, for tests and `--json`.
pub type Form = &'static str;

type Resolve = fn(&Captures, NaiveDate) -> Option<Resolved>;

/// Every form, most specific first: a mention found by an earlier form hides any later one that
/// overlaps it (`24/6/1967-24/6/2022` is one range, not two dates and two years).
fn forms() -> &'static [(Form, Regex, Resolve)] {
    static FORMS: OnceLock<Vec<(Form, Regex, Resolve)>> = OnceLock::new();
    FORMS.get_or_init(|| {
        const PART: &str = r"(?:(?-u:\b)(?:[Nn]gày|[Ss]áng|[Tt]rưa|[Cc]hiều|[Tt]ối|[Đđ]êm)\s+)?";
        const MONTH: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";
        let table: Vec<(Form, String, Resolve)> = vec![
            (
                "day range",
                r"(?-u:\b)[Tt]ừ\s+ngày\s+([0-9]{1,2})\s+đến\s+(?:ngày\s+)?([0-9]{1,2})[/-]([0-9]{1,2})(?:[/-]([0-9]{4}))?(?-u:\b)".into(),
                day_range,
            ),
            (
                "date range",
                r"(?-u:\b)([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\s*[–—-]\s*([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?-u:\b)".into(),
                date_range,
            ),
            ("iso date", r"(?-u:\b)([0-9]{4})-([0-9]{2})-([0-9]{2})(?-u:\b)".into(), iso_date),
            ("date", format!(r"{PART}(?-u:\b)([0-9]{{1,2}})[/.-]([0-9]{{1,2}})[/.-]([0-9]{{4}})(?-u:\b)"), vi_date),
            ("english date", format!(r"(?-u:\b)([0-9]{{1,2}})\s+{MONTH}\s+([0-9]{{4}})(?-u:\b)"), en_date),
            ("english date", format!(r"(?-u:\b){MONTH}\s+([0-9]{{1,2}}),\s+([0-9]{{4}})(?-u:\b)"), en_date_us),
            ("day without year", format!(r"{PART}(?-u:\b)([0-9]{{1,2}})(//?|-)([0-9]{{1,2}})(?-u:\b)"), vi_day),
            ("english day without year", format!(r"(?-u:\b)(?:[Oo]n\s+)?{MONTH}\s+([0-9]{{1,2}})(?-u:\b)"), en_day),
            ("month", r"(?-u:\b)[Tt]háng\s+([0-9]{1,2})(?:\s*[/-]\s*|\s+năm\s+)([0-9]{4})(?-u:\b)".into(), vi_month),
            ("english month", format!(r"(?-u:\b)(?:[Ii]n\s+)?{MONTH}\s+([0-9]{{4}})(?-u:\b)"), en_month),
            ("term", r"(?-u:\b)(?:[Nn]hiệm\s+kỳ|[Gg]iai\s+đoạn)\s+([0-9]{4})\s*[–—-]\s*([0-9]{4})(?-u:\b)".into(), term),
            ("decade", r"(?-u:\b)[Tt]hập\s+(?:niên|kỷ)\s+([0-9]{3}0)(?-u:\b)".into(), vi_decade),
            ("english decade", r"(?-u:\b)(?:[Tt]he\s+)?(?:(early|mid|late)[- ])?([0-9]{3}0)s(?-u:\b)".into(), en_decade),
            (
                "duration",
                r"(?-u:\b)[Ff]or\s+(?:(?:nearly|almost|about|around|over|more than)\s+)?([0-9]{1,3})\s+years(?-u:\b)".into(),
                duration,
            ),
            ("this year", r"(?-u:\b)(?:[Nn]ăm\s+nay)(?-u:\b)".into(), this_year),
            ("next week", r"(?-u:\b)[Tt]uần\s+tới(?-u:\b)".into(), next_week),
            ("year", r"(?-u:\b)[Nn]ăm\s+([0-9]{4})(?-u:\b)".into(), year),
            ("bare year", r"(?-u:\b)(1[89][0-9]{2}|20[0-9]{2})(?-u:\b)".into(), year),
        ];
        table
            .into_iter()
            .map(|(form, re, f)| (form, Regex::new(&re).unwrap_or_else(|e| panic!("form {form}: {e}")), f))
            .collect()
    })
}

/// One date mention: byte range in the text, the form, and the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub span: std::ops::Range<usize>,
    pub form: Form,
    pub date: Resolved,
}

/// Every date mention in `text`, in text order, resolved against `published`.
pub fn find_dates(text: &str, published: NaiveDate) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for (form, re, resolve) in forms() {
        for caps in re.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            if found.iter().any(|f| f.span.start < m.end() && m.start() < f.span.end) {
                continue;
            }
            if let Some(date) = resolve(&caps, published) {
                found.push(Found { span: m.range(), form, date });
            }
        }
    }
    found.sort_by_key(|f| f.span.start);
    found
}

fn num(c: &Captures, i: usize) -> Option<u32> {
    c.get(i)?.as_str().parse().ok()
}

fn ymd(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

fn day(d: NaiveDate, how: How) -> Resolved {
    Resolved { first: d, last: d, precision: Precision::Day, how }
}

fn years(first: u32, last: u32, precision: Precision, how: How) -> Option<Resolved> {
    let (first, last) = (ymd(first, 1, 1)?, ymd(last, 12, 31)?);
    (first <= last).then_some(Resolved { first, last, precision, how })
}

/// The year that puts day `d` of month `m` nearest `published`.
fn nearest(m: u32, d: u32, published: NaiveDate) -> Option<NaiveDate> {
    let y = published.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .min_by_key(|c| (*c - published).num_days().abs())
}

fn month_of(name: &str) -> Option<u32> {
    const NAMES: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = name.to_ascii_lowercase();
    NAMES.iter().position(|n| lower.starts_with(n)).map(|i| i as u32 + 1)
}

fn day_range(c: &Captures, published: NaiveDate) -> Option<Resolved> {
    let (d1, d2, m) = (num(c, 1)?, num(c, 2)?, num(c, 3)?);
    let (first, last, how) = match num(c, 4) {
        Some(y) => (ymd(y, m, d1)?, ymd(y, m, d2)?, How::AsWritten),
        None => {
            let last = nearest(m, d2, published)?;
            (NaiveDate::from_ymd_opt(last.year(), m, d1)?, last, How::YearFromArticle)
        }
    };
    (first <= last).then_some(Resolved { first, last, precision: Precision::Day, how })
}

fn date_range(c: &Captures, _: NaiveDate) -> Option<Resolved> {
    let first = ymd(num(c, 3)?, num(c, 2)?, num(c, 1)?)?;
    let last = ymd(num(c, 6)?, num(c, 5)?, num(c, 4)?)?;
    (first <= last).then_some(Resolved { first, last, precision: Precision::Day, how: How::AsWritten })
}

fn iso_date(c: &Captures, _: NaiveDate) -> Option<Resolved> {
    Some(day(ymd(num(c, 1)?, num(c, 2)?, num(c, 3)?)?, How::AsWritten))
}

fn vi_date(c: &Captures, _: NaiveDate) -> Option<Resolved> {
    Some(day(ymd(num(c, 3)?, num(c, 2)?, num(c, 1)?)?, How::AsWritten))
}

fn en_date(c: &Captures, _: NaiveDate) -> Option<Resolved> {
    Some(day(ymd(num(c, 3)?, month_of(c.get(2)?.as_str())?, num(c, 1)?)?, How::AsWritten))
}

fn en_date_us(c: &Captures, _: NaiveDate) -> Option<Resolved> {
    Some(day(ymd(num(c, 3)?, month_of(c.get(1)?.as_str())?, num(c, 2)?)?, How::AsWritten))
}

/// `26/1`, `Ngày 26/1`, `Tối 6/2`, `ngày 26-1`: with a dash, only after a word such as `ngày`,
/// so that `7-8 độ` (7 to 8 degrees) is not a date.
fn vi_day(c: &Captures, published: NaiveDate) -> Option<Resolved> {
    let whole = c.get(0)?.as_str();
    if c.get(2)?.as_str() == "-" && whole.starts_with(|ch: char| ch.is_ascii_digit()) {
        return None;
    }
    Some(day(nearest(num(c, 3)?, num(c, 1)?, published)?, How::YearFromArticle))
}

fn en_day(c: &Captures, published: NaiveDate) -> Option<Resolved> {
    Some(day(nearest(month_of(c.get(1)?.as_str())?, num(c, 2)?, published)?, How::YearFromArticle))
}

fn month(y: u32, m: u32) -> Option<Resolved> {
    let first = ymd(y, m, 1)?;
    let last = first.checked_add_months(chrono::Months::new(1))?.pred_opt()?;
    Some(Resolved { first, last, precision: Precision::Month, how: How::AsWritten })
}

fn vi_month(c: &Captures, _: NaiveDate) -> Option<Resolved> {
    month(num(c, 2)?, num(c, 1)?)
}

fn en_month(c: &Captures, _: NaiveDate) -> Option<Resolved> {
    month(num(c, 2)?, month_of(c.get(1)?.as_str())?)
}

fn term(c: &Captures, _: NaiveDate) -> Option<Resolved> {
    years(num(c, 1)?, num(c, 2)?, Precision::Year, How::AsWritten)
}

fn vi_decade(c: &Captures, _: NaiveDate) -> Option<Resolved> {
    let y = num(c, 1)?;
    years(y, y + 9, Precision::Decade, How::AsWritten)
}

/// `the 1950s`, `the late 1950s` (its last four years), `early` (first four), `mid` (middle).
fn en_decade(c: &Captures, _: NaiveDate) -> Option<Resolved> {
    let y = num(c, 2)?;
    let (a, b) = match c.get(1).map(|m| m.as_str()) {
        Some("early") => (y, y + 3),
        Some("mid") => (y + 3, y + 6),
        Some("late") => (y + 6, y + 9),
        _ => (y, y + 9),
    };
    years(a, b, Precision::Decade, How::AsWritten)
}

fn duration(c: &Captures, published: NaiveDate) -> Option<Resolved> {
    let y = u32::try_from(published.year()).ok()?.checked_sub(num(c, 1)?)?;
    years(y, y, Precision::Year, How::CountedBack)
}

fn this_year(_: &Captures, published: NaiveDate) -> Option<Resolved> {
    let y = u32::try_from(published.year()).ok()?;
    years(y, y, Precision::Year, How::Relative)
}

/// The Monday-to-Sunday week after the article's.
fn next_week(_: &Captures, published: NaiveDate) -> Option<Resolved> {
    let monday =
        published.checked_add_days(Days::new(7 - u64::from(published.weekday().num_days_from_monday())))?;
    let sunday = monday.checked_add_days(Days::new(6))?;
    Some(Resolved { first: monday, last: sunday, precision: Precision::Week, how: How::Relative })
}

fn year(c: &Captures, _: NaiveDate) -> Option<Resolved> {
    let y = num(c, 1)?;
    years(y, y, Precision::Year, How::AsWritten)
}
