//! The typed lines: the search line, the `:` period line, and the pickers' filters.

use super::{browse, select};
use crate::app::line::Edit;
use crate::app::{Action, App, LineInput, Mode};
use crate::model::PartialDate;

pub fn update(app: &mut App, action: Action) {
    let is_search = matches!(app.mode, Mode::Search(_));
    let (Mode::Search(line) | Mode::Command(line)) = &mut app.mode else { return };
    match line.edit(&action) {
        Edit::Changed => {
            if is_search {
                app.filter.query = line.text.clone();
                app.refilter();
            }
            return;
        }
        Edit::Moved => return,
        Edit::NotMine => {}
    }
    let text = line.text.clone();
    match action {
        Action::Down => select(app, app.selected + 1),
        Action::Up => select(app, app.selected.saturating_sub(1)),
        Action::ToggleOrder if is_search => browse::toggle_order(app),
        Action::Accept if is_search => app.mode = Mode::Browse,
        Action::Back if is_search => {
            app.filter.query.clear();
            app.refilter();
            app.mode = Mode::Browse;
        }
        Action::Accept if text.trim_start().starts_with("export") => {
            let rest = text.trim_start().trim_start_matches("export");
            let (replace, args) = match rest.strip_prefix('!') {
                Some(args) => (true, args),
                None => (false, rest),
            };
            match super::export::run(app, args, replace) {
                Ok(msg) => {
                    app.message = Some(msg);
                    app.mode = Mode::Browse;
                }
                Err(e) => {
                    app.message = Some(e);
                    app.mode = Mode::Command(LineInput::new(text));
                }
            }
        }
        Action::Accept => {
            app.mode = Mode::Browse;
            if let Err(e) = period(app, &text) {
                app.message = Some(e);
                app.mode = Mode::Command(LineInput::new(text));
            }
        }
        Action::Back => app.mode = Mode::Browse,
        _ => {}
    }
}

/// `:` commands: `1983` or `2025-05` goes to that date; `A..B`, `..B`, `A..` limit the period;
/// an empty line clears the period.
fn period(app: &mut App, text: &str) -> Result<(), String> {
    let text = text.trim();
    let date = |s: &str| -> Result<Option<PartialDate>, String> {
        let s = s.trim();
        if s.is_empty() { Ok(None) } else { PartialDate::parse(s).map(Some) }
    };
    if let Some((a, b)) = text.split_once("..") {
        let (from, to) = (date(a)?, date(b)?);
        if let (Some(f), Some(t)) = (from, to)
            && t.last_day() < f.first_day()
        {
            return Err(format!("{} is before {}", t.iso(), f.iso()));
        }
        app.filter.from = from;
        app.filter.to = to;
    } else if text.is_empty() {
        app.filter.from = None;
        app.filter.to = None;
    } else {
        let Some(d) = date(text)? else { return Ok(()) };
        return goto(app, d);
    }
    app.refilter();
    Ok(())
}

/// Selects the first shown event on or after a date.
fn goto(app: &mut App, d: PartialDate) -> Result<(), String> {
    let events = &app.timeline.events;
    let found = app.hits.iter().enumerate().filter(|(_, h)| events[h.event].date.last_day() >= d.first_day());
    let best = found.min_by_key(|(_, h)| events[h.event].date).map(|(i, _)| i);
    match best {
        Some(i) => {
            select(app, i);
            Ok(())
        }
        None => Err(format!("no events shown on or after {d}")),
    }
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
        Action::ToggleEntry => p.toggle(),
        Action::Accept => {
            let mut p = p.clone();
            if !p.touched && (p.moved || p.chosen.is_empty()) {
                // Enter without Space picks the highlighted entry, as in fzf.
                p.chosen.clear();
                p.toggle();
            }
            p.apply(&mut app.filter);
            app.mode = Mode::Browse;
            app.refilter();
        }
        Action::Back => app.mode = Mode::Browse,
        _ => {}
    }
}
