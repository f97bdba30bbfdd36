//! The `timeline` binary, run as a user would: exit statuses, what goes to stdout and stderr, and
//! the JSON that `list`, `show` and `countries` print, checked against the built-in data set.

use serde_json::Value;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use timeline::load::{BUILTIN_DATA, articles::to_nfc, load_builtin};
use timeline::model::PartialDate;
use timeline::model::context::quote_context;

fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_timeline"));
    cmd.args(args).current_dir(env!("CARGO_MANIFEST_DIR")).stdin(Stdio::null()).env_remove("RUST_BACKTRACE");
    // Never the user's real cache.
    cmd.env("TIMELINE_CACHE_DIR", Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-cache"));
    cmd
}

fn run(args: &[&str]) -> Output {
    command(args).output().expect("run timeline")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs a command that must succeed and returns its stdout.
fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(o.status.code(), Some(0), "timeline {args:?}\nstderr: {}", stderr(&o));
    assert_eq!(stderr(&o), "", "timeline {args:?}");
    stdout(&o)
}

fn json(args: &[&str]) -> Value {
    let out = ok(args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("timeline {args:?}: not JSON ({e}):\n{out}"))
}

/// The events printed by `list --json` with extra arguments.
fn list(extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["list", "--json"];
    args.extend_from_slice(extra);
    match json(&args) {
        Value::Array(items) => items,
        other => panic!("timeline {args:?}: expected an array, got {other}"),
    }
}

/// The ids of the events printed (an imported file's title slide and eras, listed with them, have
/// none).
fn ids(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .filter(|e| !matches!(e["type"].as_str(), Some("title" | "era")))
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

fn codes(e: &Value) -> Vec<&str> {
    e["countries"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap()).collect()
}

fn date(e: &Value, key: &str) -> Option<PartialDate> {
    // An interval with an open start (`../2026-01-25`) is compared by its known end.
    e.get(key).map(|d| PartialDate::parse(d.as_str().unwrap().trim_start_matches("../")).unwrap())
}

/// Every text of an event that the search looks at, lower-cased.
fn texts(e: &Value) -> String {
    let mut all = vec![e["title"].as_str().unwrap(), e["summary"].as_str().unwrap()];
    all.extend(e.get("title_vi").and_then(Value::as_str));
    for key in ["people", "places"] {
        all.extend(e[key].as_array().unwrap().iter().map(|v| v.as_str().unwrap()));
    }
    all.extend(e["sources"].as_array().unwrap().iter().map(|s| s["quote"].as_str().unwrap()));
    all.join("\n").to_lowercase()
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

fn set<'a>(items: &[&'a str]) -> BTreeSet<&'a str> {
    items.iter().copied().collect()
}

/// The built-in data set as written, parsed independently of the loader.
fn raw() -> Value {
    serde_json::from_str(BUILTIN_DATA).unwrap()
}

// ---------------------------------------------------------------------------------------------
// check

#[test]
fn check_builtin_counts_events_sources_and_quotes() {
    let raw = raw();
    let events = raw["events"].as_array().unwrap();
    let quotes: usize = events.iter().map(|e| e["sources"].as_array().unwrap().len()).sum();
    let out = ok(&["check"]);
    assert_eq!(out, format!("{n} events: {n} verified ({quotes} quotes), 0 unverified\n", n = events.len()));
    assert!(!events.is_empty() && quotes >= events.len());
}

#[test]
fn check_valid_fixture() {
    let out = ok(&["check", "--data", "tests/fixtures/valid.json", "--seeds", "tests/fixtures/seeds"]);
    assert_eq!(out, "3 events: 3 verified (4 quotes), 0 unverified\n");
    let out = ok(&["check", "--data", "tests/fixtures/valid_nfd.json", "--seeds", "tests/fixtures/seeds"]);
    assert_eq!(out, "1 event: 1 verified (2 quotes), 0 unverified\n");
}

/// `check` says on stderr what the load skipped or stood in for, as `list` does; the count stays
/// alone on stdout.
#[test]
fn check_says_the_warnings_that_list_says() {
    let args = ["--no-cache", "--data", "tests/fixtures/timelinejs/silent.json"];
    let listed = run(&[&["list"], &args[..]].concat());
    let checked = run(&[&["check"], &args[..]].concat());
    assert!(checked.status.success());
    assert!(stderr(&listed).contains(": warning: "), "{}", stderr(&listed));
    assert_eq!(stderr(&checked), stderr(&listed));
    assert!(stdout(&checked).ends_with(" unverified\n") && stdout(&checked).lines().count() == 1);
}

#[test]
fn check_bad_data_prints_every_problem_on_its_own_line() {
    let path = "tests/fixtures/multi_problems.json";
    let o = run(&["check", "--data", path, "--seeds", "tests/fixtures/seeds"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    let mut at = Vec::new();
    for line in &lines {
        // path:line:col: message
        let mut parts = line.splitn(4, ':');
        let (file, l, c, msg) = (parts.next(), parts.next(), parts.next(), parts.next());
        assert_eq!(file, Some(path), "{line}");
        let l: usize = l.unwrap().parse().unwrap_or_else(|_| panic!("no line number: {line}"));
        let c: usize = c.unwrap().parse().unwrap_or_else(|_| panic!("no column: {line}"));
        assert!(msg.is_some_and(|m| m.starts_with(' ') && m.len() > 1), "{line}");
        at.push((l, c));
    }
    assert_eq!(at, [(4, 15), (13, 33), (21, 15), (31, 15), (42, 13), (62, 45)]);
    assert!(lines[2].ends_with(": unknown kind `vist`; did you mean `visit`? kinds are visit, talks, meeting, reception, message, anniversary, relations, agreement, congress, seminar, statement, multilateral, other"));
    assert!(err.ends_with('\n'));
}

/// A file with errors and warnings gets both in one run: the errors, then the warnings, in
/// every format (a sheet, TimelineJS JSON, JSON lines).
#[test]
fn check_says_the_warnings_found_with_the_errors() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("warnings-with-errors");
    std::fs::create_dir_all(&dir).unwrap();
    let files = [
        ("a.csv", "Year,Month,Headline\n2000,13,x\n,,y\n".to_string()),
        (
            "a.json",
            "{\"events\":[\n{\"start_date\":{\"year\":0},\"text\":{\"headline\":\"zero\"}},\n\
             {\"start_date\":{\"year\":2000,\"month\":13},\"text\":{\"headline\":\"x\"}}\n]}"
                .to_string(),
        ),
        (
            "a.jsonl",
            format!(
                "{}\n{}\n",
                crate::support::jsonl_event("a", "2000", "other", r#", "edtf": "2001""#),
                crate::support::jsonl_event("b", "2000-13", "other", "")
            ),
        ),
    ];
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let o = run(&["check", "--no-cache", "--data", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        let err = stderr(&o);
        let kinds: Vec<bool> = err.lines().map(|l| l.contains(": warning: ")).collect();
        assert_eq!(kinds, [false, true], "{name}: {err}");
        assert!(err.contains("month 13 does not exist"), "{name}: {err}");
    }
}

#[test]
fn check_syntax_error_is_one_line() {
    let o = run(&["check", "--data", "tests/fixtures/syntax_error.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "tests/fixtures/syntax_error.json:22:27: JSON syntax error: expected `,` or `]` after an array \
         item, found `\"`; is a comma missing?\n"
    );
}

#[test]
fn missing_data_file_exits_1() {
    let o = run(&["list", "--data", "tests/fixtures/no-such-file.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    assert!(err.starts_with("tests/fixtures/no-such-file.json:1:1: cannot read the data file: "), "{err}");
    assert_eq!(err.lines().count(), 1);
}

/// `-` is not a file named `-` that does not exist: it says that standard input is not read.
#[test]
fn data_from_standard_input_is_refused_in_words() {
    let o = run(&["list", "--data", "-"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "-:1:1: a data set is not read from standard input; save it to a file first\n");
}

// ---------------------------------------------------------------------------------------------
// list

#[test]
fn list_json_has_the_documented_fields_and_matches_the_data() {
    let events = list(&[]);
    let raw = raw();
    let raw_events = raw["events"].as_array().unwrap();
    assert_eq!(events.len(), raw_events.len());
    let required = set(&[
        "id",
        "date",
        "status",
        "kind",
        "title",
        "summary",
        "countries",
        "places",
        "people",
        "sources",
        "verified",
        "edtf",
        "date_label",
        "type",
    ]);
    let optional = ["end", "title_vi", "group", "display_date", "media", "background", "links", "eras"];
    let allowed: BTreeSet<&str> = required.iter().copied().chain(optional).collect();
    let country_names: Vec<(&str, &Value)> =
        raw["countries"].as_array().unwrap().iter().map(|c| (c["code"].as_str().unwrap(), c)).collect();
    let source =
        |file: &str| raw["sources"].as_array().unwrap().iter().find(|s| s["file"] == file).unwrap().clone();
    let empty = Value::Array(Vec::new());
    for e in &events {
        let k = keys(e);
        assert!(k.is_superset(&required) && k.is_subset(&allowed), "{k:?}");
        assert_eq!(e["verified"], true);
        let id = e["id"].as_str().unwrap();
        let r = raw_events.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("{id} not in the data"));
        for key in ["date", "end", "status", "kind", "title", "title_vi", "summary"] {
            assert_eq!(e.get(key), r.get(key), "{id}: {key}");
        }
        assert_eq!(e["places"], *r.get("places").unwrap_or(&empty), "{id}");
        assert_eq!(e["people"], *r.get("people").unwrap_or(&empty), "{id}");
        let countries = e["countries"].as_array().unwrap();
        let want: Vec<Value> = r
            .get("countries")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|code| {
                let c = country_names.iter().find(|(c, _)| code == c).unwrap().1;
                serde_json::json!({ "code": code, "name": c["name"], "name_vi": c["name_vi"] })
            })
            .collect();
        assert_eq!(*countries, want, "{id}");
        let sources = e["sources"].as_array().unwrap();
        let cited = r["sources"].as_array().unwrap();
        assert_eq!(sources.len(), cited.len(), "{id}");
        for (s, c) in sources.iter().zip(cited) {
            let file = c["file"].as_str().unwrap();
            let src = source(file);
            // The source described in full, so that the `jsonl` reader can rebuild it.
            let mut want = set(&["file", "outlet", "published", "language", "about", "quote"]);
            want.extend(src.get("headline").map(|_| "headline"));
            assert_eq!(keys(s), want, "{id}");
            assert_eq!(s["file"], file);
            for key in ["outlet", "published", "language", "about", "headline"] {
                assert_eq!(s.get(key), src.get(key), "{id}: {key}");
            }
            assert_eq!(s["quote"].as_str().unwrap(), to_nfc(c["quote"].as_str().unwrap()));
        }
    }
}

#[test]
fn list_json_is_chronological_with_dates_at_their_precision() {
    let events = list(&[]);
    let keys: Vec<(PartialDate, String)> =
        events.iter().map(|e| (date(e, "date").unwrap(), e["id"].as_str().unwrap().to_string())).collect();
    let ordered = |a: &(PartialDate, String), b: &(PartialDate, String)| {
        a.0.cmp_period(&b.0).then(a.1.cmp(&b.1)).is_lt()
    };
    assert!(keys.windows(2).all(|w| ordered(&w[0], &w[1])), "not in order: {:?}", ids(&events));
    // Same order as the library's timeline.
    let t = load_builtin().unwrap();
    let lib: Vec<String> = t.events.iter().map(|e| e.id.to_string()).collect();
    assert_eq!(ids(&events), lib);

    let by_id = |id: &str| events.iter().find(|e| e["id"] == id).unwrap().clone();
    assert_eq!(by_id("ho-chi-minh-visits-baku-1959")["date"], "1959");
    assert_eq!(by_id("to-lam-state-visit-azerbaijan-2025")["date"], "2025-05");
    assert_eq!(by_id("aliyev-to-lam-expanded-meeting-2025")["date"], "2025-05-07");
    let span = by_id("thongloun-sisoulith-state-visit-vietnam-2026");
    assert_eq!((&span["date"], &span["end"]), (&Value::from("2026-01-26"), &Value::from("2026-01-27")));
    assert!(by_id("aliyev-to-lam-expanded-meeting-2025").get("end").is_none());
    assert_eq!(by_id("to-lam-state-visit-laos-2026")["status"], "planned");
    // Inferred dates carry the EDTF mark of uncertainty.
    assert_eq!(by_id("fidel-castro-statement-on-vietnam-1966")["date"], "1966?");
    for e in &events {
        let d = e["date"].as_str().unwrap().trim_start_matches("../").trim_end_matches(['?', '~', '%']);
        assert!(matches!(d.len(), 4 | 7 | 10), "{d}");
    }
}

#[test]
fn list_plain_prints_one_line_per_event() {
    let out = ok(&["list"]);
    let lines: Vec<&str> = out.lines().collect();
    let events = list(&[]);
    assert_eq!(lines.len(), events.len());
    for (line, e) in lines.iter().zip(&events) {
        // People read the date in words; `--json` has the EDTF.
        assert!(line.starts_with(e["date_label"].as_str().unwrap()), "{line}");
        assert!(line.ends_with(&format!("[{}]", e["id"].as_str().unwrap())), "{line}");
    }
}

#[test]
fn list_with_fixture_data() {
    let out = ok(&["list", "--data", "tests/fixtures/valid.json", "--seeds", "tests/fixtures/seeds"]);
    let ids: Vec<&str> = out.lines().map(|l| l.rsplit('[').next().unwrap().trim_end_matches(']')).collect();
    assert_eq!(ids, ["baku-talks-2025", "fourteenth-congress-2026", "to-lam-visits-laos-2026"]);
}

#[test]
fn country_filter_accepts_code_english_and_vietnamese_names() {
    let all = list(&[]);
    let laos: Vec<String> =
        ids(&all.iter().filter(|e| codes(e).contains(&"LA")).cloned().collect::<Vec<_>>());
    assert!(!laos.is_empty());
    for q in ["LA", "laos", "Lào", "lao"] {
        let got = list(&["--country", q]);
        assert_eq!(ids(&got), laos, "--country {q}");
        assert!(got.iter().all(|e| codes(e) == ["LA"]), "--country {q}");
    }
}

#[test]
fn two_country_flags_are_or_ed() {
    let all = list(&[]);
    let want: Vec<Value> =
        all.iter().filter(|e| codes(e).iter().any(|c| *c == "LA" || *c == "CU")).cloned().collect();
    let got = list(&["--country", "LA", "--country", "cuba"]);
    assert_eq!(ids(&got), ids(&want));
    let found: BTreeSet<&str> = got.iter().flat_map(codes).collect();
    assert_eq!(found, set(&["CU", "LA"]));
    assert!(got.len() > list(&["--country", "LA"]).len());
}

#[test]
fn from_and_to_limit_the_period() {
    let all = list(&[]);
    let (from, to) = (PartialDate::parse("2026").unwrap(), PartialDate::parse("2026-01").unwrap());
    let want: Vec<Value> = all
        .iter()
        .filter(|e| {
            let start = date(e, "date").unwrap();
            let end = date(e, "end").unwrap_or(start);
            end.last_day() >= from.first_day() && start.first_day() <= to.last_day()
        })
        .cloned()
        .collect();
    let got = list(&["--from", "2026", "--to", "2026-01"]);
    assert_eq!(ids(&got), ids(&want));
    assert!(!got.is_empty());
    // The Lao congress is "until 25 January 2026" (`../2026-01-25`): its known end is in January.
    let known = |e: &Value| e["date"].as_str().unwrap().trim_start_matches("../").to_string();
    assert!(got.iter().all(|e| known(e).starts_with("2026-01")), "{:?}", ids(&got));
    let got = ids(&got);
    assert!(got.contains(&"lao-party-12th-congress-2026".to_string()));
    assert!(got.contains(&"to-lam-thongloun-sisoulith-talks-2026".to_string()));
    assert!(!got.contains(&"champasak-delegation-visits-can-tho-2026".to_string()));
    assert!(!got.contains(&"aliyev-to-lam-expanded-meeting-2025".to_string()));
}

#[test]
fn kind_filter() {
    let all = list(&[]);
    let want: Vec<Value> = all.iter().filter(|e| e["kind"] == "visit").cloned().collect();
    let got = list(&["--kind", "visit"]);
    assert!(!got.is_empty());
    assert_eq!(ids(&got), ids(&want));
    assert!(got.len() < all.len());
}

#[test]
fn bad_filter_values_are_usage_errors() {
    let o = run(&["list", "--country", "Atlantis"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    assert!(err.starts_with("timeline: unknown country `Atlantis`; known countries: "), "{err}");
    assert!(err.contains("LA (Laos, Lào)"), "{err}");
    assert!(err.contains("AZ (Azerbaijan, Azerbaijan)"), "{err}");

    let o = run(&["list", "--kind", "party"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("timeline: unknown kind `party`; kinds are visit, talks"),
        "{}",
        stderr(&o)
    );

    let o = run(&["list", "--from", "2025-02-30"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "timeline: invalid value for --from: 2025-02-30 does not exist; Feb 2025 has 28 days\n"
    );

    let o = run(&["list", "--from", "2026", "--to", "2025-12"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "timeline: --to 2025-12 is before --from 2026\n");
}

#[test]
fn search_is_accent_insensitive() {
    let all = list(&[]);
    let hits = ids(&list(&["--search", "dai hoi"]));
    let mentioning: Vec<String> =
        ids(&all.iter().filter(|e| texts(e).contains("đại hội")).cloned().collect::<Vec<_>>());
    assert!(mentioning.len() >= 2, "{mentioning:?}");
    assert!(mentioning.contains(&"lao-party-12th-congress-2026".to_string()));
    assert!(mentioning.contains(&"to-lam-state-visit-laos-2026".to_string()));
    for id in &mentioning {
        assert!(hits.contains(id), "`--search \"dai hoi\"` misses {id}: {hits:?}");
    }

    let hits = ids(&list(&["--search", "to lam"]));
    assert!(!hits.is_empty());
    for e in &all {
        let t = texts(e);
        if t.contains("tô lâm") || t.contains("to lam") {
            assert!(hits.contains(&e["id"].as_str().unwrap().to_string()), "misses {}", e["id"]);
        }
    }
    assert!(hits.contains(&"to-lam-state-visit-laos-2026".to_string()));

    // --chronological keeps the same hits in timeline order.
    let chrono = ids(&list(&["--search", "to lam", "--chronological"]));
    let in_order: Vec<String> = ids(&all).into_iter().filter(|id| hits.contains(id)).collect();
    assert_eq!(chrono, in_order);
}

// ---------------------------------------------------------------------------------------------
// show

#[test]
fn show_marks_each_quote_in_its_sentence() {
    let id = "to-lam-state-visit-laos-2026";
    let out = ok(&["show", id]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Tô Lâm to pay a state visit to Laos");
    assert!(lines.contains(&"Date:      5 Feb 2026 (planned)"), "{out}");
    assert!(lines.contains(&"Kind:      Visit"), "{out}");
    assert!(lines.contains(&"Countries: LA Laos (Lào)"), "{out}");
    assert!(lines.contains(&"Id:        to-lam-state-visit-laos-2026"), "{out}");
    // The third quote, inside its sentence.
    assert!(
        lines.contains(
            &"    Theo Thông cáo của Bộ Ngoại giao, nhận lời mời của Tổng Bí thư Ban Chấp hành Trung ương \
              Đảng Nhân dân cách mạng Lào, Chủ tịch nước Cộng hòa Dân chủ Nhân dân Lào Thongloun Sisoulith, \
              Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam »Tô Lâm sẽ dẫn đầu Đoàn đại biểu \
              cấp cao Việt Nam thăm cấp Nhà nước tới Lào ngày 5-2-2026«."
        ),
        "{out}"
    );
    // Every citation: a `[n] outlet, date (file)` line, then the context with the quote marked.
    let t = load_builtin().unwrap();
    let e = t.event_by_id(id).unwrap();
    assert_eq!(e.citations.len(), 3);
    for (i, c) in e.citations.iter().enumerate() {
        let s = &t.sources[c.source];
        let head = format!("[{}] {}, {} ({})", i + 1, s.outlet, s.published, s.file);
        let at = lines.iter().position(|l| *l == head).unwrap_or_else(|| panic!("no `{head}` in:\n{out}"));
        let ctx = quote_context(&s.text, &c.span);
        let want =
            format!("    {}»{}«{}", &s.text[ctx.start..c.span.start], c.quote, &s.text[c.span.end..ctx.end]);
        assert_eq!(lines[at + 1], want);
    }
}

#[test]
fn show_json_includes_each_quotes_context() {
    let id = "to-lam-state-visit-laos-2026";
    let v = json(&["show", id, "--json"]);
    assert_eq!(v["id"], id);
    assert_eq!(v["date"], "2026-02-05");
    assert_eq!(v["title_vi"], "Chuyến công tác nước ngoài đầu tiên của Tổng Bí thư Tô Lâm sau Đại hội XIV");
    let sources = v["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 3);
    for s in sources {
        let mut want = set(&["file", "outlet", "published", "language", "about", "quote", "context"]);
        want.extend(s.get("headline").map(|_| "headline"));
        assert_eq!(keys(s), want);
        let (quote, context) = (s["quote"].as_str().unwrap(), s["context"].as_str().unwrap());
        assert!(context.contains(quote), "{context:?} / {quote:?}");
    }
    // The first quote is its whole paragraph; the third is part of a longer sentence.
    assert_eq!(sources[0]["context"], sources[0]["quote"]);
    assert_eq!(
        sources[2]["context"],
        "Theo Thông cáo của Bộ Ngoại giao, nhận lời mời của Tổng Bí thư Ban Chấp hành Trung ương Đảng Nhân \
         dân cách mạng Lào, Chủ tịch nước Cộng hòa Dân chủ Nhân dân Lào Thongloun Sisoulith, Tổng Bí thư Ban \
         Chấp hành Trung ương Đảng Cộng sản Việt Nam Tô Lâm sẽ dẫn đầu Đoàn đại biểu cấp cao Việt Nam thăm cấp \
         Nhà nước tới Lào ngày 5-2-2026."
    );
    // The other fields are those of `list --json`.
    let listed = list(&[]).into_iter().find(|e| e["id"] == id).unwrap();
    let mut without_context = v.clone();
    for s in without_context["sources"].as_array_mut().unwrap() {
        s.as_object_mut().unwrap().remove("context");
    }
    assert_eq!(without_context, listed);
}

#[test]
fn show_unknown_id_exits_2() {
    let o = run(&["show", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    assert_eq!(stderr(&o), "timeline: no event with id `nope`; `timeline list` shows the ids\n");
}

#[test]

fn show_does_not_panic_when_a_quote_ends_its_line() {
    // The quote ends with its line's newline: the context must still end after it, and the
    // marker must close the quote on the same line.
    let data = ["--data", "tests/fixtures/quote_ends_with_newline.json", "--seeds", "tests/fixtures/seeds"];
    let mut args = vec!["check"];
    args.extend(data);
    assert_eq!(ok(&args), "1 event: 1 verified (1 quote), 0 unverified\n");
    let mut args = vec!["show", "to-lam-visits-laos-2026"];
    args.extend(data);
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains(" của Tổng Bí thư »sau Đại hội XIV của Đảng.«\n"),
        "the quote closes on its line:\n{out}"
    );
    assert!(out.lines().all(|l| l.trim() != "«"), "no marker alone on a line:\n{out}");
}

// ---------------------------------------------------------------------------------------------
// countries

#[test]
fn countries_json_has_names_and_counts() {
    let rows = match json(&["countries", "--json"]) {
        Value::Array(rows) => rows,
        other => panic!("expected an array, got {other}"),
    };
    let raw = raw();
    assert_eq!(rows.len(), raw["countries"].as_array().unwrap().len());
    for r in &rows {
        assert_eq!(keys(r), set(&["code", "name", "name_vi", "events"]));
    }
    let laos = rows.iter().find(|r| r["code"] == "LA").unwrap();
    assert_eq!(laos["name"], "Laos");
    assert_eq!(laos["name_vi"], "Lào");
    let n = laos["events"].as_u64().unwrap();
    assert!(n > 0);
    assert_eq!(n as usize, list(&["--country", "LA"]).len());
    // Most events first.
    let counts: Vec<u64> = rows.iter().map(|r| r["events"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let total: u64 = counts.iter().sum();
    let listed: usize = list(&[]).iter().map(|e| codes(e).len()).sum();
    assert_eq!(total as usize, listed);
}

// ---------------------------------------------------------------------------------------------
// Pipes, flags, the browser

/// A data set large enough that `list` fills the pipe and is still writing when it is closed.
fn big_data_set() -> std::path::PathBuf {
    let n = 5000;
    let events: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "event-{i:05}", "date": "2026-02-05", "status": "planned", "kind": "visit",
  "countries": ["LA"], "title": "Event number {i} of a large generated data set",
  "summary": "Generated.", "sources": [{{"file": "vi_to_lam.txt", "quote": "Tổng Bí thư Tô Lâm"}}]}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"countries": [{{"code": "LA", "name": "Laos", "name_vi": "Lào"}}],
"sources": [{{"file": "vi_to_lam.txt", "outlet": "Tin Thử", "published": "2026-01-30", "language": "vi",
  "about": "Test article.", "evidence": ["ngày 30/1/2026"]}}],
"events": [{}]}}"#,
        events.join(",\n")
    );
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-big-data-set.json");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn closed_pipe_is_not_an_error() {
    let data = big_data_set();
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut child = command(&["list"])
        .arg("--data")
        .arg(&data)
        .arg("--seeds")
        .arg(&articles)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    assert!(first.starts_with("5 Feb 2026") && first.ends_with("[event-00000]\n"), "{first:?}");
    // About 600 kB are still to come: far more than a pipe holds.
    drop(reader);
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err, "");
    assert_eq!(status.code(), Some(0), "{status:?}");
}

#[test]
fn help_and_version() {
    let out = ok(&["--help"]);
    assert!(out.contains("Usage: timeline"), "{out}");
    for sub in ["list", "show", "countries", "check"] {
        assert!(out.lines().any(|l| l.trim_start().starts_with(sub)), "no `{sub}` in:\n{out}");
    }
    assert!(ok(&["list", "--help"]).contains("--country <COUNTRY>"));
    assert_eq!(ok(&["--version"]), format!("timeline {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let o = run(&["--bogus"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("unexpected argument '--bogus'"), "{}", stderr(&o));

    let o = run(&["list", "--bogus"]);
    assert_eq!(o.status.code(), Some(2));

    // --seeds only makes sense with --data.
    let o = run(&["check", "--seeds", "tests/fixtures/seeds"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--data"), "{}", stderr(&o));
}

#[test]
fn browser_without_a_terminal_points_to_list() {
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    assert!(err.starts_with("timeline: ") && err.contains("`timeline list`"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

#[test]

fn top_level_country_before_a_sub_command_is_not_ignored() {
    // Today `timeline --country XX list` exits 0 and lists every event.
    let o = run(&["--country", "XX", "list"]);
    assert_eq!(o.status.code(), Some(2), "stdout: {}", stdout(&o));
}

/// `list` keeps its columns in line whatever the length of the dates: the kind column starts
/// at the same display column on every line.
#[test]
fn list_columns_stay_aligned_after_long_dates() {
    let o = run(&["list", "--data", "tests/fixtures/timelinejs/sheet.csv"]);
    let text = stdout(&o);
    let starts: Vec<usize> = text
        .lines()
        .map(|l| {
            let at = l.find("other").expect("every line has its kind");
            timeline::text::wrap::width(&l[..at])
        })
        .collect();
    assert_eq!(starts.len(), 2, "{text}");
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "{text}");
}

/// The allocator's options are set by the program before its first allocation, and are the ones
/// meant: mimalloc prints each option by name when asked to be verbose.
#[test]
fn the_allocator_gives_pages_back_at_once() {
    let o = command(&["--version"]).env("MIMALLOC_VERBOSE", "1").output().expect("run timeline");
    let said = stderr(&o);
    for line in ["option 'purge_delay': 0", "option 'arena_eager_commit': 0"] {
        assert!(said.lines().any(|l| l.trim_end() == line), "{line:?} not in {said}");
    }
}

/// `--person` and `--place` take what `person:` and `place:` take (a slug such as `to-lam`), and
/// `person:` alone, a field query, keeps date order as the flags do.
#[test]
fn person_and_place_flags_take_what_their_field_queries_take() {
    let by_name = ids(&list(&["--person", "Tô Lâm"]));
    assert!(by_name.len() > 3, "{by_name:?}");
    assert_eq!(ids(&list(&["--person", "to-lam"])), by_name);
    assert_eq!(ids(&list(&["--search", "person:to-lam"])), by_name);
    let place = ids(&list(&["--place", "Hà Nội"]));
    assert!(!place.is_empty());
    assert_eq!(ids(&list(&["--place", "ha_noi"])), place);
    assert_eq!(ids(&list(&["--search", "place:ha-noi"])), place);
    // Spaces and hyphens anywhere or nowhere, as a person types a name they have only heard.
    assert_eq!(ids(&list(&["--person", "tolam"])), by_name);
    assert_eq!(ids(&list(&["--search", "person:tolam"])), by_name);
    assert_eq!(ids(&list(&["--place", "hanoi"])), place);
    let lee = ids(&list(&["--search", "person:\"lee jae myung\""]));
    assert_eq!(lee.len(), 1);
    assert_eq!(ids(&list(&["--person", "lee jae myung"])), lee);
    assert_eq!(ids(&list(&["--person", "jose ramos horta"])), ids(&list(&["--person", "Ramos-Horta"])));
    // A slug that is exactly one name picks it, though a longer name holds it too.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-place-slug");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("p.mw");
    std::fs::write(
        &file,
        "2020-01-01: One [Hà Nội](location)\n2020-01-02: Two [Hà Nội Old Quarter](location)\n",
    )
    .unwrap();
    let args = ["--no-cache", "--data", file.to_str().unwrap(), "--place"];
    assert_eq!(ids(&list(&[&args[..], &["ha-noi"]].concat())), ["one-2020"]);
    assert_eq!(ids(&list(&[&args[..], &["Hà Nội"]].concat())), ["one-2020"]);
}

/// `--group` finds a group whatever its case, accents or Unicode form, as `group:` does.
#[test]
fn group_flag_ignores_case_accents_and_unicode_form() {
    use unicode_normalization::UnicodeNormalization;
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-group-nfd");
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string("tests/fixtures/timelinejs/full.json").unwrap();
    let nfd: String = "Kinh tế".nfd().collect();
    let file = dir.join("groups.json");
    std::fs::write(&file, text.replace("\"Modern\"", &format!("\"{nfd}\""))).unwrap();
    let file = file.to_str().unwrap();
    // The events' ids (`list --json` also lists the title slide, which has none).
    let events = |extra: &[&str]| -> Vec<String> {
        let items = list(&[&["--no-cache", "--data", file], extra].concat());
        items.iter().filter_map(|e| e["id"].as_str().map(str::to_string)).collect()
    };
    let want = events(&["--search", "group:\"kinh te\""]);
    assert_eq!(want.len(), 2, "{want:?}");
    for g in ["Kinh tế", "kinh te", "KINH TẾ", &nfd] {
        assert_eq!(events(&["--group", g]), want, "{g}");
    }
    let o = run(&["list", "--no-cache", "--data", file, "--group", "kinh"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown group `kinh`; groups are "), "{}", stderr(&o));
}

/// A BCE date is written with a minus, as the date errors suggest: `--from -0499` is a value, not
/// a flag.
#[test]
fn from_and_to_take_bce_dates_after_a_space() {
    let args =
        ["--no-cache", "--data", "tests/fixtures/timelinejs/full.json", "--from", "-0499", "--to", "-0100"];
    assert_eq!(ids(&list(&args)), ["dong-son"]);
}

/// `show` prints every part of an event's media that the detail pane shows, under the same names.
#[test]
fn show_prints_the_media_as_the_detail_pane_does() {
    let out = ok(&["show", "--no-cache", "--data", "tests/fixtures/timelinejs/full.json", "dong-son"]);
    let media = "Media:     https://example.org/drum.jpg\n  caption  A drum\n  credit   Museum\n  title    Drum\n  link     https://example.org/drums\n";
    assert!(out.contains(media), "{out}");
}

/// `--format` takes a format's extension for its name, in any case, as `:export` does.
#[test]
fn export_format_takes_an_extension_too() {
    let out = |f: &str| {
        let o = run(&["export", "--format", f]);
        assert!(o.status.success(), "{f}: {}", stderr(&o));
        stdout(&o)
    };
    let by_name = out("markdown");
    assert_eq!(out("md"), by_name);
    assert_eq!(out("MD"), by_name);
    assert_eq!(out("mw"), out("markwhen"));
    assert_eq!(run(&["export", "--format", "txt"]).status.code(), Some(2));
}

/// A date word finds an event that goes on (`2020/..`) in every year after its start, as
/// `--from` and `year:` do; an event "by 2026" (`../2026`) only in 2026.
#[test]
fn a_date_word_finds_an_ongoing_event_in_the_years_after_it() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-open-ends");
    std::fs::create_dir_all(&dir).unwrap();
    let event = |id: &str, date: &str| crate::support::jsonl_event(id, date, "other", "");
    let file = dir.join("open.jsonl");
    std::fs::write(&file, [event("onwards", "2020/.."), event("by", "../2026")].join("\n")).unwrap();
    let data = ["--no-cache", "--data", file.to_str().unwrap()];
    let found = |args: &[&str]| ids(&list(&[&data[..], args].concat()));
    for args in [&["--search", "2025"][..], &["--search", "year:2025"], &["--from", "2025", "--to", "2025"]] {
        assert_eq!(found(args), ["onwards"], "{args:?}");
    }
    for args in [&["--search", "2019"][..], &["--to", "2019"]] {
        let o = run(&[&["list"], &data[..], args].concat());
        assert_eq!((o.status.code(), stdout(&o)), (Some(1), String::new()), "{args:?}: no event");
    }
    assert_eq!(found(&["--search", "2026"]), ["by", "onwards"]);
}

/// `scan` on a data set without articles prints its summary, without a blank line first.
#[test]
fn scan_of_a_data_set_without_articles_starts_with_its_summary() {
    for extra in [&[][..], &["--undated"]] {
        let o =
            run(&[&["scan", "--no-cache", "--data", "tests/fixtures/timelinejs/full.json"][..], extra]
                .concat());
        assert!(stdout(&o).starts_with("all articles: 0 / 0 "), "{extra:?}: {:?}", stdout(&o));
    }
}

/// `show` finds an id whatever its case, and names the ids close to one typed wrong.
#[test]
fn show_ignores_case_and_suggests_close_ids() {
    let o = run(&["show", "--no-cache", "--data", "tests/fixtures/timelinejs/full.json", "Big-Bang"]);
    assert!(o.status.success() && stdout(&o).starts_with("The Big Bang"), "{}", stderr(&o));
    for (typed, close) in [
        ("to-lam-visits-laos", "to-lam-state-visit-laos-2026"),
        ("vietnam-china-diplomatic-relations-1950x", "vietnam-china-diplomatic-relations-1950"),
    ] {
        let o = run(&["show", typed]);
        assert_eq!(o.status.code(), Some(2));
        let want =
            format!("no event with id `{typed}`; did you mean `{close}`? `timeline list` shows the ids");
        assert!(stderr(&o).contains(&want), "{}", stderr(&o));
    }
}

/// `--from`, `--to`, `after:` and `before:` are each one end of the period: an interval typed
/// there is a usage error, not read as its first year.
#[test]
fn an_interval_as_a_bound_is_a_usage_error() {
    for args in [
        &["list", "--from", "1985/.."][..],
        &["list", "--to", "../2001"],
        &["export", "--format", "csv", "--from", "1985/1990"],
        &["list", "--search", "after:1985/.."],
        &["list", "--search", "before:1985/1990"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("is an interval; give one date"), "{args:?}: {}", stderr(&o));
    }
}

/// A file that names no country has no country column, and the date column is as wide as the
/// widest date listed: `1945 other Flag`, not 26 spaces and an empty column.
#[test]
fn list_sizes_the_date_column_and_has_no_empty_country_column() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("list-no-countries");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("flag.json");
    let slides = r#"{"events":[{"start_date":{"year":1945},"text":{"headline":"Flag"}},
        {"start_date":{"year":1946,"month":3},"text":{"headline":"Plain"}}]}"#;
    std::fs::write(&file, slides).unwrap();
    let out = ok(&["list", "--no-cache", "--data", file.to_str().unwrap()]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        ["1945     other Flag (unverified)  [flag-1945]", "Mar 1946 other Plain (unverified)  [plain-1946]"],
        "{out}"
    );
}

/// `show` ends with its last line: no blank lines after an event without text or quotes.
#[test]
fn show_ends_without_blank_lines() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("show-no-text");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("t.json");
    let slides = r#"{"events":[{"start_date":{"year":2024},"text":{"headline":"Tết"}},
        {"start_date":{"year":2025},"text":{"headline":"Said","text":"Some text."}}]}"#;
    std::fs::write(&file, slides).unwrap();
    let data = file.to_str().unwrap();
    let out = ok(&["show", "--no-cache", "--data", data, "tet-2024"]);
    assert!(out.ends_with("no quote from an article checks this event.\n"), "{out:?}");
    let out = ok(&["show", "--no-cache", "--data", data, "said-2025"]);
    assert!(out.ends_with("checks this event.\n\nSome text.\n"), "{out:?}");
}

/// A country asked of a data set that has none says so, not `known countries: ` and nothing.
#[test]
fn a_country_asked_of_a_data_set_without_countries_says_it_has_none() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-countries");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("t.json");
    std::fs::write(&file, r#"{"events":[{"start_date":{"year":2024},"text":{"headline":"A"}}]}"#).unwrap();
    let data = file.to_str().unwrap();
    for args in [&["--country", "LA"][..], &["--search", "country:LA"]] {
        let o = run(&[&["list", "--no-cache", "--data", data], args].concat());
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains("unknown country `LA`: this data set has no countries"),
            "{}",
            stderr(&o)
        );
    }
}

/// What an imported event shows is searched too: a markwhen event's `#tags` (and `show` lists
/// them), a TimelineJS display date (`century` finds `5th century BCE`).
#[test]
fn tags_and_display_dates_are_searched_and_shown() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tags-and-display-dates");
    std::fs::create_dir_all(&dir).unwrap();
    let mw = dir.join("t.mw");
    std::fs::write(&mw, "title: Tags\n\n2020: Moved the court #dynasty #hue_citadel\n2021: Other\n").unwrap();
    let tjs = dir.join("t.json");
    std::fs::write(
        &tjs,
        r#"{"events":[{"start_date":{"year":-500},"display_date":"5th century BCE","text":{"headline":"Drums"}},
        {"start_date":{"year":1945},"text":{"headline":"Other"}}]}"#,
    )
    .unwrap();
    let (mw, tjs) = (mw.to_str().unwrap(), tjs.to_str().unwrap());
    let found = |data: &str, q: &str| ok(&["list", "--no-cache", "--data", data, "--search", q]);
    assert!(found(mw, "dynasty").contains("Moved the court"));
    assert!(found(mw, "citadel").contains("Moved the court"));
    assert_eq!(
        run(&["list", "--no-cache", "--data", mw, "--search", "other dynasty"]).status.code(),
        Some(1)
    );
    let shown = ok(&["show", "--no-cache", "--data", mw, "moved-the-court-2020"]);
    assert!(shown.contains("Group:     dynasty\nTags:      #hue_citadel\n"), "{shown}");
    let hits = found(tjs, "century");
    assert!(hits.contains("Drums") && !hits.contains("Other"), "{hits}");
}
