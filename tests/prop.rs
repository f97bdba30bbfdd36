//! Random sequences of actions and resizes never panic, and the state stays consistent: the
//! selection is in range, the rows match the hits, the reader points at a real quote.

mod support;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::OnceLock;
use support::Browser;
use timeline::app::{Action, App, Mode, Row};
use timeline::model::Timeline;
use timeline::ui::{Theme, render};

fn timeline() -> Timeline {
    static T: OnceLock<Timeline> = OnceLock::new();
    T.get_or_init(support::frozen).clone()
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
        prop_assert!(r.citation < app.data.timeline.events[r.event].citations.len());
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
        let mut b = Browser::new(timeline(), 80, 24);
        let theme = Theme::colored(false);
        for a in actions {
            b.act(a);
            check(&b.app)?;
            let mut term = Terminal::new(TestBackend::new(b.app.view.width, b.app.view.height)).unwrap();
            term.draw(|f| render(&b.app, f, &theme)).unwrap();
        }
    }
}
