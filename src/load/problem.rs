//! Load problems: every one carries the file and the `line:col` it is about. Printed, they are
//! inert (values quoted from the data cannot reach the terminal as control sequences) and bounded
//! (the first [`MAX_SHOWN`], then a count), as compilers do.

use std::collections::HashMap;
use std::fmt;

/// How many problems a `LoadError` prints before it only counts the rest.
pub const MAX_SHOWN: usize = 200;

pub use crate::model::Problem;

/// Everything wrong with a data set, found in one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub problems: Vec<Problem>,
    /// How many more problems were found than are in `problems` (past `MAX_KEPT`).
    pub unlisted: usize,
    /// The warnings found with them (`path:line:col: warning: …`), which `Display` leaves out:
    /// the command line says them after the errors, so that one run finds everything.
    pub warnings: Vec<String>,
}

impl LoadError {
    /// An error of one problem.
    pub fn one(problem: Problem) -> Self {
        LoadError { problems: vec![problem], unlisted: 0, warnings: Vec::new() }
    }

    /// How many problems were found, listed or not.
    pub fn total(&self) -> usize {
        self.problems.len() + self.unlisted
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().take(MAX_SHOWN).enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        match self.total().saturating_sub(MAX_SHOWN) {
            0 => Ok(()),
            1 => write!(f, "\n… and 1 more problem; fix these and run `timeline check` again"),
            n => write!(f, "\n… and {n} more problems; fix these and run `timeline check` again"),
        }
    }
}

impl std::error::Error for LoadError {}

/// Suggests the closest of `known` to a misspelt `name`, if one is close.
pub fn did_you_mean<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let name_chars: Vec<char> = name.chars().collect();
    let mut k_chars = Vec::new();
    known
        .iter()
        .filter_map(|k| {
            k_chars.clear();
            k_chars.extend(k.chars());
            bounded_distance(&name_chars, &k_chars, (k.len() / 3).max(1)).map(|d| (d, *k))
        })
        // On a tie, a name that starts the same: `knd` is `kind`, not `end`.
        .min_by_key(|&(d, k)| (d, k.chars().next() != name.chars().next(), k))
        .map(|(_, k)| k)
}

/// `did_you_mean` over a fixed list, remembering the answer for each name asked, so that one
/// mistake repeated in every event costs one search over the list, not one per event. Only the
/// first `MAX_SHOWN` distinct names get a suggestion: no more problems than that are printed,
/// and a different misspelling in each of 100,000 events would otherwise cost 100,000 searches.
pub struct Suggestions {
    known: Vec<String>,
    answers: HashMap<String, Option<usize>>,
}

impl Suggestions {
    pub fn new(known: Vec<String>) -> Self {
        Self { known, answers: HashMap::new() }
    }

    pub fn get(&mut self, name: &str) -> Option<&str> {
        if !self.answers.contains_key(name) {
            if self.answers.len() >= MAX_SHOWN {
                return None;
            }
            let known: Vec<&str> = self.known.iter().map(String::as_str).collect();
            let found = did_you_mean(name, &known).and_then(|k| known.iter().position(|n| *n == k));
            self.answers.insert(name.to_string(), found);
        }
        self.answers[name].map(|i| self.known[i].as_str())
    }
}

/// The edit distance between `a` and `b` if it is at most `max`. Stops as soon as it must be
/// more: most names asked about are far from most known ones, and there may be thousands.
fn bounded_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        let mut least = row[0];
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            least = least.min(row[j + 1]);
            prev = cur;
        }
        if least > max {
            return None;
        }
    }
    Some(row[b.len()]).filter(|&d| d <= max)
}

/// A text as a message quotes it: in backticks, its first 40 characters and `…` if there is more.
pub fn excerpt(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((cut, _)) => format!("`{}…`", &s[..cut]),
        None => format!("`{s}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let known = ["title", "title_vi", "summary", "sources"];
        assert_eq!(did_you_mean("tittle", &known), Some("title"));
        assert_eq!(did_you_mean("sumary", &known), Some("summary"));
        assert_eq!(did_you_mean("colour", &known), None);
        assert_eq!(did_you_mean("knd", &["end", "kind"]), Some("kind"));
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(bounded_distance(&chars("Đại hội"), &chars("Dai hoi"), 3), Some(3));
        assert_eq!(bounded_distance(&chars("Đại hội"), &chars("Dai hoi"), 2), None);
        assert_eq!(bounded_distance(&chars("a000123.tx"), &chars("a000123.txt"), 1), Some(1));
        assert_eq!(bounded_distance(&chars(""), &chars("ab"), 2), Some(2));
        let mut cached = Suggestions::new(known.iter().map(|k| k.to_string()).collect());
        assert_eq!(cached.get("tittle"), Some("title"));
        assert_eq!(cached.get("tittle"), Some("title"));
        assert_eq!(cached.get("colour"), None);
        for i in 0..MAX_SHOWN {
            cached.get(&format!("name{i}"));
        }
        // Past the budget of distinct names: no more searching.
        assert_eq!(cached.get("sumary"), None);
        assert_eq!(cached.get("tittle"), Some("title"));
    }

    #[test]
    fn printing_is_inert_and_bounded() {
        let p = |i: usize| Problem {
            file: "d\u{1b}.json".into(),
            line: i,
            col: 1,
            message: format!("bad `\u{1b}]0;x\u{7}` {i}"),
        };
        let e =
            LoadError { problems: (1..=MAX_SHOWN + 5).map(p).collect(), unlisted: 0, warnings: Vec::new() };
        let shown = e.to_string();
        assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{shown:?}");
        assert_eq!(shown.lines().count(), MAX_SHOWN + 1);
        assert!(shown.starts_with("d\\u{1b}.json:1:1: bad `\\u{1b}]0;x\\u{7}` 1\n"), "{shown}");
        assert!(
            shown.ends_with("… and 5 more problems; fix these and run `timeline check` again"),
            "{shown}"
        );
        // Problems past the kept ones are counted all the same.
        let e = LoadError { unlisted: 1_700_000, ..e };
        assert!(
            e.to_string().ends_with("… and 1700005 more problems; fix these and run `timeline check` again")
        );
    }
}
