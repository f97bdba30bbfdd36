//! Error reporting at scale: a minified (one-line) data set of 20,000 events with the same
//! mistake in every event. Every problem is found, at its exact position, and printing stops
//! after the first 200 with a count of the rest. (How long it takes is in `benches/perf.rs`:
//! it used to be quadratic, 22 s at 20k events.)

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Command;
use timeline::load::{ArticleStore, DataInput, LoadError, MAX_KEPT, MAX_SHOWN, load};

const EVENTS: usize = 20_000;

/// A generated data set, minified to one line, with `mistake` applied to its text.
fn broken(name: &str, mistake: impl Fn(&str) -> String) -> (PathBuf, String) {
    let dir = std::env::temp_dir().join(format!("timeline-errors-{}-{name}", std::process::id()));
    support::synth::write(&dir, EVENTS, 7).expect("generate");
    let text = std::fs::read_to_string(dir.join("data.json")).expect("read");
    let value: serde_json::Value = serde_json::from_str(&text).expect("generated JSON");
    let text = mistake(&value.to_string());
    assert!(!text.contains('\n'));
    let path = dir.join("data.json");
    std::fs::write(&path, &text).expect("write");
    (path, text)
}

fn problems(path: &Path) -> LoadError {
    let input = DataInput::from_file(path, None).expect("readable");
    load(&input).expect_err("every event is broken")
}

/// The 1-based column of byte `at` on the single line: characters before it, plus one.
fn col(text: &str, at: usize) -> usize {
    text[..at].chars().count() + 1
}

#[test]
fn a_misspelt_field_in_every_event_is_reported_at_every_position() {
    let (path, text) = broken("kind", |t| t.replace("\"kind\":", "\"knd\":"));
    let e = problems(&path);
    // Two problems per event: the unknown `knd`, and the missing `kind`.
    assert_eq!(e.problems.len(), 2 * EVENTS);
    let knd: Vec<usize> = text.match_indices("\"knd\"").map(|(i, _)| i).take(2).collect();
    // An event's `{` is where `kind` is missing; its keys are sorted, so `countries` comes first.
    let event_start = |knd_at: usize| text[..knd_at].rfind("{\"countries\"").expect("the event's start");
    let first = &e.problems[..4];
    let expected = [
        (col(&text, event_start(knd[0])), "an event is missing the required field `kind`"),
        (col(&text, knd[0]), "unknown field `knd` in an event; did you mean `kind`?"),
        (col(&text, event_start(knd[1])), "an event is missing the required field `kind`"),
        (col(&text, knd[1]), "unknown field `knd` in an event; did you mean `kind`?"),
    ];
    for (p, (col, message)) in first.iter().zip(expected) {
        assert_eq!((p.line, p.col, p.message.as_str()), (1, col, message));
    }
    assert!(e.problems.iter().all(|p| p.line == 1));
    assert!(e.problems.windows(2).all(|w| w[0].col <= w[1].col), "problems are in file order");
    std::fs::remove_dir_all(path.parent().unwrap()).ok();
}

#[test]
fn a_misspelt_article_in_every_event_is_reported_with_a_suggestion() {
    // Every citation names `…txt` as `…tx`; the sources keep their real names.
    let (path, text) = broken("file", |t| t.replace(".txt\",\"quote\"", ".tx\",\"quote\""));
    let e = problems(&path);
    let cited: Vec<usize> = text.match_indices(".tx\",\"quote\"").map(|(i, _)| i).collect();
    assert_eq!(e.problems.len(), cited.len());
    assert!(cited.len() >= EVENTS);
    let value_at = |at: usize| text[..at].rfind("\"a").expect("the file name's quote");
    for (p, &at) in e.problems.iter().zip(&cited).take(3) {
        let name = &text[value_at(at) + 1..at + 3];
        assert_eq!((p.line, p.col), (1, col(&text, value_at(at))));
        assert_eq!(
            p.message,
            format!(
                "`{name}` is not one of the data set's `sources`; list it there first. did you mean `{name}t`?"
            )
        );
    }
    // Printed, as `timeline check` does: the first MAX_SHOWN, then how many more.
    let out = Command::new(env!("CARGO_BIN_EXE_timeline"))
        .args(["check", "--data", path.to_str().unwrap()])
        .output()
        .expect("run timeline");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), MAX_SHOWN + 1);
    assert_eq!(
        lines[MAX_SHOWN],
        format!("… and {} more problems; fix these and run `timeline check` again", cited.len() - MAX_SHOWN)
    );
    std::fs::remove_dir_all(path.parent().unwrap()).ok();
}

#[test]
fn millions_of_mistakes_are_counted_up_to_a_bound() {
    let items = MAX_KEPT + MAX_KEPT / 2;
    let text = format!("{{\"countries\":[],\"sources\":[],\"events\":[{}1]}}", "1,".repeat(items - 1));
    let input = DataInput { path: "many.json".into(), text, articles: ArticleStore::Builtin };
    let e = load(&input).expect_err("no event is an object");
    assert_eq!(e.problems.len(), MAX_KEPT + 1);
    let first = &e.problems[0];
    assert_eq!((first.line, first.col), (1, 40));
    assert_eq!(first.message, "expected an event to be an object `{…}`, found a number");
    let last = &e.problems[MAX_KEPT];
    // Where the first problem not listed is: item number MAX_KEPT + 1, two bytes per item.
    assert_eq!((last.line, last.col), (1, 40 + 2 * MAX_KEPT));
    assert_eq!(
        last.message,
        format!("more than {MAX_KEPT} problems: the rest are not listed; fix these first")
    );
    // Every problem is counted, listed or not, and the count printed is of all of them.
    assert_eq!(e.total(), items);
    let shown = e.to_string();
    let more = format!("… and {} more problems; fix these and run `timeline check` again", items - MAX_SHOWN);
    assert!(shown.ends_with(&more), "{}", &shown[shown.len() - 200..]);
}
