//! Which of a cached data set's events a run decodes: all of them, those a search may find
//! (read in place from the mapped folded text), or the first ones for the browser's preview.

use super::format;
use crate::search::Query;
use crate::search::prefilter::Prefilter;

/// Which of a cached data set's events to decode.
#[derive(Clone, Copy)]
pub enum Want<'q> {
    All,
    /// Those a search by this query may find.
    Search(&'q str),
    /// The first so many, in date order.
    First(usize),
}

impl Want<'_> {
    /// The events to decode, in order; `None` for all of them.
    pub fn pick(self, head: &format::HeadOwned, events: &format::Events) -> Option<Vec<usize>> {
        match self {
            Want::All => None,
            Want::Search(query) => candidates(head, events, query),
            // Groups are known only from the events, so a data set with them is read whole.
            Want::First(rows) if rows < events.len() && !head.has_groups => Some((0..rows).collect()),
            Want::First(_) => None,
        }
    }
}

/// The events a search by `query` may find, read in place; `None` when it needs them all (a
/// query that prunes nothing or does not parse, a data set with groups, which `group:` names).
fn candidates(head: &format::HeadOwned, events: &format::Events, query: &str) -> Option<Vec<usize>> {
    if head.has_groups {
        return None;
    }
    let prefilter = Prefilter::new(&Query::parse(query, &head.timeline).ok()?);
    if prefilter.keeps_all() {
        return None;
    }
    use rayon::prelude::*;
    Some(
        (0..events.len())
            .into_par_iter()
            .filter(|&i| prefilter.keeps(events.text(i), || events.short(i)))
            .collect(),
    )
}
