//! Turning a decoded cache back into a `Timeline`: every article is read and hashed again (on all
//! cores), and every index and range the payload holds is checked, so that a cache whose checksum
//! matches but whose contents are wrong is still rejected instead of causing a panic later.

use super::format::{Invalid, PayloadOwned};
use crate::load::articles::content_hash;
use crate::load::{ArticleKey, ArticleStore};
use crate::model::{Source, Timeline};
use crate::search::SearchIndex;

/// The timeline and index of a payload, with the articles' texts read back from disk.
pub fn restore(p: PayloadOwned, store: &ArticleStore) -> Result<(Timeline, SearchIndex), Invalid> {
    let PayloadOwned { articles, texts, mut timeline, index, .. } = p;
    let bad = |what: &str| Invalid::Decode(what.to_string());
    if articles.len() != timeline.sources.len() || index.events.len() != timeline.events.len() {
        return Err(bad("the tables have different lengths"));
    }
    let mut read = read_articles(&timeline.sources, &articles, store)?;
    for (i, text) in texts {
        match (read.get_mut(i as usize), articles.get(i as usize)) {
            (Some(slot), Some(key)) if !key.verbatim => *slot = Some(text),
            _ => return Err(bad("a stored text is out of place")),
        }
    }
    for (source, text) in timeline.sources.iter_mut().zip(read) {
        source.text = text.ok_or_else(|| bad("an article's text is missing"))?;
    }
    let (sources, countries) = (&timeline.sources, timeline.countries.len());
    for e in &mut timeline.events {
        if e.countries.iter().any(|&c| c >= countries) {
            return Err(bad("a country index is out of range"));
        }
        for c in &mut e.citations {
            let quote = sources.get(c.source).and_then(|s| s.text.get(c.span.clone()));
            c.quote = quote.ok_or_else(|| bad("a quote is out of range"))?.to_string();
        }
    }
    if !index.events.iter().all(|e| e.is_consistent()) {
        return Err(bad("the search index is inconsistent"));
    }
    Ok((timeline, index))
}

/// Reads and hashes every article, spread over the cores. A verbatim article's text is its bytes;
/// the others' (normalised) texts are in the payload, so for those only the hash is checked.
fn read_articles(
    sources: &[Source],
    keys: &[ArticleKey],
    articles: &ArticleStore,
) -> Result<Vec<Option<String>>, Invalid> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = sources.len().div_ceil(threads).max(64);
    std::thread::scope(|s| {
        let parts: Vec<_> = sources
            .chunks(per)
            .zip(keys.chunks(per))
            .map(|(ss, ks)| {
                s.spawn(move || ss.iter().zip(ks).map(|(s, k)| read_one(articles, &s.file, k)).collect())
            })
            .collect();
        let mut out = Vec::with_capacity(sources.len());
        for part in parts {
            let part: Result<Vec<_>, Invalid> =
                part.join().unwrap_or_else(|_| Err(Invalid::Decode("a reader thread failed".into())));
            out.extend(part?);
        }
        Ok(out)
    })
}

fn read_one(articles: &ArticleStore, file: &str, key: &ArticleKey) -> Result<Option<String>, Invalid> {
    let changed = || Invalid::Stale(format!("article {} changed", articles.display(file)));
    let bytes = articles.read_bytes(file).map_err(|_| changed())?;
    if content_hash(&bytes) != key.hash {
        return Err(changed());
    }
    if !key.verbatim {
        return Ok(None);
    }
    String::from_utf8(bytes).map(Some).map_err(|_| changed())
}
