//! The ids given so far to a file's events, to keep them unique. An id is not copied: the table
//! holds its hash, the index of the event that has it and where it was given (16 bytes, where a
//! map of id strings took about 100 per event of a million-slide file). Ids whose hash another id
//! already has, or that do not fit the compact entry, are kept by name: the answer is always exact.

use crate::model::Event;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already hashes.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[derive(Default)]
pub(super) struct Ids {
    /// By the id's hash: the index of its event in the events read so far, and its offset.
    by_hash: HashMap<u64, (u32, u32), BuildHasherDefault<Prehashed>>,
    /// The few ids that are not in `by_hash`, with their offsets.
    by_name: HashMap<String, usize>,
}

fn hash(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(id.as_bytes())
}

impl Ids {
    /// Where `id` was given, if it was; `events` are the events read so far.
    pub fn get(&self, events: &[Event], id: &str) -> Option<usize> {
        match self.by_hash.get(&hash(id)) {
            Some(&(e, at)) if events.get(e as usize).is_some_and(|e| e.id == id) => Some(at as usize),
            _ => self.by_name.get(id).copied(),
        }
    }

    /// Gives `id` (not given yet) at `at` to the event that will be `events[index]`.
    pub fn insert(&mut self, index: usize, id: &str, at: usize) {
        let compact = u32::try_from(index).ok().zip(u32::try_from(at).ok());
        match (compact, self.by_hash.entry(hash(id))) {
            (Some(entry), std::collections::hash_map::Entry::Vacant(slot)) => {
                slot.insert(entry);
            }
            _ => {
                self.by_name.insert(id.to_string(), at);
            }
        }
    }

    /// Every id given, with where it was given.
    pub fn offsets(&self, events: &[Event]) -> HashMap<String, usize> {
        let mut out = self.by_name.clone();
        for &(e, at) in self.by_hash.values() {
            if let Some(e) = events.get(e as usize) {
                out.insert(e.id.to_string(), at as usize);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str) -> Event {
        let mut e = crate::load::load_builtin().unwrap().events.remove(0);
        e.id = id.into();
        e
    }

    #[test]
    fn ids_are_found_by_name_whatever_the_entry() {
        let mut ids = Ids::default();
        let mut events = Vec::new();
        for (i, id) in ["a", "b", "c"].iter().enumerate() {
            assert_eq!(ids.get(&events, id), None);
            ids.insert(i, id, 10 * i);
            events.push(event(id));
        }
        // An offset too big for the compact entry is kept by name.
        ids.insert(3, "far", usize::MAX);
        events.push(event("far"));
        assert_eq!(ids.get(&events, "b"), Some(10));
        assert_eq!(ids.get(&events, "far"), Some(usize::MAX));
        assert_eq!(ids.get(&events, "d"), None);
        // A hash shared with another id (forced here) falls back to the name.
        ids.by_hash.insert(hash("e"), (0, 0));
        ids.insert(4, "e", 40);
        events.push(event("e"));
        assert_eq!((ids.get(&events, "e"), ids.get(&events, "a")), (Some(40), Some(0)));
        let offsets = ids.offsets(&events);
        assert_eq!(offsets.len(), 5);
        assert_eq!((offsets["c"], offsets["far"]), (20, usize::MAX));
    }
}
