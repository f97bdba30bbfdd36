//! A forged cache: every byte of a small cache file changed in turn, with its checksums computed
//! again (`cache::reseal`) so that the change reaches the decoder. A checksum without a secret cannot tell a forged
//! payload from a true one, so the promise is not that a forgery is always seen; it is that
//! whatever a cache holds is checked as a data file is, and a start from it either rebuilds (and
//! then gives exactly what a start without the cache gives) or uses it — and in neither case
//! panics, in the loader, the command-line output, the exports or the browser. A search that
//! decodes only the events it may find (`cache::load_for_search`) never panics either, and
//! prints what a search over every event of the same cache prints.

use crate::support;

use ratatui::{Terminal, backend::TestBackend};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use timeline::app::{Action, App, Driver};
use timeline::cache::{self, Loaded, Outcome};
use timeline::cli::output;
use timeline::export::{self, Format};
use timeline::load::DataInput;
use timeline::model::{EntityKind, Event};
use timeline::search::Filter;
use timeline::ui::{Theme, render};

/// The header: magic, version, schema, length and checksum.
const HEADER_LEN: usize = 8 + 4 + 8 + 8 + 16;
/// The search of `cache::load_for_search` (a fuzzy word and an exact one).
const SEARCH: &str = "to 'ha";

/// Everything the program shows of a loaded data set, as text: the list, every event's `show`,
/// the registries, every export, and (with `walk`) the browser's screens after a walk through its
/// keys.
fn everything(loaded: Loaded, walk: bool) -> String {
    let Loaded { timeline: t, engine, .. } = loaded;
    let mut out = Vec::new();
    let events: Vec<&Event> = t.events.iter().collect();
    output::write_list(&mut out, &t, &events, false).expect("list");
    output::write_list(&mut out, &t, &events, true).expect("list --json");
    for e in &events {
        output::write_show(&mut out, &t, e, false).expect("show");
        out.extend(e.date_edtf().into_bytes());
    }
    output::write_countries(&mut out, &t, false).expect("countries");
    for kind in [EntityKind::Person, EntityKind::Place] {
        output::write_entities(&mut out, &t, kind, true).expect("entities");
    }
    for format in Format::ALL {
        export::write(&mut out, &t, &events, format).expect("export");
    }
    // iCalendar stamps the time of writing: the one line that may differ between two runs.
    let mut text: String =
        String::from_utf8_lossy(&out).split_inclusive('\n').filter(|l| !l.starts_with("DTSTAMP:")).collect();
    if walk {
        browse(t, engine, &mut text);
    }
    text
}

/// Walks the browser through its panes, the reader, the pickers and a search, at two sizes,
/// appending each screen.
fn browse(t: timeline::model::Timeline, engine: timeline::search::Engine, text: &mut String) {
    let (mut app, effect) = App::with_engine(t, engine, Filter::default(), 80, 24);
    let mut driver = Driver::new(&app);
    driver.carry_out(&mut app, Some(effect));
    let walk = [
        vec![Action::Down, Action::Down, Action::ToggleFocus, Action::DetailDown, Action::ToggleFocus],
        vec![Action::OpenReader, Action::NextQuote, Action::NextSource, Action::PrevQuote, Action::Back],
        vec![Action::Zoom, Action::NextYear, Action::Bottom, Action::PrevYear, Action::Zoom, Action::Top],
        vec![Action::PickCountries, Action::Down, Action::Accept, Action::Back],
        vec![Action::PickPeople, Action::Down, Action::Accept, Action::Back],
        vec![Action::PickPlaces, Action::Accept, Action::Back],
        vec![Action::StartSearch, Action::Input('a'), Action::Input('n'), Action::Accept, Action::Back],
    ];
    for (w, h) in [(80, 24), (20, 6)] {
        driver.notify(&mut app, timeline::app::Notice::Resized { width: w, height: h });
        for steps in &walk {
            for action in steps {
                driver.apply(&mut app, action.clone());
            }
            let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            term.draw(|f| render(&app, f, &Theme::plain())).expect("draw");
            text.extend(term.backend().buffer().content.iter().map(|c| c.symbol()));
        }
    }
}

/// A small data set with its cache directory.
fn fixture() -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("forged-cache");
    let _ = std::fs::remove_dir_all(&dir);
    support::synth::write(&dir.join("data"), 2, 11).expect("generate a data set");
    // Files changed in the last two seconds are "racy": the cache records no stat for them (and
    // hashes them on every start). Once they are older, every rebuild writes the same bytes.
    std::thread::sleep(std::time::Duration::from_millis(2500));
    (dir.join("data").join("data.json"), dir.join("cache"))
}

/// Writes `bytes` as the cache file with its checksums computed again.
fn forge(file: &Path, mut bytes: Vec<u8>) {
    cache::reseal(&mut bytes);
    std::fs::write(file, bytes).expect("forge");
}

/// What `list --search SEARCH` prints of a loaded data set.
fn search(loaded: &Loaded) -> String {
    let filter = Filter { query: SEARCH.into(), ..Filter::default() };
    let hits = loaded.engine.run(&loaded.timeline, &filter);
    let events: Vec<&Event> = hits.iter().map(|h| &loaded.timeline.events[h.event]).collect();
    let mut out = Vec::new();
    output::write_list(&mut out, &loaded.timeline, &events, false).expect("list");
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn every_byte_of_a_forged_cache_rebuilds_or_loads_and_never_panics() {
    let (data, dir) = fixture();
    let load = || cache::load(&dir, &data, None, &mut |_| {});
    let input = DataInput::from_file(&data, None).expect("readable");
    let expected = everything(cache::load_uncached(&input, &mut |_| {}).expect("loads"), true);
    let searched = search(&cache::load_uncached(&input, &mut |_| {}).expect("loads"));
    assert!(searched.lines().count() > 0, "the search finds something");
    let printed = everything(cache::load_uncached(&input, &mut |_| {}).expect("loads"), false);
    assert_eq!(load().expect("loads").cache, Outcome::Rebuilt(None));
    let file = cache::file_for(&dir, &data, None).expect("a cache file");
    let good = std::fs::read(&file).expect("cache");
    let hit = load().expect("loads");
    assert_eq!(hit.cache, Outcome::Hit);
    assert_eq!(everything(hit, true), expected, "a true cache gives what the files give");
    std::panic::set_hook(Box::new(|_| {}));
    let (mut panics, mut wrong, mut rebuilt, mut used, mut differ) = (Vec::new(), Vec::new(), 0, 0, 0);
    let range = std::env::var("FORGE")
        .ok()
        .and_then(|r| r.split_once(':').map(|(a, b)| (a.parse().unwrap(), b.parse().unwrap())));
    let (from, to) = range.unwrap_or((HEADER_LEN, good.len()));
    for at in from..to {
        for change in [|b: u8| b.wrapping_add(1), |_| 0xff] {
            let mut bytes = good.clone();
            bytes[at] = change(bytes[at]);
            forge(&file, bytes.clone());
            let run = catch_unwind(AssertUnwindSafe(|| {
                // First the search, which decodes only some events of the forged cache.
                let part = cache::load_for_search(&dir, &data, None, SEARCH, &mut |_| {}).expect("loads").0;
                let part = (part.cache.clone(), search(&part));
                forge(&file, bytes.clone());
                let loaded = load().expect("the data set itself is good");
                let outcome = loaded.cache.clone();
                let whole = search(&loaded);
                // A rebuild comes from the files: what it prints must be what they give. A
                // forged cache that is used goes through the browser too.
                let walk = outcome == Outcome::Hit;
                (outcome, everything(loaded, walk), part, whole)
            }));
            match run {
                Err(e) => {
                    let msg = e
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()));
                    panics.push((at, good[at], msg.unwrap_or_default()));
                }
                Ok((outcome, shown, (part_outcome, part), whole)) => {
                    // A search that rebuilt prints what the files give. One that used the forged
                    // cache may differ from a search of all its events (a forged short text or
                    // recency is used only by it): counted, not a failure.
                    match part_outcome {
                        Outcome::Hit => differ += usize::from(outcome == Outcome::Hit && part != whole),
                        _ if part != searched => wrong.push(format!("byte {at}: a rebuilt search differs")),
                        _ => {}
                    }
                    match outcome {
                        Outcome::Rebuilt(Some(_)) => {
                            rebuilt += 1;
                            check_rebuilt(at, &shown, &printed, &file, &good, &mut wrong);
                        }
                        Outcome::Hit => used += 1,
                        other => wrong.push(format!("byte {at}: {other:?}")),
                    }
                }
            }
        }
    }
    let _ = std::panic::take_hook();
    println!(
        "{} bytes forged two ways: {rebuilt} rebuilt, {used} used ({differ} searched otherwise in part)",
        good.len() - HEADER_LEN
    );
    assert!(panics.is_empty(), "{} panics, first: {:?}", panics.len(), &panics[..panics.len().min(20)]);
    assert!(wrong.is_empty(), "{} wrong, first: {:?}", wrong.len(), &wrong[..wrong.len().min(20)]);
    assert!(rebuilt > 0 && used > 0);
}

/// A rebuild prints what the files give, and writes the true cache again.
fn check_rebuilt(at: usize, shown: &str, printed: &str, file: &Path, good: &[u8], wrong: &mut Vec<String>) {
    if shown != printed {
        let (a, b) = printed.lines().zip(shown.lines()).find(|(a, b)| a != b).unwrap_or_default();
        wrong.push(format!("byte {at}: a rebuild differs from a start without the cache:\n-{a}\n+{b}"));
    }
    if std::fs::read(file).ok().as_deref() != Some(good) {
        wrong.push(format!("byte {at}: the cache was not rebuilt"));
    }
}
