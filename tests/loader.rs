//! The loader, through the library: the fixtures in `tests/fixtures/` (one rejection each, plus
//! valid data sets) and the built-in data set.
//!
//! Paths are relative: cargo runs integration tests from the package root, so messages read
//! `tests/fixtures/<name>.json:line:col: …`. Every expected position was counted by hand in the
//! fixture (columns in characters, 1-based); `tests/fixtures/README.md` lists them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use timeline::load::articles::to_nfc;
use timeline::load::{DataInput, LoadError, load, load_builtin};
use timeline::model::{EntityKind, PartialDate, Status, Timeline};

const FIXTURES: &str = "tests/fixtures";
const SEEDS: &str = "tests/fixtures/seeds";
const SEEDS_BAD: &str = "tests/fixtures/seeds_bad";

fn load_with(name: &str, articles: &str) -> Result<Timeline, LoadError> {
    let path = Path::new(FIXTURES).join(name);
    assert!(path.is_file(), "{} is missing; run the tests from the package root", path.display());
    load(&DataInput::from_file(&path, Some(PathBuf::from(articles)))?)
}

fn load_ok(name: &str) -> Timeline {
    load_with(name, SEEDS).unwrap_or_else(|e| panic!("{name} should load, but:\n{e}"))
}

/// Every problem of a fixture that must not load, as `path:line:col: message`.
fn problems_with(name: &str, articles: &str) -> Vec<String> {
    match load_with(name, articles) {
        Ok(t) => panic!("{name} loaded ({} events) but should have been rejected", t.events.len()),
        Err(e) => {
            // The error's own text is the same problems, one per line.
            let lines: Vec<String> = e.to_string().lines().map(str::to_string).collect();
            let each: Vec<String> = e.problems.iter().map(ToString::to_string).collect();
            assert_eq!(lines, each, "{name}: LoadError should print one problem per line");
            each
        }
    }
}

fn problems(name: &str) -> Vec<String> {
    problems_with(name, SEEDS)
}

fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(Path::new(FIXTURES).join(name)).unwrap()
}

fn ids(t: &Timeline) -> Vec<&str> {
    t.events.iter().map(|e| e.id.as_str()).collect()
}

/// Every citation's quote is exactly the text at its span.
fn assert_spans(t: &Timeline) {
    for e in &t.events {
        for c in &e.citations {
            let text = &t.sources[c.source].text;
            assert_eq!(&text[c.span.clone()], c.quote, "{}: quote at {:?}", e.id, c.span);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Valid data sets

#[test]
fn valid_fixture_loads_sorted_with_quote_spans() {
    let t = load_ok("valid.json");
    // File order is 2026-02, 2025-05-07, 2026-01: the loader sorts by earliest moment.
    assert_eq!(ids(&t), ["baku-talks-2025", "fourteenth-congress-2026", "to-lam-visits-laos-2026"]);
    let dates: Vec<String> = t.events.iter().map(|e| e.date.iso()).collect();
    assert_eq!(dates, ["2025-05-07", "2026-01", "2026-02"]);
    assert_eq!(t.events[2].status, Status::Planned);
    assert_eq!(t.events[2].kind.as_str(), "visit");
    assert_eq!(t.country_codes(&t.events[2]), ["LA"]);
    assert_eq!(t.events[2].title_vi(), Some("Tổng Bí thư Tô Lâm thăm Lào sau Đại hội XIV"));
    assert_eq!(t.name_list(&t.events[0], EntityKind::Place), ["Baku"]);
    assert_eq!(t.quote_count(), 4);

    let files: Vec<&str> = t.sources.iter().map(|s| s.file.as_str()).collect();
    assert_eq!(files, ["vi_to_lam.txt", "en_baku.txt"]);
    assert_eq!(t.sources[0].published.to_string(), "2026-01-30");
    assert_eq!(t.sources[0].headline.as_deref(), Some("Tổng Bí thư Tô Lâm thăm Lào sau Đại hội XIV"));
    assert_eq!(t.sources[1].headline, None);
    assert_eq!(t.sources[0].text, std::fs::read_to_string("tests/fixtures/seeds/vi_to_lam.txt").unwrap());

    assert_spans(&t);
    let visit = &t.events[2].citations[0];
    let article = &t.sources[visit.source].text;
    assert_eq!(visit.span.start, article.find("Tổng Bí thư Tô Lâm sẽ thăm").unwrap());
    assert_eq!(visit.quote, "Tổng Bí thư Tô Lâm sẽ thăm cấp Nhà nước tới Lào trong tuần tới");
}

#[test]
fn nfd_article_is_matched_by_nfc_quotes() {
    let on_disk = std::fs::read_to_string("tests/fixtures/seeds/vi_to_lam_nfd.txt").unwrap();
    let nfc = std::fs::read_to_string("tests/fixtures/seeds/vi_to_lam.txt").unwrap();
    // The fixture really is decomposed: "ô" is "o" + U+0302, and no composed "ô" is left.
    assert_ne!(on_disk, nfc);
    assert!(on_disk.contains("To\u{302} La\u{302}m") && !on_disk.contains('ô'));
    assert!(fixture_text("valid_nfd.json").contains("Tô Lâm"));

    let t = load_ok("valid_nfd.json");
    assert_eq!(ids(&t), ["to-lam-visits-laos-2026"]);
    // The article is kept in NFC, so it equals the composed copy.
    assert_eq!(t.sources[0].text, nfc);
    assert_eq!(t.sources[0].headline.as_deref(), Some("Tổng Bí thư Tô Lâm thăm Lào sau Đại hội XIV"));
    assert_eq!(t.events[0].title_vi(), Some("Tổng Bí thư Tô Lâm thăm Lào sau Đại hội XIV"));
    assert_eq!(t.quote_count(), 2);
    assert_spans(&t);
    assert_eq!(
        t.events[0].citations[1].quote,
        "chuyến công tác nước ngoài đầu tiên của Tổng Bí thư sau Đại hội XIV"
    );
}

#[test]
fn byte_order_mark_is_accepted() {
    let raw = std::fs::read("tests/fixtures/bom.json").unwrap();
    assert_eq!(&raw[..3], b"\xEF\xBB\xBF");
    let with_bom = load_ok("bom.json");
    let without = load_ok("valid.json");
    assert_eq!(ids(&with_bom), ids(&without));
    let spans = |t: &Timeline| -> Vec<(String, std::ops::Range<usize>)> {
        t.events.iter().flat_map(|e| &e.citations).map(|c| (c.quote.to_string(), c.span.clone())).collect()
    };
    assert_eq!(spans(&with_bom), spans(&without));
}

#[test]
fn seeds_default_to_the_data_files_directory() {
    // Without a seeds directory, articles are looked for next to the data file.
    let input = DataInput::from_file(Path::new("tests/fixtures/valid.json"), None).unwrap();
    let e = load(&input).unwrap_err();
    assert_eq!(
        e.problems[0].to_string(),
        "tests/fixtures/valid.json:8:15: source file `vi_to_lam.txt` does not exist \
         (looked for tests/fixtures/vi_to_lam.txt); check the name, or pass --articles DIR"
    );
}

#[test]
fn unreadable_data_file_is_one_problem_at_1_1() {
    let e = DataInput::from_file(Path::new("tests/fixtures/no-such-file.json"), None).unwrap_err();
    assert_eq!(e.problems.len(), 1);
    let p = &e.problems[0];
    assert_eq!((p.file.as_str(), p.line, p.col), ("tests/fixtures/no-such-file.json", 1, 1));
    assert!(p.message.starts_with("cannot read the data file: "), "{}", p.message);
}

// ---------------------------------------------------------------------------------------------
// One rejection per fixture

#[test]
fn syntax_error_column_counts_characters_not_bytes() {
    assert_eq!(
        problems("syntax_error.json"),
        ["tests/fixtures/syntax_error.json:22:27: JSON syntax error: expected `,` or `]` after an array \
          item, found `\"`; is a comma missing?"]
    );
    // Line 22 is `      "people": ["Tô Lâm" "Thongloun Sisoulith"],`: "ô" and "â" take two
    // bytes each, so the byte column of the second `"` is 29, not 27.
    let text = fixture_text("syntax_error.json");
    let line = text.lines().nth(21).unwrap();
    let at = line.find("\"Thongloun").unwrap();
    assert_eq!((line[..at].chars().count() + 1, at + 1), (27, 29));
}

#[test]
fn unknown_field_suggests_the_known_one() {
    // `tittle` replaces `title`, so the event also lacks `title`, reported at the event's `{`.
    // Problems come in file order.
    assert_eq!(
        problems("unknown_field.json"),
        [
            "tests/fixtures/unknown_field.json:16:5: an event is missing the required field `title`",
            "tests/fixtures/unknown_field.json:23:7: unknown field `tittle` in an event; did you mean `title`?",
        ]
    );
}

#[test]
fn missing_required_field_is_reported_at_its_object() {
    assert_eq!(
        problems("missing_field.json"),
        ["tests/fixtures/missing_field.json:16:5: an event is missing the required field `summary`"]
    );
}

#[test]
fn impossible_day_is_rejected() {
    assert_eq!(
        problems("date_feb30.json"),
        [
            "tests/fixtures/date_feb30.json:18:15: impossible date: 2025-02-30 does not exist; Feb 2025 has 28 days"
        ]
    );
}

#[test]
fn month_13_is_rejected() {
    assert_eq!(
        problems("date_month13.json"),
        [
            "tests/fixtures/date_month13.json:18:15: impossible date: month 13 does not exist; months run from 01 to 12"
        ]
    );
}

#[test]
fn end_before_start_is_rejected() {
    assert_eq!(
        problems("end_before_start.json"),
        ["tests/fixtures/end_before_start.json:19:14: end date 2026-02-03 is before the start date \
          2026-02-05; swap them or fix the end"]
    );
}

#[test]
fn unknown_country_code_is_rejected() {
    assert_eq!(
        problems("unknown_country.json"),
        ["tests/fixtures/unknown_country.json:21:21: unknown country code `XX`; use an ISO 3166-1 \
          alpha-2 code listed in `countries`"]
    );
}

#[test]
fn lower_case_country_code_is_rejected() {
    // In the `countries` list the message says to write `LA`; the event's `la` is then unknown.
    assert_eq!(
        problems("lowercase_country.json"),
        [
            "tests/fixtures/lowercase_country.json:3:15: unknown country code `la`; codes are upper case: write `LA`",
            "tests/fixtures/lowercase_country.json:21:21: unknown country code `la`; use an ISO 3166-1 \
             alpha-2 code listed in `countries`",
        ]
    );
}

#[test]
fn duplicate_id_points_at_the_first_use() {
    assert_eq!(
        problems("duplicate_id.json"),
        ["tests/fixtures/duplicate_id.json:30:13: duplicate id `to-lam-visits-laos-2026` (first used at \
          17:13); ids must be unique"]
    );
}

#[test]
fn missing_source_file_is_rejected() {
    let p = problems("missing_source_file.json");
    assert_eq!(
        p[0],
        "tests/fixtures/missing_source_file.json:7:15: source file `vi_missing.txt` does not exist \
         (looked for tests/fixtures/seeds/vi_missing.txt); check the name, or pass --articles DIR"
    );
    // Reported once: the citations of that source do not repeat it.
    assert_eq!(p.len(), 1, "{p:#?}");
}

#[test]
fn source_that_is_not_utf8_is_reported_in_the_article() {
    // The article's third line switches to Latin-1: "Ngày 30/1/2026, Tổng Bí thư T" is 29 chars
    // (34 bytes), then 0xF4 at byte 71 of the file.
    let p = problems_with("not_utf8_source.json", SEEDS_BAD);
    assert_eq!(
        p[0],
        "tests/fixtures/seeds_bad/vi_latin1.txt:3:30: not valid UTF-8 (bad byte at offset 71); save the \
         article as UTF-8"
    );
    assert_eq!(p.len(), 1, "{p:#?}");
    let raw = std::fs::read("tests/fixtures/seeds_bad/vi_latin1.txt").unwrap();
    assert_eq!(raw[71], 0xF4);
    assert_eq!(std::str::from_utf8(&raw).unwrap_err().valid_up_to(), 71);
}

#[test]
fn quote_not_in_its_source_is_rejected() {
    assert_eq!(
        problems("quote_not_found.json"),
        [
            "tests/fixtures/quote_not_found.json:26:45: quote not found in tests/fixtures/seeds/vi_to_lam.txt: \
          copy the words exactly, with their accents and punctuation"
        ]
    );
}

#[test]
fn quote_missing_an_accent_points_where_it_diverges() {
    // The quote writes "Đai" for "Đại". Line 5 of the article has "…Tổng Bí thư sau Đ" in its
    // first 128 chars, so the two part at 5:129.
    assert_eq!(
        problems("quote_missing_accent.json"),
        ["tests/fixtures/quote_missing_accent.json:26:45: quote not found in \
          tests/fixtures/seeds/vi_to_lam.txt: it matches up to tests/fixtures/seeds/vi_to_lam.txt:5:129, \
          where the article has \"ại hội XIV c\" but the quote has \"ai hội XIV\""]
    );
    let article = std::fs::read_to_string("tests/fixtures/seeds/vi_to_lam.txt").unwrap();
    let line5 = article.lines().nth(4).unwrap();
    let at = line5.find("sau Đ").unwrap() + "sau Đ".len();
    assert_eq!(line5[..at].chars().count() + 1, 129);
    assert!(line5[at..].starts_with("ại hội XIV"));
}

#[test]
fn several_problems_are_all_reported_in_file_order() {
    let p = problems("multi_problems.json");
    assert_eq!(
        p,
        [
            "tests/fixtures/multi_problems.json:4:15: unknown country code `XX`; use an ISO 3166-1 alpha-2 \
             code such as `LA` or `AZ`",
            "tests/fixtures/multi_problems.json:13:33: evidence not found in tests/fixtures/seeds/vi_to_lam.txt: \
             copy the words exactly, with their accents and punctuation",
            "tests/fixtures/multi_problems.json:21:15: unknown kind `vist`; did you mean `visit`? kinds are \
             visit, talks, meeting, reception, message, anniversary, relations, agreement, congress, seminar, \
             statement, multilateral, other",
            "tests/fixtures/multi_problems.json:31:15: impossible date: 2025-02-30 does not exist; Feb 2025 has \
             28 days",
            "tests/fixtures/multi_problems.json:42:13: duplicate id `to-lam-visits-laos-2026` (first used at \
             18:13); ids must be unique",
            "tests/fixtures/multi_problems.json:62:45: quote not found in tests/fixtures/seeds/vi_to_lam.txt: \
             it matches up to tests/fixtures/seeds/vi_to_lam.txt:5:28, where the article has \"cấp Nhà nước\" \
             but the quote has \"Nhật Bản\"",
        ]
    );
    // In file order, by (line, col).
    let e = load_with("multi_problems.json", SEEDS).unwrap_err();
    let at: Vec<(usize, usize)> = e.problems.iter().map(|p| (p.line, p.col)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
}

// ---------------------------------------------------------------------------------------------
// Bugs fixed once, kept fixed

#[test]
fn unreadable_source_is_reported_once() {
    // An unreadable article is reported where it is listed (7:15), and its citation (26:19) does
    // not add "`vi_missing.txt` is not one of the data set's `sources`", since it is listed.
    assert_eq!(problems("missing_source_file.json").len(), 1);
    assert_eq!(problems_with("not_utf8_source.json", SEEDS_BAD).len(), 1);
}

#[test]
fn hint_position_is_in_the_file_as_saved() {
    // In the NFD file "…Tổng Bí thư sau Đ" is the first 167 code points of line 5 (each accent is
    // its own code point), so they part at 5:168, not at 5:129, the column in the NFC text.
    let p = problems("nfd_quote_missing_accent.json");
    assert_eq!(p.len(), 1);
    assert!(p[0].contains("it matches up to tests/fixtures/seeds/vi_to_lam_nfd.txt:5:168,"), "{}", p[0]);
}

// ---------------------------------------------------------------------------------------------
// The built-in data set

#[test]
fn builtin_quotes_are_found_at_their_spans() {
    let t = load_builtin().unwrap();
    assert_eq!(t.sources.len(), 5);
    assert_spans(&t);
    // Independently of the loader: the raw JSON quotes, in NFC, are the citations' quotes, and
    // each source text is its file in `seeds/`, in NFC.
    let raw: serde_json::Value = serde_json::from_str(timeline::load::BUILTIN_DATA).unwrap();
    let raw_events = raw["events"].as_array().unwrap();
    assert_eq!(raw_events.len(), t.events.len());
    let mut n = 0;
    for re in raw_events {
        let id = re["id"].as_str().unwrap();
        let e = t.event_by_id(id).unwrap_or_else(|| panic!("{id} not loaded"));
        let quotes = re["sources"].as_array().unwrap();
        assert_eq!(quotes.len(), e.citations.len(), "{id}");
        for (q, c) in quotes.iter().zip(&e.citations) {
            assert_eq!(t.sources[c.source].file, q["file"].as_str().unwrap(), "{id}");
            assert_eq!(c.quote, to_nfc(q["quote"].as_str().unwrap()), "{id}");
            n += 1;
        }
    }
    assert_eq!(n, t.quote_count());
    for s in &t.sources {
        let on_disk = std::fs::read_to_string(Path::new("seeds").join(&s.file)).unwrap();
        assert_eq!(s.text, to_nfc(on_disk.strip_prefix('\u{feff}').unwrap_or(&on_disk)), "{}", s.file);
    }
}

#[test]
fn builtin_timeline_is_sorted_by_date_then_id() {
    let t = load_builtin().unwrap();
    for w in t.events.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        assert!(
            a.date.cmp_period(&b.date).then(a.id.cmp(&b.id)).is_lt(),
            "{} {} then {} {}",
            a.date.iso(),
            a.id,
            b.date.iso(),
            b.id
        );
    }
    // The same order as sorting the raw dates independently.
    let mut sorted: Vec<(PartialDate, String)> =
        t.events.iter().map(|e| (PartialDate::parse(&e.date.iso()).unwrap(), e.id.to_string())).collect();
    sorted.sort_by(|a, b| a.0.cmp_period(&b.0).then(a.1.cmp(&b.1)));
    let sorted_ids: Vec<&str> = sorted.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(ids(&t), sorted_ids);
}

#[test]
fn builtin_timeline_range() {
    // The data set starts with relations with China (18 Jan 1950, from the Đà Nẵng sidebar
    // item) and ends with Đà Nẵng's anniversary on 6 Feb 2026 (its year inferred: `?`) — not 1959
    // and 2026-02-05, though `timeline --help` says "from 1959 to 2026".
    let t = load_builtin().unwrap();
    let (first, last) = (t.events.first().unwrap(), t.events.last().unwrap());
    assert_eq!(
        (first.date.iso().as_str(), first.id.as_str()),
        ("1950-01-18", "vietnam-china-diplomatic-relations-1950")
    );
    assert_eq!(
        (last.date.iso().as_str(), last.id.as_str()),
        ("2026-02-06?", "da-nang-marks-76-years-vietnam-china-relations-2026")
    );
    let years: BTreeSet<i64> = t.events.iter().map(|e| e.date.year_value()).collect();
    assert!(years.contains(&1959) && years.contains(&2026), "{years:?}");
    let on_feb_5: Vec<&str> =
        t.events.iter().filter(|e| e.date.plain().iso() == "2026-02-05").map(|e| e.id.as_str()).collect();
    assert_eq!(
        on_feb_5,
        [
            "champasak-delegation-visits-can-tho-2026",
            "havana-seminar-fidel-castro-statement-2026",
            "to-lam-state-visit-laos-2026"
        ]
    );
}

#[test]
fn ho_chi_minh_1959_visit_cites_three_different_articles() {
    let t = load_builtin().unwrap();
    let e = t.event_by_id("ho-chi-minh-visits-baku-1959").unwrap();
    assert_eq!(e.date.iso(), "1959");
    let files: BTreeSet<&str> = e.citations.iter().map(|c| t.sources[c.source].file.as_str()).collect();
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        ["000_7f01cb9a56f4bbbb.txt", "001_58846d6f33e41595.txt", "004_f628f0eab526a9a1.txt"]
    );
    assert_eq!(e.citations.len(), 3);
}
