//! The parallel cold load gives what the one-thread load gives: the same timeline on generated
//! data, and the same problems, in the same order and at the same `path:line:col`, when the
//! mistakes are spread over many parts or a syntax error stops the parse in the middle.

use crate::support;

use std::path::PathBuf;
use timeline::load::json::Split;
use timeline::load::{DataInput, load_split};

const EVENTS: usize = 5_000;

/// Small parts and more threads than cores, so that a few megabytes make dozens of parts.
const PARTS: Split = Split { threads: 3, part_bytes: 40_000 };

/// A generated data set (pretty or minified), with `mistake` applied to its text.
fn data_set(name: &str, minified: bool, mistake: impl Fn(String) -> String) -> DataInput {
    let dir: PathBuf = std::env::temp_dir().join(format!("timeline-parallel-{}-{name}", std::process::id()));
    support::synth::write(&dir, EVENTS, 11).expect("generate");
    let path = dir.join("data.json");
    let mut text = std::fs::read_to_string(&path).expect("read");
    if minified {
        let value: serde_json::Value = serde_json::from_str(&text).expect("generated JSON");
        text = value.to_string();
    }
    std::fs::write(&path, mistake(text)).expect("write");
    DataInput::from_file(&path, None).expect("readable")
}

/// Replaces the `n`th occurrences (0-based, in `picks`) of `from` by `to`.
fn replace_nth(text: &str, from: &str, to: &str, picks: &[usize]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    for (n, _) in text.match_indices(from).enumerate() {
        let Some(at) = rest.find(from) else { break };
        out.push_str(&rest[..at]);
        out.push_str(if picks.contains(&n) { to } else { from });
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

/// Loads on one thread and in parts, and returns both, printed.
fn both(input: &DataInput) -> (String, String) {
    let one = format!("{:?}", load_split(input, Split::ONE_THREAD));
    let parts = format!("{:?}", load_split(input, PARTS));
    (one, parts)
}

#[test]
fn a_valid_data_set_loads_the_same_in_parts() {
    for minified in [false, true] {
        let input = data_set(&format!("valid-{minified}"), minified, |t| t);
        let (one, parts) = both(&input);
        assert!(one.starts_with("Ok("), "{}", &one[..one.len().min(300)]);
        assert_eq!(one, parts, "minified: {minified}");
    }
}

#[test]
fn mistakes_in_many_parts_are_reported_the_same() {
    let picks = [3, 700, 701, 1500, 2200, 2999];
    let input = data_set("mistakes", false, |t| {
        let t = replace_nth(&t, "\"kind\":", "\"knd\":", &picks);
        let t = replace_nth(&t, "\"status\":\"held\"", "\"status\":\"hold\"", &[10, 1800]);
        // Duplicate ids across parts: the first use is named in the message.
        replace_nth(&t, "\"id\":\"ev-0002500\"", "\"id\":\"ev-0000005\"", &[0])
    });
    let (one, parts) = both(&input);
    assert!(one.starts_with("Err("), "{}", &one[..one.len().min(300)]);
    assert!(one.contains("duplicate id `ev-0000005`"), "{one}");
    assert!(one.matches("unknown field `knd`").count() == picks.len(), "{one}");
    assert_eq!(one, parts);
}

/// A change that breaks a data set's text.
type Mistake = fn(String) -> String;

#[test]
fn a_syntax_error_in_a_middle_part_is_the_one_reported() {
    let cases: [(&str, Mistake); 4] = [
        ("comma", |t| replace_nth(&t, "},\n", "}\n", &[1700])),
        ("control", |t| replace_nth(&t, "\"summary\":\"", "\"summary\":\"\t", &[1200])),
        ("quote", |t| replace_nth(&t, "\"summary\":\"", "\"summary\":", &[900])),
        ("trailing", |t| t.replacen("}\n  ]", "},\n  ]", 1)),
    ];
    for (name, mistake) in cases {
        let input = data_set(name, false, mistake);
        let (one, parts) = both(&input);
        assert!(one.contains("JSON syntax error"), "{name}: {}", &one[..one.len().min(300)]);
        assert_eq!(one, parts, "{name}");
    }
}

/// Searching many events is spread over a pool of threads that outlive the search: over many
/// searches, the scoring runs on a few threads, not on new ones for every keystroke. The results
/// are the reference's, and a cancellation seen by any chunk gives up the whole search.
#[test]
fn searches_run_on_a_lasting_pool_and_can_be_cancelled() {
    use std::collections::HashSet;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use timeline::search::{Engine, Filter, reference};
    let input = data_set("search", false, |t| t);
    let t = load_split(&input, PARTS).expect("valid");
    let e = Engine::new(&t);
    let all: Vec<usize> = (0..t.events.len()).collect();
    let threads = Mutex::new(HashSet::new());
    let seen = || {
        threads.lock().unwrap().insert(std::thread::current().id());
        false
    };
    let queries = ["to lam", "a", "dai hoi", "azerbaijan 2025", "'Baku", "2025"];
    for round in 0..5 {
        for q in queries {
            let f = Filter { query: q.into(), ..Filter::default() };
            let found = e.run_cancellable(&t, &f, &all, &seen).expect("not cancelled");
            if round == 0 {
                assert_eq!(found, reference::run(&t, &f), "{q}");
            }
        }
    }
    let used = threads.lock().unwrap().len();
    let pool = rayon::current_num_threads();
    assert!(used <= pool + 1, "{used} threads for 30 searches; the pool has {pool}");
    // Cancelled once the first chunk has started: nothing comes back.
    let calls = AtomicUsize::new(0);
    let after_one = || calls.fetch_add(1, Ordering::Relaxed) > 0;
    let f = Filter { query: "a".into(), ..Filter::default() };
    assert!(t.events.len() > 2 * 2048, "several chunks");
    assert_eq!(e.run_cancellable(&t, &f, &all, &after_one), None);
}
