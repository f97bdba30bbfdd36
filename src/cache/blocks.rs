//! The cache's folded texts, checked a block at a time when first read: each `BLOCK` bytes has
//! its own XXH3-64 (the sums, themselves under the header's checksum). A preview that reads the
//! first screen's texts hashes a few blocks, not the whole arena; a search that scans every
//! text hashes each block just before it scans it, on whichever core scans it, while the block
//! is in that core's cache.

use std::ops::Range;
use std::sync::atomic::{AtomicU8, Ordering};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// Bytes a block; the last one may be shorter.
pub const BLOCK: usize = 1 << 18;

/// How many blocks `len` bytes make.
pub fn count(len: usize) -> usize {
    len.div_ceil(BLOCK)
}

/// A block's state: not hashed yet, hashed and sound, hashed and damaged.
const UNKNOWN: u8 = 0;
const SOUND: u8 = 1;
const DAMAGED: u8 = 2;

/// Bytes checked block by block against their sums when read.
pub struct Blocks<'a> {
    bytes: &'a [u8],
    /// One little-endian XXH3-64 a block (`count(bytes.len())` of them: checked on open).
    sums: &'a [u8],
    state: Box<[AtomicU8]>,
}

impl<'a> Blocks<'a> {
    /// `None` if there is not exactly one sum a block.
    pub fn new(bytes: &'a [u8], sums: &'a [u8]) -> Option<Self> {
        let n = count(bytes.len());
        (sums.len() == n * 8).then(|| Blocks {
            bytes,
            sums,
            state: (0..n).map(|_| AtomicU8::new(UNKNOWN)).collect(),
        })
    }

    /// The bytes in `range`, once every block they touch is found sound (`None`: out of range,
    /// or a block is damaged).
    pub fn get(&self, range: Range<usize>) -> Option<&'a [u8]> {
        let bytes = self.bytes.get(range.clone())?;
        if !range.is_empty() && !(range.start / BLOCK..=(range.end - 1) / BLOCK).all(|b| self.sound(b)) {
            return None;
        }
        Some(bytes)
    }

    /// Whether a block read so far was damaged.
    pub fn damaged(&self) -> bool {
        self.state.iter().any(|s| s.load(Ordering::Relaxed) == DAMAGED)
    }

    /// Whether block `b` matches its sum, hashed on first asking. Two threads asking at once
    /// may both hash it; they find the same.
    fn sound(&self, b: usize) -> bool {
        match self.state[b].load(Ordering::Relaxed) {
            SOUND => return true,
            DAMAGED => return false,
            _ => {}
        }
        let block = &self.bytes[b * BLOCK..self.bytes.len().min((b + 1) * BLOCK)];
        let sum = u64::from_le_bytes(self.sums[b * 8..b * 8 + 8].try_into().unwrap_or_default());
        let sound = xxh3_64(block) == sum;
        self.state[b].store(if sound { SOUND } else { DAMAGED }, Ordering::Relaxed);
        sound
    }
}

/// The sums of bytes written in pieces of any size.
#[derive(Default)]
pub struct Summer {
    hasher: Xxh3,
    filled: usize,
    sums: Vec<u8>,
}

impl Summer {
    pub fn update(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let take = bytes.len().min(BLOCK - self.filled);
            self.hasher.update(&bytes[..take]);
            self.filled += take;
            bytes = &bytes[take..];
            if self.filled == BLOCK {
                self.end_block();
            }
        }
    }

    /// The sums, the last block's included.
    pub fn finish(mut self) -> Vec<u8> {
        if self.filled > 0 {
            self.end_block();
        }
        self.sums
    }

    fn end_block(&mut self) {
        self.sums.extend_from_slice(&self.hasher.digest().to_le_bytes());
        self.hasher.reset();
        self.filled = 0;
    }
}

/// The sums of `bytes` (what `Summer` gives for them): for tests that forge a cache.
pub fn sums_of(bytes: &[u8]) -> Vec<u8> {
    bytes.chunks(BLOCK).flat_map(|b| xxh3_64(b).to_le_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_in_pieces_are_the_sums_at_once_and_a_damaged_block_is_refused_alone() {
        let bytes: Vec<u8> = (0..BLOCK * 2 + 100).map(|i| (i * 7 % 251) as u8).collect();
        let mut summer = Summer::default();
        for piece in bytes.chunks(1000) {
            summer.update(piece);
        }
        let sums = summer.finish();
        assert_eq!(sums, sums_of(&bytes));
        assert_eq!(sums.len(), 3 * 8);
        let mut damaged = bytes.clone();
        damaged[BLOCK + 5] ^= 1;
        let blocks = Blocks::new(&damaged, &sums).expect("one sum a block");
        assert_eq!(blocks.get(0..10), Some(&damaged[0..10]));
        assert!(!blocks.damaged());
        assert_eq!(blocks.get(BLOCK - 1..BLOCK + 1), None, "touches the damaged block");
        assert!(blocks.damaged());
        assert_eq!(blocks.get(2 * BLOCK..2 * BLOCK + 100), Some(&damaged[2 * BLOCK..]));
        assert_eq!(blocks.get(2 * BLOCK..2 * BLOCK + 101), None, "out of range");
        assert_eq!(blocks.get(7..7), Some(&[][..]));
        assert!(Blocks::new(&bytes, &sums[..16]).is_none());
        assert_eq!(Summer::default().finish(), Vec::<u8>::new());
    }
}
