//! The loader: reads a data set and its articles, checks everything, and builds the sorted
//! `Timeline`. It never stops at the first problem: all of them come back, each with its
//! `path:line:col`.

pub mod articles;
mod build;
#[cfg(test)]
mod cap_tests;
mod fields;
pub mod file;
pub mod json;
pub mod jsonl;
pub mod locate;
pub mod markwhen;
mod problem;
mod quotes;
pub mod sniff;
pub mod tjs;

pub use articles::{ArticleKey, ArticleStore};
pub use fields::{MAX_EVENTS, MAX_KEPT};
pub use problem::{LoadError, MAX_SHOWN, Problem, did_you_mean};

use crate::model::Timeline;
use std::path::{Path, PathBuf};

/// The built-in data set, embedded in the binary.
pub const BUILTIN_DATA: &str = include_str!("../../assets/timeline.json");
pub const BUILTIN_DATA_PATH: &str = "assets/timeline.json";

/// A data set to load: its text, the name to show in messages, and where its articles are.
#[derive(Debug, Clone)]
pub struct DataInput {
    pub path: String,
    pub text: String,
    pub articles: ArticleStore,
}

impl DataInput {
    pub fn builtin() -> Self {
        Self { path: BUILTIN_DATA_PATH.into(), text: BUILTIN_DATA.into(), articles: ArticleStore::Builtin }
    }

    /// Reads a data file; its articles are next to it unless `seeds` says otherwise.
    pub fn from_file(path: &Path, articles: Option<PathBuf>) -> Result<Self, LoadError> {
        let shown = path.display().to_string();
        let fail =
            |message: String| LoadError::one(Problem { file: shown.clone(), line: 1, col: 1, message });
        if path == Path::new("-") {
            // A data file is read whole and read again on a change (`E`, reload): a pipe cannot be.
            return Err(fail("a data set is not read from standard input; save it to a file first".into()));
        }
        let bytes = file::read_limited(path, file::MAX_DATA_BYTES)
            .map_err(|e| fail(format!("cannot read the data file: {e}")))?;
        // A file that cannot be a data set is refused before it is parsed.
        sniff::sniff(&shown, path, &bytes).map_err(LoadError::one)?;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let good = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
                let (line, col) = json::LineIndex::new(&good).line_col(at);
                return Err(LoadError::one(Problem {
                    file: shown,
                    line,
                    col,
                    message: "the data file is not valid UTF-8; save it as UTF-8".into(),
                }));
            }
        };
        let dir = articles.unwrap_or_else(|| default_seeds_dir(path));
        Ok(Self { path: shown, text, articles: ArticleStore::Dir(dir) })
    }
}

/// Where a data file's articles are when `--articles` does not say: next to it.
pub fn default_seeds_dir(data: &Path) -> PathBuf {
    data.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf()
}

/// Loads, checks and sorts a data set.
pub fn load(input: &DataInput) -> Result<Timeline, LoadError> {
    build::build(input, json::Split::all_cores(), &mut |_| {}).map(|(t, _)| t)
}

/// `load`, telling `progress` now and then how much of the file has been read (0.0 to 1.0).
pub fn load_with_progress(input: &DataInput, progress: &mut dyn FnMut(f64)) -> Result<Timeline, LoadError> {
    build::build(input, json::Split::all_cores(), progress).map(|(t, _)| t)
}

/// `load_with_progress`, also returning the key of each source's article as it was read and
/// verified (parallel to `Timeline::sources`), for the index cache.
pub fn load_keyed(
    input: &DataInput,
    progress: &mut dyn FnMut(f64),
) -> Result<(Timeline, Vec<ArticleKey>), LoadError> {
    build::build(input, json::Split::all_cores(), progress)
}

/// `load`, with the items of large arrays parsed as `split` says: `Split::ONE_THREAD` is the
/// reference that the parallel load is tested against.
pub fn load_split(input: &DataInput, split: json::Split) -> Result<Timeline, LoadError> {
    build::build(input, split, &mut |_| {}).map(|(t, _)| t)
}

/// Loads the built-in data set.
pub fn load_builtin() -> Result<Timeline, LoadError> {
    load(&DataInput::builtin())
}
