//! Accent folding: the form in which text is searched, with a map back to the original.
//!
//! Folding lower-cases, decomposes (so NFC and NFD input fold alike) and drops every combining
//! mark. Letters that Unicode does not decompose are spelled out as a reader without the
//! keyboard would type them: `đ ð → d`, `ł → l`, `ø → o`, `ı → i`, `ħ → h`, `æ → ae`,
//! `œ → oe`, `ß → ss`, `þ → th`, capitals alike. Typographic apostrophes and hyphens become
//! `'` and `-`. Each folded char remembers the byte offset of the original char it came from
//! (one original char may give two folded ones), so matches found in the folded copy are
//! highlighted in the original text, accents and all.
//!
//! This module depends on nothing else in the crate.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folded text plus, for each folded char, the byte offset of its origin in the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    pub origin: Vec<u32>,
}

/// Folds `s` and keeps the map back to it.
pub fn fold(s: &str) -> Folded {
    let mut out = Folded { text: String::with_capacity(s.len()), origin: Vec::with_capacity(s.len()) };
    for (at, c) in s.char_indices() {
        fold_char(c, |f| {
            out.text.push(f);
            out.origin.push(at as u32);
        });
    }
    out
}

/// Folds `s` without keeping the map (for queries and lookups).
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, |f| out.push(f));
    }
    out
}

/// Lower-cases `s` but keeps its accents, composed (NFC); used for accent-sensitive matching.
/// Punctuation is normalised as in `fold`.
pub fn lower_keep_accents(s: &str) -> Folded {
    let mut out = Folded { text: String::with_capacity(s.len()), origin: Vec::with_capacity(s.len()) };
    lower_into(s, &mut out.text, Some(&mut out.origin));
    out
}

/// `lower_keep_accents(s).text`, without the map (and without work for ASCII text): the search
/// lowers every field an accented term reaches, on every keystroke.
pub fn lower_accented(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    lower_accented_into(s, &mut text);
    text
}

/// `lower_accented`, onto the end of `out`.
pub fn lower_accented_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        lower_into(s, out, None);
    }
}

/// Lower-cases `s` onto `text`, composing decomposed accents, and pushes each pushed char's
/// origin when asked.
fn lower_into(s: &str, text: &mut String, mut origin: Option<&mut Vec<u32>>) {
    use unicode_normalization::UnicodeNormalization;
    for (at, c) in s.char_indices() {
        if c.is_ascii() {
            push(text, &mut origin, c.to_ascii_lowercase(), at);
            continue;
        }
        // (No combining mark comes before U+0300: Latin-1's letters skip the lookup.)
        if c >= '\u{300}' && is_combining_mark(c) {
            // A decomposed accent belongs to the char before it: compose it back in place.
            if let Some(prev) = text.pop() {
                let composed: String = [prev, c].iter().collect::<String>().nfc().collect();
                text.push_str(&composed);
                if let Some(o) = origin.as_deref_mut() {
                    let n = composed.chars().count();
                    let from = *o.last().unwrap_or(&(at as u32));
                    o.truncate(o.len().saturating_sub(1));
                    o.extend(std::iter::repeat_n(from, n));
                }
                continue;
            }
        }
        let c = punctuation(c).unwrap_or(c);
        // Most letters are lower case already: `is_lowercase` is a quicker lookup than
        // `to_lowercase`, and every lower-case char lowers to itself (a test checks each one).
        if c.is_lowercase() {
            push(text, &mut origin, c, at);
        } else {
            c.to_lowercase().for_each(|l| push(text, &mut origin, l, at));
        }
    }
}

/// Pushes `c`, and its origin `at` when the map is kept.
fn push(text: &mut String, origin: &mut Option<&mut Vec<u32>>, c: char, at: usize) {
    text.push(c);
    if let Some(o) = origin.as_deref_mut() {
        o.push(at as u32);
    }
}

/// True if `s` has any letter whose folded form differs from its lower-case form: an accent,
/// or a letter such as `đ`, `ł` or `ß`. Such a query asks for its accents to be respected.
pub fn has_accents(s: &str) -> bool {
    s.chars().any(|c| {
        if c.is_ascii() || punctuation(c).is_some() {
            return false;
        }
        let mut folded = String::new();
        fold_char(c, |f| folded.push(f));
        folded != c.to_lowercase().to_string()
    })
}

/// False only when `lower_accented(s)` cannot hold the char `c` (not ASCII): `s` has neither
/// `c` nor a char that lowers to it (`Ô` for `ô`). Only for an `s` without combining marks
/// (`has_combining_mark`), which lowering composes with the char before them.
pub fn may_lower_to(s: &str, c: char) -> bool {
    let has = |x: char| memchr::memmem::find(s.as_bytes(), x.encode_utf8(&mut [0; 4]).as_bytes()).is_some();
    has(c) || lowered_from(c).iter().any(|&x| has(x))
}

/// True if `s` has a combining mark (a decomposed accent).
pub fn has_combining_mark(s: &str) -> bool {
    // Marks are U+0300 or above: chars whose first byte is 0xCC or more. The Latin letters of
    // U+1E00–U+1EFF (Vietnamese: E1 B8–BB) are not marks, and are passed without decoding.
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&x| x >= 0xCC) {
        let at = i + k;
        if b[at] == 0xE1 && b.get(at + 1).is_some_and(|x| (0xB8..=0xBB).contains(x)) {
            i = at + 3;
            continue;
        }
        let c = s[at..].chars().next().unwrap_or_default();
        if is_combining_mark(c) {
            return true;
        }
        i = at + c.len_utf8().max(1);
    }
    false
}

/// Every char other than `c` whose lowering holds `c` (not ASCII): worked out once, from every
/// char of the first two planes (2 ms; no char above lowers to another, which a test checks).
fn lowered_from(c: char) -> &'static [char] {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<char, Vec<char>>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: std::collections::HashMap<char, Vec<char>> = std::collections::HashMap::new();
        for x in (0..0x2_0000).filter_map(char::from_u32) {
            for l in punctuation(x).unwrap_or(x).to_lowercase().filter(|&l| l != x && !l.is_ascii()) {
                table.entry(l).or_default().push(x);
            }
        }
        table
    });
    table.get(&c).map_or(&[], Vec::as_slice)
}

/// Typographic apostrophes and hyphens, as their ASCII forms.
fn punctuation(c: char) -> Option<char> {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02B9}' => Some('\''),
        '\u{2010}' | '\u{2011}' => Some('-'),
        _ => None,
    }
}

/// Letters that canonical decomposition leaves alone, spelled in ASCII.
fn spelled(c: char) -> Option<&'static str> {
    Some(match c {
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'ł' | 'Ł' => "l",
        'ø' | 'Ø' => "o",
        'ı' => "i",
        'ħ' | 'Ħ' => "h",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ß' | 'ẞ' => "ss",
        'þ' | 'Þ' => "th",
        _ => return None,
    })
}

#[inline]
fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
        return;
    }
    if let Some(s) = spelled(c) {
        s.chars().for_each(emit);
        return;
    }
    if let Some(p) = punctuation(c) {
        emit(p);
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            for l in d.to_lowercase() {
                if !is_combining_mark(l) {
                    emit(l);
                }
            }
        }
    })
}

/// Whether `s` is an id our format accepts: lower-case a–z, 0–9 and `-`, not at either end.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An id our format accepts: lower-case a–z, 0–9 and `-`.
pub fn slug(s: &str) -> String {
    let folded = fold_str(s);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "event".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn folds_every_vietnamese_vowel_with_every_tone() {
        // Each row: the base vowel, then it with no tone, huyền, sắc, hỏi, ngã, nặng.
        let table = [
            ("a", "a à á ả ã ạ"),
            ("a", "ă ằ ắ ẳ ẵ ặ"),
            ("a", "â ầ ấ ẩ ẫ ậ"),
            ("e", "e è é ẻ ẽ ẹ"),
            ("e", "ê ề ế ể ễ ệ"),
            ("i", "i ì í ỉ ĩ ị"),
            ("o", "o ò ó ỏ õ ọ"),
            ("o", "ô ồ ố ổ ỗ ộ"),
            ("o", "ơ ờ ớ ở ỡ ợ"),
            ("u", "u ù ú ủ ũ ụ"),
            ("u", "ư ừ ứ ử ữ ự"),
            ("y", "y ỳ ý ỷ ỹ ỵ"),
        ];
        for (base, row) in table {
            for v in row.split(' ') {
                let upper: String = v.to_uppercase();
                let nfd: String = v.nfd().collect();
                for form in [v.to_string(), upper, nfd] {
                    assert_eq!(fold_str(&form), base, "{form:?}");
                }
            }
        }
    }

    #[test]
    fn folds_d_with_stroke_and_whole_names() {
        for (input, want) in [
            ("đ", "d"),
            ("Đ", "d"),
            ("Đại hội", "dai hoi"),
            ("Tô Lâm", "to lam"),
            ("Hà Nội", "ha noi"),
            ("Việt Nam", "viet nam"),
            ("Thongloun", "thongloun"),
            ("Erdoğan", "erdogan"),
            ("José Ramos-Horta", "jose ramos-horta"),
            ("To Lam’s", "to lam's"),
        ] {
            assert_eq!(fold_str(input), want, "{input}");
            let nfd: String = input.nfd().collect();
            assert_eq!(fold_str(&nfd), want, "NFD {input}");
        }
    }

    #[test]
    fn origin_maps_each_folded_char_to_its_original_char() {
        let s = "Đại hội";
        let f = fold(s);
        assert_eq!(f.text, "dai hoi");
        let back: Vec<&str> = f
            .origin
            .iter()
            .map(|&o| {
                let rest = &s[o as usize..];
                &rest[..rest.chars().next().unwrap().len_utf8()]
            })
            .collect();
        assert_eq!(back, ["Đ", "ạ", "i", " ", "h", "ộ", "i"]);
    }

    #[test]
    fn origin_points_at_the_base_letter_in_nfd_text() {
        let s: String = "Lâm".nfd().collect();
        let f = fold(&s);
        assert_eq!(f.text, "lam");
        assert_eq!(f.origin, [0, 1, 4]); // 'a' at 1, its circumflex at 2..4 is dropped
    }

    #[test]
    fn keeps_accents_when_asked_and_composes_nfd() {
        let nfd: String = "Lào".nfd().collect();
        assert_eq!(lower_keep_accents(&nfd).text, "lào");
        assert_eq!(lower_keep_accents("LÀO").text, "lào");
        assert_eq!(lower_keep_accents("Lào").origin, [0, 1, 3]);
        // Every lower-case char lowers to itself (what `lower_into` counts on).
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| c.is_lowercase()) {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
        // Without the map, the same text.
        use unicode_normalization::UnicodeNormalization;
        for s in ["LÀO", "Tô Lâm’s", "ĐẠI HỘI", "İstanbul", "ß", "", "a\u{301}\u{302}", "\u{301}x"]
        {
            for form in [s.to_string(), s.nfd().collect(), s.nfc().collect()] {
                assert_eq!(lower_accented(&form), lower_keep_accents(&form).text, "{form:?}");
            }
        }
    }

    /// `may_lower_to` is false only where lowering cannot give the char: checked for every
    /// char there is (the search's reference tests check it on whole texts).
    #[test]
    fn may_lower_to_misses_no_char_that_lowers_to_it() {
        for x in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = x.to_string();
            if has_combining_mark(&s) {
                continue; // `may_lower_to` is not asked about such texts
            }
            for l in lower_accented(&s).chars().filter(|l| !l.is_ascii()) {
                assert!(may_lower_to(&s, l), "{x:?} lowers to {l:?}");
            }
        }
        assert!(may_lower_to("Tổng Bí thư TÔ LÂM", 'ô'));
        assert!(may_lower_to("Tổng Bí thư TÔ LÂM", 'â'));
        assert!(!may_lower_to("Tổng Bí thư Tố Lam", 'ô'));
        assert!(!may_lower_to("To Lam", 'ô'));
    }

    #[test]
    fn finds_combining_marks_as_a_char_scan_does() {
        let scan = |s: &str| s.chars().any(is_combining_mark);
        for x in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!("ạ{x}ô");
            assert_eq!(has_combining_mark(&s), scan(&s), "{x:?}");
        }
        use unicode_normalization::UnicodeNormalization;
        for s in ["Tô Lâm", "Đại hội XIV", "ạ\u{301}", "x\u{1ab0}", "\u{20d0}", ""] {
            for form in [s.to_string(), s.nfd().collect(), s.nfc().collect()] {
                assert_eq!(has_combining_mark(&form), scan(&form), "{form:?}");
            }
        }
    }

    #[test]
    fn detects_accents() {
        assert!(has_accents("Lào"));
        assert!(has_accents("đa"));
        assert!(has_accents(&"Lào".nfd().collect::<String>()));
        assert!(!has_accents("to lam"));
        assert!(!has_accents("'Baku !1983"));
    }

    #[test]
    fn folds_letters_that_do_not_decompose() {
        for (input, want) in [
            ("Łódź", "lodz"),
            ("Kılıçdaroğlu", "kilicdaroglu"),
            ("Søren", "soren"),
            ("Straße", "strasse"),
            ("STRAẞE", "strasse"),
            ("Æsir Œuvre", "aesir oeuvre"),
            ("Þór Ðorđe", "thor dorde"),
            ("Ħamrun", "hamrun"),
            ("İzmir", "izmir"),
            ("Ø Ł", "o l"),
        ] {
            assert_eq!(fold_str(input), want, "{input}");
            let nfd: String = input.nfd().collect();
            assert_eq!(fold_str(&nfd), want, "NFD {input}");
        }
    }

    #[test]
    fn one_letter_may_fold_to_two_and_both_point_back_at_it() {
        let s = "Straße";
        let f = fold(s);
        assert_eq!(f.text, "strasse");
        // 'ß' is two bytes at offset 4; both folded 's' point at it, and 'e' follows at 6.
        assert_eq!(f.origin, [0, 1, 2, 3, 4, 4, 6]);
        let f = fold("Æb");
        assert_eq!((f.text.as_str(), f.origin.as_slice()), ("aeb", &[0, 0, 2][..]));
    }

    #[test]
    fn typographic_punctuation_folds_to_ascii() {
        assert_eq!(fold_str("Lee Jae\u{2011}myung’s"), "lee jae-myung's");
        assert_eq!(lower_keep_accents("Lâm’s").text, "lâm's");
        assert!(!has_accents("don’t"));
        assert!(has_accents("Łódź"));
        assert!(has_accents("straße"));
        assert!(!has_accents("strasse"));
    }
}
