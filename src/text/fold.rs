//! Accent folding: the form in which text is searched, with a map back to the original.
//!
//! Folding lower-cases, decomposes (so NFC and NFD input fold alike), drops every combining
//! mark and turns `đ`/`Đ` into `d`, which Unicode decomposition does not do. Each folded char
//! remembers the byte offset of the original char it came from, so matches found in the folded
//! copy are highlighted in the original text, accents and all.

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
pub fn lower_keep_accents(s: &str) -> Folded {
    use unicode_normalization::UnicodeNormalization;
    let mut out = Folded::default();
    for (at, c) in s.char_indices() {
        if is_combining_mark(c) {
            // A decomposed accent belongs to the char before it: compose it back in place.
            if let Some(prev) = out.text.pop() {
                let composed: String = [prev, c].iter().collect::<String>().nfc().collect();
                out.text.push_str(&composed);
                let n = composed.chars().count();
                let o = *out.origin.last().unwrap_or(&(at as u32));
                out.origin.truncate(out.origin.len().saturating_sub(1));
                out.origin.extend(std::iter::repeat_n(o, n));
                continue;
            }
        }
        for l in c.to_lowercase() {
            out.text.push(l);
            out.origin.push(at as u32);
        }
    }
    out
}

/// True if `s` has any letter whose folded form differs from its lower-case form, i.e. an accent
/// or `đ`. Such a query asks for its accents to be respected.
pub fn has_accents(s: &str) -> bool {
    s.chars().any(|c| {
        c == 'đ' || c == 'Đ' || is_combining_mark(c) || {
            let mut plain = true;
            decompose_canonical(c, |d| plain &= !is_combining_mark(d));
            !plain
        }
    })
}

#[inline]
fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
        return;
    }
    match c {
        'đ' | 'Đ' => emit('d'),
        _ => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                for l in d.to_lowercase() {
                    if !is_combining_mark(l) {
                        emit(l);
                    }
                }
            }
        }),
    }
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
            ("To Lam’s", "to lam’s"),
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
    }

    #[test]
    fn detects_accents() {
        assert!(has_accents("Lào"));
        assert!(has_accents("đa"));
        assert!(has_accents(&"Lào".nfd().collect::<String>()));
        assert!(!has_accents("to lam"));
        assert!(!has_accents("'Baku !1983"));
    }
}
