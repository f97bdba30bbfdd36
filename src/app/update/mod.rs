//! `update(&mut App, Action)`: the only code that changes the browser's state.

mod browse;
mod export;
mod lines;
mod reader;

use super::{Action, App, Effect, Focus, Mode, Row, SearchJob};
use crate::search::Results;
use crate::view::Theme;
use crate::view::layout::{Layout, inner};

pub use reader::open_reader;

/// Applies one action to the state, and says what the outside world must do about it.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    if let Some(effect) = apply(app, action) {
        return Some(effect);
    }
    cache_marks(app);
    app.take_search().or_else(|| take_count(app))
}

/// The count search a picker that just opened needs, if any.
fn take_count(app: &mut App) -> Option<Effect> {
    let Mode::Picker(p) = &mut app.mode else { return None };
    let (job, filter) = (p.pending?, p.request.take()?);
    Some(Effect::Count { job, filter: *filter })
}

fn apply(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::Resize { width, height } => {
            app.view.width = width;
            app.view.height = height;
            scroll_to_selection(app);
            clamp_detail(app);
            reader::clamp(app);
            return None;
        }
        Action::Quit => return Some(Effect::Quit),
        Action::Exported(outcome) => {
            app.message = Some(outcome.unwrap_or_else(|e| e));
            return None;
        }
        Action::Suspend => return Some(Effect::Suspend),
        Action::CountsDone(job, results) => {
            if let Mode::Picker(p) = &mut app.mode {
                p.counted(&app.data.timeline, job, &results.hits);
            }
            return None;
        }
        Action::SearchDone(generation, results) => {
            // A superseded search never overwrites a newer one's results.
            if generation == app.job.generation() {
                app.job = SearchJob::Done { generation };
                show(app, results);
            }
            return None;
        }
        _ => {}
    }
    app.message = None;
    match app.mode {
        Mode::Browse => return browse::update(app, action),
        Mode::Search(_) | Mode::Command(_) => return lines::update(app, action),
        Mode::Picker(_) => lines::update_picker(app, action),
        Mode::Reader(_) => reader::update(app, action),
        Mode::Help { .. } => help(app, action),
    }
    None
}

/// Shows a search's results, keeping the selection on the same event, or the next one, where it
/// can; a ranked list starts at its best hit.
fn show(app: &mut App, results: Results) {
    if let Some(e) = results.error {
        // An unfinished or wrong query (`country:`, `foo:bar`): say why, keep what is shown.
        app.message = Some(e);
        return;
    }
    let keep = app.selected_hit().map(|h| h.event);
    let ranked = app.ranked();
    app.shown.set(&app.data.timeline, results, ranked);
    let hits = &app.shown.hits;
    app.view.selected = match keep {
        _ if ranked => 0,
        Some(ev) => hits.iter().position(|h| h.event >= ev).unwrap_or(hits.len().saturating_sub(1)),
        None => 0,
    };
    app.view.detail_scroll = 0;
    scroll_to_selection(app);
}

/// Computes the search highlights of the events on screen (the visible rows and the selected
/// event), so that drawing only reads them.
fn cache_marks(app: &mut App) {
    let query = app.criteria.query();
    if query.is_empty() {
        return app.shown.cache_marks(&[], |_| Vec::new());
    }
    let top = app.view.list_top;
    let mut events: Vec<usize> = app.shown.rows[top.min(app.shown.rows.len())..]
        .iter()
        .take(list_height(app))
        .filter_map(|r| if let Row::Event(h) = r { Some(app.shown.hits[*h].event) } else { None })
        .collect();
    events.extend(app.selected_hit().map(|h| h.event).filter(|e| !events.contains(e)));
    let (t, engine) = (&app.data.timeline, &app.data.engine);
    app.shown.cache_marks(&events, |e| engine.marks(t, e, query));
}

fn help(app: &mut App, action: Action) {
    let page = app.view.height.saturating_sub(4) as usize;
    let Mode::Help { scroll, under } = &mut app.mode else { return };
    let max = crate::view::help::line_count().saturating_sub(1);
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
    inner(Layout::new(app.view.width, app.view.height).list).height as usize
}

/// Lines visible in the detail pane, and its text width.
pub fn detail_size(app: &App) -> (usize, u16) {
    let r = inner(Layout::new(app.view.width, app.view.height).detail);
    (r.height as usize, r.width)
}

/// Selects a hit (clamped) and scrolls it into view.
pub fn select(app: &mut App, hit: usize) {
    let hit = hit.min(app.shown.hits.len().saturating_sub(1));
    if hit != app.view.selected {
        app.view.selected = hit;
        app.view.detail_scroll = 0;
    }
    scroll_to_selection(app);
}

/// Scrolls the timeline pane so the selected row, and its year header when it is the first of
/// its year, are visible.
pub fn scroll_to_selection(app: &mut App) {
    let h = list_height(app).max(1);
    let row = app.shown.row_of(app.view.selected);
    let first = if row > 0 && matches!(app.shown.rows[row - 1], Row::Year { .. }) { row - 1 } else { row };
    if first < app.view.list_top {
        app.view.list_top = first;
    } else if row >= app.view.list_top + h {
        app.view.list_top = row + 1 - h;
    }
    app.view.list_top = app.view.list_top.min(app.shown.rows.len().saturating_sub(h));
}

/// Keeps the detail pane's scroll inside its content.
pub fn clamp_detail(app: &mut App) {
    let (h, w) = detail_size(app);
    let total = crate::view::detail::document(app.detail_input(), w, &Theme::plain()).len();
    app.view.detail_scroll = app.view.detail_scroll.min(total.saturating_sub(h));
}

fn scroll_detail(app: &mut App, delta: isize) {
    app.view.detail_scroll = app.view.detail_scroll.saturating_add_signed(delta);
    clamp_detail(app);
}

/// Moves in the focused pane by `delta` (events, or lines of the detail pane).
fn move_by(app: &mut App, delta: isize) {
    match app.view.focus {
        Focus::Timeline => select(app, app.view.selected.saturating_add_signed(delta)),
        Focus::Detail => scroll_detail(app, delta),
    }
}

#[cfg(test)]
mod tests;
