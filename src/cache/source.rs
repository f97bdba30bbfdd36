//! Where a data set comes from, as the browser needs it: read it (again, after an edit or a
//! change on disk), through the index cache unless it is off, and find an event in the file.

use super::{Loaded, dir, load_uncached};
use crate::load::{self, DataInput, LoadError};
use std::path::PathBuf;

/// A data file, its articles and whether the cache is used: what `--data`, `--articles` and
/// `--no-cache` said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub data: PathBuf,
    pub articles: Option<PathBuf>,
    pub cache: bool,
}

impl Source {
    /// Loads the data set, telling `progress` how far it has got on a load from the files.
    pub fn load(&self, progress: &mut dyn FnMut(f64)) -> Result<Loaded, LoadError> {
        match dir().filter(|_| self.cache) {
            Some(d) => super::load(&d, &self.data, self.articles.clone(), progress),
            None => load_uncached(&DataInput::from_file(&self.data, self.articles.clone())?, progress),
        }
    }

    /// The `line:col` where the event `id` starts in the data file as it is now (it may have
    /// changed since it was loaded), if it is there.
    pub fn find(&self, id: &str) -> Option<(usize, usize)> {
        let bytes = load::file::read_limited(&self.data, load::file::MAX_DATA_BYTES).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        load::locate::event(&self.data.display().to_string(), &text, id)
    }
}
