//! The plain reference search: the same rules as `Engine`, written the obvious way, with no
//! index, pre-filter, narrowing, threads or cached ranks. Tests check that the optimised engine
//! gives exactly the same hits in the same order.

use super::fields::{in_period, passes};
use super::index::{Field, field_text, fields_of};
use super::matcher::match_text;
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
        let original = field_text(t, e, field);
        let rule = x.rule(field.is_short());
        let found = match_text(rule, &fold_str(original), &x.folded, false);
        let found = match &x.accented {
            None => found,
            Some(acc) => found.and_then(|_| match_text(rule, &lower_accented(original), acc, false)),
        };
        if let Some(found) = found {
            let score = found.score * field.weight();
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, field));
            }
        }
    }
    best
}
