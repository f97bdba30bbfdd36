//! A loading percentage on standard error, for big data files when it is a terminal; keys typed
//! meanwhile are not echoed onto it (`guard::NoEcho`, which a signal also undoes).

use super::guard::NoEcho;
use crate::text::inert;
use std::io::{self, IsTerminal};

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
