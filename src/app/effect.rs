//! What `update` asks the outside world to do. `exec::carry_out` carries effects out, for the
//! event loop (a search on a worker thread, the clipboard, the mouse) and for tests (`Driver`,
//! synchronously, through the same incremental engine) alike.

use crate::search::Filter;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Search for `filter`; answer with `Notice::Searched(generation, results)`.
    Search { generation: u64, filter: Filter },
    /// Put this text on the clipboard (the terminal's OSC 52).
    Copy(String),
    /// Capture the mouse (true), or leave it to the terminal so that text can be selected.
    Mouse(bool),
    /// Count the picker's entries over the events `filter` finds; answer with
    /// `Notice::Counted(job, results)`. Counting has its own worker, so that it and the
    /// search never cancel each other.
    Count { job: u64, filter: Filter },
    /// Write `events` (indexes into the timeline) to `path` in `format`, replacing an existing
    /// file only if `replace`, off the input thread; answer with `Notice::ExportProgress` now and
    /// then and `Notice::Exported` at the end.
    Export { path: std::path::PathBuf, format: crate::export::Format, events: Vec<usize>, replace: bool },
    /// Stop the export running: it writes nothing; answer with `Notice::Exported`.
    CancelExport,
    /// Stop as job control does (Ctrl-z): give the terminal back until the shell resumes us.
    Suspend,
    /// Give the terminal to the user's editor on `path` at `at`, as `Suspend` does, and take it
    /// back when the editor returns; answer with `Notice::Edited`.
    Edit { path: std::path::PathBuf, at: Spot },
    /// Read the data file again; answer with `Notice::Reloaded`.
    Reload,
    /// The data changed (reloaded, or loaded whole after a preview): search it, and start the
    /// workers on it.
    Restart,
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
