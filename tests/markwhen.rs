//! markwhen in and out, against the official parser: `tests/fixtures/markwhen/*.json` are what
//! `@markwhen/parser` read from the `.mw` files next to them (`regenerate.sh` makes them again),
//! so no node is needed here. Our reader must find the same events, with the same start and
//! end instants, titles, groups and descriptions; our export must read back the same way.

use crate::pty_harness;

use chrono::NaiveDate;
use serde_json::Value;
use timeline::load::markwhen;
use timeline::model::{EntityKind, Event, Kind, Moment, Timeline};

const DIR: &str = "tests/fixtures/markwhen";

/// Title, start and end instants, group, kind, description, other tags.
type Row = (String, String, String, Option<String>, Kind, String, Vec<String>);

/// The "now" the goldens were made with (see `mw2json.cjs`).
fn now() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 1, 15).and_then(|d| d.and_hms_opt(12, 0, 0)).unwrap()
}

fn read(name: &str) -> (Timeline, Vec<usize>) {
    let path = format!("{DIR}/{name}");
    let text = std::fs::read_to_string(&path).unwrap();
    markwhen::read(&path, &text, now()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn golden(name: &str) -> Value {
    let text = std::fs::read_to_string(format!("{DIR}/{name}")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A moment as luxon writes it in UTC: `2026-01-05T00:00:00.000Z`, `-000299-01-01T…`.
fn luxon(m: Moment) -> String {
    let day_ms = 86_400_000i128;
    let (days, ms) = (m.0.div_euclid(day_ms), m.0.rem_euclid(day_ms));
    let d = NaiveDate::from_num_days_from_ce_opt(i32::try_from(days + 1).unwrap()).unwrap();
    let y = chrono::Datelike::year(&d);
    let year = if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else {
        format!("{}{:06}", if y < 0 { "-" } else { "+" }, y.abs())
    };
    let (h, mi, s, milli) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    format!("{year}-{}T{h:02}:{mi:02}:{s:02}.{milli:03}Z", d.format("%m-%d"))
}

/// What our event should be, from the parser's: the first tag that names a kind gives the kind;
/// the group is the headings around it, else its first other tag; the other tags are kept.
fn expected(g: &Value) -> Row {
    let s = |k: &str| g[k].as_str().unwrap().to_string();
    let mut tags: Vec<String> =
        g["tags"].as_array().unwrap().iter().filter_map(Value::as_str).map(str::to_string).collect();
    let groups: Vec<&str> = g["groups"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    let kind_at = tags.iter().position(|t| Kind::parse(t).is_some());
    let kind = kind_at.and_then(|i| Kind::parse(&tags.remove(i))).unwrap_or(Kind::Other);
    let group = match groups.is_empty() {
        true if tags.is_empty() => None,
        true => Some(tags.remove(0)),
        false => Some(groups.join(" / ")),
    };
    // The parser leaves the colon of `300 BC: title` in the title; we do not.
    let title = s("title").trim_start_matches(':').trim().to_string();
    (title, s("from"), s("to"), group, kind, s("description").trim_matches('\n').to_string(), tags)
}

fn ours(e: &Event) -> Row {
    let (from, to) = markwhen::instants(&e.date, e.end.as_ref());
    let tags = e.extra.as_ref().map_or(Vec::new(), |x| x.tags.to_vec());
    (
        e.title.to_string(),
        luxon(from),
        luxon(to),
        e.group().map(str::to_string),
        e.kind,
        e.summary.to_string(),
        tags,
    )
}

/// Our reading of `name.mw` against the official parser's `name.json`, event by event.
fn same_as_the_official_parser(name: &str) -> Timeline {
    let (t, lines) = read(&format!("{name}.mw"));
    let g = golden(&format!("{name}.json"));
    let events = g["events"].as_array().unwrap();
    let found: Vec<usize> = events.iter().map(|e| e["line"].as_u64().unwrap() as usize).collect();
    assert_eq!(lines, found, "{name}: events on other lines than the parser's");
    for ((e, g), line) in t.events.iter().zip(events).zip(&lines) {
        assert_eq!(ours(e), expected(g), "{name}.mw:{line}");
    }
    assert_eq!(t.title.as_ref().map(|s| s.headline.as_str()), g["header"]["title"].as_str(), "{name}: title");
    t
}

#[test]
fn dates_are_read_as_the_official_parser_reads_them() {
    let t = same_as_the_official_parser("dates");
    // Precision as written: a year stays a year, a month a month.
    let by_title = |title: &str| t.events.iter().find(|e| e.title == title).unwrap();
    assert_eq!(by_title("A year").date.iso(), "1981");
    assert_eq!(by_title("April 1776").date.iso(), "1776-04");
    assert_eq!(by_title("A month by name").date.iso(), "2026-01");
    assert_eq!(by_title("EDTF years").date_edtf(), "1964");
    assert_eq!(by_title("EDTF years").end.map(|e| e.iso()).as_deref(), Some("2008"));
    assert_eq!(by_title("Six months").end.map(|e| e.iso()).as_deref(), Some("2018-06"));
    assert_eq!(by_title("BCE to AD").date_label(), "100 BCE – 49 CE");
    assert!(t.events.iter().all(|e| !e.is_verified()), "imported events are unverified");
    assert_eq!(by_title("Phase 1").id, "Phase1");
}

#[test]
fn european_dates_as_the_documentation_writes_them() {
    same_as_the_official_parser("european");
}

#[test]
fn descriptions_tags_sections_links_and_places() {
    let t = same_as_the_official_parser("descriptions");
    let summit = t.events.iter().find(|e| e.title.starts_with("Summit")).unwrap();
    assert_eq!(summit.kind, Kind::Talks);
    assert_eq!(t.name_list(summit, EntityKind::Place), ["Hà Nội"]);
    let urls: Vec<&str> = summit.links().iter().map(|l| l.url.as_str()).collect();
    assert_eq!(
        urls,
        ["https://example.org/agenda", "https://example.org/notes", "https://example.org/hall.png"]
    );
    assert_eq!(summit.media().map(|m| m.url.as_str()), Some("https://example.org/hall.png"));
    let task = t.events.iter().find(|e| e.title == "Longer ongoing task").unwrap();
    assert_eq!(t.name_list(task, EntityKind::Place), ["123 Main Street, Kansas City, MO"]);
    assert_eq!(t.places.len(), 2);
    assert_eq!(t.title.as_ref().map(|s| s.text.as_str()), Some("Events, descriptions and sections"));
}

#[test]
fn group_and_section_blocks_nest() {
    same_as_the_official_parser("groups");
}

/// Times in the header's zone and in events' own zones are the official parser's instants, and
/// keep their offsets; tags beyond the kind and the group are kept.
#[test]
fn time_zones_and_tags() {
    let t = same_as_the_official_parser("zones");
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    let edtf = |title: &str| t.events.iter().find(|e| e.title == title).unwrap().edtf();
    assert_eq!(edtf("Winter call"), "2025-01-15T10:00:00-05:00");
    assert_eq!(edtf("Summer call"), "2025-07-15T10:00:00-04:00");
    assert_eq!(edtf("An ISO instant"), "2025-07-15T10:00:00Z");
    assert_eq!(edtf("Talks in Hà Nội"), "2025-03-04T09:30:00+07:00");
    assert_eq!(edtf("A meeting in Delhi"), "2025-03-05T09:30:00+05:30/2025-03-05T11:00:00+05:30");
    assert_eq!(edtf("A call from Newfoundland"), "2025-03-06T08:00:00-03:30");
    assert_eq!(edtf("A call from Bangkok"), "2025-03-07T12:00:00+07");
    assert_eq!(edtf("An hour after that"), "2025-03-10T11:00:00-04:00/2025-03-10T12:00:00-04:00");
    let hanoi = t.events.iter().find(|e| e.title == "Talks in Hà Nội").unwrap();
    assert_eq!((hanoi.kind, hanoi.group()), (Kind::Talks, Some("asia")));
    assert_eq!(hanoi.extra.as_ref().unwrap().tags, ["trade"]);
}

#[test]
fn a_zone_that_is_not_one_is_a_warning_and_a_day_has_no_zone() {
    let text = "---\ntimezone: Asia/Ha_Noi\n---\n2025-03-04 10:00: A\n2025-03-05: B\ntimezone: +07\n";
    let (t, _) = markwhen::read("z.mw", text, now()).unwrap();
    assert_eq!(
        t.warnings,
        [
            "z.mw:2:1: warning: `Asia/Ha_Noi` is not a time zone: write an IANA name (`America/New_York`) or an offset (`+05:30`); dates and times are read as UTC"
        ]
    );
    let dates: Vec<String> = t.events.iter().map(Event::edtf).collect();
    assert_eq!(dates, ["2025-03-04T10:00:00", "2025-03-05"]);
}

/// The data sets exported to markwhen: the fixtures above, our own format, TimelineJS.
const EXPORTS: &[(&str, &str)] = &[
    ("dates", "tests/fixtures/markwhen/dates.mw"),
    ("descriptions", "tests/fixtures/markwhen/descriptions.mw"),
    ("groups", "tests/fixtures/markwhen/groups.mw"),
    ("zones", "tests/fixtures/markwhen/zones.mw"),
    ("native", "tests/fixtures/valid.json"),
    ("timelinejs", "tests/fixtures/timelinejs/full.json"),
];

fn source(path: &str) -> Timeline {
    if path.ends_with(".mw") {
        let text = std::fs::read_to_string(path).unwrap();
        let (mut t, _) = markwhen::read(path, &text, now()).unwrap();
        timeline::model::sort_events(&mut t.events);
        return t;
    }
    let seeds = Some("tests/fixtures/seeds".into());
    let input = timeline::load::DataInput::from_file(std::path::Path::new(path), seeds).unwrap();
    timeline::load::load(&input).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn export(t: &Timeline) -> (String, Vec<String>) {
    let events: Vec<&Event> = t.events.iter().collect();
    let mut out = Vec::new();
    let notes = timeline::export::write(&mut out, t, &events, timeline::export::Format::Markwhen).unwrap();
    (String::from_utf8(out).unwrap(), notes)
}

fn sorted(mut rows: Vec<Row>) -> Vec<Row> {
    rows.sort();
    rows
}

#[test]
fn the_export_reads_back_the_same_in_the_official_parser_and_ours() {
    for (name, path) in EXPORTS {
        let t = source(path);
        let (text, notes) = export(&t);
        let file = format!("{DIR}/export_{name}.mw");
        if std::env::var_os("UPDATE_MARKWHEN").is_some() {
            std::fs::write(&file, &text).unwrap();
            continue;
        }
        // The golden next to it was made from this very file: it must not change unseen.
        assert_eq!(
            text,
            std::fs::read_to_string(&file).unwrap(),
            "{file}: run with UPDATE_MARKWHEN=1, then regenerate.sh"
        );
        assert!(notes.len() <= 1, "{name}: one note at most: {notes:?}");
        let kept: Vec<&Event> = t.events.iter().filter(|e| e.date.year_value().abs() <= 9999).collect();
        let want = sorted(kept.iter().map(|e| ours(e)).collect());
        let g = golden(&format!("export_{name}.json"));
        let official = sorted(g["events"].as_array().unwrap().iter().map(expected).collect());
        assert_eq!(official, want, "{name}: the official parser reads our export differently");
        let (back, _) = read(&format!("export_{name}.mw"));
        assert!(back.warnings.is_empty(), "{name}: {:?}", back.warnings);
        assert_eq!(
            sorted(back.events.iter().map(ours).collect()),
            want,
            "{name}: we read our export differently"
        );
    }
}

#[test]
fn the_built_in_data_set_round_trips_through_markwhen_with_one_note() {
    let t = timeline::load::load_builtin().unwrap();
    let (text, notes) = export(&t);
    let (back, _) = markwhen::read("built-in.mw", &text, now()).unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    let kept: Vec<&Event> = t.events.iter().filter(|e| e.date.year_value().abs() <= 9999).collect();
    assert_eq!(
        sorted(back.events.iter().map(ours).collect()),
        sorted(kept.iter().map(|e| ours(e)).collect())
    );
    // Places go out as `[place](location)` and come back.
    let places = |t: &Timeline| {
        let names = |e| t.name_list(e, EntityKind::Place).into_iter().map(String::from).collect();
        sorted_places(t.events.iter().map(names).collect())
    };
    assert_eq!(places(&back), places(&t));
    let [note] = notes.as_slice() else { panic!("one note: {notes:?}") };
    assert!(note.starts_with("markwhen: cannot carry ") && note.contains(" quotes"), "{note}");
    println!("{note}");
}

fn sorted_places(mut v: Vec<Vec<String>>) -> Vec<Vec<String>> {
    v.sort();
    v
}

#[test]
fn every_line_not_read_is_a_warning_at_its_position() {
    let (t, _) = read("warnings/skipped.mw");
    let p = "tests/fixtures/markwhen/warnings/skipped.mw";
    let want = [
        "3:1: warning: header key `view` is not read; skipped",
        "4:1: warning: tag colours are not shown; skipped",
        "5:1: warning: `Mars/Olympus` is not a time zone: write an IANA name (`America/New_York`) or an offset (`+05:30`); dates and times are read as UTC",
        "8:1: warning: skipped: not an event (`DATE: title`), a heading, a group or a description after an event",
        "9:1: warning: `endGroup` without a `group` or `section` before it; skipped",
        "11:3: warning: event property `owner` is not read; skipped",
        "13:1: warning: this line looks like an event, but `2025-03-04 - 1 week` is not a date markwhen reads, or not a real one; kept as the previous event's description",
        "14:1: warning: a date without a year; markwhen takes the current year (2026)",
        "15:1: warning: no event with this `!id` before this line; counted from the previous event, as markwhen does",
        "16:1: warning: duplicate id `!one` (first at 10:1); this event gets a new id",
        "17:1: warning: `every …`: a repeating event; only its first occurrence is read",
        "18:1: warning: `2024-12-31/2024-01-01` ends before it starts; read as its start alone (markwhen keeps the event too, with no length or a negative one)",
    ];
    let want: Vec<String> = want.iter().map(|w| format!("{p}:{w}")).collect();
    assert_eq!(t.warnings, want);
    let titles: Vec<&str> = t.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "An event",
            "Without a year",
            "Relative to a missing id",
            "Another",
            "Repeating",
            "Ends before it starts"
        ]
    );
    assert_eq!((t.events[5].date.iso(), t.events[5].end), ("2024-12-31".to_string(), None));
    assert_eq!(t.events[0].summary, "Description line.\n2025-03-04 - 1 week: not a date markwhen reads");
    assert_eq!(t.events[0].group(), Some("alpha"));
    // The tags beyond the group and the kind are kept.
    assert_eq!(t.events[0].extra.as_ref().map(|x| x.tags.to_vec()), Some(vec!["beta".to_string()]));
}

#[test]
fn a_range_that_ends_before_it_starts_is_a_warning_about_its_order() {
    let text =
        "2020 - 2019: years backwards\n2020-05-05 - 2019-01-01: x\n2025-07-15 10:00 to 2025-07-15 12:00: y\n";
    let (t, _) = markwhen::read("back.mw", text, now()).unwrap();
    assert_eq!(
        t.warnings,
        [
            "back.mw:1:1: warning: `2020 - 2019` ends before it starts; read as its start alone (markwhen keeps the event too, with no length or a negative one)",
            "back.mw:2:1: warning: this line looks like an event, but markwhen does not read `2020-05-05 - 2019-01-01` as a range: write it `2020-05-05/2019-01-01`; this one also ends before it starts; kept as the previous event's description",
            "back.mw:3:1: warning: this line looks like an event, but markwhen does not read `2025-07-15 10:00 to 2025-07-15 12:00` as a range: write it `2025-07-15 10:00/2025-07-15 12:00`; kept as the previous event's description",
        ]
    );
    assert_eq!(t.events.len(), 1);
    assert_eq!((t.events[0].date.iso(), t.events[0].end), ("2020".to_string(), None));
}

#[test]
fn a_time_that_never_was_in_the_zone_is_a_warning_and_moves_forward_as_in_markwhen() {
    let text = "---\ntimezone: America/New_York\n---\n2025-03-09 02:30: DST gap\n2025-11-02 01:30: twice\n";
    let (t, _) = markwhen::read("dst.mw", text, now()).unwrap();
    let dates: Vec<String> = t.events.iter().map(|e| e.date.iso()).collect();
    // The reference parser's instants: 07:30Z (03:30-04:00) and 05:30Z (the first 01:30, -04:00).
    assert_eq!(dates, ["2025-03-09T03:30:00-04:00", "2025-11-02T01:30:00-04:00"]);
    assert_eq!(
        t.warnings,
        [
            "dst.mw:4:1: warning: `2025-03-09T02:30:00` never happened in America/New_York: the clocks were put forward over it; read as `2025-03-09T03:30:00-04:00`, as markwhen does",
            "dst.mw:5:1: warning: `2025-11-02T01:30:00` happened twice in America/New_York: the clocks were put back over it; the first, `2025-11-02T01:30:00-04:00`, is taken, as markwhen does",
        ]
    );
}

#[test]
fn now_is_read_to_the_minute() {
    let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap().and_hms_milli_opt(2, 48, 46, 235).unwrap();
    let (t, _) =
        markwhen::read("now.mw", "---\ntimezone: +07\n---\nnow: Now\n1 day: Tomorrow\n", at).unwrap();
    let dates: Vec<String> = t.events.iter().map(|e| e.date.iso()).collect();
    assert_eq!(dates[0], "2026-12-07T09:48:00+07");
    assert_eq!(t.events[0].date.time().map(|t| (t.second, t.milli)), Some((None, None)));
    let end = t.events[1].end.map(|e| e.iso());
    assert_eq!(
        (dates[1].as_str(), end.as_deref()),
        ("2026-12-07T09:48:00+07", Some("2026-12-08T09:48:00+07"))
    );
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
}

#[test]
fn a_parent_group_takes_its_nested_groups_and_a_nested_group_answers_to_its_own_name() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("mw-nested-groups");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("nested.mw");
    let text = "# Project\n2025-01-01: Kickoff\n## Phase A\n2025-02-01: A one\n## Phase B\n2025-03-01: B one\n\
                # Other\n## Phase B\n2025-04-01: Other B\n# Projects\n2025-05-01: Not a child\n";
    std::fs::write(&file, text).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_timeline"))
            .args(["list", "--no-cache", "--data"])
            .arg(&file)
            .args(args)
            .output()
            .expect("run timeline list")
    };
    let titles = |args: &[&str]| {
        let o = run(args);
        assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        let out = String::from_utf8(o.stdout).unwrap();
        ["Kickoff", "A one", "B one", "Other B", "Not a child"]
            .into_iter()
            .filter(|t| out.lines().any(|l| l.contains(&format!(" {t} "))))
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(&["--group", "Project"]), ["Kickoff", "A one", "B one"]);
    assert_eq!(titles(&["--search", "group:project"]), ["Kickoff", "A one", "B one"]);
    assert_eq!(titles(&["--group", "Phase A"]), ["A one"]);
    assert_eq!(titles(&["--search", "group:\"Phase A\""]), ["A one"]);
    assert_eq!(titles(&["--group", "Project / Phase B"]), ["B one"]);
    for args in [["--group", "Phase B"], ["--search", "group:\"Phase B\""]] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("group `Phase B` is more than one group: Project / Phase B, Other / Phase B"),
            "{err}"
        );
    }
}

#[test]
fn markwhen_is_told_by_content_or_extension() {
    assert!(markwhen::sniff("plan.mw", "{}"));
    assert!(markwhen::sniff("plan.txt", "---\ntitle: x\n---\n"));
    assert!(markwhen::sniff("plan.txt", "// a comment\n2024-01-01: An event\n"));
    assert!(markwhen::sniff("plan", "title: Plan\n\n2024: x"));
    assert!(!markwhen::sniff("data.json", "{\"events\": []}"));
    assert!(!markwhen::sniff("sheet.csv", "Year,Month,Day,Time,End Year\n2024,1,1,,\n"));
}

#[test]
fn the_browser_opens_a_markwhen_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/markwhen/descriptions.mw");
    let mut t = pty_harness::Tui::start(100, 30, &["--data", path], &[]);
    t.expect_position("1/7");
    t.expect("the first event and its group", |s| {
        pty_harness::has(s, "Summit in  with [the a")?;
        pty_harness::has(s, "Hà Nội")?;
        pty_harness::has(s, "Links and places")
    });
    t.send("j");
    t.expect("the second event, its description in Vietnamese", |s| {
        pty_harness::at_position(s, "2/7")?;
        pty_harness::has(s, "Tiếng Việt: Hội nghị")
    });
    t.send("q");
    let status = t.exit();
    assert_eq!(status.exit_code(), 0, "{status}");
    t.assert_restored();
}

mod round_trip {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    /// Year, month, day, time of day.
    type Tjs = (i64, Option<u32>, Option<u32>, Option<(u32, u32, u32)>);

    fn words(n: std::ops::Range<usize>) -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "Tô", "Lâm", "visits", "Hà", "Nội", "talks", "1966", "Đà", "(x)", "3.5",
        ]);
        prop::collection::vec(word, n).prop_map(|w| w.join(" "))
    }

    /// A TimelineJS date: a year (BCE too), a month, a day, or a time of day.
    fn date() -> impl Strategy<Value = Tjs> {
        prop_oneof![
            (-3000i64..3000).prop_filter("no year 0", |y| *y != 0).prop_map(|y| (y, None, None, None)),
            (1i64..3000, 1u32..13).prop_map(|(y, m)| (y, Some(m), None, None)),
            (1i64..3000, 1u32..13, 1u32..29, prop::option::of((0u32..24, 0u32..60, 0u32..60)))
                .prop_map(|(y, m, d, t)| (y, Some(m), Some(d), t)),
        ]
    }

    fn tjs((y, m, d, t): Tjs) -> Value {
        let mut v = json!({ "year": y });
        if let Some(m) = m {
            v["month"] = json!(m);
        }
        if let Some(d) = d {
            v["day"] = json!(d);
        }
        if let Some((h, mi, s)) = t {
            v["hour"] = json!(h);
            v["minute"] = json!(mi);
            v["second"] = json!(s);
        }
        v
    }

    fn slide() -> impl Strategy<Value = Value> {
        let group =
            prop::sample::select(vec![None, Some("Modern"), Some("Asia / Pacific"), Some("Đông Nam Á")]);
        (date(), prop::option::of(date()), words(1..5), words(0..8), group).prop_map(
            |(a, b, title, text, group)| {
                // The later of the two dates ends the event.
                let (start, end) = match b {
                    // Before year 1 markwhen has years only (what else is lost is in the note).
                    Some(b) if a.0 < 0 && b.0 > a.0 => (a, Some((b.0, None, None, None))),
                    Some(b) if b > a && b.0 > a.0 => (a, Some(b)),
                    _ => (a, None),
                };
                let mut v = json!({ "start_date": tjs(start), "text": { "headline": title, "text": text } });
                if let Some(e) = end {
                    v["end_date"] = tjs(e);
                }
                if let Some(g) = group {
                    v["group"] = json!(g);
                }
                v
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Events read from TimelineJS, written as markwhen and read back keep their titles,
        /// instants, groups, kinds and summaries.
        #[test]
        fn timelinejs_to_markwhen_and_back(slides in prop::collection::vec(slide(), 1..12)) {
            let text = json!({ "events": slides }).to_string();
            let input = timeline::load::DataInput { path: "gen.json".into(), text, articles: timeline::load::ArticleStore::Builtin };
            let t = timeline::load::load(&input).unwrap();
            let (mw, _) = export(&t);
            let (back, _) = markwhen::read("gen.mw", &mw, now()).unwrap();
            prop_assert!(back.warnings.is_empty(), "{:?}\n{mw}", back.warnings);
            let want = sorted(t.events.iter().map(ours).collect());
            prop_assert_eq!(sorted(back.events.iter().map(ours).collect()), want, "{}", mw);
        }
    }
}

/// Ids survive a round trip: an `!id` markwhen can hold is written, one made from the title and
/// year is made again, and the official parser reads the written ones as ids too.
#[test]
fn ids_come_back_from_the_export_or_are_counted_in_its_note() {
    for (name, path) in EXPORTS {
        let t = source(path);
        let (text, notes) = export(&t);
        let (back, _) = markwhen::read("back.mw", &text, now()).unwrap();
        let ids = |t: &Timeline| {
            let mut v: Vec<String> = t
                .events
                .iter()
                .filter(|e| e.date.year_value().abs() <= 9999)
                .map(|e| e.id.to_string())
                .collect();
            v.sort();
            v
        };
        let lost = notes.iter().any(|n| n.contains("ids that are not a markwhen !id"));
        // Every id comes back unless the note says some may not (it counts an id made from a
        // title whose time is written in UTC, which may or may not come back).
        assert!(lost || ids(&back) == ids(&t), "{name}: {notes:?}");
        assert!(!lost || notes.len() == 1, "{name}: {notes:?}");
        let g = golden(&format!("export_{name}.json"));
        for (e, ge) in back.events.iter().zip(g["events"].as_array().unwrap()) {
            if let Some(id) = ge["id"].as_str() {
                assert!(
                    back.events.iter().any(|b| b.id == id),
                    "{name}: the parser's !{id} is not ours ({})",
                    e.id
                );
            }
        }
    }
}

/// A `#tag` with a letter markwhen's tags cannot hold is read as markwhen reads it, with a warning
/// at its `#` saying what became of it, in NFC as in NFD.
#[test]
fn a_tag_cut_short_by_a_vietnamese_letter_is_a_warning() {
    use unicode_normalization::UnicodeNormalization;
    let said = |word: &str, tag: &str, rest: &str| {
        format!(
            "warning: markwhen reads `{word}` as the tag `{tag}` and leaves `{rest}` in the text: its tags \
             hold ASCII letters, digits and _ only"
        )
    };
    let text = "---\ntitle: T\n---\n2020: Title with tag #cổđại\nline #Hà_Nội here\n2021: Fine #ok_1\n";
    let (t, _) = markwhen::read("t.mw", text, now()).unwrap();
    assert_eq!(
        t.warnings,
        [
            format!("t.mw:4:22: {}", said("#cổđại", "#c", "ổđại")),
            format!("t.mw:5:6: {}", said("#Hà_Nội", "#H", "à_Nội")),
        ]
    );
    assert_eq!(t.events[1].group(), Some("ok_1"));
    // Indented lines: the column is the `#`'s, indentation counted once.
    let (t, _) =
        markwhen::read("t.mw", "---\ntitle: T\n---\n  2020: Tag #cổ\n   desc #Hà here\n", now()).unwrap();
    assert_eq!(
        t.warnings,
        [format!("t.mw:4:13: {}", said("#cổ", "#c", "ổ")), format!("t.mw:5:9: {}", said("#Hà", "#H", "à"))]
    );
    // Decomposed, the tag keeps the base letters before the first combining mark.
    let nfd = |s: &str| s.nfd().collect::<String>();
    let (t, _) = markwhen::read("t.mw", &nfd(text), now()).unwrap();
    let rest_cd = nfd("ổđại")[1..].to_string();
    assert_eq!(
        t.warnings,
        [
            format!("t.mw:4:22: {}", said(&nfd("#cổđại"), "#co", &rest_cd)),
            format!("t.mw:5:6: {}", said(&nfd("#Hà_Nội"), "#Ha", &nfd("à_Nội")[1..])),
        ]
    );
}

/// A place and a group typed composed (NFC) in one event and decomposed (NFD) in another are one
/// place and one group, held in NFC.
#[test]
fn names_typed_composed_and_decomposed_are_one_name() {
    let (composed, decomposed) = ("Huế", "Hue\u{302}\u{301}");
    let text = format!(
        "group Chiến tranh\n2000: first [{composed}](location)\nendGroup\n\
         group {}\n2001: second [{decomposed}](location)\nendGroup\n",
        "Chie\u{302}\u{301}n tranh"
    );
    let (t, _) = markwhen::read("nfd.mw", &text, now()).unwrap();
    assert_eq!(t.places.len(), 1, "{:?}", t.places);
    assert_eq!(t.events[0].place_ids, t.events[1].place_ids);
    assert_eq!(t.groups(), [("Chiến tranh".to_string(), 2)]);
}

/// What markwhen has no syntax for is written as the nearest thing it reads, and said: a season
/// as its months, a local time with seconds in UTC; eras are counted, and no title is made up for
/// a data set without one.
#[test]
fn seasons_local_seconds_and_eras_are_written_as_markwhen_reads_them_and_said() {
    let line = |id: &str, date: &str| crate::support::jsonl_event(id, date, "other", "");
    let era = r#"{"type":"era","start":"1990","end":"1999","headline":"The nineties"}"#;
    let text =
        [line("s", "2001-21"), line("w", "2001-24/2002-22"), line("t", "2001-05-01T10:30:05"), era.into()]
            .join("\n");
    let t = crate::support::load_str("x.jsonl", &text).unwrap();
    let (mw, notes) = export(&t);
    assert!(!mw.contains("title:"), "{mw}");
    assert!(mw.contains("2001-03/2001-05: T s"), "{mw}");
    assert!(mw.contains("2001-12/2002-08: T w"), "{mw}");
    assert!(mw.contains("2001-05-01T10:30:05Z: T t"), "{mw}");
    let [note] = notes.as_slice() else { panic!("one note: {notes:?}") };
    assert!(note.contains("seasons, written as their months (3)"), "{note}");
    assert!(note.contains("local times with seconds, written in UTC (1)"), "{note}");
    assert!(note.ends_with("; 1 era left out"), "{note}");
    let (back, _) = markwhen::read("x.mw", &mw, now()).unwrap();
    assert!(back.warnings.is_empty() && back.title.is_none(), "{:?}", back.warnings);
    let labels: Vec<String> = back.events.iter().map(|e| e.date_label()).collect();
    assert_eq!(labels, ["Mar–May 2001", "1 May 2001 10:30:05 UTC", "Dec 2001 – Aug 2002"]);
}

/// An impossible date, a month written out, a time with a zone that markwhen does not read: each
/// line is kept as the description before it, as markwhen keeps it, and said where it is.
#[test]
fn a_line_that_starts_as_a_date_but_is_not_one_is_a_warning() {
    let text = "2000: first\nFeb 31 1968: a\nJanuary 32, 1968: b\n1968-05-10T08:00:00+07:00: c\n\
                3 delegates came\nDecree 43: on trade\nMayor 2 said: hello\nFEBRUARY 31 1968: d\n";
    let (t, _) = markwhen::read("bad.mw", text, now()).unwrap();
    assert_eq!(t.events.len(), 1);
    let dates: Vec<String> = t
        .warnings
        .iter()
        .map(|w| w.split('`').nth(1).map(|d| format!("{}:{d}", &w[..8])).unwrap_or_else(|| w.clone()))
        .collect();
    assert_eq!(
        dates,
        [
            "bad.mw:2:Feb 31 1968",
            "bad.mw:3:January 32, 1968",
            "bad.mw:4:1968-05-10T08:00:00+07:00",
            "bad.mw:8:FEBRUARY 31 1968"
        ]
    );
}

/// Unspecified digits have no markwhen form: `2004-XX` is written as the year it stands in, read
/// back as `2004`, and the note counts them.
#[test]
fn unspecified_digits_are_written_as_their_period_and_counted() {
    let line = |id: &str, date: &str| crate::support::jsonl_event(id, date, "other", "");
    let text = [line("a", "2004-XX"), line("b", "1985-XX-XX"), line("c", "2004-06-XX")].join("\n");
    let t = crate::support::load_str("x.jsonl", &text).unwrap();
    let (mw, notes) = export(&t);
    assert!(mw.contains("1985: T b") && mw.contains("2004: T a") && mw.contains("2004-06: T c"), "{mw}");
    assert_eq!(
        notes,
        ["markwhen: cannot carry unspecified digits (X), written as the period they stand for (3)"]
    );
}
