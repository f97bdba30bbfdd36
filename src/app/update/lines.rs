//! The typed lines: the search line, the `:` period line, and the pickers' filters.

use super::{browse, select};
use crate::app::line::Edit;
use crate::app::{Action, App, Effect, LineInput, Mode};
use crate::model::PartialDate;

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let is_search = matches!(app.mode, Mode::Search(_));
    let (Mode::Search(line) | Mode::Command(line)) = &mut app.mode else { return None };
    match line.edit(&action) {
        Edit::Changed => {
            if is_search {
                let text = line.text.clone();
                app.refilter_with(|f| f.query = text);
            }
            return None;
        }
        Edit::Moved => return None,
        Edit::NotMine => {}
    }
    let text = line.text.clone();
    match action {
        Action::Down => select(app, app.view.selected + 1),
        Action::Up => select(app, app.view.selected.saturating_sub(1)),
        Action::ToggleOrder if is_search => browse::toggle_order(app),
        Action::Accept if is_search => {
            app.mode = Mode::Browse;
            // Field queries that are plain filters (`country:LA`, `kind:visit`, `after:2025`)
            // become filters: the status line shows them and the pickers hold them.
            let mut filter = app.filter().clone();
            if crate::search::hoist::hoist(&mut filter, &app.data.timeline) {
                app.refilter_with(|f| *f = filter);
            }
        }
        Action::Back if is_search => {
            app.refilter_with(|f| f.query.clear());
            app.mode = Mode::Browse;
        }
        Action::Accept if text.trim_start().starts_with("export") => {
            let rest = text.trim_start().trim_start_matches("export");
            let (replace, args) = match rest.strip_prefix('!') {
                Some(args) => (true, args),
                None => (false, rest),
            };
            match super::export::request(app, args, replace) {
                Ok(effect) => {
                    app.mode = Mode::Browse;
                    return Some(effect);
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
    None
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
        app.refilter_with(|f| (f.from, f.to) = (from, to));
    } else if text.is_empty() {
        app.refilter_with(|f| (f.from, f.to) = (None, None));
    } else {
        let Some(d) = date(text)? else { return Ok(()) };
        return goto(app, d);
    }
    Ok(())
}

/// Selects the first shown event on or after a date.
fn goto(app: &mut App, d: PartialDate) -> Result<(), String> {
    let events = &app.data.timeline.events;
    let found =
        app.shown.hits.iter().enumerate().filter(|(_, h)| events[h.event].date.last_day() >= d.first_day());
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
            app.refilter_with(|f| p.apply(f));
            app.mode = Mode::Browse;
        }
        Action::Back => app.mode = Mode::Browse,
        _ => {}
    }
}
