//! Searching as the user types: when the new query can only match fewer events than the last
//! one (see `Query::narrows_to`), search the last hits instead of every event again.

use super::memo::{self, Parts};
use super::{Engine, Filter, Hit, Order, Query, Results};
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
    order: Order,
    /// The hits, ranked: the answer again if the next search is the same.
    hits: Vec<Hit>,
    /// The hits' event indexes, sorted.
    events: Vec<usize>,
    /// What each part of the query gave for each of them (see `memo`).
    parts: Parts,
}

fn rest_of(filter: &Filter) -> Filter {
    Filter { query: String::new(), order: Default::default(), ..filter.clone() }
}

impl Incremental {
    /// Searches, narrowing the previous result when that gives the same answer as a full search.
    /// An invalid query gives no hits and the reason in `Results::error`.
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
        let query = match Query::parse(&filter.query, t) {
            Ok(q) => q,
            Err(e) => {
                self.last = None;
                return Some(Results { hits: Vec::new(), error: Some(e.0) });
            }
        };
        let rest = rest_of(filter);
        // The same search again (a space typed after a word, a quote closed): the same hits.
        if let Some(l) =
            self.last.as_ref().filter(|l| l.rest == rest && l.query == query && l.order == filter.order)
        {
            return Some(Results { hits: l.hits.clone(), error: None });
        }
        let last = self.last.as_ref().filter(|l| l.rest == rest && l.query.narrows_to(&query));
        let reuse = last.map(|l| memo::reusable(&l.query, &query));
        let scored = match last.zip(reuse.as_deref()) {
            Some((l, reuse)) => {
                engine.run_parts(t, filter, &query, &l.events, Some((&l.parts, reuse)), cancelled)?
            }
            None => {
                let all: Vec<usize> = (0..t.events.len()).collect();
                engine.run_parts(t, filter, &query, &all, None, cancelled)?
            }
        };
        let (hits, order) = (scored.hits.clone(), filter.order);
        self.last = Some(Last { query, rest, order, hits, events: scored.events, parts: scored.parts });
        Some(Results { hits: scored.hits, error: None })
    }
}
