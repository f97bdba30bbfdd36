//! The plain reference search: the same rules as `Engine`, written the obvious way, with no
//! index, pre-filter, narrowing, threads or cached ranks. Tests check that the optimised engine
//! gives exactly the same hits in the same order.
//!
//! Its matcher shares nothing with the engine's (`matcher`) but the rules as documented there:
//! it works on chars, not bytes, tries every alignment the rule allows and keeps the best score,
//! so the differential tests compare two implementations, not one with itself.

use super::fields::{in_period, passes};
use super::index::{Field, field_text, fields_of};
use super::matcher::Rule;
use super::query::{Test, Text};
use super::score::{DATE_SCORE, PAIR_BONUS};
use super::{Filter, Hit, Order, Query, Results, passes_filters};
use crate::model::Timeline;
use crate::text::fold::{fold_str, lower_accented};

/// Every event that passes `filter`, ranked, computed from scratch.
pub fn run(t: &Timeline, filter: &Filter) -> Results {
    let query = match Query::parse(&filter.query, t) {
        Ok(q) => q,
        Err(e) => return Results { hits: Vec::new(), error: Some(e.0) },
    };
    let mut hits: Vec<Hit> = (0..t.events.len())
        .filter(|&i| passes_filters(t, i, filter))
        .filter_map(|i| event_score(t, i, &query))
        .collect();
    if !query.ranks() || filter.order == Order::Chronological {
        hits.sort_by_key(|h| h.event);
    } else {
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| a.field.map(Field::rank).cmp(&b.field.map(Field::rank)))
                .then_with(|| t.events[b.event].date.cmp(&t.events[a.event].date))
                .then_with(|| a.event.cmp(&b.event))
        });
    }
    Results { hits, error: None }
}

fn event_score(t: &Timeline, event: usize, query: &Query) -> Option<Hit> {
    let e = &t.events[event];
    let mut total = 0;
    let mut best: Option<Field> = None;
    let note = |f: Option<Field>, best: &mut Option<Field>| {
        if let Some(f) = f
            && best.is_none_or(|b| f.rank() < b.rank())
        {
            *best = Some(f);
        }
    };
    let pairs = query.pairs();
    let pair_ending_at = query.pair_ending_at();
    for (g, group) in query.groups.iter().enumerate() {
        let mut group_best: Option<(i64, Option<Field>)> = None;
        for term in group {
            let found = match &term.test {
                Test::Field(f) => passes(f, e).then_some((0, None)),
                Test::Date { period, .. } if in_period(e, period) => Some((DATE_SCORE, Some(Field::Date))),
                Test::Date { text, .. } | Test::Text(text) => {
                    text_score(t, event, text).map(|(s, f)| (s, Some(f)))
                }
            };
            let found =
                if term.negated { if found.is_some() { None } else { Some((0, None)) } } else { found };
            if let Some((s, f)) = found {
                let wins = match group_best {
                    None => true,
                    // On a tie of score and rank the later term wins, as `Iterator::max_by` does.
                    Some((gs, gf)) => s > gs || (s == gs && f.map(Field::rank) <= gf.map(Field::rank)),
                };
                if wins {
                    group_best = Some((s, f));
                }
            }
        }
        // A plain word may match as the end of the pair with the word before it.
        let (s, f) = match (group_best, pair_ending_at[g]) {
            (Some(found), _) => found,
            (None, Some(k)) => (0, Some(text_score(t, event, &pairs[k])?.1)),
            (None, None) => return None,
        };
        total += s;
        note(f, &mut best);
    }
    for pair in &pairs {
        if let Some((s, f)) = text_score(t, event, pair) {
            total += PAIR_BONUS * f.weight() + s;
            note(Some(f), &mut best);
        }
    }
    Some(Hit { event, score: total, field: best })
}

fn text_score(t: &Timeline, event: usize, x: &Text) -> Option<(i64, Field)> {
    let e = &t.events[event];
    let mut best: Option<(i64, Field)> = None;
    for field in fields_of(e).filter(|f| f.in_scope(x.scope)) {
        let original = &*field_text(t, e, field);
        let rule = x.rule(field.is_short());
        let found = best_score(rule, &fold_str(original), &x.folded);
        let found = match &x.accented {
            None => found,
            Some(acc) => found.and_then(|_| best_score(rule, &lower_accented(original), acc)),
        };
        if let Some(found) = found {
            let score = found * field.weight();
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, field));
            }
        }
    }
    best
}

/// The best score of `pat` in `text` by `rule`: every alignment the rule allows, scored by
/// `alignment_score`, the highest.
pub fn best_score(rule: Rule, text: &str, pat: &str) -> Option<i64> {
    let text: Vec<char> = text.chars().collect();
    let pat: Vec<char> = pat.chars().collect();
    let mut best = None;
    let mut at = Vec::with_capacity(pat.len());
    every_alignment(rule, &text, &pat, &mut at, &mut |at| {
        if let Some(s) = score_of(rule, &text, &pat, at) {
            best = best.max(Some(s));
        }
    });
    best
}

/// The score of one alignment of `pat` in `text` (the char index of each pattern char), or
/// `None` if `rule` does not allow it. The rules, on chars:
/// - each pattern char sits on an equal text char, in order;
/// - fuzzy: every run of adjacent chars (a piece) starts a word: at the first char, or after one
///   that is neither a letter nor a digit;
/// - compact: only separators (space `-` `.` `'` `/`) between two pattern chars, and the first
///   one placed as the anchor says (a word start; anywhere; the first char; with only separators
///   after the last; both of these);
/// - score: 16 per pattern char, +8 when the first is the text's first char, +8 when the char
///   after the last is not a letter or digit (or there is none), −6 per piece after the first
///   (a compact match is one piece).
pub fn alignment_score(rule: Rule, text: &str, pat: &str, at: &[usize]) -> Option<i64> {
    let text: Vec<char> = text.chars().collect();
    let pat: Vec<char> = pat.chars().collect();
    score_of(rule, &text, &pat, at)
}

fn score_of(rule: Rule, text: &[char], pat: &[char], at: &[usize]) -> Option<i64> {
    use super::matcher::Anchor::*;
    if pat.is_empty() || at.len() != pat.len() {
        return None;
    }
    for (j, &i) in at.iter().enumerate() {
        if text.get(i) != Some(&pat[j]) || (j > 0 && !step(rule, text, at[j - 1], i)) {
            return None;
        }
    }
    let (first, last) = (at[0], at[at.len() - 1]);
    let only_separators_after = text[last + 1..].iter().all(|&c| separator(c));
    let placed = match rule {
        Rule::Fuzzy | Rule::Compact(WordStart) => starts_word(text, first),
        Rule::Compact(Anywhere) => true,
        Rule::Compact(FieldStart) => first == 0,
        Rule::Compact(FieldEnd) => only_separators_after,
        Rule::Compact(Whole) => first == 0 && only_separators_after,
    };
    if !placed {
        return None;
    }
    // A compact match is one piece, whatever separators it skips.
    let pieces = match rule {
        Rule::Fuzzy => 1 + at.windows(2).filter(|w| w[1] != w[0] + 1).count() as i64,
        Rule::Compact(_) => 1,
    };
    let ends_word = text.get(last + 1).is_none_or(|c| !c.is_alphanumeric());
    Some(
        16 * pat.len() as i64 + if first == 0 { 8 } else { 0 } + if ends_word { 8 } else { 0 }
            - 6 * (pieces - 1),
    )
}

/// May a pattern char sit on `i` when the one before it sits on `prev`?
fn step(rule: Rule, text: &[char], prev: usize, i: usize) -> bool {
    i > prev
        && match rule {
            Rule::Fuzzy => i == prev + 1 || starts_word(text, i),
            Rule::Compact(_) => text[prev + 1..i].iter().all(|&c| separator(c)),
        }
}

fn starts_word(text: &[char], i: usize) -> bool {
    i == 0 || !text[i - 1].is_alphanumeric()
}

fn separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '\'' | '/')
}

/// Calls `found` with every alignment of `pat` in `text` whose steps the rule allows (the
/// first char's placement and the score are `score_of`'s to judge).
fn every_alignment(
    rule: Rule,
    text: &[char],
    pat: &[char],
    at: &mut Vec<usize>,
    found: &mut dyn FnMut(&[usize]),
) {
    let j = at.len();
    if j == pat.len() {
        found(at);
        return;
    }
    let from = at.last().map_or(0, |&p| p + 1);
    for i in from..text.len() {
        if j > 0 && i > from && matches!(rule, Rule::Compact(_)) && !separator(text[i - 1]) {
            break; // nothing but separators may come between two compact chars
        }
        if text[i] == pat[j] && at.last().is_none_or(|&p| step(rule, text, p, i)) {
            at.push(i);
            every_alignment(rule, text, pat, at, found);
            at.pop();
        }
    }
}
