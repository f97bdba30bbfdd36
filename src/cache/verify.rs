//! Turning a decoded cache back into a `Timeline`: every article is read and hashed again (on all
//! cores), and every index and range the payload holds is checked, so that a cache whose checksum
//! matches but whose contents are wrong is still rejected instead of causing a panic later.

use super::format::{Invalid, PayloadOwned};
use crate::load::articles::content_hash;
use crate::load::{ArticleKey, ArticleStore};
use crate::model::{Entity, Event, PartialDate, Source, Timeline};
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
    check(&timeline).map_err(bad)?;
    let sources = &timeline.sources;
    for e in &mut timeline.events {
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

/// Checks what the loader guarantees of a timeline and the rest of the program relies on, for a
/// timeline that did not come from the loader: every index in range, every date one the loader
/// could have made, every stored range on character boundaries. Says what is wrong.
fn check(t: &Timeline) -> Result<(), &'static str> {
    let entity_ok = |e: &Entity| e.folded_names().len() == 1 + e.aliases.len();
    if !t.people.iter().chain(&t.places).all(entity_ok) {
        return Err("an entity's folded names do not match its names");
    }
    for e in &t.events {
        check_event(t, e)?;
    }
    for era in &t.eras {
        if !valid_date(&era.start) || !valid_date(&era.end) {
            return Err("an era's date is not a date");
        }
    }
    let in_text = |source: usize, span: &std::ops::Range<usize>| {
        t.sources.get(source).is_some_and(|s| s.text.get(span.clone()).is_some())
    };
    if !t.scan_ignores.iter().all(|i| in_text(i.source, &i.span)) {
        return Err("an ignored passage is out of range");
    }
    Ok(())
}

fn check_event(t: &Timeline, e: &Event) -> Result<(), &'static str> {
    if e.countries.iter().any(|&c| c >= t.countries.len()) {
        return Err("a country index is out of range");
    }
    let named = |ids: &[usize], names: &[String], registry: &[Entity]| {
        ids.len() == names.len()
            && ids.iter().zip(names).all(|(&id, n)| registry.get(id).is_some_and(|r| &r.name == n))
    };
    if !named(&e.person_ids, &e.people, &t.people) || !named(&e.place_ids, &e.places, &t.places) {
        return Err("a person or place index is out of range");
    }
    if !valid_date(&e.date) || !e.end.as_ref().is_none_or(valid_date) {
        return Err("an event's date is not a date");
    }
    if e.citations.iter().any(|c| c.source >= t.sources.len()) {
        return Err("a quote's source is out of range");
    }
    Ok(())
}

/// Whether a date is one the loader could have made: built again through the same checked
/// constructors (month 1–12, a day of that month, a time of day, at most two unspecified
/// year digits of a year that ends in zeros), it comes out the same.
fn valid_date(d: &PartialDate) -> bool {
    let u = d.unspecified();
    let year = d.year_value();
    let year_x_ok = u.year_digits == 0
        || (u.year_digits <= 2
            && year >= 0
            && d.month_value().is_none()
            && year % 10i64.pow(u.year_digits.into()) == 0);
    // Offsets as the parser reads them: two digits of hours, two of minutes.
    let offset_ok = d.time().and_then(|t| t.offset).is_none_or(|o| o.unsigned_abs() <= 99 * 60 + 99);
    if !year_x_ok || !offset_ok {
        return false;
    }
    let rebuilt = PartialDate::ymd(year, d.month_value(), d.day_value())
        .and_then(|p| d.time().map_or(Ok(p), |t| p.with_time(t)))
        .map(|p| p.with_qualifier(d.qualifier()).with_unspecified(u));
    rebuilt.is_ok_and(|p| p == *d)
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
