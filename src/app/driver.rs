//! Carries out `update`'s effects synchronously, through the same incremental `Searcher` the
//! browser's worker thread uses: the executor of tests and benchmarks. The browser's event loop
//! (`tui`) carries them out asynchronously instead.

use super::{Action, App, Effect, update};
use crate::model::Timeline;
use crate::search::Filter;
use crate::search::worker::Searcher;
use std::sync::Arc;

/// Reads the data file again, as the browser does after an edit or a change on disk.
pub fn reload(app: &App) -> Result<crate::input::action::Fresh, Vec<crate::model::Problem>> {
    let Some(source) = &app.origin.source else { return Err(Vec::new()) };
    source
        .load(&mut |_| {})
        .map(|l| crate::input::action::Fresh::new(l.timeline, l.engine))
        .map_err(|e| e.problems)
}

pub struct Driver {
    searcher: Searcher,
    /// The pickers' counts, as the browser's second worker does them.
    counter: Searcher,
    /// The editor `Effect::Edit` runs (as `$EDITOR` would say it); with none, the edit is taken
    /// as done and the data is read again.
    pub editor: Option<String>,
}

impl Driver {
    /// A browser on `timeline` with `filter` applied and its first search done.
    pub fn start(timeline: Timeline, filter: Filter, width: u16, height: u16) -> (App, Driver) {
        let (mut app, effect) = App::new(timeline, filter, width, height);
        let mut driver = Driver::new(&app);
        driver.carry_out(&mut app, Some(effect));
        (app, driver)
    }

    /// An executor for `app`'s effects (start with the one `App::new` answered).
    pub fn new(app: &App) -> Driver {
        let searcher = || Searcher::new(Arc::clone(&app.data.timeline), Arc::clone(&app.data.engine));
        Driver { searcher: searcher(), counter: searcher(), editor: None }
    }

    /// Applies an action and carries out what it asks for; `Some(Effect::Quit)` if it quits.
    pub fn apply(&mut self, app: &mut App, action: Action) -> Option<Effect> {
        let effect = update(app, action);
        self.carry_out(app, effect)
    }

    /// Carries out an effect: searches (and shows the results) until nothing is left but,
    /// perhaps, quitting.
    pub fn carry_out(&mut self, app: &mut App, mut effect: Option<Effect>) -> Option<Effect> {
        loop {
            let action = match effect {
                Some(Effect::Search { generation, filter }) => Action::SearchDone(
                    generation,
                    self.searcher.search(&filter, &|| false).unwrap_or_default(),
                ),
                Some(Effect::Count { job, filter }) => {
                    Action::CountsDone(job, self.counter.search(&filter, &|| false).unwrap_or_default())
                }
                Some(Effect::Export { path, format, events, replace }) => Action::Exported(
                    crate::export::to_file(&app.data.timeline, &events, format, &path, replace),
                ),
                Some(Effect::Edit { path, at }) => Action::Edited(match &self.editor {
                    Some(editor) => super::edit::run(editor, app.origin.source.as_ref(), &path, &at),
                    None => Ok(()),
                }),
                Some(Effect::Reload) => Action::Reloaded(reload(app)),
                other => return other,
            };
            let reloaded = matches!(action, Action::Reloaded(Ok(_)));
            effect = update(app, action);
            if reloaded {
                // New data: searches run on it from now on.
                let editor = self.editor.take();
                *self = Driver { editor, ..Driver::new(app) };
            }
        }
    }
}
