//! The markwhen notation, shared by its reader (`load::markwhen`) and writer
//! (`export::markwhen`): its date forms and how they become our dates, the markup it takes out
//! of an event's text, and the lines that are structure rather than text.

pub mod date;
pub mod resolve;
pub mod text;
pub mod zone;

use regex::Regex;
use std::sync::LazyLock;

fn re(s: &str) -> Regex {
    Regex::new(s).unwrap_or_else(|e| panic!("bad built-in pattern {s}: {e}"))
}

/// The id an event without an `!id` is given: its title's slug and its start's year (`x-2020`,
/// `x-500bce`). The reader adds `-2`, `-3` … to one already taken; the writer leaves out an `!id`
/// that the reader would make again.
pub fn made_id(title: &str, date: &crate::model::PartialDate) -> String {
    let y = i128::from(date.year_value());
    let year = if y > 0 { y.to_string() } else { format!("{}bce", 1 - y) };
    format!("{}-{year}", crate::text::fold::slug(title))
}

/// `# Heading` … `###### Heading`: a section (markwhen 1.x).
pub static HEADING: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(#{1,6})\s+(.*)$"));
/// `group Name`, `section Name` (markwhen 0.x).
pub static GROUP: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(?:group|section)(?:\s+(.*))?$"));
/// `endGroup`, `endSection`.
pub static END_GROUP: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*end(?:group|section)\s*$"));

/// Splits an event line into its date and the text after the colon: the longest part before a
/// colon that reads as a date wins, so that `Nov 11 02:30: x` keeps its time.
pub fn event_line(line: &str, day_first: bool) -> Option<(date::Written, usize)> {
    let t = line.trim_start();
    if t.starts_with('#') || t.starts_with("//") {
        return None;
    }
    let colons: Vec<usize> = line.match_indices(':').map(|(i, _)| i).collect();
    colons.into_iter().rev().find_map(|at| date::written(&line[..at], day_first).map(|w| (w, at + 1)))
}

/// Would markwhen read this line as something other than description text?
pub fn is_structure(line: &str) -> bool {
    let t = line.trim();
    HEADING.is_match(line) || t.starts_with("//") || GROUP.is_match(t) || END_GROUP.is_match(t) || t == "---"
}
