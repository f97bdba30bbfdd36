//! `timeline scan --undated`: what people of the registry do in the articles, without a date, that
//! no event cites.
//!
//! The date scan cannot see an event whose article gives no date ("Tô Lâm tiếp Đặc phái viên …" in
//! a related-news item). This one looks, sentence by sentence (the sentences of the date scan), for
//! a person of the `people` registry (by name or alias) together with an action verb of [`VERBS`]
//! (receives, visits, sends a letter or a telegram, signs, meets, holds talks), in a sentence with
//! no date mention: a dated one is the date scan's. Such a sentence is cited when an event quotes
//! words of it, wherever the quote appears in the article (pages repeat their related-news
//! items), or ignored when a `scan_ignore` passage overlaps it; the rest are uncovered.

use super::{Coverage, sentence_starts};
use crate::load::ArticleStore;
use crate::model::Timeline;
use std::collections::HashMap;
use std::ops::Range;

/// An action the scan looks for: a verb phrase in one language, and what it means.
#[derive(Debug, PartialEq, Eq)]
pub struct Verb {
    /// The words, in lower case and NFC (`gửi thư`).
    pub phrase: &'static str,
    /// What it means, in English (`sends a letter`).
    pub means: &'static str,
    /// Longer phrases containing it that mean something else (`tiếp tục`, to continue).
    pub unless: &'static [&'static str],
}

const fn verb(phrase: &'static str, means: &'static str, unless: &'static [&'static str]) -> Verb {
    Verb { phrase, means, unless }
}

/// Every action verb, Vietnamese then English. One row per phrase: a new verb is one new row.
pub const VERBS: &[Verb] = &[
    verb(
        "tiếp",
        "receives",
        &[
            "tiếp tục",
            "trực tiếp",
            "tiếp cận",
            "tiếp sức",
            "tiếp theo",
            "tiếp nhận",
            "tiếp thu",
            "liên tiếp",
            "kế tiếp",
        ],
    ),
    verb("tiếp kiến", "receives", &[]),
    verb("đón tiếp", "receives", &[]),
    verb("thăm", "visits", &["thăm hỏi", "thăm khám", "thăm dò"]),
    verb("gửi thư", "sends a letter", &[]),
    verb("gửi điện", "sends a telegram", &[]),
    verb("gửi thông điệp", "sends a message", &[]),
    verb("ký", "signs", &["thư ký", "đăng ký", "ký ức", "ký hiệu", "ký túc"]),
    verb("hội đàm", "holds talks", &[]),
    verb("hội kiến", "meets", &[]),
    verb("điện đàm", "talks by telephone", &[]),
    verb("gặp", "meets", &[]),
    verb("receive", "receives", &[]),
    verb("receives", "receives", &[]),
    verb("received", "receives", &[]),
    verb("visit", "visits", &[]),
    verb("visits", "visits", &[]),
    verb("visited", "visits", &[]),
    verb("meet", "meets", &[]),
    verb("meets", "meets", &[]),
    verb("met", "meets", &[]),
    verb("meeting with", "meets", &[]),
    verb("talks with", "holds talks", &[]),
    verb("sign", "signs", &[]),
    verb("signs", "signs", &[]),
    verb("signed", "signs", &[]),
    verb("sent a message", "sends a message", &[]),
    verb("sent a letter", "sends a letter", &[]),
    verb("sent a telegram", "sends a telegram", &[]),
];

/// One sentence where people of the registry act, with no date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// Index into `Timeline::sources`.
    pub source: usize,
    /// The sentence: a byte range in the article's (NFC) text.
    pub sentence: Range<usize>,
    /// The first verb, where `line:col` points: a byte range in the text.
    pub verb: Range<usize>,
    /// 1-based line and column (in characters) of the first verb in the file as saved.
    pub line: usize,
    pub col: usize,
    /// Indexes into `Timeline::people`, in the order the sentence names them.
    pub people: Vec<usize>,
    /// Indexes into [`VERBS`], in the order the sentence uses them (each once).
    pub verbs: Vec<usize>,
    pub coverage: Coverage,
}

impl Action {
    pub fn is_dealt_with(&self) -> bool {
        self.coverage != Coverage::Uncovered
    }
}

/// One article's undated actions.
#[derive(Debug, Clone)]
pub struct ArticleActions {
    pub source: usize,
    /// The article's path, as messages show it.
    pub path: String,
    pub actions: Vec<Action>,
}

/// `text` in lower case, every character at the same byte offset: a character whose lower case
/// has another length (`İ`) stays as it is. Lowering once costs far less than a string per word.
fn lower_in_place(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

/// The words of `text`: runs of letters and digits, as byte ranges.
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// A phrase as its lower-case words.
fn phrase_words(p: &str) -> Vec<String> {
    let lower = lower_in_place(p);
    words(&lower).into_iter().map(|w| lower[w].to_string()).collect()
}

/// Whether two words follow each other within a phrase: only spaces or one hyphen between them
/// (`Ramos-Horta`, `gửi thư`), not a comma or a stop (`thư, điện` is two things).
fn joined(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    let gap = &text[a.end..b.start];
    gap == "-" || (!gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

/// Phrases split into lower-case words, indexed by their first word.
struct Phrases {
    by_first: HashMap<String, Vec<(Vec<String>, usize)>>,
}

impl Phrases {
    fn new<'a>(phrases: impl IntoIterator<Item = (&'a str, usize)>) -> Self {
        let mut by_first: HashMap<String, Vec<(Vec<String>, usize)>> = HashMap::new();
        for (p, id) in phrases {
            let w = phrase_words(p);
            if let Some(first) = w.first() {
                by_first.entry(first.clone()).or_default().push((w, id));
            }
        }
        Self { by_first }
    }

    /// Every phrase that starts at word `i` of `lower` (the text in lower case): (its id, its
    /// number of words).
    fn at(&self, lower: &str, ws: &[Range<usize>], i: usize) -> Vec<(usize, usize)> {
        let Some(candidates) = self.by_first.get(&lower[ws[i].clone()]) else { return Vec::new() };
        candidates.iter().filter(|(p, _)| matches_at(lower, ws, i, p)).map(|(p, id)| (*id, p.len())).collect()
    }
}

fn matches_at(lower: &str, ws: &[Range<usize>], i: usize, phrase: &[String]) -> bool {
    i + phrase.len() <= ws.len()
        && phrase.iter().enumerate().all(|(k, p)| lower[ws[i + k].clone()] == *p)
        && (1..phrase.len()).all(|k| joined(lower, &ws[i + k - 1], &ws[i + k]))
}

/// Whether the verb found at words `i..i + n` is part of one of its `unless` phrases.
fn excluded(lower: &str, ws: &[Range<usize>], i: usize, n: usize, v: &Verb) -> bool {
    v.unless.iter().any(|u| {
        let u = phrase_words(u);
        (i.saturating_sub(u.len().saturating_sub(n))..=i)
            .any(|s| s + u.len() >= i + n && matches_at(lower, ws, s, &u))
    })
}

/// Finds the undated actions of every article of the data set.
pub fn undated_actions(t: &Timeline, articles: &ArticleStore) -> Vec<ArticleActions> {
    let people = Phrases::new(t.people.iter().enumerate().flat_map(|(p, e)| e.names().map(move |n| (n, p))));
    let verbs = Phrases::new(VERBS.iter().enumerate().map(|(v, verb)| (verb.phrase, v)));
    // Each article's quotes, by event, so that an article is only checked against its own.
    let mut quotes: Vec<Vec<(usize, Range<usize>)>> = vec![Vec::new(); t.sources.len()];
    for (e, event) in t.events.iter().enumerate() {
        for c in &event.citations {
            quotes[c.source].push((e, c.span.clone()));
        }
    }
    (0..t.sources.len())
        .map(|s| {
            let cover = Cover::new(t, s, &quotes[s]);
            article_actions(t, articles, s, &cover, (&people, &verbs))
        })
        .collect()
}

fn article_actions(
    t: &Timeline,
    articles: &ArticleStore,
    source: usize,
    cover: &Cover,
    (people, verbs): (&Phrases, &Phrases),
) -> ArticleActions {
    let s = &t.sources[source];
    let saved = articles.read(&s.file).ok().filter(|a| a.saved.is_some() && a.text == s.text);
    let lines = crate::load::json::LineIndex::new(&s.text);
    let actions = find(&s.text, s.published, people, verbs)
        .into_iter()
        .map(|f| {
            let (line, col) = match &saved {
                Some(a) => a.saved_line_col(f.verb.start),
                None => lines.line_col(f.verb.start),
            };
            let coverage = cover.of(&f.sentence);
            Action {
                source,
                sentence: f.sentence,
                verb: f.verb,
                line,
                col,
                people: f.people,
                verbs: f.verbs,
                coverage,
            }
        })
        .collect();
    ArticleActions { source, path: articles.display(&s.file), actions }
}

/// An undated sentence with people and verbs, before its coverage is known.
#[derive(Debug, PartialEq, Eq)]
struct Found {
    sentence: Range<usize>,
    verb: Range<usize>,
    people: Vec<usize>,
    verbs: Vec<usize>,
}

/// The sentences of `text` without a date that name someone of `people` and use a verb.
fn find(text: &str, published: chrono::NaiveDate, people: &Phrases, verbs: &Phrases) -> Vec<Found> {
    let lower = lower_in_place(text);
    let ws = words(&lower);
    let starts = sentence_starts(text);
    let sentence_of = |at: usize| starts.partition_point(|&b| b <= at);
    // The sentences that carry a date are the date scan's.
    let mut dated = vec![false; starts.len() + 1];
    for f in super::forms::find_dates(text, published) {
        let (first, last) = (sentence_of(f.span.start), sentence_of(f.span.end.saturating_sub(1)));
        dated[first..=last.max(first)].fill(true);
    }
    let mut found: Vec<(usize, Found)> = Vec::new();
    let mut inside_verb_until = 0;
    for i in 0..ws.len() {
        let n = sentence_of(ws[i].start);
        if dated[n] {
            continue;
        }
        if found.last().is_none_or(|(m, _)| *m != n) {
            let start = if n == 0 { 0 } else { starts[n - 1] };
            let sentence = start..starts.get(n).copied().unwrap_or(text.len());
            found.push((n, Found { sentence, verb: 0..0, people: Vec::new(), verbs: Vec::new() }));
        }
        let Some((_, f)) = found.last_mut() else { continue };
        for (p, _) in people.at(&lower, &ws, i) {
            if !f.people.contains(&p) {
                f.people.push(p);
            }
        }
        // The longest verb at a word, and none inside it (`đón tiếp` is not also `tiếp`).
        if i < inside_verb_until {
            continue;
        }
        let Some((v, len)) = verbs.at(&lower, &ws, i).into_iter().max_by_key(|&(_, len)| len) else {
            continue;
        };
        if excluded(&lower, &ws, i, len, &VERBS[v]) {
            continue;
        }
        inside_verb_until = i + len;
        if f.verbs.is_empty() {
            f.verb = ws[i].start..ws[i + len - 1].end;
        }
        if !f.verbs.contains(&v) {
            f.verbs.push(v);
        }
    }
    found.into_iter().map(|(_, f)| f).filter(|f| !f.people.is_empty() && !f.verbs.is_empty()).collect()
}

/// Where the events' quotes and the ignored passages sit in one article, at every occurrence.
struct Cover {
    quotes: Vec<(usize, Range<usize>)>,
    ignored: Vec<(usize, Range<usize>)>,
}

impl Cover {
    /// `quotes`: the article's quotes, by event, where the loader found them.
    fn new(t: &Timeline, source: usize, quotes: &[(usize, Range<usize>)]) -> Self {
        let text = t.sources[source].text.as_bytes();
        let everywhere = |quote: &[u8]| -> Vec<Range<usize>> {
            if quote.is_empty() {
                return Vec::new();
            }
            memchr::memmem::find_iter(text, quote).map(|at| at..at + quote.len()).collect()
        };
        let mut seen: HashMap<&[u8], Vec<Range<usize>>> = HashMap::new();
        let mut found = Vec::new();
        for (e, span) in quotes {
            let Some(q) = text.get(span.clone()) else { continue };
            let at = seen.entry(q).or_insert_with(|| everywhere(q));
            found.extend(at.iter().map(|r| (*e, r.clone())));
        }
        let quotes = found;
        let ignored = t
            .scan_ignores
            .iter()
            .enumerate()
            .filter(|(_, i)| i.source == source)
            .flat_map(|(n, i)| everywhere(i.quote.as_bytes()).into_iter().map(move |r| (n, r)))
            .collect();
        Self { quotes, ignored }
    }

    fn of(&self, sentence: &Range<usize>) -> Coverage {
        let meets = |r: &Range<usize>| r.start < sentence.end && sentence.start < r.end;
        let mut events: Vec<usize> = self.quotes.iter().filter(|(_, r)| meets(r)).map(|&(e, _)| e).collect();
        events.sort_unstable();
        events.dedup();
        if !events.is_empty() {
            return Coverage::Events(events);
        }
        match self.ignored.iter().find(|(_, r)| meets(r)) {
            Some(&(n, _)) => Coverage::Ignored(n),
            None => Coverage::Uncovered,
        }
    }
}

#[cfg(test)]
#[path = "actions_tests.rs"]
mod tests;
