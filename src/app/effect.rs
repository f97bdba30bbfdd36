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
    /// Give the terminal to the user's editor on `path` at `at`, as `Suspend` does, and take it
    /// back when the editor returns; answer with `Action::Edited`.
    Edit { path: std::path::PathBuf, at: Spot },
    /// Read the data file again; answer with `Action::Reloaded`.
    Reload,
    /// Leave the program.
    Quit,
}

/// Where in a file an editor opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spot {
    /// Where this event (by id) starts in the data file as it is when the editor opens.
    Event(String),
    /// A 1-based line and column (of a problem found on reloading).
    At { line: usize, col: usize },
}
