//! The cap on events (`fields::MAX_EVENTS`), in every format, at a cap of 3 instead of ten
//! million: a file of that many events loads; one more is an error at the first event past the
//! cap, said once however many follow.

use super::fields::with_max_events;
use super::{DataInput, LoadError, load_split};
use crate::load::{ArticleStore, json::Split};

fn load(path: &str, text: String) -> Result<usize, LoadError> {
    let input = DataInput { path: path.into(), text, articles: ArticleStore::Dir(".".into()) };
    // One thread: the cap set for this test is the calling thread's.
    with_max_events(3, || load_split(&input, Split::ONE_THREAD)).map(|t| t.events.len())
}

/// The one problem of a file over the cap, as `line:col: message`.
fn over(path: &str, text: String) -> String {
    let e = load(path, text).expect_err("one event too many");
    assert_eq!(e.problems.len(), 1, "said once: {:?}", e.problems);
    let p = &e.problems[0];
    assert!(p.message.contains("one event more than the 3 that `timeline` reads"), "{}", p.message);
    format!("{}:{}", p.line, p.col)
}

fn native(n: usize) -> String {
    let events: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "e{i}", "date": "200{i}", "status": "held", "kind": "other", "title": "E", "summary": ""}}"#
            )
        })
        .collect();
    format!("{{\"countries\": [], \"sources\": [], \"events\": [\n{}\n]}}", events.join(",\n"))
}

#[test]
fn our_format_and_json_lines() {
    assert_eq!(load("a.json", native(3)).unwrap(), 3);
    assert_eq!(over("a.json", native(6)), "5:1");
    let line = |i: usize| {
        format!(
            r#"{{"type": "event", "id": "e{i}", "date": "200{i}", "status": "held", "kind": "other", "title": "E", "summary": ""}}"#
        )
    };
    let lines = |n: usize| (0..n).map(line).collect::<Vec<_>>().join("\n");
    assert_eq!(load("a.jsonl", lines(3)).unwrap(), 3);
    assert_eq!(over("a.jsonl", lines(5)), "4:1");
}

#[test]
fn timelinejs_json_and_sheets() {
    let slides = |n: usize| {
        let s: Vec<String> = (0..n)
            .map(|i| format!(r#"  {{"start_date": {{"year": {}}}, "text": {{"headline": "E"}}}}"#, 2000 + i))
            .collect();
        format!("{{\"events\": [\n{}\n]}}", s.join(",\n"))
    };
    assert_eq!(load("a.json", slides(3)).unwrap(), 3);
    assert_eq!(over("a.json", slides(7)), "5:3");
    let sheet = |n: usize| format!("Year,Headline\n{}", "1,a\n".repeat(n));
    assert_eq!(load("a.csv", sheet(3)).unwrap(), 3);
    assert_eq!(over("a.csv", sheet(100)), "5:1");
}

#[test]
fn markwhen() {
    let mw = |n: usize| (0..n).map(|i| format!("{}: E\n", 2000 + i)).collect::<String>();
    assert_eq!(load("a.mw", mw(3)).unwrap(), 3);
    assert_eq!(over("a.mw", format!("title: T\n\n{}", mw(4))), "6:1");
}

#[test]
fn the_reservation_for_a_file_of_many_lines_is_capped() {
    assert_eq!(with_max_events(3, || super::fields::events_to_reserve(1 << 40)), 3);
    assert_eq!(super::fields::events_to_reserve(1 << 40), super::fields::MAX_EVENTS);
    assert_eq!(super::fields::events_to_reserve(5), 5);
}
