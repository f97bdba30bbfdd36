//! Reading JSON lines back (`timeline export --format jsonl`): the fixture loads with every field,
//! and every mistake is reported at the `path:line:col` of the jsonl line and the column inside
//! it, never with a panic. The round trip itself is in `roundtrip.rs`.

use std::path::PathBuf;
use timeline::load::{ArticleStore, DataInput, load};
use timeline::model::{OpenEnd, Status, Timeline};

const SEEDS: &str = "tests/fixtures/seeds";
const FIXTURE: &str = "tests/fixtures/jsonl/full.jsonl";

fn load_text(path: &str, text: &str) -> Result<Timeline, Vec<String>> {
    let input =
        DataInput { path: path.into(), text: text.into(), articles: ArticleStore::Dir(PathBuf::from(SEEDS)) };
    load(&input).map_err(|e| e.problems.iter().map(ToString::to_string).collect())
}

fn problems(text: &str) -> Vec<String> {
    match load_text("d.jsonl", text) {
        Ok(t) => panic!("loaded {} events, but should not have:\n{text}", t.events.len()),
        Err(p) => p,
    }
}

/// `d.jsonl:LINE:COL` of the first `needle` on line `line` (1-based), columns in characters.
fn at(text: &str, line: usize, needle: &str) -> String {
    let l = text.lines().nth(line - 1).expect("the line");
    let byte = l.find(needle).unwrap_or_else(|| panic!("{needle:?} not on line {line}"));
    format!("d.jsonl:{line}:{}", l[..byte].chars().count() + 1)
}

/// An event line of the `jsonl` export, with `extra` members spliced in after the type.
fn event(id: &str, extra: &str) -> String {
    format!(
        r#"{{"type":"event",{extra}"id":"{id}","date":"2026-01","status":"held","kind":"visit","title":"T","summary":"","countries":[],"places":[],"people":[],"sources":[]}}"#
    )
}

const LAOS_QUOTE: &str = "Tổng Bí thư Tô Lâm sẽ thăm cấp Nhà nước tới Lào trong tuần tới";

/// An event quoting `vi_to_lam.txt`, its source described with `outlet`, in Laos named `laos`.
fn quoted(id: &str, outlet: &str, laos: &str) -> String {
    format!(
        r#"{{"type":"event","id":"{id}","date":"2026-02","status":"planned","kind":"visit","title":"T","summary":"S","countries":[{{"code":"LA","name":"{laos}","name_vi":"Lào"}}],"sources":[{{"file":"vi_to_lam.txt","outlet":"{outlet}","published":"2026-01-30","language":"vi","about":"A test.","quote":"{LAOS_QUOTE}"}}]}}"#
    )
}

#[test]
fn the_fixture_loads_with_every_field() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let t = load_text(FIXTURE, &text).unwrap_or_else(|p| panic!("{}", p.join("\n")));
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    let title = t.title.as_ref().unwrap();
    assert_eq!(title.headline, "Tô Lâm's travels, as JSON lines");
    assert_eq!(title.background_url.as_deref(), Some("https://example.org/bg.jpg"));
    assert_eq!(title.media.as_ref().and_then(|m| m.credit.as_deref()), Some("Test Wire"));
    let eras: Vec<(&str, &str)> = t.eras.iter().map(|e| (e.headline.as_str(), e.text.as_str())).collect();
    assert_eq!(eras, [("Before the congress", ""), ("After the congress", "From the 14th congress on.")]);
    let ids: Vec<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "friendship-in-the-sixties",
            "spring-seminar-2001",
            "baku-talks-2025",
            "fourteenth-congress-2026",
            "to-lam-visits-laos-2026"
        ]
    );
    let laos = t.event_by_id("to-lam-visits-laos-2026").unwrap();
    assert_eq!(laos.status, Status::Planned);
    assert_eq!(laos.citations.len(), 2, "the second quote names only its file");
    assert_eq!(laos.title_vi(), Some("Tổng Bí thư Tô Lâm thăm Lào sau Đại hội XIV"));
    for c in &laos.citations {
        assert_eq!(&t.sources[c.source].text[c.span.clone()], c.quote, "quotes are found in their article");
    }
    let countries: Vec<(&str, &str)> =
        t.countries.iter().map(|c| (c.code.as_str(), c.name_vi.as_str())).collect();
    assert_eq!(countries, [("LA", "Lào"), ("AZ", "Azerbaijan")]);
    let vi = &t.sources[laos.citations[0].source];
    assert_eq!((vi.outlet.as_str(), vi.language.as_str()), ("Tin Thử", "vi"));
    assert_eq!(vi.headline.as_deref(), Some("Tổng Bí thư Tô Lâm thăm Lào sau Đại hội XIV"));
    let baku = t.event_by_id("baku-talks-2025").unwrap();
    let x = baku.extra.as_deref().unwrap();
    assert_eq!(x.links[0].title.as_deref(), Some("The talks, on the web"));
    assert_eq!(x.tags, ["energy", "trade"]);
    assert_eq!(x.autolink, Some(false));
    assert_eq!(x.media.as_ref().map(|m| m.link_target.as_deref()), Some(Some("_blank")));
    assert_eq!(
        baku.summary,
        "The President of Azerbaijan and General Secretary To Lam held talks in Baku.\nThey discussed trade, energy and education."
    );
    let congress = t.event_by_id("fourteenth-congress-2026").unwrap();
    assert_eq!(congress.open.start, Some(OpenEnd::Open));
    assert_eq!(congress.shown_date(), "by late January 2026");
    assert_eq!(t.event_by_id("spring-seminar-2001").unwrap().edtf(), "2001-21~/2001-23");
    let sixties = t.event_by_id("friendship-in-the-sixties").unwrap();
    assert!(sixties.citations.is_empty() && sixties.links().len() == 1 && sixties.countries.is_empty());
}

#[test]
fn blank_lines_and_crlf_are_fine() {
    let text = format!("\n  \r\n{}\r\n\t\n{}\n\n", event("a", ""), event("b", ""));
    let t = load_text("d.jsonl", &text).unwrap();
    assert_eq!(t.events.len(), 2);
    assert!(load_text("d.jsonl", "").unwrap().events.is_empty(), "an empty .jsonl is an empty data set");
}

#[test]
fn a_line_that_is_not_an_object_or_not_json() {
    let text = format!(
        "{}\n[1, 2]\n\"event\"\n{{\"type\": \"era\", \"headline\": \"x\"\n{} xyz\n",
        event("a", ""),
        event("b", "")
    );
    assert_eq!(
        problems(&text),
        [
            "d.jsonl:2:1: expected an object `{…}` on each line, found an array".to_string(),
            "d.jsonl:3:1: expected an object `{…}` on each line, found a string".into(),
            "d.jsonl:4:32: JSON syntax error: expected `,` or `}` after an object member, found the end of the line; is a comma missing?".into(),
            format!("{}: JSON syntax error: unexpected `x` after the object; write one object per line", at(&text, 5, "xyz")),
        ]
    );
    // A string left open stops at its line, not at the next quote of the file.
    let text = format!("{{\"type\": \"title\", \"headline\": \"Đại\n{}\n", event("a", ""));
    assert_eq!(
        problems(&text),
        ["d.jsonl:1:31: JSON syntax error: string is never closed; add the missing `\"`"]
    );
}

#[test]
fn the_type_is_required_and_known() {
    let text = "{\"headline\": \"a\"}\n{\"type\": \"evnt\"}\n{\"type\": 3}\n{\"type\": \"country\", \"code\": \"LA\"}\n";
    assert_eq!(
        problems(text),
        [
            "d.jsonl:1:1: a line needs a `type`: `title`, `era` or `event`",
            "d.jsonl:2:10: unknown type `evnt`; did you mean `event`? types are title, era and event",
            "d.jsonl:3:10: expected `type` to be a string, found a number",
            "d.jsonl:4:10: unknown type `country`; types are title, era and event",
        ]
    );
}

#[test]
fn a_second_title_is_refused() {
    let text =
        "{\"type\": \"title\", \"headline\": \"One\"}\n\n   {\"type\": \"title\", \"headline\": \"Two\"}\n";
    assert_eq!(
        problems(text),
        ["d.jsonl:3:4: a second title (the first is at 1:1); a data set has one title"]
    );
}

#[test]
fn missing_unknown_and_repeated_fields_in_each_item() {
    let no_date = event("a", "").replace(r#""date":"2026-01","#, "");
    let typo = event("b", r#""tittle":"x","#);
    let twice = event("c", r#""kind":"talks","#);
    let era = r#"{"type":"era","headline":"E","start":"2020"}"#;
    let title = r#"{"type":"title","text":"no headline","colour":"red"}"#;
    let text = [no_date.as_str(), &typo, &twice, era, title].join("\n");
    assert_eq!(
        problems(&text),
        [
            "d.jsonl:1:1: an event is missing the required field `date`".to_string(),
            format!(
                "{}: unknown field `tittle` in an event; did you mean `title`?",
                at(&text, 2, "\"tittle\"")
            ),
            format!(
                "{}: field `kind` appears twice in an event (first at 3:17); keep one",
                at(&text, 3, "\"kind\":\"visit\"")
            ),
            "d.jsonl:4:1: an era is missing the required field `end`".into(),
            "d.jsonl:5:1: the title is missing the required field `headline`".into(),
            format!(
                "{}: unknown field `colour` in the title; known fields are headline, text, media, background, background_url",
                at(&text, 5, "\"colour\"")
            ),
        ]
    );
}

#[test]
fn bad_values_are_reported_where_they_are_counting_characters() {
    // `Đại hội` is 7 characters but 11 bytes: the columns after it count characters.
    let bad_date = event("a", r#""title_vi":"Đại hội","#).replace("2026-01", "2026-13");
    let bad_status = event("b", "").replace("\"held\"", "\"done\"");
    let links = event("c", r#""links":{"url":"https://example.org"},"#);
    let link = event("d", r#""links":[{"title":"no url"}],"#);
    let text = [bad_date.as_str(), &bad_status, &links, &link].join("\n");
    let got = problems(&text);
    assert_eq!(
        got[0],
        format!(
            "{}: impossible date: month 13 does not exist; months run from 01 to 12",
            at(&text, 1, "\"2026-13\"")
        )
    );
    assert_eq!(
        got[1],
        format!("{}: unknown status `done`; use `held` or `planned`", at(&text, 2, "\"done\""))
    );
    assert_eq!(
        got[2],
        format!("{}: expected `links` to be an array `[…]`, found an object", at(&text, 3, "{\"url\""))
    );
    assert_eq!(got[3], format!("{}: a link is missing the required field `url`", at(&text, 4, "{\"title\"")));
    assert_eq!(got.len(), 4, "{got:#?}");
}

#[test]
fn countries_and_sources_are_described_once_and_the_same_everywhere() {
    let text = [quoted("a", "Tin Thử", "Laos"), quoted("b", "Other Outlet", "Lao PDR")].join("\n");
    assert_eq!(
        problems(&text),
        [
            format!(
                "{}: country `LA` has `name` `Lao PDR` here but `Laos` at 1:136; describe it the same way on every line, or give only its code",
                at(&text, 2, "\"Lao PDR\"")
            ),
            format!(
                "{}: source `vi_to_lam.txt` has `outlet` `Other Outlet` here but `Tin Thử` at 1:205; describe it the same way on every line, or give only its file",
                at(&text, 2, "\"Other Outlet\"")
            ),
        ]
    );
    assert_eq!(at(&text, 1, "\"Laos\""), "d.jsonl:1:136");
    assert_eq!(at(&text, 1, "\"Tin Thử\""), "d.jsonl:1:205");
    // Said once, a source or a country may be named by its file or code alone.
    let short = quoted("b", "x", "x")
        .replace(r#","outlet":"x","published":"2026-01-30","language":"vi","about":"A test.""#, "")
        .replace(r#","name":"x","name_vi":"Lào""#, "");
    let t = load_text("d.jsonl", &[quoted("a", "Tin Thử", "Laos"), short].join("\n")).unwrap();
    assert_eq!((t.sources.len(), t.countries.len(), t.events.len()), (1, 1, 2));
}

#[test]
fn a_source_described_in_part_or_missing_or_misquoted() {
    let no_language = quoted("a", "Tin Thử", "Laos").replace(r#""language":"vi","#, "");
    let missing = quoted("b", "Tin Thử", "Laos").replace("vi_to_lam.txt", "nope.txt");
    let misquoted = quoted("c", "Tin Thử", "Laos").replace("vi_to_lam.txt", "en_baku.txt");
    let country =
        quoted("d", "Tin Thử", "Laos").replace(r#""code":"LA""#, r#""code":"la""#).replace("vi_to_lam", "x");
    let text = [no_language.as_str(), &missing, &misquoted, &country].join("\n");
    let got = problems(&text);
    assert_eq!(
        got[0],
        format!("{}: a source is missing the required field `language`", at(&text, 1, "{\"file\""))
    );
    assert_eq!(
        got[1],
        format!(
            "{}: source file `nope.txt` does not exist (looked for tests/fixtures/seeds/nope.txt); check the name, or pass --articles DIR",
            at(&text, 2, "\"nope.txt\"")
        )
    );
    assert!(
        got[2].starts_with(&format!(
            "{}: quote not found in tests/fixtures/seeds/en_baku.txt",
            at(&text, 3, "\"Tổng")
        )),
        "{}",
        got[2]
    );
    assert_eq!(
        got[3],
        format!("{}: unknown country code `la`; codes are upper case: write `LA`", at(&text, 4, "\"la\""))
    );
}

#[test]
fn an_edtf_that_does_not_agree_is_a_warning_and_date_wins() {
    let text = event("a", r#""edtf":"1999","#);
    let t = load_text("d.jsonl", &text).unwrap();
    assert_eq!(t.events[0].edtf(), "2026-01");
    assert_eq!(
        t.warnings,
        [format!(
            "{}: warning: `edtf` `1999` does not agree with `date` and `end` (`2026-01`); they are read, not `edtf`",
            at(&text, 1, "\"1999\"")
        )]
    );
}

#[test]
fn junk_named_jsonl_is_told_at_its_first_line() {
    let dir = std::env::temp_dir().join(format!("timeline-jsonl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("notes.jsonl");
    std::fs::write(&path, "Dear diary\n").unwrap();
    let err = DataInput::from_file(&path, None).and_then(|i| load(&i)).unwrap_err().to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(err.ends_with("notes.jsonl:1:1: JSON syntax error: expected a value (string, number, object, array, true, false or null), found `D`"), "{err}");
}

#[test]
fn the_export_row_and_the_reader_agree_on_extensions() {
    let row = timeline::export::Format::Jsonl.spec();
    assert!(row.importable);
    assert_eq!(row.extensions, timeline::load::jsonl::EXTENSIONS);
}
