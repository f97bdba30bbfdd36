//! A sound prefilter over an event's folded text, for a search that reads the index in place
//! (the index cache's warm `list --search`): it drops only events the engine would drop too, so
//! that the engine, run on the events it keeps, finds exactly the hits it finds on all of them.
//!
//! Why it is sound. The engine (`score::text_best`) scores a positive text term only where its
//! folded pattern matches a field's folded text by the term's rule (`Text::rule`): fuzzily in a
//! short field (its letters in order, in pieces that each start a word), otherwise compactly (the pattern's
//! letters adjacent, separators allowed between them, at some anchor). A field is a piece of the
//! event's folded text (`EventIndex::all_text`); so a term can match only if its pattern is
//! spelled compactly somewhere in that text (anchors ignored), or, for a fuzzy term, matches
//! fuzzily the event's short fields joined by spaces (a space starts a word as a field's start
//! does, and the pieces of a fuzzy match within one field are still pieces there). A plain word
//! that does not match on its own can still match as the end of a pair with the word before it
//! (a phrase, matched compactly): then it is spelled where the pair is, anchors ignored. A group
//! (terms joined by `|`) matches only if one of its terms does, and an event is a hit only if
//! every group matches. So if some group is made only of positive text terms and none of them
//! can match, the event cannot be a hit. Anything else — a field test, a date (which matches by
//! period), a negated term — never prunes.
//!
//! This mirrors the matching rules of `matcher`: a rule that matches more must widen it too
//! (the differential test of the cache's search, `tests/cache_search.rs`, checks them together).

use super::matcher::{Rule, match_text};
use super::query::{Query, TermKind, Test};
use super::spell::is_spelled as spelled;

/// One way a group can match: a folded pattern, and whether it may match fuzzily (a plain
/// fuzzy term: then fuzzily in the short fields).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Alternative {
    pattern: String,
    fuzzy: bool,
}

/// For each group that can prune, the ways of which one must be possible.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prefilter {
    groups: Vec<Vec<Alternative>>,
}

impl Prefilter {
    pub fn new(query: &Query) -> Self {
        let mut groups = Vec::new();
        for group in &query.groups {
            let mut alternatives = Vec::with_capacity(group.len() + 1);
            for term in group {
                match &term.test {
                    Test::Text(x) if !term.negated => alternatives
                        .push(Alternative { pattern: x.folded.clone(), fuzzy: x.kind == TermKind::Fuzzy }),
                    // A date, a field test or a negated term may match without its text.
                    _ => {
                        alternatives.clear();
                        break;
                    }
                }
            }
            if !alternatives.is_empty() {
                groups.push(alternatives);
            }
        }
        // A longer pattern is likelier to fail, and so to decide the group early.
        groups.sort_by_key(|g| std::cmp::Reverse(g.iter().map(|a| a.pattern.len()).min().unwrap_or(0)));
        Self { groups }
    }

    /// Whether nothing is ever dropped (the query has no group that can prune).
    pub fn keeps_all(&self) -> bool {
        self.groups.is_empty()
    }

    /// Whether an event may be a hit, by its folded text and its folded short fields, each
    /// followed by a space (`None`: unknown, anything may match there), which are asked for only
    /// when needed.
    pub fn keeps<'s>(&self, text: &[u8], short: impl Fn() -> Option<&'s str>) -> bool {
        let fuzzy = |pat: &str| short().is_none_or(|s| match_text(Rule::Fuzzy, s, pat, false).is_some());
        self.groups.iter().all(|g| {
            g.iter().any(|a| {
                // Both ways need the letters in order in the text (the short fields are in it).
                // The spelled scan is cheap and settles most events, so the fuzzy DP runs last.
                is_subsequence(text, a.pattern.as_bytes())
                    && (spelled(text, a.pattern.as_bytes()) || (a.fuzzy && fuzzy(&a.pattern)))
            })
        })
    }
}

/// True if the bytes of `pat` occur in `text` in order (`matcher::is_subsequence` on bytes).
fn is_subsequence(text: &[u8], pat: &[u8]) -> bool {
    let mut hay = text;
    for p in pat {
        match memchr::memchr(*p, hay) {
            Some(i) => hay = &hay[i + 1..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timeline;
    use crate::search::matcher::{Anchor, find_compact};

    fn filter(q: &str) -> Prefilter {
        Prefilter::new(&Query::parse(q, &Timeline::default()).expect("a query"))
    }

    #[test]
    fn the_byte_tests_find_what_the_matcher_finds() {
        let texts = ["to lam", "jose ramos-horta", "u.s. envoy", "ngay 26/1/2026", "hà nội", "", "a-b-c"];
        let pats = ["tl", "lt", "ramoshorta", "us", "2612026", "hn", "a", "abc", "oho", "nội"];
        for text in texts {
            for pat in pats {
                let subsequence = crate::search::matcher::is_subsequence(text, pat);
                assert_eq!(is_subsequence(text.as_bytes(), pat.as_bytes()), subsequence, "{text} {pat}");
                let compact = [Anchor::Anywhere, Anchor::WordStart, Anchor::FieldStart, Anchor::FieldEnd]
                    .iter()
                    .any(|&a| find_compact(text, pat, a).is_some());
                let spelled = spelled(text.as_bytes(), pat.as_bytes());
                assert!(!compact || spelled, "{text} {pat}");
                assert_eq!(spelled, find_compact(text, pat, Anchor::Anywhere).is_some(), "{text} {pat}");
            }
        }
    }

    #[test]
    fn only_positive_text_groups_prune() {
        assert!(filter("!baku").keeps_all());
        assert!(filter("2025").keeps_all());
        assert!(filter("kind:visit").keeps_all());
        assert!(filter("baku | 2025").keeps_all());
        assert!(!filter("baku").keeps_all());
        let f = filter("azerbaijan 2025 !1983");
        assert!(f.keeps(b"azerbaijan", || Some("")));
        assert!(!f.keeps(b"armenia", || Some("armenia ")));
    }

    #[test]
    fn a_fuzzy_word_matches_the_short_fields_fuzzily_or_is_spelled_anywhere() {
        let f = filter("tlv");
        let text = b"to lam visitsa summary";
        assert!(f.keeps(text, || Some("to lam visits ")));
        assert!(f.keeps(text, || Some("to lam ha noi visits ")), "the pieces may be in several fields");
        assert!(!f.keeps(text, || Some("to lam ")));
        assert!(f.keeps(text, || None));
        assert!(f.keeps(b"a summary of tlv", || Some("")));
        // Pieces start words: `lv` is in `tolvo` but starts none.
        assert!(!filter("lv").keeps(b"lo v", || Some("tolvo ")));
        // An exact term is never fuzzy.
        assert!(!filter("'tlv").keeps(text, || Some("to lam visits ")));
    }

    #[test]
    fn every_group_must_have_one_alternative() {
        let f = filter("lao | laos viet");
        assert!(f.keeps(b"laos viet", || Some("")));
        assert!(f.keeps(b"lao vi-et", || Some("")));
        assert!(!f.keeps(b"lao", || Some("")));
        assert!(!f.keeps(b"viet", || Some("")));
    }

    #[test]
    fn a_word_that_only_ends_a_pair_is_spelled_where_the_pair_is() {
        // `loun` starts no word of `thongloun`: it matches as the end of the pair `thong loun`.
        let f = filter("thong loun");
        assert!(f.keeps(b"thongloun", || Some("")));
        assert!(!f.keeps(b"thong", || Some("thong ")));
    }
}
