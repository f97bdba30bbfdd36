//! Carries out `update`'s effects synchronously, through the same incremental `Searcher` the
//! browser's worker thread uses: the executor of tests and benchmarks. The browser's event loop
//! (`tui`) carries them out asynchronously instead.

use super::{Action, App, Effect, update};
use crate::model::Timeline;
use crate::search::Filter;
use crate::search::worker::Searcher;
use std::sync::Arc;

pub struct Driver {
    searcher: Searcher,
    /// The pickers' counts, as the browser's second worker does them.
    counter: Searcher,
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
        Driver { searcher: searcher(), counter: searcher() }
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
                other => return other,
            };
            effect = update(app, action);
        }
    }
}
