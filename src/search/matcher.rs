//! Matching one pattern against one piece of folded text.
//!
//! Two rules, both on folded text (see `fold`), both blind to separators:
//! - **fuzzy** (short fields): the pattern's letters in order, in pieces that each start a word:
//!   `hmv` finds `Ho Chi Minh visits`, `tolam` finds `To Lam`, but `hoi` does not find `Ha Noi`
//!   (its `o` and `i` are inside a word);
//! - **compact**: the pattern's letters adjacent, where the text may have a separator (space,
//!   hyphen, dot, apostrophe, slash) between any two of them, anchored at a word start, anywhere,
//!   at the start or end of the field, or the whole field.
//!
//! Scores: 16 per pattern letter, +8 when the match starts the field, +8 when it ends a word,
//! −6 for each extra piece of a fuzzy match. Both rules are monotonic: a longer pattern matches
//! only where a shorter one it starts with does.
//!
//! Patterns never contain separators: `compact` strips them at parse time, so `ramos-horta`,
//! `ramos horta` and `ramoshorta` are one pattern.

/// Where a compact pattern must sit in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Starting at the start of a word (or syllable): after a non-alphanumeric char.
    WordStart,
    /// Anywhere.
    Anywhere,
    /// At the start of the field.
    FieldStart,
    /// At the end of the field (trailing separators aside).
    FieldEnd,
    /// The whole field.
    Whole,
}

/// How a pattern is matched in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Fuzzy,
    Compact(Anchor),
}

/// A pattern's score in a text and, when asked for, the char indices it matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextMatch {
    pub score: i64,
    pub chars: Vec<usize>,
}

/// Separators count as optional spaces: a pattern may skip them in the text.
#[inline]
pub fn is_separator(b: u8) -> bool {
    matches!(b, b' ' | b'-' | b'.' | b'\'' | b'/')
}

/// The pattern without separators (and without the spaces a quoted value has).
pub fn compact(folded: &str) -> String {
    folded.chars().filter(|&c| !(c.is_whitespace() || c.is_ascii() && is_separator(c as u8))).collect()
}

const PER_LETTER: i64 = 16;
/// A bonus for a match that starts the field, and one for a match that ends where a word ends
/// (`lam` in `lam`, not in `lamb`).
const AT_START: i64 = 8;
const WHOLE_WORD: i64 = 8;
/// What each extra piece of a fuzzy match costs.
const PER_PIECE: i64 = 6;

/// True if the chars of `pat` occur in `text` in order. Far cheaper than scoring, and it rejects
/// most texts before the scorer runs.
pub fn is_subsequence(text: &str, pat: &str) -> bool {
    let mut hay = text.as_bytes();
    for p in pat.as_bytes() {
        match memchr::memchr(*p, hay) {
            Some(i) => hay = &hay[i + 1..],
            None => return false,
        }
    }
    true
}

/// Matches `pat` (non-empty, no separators) in `text` by `rule`; `want_chars` asks for the
/// char indices of `text` that matched.
pub fn match_text(rule: Rule, text: &str, pat: &str, want_chars: bool) -> Option<TextMatch> {
    let t = text.as_bytes();
    // The matched bytes: a window for a compact match (no allocation unless chars are wanted),
    // the byte offsets for a fuzzy one.
    let (first, last, pieces, bytes) = match rule {
        Rule::Fuzzy => {
            if !is_subsequence(text, pat) {
                return None;
            }
            let mut bytes = Vec::with_capacity(pat.len());
            if !pieces_at(t, pat.as_bytes(), 0, 0, &mut Vec::new(), &mut bytes) {
                return None;
            }
            bytes.reverse();
            let pieces = bytes.windows(2).filter(|w| w[1] != w[0] + 1).count() + 1;
            (bytes[0], bytes[bytes.len() - 1], pieces, Some(bytes))
        }
        Rule::Compact(anchor) => {
            let (start, end) = find_compact(text, pat, anchor)?;
            (start, end - 1, 1, None)
        }
    };
    let ends_word = text[last + 1..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    let score = PER_LETTER * pat.chars().count() as i64
        + if first == 0 { AT_START } else { 0 }
        + if ends_word { WHOLE_WORD } else { 0 }
        - PER_PIECE * (pieces as i64 - 1);
    let chars = match (want_chars, bytes) {
        (false, _) => Vec::new(),
        (true, Some(bytes)) => char_indices(text, &bytes),
        (true, None) => {
            char_indices(text, &(first..=last).filter(|&i| !is_separator(t[i])).collect::<Vec<_>>())
        }
    };
    Some(TextMatch { score, chars })
}

/// The char indices of the chars that start at the given byte offsets (continuation bytes of a
/// matched char are skipped).
fn char_indices(text: &str, bytes: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut it = bytes.iter().peekable();
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        while it.next_if(|&&b| b < bi).is_some() {}
        if it.next_if(|&&b| b == bi).is_some() {
            out.push(ci);
        }
    }
    out
}

/// Places `p[j..]` in `t` from byte `from`, each byte either right after the previous one or
/// at a word start, the first way found (preferring to continue a piece); on success the byte
/// offsets are pushed to `out` last first. `failed` remembers states that cannot succeed, so the
/// search stays polynomial.
fn pieces_at(
    t: &[u8],
    p: &[u8],
    j: usize,
    from: usize,
    failed: &mut Vec<(usize, usize)>,
    out: &mut Vec<usize>,
) -> bool {
    if j == p.len() {
        return true;
    }
    if failed.contains(&(j, from)) {
        return false;
    }
    let mut place = |at: usize, failed: &mut Vec<(usize, usize)>| {
        let ok = pieces_at(t, p, j + 1, at + 1, failed, out);
        if ok {
            out.push(at);
        }
        ok
    };
    if j > 0 && t.get(from) == Some(&p[j]) && place(from, failed) {
        return true;
    }
    for k in memchr::memchr_iter(p[j], &t[from.min(t.len())..]) {
        let at = from + k;
        if (j == 0 || at != from) && byte_word_start(t, at) && place(at, failed) {
            return true;
        }
    }
    failed.push((j, from));
    false
}

/// A word start, judged on bytes: the first byte, or after an ASCII byte that is not a letter
/// or digit (bytes of non-ASCII chars count as letters, so they never split a word).
#[inline]
fn byte_word_start(t: &[u8], at: usize) -> bool {
    at == 0 || (t[at - 1].is_ascii() && !t[at - 1].is_ascii_alphanumeric())
}

/// The first byte window of `text` that spells `pat` with optional separators between its
/// letters, placed as `anchor` says. Works on bytes (UTF-8 sequences compare as bytes, and a
/// pattern's first byte is never a continuation byte, so windows sit on char boundaries).
pub fn find_compact(text: &str, pat: &str, anchor: Anchor) -> Option<(usize, usize)> {
    let (t, p) = (text.as_bytes(), pat.as_bytes());
    let first = *p.first()?;
    let starts: Box<dyn Iterator<Item = usize>> = match anchor {
        Anchor::FieldStart | Anchor::Whole => Box::new((t.first() == Some(&first)).then_some(0).into_iter()),
        _ => Box::new(memchr::memchr_iter(first, t)),
    };
    for start in starts {
        if anchor == Anchor::WordStart && !word_start(text, start) {
            continue;
        }
        let Some(end) = spell_at(t, p, start) else { continue };
        let at_end = t[end..].iter().all(|&b| is_separator(b));
        if matches!(anchor, Anchor::FieldEnd | Anchor::Whole) && !at_end {
            continue;
        }
        return Some((start, end));
    }
    None
}

/// Where `p` ends if it is spelled from `start` with optional separators between its bytes.
#[inline]
fn spell_at(t: &[u8], p: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    for (k, &b) in p.iter().enumerate() {
        if k > 0 {
            while t.get(i).is_some_and(|&x| is_separator(x) && x != b) {
                i += 1;
            }
        }
        if t.get(i) != Some(&b) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// True if byte `at` of `text` starts a word: it is the first char, or follows one that is
/// neither a letter nor a digit.
#[inline]
pub fn word_start(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(rule: Rule, text: &str, pat: &str) -> Option<Vec<usize>> {
        match_text(rule, text, pat, true).map(|t| t.chars)
    }

    #[test]
    fn subsequence_prefilter() {
        assert!(is_subsequence("thongloun sisoulith", "thongloun"));
        assert!(is_subsequence("thongloun sisoulith", "tls"));
        assert!(!is_subsequence("laos", "lx"));
        assert!(is_subsequence("abc", ""));
    }

    #[test]
    fn each_rule_matches_where_it_should() {
        use Anchor::*;
        use Rule::*;
        assert_eq!(m(Fuzzy, "to lam visits laos", "tlv"), Some(vec![0, 3, 7]));
        assert_eq!(m(Fuzzy, "to lam visits laos", "olv"), None);
        assert_eq!(m(Compact(WordStart), "to lam visits laos", "tlv"), None);
        assert_eq!(m(Compact(WordStart), "to lam visits laos", "visit"), Some(vec![7, 8, 9, 10, 11]));
        assert_eq!(m(Compact(WordStart), "sau dai hoi xiv", "daihoi"), Some(vec![4, 5, 6, 8, 9, 10]));
        assert_eq!(m(Compact(WordStart), "dai, hoi", "daihoi"), None);
        assert_eq!(m(Compact(Anywhere), "dai hoi xiv", "oi"), Some(vec![5, 6]));
        assert_eq!(m(Compact(FieldStart), "ho chi minh", "ho"), Some(vec![0, 1]));
        assert_eq!(m(Compact(FieldStart), "ho chi minh", "chi"), None);
        assert_eq!(m(Compact(FieldEnd), "baku 1959", "1959"), Some(vec![5, 6, 7, 8]));
        assert_eq!(m(Compact(FieldEnd), "baku 1959.", "1959"), Some(vec![5, 6, 7, 8]));
        assert_eq!(m(Compact(FieldEnd), "baku 1959", "baku"), None);
        assert_eq!(m(Compact(Whole), "laos", "laos"), Some(vec![0, 1, 2, 3]));
        assert_eq!(m(Compact(Whole), "laos x", "laos"), None);
    }

    #[test]
    fn fuzzy_pieces_start_words() {
        use Rule::Fuzzy;
        assert_eq!(m(Fuzzy, "ho chi minh visits baku", "hmv"), Some(vec![0, 7, 12]));
        assert_eq!(m(Fuzzy, "to lam", "tolam"), Some(vec![0, 1, 3, 4, 5]));
        assert_eq!(m(Fuzzy, "ha noi", "hoi"), None);
        assert_eq!(m(Fuzzy, "abx bc", "abc"), Some(vec![0, 4, 5]), "backtracks out of a greedy piece");
        assert_eq!(m(Fuzzy, "lao", "ao"), None);
        assert_eq!(m(Fuzzy, "tô lâm", "tl"), Some(vec![0, 3]));
        // Multi-byte letters in the pattern stay whole.
        assert_eq!(m(Fuzzy, "tô lâm", "tôl"), Some(vec![0, 1, 3]));
        assert!(m(Fuzzy, &"a ".repeat(40), &"a".repeat(30)).is_some());
        assert!(m(Fuzzy, &"a ".repeat(40), &format!("{}b", "a".repeat(30))).is_none());
    }

    #[test]
    fn scores_prefer_whole_words_field_starts_and_fewer_pieces() {
        let s = |rule: Rule, text: &str, pat: &str| match_text(rule, text, pat, false).map(|m| m.score);
        let w = Rule::Compact(Anchor::WordStart);
        assert_eq!(s(w, "lam", "lam"), Some(48 + 16));
        assert_eq!(s(w, "x lamb", "lam"), Some(48));
        assert_eq!(s(Rule::Fuzzy, "to lam", "tolam"), Some(80 + 16 - 6));
    }

    #[test]
    fn words_must_start_at_a_word_start_in_compact_matching() {
        use Rule::Compact;
        assert_eq!(m(Compact(Anchor::WordStart), "the congress", "on"), None);
        assert_eq!(m(Compact(Anchor::WordStart), "the congress on", "on"), Some(vec![13, 14]));
        assert_eq!(m(Compact(Anchor::WordStart), "xhoi hoi", "hoi"), Some(vec![5, 6, 7]));
    }

    #[test]
    fn separators_are_optional_spaces() {
        let w = |text: &str, pat: &str| m(Rule::Compact(Anchor::WordStart), text, &compact(pat));
        assert!(w("jose ramos-horta", "ramos horta").is_some());
        assert!(w("jose ramos-horta", "ramoshorta").is_some());
        assert!(w("jose ramos horta", "ramos-horta").is_some());
        assert!(w("lee jae-myung", "jae myung").is_some());
        assert!(w("u.s. envoy", "us").is_some());
        assert!(w("o'brien", "obrien").is_some());
        assert!(w("ngay 26/1/2026", "26 1 2026").is_some());
        assert!(w("vo nguyen giap", "nguyengiap").is_some());
        assert_eq!(compact("ramos-horta"), "ramoshorta");
    }

    #[test]
    fn char_indices_are_chars_not_bytes() {
        let c = Rule::Compact(Anchor::Anywhere);
        // "là" is 3 bytes; the "o" after it is char 3, byte 4.
        assert_eq!(m(c, "là o", "o"), Some(vec![3]));
        assert_eq!(m(c, "lào", "ào"), Some(vec![1, 2]));
    }

    #[test]
    fn a_longer_pattern_never_matches_where_its_prefix_does_not() {
        // Monotonicity, the base of narrowing: spelled from the same start, or not at all.
        let text = "to lam tham lao, dai hoi xiv";
        for pat in ["t", "to", "tol", "tola", "tolam", "d", "da", "dai", "daih", "daihoi", "x", "xi"] {
            for a in [Anchor::WordStart, Anchor::Anywhere, Anchor::FieldStart] {
                let longer = find_compact(text, pat, a).is_some();
                let shorter = find_compact(text, &pat[..pat.len() - 1], a).is_some() || pat.len() == 1;
                assert!(!longer || shorter, "{pat} {a:?}");
            }
        }
    }
}
