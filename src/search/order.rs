//! Ranking the hits: by score (highest first), then the most prominent field matched, then the
//! most recent, then the event's place in the file. Every keystroke sorts every hit (all 100,000
//! of `t` at 100k events), so the comparison is packed into one 128-bit key an event, sorted on
//! all cores, when the events' indexes fit in 28 bits (268 million events).

use super::{Field, Hit};
use std::cmp::Ordering;

/// The ranking order, as a comparison (the definition the packed key follows).
pub fn compare(a: &Hit, b: &Hit, recency: &[u32]) -> Ordering {
    b.score
        .cmp(&a.score)
        .then_with(|| a.field.map(Field::rank).cmp(&b.field.map(Field::rank)))
        .then_with(|| recency[b.event].cmp(&recency[a.event]))
        .then_with(|| a.event.cmp(&b.event))
}

const BITS: u32 = 28;
const MASK: u64 = (1 << BITS) - 1;

/// Sorts `hits` (whose events are unique: the order is total) by `compare`.
pub fn rank(hits: &mut Vec<Hit>, recency: &[u32]) {
    let fits = |n: usize| (n as u64) <= MASK;
    // The key's last bits are the hit's place in `hits`, which must then be the event order.
    if !fits(recency.len()) || !fits(hits.len()) || !hits.is_sorted_by_key(|h| h.event) {
        hits.sort_unstable_by(|a, b| compare(a, b, recency));
        return;
    }
    let mut keys: Vec<u128> = hits.iter().enumerate().map(|(i, h)| key(h, i, recency)).collect();
    if keys.len() > 20_000 {
        use rayon::slice::ParallelSliceMut;
        keys.par_sort_unstable();
    } else {
        keys.sort_unstable();
    }
    *hits = keys.into_iter().map(|k| hits[(k as u64 & MASK) as usize]).collect();
}

/// Ascending keys in ranking order: the score (flipped: highest first), the field's rank
/// (none first), the recency (flipped), then the place `at` (the event order).
fn key(h: &Hit, at: usize, recency: &[u32]) -> u128 {
    let score = !((h.score as u64) ^ (1 << 63));
    let field = h.field.map_or(0, |f| f.rank() as u64 + 1);
    let recent = MASK - (recency[h.event] as u64).min(MASK);
    (score as u128) << 64 | (field << (2 * BITS) | recent << BITS | at as u64) as u128
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_key_sorts_as_the_comparison() {
        let fields =
            [None, Some(Field::Title), Some(Field::Quote(3)), Some(Field::Person(0)), Some(Field::Summary)];
        let scores = [i64::MIN, -5, 0, 7, 1000, i64::MAX];
        let recency: Vec<u32> = (0..200u32).map(|i| i / 3 * 3).collect();
        let hits: Vec<Hit> = (0..200)
            .map(|i| Hit {
                event: i,
                score: scores[i * 7 % scores.len()],
                field: fields[i * 3 % fields.len()],
            })
            .collect();
        for n in [0, 1, 2, 50, 200] {
            let mut packed = hits[..n].to_vec();
            rank(&mut packed, &recency);
            let mut compared = hits[..n].to_vec();
            compared.sort_by(|a, b| compare(a, b, &recency));
            assert_eq!(packed, compared);
        }
        // Out of event order: the comparison sorts them.
        let mut shuffled: Vec<Hit> = hits.iter().rev().copied().collect();
        rank(&mut shuffled, &recency);
        let mut compared = hits.clone();
        compared.sort_by(|a, b| compare(a, b, &recency));
        assert_eq!(shuffled, compared);
    }
}
