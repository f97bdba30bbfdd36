//! The time axis's scale and counts (drawn by `ui::axis`): the whole span on one strip, with a
//! mark for every event and the selected one picked out. The scale follows the data: when most
//! events are recent (the built-in data set), it is piecewise, the older past compressed and the
//! last months given the most room, and its boundaries are labelled; evenly spread data gets a
//! linear scale with evenly spaced labels.

use chrono::{Datelike, NaiveDate};

/// A piecewise-linear map from dates to a fraction of the strip's width. Dates are days since
/// 0001-01-01 (`f64`), so that the strip can reach from the Big Bang to a time of day.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// Boundary days and the fraction of the width where each falls; increasing.
    pub stops: Vec<(f64, f64)>,
    /// Linear from the first stop to the last, labelled with evenly spaced ticks rather than at
    /// its stops.
    pub linear: bool,
}

/// The data counts as skewed to recent years, and gets the piecewise scale, when more than half
/// of its events fall in the last tenth of its span.
const SKEW_SHARE: f64 = 0.5;
const RECENT_PART: f64 = 0.1;

/// Share of the width for: the distant past, the last ten years, the last year, the last months.
const WEIGHTS: [f64; 4] = [0.25, 0.20, 0.25, 0.30];

/// A calendar day as days since 0001-01-01.
pub fn day_number(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce() - 1)
}

/// The days since 0001-01-01 at which a moment falls.
pub fn moment_days(m: crate::model::Moment) -> f64 {
    m.0 as f64 / 86_400_000.0
}

fn calendar(days: f64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(days.floor() as i64 + 1).ok()?)
}

impl Scale {
    /// A scale from the first day of the data to the last (both days since 0001-01-01).
    pub fn new(first: f64, last: f64) -> Scale {
        let (Some(first_d), Some(last_d)) = (calendar(first), calendar(last)) else {
            // Beyond the calendar (geological or cosmological time): one linear segment.
            // Like the calendar scale, the last stop is the day after the span.
            return Scale::linear(first, last);
        };
        // A round decade as people count years: 500 BCE (astronomical −499) stays 500 BCE.
        let decade = match first_d.year() {
            y if y > 0 => y - y.rem_euclid(10),
            y => 1 - (1 - y + 9) / 10 * 10,
        };
        let start = NaiveDate::from_ymd_opt(decade, 1, 1).unwrap_or(first_d);
        let end = next_month(last_d);
        let y = |year| NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(start);
        let months_back = end.checked_sub_months(chrono::Months::new(3)).unwrap_or(start);
        let candidates = [y(end.year() - 10), y(end.year() - 1), months_back, end];
        let mut bounds = vec![(start, 0.0)];
        let mut weight = 0.0;
        for (b, w) in candidates.into_iter().zip(WEIGHTS) {
            weight += w;
            if b > bounds.last().map_or(start, |x| x.0) {
                bounds.push((b, weight));
            }
        }
        // Dropped segments give their room to the ones left.
        let total = bounds.last().map_or(1.0, |b| b.1).max(f64::EPSILON);
        Scale { stops: bounds.into_iter().map(|(d, f)| (day_number(d), f / total)).collect(), linear: false }
    }

    /// One linear segment from the start of the first year (or the first day, beyond the
    /// calendar) to the end of the last month. Like the piecewise scale, the last stop is the
    /// day after the span.
    pub fn linear(first: f64, last: f64) -> Scale {
        let (start, end) = match (calendar(first), calendar(last)) {
            (Some(a), Some(b)) => {
                // A short span starts at its first month, a longer one at its first year.
                let year = NaiveDate::from_ymd_opt(a.year(), 1, 1).unwrap_or(a);
                let start = if last - first < 3.0 * 365.0 { a.with_day(1).unwrap_or(a) } else { year };
                (day_number(start), day_number(next_month(b)))
            }
            _ => (first, last + 1.0),
        };
        Scale { stops: vec![(start, 0.0), (end.max(start + 1.0), 1.0)], linear: true }
    }

    /// The scale that suits events starting on `days` (sorted or not), spanning `first..=last`:
    /// piecewise when most of them are recent (`new`: the last ten years, year and months get
    /// the room), by quarters of the events when they crowd elsewhere (`quarters`), linear when
    /// they are spread.
    pub fn fit(days: &[f64], first: f64, last: f64) -> Scale {
        let recent = last - (last - first) * RECENT_PART;
        let late = days.iter().filter(|&&d| d >= recent).count();
        let decade = days.iter().filter(|&&d| d >= last - 10.0 * 365.2425).count();
        let most = |n: usize| n as f64 > days.len() as f64 * SKEW_SHARE;
        if most(late) && most(decade) && calendar(first).is_some() {
            Scale::new(first, last)
        } else if most(late) {
            Scale::quarters(days, first, last)
        } else {
            Scale::linear(first, last)
        }
    }

    /// Piecewise, each quarter of the events on a quarter of the width: for events that crowd
    /// in a stretch other than the last years (thirty events of 1975 in a span from 500 BCE),
    /// which a linear scale would put in one column. The stops are the days where each quarter
    /// begins, labelled as the piecewise scale's are.
    pub fn quarters(days: &[f64], first: f64, last: f64) -> Scale {
        let span = Scale::linear(first, last);
        let (Some(&(a, _)), Some(&(b, _))) = (span.stops.first(), span.stops.last()) else { return span };
        let mut sorted = days.to_vec();
        sorted.sort_by(f64::total_cmp);
        let mut stops = vec![(a, 0.0)];
        for q in [0.25, 0.5, 0.75] {
            let d = sorted[((sorted.len().saturating_sub(1)) as f64 * q) as usize].floor();
            if d > stops.last().map_or(a, |s| s.0) + 1.0 && d < b - 1.0 {
                stops.push((d, q));
            }
        }
        stops.push((b, 1.0));
        Scale { stops, linear: false }
    }

    /// The labels of a linear scale on a strip `w` wide: round years (or months, for a span of
    /// under three years), evenly spaced, the smallest step whose labels keep two blanks between
    /// them.
    pub fn ticks(&self, w: u16) -> Vec<(f64, String)> {
        let (Some(&(a, _)), Some(&(b, _))) = (self.stops.first(), self.stops.last()) else {
            return Vec::new();
        };
        let fits = |ticks: &[(f64, String)]| {
            ticks.windows(2).all(|p| {
                let gap = self.col(p[1].0, w).saturating_sub(self.col(p[0].0, w)) as usize;
                gap >= crate::text::wrap::width(&p[0].1) + 2
            })
        };
        if (b - a) / 365.2425 < 3.0
            && let Some(start) = calendar(a)
        {
            for step in [1u32, 2, 3, 6, 12] {
                let ticks = month_ticks(start, b, step);
                if fits(&ticks) {
                    return ticks;
                }
            }
            return Vec::new();
        }
        let years = (b - a) / 365.2425;
        // Round numbers as people count years: 500 BCE, 1 CE, 500 CE (no year 0).
        let human = |astro: i64| if astro > 0 { astro } else { astro - 1 };
        let astro = |human: i64| if human > 0 { human } else { human + 1 };
        let first_year = human((a / 365.2425).floor() as i64 + 1);
        let mut step = nice_step(years / (w as f64 / 6.0).max(1.0));
        loop {
            let mut out = Vec::new();
            let mut y = (first_year as f64 / step).ceil() * step;
            while out.len() <= w as usize {
                let d = year_start(astro(y as i64));
                if d >= b {
                    break;
                }
                if d >= a && y != 0.0 {
                    out.push((d, label(d, false)));
                }
                y += step;
            }
            if fits(&out) || out.len() < 2 {
                return out;
            }
            step = nice_step(step * 1.5);
        }
    }

    /// Whether the scale starts within the calendar (years and months, not years ago).
    pub fn in_calendar(&self) -> bool {
        self.stops.first().is_some_and(|s| calendar(s.0).is_some())
    }

    /// Where a day falls, from 0.0 to 1.0.
    pub fn at(&self, d: f64) -> f64 {
        let s = &self.stops;
        if s.len() < 2 || d <= s[0].0 {
            return 0.0;
        }
        for w in s.windows(2) {
            let ((a, fa), (b, fb)) = (w[0], w[1]);
            if d < b {
                return fa + (fb - fa) * (d - a) / (b - a).max(1.0);
            }
        }
        1.0
    }

    /// The column of a day on a strip `width` cells wide.
    pub fn col(&self, d: f64, width: u16) -> u16 {
        ((self.at(d) * (width.saturating_sub(1)) as f64).round() as u16).min(width.saturating_sub(1))
    }
}

/// The first of every `step`-th month from `start` to `end` (days), labelled `Mar`, with the
/// year on the first label and on each January (`2026`).
fn month_ticks(start: NaiveDate, end: f64, step: u32) -> Vec<(f64, String)> {
    let mut out = Vec::new();
    let mut d = start.with_day(1).unwrap_or(start);
    while day_number(d) < end {
        if d.month0().is_multiple_of(step) {
            let text = match d.month() {
                1 => d.year().to_string(),
                _ if out.is_empty() => d.format("%b %Y").to_string(),
                _ => d.format("%b").to_string(),
            };
            out.push((day_number(d), text));
        }
        match d.checked_add_months(chrono::Months::new(1)) {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

/// 1, 2, 5, 10, 20, 50, … years: the smallest such step at least `min` years.
fn nice_step(min: f64) -> f64 {
    let mut step = 1.0;
    loop {
        for m in [1.0, 2.0, 5.0] {
            if step * m >= min {
                return step * m;
            }
        }
        step *= 10.0;
    }
}

/// The first day of a year (astronomical: 0 is 1 BCE) as days since 0001-01-01.
fn year_start(year: i64) -> f64 {
    match i32::try_from(year).ok().and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)) {
        Some(d) => day_number(d),
        None => (year - 1) as f64 * 365.2425,
    }
}

fn next_month(d: NaiveDate) -> NaiveDate {
    let first = d.with_day(1).unwrap_or(d);
    first.checked_add_months(chrono::Months::new(1)).unwrap_or(d)
}

/// `1950`, `Dec 2025`, `500 BCE`, `13.8 billion years ago`.
pub fn label(days: f64, closing: bool) -> String {
    let Some(d) = calendar(if closing { days - 1.0 } else { days }) else {
        let year = (days / 365.2425).floor() as i64 + 1;
        return crate::model::date::year_label(year);
    };
    if d.year() < 1 {
        return crate::model::date::year_label(i64::from(d.year()));
    }
    if d.month() == 1 && !closing { d.year().to_string() } else { d.format("%b %Y").to_string() }
}

/// Fine buckets along the axis; columns sum them, so drawing never walks the events.
const BUCKETS: usize = 1024;

/// How many events fall in each bucket of the axis: all of them, and those the filters show.
/// Built when the data or the hits change, not on every frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    pub scale: Option<Scale>,
    /// Each event's bucket.
    bucket: Vec<u16>,
    all: Vec<u32>,
    shown: Vec<u32>,
}

impl Counts {
    pub fn new(t: &crate::model::Timeline) -> Counts {
        let (Some(first), Some(last)) =
            (t.events.first(), t.events.iter().map(|e| e.end.unwrap_or(e.date).end()).max())
        else {
            return Counts::default();
        };
        let days: Vec<f64> = t.events.iter().map(|e| moment_days(e.date.start())).collect();
        let scale = Scale::fit(&days, moment_days(first.date.start()), moment_days(last) - 1.0);
        let bucket: Vec<u16> = t
            .events
            .iter()
            .map(|e| (scale.at(moment_days(e.date.start())) * (BUCKETS - 1) as f64).round() as u16)
            .collect();
        let mut all = vec![0; BUCKETS];
        for &b in &bucket {
            all[b as usize] += 1;
        }
        Counts { scale: Some(scale), bucket, shown: all.clone(), all }
    }

    /// Recounts the shown events.
    pub fn show(&mut self, hits: &[crate::search::Hit]) {
        self.shown = vec![0; self.all.len()];
        for h in hits {
            if let Some(&b) = self.bucket.get(h.event) {
                self.shown[b as usize] += 1;
            }
        }
    }

    /// The column of an event on a strip `w` wide.
    pub fn column_of(&self, event: usize, w: u16) -> Option<u16> {
        self.bucket.get(event).map(|&b| Self::col(b as usize, w) as u16)
    }

    /// The column of a bucket on a strip `w` wide.
    fn col(b: usize, w: u16) -> usize {
        ((b as f64 / (BUCKETS - 1) as f64) * w.saturating_sub(1) as f64).round() as usize
    }

    /// (all, shown) per column.
    pub fn columns(&self, w: u16) -> (Vec<u32>, Vec<u32>) {
        let (mut all, mut shown) = (vec![0; w as usize], vec![0; w as usize]);
        for b in 0..self.all.len() {
            let c = Self::col(b, w).min((w as usize).saturating_sub(1));
            all[c] += self.all[b];
            shown[c] += self.shown[b];
        }
        (all, shown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> f64 {
        day_number(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
    }

    /// Thirty events of 1975 in a span from 500 BCE: not the last years' scale (which gave them
    /// one column), but a quarter of the width to each quarter of the events.
    #[test]
    fn events_crowded_before_the_last_years_get_quarters_of_the_width() {
        let mut days = vec![d("-0499-01-01"), d("1945-09-02"), d("2000-01-01"), d("2024-02-10")];
        days.extend((1..=30).map(|i| d("1975-01-01") + f64::from(i) * 7.0));
        let s = Scale::fit(&days, days[0], d("2024-02-10"));
        assert!(!s.linear);
        let fractions: Vec<f64> = s.stops.iter().map(|x| x.1).collect();
        assert_eq!(fractions, [0.0, 0.25, 0.5, 0.75, 1.0]);
        let (first, last) = (s.col(d("1975-01-08"), 80), s.col(d("1975-07-30"), 80));
        assert!(last - first >= 30, "1975 spreads over {first}..{last}");
        assert_eq!(label(s.stops[0].0, false), "500 BCE");
    }

    /// The last years' scale starts at a round decade as people count years.
    #[test]
    fn a_decade_before_the_common_era_is_a_round_one() {
        let s = Scale::new(d("-0499-06-01"), d("2026-02-06"));
        assert_eq!(label(s.stops[0].0, false), "500 BCE");
        let s = Scale::new(d("-0503-06-01"), d("2026-02-06"));
        assert_eq!(label(s.stops[0].0, false), "510 BCE");
        let s = Scale::new(d("1959-07-01"), d("2026-02-06"));
        assert_eq!(label(s.stops[0].0, false), "1950");
    }

    #[test]
    fn recent_months_get_the_most_room() {
        let s = Scale::new(d("1950-01-18"), d("2026-02-06"));
        let years: Vec<f64> = s.stops.iter().map(|x| x.0).collect();
        assert_eq!(
            years,
            [d("1950-01-01"), d("2016-01-01"), d("2025-01-01"), d("2025-12-01"), d("2026-03-01")]
        );
        assert!(s.at(d("1959-06-01")) < 0.05);
        // Ten days at the end span more columns than ten years at the start.
        let w = 80;
        assert!(s.col(d("2026-02-05"), w) - s.col(d("2026-01-26"), w) >= 2);
        assert_eq!(label(d("1950-01-01"), false), "1950");
        assert_eq!(label(d("2026-03-01"), true), "Feb 2026");
        assert!(s.col(d("1967-06-24"), w) - s.col(d("1959-01-01"), w) <= 3);
        assert_eq!(s.col(d("2026-02-28"), w), 79);
        assert_eq!(s.col(d("1950-01-01"), w), 0);
    }

    #[test]
    fn positions_increase_with_dates() {
        let s = Scale::new(d("1950-01-18"), d("2026-02-06"));
        let mut prev = -1.0;
        for y in 1950..=2026 {
            let x = s.at(d(&format!("{y}-01-01")));
            assert!(x > prev || (x == prev && x == 0.0), "{y}");
            prev = x;
        }
    }

    #[test]
    fn cosmological_spans_are_linear_and_labelled_in_years_ago() {
        let t = |s: &str| moment_days(crate::model::PartialDate::parse(s).unwrap().start());
        let s = Scale::new(t("Y-13797999999"), t("0000"));
        assert_eq!(s.stops.len(), 2);
        let solar = s.at(t("Y-4797999999"));
        assert!((solar - 0.652).abs() < 0.01, "{solar}");
        assert_eq!(label(s.stops[0].0, false), "13.8 billion years ago");
        assert_eq!(label(t("-0499"), false), "500 BCE");
    }

    #[test]
    fn evenly_spread_years_get_a_linear_scale_with_even_labels() {
        let days: Vec<f64> = (1966..=1971).map(|y| d(&format!("{y}-01-01"))).collect();
        let s = Scale::fit(&days, d("1966-01-01"), d("1971-12-31"));
        assert!(s.linear);
        let ticks: Vec<String> = s.ticks(80).into_iter().map(|t| t.1).collect();
        assert_eq!(ticks, ["1966", "1967", "1968", "1969", "1970", "1971"]);
        let ticks: Vec<String> = s.ticks(30).into_iter().map(|t| t.1).collect();
        assert_eq!(ticks, ["1966", "1968", "1970"]);
        // Equal years take equal room.
        let cols: Vec<u16> = days.iter().map(|&x| s.col(x, 73)).collect();
        assert!(cols.windows(2).all(|w| w[1] - w[0] == cols[1] - cols[0]), "{cols:?}");
    }

    #[test]
    fn data_skewed_to_recent_years_keeps_the_piecewise_scale() {
        let mut days: Vec<f64> = vec![d("1950-01-18"), d("1959-01-01"), d("1992-01-17")];
        days.extend((1..=20).map(|i| d(&format!("2025-{:02}-01", i % 12 + 1))));
        let s = Scale::fit(&days, d("1950-01-18"), d("2026-02-06"));
        assert!(!s.linear);
        assert_eq!(s.stops.len(), 5);
    }

    #[test]
    fn months_label_a_short_linear_span() {
        let s = Scale::linear(d("2025-11-03"), d("2026-02-06"));
        let ticks: Vec<String> = s.ticks(80).into_iter().map(|t| t.1).collect();
        assert_eq!(ticks, ["Nov 2025", "Dec", "2026", "Feb"]);
    }

    #[test]
    fn short_spans_drop_empty_segments() {
        let s = Scale::new(d("2026-01-05"), d("2026-02-06"));
        assert!(s.stops.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(s.stops.last().unwrap().1, 1.0);
    }
}
