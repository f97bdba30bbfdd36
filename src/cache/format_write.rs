//! Writing the cache file, laid out as `format` describes.

use super::{HEADER_LEN, HeadRef, LENGTHS, MAGIC, ROW, SCHEMA, VERSION};
use crate::cache::blocks::Summer;
use crate::model::Event;
use crate::search::SearchIndex;
use crate::search::index::Indexed;
use std::io::{self, Seek, Write};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// Writes the whole file. Nothing proportional to the data set is held twice: the head is
/// encoded in memory (it is small), the texts and the records are streamed, and the table (40
/// bytes an event) is written over its placeholder at the end, with the header.
pub fn write(
    out: &mut std::fs::File,
    head: &HeadRef,
    events: &[Event],
    index: &SearchIndex,
    recency: &[u32],
) -> io::Result<()> {
    if index.len() != events.len() || recency.len() != events.len() {
        return Err(io::Error::other("the index does not fit the events"));
    }
    let head = postcard::to_allocvec(head).map_err(io::Error::other)?;
    let text_len: u64 = index.iter().map(|e| e.all_text().len() as u64).sum();
    let short_len: u64 = index.iter().map(|e| short_fields(e).map(|f| f.len() as u64 + 1).sum::<u64>()).sum();
    let mut w = io::BufWriter::with_capacity(1 << 20, out);
    w.write_all(&[0; HEADER_LEN])?;
    let mut hasher = Xxh3::new();
    for n in [head.len() as u64, events.len() as u64, text_len, short_len] {
        hasher.update(&n.to_le_bytes());
        w.write_all(&n.to_le_bytes())?;
    }
    hasher.update(&head);
    w.write_all(&head)?;
    let mut summer = Summer::default();
    let mut summed = |w: &mut io::BufWriter<_>, bytes: &[u8]| {
        summer.update(bytes);
        w.write_all(bytes)
    };
    for e in index.iter() {
        summed(&mut w, e.all_text().as_bytes())?;
    }
    for e in index.iter() {
        for f in short_fields(e) {
            summed(&mut w, f.as_bytes())?;
            summed(&mut w, b" ")?;
        }
    }
    let sums = summer.finish();
    let table_at = (HEADER_LEN + LENGTHS + head.len()) as u64 + text_len + short_len;
    w.write_all(&vec![0; ROW * events.len()])?;
    w.write_all(&sums)?;
    let (table, records_len) = write_records(&mut w, events, index, recency)?;
    hasher.update(&table);
    hasher.update(&sums);
    let body_len = table_at - HEADER_LEN as u64 + (table.len() + sums.len()) as u64 + records_len;
    w.seek(io::SeekFrom::Start(table_at))?;
    w.write_all(&table)?;
    w.seek(io::SeekFrom::Start(0))?;
    w.write_all(MAGIC)?;
    w.write_all(&VERSION.to_le_bytes())?;
    w.write_all(&SCHEMA.to_le_bytes())?;
    w.write_all(&body_len.to_le_bytes())?;
    w.write_all(&hasher.digest128().to_le_bytes())?;
    w.flush()
}

/// Writes every event's record; gives the table and the records' length.
fn write_records(
    w: &mut impl Write,
    events: &[Event],
    index: &SearchIndex,
    recency: &[u32],
) -> io::Result<(Vec<u8>, u64)> {
    let mut table = Vec::with_capacity(ROW * events.len());
    let (mut text_end, mut short_end, mut record_end) = (0u64, 0u64, 0u64);
    let mut record = Vec::new();
    for ((e, ix), &rank) in events.iter().zip(index.iter()).zip(recency) {
        record.clear();
        record = postcard::to_extend(&(e, ix.field_table()), record).map_err(io::Error::other)?;
        w.write_all(&record)?;
        text_end += ix.all_text().len() as u64;
        short_end += short_fields(ix).map(|f| f.len() as u64 + 1).sum::<u64>();
        record_end += record.len() as u64;
        for word in [text_end, short_end, record_end, xxh3_64(&record)] {
            table.extend_from_slice(&word.to_le_bytes());
        }
        table.extend_from_slice(&rank.to_le_bytes());
        table.extend_from_slice(&0u32.to_le_bytes());
    }
    Ok((table, record_end))
}

/// An event's short fields (see `Field::is_short`), each followed by a space in the short text.
fn short_fields(ix: Indexed<'_>) -> impl Iterator<Item = &str> {
    ix.fields().filter(|(f, _)| f.is_short()).map(|(_, text)| text)
}
