//! Curators edit while they browse: the editor gets the terminal (the input thread waits, and
//! Ctrl-c is the editor's), and the data file is read again on return or when it changes.

use super::{Step, Term, Workers, carry_out, enter, guard, redraw_at, restore, start_searching, window};
use crate::app::effect::Spot;
use crate::app::{App, update};
use crate::input::Action;
use std::io;

/// Gives the terminal to the user's editor, as `suspend` does for the shell, and takes it back.
pub(super) fn edit(
    terminal: &mut Term,
    app: &App,
    workers: &Workers,
    path: &std::path::Path,
    at: &Spot,
) -> io::Result<Result<(), String>> {
    workers.input.gate.hold();
    guard::editing(true);
    restore()?;
    let outcome = crate::app::edit::run(&crate::app::edit::from_env(), app.origin.source.as_ref(), path, at);
    let back = enter(app.session.mouse);
    guard::editing(false);
    workers.input.gate.open();
    back?;
    redraw_at(terminal, window())?;
    Ok(outcome)
}

/// Reads the data file again; new data gets new search workers, and its first search runs
/// before the next frame, so that the list never shows empty in between.
pub(super) fn reload(terminal: &mut Term, app: &mut App, workers: &mut Workers) -> io::Result<Step> {
    if let Some(w) = &mut workers.watch {
        w.settle();
    }
    let outcome = crate::app::driver::reload(app);
    let fresh = outcome.is_ok();
    let effect = update(app, Action::Reloaded(outcome));
    if !fresh {
        return carry_out(terminal, app, workers, effect);
    }
    (workers.search, workers.count) = start_searching(app, effect, workers.tx.clone());
    Ok(Step::Redraw)
}
