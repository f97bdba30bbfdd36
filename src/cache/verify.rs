//! Turning a decoded cache back into a `Timeline`. Every article is stat-ed (on all cores; a
//! preview stats only those it needs, see `Articles`): one
//! whose stat is the one recorded is not read now but when its text is first needed (the reader,
//! the quote in its context); any other is read and hashed again. Every index and range the
//! payload holds is checked, so that a cache whose checksum matches but whose contents are wrong
//! is still rejected instead of causing a panic later; the ranges into an article not read yet
//! are checked when it is read.

use super::format::{HeadOwned, Invalid};
use super::lazy::{self, Spans};
use super::stat::{Known, Stat};
use crate::load::articles::content_hash;
use crate::load::{ArticleKey, ArticleStore};
use crate::model::{ArticleText, Entity, Event, PartialDate, Source, Timeline};
use crate::search::SearchIndex;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

/// An article as the check of its stat left it.
enum Checked {
    /// Its stat is the one recorded (or noted, see `settle`), of this size: read when needed.
    Unchanged(u64),
    /// It was read and hashed again: its text if the text is its bytes, and its stat if the
    /// same before and after the read (the stat of what was read, to note: see `settle`).
    Read(Option<String>, Option<Stat>),
}

/// An article read and hashed again at a start, as the cache has it: its place, and the stat of
/// what was read.
pub type Rehashed = (usize, Option<Stat>);

/// Which articles to stat.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Articles {
    /// Every one.
    All,
    /// Those the decoded events quote, and those whose text the cache stores (normalised) or
    /// that have no recorded stat: enough for the browser's preview, which the whole load,
    /// stating every one, soon replaces. The text of any other is read from its file and hashed
    /// when needed, like every article's.
    Quoted,
}

/// The timeline of a cache's head and of the events decoded from it (all of them, or those a
/// search may find, in their order) with their index, the articles' texts to be read from `dir`;
/// `noted` are stats proved since the cache was written (see `settle`), by article (empty when
/// none is). Also says
/// which articles were read and hashed again (and were as the cache has them), with the stat of
/// what was read.
pub fn restore(
    head: HeadOwned,
    events: Vec<Event>,
    index: SearchIndex,
    dir: &Path,
    which: Articles,
    noted: &[Option<Stat>],
) -> Result<(Timeline, SearchIndex, Vec<Rehashed>), Invalid> {
    let HeadOwned { articles, stats, texts, mut timeline, .. } = head;
    timeline.events = events;
    let bad = |what: &str| Invalid::Decode(what.to_string());
    let n = timeline.sources.len();
    if articles.len() != n || stats.len() != n || index.len() != timeline.events.len() {
        return Err(bad("the tables have different lengths"));
    }
    let mut quoted = vec![which == Articles::All; n];
    for c in timeline.events.iter().flat_map(|e| &e.citations) {
        if let Some(q) = quoted.get_mut(c.source) {
            *q = true;
        }
    }
    let checked = check_articles(&timeline.sources, &articles, [&stats, noted], &quoted, dir)?;
    let hashed = rehashed(&checked);
    let mut stored: Vec<Option<String>> = vec![None; n];
    for (i, text) in texts {
        match (stored.get_mut(i as usize), articles.get(i as usize)) {
            (Some(slot @ None), Some(key)) if !key.verbatim => *slot = Some(text),
            _ => return Err(bad("a stored text is out of place")),
        }
    }
    let spans = Arc::new(Spans::of(&timeline));
    let dir: Arc<Path> = Arc::from(dir);
    // The length of each article not read yet (its text is its bytes, whose stat is known).
    let mut lazy_len: Vec<Option<usize>> = vec![None; n];
    for (i, ((source, checked), text)) in timeline.sources.iter_mut().zip(checked).zip(stored).enumerate() {
        source.text = match (text, checked, articles[i].verbatim) {
            (Some(text), _, false) => text.into(),
            (None, Checked::Read(Some(text), _), true) => text.into(),
            (None, Checked::Unchanged(size), true) => {
                lazy_len[i] = Some(size as usize);
                let (dir, spans, file, hash) =
                    (dir.clone(), spans.clone(), source.file.clone(), articles[i].hash);
                ArticleText::lazy(move || lazy::fetch(&dir, &file, hash, spans.of_source(i)))
            }
            _ => return Err(bad("an article's text is missing")),
        };
    }
    check(&timeline, &lazy_len).map_err(bad)?;
    Ok((timeline, index, hashed))
}

/// The articles that were read and hashed again, with the stat of what was read.
fn rehashed(checked: &[Checked]) -> Vec<Rehashed> {
    let read = |(i, c): (usize, &Checked)| match c {
        Checked::Read(_, stat) => Some((i, *stat)),
        Checked::Unchanged(_) => None,
    };
    checked.iter().enumerate().filter_map(read).collect()
}

/// Checks what the loader guarantees of a timeline and the rest of the program relies on, for a
/// timeline that did not come from the loader: every index in range, every date one the loader
/// could have made, every stored range on character boundaries. Says what is wrong.
fn check(t: &Timeline, lazy: &[Option<usize>]) -> Result<(), &'static str> {
    if t.events.len() > crate::load::MAX_EVENTS {
        return Err("more events than a data set may have");
    }
    let entity_ok = |e: &Entity| e.folded_names().len() == 1 + e.aliases.len();
    if !t.people.iter().chain(&t.places).all(entity_ok) {
        return Err("an entity's folded names do not match its names");
    }
    for e in &t.events {
        check_event(t, e, lazy)?;
    }
    for era in &t.eras {
        if !valid_date(&era.start) || !valid_date(&era.end) {
            return Err("an era's date is not a date");
        }
    }
    let in_text = |source: usize, span: &Range<usize>| {
        t.sources.get(source).is_some_and(|s| fits(lazy[source], &s.text, span))
    };
    if !t.scan_ignores.iter().all(|i| in_text(i.source, &i.span)) {
        return Err("an ignored passage is out of range");
    }
    Ok(())
}

/// Whether a range fits a text: one read, or (`lazy`: its length) one not read yet, whose
/// character boundaries are checked when it is read (`lazy::fetch`).
fn fits(lazy: Option<usize>, text: &ArticleText, span: &Range<usize>) -> bool {
    match lazy {
        Some(len) => span.start <= span.end && span.end <= len,
        None => text.get(span.clone()).is_some(),
    }
}

fn check_event(t: &Timeline, e: &Event, lazy: &[Option<usize>]) -> Result<(), &'static str> {
    if e.countries.iter().any(|&c| c >= t.countries.len()) {
        return Err("a country index is out of range");
    }
    let in_range = |ids: &[usize], registry: &[Entity]| ids.iter().all(|&id| id < registry.len());
    if !in_range(&e.person_ids, &t.people) || !in_range(&e.place_ids, &t.places) {
        return Err("a person or place index is out of range");
    }
    if !valid_date(&e.date) || !e.end.as_ref().is_none_or(valid_date) {
        return Err("an event's date is not a date");
    }
    if e.citations.iter().any(|c| c.source >= t.sources.len()) {
        return Err("a quote's source is out of range");
    }
    // A quote is its source's text there: checked now for an article that was read.
    let quoted = |c: &crate::model::Citation| match lazy[c.source] {
        Some(len) => c.quote.len() == c.span.len() && fits(Some(len), &t.sources[c.source].text, &c.span),
        None => t.sources[c.source].text.get(c.span.clone()) == Some(c.quote.as_str()),
    };
    if !e.citations.iter().all(quoted) {
        return Err("a quote is out of range");
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
    // A season (21–24) in place of a month, as `PartialDate::season` makes it.
    let rebuilt = match d.season_value() {
        Some(s) if d.month_value().is_none() => Ok(PartialDate::season(year, s)),
        _ => PartialDate::ymd(year, d.month_value(), d.day_value()),
    };
    let rebuilt = rebuilt
        .and_then(|p| d.time().map_or(Ok(p), |t| p.with_time(t)))
        .map(|p| p.with_qualifier(d.qualifier()).with_unspecified(u));
    rebuilt.is_ok_and(|p| p == *d)
}

/// Stats the articles `wanted` and those with no recorded stat, spread over the cores; reads
/// and hashes those whose stat is neither of the two known (recorded, noted).
fn check_articles(
    sources: &[Source],
    keys: &[ArticleKey],
    [stats, noted]: [&[Option<Stat>]; 2],
    wanted: &[bool],
    dir: &Path,
) -> Result<Vec<Checked>, Invalid> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = sources.len().div_ceil(threads).max(256);
    let store = ArticleStore::Dir(dir.to_path_buf());
    let store = &store;
    // Articles are stat-ed by name in the opened directory, not by a path built for each.
    let opened = std::fs::File::open(dir).ok();
    let opened = opened.as_ref();
    std::thread::scope(|s| {
        let parts: Vec<_> = sources
            .chunks(per)
            .zip(keys.chunks(per))
            .zip(stats.chunks(per))
            .zip(wanted.chunks(per))
            .enumerate()
            .map(|(part, (((ss, ks), st), ws))| {
                s.spawn(move || {
                    ss.iter()
                        .zip(ks)
                        .zip(st)
                        .zip(ws)
                        .enumerate()
                        .map(|(j, (((s, k), st), &w))| {
                            let noted = noted.get(part * per + j).copied().flatten();
                            match st.or(noted) {
                                // Its text is read (and hashed) when needed: a text stored in the
                                // cache instead (not verbatim) needs the stat now.
                                Some(known) if !w && k.verbatim && lazy::is_plain_name(&s.file) => {
                                    Ok(Checked::Unchanged(known.size()))
                                }
                                _ => {
                                    let known = Known { recorded: st.as_ref(), noted: noted.as_ref() };
                                    check_one(store, opened, &s.file, k, known)
                                }
                            }
                        })
                        .collect()
                })
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

fn check_one(
    store: &ArticleStore,
    opened: Option<&std::fs::File>,
    file: &str,
    key: &ArticleKey,
    known: Known,
) -> Result<Checked, Invalid> {
    let ArticleStore::Dir(dir) = store else { return Err(Invalid::Unreadable) };
    let now = || match opened {
        Some(d) => Stat::at(d, file),
        None => Stat::of(&dir.join(file)),
    };
    let before = now();
    if lazy::is_plain_name(file) && known.any() && known.matches(before) {
        return Ok(Checked::Unchanged(before.map_or(0, |s| s.size())));
    }
    let changed = || Invalid::Stale(format!("article {} changed", store.display(file)));
    let bytes = store.read_bytes(file).map_err(|_| changed())?;
    if content_hash(&bytes) != key.hash {
        return Err(changed());
    }
    let stat = before.filter(|&b| now() == Some(b));
    if !key.verbatim {
        return Ok(Checked::Read(None, stat));
    }
    String::from_utf8(bytes).map(|t| Checked::Read(Some(t), stat)).map_err(|_| changed())
}
