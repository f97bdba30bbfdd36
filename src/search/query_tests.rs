//! Parsing and narrowing of queries.

use super::*;
use crate::model::Country;

fn t() -> Timeline {
    let country = |code: &str, name: &str, vi: &str| Country {
        code: code.into(),
        name: name.into(),
        name_vi: vi.into(),
    };
    Timeline {
        countries: vec![country("LA", "Laos", "Lào"), country("US", "United States", "Hoa Kỳ")],
        ..Timeline::default()
    }
}

fn p(q: &str) -> Query {
    Query::parse(q, &t()).unwrap()
}

fn kinds(q: &str) -> Vec<Vec<(TermKind, bool, String)>> {
    p(q).groups
        .into_iter()
        .map(|g| {
            g.into_iter()
                .map(|t| match t.test {
                    Test::Text(x) => (x.kind, t.negated, x.folded),
                    other => panic!("not text: {other:?}"),
                })
                .collect()
        })
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
    assert_eq!(kinds("!lao"), [[(Exact, true, "lao".into())]]);
    assert_eq!(kinds("!^ha"), [[(Prefix, true, "ha".into())]]);
    assert_eq!(kinds("\"dai hoi\""), [[(Phrase, false, "daihoi".into())]]);
    assert_eq!(kinds("ramos-horta"), [[(Fuzzy, false, "ramoshorta".into())]]);
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
    assert!(p("   ").is_empty());
    assert!(p("' ! ^ $ - .").is_empty());
    assert_eq!(p("| laos |").groups.len(), 1);
}

#[test]
fn date_like_words_are_date_terms() {
    for (q, iso) in
        [("1983", "1983"), ("2026-01", "2026-01"), ("jan 2026", "2026-01"), ("26/1/2026", "2026-01-26")]
    {
        match &p(q).groups[..] {
            [g] => match &g[..] {
                [Term { negated: false, test: Test::Date { period, .. } }] => {
                    assert_eq!(period.iso(), iso, "{q}")
                }
                other => panic!("{q}: {other:?}"),
            },
            other => panic!("{q}: {other:?}"),
        }
    }
    assert!(matches!(p("!1983").groups[0][0], Term { negated: true, test: Test::Date { .. } }));
    // With an operator it is text again.
    assert!(matches!(p("'1983").groups[0][0].test, Test::Text(_)));
}

#[test]
fn field_queries_parse_and_unknown_ones_say_what_is_known() {
    let q = p(
        "country:LA !kind:message person:\"tô lâm\" place:baku status:planned after:2020 before:2026-02 year:1992",
    );
    assert_eq!(q.groups.len(), 8);
    assert!(!q.ranks() || q.groups.iter().flatten().any(|t| matches!(t.test, Test::Text(_))));
    assert_eq!(q.groups[0][0].test, Test::Field(FieldTest::Country(0)));
    assert!(q.groups[1][0].negated);
    match &q.groups[2][0].test {
        Test::Text(x) => assert_eq!(
            (x.scope, x.folded.as_str(), x.accented.as_deref()),
            (Scope::People, "tolam", Some("tôlâm"))
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(p("person:to-lam").groups[0][0].test, p("person:\"to lam\"").groups[0][0].test);
    assert_eq!(p("country:usa").groups[0][0].test, Test::Field(FieldTest::Country(1)));
    let err = |q: &str| Query::parse(q, &t()).unwrap_err().0;
    assert_eq!(
        err("foo:bar"),
        "unknown field `foo:`; fields are country: kind: person: place: source: status: after: before: year: group: verified:"
    );
    assert!(
        err("countr:LA").starts_with("unknown field `countr:`; did you mean country:? fields are country:")
    );
    assert!(err("persons:lam").contains("did you mean person:?"));
    assert!(err("country:laso").contains("did you mean Laos (LA)?"), "{}", err("country:laso"));
    assert!(err("kind:vist").contains("kinds are visit, talks"));
    assert!(err("after:soon").contains("not a date"));
    assert!(err("year:2020-01").contains("not a year"));
    // A year of fewer than four digits is the year people mean by it.
    assert_eq!(p("year:938").groups[0][0].test, p("year:0938").groups[0][0].test);
    assert_eq!(p("year:7").groups[0][0].test, p("year:0007").groups[0][0].test);
    assert_eq!(p("after:938").groups[0][0].test, p("after:0938").groups[0][0].test);
    assert!(err("country:").contains("needs a value"));
    assert!(err("status:maybe").contains("held or planned"));
    // Not fields: a time, an exact word.
    assert!(matches!(p("12:30").groups[0][0].test, Test::Text(_)));
    assert!(matches!(p("'re:visit").groups[0][0].test, Test::Text(_)));
}

#[test]
fn only_text_and_date_terms_rank() {
    assert!(p("laos").ranks());
    assert!(p("1983").ranks());
    assert!(!p("country:LA kind:visit").ranks());
    assert!(!p("!laos").ranks());
    assert!(!p("").ranks());
}

#[test]
fn adjacent_plain_words_make_pairs() {
    let folded = |q: &str| p(q).pairs().into_iter().map(|x| x.folded).collect::<Vec<_>>();
    assert_eq!(folded("dai hoi"), ["daihoi"]);
    assert_eq!(folded("to lam lao"), ["tolam", "lamlao"]);
    assert_eq!(folded("to country:LA lam"), ["tolam"]);
    assert!(folded("laos").is_empty());
    assert!(folded("dai 'hoi").is_empty());
    assert!(folded("dai | hoi").is_empty());
    assert_eq!(p("Đại hội").pairs()[0].accented.as_deref(), Some("đạihội"));
    assert_eq!(p("a country:LA b 'c d e").pair_ending_at(), [None, None, Some(0), None, Some(1), Some(2)]);
}

#[test]
fn accented_terms_keep_their_accents() {
    let q = p("Lào lao");
    let Test::Text(a) = &q.groups[0][0].test else { panic!() };
    let Test::Text(b) = &q.groups[1][0].test else { panic!() };
    assert_eq!((a.accented.as_deref(), a.folded.as_str()), (Some("lào"), "lao"));
    assert_eq!(b.accented, None);
}

#[test]
fn knows_when_a_query_narrows_another() {
    let n = |a: &str, b: &str| p(a).narrows_to(&p(b));
    assert!(n("", "d"));
    assert!(n("d", "da"));
    assert!(n("dai", "dai h"));
    assert!(n("dai h", "dai ho"));
    assert!(n("dai", "dai hoi"));
    assert!(n("la", "lá"));
    assert!(n("!198", "!19"));
    assert!(n("'ab", "'xaby"));
    assert!(n("^ho", "^hoc"));
    assert!(n("ab$", "xab$"));
    assert!(n("country:LA", "country:LA x"));
    assert!(!n("dai ho", "dai h"));
    assert!(!n("!19", "!198"));
    assert!(!n("la", "la | cu"));
    assert!(!n("lá", "lan"));
    assert!(!n("195$", "1959$"));
    assert!(!n("195", "1959"), "a word that becomes a date changes kind");
    assert!(!n("2026-0", "2026-01"));
    assert!(!n("jan", "jan 2026"));
    assert!(!n("ab", "xab"));
    assert!(!n("^ho", "^xho"));
    assert!(!n("country:LA", "country:US"));
    // A plain word followed by another may not change: the next one may continue it.
    assert!(!n("thong lo sis", "thong lou sis"));
    assert!(n("thong lo sis", "thong lo sis x"));
    assert!(n("thong lo sis", "thong lo siso"));
    assert!(n("thong 'lo sis", "thong 'lou sis"));
}
