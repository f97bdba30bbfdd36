//! Searching as the user types: when the new query only adds to the last one, narrow the last
//! hits instead of searching every event again.

use super::{Engine, Filter, Query, Results};
use crate::model::Timeline;

/// The last search, kept to narrow the next one.
#[derive(Debug, Clone, Default)]
pub struct Incremental {
    last: Option<Last>,
}

#[derive(Debug, Clone)]
struct Last {
    query: Query,
    /// The filter without its query and order: narrowing is only valid if these are unchanged.
    rest: Filter,
    results: Results,
    /// The hits' event indexes, sorted.
    events: Vec<usize>,
}

fn rest_of(filter: &Filter) -> Filter {
    Filter { query: String::new(), order: Default::default(), ..filter.clone() }
}

impl Incremental {
    /// Searches, narrowing the previous result when that gives the same answer as a full search.
    pub fn search(&mut self, engine: &Engine, t: &Timeline, filter: &Filter) -> Results {
        let query = Query::parse(&filter.query);
        let rest = rest_of(filter);
        let narrowed =
            self.last.as_ref().filter(|l| l.rest == rest && l.query.narrows_to(&query)).and_then(|l| {
                let r = engine.run_within(t, filter, &l.events);
                // A phrase result cannot narrow into a word-by-word one, which may be wider.
                (!l.results.phrase || r.phrase).then_some(r)
            });
        let results = narrowed.unwrap_or_else(|| {
            let all: Vec<usize> = (0..t.events.len()).collect();
            engine.run_within(t, filter, &all)
        });
        let mut events: Vec<usize> = results.hits.iter().map(|h| h.event).collect();
        events.sort_unstable();
        self.last = Some(Last { query, rest, results: results.clone(), events });
        results
    }
}
