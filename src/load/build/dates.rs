//! An event's `date` and `end`: EDTF dates or intervals, with open (`..`) or unknown ends.

use super::Builder;
use crate::load::json::Spanned;
use crate::model::date::{Bound, Interval};
use crate::model::{OpenEnd, OpenEnds, PartialDate};

/// An end that is the start itself: the period is one date, as every export writes it.
const SAME_END: &str = "the end date is the start date; read as a single date";

impl Builder<'_> {
    /// The start, the end and the open ends of an event, or `None` after reporting a problem.
    pub(super) fn event_dates(
        &mut self,
        date_v: &Spanned,
        end_v: Option<&Spanned>,
    ) -> Option<(PartialDate, Option<PartialDate>, OpenEnds)> {
        let s = self.cx.string(date_v, "date")?;
        let interval = match Interval::parse(s) {
            Ok(i) => i,
            Err(e) => {
                self.cx.at(date_v.at, format!("impossible date: {e}"));
                return None;
            }
        };
        match interval {
            Interval::Single(date) => {
                let Some(end_v) = end_v else { return Some((date, None, OpenEnds::default())) };
                let end_s = self.cx.string(end_v, "end date")?;
                if end_s == ".." {
                    return Some((date, None, OpenEnds { start: None, end: Some(OpenEnd::Open) }));
                }
                let end = self.date(end_v, "end date")?;
                if end.start() < date.start() {
                    let (e, d) = (end.iso(), date.iso());
                    self.cx.at(
                        end_v.at,
                        format!("end date {e} is before the start date {d}; swap them or fix the end"),
                    );
                    return None;
                }
                if end == date {
                    self.cx.warn(end_v.at, SAME_END);
                    return Some((date, None, OpenEnds::default()));
                }
                Some((date, Some(end), OpenEnds::default()))
            }
            Interval::Range(..) if end_v.is_some() => {
                let at = end_v.map_or(date_v.at, |e| e.at);
                self.cx.at(at, format!("`date` is already an interval (`{s}`); drop `end`"));
                None
            }
            Interval::Range(a, b) => {
                let open = |b: Bound| match b {
                    Bound::Open => Some(OpenEnd::Open),
                    Bound::Unknown => Some(OpenEnd::Unknown),
                    Bound::Date(_) => None,
                };
                let ends = OpenEnds { start: open(a), end: open(b) };
                match (a, b) {
                    (Bound::Date(x), Bound::Date(y)) if x == y => {
                        self.cx.warn(date_v.at, SAME_END);
                        Some((x, None, ends))
                    }
                    (Bound::Date(x), Bound::Date(y)) => Some((x, Some(y), ends)),
                    (Bound::Date(x), _) | (_, Bound::Date(x)) => Some((x, None, ends)),
                    _ => None,
                }
            }
        }
    }
}
