//! Matching one term against one piece of text: fuzzy (SkimMatcherV2, behind a cheap
//! subsequence pre-filter), exact, prefix, suffix or equal.

use super::query::TermKind;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// A term's score in a text and, when asked for, the char indices it matched.
pub struct TextMatch {
    pub score: i64,
    pub chars: Vec<usize>,
}

/// True if the chars of `pat` occur in `text` in order. Far cheaper than scoring, and it rejects
/// most texts before the scorer runs.
pub fn is_subsequence(text: &str, pat: &str) -> bool {
    let mut hay = text.as_bytes();
    for p in pat.as_bytes() {
        match memchr_byte(*p, hay) {
            Some(i) => hay = &hay[i + 1..],
            None => return false,
        }
    }
    true
}

#[inline]
fn memchr_byte(b: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(b, hay)
}

/// Matches `pat` in `text`. `fuzzy_ok` is false for long fields, where a fuzzy term must still
/// appear with its letters adjacent.
pub fn match_text(
    m: &SkimMatcherV2,
    kind: TermKind,
    fuzzy_ok: bool,
    text: &str,
    pat: &str,
    want_chars: bool,
) -> Option<TextMatch> {
    let at = match kind {
        TermKind::Fuzzy if fuzzy_ok => {
            if !is_subsequence(text, pat) {
                return None;
            }
            return if want_chars {
                m.fuzzy_indices(text, pat).map(|(score, chars)| TextMatch { score, chars })
            } else {
                m.fuzzy_match(text, pat).map(|score| TextMatch { score, chars: Vec::new() })
            };
        }
        TermKind::Fuzzy => return find_skipping_spaces(m, text, pat, want_chars),
        TermKind::Exact => text.find(pat)?,
        TermKind::Prefix => text.starts_with(pat).then_some(0)?,
        TermKind::Suffix => text.ends_with(pat).then(|| text.len() - pat.len())?,
        TermKind::Equal => (text == pat).then_some(0)?,
    };
    // Score an adjacent match as the scorer would score it where it stands.
    let score = m.fuzzy_match(&text[at..], pat).unwrap_or(0);
    let chars = if want_chars {
        let first = text[..at].chars().count();
        (first..first + pat.chars().count()).collect()
    } else {
        Vec::new()
    };
    Some(TextMatch { score, chars })
}

/// A fuzzy term in a long field: its letters adjacent, except that spaces in the text may sit
/// between them (`thongloun` finds `Thongloun`, `daihoi` finds `Đại hội`). Spaces in the
/// pattern are ignored. Works on bytes (UTF-8 sequences compare as bytes), without allocating.
fn find_skipping_spaces(m: &SkimMatcherV2, text: &str, pat: &str, want_chars: bool) -> Option<TextMatch> {
    let (t, p) = (text.as_bytes(), pat.as_bytes());
    let first = *p.iter().find(|&&b| b != b' ')?;
    for start in memchr::memchr_iter(first, t) {
        let (mut i, mut ok) = (start, true);
        for &b in p.iter().filter(|&&b| b != b' ') {
            while i > start && t.get(i) == Some(&b' ') {
                i += 1;
            }
            if t.get(i) == Some(&b) {
                i += 1;
            } else {
                ok = false;
                break;
            }
        }
        if !ok {
            continue;
        }
        // The window is on char boundaries: it starts and ends on bytes of the pattern.
        let window = &text[start..i];
        let compact: String = pat.chars().filter(|c| *c != ' ').collect();
        let score = m.fuzzy_match(window, &compact).unwrap_or(0);
        let chars = if want_chars {
            let first = text[..start].chars().count();
            window
                .char_indices()
                .filter(|(_, c)| *c != ' ')
                .map(|(o, _)| first + text[start..start + o].chars().count())
                .collect()
        } else {
            Vec::new()
        };
        return Some(TextMatch { score, chars });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(kind: TermKind, fuzzy_ok: bool, text: &str, pat: &str) -> Option<Vec<usize>> {
        match_text(&SkimMatcherV2::default(), kind, fuzzy_ok, text, pat, true).map(|t| t.chars)
    }

    #[test]
    fn subsequence_prefilter() {
        assert!(is_subsequence("thongloun sisoulith", "thong loun".replace(' ', "").as_str()));
        assert!(!is_subsequence("laos", "lx"));
        assert!(is_subsequence("abc", ""));
    }

    #[test]
    fn each_kind_matches_where_it_should() {
        use TermKind::*;
        assert_eq!(m(Fuzzy, true, "to lam visits laos", "tlv"), Some(vec![0, 3, 7]));
        assert_eq!(m(Fuzzy, false, "to lam visits laos", "tlv"), None);
        assert_eq!(m(Fuzzy, false, "to lam visits laos", "visit"), Some(vec![7, 8, 9, 10, 11]));
        assert_eq!(m(Fuzzy, false, "sau dai hoi xiv", "daihoi"), Some(vec![4, 5, 6, 8, 9, 10]));
        assert_eq!(m(Fuzzy, false, "thongloun sisoulith", "thong loun"), Some((0..9).collect()));
        assert_eq!(m(Fuzzy, false, "dai, hoi", "daihoi"), None);
        assert_eq!(m(Exact, true, "dai hoi xiv", "hoi"), Some(vec![4, 5, 6]));
        assert_eq!(m(Prefix, true, "ho chi minh", "ho"), Some(vec![0, 1]));
        assert_eq!(m(Prefix, true, "ho chi minh", "chi"), None);
        assert_eq!(m(Suffix, true, "baku 1959", "1959"), Some(vec![5, 6, 7, 8]));
        assert_eq!(m(Suffix, true, "baku 1959", "baku"), None);
        assert_eq!(m(Equal, true, "laos", "laos"), Some(vec![0, 1, 2, 3]));
        assert_eq!(m(Equal, true, "laos x", "laos"), None);
    }

    #[test]
    fn char_indices_are_chars_not_bytes() {
        // "là" is 3 bytes; the "o" after it is char 3, byte 4.
        assert_eq!(m(TermKind::Exact, true, "là o", "o"), Some(vec![3]));
        assert_eq!(m(TermKind::Exact, true, "lào", "ào"), Some(vec![1, 2]));
    }
}
