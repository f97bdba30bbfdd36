//! What `update` asks the outside world to do. The event loop carries effects out (a search on
//! the worker thread, the clipboard, the mouse); in tests a `Driver` carries them out
//! synchronously, through the same incremental engine.

use crate::search::Filter;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Search for `filter`; answer with `Action::SearchDone(generation, results)`.
    Search { generation: u64, filter: Filter },
    /// Put this text on the clipboard (the terminal's OSC 52).
    Copy(String),
    /// Capture the mouse (true), or leave it to the terminal so that text can be selected.
    Mouse(bool),
    /// Count the picker's entries over the events `filter` finds; answer with
    /// `Action::CountsDone(job, results)`. Counting has its own worker, so that it and the
    /// search never cancel each other.
    Count { job: u64, filter: Filter },
    /// Write `events` (indexes into the timeline) to `path` in `format`, replacing an existing
    /// file only if `replace`; answer with `Action::Exported`.
    Export { path: std::path::PathBuf, format: crate::export::Format, events: Vec<usize>, replace: bool },
    /// Stop as job control does (Ctrl-z): give the terminal back until the shell resumes us.
    Suspend,
    /// Leave the program.
    Quit,
}
