//! The optimised search against the plain reference, on random generated data sets and random
//! queries; typing character by character against pasting; and cancellation.

use proptest::prelude::*;
use std::sync::mpsc::channel;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use timeline::app::{Action, App, update};
use timeline::cache::{self, Outcome};
use timeline::load::{DataInput, load};
use timeline::model::{Kind, Timeline};
use timeline::search::worker::Worker;
use timeline::search::{Engine, Filter, Incremental, Order, reference};

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
                timeline::synth::write(&dir, 120 + 40 * s as usize, 1000 + s).unwrap();
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
    let mut app = App::new(t.clone(), 100, 30);
    app.background = true;
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::Input('t'));
    let (old_gen, old_filter) = app.request.take().expect("a request");
    update(&mut app, Action::Input('o'));
    let (new_gen, new_filter) = app.request.take().expect("a newer request");
    assert!(new_gen > old_gen);
    assert!(app.searching);
    let old = reference::run(t, &old_filter);
    let new = reference::run(t, &new_filter);
    assert_ne!(old.hits.len(), new.hits.len(), "the two queries differ, so a mix-up would show");
    update(&mut app, Action::SearchDone(new_gen, new.clone()));
    update(&mut app, Action::SearchDone(old_gen, old));
    assert_eq!(app.hits, new.hits);
    assert!(!app.searching);
}

#[test]
fn the_worker_answers_the_newest_request_last() {
    let (t, _) = data(2);
    let timeline = Arc::new(t.clone());
    let engine = Arc::new(Engine::new(&timeline));
    let (tx, rx) = channel();
    let worker = Worker::spawn(Arc::clone(&timeline), engine, move |generation, results| {
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
