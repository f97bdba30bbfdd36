//! Spelling a pattern in folded text with optional separators between its bytes, as compact
//! matching does (see `matcher`): the quick test that a compact term or pair can match an event
//! at all (`spelled_from`), and the steps of spelling from a given place (`spell_at`).

use super::matcher::is_separator;

/// True if `pat` is spelled somewhere in `text` with only separators between its bytes: what
/// `find_compact` finds at any anchor, or more. A quick test that a compact rule can match.
pub fn is_spelled(text: &[u8], pat: &[u8]) -> bool {
    spelled_from(text, pat).is_some()
}

/// Where `pat` is first spelled in `text` (see `is_spelled`): no compact match starts before.
///
/// The scan looks for the pattern's rarest byte (`RARITY`), not its first: the letters of a
/// pair like `tolam` are checked around each `m` of a text, not each `t`, of which there are
/// three times as many. From a place of that byte, the separators before each byte of the
/// pattern are skipped back one way only, so each place spells at most one window, and a
/// later place a later one: the first place that spells the pattern gives the first start. A
/// pattern with a separator in it (not made by `compact`) is scanned for its first byte.
pub fn spelled_from(text: &[u8], pat: &[u8]) -> Option<usize> {
    if pat.is_empty() {
        return Some(0);
    }
    let k = if pat.iter().any(|&b| is_separator(b)) {
        0
    } else {
        (0..pat.len()).min_by_key(|&k| RARITY[pat[k] as usize]).unwrap_or(0)
    };
    let (before, after) = (&pat[..k], &pat[k + 1..]);
    memchr::memchr_iter(pat[k], text)
        .find_map(|at| spelled_back(text, before, at).filter(|_| spell_on(text, after, at + 1).is_some()))
}

/// Where `before` starts if it is spelled, with optional separators between its bytes and
/// after its last, right before byte `end` of `t`.
#[inline]
fn spelled_back(t: &[u8], before: &[u8], end: usize) -> Option<usize> {
    let mut i = end;
    for &b in before.iter().rev() {
        while i > 0 && is_separator(t[i - 1]) {
            i -= 1;
        }
        if i == 0 || t[i - 1] != b {
            return None;
        }
        i -= 1;
    }
    Some(i)
}

/// Where `after` ends if it is spelled from byte `from` of `t`, with optional separators
/// before each of its bytes (a separator that is the byte itself is not skipped).
#[inline]
fn spell_on(t: &[u8], after: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    for &b in after {
        while t.get(i).is_some_and(|&x| is_separator(x) && x != b) {
            i += 1;
        }
        if t.get(i) != Some(&b) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// How common each byte is in folded text, lower is rarer: letters and digits in the order of
/// their frequency in the folded text of a generated data set (`examples/gen`, Vietnamese and
/// English); other bytes (separators, the bytes of letters that fold to no ASCII) rank rarest.
const RARITY: [u8; 256] = {
    let common = b"eaintorshcludmgypvk0f1b2w9x5q3j4678z";
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < common.len() {
        table[common[i] as usize] = (common.len() - i) as u8;
        i += 1;
    }
    table
};

/// Where `p` ends if it is spelled from `start` with optional separators between its bytes.
#[inline]
pub(super) fn spell_at(t: &[u8], p: &[u8], start: usize) -> Option<usize> {
    let (&first, rest) = p.split_first()?;
    (t.get(start) == Some(&first)).then(|| spell_on(t, rest, start + 1)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelled_from_finds_the_first_start_whichever_byte_it_scans_for() {
        // The reference: every start, in order, spelled forward from there.
        let first = |text: &[u8], pat: &[u8]| (0..=text.len()).find(|&s| spell_at(text, pat, s).is_some());
        // Every text of up to 7 chars over letters of different rarity, separators and a
        // two-byte letter, against patterns whose rarest byte is first, inside or last.
        let alphabet = ["e", "q", "z", " ", "-", "ô"];
        let (mut texts, mut last) = (vec![String::new()], vec![String::new()]);
        for _ in 0..7 {
            last = last.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
            texts.extend(last.iter().cloned());
        }
        let pats =
            ["e", "q", "eq", "qe", "eqe", "ezq", "zee", "eez", "ôq", "qô", "eôe", "ee", "zz", "e-q", ""];
        for text in &texts {
            for pat in pats {
                let (t, p) = (text.as_bytes(), pat.as_bytes());
                let want = if p.is_empty() { Some(0) } else { first(t, p) };
                assert_eq!(spelled_from(t, p), want, "{text:?} {pat:?}");
            }
        }
    }
}
