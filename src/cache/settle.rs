//! Stats proved after the cache was written. A file changed within two seconds of being read is
//! "racy" (see `stat`): the cache records no stat for it, so every start read and hashed it
//! again, for as long as the cache lived. A data file saved just before the browser opened it,
//! or generated just before a benchmark, cost every later start a pass over all of its bytes
//! (a warm search of a million events: 0.94 s with it, 0.61 s without).
//!
//! So when a start hashes such a file and finds the content the cache was built from, and the
//! file's stat has since settled, it notes that stat with the hash it proved, in a small file
//! beside the cache (`<key>.tls`). Later starts take a file whose stat is noted there as
//! unchanged too, but only if the noted hash is the one the cache holds for that file: a note
//! proves a stat for a content, never a content for a cache, so a note outliving its cache (a
//! rebuild, the data edited back and forth) can never make a wrong answer. A damaged, foreign or
//! unreadable note is ignored (the files are hashed, as before). It is written as the cache is:
//! private, to a temporary file renamed into place.

use super::bytes::map_file;
use super::stat::Stat;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The first bytes of a note.
pub const MAGIC: &[u8; 8] = b"TLSTAT01";
/// The end of a note's name.
pub const EXT: &str = "tls";

/// Stats noted for a cache's files, each with the content hash it was proved to have.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notes {
    pub data: Option<(Stat, u128)>,
    /// By the article's place in the cache's sources.
    pub articles: Vec<(u32, Stat, u128)>,
}

impl Notes {
    /// The noted stat of the data file, if it was proved to have the content `hash`.
    pub fn data(&self, hash: u128) -> Option<&Stat> {
        self.data.as_ref().filter(|(_, h)| *h == hash).map(|(s, _)| s)
    }

    /// The noted stat of each of `hashes.len()` articles, if it was proved to have its hash;
    /// empty when no article is noted (most starts: no table to build for 100,000 articles).
    pub fn articles(&self, hashes: &[u128]) -> Vec<Option<Stat>> {
        if self.articles.is_empty() {
            return Vec::new();
        }
        let mut out = vec![None; hashes.len()];
        for &(i, stat, hash) in &self.articles {
            if hashes.get(i as usize) == Some(&hash) {
                out[i as usize] = Some(stat);
            }
        }
        out
    }
}

/// The note beside the cache file `cache`.
pub fn path_of(cache: &Path) -> PathBuf {
    cache.with_extension(EXT)
}

/// The notes beside the cache file `cache`: none if there is no note, or it cannot be trusted.
pub fn read(cache: &Path) -> Notes {
    let Ok(bytes) = map_file(&path_of(cache)) else { return Notes::default() };
    let body = bytes.strip_prefix(MAGIC).and_then(|b| b.split_last_chunk::<8>());
    let Some((body, sum)) = body else { return Notes::default() };
    if xxhash_rust::xxh3::xxh3_64(body).to_le_bytes() != *sum {
        return Notes::default();
    }
    postcard::from_bytes(body).unwrap_or_default()
}

/// After a start that hashed the data file (`data`: the stat of what was read, and the hash it
/// was found to have) and the articles `hashed` (place, stat, hash) and found them as the cache
/// has them: notes the stats of those that have settled since `started`, beside the cache file
/// `cache` whose articles have the hashes `hashes` (notes for other contents are dropped).
/// Writes nothing when nothing is new.
pub fn note(
    cache: &Path,
    mut notes: Notes,
    data: Option<(Stat, u128)>,
    hashed: impl Iterator<Item = (usize, Option<Stat>, u128)>,
    hashes: &[u128],
    started: SystemTime,
) {
    let settled = |stat: Option<Stat>| stat.and_then(|s| s.if_settled(started));
    let data = data.and_then(|(stat, hash)| Some((settled(Some(stat))?, hash)));
    let fresh: Vec<(u32, Stat, u128)> =
        hashed.filter_map(|(i, stat, hash)| Some((u32::try_from(i).ok()?, settled(stat)?, hash))).collect();
    if data.is_none() && fresh.is_empty() {
        return;
    }
    notes.data = data.or(notes.data);
    let mut renewed = vec![false; hashes.len()];
    for &(i, ..) in &fresh {
        if let Some(r) = renewed.get_mut(i as usize) {
            *r = true;
        }
    }
    let kept = |&(i, _, hash): &(u32, Stat, u128)| {
        !renewed.get(i as usize).is_some_and(|&r| r) && hashes.get(i as usize) == Some(&hash)
    };
    notes.articles.retain(kept);
    notes.articles.extend(fresh);
    notes.articles.sort_unstable_by_key(|&(i, ..)| i);
    write(cache, &notes);
}

/// Writes the notes beside the cache file `cache`. A note that cannot be written costs the next
/// start a hash, nothing else.
pub fn write(cache: &Path, notes: &Notes) {
    let Ok(body) = postcard::to_allocvec(notes) else { return };
    let sum = xxhash_rust::xxh3::xxh3_64(&body).to_le_bytes();
    let _ = super::write(&path_of(cache), &|out| {
        use std::io::Write;
        out.write_all(MAGIC)?;
        out.write_all(&body)?;
        out.write_all(&sum)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A directory with a file written just now, and the file's stat.
    fn just_written() -> (tempfile::TempDir, Stat) {
        let dir = tempfile::tempdir().expect("a directory");
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "text").expect("write");
        let stat = Stat::of(&file).expect("stat");
        (dir, stat)
    }

    #[test]
    fn only_settled_stats_are_noted_and_only_for_the_cache_s_contents() {
        let (dir, stat) = just_written();
        let cache = dir.path().join("0123456789abcdef.tlc");
        let now = SystemTime::now();
        // Just written: racy, nothing noted, nothing written.
        note(&cache, Notes::default(), Some((stat, 1)), [(0, Some(stat), 2)].into_iter(), &[2], now);
        assert!(!path_of(&cache).exists());
        // Settled (read well after): noted. An old note of another article's content is dropped,
        // one of the same content kept, and one for an article renewed replaced.
        let later = now + std::time::Duration::from_secs(5);
        let old = Notes { data: None, articles: vec![(1, stat, 99), (2, stat, 3), (0, stat, 7)] };
        note(&cache, old, Some((stat, 1)), [(0, Some(stat), 2)].into_iter(), &[2, 4, 3], later);
        let expected = Notes { data: Some((stat, 1)), articles: vec![(0, stat, 2), (2, stat, 3)] };
        assert_eq!(read(&cache), expected);
        // Nothing hashed: nothing written (the note stays as it was).
        std::fs::write(path_of(&cache), "left alone").expect("write");
        note(&cache, expected, None, std::iter::empty(), &[2, 4, 3], later);
        assert_eq!(std::fs::read_to_string(path_of(&cache)).expect("read"), "left alone");
    }

    #[test]
    fn a_note_reads_back_and_a_damaged_one_is_ignored() {
        let (dir, stat) = just_written();
        let cache = dir.path().join("0123456789abcdef.tlc");
        let notes = Notes { data: Some((stat, 7)), articles: vec![(1, stat, 9), (5, stat, 3)] };
        write(&cache, &notes);
        assert_eq!(read(&cache), notes);
        // Only for the content it was proved for, and only in range.
        assert_eq!(notes.data(7), Some(&stat));
        assert_eq!(notes.data(8), None);
        assert_eq!(notes.articles(&[9, 9, 3]), vec![None, Some(stat), None]);
        // Any byte changed: ignored.
        let note = path_of(&cache);
        let good = std::fs::read(&note).expect("read");
        for i in 0..good.len() {
            let mut bad = good.clone();
            bad[i] ^= 0x20;
            std::fs::write(&note, &bad).expect("write");
            assert_eq!(read(&cache), Notes::default(), "byte {i}");
        }
        std::fs::write(&note, &good[..good.len() - 1]).expect("write");
        assert_eq!(read(&cache), Notes::default(), "cut short");
    }
}
