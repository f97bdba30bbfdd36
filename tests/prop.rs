//! Random sequences of actions and resizes never panic, and the state stays consistent: the
//! selection is in range, the rows match the hits, the reader points at a real quote or at an
//! event's own text. On every data set we test with: the built-in one (frozen), and imported
//! TimelineJS files and sheets, whose events have no quoted sources, odd dates and groups.

use crate::support;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::OnceLock;
use support::Browser;
use timeline::app::{Action, App, Mode, Row};
use timeline::model::Timeline;
use timeline::ui::{Theme, render};

/// The data sets, loaded once each: the frozen built-in one, then the imported fixtures.
const IMPORTED: &[&str] = &[
    "tests/fixtures/timelinejs/full.json",
    "tests/fixtures/timelinejs/silent.json",
    "tests/fixtures/timelinejs/legacy_v2.json",
    "tests/fixtures/timelinejs/legacy_slides.json",
    "tests/fixtures/timelinejs/sheet.csv",
    "tests/fixtures/timelinejs/public/cosmological.json",
];

fn timeline(set: usize) -> Timeline {
    static T: OnceLock<Vec<Timeline>> = OnceLock::new();
    T.get_or_init(|| {
        let mut all = vec![support::frozen()];
        all.extend(IMPORTED.iter().map(|p| support::load_file(p)));
        all
    })[set]
        .clone()
}

/// An action, or (`Err`) the terminal's new size.
fn action() -> impl Strategy<Value = Result<Action, (u16, u16)>> {
    let simple = prop::sample::select(vec![
        Action::Quit,
        Action::Back,
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::PrevYear,
        Action::NextYear,
        Action::ToggleFocus,
        Action::DetailDown,
        Action::DetailUp,
        Action::OpenReader,
        Action::NextQuote,
        Action::PrevQuote,
        Action::NextSource,
        Action::Help,
        Action::StartSearch,
        Action::Backspace,
        Action::DeleteWord,
        Action::ClearInput,
        Action::DeleteForward,
        Action::CursorLeft,
        Action::CursorRight,
        Action::LineStart,
        Action::LineEnd,
        Action::Accept,
        Action::ToggleOrder,
        Action::NextHit,
        Action::PrevHit,
        Action::PickCountries,
        Action::ClearCountries,
        Action::PickKinds,
        Action::PickPeople,
        Action::PickPlaces,
        Action::ToggleEntry,
        Action::StartCommand,
        Action::ClearAll,
        Action::PrevSource,
        Action::NextEvent,
        Action::PrevEvent,
        Action::Zoom,
        Action::CopyCitation,
        Action::CopyId,
        Action::ToggleMouse,
        Action::ClearKinds,
        Action::PickPeople,
        Action::PickPlaces,
        Action::PickGroups,
        Action::ClearGroups,
        Action::Warnings,
        Action::StartExport,
    ]);
    prop_oneof![
        6 => simple.prop_map(Ok),
        3 => prop::sample::select(vec!['a', 'o', 'l', 'đ', 'à', ' ', '|', '!', '\'', '^', '$', '.', '1', '9', '2', 'x']).prop_map(|c| Ok(Action::Input(c))),
        1 => (0u16..300, 0u16..100).prop_map(|(col, row)| Ok(Action::Click { col, row })),
        1 => (0u16..300, 0u16..100, any::<bool>()).prop_map(|(col, row, down)| Ok(Action::Wheel { col, row, down })),
        1 => (0u16..=300, 0u16..=100).prop_map(Err),
    ]
}

fn check(app: &App) -> Result<(), TestCaseError> {
    if app.shown.hits.is_empty() {
        prop_assert_eq!(app.view.selected, 0);
        prop_assert!(app.shown.rows.is_empty());
    } else {
        prop_assert!(app.view.selected < app.shown.hits.len());
        prop_assert!(app.shown.rows.contains(&Row::Event(app.view.selected)));
        prop_assert_eq!(app.shown.rows[app.shown.row_of(app.view.selected)], Row::Event(app.view.selected));
    }
    let events = app.shown.rows.iter().filter(|r| matches!(r, Row::Event(_))).count();
    prop_assert_eq!(events, app.shown.hits.len());
    prop_assert!(app.view.list_top <= app.shown.rows.len());
    let mode = match &app.mode {
        Mode::Help { under, .. } => under.as_ref(),
        m => m,
    };
    if let Mode::Reader(r) = mode {
        let e = &app.data.timeline.events[r.event];
        if e.citations.is_empty() {
            // An event without quotes is read in its own text, which is never empty.
            prop_assert_eq!(r.citation, 0);
            prop_assert!(!timeline::view::reader::own_text(e).is_empty());
        } else {
            prop_assert!(r.citation < e.citations.len());
        }
    }
    if let Mode::Picker(p) = &app.mode {
        prop_assert!(p.visible.is_empty() || p.cursor < p.visible.len());
    }
    Ok(())
}

/// Applies the actions to a browser on data set `set`, checking the state and drawing the screen
/// after each one.
fn run(set: usize, actions: Vec<Result<Action, (u16, u16)>>) -> Result<(), TestCaseError> {
    let mut b = Browser::new(timeline(set), 80, 24);
    let theme = Theme::colored(false);
    for a in actions {
        match a {
            Ok(a) => drop(b.act(a)),
            Err((width, height)) => drop(b.resize(width, height)),
        }
        check(&b.app)?;
        let mut term = Terminal::new(TestBackend::new(b.app.view.width, b.app.view.height)).unwrap();
        term.draw(|f| render(&b.app, f, &theme)).unwrap();
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_actions_keep_the_state_consistent(actions in prop::collection::vec(action(), 1..60)) {
        run(0, actions)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_actions_on_a_full_timelinejs_file(actions in prop::collection::vec(action(), 1..60)) {
        run(1, actions)?;
    }

    #[test]
    fn random_actions_on_a_file_with_warnings(actions in prop::collection::vec(action(), 1..60)) {
        run(2, actions)?;
    }

    #[test]
    fn random_actions_on_a_timelinejs_2_file(actions in prop::collection::vec(action(), 1..60)) {
        run(3, actions)?;
    }

    #[test]
    fn random_actions_on_old_slides(actions in prop::collection::vec(action(), 1..60)) {
        run(4, actions)?;
    }

    #[test]
    fn random_actions_on_a_sheet(actions in prop::collection::vec(action(), 1..60)) {
        run(5, actions)?;
    }

    #[test]
    fn random_actions_on_a_cosmological_file(actions in prop::collection::vec(action(), 1..60)) {
        run(6, actions)?;
    }
}
