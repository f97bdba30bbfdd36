//! One thing wrong with the input, at a position in a file: what the loader reports, and what
//! the browser shows when a data file it reloads has gone wrong.

use crate::text::inert;
use std::fmt;

/// One thing wrong with the input, at a position in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (file, message) = (inert::line(&self.file), inert::line(&self.message));
        write!(f, "{file}:{}:{}: {message}", self.line, self.col)
    }
}
