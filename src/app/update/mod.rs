//! `update(&mut App, Action)`: the only code that changes the browser's state.

mod browse;
mod copy;
mod export;
mod lines;
mod paste;
mod period;
mod reader;
mod reload;

use super::{Action, App, Effect, Focus, HelpPage, Mode, Notice, Row, SearchJob};
use crate::search::Results;
use crate::view::Theme;
use crate::view::layout::{YEAR_HEADERS_FROM, inner};

pub use export::usage as export_usage;
pub use reader::open_reader;

/// Applies one action to the state, and says what the outside world must do about it.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let effect = match export::while_running(app, &action) {
        Some(effect) => effect,
        None => {
            let effect = apply(app, action);
            export::started(app, effect)
        }
    };
    settle(app, effect)
}

/// Takes in what the outside world answered (a worker, the editor, the terminal), and says
/// what it must do next.
pub fn receive(app: &mut App, notice: Notice) -> Option<Effect> {
    let effect = hear(app, notice);
    settle(app, effect)
}

/// What every change of the state ends with: rows and highlights laid out for drawing, and the
/// search or count that the change asks for.
fn settle(app: &mut App, effect: Option<Effect>) -> Option<Effect> {
    if let Some(Effect::Quit | Effect::Suspend) = effect {
        return effect;
    }
    lay_out_rows(app);
    cache_marks(app);
    // Copying and the mouse never change the criteria, so no search can be waiting then.
    effect.or_else(|| app.take_search()).or_else(|| take_count(app))
}

/// The count search a picker that just opened needs, if any.
fn take_count(app: &mut App) -> Option<Effect> {
    let Mode::Picker(p) = &mut app.mode else { return None };
    let (job, filter) = (p.pending?, p.request.take()?);
    Some(Effect::Count { job, filter: *filter })
}

fn hear(app: &mut App, notice: Notice) -> Option<Effect> {
    match notice {
        Notice::Resized { width, height } => {
            let anchor = reader::anchor(app);
            app.view.width = width;
            app.view.height = height;
            lay_out_rows(app);
            scroll_to_selection(app);
            clamp_detail(app);
            reader::restore_anchor(app, anchor);
        }
        Notice::ExportProgress(bytes) => {
            if let Some(x) = &mut app.exporting {
                x.bytes = bytes;
            }
        }
        Notice::Exported(outcome) => {
            app.exporting = None;
            app.message = Some(match outcome {
                Ok(w) if w.notes.is_empty() => {
                    app.last_export = None;
                    w.summary
                }
                Ok(w) => {
                    let n = crate::text::plural(w.notes.len(), "note");
                    let said = format!("{}; {n} on what the format cannot carry (W shows all)", w.summary);
                    app.last_export = Some(w);
                    said
                }
                Err(e) => e,
            });
        }
        Notice::Edited(_) | Notice::Reloaded(_) | Notice::Loaded(_) => return reload::receive(app, notice),
        Notice::InputDropped(n) => return paste::dropped(app, n),
        Notice::Counted(job, results) => {
            if let Mode::Picker(p) = &mut app.mode {
                p.counted(&app.data.timeline, job, &results.hits);
            }
        }
        Notice::Searched(generation, results) => {
            // A superseded search never overwrites a newer one's results.
            if generation == app.job.generation() {
                app.job = SearchJob::Done { generation };
                show(app, results);
            }
        }
    }
    None
}

fn apply(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::CopyCitation => return copy::citation(app),
        Action::CopyId => return copy::id(app),
        Action::Paste(text) => return paste::paste(app, &text),
        Action::ToggleMouse => return toggle_mouse(app),
        Action::Quit => return Some(Effect::Quit),
        Action::Suspend => return Some(Effect::Suspend),
        Action::Edit => return reload::edit(app),
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

fn toggle_mouse(app: &mut App) -> Option<Effect> {
    app.session.mouse = !app.session.mouse;
    let note =
        if app.session.mouse { "mouse on" } else { "mouse off: the terminal selects text; m turns it on" };
    app.message = Some(note.into());
    Some(Effect::Mouse(app.session.mouse))
}

/// Shows a search's results, keeping the selection on the same event, or the next one, where it
/// can; a ranked list starts at its best hit.
fn show(app: &mut App, results: Results) {
    if let Some(e) = results.error {
        // An unfinished or wrong query (`country:`, `foo:bar`): say why, keep what is shown.
        app.message = Some(e);
        return;
    }
    // Reloaded data: the event that was selected, found again by id.
    let reselect = app.origin.reselect.take();
    let keep = reselect.or_else(|| app.selected_hit().map(|h| h.event));
    let ranked = app.ranked();
    app.shown.headers = list_height(app) >= YEAR_HEADERS_FROM as usize;
    app.shown.set(&app.data.timeline, results, ranked);
    let hits = &app.shown.hits;
    let exact = reselect.and_then(|ev| hits.iter().position(|h| h.event == ev));
    app.view.selected = match (exact, keep) {
        (Some(i), _) => i,
        _ if ranked => 0,
        (None, Some(ev)) => hits.iter().position(|h| h.event >= ev).unwrap_or(hits.len().saturating_sub(1)),
        (None, None) => 0,
    };
    app.view.detail_scroll = 0;
    scroll_to_match(app);
    scroll_to_selection(app);
}

/// Gives each year a header row when the list has the room, and marks the year in the date
/// column when it has not; the selection stays on its event.
fn lay_out_rows(app: &mut App) {
    let headers = list_height(app) >= YEAR_HEADERS_FROM as usize;
    if headers != app.shown.headers {
        app.shown.headers = headers;
        let ranked = app.ranked();
        app.shown.lay_out(&app.data.timeline, ranked);
        scroll_to_selection(app);
    }
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
    let area = inner(crate::view::help::popup(app.view.layout().main));
    let page = area.height as usize;
    let count = crate::view::help::line_count(help_page(app), &app.report(), area.width);
    if action == Action::Warnings {
        return open_warnings(app);
    }
    if help_page(app) == HelpPage::Warnings && distance(&action, page).is_some() {
        return move_warning_cursor(app, &action, (page, area.width));
    }
    let Mode::Help { scroll, under, .. } = &mut app.mode else { return };
    let max = count.saturating_sub(page.max(1));
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

/// On the warnings page, the movement keys move the highlight from entry to entry (a page at a
/// time for the page keys), and the page scrolls to keep it in sight.
fn move_warning_cursor(app: &mut App, action: &Action, (page, width): (usize, u16)) {
    let report = app.report();
    let entries = crate::view::help::entry_lines(&report, width);
    let total = crate::view::help::line_count(HelpPage::Warnings, &report, width);
    let Mode::Help { scroll, cursor, .. } = &mut app.mode else { return };
    let step = match action {
        Action::PageDown | Action::HalfPageDown => (page / 3).max(1) as isize,
        Action::PageUp | Action::HalfPageUp => -((page / 3).max(1) as isize),
        a => distance(a, page).unwrap_or(0),
    };
    *cursor = cursor.saturating_add_signed(step).min(entries.len().saturating_sub(1));
    let Some(lines) = entries.get(*cursor) else { return };
    if *cursor == 0 {
        // The first entry: the headings above it come into sight too.
        *scroll = 0;
    } else if lines.start < *scroll {
        *scroll = lines.start;
    } else if lines.end > *scroll + page.max(1) {
        *scroll = lines.end.saturating_sub(page.max(1));
    }
    if action == &Action::Bottom {
        *scroll = total.saturating_sub(page.max(1));
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
    inner(app.view.layout().list).height as usize
}

/// Lines visible in the detail pane, and its text width.
pub fn detail_size(app: &App) -> (usize, u16) {
    let r = inner(app.view.layout().detail);
    (r.height as usize, r.width)
}

/// A click in a picker ticks the entry under the pointer.
pub fn picker_click(app: &mut App, col: u16, row: u16) {
    let main = app.view.layout().main;
    let Mode::Picker(p) = &mut app.mode else { return };
    let popup = crate::view::picker::popup(main, p.entries.len());
    match crate::view::picker::entry_at(popup, p.cursor, col, row) {
        Some(i) if i < p.visible.len() => {
            p.move_by(i as isize - p.cursor as isize);
            p.toggle();
        }
        Some(_) => {}
        // A click outside the pop-up closes it, as Esc does.
        None if !popup.contains((col, row).into()) => app.mode = Mode::Browse,
        None => {}
    }
}

/// Opens the help over the current mode; closing it comes back there.
pub fn open_help(app: &mut App) {
    open_page(app, HelpPage::Keys);
}

/// Opens the list of load warnings like the help; says so when there are none.
pub fn open_warnings(app: &mut App) {
    if app.report().is_empty() {
        app.message = Some("no load warnings: the data loaded cleanly".into());
        return;
    }
    open_page(app, HelpPage::Warnings);
}

/// Opens a help-like page over the current mode (or instead of the page open now).
fn open_page(app: &mut App, page: HelpPage) {
    let mut under = std::mem::replace(&mut app.mode, Mode::Browse);
    if let Mode::Help { under: below, .. } = under {
        under = *below;
    }
    // The keys help opens at the keys of the mode it was asked from.
    let scroll = match page {
        HelpPage::Keys => help_start(app, under.keys()),
        HelpPage::Warnings => 0,
    };
    app.mode = Mode::Help { scroll, under: Box::new(under), page, cursor: 0 };
}

/// The keys help's first line for `mode`, at most the last screenful.
fn help_start(app: &App, mode: crate::input::keymap::KeyMode) -> usize {
    let area = inner(crate::view::help::popup(app.view.layout().main));
    let count = crate::view::help::line_count(HelpPage::Keys, &app.report(), area.width);
    let max = count.saturating_sub((area.height as usize).max(1));
    crate::view::help::section_start(mode, &app.report(), area.width).min(max)
}

/// Which page the help mode shows.
fn help_page(app: &App) -> HelpPage {
    match app.mode {
        Mode::Help { page, .. } => page,
        _ => HelpPage::Keys,
    }
}

/// Selects a hit (clamped) and scrolls it into view.
pub fn select(app: &mut App, hit: usize) {
    let hit = hit.min(app.shown.hits.len().saturating_sub(1));
    if hit != app.view.selected {
        app.view.selected = hit;
        app.view.detail_scroll = 0;
        scroll_to_match(app);
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

/// The selected event's detail document at the pane's width, for measuring: built again only
/// when the event, the width or the query changed (reloaded data starts a new `Shown`, and a
/// new selection follows), as the marks are.
fn detail_doc(app: &mut App) -> &[ratatui::text::Line<'static>] {
    let (_, w) = detail_size(app);
    let key = app.selected_hit().map(|h| (h.event, w, app.criteria.filter().query.clone()));
    if app.detail.as_ref().is_none_or(|(k, _)| *k != key) {
        let doc = crate::view::detail::document(app.detail_input(), w, &Theme::plain());
        app.detail = Some((key, doc));
    }
    app.detail.as_ref().map_or(&[], |(_, doc)| doc)
}

/// When the selected event matched in a quote, scrolls the detail pane to that quote.
fn scroll_to_match(app: &mut App) {
    let Some(crate::search::Field::Quote(i)) = app.selected_hit().and_then(|h| h.field) else { return };
    if let Some(line) = crate::view::detail::quote_line(detail_doc(app), i as usize) {
        app.view.detail_scroll = line;
        clamp_detail(app);
    }
}

/// Keeps the detail pane's scroll inside its content.
pub fn clamp_detail(app: &mut App) {
    let (h, _) = detail_size(app);
    let total = detail_doc(app).len();
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
pub(super) mod tests;

#[cfg(test)]
mod keys_tests;
