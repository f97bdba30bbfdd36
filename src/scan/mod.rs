//! `timeline scan`: what the articles date that the data set does not yet cover.
//!
//! Every date mention in every article (see `forms`) is checked against the data set. An event
//! covers a mention when one of its quotes in that article overlaps the mention or lies in the
//! same sentence; a `scan_ignore` passage covers the mentions inside it (wherever the passage
//! appears), with its reason. The
//! rest are `uncovered`: the curator's to-do list. `actions` adds what the dates cannot show: the
//! undated sentences where people of the registry act (`timeline scan --undated`).

pub mod actions;
pub mod actions_report;
pub mod forms;
pub mod report;

use crate::load::ArticleStore;
use crate::model::Timeline;
pub use forms::{Found, How, Precision, Resolved};
use std::ops::Range;

/// What the data set says about a mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    /// Events (indexes into `Timeline::events`) whose quotes cover it.
    Events(Vec<usize>),
    /// Inside a `scan_ignore` passage (index into `Timeline::scan_ignores`).
    Ignored(usize),
    Uncovered,
}

/// One date mention in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index into `Timeline::sources`.
    pub source: usize,
    /// Byte range in the article's (NFC) text.
    pub span: Range<usize>,
    /// 1-based line and column (in characters) in the file as saved.
    pub line: usize,
    pub col: usize,
    pub found: Found,
    pub coverage: Coverage,
}

impl Mention {
    pub fn is_dealt_with(&self) -> bool {
        self.coverage != Coverage::Uncovered
    }
}

/// One article's mentions.
#[derive(Debug, Clone)]
pub struct ArticleScan {
    pub source: usize,
    /// The article's path, as messages show it (`seeds/000_….txt`).
    pub path: String,
    pub mentions: Vec<Mention>,
}

impl ArticleScan {
    pub fn covered(&self) -> usize {
        self.mentions.iter().filter(|m| m.is_dealt_with()).count()
    }
}

/// Scans every article of the data set. `seeds` is where the articles were read from, to give
/// positions in the files as saved (a decomposed file gets the columns an editor shows).
pub fn scan(t: &Timeline, articles: &ArticleStore) -> Vec<ArticleScan> {
    // Each article's quotes, by event, so that an article is only checked against its own.
    let mut quotes: Vec<Vec<(usize, Range<usize>)>> = vec![Vec::new(); t.sources.len()];
    for (e, event) in t.events.iter().enumerate() {
        for c in &event.citations {
            quotes[c.source].push((e, c.span.clone()));
        }
    }
    (0..t.sources.len()).map(|s| scan_article(t, articles, s, &quotes[s])).collect()
}

fn scan_article(
    t: &Timeline,
    articles: &ArticleStore,
    source: usize,
    quotes: &[(usize, Range<usize>)],
) -> ArticleScan {
    let s = &t.sources[source];
    // Only a file not saved in NFC needs its own positions (and they cost a pass each).
    let saved = articles.read(&s.file).ok().filter(|a| a.saved.is_some() && a.text == s.text);
    let lines = crate::load::json::LineIndex::new(&s.text);
    let sentences = sentence_starts(&s.text);
    let sentence = |at: usize| sentences.partition_point(|&b| b <= at);
    // An ignored passage counts wherever it appears: pages repeat their sidebar items.
    let ignored: Vec<(usize, Range<usize>)> = t
        .scan_ignores
        .iter()
        .enumerate()
        .filter(|(_, i)| i.source == source)
        .flat_map(|(n, i)| {
            memchr::memmem::find_iter(s.text.as_bytes(), i.quote.as_bytes())
                .map(move |at| (n, at..at + i.quote.len()))
        })
        .collect();
    let mentions = forms::find_dates(&s.text, s.published)
        .into_iter()
        .map(|found| {
            let span = found.span.clone();
            let (line, col) = match &saved {
                Some(a) => a.saved_line_col(span.start),
                None => lines.line_col(span.start),
            };
            let mut events: Vec<usize> = quotes
                .iter()
                .filter(|(_, q)| {
                    overlaps(q, &span)
                        || (sentence(q.start)..=sentence(q.end.saturating_sub(1)))
                            .contains(&sentence(span.start))
                })
                .map(|&(e, _)| e)
                .collect();
            events.dedup();
            let ignore = ignored.iter().find(|(_, at)| overlaps(at, &span)).map(|(n, _)| *n);
            let coverage = match ignore {
                _ if !events.is_empty() => Coverage::Events(events),
                Some(i) => Coverage::Ignored(i),
                None => Coverage::Uncovered,
            };
            Mention { source, span, line, col, found, coverage }
        })
        .collect();
    ArticleScan { source, path: articles.display(&s.file), mentions }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Where each sentence after the first starts: after a line break, or after `.`, `!`, `?` or
/// `…` followed by a space.
fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        match c {
            '\n' => starts.push(i + 1),
            '.' | '!' | '?' | '…' if next.is_some_and(char::is_whitespace) => starts.push(i + c.len_utf8()),
            _ => {}
        }
    }
    starts
}

#[cfg(test)]
mod tests;
