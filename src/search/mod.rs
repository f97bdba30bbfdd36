//! Search and filters: one engine for the browser and for `timeline list`.
//!
//! Text is folded once at load (see `text::fold`). A query is parsed into terms (see `query`); an
//! event is a hit if it passes the filters and matches every term (see `score`). Hits are
//! ranked by score (match quality times field weight, plus a bonus for adjacent words), then by
//! the most prominent field matched, then by recency. `marks` says where an event matched, by
//! the same rules, for highlighting.

pub mod dates;
pub mod facet;
pub mod fields;
pub mod hoist;
pub mod incremental;
pub mod index;
mod marks;
pub mod matcher;
pub mod memo;
mod order;
pub mod prefilter;
pub mod query;
pub mod reference;
mod score;
mod spell;
pub mod worker;

use crate::model::{PartialDate, Timeline};
pub use facet::{FACET_COUNT, FACETS, Facet, FacetId};
pub use fields::FieldTest;
pub use incremental::Incremental;
pub use index::{Field, SearchIndex, field_text};
use memo::{Part, Parts};
pub use query::{Query, QueryError};
use std::ops::Range;

/// What the user has narrowed the timeline to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub query: String,
    /// For each facet (by `FacetId`), the values chosen, as the field tests of its values
    /// (`FieldTest::Country(3)`): an event matches if it passes any of them. Empty: all.
    pub facets: [Vec<FieldTest>; FACET_COUNT],
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    /// Provenance: only verified (`Some(true)`) or unverified (`Some(false)`) events.
    pub verified: Option<bool>,
    pub order: Order,
}

impl Filter {
    /// The values chosen of a facet.
    pub fn chosen(&self, facet: FacetId) -> &[FieldTest] {
        &self.facets[facet as usize]
    }

    pub fn chosen_mut(&mut self, facet: FacetId) -> &mut Vec<FieldTest> {
        &mut self.facets[facet as usize]
    }

    /// Adds a value to the facet it belongs to, once (a test of no facet is left out).
    pub fn choose(&mut self, value: FieldTest) {
        if let Some(facet) = Facet::owning(&value) {
            let chosen = self.chosen_mut(facet.id);
            if !chosen.contains(&value) {
                chosen.push(value);
            }
        }
    }

    /// This filter with a value chosen (see `choose`).
    pub fn with(mut self, value: FieldTest) -> Filter {
        self.choose(value);
        self
    }
}

/// How hits are ordered when there is a query.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    #[default]
    Relevance,
    Chronological,
}

/// One event that passed the filters and the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Timeline::events`.
    pub event: usize,
    pub score: i64,
    /// The most prominent field that matched (`None` with no query).
    pub field: Option<Field>,
}

/// The outcome of a search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// Why the query could not run (an unknown field or country…): there are then no hits.
    pub error: Option<String>,
}

/// Where an event matched, for highlighting: for each field, byte ranges of the field's original
/// text (always on char boundaries, each covering whole chars with their combining marks).
pub type Marks = Vec<(Field, Vec<Range<usize>>)>;

/// A search's hits, ranked, with what each part of the query gave for each (see `memo`).
#[derive(Debug, Clone, Default)]
pub struct Scored {
    pub hits: Vec<Hit>,
    /// The hits' events in the order of their candidates (ascending when those are), which is
    /// the order of the rows of `parts`.
    pub events: Vec<usize>,
    pub parts: Parts,
}

/// The search engine: the folded index and each event's place in date order.
pub struct Engine {
    index: SearchIndex,
    /// Each event's place in date order (the timeline is sorted), for ranking ties by recency
    /// without recomputing calendar dates in the sort.
    recency: Vec<u32>,
}

impl Engine {
    pub fn new(t: &Timeline) -> Self {
        Self::with_index(t, SearchIndex::build(t))
    }

    /// An engine over an index built before (by `SearchIndex::build`, stored in the cache).
    pub fn with_index(t: &Timeline, index: SearchIndex) -> Self {
        // Events are sorted by date; equal dates share a rank so that ties stay ties.
        let mut recency = Vec::with_capacity(t.events.len());
        for (i, e) in t.events.iter().enumerate() {
            let same = i > 0 && t.events[i - 1].date == e.date;
            recency.push(if same { recency[i - 1] } else { i as u32 });
        }
        Self { index, recency }
    }

    /// An engine over some of a timeline's events (in their order), given each one's place in
    /// the date order of the whole timeline (`recency`): ties then rank as over the whole.
    pub fn with_recency(index: SearchIndex, recency: Vec<u32>) -> Self {
        Self { index, recency }
    }

    /// For a process done searching: the pages of a mapped cache the index read are given back,
    /// read again from the file if anything touches them (see `SearchIndex::release_pages`).
    pub fn release_pages(&self) {
        self.index.release_pages();
    }

    /// The folded index, to store in the cache.
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Each event's place in date order, to store in the cache.
    pub fn recency(&self) -> &[u32] {
        &self.recency
    }

    /// Every event that passes `filter`, ranked; an invalid query gives no hits.
    pub fn run(&self, t: &Timeline, filter: &Filter) -> Vec<Hit> {
        self.search(t, filter).unwrap_or_default()
    }

    /// Every event that passes `filter`, ranked, or why the query cannot run.
    pub fn search(&self, t: &Timeline, filter: &Filter) -> Result<Vec<Hit>, QueryError> {
        let query = Query::parse(&filter.query, t)?;
        let all: Vec<usize> = (0..t.events.len()).collect();
        Ok(self.run_query(t, filter, &query, &all, &|| false).unwrap_or_default())
    }

    /// Like `run`, but only over `candidates` (the hits of a query that this one narrows).
    pub fn run_within(&self, t: &Timeline, filter: &Filter, candidates: &[usize]) -> Results {
        self.run_cancellable(t, filter, candidates, &|| false).unwrap_or_default()
    }

    /// `run_within` that gives up, returning `None`, as soon as `cancelled()` is true: a newer
    /// keystroke has made this search pointless.
    pub fn run_cancellable(
        &self,
        t: &Timeline,
        filter: &Filter,
        candidates: &[usize],
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Results> {
        match Query::parse(&filter.query, t) {
            Ok(query) => self
                .run_query(t, filter, &query, candidates, cancelled)
                .map(|hits| Results { hits, error: None }),
            Err(e) => Some(Results { hits: Vec::new(), error: Some(e.0) }),
        }
    }

    /// The hits of a parsed query among `candidates`, ranked.
    pub fn run_query(
        &self,
        t: &Timeline,
        filter: &Filter,
        query: &Query,
        candidates: &[usize],
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        self.run_parts(t, filter, query, candidates, None, cancelled).map(|s| s.hits)
    }

    /// `run_query` that also gives each hit's parts (see `memo`), and reads back the parts
    /// that `last` knows: `last.0` has a row for each candidate, `last.1` says which of its
    /// parts each part of `query` is.
    pub fn run_parts(
        &self,
        t: &Timeline,
        filter: &Filter,
        query: &Query,
        candidates: &[usize],
        last: Option<(&Parts, &[Option<usize>])>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Scored> {
        // With nothing chosen every event passes: no need to read them.
        let unfiltered = filter.passes_all();
        let passing: Vec<usize> = (0..candidates.len())
            .filter(|&at| unfiltered || passes_filters(t, candidates[at], filter))
            .collect();
        let prepared = score::Prepared::new(query);
        let known = |at: usize, part: usize| {
            let (parts, reuse) = last?;
            Some(parts.row(at)[(*reuse.get(part)?)?]).filter(|p| *p != Part::Unknown)
        };
        let score_chunk = |chunk: &[usize]| -> Option<(Vec<Hit>, Vec<Part>)> {
            if cancelled() {
                return None;
            }
            let mut scratch = score::Scratch::default();
            let hits = chunk.iter().filter_map(|&at| {
                self.score_event(t, candidates[at], &prepared, &|p| known(at, p), &mut scratch)
            });
            Some((hits.collect(), scratch.parts))
        };
        // Over rayon's pool (threads that live as long as the program: a keystroke starts
        // none) when there are many. Chunks come back in order; a cancelled one stops the rest.
        const CHUNK: usize = 2048;
        let chunks: Vec<(Vec<Hit>, Vec<Part>)> = if passing.len() <= CHUNK {
            passing.chunks(CHUNK).map(score_chunk).collect::<Option<_>>()?
        } else {
            use rayon::prelude::*;
            passing.par_chunks(CHUNK).map(score_chunk).collect::<Option<_>>()?
        };
        let (mut hits, mut rows) = (Vec::new(), Vec::new());
        for (h, p) in chunks {
            hits.extend(h);
            rows.extend(p);
        }
        let events = hits.iter().map(|h| h.event).collect();
        self.sort(&mut hits, query, filter.order);
        Some(Scored { hits, events, parts: Parts { width: prepared.width(), rows } })
    }

    fn sort(&self, hits: &mut Vec<Hit>, query: &Query, order: Order) {
        if !query.ranks() || order == Order::Chronological {
            hits.sort_unstable_by_key(|h| h.event);
            return;
        }
        order::rank(hits, &self.recency);
    }
}

impl Filter {
    /// Whether no facet, period or provenance is chosen: then every event passes the filters
    /// (`passes_filters` is true of each).
    pub fn passes_all(&self) -> bool {
        self.facets.iter().all(Vec::is_empty)
            && self.from.is_none()
            && self.to.is_none()
            && self.verified.is_none()
    }
}

/// Does the event pass the facet, period and provenance filters? (The same tests as the field
/// queries `country:`, `kind:`, `group:`, `after:` and `before:`.) It runs for every event on
/// every keystroke: an empty facet costs one length check, a chosen value one field test.
pub fn passes_filters(t: &Timeline, i: usize, f: &Filter) -> bool {
    let e = &t.events[i];
    f.facets.iter().all(|chosen| chosen.is_empty() || chosen.iter().any(|x| fields::passes(x, e)))
        && e.overlaps(f.from.as_ref(), f.to.as_ref())
        && f.verified.is_none_or(|v| e.is_verified() == v)
}

/// Turns matched char indices of a folded copy into byte ranges of the original text. A range
/// covers the whole original character, with any combining marks that follow it.
fn ranges(original: &str, origin: &[u32], chars: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(chars.len());
    for &c in chars {
        let Some(&start) = origin.get(c) else { continue };
        let start = start as usize;
        let rest = &original[start..];
        let mut end = start;
        for (i, ch) in rest.char_indices() {
            if i > 0 && !unicode_normalization::char::is_combining_mark(ch) {
                break;
            }
            end = start + i + ch.len_utf8();
        }
        out.push(start..end);
    }
    merge(out)
}

/// Sorts and merges overlapping or touching ranges.
fn merge(mut r: Vec<Range<usize>>) -> Vec<Range<usize>> {
    r.sort_by_key(|x| x.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(r.len());
    for x in r {
        match out.last_mut() {
            Some(last) if x.start <= last.end => last.end = last.end.max(x.end),
            _ => out.push(x),
        }
    }
    out
}

#[cfg(test)]
mod tests;
