//! The reader's geometry: where the article's text goes and how it wraps, for scrolling and
//! drawing alike.

use super::layout::{Layout, inner};
use crate::model::{Event, Source, Timeline};
use crate::text::fold::{fold, fold_str};
use crate::text::wrap::wrap;
use ratatui::layout::Rect;
use std::borrow::Cow;
use std::ops::Range;

/// Lines above the article besides its title: what it is, the date or the quote, a rule.
const HEADER_LINES: u16 = 3;

/// The most lines a title takes above the article; the rest is cut with `…`.
pub const TITLE_LINES: usize = 3;

/// The lines above the text: `HEADER_LINES` and the title's, wrapped to the pane.
fn header_height(title_lines: usize) -> u16 {
    HEADER_LINES + title_lines.clamp(1, TITLE_LINES) as u16
}

/// Where the text goes, under a title of `title_lines` lines (see `title_lines`).
pub fn body_rect(l: &Layout, title_lines: usize) -> Rect {
    let r = inner(l.main);
    let header = header_height(title_lines);
    Rect::new(r.x, r.y + header.min(r.height), r.width, r.height.saturating_sub(header))
}

/// A page's title wrapped to `w` columns: at least one line, at most `TITLE_LINES` (the last
/// then runs on, to be cut with `…` where it is drawn).
pub fn title_lines(title: &str, w: u16) -> Vec<Range<usize>> {
    let mut lines = wrap(title, w.max(1) as usize);
    if lines.len() > TITLE_LINES {
        let start = lines[TITLE_LINES - 1].start;
        lines.truncate(TITLE_LINES - 1);
        lines.push(start..title.len());
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// What a page is called above its text: an article's headline, or what the data set says it
/// is about (after `About `), or its first line (`dim`); an event's own title.
pub struct PageTitle<'a> {
    pub prefix: &'static str,
    pub text: &'a str,
    pub dim: bool,
}

impl PageTitle<'_> {
    pub fn whole(&self) -> String {
        format!("{}{}", self.prefix, self.text)
    }
}

/// The title of an article: its headline; an article that opens with a dateline instead (VTC
/// News: `date 2026-01-26 (VTC News) -`) is named by what the data set says it is about, or
/// else by its first line as the source gives it.
fn source_title(s: &Source) -> PageTitle<'_> {
    match (&s.headline, s.about.trim()) {
        (Some(h), _) => PageTitle { prefix: "", text: h, dim: false },
        (None, about) if !about.is_empty() => PageTitle { prefix: "About ", text: &s.about, dim: false },
        _ => {
            let first = s.text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
            PageTitle { prefix: "", text: first, dim: true }
        }
    }
}

/// What the reader shows: a source article with the quote being read, or, for an event cited
/// without a quote (imported TimelineJS events), the event's own text, media and links.
pub struct Page<'a> {
    pub text: Cow<'a, str>,
    /// The article and the quote's byte range in it; `None` on the event's own text.
    pub source: Option<(&'a Source, Range<usize>)>,
    pub title: PageTitle<'a>,
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
            Page { text: Cow::Borrowed(&s.text), source: Some((s, c.span.clone())), title: source_title(s) }
        }
        None => {
            let title = PageTitle { prefix: "", text: e.title.as_str(), dim: false };
            Page { text: Cow::Owned(own_text(e)), source: None, title }
        }
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

    /// A title wraps at words over at most three lines; the third runs on, to be cut with `…`.
    #[test]
    fn a_title_wraps_over_at_most_three_lines() {
        let title = "An extraordinarily long headline that keeps going and going";
        let lines: Vec<&str> = title_lines(title, 24).into_iter().map(|r| title[r].trim_end()).collect();
        assert_eq!(lines, ["An extraordinarily long", "headline that keeps", "going and going"]);
        let lines: Vec<&str> = title_lines(title, 12).into_iter().map(|r| title[r].trim_end()).collect();
        // A word wider than the pane is broken, as the article's text is.
        assert_eq!(lines, ["An", "extraordinar", "ily long headline that keeps going and going"]);
        assert_eq!(title_lines("", 10), [Range { start: 0, end: 0 }]);
        assert_eq!(header_height(1), 4);
        assert_eq!(header_height(7), 6);
    }

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
