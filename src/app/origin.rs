//! Where the browsed data came from, for curators who edit it while they browse: the data file
//! (none for the built-in data), and why the last reading of it failed, while the last good data
//! stays on screen.

use super::notice::Fresh;
use crate::model::Problem;
use std::path::Path;
use std::sync::Arc;

/// The data file as the file system has it: read again, and searched for where an event starts.
/// The browser's is `cache::Source` (made one in `tui`); a test may bring its own.
pub trait DataFile: Send + Sync {
    /// The data file's path, which the editor opens.
    fn path(&self) -> &Path;
    /// Reads the data set again: the new data, or every problem found in it.
    fn load(&self) -> Result<Fresh, Vec<Problem>>;
    /// The `line:col` where the event `id` starts in the file as it is now, if it is there.
    fn find(&self, id: &str) -> Option<(usize, usize)>;
}

#[derive(Clone, Default)]
pub struct Origin {
    /// The data file; `None` for the built-in data, which cannot be edited.
    pub source: Option<Arc<dyn DataFile>>,
    /// Every problem the last reload found, each at `path:line:col`; cleared by a good reload.
    pub failed: Vec<Problem>,
    /// The event (index into the reloaded timeline) to select when the first search of reloaded
    /// data is answered.
    pub reselect: Option<usize>,
    /// While the browser shows a preview, how many events the whole data set has: it is being
    /// read (`Notice::Loaded` brings it).
    pub loading: Option<usize>,
}

impl std::fmt::Debug for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Origin")
            .field("source", &self.source.as_ref().map(|s| s.path().to_path_buf()))
            .field("failed", &self.failed)
            .field("reselect", &self.reselect)
            .field("loading", &self.loading)
            .finish()
    }
}
