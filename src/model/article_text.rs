//! An article's text: held from the start (a load from the files), or read from disk the first
//! time something needs it (a start from the index cache, which only checks the article's stat).

use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

/// How a text not yet read is fetched: it always gives a text (on failure, one that says so).
type Fetch = Arc<dyn Fn() -> String + Send + Sync>;

/// An article's text, read at most once. It dereferences to `str`.
#[derive(Clone, Default)]
pub struct ArticleText {
    cell: OnceLock<String>,
    fetch: Option<Fetch>,
}

impl ArticleText {
    /// A text read the first time it is needed, by `fetch`.
    pub fn lazy(fetch: impl Fn() -> String + Send + Sync + 'static) -> Self {
        Self { cell: OnceLock::new(), fetch: Some(Arc::new(fetch)) }
    }

    pub fn as_str(&self) -> &str {
        self.cell.get_or_init(|| self.fetch.as_ref().map(|f| f()).unwrap_or_default())
    }

    /// Whether the text is in memory (it was given, or has been read).
    pub fn is_read(&self) -> bool {
        self.cell.get().is_some() || self.fetch.is_none()
    }
}

impl From<String> for ArticleText {
    fn from(text: String) -> Self {
        Self { cell: OnceLock::from(text), fetch: None }
    }
}

impl Deref for ArticleText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<ArticleText> for String {
    fn eq(&self, other: &ArticleText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<String> for ArticleText {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<str> for ArticleText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ArticleText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for ArticleText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.cell.get() {
            Some(text) => fmt::Debug::fmt(text, f),
            None => f.write_str("<not read yet>"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ArticleText;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_lazy_text_is_fetched_once_and_only_when_needed() {
        let calls = Arc::new(AtomicUsize::new(0));
        let counted = calls.clone();
        let text = ArticleText::lazy(move || {
            counted.fetch_add(1, Ordering::SeqCst);
            "Tô Lâm".to_string()
        });
        assert!(!text.is_read());
        assert_eq!(calls.load(Ordering::SeqCst), 0);
        assert_eq!(&*text, "Tô Lâm");
        assert_eq!(text.len(), "Tô Lâm".len());
        assert!(text.is_read());
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        let given = ArticleText::from("x".to_string());
        assert!(given.is_read());
        assert_eq!(given.as_str(), "x");
        assert_eq!(ArticleText::default().as_str(), "");
    }
}
