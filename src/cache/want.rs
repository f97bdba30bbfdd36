//! Which of a cached data set's events a run decodes: all of them, those a search may find
//! (read in place from the mapped folded text), or the first ones for the browser's preview.

use super::format;
use crate::search::Query;
use crate::search::prefilter::Prefilter;

/// Which of a cached data set's events to decode.
#[derive(Clone, Copy)]
pub enum Want<'q> {
    All,
    /// Those a search by this query may find.
    Search(&'q str),
    /// The first so many, in date order.
    First(usize),
}

impl Want<'_> {
    /// The events to decode, in order; `None` for all of them. Fails if a block of folded text
    /// read to choose them is damaged.
    pub fn pick(
        self,
        head: &format::HeadOwned,
        events: &format::Events,
    ) -> Result<Option<Vec<usize>>, format::Invalid> {
        Ok(match self {
            Want::All => None,
            Want::Search(query) => candidates(head, events, query)?,
            // Groups are known only from the events, so a data set with them is read whole.
            Want::First(rows) if rows < events.len() && !head.has_groups => Some((0..rows).collect()),
            Want::First(_) => None,
        })
    }
}

/// The events a search by `query` may find, read in place; `None` when it needs them all (a
/// query that prunes nothing or does not parse, a data set with groups, which `group:` names).
/// The scan hashes each block of folded text as it first reads it (see `blocks`).
fn candidates(
    head: &format::HeadOwned,
    events: &format::Events,
    query: &str,
) -> Result<Option<Vec<usize>>, format::Invalid> {
    let Some(query) = Query::parse(query, &head.timeline).ok().filter(|_| !head.has_groups) else {
        return Ok(None);
    };
    let prefilter = Prefilter::new(&query);
    if prefilter.keeps_all() {
        return Ok(None);
    }
    use rayon::prelude::*;
    let kept: Vec<usize> = (0..events.len())
        .into_par_iter()
        .filter(|&i| events.text(i).is_none_or(|text| prefilter.keeps(text, || events.short(i))))
        .collect();
    if events.damaged() {
        return Err(format::Invalid::Checksum);
    }
    Ok(Some(kept))
}

#[cfg(test)]
pub(super) mod tests {
    use super::{Want, format};
    use crate::load::{self, DataInput};
    use crate::search::index::Arena;
    use crate::search::{Engine, SearchIndex};
    use std::sync::Arc;

    /// The built-in data set's cache file, and its search index.
    pub(in crate::cache) fn builtin_cache() -> (Vec<u8>, SearchIndex) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let input = DataInput::from_file(&root.join(load::BUILTIN_DATA_PATH), Some(root.join("seeds")))
            .expect("the built-in data");
        let (t, keys) = load::load_keyed(&input, &mut |_| {}).expect("loads");
        let engine = Engine::new(&t);
        let head = format::HeadRef {
            data_hash: 0,
            data_stat: None,
            articles: &keys[..],
            stats: vec![None; t.sources.len()],
            texts: Vec::new(),
            has_groups: false,
            timeline: format::TimelineHead::of(&t),
        };
        let mut file = tempfile::NamedTempFile::new().expect("a file");
        format::write(file.as_file_mut(), &head, &t.events, engine.index(), engine.recency())
            .expect("writes");
        (std::fs::read(file.path()).expect("read back"), engine.index().clone())
    }

    /// A damaged block of folded text: the events whose text it holds do not decode, and a
    /// search that scans it fails (a rebuild); the header's checksum does not cover it.
    #[test]
    fn a_damaged_block_of_folded_text_is_found_when_read() {
        let (mut bytes, index) = builtin_cache();
        let last = index.iter().last().expect("events").all_text().as_bytes();
        let at = bytes.windows(last.len()).position(|w| w == last).expect("the last text is in the file");
        bytes[at] ^= 0x01;
        let (head, events) = format::open(&bytes).expect("the header's checksum leaves the texts out");
        assert!(!events.damaged(), "nothing read yet");
        assert_eq!(events.event(events.len() - 1, None).err(), Some(format::Invalid::Checksum));
        assert!(events.damaged());
        let (_, fresh) = format::open(&bytes).unwrap();
        assert_eq!(Want::Search("to lam").pick(&head, &fresh).err(), Some(format::Invalid::Checksum));
    }

    /// An index, a summary and quotes read in place from the file's bytes are what is copied
    /// out of them, and a folded text that is not UTF-8 (a forged cache, resealed) is refused in
    /// place as in a copy.
    #[test]
    fn an_index_and_texts_in_place_are_the_copies() {
        let (bytes, index) = builtin_cache();
        // SAFETY: a vector nobody changes.
        let arena = Arc::new(unsafe { Arena::new(Box::new(bytes.clone())) });
        let (_, events) = format::open(arena.bytes()).expect("opens");
        for (i, built) in index.iter().enumerate() {
            let (own, copied) = events.event(i, None).expect("decodes");
            let (placed, shared) = events.event(i, Some(&arena)).expect("decodes in place");
            assert_eq!(shared.all_text(), built.all_text());
            assert_eq!(copied.all_text(), built.all_text());
            assert!(shared.fields().eq(built.fields()));
            // The long texts are read in place too, and read as the copies do.
            assert!(placed.summary.is_in_arena() && !own.summary.is_in_arena());
            assert!(placed.title.is_in_arena() && !own.title.is_in_arena());
            assert_eq!((&placed.summary, &placed.title), (&own.summary, &own.title));
            for (p, o) in placed.citations.iter().zip(&own.citations) {
                assert!(p.quote.is_in_arena() && !o.quote.is_in_arena());
                assert_eq!((&p.quote, &p.span), (&o.quote, &o.span));
            }
            assert_eq!(placed.citations.len(), own.citations.len());
        }
        let mut forged = bytes;
        let last = index.iter().last().expect("events").all_text().as_bytes();
        let at = forged.windows(last.len()).position(|w| w == last).expect("in the file");
        forged[at] = 0xff;
        crate::cache::reseal(&mut forged);
        // SAFETY: a vector nobody changes.
        let arena = Arc::new(unsafe { Arena::new(Box::new(forged)) });
        let (_, events) = format::open(arena.bytes()).expect("resealed: opens");
        assert!(matches!(events.event(events.len() - 1, Some(&arena)), Err(format::Invalid::Decode(_))));
        assert!(matches!(events.event(events.len() - 1, None), Err(format::Invalid::Decode(_))));
    }
}
