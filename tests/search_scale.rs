//! The optimised search against the plain reference, on random generated data sets and random
//! queries with field queries and filters; the hit set only shrinks as a query grows; typing and
//! editing at random places against searching from scratch; and cancellation.

use crate::support;

use proptest::prelude::*;
use std::sync::mpsc::channel;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use timeline::app::{Action, App, Effect, update};
use timeline::cache::{self, Outcome};
use timeline::load::{DataInput, load};
use timeline::model::{Kind, PartialDate, Timeline};
use timeline::search::query::tokenize;
use timeline::search::worker::{Searcher, Worker};
use timeline::search::{Engine, FieldTest, Filter, Incremental, Order, Query, Results, dates, reference};

/// A few generated data sets, made once per test run: each loaded from its files, and again
/// from the index cache, so that the search is checked on what the cache gives back too.
fn data(seed: u64) -> &'static (Timeline, Engine) {
    static SETS: OnceLock<Vec<(Timeline, Engine)>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        (0..4)
            .flat_map(|s| {
                let dir = std::env::temp_dir().join(format!("timeline-scale-{}-{s}", std::process::id()));
                let cache = dir.join("cache");
                let data = dir.join("data.json");
                support::synth::write(&dir, 120 + 40 * s as usize, 1000 + s).unwrap();
                let t = load(&DataInput::from_file(&data, None).unwrap()).unwrap();
                let e = Engine::new(&t);
                let built = cache::load(&cache, &data, None, &mut |_| {}).unwrap();
                assert_eq!(built.cache, Outcome::Rebuilt(None));
                let cached = cache::load(&cache, &data, None, &mut |_| {}).unwrap();
                assert_eq!(cached.cache, Outcome::Hit);
                // Everything, article texts and quotes included, comes back as loaded.
                assert_eq!(format!("{:?}", cached.timeline), format!("{t:?}"));
                std::fs::remove_dir_all(&dir).ok();
                [(t, e), (cached.timeline, cached.engine)]
            })
            .collect()
    });
    &sets[(seed % 8) as usize]
}

const WORDS: &[&str] = &[
    "to",
    "lam",
    "tô",
    "lâm",
    "Tô Lâm",
    "dai",
    "hoi",
    "đại",
    "Đại hội",
    "xiv",
    "azer",
    "azerbaijan",
    "2025",
    "'baku",
    "!1983",
    "^ho",
    "visit$",
    "|",
    "viet",
    "nam",
    "thong",
    "loun",
    "hà",
    "noi",
    "zz",
    "a",
    "ng",
    "'tổng",
    "!lào",
    "^tô",
    "embassy",
    "coop",
    "ngày",
    "năm",
    "2010",
    "2026-01",
    "jan",
    "26/1/2026",
    "1983$",
    "lee-jae",
    "jae myung",
    "ramos",
    "country:LA",
    "country:usa",
    "!country:az",
    "kind:visit",
    "!kind:message",
    "person:to-lam",
    "person:\"hồ chí minh\"",
    "place:ha-noi",
    "status:planned",
    "source:a00000",
    "source:synthetic",
    "after:2020",
    "before:2000-06",
    "year:1992",
    "\"viet nam\"",
];

/// Words to append: every word but `|`, which widens a query on purpose.
fn word() -> impl Strategy<Value = &'static str> {
    prop::sample::select(WORDS).prop_filter("not OR", |w| *w != "|")
}

fn query() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..4).prop_map(|w| w.join(" "))
}

fn filter() -> impl Strategy<Value = Filter> {
    let year = || prop::option::of((1950i64..2030).prop_map(PartialDate::year));
    let some = |n: usize| prop::option::of(0usize..n);
    (query(), any::<bool>(), some(20), some(12), year(), year(), some(8), some(8)).prop_map(
        |(query, chrono, country, kind, from, to, person, place)| {
            let mut f = Filter {
                query,
                order: if chrono { Order::Chronological } else { Order::Relevance },
                verified: None,
                from,
                to,
                ..Filter::default()
            };
            let chosen = country
                .map(FieldTest::Country)
                .into_iter()
                .chain(kind.map(|k| FieldTest::Kind(Kind::ALL[k])));
            chosen
                .chain(person.map(FieldTest::Person))
                .chain(place.map(FieldTest::Place))
                .for_each(|v| f.choose(v));
            f
        },
    )
}

/// The events of a search, sorted.
fn events(r: &Results) -> Vec<usize> {
    let mut v: Vec<usize> = r.hits.iter().map(|h| h.event).collect();
    v.sort_unstable();
    v
}

fn subset(small: &[usize], big: &[usize]) -> bool {
    small.iter().all(|e| big.binary_search(e).is_ok())
}

/// True if appending `extra` to `q` joins words into one date (`jan` + `2026`): a new term
/// replaces the old one, so that is not "appending a term".
fn joins_a_date(q: &str, extra: &str) -> bool {
    let n = |s: &str| dates::merge_spelled_dates(tokenize(s)).len();
    n(&format!("{q} {extra}")) < n(q) + n(extra)
}

/// An edit of the query line at a cursor position.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, char),
    Delete(usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let chars = prop::sample::select(vec![
        'a', 'o', 'l', 'm', 't', 'h', 'i', ' ', ' ', '1', '9', '5', '2', '0', '\'', '^', '$', '!', '|', '-',
        ':', '"', 'â',
    ]);
    let edit = prop_oneof![
        3 => (any::<prop::sample::Index>(), chars).prop_map(|(i, c)| Edit::Insert(i.index(1000), c)),
        1 => any::<prop::sample::Index>().prop_map(|i| Edit::Delete(i.index(1000))),
    ];
    prop::collection::vec(edit, 1..24)
}

fn apply(line: &mut Vec<char>, e: &Edit) {
    match *e {
        Edit::Insert(at, c) => line.insert(at % (line.len() + 1), c),
        Edit::Delete(at) if !line.is_empty() => {
            let at = at % line.len();
            line.remove(at);
        }
        Edit::Delete(_) => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn optimised_search_equals_the_reference(seed in 0u64..8, f in filter()) {
        let (t, e) = data(seed);
        let all: Vec<usize> = (0..t.events.len()).collect();
        prop_assert_eq!(e.run_within(t, &f, &all), reference::run(t, &f));
    }

    #[test]
    fn typing_one_character_at_a_time_equals_pasting(seed in 0u64..8, f in filter()) {
        let (t, e) = data(seed);
        let mut inc = Incremental::default();
        let mut typed = Default::default();
        for end in f.query.char_indices().map(|(i, c)| i + c.len_utf8()) {
            typed = inc.search(e, t, &Filter { query: f.query[..end].to_string(), ..f.clone() });
        }
        prop_assert_eq!(typed, reference::run(t, &f));
    }

    #[test]
    fn appending_a_term_never_adds_a_hit(seed in 0u64..4, f in filter(), w in word()) {
        let (t, e) = data(seed);
        prop_assume!(!f.query.trim_end().ends_with('|') && !joins_a_date(&f.query, w));
        // Through the browser's engine: the first search, then the longer one, narrowed.
        let mut inc = Incremental::default();
        let before = inc.search(e, t, &f);
        prop_assume!(before.error.is_none());
        let longer = Filter { query: format!("{} {w}", f.query), ..f.clone() };
        let after = inc.search(e, t, &longer);
        prop_assert!(subset(&events(&after), &events(&before)), "{:?} → {:?}", f.query, longer.query);
        prop_assert_eq!(after, reference::run(t, &longer));
    }

    #[test]
    fn appending_a_letter_to_a_word_never_adds_a_hit(
        seed in 0u64..4,
        f in filter(),
        c in prop::sample::select(vec!['a', 'o', 'n', 'g', 'i', 'â', 'ộ', 'ł', '-', '.', '\'']),
    ) {
        let (t, e) = data(seed);
        let longer = Filter { query: format!("{}{c}", f.query), ..f.clone() };
        let (Ok(a), Ok(b)) = (Query::parse(&f.query, t), Query::parse(&longer.query, t)) else {
            return Ok(());
        };
        // A plain or quoted word, or an `'exact` or `^prefix` one, that stays text.
        let last = f.query.split_whitespace().last().unwrap_or("");
        let kept_kind = !last.contains([':', '$', '|', '!']) && a.groups.len() == b.groups.len()
            && format!("{:?}", a.groups.last().map(|g| g.iter().map(|t| std::mem::discriminant(&t.test)).collect::<Vec<_>>()))
                == format!("{:?}", b.groups.last().map(|g| g.iter().map(|t| std::mem::discriminant(&t.test)).collect::<Vec<_>>()));
        prop_assume!(kept_kind && !matches!(b.groups.last().map(|g| &g[0].test), Some(timeline::search::query::Test::Date { .. })));
        prop_assert!(a.narrows_to(&b), "{:?} should narrow to {:?}", f.query, longer.query);
        let mut inc = Incremental::default();
        let before = inc.search(e, t, &f);
        let after = inc.search(e, t, &longer);
        prop_assert!(subset(&events(&after), &events(&before)), "{:?} → {:?}", f.query, longer.query);
    }

    #[test]
    fn editing_anywhere_in_the_line_equals_searching_from_scratch(seed in 0u64..4, f in filter(), edits in edits()) {
        let (t, e) = data(seed);
        let mut inc = Incremental::default();
        let mut line: Vec<char> = f.query.chars().collect();
        for edit in &edits {
            apply(&mut line, edit);
            let g = Filter { query: line.iter().collect(), ..f.clone() };
            prop_assert_eq!(inc.search(e, t, &g), reference::run(t, &g), "{:?}", g.query);
        }
    }
}

#[test]
fn a_suffix_that_grows_inside_is_not_a_narrowing() {
    let (t, e) = data(0);
    let mut inc = Incremental::default();
    for q in ["195$", "1959$", "2026-0", "2026-01", "jan", "jan 2026", "!19", "!198"] {
        let f = Filter { query: q.into(), ..Filter::default() };
        assert_eq!(inc.search(e, t, &f), reference::run(t, &f), "{q}");
    }
}

#[test]
fn a_cancelled_search_gives_up_and_leaves_the_cache_alone() {
    let (t, e) = data(0);
    let all: Vec<usize> = (0..t.events.len()).collect();
    let f = Filter { query: "to lam".into(), ..Filter::default() };
    assert_eq!(e.run_cancellable(t, &f, &all, &|| true), None);
    assert!(!reference::run(t, &f).hits.is_empty());
    let mut inc = Incremental::default();
    assert_eq!(inc.search_cancellable(e, t, &f, &|| true), None);
    // The cache was not filled by the cancelled search: the next one is a full, correct search.
    let g = Filter { query: "to lam x".into(), ..Filter::default() };
    assert_eq!(inc.search(e, t, &g), reference::run(t, &g));
}

#[test]
fn a_superseded_result_never_overwrites_a_newer_one() {
    let (t, _) = data(1);
    let (mut app, first) = App::new(t.clone(), Filter::default(), 100, 30);
    assert!(matches!(first, Effect::Search { .. }));
    update(&mut app, Action::StartSearch);
    let Some(Effect::Search { generation: old_gen, filter: old_filter }) =
        update(&mut app, Action::Input('t'))
    else {
        panic!("typing asks for a search")
    };
    let Some(Effect::Search { generation: new_gen, filter: new_filter }) =
        update(&mut app, Action::Input('o'))
    else {
        panic!("typing asks for a search")
    };
    assert!(new_gen > old_gen);
    assert!(app.job.pending());
    let old = reference::run(t, &old_filter);
    let new = reference::run(t, &new_filter);
    assert_ne!(old.hits.len(), new.hits.len(), "the two queries differ, so a mix-up would show");
    timeline::app::receive(&mut app, timeline::app::Notice::Searched(new_gen, new.clone()));
    timeline::app::receive(&mut app, timeline::app::Notice::Searched(old_gen, old));
    assert_eq!(app.shown.hits, new.hits);
    assert!(!app.job.pending());
}

#[test]
fn the_worker_answers_the_newest_request_last() {
    let (t, _) = data(2);
    let timeline = Arc::new(t.clone());
    let engine = Arc::new(Engine::new(&timeline));
    let (tx, rx) = channel();
    let searcher = Searcher::new(Arc::clone(&timeline), engine);
    let worker = Worker::spawn(searcher, move |generation, results| {
        let _ = tx.send((generation, results));
    });
    let queries = ["t", "to", "to ", "to l", "to la", "to lam"];
    for (g, q) in queries.iter().enumerate() {
        worker.submit(g as u64 + 1, Filter { query: q.to_string(), ..Filter::default() });
    }
    let mut answers = Vec::new();
    while let Ok(a) = rx.recv_timeout(Duration::from_secs(10)) {
        let done = a.0 == queries.len() as u64;
        answers.push(a);
        if done {
            break;
        }
    }
    let (last_gen, last) = answers.last().expect("an answer").clone();
    assert_eq!(last_gen, queries.len() as u64);
    assert_eq!(last, reference::run(&timeline, &Filter { query: "to lam".into(), ..Filter::default() }));
    assert!(answers.windows(2).all(|w| w[0].0 < w[1].0), "answers come in order of generation");
}

#[test]
fn same_seed_same_bytes_and_it_loads() {
    let base = std::env::temp_dir().join(format!("timeline-synth-{}", std::process::id()));
    let (a, b) = (base.join("a"), base.join("b"));
    support::synth::write(&a, 25, 7).unwrap();
    support::synth::write(&b, 25, 7).unwrap();
    let read = |d: &std::path::Path| std::fs::read(d.join("data.json")).unwrap();
    assert_eq!(read(&a), read(&b));
    assert_eq!(std::fs::read(a.join("a000002.txt")).unwrap(), std::fs::read(b.join("a000002.txt")).unwrap());
    let input = timeline::load::DataInput::from_file(&a.join("data.json"), None).unwrap();
    let t = timeline::load::load(&input).expect("generated data verifies");
    assert_eq!(t.events.len(), 25);
    assert_eq!(t.sources.len(), 3);
    assert!(
        t.events.iter().any(|e| e.citations[0].quote.contains('ệ') || e.citations[0].quote.contains('ộ'))
    );
    std::fs::remove_dir_all(&base).ok();
}
