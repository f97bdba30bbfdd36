//! The engine's matcher against the reference's: on random short texts and patterns (ASCII,
//! Vietnamese letters composed and decomposed, separators), for every rule, the engine's score is
//! the best score of any alignment (found by the reference trying them all), and the positions
//! it returns, the ones highlighting shows, are an alignment with that score.

use proptest::prelude::*;
use timeline::search::matcher::{Anchor, Rule, compact, match_text};
use timeline::search::reference::{alignment_score, best_score};
use timeline::text::fold::{fold_str, lower_accented, lower_keep_accents};
use unicode_normalization::UnicodeNormalization;

const RULES: [Rule; 6] = [
    Rule::Fuzzy,
    Rule::Compact(Anchor::WordStart),
    Rule::Compact(Anchor::Anywhere),
    Rule::Compact(Anchor::FieldStart),
    Rule::Compact(Anchor::FieldEnd),
    Rule::Compact(Anchor::Whole),
];

/// Few letters, so that patterns often match in several ways; Vietnamese letters whose folded
/// form is one of them; separators and a comma (a word break that is no separator).
const TEXT_CHARS: &[&str] = &[
    "a", "b", "l", "m", "o", "A", "L", "ô", "ộ", "Ô", "à", "ă", "đ", "ơ", "7", " ", "-", ".", "'", "/", ",",
];
const PATTERN_CHARS: &[&str] = &["a", "b", "l", "m", "o", "ô", "à", "đ", "7"];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TEXT_CHARS), 0..16).prop_map(|c| c.concat())
}

fn pattern() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PATTERN_CHARS), 1..5).prop_map(|c| c.concat())
}

/// The engine agrees with the reference on `pat` in `text` by `rule`.
fn agrees(rule: Rule, text: &str, pat: &str) -> Result<(), TestCaseError> {
    let engine = match_text(rule, text, pat, true);
    let best = best_score(rule, text, pat);
    prop_assert_eq!(engine.as_ref().map(|m| m.score), best, "{:?} {:?} in {:?}: score", rule, pat, text);
    if let Some(m) = engine {
        let scored = alignment_score(rule, text, pat, &m.chars);
        prop_assert_eq!(scored, best, "{:?} {:?} in {:?}: positions {:?}", rule, pat, text, m.chars);
        let without_chars = match_text(rule, text, pat, false).map(|m| m.score);
        prop_assert_eq!(without_chars, best, "{:?}: the score does not depend on asking for positions", rule);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn the_engine_finds_the_best_alignment(text in text(), pat in pattern(), nfd in any::<bool>()) {
        let text: String = if nfd { text.nfd().collect() } else { text.nfc().collect() };
        let pat: String = if nfd { pat.nfd().collect() } else { pat.nfc().collect() };
        // As the search matches: folded, and (for a pattern with accents) accented.
        let (folded_text, folded_pat) = (fold_str(&text), compact(&fold_str(&pat)));
        let (accented_text, accented_pat) = (lower_accented(&text), compact(&lower_keep_accents(&pat).text));
        for rule in RULES {
            agrees(rule, &folded_text, &folded_pat)?;
            agrees(rule, &accented_text, &accented_pat)?;
        }
    }

    #[test]
    fn composed_and_decomposed_text_match_alike(text in text(), pat in pattern()) {
        let (nfc, nfd): (String, String) = (text.nfc().collect(), text.nfd().collect());
        let pat = compact(&fold_str(&pat));
        for rule in RULES {
            prop_assert_eq!(
                match_text(rule, &fold_str(&nfc), &pat, true),
                match_text(rule, &fold_str(&nfd), &pat, true),
                "{:?} {:?}", rule, pat
            );
        }
    }
}

/// The reference really tries every alignment: cases where the first alignment is not the best.
#[test]
fn the_reference_scores_every_alignment() {
    assert_eq!(best_score(Rule::Fuzzy, "to lamb lam", "lam"), Some(56));
    assert_eq!(alignment_score(Rule::Fuzzy, "to lamb lam", "lam", &[3, 4, 5]), Some(48));
    assert_eq!(alignment_score(Rule::Fuzzy, "to lamb lam", "lam", &[3, 4, 9]), None, "a piece inside a word");
    assert_eq!(best_score(Rule::Fuzzy, "ab c d bcd", "abcd"), Some(74));
    assert_eq!(alignment_score(Rule::Fuzzy, "ab c d bcd", "abcd", &[0, 1, 3, 5]), Some(68));
    let w = Rule::Compact(Anchor::WordStart);
    assert_eq!(best_score(w, "ramos-horta", "ramoshorta"), Some(16 * 10 + 16));
    assert_eq!(alignment_score(w, "ramos-horta", "ramoshorta", &[0, 1, 2, 3, 4, 6, 7, 8, 9, 10]), Some(176));
    assert_eq!(best_score(w, "dai, hoi", "daihoi"), None, "a comma is no separator");
    assert_eq!(best_score(Rule::Compact(Anchor::FieldEnd), "baku 1959.", "1959"), Some(64 + 8));
}
