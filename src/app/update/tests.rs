//! `update` for every action, on the built-in data set at a fixed size.

use super::*;
use crate::app::{Picker, PickerKind, Reader};
use crate::load::load_builtin;

fn app() -> App {
    App::new(load_builtin().expect("built-in data loads"), 100, 30)
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, a.clone());
    }
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        update(app, Action::Input(c));
    }
}

fn selected_id(app: &App) -> &str {
    &app.selected_event().expect("an event is selected").id
}

#[test]
fn selection_stays_within_the_list() {
    let mut a = app();
    assert_eq!(a.selected, 0);
    run(&mut a, &[Action::Up]);
    assert_eq!(a.selected, 0);
    run(&mut a, &[Action::Down, Action::Down]);
    assert_eq!(a.selected, 2);
    run(&mut a, &[Action::Bottom]);
    assert_eq!(a.selected, a.hits.len() - 1);
    run(&mut a, &[Action::Down, Action::PageDown, Action::HalfPageDown]);
    assert_eq!(a.selected, a.hits.len() - 1);
    run(&mut a, &[Action::Top]);
    assert_eq!(a.selected, 0);
}

#[test]
fn pages_move_by_the_visible_height() {
    let mut a = app();
    let h = list_height(&a);
    run(&mut a, &[Action::PageDown]);
    assert_eq!(a.selected, h - 1);
    run(&mut a, &[Action::PageUp]);
    assert_eq!(a.selected, 0);
    run(&mut a, &[Action::HalfPageDown]);
    assert_eq!(a.selected, h / 2);
    run(&mut a, &[Action::HalfPageUp]);
    assert_eq!(a.selected, 0);
}

#[test]
fn the_selected_row_is_always_on_screen() {
    let mut a = app();
    let h = list_height(&a);
    for _ in 0..a.hits.len() {
        update(&mut a, Action::Down);
        let row = a.row_of(a.selected);
        assert!(row >= a.list_top && row < a.list_top + h, "row {row} top {} h {h}", a.list_top);
    }
    run(&mut a, &[Action::Top]);
    assert_eq!(a.list_top, 0, "the year header above the first event shows too");
}

#[test]
fn year_jumps_go_to_the_first_event_of_a_year() {
    let mut a = app();
    let year = |a: &App| a.selected_event().unwrap().date.year_value();
    run(&mut a, &[Action::NextYear]);
    assert_eq!(year(&a), 1959);
    run(&mut a, &[Action::NextYear, Action::NextYear]);
    assert_eq!(year(&a), 1967);
    run(&mut a, &[Action::PrevYear]);
    assert_eq!(year(&a), 1966);
    run(&mut a, &[Action::Bottom, Action::PrevYear]);
    assert_eq!(year(&a), 2025);
    assert_eq!(selected_id(&a), "vietnam-laos-strategic-cohesion-2025", "first event of 2025");
    run(&mut a, &[Action::Bottom, Action::NextYear]);
    assert_eq!(a.message.as_deref(), Some("no later year"));
    run(&mut a, &[Action::Top, Action::PrevYear]);
    assert_eq!(a.message.as_deref(), Some("no earlier year"));
}

#[test]
fn focus_switches_and_the_detail_pane_scrolls_within_its_text() {
    let mut a = app();
    run(&mut a, &[Action::Down]); // the 1959 visit, with three long quotes
    run(&mut a, &[Action::ToggleFocus]);
    assert_eq!(a.focus, Focus::Detail);
    run(&mut a, &[Action::Down, Action::Down]);
    assert_eq!(a.detail_scroll, 2);
    assert_eq!(a.selected, 1, "moving in the detail pane does not change the selection");
    run(&mut a, &[Action::Bottom]);
    let (h, w) = detail_size(&a);
    let total = crate::ui::detail::build(&a, w).len();
    assert_eq!(a.detail_scroll, total - h);
    run(&mut a, &[Action::DetailDown]);
    assert_eq!(a.detail_scroll, total - h, "clamped");
    run(&mut a, &[Action::DetailUp, Action::Top]);
    assert_eq!(a.detail_scroll, 0);
    run(&mut a, &[Action::ToggleFocus, Action::Down]);
    assert_eq!(
        (a.focus, a.selected, a.detail_scroll),
        (Focus::Timeline, 2, 0),
        "a new event starts at the top"
    );
}

#[test]
fn the_reader_opens_on_the_quote_and_goes_back_exactly() {
    let mut a = app();
    run(&mut a, &[Action::Down, Action::ToggleFocus, Action::Down]);
    let before = (a.selected, a.list_top, a.detail_scroll, a.focus);
    run(&mut a, &[Action::OpenReader]);
    let Mode::Reader(r) = a.mode.clone() else { panic!("reader") };
    assert_eq!(a.timeline.events[r.event].id, "ho-chi-minh-visits-baku-1959");
    assert_eq!(r.citation, 0);
    // The quote is on the first page of the reader.
    let body = crate::ui::reader::body_rect(&crate::ui::layout::Layout::new(a.width, a.height));
    let c = &a.timeline.events[r.event].citations[0];
    let lines = crate::ui::reader::article_lines(&a.timeline.sources[c.source].text, body.width);
    let quote_line = lines.iter().position(|l| l.end > c.span.start).unwrap();
    assert!(quote_line >= r.scroll && quote_line < r.scroll + body.height as usize);
    run(&mut a, &[Action::NextQuote]);
    assert!(matches!(a.mode, Mode::Reader(Reader { citation: 1, .. })));
    run(&mut a, &[Action::NextQuote, Action::NextQuote]);
    assert!(matches!(a.mode, Mode::Reader(Reader { citation: 0, .. })), "wraps around");
    run(&mut a, &[Action::PrevQuote]);
    assert!(matches!(a.mode, Mode::Reader(Reader { citation: 2, .. })));
    run(&mut a, &[Action::Back]);
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!((a.selected, a.list_top, a.detail_scroll, a.focus), before);
}

#[test]
fn tab_in_the_reader_switches_source() {
    let mut a = app();
    run(&mut a, &[Action::Down, Action::OpenReader]);
    let source = |a: &App| match &a.mode {
        Mode::Reader(r) => a.timeline.events[r.event].citations[r.citation].source,
        _ => usize::MAX,
    };
    let first = source(&a);
    run(&mut a, &[Action::NextSource]);
    assert_ne!(source(&a), first);
    run(&mut a, &[Action::Bottom]);
    assert!(matches!(a.mode, Mode::Reader(Reader { scroll, .. }) if scroll > 0));
    run(&mut a, &[Action::Top]);
    assert!(matches!(a.mode, Mode::Reader(Reader { scroll: 0, .. })));
    // An event with one source says so.
    let mut b = app();
    run(&mut b, &[Action::OpenReader, Action::NextSource]);
    assert_eq!(b.message.as_deref(), Some("this event has only one source"));
}

#[test]
fn help_returns_to_where_it_was_opened() {
    let mut a = app();
    run(&mut a, &[Action::Help]);
    assert!(matches!(a.mode, Mode::Help { .. }));
    run(&mut a, &[Action::Down, Action::Back]);
    assert_eq!(a.mode, Mode::Browse);
    run(&mut a, &[Action::OpenReader, Action::Help, Action::Help]);
    assert!(matches!(a.mode, Mode::Reader(_)));
}

#[test]
fn search_filters_on_every_keystroke_and_esc_clears_it() {
    let mut a = app();
    run(&mut a, &[Action::StartSearch]);
    typed(&mut a, "dai hoi");
    assert!(matches!(a.mode, Mode::Search(_)));
    assert!(a.hits.len() < a.timeline.events.len());
    assert!(a.phrase);
    run(&mut a, &[Action::Accept]);
    assert_eq!((a.mode.clone(), a.filter.query.as_str()), (Mode::Browse, "dai hoi"));
    let n = a.hits.len();
    run(&mut a, &[Action::PrevHit]);
    assert_eq!(a.selected, n - 1, "N wraps to the last hit");
    assert_eq!(a.message.as_deref(), Some("search wrapped to the last hit"));
    run(&mut a, &[Action::NextHit]);
    assert_eq!(a.selected, 0);
    run(&mut a, &[Action::StartSearch, Action::DeleteWord]);
    assert_eq!(a.filter.query, "dai ");
    run(&mut a, &[Action::Back]);
    assert_eq!((a.mode.clone(), a.filter.query.as_str(), a.hits.len()), (Mode::Browse, "", 35));
}

#[test]
fn esc_clears_the_search_first_then_quits() {
    let mut a = app().with_filter(crate::search::Filter { query: "laos".into(), ..Default::default() });
    run(&mut a, &[Action::Back]);
    assert!(!a.should_quit);
    assert!(a.filter.query.is_empty());
    run(&mut a, &[Action::Back]);
    assert!(a.should_quit);
}

#[test]
fn toggle_order_switches_between_relevance_and_dates() {
    let mut a = app();
    run(&mut a, &[Action::StartSearch]);
    typed(&mut a, "visit");
    assert!(a.ranked());
    assert!(a.rows.iter().all(|r| matches!(r, Row::Event(_))), "no year headers when ranked");
    run(&mut a, &[Action::ToggleOrder]);
    assert!(!a.ranked());
    assert!(a.hits.windows(2).all(|w| w[0].event < w[1].event));
    assert!(matches!(a.rows[0], Row::Year { .. }));
}

#[test]
fn country_picker_filters_toggles_applies_and_cancels() {
    let mut a = app();
    run(&mut a, &[Action::PickCountries]);
    typed(&mut a, "lào");
    let Mode::Picker(p) = &a.mode else { panic!("picker") };
    assert_eq!(p.kind, PickerKind::Country);
    assert_eq!(p.visible.len(), 1);
    assert_eq!(p.current().map(|e| (e.label.as_str(), e.count)), Some(("Laos", 6)));
    run(&mut a, &[Action::Accept]);
    assert_eq!(a.mode, Mode::Browse);
    let la = a.timeline.find_country("LA").unwrap();
    assert_eq!(a.filter.countries, [la]);
    assert_eq!(a.hits.len(), 6);
    // Several at once with Space; Esc cancels without changing anything.
    run(&mut a, &[Action::PickCountries]);
    typed(&mut a, "cuba");
    run(&mut a, &[Action::ToggleEntry, Action::Back]);
    assert_eq!(a.filter.countries, [la]);
    run(&mut a, &[Action::PickCountries]);
    typed(&mut a, "cuba");
    run(&mut a, &[Action::ToggleEntry, Action::Accept]);
    assert_eq!(a.filter.countries.len(), 2);
    assert_eq!(a.hits.len(), 8);
    run(&mut a, &[Action::ClearCountries]);
    assert_eq!(a.hits.len(), 35);
}

#[test]
fn picker_counts_reflect_the_other_filters() {
    let mut a = app();
    run(&mut a, &[Action::StartSearch]);
    typed(&mut a, "visit");
    run(&mut a, &[Action::Accept, Action::PickCountries]);
    let Mode::Picker(p) = &a.mode else { panic!() };
    let laos = p.entries.iter().find(|e| e.label == "Laos").unwrap();
    let la = a.timeline.find_country("LA").unwrap();
    let expected = a.hits.iter().filter(|h| a.timeline.events[h.event].countries.contains(&la)).count();
    assert_eq!(laos.count, expected);
    assert!(expected < 6);
}

#[test]
fn picker_counts_ignore_their_own_filter() {
    let mut a = app();
    run(&mut a, &[Action::StartSearch]);
    typed(&mut a, "visit");
    run(&mut a, &[Action::Accept, Action::PickCountries]);
    typed(&mut a, "laos");
    run(&mut a, &[Action::Accept, Action::PickCountries]);
    let Mode::Picker(p) = &a.mode else { panic!() };
    // Laos is picked, yet Azerbaijan still counts its "visit" events: a country's count is
    // what choosing it would show with the other filters.
    let az = a.timeline.find_country("AZ").unwrap();
    let query_only = crate::search::Filter { query: "visit".into(), ..Default::default() };
    let expected = a
        .engine
        .run(&a.timeline, &query_only)
        .iter()
        .filter(|h| a.timeline.events[h.event].countries.contains(&az))
        .count();
    let entry = p.entries.iter().find(|e| e.label == "Azerbaijan").unwrap();
    assert!(expected > 0);
    assert_eq!(entry.count, expected);
}

#[test]
fn picker_counts_that_need_a_search_come_from_the_worker() {
    let mut a = app();
    run(&mut a, &[Action::StartSearch]);
    typed(&mut a, "visit");
    run(&mut a, &[Action::Accept, Action::PickCountries]);
    typed(&mut a, "laos");
    run(&mut a, &[Action::Accept, Action::PickCountries]);
    let Mode::Picker(p) = &a.mode else { panic!() };
    assert_eq!(p.pending, None, "in the foreground the counts are searched at once");
    let counts = |p: &Picker| p.entries.iter().map(|e| (e.id, e.count)).collect::<Vec<_>>();
    let expected = counts(p);
    run(&mut a, &[Action::Back]);
    a.background = true;
    run(&mut a, &[Action::PickCountries]);
    let Mode::Picker(p) = &mut a.mode else { panic!() };
    let generation = p.pending.expect("counting in the background");
    let filter = p.request.take().expect("a search for the worker");
    assert_eq!((filter.query.as_str(), filter.countries.len()), ("visit", 0));
    let results = crate::search::Results { hits: a.engine.run(&a.timeline, &filter), phrase: false };
    update(&mut a, Action::CountsDone(generation + 1, results.clone()));
    let Mode::Picker(p) = &a.mode else { panic!() };
    assert_eq!(p.pending, Some(generation), "another search's answer is ignored");
    update(&mut a, Action::CountsDone(generation, results));
    let Mode::Picker(p) = &a.mode else { panic!() };
    assert_eq!(p.pending, None);
    assert_eq!(counts(p), expected);
}

#[test]
fn kind_picker_filters_by_kind() {
    let mut a = app();
    run(&mut a, &[Action::PickKinds]);
    typed(&mut a, "visit");
    run(&mut a, &[Action::Accept]);
    assert_eq!(a.filter.kinds, [crate::model::Kind::Visit]);
    assert!(a.hits.iter().all(|h| a.timeline.events[h.event].kind == crate::model::Kind::Visit));
}

#[test]
fn colon_limits_the_period_or_goes_to_a_date() {
    let mut a = app();
    run(&mut a, &[Action::StartCommand]);
    typed(&mut a, "2022..2025");
    run(&mut a, &[Action::Accept]);
    assert_eq!(a.mode, Mode::Browse);
    assert!(a.hits.iter().all(|h| (2022..=2025).contains(&a.timeline.events[h.event].date.year_value())));
    assert_eq!(a.hits.len(), 8);
    run(&mut a, &[Action::StartCommand, Action::Accept]);
    assert_eq!(a.hits.len(), 35, "an empty line clears the period");
    run(&mut a, &[Action::StartCommand]);
    typed(&mut a, "1983");
    run(&mut a, &[Action::Accept]);
    assert_eq!(selected_id(&a), "heydar-aliyev-visits-vietnam-1983");
    run(&mut a, &[Action::StartCommand]);
    typed(&mut a, "2025-13");
    run(&mut a, &[Action::Accept]);
    assert!(matches!(a.mode, Mode::Command(_)), "a bad date keeps the line open");
    assert!(a.message.as_deref().unwrap_or("").contains("month 13"));
}

#[test]
fn an_empty_result_keeps_a_valid_state() {
    let mut a = app();
    run(&mut a, &[Action::StartSearch]);
    typed(&mut a, "zzzzqqq");
    assert!(a.hits.is_empty() && a.rows.is_empty());
    assert_eq!(a.selected, 0);
    run(&mut a, &[Action::Down, Action::Accept, Action::OpenReader, Action::NextYear]);
    assert_eq!(a.mode, Mode::Browse);
    run(&mut a, &[Action::ClearAll]);
    assert_eq!(a.hits.len(), 35);
}

#[test]
fn mouse_clicks_select_rows_and_the_wheel_scrolls() {
    let mut a = app();
    let list = crate::ui::layout::inner(crate::ui::layout::Layout::new(100, 30).list);
    // Row 0 is the 1950 header, row 1 its event, row 2 the 1959 header, row 3 the 1959 event.
    run(&mut a, &[Action::Click { col: list.x + 3, row: list.y + 3 }]);
    assert_eq!(selected_id(&a), "ho-chi-minh-visits-baku-1959");
    run(&mut a, &[Action::Click { col: list.x + 3, row: list.y + 4 }]);
    assert_eq!(selected_id(&a), "fidel-castro-statement-on-vietnam-1966", "a header selects its first event");
    run(&mut a, &[Action::Wheel { col: list.x + 3, row: list.y + 3, down: true }]);
    assert_eq!(a.list_top, 3);
    let row = a.row_of(a.selected);
    assert!(row >= a.list_top);
    let detail = crate::ui::layout::Layout::new(100, 30).detail;
    run(&mut a, &[Action::Click { col: detail.x + 2, row: detail.y + 2 }]);
    assert_eq!(a.focus, Focus::Detail);
}

#[test]
fn resizing_keeps_the_selection_visible() {
    let mut a = app();
    run(&mut a, &[Action::Bottom, Action::Resize { width: 80, height: 24 }]);
    let h = list_height(&a);
    let row = a.row_of(a.selected);
    assert!(row >= a.list_top && row < a.list_top + h);
    run(
        &mut a,
        &[Action::Resize { width: 0, height: 0 }, Action::Down, Action::Resize { width: 300, height: 100 }],
    );
    assert_eq!(a.selected, a.hits.len() - 1);
}

#[test]
fn quit_quits_from_any_mode() {
    for start in [Action::OpenReader, Action::Help, Action::StartSearch, Action::PickCountries] {
        let mut a = app();
        run(&mut a, &[start.clone(), Action::Quit]);
        assert!(a.should_quit, "{start:?}");
    }
}

#[test]
fn help_scrolls_within_its_text() {
    let mut a = app();
    run(&mut a, &[Action::Help, Action::Down, Action::Down]);
    assert!(matches!(a.mode, Mode::Help { scroll: 2, .. }));
    run(&mut a, &[Action::PageDown]);
    assert!(
        matches!(a.mode, Mode::Help { scroll: 27, .. }),
        "a page is the screen less its frame: {:?}",
        a.mode
    );
    run(&mut a, &[Action::Bottom]);
    let max = crate::ui::help::line_count() - 1;
    assert!(matches!(a.mode, Mode::Help { scroll, .. } if scroll == max));
    run(&mut a, &[Action::Wheel { col: 1, row: 1, down: true }, Action::Top]);
    assert!(matches!(a.mode, Mode::Help { scroll: 0, .. }));
}
