//! Turning field queries into filters when the browser applies a search: `country:LA kind:visit
//! after:2025 to lam` becomes the query `to lam` with country LA, kind visit and period 2025..
//! Only terms whose filter form selects exactly the same events move; the rest stay in the query.

use super::facet::Facet;
use super::fields::FieldTest;
use super::query::{Query, Term, Test, tokenize};
use super::{Filter, dates};
use crate::model::{PartialDate, Timeline};

/// Moves plain field terms of `filter.query` into the filter's facets (`country:`, `kind:`,
/// `group:`; see `facet::FACETS`) and period.
/// Returns true if anything moved. The events selected do not change.
pub fn hoist(filter: &mut Filter, t: &Timeline) -> bool {
    if Query::parse(&filter.query, t).is_err() {
        // A query with a mistake stays as typed, for the user to fix.
        return false;
    }
    let tokens = dates::merge_spelled_dates(tokenize(&filter.query));
    let mut keep = vec![true; tokens.len()];
    for (i, tok) in tokens.iter().enumerate() {
        let alone =
            |j: Option<usize>| j.and_then(|j| tokens.get(j)).is_none_or(|n| n.text != "|" || n.quoted);
        if tok.quoted || !alone(i.checked_sub(1)) || !alone(Some(i + 1)) {
            continue;
        }
        let Ok(Query { groups }) = Query::parse(&tok.text, t) else { continue };
        if let [group] = groups.as_slice()
            && let [Term { negated: false, test: Test::Field(f) }] = group.as_slice()
        {
            keep[i] = !apply(filter, f);
        }
    }
    if keep.iter().all(|&k| k) {
        return false;
    }
    let rest: Vec<&str> = tokens
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(tok, _)| &filter.query[tok.span.clone()])
        .collect();
    filter.query = rest.join(" ");
    true
}

/// Narrows the filter by one field test, if the filter can say exactly that.
fn apply(filter: &mut Filter, f: &FieldTest) -> bool {
    // A facet's list of values means any of them; the test means this one. Both hold exactly
    // when the list is empty or holds it, and then the list becomes just it.
    if let Some(facet) = Facet::owning(f) {
        let list = filter.chosen_mut(facet.id);
        let ok = list.is_empty() || list.contains(f);
        if ok {
            *list = vec![f.clone()];
        }
        return ok;
    }
    let later = |a: Option<PartialDate>, b: PartialDate| match a {
        Some(a) if a.first_day() >= b.first_day() => a,
        _ => b,
    };
    let earlier = |a: Option<PartialDate>, b: PartialDate| match a {
        Some(a) if a.last_day() <= b.last_day() => a,
        _ => b,
    };
    match f {
        FieldTest::After(d) => {
            filter.from = Some(later(filter.from, *d));
            true
        }
        FieldTest::Before(d) => {
            filter.to = Some(earlier(filter.to, *d));
            true
        }
        FieldTest::Year(d) => {
            filter.from = Some(later(filter.from, *d));
            filter.to = Some(earlier(filter.to, *d));
            true
        }
        // A facet's value moved above; the rest have no filter that says the same.
        _ => false,
    }
}
