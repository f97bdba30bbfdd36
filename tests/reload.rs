//! Editing and reloading through `app::Driver`, the executor the tests share with the browser's
//! event loop: the editor runs (a shell one-liner standing in for a curator), the data is read
//! again, and what the user chose (the selected event, the filters by code or name, the reader)
//! carries over; a file that no longer loads keeps the old data and points at its problem.

use std::path::{Path, PathBuf};
use timeline::app::effect::{Effect, Spot};
use timeline::app::{Action, App, Driver, Mode};
use timeline::cache::Source;
use timeline::model::Timeline;
use timeline::search::{FacetId, FieldTest, Filter};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
const VALID: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid.json");

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("reload-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let data = dir.join("data.json");
    std::fs::copy(VALID, &data).expect("copy the fixture");
    data
}

fn open(data: &Path) -> (App, Driver) {
    open_with(data, |_| Filter::default())
}

/// Opens `data` with the filter `filter` makes for it.
fn open_with(data: &Path, filter: impl Fn(&Timeline) -> Filter) -> (App, Driver) {
    let source = Source { data: data.to_path_buf(), articles: Some(SEEDS.into()), cache: false };
    let loaded = source.load(&mut |_| {}).expect("the fixture loads");
    let filter = filter(&loaded.timeline);
    let (mut app, first) = App::with_engine(loaded.timeline, loaded.engine, filter, 100, 30);
    app.origin.source = Some(std::sync::Arc::new(source));
    let mut driver = Driver::new(&app);
    driver.carry_out(&mut app, Some(first));
    (app, driver)
}

fn selected_title(app: &App) -> String {
    app.selected_event().map(|e| e.title.to_string()).unwrap_or_default()
}

/// An editor that runs `script` with the file as `$2` (`$1` is the line to open at).
fn editor(script: &str) -> Option<String> {
    Some(format!("sh -c '{script}' sh"))
}

#[test]
fn an_edit_is_read_back_and_the_selection_stays_on_its_event() {
    let data = scratch("edit");
    let (mut app, mut driver) = open(&data);
    driver.editor = editor("sed -i \"s/Talks in Baku/Talks in Baku, edited/\" \"$2\"");
    driver.apply(&mut app, Action::Down);
    let before = app.selected_event().map(|e| e.id.to_string());
    assert_eq!(
        update_effect(&mut app, Action::Edit),
        Some(Effect::Edit { path: data.clone(), at: Spot::Event(before.clone().unwrap_or_default()) })
    );
    driver.apply(&mut app, Action::Edit);
    assert_eq!(app.selected_event().map(|e| e.id.to_string()), before);
    assert!(app.timeline().events.iter().any(|e| e.title == "Talks in Baku, edited"));
    assert_eq!(app.message.as_deref(), Some("reloaded: 3 events"));
}

/// What `update` asks for, on a copy of nothing: the effect alone, without carrying it out.
fn update_effect(app: &mut App, action: Action) -> Option<Effect> {
    timeline::app::update(app, action)
}

#[test]
fn filters_carry_over_by_country_code_even_when_the_countries_move() {
    let data = scratch("filters");
    let (mut app, mut driver) = open_with(&data, |t| {
        Filter::default()
            .with(FieldTest::Country(t.countries.iter().position(|c| c.code == "AZ").expect("AZ")))
    });
    assert_eq!(selected_title(&app), "Talks in Baku");
    // A new country first in the file: every index after it moves.
    let text = std::fs::read_to_string(&data).expect("read");
    let text = text.replacen(
        "\"countries\": [",
        "\"countries\": [\n    { \"code\": \"CU\", \"name\": \"Cuba\", \"name_vi\": \"Cuba\" },",
        1,
    );
    std::fs::write(&data, text).expect("write");
    driver.apply(&mut app, Action::Edit);
    let code = |v: &FieldTest| match v {
        FieldTest::Country(c) => app.timeline().countries[*c].code.as_str(),
        _ => "",
    };
    let codes: Vec<&str> = app.filter().chosen(FacetId::Country).iter().map(code).collect();
    assert_eq!(codes, ["AZ"]);
    assert_eq!(app.shown.hits.len(), 1);
    assert_eq!(selected_title(&app), "Talks in Baku");
}

#[test]
fn a_broken_file_keeps_the_old_data_and_e_then_opens_the_problem() {
    let data = scratch("broken");
    let (mut app, mut driver) = open(&data);
    driver.editor = editor("sed -i \"s/\\\"held\\\",/\\\"held\\\"/\" \"$2\"");
    let events = app.timeline().events.len();
    driver.apply(&mut app, Action::Edit);
    assert_eq!(app.timeline().events.len(), events, "the last good data stays");
    let first = app.origin.failed.first().cloned().expect("a problem");
    assert_eq!(first.file, data.display().to_string());
    assert!(first.line > 1, "{first}");
    assert_eq!(
        update_effect(&mut app, Action::Edit),
        Some(Effect::Edit { path: data.clone(), at: Spot::At { line: first.line, col: first.col } })
    );
    // Fixed: the problem goes, the data is new.
    std::fs::copy(VALID, &data).expect("restore");
    driver.editor = None;
    driver.apply(&mut app, Action::Edit);
    assert!(app.origin.failed.is_empty());
    assert_eq!(app.message.as_deref(), Some("reloaded: 3 events; fixed"));
}

#[test]
fn the_reader_stays_on_its_event_and_a_picker_closes() {
    let data = scratch("reader");
    let (mut app, mut driver) = open(&data);
    driver.apply(&mut app, Action::Down);
    driver.apply(&mut app, Action::OpenReader);
    let Mode::Reader(r) = &app.mode else { panic!("the reader is open") };
    let id = app.timeline().events[r.event].id.clone();
    let text = std::fs::read_to_string(&data).expect("read");
    // An event that sorts first now: every index moves by one.
    std::fs::write(
        &data,
        text.replace("\"2025-05-07\"", "\"2025-05-08\"").replace("\"2026-01\"", "\"2019\""),
    )
    .expect("write");
    driver.apply(&mut app, Action::Edit);
    let Mode::Reader(r) = &app.mode else { panic!("the reader is still open: {:?}", app.mode) };
    assert_eq!(app.timeline().events[r.event].id, id);
    driver.apply(&mut app, Action::Back);
    driver.apply(&mut app, Action::PickCountries);
    assert!(matches!(app.mode, Mode::Picker(_)));
    std::fs::copy(VALID, &data).expect("restore");
    let fresh = app.origin.source.as_ref().expect("a data file").load();
    timeline::app::receive(&mut app, timeline::app::Notice::Reloaded(fresh));
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn the_built_in_data_cannot_be_edited_and_says_how_to_get_a_copy() {
    let t = timeline::load::load_builtin().expect("the built-in data");
    let (mut app, mut driver) = Driver::start(t, Default::default(), 100, 30);
    assert_eq!(driver.apply(&mut app, Action::Edit), None);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("timeline export --format native")));
}

/// An edit that leaves a slide unreadable (skipped with a warning, as TimelineJS skips it) says
/// so on reload, not only in the warning count.
#[test]
fn a_reload_that_skips_an_event_says_so() {
    let data = scratch("skipped").with_file_name("sheet.csv");
    std::fs::write(&data, "Year,Headline\n1954,Dien Bien Phu\n1975,Reunification\n").expect("write");
    let (mut app, mut driver) = open(&data);
    driver.editor = editor("sed -i \"s/^1975,/1975x,/\" \"$2\"");
    driver.apply(&mut app, Action::Edit);
    assert_eq!(app.timeline().events.len(), 1);
    assert_eq!(app.message.as_deref(), Some("reloaded: 1 event; 1 load warning (W shows it)"));
}

/// The lines of the warnings page, as text, at a width with room for every entry on one line.
fn warnings_page(app: &App) -> Vec<String> {
    let theme = timeline::view::Theme::plain();
    let page = timeline::view::help::lines(timeline::app::HelpPage::Warnings, &app.report(), 400, &theme, 0);
    page.iter().map(|l| l.to_string()).collect()
}

/// The status line has no room for a failed reload's problems: the warnings page has each in
/// full, with their count, and the status line says so.
#[test]
fn a_failed_reload_is_read_in_full_on_the_warnings_page() {
    let data = scratch("broken-page");
    let (mut app, mut driver) = open(&data);
    assert!(!app.offers(&Action::Warnings), "valid.json loads cleanly");
    driver.editor = editor("sed -i \"s/\\\"held\\\",/\\\"held\\\"/\" \"$2\"");
    driver.apply(&mut app, Action::Edit);
    let first = app.origin.failed.first().cloned().expect("a problem");
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    term.draw(|f| timeline::ui::render(&app, f, &timeline::ui::Theme::plain())).unwrap();
    let screen = format!("{:?}", term.backend().buffer());
    assert!(screen.contains("not reloaded (W shows all, E edits)"), "{screen}");
    assert!(app.offers(&Action::Warnings));
    driver.apply(&mut app, Action::Warnings);
    assert!(matches!(app.mode, Mode::Help { .. }), "{:?} {:?}", app.mode, app.message);
    let n = app.origin.failed.len();
    let heading = format!("The data file no longer loads: {n} problem{}", if n == 1 { "" } else { "s" });
    let page = warnings_page(&app);
    assert_eq!(page[0], heading, "{page:?}");
    assert!(page.iter().any(|l| l.ends_with(&first.to_string())), "{page:?}");
    // E on the page (and Enter) opens the editor at the highlighted problem.
    let at = Spot::At { line: first.line, col: first.col };
    assert_eq!(update_effect(&mut app, Action::Edit), Some(Effect::Edit { path: data.clone(), at }));
}

/// On the warnings page, `E` and `Enter` open the editor at the highlighted warning's place;
/// the movement keys move the highlight.
#[test]
fn e_on_the_warnings_page_edits_at_the_highlighted_warning() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use timeline::input::keymap::{KeyMode, map_key};
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(map_key(KeyMode::Help, enter), Some(Action::Edit));
    let data = scratch("warned").with_file_name("sheet.csv");
    std::fs::write(&data, "Year,Headline\n1954,Dien Bien Phu\n1975x,Reunification\n1976,A\n1977y,B\n")
        .expect("write");
    let (mut app, mut driver) = open(&data);
    assert_eq!(app.timeline().warnings.len(), 2, "{:?}", app.timeline().warnings);
    driver.apply(&mut app, Action::Warnings);
    let Some(Effect::Edit { path, at: Spot::At { line, .. } }) = update_effect(&mut app, Action::Edit) else {
        panic!("no edit: {:?}", app.message)
    };
    assert_eq!((path.file_name(), line), (data.file_name(), 3));
    driver.apply(&mut app, Action::Down);
    let Some(Effect::Edit { at: Spot::At { line, .. }, .. }) = update_effect(&mut app, Action::Edit) else {
        panic!("no edit: {:?}", app.message)
    };
    assert_eq!(line, 5);
    assert!(matches!(app.mode, Mode::Help { cursor: 1, .. }), "{:?}", app.mode);
}
