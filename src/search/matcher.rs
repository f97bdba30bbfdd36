//! Matching one pattern against one piece of folded text: the one definition of what matches,
//! what it scores and where it matched. Scoring and highlighting both call `match_text`, so a
//! highlight always shows the alignment that was scored.
//!
//! Two rules, both on folded text (see `fold`), both blind to separators:
//! - **fuzzy** (short fields): the pattern's letters in order, in pieces that each start a word:
//!   `hmv` finds `Ho Chi Minh visits`, `tolam` finds `To Lam`, but `hoi` does not find `Ha Noi`
//!   (its `o` and `i` are inside a word);
//! - **compact**: the pattern's letters adjacent, where the text may have a separator (space,
//!   hyphen, dot, apostrophe, slash) between any two of them, anchored at a word start, anywhere,
//!   at the start or end of the field, or the whole field.
//!
//! A word starts at the first char or after a char that is neither a letter nor a digit.
//!
//! An alignment (which char of the text each pattern char sits on) scores 16 per pattern
//! letter, +8 when it starts the field, +8 when it ends a word (the char after it is not a
//! letter or digit), −6 for each extra piece (run of adjacent chars) of a fuzzy match. Of all
//! the alignments a rule allows, the best-scoring one counts (the leftmost on a tie), as in
//! fzf's V2 algorithm: a dynamic programme over the text for the fuzzy rule, a scan of the
//! windows for the compact one. Both rules are monotonic: a longer pattern matches only where a
//! shorter one it starts with does. `reference::best_score` checks all this by trying every
//! alignment.
//!
//! Patterns never contain separators: `compact` strips them at parse time, so `ramos-horta`,
//! `ramos horta` and `ramoshorta` are one pattern.

use super::spell::spell_at;
use std::cell::RefCell;

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

/// A pattern's best score in a text and, when asked for, the char indices of that alignment.
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

pub const PER_LETTER: i64 = 16;
/// A bonus for a match that starts the field, and one for a match that ends where a word ends
/// (`lam` in `lam`, not in `lamb`).
pub const AT_START: i64 = 8;
pub const WHOLE_WORD: i64 = 8;
/// What each extra piece of a fuzzy match costs.
pub const PER_PIECE: i64 = 6;

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

/// The most `pat` can score in any text by any rule: every letter, both bonuses, one piece.
/// A field whose weighted ceiling cannot beat the best field so far need not be matched.
pub fn ceiling(pat: &str) -> i64 {
    PER_LETTER * pat.chars().count() as i64 + AT_START + WHOLE_WORD
}

/// The best alignment of `pat` (non-empty, no separators) in `text` by `rule`, or `None` if the
/// rule allows none; `want_chars` asks for its char indices in `text`.
pub fn match_text(rule: Rule, text: &str, pat: &str, want_chars: bool) -> Option<TextMatch> {
    if pat.is_empty() {
        return None;
    }
    let letters = PER_LETTER * pat.chars().count() as i64;
    match rule {
        // One char is one piece at a word start: the compact rule's scan finds the same best
        // alignment as the dynamic programme, without its table.
        Rule::Fuzzy if letters == PER_LETTER => {
            match_text(Rule::Compact(Anchor::WordStart), text, pat, want_chars)
        }
        // Two bytes, for a score only: the programme's two rows, worked out on the second
        // byte's places alone.
        Rule::Fuzzy if !want_chars && pat.len() == 2 => {
            let p = pat.as_bytes();
            Some(TextMatch { score: letters + best_fuzzy_two(text, p[0], p[1])?, chars: Vec::new() })
        }
        Rule::Fuzzy => {
            let (bonus, bytes) = best_fuzzy(text, pat, want_chars)?;
            let chars = if want_chars { char_indices(text, &bytes) } else { Vec::new() };
            Some(TextMatch { score: letters + bonus, chars })
        }
        Rule::Compact(anchor) => {
            let w = best_compact(text, pat.as_bytes(), anchor)?;
            let chars = if want_chars {
                let t = text.as_bytes();
                char_indices(text, &(w.start..w.end).filter(|&i| !is_separator(t[i])).collect::<Vec<_>>())
            } else {
                Vec::new()
            };
            Some(TextMatch { score: letters + w.bonus, chars })
        }
    }
}

/// A text term's match in one field: on the folded text, and when the term has accents, on the
/// text with its accents too (like fzf's smart case for capitals); that alignment then counts.
/// `accented_text` is made only when needed; it is `None` when the field cannot match the
/// accented pattern.
pub fn match_field<'t>(
    rule: Rule,
    folded_text: &str,
    pat: &str,
    accented_pat: Option<&str>,
    accented_text: impl FnOnce() -> Option<&'t str>,
    want_chars: bool,
) -> Option<TextMatch> {
    let m = match_text(rule, folded_text, pat, want_chars)?;
    match accented_pat {
        None => Some(m),
        Some(accented) => match_text(rule, accented_text()?, accented, want_chars),
    }
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

/// True if byte `at` of `text` starts a word: it starts a char that is the first, or follows one
/// that is neither a letter nor a digit. (Bytes inside a multi-byte char start nothing.)
#[inline]
pub fn word_start(text: &str, at: usize) -> bool {
    if at == 0 {
        return true;
    }
    let b = text.as_bytes()[at - 1];
    if b.is_ascii() {
        return !b.is_ascii_alphanumeric();
    }
    text.is_char_boundary(at) && text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

/// True if a match ending before byte `end` ends a word: nothing follows, or a char that is
/// neither a letter nor a digit.
#[inline]
fn ends_word(text: &str, end: usize) -> bool {
    match text.as_bytes().get(end) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric()),
    }
}

/// A score for "no alignment" in the dynamic programme, far below any real one.
const NONE: i32 = i32::MIN / 4;

thread_local! {
    /// The dynamic programme's table, kept between calls (a keystroke scores many fields).
    static TABLE: RefCell<Vec<i32>> = const { RefCell::new(Vec::new()) };
}

/// The best fuzzy alignment of `p` in `text`: its bonuses and penalties (without the letters),
/// and, when `want_bytes`, the byte offsets of its pattern bytes.
///
/// Like fzf's V2: cell (j, i) holds the best score of `p[..=j]` with `p[j]` on byte `i`: either
/// continuing the piece of `p[j-1]` on byte `i-1`, or starting a piece at a word start after
/// the best placement of `p[j-1]` two or more bytes before (a running maximum), −6. Like fzf,
/// the table covers only the window from the first word start with `p[0]` to the last `p[m-1]`
/// (found with memchr), keeps two rows when only the score is wanted, and stops at a row with
/// no placement.
fn best_fuzzy(text: &str, pat: &str, want_bytes: bool) -> Option<(i64, Vec<usize>)> {
    let (t, p) = (text.as_bytes(), pat.as_bytes());
    let m = p.len();
    let lo = memchr::memchr_iter(p[0], t).find(|&i| word_start(text, i))?;
    let hi = memchr::memrchr(p[m - 1], t)?;
    if hi < lo + m - 1 || !is_subsequence(&text[lo..], pat) {
        return None;
    }
    let dp = Dp { text, p, lo, w: hi + 1 - lo, rows: if want_bytes { m } else { 2 } };
    TABLE.with_borrow_mut(|table| {
        table.clear();
        table.resize(dp.rows * dp.w, NONE);
        let found = dp.fill(table).then(|| dp.best_end(table)).flatten().and_then(|(end, score)| {
            let bytes = if want_bytes { dp.back(table, end)? } else { Vec::new() };
            Some((score as i64, bytes))
        });
        if table.len() > 1 << 20 {
            *table = Vec::new(); // a huge field: give the memory back
        }
        found
    })
}

/// `best_fuzzy`'s score for a two-byte pattern `ab`, without a table: `a` must sit on a word
/// start, at the first one (`lo`) or later, scoring `AT_START` at byte 0 and 0 elsewhere; `b`
/// continues it on the next byte, or starts a second piece (−6) on a word start two or more
/// bytes after some `a`, which is best after `lo`; the word-end bonus comes last. The best, the
/// same as the programme's.
fn best_fuzzy_two(text: &str, a: u8, b: u8) -> Option<i64> {
    let t = text.as_bytes();
    let lo = memchr::memchr_iter(a, t).find(|&i| word_start(text, i))?;
    let first = if lo == 0 { AT_START } else { 0 };
    let mut best: Option<i64> = None;
    for i in memchr::memchr_iter(b, &t[lo + 1..]).map(|i| i + lo + 1) {
        let go_on = (t[i - 1] == a && word_start(text, i - 1)).then_some(if i == 1 { AT_START } else { 0 });
        let new_piece = (i >= lo + 2 && word_start(text, i)).then_some(first - PER_PIECE);
        let Some(score) = go_on.max(new_piece) else { continue };
        let score = score + if ends_word(text, i + 1) { WHOLE_WORD } else { 0 };
        best = best.max(Some(score));
        if score == AT_START + WHOLE_WORD {
            break; // nothing scores more
        }
    }
    best
}

/// The fuzzy dynamic programme's shape: the text, the pattern, the window's first byte and
/// width, and how many rows the table keeps (all of them, or two when only the score counts).
struct Dp<'a> {
    text: &'a str,
    p: &'a [u8],
    lo: usize,
    w: usize,
    rows: usize,
}

impl Dp<'_> {
    fn row(&self, j: usize) -> usize {
        (j % self.rows) * self.w
    }

    /// Fills the table row by row; false as soon as a row has no placement.
    fn fill(&self, table: &mut [i32]) -> bool {
        let (t, p, lo, w) = (self.text.as_bytes(), self.p, self.lo, self.w);
        for (i, cell) in table[..w].iter_mut().enumerate() {
            let at = lo + i;
            if t[at] == p[0] && word_start(self.text, at) {
                *cell = if at == 0 { AT_START as i32 } else { 0 };
            }
        }
        for (j, &pj) in p.iter().enumerate().skip(1) {
            let (prev, cur) = (self.row(j - 1), self.row(j));
            let mut before = NONE; // the best placement of p[j-1] at least two bytes back
            let mut any = false;
            for i in 0..w {
                if i >= 2 {
                    before = before.max(table[prev + i - 2]);
                }
                let mut best = NONE;
                if t[lo + i] == pj {
                    if i >= 1 {
                        best = table[prev + i - 1];
                    }
                    if before > NONE && word_start(self.text, lo + i) {
                        best = best.max(before - PER_PIECE as i32);
                    }
                }
                any |= best > NONE;
                table[cur + i] = best;
            }
            if !any {
                return false;
            }
        }
        true
    }

    /// Where the last pattern byte sits in the best alignment (the leftmost of the best), and
    /// that alignment's score, the word-end bonus included.
    fn best_end(&self, table: &[i32]) -> Option<(usize, i32)> {
        let last = self.row(self.p.len() - 1);
        let mut best: Option<(usize, i32)> = None;
        for i in 0..self.w {
            let s = table[last + i];
            if s > NONE {
                let s = s + if ends_word(self.text, self.lo + i + 1) { WHOLE_WORD as i32 } else { 0 };
                if best.is_none_or(|(_, b)| s > b) {
                    best = Some((i, s));
                }
            }
        }
        best
    }

    /// The byte offsets of the alignment ending at `end`, back from its end: continue a piece
    /// when that scores the same, else the nearest placement of the previous byte that does.
    fn back(&self, table: &[i32], end: usize) -> Option<Vec<usize>> {
        let m = self.p.len();
        let mut bytes = vec![0; m];
        let mut i = end;
        for j in (0..m).rev() {
            bytes[j] = self.lo + i;
            if j == 0 {
                break;
            }
            let (v, prev) = (table[self.row(j) + i], self.row(j - 1));
            i = if i >= 1 && table[prev + i - 1] == v {
                i - 1
            } else {
                (0..i.saturating_sub(1)).rev().find(|&k| table[prev + k] - PER_PIECE as i32 == v)?
            };
        }
        Some(bytes)
    }
}

/// A compact match: its byte window and its bonuses.
struct Window {
    start: usize,
    end: usize,
    bonus: i64,
}

/// The best byte window of `text` that spells `p` with optional separators between its
/// letters, placed as `anchor` says. Works on bytes (UTF-8 sequences compare as bytes, and a
/// pattern's first byte is never a continuation byte, so windows sit on char boundaries).
///
/// Only the bonuses differ between windows, and only a window at byte 0 can have both: the first
/// window is the best unless it has neither, and then the scan goes on only for one that ends a
/// word.
fn best_compact(text: &str, p: &[u8], anchor: Anchor) -> Option<Window> {
    let t = text.as_bytes();
    let first = *p.first()?;
    // At the field's start only, or wherever the first byte is. (Scanning for the rarest byte,
    // as `spelled_from` does, was slower here: most patterns a field is matched with are short.)
    let only_first = matches!(anchor, Anchor::FieldStart | Anchor::Whole);
    let head = if only_first { &t[..t.len().min(1)] } else { t };
    let mut best: Option<Window> = None;
    for start in memchr::memchr_iter(first, head) {
        if anchor == Anchor::WordStart && !word_start(text, start) {
            continue;
        }
        let Some(end) = spell_at(t, p, start) else { continue };
        let at_end = t[end..].iter().all(|&b| is_separator(b));
        if matches!(anchor, Anchor::FieldEnd | Anchor::Whole) && !at_end {
            continue;
        }
        let bonus = if start == 0 { AT_START } else { 0 } + if ends_word(text, end) { WHOLE_WORD } else { 0 };
        if best.as_ref().is_none_or(|b| bonus > b.bonus) {
            best = Some(Window { start, end, bonus });
        }
        if bonus > 0 {
            break;
        }
    }
    best
}

/// The best window of `text` that spells `pat` as `anchor` says, as byte offsets.
pub fn find_compact(text: &str, pat: &str, anchor: Anchor) -> Option<(usize, usize)> {
    best_compact(text, pat.as_bytes(), anchor).map(|w| (w.start, w.end))
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
    fn one_char_matches_fuzzily_as_the_dynamic_programme_would() {
        let texts = ["to lam", "lam to", "t", "xt t", "tô lâm", "ôtô", "a-t t.", "tt tx", "", "x ô"];
        for text in texts {
            for pat in ["t", "ô", "x", "a"] {
                let dp = best_fuzzy(text, pat, true)
                    .map(|(bonus, bytes)| (bonus + PER_LETTER, char_indices(text, &bytes)));
                assert_eq!(
                    match_text(Rule::Fuzzy, text, pat, true).map(|m| (m.score, m.chars)),
                    dp,
                    "{text} {pat}"
                );
            }
        }
    }

    #[test]
    fn two_bytes_match_fuzzily_as_the_dynamic_programme_would() {
        // Every text of up to 6 chars over a small alphabet with separators and a 2-byte letter.
        let alphabet = ["a", "b", " ", "-", "ô", "x"];
        let (mut texts, mut last) = (vec![String::new()], vec![String::new()]);
        for _ in 0..6 {
            last = last.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
            texts.extend(last.iter().cloned());
        }
        for text in &texts {
            for pat in ["ab", "aa", "ba", "bx"] {
                let dp = best_fuzzy(text, pat, false).map(|(bonus, _)| bonus);
                assert_eq!(best_fuzzy_two(text, pat.as_bytes()[0], pat.as_bytes()[1]), dp, "{text:?} {pat}");
            }
        }
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
    fn the_best_alignment_counts_not_the_first() {
        use Anchor::*;
        use Rule::*;
        let both =
            |rule: Rule, text: &str, pat: &str| match_text(rule, text, pat, true).map(|m| (m.score, m.chars));
        // The whole word after a word that only starts with it.
        assert_eq!(both(Fuzzy, "to lamb lam", "lam"), Some((48 + 8, vec![8, 9, 10])));
        assert_eq!(both(Compact(WordStart), "x lamb lam", "lam"), Some((48 + 8, vec![7, 8, 9])));
        assert_eq!(both(Compact(Anywhere), "salami lam", "lam"), Some((48 + 8, vec![7, 8, 9])));
        // One piece that ends a word, not three from the field's start.
        assert_eq!(both(Fuzzy, "ho chi minh, hcm", "hcm"), Some((48 + 8, vec![13, 14, 15])));
        // Three pieces (`ab`, `c`, `d`: −12) lose to two (`a`, `bcd`: −6).
        assert_eq!(both(Fuzzy, "ab c d bcd", "abcd"), Some((64 + 8 + 8 - 6, vec![0, 7, 8, 9])));
        // The start of the field is worth a piece: +8 −6 beats +0.
        assert_eq!(both(Fuzzy, "a bc abc", "abc"), Some((48 + 8 + 8 - 6, vec![0, 2, 3])));
        // On a tie the leftmost: both end a word, neither starts the field.
        assert_eq!(both(Compact(WordStart), "x lam lam", "lam"), Some((48 + 8, vec![2, 3, 4])));
        // A window at the start that does not end a word ties with a later whole word.
        assert_eq!(both(Compact(WordStart), "lamb lam", "lam"), Some((48 + 8, vec![0, 1, 2])));
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
