//! Where each part of the screen goes, as a pure function of the terminal size. Drawing,
//! scrolling and mouse hit-testing all use it, so they always agree.

use ratatui::layout::Rect;

/// Below this the browser shows "terminal too small".
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 8;
/// From this width on, the panes sit side by side.
pub const SIDE_BY_SIDE: u16 = 100;
/// The time axis is drawn from this height on.
const AXIS_MIN_HEIGHT: u16 = 16;
const AXIS_HEIGHT: u16 = 3;
/// Below this height the status line and the key bar share the last row.
pub const SHARED_STATUS_BELOW: u16 = 20;

/// Rows the timeline pane needs inside before it gives a row to each year's header; below that
/// the year is marked in the date column instead.
pub const YEAR_HEADERS_FROM: u16 = 14;

/// Which panes the browser shows: both, or the one the user zoomed (`z`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zoom {
    #[default]
    Both,
    List,
    Detail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    pub axis: Option<Rect>,
    /// The whole pane area (both panes; the reader uses all of it).
    pub main: Rect,
    pub list: Rect,
    pub detail: Rect,
    pub status: Rect,
    pub hints: Rect,
    pub side_by_side: bool,
    pub too_small: bool,
}

impl Layout {
    pub fn new(width: u16, height: u16) -> Layout {
        Layout::zoomed(width, height, Zoom::Both)
    }

    /// The layout with one pane zoomed to fill the main area (the other is empty).
    pub fn zoomed(width: u16, height: u16, zoom: Zoom) -> Layout {
        let area = Rect::new(0, 0, width, height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Layout { main: area, too_small: true, ..Layout::default() };
        }
        let axis_h = if height >= AXIS_MIN_HEIGHT { AXIS_HEIGHT } else { 0 };
        let axis = (axis_h > 0).then(|| Rect::new(0, 0, width, axis_h));
        // Short terminals give the status line's row to the panes: status and keys share a row.
        let bottom = if height < SHARED_STATUS_BELOW { 1 } else { 2 };
        let main = Rect::new(0, axis_h, width, height - axis_h - bottom);
        let status = Rect::new(0, height - bottom, width, 1);
        let hints = Rect::new(0, height - 1, width, 1);
        let side_by_side = width >= SIDE_BY_SIDE;
        let none = Rect::new(0, main.y + main.height, width, 0);
        let (list, detail) = match zoom {
            Zoom::List => (main, none),
            Zoom::Detail => (none, main),
            // The list gets the room its titles need (3/5), the detail pane the rest.
            Zoom::Both if side_by_side => {
                let lw = width * 3 / 5;
                (Rect::new(0, main.y, lw, main.height), Rect::new(lw, main.y, width - lw, main.height))
            }
            Zoom::Both => {
                let lh = (main.height * 3 / 5).max(3);
                (Rect::new(0, main.y, width, lh), Rect::new(0, main.y + lh, width, main.height - lh))
            }
        };
        Layout { axis, main, list, detail, status, hints, side_by_side, too_small: false }
    }
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect::new(r.x + 1, r.y + 1, r.width.saturating_sub(2), r.height.saturating_sub(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_main_area() {
        for (w, h) in [(80, 24), (140, 40), (100, 30), (24, 8), (300, 100)] {
            let l = Layout::new(w, h);
            assert!(!l.too_small);
            assert_eq!(
                l.list.width as u32 * l.list.height as u32 + l.detail.width as u32 * l.detail.height as u32,
                l.main.width as u32 * l.main.height as u32,
                "{w}x{h}"
            );
            assert_eq!(l.side_by_side, w >= 100);
            assert_eq!(l.hints.y, h - 1);
            assert_eq!(l.status == l.hints, h < SHARED_STATUS_BELOW);
        }
    }

    #[test]
    fn the_list_shows_at_least_nine_rows_at_80x24() {
        assert!(inner(Layout::new(80, 24).list).height >= 9);
        let z = Layout::zoomed(80, 24, Zoom::List);
        assert_eq!((z.list, z.detail.height), (z.main, 0));
        let d = Layout::zoomed(120, 30, Zoom::Detail);
        assert_eq!((d.detail, d.list.height), (d.main, 0));
    }

    #[test]
    fn tiny_terminals_are_too_small() {
        for (w, h) in [(0, 0), (1, 1), (10, 3), (23, 30), (80, 7)] {
            assert!(Layout::new(w, h).too_small, "{w}x{h}");
        }
    }
}
