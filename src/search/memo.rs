//! What each part of a query (a group of terms, or a pair of adjacent plain words) gave for each
//! hit, kept between keystrokes. Typing changes the last word: the groups before it, and the
//! pairs that do not touch it, are the same tests over fewer events and give the same results,
//! so a narrowed search reads them back instead of matching them again.

use super::index::Field;
use super::query::Query;

/// One part's result for one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Not worked out (a pair is matched only when it is needed).
    Unknown,
    NoMatch,
    /// The score, and the field it came from (`None` for a test of no field).
    Match(i64, Option<Field>),
}

impl From<Option<(i64, Option<Field>)>> for Part {
    fn from(found: Option<(i64, Option<Field>)>) -> Part {
        found.map_or(Part::NoMatch, |(score, field)| Part::Match(score, field))
    }
}

/// The parts of a search's hits: one row of `width` parts a hit, in the order of the hits'
/// events (ascending).
#[derive(Debug, Clone, Default)]
pub struct Parts {
    pub width: usize,
    pub rows: Vec<Part>,
}

impl Parts {
    /// The row of the `i`th hit.
    pub fn row(&self, i: usize) -> &[Part] {
        &self.rows[i * self.width..(i + 1) * self.width]
    }
}

/// For each part of `next` (its groups, then its pairs), the part of `last` that gives the same
/// result on every event, if there is one: an equal group, or an equal pair. Each depends only
/// on its own terms and the event.
pub fn reusable(last: &Query, next: &Query) -> Vec<Option<usize>> {
    let last_pairs = last.pairs();
    let groups = next.groups.iter().map(|group| last.groups.iter().position(|g| g == group));
    let pairs = next
        .pairs()
        .into_iter()
        .map(|p| last_pairs.iter().position(|x| *x == p).map(|k| last.groups.len() + k));
    groups.chain(pairs).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timeline;

    fn q(s: &str) -> Query {
        Query::parse(s, &Timeline::default()).expect("a query")
    }

    #[test]
    fn the_unchanged_words_and_their_pairs_are_reused() {
        // `to` and `dai` are kept; `l` became `la`, so its group and the pairs with it are new.
        // Parts of `to dai l`: groups 0 1 2, pairs `todai` 3, `dail` 4.
        assert_eq!(reusable(&q("to dai l"), &q("to dai la")), vec![Some(0), Some(1), None, Some(3), None]);
        assert_eq!(reusable(&q("to"), &q("to l")), vec![Some(0), None, None]);
        assert_eq!(reusable(&q("x"), &q("y")), vec![None]);
    }
}
