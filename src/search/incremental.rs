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
        self.search_cancellable(engine, t, filter, &|| false).unwrap_or_default()
    }

    /// `search` that gives up when `cancelled()` turns true; the cache then stays as it was.
    pub fn search_cancellable(
        &mut self,
        engine: &Engine,
        t: &Timeline,
        filter: &Filter,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Results> {
        let query = Query::parse(&filter.query);
        let rest = rest_of(filter);
        let narrowed = match self.last.as_ref().filter(|l| l.rest == rest && l.query.narrows_to(&query)) {
            Some(l) => {
                let r = engine.run_cancellable(t, filter, &l.events, cancelled)?;
                // A phrase result cannot narrow into a word-by-word one, which may be wider.
                (!l.results.phrase || r.phrase).then_some(r)
            }
            None => None,
        };
        let results = match narrowed {
            Some(r) => r,
            None => {
                let all: Vec<usize> = (0..t.events.len()).collect();
                engine.run_cancellable(t, filter, &all, cancelled)?
            }
        };
        let mut events: Vec<usize> = results.hits.iter().map(|h| h.event).collect();
        events.sort_unstable();
        self.last = Some(Last { query, rest, results: results.clone(), events });
        Some(results)
    }
}
