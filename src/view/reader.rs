//! The reader's geometry: where the article's text goes and how it wraps, for scrolling and
//! drawing alike.

use super::layout::{Layout, inner};
use crate::text::fold::{fold, fold_str};
use crate::text::wrap::wrap;
use ratatui::layout::Rect;
use std::ops::Range;

/// Lines above the article: file, outlet, date, headline.
pub const HEADER: u16 = 4;

/// Where the article's text goes.
pub fn body_rect(l: &Layout) -> Rect {
    let r = inner(l.main);
    Rect::new(r.x, r.y + HEADER.min(r.height), r.width, r.height.saturating_sub(HEADER))
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
