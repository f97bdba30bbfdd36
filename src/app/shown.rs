//! What is on screen: the hits of the last search, laid out in rows, with what is derived from
//! them once per search (axis counts, column widths) and the highlights of the visible events.

use crate::model::Timeline;
use crate::search::{Hit, Marks, Results};
use crate::view::axis::Counts;

/// One row of the timeline pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A year header with the number of shown events in that year.
    Year { year: i64, count: usize },
    /// An event: index into `Shown::hits`.
    Event(usize),
}

/// The results on screen.
pub struct Shown {
    /// The events shown, in display order.
    pub hits: Vec<Hit>,
    /// The timeline pane's rows: events, with year headers in chronological order.
    pub rows: Vec<Row>,
    /// For each hit, its index in `rows` (built with the rows: moving never scans them).
    row_of_hit: Vec<usize>,
    /// Event counts along the time axis.
    pub axis: Counts,
    /// Widths of the timeline's date and country columns over all shown events, so that the
    /// columns stay put while scrolling.
    pub column_widths: (usize, usize),
    /// Whether years of several events get a header row (when the list has the room); without
    /// one, the date column marks the first event of the year.
    pub headers: bool,
    /// Search highlights of the events on screen, by event index, computed in `update` for the
    /// visible rows and the selected event, so that drawing never matches anything.
    marks: Vec<(usize, Marks)>,
    /// Each event's date and country-code widths in columns (see `widths`): the columns' widths
    /// are taken over every hit on every keystroke, and a date's text is made anew each time
    /// it is asked for.
    widths: Vec<[u8; 2]>,
}

/// The widths of event `i`'s date and country codes, measured once (`memo`, one entry an
/// event: the date's width plus one, 0 until measured; then the codes' width): a keystroke
/// that finds every event then reads this dense table, not every event.
fn widths(memo: &mut [[u8; 2]], i: usize, e: &crate::model::Event) -> (usize, usize) {
    match memo.get(i) {
        Some(&[d, c]) if d > 0 => (usize::from(d - 1), usize::from(c)),
        _ => {
            let date = crate::text::wrap::width(&e.date_text());
            let codes = (e.countries.len() * 3).saturating_sub(1).min(255);
            if let (Some(slot), Ok(d)) = (memo.get_mut(i), u8::try_from(date + 1)) {
                *slot = [d, codes as u8];
            }
            (date, codes)
        }
    }
}

impl Shown {
    pub fn new(t: &Timeline) -> Shown {
        Shown {
            hits: Vec::new(),
            rows: Vec::new(),
            row_of_hit: Vec::new(),
            axis: Counts::new(t),
            column_widths: (4, 2),
            headers: true,
            marks: Vec::new(),
            widths: vec![[0; 2]; t.events.len()],
        }
    }

    /// Takes a search's results: lays out the rows (year headers unless `ranked`) and recounts.
    pub fn set(&mut self, t: &Timeline, results: Results, ranked: bool) {
        self.hits = results.hits;
        self.marks.clear();
        self.axis.show(&self.hits);
        // No country column at all when no shown event names a country (imported files).
        let (mut date_w, mut codes_w) = (4, 0);
        for h in &self.hits {
            // (A reference to the event reads none of it: only a first measure does.)
            let (date, codes) = widths(&mut self.widths, h.event, &t.events[h.event]);
            date_w = date_w.max(date);
            codes_w = codes_w.max(codes);
        }
        self.column_widths = (date_w, codes_w.min(8));
        self.lay_out(t, ranked);
    }

    /// Lays out the rows again: after a search, or when `headers` changes.
    pub fn lay_out(&mut self, t: &Timeline, ranked: bool) {
        self.rows.clear();
        self.row_of_hit.clear();
        if ranked || !self.headers {
            self.rows.extend((0..self.hits.len()).map(Row::Event));
            self.row_of_hit.extend(0..self.hits.len());
            return;
        }
        let year_of = |h: &Hit| t.events[h.event].date.year_value();
        let mut i = 0;
        while i < self.hits.len() {
            let year = year_of(&self.hits[i]);
            let count = self.hits[i..].iter().take_while(|h| year_of(h) == year).count();
            // A year of one event needs no header: its date shows the year.
            if count > 1 {
                self.rows.push(Row::Year { year, count });
            }
            self.row_of_hit.extend(self.rows.len()..self.rows.len() + count);
            self.rows.extend((i..i + count).map(Row::Event));
            i += count;
        }
    }

    /// Whether a hit is the first of its year in a chronological list, without a header row
    /// above it: its date then shows the year in the year's style.
    pub fn starts_year(&self, t: &Timeline, hit: usize) -> bool {
        let year = |h: usize| t.events[self.hits[h].event].date.year_value();
        let row = self.row_of(hit);
        let header = row > 0 && matches!(self.rows.get(row - 1), Some(Row::Year { .. }));
        hit < self.hits.len() && (hit == 0 || year(hit - 1) != year(hit)) && !header
    }

    /// Row index of a hit.
    pub fn row_of(&self, hit: usize) -> usize {
        self.row_of_hit.get(hit).copied().unwrap_or(0)
    }

    /// The search highlights of an event on screen (empty without a query).
    pub fn marks(&self, event: usize) -> &Marks {
        static NONE: Marks = Vec::new();
        self.marks.iter().find(|(e, _)| *e == event).map_or(&NONE, |(_, m)| m)
    }

    /// Keeps the highlights of exactly `events`, computing the missing ones with `compute`.
    pub fn cache_marks(&mut self, events: &[usize], compute: impl Fn(usize) -> Marks) {
        self.marks.retain(|(e, _)| events.contains(e));
        for &e in events {
            if !self.marks.iter().any(|(m, _)| *m == e) {
                self.marks.push((e, compute(e)));
            }
        }
    }
}
