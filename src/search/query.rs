//! The query language: fzf's extended search, plus dates and field queries.
//!
//! Space-separated terms must all match; `'exact`, `^prefix`, `suffix$`, `^whole$`, `!not`;
//! `a | b` is OR. A word that looks like a date (`1983`, `2026-01`, `jan 2026`, `26/1/2026`) is a
//! date term; `name:value` is a field query (see `fields`); `"two words"` is a phrase.

use super::dates;
use super::fields::{self, FieldTest};
use super::matcher::{Anchor, Rule, compact};
use crate::model::{PartialDate, Timeline};
use crate::text::fold::{fold_str, has_accents, lower_keep_accents};
use std::fmt;
use std::ops::Range;

/// How a text term matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// Fuzzy in short fields; at a word start, letters adjacent, in long ones.
    Fuzzy,
    /// `'word`: adjacent letters anywhere.
    Exact,
    /// `^word`: at the start of a field.
    Prefix,
    /// `word$`: at the end of a field.
    Suffix,
    /// `^word$`: a whole field.
    Equal,
    /// `"two words"`, `person:to-lam`: adjacent letters at a word start, in every field.
    Phrase,
}

/// Which fields a text term looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    People,
    Places,
}

/// A text pattern, folded, with separators removed (they are optional in the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub kind: TermKind,
    pub scope: Scope,
    /// Folded (lower case, no accents), separators removed.
    pub folded: String,
    /// Lower case with accents, when the term has any: then accents must match too.
    pub accented: Option<String>,
}

/// What one term tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Test {
    Text(Text),
    /// A date-like word: events in that period at their precision, or text that spells it.
    Date {
        period: PartialDate,
        text: Text,
    },
    /// A field query other than `person:`/`place:` (those are scoped `Text`).
    Field(FieldTest),
}

/// One search term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// `!term`: the event must not match it.
    pub negated: bool,
    pub test: Test,
}

/// A parsed query: every group must match; a group matches if any of its terms does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Vec<Term>>,
}

/// A query that cannot be run, with a message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError(pub String);

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One word of the query and where it is in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    /// The word, quotes removed.
    pub text: String,
    /// The word had quotes (`"dai hoi"`, `person:"tô lâm"`).
    pub quoted: bool,
}

/// Splits the input into words; `"…"` keeps spaces inside (an unclosed quote runs to the end).
pub fn tokenize(input: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let (mut text, mut quoted, mut in_quote, mut end) = (String::new(), false, false, start);
        while let Some(&(i, c)) = chars.peek() {
            if c.is_whitespace() && !in_quote {
                break;
            }
            chars.next();
            end = i + c.len_utf8();
            if c == '"' {
                in_quote = !in_quote;
                quoted = true;
            } else {
                text.push(c);
            }
        }
        out.push(Token { span: start..end, text, quoted });
    }
    out
}

impl Query {
    /// Parses a query; field values are checked against the data set (countries, sources).
    pub fn parse(input: &str, t: &Timeline) -> Result<Query, QueryError> {
        let tokens = dates::merge_spelled_dates(tokenize(input));
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut join_next = false;
        for tok in &tokens {
            if tok.text == "|" && !tok.quoted {
                join_next = !groups.is_empty();
                continue;
            }
            let Some(term) = Term::parse(tok, t)? else { continue };
            match groups.last_mut() {
                Some(g) if join_next => g.push(term),
                _ => groups.push(vec![term]),
            }
            join_next = false;
        }
        Ok(Query { groups })
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// True if the query has a term that scores (text or date), so hits are ranked; a query of
    /// field queries only keeps date order, like the filters it stands for. `person:` and
    /// `place:` are field queries, though they match as phrases in their field.
    pub fn ranks(&self) -> bool {
        self.groups.iter().flatten().any(|t| {
            !t.negated
                && match &t.test {
                    Test::Field(_) => false,
                    Test::Text(x) => x.scope == Scope::All,
                    _ => true,
                }
        })
    }

    /// The groups that are plain words (one positive, fuzzy, unscoped term), in query order:
    /// adjacent plain words are also tried as a phrase, which raises the score.
    pub fn plain_groups(&self) -> Vec<usize> {
        (0..self.groups.len()).filter(|&g| plain_word(&self.groups[g]).is_some()).collect()
    }

    /// Each pair of adjacent plain words as one phrase (`dai hoi` → `daihoi`).
    pub fn pairs(&self) -> Vec<Text> {
        let words: Vec<&Text> = self.groups.iter().filter_map(|g| plain_word(g)).collect();
        words.windows(2).map(|w| w[0].joined(w[1])).collect()
    }

    /// For each group, the pair (index into `pairs`) that ends with it: a plain word that does
    /// not match on its own still matches as the second half of that pair (`thong loun` finds
    /// `Thongloun`, whose `loun` starts no word).
    pub fn pair_ending_at(&self) -> Vec<Option<usize>> {
        let mut out = vec![None; self.groups.len()];
        for (k, g) in self.plain_groups().into_iter().skip(1).enumerate() {
            out[g] = Some(k);
        }
        out
    }

    /// True if `next` can only match a subset of what `self` matched: each group of `self` is
    /// in `next`, at the same place, unchanged or narrower; `next` may add groups. Used to narrow
    /// the last hits while the user types instead of searching everything again.
    ///
    /// A plain word also matches as the second half of a pair with the plain word before it, so
    /// a changed plain word must have no plain word after it: `thong lo sis` → `thong lou sis`
    /// is not a narrowing (`sis` may continue `lou` where it did not continue `lo`).
    pub fn narrows_to(&self, next: &Query) -> bool {
        let plain = self.plain_groups();
        let last_plain = plain.last().copied();
        self.groups.len() <= next.groups.len()
            && self.groups.iter().zip(&next.groups).enumerate().all(|(g, (a, b))| {
                a == b
                    || (a.len() == b.len()
                        && a.iter().zip(b).all(|(x, y)| x == y || y.narrows(x))
                        && (!plain.contains(&g) || Some(g) == last_plain))
            })
    }
}

/// The word of a group that is a plain word.
fn plain_word(group: &[Term]) -> Option<&Text> {
    match group {
        [Term { negated: false, test: Test::Text(x) }]
            if x.kind == TermKind::Fuzzy && x.scope == Scope::All =>
        {
            Some(x)
        }
        _ => None,
    }
}

impl Term {
    fn parse(tok: &Token, t: &Timeline) -> Result<Option<Term>, QueryError> {
        let word = tok.text.as_str();
        let (negated, rest) = match word.strip_prefix('!') {
            Some(r) => (true, r),
            None => (false, word),
        };
        if rest == "$" {
            return Ok(None);
        }
        if let Some((name, value)) = fields::split_field(rest) {
            let test = fields::parse(name, value, t)?;
            return Ok(Some(Term { negated, test }));
        }
        if tok.quoted && !rest.starts_with(['\'', '^']) {
            return Ok(
                Text::new(TermKind::Phrase, Scope::All, rest).map(|x| Term { negated, test: Test::Text(x) })
            );
        }
        if let Some(period) = dates::date_like(rest) {
            let Some(text) = Text::new(TermKind::Phrase, Scope::All, rest) else { return Ok(None) };
            return Ok(Some(Term { negated, test: Test::Date { period, text } }));
        }
        let (kind, body) = if let Some(r) = rest.strip_prefix('\'') {
            (TermKind::Exact, r)
        } else if let Some(r) = rest.strip_prefix('^') {
            match r.strip_suffix('$') {
                Some(r2) if !r2.is_empty() => (TermKind::Equal, r2),
                _ => (TermKind::Prefix, r),
            }
        } else if let Some(r) = rest.strip_suffix('$').filter(|r| !r.is_empty()) {
            (TermKind::Suffix, r)
        } else if negated {
            // As in fzf, `!word` excludes events that contain the word.
            (TermKind::Exact, rest)
        } else {
            (TermKind::Fuzzy, rest)
        };
        Ok(Text::new(kind, Scope::All, body).map(|x| Term { negated, test: Test::Text(x) }))
    }

    /// True if `self` matches no more events than `old` does.
    fn narrows(&self, old: &Term) -> bool {
        let (Test::Text(a), Test::Text(b)) = (&old.test, &self.test) else { return false };
        if a.kind != b.kind || a.scope != b.scope || old.negated != self.negated {
            return false;
        }
        // A positive term narrows when its pattern is longer in the right way; a negated one
        // when it is shorter in that way (it then excludes more).
        let (wide, narrow) = if self.negated { (b, a) } else { (a, b) };
        let ok = |w: &str, n: &str| match wide.kind {
            TermKind::Fuzzy | TermKind::Prefix | TermKind::Phrase => n.starts_with(w),
            TermKind::Exact => n.contains(w),
            TermKind::Suffix => n.ends_with(w),
            TermKind::Equal => n == w,
        };
        ok(&wide.folded, &narrow.folded)
            && match (&wide.accented, &narrow.accented) {
                (None, _) => true,
                (Some(w), Some(n)) => ok(w, n),
                (Some(_), None) => false,
            }
    }
}

impl Text {
    /// A text pattern of `body`, or `None` if nothing is left of it to match.
    pub fn new(kind: TermKind, scope: Scope, body: &str) -> Option<Text> {
        let folded = compact(&fold_str(body));
        if folded.is_empty() {
            return None;
        }
        let accented = has_accents(body).then(|| compact(&lower_keep_accents(body).text));
        Some(Text { kind, scope, folded, accented })
    }

    /// How this term matches a field: fuzzily only for a plain word in a short field.
    pub fn rule(&self, short_field: bool) -> Rule {
        match self.kind {
            TermKind::Fuzzy if short_field => Rule::Fuzzy,
            TermKind::Fuzzy | TermKind::Phrase => Rule::Compact(Anchor::WordStart),
            TermKind::Exact => Rule::Compact(Anchor::Anywhere),
            TermKind::Prefix => Rule::Compact(Anchor::FieldStart),
            TermKind::Suffix => Rule::Compact(Anchor::FieldEnd),
            TermKind::Equal => Rule::Compact(Anchor::Whole),
        }
    }

    /// Two plain words as one phrase.
    fn joined(&self, next: &Text) -> Text {
        let accented = (self.accented.is_some() || next.accented.is_some()).then(|| {
            let a = |x: &Text| x.accented.clone().unwrap_or_else(|| x.folded.clone());
            a(self) + &a(next)
        });
        Text {
            kind: TermKind::Phrase,
            scope: Scope::All,
            folded: self.folded.clone() + &next.folded,
            accented,
        }
    }
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
