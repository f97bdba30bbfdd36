//! `update` for the keys of issue 10: Esc never quits, pickers type spaces, the 80×24 list, the
//! search line's history, the period line's forms, year jumps by relevance, copying, the reader's
//! search and event keys, resizing the reader, clearing one filter at a time, the mouse.

use super::tests::{Fixture, app, run, selected_id, typed, with_filter, year_of};
use super::*;
use crate::app::Part;
use crate::search::{FacetId, FieldTest};
use crate::search::{Field, Filter};
use crate::view::layout::{Zoom, inner};

fn at(width: u16, height: u16) -> Fixture {
    let mut a = app();
    a.resize(width, height);
    a
}

#[test]
fn esc_goes_back_one_level_and_never_quits() {
    let mut a = app();
    run(&mut a, &[Action::PickCountries]);
    typed(&mut a, "lao");
    run(&mut a, &[Action::Accept]);
    assert_eq!(a.filter().chosen(FacetId::Country).len(), 1);
    run(&mut a, &[Action::Back]);
    assert!(
        a.filter().chosen(FacetId::Country).is_empty() && !a.quit(),
        "Esc clears the filter it did not quit"
    );
    for start in
        [Action::OpenReader, Action::Help, Action::StartCommand, Action::PickKinds, Action::StartSearch]
    {
        run(&mut a, &[start.clone(), Action::Back]);
        assert_eq!(a.mode, Mode::Browse, "{start:?} then Esc");
        run(&mut a, &[Action::Back, Action::Back]);
        assert!(!a.quit(), "{start:?}");
    }
    assert_eq!(a.message.as_deref(), Some("nothing to clear · q quits"));
    run(&mut a, &[Action::OpenReader, Action::Help, Action::Back]);
    assert!(matches!(a.mode, Mode::Reader(_)), "Esc in the help goes back to the reader");
}

#[test]
fn esc_clears_the_most_recent_filter_first() {
    let mut a = app();
    run(&mut a, &[Action::PickKinds]);
    typed(&mut a, "visit");
    run(&mut a, &[Action::Accept, Action::StartCommand]);
    typed(&mut a, "2020..2026");
    run(&mut a, &[Action::Accept, Action::StartSearch]);
    typed(&mut a, "to lam");
    run(&mut a, &[Action::Accept]);
    let active = |a: &Fixture| Part::all().filter(|p| p.active(a.filter())).collect::<Vec<_>>();
    assert_eq!(active(&a), [Part::Search, Part::Facet(FacetId::Kind), Part::Period]);
    run(&mut a, &[Action::Back]);
    assert_eq!(active(&a), [Part::Facet(FacetId::Kind), Part::Period]);
    assert_eq!(a.message.as_deref(), Some("cleared the search · Esc clears the period"));
    run(&mut a, &[Action::Back]);
    assert_eq!(active(&a), [Part::Facet(FacetId::Kind)]);
    run(&mut a, &[Action::ClearKinds]);
    assert!(active(&a).is_empty());
    run(&mut a, &[Action::ClearKinds]);
    assert_eq!(a.message.as_deref(), Some("no kind filter to clear"));
}

#[test]
fn pickers_type_spaces_tick_with_tab_and_apply_only_what_was_asked() {
    let mut a = app();
    run(&mut a, &[Action::PickCountries]);
    typed(&mut a, "south k");
    let Mode::Picker(p) = &a.mode else { panic!("picker") };
    assert_eq!(p.input.text, "south k");
    assert_eq!(p.current().map(|e| e.label.as_str()), Some("South Korea"));
    // Opened and closed with Enter at once: no filter the user did not ask for.
    run(&mut a, &[Action::Back, Action::PickCountries, Action::Accept]);
    assert!(a.filter().chosen(FacetId::Country).is_empty());
    // Tab ticks and moves on; Enter applies what was ticked, not the highlighted entry.
    run(
        &mut a,
        &[Action::PickCountries, Action::ToggleEntry, Action::ToggleEntry, Action::Down, Action::Accept],
    );
    assert_eq!(a.filter().chosen(FacetId::Country).len(), 2);
    // Ticks on screen win over the highlight, as in fzf; unticking everything clears.
    run(&mut a, &[Action::PickCountries, Action::Down, Action::Down, Action::Down, Action::Accept]);
    assert_eq!(a.filter().chosen(FacetId::Country).len(), 2);
    run(&mut a, &[Action::PickCountries]);
    let country = |v: &FieldTest| match v {
        FieldTest::Country(c) => *c,
        other => panic!("not a country: {other:?}"),
    };
    let ids: Vec<usize> = a.filter().chosen(FacetId::Country).iter().map(country).collect();
    for id in ids {
        let Mode::Picker(p) = &a.mode else { panic!("picker") };
        let at = p.visible.iter().position(|&e| p.entries[e].id == id).unwrap();
        run(&mut a, &[Action::PageUp, Action::PageUp, Action::PageUp]);
        run(&mut a, &vec![Action::Down; at]);
        run(&mut a, &[Action::ToggleEntry]);
    }
    run(&mut a, &[Action::Accept]);
    assert!(a.filter().chosen(FacetId::Country).is_empty(), "{:?}", a.filter().chosen(FacetId::Country));
    run(&mut a, &[Action::PickKinds]);
    typed(&mut a, "zzz");
    run(&mut a, &[Action::Accept]);
    assert!(matches!(a.mode, Mode::Picker(_)), "nothing matches: the picker stays open");
    assert!(a.filter().chosen(FacetId::Kind).is_empty());
}

#[test]
fn pickers_follow_the_wheel_and_clicks() {
    let mut a = app();
    run(&mut a, &[Action::PickCountries, Action::Wheel { col: 40, row: 10, down: true }]);
    let Mode::Picker(p) = &a.mode else { panic!("picker") };
    assert_eq!((p.kind, p.cursor), (FacetId::Country, 3));
    let popup = crate::view::picker::popup(a.view.layout().main, p.entries.len());
    let body = inner(popup);
    let second = p.entries[p.visible[1]].id;
    run(&mut a, &[Action::Wheel { col: 40, row: 10, down: false }]);
    run(&mut a, &[Action::Click { col: body.x + 4, row: body.y + 2 }, Action::Accept]);
    assert_eq!(
        a.filter().chosen(FacetId::Country),
        [FieldTest::Country(second)],
        "a click ticks the entry under it"
    );
}

#[test]
fn the_list_shows_at_least_eight_events_at_80x24() {
    let mut a = at(80, 24);
    let events = |a: &Fixture| {
        let top = a.view.list_top;
        a.shown.rows[top..].iter().take(list_height(a)).filter(|r| matches!(r, Row::Event(_))).count()
    };
    assert!(events(&a) >= 8, "{} events", events(&a));
    assert!(!a.shown.headers, "the year goes in the date column when rows are short");
    run(&mut a, &[Action::Zoom]);
    assert_eq!(a.view.zoom, Zoom::List);
    assert!(a.shown.headers, "a zoomed list has room for year headers");
    run(&mut a, &[Action::OpenReader, Action::Back]);
    a.resize(90, 24);
    assert_eq!(a.view.zoom, Zoom::List, "zoom is kept for the session");
    run(&mut a, &[Action::Zoom, Action::ToggleFocus, Action::Zoom]);
    assert_eq!(a.view.zoom, Zoom::Detail, "z zooms the focused pane");
    assert!(detail_size(&a).0 > 15);
    // Tab while zoomed zooms the other pane, as tmux does: the focus never goes to a hidden pane.
    run(&mut a, &[Action::ToggleFocus]);
    assert_eq!((a.view.zoom, a.view.focus), (Zoom::List, crate::app::Focus::Timeline));
    run(&mut a, &[Action::ToggleFocus]);
    assert_eq!((a.view.zoom, a.view.focus), (Zoom::Detail, crate::app::Focus::Detail));
}

#[test]
fn the_search_line_recalls_earlier_searches() {
    let mut a = app();
    for q in ["laos", "cuba"] {
        run(&mut a, &[Action::StartSearch, Action::ClearInput]);
        typed(&mut a, q);
        run(&mut a, &[Action::Accept]);
    }
    run(&mut a, &[Action::StartSearch, Action::Up]);
    assert_eq!(a.filter().query, "laos", "the newest search is on the line already");
    run(&mut a, &[Action::Up, Action::Down, Action::Down]);
    assert_eq!(a.filter().query, "cuba");
    run(&mut a, &[Action::Down]);
    assert_eq!(a.filter().query, "cuba", "past the newest: the search applied before");
    run(&mut a, &[Action::Up, Action::Back]);
    assert_eq!(a.filter().query, "cuba", "Esc restores the search applied before the edit");
}

#[test]
fn the_period_line_accepts_the_forms_users_type() {
    let count = |text: &str| {
        let mut a = app();
        run(&mut a, &[Action::StartCommand]);
        typed(&mut a, text);
        run(&mut a, &[Action::Accept]);
        assert_eq!(a.mode, Mode::Browse, "{text}");
        a.shown.hits.len()
    };
    let n = count("2022..2026");
    assert!(n > 0 && n < 35);
    for text in ["2022-2026", "2022–2026", "2026..2022", "2022 - 2026"] {
        assert_eq!(count(text), n, "{text}");
    }
    assert_eq!(count("jan 2026..feb 2026"), count("2026-01..2026-02"));
    let mut a = app();
    run(&mut a, &[Action::StartCommand]);
    typed(&mut a, "2026..2022");
    run(&mut a, &[Action::Accept]);
    assert_eq!(a.message.as_deref(), Some("read as 2022..2026"));
    run(&mut a, &[Action::StartCommand]);
    typed(&mut a, "tháng 1 2026");
    run(&mut a, &[Action::Accept]);
    let sel = a.shown.row_of(a.view.selected);
    assert_eq!(a.selected_event().unwrap().date.year_value(), 2026);
    let max_top = a.shown.rows.len().saturating_sub(list_height(&a));
    assert!(
        sel - a.view.list_top <= 1 || a.view.list_top == max_top,
        "the target is at the top of the pane (under its header), or the list at its end"
    );
    run(&mut a, &[Action::StartCommand, Action::ClearInput, Action::Accept, Action::StartCommand]);
    typed(&mut a, "1983");
    run(&mut a, &[Action::Accept]);
    assert_eq!(a.shown.row_of(a.view.selected), a.view.list_top, "1983 (one event, no header) at the top");
    run(&mut a, &[Action::StartCommand]);
    typed(&mut a, "soon");
    run(&mut a, &[Action::Accept]);
    assert!(a.message.as_deref().unwrap_or("").contains("2022..2026"));
}

#[test]
fn year_jumps_work_in_relevance_order() {
    let mut a = with_filter(Filter { query: "visit".into(), ..Filter::default() });
    assert!(a.ranked());
    let y0 = year_of(&a, a.view.selected);
    run(&mut a, &[Action::PrevYear]);
    let y1 = year_of(&a, a.view.selected);
    let earlier: Vec<i64> = (0..a.shown.hits.len()).map(|i| year_of(&a, i)).filter(|&y| y < y0).collect();
    assert_eq!(Some(&y1), earlier.iter().max(), "{y0} → {y1}: the nearest earlier year");
    assert_eq!(a.view.selected, (0..a.shown.hits.len()).find(|&i| year_of(&a, i) == y1).unwrap(), "best hit");
    run(&mut a, &[Action::NextYear]);
    assert_eq!(year_of(&a, a.view.selected), y0);
}

#[test]
fn a_best_match_in_a_quote_scrolls_the_detail_pane_to_it() {
    let mut a = app();
    run(&mut a, &[Action::StartSearch]);
    typed(&mut a, "tuần tới");
    let hit = a.selected_hit().expect("a hit");
    assert!(matches!(hit.field, Some(Field::Quote(_))), "{:?}", hit.field);
    assert!(a.view.detail_scroll > 0, "the detail pane shows the quote");
}

#[test]
fn y_copies_a_citation_and_shift_y_the_id() {
    let mut a = app();
    run(&mut a, &[Action::Down, Action::CopyCitation]);
    // Carried out by the executor: the text reached the (test world's) clipboard.
    let text = a.driver.clipboard.last().cloned().unwrap_or_default();
    let e = a.selected_event().unwrap();
    assert!(text.starts_with(&format!("{} ({})", e.title, e.date_label())), "{text}");
    assert_eq!(text.lines().count(), 1 + e.citations.len());
    assert!(text.contains(&a.data.timeline.sources[e.citations[0].source].file));
    run(&mut a, &[Action::CopyId]);
    assert_eq!(a.driver.clipboard.last().map(String::as_str), Some(selected_id(&a)));
    assert_eq!(a.driver.clipboard.len(), 2);
    run(&mut a, &[Action::ToggleMouse]);
    assert_eq!(a.driver.mouse, Some(false));
}

fn reader(a: &Fixture) -> &crate::app::Reader {
    let Mode::Reader(r) = &a.mode else { panic!("not reading: {:?}", a.mode) };
    r
}

#[test]
fn the_reader_searches_its_article_and_moves_between_events() {
    let mut a = app();
    run(&mut a, &[Action::Down, Action::OpenReader, Action::StartSearch]);
    assert_eq!(a.mode.keys(), crate::input::keymap::KeyMode::Find);
    typed(&mut a, "azerbaijan");
    run(&mut a, &[Action::Accept]);
    assert!(a.message.as_deref().unwrap_or("").contains("match"), "{:?}", a.message);
    let first = reader(&a).at;
    run(&mut a, &[Action::NextQuote]);
    assert!(reader(&a).at > first || a.message.as_deref() == Some("search wrapped"));
    run(&mut a, &[Action::Bottom]);
    let (h, _) = reader::body_size_for(&a);
    assert!(reader(&a).scroll > 0 && reader::lines_for(&a) - reader(&a).scroll == h, "G: the last screenful");
    let before = a.view.selected;
    run(&mut a, &[Action::NextEvent]);
    assert_eq!(a.view.selected, before + 1);
    assert_eq!(reader(&a).event, a.selected_hit().unwrap().event);
    run(&mut a, &[Action::PrevEvent, Action::Back]);
    assert_eq!((a.mode.clone(), a.view.selected), (Mode::Browse, before));
}

#[test]
fn the_reader_keeps_the_quote_on_screen_across_resizes() {
    let mut a = app();
    run(&mut a, &[Action::Down, Action::OpenReader, Action::NextQuote]);
    for (w, h) in [(60, 20), (200, 50), (30, 12), (100, 30)] {
        a.resize(w, h);
        let (rows, _) = reader::body_size_for(&a);
        let q = reader::quote_line_for(&a);
        let s = reader(&a).scroll;
        assert!(q >= s && q < s + rows, "{w}x{h}: quote at {q}, showing {s}..{}", s + rows);
    }
}

#[test]
fn a_click_on_the_axis_selects_the_nearest_event() {
    let mut a = app();
    let axis = a.view.layout().axis.expect("an axis at 100x30");
    let col = |a: &Fixture, i: usize| a.shown.axis.column_of(a.shown.hits[i].event, axis.width).unwrap();
    let last_col = col(&a, a.shown.hits.len() - 1);
    run(&mut a, &[Action::Click { col: axis.x + last_col, row: axis.y + 1 }]);
    assert_eq!(col(&a, a.view.selected), last_col);
    assert!(a.view.selected == 0 || col(&a, a.view.selected - 1) < last_col, "the earliest in that column");
    run(&mut a, &[Action::Click { col: axis.x, row: axis.y + 1 }]);
    assert_eq!(a.view.selected, 0);
}

#[test]
fn the_reader_says_which_match_is_current_after_every_move() {
    let mut a = app();
    run(&mut a, &[Action::Down, Action::OpenReader, Action::StartSearch]);
    typed(&mut a, "azerbaijan");
    run(&mut a, &[Action::Accept, Action::Top]);
    let r = reader(&a).clone();
    let text = crate::view::reader::page(&a.data.timeline, r.event, r.citation).text.into_owned();
    let n = crate::view::reader::find(&text, "azerbaijan").len();
    assert!(n >= 2, "the fixture article names Azerbaijan {n} times");
    let at = |a: &Fixture| {
        crate::view::reader::find(&text, "azerbaijan").iter().position(|m| m.start == reader(a).at)
    };
    let first = at(&a).expect("the reader is on a match");
    for k in 1..=n {
        run(&mut a, &[Action::NextQuote]);
        let i = (first + k) % n;
        assert_eq!(at(&a), Some(i));
        let wrap = if i == 0 { " (from the top)" } else { "" };
        assert_eq!(a.message.as_deref(), Some(format!("match {}/{n}{wrap} · n N move", i + 1).as_str()));
    }
    run(&mut a, &[Action::PrevQuote]);
    let i = (first + n - 1) % n;
    let wrap = if i == n - 1 { " (from the bottom)" } else { "" };
    assert_eq!(a.message.as_deref(), Some(format!("match {}/{n}{wrap} · n N move", i + 1).as_str()));
}
