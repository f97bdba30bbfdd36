//! The reader's geometry: where the article's text goes and how it wraps, for scrolling and
//! drawing alike.

use super::layout::{Layout, inner};
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
