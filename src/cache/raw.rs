//! Tools over a cache file's raw bytes, outside the reading of it: resealing a forged cache
//! (for the tests) and finding its folded text (for the benchmark of the floor).

use super::blocks;
use super::format::{HEADER_LEN, ROW, SUM_AT, sections, usize_at};
use xxhash_rust::xxh3::xxh3_64;

/// The folded texts (text and short text) of a cache file's bytes, where they lie, if its sections
/// fit: for the benchmark of the floor, a single pass over them.
pub fn folded_text(bytes: &[u8]) -> Option<&[u8]> {
    let body = bytes.get(HEADER_LEN..)?;
    Some(&body[sections(body)?.folded])
}

/// Computes again every checksum of a cache file (the records' hashes where the table can be
/// read, the blocks' sums, then the header's, whatever rows are out of place): for tests that forge a cache, so that a change reaches the decoder.
pub fn reseal(bytes: &mut [u8]) {
    let Some(body) = bytes.get_mut(HEADER_LEN..) else { return };
    let Some(s) = sections(body) else { return };
    let mut start = 0usize;
    for i in 0..(s.table.len() / ROW) {
        let row = s.table.start + i * ROW;
        let Some(end) = usize_at(body, row + 16) else { continue };
        // A row whose record is out of place keeps its hash: the decoder refuses it either way.
        if let Some(record) = body.get(s.records.start + start..s.records.start.saturating_add(end)) {
            let hash = xxh3_64(record);
            body[row + 24..row + 32].copy_from_slice(&hash.to_le_bytes());
        }
        start = end;
    }
    let sums = blocks::sums_of(&body[s.folded.clone()]);
    body[s.sums.clone()].copy_from_slice(&sums);
    let sum = s.checksum(body);
    bytes[SUM_AT..HEADER_LEN].copy_from_slice(&sum.to_le_bytes());
}
