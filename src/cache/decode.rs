//! The events of a cache decoded with their index, on all cores, a batch at a time, giving back
//! each batch's records' pages as it goes.

use super::bytes::Bytes;
use super::format::{self, Invalid};
use crate::model::Event;
use crate::search::SearchIndex;
use crate::search::index::{Arena, EventIndex};
use std::sync::Arc;

/// A cache file's bytes, shared by the arena the index reads in place and by `read`, which gives
/// back the pages the index does not need once the events are decoded.
pub(super) struct SharedBytes(pub(super) Arc<Bytes>);

/// A mapped file's pages are read again from the file (which never changes) when touched.
impl crate::text::arena::Source for SharedBytes {
    fn release(&self) {
        self.0.release(0..usize::MAX);
    }
}

impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// How many events `decode` decodes together, at most.
const DECODE_BATCH: usize = 1 << 16;

/// How far apart, at most, the first and the last record of a batch lie in the file: a search's
/// candidates may be spread over all of it, and the pages between are touched and held until
/// the batch is done (a whole load's 65,536 records take about 57 MB at a million events).
const SPAN_LIMIT: usize = 64 << 20;

/// `ids` (ascending) in batches of at most `DECODE_BATCH` events whose records lie within
/// `limit` bytes, or of one event.
fn batches<'a>(
    events: &'a format::Events,
    mut ids: &'a [usize],
    limit: usize,
) -> impl Iterator<Item = &'a [usize]> + 'a {
    std::iter::from_fn(move || {
        if ids.is_empty() {
            return None;
        }
        let fits = |n: usize| events.record_span(&ids[..n]).len() <= limit;
        let mut n = ids.len().min(DECODE_BATCH);
        if !fits(n) {
            // The longest prefix that fits: `fits(lo)` holds, `fits(hi)` does not.
            let (mut lo, mut hi) = (1, n);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if fits(mid) { lo = mid } else { hi = mid }
            }
            n = lo;
        }
        let (batch, rest) = ids.split_at(n);
        ids = rest;
        Some(batch)
    })
}

/// Decodes the events `ids` (ascending) with their index, on all cores.
pub(super) fn decode(
    events: &format::Events,
    ids: &[usize],
    arena: Option<&Arc<Arena>>,
    bytes: &Bytes,
) -> Result<(Vec<Event>, SearchIndex), Invalid> {
    use rayon::prelude::*;
    let mut decoded = Vec::with_capacity(ids.len());
    // Each event's field table is copied into the index's one as its batch is drained, so that
    // a million small tables are never all held beside it.
    let mut index = SearchIndex::with_capacity(ids.len(), 0);
    // A batch at a time: an indexed collect fills a vector of the exact size in place
    // (collecting into a `Result` would gather pieces and grow it), and a batch of pairs is
    // a few megabytes beside the result, where all of them were as big as the events (250 MB
    // at a million).
    let mut pairs: Vec<Result<(Event, EventIndex), Invalid>> = Vec::new();
    for (n, batch) in batches(events, ids, SPAN_LIMIT).enumerate() {
        batch.par_iter().map(|&i| events.event(i, arena)).collect_into_vec(&mut pairs);
        // Decoded: the records' pages are given back as it goes, so that they and the events
        // made of them are not all held at once.
        bytes.release(events.record_span(batch));
        for pair in pairs.drain(..) {
            let (event, ix) = pair?;
            decoded.push(event);
            index.push(ix);
        }
        if n == 0 {
            index.reserve_like(ids.len() - batch.len());
        }
    }
    Ok((decoded, index))
}

#[cfg(test)]
mod tests {
    use super::{SharedBytes, batches, decode, format};
    use crate::cache::bytes::Bytes;
    use crate::search::index::Arena;
    use std::sync::Arc;

    /// A mapped cache's pages given back (the folded text, the titles read in place) read back
    /// the same: what `list` does once it has searched.
    #[test]
    fn events_and_index_read_the_same_after_their_pages_are_given_back() {
        let (cache, _) = super::super::want::tests::builtin_cache();
        let file = tempfile::NamedTempFile::new().expect("a file");
        std::fs::write(file.path(), &cache).expect("written");
        // SAFETY: a file of this test's own, which nothing writes while it is mapped.
        let bytes = Arc::new(Bytes::Mapped(unsafe { memmap2::Mmap::map(file.as_file()) }.expect("mapped")));
        // SAFETY: as above: the bytes never change.
        let arena = Arc::new(unsafe { Arena::new(Box::new(SharedBytes(Arc::clone(&bytes)))) });
        let (_, events) = format::open(arena.bytes()).expect("opens");
        let ids: Vec<usize> = (0..events.len()).collect();
        let (decoded, index) = decode(&events, &ids, Some(&arena), &bytes).expect("decodes");
        let read = || -> Vec<String> {
            let titles = decoded.iter().map(|e| e.title.to_string());
            titles.chain((0..index.len()).map(|i| index.event(i).all_text().to_string())).collect()
        };
        let before = read();
        assert!(before.iter().any(|t| t.contains("to lam")), "the folded text is there");
        index.release_pages();
        assert_eq!(read(), before);
    }

    /// Batches cover the ids in order, each within the span or of one event.
    #[test]
    fn batches_keep_their_records_close() {
        let (bytes, _) = super::super::want::tests::builtin_cache();
        let (_, events) = format::open(&bytes).expect("opens");
        let all: Vec<usize> = (0..events.len()).collect();
        let sparse: Vec<usize> = all.iter().copied().step_by(5).collect();
        for ids in [&all, &sparse] {
            assert_eq!(batches(&events, ids, usize::MAX).collect::<Vec<_>>(), [ids.as_slice()]);
            for limit in [0, 1, 2_000, 20_000] {
                let got: Vec<&[usize]> = batches(&events, ids, limit).collect();
                assert_eq!(got.concat(), *ids, "in order, each once");
                for b in &got {
                    assert!(b.len() == 1 || events.record_span(b).len() <= limit, "{limit}: {b:?}");
                }
                if limit == 20_000 {
                    assert!(got.len() > 1 && got.iter().any(|b| b.len() > 1), "{limit}: {}", got.len());
                }
            }
        }
    }
}
