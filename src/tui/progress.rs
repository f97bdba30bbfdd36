//! A loading percentage on standard error, for big data files when it is a terminal; keys typed
//! meanwhile are not echoed onto it (`guard::NoEcho`, which a signal also undoes). `load` and
//! `load_files` load a data set with it.

use super::guard::NoEcho;
use crate::cache::{self, Loaded, Pending};
use crate::load::{self, DataInput, LoadError};
use crate::model::Timeline;
use crate::search::{Engine, SearchIndex};
use crate::text::inert;
use std::io::{self, IsTerminal};

/// Data files bigger than this show their loading progress on a terminal.
const PROGRESS_BYTES: usize = 8 << 20;

/// Loads the data set (the built-in one without `source`) with its search engine, through the
/// index cache when `source` says so, and the cache to write when it was loaded from the files.
/// With `search` (a `list --search`, which shows only what it finds), a load from the cache
/// decodes only the events that the search may find. Without `index` (a command that runs no
/// text query) a load from the files folds no search index: the engine's is empty, and only
/// filters and empty queries may run on it. A load that writes the cache folds it all the same.
pub fn load(
    source: Option<&cache::Source>,
    search: Option<&str>,
    index: bool,
) -> Result<(Loaded, Option<Pending>), LoadError> {
    match source {
        Some(s) if let Some(dir) = cache::dir().filter(|_| s.cache) => {
            let big = std::fs::metadata(&s.data).is_ok_and(|m| m.len() >= PROGRESS_BYTES as u64);
            with(big, &s.data.display().to_string(), |progress| match search {
                Some(query) => cache::load_for_search(&dir, &s.data, s.articles.clone(), query, progress),
                None => cache::load_deferred(&dir, &s.data, s.articles.clone(), progress),
            })
        }
        _ => {
            let input = match source {
                Some(s) => DataInput::from_file(&s.data, s.articles.clone())?,
                None => DataInput::builtin(),
            };
            let big = input.text.len() >= PROGRESS_BYTES;
            let load = |progress: &mut dyn FnMut(f64)| match index {
                true => cache::load_uncached(&input, progress),
                false => without_index(&input, progress),
            };
            Ok((with(big, &input.path, load)?, None))
        }
    }
}

/// The data set from its files with an engine that has no search index (see `load`): at a
/// million events the folded text would be a third of what `list` holds.
fn without_index(input: &DataInput, progress: &mut dyn FnMut(f64)) -> Result<Loaded, LoadError> {
    let timeline = load::load_with_progress(input, progress)?;
    let engine = Engine::with_index(&timeline, SearchIndex::default());
    Ok(Loaded { timeline, engine, cache: cache::Outcome::Off })
}

/// The first `rows` events of the data set in `source` and how many it has, from a valid index
/// cache (`None`: none, or the cache is off): what the browser shows while it reads the rest.
pub fn preview(source: &cache::Source, rows: usize) -> Option<(Loaded, usize)> {
    let dir = cache::dir().filter(|_| source.cache)?;
    cache::preview(&dir, &source.data, source.articles.clone(), rows)
}

/// Loads the data set from its files, never the cache (`check` verifies the files).
pub fn load_files(input: &DataInput) -> Result<Timeline, LoadError> {
    with(input.text.len() >= PROGRESS_BYTES, &input.path, |progress| {
        load::load_with_progress(input, progress)
    })
}

struct Progress {
    shown: bool,
    path: String,
    last: i32,
    _quiet: Option<NoEcho>,
}

impl Progress {
    fn new(big: bool, path: &str) -> Self {
        let shown = big && io::stderr().is_terminal();
        let quiet = shown.then(NoEcho::start);
        // Said at once: a load from the cache reports no percentage, and is not instant either.
        if shown {
            eprint!("\rtimeline: loading {} …", inert::line(path));
        }
        Self { shown, path: path.to_string(), last: -1, _quiet: quiet }
    }

    fn show(&mut self, done: f64) {
        let pct = (done * 100.0) as i32;
        if self.shown && pct != self.last {
            self.last = pct;
            eprint!("\rtimeline: loading {} … {pct:>3}%", inert::line(&self.path));
        }
    }

    fn finish(&self) {
        if self.shown {
            eprint!("\r\x1b[2K");
        }
    }
}

/// Runs `load` (which reports how far it has got, from 0 to 1), showing its progress when the
/// file at `path` is `big` and standard error is a terminal; the line is cleared afterwards.
pub fn with<T>(big: bool, path: &str, load: impl FnOnce(&mut dyn FnMut(f64)) -> T) -> T {
    let mut progress = Progress::new(big, path);
    let result = load(&mut |done| progress.show(done));
    progress.finish();
    result
}
