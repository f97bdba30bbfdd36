//! `E` and reloading, for curators: the selected event opens in the user's editor at its place
//! in the data file; the file is read again when the editor returns or when it changes on disk.
//! Reloaded data keeps the selection (by event id), the search and the filters; data that no
//! longer loads leaves the last good data on screen and its problems in the status line, and `E`
//! then opens the editor at the first problem.

use crate::app::effect::Spot;
use crate::app::notice::{Fresh, Notice};
use crate::app::{App, Criteria, Data, Effect, Mode, SearchJob, Shown};
use crate::model::{Problem, Timeline};
use crate::search::Filter;
use std::path::PathBuf;

/// How to get a file to edit when the browser shows the built-in data.
pub const BUILTIN_HINT: &str = "the built-in data is not a file; `timeline export --format native --out my.json`, then `timeline --data my.json`";

/// What the editor and the file system answered.
pub fn receive(app: &mut App, notice: Notice) -> Option<Effect> {
    match notice {
        Notice::Edited(outcome) => edited(app, outcome),
        Notice::Reloaded(outcome) => reloaded(app, outcome),
        Notice::Loaded(outcome) => loaded(app, outcome),
        _ => None,
    }
}

/// `E` (and `Enter` on the warnings page) on a help-like page: the editor at the highlighted
/// problem or warning's `path:line:col`, or why not.
fn edit_from_page(app: &mut App) -> Option<Effect> {
    let Mode::Help { page, cursor, .. } = &app.mode else { return None };
    if *page != crate::app::HelpPage::Warnings {
        app.message = Some("E edits at a problem or warning from the warnings page (W)".into());
        return None;
    }
    let report = app.report();
    let Some((file, line, col)) = report.position(*cursor) else {
        let what =
            if report.entries() == 0 { "nothing to edit here" } else { "this note has no place in a file" };
        app.message = Some(what.into());
        return None;
    };
    Some(Effect::Edit { path: PathBuf::from(file), at: Spot::At { line, col } })
}

/// `E`: the editor at the first problem of a failed reload, else at the selected event; on the
/// warnings page, at the highlighted entry.
pub fn edit(app: &mut App) -> Option<Effect> {
    if matches!(app.mode, Mode::Help { .. }) {
        return edit_from_page(app);
    }
    let Some(source) = &app.origin.source else {
        app.message = Some(BUILTIN_HINT.into());
        return None;
    };
    if let Some(p) = app.origin.failed.first() {
        let at = Spot::At { line: p.line, col: p.col };
        return Some(Effect::Edit { path: PathBuf::from(&p.file), at });
    }
    let event = match &app.mode {
        Mode::Reader(r) => Some(r.event),
        _ => app.selected_hit().map(|h| h.event),
    };
    let at = match event {
        Some(i) => Spot::Event(app.data.timeline.events[i].id.to_string()),
        None => Spot::At { line: 1, col: 1 },
    };
    Some(Effect::Edit { path: source.path().to_path_buf(), at })
}

/// The editor returned: read the data again, or say why the editor did not run well.
fn edited(app: &mut App, outcome: Result<(), String>) -> Option<Effect> {
    match outcome {
        Ok(()) => Some(Effect::Reload),
        Err(why) => {
            app.message = Some(why);
            None
        }
    }
}

/// The data was read again: show it in place of the old, or keep the old and say what is wrong.
fn reloaded(app: &mut App, outcome: Result<Fresh, Vec<Problem>>) -> Option<Effect> {
    match outcome {
        Ok(fresh) => {
            let n = fresh.timeline.events.len();
            replace(app, fresh);
            let was_failing = !std::mem::take(&mut app.origin.failed).is_empty();
            let fixed = if was_failing { "; fixed" } else { "" };
            // A slide the edit made unreadable is skipped with a warning: say so, not only `!N`.
            let warned = match app.data.timeline.warnings.len() {
                0 => String::new(),
                1 => "; 1 load warning (W shows it)".into(),
                w => format!("; {w} load warnings (W shows them)"),
            };
            let events = if n == 1 { "event" } else { "events" };
            app.message = Some(format!("reloaded: {n} {events}{fixed}{warned}"));
            app.origin.loading = None;
            Some(Effect::Restart)
        }
        Err(problems) => {
            app.origin.failed = problems;
            None
        }
    }
}

/// The whole data set, read while a preview was shown: it takes the preview's place as reloaded
/// data does (the selection, the search and the filters carry over), without a word; data that
/// does not load leaves the preview and its problems in the status line.
fn loaded(app: &mut App, outcome: Result<Fresh, Vec<Problem>>) -> Option<Effect> {
    // A reload (the file changed on disk) may have brought the whole data set first.
    app.origin.loading.take()?;
    match outcome {
        Ok(fresh) => {
            // A picker opened on the preview stays open: its entries (the data set's countries,
            // people…, which the preview has whole) are the same, only its counts change.
            let same = |a: &crate::model::Timeline, b: &crate::model::Timeline| {
                (a.countries.len(), a.people.len(), a.places.len())
                    == (b.countries.len(), b.people.len(), b.places.len())
            };
            let picker = match std::mem::replace(&mut app.mode, Mode::Browse) {
                Mode::Picker(p) if same(&app.data.timeline, &fresh.timeline) => Some(p),
                other => {
                    app.mode = other;
                    None
                }
            };
            replace(app, fresh);
            if let Some(mut p) = picker {
                app.count_jobs += 1;
                p.recount(app.filter(), app.count_jobs);
                app.mode = Mode::Picker(p);
            }
            Some(Effect::Restart)
        }
        Err(problems) => {
            app.origin.failed = problems;
            None
        }
    }
}

/// Puts the new data in place of the old, carrying over what the user chose: the selected event
/// and the one read, the search, the period, and the countries, people and places (by code or
/// name: their indexes may have changed). An open picker closes, as its entries are the old ones.
fn replace(app: &mut App, fresh: Fresh) {
    let old = std::sync::Arc::clone(&app.data.timeline);
    let new = &fresh.timeline;
    let by_id = |i: usize| new.events.iter().position(|e| e.id == old.events[i].id);
    app.origin.reselect = app.selected_hit().map(|h| by_id(h.event).unwrap_or(h.event.min(new.events.len())));
    app.mode = carried_mode(std::mem::replace(&mut app.mode, Mode::Browse), &by_id);
    let filter = carried_filter(app.filter(), &old, new);
    app.shown = Shown::new(new);
    app.detail = None;
    app.criteria = Criteria::new(filter, new);
    app.data = Data { timeline: fresh.timeline, engine: fresh.engine };
    app.job = SearchJob::Wanted { generation: app.job.generation() + 1 };
}

/// The mode over new data: the reader stays on its event if it is still there.
fn carried_mode(mode: Mode, by_id: &dyn Fn(usize) -> Option<usize>) -> Mode {
    match mode {
        Mode::Reader(mut r) => match by_id(r.event) {
            Some(i) => {
                r.event = i;
                // The quotes may have changed: start at the first.
                r.citation = 0;
                r.scroll = 0;
                Mode::Reader(r)
            }
            None => Mode::Browse,
        },
        Mode::Picker(_) => Mode::Browse,
        Mode::Help { scroll, under, page, cursor } => {
            Mode::Help { scroll, page, cursor, under: Box::new(carried_mode(*under, by_id)) }
        }
        other => other,
    }
}

/// The filter over new data: each facet's values found again by name (a country by its code,
/// a person by name); those that are gone are dropped.
fn carried_filter(f: &Filter, old: &Timeline, new: &Timeline) -> Filter {
    let mut carried = f.clone();
    for facet in &crate::search::FACETS {
        *carried.chosen_mut(facet.id) =
            f.chosen(facet.id).iter().filter_map(|v| facet.carry(old, new, v)).collect();
    }
    carried
}
