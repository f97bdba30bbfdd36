//! Search and filters: one engine for the browser and for `timeline list`.
//!
//! Text is folded once at load (see `fold`). A query is parsed into terms (see `query`); each
//! event is checked against the filters, then against every term, field by field, short fields
//! first. Hits are ranked by score, then by the most prominent field matched, then by recency.

pub mod fold;
pub mod incremental;
pub mod index;
pub mod matcher;
pub mod query;
pub mod reference;
pub mod worker;

use crate::model::{Kind, PartialDate, Timeline};
use fold::lower_keep_accents;
use fuzzy_matcher::skim::SkimMatcherV2;
pub use incremental::Incremental;
pub use index::{Field, SearchIndex, field_text};
use matcher::match_text;
pub use query::Query;
use query::Term;
use std::ops::Range;

/// What the user has narrowed the timeline to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub query: String,
    /// Country indexes; an event matches if it names any of them. Empty: all.
    pub countries: Vec<usize>,
    /// Kinds; an event matches if it is any of them. Empty: all.
    pub kinds: Vec<Kind>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    /// TimelineJS groups; an event matches if it is in any of them. Empty: all.
    pub groups: Vec<String>,
    /// Provenance: only verified (`Some(true)`) or unverified (`Some(false)`) events.
    pub verified: Option<bool>,
    pub order: Order,
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

/// A chunk's position among all chunks, and its hits.
type NumberedChunk = (usize, Vec<Hit>);

/// The outcome of a search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// Whether the query matched as a phrase (see `Engine::run_within`).
    pub phrase: bool,
}

/// Highlight ranges (bytes of the original text) for each field that matched.
pub type Marks = Vec<(Field, Vec<Range<usize>>)>;

/// The search engine: the folded index plus the scorer.
pub struct Engine {
    index: SearchIndex,
    matcher: SkimMatcherV2,
    /// Each event's place in date order (the timeline is sorted), for ranking ties by recency
    /// without recomputing calendar dates in the sort.
    recency: Vec<u32>,
}

impl Engine {
    pub fn new(t: &Timeline) -> Self {
        // Events are sorted by date; equal dates share a rank so that ties stay ties.
        let mut recency = Vec::with_capacity(t.events.len());
        for (i, e) in t.events.iter().enumerate() {
            let same = i > 0 && t.events[i - 1].date == e.date;
            recency.push(if same { recency[i - 1] } else { i as u32 });
        }
        Self { index: SearchIndex::build(t), matcher: SkimMatcherV2::default(), recency }
    }

    /// Every event that passes `filter`, ranked.
    pub fn run(&self, t: &Timeline, filter: &Filter) -> Vec<Hit> {
        let all: Vec<usize> = (0..t.events.len()).collect();
        self.run_within(t, filter, &all).hits
    }

    /// Like `run`, but only over `candidates`: the hits of a query that this one narrows.
    ///
    /// A query of plain words is first matched as a phrase; only if no candidate has the phrase
    /// does each word have to match on its own, as in fzf. Phrase hits are always a subset of
    /// word hits, so narrowing stays correct, except that a phrase result cannot be narrowed
    /// into a word result: `Results::phrase` tells the caller when to search everything again.
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
        let query = Query::parse(&filter.query);
        let passing: Vec<usize> =
            candidates.iter().copied().filter(|&i| passes_filters(t, i, filter)).collect();
        if let Some(as_phrase) = query.as_phrase() {
            let mut hits = self.score_all(t, &passing, &as_phrase, cancelled)?;
            if !hits.is_empty() {
                self.sort(&mut hits, &query, filter.order);
                return Some(Results { hits, phrase: true });
            }
        }
        let mut hits = self.score_all(t, &passing, &query, cancelled)?;
        self.sort(&mut hits, &query, filter.order);
        Some(Results { hits, phrase: false })
    }

    /// Scores every candidate, spread over the cores when there are many.
    fn score_all(
        &self,
        t: &Timeline,
        events: &[usize],
        query: &Query,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        const CHUNK: usize = 2048;
        let score_chunk = |chunk: &[usize]| -> Option<Vec<Hit>> {
            if cancelled() {
                return None;
            }
            Some(chunk.iter().filter_map(|&i| self.score_event(t, i, query)).collect())
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        if events.len() <= CHUNK || threads == 1 {
            return events.chunks(CHUNK).map(score_chunk).collect::<Option<Vec<_>>>().map(|v| v.concat());
        }
        // Each thread takes every n-th chunk; the parts are put back in order.
        let chunks: Vec<&[usize]> = events.chunks(CHUNK).collect();
        let parts: Vec<Option<Vec<NumberedChunk>>> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..threads)
                .map(|w| {
                    let chunks = &chunks;
                    let score_chunk = &score_chunk;
                    s.spawn(move || {
                        (w..chunks.len())
                            .step_by(threads)
                            .map(|c| score_chunk(chunks[c]).map(|h| (c, h)))
                            .collect()
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap_or(None)).collect()
        });
        let mut all: Vec<NumberedChunk> = parts.into_iter().collect::<Option<Vec<_>>>()?.concat();
        all.sort_unstable_by_key(|(c, _)| *c);
        Some(all.into_iter().flat_map(|(_, h)| h).collect())
    }

    fn sort(&self, hits: &mut [Hit], query: &Query, order: Order) {
        if query.is_empty() || order == Order::Chronological {
            hits.sort_by_key(|h| h.event);
            return;
        }
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| a.field.map(Field::rank).cmp(&b.field.map(Field::rank)))
                .then_with(|| self.recency[b.event].cmp(&self.recency[a.event]))
                .then_with(|| a.event.cmp(&b.event))
        });
    }

    /// The event's score for the query, or `None` if it does not match.
    fn score_event(&self, t: &Timeline, event: usize, query: &Query) -> Option<Hit> {
        let mut total = 0;
        let mut best: Option<Field> = None;
        for group in &query.groups {
            let (score, field) = group
                .iter()
                .filter_map(|term| self.score_term(t, event, term))
                .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.map(Field::rank).cmp(&a.1.map(Field::rank))))?;
            total += score;
            best = match (best, field) {
                (Some(b), Some(f)) if b.rank() <= f.rank() => Some(b),
                (b, None) => b,
                (_, f) => f,
            };
        }
        Some(Hit { event, score: total, field: best })
    }

    /// A term's best score over the event's fields and where; a negated term scores 0 when absent.
    fn score_term(&self, t: &Timeline, event: usize, term: &Term) -> Option<(i64, Option<Field>)> {
        let index = &self.index.events[event];
        // Cheap rejection: the term's letters must at least occur, in order, somewhere.
        if !term.negated && !matcher::is_subsequence(index.all_text(), &term.folded) {
            return None;
        }
        let mut best: Option<(i64, Field)> = None;
        for (field, folded) in index.fields() {
            if let Some(score) = self.match_score(t, event, field, folded, term) {
                if term.negated {
                    return None;
                }
                if best.is_none_or(|(s, _)| score > s) {
                    best = Some((score, field));
                }
            }
        }
        match best {
            Some((s, f)) => Some((s, Some(f))),
            None if term.negated => Some((0, None)),
            None => None,
        }
    }

    /// A term's score in one field, or `None`.
    fn match_score(
        &self,
        t: &Timeline,
        event: usize,
        field: Field,
        folded: &str,
        term: &Term,
    ) -> Option<i64> {
        let short = term.fuzzy_in(field);
        let m = match_text(&self.matcher, term.kind, short, folded, &term.folded, false)?;
        let Some(accented) = &term.accented else { return Some(m.score) };
        // The query has accents: they must match too (like fzf's smart case for capitals).
        // Loaded text is NFC, so lower-casing it keeps its accents composed.
        let lower = field_text(t, &t.events[event], field).to_lowercase();
        match_text(&self.matcher, term.kind, short, &lower, accented, false).map(|m| m.score)
    }

    /// Where a term matches in one field, as byte ranges of the original text.
    fn match_ranges(
        &self,
        t: &Timeline,
        event: usize,
        field: Field,
        term: &Term,
    ) -> Option<Vec<Range<usize>>> {
        let short = term.fuzzy_in(field);
        let original = field_text(t, &t.events[event], field);
        let (form, pattern) = match &term.accented {
            Some(accented) => (lower_keep_accents(original), accented.as_str()),
            None => (fold::fold(original), term.folded.as_str()),
        };
        let m = match_text(&self.matcher, term.kind, short, &form.text, pattern, true)?;
        Some(ranges(original, &form.origin, &m.chars))
    }

    /// Highlight ranges for an event: every field where any positive term matches. With
    /// `phrase`, the phrase is highlighted instead of the separate words.
    pub fn marks(&self, t: &Timeline, event: usize, query: &Query, phrase: bool) -> Marks {
        let mut out: Marks = Vec::new();
        let terms: Vec<&Term> = match (&query.phrase, phrase) {
            (Some(p), true) => vec![p],
            _ => query.groups.iter().flatten().filter(|t| !t.negated).collect(),
        };
        for term in terms {
            for (field, _) in self.index.events[event].fields() {
                if let Some(r) = self.match_ranges(t, event, field, term) {
                    match out.iter_mut().find(|(f, _)| *f == field) {
                        Some((_, existing)) => existing.extend(r),
                        None => out.push((field, r)),
                    }
                }
            }
        }
        for (_, r) in &mut out {
            *r = merge(std::mem::take(r));
        }
        out
    }
}

/// Does the event pass the country, kind and period filters?
pub fn passes_filters(t: &Timeline, i: usize, f: &Filter) -> bool {
    let e = &t.events[i];
    (f.countries.is_empty() || e.countries.iter().any(|c| f.countries.contains(c)))
        && (f.kinds.is_empty() || f.kinds.contains(&e.kind))
        && e.overlaps(f.from.as_ref(), f.to.as_ref())
        && (f.groups.is_empty() || e.group().is_some_and(|g| f.groups.iter().any(|x| x == g)))
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
