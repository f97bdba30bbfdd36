//! Source articles: where they come from (built in, or a directory), reading them as UTF-8,
//! normalising them to NFC, and finding quotes in them.

use super::json::LineIndex;
use std::ops::Range;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// The built-in articles, embedded in the binary.
pub const BUILTIN_ARTICLES: &[(&str, &[u8])] = &[
    ("000_7f01cb9a56f4bbbb.txt", include_bytes!("../../seeds/000_7f01cb9a56f4bbbb.txt")),
    ("001_58846d6f33e41595.txt", include_bytes!("../../seeds/001_58846d6f33e41595.txt")),
    ("002_85b2dca06c47c68f.txt", include_bytes!("../../seeds/002_85b2dca06c47c68f.txt")),
    ("003_b14b693744722153.txt", include_bytes!("../../seeds/003_b14b693744722153.txt")),
    ("004_f628f0eab526a9a1.txt", include_bytes!("../../seeds/004_f628f0eab526a9a1.txt")),
];

/// Where a data set's articles are read from.
#[derive(Debug, Clone)]
pub enum ArticleStore {
    Builtin,
    Dir(PathBuf),
}

/// An article's text, normalised to NFC, and the text as saved if it was not NFC.
pub struct Article {
    pub text: String,
    pub saved: Option<String>,
    /// What the index cache needs to know about the file as read.
    pub key: ArticleKey,
}

/// The content hash of an article file as read, and whether its text is exactly its bytes (no
/// byte-order mark, CRLF or non-NFC text to normalise): then the cache need not store the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ArticleKey {
    pub hash: u128,
    pub verbatim: bool,
}

/// The content hash used for data files and articles (XXH3, 128 bits).
pub fn content_hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

impl Article {
    /// Turns a byte offset in the NFC text into `line:col` of the file as saved. The offset is
    /// carried over by user-perceived characters (graphemes), which NFC and NFD share; the column
    /// is then counted in code points of the saved text, like every other column we report.
    pub fn saved_line_col(&self, at: usize) -> (usize, usize) {
        use unicode_segmentation::UnicodeSegmentation;
        let Some(saved) = &self.saved else { return LineIndex::new(&self.text).line_col(at) };
        let n = self.text[..at].graphemes(true).count();
        let raw = saved.grapheme_indices(true).nth(n).map_or(saved.len(), |(i, _)| i);
        LineIndex::new(saved).line_col(raw)
    }
}

/// Why an article could not be read.
pub enum ReadError {
    Missing(String),
    /// It is there but was refused: the display path and why.
    Refused(String, super::file::FileError),
    /// Not UTF-8: the display path, and the byte offset of the first bad byte.
    NotUtf8 {
        path: String,
        at: usize,
        line: usize,
        col: usize,
    },
}

impl ArticleStore {
    /// The path shown in messages for an article.
    pub fn display(&self, file: &str) -> String {
        match self {
            ArticleStore::Builtin => format!("seeds/{file}"),
            ArticleStore::Dir(d) => d.join(file).display().to_string(),
        }
    }

    /// Reads an article's bytes as saved.
    pub fn read_bytes(&self, file: &str) -> Result<Vec<u8>, ReadError> {
        match self {
            ArticleStore::Builtin => BUILTIN_ARTICLES
                .iter()
                .find(|(n, _)| *n == file)
                .map(|(_, b)| b.to_vec())
                .ok_or_else(|| ReadError::Missing(self.display(file))),
            ArticleStore::Dir(d) => {
                let shown = || d.join(file).display().to_string();
                if !is_plain_name(file) {
                    return Err(ReadError::Missing(shown()));
                }
                super::file::read_in_dir(d, file, super::file::MAX_ARTICLE_BYTES).map_err(|e| match e {
                    super::file::FileError::NotFound => ReadError::Missing(shown()),
                    e => ReadError::Refused(shown(), e),
                })
            }
        }
    }

    /// Reads an article: its text in NFC, and the text as saved when that differs.
    pub fn read(&self, file: &str) -> Result<Article, ReadError> {
        let bytes = self.read_bytes(file)?;
        let hash = content_hash(&bytes);
        match String::from_utf8(bytes) {
            Ok(s) => {
                let plain = !s.starts_with('\u{feff}') && !s.contains("\r\n");
                let saved =
                    if plain { s } else { s.strip_prefix('\u{feff}').unwrap_or(&s).replace("\r\n", "\n") };
                // Most articles are NFC already: then the text is the string read, not a copy.
                let (text, saved) =
                    if is_nfc(&saved) { (saved, None) } else { (saved.nfc().collect(), Some(saved)) };
                let key = ArticleKey { hash, verbatim: plain && saved.is_none() };
                Ok(Article { saved, text, key })
            }
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let good = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
                let (line, col) = LineIndex::new(good).line_col(at);
                Err(ReadError::NotUtf8 { path: self.display(file), at, line, col })
            }
        }
    }
}

/// A file name must stay inside the seeds directory.
fn is_plain_name(file: &str) -> bool {
    let p = Path::new(file);
    !file.is_empty() && p.components().count() == 1 && p.file_name().is_some()
}

/// Whether a text is NFC, by the quick check (exact for text that passes it; a `Maybe` is
/// treated as not NFC and normalised, which is harmless).
fn is_nfc(s: &str) -> bool {
    unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes
}

/// NFC form, borrowing nothing; cheap when the text is already NFC.
pub fn to_nfc(s: &str) -> String {
    if is_nfc(s) { s.to_string() } else { s.nfc().collect() }
}

/// Finds a quote (already NFC) in an article (NFC) and returns its byte range.
pub fn find_quote(text: &str, quote: &str) -> Option<Range<usize>> {
    if quote.trim().is_empty() {
        return None;
    }
    memchr::memmem::find(text.as_bytes(), quote.as_bytes()).map(|at| at..at + quote.len())
}

/// For a quote that is not in the text: how far it does match, to point at the difference.
/// Returns the byte length of the longest prefix of `quote` that occurs in `text`, and where.
pub fn longest_matching_prefix(text: &str, quote: &str) -> Option<(usize, usize)> {
    let bounds: Vec<usize> = quote.char_indices().map(|(i, _)| i).skip(1).chain([quote.len()]).collect();
    // Prefix occurrence is monotone in its length: binary search the longest one found.
    let (mut lo, mut hi) = (0usize, bounds.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if text.contains(&quote[..bounds[mid - 1]]) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    (lo > 0).then(|| {
        let len = bounds[lo - 1];
        (len, text.find(&quote[..len]).unwrap_or(0))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quotes_in_nfc_text() {
        let text = "Tổng Bí thư Tô Lâm đã tiếp";
        let q = to_nfc(&"Tô Lâm".nfd().collect::<String>());
        let r = find_quote(text, &q).unwrap();
        assert_eq!(&text[r], "Tô Lâm");
        assert_eq!(find_quote(text, "  "), None);
    }

    #[test]
    fn finds_the_longest_matching_prefix() {
        let text = "chuyến thăm Azerbaijan của Chủ tịch Hồ Chí Minh năm 1959";
        let (len, at) = longest_matching_prefix(text, "Chủ tịch Hồ Chí Minh năm 1960").unwrap();
        assert_eq!(&text[at..at + len], "Chủ tịch Hồ Chí Minh năm 19");
        assert_eq!(longest_matching_prefix(text, "xyz"), None);
    }

    #[test]
    fn builtin_seeds_are_the_shared_ones() {
        assert_eq!(BUILTIN_ARTICLES.len(), 5);
        assert!(ArticleStore::Builtin.read("004_f628f0eab526a9a1.txt").is_ok_and(|a| a.saved.is_none()));
        assert!(matches!(ArticleStore::Builtin.read("nope.txt"), Err(ReadError::Missing(_))));
    }

    #[test]
    fn positions_in_a_decomposed_file_count_its_own_characters() {
        let saved: String = "Tô Lâm\nĐại hội".nfd().collect();
        let key = ArticleKey { hash: 0, verbatim: false };
        let a = Article { text: to_nfc(&saved), saved: Some(saved), key };
        let at = a.text.find("hội").unwrap();
        // "Đại " is 5 code points in NFD (the dot below is its own), so "hội" starts at column 6.
        assert_eq!(a.saved_line_col(at), (2, 6));
    }

    #[test]
    fn file_names_cannot_escape_the_directory() {
        assert!(is_plain_name("a.txt"));
        assert!(!is_plain_name("../a.txt"));
        assert!(!is_plain_name("/etc/passwd"));
        assert!(!is_plain_name(""));
    }
}
