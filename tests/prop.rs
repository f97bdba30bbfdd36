//! Random sequences of actions and resizes never panic, and the state stays consistent: the
//! selection is in range, the rows match the hits, the reader points at a real quote.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::OnceLock;
use timeline::app::{Action, App, Mode, Row, update};
use timeline::load::load_builtin;
use timeline::model::Timeline;
use timeline::ui::{Theme, render};

fn timeline() -> Timeline {
    static T: OnceLock<Timeline> = OnceLock::new();
    T.get_or_init(|| load_builtin().unwrap()).clone()
}

fn action() -> impl Strategy<Value = Action> {
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
    ]);
    prop_oneof![
        6 => simple,
        3 => prop::sample::select(vec!['a', 'o', 'l', 'đ', 'à', ' ', '|', '!', '\'', '^', '$', '.', '1', '9', '2', 'x']).prop_map(Action::Input),
        1 => (0u16..300, 0u16..100).prop_map(|(col, row)| Action::Click { col, row }),
        1 => (0u16..300, 0u16..100, any::<bool>()).prop_map(|(col, row, down)| Action::Wheel { col, row, down }),
        1 => (0u16..=300, 0u16..=100).prop_map(|(width, height)| Action::Resize { width, height }),
    ]
}

fn check(app: &App) -> Result<(), TestCaseError> {
    if app.hits.is_empty() {
        prop_assert_eq!(app.selected, 0);
        prop_assert!(app.rows.is_empty());
    } else {
        prop_assert!(app.selected < app.hits.len());
        prop_assert!(app.rows.contains(&Row::Event(app.selected)));
        prop_assert_eq!(app.rows[app.row_of(app.selected)], Row::Event(app.selected));
    }
    let events = app.rows.iter().filter(|r| matches!(r, Row::Event(_))).count();
    prop_assert_eq!(events, app.hits.len());
    prop_assert!(app.list_top <= app.rows.len());
    let mode = match &app.mode {
        Mode::Help { under, .. } => under.as_ref(),
        m => m,
    };
    if let Mode::Reader(r) = mode {
        prop_assert!(r.citation < app.timeline.events[r.event].citations.len());
    }
    if let Mode::Picker(p) = &app.mode {
        prop_assert!(p.visible.is_empty() || p.cursor < p.visible.len());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_actions_keep_the_state_consistent(actions in prop::collection::vec(action(), 1..60)) {
        let mut app = App::new(timeline(), 80, 24);
        let theme = Theme { color: true };
        for a in actions {
            update(&mut app, a);
            check(&app)?;
            let mut term = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
            term.draw(|f| render(&app, f, &theme)).unwrap();
        }
    }
}
