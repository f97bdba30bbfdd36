//! The typed lines: the search line, the `:` period line, and the pickers' filters.

use super::period::{self, Command};
use super::{browse, scroll_to_selection, select};
use crate::app::line::Edit;
use crate::app::{Action, App, Effect, LineInput, Mode, Row};
use crate::model::PartialDate;

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let is_search = matches!(app.mode, Mode::Search(_));
    let (Mode::Search(line) | Mode::Command(line)) = &mut app.mode else { return None };
    match line.edit(&action) {
        Edit::Changed => {
            if is_search {
                let text = line.text.clone();
                // Typing undone: the event selected before is selected again.
                if text == app.session.before_edit {
                    app.origin.reselect = app.session.selected_before_edit;
                }
                app.refilter_with(|f| f.query = text);
            }
            return None;
        }
        Edit::Moved => return None,
        Edit::NotMine => {}
    }
    let text = line.text.clone();
    match action {
        Action::Help => super::open_help(app),
        Action::Up | Action::Down if is_search => recall(app, action == Action::Up),
        Action::ToggleOrder if is_search => browse::toggle_order(app),
        Action::Accept if is_search => keep_search(app, &text),
        // Back to the search that was applied before the line was opened.
        Action::Back if is_search => {
            let before = std::mem::take(&mut app.session.before_edit);
            let selected = app.session.selected_before_edit.take();
            if before != app.filter().query {
                app.origin.reselect = selected;
                app.refilter_with(|f| f.query = before);
            } else if let Some(hit) =
                selected.and_then(|ev| app.shown.hits.iter().position(|h| h.event == ev))
            {
                select(app, hit);
            }
            app.mode = Mode::Browse;
        }
        Action::Accept if text.trim_start().starts_with("export") => return export(app, text),
        Action::Accept => {
            app.mode = Mode::Browse;
            if let Err(e) = command(app, &text) {
                app.message = Some(e);
                app.mode = Mode::Command(LineInput::new(text));
            }
        }
        Action::Back => app.mode = Mode::Browse,
        _ => {}
    }
    None
}

/// Enter in the search line: the search is kept, and remembered for ↑. Field queries that are
/// plain filters (`country:LA`, `kind:visit`, `after:2025`) become filters: the status line shows
/// them and the pickers hold them.
fn keep_search(app: &mut App, text: &str) {
    app.session.remember(text);
    app.mode = Mode::Browse;
    let mut filter = app.filter().clone();
    if crate::search::hoist::hoist(&mut filter, &app.data.timeline) {
        app.refilter_with(|f| *f = filter);
    }
}

/// `:export FILE [FORMAT]` (`:export!` replaces a file): the effect that writes, or the line
/// again with what is wrong.
fn export(app: &mut App, text: String) -> Option<Effect> {
    let rest = text.trim_start().trim_start_matches("export");
    let (replace, args) = match rest.strip_prefix('!') {
        Some(args) => (true, args),
        None => (false, rest),
    };
    match super::export::request(app, args, replace) {
        Ok(effect) => {
            app.mode = Mode::Browse;
            Some(effect)
        }
        Err(e) => {
            app.message = Some(e);
            app.mode = Mode::Command(LineInput::new(text));
            None
        }
    }
}

/// ↑/↓ in the search line: an earlier or later search of this session, searched at once; ↓ past
/// the newest comes back to the search applied before the line was opened.
fn recall(app: &mut App, earlier: bool) {
    let n = app.session.history.len();
    let Mode::Search(line) = &app.mode else { return };
    // The newest search is often the one on the line already: start before it then.
    let newest = if n > 1 && app.session.history[n - 1] == line.text.trim() { n - 2 } else { n.max(1) - 1 };
    if n == 0 {
        app.message = Some("no earlier searches in this session".into());
        return;
    }
    let next = match (app.session.recall, earlier) {
        (None, true) => Some(newest),
        (None, false) => return,
        (Some(0), true) => Some(0),
        (Some(i), true) => Some(i - 1),
        (Some(i), false) => (i + 1 < n).then_some(i + 1),
    };
    app.session.recall = next;
    let text = next.map_or_else(|| app.session.before_edit.clone(), |i| app.session.history[i].clone());
    app.mode = Mode::Search(LineInput::new(text.clone()));
    if text != app.filter().query {
        app.refilter_with(|f| f.query = text);
    }
}

/// Carries out a `:` line.
fn command(app: &mut App, text: &str) -> Result<(), String> {
    match period::parse(text)? {
        Command::Clear => app.refilter_with(|f| (f.from, f.to) = (None, None)),
        Command::Goto(d) => return goto(app, d),
        Command::Period { from, to, swapped } => {
            app.refilter_with(|f| (f.from, f.to) = (from, to));
            if swapped {
                let iso = |d: Option<PartialDate>| d.map(|d| d.iso()).unwrap_or_default();
                app.message = Some(format!("read as {}..{}", iso(from), iso(to)));
            }
        }
    }
    Ok(())
}

/// Selects the first shown event on or after a date, and puts it at the top of the pane (with
/// its year header), so that what follows it is in view.
fn goto(app: &mut App, d: PartialDate) -> Result<(), String> {
    let events = &app.data.timeline.events;
    let found =
        app.shown.hits.iter().enumerate().filter(|(_, h)| events[h.event].date.last_day() >= d.first_day());
    let Some(i) = found.min_by_key(|(_, h)| events[h.event].date).map(|(i, _)| i) else {
        return Err(format!("no events shown on or after {d}"));
    };
    select(app, i);
    let row = app.shown.row_of(i);
    let header = row > 0 && matches!(app.shown.rows[row - 1], Row::Year { .. });
    app.view.list_top = if header { row - 1 } else { row };
    scroll_to_selection(app);
    Ok(())
}

pub fn update_picker(app: &mut App, action: Action) {
    let Mode::Picker(p) = &mut app.mode else { return };
    match p.input.edit(&action) {
        Edit::Changed => return p.refilter(),
        Edit::Moved => return,
        Edit::NotMine => {}
    }
    match action {
        Action::Down => p.move_by(1),
        Action::Up => p.move_by(-1),
        Action::PageDown | Action::HalfPageDown => p.move_by(10),
        Action::PageUp | Action::HalfPageUp => p.move_by(-10),
        Action::ToggleEntry => {
            p.toggle();
            p.move_by(1);
        }
        Action::Wheel { down, .. } => p.move_by(if down { 3 } else { -3 }),
        Action::Click { col, row } => super::picker_click(app, col, row),
        Action::Help => super::open_help(app),
        Action::Accept => accept_picker(app),
        Action::Back => app.mode = Mode::Browse,
        _ => {}
    }
}

/// Enter: the ticks, as fzf does; with nothing ticked, the highlighted entry if the user typed or
/// moved to it; otherwise the filter stays as it was. Never a filter the user did not ask for.
fn accept_picker(app: &mut App) {
    let Mode::Picker(p) = &app.mode else { return };
    let mut p = p.clone();
    if !p.touched {
        if !p.moved || !p.chosen.is_empty() {
            app.mode = Mode::Browse;
            return;
        }
        let Some(id) = p.current().map(|e| e.id) else {
            app.message = Some("nothing matches: Backspace widens, Esc cancels".into());
            return;
        };
        p.chosen = vec![id];
    }
    let t = app.data.timeline.clone();
    app.refilter_with(|f| p.apply(&t, f));
    app.mode = Mode::Browse;
}
