//! The browser's world, as `app::exec` sees it: searches, counts and exports on worker
//! threads that answer through the event loop's channel, the clipboard and the mouse through
//! the terminal, job control, the user's editor (which gets the terminal while it runs: the
//! input thread waits, and Ctrl-c is the editor's), and the data file read through the index
//! cache.

use super::flood::Input;
use super::watch::Watch;
use super::{Msg, Term, enter, guard, redraw_at, restore, set_mouse, window};
use crate::app::exec::{Export, World};
use crate::app::{DataFile, Fresh, Notice};
use crate::cache::Source;
use crate::model::Problem;
use crate::search::Filter;
use crate::search::worker::{Searcher, Worker};
use crossterm::clipboard::CopyToClipboard;
use crossterm::execute;
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

/// The terminal and the threads the browser hands work to.
pub(super) struct Screen {
    pub(super) terminal: Term,
    /// The list's searches and the pickers' counts, on two threads so that neither cancels the
    /// other (new ones for reloaded data); `None` until the first search has run.
    search: Option<Worker>,
    count: Option<Worker>,
    tx: Sender<Msg>,
    /// The input thread's gate, held while an editor runs.
    pub(super) input: Arc<Input>,
    /// The data file's watch.
    pub(super) watch: Option<Watch>,
    /// The running export's stop flag.
    exporting: Option<Arc<AtomicBool>>,
}

impl Screen {
    pub(super) fn new(terminal: Term, tx: Sender<Msg>, input: Arc<Input>, watch: Option<Watch>) -> Screen {
        Screen { terminal, search: None, count: None, tx, input, watch, exporting: None }
    }

    fn answer(&self) -> impl Fn(Notice) + Send + 'static {
        let tx = self.tx.clone();
        move |notice| drop(tx.send(Msg::Notice(notice)))
    }
}

impl World for Screen {
    fn search(&mut self, generation: u64, filter: Filter) {
        if let Some(w) = &self.search {
            w.submit(generation, filter);
        }
    }

    fn count(&mut self, job: u64, filter: Filter) {
        if let Some(w) = &self.count {
            w.submit(job, filter);
        }
    }

    fn restart(&mut self, first: Searcher, counter: Searcher) {
        let (searched, counted) = (self.answer(), self.answer());
        self.search = Some(Worker::spawn(first, move |g, results| searched(Notice::Searched(g, results))));
        self.count = Some(Worker::spawn(counter, move |job, results| counted(Notice::Counted(job, results))));
    }

    fn export(&mut self, job: Export) {
        let answer = self.answer();
        let stop = Arc::new(AtomicBool::new(false));
        self.exporting = Some(Arc::clone(&stop));
        std::thread::spawn(move || {
            let cancelled = || stop.load(Ordering::Relaxed);
            let outcome = job.run(&mut |bytes| answer(Notice::ExportProgress(bytes)), &cancelled);
            answer(Notice::Exported(outcome));
        });
    }

    fn cancel_export(&mut self) {
        if let Some(stop) = self.exporting.take() {
            stop.store(true, Ordering::Relaxed);
        }
    }

    /// Through the terminal (OSC 52), which works over ssh and in tmux with `set-clipboard on`.
    /// `update` made the text inert (`text::inert::clipboard`).
    fn copy(&mut self, text: &str) -> io::Result<()> {
        execute!(io::stdout(), CopyToClipboard::to_clipboard_from(text))
    }

    fn mouse(&mut self, on: bool) -> io::Result<()> {
        set_mouse(on)
    }

    /// As a shell's job control expects (Ctrl-z, `kill -TSTP`): restores the terminal, stops,
    /// and once continued (`fg`, SIGCONT) takes the terminal again.
    fn suspend(&mut self, mouse: bool) -> io::Result<()> {
        restore()?;
        signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
        enter(mouse)?;
        redraw_at(&mut self.terminal, window())
    }

    /// As `suspend` does for the shell, gives the terminal to the editor and takes it back.
    fn edit(&mut self, path: &Path, at: (usize, usize), mouse: bool) -> io::Result<Result<(), String>> {
        self.input.gate.hold();
        guard::editing(true);
        restore()?;
        let outcome = crate::app::edit::run(&crate::app::edit::from_env(), path, at);
        let back = enter(mouse);
        guard::editing(false);
        self.input.gate.open();
        back?;
        redraw_at(&mut self.terminal, window())?;
        Ok(outcome)
    }

    fn load(&mut self, source: Arc<dyn DataFile>) {
        let answer = self.answer();
        std::thread::spawn(move || answer(Notice::Loaded(source.load())));
    }

    fn reading(&mut self) {
        if let Some(w) = &mut self.watch {
            w.settle();
        }
    }

    fn size(&mut self) -> Option<(u16, u16)> {
        let area = window();
        Some((area.width, area.height))
    }
}

/// The data file, read through the index cache as at start-up.
impl DataFile for Source {
    fn path(&self) -> &Path {
        &self.data
    }

    fn load(&self) -> Result<Fresh, Vec<Problem>> {
        Source::load(self, &mut |_| {}).map(|l| Fresh::new(l.timeline, l.engine)).map_err(|e| e.problems)
    }

    fn find(&self, id: &str) -> Option<(usize, usize)> {
        Source::find(self, id)
    }
}
