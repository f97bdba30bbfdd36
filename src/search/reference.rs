//! The plain reference search: the same rules as `Engine`, written the obvious way, with no
//! index, pre-filter, narrowing, threads or cached ranks. Tests check that the optimised engine
//! gives exactly the same hits in the same order.

use super::fold::fold_str;
use super::index::{Field, field_text, fields_of};
use super::matcher::match_text;
use super::query::Term;
use super::{Filter, Hit, Order, Query, Results, passes_filters};
use crate::model::Timeline;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Every event that passes `filter`, ranked, computed from scratch.
pub fn run(t: &Timeline, filter: &Filter) -> Results {
    let m = SkimMatcherV2::default();
    let query = Query::parse(&filter.query);
    let events: Vec<usize> = (0..t.events.len()).filter(|&i| passes_filters(t, i, filter)).collect();
    let eval = |q: &Query| -> Vec<Hit> { events.iter().filter_map(|&i| event_score(t, &m, i, q)).collect() };
    let (mut hits, phrase) = match query.as_phrase() {
        Some(as_phrase) => {
            let hits = eval(&as_phrase);
            if hits.is_empty() { (eval(&query), false) } else { (hits, true) }
        }
        None => (eval(&query), false),
    };
    if query.is_empty() || filter.order == Order::Chronological {
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
    Results { hits, phrase }
}

fn event_score(t: &Timeline, m: &SkimMatcherV2, event: usize, query: &Query) -> Option<Hit> {
    let mut total = 0;
    let mut best: Option<Field> = None;
    for group in &query.groups {
        let mut group_best: Option<(i64, Option<Field>)> = None;
        for term in group {
            if let Some((s, f)) = term_score(t, m, event, term) {
                let better = match group_best {
                    None => true,
                    // On a tie of score and rank the later term wins, as `Iterator::max_by` does.
                    Some((gs, gf)) => s > gs || (s == gs && f.map(Field::rank) <= gf.map(Field::rank)),
                };
                if better {
                    group_best = Some((s, f));
                }
            }
        }
        let (s, f) = group_best?;
        total += s;
        if let Some(f) = f
            && best.is_none_or(|b| f.rank() < b.rank())
        {
            best = Some(f);
        }
    }
    Some(Hit { event, score: total, field: best })
}

fn term_score(t: &Timeline, m: &SkimMatcherV2, event: usize, term: &Term) -> Option<(i64, Option<Field>)> {
    let e = &t.events[event];
    let mut best: Option<(i64, Field)> = None;
    for field in fields_of(e) {
        let original = field_text(t, e, field);
        let short = term.fuzzy_in(field);
        let found = match &term.accented {
            None => match_text(m, term.kind, short, &fold_str(original), &term.folded, false),
            Some(acc) => match_text(m, term.kind, short, &fold_str(original), &term.folded, false)
                .and_then(|_| match_text(m, term.kind, short, &original.to_lowercase(), acc, false)),
        };
        if let Some(found) = found {
            if term.negated {
                return None;
            }
            if best.is_none_or(|(s, _)| found.score > s) {
                best = Some((found.score, field));
            }
        }
    }
    match best {
        Some((s, f)) => Some((s, Some(f))),
        None if term.negated => Some((0, None)),
        None => None,
    }
}
