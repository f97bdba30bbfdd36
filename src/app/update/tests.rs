//! `update` for every action, on the frozen test data set at a fixed size, with effects carried
//! out by the same `Driver` that benchmarks use.

use super::*;
use crate::app::Picker;
use crate::app::{Driver, Reader};
use crate::search::Filter;
use crate::search::{FacetId, FieldTest};

/// A browser and the executor of its effects.
pub(super) struct Fixture {
    pub(super) app: App,
    pub(super) driver: Driver,
    /// The last effect left over after searching: `Some(Effect::Quit)` once quit.
    pub(super) last: Option<Effect>,
}

impl std::ops::Deref for Fixture {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl Fixture {
    pub(super) fn act(&mut self, action: Action) {
        self.last = self.driver.apply(&mut self.app, action);
    }

    /// The terminal now has this size.
    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.last = self.driver.notify(&mut self.app, Notice::Resized { width, height });
    }

    pub(super) fn quit(&self) -> bool {
        self.last == Some(Effect::Quit)
    }
}

pub(super) fn with_filter(filter: Filter) -> Fixture {
    let (app, driver) = Driver::start(crate::frozen(), filter, 100, 30);
    Fixture { app, driver, last: None }
}

pub(super) fn app() -> Fixture {
    with_filter(Filter::default())
}

pub(super) fn run(f: &mut Fixture, actions: &[Action]) {
    for a in actions {
        f.act(a.clone());
    }
}

pub(super) fn typed(f: &mut Fixture, s: &str) {
    for c in s.chars() {
        f.act(Action::Input(c));
    }
}

pub(super) fn selected_id(app: &App) -> &str {
    &app.selected_event().expect("an event is selected").id
}

#[test]
fn selection_stays_within_the_list() {
    let mut a = app();
    assert_eq!(a.view.selected, 0);
    run(&mut a, &[Action::Up]);
    assert_eq!(a.view.selected, 0);
    run(&mut a, &[Action::Down, Action::Down]);
    assert_eq!(a.view.selected, 2);
    run(&mut a, &[Action::Bottom]);
    assert_eq!(a.view.selected, a.shown.hits.len() - 1);
    run(&mut a, &[Action::Down, Action::PageDown, Action::HalfPageDown]);
    assert_eq!(a.view.selected, a.shown.hits.len() - 1);
    run(&mut a, &[Action::Top]);
    assert_eq!(a.view.selected, 0);
}

#[test]
fn pages_move_by_the_visible_height() {
    let mut a = app();
    let h = list_height(&a);
    run(&mut a, &[Action::PageDown]);
    assert_eq!(a.view.selected, h - 1);
    run(&mut a, &[Action::PageUp]);
    assert_eq!(a.view.selected, 0);
    run(&mut a, &[Action::HalfPageDown]);
    assert_eq!(a.view.selected, h / 2);
    run(&mut a, &[Action::HalfPageUp]);
    assert_eq!(a.view.selected, 0);
}

#[test]
fn the_selected_row_is_always_on_screen() {
    let mut a = app();
    let h = list_height(&a);
    for _ in 0..a.shown.hits.len() {
        a.act(Action::Down);
        let row = a.shown.row_of(a.view.selected);
        assert!(
            row >= a.view.list_top && row < a.view.list_top + h,
            "row {row} top {} h {h}",
            a.view.list_top
        );
    }
    run(&mut a, &[Action::Top]);
    assert_eq!(a.view.list_top, 0, "the year header above the first event shows too");
}

pub(super) fn year_of(a: &App, hit: usize) -> i64 {
    a.data.timeline.events[a.shown.hits[hit].event].date.year_value()
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
    assert_eq!(year(&a), 2026, "first the start of the current year");
    assert_eq!(a.view.selected, (0..a.shown.hits.len()).find(|&i| year_of(&a, i) == 2026).unwrap());
    run(&mut a, &[Action::PrevYear]);
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
    assert_eq!(a.view.focus, Focus::Detail);
    run(&mut a, &[Action::Down, Action::Down]);
    assert_eq!(a.view.detail_scroll, 2);
    assert_eq!(a.view.selected, 1, "moving in the detail pane does not change the selection");
    run(&mut a, &[Action::Bottom]);
    let (h, w) = detail_size(&a);
    let total = crate::view::detail::document(a.detail_input(), w, &Theme::plain()).len();
    assert_eq!(a.view.detail_scroll, total - h);
    run(&mut a, &[Action::DetailDown]);
    assert_eq!(a.view.detail_scroll, total - h, "clamped");
    run(&mut a, &[Action::DetailUp, Action::Top]);
    assert_eq!(a.view.detail_scroll, 0);
    run(&mut a, &[Action::ToggleFocus, Action::Down]);
    assert_eq!(
        (a.view.focus, a.view.selected, a.view.detail_scroll),
        (Focus::Timeline, 2, 0),
        "a new event starts at the top"
    );
}

#[test]
fn the_reader_opens_on_the_quote_and_goes_back_exactly() {
    let mut a = app();
    run(&mut a, &[Action::Down, Action::ToggleFocus, Action::Down]);
    let before = (a.view.selected, a.view.list_top, a.view.detail_scroll, a.view.focus);
    run(&mut a, &[Action::OpenReader]);
    let Mode::Reader(r) = a.mode.clone() else { panic!("reader") };
    assert_eq!(a.data.timeline.events[r.event].id, "ho-chi-minh-visits-baku-1959");
    assert_eq!(r.citation, 0);
    // The quote is on the first page of the reader.
    let layout = crate::view::layout::Layout::new(a.view.width, a.view.height);
    let title = crate::view::reader::page(&a.data.timeline, r.event, r.citation).title.whole();
    let w = crate::view::layout::inner(layout.main).width;
    let body = crate::view::reader::body_rect(&layout, crate::view::reader::title_lines(&title, w).len());
    let c = &a.data.timeline.events[r.event].citations[0];
    let lines = crate::view::reader::article_lines(&a.data.timeline.sources[c.source].text, body.width);
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
    assert_eq!((a.view.selected, a.view.list_top, a.view.detail_scroll, a.view.focus), before);
}

#[test]
fn tab_in_the_reader_switches_source() {
    let mut a = app();
    run(&mut a, &[Action::Down, Action::OpenReader]);
    let source = |a: &App| match &a.mode {
        Mode::Reader(r) => a.data.timeline.events[r.event].citations[r.citation].source,
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
    assert!(a.shown.hits.len() < a.data.timeline.events.len());
    // Events that say "Đại hội" come first: adjacency raises the score.
    let top = &a.data.timeline.events[a.shown.hits[0].event];
    let text = format!(
        "{} {} {}",
        top.title,
        top.summary,
        top.citations.iter().map(|c| c.quote.as_str()).collect::<String>()
    );
    assert!(text.to_lowercase().contains("đại hội"), "{text}");
    run(&mut a, &[Action::Accept]);
    assert_eq!((a.mode.clone(), a.filter().query.as_str()), (Mode::Browse, "dai hoi"));
    let n = a.shown.hits.len();
    run(&mut a, &[Action::PrevHit]);
    assert_eq!(a.view.selected, n - 1, "N wraps to the last hit");
    assert_eq!(a.message.as_deref(), Some("search wrapped to the last hit"));
    run(&mut a, &[Action::NextHit]);
    assert_eq!(a.view.selected, 0);
    // The line opens with the search selected: a deleting key clears it, End keeps it.
    run(&mut a, &[Action::StartSearch, Action::DeleteWord]);
    assert_eq!(a.filter().query, "");
    run(&mut a, &[Action::Back, Action::StartSearch, Action::LineEnd, Action::DeleteWord]);
    assert_eq!(a.filter().query, "dai ");
    run(&mut a, &[Action::Back]);
    assert_eq!(
        (a.mode.clone(), a.filter().query.as_str()),
        (Mode::Browse, "dai hoi"),
        "Esc in the search line restores the search applied before the edit"
    );
    run(&mut a, &[Action::StartSearch, Action::ClearInput, Action::Accept]);
    assert_eq!(a.shown.hits.len(), 35);
}

#[test]
fn esc_clears_the_search_then_says_q_quits() {
    let mut a = with_filter(Filter { query: "laos".into(), ..Default::default() });
    run(&mut a, &[Action::Back]);
    assert!(!a.quit());
    assert!(a.filter().query.is_empty());
    run(&mut a, &[Action::Back]);
    assert!(!a.quit(), "Esc never quits");
    assert_eq!(a.message.as_deref(), Some("nothing to clear · q quits"));
}

#[test]
fn toggle_order_switches_between_relevance_and_dates() {
    let mut a = app();
    run(&mut a, &[Action::StartSearch]);
    typed(&mut a, "visit");
    assert!(a.ranked());
    assert!(a.shown.rows.iter().all(|r| matches!(r, Row::Event(_))), "no year headers when ranked");
    run(&mut a, &[Action::ToggleOrder]);
    assert!(!a.ranked());
    assert_eq!(a.message.as_deref(), Some("hits by date"));
    assert!(a.shown.hits.windows(2).all(|w| w[0].event < w[1].event));
    assert!(a.shown.rows.iter().any(|r| matches!(r, Row::Year { .. })));
    // Without a search the order shows only at the next one: it is said.
    let mut a = app();
    run(&mut a, &[Action::ToggleOrder]);
    assert_eq!(a.message.as_deref(), Some("a search will list its hits by date"));
}

#[test]
fn country_picker_filters_toggles_applies_and_cancels() {
    let mut a = app();
    run(&mut a, &[Action::PickCountries]);
    typed(&mut a, "lào");
    let Mode::Picker(p) = &a.mode else { panic!("picker") };
    assert_eq!(p.kind, FacetId::Country);
    // Fuzzy, as in fzf: other names have l…a…o in order too, but Laos matches best.
    assert_eq!(p.current().map(|e| (e.label.as_str(), e.count)), Some(("Laos", 6)));
    run(&mut a, &[Action::Accept]);
    assert_eq!(a.mode, Mode::Browse);
    let la = a.data.timeline.find_country("LA").unwrap();
    assert_eq!(a.filter().chosen(FacetId::Country), [FieldTest::Country(la)]);
    assert_eq!(a.shown.hits.len(), 6);
    // Several at once with Tab; Esc cancels without changing anything.
    run(&mut a, &[Action::PickCountries]);
    typed(&mut a, "cuba");
    run(&mut a, &[Action::ToggleEntry, Action::Back]);
    assert_eq!(a.filter().chosen(FacetId::Country), [FieldTest::Country(la)]);
    run(&mut a, &[Action::PickCountries]);
    typed(&mut a, "cuba");
    run(&mut a, &[Action::ToggleEntry, Action::Accept]);
    assert_eq!(a.filter().chosen(FacetId::Country).len(), 2);
    assert_eq!(a.shown.hits.len(), 8);
    run(&mut a, &[Action::ClearCountries]);
    assert_eq!(a.shown.hits.len(), 35);
}

#[test]
fn picker_counts_reflect_the_other_filters() {
    let mut a = app();
    run(&mut a, &[Action::StartSearch]);
    typed(&mut a, "visit");
    run(&mut a, &[Action::Accept, Action::PickCountries]);
    let Mode::Picker(p) = &a.mode else { panic!() };
    let laos = p.entries.iter().find(|e| e.label == "Laos").unwrap();
    let la = a.data.timeline.find_country("LA").unwrap();
    let expected =
        a.shown.hits.iter().filter(|h| a.data.timeline.events[h.event].countries.contains(&la)).count();
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
    let az = a.data.timeline.find_country("AZ").unwrap();
    let query_only = crate::search::Filter { query: "visit".into(), ..Default::default() };
    let expected = a
        .data
        .engine
        .run(&a.data.timeline, &query_only)
        .iter()
        .filter(|h| a.data.timeline.events[h.event].countries.contains(&az))
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
    // The driver counted at once; the browser asks its counting worker, as below.
    let Mode::Picker(p) = &a.mode else { panic!() };
    assert_eq!(p.pending, None, "the driver carried the count out");
    let counts = |p: &Picker| p.entries.iter().map(|e| (e.id, e.count)).collect::<Vec<_>>();
    let expected = counts(p);
    run(&mut a, &[Action::Back]);
    let Some(Effect::Count { job, filter }) = update(&mut a.app, Action::PickCountries) else {
        panic!("opening the picker asks for a count")
    };
    assert_eq!((filter.query.as_str(), filter.chosen(FacetId::Country).len()), ("visit", 0));
    let Mode::Picker(p) = &a.mode else { panic!() };
    assert!(p.entries.iter().all(|e| e.count == 0) && p.pending == Some(job), "counts wait for the worker");
    let results = crate::search::Results { hits: a.data.engine.run(a.timeline(), &filter), error: None };
    receive(&mut a.app, Notice::Counted(job + 1, results.clone()));
    let Mode::Picker(p) = &a.mode else { panic!() };
    assert_eq!(p.pending, Some(job), "another search's answer is ignored");
    receive(&mut a.app, Notice::Counted(job, results));
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
    assert_eq!(a.filter().chosen(FacetId::Kind), [FieldTest::Kind(crate::model::Kind::Visit)]);
    assert!(a.shown.hits.iter().all(|h| a.data.timeline.events[h.event].kind == crate::model::Kind::Visit));
}

#[test]
fn colon_limits_the_period_or_goes_to_a_date() {
    let mut a = app();
    run(&mut a, &[Action::StartCommand]);
    typed(&mut a, "2022..2025");
    run(&mut a, &[Action::Accept]);
    assert_eq!(a.mode, Mode::Browse);
    assert!(
        a.shown
            .hits
            .iter()
            .all(|h| (2022..=2025).contains(&a.data.timeline.events[h.event].date.year_value()))
    );
    assert_eq!(a.shown.hits.len(), 8);
    run(&mut a, &[Action::StartCommand, Action::Accept]);
    assert_eq!(a.shown.hits.len(), 8, "the line opens with the period: Enter keeps it");
    run(&mut a, &[Action::StartCommand, Action::Backspace, Action::Accept]);
    assert_eq!(a.shown.hits.len(), 35, "an empty line clears the period");
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
    assert!(a.shown.hits.is_empty() && a.shown.rows.is_empty());
    assert_eq!(a.view.selected, 0);
    run(&mut a, &[Action::Down, Action::Accept, Action::OpenReader, Action::NextYear]);
    assert_eq!(a.mode, Mode::Browse);
    run(&mut a, &[Action::ClearAll]);
    assert_eq!(a.shown.hits.len(), 35);
    assert_eq!(a.message.as_deref(), Some("cleared the search and every filter"));
    run(&mut a, &[Action::ClearAll]);
    assert_eq!(a.message.as_deref(), Some("nothing to clear · q quits"));
}

#[test]
fn mouse_clicks_select_rows_and_the_wheel_scrolls() {
    let mut a = app();
    let list = crate::view::layout::inner(crate::view::layout::Layout::new(100, 30).list);
    // Years of one event have no header: row 1 is the 1959 event.
    run(&mut a, &[Action::Click { col: list.x + 3, row: list.y + 1 }]);
    assert_eq!(selected_id(&a), "ho-chi-minh-visits-baku-1959");
    let header = a.shown.rows.iter().position(|r| matches!(r, Row::Year { .. })).unwrap();
    run(&mut a, &[Action::Click { col: list.x + 3, row: list.y + header as u16 }]);
    assert_eq!(
        Some(&Row::Event(a.view.selected)),
        a.shown.rows.get(header + 1),
        "a header selects its first event"
    );
    run(&mut a, &[Action::Top, Action::Wheel { col: list.x + 3, row: list.y + 3, down: true }]);
    assert_eq!(a.view.list_top, 3);
    let row = a.shown.row_of(a.view.selected);
    assert!(row >= a.view.list_top);
    let detail = crate::view::layout::Layout::new(100, 30).detail;
    run(&mut a, &[Action::Click { col: detail.x + 2, row: detail.y + 2 }]);
    assert_eq!(a.view.focus, Focus::Detail);
}

#[test]
fn resizing_keeps_the_selection_visible() {
    let mut a = app();
    run(&mut a, &[Action::Bottom]);
    a.resize(80, 24);
    let h = list_height(&a);
    let row = a.shown.row_of(a.view.selected);
    assert!(row >= a.view.list_top && row < a.view.list_top + h);
    a.resize(0, 0);
    run(&mut a, &[Action::Down]);
    a.resize(300, 100);
    assert_eq!(a.view.selected, a.shown.hits.len() - 1);
}

#[test]
fn ctrl_c_quits_from_every_mode() {
    use crate::input::keymap::{KeyMode, map_key};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let starts: &[&[Action]] = &[
        &[],
        &[Action::OpenReader],
        &[Action::Help],
        &[Action::StartSearch],
        &[Action::StartCommand],
        &[Action::PickCountries],
        &[Action::OpenReader, Action::StartSearch],
    ];
    let mut seen = Vec::new();
    for start in starts {
        let mut a = app();
        run(&mut a, start);
        let mode = a.mode.keys();
        seen.push(mode);
        let action = map_key(mode, ctrl_c);
        assert_eq!(action, Some(Action::Quit), "Ctrl-c in {mode:?}");
        a.act(Action::Quit);
        assert!(a.quit(), "{mode:?}");
    }
    assert!(KeyMode::ALL.iter().all(|m| seen.contains(m)), "every mode was tried: {seen:?}");
}

#[test]
fn help_scrolls_within_its_text() {
    let mut a = app();
    run(&mut a, &[Action::Help, Action::Down, Action::Down]);
    assert!(matches!(a.mode, Mode::Help { scroll: 2, .. }));
    let body = crate::view::layout::inner(crate::view::help::popup(a.view.layout().main));
    let page = body.height as usize;
    run(&mut a, &[Action::PageDown]);
    assert!(
        matches!(a.mode, Mode::Help { scroll, .. } if scroll == 2 + page - 1),
        "a page is the help's box less its frame: {:?}",
        a.mode
    );
    run(&mut a, &[Action::Bottom]);
    let max = crate::view::help::line_count(crate::app::HelpPage::Keys, &a.report(), body.width) - page;
    assert!(matches!(a.mode, Mode::Help { scroll, .. } if scroll == max));
    run(&mut a, &[Action::Wheel { col: 1, row: 1, down: true }, Action::Top]);
    assert!(matches!(a.mode, Mode::Help { scroll: 0, .. }));
}

#[test]
fn field_queries_become_filters_on_enter_and_mistakes_show_in_the_status_line() {
    let mut a = app();
    run(&mut a, &[Action::StartSearch]);
    typed(&mut a, "foo:x");
    assert!(a.message.as_deref().unwrap_or("").starts_with("unknown field `foo:`; fields are country:"));
    run(&mut a, &[Action::Back, Action::StartSearch]);
    typed(&mut a, "country:LA kind:visit to lam");
    let while_typing = a.shown.hits.clone();
    assert!(!while_typing.is_empty());
    run(&mut a, &[Action::Accept]);
    // The same events, now shown as filters; the pickers hold them.
    let la = a.data.timeline.find_country("LA").unwrap();
    assert_eq!(
        (a.filter().chosen(FacetId::Country), a.filter().chosen(FacetId::Kind)),
        (&[FieldTest::Country(la)][..], &[FieldTest::Kind(crate::model::Kind::Visit)][..])
    );
    assert_eq!(a.filter().query, "to lam");
    assert_eq!(a.shown.hits, while_typing);
    run(&mut a, &[Action::PickCountries]);
    let Mode::Picker(p) = &a.mode else { panic!("picker") };
    assert_eq!(p.chosen, [la]);
}

#[test]
fn country_picker_finds_aliases() {
    let mut a = app();
    run(&mut a, &[Action::PickCountries]);
    typed(&mut a, "usa");
    let Mode::Picker(p) = &a.mode else { panic!("picker") };
    assert_eq!(p.current().map(|e| e.label.as_str()), Some("United States"));
}

#[test]
fn pickers_match_letters_in_order_best_first_as_fzf_does() {
    let mut a = app();
    run(&mut a, &[Action::PickCountries]);
    // Not a substring of any name: the letters in order, accents optional.
    typed(&mut a, "azbj");
    let Mode::Picker(p) = &a.mode else { panic!("picker") };
    assert_eq!(p.current().map(|e| e.label.as_str()), Some("Azerbaijan"));
    assert_eq!(p.visible.len(), 1);
    run(&mut a, &[Action::Back, Action::PickCountries]);
    typed(&mut a, "trung quoc");
    let Mode::Picker(p) = &a.mode else { panic!("picker") };
    assert_eq!(p.current().map(|e| e.label.as_str()), Some("China"), "the Vietnamese name, typed plainly");
    run(&mut a, &[Action::Back, Action::PickCountries]);
    typed(&mut a, "la");
    let Mode::Picker(p) = &a.mode else { panic!("picker") };
    let labels: Vec<&str> = p.visible.iter().map(|&i| p.entries[i].label.as_str()).collect();
    assert_eq!(labels.first(), Some(&"Laos"), "a word that starts with the letters comes first: {labels:?}");
}

/// Esc on the search line, or the typing undone, selects again the event selected before `/`
/// (it selected the cancelled search's top hit).
#[test]
fn cancelling_a_search_selects_the_event_selected_before_it() {
    for undo in [vec![Action::Back], vec![Action::ClearInput]] {
        let mut a = app();
        run(&mut a, &[Action::Down, Action::Down, Action::Down]);
        let before = selected_id(&a).to_string();
        run(&mut a, &[Action::StartSearch]);
        typed(&mut a, "to lam");
        assert_ne!(selected_id(&a), before);
        run(&mut a, &undo);
        assert_eq!(selected_id(&a), before, "{undo:?}");
    }
}

#[test]
fn help_opens_at_the_keys_of_where_you_were_and_names_shared_keys_once() {
    let first_line = |actions: &[Action]| {
        let mut a = app();
        run(&mut a, actions);
        run(&mut a, &[Action::Help]);
        let Mode::Help { scroll, .. } = a.mode else { panic!("no help: {:?}", a.mode) };
        let w = crate::view::layout::inner(crate::view::help::popup(a.view.layout().main)).width;
        let plain = crate::view::Theme::plain();
        let lines = crate::view::help::lines(HelpPage::Keys, &a.report(), w, &plain, usize::MAX);
        assert!(lines.iter().all(|l| !l.to_string().contains("(also:")), "shared keys said once");
        lines[scroll].to_string()
    };
    assert_eq!(first_line(&[]), "Browsing");
    assert_eq!(first_line(&[Action::StartSearch]), "Search line");
    assert!(first_line(&[Action::PickKinds]).starts_with("Pickers"));
    assert_eq!(first_line(&[Action::Down, Action::OpenReader]), "Source reader");
    let typed = "  in the search line, pickers, the period line and the article search:";
    assert_eq!(first_line(&[Action::StartCommand]), typed);
    assert_eq!(first_line(&[Action::Down, Action::OpenReader, Action::StartSearch]), typed);
}
