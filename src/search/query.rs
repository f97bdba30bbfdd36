//! The query language, compatible with fzf's extended search:
//! space-separated terms must all match; `'exact`, `^prefix`, `suffix$`, `!not`; `a | b` is OR.

use super::fold::{fold_str, has_accents, lower_keep_accents};
use super::index::Field;

/// How a term matches a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// Letters in order, not necessarily adjacent (SkimMatcherV2).
    Fuzzy,
    /// `'word`: a substring.
    Exact,
    /// `^word`: the field starts with it.
    Prefix,
    /// `word$`: the field ends with it.
    Suffix,
    /// `^word$`: the whole field.
    Equal,
}

/// One search term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub kind: TermKind,
    /// `!term`: the event must not match it.
    pub negated: bool,
    /// The term folded (lower case, no accents): what is matched against folded text.
    pub folded: String,
    /// The term lower-cased with its accents, when it has any: then accents must match too.
    pub accented: Option<String>,
    /// The letters must be adjacent (spaces aside) even in short fields: true for a phrase.
    pub adjacent: bool,
}

/// A parsed query: every group must match; a group matches if any of its terms does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Vec<Term>>,
    /// For a query of two or more plain words: the words as one phrase, spaces optional.
    /// Vietnamese writes one word as several syllables (`Đại hội`, `Tô Lâm`), and each syllable
    /// alone is common, so plain words are first tried together; see `Engine::run_within`.
    pub phrase: Option<Term>,
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut join_next = false;
        for word in input.split_whitespace() {
            if word == "|" {
                join_next = !groups.is_empty();
                continue;
            }
            let Some(term) = Term::parse(word) else { continue };
            match groups.last_mut() {
                Some(g) if join_next => g.push(term),
                _ => groups.push(vec![term]),
            }
            join_next = false;
        }
        let phrase = phrase_of(&groups);
        Query { groups, phrase }
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The phrase alternative as a query of its own, for a query of two or more plain words.
    pub fn as_phrase(&self) -> Option<Query> {
        self.phrase.as_ref().map(|p| Query { groups: vec![vec![p.clone()]], phrase: None })
    }

    /// True if `next` can only match a subset of what `self` matched: every group of `self`
    /// is still in `next` unchanged or with a longer positive term. Used to narrow results
    /// while the user types instead of searching everything again.
    pub fn narrows_to(&self, next: &Query) -> bool {
        self.groups.len() <= next.groups.len()
            && self.groups.iter().zip(&next.groups).all(|(a, b)| {
                a == b
                    || (a.len() == 1
                        && b.len() == 1
                        && a[0].kind == b[0].kind
                        && !a[0].negated
                        && !b[0].negated
                        && b[0].folded.starts_with(&a[0].folded)
                        && match (&a[0].accented, &b[0].accented) {
                            (None, _) => true,
                            (Some(x), Some(y)) => y.starts_with(x.as_str()),
                            (Some(_), None) => false,
                        })
            })
    }
}

/// The phrase alternative of a query made only of plain words (no operators, no `|`).
fn phrase_of(groups: &[Vec<Term>]) -> Option<Term> {
    let plain = |g: &Vec<Term>| g.len() == 1 && g[0].kind == TermKind::Fuzzy && !g[0].negated;
    if groups.len() < 2 || !groups.iter().all(plain) {
        return None;
    }
    let folded = groups.iter().map(|g| g[0].folded.as_str()).collect::<String>();
    let accented = groups
        .iter()
        .any(|g| g[0].accented.is_some())
        .then(|| groups.iter().map(|g| g[0].accented.as_deref().unwrap_or(&g[0].folded)).collect::<String>());
    Some(Term { kind: TermKind::Fuzzy, negated: false, folded, accented, adjacent: true })
}

impl Term {
    /// Whether this term may match with its letters scattered in `field`: only plain terms in
    /// short fields; a phrase, or any term in a long field, needs its letters together.
    pub fn fuzzy_in(&self, field: Field) -> bool {
        field.is_short() && !self.adjacent
    }

    fn parse(word: &str) -> Option<Term> {
        let (negated, rest) = match word.strip_prefix('!') {
            Some(r) => (true, r),
            None => (false, word),
        };
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
        let folded = fold_str(body);
        if folded.is_empty() || folded == "$" {
            return None;
        }
        let accented = has_accents(body).then(|| lower_keep_accents(body).text);
        Some(Term { kind, negated, folded, accented, adjacent: false })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(q: &str) -> Vec<Vec<(TermKind, bool, String)>> {
        Query::parse(q)
            .groups
            .into_iter()
            .map(|g| g.into_iter().map(|t| (t.kind, t.negated, t.folded)).collect())
            .collect()
    }

    #[test]
    fn parses_each_operator() {
        use TermKind::*;
        assert_eq!(kinds("to lam"), [[(Fuzzy, false, "to".into())], [(Fuzzy, false, "lam".into())]]);
        assert_eq!(kinds("'Baku"), [[(Exact, false, "baku".into())]]);
        assert_eq!(kinds("^ho"), [[(Prefix, false, "ho".into())]]);
        assert_eq!(kinds("1959$"), [[(Suffix, false, "1959".into())]]);
        assert_eq!(kinds("^laos$"), [[(Equal, false, "laos".into())]]);
        assert_eq!(kinds("!1983"), [[(Exact, true, "1983".into())]]);
        assert_eq!(kinds("!^ha"), [[(Prefix, true, "ha".into())]]);
        assert_eq!(
            kinds("laos | cuba xiv"),
            [
                vec![(Fuzzy, false, "laos".into()), (Fuzzy, false, "cuba".into())],
                vec![(Fuzzy, false, "xiv".into())]
            ]
        );
    }

    #[test]
    fn ignores_empty_and_dangling_operators() {
        assert!(Query::parse("   ").is_empty());
        assert!(Query::parse("' ! ^ $").is_empty());
        assert_eq!(Query::parse("| laos |").groups.len(), 1);
    }

    #[test]
    fn plain_words_also_form_a_phrase() {
        assert_eq!(Query::parse("dai hoi").phrase.map(|t| t.folded), Some("daihoi".into()));
        assert_eq!(Query::parse("Đại hội").phrase.and_then(|t| t.accented), Some("đạihội".into()));
        assert_eq!(Query::parse("laos").phrase, None);
        assert_eq!(Query::parse("dai 'hoi").phrase, None);
        assert_eq!(Query::parse("dai | hoi").phrase, None);
        assert_eq!(Query::parse("dai !hoi").phrase, None);
    }

    #[test]
    fn accented_terms_keep_their_accents() {
        let q = Query::parse("Lào lao");
        assert_eq!(q.groups[0][0].accented.as_deref(), Some("lào"));
        assert_eq!(q.groups[0][0].folded, "lao");
        assert_eq!(q.groups[1][0].accented, None);
    }

    #[test]
    fn knows_when_a_query_narrows_another() {
        let p = Query::parse;
        assert!(p("").narrows_to(&p("d")));
        assert!(p("d").narrows_to(&p("da")));
        assert!(p("dai").narrows_to(&p("dai h")));
        assert!(p("dai h").narrows_to(&p("dai ho")));
        assert!(!p("dai ho").narrows_to(&p("dai h")));
        assert!(!p("!19").narrows_to(&p("!198")));
        assert!(!p("la").narrows_to(&p("la | cu")));
        assert!(p("la").narrows_to(&p("lá")));
        assert!(p("dai").narrows_to(&p("dai hoi")));
        assert!(!p("lá").narrows_to(&p("lan")));
    }
}
