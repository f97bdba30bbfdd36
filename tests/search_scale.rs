//! The optimised search against the plain reference, on random generated data sets and random
//! queries; typing character by character against pasting; and cancellation.

mod support;

use proptest::prelude::*;
use std::sync::mpsc::channel;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use timeline::app::{Action, App, Effect, update};
use timeline::load::{DataInput, load};
use timeline::model::{Kind, Timeline};
use timeline::search::worker::{Searcher, Worker};
use timeline::search::{Engine, Filter, Incremental, Order, reference};

/// A few generated data sets, made once per test run.
fn data(seed: u64) -> &'static (Timeline, Engine) {
    static SETS: OnceLock<Vec<(Timeline, Engine)>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        (0..4)
            .map(|s| {
                let dir = std::env::temp_dir().join(format!("timeline-scale-{}-{s}", std::process::id()));
                support::synth::write(&dir, 120 + 40 * s as usize, 1000 + s).unwrap();
                let t = load(&DataInput::from_file(&dir.join("data.json"), None).unwrap()).unwrap();
                std::fs::remove_dir_all(&dir).ok();
                let e = Engine::new(&t);
                (t, e)
            })
            .collect()
    });
    &sets[(seed % 4) as usize]
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
];

fn query() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..4).prop_map(|w| w.join(" "))
}

fn filter() -> impl Strategy<Value = Filter> {
    (query(), any::<bool>(), prop::option::of(0usize..20), prop::option::of(0usize..12)).prop_map(
        |(query, chrono, country, kind)| Filter {
            query,
            order: if chrono { Order::Chronological } else { Order::Relevance },
            countries: country.into_iter().collect(),
            kinds: kind.map(|k| Kind::ALL[k]).into_iter().collect(),
            ..Filter::default()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn optimised_search_equals_the_reference(seed in 0u64..4, f in filter()) {
        let (t, e) = data(seed);
        let all: Vec<usize> = (0..t.events.len()).collect();
        prop_assert_eq!(e.run_within(t, &f, &all), reference::run(t, &f));
    }

    #[test]
    fn typing_one_character_at_a_time_equals_pasting(seed in 0u64..4, f in filter()) {
        let (t, e) = data(seed);
        let mut inc = Incremental::default();
        let mut typed = Default::default();
        for end in f.query.char_indices().map(|(i, c)| i + c.len_utf8()) {
            typed = inc.search(e, t, &Filter { query: f.query[..end].to_string(), ..f.clone() });
        }
        prop_assert_eq!(typed, reference::run(t, &f));
    }
}

#[test]
fn a_cancelled_search_gives_up_and_leaves_the_cache_alone() {
    let (t, e) = data(0);
    let all: Vec<usize> = (0..t.events.len()).collect();
    let f = Filter { query: "to lam".into(), ..Filter::default() };
    assert_eq!(e.run_cancellable(t, &f, &all, &|| true), None);
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
    update(&mut app, Action::SearchDone(new_gen, new.clone()));
    update(&mut app, Action::SearchDone(old_gen, old));
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
