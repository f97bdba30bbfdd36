//! Scoring one event against a query, on the folded index: the engine's inner loop.
//!
//! A term's score is its best match score over the event's fields, times the field's weight
//! (`Field::weight`); the event's score is the sum over the terms, plus a bonus for each pair of
//! adjacent words that also match as a phrase. Adjacency raises the score; it decides a match
//! only for a word that continues the word before it (`thong loun` → `Thongloun`), and then the
//! word before it matches on its own, so more words still never mean more hits.

use super::fields::{self, in_period};
use super::index::{Field, field_text};
use super::matcher::{Rule, ceiling, is_subsequence, match_field};
use super::memo::Part;
use super::query::{Query, Term, Test, Text};
use super::spell::spelled_from;
use super::{Engine, Hit};
use crate::model::Timeline;
use crate::text::fold::{has_combining_mark, lower_accented_into, may_lower_to};
use std::borrow::Cow;

/// What a pair of adjacent words adds, times the weight of the field where they are adjacent:
/// enough that events saying the words together come first.
pub const PAIR_BONUS: i64 = 1000;

/// What a date term scores when the event is in its period: above a mention of the date in any
/// text field.
pub const DATE_SCORE: i64 = 800;

/// A query with its phrase pairs worked out once per search.
pub struct Prepared<'a> {
    pub query: &'a Query,
    pub pairs: Vec<Text>,
    /// For each group, the pair that ends with it (see `Query::pair_ending_at`).
    pub pair_ending_at: Vec<Option<usize>>,
}

impl<'a> Prepared<'a> {
    pub fn new(query: &'a Query) -> Self {
        Self { query, pairs: query.pairs(), pair_ending_at: query.pair_ending_at() }
    }

    /// How many parts the query has: its groups, then its pairs (see `memo`).
    pub fn width(&self) -> usize {
        self.query.groups.len() + self.pairs.len()
    }
}

/// The more prominent of two fields (the first on a tie); `None` means no field.
pub fn prominent(best: Option<Field>, field: Option<Field>) -> Option<Field> {
    match (best, field) {
        (Some(b), Some(f)) if b.rank() <= f.rank() => Some(b),
        (b, None) => b,
        (_, f) => f,
    }
}

/// Of a group's alternatives, the better: higher score, then the more prominent field; on a
/// full tie the later one, as `Iterator::max_by` does.
pub fn better(a: &(i64, Option<Field>), b: &(i64, Option<Field>)) -> std::cmp::Ordering {
    a.0.cmp(&b.0).then_with(|| b.1.map(Field::rank).cmp(&a.1.map(Field::rank)))
}

impl Engine {
    /// The event's score for the query, or `None` if it does not match. Each part's result
    /// (see `memo`) is pushed on `parts` for a hit (nothing for a miss); `known(part)` gives a
    /// part's result from the last search where it is the same.
    pub(super) fn score_event(
        &self,
        t: &Timeline,
        event: usize,
        q: &Prepared,
        known: &dyn Fn(usize) -> Option<Part>,
        scratch: &mut Scratch,
    ) -> Option<Hit> {
        let (parts, lowered) = (&mut scratch.parts, &mut scratch.lowered);
        lowered.start(event);
        let base = parts.len();
        parts.resize(base + q.width(), Part::Unknown);
        let hit = self.score_parts(t, event, q, known, &mut parts[base..], lowered);
        if hit.is_none() {
            parts.truncate(base);
        }
        hit
    }

    fn score_parts(
        &self,
        t: &Timeline,
        event: usize,
        q: &Prepared,
        known: &dyn Fn(usize) -> Option<Part>,
        parts: &mut [Part],
        lowered: &mut Lowered,
    ) -> Option<Hit> {
        let groups = q.query.groups.len();
        // A pair's match, worked out when first needed.
        let pair = |k: usize, parts: &mut [Part], lowered: &mut Lowered| {
            let slot = groups + k;
            if parts[slot] == Part::Unknown {
                parts[slot] = known(slot).unwrap_or_else(|| {
                    self.text_best(t, event, &q.pairs[k], lowered).map(|(s, f)| (s, Some(f))).into()
                });
            }
            parts[slot]
        };
        let mut total = 0;
        let mut best: Option<Field> = None;
        for (g, group) in q.query.groups.iter().enumerate() {
            let found = known(g).unwrap_or_else(|| {
                group.iter().filter_map(|term| self.term_score(t, event, term, lowered)).max_by(better).into()
            });
            parts[g] = found;
            let (score, field) = match (found, q.pair_ending_at[g]) {
                (Part::Match(score, field), _) => (score, field),
                // A plain word that only matches as the end of a pair: the pair scores it.
                (_, Some(k)) => match pair(k, parts, lowered) {
                    Part::Match(_, field) => (0, field),
                    _ => return None,
                },
                _ => return None,
            };
            total += score;
            best = prominent(best, field);
        }
        for k in 0..q.pairs.len() {
            if let Part::Match(score, Some(field)) = pair(k, parts, lowered) {
                total += PAIR_BONUS * field.weight() + score;
                best = prominent(best, Some(field));
            }
        }
        Some(Hit { event, score: total, field: best })
    }

    /// A term's score and where; a negated term scores 0 when its test fails.
    fn term_score(
        &self,
        t: &Timeline,
        event: usize,
        term: &Term,
        lowered: &mut Lowered,
    ) -> Option<(i64, Option<Field>)> {
        let e = &t.events[event];
        let found = match &term.test {
            Test::Field(f) => fields::passes(f, e).then_some((0, None)),
            Test::Date { period, .. } if in_period(e, period) => Some((DATE_SCORE, Some(Field::Date))),
            Test::Date { text, .. } | Test::Text(text) => {
                self.text_best(t, event, text, lowered).map(|(s, f)| (s, Some(f)))
            }
        };
        match (found, term.negated) {
            (Some(_), true) => None,
            (None, true) => Some((0, None)),
            (found, false) => found,
        }
    }

    /// A text pattern's best weighted score over the event's fields in its scope, and where
    /// (the first such field on a tie). A field whose weighted ceiling cannot beat the best so
    /// far is not matched: it could not change the answer.
    pub(super) fn text_best(
        &self,
        t: &Timeline,
        event: usize,
        x: &Text,
        lowered: &mut Lowered,
    ) -> Option<(i64, Field)> {
        let index = self.index.event(event);
        // Cheap rejection: the pattern's letters must at least occur, in order, somewhere; and
        // be spelled there (separators aside) if no field matches it fuzzily. A compact match
        // then starts where it is first spelled or later: the fields that end before are skipped.
        let (text, pat) = (index.all_text(), x.folded.as_str());
        let from = match x.rule(true) {
            Rule::Fuzzy => is_subsequence(text, pat).then_some(0),
            Rule::Compact(_) => spelled_from(text.as_bytes(), pat.as_bytes()),
        }?;
        let ceiling = ceiling(x.accented.as_deref().unwrap_or(&x.folded));
        // An accented pattern's first letter that is not ASCII: a field that cannot hold it is
        // neither lowered nor matched with its accents.
        let wide = x.accented.as_deref().and_then(|a| a.chars().find(|c| !c.is_ascii()));
        let mut best: Option<(i64, Field)> = None;
        for (at, (field, span)) in index.spans().enumerate() {
            if span.end <= from
                || !field.in_scope(x.scope)
                || best.is_some_and(|(s, _)| ceiling * field.weight() <= s)
            {
                continue;
            }
            let lowered = &mut *lowered;
            let accented = move || {
                let lowered = lowered; // moved out: the closure is `FnOnce` and may lend it out
                lowered.get(at, wide, || field_text(t, &t.events[event], field))
            };
            let rule = x.rule(field.is_short());
            let Some(m) = match_field(rule, &text[span], &x.folded, x.accented.as_deref(), accented, false)
            else {
                continue;
            };
            let score = m.score * field.weight();
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, field));
            }
        }
        best
    }
}

/// What scoring one chunk of events reuses from event to event: the parts of the hits so far
/// (see `memo`), and the lowered fields of the event being scored.
#[derive(Debug, Default)]
pub struct Scratch {
    pub parts: Vec<Part>,
    lowered: Lowered,
}

/// The fields of the event being scored lowered with their accents (`lower_accented`), made
/// when an accented term first needs one and kept while that event is scored: `Tô Lâm` has
/// three accented parts (two words and their pair) that test the same fields. The buffers are
/// kept from event to event.
#[derive(Debug, Default)]
pub struct Lowered {
    event: Option<usize>,
    texts: Vec<String>,
    states: Vec<State>,
}

/// How far a field of the event being scored has been looked at.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum State {
    #[default]
    Unseen,
    /// Not lowered; its original text has no combining mark.
    NoMarks,
    /// `texts` holds it lowered.
    Lowered,
}

impl Lowered {
    fn start(&mut self, event: usize) {
        if self.event != Some(event) {
            self.event = Some(event);
            self.states.iter_mut().for_each(|s| *s = State::Unseen);
        }
    }

    /// The lowered text of the event's field at place `at` of its table, made from `original`;
    /// `None` when it cannot hold `wide`, the accented pattern's first char that is not ASCII
    /// (`fold::may_lower_to`): most fields that `to` reaches have no `ô`, and are not lowered.
    fn get<'s, 'a>(
        &'s mut self,
        at: usize,
        wide: Option<char>,
        original: impl FnOnce() -> Cow<'a, str>,
    ) -> Option<&'s str> {
        if self.texts.len() <= at {
            self.texts.resize_with(at + 1, String::new);
            self.states.resize(at + 1, State::Unseen);
        }
        if self.states[at] != State::Lowered {
            let original = original();
            if let Some(wide) = wide
                && !may_lower_to(&original, wide)
                && (self.states[at] == State::NoMarks || !has_combining_mark(&original))
            {
                self.states[at] = State::NoMarks;
                return None;
            }
            self.texts[at].clear();
            lower_accented_into(&original, &mut self.texts[at]);
            self.states[at] = State::Lowered;
        }
        Some(&self.texts[at])
    }
}
