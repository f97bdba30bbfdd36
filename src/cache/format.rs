//! The cache file's bytes: a fixed header, then the payload (postcard, a compact serde format).
//!
//! ```text
//! magic "TLINDEX\0" | version u32 | schema u64 | payload length u64 | payload XXH3-128 | payload
//! ```
//!
//! All numbers little-endian. The schema is a fingerprint of the source of every type stored
//! (computed by `build.rs`), so that a binary whose model differs never decodes another's cache,
//! even if nobody remembered to bump `VERSION`. The checksum covers every payload byte: a
//! truncated or bit-flipped file is rejected before decoding.

use super::stat::Stat;
use crate::load::ArticleKey;
use crate::model::Timeline;
use crate::search::SearchIndex;
use serde::{Deserialize, Serialize};
use std::io::{self, Seek, Write};
use xxhash_rust::xxh3::Xxh3;

pub const MAGIC: &[u8; 8] = b"TLINDEX\0";
/// Bump when the layout of the header or the meaning of the payload changes.
pub const VERSION: u32 = 2;
/// A fingerprint of the stored types' source code (see `build.rs`).
pub const SCHEMA: u64 = parse_hex(env!("TIMELINE_CACHE_SCHEMA"));
pub const HEADER_LEN: usize = 8 + 4 + 8 + 8 + 16;
/// Byte offset of the version field, for tests that forge a foreign version.
pub const VERSION_AT: usize = 8;

/// Everything the next run needs, as stored.
#[derive(Serialize, Deserialize)]
pub struct Payload<T, I, K, X> {
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
    pub timeline: T,
    pub index: I,
}

/// What is written: borrowed from the loaded data.
pub type PayloadRef<'a> = Payload<&'a Timeline, &'a SearchIndex, &'a [ArticleKey], Vec<(u32, &'a str)>>;
/// What is read.
pub type PayloadOwned = Payload<Timeline, SearchIndex, Vec<ArticleKey>, Vec<(u32, String)>>;

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

/// Writes the whole file, header and payload. The payload is streamed (never whole in memory),
/// then the header, which holds its length and checksum, is written over the placeholder.
pub fn write(out: &mut std::fs::File, payload: &PayloadRef) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 20, out);
    w.write_all(&[0; HEADER_LEN])?;
    let counted = Hashing { inner: w, hasher: Xxh3::new(), len: 0 };
    let Hashing { inner: mut w, hasher, len } =
        postcard::to_io(payload, counted).map_err(io::Error::other)?;
    w.seek(io::SeekFrom::Start(0))?;
    w.write_all(MAGIC)?;
    w.write_all(&VERSION.to_le_bytes())?;
    w.write_all(&SCHEMA.to_le_bytes())?;
    w.write_all(&len.to_le_bytes())?;
    w.write_all(&hasher.digest128().to_le_bytes())?;
    w.flush()
}

/// A writer that hashes and counts what goes through it.
struct Hashing<W> {
    inner: W,
    hasher: Xxh3,
    len: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Checks the header and checksum, then decodes.
pub fn decode(bytes: &[u8]) -> Result<PayloadOwned, Invalid> {
    let header = bytes.get(..HEADER_LEN).ok_or(Invalid::Truncated)?;
    let (magic, rest) = header.split_at(8);
    if magic != MAGIC {
        return Err(Invalid::Magic);
    }
    let (version, rest) = rest.split_at(4);
    let (schema, rest) = rest.split_at(8);
    let (len, sum) = rest.split_at(8);
    if u32::from_le_bytes(version.try_into().unwrap_or_default()) != VERSION
        || u64::from_le_bytes(schema.try_into().unwrap_or_default()) != SCHEMA
    {
        return Err(Invalid::Version);
    }
    let len = u64::from_le_bytes(len.try_into().unwrap_or_default());
    let body = &bytes[HEADER_LEN..];
    if body.len() as u64 != len {
        return Err(Invalid::Truncated);
    }
    if crate::load::articles::content_hash(body).to_le_bytes() != sum {
        return Err(Invalid::Checksum);
    }
    postcard::from_bytes(body).map_err(|e| Invalid::Decode(e.to_string()))
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
