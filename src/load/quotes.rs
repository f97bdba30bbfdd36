//! Reading articles and finding quotes in them, off the parsing thread. Articles are read (and
//! normalised) by background threads while the data file is still being parsed; once it is,
//! each article's quotes are found in one pass over its text (an Aho–Corasick automaton of that
//! article's quotes), articles spread over the cores.

use super::articles::{Article, ArticleStore, ReadError};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// A quote to find: in the article read into `slot`, as NFC text, written at `at` in the data
/// file, of the kind `what` ("quote", "evidence", …).
pub struct Check {
    pub slot: usize,
    pub quote: String,
    pub at: usize,
    pub what: &'static str,
}

/// What reading one article gave.
pub type ReadResult = Result<Article, ReadError>;

/// Background readers: articles are asked for by slot as their names are parsed.
pub struct Readers {
    jobs: Option<Sender<(usize, String)>>,
    threads: Vec<JoinHandle<Vec<(usize, ReadResult)>>>,
}

impl Readers {
    pub fn start(articles: &ArticleStore) -> Readers {
        let (jobs, rx) = channel::<(usize, String)>();
        let rx = Arc::new(Mutex::new(rx));
        let n = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
        let threads = (0..n)
            .map(|_| {
                let (rx, articles) = (Arc::clone(&rx), articles.clone());
                std::thread::spawn(move || {
                    let mut out = Vec::new();
                    loop {
                        let job = rx.lock().map_err(drop).and_then(|r| r.recv().map_err(drop));
                        let Ok((slot, file)) = job else { return out };
                        out.push((slot, articles.read(&file)));
                    }
                })
            })
            .collect();
        Readers { jobs: Some(jobs), threads }
    }

    /// Asks for an article, to be given back in `slot` (slots are numbered from 0).
    pub fn ask(&self, slot: usize, file: &str) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send((slot, file.to_string()));
        }
    }

    /// Waits for the articles of slots `0..slots`.
    pub fn finish(mut self, slots: usize) -> Vec<Option<ReadResult>> {
        self.jobs = None;
        let mut out: Vec<Option<ReadResult>> = (0..slots).map(|_| None).collect();
        for t in self.threads {
            for (slot, r) in t.join().unwrap_or_default() {
                if let Some(o) = out.get_mut(slot) {
                    *o = Some(r);
                }
            }
        }
        out
    }
}

/// Finds every check's quote in its article: the byte range of its first occurrence, by check.
/// `None` when the quote is not there (or is blank), or its article could not be read.
pub fn find_all(checks: &[Check], articles: &[Option<ReadResult>]) -> Vec<Option<Range<usize>>> {
    let mut by_slot: Vec<Vec<usize>> = vec![Vec::new(); articles.len()];
    for (i, c) in checks.iter().enumerate() {
        if let Some(list) = by_slot.get_mut(c.slot) {
            list.push(i);
        }
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = articles.len().div_ceil(threads).max(64);
    let found: Vec<Vec<(usize, Range<usize>)>> = std::thread::scope(|s| {
        let parts: Vec<_> = articles
            .chunks(per)
            .zip(by_slot.chunks(per))
            .map(|(arts, lists)| {
                s.spawn(move || {
                    let mut out = Vec::new();
                    for (art, list) in arts.iter().zip(lists) {
                        if let Some(Ok(a)) = art {
                            find_in(&a.text, checks, list, &mut out);
                        }
                    }
                    out
                })
            })
            .collect();
        parts.into_iter().map(|p| p.join().unwrap_or_default()).collect()
    });
    let mut spans = vec![None; checks.len()];
    for (i, r) in found.into_iter().flatten() {
        spans[i] = Some(r);
    }
    spans
}

/// How many leading bytes of each quote go into the automaton: enough to make false starts rare,
/// few enough that building it costs little next to the pass over the text.
const PREFIX: usize = 16;

/// One article's quotes (`list`, indexes into `checks`), found in one pass over `text`: an
/// automaton of the quotes' first bytes finds where each could start, and the rest of the quote
/// is compared there.
fn find_in(text: &str, checks: &[Check], list: &[usize], out: &mut Vec<(usize, Range<usize>)>) {
    let wanted: Vec<&str> = list.iter().map(|&i| checks[i].quote.as_str()).collect();
    let mut groups: HashMap<&[u8], Vec<usize>> = HashMap::new();
    for (w, q) in wanted.iter().enumerate().filter(|(_, q)| !q.trim().is_empty()) {
        groups.entry(&q.as_bytes()[..q.len().min(PREFIX)]).or_default().push(w);
    }
    let groups: Vec<(&[u8], Vec<usize>)> = groups.into_iter().collect();
    let ac = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(groups.iter().map(|(prefix, _)| prefix));
    let Ok(ac) = ac else {
        // Too many quotes for an automaton: one search per quote.
        for (&i, q) in list.iter().zip(&wanted) {
            out.extend(super::articles::find_quote(text, q).map(|span| (i, span)));
        }
        return;
    };
    let mut missing: usize = groups.iter().map(|(_, g)| g.len()).sum();
    let mut found = vec![false; wanted.len()];
    let bytes = text.as_bytes();
    for m in ac.find_overlapping_iter(text) {
        for &w in &groups[m.pattern().as_usize()].1 {
            let q = wanted[w];
            if !found[w] && bytes[m.start()..].starts_with(q.as_bytes()) {
                found[w] = true;
                out.push((list[w], m.start()..m.start() + q.len()));
                missing -= 1;
            }
        }
        if missing == 0 {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::articles::{ArticleKey, find_quote};
    use proptest::prelude::*;

    fn article(text: &str) -> Option<ReadResult> {
        let key = ArticleKey { hash: 0, verbatim: true };
        Some(Ok(Article { text: text.to_string(), saved: None, key }))
    }

    fn checks(quotes: &[&str]) -> Vec<Check> {
        quotes.iter().map(|q| Check { slot: 0, quote: q.to_string(), at: 0, what: "quote" }).collect()
    }

    /// The one-pass search finds what a search per quote finds.
    fn agrees(text: &str, quotes: &[&str]) -> Result<(), TestCaseError> {
        let found = find_all(&checks(quotes), &[article(text)]);
        let expected: Vec<_> = quotes.iter().map(|q| find_quote(text, q)).collect();
        prop_assert_eq!(found, expected, "text {:?}", text);
        Ok(())
    }

    #[test]
    fn finds_each_quote_where_a_search_per_quote_does() {
        let text = "Tổng Bí thư Tô Lâm đã tiếp. Tổng Bí thư Tô Lâm đã tiếp Đoàn đại biểu. Hà Nội.";
        agrees(
            text,
            &[
                "Tổng Bí thư Tô Lâm đã tiếp Đoàn", // shares its first bytes with a false start
                "Tổng Bí thư Tô Lâm đã tiếp",      // the same prefix, found at once
                "Tổng Bí thư Tô Lâm đã tiếp",      // twice
                "Hà Nội",                          // shorter than the prefix
                "  ",                              // blank: never found
                "Đoàn đại biểu, Bộ",               // not there
                "biểu. Hà",                        // overlapping another quote
            ],
        )
        .unwrap();
    }

    #[test]
    fn an_unreadable_article_finds_nothing() {
        let missing = Some(Err(ReadError::Missing("x".into())));
        assert_eq!(find_all(&checks(&["a"]), &[missing, None]), vec![None]);
    }

    proptest! {
        #[test]
        fn agrees_with_a_search_per_quote(
            text in "[ab ạđ]{0,60}",
            picks in prop::collection::vec((0usize..60, 1usize..24), 0..12),
            extra in prop::collection::vec("[ab ạ]{1,20}", 0..4),
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let mut quotes: Vec<String> = picks
                .iter()
                .map(|&(s, n)| {
                    let s = bounds[s % bounds.len()];
                    let e = bounds.iter().copied().filter(|&e| e >= s).nth(n).unwrap_or(text.len());
                    text[s..e].to_string()
                })
                .collect();
            quotes.extend(extra);
            let quotes: Vec<&str> = quotes.iter().map(String::as_str).collect();
            agrees(&text, &quotes)?;
        }
    }
}
