//! What the outside world tells the browser: a worker's answer, the editor's return, the data
//! file read again, the terminal's new size. These are not the user's intents (those are
//! `Action`s), as gitui keeps its async notifications apart from its key handling;
//! `update::receive` applies them.

use crate::model::{Problem, Timeline};
use crate::search::{Engine, Results};
use std::sync::Arc;

/// One answer from the world outside `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A search finished: its generation and its results.
    Searched(u64, Results),
    /// A picker's count search finished: its number and its results.
    Counted(u64, Results),
    /// An export has written this many bytes so far.
    ExportProgress(usize),
    /// An export finished: what to tell the user, or why nothing was written.
    Exported(Result<crate::export::Written, String>),
    /// The editor returned: `Ok` when it exited well, else why it could not run or what it said.
    Edited(Result<(), String>),
    /// The data file was read again (after an edit, or a change on disk): the new data, or every
    /// problem found in it, each at `path:line:col`.
    Reloaded(Result<Fresh, Vec<Problem>>),
    /// The whole data set, read on a worker while the browser showed a preview (see
    /// `Opening::loading`), or every problem found in it.
    Loaded(Result<Fresh, Vec<Problem>>),
    /// The terminal now has this size.
    Resized { width: u16, height: u16 },
    /// Keys came faster than they could be handled, and this many were dropped.
    InputDropped(usize),
}

/// A data set read anew, shared as the browser shares its data with the search workers.
#[derive(Clone)]
pub struct Fresh {
    pub timeline: Arc<Timeline>,
    pub engine: Arc<Engine>,
}

impl Fresh {
    pub fn new(timeline: Timeline, engine: Engine) -> Fresh {
        Fresh { timeline: Arc::new(timeline), engine: Arc::new(engine) }
    }
}

/// The same data set, not an equal one: comparing two data sets whole would cost a walk of both.
impl PartialEq for Fresh {
    fn eq(&self, other: &Fresh) -> bool {
        Arc::ptr_eq(&self.timeline, &other.timeline) && Arc::ptr_eq(&self.engine, &other.engine)
    }
}

impl Eq for Fresh {}

impl std::fmt::Debug for Fresh {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Fresh({} events)", self.timeline.events.len())
    }
}
