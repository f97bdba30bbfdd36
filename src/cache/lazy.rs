//! Reading an article whose stat was unchanged at start, when its text is first needed. The
//! text read must be the one the cache was built from (same hash) and every range the timeline
//! holds into it must fit it (in bounds, on character boundaries); otherwise — the article was
//! edited after the start, or the cache was forged — the text given is blank, as long as the
//! longest range, followed by a note that says to reload: a range can then never be out of
//! place, and nothing is shown that was not verified.

use crate::load::ArticleStore;
use crate::load::articles::content_hash;
use crate::model::Timeline;
use std::ops::Range;
use std::path::Path;

/// Every range into each source's text (quotes and passages `scan` ignores), by source.
pub struct Spans(Vec<Vec<Range<usize>>>);

impl Spans {
    pub fn of(t: &Timeline) -> Spans {
        let mut by_source = vec![Vec::new(); t.sources.len()];
        let cited = t.events.iter().flat_map(|e| &e.citations).map(|c| (c.source, &c.span));
        let ignored = t.scan_ignores.iter().map(|i| (i.source, &i.span));
        for (source, span) in cited.chain(ignored) {
            if let Some(list) = by_source.get_mut(source) {
                list.push(span.clone());
            }
        }
        Spans(by_source)
    }

    pub fn of_source(&self, source: usize) -> &[Range<usize>] {
        self.0.get(source).map_or(&[], Vec::as_slice)
    }
}

/// The text of the article `file` in `dir`, if it is the one hashed `hash` and fits `spans`;
/// else a blank text that fits them, with a note.
pub fn fetch(dir: &Path, file: &str, hash: u128, spans: &[Range<usize>]) -> String {
    let store = ArticleStore::Dir(dir.to_path_buf());
    let read = store.read_bytes(file).ok().filter(|b| content_hash(b) == hash);
    let text = read.and_then(|b| String::from_utf8(b).ok());
    let fits = |t: &String| spans.iter().all(|s| t.get(s.clone()).is_some());
    if let Some(text) = text.filter(fits) {
        return text;
    }
    let blank = spans.iter().map(|s| s.end.max(s.start)).max().unwrap_or(0);
    format!(
        "{}\n\n[{} changed on disk after the data set was loaded: reload to read it]\n",
        " ".repeat(blank),
        crate::text::inert::line(&store.display(file))
    )
}

/// A file name that stays inside the articles directory (as the loader requires).
pub fn is_plain_name(file: &str) -> bool {
    !file.is_empty() && file != "." && file != ".." && !file.contains(['/', '\0'])
}

#[cfg(test)]
mod tests {
    use super::fetch;
    use crate::load::articles::content_hash;

    #[test]
    fn a_text_that_changed_or_does_not_fit_its_ranges_is_blank_with_a_note() {
        let dir = tempfile::tempdir().expect("a directory");
        let text = "Tô Lâm đến Viêng Chăn.\n";
        std::fs::write(dir.path().join("a.txt"), text).expect("write");
        let hash = content_hash(text.as_bytes());
        assert_eq!(fetch(dir.path(), "a.txt", hash, &[0..4, 0..1]), text);
        // Inside "ô": not a character boundary.
        let cut = fetch(dir.path(), "a.txt", hash, &[0..2, 3..5]);
        assert!(cut.starts_with("     \n\n[") && cut.contains("changed on disk"), "{cut:?}");
        let changed = fetch(dir.path(), "a.txt", hash ^ 1, &[4..9, 0..0]);
        assert!(changed.get(4..9).is_some_and(|s| s.trim().is_empty()), "{changed:?}");
        let gone = fetch(dir.path(), "b.txt", hash, &[]);
        assert!(gone.starts_with("\n\n[") && gone.contains("b.txt"), "{gone:?}");
    }
}
