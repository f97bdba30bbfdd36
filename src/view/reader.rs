//! The reader's geometry: where the article's text goes and how it wraps, for scrolling and
//! drawing alike.

use super::layout::{Layout, inner};
use crate::model::{Event, Source, Timeline};
use crate::text::fold::{fold, fold_str};
use crate::text::wrap::wrap;
use ratatui::layout::Rect;
use std::borrow::Cow;
use std::ops::Range;

/// Lines above the article: file, outlet, date, headline.
pub const HEADER: u16 = 4;

/// Where the article's text goes.
pub fn body_rect(l: &Layout) -> Rect {
    let r = inner(l.main);
    Rect::new(r.x, r.y + HEADER.min(r.height), r.width, r.height.saturating_sub(HEADER))
}

/// What the reader shows: a source article with the quote being read, or, for an event cited
/// without a quote (imported TimelineJS events), the event's own text, media and links.
pub struct Page<'a> {
    pub text: Cow<'a, str>,
    /// The article and the quote's byte range in it; `None` on the event's own text.
    pub source: Option<(&'a Source, Range<usize>)>,
}

impl Page<'_> {
    /// Where the reader starts and what it keeps on screen: the quote, or the top.
    pub fn quote_start(&self) -> usize {
        self.source.as_ref().map_or(0, |(_, q)| q.start)
    }
}

/// The page of event `event` at its citation `citation` (ignored for an event without quotes).
pub fn page(t: &Timeline, event: usize, citation: usize) -> Page<'_> {
    let e = &t.events[event];
    match e.citations.get(citation).or(e.citations.first()) {
        Some(c) => {
            let s = &t.sources[c.source];
            Page { text: Cow::Borrowed(&s.text), source: Some((s, c.span.clone())) }
        }
        None => Page { text: Cow::Owned(own_text(e)), source: None },
    }
}

/// An event's own text to read when it has no quoted source: its summary (TimelineJS `text`),
/// then its media and links. Empty when it has none of them.
pub fn own_text(e: &Event) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !e.summary.trim().is_empty() {
        parts.push(e.summary.trim().to_string());
    }
    if let Some(m) = e.media() {
        let mut lines = vec![format!("Media: {}", m.url)];
        for (name, v) in
            [("Title", &m.title), ("Caption", &m.caption), ("Credit", &m.credit), ("Link", &m.link)]
        {
            if let Some(v) = v.as_deref().filter(|v| !v.trim().is_empty()) {
                lines.push(format!("{name}: {}", v.trim()));
            }
        }
        parts.push(lines.join("\n"));
    }
    let links: Vec<String> = e
        .links()
        .iter()
        .map(|l| match &l.title {
            Some(t) => format!("{t} <{}>", l.url),
            None => l.url.clone(),
        })
        .collect();
    if !links.is_empty() {
        parts.push(format!("Links:\n{}", links.join("\n")));
    }
    parts.join("\n\n")
}

/// Whether the reader has anything to show for an event, and if not, why.
pub fn nothing_to_read(e: &Event) -> Option<&'static str> {
    (e.citations.is_empty() && own_text(e).is_empty())
        .then_some("nothing to read: this event has no sources, no text, no media and no links")
}

/// The article's wrapped lines at a width.
pub fn article_lines(text: &str, w: u16) -> Vec<Range<usize>> {
    wrap(text, w.max(1) as usize)
}

/// Where `query` occurs in `text`, accents and case aside, as byte ranges of `text`.
pub fn find(text: &str, query: &str) -> Vec<Range<usize>> {
    let q = fold_str(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let f = fold(text);
    // Byte offset in the folded text of each folded char, to reach `origin`.
    let starts: Vec<usize> = f.text.char_indices().map(|(i, _)| i).collect();
    let origin = |i: usize| f.origin.get(i).map_or(text.len(), |&o| o as usize);
    f.text
        .match_indices(&q)
        .map(|(pos, m)| {
            let (first, after) =
                (starts.partition_point(|&b| b < pos), starts.partition_point(|&b| b < pos + m.len()));
            let start = origin(first);
            let end = origin(after).max(start + text[start..].chars().next().map_or(0, char::len_utf8));
            start..end
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_ignores_accents_and_maps_back() {
        let text = "Tổng Bí thư Tô Lâm thăm Lào; to lam.";
        let found: Vec<&str> = find(text, "to lam").into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["Tô Lâm", "to lam"]);
        assert!(find(text, "  ").is_empty());
        let nfd = "Lào";
        assert_eq!(find(nfd, "lao").len(), 1);
    }
}
