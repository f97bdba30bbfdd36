//! Where the browsed data came from, for curators who edit it while they browse: the data file
//! (none for the built-in data), and why the last reading of it failed, while the last good data
//! stays on screen.

use crate::cache::Source;
use crate::model::Problem;

#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// The data file and how it is read; `None` for the built-in data, which cannot be edited.
    pub source: Option<Source>,
    /// Every problem the last reload found, each at `path:line:col`; cleared by a good reload.
    pub failed: Vec<Problem>,
    /// The event (index into the reloaded timeline) to select when the first search of reloaded
    /// data is answered.
    pub reselect: Option<usize>,
}
