//! The test world: `update`'s effects carried out by the same executor as the browser's
//! (`exec`), with searches, counts and exports run at once on the calling thread (through the
//! same incremental `Searcher` the browser's workers use) and the terminal's part recorded
//! instead of done. Tests and benchmarks drive the browser through it.

use super::exec::{self, Export, Flow, World};
use super::{Action, App, DataFile, Effect, Notice, receive, update};
use crate::model::Timeline;
use crate::search::Filter;
use crate::search::worker::Searcher;
use std::collections::VecDeque;
use std::io;
use std::path::Path;
use std::sync::Arc;

pub struct Driver {
    searcher: Searcher,
    /// The pickers' counts, as the browser's second worker does them.
    counter: Searcher,
    /// Answers not yet given to `receive`.
    queue: VecDeque<Notice>,
    /// The editor `Effect::Edit` runs (as `$EDITOR` would say it); with none, the edit is taken
    /// as done and the data is read again.
    pub editor: Option<String>,
    /// What was put on the clipboard, oldest first.
    pub clipboard: Vec<String>,
    /// Whether the mouse is captured, once an effect said.
    pub mouse: Option<bool>,
    /// How many times the browser was suspended.
    pub suspended: usize,
    /// Exports wait here instead of running at once (as on the browser's worker, which the
    /// browser does not wait for), until `finish_exports`.
    pub hold_exports: bool,
    held: Vec<(Export, bool)>,
    /// The whole data set of a browser opened on a preview waits here instead of being read at
    /// once (as on the browser's worker), until `finish_loading`.
    pub hold_loading: bool,
    loading: Vec<Arc<dyn DataFile>>,
}

impl Driver {
    /// A browser on `timeline` with `filter` applied and its first search done.
    pub fn start(timeline: Timeline, filter: Filter, width: u16, height: u16) -> (App, Driver) {
        let (mut app, effect) = App::new(timeline, filter, width, height);
        let driver = Driver::launch(&mut app, effect, false);
        (app, driver)
    }

    /// Starts a browser made by `App::open` or `App::new` with its first effect, as the event
    /// loop does; with `hold_loading`, the whole data set behind a preview is not read until
    /// `finish_loading`.
    pub fn launch(app: &mut App, first: Effect, hold_loading: bool) -> Driver {
        let mut driver = Driver::new(app);
        driver.hold_loading = hold_loading;
        driver.run(app, |app, world| exec::start(app, world, first));
        driver
    }

    /// An executor for `app`'s effects (start with the one `App::new` answered).
    pub fn new(app: &App) -> Driver {
        let searcher = || Searcher::new(Arc::clone(&app.data.timeline), Arc::clone(&app.data.engine));
        Driver {
            searcher: searcher(),
            counter: searcher(),
            queue: VecDeque::new(),
            editor: None,
            clipboard: Vec::new(),
            mouse: None,
            suspended: 0,
            hold_exports: false,
            held: Vec::new(),
            hold_loading: false,
            loading: Vec::new(),
        }
    }

    /// Applies an action and carries out what it asks for; `Some(Effect::Quit)` if it quits.
    pub fn apply(&mut self, app: &mut App, action: Action) -> Option<Effect> {
        let effect = update(app, action);
        self.carry_out(app, effect)
    }

    /// Gives `app` an answer from outside (a new size, a search's results) and carries out what
    /// it asks for.
    pub fn notify(&mut self, app: &mut App, notice: Notice) -> Option<Effect> {
        let effect = receive(app, notice);
        self.carry_out(app, effect)
    }

    /// Carries out an effect, and what the answers to it ask for, until nothing is left to do;
    /// `Some(Effect::Quit)` if the browser quits.
    pub fn carry_out(&mut self, app: &mut App, effect: Option<Effect>) -> Option<Effect> {
        self.run(app, |app, world| exec::carry_out(app, world, effect))
    }

    /// Runs the exports held back (`hold_exports`), cancelled or not, as their worker would.
    pub fn finish_exports(&mut self, app: &mut App) -> Option<Effect> {
        for (job, cancelled) in std::mem::take(&mut self.held) {
            self.run_export(&job, cancelled);
        }
        self.carry_out(app, None)
    }

    /// Reads the data sets held back (`hold_loading`), as the browser's worker would.
    pub fn finish_loading(&mut self, app: &mut App) -> Option<Effect> {
        for source in std::mem::take(&mut self.loading) {
            self.queue.push_back(Notice::Loaded(source.load()));
        }
        self.carry_out(app, None)
    }

    fn run_export(&mut self, job: &Export, cancelled: bool) {
        let mut progress = Vec::new();
        let outcome = job.run(&mut |bytes| progress.push(Notice::ExportProgress(bytes)), &|| cancelled);
        self.queue.extend(progress);
        self.queue.push_back(Notice::Exported(outcome));
    }

    fn run(
        &mut self,
        app: &mut App,
        first: impl FnOnce(&mut App, &mut Self) -> io::Result<Flow>,
    ) -> Option<Effect> {
        // The test world's I/O never fails: it only records.
        let mut flow = first(app, self).unwrap_or(Flow::Go);
        while flow == Flow::Go
            && let Some(notice) = self.queue.pop_front()
        {
            let effect = receive(app, notice);
            flow = exec::carry_out(app, self, effect).unwrap_or(Flow::Go);
        }
        (flow == Flow::Quit).then_some(Effect::Quit)
    }
}

impl World for Driver {
    fn search(&mut self, generation: u64, filter: Filter) {
        let results = self.searcher.search(&filter, &|| false).unwrap_or_default();
        self.queue.push_back(Notice::Searched(generation, results));
    }

    fn count(&mut self, job: u64, filter: Filter) {
        let results = self.counter.search(&filter, &|| false).unwrap_or_default();
        self.queue.push_back(Notice::Counted(job, results));
    }

    fn restart(&mut self, first: Searcher, counter: Searcher) {
        (self.searcher, self.counter) = (first, counter);
    }

    fn export(&mut self, job: Export) {
        if self.hold_exports {
            self.held.push((job, false));
        } else {
            self.run_export(&job, false);
        }
    }

    fn cancel_export(&mut self) {
        for (_, cancelled) in &mut self.held {
            *cancelled = true;
        }
    }

    fn load(&mut self, source: Arc<dyn DataFile>) {
        if self.hold_loading {
            self.loading.push(source);
        } else {
            self.queue.push_back(Notice::Loaded(source.load()));
        }
    }

    fn copy(&mut self, text: &str) -> io::Result<()> {
        self.clipboard.push(text.to_string());
        Ok(())
    }

    fn mouse(&mut self, on: bool) -> io::Result<()> {
        self.mouse = Some(on);
        Ok(())
    }

    fn suspend(&mut self, _mouse: bool) -> io::Result<()> {
        self.suspended += 1;
        Ok(())
    }

    fn edit(&mut self, path: &Path, at: (usize, usize), _mouse: bool) -> io::Result<Result<(), String>> {
        Ok(match &self.editor {
            Some(editor) => super::edit::run(editor, path, at),
            None => Ok(()),
        })
    }

    fn size(&mut self) -> Option<(u16, u16)> {
        None
    }
}
