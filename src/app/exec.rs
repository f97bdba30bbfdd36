//! Carrying out `update`'s effects: the one exhaustive `match` over `Effect`, used by the
//! browser's event loop (`tui`) and by tests and benchmarks (`Driver`). What differs between
//! the two is the world outside, behind `World`: the terminal, the clipboard, the editor, the
//! file system, and the threads that searches, counts and exports run on (the browser's answer
//! later, as `Notice`s through its channel; a test's answer at once, into a queue).

use super::effect::Spot;
use super::{App, DataFile, Effect, Notice, receive};
use crate::search::Filter;
use crate::search::worker::Searcher;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the outside world does for the browser.
pub trait World {
    /// Runs a search; its answer comes back as `Notice::Searched(generation, …)`.
    fn search(&mut self, generation: u64, filter: Filter);
    /// Runs a picker's count search; its answer comes back as `Notice::Counted(job, …)`.
    fn count(&mut self, job: u64, filter: Filter);
    /// New data: searches and counts run on it from now on, `first` (which has answered the
    /// first search already) narrowing the next ones.
    fn restart(&mut self, first: Searcher, counter: Searcher);
    /// Runs an export (`Export::run`); its answer comes back as `Notice::Exported`, and its
    /// progress as `Notice::ExportProgress`.
    fn export(&mut self, job: Export);
    /// Stops the export running, if one is: it answers `Notice::Exported` with an error.
    fn cancel_export(&mut self);
    /// Puts text on the clipboard.
    fn copy(&mut self, text: &str) -> io::Result<()>;
    /// Captures the mouse, or leaves it to the terminal.
    fn mouse(&mut self, on: bool) -> io::Result<()>;
    /// Stops as job control does, until continued (`mouse`: whether to capture it again then).
    fn suspend(&mut self, mouse: bool) -> io::Result<()>;
    /// Gives the terminal to the user's editor on `path` at `line:col`, and takes it back:
    /// `Ok(Err(why))` when the editor did not run well.
    fn edit(&mut self, path: &Path, at: (usize, usize), mouse: bool) -> io::Result<Result<(), String>>;
    /// Reads the whole data set from `source` (the browser shows a preview meanwhile); the
    /// answer comes back as `Notice::Loaded`.
    fn load(&mut self, source: Arc<dyn DataFile>);
    /// The data file is about to be read again (changes from now on are new ones).
    fn reading(&mut self) {}
    /// The terminal's size now, if the world has a terminal.
    fn size(&mut self) -> Option<(u16, u16)>;
}

/// An export to run: the shown events (indexes into `timeline`) to `path` in `format`.
pub struct Export {
    pub timeline: Arc<crate::model::Timeline>,
    pub events: Vec<usize>,
    pub format: crate::export::Format,
    pub path: PathBuf,
    pub replace: bool,
}

impl Export {
    /// Writes the file, telling `progress` the bytes written now and then, and writing nothing
    /// once `cancelled()`: what to tell the user, or why nothing was written.
    pub fn run(
        &self,
        progress: &mut dyn FnMut(usize),
        cancelled: &dyn Fn() -> bool,
    ) -> Result<crate::export::Written, String> {
        let watch = crate::export::Watch { progress, cancelled };
        let at = (self.path.as_path(), self.replace);
        crate::export::to_file_watched(&self.timeline, &self.events, self.format, at, watch)
            .map_err(|e| e.to_string())
    }
}

/// What the browser does after an effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Go,
    Quit,
}

/// Carries out `effect` and whatever it leads to at once (an edit leads to a reload, a reload
/// to a search); answers that take time come back later as `Notice`s.
pub fn carry_out(app: &mut App, world: &mut impl World, mut effect: Option<Effect>) -> io::Result<Flow> {
    while let Some(e) = effect.take() {
        effect = match e {
            Effect::Search { generation, filter } => {
                world.search(generation, filter);
                None
            }
            Effect::Count { job, filter } => {
                world.count(job, filter);
                None
            }
            Effect::Export { path, format, events, replace } => {
                let timeline = Arc::clone(&app.data.timeline);
                world.export(Export { timeline, events, format, path, replace });
                None
            }
            Effect::CancelExport => {
                world.cancel_export();
                None
            }
            Effect::Copy(text) => world.copy(&text).map(|()| None)?,
            Effect::Mouse(on) => world.mouse(on).map(|()| None)?,
            Effect::Suspend => {
                world.suspend(app.session.mouse)?;
                resized(app, world)
            }
            Effect::Edit { path, at } => {
                let at = match at {
                    Spot::At { line, col } => (line, col),
                    Spot::Event(id) => app.origin.source.as_ref().and_then(|s| s.find(&id)).unwrap_or((1, 1)),
                };
                let outcome = world.edit(&path, at, app.session.mouse)?;
                let _ = resized(app, world);
                receive(app, Notice::Edited(outcome))
            }
            Effect::Reload => reload(app, world),
            Effect::Restart => {
                let search = app.take_search();
                fresh_start(app, world, search)
            }
            Effect::Quit => return Ok(Flow::Quit),
        };
    }
    Ok(Flow::Go)
}

/// The first effect of a browser (`App::new`'s): its search runs here, so that the first frame
/// already shows the events, and the world's workers start on the data. A browser opened on a
/// preview starts reading the whole data set.
pub fn start(app: &mut App, world: &mut impl World, first: Effect) -> io::Result<Flow> {
    let next = fresh_start(app, world, Some(first));
    if let (Some(_), Some(source)) = (app.origin.loading, &app.origin.source) {
        world.load(Arc::clone(source));
    }
    carry_out(app, world, next)
}

/// After the terminal was given away and taken back: its size may have changed meanwhile.
fn resized(app: &mut App, world: &mut impl World) -> Option<Effect> {
    let (width, height) = world.size()?;
    receive(app, Notice::Resized { width, height })
}

/// Reads the data file again; new data gets new workers, and its first search runs before the
/// next frame, so that the list never shows empty in between (`Effect::Restart`).
fn reload(app: &mut App, world: &mut impl World) -> Option<Effect> {
    world.reading();
    let outcome = match &app.origin.source {
        Some(source) => source.load(),
        None => Err(Vec::new()),
    };
    receive(app, Notice::Reloaded(outcome))
}

/// Runs `effect`'s search, if it is one, on the data `app` has now, and starts the world's
/// workers from there.
fn fresh_start(app: &mut App, world: &mut impl World, effect: Option<Effect>) -> Option<Effect> {
    let searcher = || Searcher::new(Arc::clone(&app.data.timeline), Arc::clone(&app.data.engine));
    let (mut first, counter) = (searcher(), searcher());
    let next = match effect {
        Some(Effect::Search { generation, filter }) => {
            let results = first.search(&filter, &|| false);
            results.and_then(|r| receive(app, Notice::Searched(generation, r)))
        }
        other => other,
    };
    world.restart(first, counter);
    next
}
