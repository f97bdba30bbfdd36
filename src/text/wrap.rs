//! Word wrapping by display width, keeping byte offsets into the original text.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of a string.
pub fn width(s: &str) -> usize {
    // Printable ASCII is a column a byte: most cells, without the lookups.
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return s.len();
    }
    UnicodeWidthStr::width(s)
}

/// Wraps `text` into lines at most `max` columns wide, at spaces where it can and inside a word
/// only when the word alone is too long (at grapheme boundaries, never inside a letter).
/// Newlines are hard breaks. Returns the byte range of each line, without trailing spaces.
pub fn wrap(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    for para in text.split('\n') {
        wrap_paragraph(para, start, max, &mut lines);
        start += para.len() + 1;
    }
    lines
}

fn wrap_paragraph(para: &str, base: usize, max: usize, out: &mut Vec<Range<usize>>) {
    let mut line_start = 0; // byte offset in para
    let mut line_end = 0; // end of the last word placed on the line
    let mut col = 0;
    for (at, word) in tokens(para) {
        let w = width(word);
        let is_space = word.starts_with(' ');
        if col + w <= max || (is_space && col > 0) {
            col += w;
            if !is_space {
                line_end = at + word.len();
            }
            continue;
        }
        if col > 0 {
            out.push(base + line_start..base + line_end);
        }
        // Start a new line with this word, breaking it if it is longer than a line.
        let mut seg_start = at;
        col = 0;
        for (g_at, g) in word.grapheme_indices(true) {
            let gw = width(g);
            if col + gw > max && col > 0 {
                out.push(base + seg_start..base + at + g_at);
                seg_start = at + g_at;
                col = 0;
            }
            col += gw;
        }
        line_start = seg_start;
        line_end = at + word.len();
    }
    out.push(base + line_start..base + line_end.max(line_start));
}

/// Splits a paragraph into alternating runs of spaces and of everything else, with offsets.
/// Lines break only at spaces, so `18/1/1950` or `Việt-Nam` stay whole where they fit.
fn tokens(para: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &para[at..];
        let first = rest.chars().next()?;
        let space = first == ' ';
        let len = rest.find(|c: char| (c == ' ') != space).unwrap_or(rest.len());
        let tok = (at, &rest[..len]);
        at += len;
        Some(tok)
    })
}

/// Replaces control characters, which would garble the terminal, with spaces.
pub fn clean(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// The printable-ASCII shortcut gives what the tables give.
    #[test]
    fn printable_ascii_is_a_column_a_byte() {
        let ascii: String = (b' '..=b'~').map(char::from).collect();
        assert_eq!(width(&ascii), UnicodeWidthStr::width(ascii.as_str()));
        for s in ["", "VN,LA", "state-visit", "a\u{7f}", "x\ty", "Tô"] {
            assert_eq!(width(s), UnicodeWidthStr::width(s), "{s:?}");
        }
    }

    fn lines(text: &str, max: usize) -> Vec<&str> {
        wrap(text, max).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(lines("Tổng Bí thư Tô Lâm đã tiếp", 12), ["Tổng Bí thư", "Tô Lâm đã", "tiếp"]);
        assert_eq!(lines("a\n\nb", 5), ["a", "", "b"]);
        assert_eq!(lines("", 5), [""]);
        assert_eq!(lines("ngày (18/1/1950 – 18/1/2026)", 12), ["ngày", "(18/1/1950 –", "18/1/2026)"]);
    }

    #[test]
    fn long_words_break_between_letters_not_inside_them() {
        assert_eq!(lines("Nguyễnnnnn", 4), ["Nguy", "ễnnn", "nn"]);
        let nfd: String = "Nguyễn".nfd().collect();
        let got = lines(&nfd, 4);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].nfc().collect::<String>(), "ễn");
    }

    #[test]
    fn nfc_and_nfd_wrap_to_the_same_columns() {
        let nfc = "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng Cộng sản Việt Nam";
        let nfd: String = nfc.nfd().collect();
        let a: Vec<String> = lines(nfc, 17).iter().map(|s| s.to_string()).collect();
        let b: Vec<String> = lines(&nfd, 17).iter().map(|s| s.nfc().collect()).collect();
        assert_eq!(a, b);
        assert!(lines(nfc, 17).iter().all(|l| width(l) <= 17));
    }
}
