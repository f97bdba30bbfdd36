//! Whole-screen snapshots on data we did not write: TimelineJS files with events without sources,
//! display dates, groups, eras, load warnings, and evenly spread dates; the help at the smallest
//! and a large terminal.

use crate::support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::Browser;
use timeline::app::{Action, App};
use timeline::ui::{Theme, render};

const FULL: &str = "tests/fixtures/timelinejs/full.json";
const SILENT: &str = "tests/fixtures/timelinejs/silent.json";

fn app(file: &str, w: u16, h: u16, actions: &[Action]) -> App {
    let mut b = Browser::new(support::load_file(file), w, h);
    for a in actions {
        b.act(a.clone());
    }
    b.app
}

/// The screen as text, one line per row.
fn text(app: &App) -> String {
    let (w, h) = (app.view.width, app.view.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(app, f, &Theme::colored(false))).unwrap();
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_string() + "\n")
        .collect()
}

#[test]
fn imported_file_80x24() {
    insta::assert_snapshot!(text(&app(FULL, 80, 24, &[Action::Down])));
}

#[test]
fn imported_file_100x30() {
    insta::assert_snapshot!(text(&app(FULL, 100, 30, &[Action::Down])));
}

#[test]
fn reader_on_an_event_without_sources() {
    insta::assert_snapshot!(text(&app(FULL, 80, 24, &[Action::Down, Action::OpenReader])));
}

#[test]
fn groups_picker() {
    insta::assert_snapshot!(text(&app(FULL, 80, 24, &[Action::PickGroups])));
}

#[test]
fn warnings_page_and_count() {
    insta::assert_snapshot!(text(&app(SILENT, 80, 24, &[Action::Warnings])));
}

#[test]
fn evenly_spread_years_get_a_linear_axis() {
    insta::assert_snapshot!(text(&app(SILENT, 100, 30, &[])));
}

#[test]
fn help_at_40x12() {
    insta::assert_snapshot!(text(&app(FULL, 40, 12, &[Action::Help])));
}

#[test]
fn help_at_200x60() {
    insta::assert_snapshot!(text(&app(FULL, 200, 60, &[Action::Help])));
}

/// A data set without events says so, instead of offering to clear filters there are none of.
#[test]
fn a_data_set_without_events_says_so() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("snap-no-events");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("none.json");
    std::fs::write(&file, r#"{"events": []}"#).unwrap();
    let screen = text(&app(file.to_str().unwrap(), 60, 12, &[]));
    assert!(screen.contains("This data set has no events."), "{screen}");
    assert!(!screen.contains("clears"), "{screen}");
}

/// On a short terminal the status and the keys share a row; a message takes all of it.
#[test]
fn a_message_takes_a_short_terminals_whole_last_row() {
    insta::assert_snapshot!(text(&app(FULL, 40, 12, &[Action::PickCountries])));
}

/// Typing a word the article does not have into the reader's find line: on a short terminal the
/// line being typed stays in sight, with the message.
#[test]
fn the_readers_find_line_stays_in_sight_on_a_short_terminal() {
    let mut actions = vec![Action::OpenReader, Action::StartSearch];
    actions.extend("zzqq".chars().map(Action::Input));
    let screen = text(&app("tests/data/frozen/timeline.json", 40, 12, &actions));
    assert!(screen.lines().last().is_some_and(|l| l.starts_with("find: zzqq")), "{screen}");
}

/// The detail pane of an imported event with a group and a long title: the group goes with the
/// kind, and the `Enter` hint wraps at a word where the pane is narrow.
#[test]
fn detail_pane_with_a_group_and_a_wrapped_hint() {
    let gaps = "tests/fixtures/timelinejs/gaps.json";
    insta::assert_snapshot!(text(&app(gaps, 100, 30, &[Action::Down, Action::Down, Action::Down])));
}

/// The data set's title slide names the timeline pane, one line cut with `…` where it does not
/// fit; the built-in data has none and keeps its plain border.
#[test]
fn the_title_slide_names_the_timeline_pane() {
    let border = |s: &str| s.lines().find(|l| l.contains("Timeline ")).unwrap_or_default().to_string();
    let wide = border(&text(&app(FULL, 100, 30, &[])));
    assert!(wide.contains("· From the Big Bang to a press conference "), "{wide}");
    let narrow = border(&text(&app(FULL, 40, 24, &[])));
    assert!(narrow.contains("· From the Big") && narrow.contains('…'), "{narrow}");
    assert_eq!(narrow.chars().count(), 40, "{narrow}");
    let mut b = Browser::new(support::frozen(), 100, 30);
    b.act(Action::Down);
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    t.draw(|f| render(&b.app, f, &Theme::colored(false))).unwrap();
    let plain: String = (0..100).map(|x| t.backend().buffer()[(x, 3)].symbol().to_string()).collect();
    assert!(plain.contains(" Timeline 35/35 ─"), "{plain}");
}

/// The title slide's headline and text are readable at the top of the help, under "This data
/// set"; the built-in data has none and its help starts with Browsing.
#[test]
fn the_help_shows_the_title_slide_first() {
    let screen = text(&app(FULL, 100, 30, &[Action::Help]));
    let rows: Vec<&str> = screen.lines().collect();
    let at = rows.iter().position(|l| l.contains("This data set")).expect(&screen);
    assert!(rows[at + 1].contains("From the Big Bang to a press conference"), "{screen}");
    assert!(rows[at + 2].contains("Every field of TimelineJS 3."), "{screen}");
    let mut b = Browser::new(support::frozen(), 100, 30);
    b.act(Action::Help);
    assert!(!text(&b.app).contains("This data set"));
}
