//! Finding an event in its data file again, for an editor: the file may have changed since it
//! was loaded, so it is read anew and the event is found by id, in our format, JSON lines and
//! TimelineJS.

use super::json::{self, LineIndex, Top, Value};
use super::{jsonl, tjs};

/// The 1-based `line:col` where the event `id` starts in `text` (a data file named `path`), if
/// it is there.
pub fn event(path: &str, text: &str, id: &str) -> Option<(usize, usize)> {
    if jsonl::sniff(path, text) {
        return jsonl::event_offset(text, id).map(|at| LineIndex::new(text).line_col(at));
    }
    if super::markwhen::sniff(path, text) {
        return super::markwhen::line_of_event(path, text, id).map(|line| (line, 1));
    }
    let at = match tjs::detect(text) {
        tjs::Kind::Sheet => imported(path, text, id, tjs::Kind::Sheet),
        // Our format may start with any key: look for an `id` first, then for a slide.
        _ => native(text, id).or_else(|| imported(path, text, id, tjs::Kind::TimelineJs)),
    }?;
    Some(LineIndex::new(text).line_col(at))
}

/// An event of our own format: the item of `events` whose `id` is `id`.
fn native(text: &str, id: &str) -> Option<usize> {
    let mut found = None;
    let _ = json::parse_top_level(text, &mut |top| {
        if let Top::Item(key, v) = top
            && found.is_none()
            && key.name == "events"
            && let Value::Object(members) = &v.value
            && members.iter().any(|(k, m)| k.name == "id" && m.value == Value::String(id.to_string()))
        {
            found = Some(v.at);
        }
    });
    found
}

fn imported(path: &str, text: &str, id: &str, kind: tjs::Kind) -> Option<usize> {
    tjs::event_offsets(path, text, kind).get(id).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_an_event_of_our_format_by_id() {
        let text = "{\"countries\": [],\n \"events\": [\n  {\"id\": \"a\"},\n    {\"id\": \"b\", \"title\": \"B\"}\n]}";
        assert_eq!(event("d.json", text, "b"), Some((4, 5)));
        assert_eq!(event("d.json", text, "a"), Some((3, 3)));
        assert_eq!(event("d.json", text, "zz"), None);
    }

    #[test]
    fn finds_a_timelinejs_slide_by_its_unique_id_or_made_id() {
        let text = r#"{"events": [
  {"start_date": {"year": 1966}, "text": {"headline": "One"}},
  {
    "start_date": {"year": 1970}, "text": {"headline": "Two"},
    "unique_id": "two"
  }
]}"#;
        assert_eq!(event("t.json", text, "one-1966"), Some((2, 3)));
        // Where the slide starts, not its unique_id's line: the editor opens at the event.
        assert_eq!(event("t.json", text, "two"), Some((3, 3)));
    }

    #[test]
    fn finds_an_event_of_json_lines_on_its_line() {
        let text = "{\"type\": \"title\", \"headline\": \"a\"}\n{\"type\": \"event\", \"id\": \"a\"}\n";
        assert_eq!(event("d.jsonl", text, "a"), Some((2, 1)));
        assert_eq!(event("d.jsonl", text, "b"), None);
    }

    #[test]
    fn finds_a_markwhen_event_on_its_line() {
        let text = "---\ntitle: T\n---\n\n# Group\n2020: First !one\n\n2021-05: Second\nmore text\n";
        assert_eq!(event("p.mw", text, "one"), Some((6, 1)));
        let second = crate::load::markwhen::load("p.mw", text).unwrap().events[1].id.to_string();
        assert_eq!(event("p.mw", text, &second), Some((8, 1)));
        assert_eq!(event("p.mw", text, "zz"), None);
    }

    #[test]
    fn a_file_that_no_longer_parses_finds_nothing() {
        assert_eq!(event("d.json", "{\"events\": [ {\"id\": ", "a"), None);
    }
}
