//! JSON lines, as the `jsonl` export writes them: one object per line, each with its `type`
//! (`title`, `era`, `event`). Here: telling such a file from the others, and going through its
//! lines one at a time; `build::jsonl` maps the items onto our own format.

use super::json::{self, Spanned, SyntaxError, Value};
use std::path::Path;

/// The file extensions of JSON lines (the `jsonl` export's row has the same).
pub const EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

/// The item types, in the order the export writes them.
pub const TYPES: &[&str] = &["title", "era", "event"];

/// A first line longer than this is not parsed to tell the format: its first key is looked at.
const HEAD: usize = 64 << 10;

/// Whether the data file `path`, of text `text`, is JSON lines: by its extension, or by its first
/// non-blank line, one whole object with a `type` member (neither our format nor TimelineJS has
/// one at the top level).
pub fn sniff(path: &str, text: &str) -> bool {
    let ext = Path::new(path).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if EXTENSIONS.contains(&ext.as_str()) {
        return true;
    }
    let Some((from, to)) = lines(text).find(|&(a, b)| !text[a..b].trim().is_empty()) else { return false };
    let line = text[from..to].trim();
    if !(line.starts_with('{') && line.ends_with('}')) {
        return false;
    }
    if line.len() > HEAD {
        // A minified data set is one long line too: only its first key is looked at.
        let rest = line[1..].trim_start();
        return rest.strip_prefix("\"type\"").is_some_and(|r| r.trim_start().starts_with(':'));
    }
    match json::parse_line(text, from, to) {
        Ok(Spanned { value: Value::Object(members), .. }) => members.iter().any(|(k, _)| k.name == "type"),
        _ => false,
    }
}

/// Each line of `text` as the byte range of its content, without the line feed.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
        let line = (start, end);
        start = end + 1;
        Some(line)
    })
}

/// Parses the line `from..to` of `text`; `None` for a blank line.
pub fn item(text: &str, (from, to): (usize, usize)) -> Option<Result<Spanned, SyntaxError>> {
    (!text[from..to].trim().is_empty()).then(|| json::parse_line(text, from, to))
}

/// Where the event `id` starts in the JSON lines `text` (for an editor), if it is there.
pub fn event_offset(text: &str, id: &str) -> Option<usize> {
    lines(text).find_map(|line| match item(text, line)? {
        Ok(Spanned { at, value: Value::Object(m) }) => {
            let is = |name: &str, want: &str| {
                m.iter().any(|(k, v)| k.name == name && v.value == Value::String(want.to_string()))
            };
            (is("type", "event") && is("id", id)).then_some(at)
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_are_told_by_extension_or_by_a_typed_first_object() {
        assert!(sniff("a.jsonl", "whatever"));
        assert!(sniff("a.NDJSON", ""));
        assert!(sniff("a.json", "\n  \n{\"type\": \"event\", \"id\": \"a\"}\n{\"type\": \"era\"}"));
        assert!(sniff("a", "{\"headline\": \"x\", \"type\": \"title\"}\r\n"));
        assert!(!sniff("a.json", "{\"countries\": [], \"sources\": [], \"events\": []}"));
        assert!(!sniff("a.json", "{\n  \"type\": \"title\"\n}"), "a pretty-printed object is one document");
        assert!(!sniff("a.json", "{\"events\": [{\"type\": 1}]}"), "only the top level counts");
        assert!(!sniff("a.csv", "Year,Headline\n"));
        let long = format!("{{\"type\": \"event\", \"summary\": \"{}\"}}", "x".repeat(HEAD));
        assert!(sniff("a.json", &long));
        let long = format!("{{\"events\": [], \"summary\": \"{}\", \"type\": 1}}", "x".repeat(HEAD));
        assert!(!sniff("a.json", &long));
    }

    #[test]
    fn lines_are_ranges_without_their_line_feeds() {
        let text = "a\n\nbc\r\nd";
        let got: Vec<&str> = lines(text).map(|(a, b)| &text[a..b]).collect();
        assert_eq!(got, ["a", "", "bc\r", "d"]);
        assert_eq!(lines("x\n").count(), 1);
    }

    #[test]
    fn an_event_is_found_on_its_line_by_id() {
        let text = "{\"type\": \"title\", \"headline\": \"a\"}\n\n  {\"type\": \"event\", \"id\": \"b\"}\n";
        assert_eq!(event_offset(text, "b"), Some(text.find("  {").unwrap() + 2));
        assert_eq!(event_offset(text, "a"), None);
    }
}
