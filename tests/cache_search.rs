//! A warm `list --search` decodes from the index cache only the events its query may find
//! (`search::prefilter`): it must print exactly what a search over every event prints, for every
//! query — text, fuzzy and exact terms, anchors, OR groups, negations, accents, dates, field
//! queries, pairs of words — with the command line's filters and orders, and ties ranked alike.

use crate::support;
use clap::Parser;
use std::path::{Path, PathBuf};
use timeline::cache::{self, Loaded, Outcome};
use timeline::cli::args::{Cli, Command};
use timeline::cli::{output, select};
use timeline::load::DataInput;

const QUERIES: &[&str] = &[
    "to lam",
    "Tô Lâm",
    "tô",
    "lam",
    "tl",
    "tlv",
    "hcm",
    "ho chi minh",
    "Hồ Chí Minh",
    "dai hoi xiv",
    "\"dai hoi\"",
    "daihoi",
    "azerbaijan 2025",
    "'Baku !1983",
    "thong loun sisoulith",
    "thong loun",
    "thongloun",
    "loun",
    "^ha",
    "noi$",
    "^baku$",
    "'viet",
    "!viet",
    "!to lam",
    "a",
    "x",
    "zzzz",
    "lao | cambodia",
    "laos | 2025 visit",
    "lào",
    "Lào | Nga",
    "person:to-lam",
    "person:\"Tô Lâm\"",
    "place:baku",
    "place:ha-noi visit",
    "country:LA",
    "country:LA lam",
    "kind:visit tô",
    "status:planned",
    "after:2020 baku",
    "before:2000",
    "year:2025 | lam",
    "2025-01",
    "jan 2025",
    "1983",
    "!1983 baku",
    "verified:no",
    "verified:yes energy",
    "source:a00000",
    "lee jae-myung",
    "jae myung",
    "erdogan",
    "Erdoğan",
    "đà nẵng",
    "da nang",
    "dn",
    "hn hp",
    "xiv",
    "congress | seminar",
    "cooperation friendship",
    "trade !energy",
    "nguyen thi binh",
    "Nguyễn",
    "aliyev heydar",
    "ilham",
    "ly",
    "$",
    "!",
    "'",
    "^",
    "kind:",
];

/// The command-line variants each query is run with.
const VARIANTS: &[&[&str]] = &[
    &[],
    &["--chronological"],
    &["--from", "2000", "--to", "2025-06"],
    &["--country", "AZ", "--country", "LA"],
    &["--kind", "visit", "--json"],
    &["--person", "to lam"],
];

fn fixture(name: &str, n: usize) -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cache-search-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    support::synth::write(&dir.join("data"), n, 5).expect("generate a data set");
    (dir.join("data").join("data.json"), dir.join("cache"))
}

/// What `timeline list ARGS` prints (or the usage error) on a loaded data set.
fn list(loaded: &Loaded, args: &[&str]) -> String {
    let cli = Cli::try_parse_from([&["timeline", "list"], args].concat()).expect("arguments");
    let Some(Command::List(a)) = cli.command else { panic!("not a list") };
    let picked = match select(&loaded.timeline, &loaded.engine, &a.select) {
        Ok(p) => p,
        Err(e) => return format!("error: {e}"),
    };
    let events: Vec<_> = picked.iter().map(|&i| &loaded.timeline.events[i]).collect();
    let mut out = Vec::new();
    output::write_list(&mut out, &loaded.timeline, &events, a.json).expect("list");
    String::from_utf8(out).expect("UTF-8")
}

/// Every query with every variant: from the cache (only what the query may find decoded) and
/// from the files (every event) print the same.
fn compare(data: &Path, dir: &Path) -> (usize, usize) {
    let input = DataInput::from_file(data, None).expect("readable");
    let whole = cache::load_uncached(&input, &mut |_| {}).expect("loads");
    cache::load(dir, data, None, &mut |_| {}).expect("writes the cache");
    let (mut fewer, mut nonempty) = (0, 0);
    for query in QUERIES {
        for variant in VARIANTS {
            let args = [&["--search", query], *variant].concat();
            let (warm, pending) = cache::load_for_search(dir, data, None, query, &mut |_| {}).expect("loads");
            assert_eq!(warm.cache, Outcome::Hit, "{args:?}");
            assert!(pending.is_none());
            let expected = list(&whole, &args);
            assert_eq!(list(&warm, &args), expected, "{args:?}");
            fewer += usize::from(warm.timeline.events.len() < whole.timeline.events.len());
            nonempty += usize::from(!expected.is_empty() && !expected.starts_with("error"));
        }
    }
    (fewer, nonempty)
}

#[test]
fn a_warm_search_prints_what_a_search_over_every_event_prints() {
    let (data, dir) = fixture("synth", 400);
    let (fewer, nonempty) = compare(&data, &dir);
    // The comparison means something: most searches decoded fewer events and found some.
    assert!(fewer > QUERIES.len() * VARIANTS.len() / 2, "only {fewer} searches decoded fewer events");
    assert!(nonempty > QUERIES.len() * VARIANTS.len() / 2, "only {nonempty} searches found anything");
}

#[test]
fn a_data_set_with_groups_is_searched_whole() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache-search-groups");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a directory");
    let data = dir.join("full.json");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/timelinejs/full.json"), &data)
        .expect("copy");
    let cache_dir = dir.join("cache");
    let input = DataInput::from_file(&data, None).expect("readable");
    let whole = cache::load_uncached(&input, &mut |_| {}).expect("loads");
    assert!(!whole.timeline.groups().is_empty(), "the fixture has groups");
    cache::load(&cache_dir, &data, None, &mut |_| {}).expect("writes the cache");
    let (group, _) = whole.timeline.groups()[0].clone();
    for query in [format!("group:\"{group}\""), "a".into(), format!("group:\"{group}\" a")] {
        let (warm, _) = cache::load_for_search(&cache_dir, &data, None, &query, &mut |_| {}).expect("loads");
        assert_eq!(warm.cache, Outcome::Hit);
        assert_eq!(warm.timeline.events.len(), whole.timeline.events.len(), "{query}");
        assert_eq!(list(&warm, &["--search", &query]), list(&whole, &["--search", &query]), "{query}");
    }
}
