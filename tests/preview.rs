//! A first frame before the rest: with a valid index cache, the browser opens on the first
//! events of a big data set (`cache::preview`) and reads the whole of it on a worker
//! (`Notice::Loaded`). Keys work meanwhile; when the data comes, what the user did carries over
//! (the selection by id, the search, an open picker), and the status line stops saying
//! "loading".

use crate::pty_harness::Tui;
use crate::support::{enter, synth};
use crossterm::event::KeyEvent;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use timeline::app::{Action, App, DataFile, Driver, Mode, Opening};
use timeline::cache::{self, Source};
use timeline::input::keymap::{BINDINGS, Input, map_key, map_mouse};
use timeline::search::{FacetId, Filter};
use timeline::ui::{Theme, render};

/// A generated data set of `n` events (with its articles) in a scratch directory, and an index
/// cache directory beside it that holds its cache.
fn cached(name: &str, n: usize) -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("preview-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    synth::write(&dir.join("data"), n, 7).expect("write the data set");
    let data = dir.join("data/data.json");
    let cache_dir = dir.join("cache");
    let (loaded, pending) = cache::load_deferred(&cache_dir, &data, None, &mut |_| {}).expect("it loads");
    pending.expect("a cold load writes a cache").write(&loaded.timeline, &loaded.engine);
    (data, cache_dir)
}

/// The browser on the preview of `rows` events, with the whole data set held back until
/// `finish_loading`.
fn open_preview(data: &Path, cache_dir: &Path, rows: usize) -> (App, Driver, usize) {
    let (preview, total) = cache::preview(cache_dir, data, None, rows).expect("the cache is valid");
    let source: Arc<dyn DataFile> =
        Arc::new(Source { data: data.to_path_buf(), articles: None, cache: false });
    let opening = Opening { mouse: false, source: Some(source), loading: Some(total) };
    let (mut app, first) = App::open(preview.timeline, preview.engine, Filter::default(), opening);
    let driver = Driver::launch(&mut app, first, true);
    (app, driver, total)
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(app, f, &Theme::plain())).unwrap();
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_string() + "\n")
        .collect()
}

fn selected_id(app: &App) -> String {
    app.selected_event().map(|e| e.id.to_string()).unwrap_or_default()
}

#[test]
fn a_preview_holds_the_first_events_in_date_order_and_everything_else() {
    let (data, cache_dir) = cached("first", 300);
    let whole =
        Source { data: data.clone(), articles: None, cache: false }.load(&mut |_| {}).unwrap().timeline;
    let (preview, total) = cache::preview(&cache_dir, &data, None, 40).expect("the cache is valid");
    assert_eq!(total, 300);
    let ids = |t: &timeline::model::Timeline, n: usize| {
        t.events.iter().take(n).map(|e| e.id.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&preview.timeline, 300), ids(&whole, 40));
    // The tables the pickers list are whole.
    assert_eq!(preview.timeline.countries.len(), whole.countries.len());
    assert_eq!(preview.timeline.people.len(), whole.people.len());
    assert_eq!(preview.timeline.places.len(), whole.places.len());
    // Asking for more rows than there are events gives them all.
    let (all, total) = cache::preview(&cache_dir, &data, None, 1000).unwrap();
    assert_eq!((all.timeline.events.len(), total), (300, 300));
}

#[test]
fn no_preview_without_a_valid_cache() {
    let (data, cache_dir) = cached("stale", 50);
    assert!(cache::preview(&cache_dir.join("elsewhere"), &data, None, 10).is_none());
    // The data changed since the cache was written: its size differs, so its hash is not even read.
    let text = std::fs::read_to_string(&data).unwrap();
    std::fs::write(&data, text.replacen("Synthetic News", "Synthetic Newz", 1)).unwrap();
    assert!(cache::preview(&cache_dir, &data, None, 10).is_none());
}

#[test]
fn keys_work_while_loading_and_the_whole_data_takes_the_previews_place() {
    let (data, cache_dir) = cached("driver", 400);
    let (mut app, mut driver, total) = open_preview(&data, &cache_dir, 30);
    assert_eq!((app.timeline().events.len(), total), (30, 400));
    let frame = screen(&app, 80, 24);
    assert!(frame.contains("1/30 of 400"), "{frame}");
    assert!(frame.contains("loading all 400 events…"), "{frame}");

    // Move, then search, while the rest is read.
    for _ in 0..5 {
        driver.apply(&mut app, Action::Down);
    }
    let chosen = selected_id(&app);
    driver.apply(&mut app, Action::PickCountries);
    assert!(matches!(app.mode, Mode::Picker(_)));
    driver.apply(&mut app, Action::Back);

    driver.finish_loading(&mut app);
    assert_eq!(app.timeline().events.len(), 400);
    assert_eq!(app.origin.loading, None);
    assert_eq!(selected_id(&app), chosen, "the selection stays on its event");
    let frame = screen(&app, 80, 24);
    assert!(frame.contains("6/400 of 400"), "{frame}");
    assert!(!frame.contains("loading"), "{frame}");
    assert_eq!(app.message, None, "the whole data set comes without a word");
}

#[test]
fn a_search_and_an_open_picker_carry_over_to_the_whole_data() {
    let (data, cache_dir) = cached("search", 400);
    let (mut app, mut driver, _) = open_preview(&data, &cache_dir, 30);
    driver.apply(&mut app, Action::StartSearch);
    for c in "azerbaijan".chars() {
        driver.apply(&mut app, Action::Input(c));
    }
    driver.apply(&mut app, Action::Accept);
    let in_preview = app.shown.hits.len();
    driver.apply(&mut app, Action::PickCountries);
    driver.apply(&mut app, Action::Down);
    let Mode::Picker(p) = &app.mode else { panic!("the picker is open") };
    let (kind, entry) = (p.kind, p.current().map(|e| e.id));

    driver.finish_loading(&mut app);
    assert_eq!(app.filter().query, "azerbaijan");
    let whole = app.shown.hits.len();
    assert!(whole > in_preview, "the search runs again on the whole data: {in_preview} → {whole}");
    let all = timeline::search::Engine::new(app.timeline());
    let expected = all.search(app.timeline(), &Filter { query: "azerbaijan".into(), ..Filter::default() });
    assert_eq!(whole, expected.unwrap().len());
    // The picker is still open on the same entry, and counts the whole data set.
    let Mode::Picker(p) = &app.mode else { panic!("the picker stays open: {:?}", app.mode) };
    assert_eq!((p.kind, p.current().map(|e| e.id)), (kind, entry), "the cursor stays on its entry");
    assert_eq!(p.kind, FacetId::Country);
    assert_eq!(p.pending, None, "the counts are in");
    let counted: usize = p.entries.iter().map(|e| e.count).sum();
    assert!(counted >= whole, "{counted} country counts over {whole} hits");
}

#[test]
fn a_data_set_that_no_longer_loads_keeps_the_preview_and_says_why() {
    let (data, cache_dir) = cached("broken", 200);
    let (mut app, mut driver, _) = open_preview(&data, &cache_dir, 20);
    std::fs::write(&data, "{\"events\": [").unwrap();
    driver.finish_loading(&mut app);
    assert_eq!(app.timeline().events.len(), 20);
    assert_eq!(app.origin.loading, None);
    assert!(!app.origin.failed.is_empty());
    let frame = screen(&app, 100, 30);
    assert!(!frame.contains("loading"), "{frame}");
}

/// The real binary: the first frame is the preview, and the whole data set follows by itself.
#[test]
fn the_binary_opens_on_a_preview_then_shows_every_event() {
    let (data, cache_dir) = cached("pty", 2000);
    let cache_env = cache_dir.to_str().unwrap();
    let data_arg = data.to_str().unwrap();
    let env = [("TIMELINE_CACHE_DIR", cache_env), ("TIMELINE_EXIT_AFTER_FIRST_FRAME", "1")];
    let mut t = Tui::start(100, 30, &["--data", data_arg], &env);
    assert!(t.exit().success());
    let first = String::from_utf8_lossy(&t.raw()).into_owned();
    assert!(first.contains("loading all 2000 events"), "the first frame is the preview");
    assert!(first.contains("1/500 of 2000"), "it holds 500 events");

    let mut t = Tui::start(100, 30, &["--data", data_arg], &[("TIMELINE_CACHE_DIR", cache_env)]);
    t.expect_position("1/2000");
    t.send("G");
    t.expect_position("2000/2000");
    t.send("q");
    assert!(t.exit().success());
    t.assert_restored();
}

#[test]
fn a_reload_while_loading_brings_the_whole_data_and_the_late_load_is_dropped() {
    let (data, cache_dir) = cached("reload", 300);
    let (mut app, mut driver, _) = open_preview(&data, &cache_dir, 25);
    driver.carry_out(&mut app, Some(timeline::app::Effect::Reload));
    assert_eq!((app.timeline().events.len(), app.origin.loading), (300, None));
    assert_eq!(app.message.as_deref(), Some("reloaded: 300 events"));
    driver.apply(&mut app, Action::Bottom);
    let last = selected_id(&app);
    driver.finish_loading(&mut app);
    assert_eq!(selected_id(&app), last);
    assert_eq!(app.timeline().events.len(), 300);
}

/// Every key and mouse event the help lists, in every mode, pressed on a preview; then the whole
/// data set arrives: nothing panics, the selection is a shown event, and every screen draws.
#[test]
fn every_key_on_a_preview_then_the_whole_data() {
    let (data, cache_dir) = cached("keys", 120);
    let mut pressed = 0;
    for b in BINDINGS {
        for &mode in b.modes {
            let (mut app, mut driver, _) = open_preview(&data, &cache_dir, 15);
            for a in enter(mode) {
                driver.apply(&mut app, a.clone());
            }
            let action = match b.input {
                Input::Key(key) => map_key(mode, KeyEvent::new(key.code, key.mods)),
                Input::Mouse(m) => map_mouse(mode, m.event(10, 4)),
            };
            let Some(action) = action else { continue };
            let what = format!("{} in {mode:?} ({action:?})", b.input.label());
            if driver.apply(&mut app, action) == Some(timeline::app::Effect::Quit) {
                pressed += 1;
                continue;
            }
            screen(&app, 80, 24);
            driver.finish_loading(&mut app);
            assert_eq!(app.timeline().events.len(), 120, "{what}");
            let hits = app.shown.hits.len();
            assert!(hits == 0 || app.view.selected < hits, "{what}: the selection is out of range");
            let frame = screen(&app, 80, 24);
            assert!(!frame.contains("loading all"), "{what}:\n{frame}");
            pressed += 1;
        }
    }
    assert!(pressed > 100, "every binding was pressed: {pressed}");
}

/// An export writes what the search finds in the whole data set, never only in the preview.
#[test]
fn no_export_of_a_preview() {
    let (data, cache_dir) = cached("export", 200);
    let (mut app, mut driver, _) = open_preview(&data, &cache_dir, 20);
    let out = data.with_file_name("out.csv");
    let line = format!("export {}", out.display());
    driver.apply(&mut app, Action::StartCommand);
    for c in line.chars() {
        driver.apply(&mut app, Action::Input(c));
    }
    driver.apply(&mut app, Action::Accept);
    assert_eq!(app.message.as_deref(), Some("all 200 events are still loading; export once they are in"));
    assert!(!out.exists());
    assert!(matches!(app.mode, Mode::Command(_)), "the line stays, to try again");
    driver.finish_loading(&mut app);
    driver.apply(&mut app, Action::ClearInput);
    for c in line.chars() {
        driver.apply(&mut app, Action::Input(c));
    }
    driver.apply(&mut app, Action::Accept);
    driver.finish_exports(&mut app);
    let written =
        std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("{e}: {:?} {:?}", app.message, app.mode));
    assert!(written.lines().count() > 200, "every event is exported");
}

#[test]
fn a_preview_stats_only_the_articles_it_quotes_and_the_whole_load_stats_them_all() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("preview-quoted");
    let _ = std::fs::remove_dir_all(&dir);
    synth::write(&dir.join("data"), 200, 7).expect("write the data set");
    // Older than two seconds, the articles' stats are recorded (see `cache::stat`).
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let (data, cache_dir) = (dir.join("data/data.json"), dir.join("cache"));
    let (loaded, pending) = cache::load_deferred(&cache_dir, &data, None, &mut |_| {}).expect("it loads");
    pending.expect("a cache to write").write(&loaded.timeline, &loaded.engine);
    let (preview, _) = cache::preview(&cache_dir, &data, None, 3).expect("the cache is valid");
    let t = &preview.timeline;
    let quoted: Vec<&str> =
        t.events.iter().flat_map(|e| &e.citations).map(|c| t.sources[c.source].file.as_str()).collect();
    let unquoted = t.sources.iter().map(|s| s.file.as_str()).find(|f| !quoted.contains(f)).expect("one");
    // Same size, other bytes: an edit only its stat (its ctime) shows.
    let edit = |file: &str| {
        let path = dir.join("data").join(file);
        let before = std::fs::read(&path).unwrap();
        let mut after = before.clone();
        *after.last_mut().unwrap() ^= 0x20;
        std::fs::write(&path, after).unwrap();
        before
    };
    let original = edit(quoted[0]);
    assert!(cache::preview(&cache_dir, &data, None, 3).is_none(), "a quoted article changed");
    std::fs::write(dir.join("data").join(quoted[0]), original).unwrap();
    assert!(cache::preview(&cache_dir, &data, None, 3).is_some(), "its bytes are back: hashed alike");
    edit(unquoted);
    assert!(cache::preview(&cache_dir, &data, None, 3).is_some(), "the preview does not quote it");
    let whole = cache::load_deferred(&cache_dir, &data, None, &mut |_| {}).map(|(l, _)| l.cache);
    assert!(
        matches!(whole, Ok(cache::Outcome::Rebuilt(Some(cache::Invalid::Stale(_))))),
        "the whole load sees it: {whole:?}"
    );
}

/// A cold start: the browser draws from the files while the cache is written on a thread, and
/// quitting waits for the write, so the next start is a preview from a whole cache.
#[test]
fn a_cold_browser_writes_the_cache_behind_its_first_frame() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("preview-cold-writer");
    let _ = std::fs::remove_dir_all(&dir);
    synth::write(&dir.join("data"), 1500, 3).expect("write the data set");
    let (data, cache_dir) = (dir.join("data/data.json"), dir.join("cache"));
    let env = [("TIMELINE_CACHE_DIR", cache_dir.to_str().unwrap())];
    let mut t = Tui::start(100, 30, &["--data", data.to_str().unwrap()], &env);
    t.expect_position("1/1500");
    t.send("q");
    assert!(t.exit().success());
    t.assert_restored();
    let files: Vec<_> = std::fs::read_dir(&cache_dir).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(files.len(), 2, "the cache file and its tag, no temporary file left: {files:?}");
    let (preview, total) = cache::preview(&cache_dir, &data, None, 10).expect("a whole, valid cache");
    assert_eq!((preview.timeline.events.len(), total), (10, 1500));
}

/// A cache whose folded text spans many blocks, one of them damaged in the middle: the preview,
/// whose events lie in the first block, still loads; a search that scans every block and the
/// whole load refuse the cache and rebuild it.
#[test]
fn a_damaged_block_fails_only_the_reads_that_touch_it() {
    let (data, cache_dir) = cached("blocks", 3000);
    let file = std::fs::read_dir(&cache_dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "tlc"))
        .expect("a cache file");
    let mut bytes = std::fs::read(&file).unwrap();
    let folded = cache::folded_text(&bytes).expect("a cache of this version");
    let (at, len) = (folded.as_ptr() as usize - bytes.as_ptr() as usize, folded.len());
    let block = 256 * 1024;
    assert!(len > 4 * block, "several blocks: {len} bytes");
    bytes[at + 2 * block + 100] ^= 0x01;
    std::fs::write(&file, &bytes).unwrap();
    let (preview, total) = cache::preview(&cache_dir, &data, None, 5).expect("its blocks are sound");
    assert_eq!((preview.timeline.events.len(), total), (5, 3000));
    let (searched, _) = cache::load_for_search(&cache_dir, &data, None, "zzzq", &mut |_| {}).unwrap();
    assert_eq!(searched.cache, cache::Outcome::Rebuilt(Some(cache::Invalid::Checksum)));
    std::fs::write(&file, &bytes).unwrap();
    let (whole, _) = cache::load_deferred(&cache_dir, &data, None, &mut |_| {}).unwrap();
    assert_eq!(whole.cache, cache::Outcome::Rebuilt(Some(cache::Invalid::Checksum)));
}
