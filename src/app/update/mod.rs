//! `update(&mut App, Action)`: the only code that changes the browser's state.

mod browse;
mod export;
mod lines;
mod reader;

use super::{Action, App, Focus, Mode, Row};
use crate::ui::layout::{Layout, inner};

pub use reader::open_reader;

/// Applies one action to the state.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Resize { width, height } => {
            app.width = width;
            app.height = height;
            scroll_to_selection(app);
            clamp_detail(app);
            reader::clamp(app);
            return;
        }
        Action::Quit => {
            app.should_quit = true;
            return;
        }
        Action::SearchDone(generation, results) => {
            // A superseded search never overwrites a newer one's results.
            if generation == app.generation {
                app.show(results);
            }
            return;
        }
        _ => {}
    }
    app.message = None;
    match app.mode {
        Mode::Browse => browse::update(app, action),
        Mode::Search(_) | Mode::Command(_) => lines::update(app, action),
        Mode::Picker(_) => lines::update_picker(app, action),
        Mode::Reader(_) => reader::update(app, action),
        Mode::Help { .. } => help(app, action),
    }
}

fn help(app: &mut App, action: Action) {
    let page = app.height.saturating_sub(4) as usize;
    let Mode::Help { scroll, under } = &mut app.mode else { return };
    let max = crate::ui::help::line_count().saturating_sub(1);
    let step = match action {
        Action::Back | Action::Help => {
            app.mode = std::mem::replace(under.as_mut(), Mode::Browse);
            return;
        }
        Action::Wheel { down, .. } => Some(if down { 3 } else { -3 }),
        a => distance(&a, page),
    };
    if let Some(step) = step {
        *scroll = scroll.saturating_add_signed(step).min(max);
    }
}

/// How far a movement action goes, given the page height: the same keys move the selection,
/// scroll the detail pane, the reader and the help.
pub fn distance(action: &Action, page: usize) -> Option<isize> {
    let page = page.max(2) as isize;
    Some(match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown => page - 1,
        Action::PageUp => 1 - page,
        Action::HalfPageDown => page / 2,
        Action::HalfPageUp => -page / 2,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return None,
    })
}

/// Rows visible in the timeline pane.
pub fn list_height(app: &App) -> usize {
    inner(Layout::new(app.width, app.height).list).height as usize
}

/// Lines visible in the detail pane, and its text width.
pub fn detail_size(app: &App) -> (usize, u16) {
    let r = inner(Layout::new(app.width, app.height).detail);
    (r.height as usize, r.width)
}

/// Selects a hit (clamped) and scrolls it into view.
pub fn select(app: &mut App, hit: usize) {
    let hit = hit.min(app.hits.len().saturating_sub(1));
    if hit != app.selected {
        app.selected = hit;
        app.detail_scroll = 0;
    }
    scroll_to_selection(app);
}

/// Scrolls the timeline pane so the selected row, and its year header when it is the first of
/// its year, are visible.
pub fn scroll_to_selection(app: &mut App) {
    let h = list_height(app).max(1);
    let row = app.row_of(app.selected);
    let first = if row > 0 && matches!(app.rows[row - 1], Row::Year { .. }) { row - 1 } else { row };
    if first < app.list_top {
        app.list_top = first;
    } else if row >= app.list_top + h {
        app.list_top = row + 1 - h;
    }
    app.list_top = app.list_top.min(app.rows.len().saturating_sub(h));
}

/// Keeps the detail pane's scroll inside its content.
pub fn clamp_detail(app: &mut App) {
    let (h, w) = detail_size(app);
    let total = crate::ui::detail::build(app, w).len();
    app.detail_scroll = app.detail_scroll.min(total.saturating_sub(h));
}

fn scroll_detail(app: &mut App, delta: isize) {
    app.detail_scroll = app.detail_scroll.saturating_add_signed(delta);
    clamp_detail(app);
}

/// Moves in the focused pane by `delta` (events, or lines of the detail pane).
fn move_by(app: &mut App, delta: isize) {
    match app.focus {
        Focus::Timeline => select(app, app.selected.saturating_add_signed(delta)),
        Focus::Detail => scroll_detail(app, delta),
    }
}

#[cfg(test)]
mod tests;
