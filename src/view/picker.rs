//! The picker's geometry: where its pop-up goes and which entries it shows, for drawing and for
//! the mouse alike.

use super::layout::inner;
use ratatui::layout::Rect;

/// The pop-up over the main area, for a picker of `entries` entries.
pub fn popup(area: Rect, entries: usize) -> Rect {
    let w = area.width.saturating_sub(4).min(64);
    let h = (entries as u16).saturating_add(4).min(area.height.saturating_sub(2)).max(5.min(area.height));
    Rect::new(area.x + (area.width.saturating_sub(w)) / 2, area.y + 1, w, h)
}

/// Rows for entries inside the pop-up (below the filter line).
pub fn rows(popup: Rect) -> usize {
    inner(popup).height.saturating_sub(1) as usize
}

/// The first visible entry, keeping the cursor on screen.
pub fn first_visible(cursor: usize, rows: usize) -> usize {
    cursor.saturating_sub(rows.saturating_sub(1))
}

/// The entry (position among the visible ones) under a screen cell, if any.
pub fn entry_at(popup: Rect, cursor: usize, col: u16, row: u16) -> Option<usize> {
    let body = inner(popup);
    if !body.contains((col, row).into()) || row == body.y {
        return None;
    }
    Some(first_visible(cursor, rows(popup)) + (row - body.y - 1) as usize)
}
