//! The ids given so far to a file's events, to keep them unique. An id is not copied: the table
//! holds the index of the event that has it and where it was given (8 bytes, found by the id's
//! hash, which is made again from the event when the table grows; a map of id strings took about
//! 100 bytes per event of a million-slide file, and a map keyed by the hash 16). Ids that do not
//! fit the compact entry are kept by name: the answer is always exact.

use crate::model::Event;
use hashbrown::HashTable;
use std::collections::HashMap;

#[derive(Default)]
pub(super) struct Ids {
    /// The index of each id's event in the events read so far, and its offset.
    by_hash: HashTable<(u32, u32)>,
    /// The few ids that are not in `by_hash`, with their offsets.
    by_name: HashMap<String, usize>,
}

fn hash(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(id.as_bytes())
}

impl Ids {
    /// Where `id` was given, if it was; `events` are the events read so far.
    pub fn get(&self, events: &[Event], id: &str) -> Option<usize> {
        let has = |&(e, _): &(u32, u32)| events.get(e as usize).is_some_and(|e| e.id == id);
        match self.by_hash.find(hash(id), has) {
            Some(&(_, at)) => Some(at as usize),
            None => self.by_name.get(id).copied(),
        }
    }

    /// Gives `id` (not given yet) at `at` to the event that will be `events[events.len()]`: every
    /// event of the table is read by then, so its hash can be made again.
    pub fn insert(&mut self, events: &[Event], id: &str, at: usize) {
        let compact = u32::try_from(events.len()).ok().zip(u32::try_from(at).ok());
        match compact {
            Some(entry) => {
                let rehash = |&(e, _): &(u32, u32)| events.get(e as usize).map_or(0, |e| hash(&e.id));
                self.by_hash.insert_unique(hash(id), entry, rehash);
            }
            None => {
                self.by_name.insert(id.to_string(), at);
            }
        }
    }

    /// Every id given, with where it was given.
    pub fn offsets(&self, events: &[Event]) -> HashMap<String, usize> {
        let mut out = self.by_name.clone();
        for &(e, at) in &self.by_hash {
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

    fn event(first: &Event, id: &str) -> Event {
        Event { id: id.into(), ..first.clone() }
    }

    #[test]
    fn ids_are_found_by_name_whatever_the_entry() {
        let first = crate::load::load_builtin().unwrap().events.remove(0);
        let mut ids = Ids::default();
        let mut events = Vec::new();
        // Enough ids for the table to grow and find its entries' hashes again.
        let names: Vec<String> = (0..100).map(|i| format!("id-{i}")).collect();
        for (i, id) in names.iter().enumerate() {
            assert_eq!(ids.get(&events, id), None);
            ids.insert(&events, id, 10 * i);
            events.push(event(&first, id));
        }
        // An offset too big for the compact entry is kept by name.
        ids.insert(&events, "far", usize::MAX);
        events.push(event(&first, "far"));
        assert_eq!(ids.get(&events, "id-1"), Some(10));
        assert_eq!(ids.get(&events, "id-99"), Some(990));
        assert_eq!(ids.get(&events, "far"), Some(usize::MAX));
        assert_eq!(ids.get(&events, "d"), None);
        let offsets = ids.offsets(&events);
        assert_eq!(offsets.len(), 101);
        assert_eq!((offsets["id-2"], offsets["far"]), (20, usize::MAX));
    }
}
