//! Reading TimelineJS (JSON 3, the sheet CSV, the old v2 shapes) with every warning and error at
//! its exact `path:line:col`, and writing every export format, checked with independent parsers.

use serde_json::Value;
use std::process::Command;
use timeline::export::{self, Format};
use timeline::load::{self, ArticleStore, DataInput};
use timeline::model::{Event, Timeline};

fn input(path: &str) -> DataInput {
    DataInput::from_file(std::path::Path::new(path), None).unwrap()
}

fn fixture(name: &str) -> String {
    format!("tests/fixtures/timelinejs/{name}")
}

fn load_ok(name: &str) -> Timeline {
    load::load(&input(&fixture(name))).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn problems(name: &str) -> Vec<String> {
    load::load(&input(&fixture(name))).unwrap_err().problems.iter().map(|p| p.to_string()).collect()
}

fn event<'a>(t: &'a Timeline, id: &str) -> &'a Event {
    t.event_by_id(id).unwrap_or_else(|| panic!("no event {id}"))
}

#[test]
fn every_field_of_timelinejs_3_is_read() {
    let t = load_ok("full.json");
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    let ids: Vec<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["big-bang", "dong-son", "independence", "two-days-of-talks-2026"]);
    let big = event(&t, "big-bang");
    assert_eq!(big.date_label(), "13.8 billion years ago");
    assert_eq!(big.summary, "Roughly 13.8 billion years ago.");
    let drum = event(&t, "dong-son");
    assert_eq!(drum.date_label(), "500–400 BCE");
    assert_eq!(drum.date.iso(), "-0499");
    let x = drum.extra.as_deref().unwrap();
    assert_eq!(x.display_date.as_deref(), Some("5th century BCE"));
    assert_eq!(x.background.as_deref(), Some("#223344"));
    assert_eq!(x.group.as_deref(), Some("Antiquity"));
    let m = x.media.as_ref().unwrap();
    assert_eq!(
        (m.url.as_str(), m.caption.as_deref(), m.credit.as_deref(), m.thumbnail.as_deref()),
        (
            "https://example.org/drum.jpg",
            Some("A drum"),
            Some("Museum"),
            Some("https://example.org/drum-t.jpg")
        )
    );
    assert_eq!((m.alt.as_deref(), m.title.as_deref()), (Some("A bronze drum"), Some("Drum")));
    assert_eq!(m.link.as_deref(), Some("https://example.org/drums"));
    let ind = event(&t, "independence");
    assert_eq!(ind.title, "Independence & a declaration");
    assert_eq!(ind.date.iso(), "1945-09-02T14:30:05.250");
    assert_eq!(
        ind.summary,
        "Ba Đình Square.\nHà Nội\n* one\n* two\n\nSee [the text][1].\n\n[1]: https://example.org/1945"
    );
    let talks = event(&t, "two-days-of-talks-2026");
    assert_eq!(talks.date_label(), "26–27 Jan 2026");
    // TimelineJS shows the start date's own words, a dash and the end date (`Slide.getFormattedDate`).
    assert_eq!(
        talks.extra.as_ref().unwrap().display_date.as_deref(),
        Some("late January 2026 – 27 Jan 2026")
    );
    assert!(t.events.iter().all(|e| !e.is_verified()));
    assert_eq!(t.groups(), [("Cosmos".to_string(), 1), ("Antiquity".into(), 1), ("Modern".into(), 2)]);
    let eras: Vec<(String, &str)> =
        t.eras.iter().map(|e| (e.start.to_string(), e.headline.as_str())).collect();
    assert_eq!(
        eras,
        [("13.8 billion years ago".into(), "Before the Earth"), ("1945".into(), "Wars of independence")]
    );
    let title = t.title.as_ref().unwrap();
    assert_eq!(
        (title.headline.as_str(), title.text.as_str()),
        ("From the Big Bang to a press conference", "Every field of TimelineJS 3.")
    );
}

#[test]
fn what_timelinejs_does_silently_is_a_warning_at_its_position() {
    let t = load_ok("silent.json");
    let p = "tests/fixtures/timelinejs/silent.json";
    assert_eq!(
        t.warnings,
        [
            format!("{p}:3:5: warning: an event without a `start_date` is skipped, as TimelineJS skips it"),
            format!("{p}:4:48: warning: the end date is the start date; read as a single date"),
            format!("{p}:6:81: warning: duplicate unique_id `a` (first at 5:5); this one gets a new id"),
            format!("{p}:7:29: warning: year `1969.5` is not an integer; read as 1969, as TimelineJS does"),
            format!(
                "{p}:8:29: warning: year `abc` is not a number; TimelineJS skips the event, and so do we"
            ),
            format!("{p}:9:57: warning: an event with an empty headline; its date stands in for it"),
            format!(
                "{p}:10:35: warning: unknown key `mnth` in the start date, which TimelineJS ignores; did you mean `month`?"
            ),
            format!("{p}:10:77: warning: unknown key `colour` in an event, which TimelineJS ignores"),
            format!("{p}:12:3: warning: unknown key `extra` in a TimelineJS file, which TimelineJS ignores"),
        ]
    );
    let titles: Vec<&str> = t.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["Same end", "First", "Second", "Half a year", "1970", "Typo"]);
    assert_eq!(event(&t, "same-end-1966").end, None);
}

#[test]
fn hard_errors_stay_errors() {
    let p = "tests/fixtures/timelinejs/errors.json";
    assert_eq!(
        problems("errors.json"),
        [
            format!("{p}:3:44: impossible start date: month 13 does not exist; months run from 01 to 12"),
            format!("{p}:4:54: impossible start date: 2025-02-30 does not exist; Feb 2025 has 28 days"),
            format!("{p}:5:48: the end date 1960 is before the start date 1970"),
            format!("{p}:6:5: expected an event to be an object {{\"start_date\": …}}, found a string"),
        ]
    );
    assert_eq!(
        problems("sheet_error.csv"),
        ["tests/fixtures/timelinejs/sheet_error.csv:2:6: month `x` is not a number"]
    );
}

/// A quote that never closes would make every row after it one cell: an error where it opens,
/// not one event in place of many. Quotes that close, doubled quotes and quotes inside a cell
/// are read as before.
#[test]
fn a_sheet_quote_that_never_closes_is_an_error_where_it_opens() {
    let text = "Year,Headline,Text\n1954,\"Oops,text\n1975,Saigon,text\n1986,Doi moi,text\n";
    let input = DataInput { path: "q.csv".into(), text: text.into(), articles: ArticleStore::Builtin };
    let problems: Vec<String> =
        load::load(&input).unwrap_err().problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        ["q.csv:2:6: this quoted cell never closes: the 2 lines after it would all be part of it; close it \
          with `\"` (a quote inside a quoted cell is written twice, `\"\"`)"]
    );
    let said = |text: &str| {
        let input = DataInput { path: "q.csv".into(), text: text.into(), articles: ArticleStore::Builtin };
        load::load(&input).unwrap_err().problems[0].message.clone()
    };
    assert!(
        said("Year,Headline\n1954,\"Oops\n1975,x\n\n").contains(": the line after it would be part of it;")
    );
    assert!(said("Year,Headline\n1954,\"Oops").contains(": it runs to the end of the file;"));
    let fine = "Year,Headline,Text\n1954,Oops \"mid\" cell,text\n1975,\"Sai\"\"gon, \nSouth\",text\n1986,\"\",\"\"\"\"\n";
    let t = load_text("fine.csv", fine.into());
    let titles: Vec<&str> = t.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["Oops \"mid\" cell", "Sai\"gon, South", "1986"]);
}

/// A comma in a cell that is not quoted moves the row's later cells along: the cell pushed past
/// the header's last column is said, where it is, not dropped without a word. Empty cells past
/// the header (trailing commas) are fine.
#[test]
fn a_row_with_more_cells_than_the_header_is_a_warning_at_the_first_unread_cell() {
    let text = "Year,Month,Day,Headline,Text\n1968,1,30,Talks in Hà Nội, Việt Nam,The talks began\n1969,1,1,Fine,ok,,\n\
                1970,1,1,\"He said \"\"hi, there\"\", then left\",body,extra cell\n";
    let t = load_text("comma.csv", text.into());
    assert_eq!(t.events.len(), 3);
    let said = |row: &str, col: usize, cell: &str| {
        format!(
            "comma.csv:{row}:{col}: warning: this row has 6 cells and the header 5 columns, so `{cell}` and \
             what follows it is not read; a cell that holds a comma must be in double quotes (`\"Hà Nội, Việt \
             Nam\"`)"
        )
    };
    // A quote written twice inside a quoted cell does not end it: the cell past the header is
    // found where it is.
    assert_eq!(t.warnings, [said("2", 37, "The talks began"), said("4", 50, "extra cell")]);
}

#[test]
fn old_shapes_are_converted_or_explained() {
    let t = load_ok("legacy_v2.json");
    assert_eq!(
        t.warnings,
        [
            "tests/fixtures/timelinejs/legacy_v2.json:6:13: warning: this is a TimelineJS 2 file (`timeline.date`); \
          converted to TimelineJS 3 as it is read"
        ]
    );
    let e = &t.events[0];
    assert_eq!(
        (e.title.as_str(), e.date_label().as_str()),
        ("Điện Biên Phủ to Geneva", "7 May – 21 Jul 1954")
    );
    assert_eq!(e.group(), Some("War"));
    assert_eq!(e.media().map(|m| m.credit.as_deref()), Some(Some("Archive")));
    // EDTF times are complete: a time to the minute is written with `:00` seconds.
    assert_eq!(t.events[1].date.iso(), "1975-04-30T11:30:00");
    assert_eq!(t.eras[0].headline, "First Indochina War");
    assert_eq!(t.title.as_ref().map(|s| s.headline.as_str()), Some("A TimelineJS 2 file"));
    assert_eq!(load_ok("legacy_slides.json").events[0].title, "A slide");
    assert_eq!(
        problems("legacy_unknown.json"),
        [
            "tests/fixtures/timelinejs/legacy_unknown.json:1:14: this `timeline` object is neither TimelineJS 2 \
          (`timeline.date`) nor 3 (`events` at the top); open it in the TimelineJS 3 editor, or move its slides \
          into a top-level `events` array"
        ]
    );
}

#[test]
fn the_sheet_layout_is_read_by_header_names() {
    let t = load_ok("sheet.csv");
    let p = "tests/fixtures/timelinejs/sheet.csv";
    assert_eq!(
        t.warnings,
        [
            format!("{p}:1:164: warning: unknown column `Colour`, which TimelineJS ignores"),
            format!("{p}:6:1: warning: a row without a Year is skipped, as TimelineJS skips it"),
        ]
    );
    assert_eq!(t.title.as_ref().map(|s| s.headline.as_str()), Some("A sheet of events"));
    assert_eq!(t.eras.len(), 1);
    let drums = event(&t, "bronze-drums-500bce");
    assert_eq!((drums.date_label().as_str(), drums.group()), ("500 BCE", Some("Antiquity")));
    assert_eq!(drums.media().and_then(|m| m.alt.as_deref()), Some("A bronze drum"));
    let talks = event(&t, "talks-in-ha-noi-2026");
    assert_eq!(talks.title, "Talks \"in\" Hà Nội");
    assert_eq!(talks.date.iso(), "2026-01-26T14:30:05");
    assert_eq!(talks.summary, "Line one\nLine two");
}

fn export(t: &Timeline, format: Format) -> String {
    let events: Vec<&Event> = t.events.iter().collect();
    let mut out = Vec::new();
    export::write(&mut out, t, &events, format).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn ics_parses_with_an_independent_parser() {
    let t = load_ok("full.json");
    let ics = export(&t, Format::Ics);
    assert!(ics.lines().all(|l| l.len() <= 75) && ics.contains("\r\n"));
    let unfolded = icalendar::parser::unfold(&ics);
    let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
    let prop = |c: &icalendar::parser::Component, name: &str| {
        c.properties.iter().find(|p| p.name == name).map(|p| p.val.to_string()).unwrap_or_default()
    };
    // The Big Bang and the bronze drums are before year 1: iCalendar cannot hold them.
    let events: Vec<_> = cal.components.iter().filter(|c| c.name == "VEVENT").collect();
    let rows: Vec<(String, String, String, String)> = events
        .iter()
        .map(|c| (prop(c, "DTSTART"), prop(c, "DTEND"), prop(c, "STATUS"), prop(c, "UID")))
        .collect();
    // A time without an end is an instant: no DTEND.
    assert_eq!(
        rows.iter().map(|r| (r.0.as_str(), r.1.as_str(), r.2.as_str())).collect::<Vec<_>>(),
        [("19450902T143005", "", "CONFIRMED"), ("20260126", "20260128", "CONFIRMED")]
    );
    // UIDs are stable and differ between data sets whose events share an id.
    assert!(rows[0].3.starts_with("independence-") && rows[0].3.ends_with("@timeline"), "{}", rows[0].3);
    assert_eq!(
        export(&t, Format::Ics).lines().find(|l| l.starts_with("UID:independence")),
        Some(&*format!("UID:{}", rows[0].3))
    );
    let mut other = t.clone();
    other.title = Some(timeline::model::TitleSlide { headline: "Another set".into(), ..Default::default() });
    assert!(!export(&other, Format::Ics).contains(&rows[0].3));
    assert!(prop(events[0], "DESCRIPTION").contains("Unverified"));
    // The built-in data set: all-day events with exclusive ends, month precision as a span.
    let builtin = load::load_builtin().unwrap();
    let ics = export(&builtin, Format::Ics);
    let unfolded = icalendar::parser::unfold(&ics);
    let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
    let n = cal.components.iter().filter(|c| c.name == "VEVENT").count();
    assert_eq!(n, builtin.events.len());
}

#[test]
fn csv_parses_with_the_csv_crate_and_defuses_formulas() {
    let mut t = load_ok("full.json");
    t.events[0].title = "=HYPERLINK(\"http://evil\")".into();
    let out = export(&t, Format::Csv);
    let body = out.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut rdr = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(&header[..4], ["Year", "Month", "Day", "Time"]);
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[1][col("Headline")], "'=HYPERLINK(&quot;http://evil&quot;)");
    assert_eq!(&rows[2][col("Year")], "-500");
    assert_eq!(&rows[3][col("Time")], "14:30:05.250");
    assert_eq!(rows.iter().filter(|r| &r[col("Type")] == "era").count(), 2);
    assert_eq!(&rows[0][col("Type")], "title");
}

/// The keys and value types TimelineJS 3 reads (TL.Timeline's JSON: events, title, eras, scale).
fn check_tjs_shape(v: &Value) {
    let date = |d: &Value| {
        assert!(d["year"].is_i64(), "{d}");
        for k in ["month", "day", "hour", "minute", "second", "millisecond"] {
            assert!(d.get(k).is_none_or(|x| x.is_u64()), "{k} in {d}");
        }
    };
    let events = v["events"].as_array().expect("events");
    for e in events {
        date(&e["start_date"]);
        if let Some(end) = e.get("end_date") {
            date(end);
        }
        assert!(e["text"]["headline"].is_string() && e["text"]["text"].is_string());
        assert!(e.get("unique_id").is_none_or(Value::is_string));
        assert!(e.get("group").is_none_or(Value::is_string));
        if let Some(m) = e.get("media") {
            assert!(m["url"].is_string());
        }
    }
    for era in v.get("eras").and_then(Value::as_array).into_iter().flatten() {
        date(&era["start_date"]);
        date(&era["end_date"]);
    }
}

#[test]
fn timelinejs_export_has_the_shape_timelinejs_reads() {
    let builtin = load::load_builtin().unwrap();
    let v: Value = serde_json::from_str(&export(&builtin, Format::Timelinejs)).unwrap();
    check_tjs_shape(&v);
    let first = &v["events"][0];
    assert!(first["text"]["text"].as_str().unwrap().contains("<blockquote>"));
    let full: Value = serde_json::from_str(&export(&load_ok("full.json"), Format::Timelinejs)).unwrap();
    check_tjs_shape(&full);
    assert_eq!(full["scale"], "cosmological");
    assert_eq!(full["events"][0]["start_date"]["year"], -13_800_000_000i64);
    assert_eq!(full["events"][1]["start_date"]["year"], -500);
}

#[test]
fn markdown_groups_by_year_with_quotes_and_footnotes() {
    let builtin = load::load_builtin().unwrap();
    let md = export(&builtin, Format::Markdown);
    assert!(md.starts_with("# Chronology\n\n## "));
    // One footnote per source, however many of its quotes are cited.
    let notes = md.lines().filter(|l| l.starts_with("[^")).count();
    let sources: std::collections::HashSet<usize> =
        builtin.events.iter().flat_map(|e| e.citations.iter().map(|c| c.source)).collect();
    let links: std::collections::HashSet<&str> =
        builtin.events.iter().flat_map(|e| e.links().iter().map(|l| l.url.as_str())).collect();
    assert_eq!(notes, sources.len() + links.len());
    assert_eq!(md.lines().filter(|l| l.starts_with("  > — ")).count(), builtin.quote_count());
}

#[test]
fn the_binary_reads_timelinejs_and_exports_to_a_file() {
    let dir = std::env::temp_dir().join(format!("timeline-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("out.json");
    let bin = env!("CARGO_BIN_EXE_timeline");
    let o = Command::new(bin)
        .args(["export", "--format", "native", "--data", &fixture("full.json"), "--group", "modern", "--out"])
        .arg(&out)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let back = load::load(&DataInput {
        path: "out.json".into(),
        text: std::fs::read_to_string(&out).unwrap(),
        articles: ArticleStore::Builtin,
    })
    .unwrap();
    assert_eq!(back.events.len(), 2);
    let check = Command::new(bin)
        .args(["check", "--strict", "--data", &fixture("full.json")])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&check.stdout), "4 events: 0 verified (0 quotes), 4 unverified\n");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_public_cosmological_timeline_loads() {
    let t = load_ok("public/cosmological.json");
    let p = "tests/fixtures/timelinejs/public/cosmological.json";
    assert_eq!(
        t.warnings,
        [
            format!("{p}:112:27: warning: TimelineJS has no year 0 (−1 is 1 BCE); read as 1 BCE"),
            format!(
                "{p}:120:17: warning: unknown key `display_text` in the start date, which TimelineJS ignores; \
                 did you mean `display_date`?"
            ),
        ]
    );
    let dates: Vec<String> = t.events.iter().map(Event::date_label).collect();
    assert_eq!(
        dates,
        [
            "13.8 billion years ago",
            "13.8 billion years ago",
            "13.8 billion years ago",
            "13.6 billion years ago – 12.8 billion years ago",
            "4.8 billion years ago",
            "1 BCE"
        ]
    );
    assert_eq!(t.events[0].media().and_then(|m| m.credit.as_deref()), Some("Kaldari (Wikipedia)"));
}

#[test]
fn group_and_verified_field_queries_equal_the_flags() {
    let run = |args: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_timeline"))
            .args(["list", "--data", "tests/fixtures/timelinejs/full.json"])
            .args(args)
            .output()
            .expect("run timeline list");
        String::from_utf8(o.stdout).expect("UTF-8")
    };
    let modern = run(&["--group", "Modern"]);
    assert_eq!(modern.lines().count(), 2, "{modern}");
    assert_eq!(run(&["--search", "group:modern"]), modern, "case-insensitive, as the flag");
    assert_eq!(run(&["--search", "!group:modern"]).lines().count() + 2, run(&[]).lines().count());
    let unverified = run(&["--verified", "no"]);
    assert!(!unverified.is_empty());
    assert_eq!(run(&["--search", "verified:no"]), unverified);
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_timeline"))
        .args(["list", "--data", "tests/fixtures/timelinejs/full.json", "--search", "group:nope"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown group `nope`; groups are Cosmos"));
}

fn load_text(path: &str, text: String) -> Timeline {
    load_str(path, &text).unwrap_or_else(|p| panic!("{p:?}"))
}

#[test]
fn timelinejs_and_csv_keep_what_timelinejs_files_carry() {
    let doc = serde_json::json!({
        "title": {
            "text": { "headline": "A set" },
            "media": { "url": "https://example.org/t.jpg", "caption": "T", "credit": "C" },
            "background": { "color": "#102030" }
        },
        "events": [{
            "start_date": { "year": 1985, "month": 4, "day": 12, "hour": 23, "minute": 20, "second": 30,
                            "edtf": "1985-04-12T23:20:30+04:30" },
            "text": { "headline": "Talks" },
            "autolink": false,
            "media": { "url": "https://example.org/m.jpg", "link": "https://example.org", "link_target": "_blank" },
            "background": { "color": "#aabbcc", "url": "https://example.org/bg.jpg" },
            "status": "planned",
            "kind": "talks",
            "unique_id": "talks"
        }]
    });
    let first = load_text("a.json", doc.to_string());
    assert!(first.warnings.is_empty(), "{:?}", first.warnings);
    let tjs = load_text("b.json", export(&first, Format::Timelinejs));
    assert!(tjs.warnings.is_empty(), "{:?}", tjs.warnings);
    let e = &tjs.events[0];
    assert_eq!(e.date.iso(), "1985-04-12T23:20:30+04:30");
    assert_eq!((e.status, e.kind), (timeline::model::Status::Planned, timeline::model::Kind::Talks));
    let x = e.extra.as_deref().unwrap();
    assert_eq!(x.autolink, Some(false));
    assert_eq!(x.media.as_ref().and_then(|m| m.link_target.as_deref()), Some("_blank"));
    assert_eq!(
        (x.background.as_deref(), x.background_url.as_deref()),
        (Some("#aabbcc"), Some("https://example.org/bg.jpg"))
    );
    assert_eq!(x.group, None, "the kind's label written as a group for TimelineJS is not a group");
    let title = tjs.title.as_ref().unwrap();
    assert_eq!(title.background.as_deref(), Some("#102030"));
    assert_eq!(title.media.as_ref().map(|m| m.url.as_str()), Some("https://example.org/t.jpg"));
    // The sheet keeps the title's media and background, and the status, kind and offset.
    let sheet = load_text("c.csv", export(&first, Format::Csv));
    assert!(sheet.warnings.is_empty(), "{:?}", sheet.warnings);
    let s = &sheet.events[0];
    assert_eq!((s.date.iso(), s.status, s.kind), (e.date.iso(), e.status, e.kind));
    let st = sheet.title.as_ref().unwrap();
    assert_eq!(
        (st.media.as_ref().map(|m| m.credit.as_deref()), st.background.as_deref()),
        (Some(Some("C")), Some("#102030"))
    );
}

/// Hostile white space in titles and summaries, written by us to TimelineJS and to the sheet,
/// comes back byte for byte; the same white space in HTML written by hand reads as it renders.
#[test]
fn our_exports_keep_every_space_and_hand_written_html_reads_as_it_renders() {
    let texts = [
        " lead",
        "trail ",
        "two  spaces",
        "tab\there",
        "line\nbreak",
        "crlf\r\nend",
        "nbsp\u{a0}here",
        "zwsp\u{200b}here",
        "\u{a0}",
        "esc\u{1b}[41m & <b>not bold</b>",
    ];
    let events: Vec<Value> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            serde_json::json!({ "id": format!("e{i}"), "date": format!("{}", 1950 + i), "status": "held",
                "kind": "other", "title": format!("T{t}"), "summary": t })
        })
        .collect();
    let native = serde_json::json!({ "countries": [], "sources": [], "events": events });
    let first = load_text("a.json", native.to_string());
    let words =
        |t: &Timeline| t.events.iter().map(|e| (e.title.clone(), e.summary.clone())).collect::<Vec<_>>();
    for (format, path) in [(Format::Timelinejs, "b.json"), (Format::Csv, "b.csv")] {
        let back = load_text(path, export(&first, format));
        assert!(back.warnings.is_empty(), "{format:?}: {:?}", back.warnings);
        assert_eq!(words(&back), words(&first), "{format:?}");
    }
    let by_hand = serde_json::json!({ "events": [{ "start_date": { "year": 1966 },
        "text": { "headline": "  Two\tspaces  <br> here ", "text": "<p> a  b\n c </p>" } }] });
    let t = load_text("c.json", by_hand.to_string());
    assert_eq!((t.events[0].title.as_str(), t.events[0].summary.as_str()), ("Two spaces here", "a b c"));
}

/// The events of a TimelineJS file are read one at a time; messages are still listed as when
/// the file was read whole: the title's before the events', wherever the title is.
#[test]
fn a_title_after_the_events_is_still_reported_first() {
    let text =
        "{\"events\": [{\"start_date\": {\"year\": 1966, \"month\": 13}}],\n \"title\": {\"text\": 5}}";
    let e =
        load::load(&DataInput { path: "t.json".into(), text: text.into(), articles: ArticleStore::Builtin })
            .unwrap_err();
    let got: Vec<String> = e.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        got,
        [
            "t.json:2:20: expected `text` to be an object {\"headline\", \"text\"}, found a number",
            "t.json:1:52: impossible start date: month 13 does not exist; months run from 01 to 12",
        ]
    );
    // A second `events` is ignored, as TimelineJS ignores it.
    let text = r#"{"events": [{"start_date": {"year": 1966}}], "events": [{"start_date": {"year": 1967}}]}"#;
    assert_eq!(load_text("u.json", text.into()).events.len(), 1);
}

/// What the sheet has no column for (a media title and link, `autolink`) is in its note, not
/// dropped without a word.
#[test]
fn the_sheet_says_what_it_has_no_column_for() {
    let t = load_ok("full.json");
    let events: Vec<&Event> = t.events.iter().collect();
    let notes = export::write(&mut Vec::new(), &t, &events, Format::Csv).unwrap();
    assert_eq!(
        notes,
        ["csv: 1 event's media titles and links left out (the sheet has no column for them); \
          1 event's autolink settings and background images beside a colour left out"]
    );
}

/// A summary of several lines stays in its Markdown list item (its later lines indented), and an
/// iCalendar description has no blank lines before its first paragraph.
#[test]
fn markdown_keeps_a_long_summary_in_its_item_and_ics_starts_with_text() {
    let t = load_ok("sheet.csv");
    let md = export(&t, Format::Markdown);
    assert!(md.contains("*(unverified)* Line one\n  Line two\n"), "{md}");
    let empty = load_text("e.csv", "Year,Headline\n2020,No summary\n".into());
    let ics = export(&empty, Format::Ics);
    assert!(ics.contains("DESCRIPTION:Unverified: no quote checks this event."), "{ics}");
    assert!(!export(&t, Format::Ics).contains("DESCRIPTION:\\n"));
}

/// A group typed composed (NFC) on one slide and decomposed (NFD) on another is one group.
#[test]
fn a_group_typed_composed_and_decomposed_is_one_group() {
    let doc = serde_json::json!({"events": [
        {"start_date": {"year": 1968}, "text": {"headline": "A"}, "group": "Chiến tranh"},
        {"start_date": {"year": 1969}, "text": {"headline": "B"}, "group": "Chie\u{302}\u{301}n tranh"},
    ]});
    let t = load_text("g.json", doc.to_string());
    assert_eq!(t.groups(), [("Chiến tranh".to_string(), 2)]);
}

/// A `unique_id` that is not a slug is written as one by the exports our reader takes back, and
/// counted in their note; an id that already is a slug keeps it.
#[test]
fn ids_that_are_not_slugs_are_written_as_slugs_and_counted() {
    let doc = serde_json::json!({"events": [
        {"start_date": {"year": 1968}, "text": {"headline": "A"}, "unique_id": "Tết 1968"},
        {"start_date": {"year": 1969}, "text": {"headline": "B"}, "unique_id": "tet-1968"},
        {"start_date": {"year": 1970}, "text": {"headline": "C"}, "unique_id": "slide_2"},
    ]});
    let t = load_text("ids.json", doc.to_string());
    let events: Vec<&Event> = t.events.iter().collect();
    for (format, path) in [(Format::Jsonl, "ids.jsonl"), (Format::Native, "ids.native.json")] {
        let mut out = Vec::new();
        let notes = export::write(&mut out, &t, &events, format).unwrap();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].ends_with(": 2 events' ids written as slugs (a-z, 0-9 and -), as our format's ids are")
        );
        let back = load_text(path, String::from_utf8(out).unwrap());
        let ids: Vec<&str> = back.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["tet-1968-2", "tet-1968", "slide-2"], "{format:?}");
    }
}

/// A group that is its kind's label is read back from TimelineJS as no group (the export writes
/// the label as the group of an event without one): the note says so.
#[test]
fn a_group_that_repeats_the_kinds_label_is_in_the_note() {
    let line = |id: &str, group: &str| crate::support::jsonl_event(id, "2001", "talks", group);
    let t = load_text("g.jsonl", [line("a", r#","group":"Talks""#), line("b", "")].join("\n"));
    let events: Vec<&Event> = t.events.iter().collect();
    for format in [Format::Timelinejs, Format::Csv] {
        let notes = export::write(&mut Vec::new(), &t, &events, format).unwrap();
        assert!(
            notes[0].contains("1 event's groups that repeat their kind's label, read back as no group"),
            "{notes:?}"
        );
    }
}

use crate::support::load_str;

/// An `edtf` beside the numbers must share a moment with them: `2001~` next to the year 2000
/// (whose end is the moment 2001 starts) is not read, with a warning, in JSON and in a sheet.
#[test]
fn an_edtf_of_the_next_year_disagrees_with_the_numbers() {
    let json = r#"{"events":[{"start_date":{"year":2000,"edtf":"2001~"},"end_date":{"year":2006,"edtf":"2007?"},"text":{"headline":"x"}}]}"#;
    let t = load_str("a.json", json).unwrap();
    assert_eq!(t.events[0].edtf(), "2000/2006");
    assert_eq!(
        t.warnings,
        [
            "a.json:1:46: warning: `edtf` `2001~` does not agree with the year, month and day; the numbers are used",
            "a.json:1:86: warning: `edtf` `2007?` does not agree with the year, month and day; the numbers are used",
        ]
    );
    let t = load_str("a.csv", "Year,Month,Day,Headline,EDTF\n2004,,,c,2005~\n2004,,,d,2004~\n").unwrap();
    let dates: Vec<String> = t.events.iter().map(|e| e.edtf()).collect();
    assert_eq!(dates, ["2004", "2004~"]);
    assert_eq!(
        t.warnings,
        [
            "a.csv:2:10: warning: `edtf` `2005~` does not agree with the year, month and day; the numbers are used"
        ]
    );
}

/// An end date without a year keeps the event, with its start only, and the warning says so:
/// in JSON, and in a sheet whose End Month, Day, Time or EDTF has no End Year.
#[test]
fn an_end_date_without_a_year_is_not_read_and_says_so() {
    let json = r#"{"events":[{"start_date":{"year":2004},"end_date":{"month":5},"text":{"headline":"e"}}]}"#;
    let t = load_str("b.json", json).unwrap();
    assert_eq!((t.events.len(), t.events[0].end), (1, None));
    assert_eq!(
        t.warnings,
        [
            "b.json:1:51: warning: the end date has no year; it is not read, and the event has only its start date"
        ]
    );
    let sheet =
        "Year,End Year,Headline,End EDTF,End Time,End Month\n2004,,d,2005~,,\n2004,,g,,11:00,\n2004,,h,,,5\n";
    let t = load_str("g.csv", sheet).unwrap();
    assert!(t.events.iter().all(|e| e.end.is_none()));
    let at = |cell: &str| {
        format!(
            "g.csv:{cell}: warning: an end date without an End Year is not read; the event has only its start date"
        )
    };
    assert_eq!(t.warnings, [at("2:9"), at("3:10"), at("4:11")]);
}

/// The dates' own `display_date`s are what TimelineJS shows when the slide has none: the start's
/// and the end's after a dash. Under the slide's own, they are not shown, with a warning.
#[test]
fn the_display_dates_of_the_date_objects_are_kept() {
    let json = r#"{"events":[
{"start_date":{"year":1966,"display_date":"Spring '66"},"end_date":{"year":1967,"display_date":"early '67"},"text":{"headline":"a"}},
{"start_date":{"year":1970,"display_date":"inner"},"display_date":"outer","text":{"headline":"b"}},
{"start_date":{"year":1980},"end_date":{"year":1981,"display_date":"later"},"text":{"headline":"c"}},
{"start_date":{"year":1990,"display_date":"the nineties"},"end_date":{"year":1999},"text":{"headline":"d"}},
{"start_date":{"year":2000,"display_date":"Y2K"},"text":{"headline":"e"}}
]}"#;
    let t = load_str("c.json", json).unwrap();
    let shown: Vec<Option<&str>> =
        t.events.iter().map(|e| e.extra.as_ref().and_then(|x| x.display_date.as_deref())).collect();
    assert_eq!(
        shown,
        [
            Some("Spring '66 – early '67"),
            Some("outer"),
            Some("1980 – later"),
            Some("the nineties – 1999"),
            Some("Y2K")
        ]
    );
    assert_eq!(
        t.warnings,
        [
            "c.json:3:43: warning: a `display_date` of a date under the event's own is not shown, as TimelineJS does not show it"
        ]
    );
}

/// A month that does not exist is reported at the month, also when a day follows; a time on
/// the 12-hour clock past 12 is not a time; a sheet row without a Year says so in the sheet's
/// words.
#[test]
fn date_problems_point_at_their_own_cell() {
    let json = r#"{"events":[{"start_date":{"year":2000,"month":13,"day":1},"text":{"headline":"x"}}]}"#;
    let p = load_str("m.json", json).unwrap_err();
    assert_eq!(p, ["m.json:1:47: impossible start date: month 13 does not exist; months run from 01 to 12"]);
    let p =
        load_str("m.csv", "Year,Month,Day,Time,Headline\n2000,13,1,,z\n2001,1,7,13:00 PM,x\n").unwrap_err();
    assert_eq!(
        p,
        // The problems of reading the rows come first, as for every sheet.
        [
            "m.csv:3:10: time `13:00 PM` is not hh:mm, hh:mm:ss, hh:mm:ss.sss or hhmm, with or without AM or PM",
            "m.csv:2:6: impossible start date: month 13 does not exist; months run from 01 to 12",
        ]
    );
    let t = load_str("y.csv", "Year,Headline\n,y\n2000,z\n").unwrap();
    assert_eq!(t.warnings, ["y.csv:2:1: warning: a row without a Year is skipped, as TimelineJS skips it"]);
}

/// Notes of the formats that carry least: each names what it drops of a TimelineJS file (groups,
/// display dates, the title slide's text and media, milliseconds), and only that: iCalendar writes
/// groups as categories, Markdown the title slide's headline.
#[test]
fn markdown_and_ics_notes_name_groups_display_dates_the_title_slide_and_milliseconds() {
    let doc = serde_json::json!({
        "title": {"text": {"headline": "Set", "text": "Intro"}, "media": {"url": "https://example.org/x.png"}},
        "eras": [{"start_date": {"year": 1990}, "end_date": {"year": 1999}, "text": {"headline": "Era"}}],
        "events": [
            {"start_date": {"year": 2004, "month": 6, "day": 11, "hour": 12, "minute": 0, "second": 0,
                            "millisecond": 123},
             "text": {"headline": "Noon"}, "group": "G", "display_date": "around noon"},
            {"start_date": {"year": 2005}, "text": {"headline": "Plain"},
             "media": {"url": "https://example.org/y.png"}}
        ]
    });
    let t = load_text("g.json", doc.to_string());
    let events: Vec<&Event> = t.events.iter().collect();
    let note = |f| export::write(&mut Vec::new(), &t, &events, f).unwrap();
    assert_eq!(
        note(Format::Markdown),
        ["markdown: 1 event's countries, places, people or media left out; 1 event's groups left out; \
          1 event's display dates left out; the title slide's text and media left out; 1 era left out"]
    );
    assert_eq!(
        note(Format::Ics),
        ["ics: 1 event's media left out; 1 event's display dates left out; \
          1 event's milliseconds left out (iCalendar counts whole seconds); \
          the title slide's headline, text and media left out; 1 era left out"]
    );
    assert!(export(&t, Format::Ics).contains("DTSTART:20040611T120000\r\n"));
}

/// Past five, the ids of events iCalendar cannot hold are counted, not left unsaid; and one
/// event with a script URL is `1 event`.
#[test]
fn ics_counts_the_ids_it_does_not_name_and_notes_say_one_event() {
    let slides: Vec<serde_json::Value> = (0..6)
        .map(|i| serde_json::json!({"start_date": {"year": -100 - i}, "text": {"headline": format!("Old {i}")}}))
        .chain([serde_json::json!({"start_date": {"year": 2000}, "text": {"headline": "Now"},
                                   "media": {"url": "javascript:alert(1)"}})])
        .collect();
    let t = load_text("old.json", serde_json::json!({ "events": slides }).to_string());
    let events: Vec<&Event> = t.events.iter().collect();
    let notes = export::write(&mut Vec::new(), &t, &events, Format::Ics).unwrap();
    let [note] = notes.as_slice() else { panic!("{notes:?}") };
    assert!(note.starts_with("ics: 6 events left out, as iCalendar holds years 1 to 9999 only ("), "{note}");
    assert!(note.contains(" and 1 more)"), "{note}");
    assert!(note.ends_with("of 1 event"), "{note}");
}
