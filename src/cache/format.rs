//! The cache file's bytes, laid out to be read in place (memory-mapped): a fixed header, a small
//! "head", then one table row per event pointing into three arenas: the events' folded search
//! text, their short fields' folded text and their records. A search reads the folded texts
//! where they lie and decodes only the events it may find; the browser's first screen decodes
//! its rows and hashes only the blocks of text they use.
//!
//! ```text
//! header  magic "TLINDEX\0" | version u32 | schema u64 | body length u64 | checksum XXH3-128
//! body    head length u64 | events n u64 | text length u64 | short text length u64
//!         head     postcard: data hash and stat, article keys, stats and texts, whether any
//!                  event has a group, the timeline without its events (sources, countries,
//!                  people, places, eras…)
//!         text     every event's folded text (`EventIndex::all_text`), end to end
//!         short    every event's short fields (`Field::is_short`), folded, each followed by a
//!                  space, end to end (a fuzzy term matches only there; see `search::prefilter`)
//!         table    n rows of 40 bytes: end of its text u64 | end of its short text u64 |
//!                  end of its record u64 | XXH3-64 of its record u64 | recency u32 | zero u32
//!         sums     XXH3-64 of each 256 KiB block of text and short text together (`blocks`)
//!         records  every event's record, end to end: postcard (Event, field table)
//! ```
//!
//! All numbers little-endian; ends are relative to their arena (an event's text or record starts
//! where the one before ends). The schema is a fingerprint of the source of every type stored
//! (computed by `build.rs`), so that a binary whose model differs never decodes another's cache,
//! even if nobody remembered to bump `VERSION`. The header's checksum covers the lengths, the
//! head, the table and the sums; each block of folded text has its sum, checked when the block
//! is first read, and each record its hash in the table, checked when it is decoded, so a search
//! that decodes ten events never reads the other records, yet nothing it uses is unchecked.
//!
//! Everything is checked once on open (the checksum, every section within the file, ends
//! ascending, recency as `Engine` computes it, one sum a block) and each record when decoded
//! (its hash and its text's blocks, postcard, its text valid UTF-8 with its field table on
//! character boundaries), so that no cache, damaged or forged, can make a read out of bounds:
//! any failure means a rebuild.

use super::blocks::{self, Blocks};
use super::stat::Stat;
use crate::load::ArticleKey;
use crate::model::{Country, Entity, Era, Event, ScanIgnore, Source, Timeline, TitleSlide};
use crate::search::Field;
use crate::search::index::{Arena, EventIndex};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

pub const MAGIC: &[u8; 8] = b"TLINDEX\0";
/// Bump when the layout of the header or the meaning of the payload changes.
pub const VERSION: u32 = 4;
/// A fingerprint of the stored types' source code (see `build.rs`).
pub const SCHEMA: u64 = parse_hex(env!("TIMELINE_CACHE_SCHEMA"));
pub const HEADER_LEN: usize = 8 + 4 + 8 + 8 + 16;
/// Byte offset of the version field, for tests that forge a foreign version.
pub const VERSION_AT: usize = 8;
/// Where the checksum sits in the header.
pub(super) const SUM_AT: usize = 8 + 4 + 8 + 8;
/// The three lengths that start the body.
const LENGTHS: usize = 4 * 8;
/// One table row.
pub(super) const ROW: usize = 40;

/// What the next run needs besides the events.
#[derive(Serialize, Deserialize)]
pub struct Head<K, X, T> {
    /// Hash of the data file's bytes.
    pub data_hash: u128,
    /// The data file's stat when it was read (`None`: too recent to trust; see `stat`).
    pub data_stat: Option<Stat>,
    /// Key of each source's article, parallel to `timeline.sources`.
    pub articles: K,
    /// Stat of each source's article, parallel to `timeline.sources`.
    pub stats: Vec<Option<Stat>>,
    /// Texts of the articles whose text is not their bytes (normalised), by source index.
    pub texts: X,
    /// Whether any event has a TimelineJS group (a `group:` query then needs every event).
    pub has_groups: bool,
    /// The timeline with no events.
    pub timeline: T,
}

/// What is written: borrowed from the loaded data.
pub type HeadRef<'a> = Head<&'a [ArticleKey], Vec<(u32, &'a str)>, TimelineHead<'a>>;
/// What is read.
pub type HeadOwned = Head<Vec<ArticleKey>, Vec<(u32, String)>, Timeline>;

/// A `Timeline` without its events, serialized as a `Timeline` whose `events` is empty: the same
/// fields in the same order (a test in `cache` round-trips every field).
#[derive(Serialize)]
pub struct TimelineHead<'a> {
    events: &'a [Event],
    sources: &'a [Source],
    countries: &'a [Country],
    people: &'a [Entity],
    places: &'a [Entity],
    scan_ignores: &'a [ScanIgnore],
    eras: &'a [Era],
    title: &'a Option<TitleSlide>,
    warnings: &'a [String],
}

impl<'a> TimelineHead<'a> {
    pub fn of(t: &'a Timeline) -> Self {
        let Timeline { events: _, sources, countries, people, places, scan_ignores, eras, title, warnings } =
            t;
        TimelineHead { events: &[], sources, countries, people, places, scan_ignores, eras, title, warnings }
    }

    /// The same head with the warnings as the cache keeps them (see `cache::unplace`).
    pub fn with_warnings(self, warnings: &'a [String]) -> Self {
        Self { warnings, ..self }
    }
}

/// Why a cache file was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// The file exists but cannot be read.
    Unreadable,
    /// Shorter or longer than its header and the payload length it announces.
    Truncated,
    /// Not a cache file of ours.
    Magic,
    /// Written by another version of the program.
    Version,
    /// The payload's checksum does not match: damaged.
    Checksum,
    /// The checksum matched but the payload does not decode or is inconsistent.
    Decode(String),
    /// Built from other contents of the data file or of an article (which).
    Stale(String),
}

fn bad(what: &str) -> Invalid {
    Invalid::Decode(what.to_string())
}

/// The events of a cache file checked on open, read in place.
pub struct Events<'a> {
    /// The text arena and the short text arena, end to end, checked a block at a time.
    folded: Blocks<'a>,
    /// Where `folded` starts in the file's bytes.
    folded_at: usize,
    /// Where the short text starts in `folded`.
    text_len: usize,
    short_len: usize,
    table: &'a [u8],
    records: &'a [u8],
    /// Where `records` starts in the file's bytes.
    records_at: usize,
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

pub(super) fn usize_at(bytes: &[u8], at: usize) -> Option<usize> {
    usize::try_from(u64_at(bytes, at)?).ok()
}

type Span = std::ops::Range<usize>;

/// The body's sections: head, texts (text and short text end to end), table, sums, records.
pub(super) struct Sections {
    head: Span,
    pub folded: Span,
    text_len: usize,
    pub table: Span,
    pub sums: Span,
    pub records: Span,
}

impl Sections {
    /// The checksum of the header: of the lengths, the head, the table and the sums.
    pub fn checksum(&self, body: &[u8]) -> u128 {
        let mut hasher = Xxh3::new();
        hasher.update(&body[..self.head.end]);
        hasher.update(&body[self.table.start..self.sums.end]);
        hasher.digest128()
    }
}

/// Where the sections of a body lie, if they fit it.
pub(super) fn sections(body: &[u8]) -> Option<Sections> {
    let after = |start: usize, len: usize| Some(start..start.checked_add(len)?);
    let head = after(LENGTHS, usize_at(body, 0)?)?;
    let text_len = usize_at(body, 16)?;
    let folded = after(head.end, text_len.checked_add(usize_at(body, 24)?)?)?;
    let table = after(folded.end, usize_at(body, 8)?.checked_mul(ROW)?)?;
    let sums = after(table.end, blocks::count(folded.len()).checked_mul(8)?)?;
    let records = sums.end..body.len();
    (sums.end <= body.len()).then_some(Sections { head, folded, text_len, table, sums, records })
}

/// Checks the header, the checksum and the table, and decodes the head.
pub fn open(bytes: &[u8]) -> Result<(HeadOwned, Events<'_>), Invalid> {
    let header = bytes.get(..HEADER_LEN).ok_or(Invalid::Truncated)?;
    if &header[..8] != MAGIC {
        return Err(Invalid::Magic);
    }
    let version = u32::from_le_bytes(header[8..12].try_into().unwrap_or_default());
    if version != VERSION || u64_at(header, 12) != Some(SCHEMA) {
        return Err(Invalid::Version);
    }
    let body = &bytes[HEADER_LEN..];
    if u64_at(header, 20) != Some(body.len() as u64) {
        return Err(Invalid::Truncated);
    }
    let s = sections(body).ok_or(Invalid::Truncated)?;
    if s.checksum(body).to_le_bytes() != header[SUM_AT..HEADER_LEN] {
        return Err(Invalid::Checksum);
    }
    let (head, rest): (HeadOwned, _) =
        postcard::take_from_bytes(&body[s.head]).map_err(|e| Invalid::Decode(e.to_string()))?;
    if !rest.is_empty() || !head.timeline.events.is_empty() {
        return Err(bad("the head is not what it should be"));
    }
    let folded = Blocks::new(&body[s.folded.clone()], &body[s.sums]).ok_or(Invalid::Truncated)?;
    let events = Events {
        folded,
        folded_at: HEADER_LEN + s.folded.start,
        text_len: s.text_len,
        short_len: s.folded.len() - s.text_len,
        table: &body[s.table],
        records_at: HEADER_LEN + s.records.start,
        records: &body[s.records],
    };
    events.check_table()?;
    Ok((head, events))
}

/// An event's record: the event and its field table (see `EventIndex`).
type Record = (Event, Box<[(Field, u32)]>);

/// One row of the table.
#[derive(Clone, Copy, Default)]
struct Row {
    text_end: usize,
    short_end: usize,
    record_end: usize,
    hash: u64,
    recency: u32,
}

impl Events<'_> {
    /// How many events the cache holds.
    pub fn len(&self) -> usize {
        self.table.len() / ROW
    }

    /// Row `i` (< `len`); the one before the first is all zeros.
    fn row(&self, i: usize) -> Row {
        let Some(r) = self.table.get(i * ROW..(i + 1) * ROW) else { return Row::default() };
        let word = |k: usize| u64::from_le_bytes(r[k * 8..k * 8 + 8].try_into().unwrap_or_default());
        let end = |k: usize| usize::try_from(word(k)).unwrap_or(usize::MAX);
        let recency = u32::from_le_bytes(r[32..36].try_into().unwrap_or_default());
        Row { text_end: end(0), short_end: end(1), record_end: end(2), hash: word(3), recency }
    }

    /// Row `i` and the one before it (whose ends are its starts).
    fn rows(&self, i: usize) -> (Row, Row) {
        (i.checked_sub(1).map_or_else(Row::default, |k| self.row(k)), self.row(i))
    }

    /// Ends ascending and reaching exactly to the ends of their arenas; recency as `Engine`
    /// computes it (each event's own place, or the one before's).
    fn check_table(&self) -> Result<(), Invalid> {
        let mut last = Row::default();
        for i in 0..self.len() {
            let row = self.row(i);
            let own = u32::try_from(i).map_err(|_| bad("too many events"))?;
            let ascending = row.text_end >= last.text_end
                && row.short_end >= last.short_end
                && row.record_end >= last.record_end;
            if !ascending || !(row.recency == own || (i > 0 && row.recency == last.recency)) {
                return Err(bad("the event table is out of order"));
            }
            last = row;
        }
        let ends = (last.text_end, last.short_end, last.record_end);
        if ends != (self.text_len, self.short_len, self.records.len()) {
            return Err(bad("the event table does not fit its arenas"));
        }
        Ok(())
    }

    /// The folded text of event `i` (< `len`), in place and unchecked as UTF-8 (the bounds were
    /// checked on open); `None` if its block is damaged (then `damaged` says so).
    pub fn text(&self, i: usize) -> Option<&[u8]> {
        let (before, row) = self.rows(i);
        self.folded.get(before.text_end..row.text_end)
    }

    /// The folded short fields of event `i` (see `Field::is_short`), each followed by a space
    /// (`None` if damaged or not UTF-8: only in a forged cache).
    pub fn short(&self, i: usize) -> Option<&str> {
        let (before, row) = self.rows(i);
        let at = |end: usize| self.text_len.checked_add(end);
        std::str::from_utf8(self.folded.get(at(before.short_end)?..at(row.short_end)?)?).ok()
    }

    /// Whether a block of folded text read so far did not match its sum.
    pub fn damaged(&self) -> bool {
        self.folded.damaged()
    }

    /// Event `i`'s place in date order.
    pub fn recency(&self, i: usize) -> u32 {
        self.row(i).recency
    }

    /// Decodes event `i` (< `len`) and its index, checking its record's hash. The index's text is
    /// a copy, or, given the arena of the file's bytes these events were opened from, its range
    /// there.
    /// Where the folded texts of the events lie in the file's bytes (without the short text).
    pub fn text_span(&self) -> std::ops::Range<usize> {
        self.folded_at..self.folded_at + self.text_len
    }

    /// Where the records of the events `ids` (ascending) lie in the file's bytes, from the
    /// first one's start to the last one's end.
    pub fn record_span(&self, ids: &[usize]) -> std::ops::Range<usize> {
        match (ids.first(), ids.last()) {
            (Some(&first), Some(&last)) => {
                self.records_at + self.rows(first).0.record_end
                    ..self.records_at + self.rows(last).1.record_end
            }
            _ => 0..0,
        }
    }

    pub fn event(&self, i: usize, arena: Option<&Arc<Arena>>) -> Result<(Event, EventIndex), Invalid> {
        let (before, row) = self.rows(i);
        let record = self
            .records
            .get(before.record_end..row.record_end)
            .ok_or_else(|| bad("a record is out of range"))?;
        if xxh3_64(record) != row.hash {
            return Err(Invalid::Checksum);
        }
        // With an arena, the event's long texts are read in place (see `text::arena`).
        let take = || postcard::take_from_bytes::<Record>(record);
        let taken = match arena {
            Some(arena) => crate::text::arena::decoding_in(arena, take),
            None => take(),
        };
        let ((event, fields), rest) = taken.map_err(|e| Invalid::Decode(e.to_string()))?;
        if !rest.is_empty() {
            return Err(bad("a record is longer than its event"));
        }
        // Only a damaged block can fail here: the table was checked on open.
        let text = self.folded.get(before.text_end..row.text_end).ok_or(Invalid::Checksum)?;
        let index = match arena {
            Some(arena) => {
                let start = self.folded_at + before.text_end;
                EventIndex::shared(arena, start..start + text.len(), fields)
            }
            None => {
                std::str::from_utf8(text).ok().and_then(|text| EventIndex::from_parts(text.into(), fields))
            }
        };
        let index =
            index.ok_or_else(|| bad("a folded text is not UTF-8 or its field table is out of place"))?;
        Ok((event, index))
    }
}

/// `u64::from_str_radix` for a constant.
const fn parse_hex(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut v = 0u64;
    let mut i = 0;
    while i < b.len() {
        let d = match b[i] {
            c @ b'0'..=b'9' => c - b'0',
            c @ b'a'..=b'f' => c - b'a' + 10,
            _ => 0,
        };
        v = (v << 4) | d as u64;
        i += 1;
    }
    v
}

/// Writing the file (the layout above).
#[path = "format_write.rs"]
mod write;
pub use write::write;

#[cfg(test)]
#[path = "format_tests.rs"]
mod tests;
