//! Every key and mouse event the help lists, in every mode it is listed for, on imported data sets
//! (TimelineJS files, a sheet, and JSON lines read back with quotes, links, media and odd dates:
//! events without quoted sources, groups, load warnings): the key
//! does what the keymap says, nothing panics, and the state stays consistent.

use crate::support;

use crossterm::event::KeyEvent;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::{Browser, enter};
use timeline::app::{Action, App, Mode, Row};
use timeline::input::keymap::{BINDINGS, Input, KeyMode, map_key, map_mouse};
use timeline::ui::{Theme, render};
use timeline::view::reader::nothing_to_read;

const SETS: &[&str] = &[
    "tests/fixtures/timelinejs/full.json",
    "tests/fixtures/timelinejs/silent.json",
    "tests/fixtures/timelinejs/sheet.csv",
    "tests/fixtures/jsonl/full.jsonl",
];

/// A data set of `SETS`: the JSON lines quote the loader fixtures' articles.
fn load_set(set: &str) -> timeline::model::Timeline {
    if !set.ends_with(".jsonl") {
        return support::load_file(set);
    }
    let input = timeline::load::DataInput::from_file(
        std::path::Path::new(set),
        Some(std::path::PathBuf::from("tests/fixtures/seeds")),
    )
    .expect("the fixture reads");
    timeline::load::load(&input).expect("the fixture loads")
}

fn consistent(app: &App, what: &str) {
    let hits = app.shown.hits.len();
    if hits == 0 {
        assert_eq!(app.view.selected, 0, "{what}");
    } else {
        assert!(app.view.selected < hits, "{what}: selection out of range");
        assert_eq!(
            app.shown.rows[app.shown.row_of(app.view.selected)],
            Row::Event(app.view.selected),
            "{what}"
        );
    }
    let mode = match &app.mode {
        Mode::Help { under, .. } => under.as_ref(),
        m => m,
    };
    if let Mode::Reader(r) = mode {
        let e = &app.data.timeline.events[r.event];
        assert!(r.citation < e.citations.len().max(1), "{what}: the reader's quote exists");
    }
}

#[test]
fn every_key_of_the_help_works_on_imported_data() {
    let theme = Theme::colored(false);
    let mut pressed = 0;
    for set in SETS {
        let t = load_set(set);
        for b in BINDINGS {
            for &mode in b.modes {
                {
                    let mut br = Browser::new(t.clone(), 80, 24);
                    for a in enter(mode) {
                        br.act(a.clone());
                    }
                    let unreadable = nothing_to_read(&t.events[0]).is_some();
                    if unreadable && matches!(mode, KeyMode::Reader | KeyMode::Find) {
                        // The first event of silent.json has no text: no reader to press keys in.
                        assert_ne!(br.app.mode.keys(), KeyMode::Reader);
                        continue;
                    }
                    let input = b.input;
                    assert_eq!(br.app.mode.keys(), mode, "{set}: reached {mode:?} to press {input:?}");
                    // The mouse on the first row of the list (or of the picker, the reader).
                    let action = match input {
                        Input::Key(key) => map_key(mode, KeyEvent::new(key.code, key.mods)),
                        Input::Mouse(m) => map_mouse(mode, m.event(10, 4)),
                    };
                    let action =
                        action.unwrap_or_else(|| panic!("{set}: {input:?} in {mode:?} does nothing"));
                    if let Input::Mouse(_) = input {
                        assert!(matches!(
                            action,
                            Action::Click { col: 10, row: 4 } | Action::Wheel { col: 10, row: 4, .. }
                        ));
                    }
                    let what = format!("{set}: {} in {mode:?} ({action:?})", input.label());
                    br.act(action);
                    consistent(&br.app, &what);
                    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
                    term.draw(|f| render(&br.app, f, &theme)).unwrap();
                    pressed += 1;
                }
            }
        }
    }
    assert!(pressed > SETS.len() * 100, "every binding was pressed: {pressed}");
}

/// A picker with nothing to pick is not offered, and its key says why; the groups picker of a
/// TimelineJS file filters by group.
#[test]
fn pickers_follow_the_data() {
    let mut b = Browser::new(support::load_file(SETS[0]), 80, 24);
    assert!(!b.app.offers(&Action::PickCountries), "full.json names no countries");
    assert!(b.app.offers(&Action::PickGroups));
    assert!(!b.app.offers(&Action::Warnings), "full.json loads cleanly");
    b.act(Action::PickCountries);
    assert_eq!(b.app.mode, Mode::Browse);
    assert_eq!(b.app.message.as_deref(), Some("no countries in this data set"));
    b.act(Action::PickGroups);
    let Mode::Picker(p) = &b.app.mode else { panic!("no groups picker: {:?}", b.app.mode) };
    let labels: Vec<(&str, usize)> = p.entries.iter().map(|e| (e.label.as_str(), e.count)).collect();
    assert_eq!(labels, [("Modern", 2), ("Cosmos", 1), ("Antiquity", 1)]);
    b.act(Action::ToggleEntry);
    b.act(Action::Accept);
    let titles: Vec<&str> =
        b.app.shown.hits.iter().map(|h| b.app.data.timeline.events[h.event].title.as_str()).collect();
    assert_eq!(titles, ["Independence & a declaration", "Two days of talks"]);
    assert_eq!(
        b.app.filter().chosen(timeline::search::FacetId::Group),
        [timeline::search::FieldTest::Group("Modern".into())]
    );
    b.act(Action::ClearGroups);
    assert_eq!(b.app.shown.hits.len(), 4);
}

/// `J`/`K` in the reader skip events with nothing to read, as a pager skips empty pages, and stay
/// in the reader (saying so) when none is left that way.
#[test]
fn the_readers_j_and_k_skip_events_with_nothing_to_read() {
    let mut b = Browser::new(support::load_file("tests/fixtures/timelinejs/gaps.json"), 80, 24);
    let reading = |b: &Browser| match &b.app.mode {
        Mode::Reader(r) => (b.app.data.timeline.events[r.event].title.to_string(), b.app.view.selected),
        m => panic!("left the reader: {m:?}, {:?}", b.app.message),
    };
    b.act(Action::OpenReader);
    assert_eq!(reading(&b), ("Before the gap".to_string(), 0));
    b.act(Action::NextEvent);
    assert!(reading(&b).0.starts_with("An extraordinarily long headline"));
    assert_eq!(reading(&b).1, 3, "the selection follows the reader");
    assert_eq!(b.app.message.as_deref(), Some("event 4/5 (skipped 2 with nothing to read)"));
    b.act(Action::NextEvent);
    assert_eq!(reading(&b).1, 3);
    assert_eq!(b.app.message.as_deref(), Some("no next event has anything to read"));
    b.act(Action::PrevEvent);
    assert_eq!(reading(&b), ("Before the gap".to_string(), 0));
    b.act(Action::PrevEvent);
    assert_eq!(b.app.message.as_deref(), Some("no previous event"));
    b.act(Action::Back);
    assert_eq!((b.app.mode.clone(), b.app.view.selected), (Mode::Browse, 0));
}
