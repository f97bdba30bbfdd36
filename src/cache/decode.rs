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

impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// How many events `decode` decodes together.
const DECODE_BATCH: usize = 1 << 16;

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
    for batch in ids.chunks(DECODE_BATCH) {
        batch.par_iter().map(|&i| events.event(i, arena)).collect_into_vec(&mut pairs);
        // Decoded: the records' pages are given back as it goes, so that they and the events
        // made of them are not all held at once.
        bytes.release(events.record_span(batch));
        for pair in pairs.drain(..) {
            let (event, ix) = pair?;
            decoded.push(event);
            index.push(ix);
        }
        if index.len() == batch.len() {
            index.reserve_like(ids.len() - batch.len());
        }
    }
    Ok((decoded, index))
}
