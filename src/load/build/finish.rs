//! After parsing: the articles that were read in the background are checked, every quote is
//! found in its article, and the texts and spans go into the timeline.

use super::{Builder, Fill};
use crate::load::articles::{self, Article, ArticleKey, ReadError};
use crate::load::json::LineIndex;
use crate::load::problem::Problem;
use crate::load::quotes::{self, Check};

impl Builder<'_> {
    /// Waits for the articles, reports those that could not be read and the quotes not found,
    /// and fills in texts, quotes and spans. Returns each source's article key.
    pub(super) fn finish(&mut self) -> Vec<ArticleKey> {
        let Some(readers) = self.readers.take() else { return Vec::new() };
        let articles = readers.finish(self.slots.len());
        for (slot, article) in articles.iter().enumerate() {
            if let Some(Err(e)) = article {
                self.read_problem(slot, e);
            }
        }
        let spans = quotes::find_all(&self.checks, &articles);
        for (check, span) in self.checks.iter().zip(&spans) {
            if let (None, Some(Some(Ok(article)))) = (span, articles.get(check.slot)) {
                let problem = self.quote_problem(check, article);
                self.cx.at(check.at, problem);
            }
        }
        for (fill, check) in std::mem::take(&mut self.fills) {
            let Some(span) = spans[check].clone() else { continue };
            let quote = std::mem::take(&mut self.checks[check].quote);
            match fill {
                Fill::Citation(e, c) => {
                    let citation = &mut self.timeline.events[e].citations[c];
                    (citation.quote, citation.span) = (quote.into(), span);
                }
                Fill::TitleVi(e) => self.timeline.events[e].set_title_vi(Some(quote.into())),
                Fill::ScanIgnore(i) => {
                    let ignore = &mut self.timeline.scan_ignores[i];
                    (ignore.quote, ignore.span) = (quote, span);
                }
            }
        }
        let mut articles: Vec<Option<Article>> =
            articles.into_iter().map(|a| a.and_then(Result::ok)).collect();
        let mut keys = Vec::with_capacity(self.source_slots.len());
        for (source, &slot) in self.timeline.sources.iter_mut().zip(&self.source_slots) {
            // A source whose article is missing was reported: the load fails, no key is needed.
            if let Some(article) = articles[slot].take() {
                keys.push(article.key);
                source.text = article.text.into();
            }
        }
        keys
    }

    fn read_problem(&mut self, slot: usize, e: &ReadError) {
        let (file, at) = &self.slots[slot];
        match e {
            ReadError::Missing(path) => {
                let message = format!(
                    "source file `{file}` does not exist (looked for {path}); check the name, or pass --articles DIR"
                );
                self.cx.at(*at, message);
            }
            ReadError::Refused(path, why) => {
                self.cx.at(*at, format!("cannot read source file `{file}` ({path}): {why}"));
            }
            ReadError::NotUtf8 { path, at: byte, line, col } => self.cx.problems.push(Problem {
                file: path.clone(),
                line: *line,
                col: *col,
                message: format!("not valid UTF-8 (bad byte at offset {byte}); save the article as UTF-8"),
            }),
        }
    }

    /// What to say about a quote that is not in its article: where it stops matching, if it
    /// nearly does.
    fn quote_problem(&self, check: &Check, article: &Article) -> String {
        let (text, quote, what) = (&article.text, &check.quote, check.what);
        let shown = self.input.articles.display(&self.slots[check.slot].0);
        let hint = match articles::longest_matching_prefix(text, quote) {
            Some((len, at)) if len * 2 >= quote.len().min(40) => {
                let (l, c) = match &article.saved {
                    Some(_) => article.saved_line_col(at + len),
                    None => LineIndex::new(text).line_col(at + len),
                };
                let theirs: String = text[at + len..].chars().take(12).collect();
                let ours: String = quote[len..].chars().take(12).collect();
                format!(
                    "it matches up to {shown}:{l}:{c}, where the article has \"{theirs}\" but the {what} has \"{ours}\""
                )
            }
            _ => "copy the words exactly, with their accents and punctuation".into(),
        };
        format!("{what} not found in {shown}: {hint}")
    }
}
