//! Partial dates: a year, a month or a day, kept at the precision the source gives.

use chrono::{Datelike, NaiveDate};
use std::cmp::Ordering;
use std::fmt;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to the year, the month or the day. It stands for the whole period it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl PartialDate {
    pub fn year(year: i32) -> Self {
        Self { year, month: None, day: None }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible dates.
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a date; write YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = s.split('-').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        match parts.as_slice() {
            [y] if digits(y, 4) => Self::checked(y.parse().map_err(|_| bad())?, None, None),
            [y, m] if digits(y, 4) && digits(m, 2) => {
                Self::checked(y.parse().map_err(|_| bad())?, Some(m.parse().map_err(|_| bad())?), None)
            }
            [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => Self::checked(
                y.parse().map_err(|_| bad())?,
                Some(m.parse().map_err(|_| bad())?),
                Some(d.parse().map_err(|_| bad())?),
            ),
            _ => Err(bad()),
        }
    }

    fn checked(year: i32, month: Option<u32>, day: Option<u32>) -> Result<Self, String> {
        if year == 0 {
            return Err("year 0000 does not exist; years start at 0001".into());
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(format!("month {m:02} does not exist; months run from 01 to 12"));
        }
        if let (Some(m), Some(d)) = (month, day)
            && NaiveDate::from_ymd_opt(year, m, d).is_none()
        {
            let last = days_in_month(year, m);
            return Err(format!(
                "{year:04}-{m:02}-{d:02} does not exist; {} {year} has {last} days",
                MONTHS[m as usize - 1]
            ));
        }
        Ok(Self { year, month, day })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    pub fn year_value(&self) -> i32 {
        self.year
    }

    pub fn month_value(&self) -> Option<u32> {
        self.month
    }

    /// The first day of the period this date names.
    pub fn first_day(&self) -> NaiveDate {
        let (m, d) = (self.month.unwrap_or(1), self.day.unwrap_or(1));
        NaiveDate::from_ymd_opt(self.year, m, d).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the period this date names.
    pub fn last_day(&self) -> NaiveDate {
        let m = self.month.unwrap_or(12);
        let d = self.day.unwrap_or_else(|| days_in_month(self.year, m));
        NaiveDate::from_ymd_opt(self.year, m, d).unwrap_or(NaiveDate::MAX)
    }

    /// ISO form at its own precision: `1959`, `2025-05`, `2025-05-07`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (None, _) => format!("{:04}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
        }
    }

    /// A span label: `26–27 Jan 2026`, `30 Jan – 2 Feb 2026`, `2020–2021`.
    pub fn span_label(&self, end: Option<&PartialDate>) -> String {
        let Some(end) = end.filter(|e| *e != self) else {
            return self.to_string();
        };
        let same_year = self.year == end.year;
        match (self.precision(), end.precision()) {
            (Precision::Day, Precision::Day) if same_year && self.month == end.month => {
                format!("{}–{}", self.day.unwrap_or(1), end)
            }
            (Precision::Day, Precision::Day) if same_year => format!(
                "{} {} – {}",
                self.day.unwrap_or(1),
                MONTHS[self.month.unwrap_or(1) as usize - 1],
                end
            ),
            (Precision::Month, Precision::Month) if same_year => {
                format!("{}–{}", MONTHS[self.month.unwrap_or(1) as usize - 1], end)
            }
            (Precision::Year, Precision::Year) => format!("{}–{}", self.year, end.year),
            _ => format!("{self} – {end}"),
        }
    }
}

/// Order by earliest moment; on a tie the coarser date first (`2025` < `2025-05` < `2025-05-01`).
impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day().cmp(&other.first_day()).then(self.precision().cmp(&other.precision()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Human form at its own precision: `1959`, `May 2025`, `7 May 2025`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (None, _) => write!(f, "{}", self.year),
            (Some(m), None) => write!(f, "{} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), Some(d)) => write!(f, "{d} {} {}", MONTHS[m as usize - 1], self.year),
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map_or(31, |d| d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(d("1959").precision(), Precision::Year);
        assert_eq!(d("2025-05").precision(), Precision::Month);
        assert_eq!(d("2025-05-07").precision(), Precision::Day);
        assert_eq!(d("2024-02-29").iso(), "2024-02-29");
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for (input, needle) in [
            ("2025-02-30", "Feb 2025 has 28 days"),
            ("2023-02-29", "Feb 2023 has 28 days"),
            ("2025-13", "month 13 does not exist"),
            ("2025-00-10", "month 00 does not exist"),
            ("0000", "year 0000"),
            ("25-05-07", "not a date"),
            ("2025/05/07", "not a date"),
            ("2025-5-7", "not a date"),
            ("", "not a date"),
            ("２０２５", "not a date"),
        ] {
            let err = PartialDate::parse(input).unwrap_err();
            assert!(err.contains(needle), "{input}: {err}");
        }
    }

    #[test]
    fn displays_at_its_precision() {
        assert_eq!(d("1959").to_string(), "1959");
        assert_eq!(d("2025-05").to_string(), "May 2025");
        assert_eq!(d("2025-05-07").to_string(), "7 May 2025");
        assert_eq!(d("2026-01-26").span_label(Some(&d("2026-01-27"))), "26–27 Jan 2026");
        assert_eq!(d("2026-01-30").span_label(Some(&d("2026-02-02"))), "30 Jan – 2 Feb 2026");
        assert_eq!(d("2020").span_label(Some(&d("2021"))), "2020–2021");
        assert_eq!(d("2020").span_label(None), "2020");
    }

    #[test]
    fn orders_by_earliest_moment_then_coarser_first() {
        let mut v = [d("2025-05-01"), d("2025-05"), d("2025"), d("1959"), d("2024-12-31")];
        v.sort();
        let iso: Vec<String> = v.iter().map(PartialDate::iso).collect();
        assert_eq!(iso, ["1959", "2024-12-31", "2025", "2025-05", "2025-05-01"]);
    }

    #[test]
    fn knows_first_and_last_day() {
        assert_eq!(d("2024-02").last_day().to_string(), "2024-02-29");
        assert_eq!(d("2025").last_day().to_string(), "2025-12-31");
        assert_eq!(d("2025-05").first_day().to_string(), "2025-05-01");
    }
}
