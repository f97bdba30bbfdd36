//! Reading typed fields out of spanned JSON, collecting every problem with its position.

use super::json::{Key, LineIndex, Spanned, Value};
use super::problem::{Problem, did_you_mean};

/// The most problems kept from one load.
pub const MAX_KEPT: usize = 100_000;

/// The most events a data set may have. An event takes about 190 bytes of memory however short
/// it is in the file (a sheet row `1,a` is 4 bytes), so without a cap a 2 GiB file of tiny rows
/// would need about 100 GB; at the cap, about 2 GB. Ten times the largest data set measured.
pub const MAX_EVENTS: usize = 10_000_000;

/// `MAX_EVENTS`, or in this crate's own tests a smaller cap set by `with_max_events`.
fn max_events() -> usize {
    #[cfg(test)]
    if let Some(n) = TEST_MAX_EVENTS.get() {
        return n;
    }
    MAX_EVENTS
}

#[cfg(test)]
thread_local! {
    static TEST_MAX_EVENTS: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Runs `f` with a cap of `max` events on this thread, for tests of the cap that do not need
/// ten million events.
#[cfg(test)]
pub fn with_max_events<T>(max: usize, f: impl FnOnce() -> T) -> T {
    TEST_MAX_EVENTS.set(Some(max));
    let out = f();
    TEST_MAX_EVENTS.set(None);
    out
}

/// The events to reserve room for when a file can hold `most`: never more than the cap.
pub fn events_to_reserve(most: usize) -> usize {
    most.min(max_events())
}

/// Where problems about one data file are collected.
pub struct Ctx<'a> {
    pub file: &'a str,
    text: &'a str,
    /// Built on the first problem only: a valid file never pays for it.
    lines: std::cell::OnceCell<LineIndex<'a>>,
    pub problems: Vec<Problem>,
    /// Problems found past the `MAX_KEPT` kept: counted, not recorded.
    pub unlisted: usize,
    /// What was accepted but deserves a word: `message` starts with `warning: `.
    pub warnings: Vec<Problem>,
    /// Warnings found past the `MAX_KEPT` kept, and where the first of them is.
    pub unlisted_warnings: (usize, Option<(usize, usize)>),
    /// Whether an event past `MAX_EVENTS` was refused (and said so).
    over_cap: bool,
}

impl<'a> Ctx<'a> {
    pub fn new(file: &'a str, text: &'a str) -> Self {
        Self {
            file,
            text,
            lines: std::cell::OnceCell::new(),
            problems: Vec::new(),
            unlisted: 0,
            warnings: Vec::new(),
            unlisted_warnings: (0, None),
            over_cap: false,
        }
    }

    /// Whether the event starting at `at` may join the `have` events read so far. Past
    /// `MAX_EVENTS` it may not: the first one refused is an error, the rest are skipped unread,
    /// so that memory stays bounded whatever the file.
    pub fn room_for_event(&mut self, have: usize, at: usize) -> bool {
        let max = max_events();
        if have < max {
            return true;
        }
        if !self.over_cap {
            self.over_cap = true;
            let max = crate::text::thousands(max as u64);
            self.at(
                at,
                format!(
                    "this is one event more than the {max} that `timeline` reads (each takes about \
                     200 bytes of memory, however short it is in the file); split the data set into \
                     files of at most {max} events"
                ),
            );
        }
        false
    }

    fn line_col(&self, at: usize) -> (usize, usize) {
        self.lines.get_or_init(|| LineIndex::new(self.text)).line_col(at)
    }

    /// Records a problem at a byte offset of the data file.
    pub fn at(&mut self, at: usize, message: impl Into<String>) {
        if self.problems.len() > MAX_KEPT {
            self.unlisted += 1;
            return;
        }
        let (line, col) = self.line_col(at);
        self.push(Problem { file: self.file.to_string(), line, col, message: message.into() });
    }

    /// Records a problem. Past `MAX_KEPT` of them, one last problem says that checking goes on
    /// but recording stopped, so that memory stays bounded on a file of millions of mistakes; the
    /// rest are only counted.
    pub fn push(&mut self, p: Problem) {
        match self.problems.len() {
            n if n < MAX_KEPT => self.problems.push(p),
            MAX_KEPT => self.problems.push(Problem {
                message: format!("more than {MAX_KEPT} problems: the rest are not listed; fix these first"),
                ..p
            }),
            _ => self.unlisted += 1,
        }
    }

    /// Records a warning at a byte offset of the data file.
    /// Past `MAX_KEPT` of them (a file with a mistake in each of millions of slides), warnings
    /// are only counted, so that memory stays bounded.
    pub fn warn(&mut self, at: usize, message: impl Into<String>) {
        let (line, col) = self.line_col(at);
        if self.warnings.len() >= MAX_KEPT {
            let (n, first) = &mut self.unlisted_warnings;
            *n += 1;
            first.get_or_insert((line, col));
            return;
        }
        let message = format!("warning: {}", message.into());
        self.warnings.push(Problem { file: self.file.to_string(), line, col, message });
    }

    /// The warnings as `path:line:col: warning: …` lines, by position, with a last line saying how
    /// many more were found past those kept.
    pub fn warning_lines(&mut self) -> Vec<String> {
        let mut warnings = std::mem::take(&mut self.warnings);
        warnings.sort_by_key(|w| (w.line, w.col));
        let mut lines: Vec<String> = warnings.iter().map(Problem::to_string).collect();
        if let (n, Some((line, col))) = self.unlisted_warnings {
            let s = if n == 1 { "" } else { "s" };
            let message = format!(
                "warning: {n} more warning{s} from here on are not listed (the first {MAX_KEPT} are)"
            );
            lines.push(Problem { file: self.file.to_string(), line, col, message }.to_string());
        }
        lines
    }

    pub fn pos(&self, at: usize) -> String {
        let (l, c) = self.line_col(at);
        format!("{l}:{c}")
    }

    /// Checks that `v` is an object with all `required` fields and no others than `required` and
    /// `optional`. Reports every unknown, duplicate or missing field.
    pub fn fields<'v>(
        &mut self,
        v: &'v Spanned,
        what: &str,
        required: &[&str],
        optional: &[&str],
    ) -> Option<Fields<'v>> {
        let Value::Object(members) = &v.value else {
            self.at(v.at, format!("expected {what} to be an object `{{…}}`, found {}", v.value.type_name()));
            return None;
        };
        let known: Vec<&str> = required.iter().chain(optional).copied().collect();
        // Where each known field first appears: an object with many repeated keys stays linear.
        let mut first_at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (key, _) in members {
            if !known.contains(&key.name.as_str()) {
                let hint = match did_you_mean(&key.name, &known) {
                    Some(k) => format!("did you mean `{k}`?"),
                    None => format!("known fields are {}", known.join(", ")),
                };
                self.at(key.at, format!("unknown field `{}` in {what}; {hint}", key.name));
            } else if let Some(&first) = first_at.get(key.name.as_str()) {
                let first = self.pos(first);
                self.at(
                    key.at,
                    format!("field `{}` appears twice in {what} (first at {first}); keep one", key.name),
                );
            } else {
                first_at.insert(&key.name, key.at);
            }
        }
        for name in required {
            match members.iter().find(|(k, _)| k.name == *name) {
                None => self.at(v.at, format!("{what} is missing the required field `{name}`")),
                Some((_, val)) if val.value == Value::Null => {
                    self.at(val.at, format!("field `{name}` of {what} is null, but it is required"))
                }
                Some(_) => {}
            }
        }
        Some(Fields { members })
    }

    pub fn string<'v>(&mut self, v: &'v Spanned, what: &str) -> Option<&'v str> {
        match &v.value {
            Value::String(s) if s.trim().is_empty() => {
                self.at(v.at, format!("{what} is empty; write some text"));
                None
            }
            Value::String(s) => Some(s),
            other => {
                self.at(v.at, format!("expected {what} to be a string, found {}", other.type_name()));
                None
            }
        }
    }

    pub fn array<'v>(&mut self, v: &'v Spanned, what: &str) -> Option<&'v [Spanned]> {
        match &v.value {
            Value::Array(items) => Some(items),
            other => {
                self.at(v.at, format!("expected {what} to be an array `[…]`, found {}", other.type_name()));
                None
            }
        }
    }

    /// An array of non-empty strings.
    pub fn strings(&mut self, v: &Spanned, what: &str) -> Vec<String> {
        let items = self.array(v, what).unwrap_or_default();
        items.iter().filter_map(|s| self.string(s, what).map(str::to_string)).collect()
    }
}

/// The members of one object, known to hold only allowed keys.
pub struct Fields<'v> {
    members: &'v [(Key, Spanned)],
}

impl<'v> Fields<'v> {
    /// The value of a field, unless it is absent or `null`.
    pub fn get(&self, name: &str) -> Option<&'v Spanned> {
        self.members.iter().find(|(k, v)| k.name == name && v.value != Value::Null).map(|(_, v)| v)
    }
}
