//! Hostile input: a data set with terminal control sequences, C1 controls, bidi overrides, DEL,
//! carriage returns and newlines in every text field and in its article
//! (`tests/fixtures/hostile/make.py`). No sub-command may write a control byte other than `\n` to
//! stdout or stderr; `--json` escapes them and still round-trips the exact text. Also: files that
//! are not data files, and a closed stdout.

use serde_json::Value;
use std::process::{Command, Output, Stdio};

const DATA: &str = "tests/fixtures/hostile/timeline.json";
const BROKEN: &str = "tests/fixtures/hostile/broken.json";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_timeline"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("run timeline")
}

/// The first control character (C0 but `\n`, DEL, C1) or bidi control in `bytes`, as text.
fn first_control(bytes: &[u8]) -> Option<(usize, char)> {
    let text = std::str::from_utf8(bytes).expect("the output is UTF-8");
    text.char_indices().find(|&(_, c)| {
        (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

/// Runs a command and checks that neither stdout nor stderr has a control character.
fn inert(args: &[&str], code: i32) -> Output {
    let o = run(args);
    assert_eq!(o.status.code(), Some(code), "timeline {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    for (name, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
        if let Some((at, c)) = first_control(bytes) {
            let around = String::from_utf8_lossy(&bytes[at.saturating_sub(40)..(at + 40).min(bytes.len())]);
            panic!("timeline {args:?}: {c:?} at byte {at} of {name}: {around:?}");
        }
    }
    o
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8")
}

/// The hostile data set's own strings, as the loader reads them.
fn original() -> Value {
    let text = std::fs::read_to_string(DATA).expect("read the fixture");
    serde_json::from_str(&text).expect("the fixture is JSON")
}

#[test]
fn list_prints_one_inert_line_per_event() {
    let out = stdout(&inert(&["list", "--data", DATA], 0));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].ends_with("  [hostile-one]"), "{}", lines[0]);
    assert!(lines[0].contains(r"[forged] \u{1b}]0;PWNED\u{7}title\u{202e}"), "{}", lines[0]);
    assert!(
        lines[1].starts_with("3 Feb 2026") && lines[1].ends_with("(planned)  [hostile-two]"),
        "{}",
        lines[1]
    );
}

#[test]
fn show_and_countries_are_inert() {
    let out = stdout(&inert(&["show", "hostile-one", "--data", DATA], 0));
    assert!(out.contains(r"Countries: LA Laos\u{1b}]0;PWNED\u{7} (Lào\u{9b}2J)"), "{out}");
    assert!(out.contains(r"Places:    Hà\u{85}Nội, Viên Chăn"), "{out}");
    assert!(out.contains("Summary\\u{1b}[2J with\nnew lines,\\u{9}tabs,"), "{out}");
    assert!(out.contains(r"»bạn\u{9b}31m bè \u{202e}evil\u{202c} ở Hà Nội.«"), "{out}");
    let out = stdout(&inert(&["show", "hostile-two", "--data", DATA], 0));
    assert!(out.starts_with("Second\\u{1b}[1A\\u{1b}[2K event\\u{0}\n"), "{out}");
    assert!(out.contains(r"summary\\ with a backslash"), "{out}");
    let out = stdout(&inert(&["countries", "--data", DATA], 0));
    assert_eq!(out.lines().count(), 1, "{out}");
    inert(&["check", "--data", DATA], 0);
}

#[test]
fn json_escapes_every_control_and_round_trips_the_text() {
    let data = original();
    let list = inert(&["list", "--json", "--data", DATA], 0);
    let shown = inert(&["show", "hostile-one", "--json", "--data", DATA], 0);
    let countries = inert(&["countries", "--json", "--data", DATA], 0);
    let list: Value = serde_json::from_slice(&list.stdout).expect("list --json is JSON");
    let one = &data["events"][0];
    for key in ["title", "title_vi", "summary", "people", "places"] {
        assert_eq!(list[0][key], one[key], "{key}");
    }
    assert_eq!(list[1]["title"], data["events"][1]["title"]);
    let shown: Value = serde_json::from_slice(&shown.stdout).expect("show --json is JSON");
    assert_eq!(shown["sources"][0]["quote"], one["sources"][0]["quote"]);
    assert_eq!(shown["sources"][0]["outlet"], data["sources"][0]["outlet"]);
    let context = shown["sources"][0]["context"].as_str().expect("a context");
    assert!(context.contains("\u{1b}]0;PWNED-TITLE\u{7}"), "{context:?}");
    let countries: Value = serde_json::from_slice(&countries.stdout).expect("countries --json is JSON");
    assert_eq!(countries[0]["name"], data["countries"][0]["name"]);
    assert_eq!(countries[0]["name_vi"], data["countries"][0]["name_vi"]);
}

#[test]
fn error_messages_quote_values_inertly() {
    let o = inert(&["check", "--data", BROKEN], 1);
    let err = stderr(&o);
    for needle in [
        r"id `Bad\u{1b}]0;x\u{7} id` is not a slug",
        r"unknown kind `vis\u{1b}]0;PWNED\u{7}it`",
        r"unknown status `held\u{1b}[2J`",
        r"unknown field `knd\u{1b}[31m` in an event",
        r"unknown country code `L\u{1b}A`",
        r"`hostile\u{1b}]0;PWNED\u{7}.txt` is not one of the data set's `sources`",
        r#"the article has "\u{7f}\u{85}kết thúc. " but the quote has "\u{1b}[2J nope""#,
        r"language `v\u{1b}[5mi\u{202e}` is not a language code",
    ] {
        assert!(err.contains(needle), "{needle}\n{err}");
    }
    // Every problem on its own line, each one starting with the file.
    assert!(err.lines().all(|l| l.starts_with(BROKEN)), "{err}");
    for cmd in ["list", "countries"] {
        assert_eq!(stderr(&inert(&[cmd, "--data", BROKEN], 1)), err);
    }
}

#[test]
fn usage_errors_quote_values_inertly() {
    let o = inert(&["show", "no\u{1b}]0;x\u{7}", "--data", DATA], 2);
    assert!(stderr(&o).contains(r"no event with id `no\u{1b}]0;x\u{7}`"), "{}", stderr(&o));
    // The known countries come from the data set.
    let o = inert(&["list", "--country", "xx", "--data", DATA], 2);
    assert!(stderr(&o).contains(r"LA (Laos\u{1b}]0;PWNED\u{7}, Lào\u{9b}2J)"), "{}", stderr(&o));
    inert(&["list", "--data", "tests/fixtures/hostile/\u{1b}]0;x\u{7}.json"], 1);
    // clap's own messages quote arguments too.
    for arg in ["lis\u{1b}]0;x\u{7}t", "li\u{9b}st\u{85}", "--\u{1b}[2J"] {
        let o = inert(&[arg], 2);
        assert!(
            stderr(&o).starts_with("error: unexpected argument")
                || stderr(&o).starts_with("error: unrecognized subcommand"),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn data_files_are_checked_before_they_are_read() {
    for (path, says) in [
        ("tests/fixtures/no-such-file.json", "cannot read the data file: it does not exist"),
        ("tests/fixtures", "cannot read the data file: it is a directory, not a file"),
        ("/dev/zero", "cannot read the data file: it is a device, not a regular file"),
    ] {
        let o = inert(&["list", "--data", path], 1);
        assert_eq!(stdout(&o), "");
        let err = stderr(&o);
        assert!(err.starts_with(&format!("{path}:1:1: {says}")), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = std::env::temp_dir().join(format!("timeline-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("data.json");
    let _ = std::fs::remove_file(&fifo);
    let made = Command::new("mkfifo").arg(&fifo).status().expect("run mkfifo");
    assert!(made.success());
    let o = inert(&["list", "--data", fifo.to_str().unwrap()], 1);
    assert!(stderr(&o).contains("it is a FIFO (named pipe), not a regular file"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_article_linked_from_outside_its_directory_is_refused() {
    let dir = std::env::temp_dir().join(format!("timeline-link-{}", std::process::id()));
    let articles = dir.join("seeds");
    std::fs::create_dir_all(&articles).unwrap();
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    std::fs::copy(here.join("timeline.json"), dir.join("timeline.json")).unwrap();
    std::fs::copy(here.join("hostile.txt"), dir.join("outside.txt")).unwrap();
    let link = articles.join("hostile.txt");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(dir.join("outside.txt"), &link).unwrap();
    let data = dir.join("timeline.json");
    let (data, seeds_arg) = (data.to_str().unwrap(), articles.to_str().unwrap());
    let o = inert(&["check", "--data", data, "--seeds", seeds_arg], 1);
    let err = stderr(&o);
    assert!(err.contains("cannot read source file `hostile.txt`"), "{err}");
    assert!(err.contains("is a symbolic link to") && err.contains("outside the articles directory"), "{err}");
    // A link that stays inside the directory is followed.
    std::fs::remove_file(&link).unwrap();
    std::fs::copy(dir.join("outside.txt"), articles.join("real.txt")).unwrap();
    std::os::unix::fs::symlink("real.txt", &link).unwrap();
    inert(&["check", "--data", data, "--seeds", seeds_arg], 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_closed_stdout_is_an_error() {
    // `>&-` in a shell: the program starts with descriptor 1 closed.
    let o = Command::new("sh")
        .args(["-c", &format!("'{}' list >&-", env!("CARGO_BIN_EXE_timeline"))])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run sh");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stderr(&o), "timeline: standard output is closed; nothing can be printed\n");
    // /dev/null is open: that is fine.
    let o = Command::new("sh")
        .args(["-c", &format!("'{}' list >/dev/null", env!("CARGO_BIN_EXE_timeline"))])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run sh");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn people_places_scan_and_every_export_are_inert() {
    for args in [&["people"][..], &["places"], &["people", "--json"], &["places", "--json"]] {
        let mut all = args.to_vec();
        all.extend(["--data", DATA]);
        inert(&all, 0);
    }
    // `scan` exits 1 while a mention is uncovered; its output is inert either way.
    let o = run(&["scan", "--data", DATA]);
    assert_eq!(first_control(&o.stdout), None, "{}", stdout(&o));
    assert_eq!(first_control(&o.stderr), None, "{}", stderr(&o));
    for format in ["markdown", "csv", "ics", "jsonl", "timelinejs", "native"] {
        let o = run(&["export", "--format", format, "--data", DATA]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        // iCalendar and CSV end their lines with CRLF: only those, tabs and `\n` stay; a CR
        // from a title is escaped.
        assert_eq!(first_raw_control(&o.stdout, true, true), None, "{format}: a control in the export");
        let text = String::from_utf8(o.stdout).expect("UTF-8");
        assert!(!text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)), "{format}: a C1 control");
        if format != "markdown" && format != "csv" && format != "ics" {
            let docs: Vec<&str> = if format == "jsonl" { text.lines().collect() } else { vec![&text] };
            for d in docs {
                serde_json::from_str::<Value>(d).unwrap_or_else(|e| panic!("{format}: not JSON ({e})"));
            }
        }
    }
}

/// A copy of the hostile data set under hostile names: the data file, its articles directory,
/// the article and the cache directory have ESC, CR, BEL and C1 controls in their names.
struct HostileNames {
    dir: std::path::PathBuf,
    data: String,
    broken: String,
    articles: String,
    cache: String,
}

fn hostile_names() -> HostileNames {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-names");
    let _ = std::fs::remove_dir_all(&dir);
    let articles = dir.join("arts\u{1b}[2J\u{85}");
    std::fs::create_dir_all(&articles).unwrap();
    let article = "x\u{1b}[41mRED\u{1b}[0m\r\u{7}\u{9b}.txt";
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut text = std::fs::read_to_string(fixtures.join("hostile.txt")).unwrap();
    // Dates for `scan` to report, one of them uncovered.
    text.push_str("On 3 February 2026 they met. On 5 March 2025 too.\n");
    std::fs::write(articles.join(article), text).unwrap();
    let mut data = original();
    data["sources"][0]["file"] = article.into();
    for e in data["events"].as_array_mut().unwrap() {
        e["sources"][0]["file"] = article.into();
    }
    let path = dir.join("d\u{1b}]0;T\u{7}\r\u{85}.json");
    std::fs::write(&path, serde_json::to_string_pretty(&data).unwrap()).unwrap();
    let mut broken: Value = serde_json::from_str(&std::fs::read_to_string(BROKEN).unwrap()).unwrap();
    broken["sources"][0]["file"] = article.into();
    let broken_path = dir.join("b\u{1b}[31m\r\u{9b}.json");
    std::fs::write(&broken_path, serde_json::to_string_pretty(&broken).unwrap()).unwrap();
    let cache = dir.join("cache\u{1b}]0;C\u{7}\r");
    let s = |p: &std::path::Path| p.to_str().unwrap().to_string();
    HostileNames { data: s(&path), broken: s(&broken_path), articles: s(&articles), cache: s(&cache), dir }
}

/// The first raw control character in `bytes` that is not `\n`, a `\t` where `tabs`, or the
/// `\r` of a `\r\n` where `crlf` (CSV and iCalendar end lines so).
fn first_raw_control(bytes: &[u8], tabs: bool, crlf: bool) -> Option<(usize, char)> {
    let text = String::from_utf8_lossy(bytes);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    chars.iter().enumerate().find_map(|(k, &(at, c))| {
        let allowed = c == '\n'
            || (c == '\t' && tabs)
            || (c == '\r' && crlf && chars.get(k + 1).is_some_and(|&(_, n)| n == '\n'));
        let bad =
            (c.is_control() && !allowed) || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        bad.then_some((at, c))
    })
}

#[test]
fn every_sub_command_is_inert_with_hostile_data_and_hostile_file_names() {
    let h = hostile_names();
    let (data, broken) = (h.data.as_str(), h.broken.as_str());
    let with = |args: &[&str], file: &str| {
        let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        all.extend(["--data".into(), file.into(), "--articles".into(), h.articles.clone()]);
        all
    };
    // (arguments, expected status, tabs allowed, CRLF line ends allowed)
    let mut runs: Vec<(Vec<String>, i32, bool, bool)> = vec![];
    for json in [false, true] {
        let j: &[&str] = if json { &["--json"] } else { &[] };
        for cmd in [&["list"][..], &["show", "hostile-one"], &["countries"], &["people"], &["places"]] {
            runs.push((with(&[cmd, j].concat(), data), 0, false, false));
        }
        runs.push((with(&[&["scan"], j].concat(), data), 1, false, false));
    }
    runs.push((with(&["check"], data), 0, false, false));
    runs.push((with(&["check", "--strict"], data), 0, false, false));
    for cmd in ["list", "check", "scan", "show"] {
        let args = if cmd == "show" { vec![cmd, "x"] } else { vec![cmd] };
        runs.push((with(&args, broken), 1, false, false));
    }
    runs.push((with(&["show", "no\u{1b}[2J\r"], data), 2, false, false));
    for format in ["markdown", "csv", "ics", "jsonl", "timelinejs", "native"] {
        let crlf = matches!(format, "csv" | "ics");
        runs.push((with(&["export", "--format", format], data), 0, true, crlf));
    }
    runs.push((with(&["cache", "path"], data), 0, false, false));
    runs.push((vec!["cache".into(), "path".into()], 0, false, false));
    runs.push((vec!["cache".into(), "clear".into()], 0, false, false));
    for (args, code, tabs, crlf) in runs {
        let o = Command::new(env!("CARGO_BIN_EXE_timeline"))
            .args(&args)
            .env("TIMELINE_CACHE_DIR", &h.cache)
            .stdin(Stdio::null())
            .output()
            .expect("run timeline");
        let shown: Vec<String> = args.iter().map(|a| a.escape_debug().to_string()).collect();
        assert_eq!(o.status.code(), Some(code), "timeline {shown:?}: {}", String::from_utf8_lossy(&o.stderr));
        for (name, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
            if let Some((at, c)) = first_raw_control(bytes, tabs, crlf) {
                let around =
                    String::from_utf8_lossy(&bytes[at.saturating_sub(40)..(at + 40).min(bytes.len())]);
                panic!("timeline {shown:?}: {c:?} at byte {at} of {name}: {around:?}");
            }
        }
        let out = String::from_utf8_lossy(&o.stdout);
        if args[0] == "scan" && args.iter().all(|a| a != "--json" && a != broken) {
            assert!(out.contains(r"x\u{1b}[41mRED\u{1b}[0m"), "timeline {shown:?}: {out}");
        }
    }
    // A file written with --out keeps the data as the format carries it: only stdout is inert.
    let file = h.dir.join("out.md");
    let o = run(&with(&["export", "--format", "markdown", "--out", file.to_str().unwrap()], data)
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("\\[forged\\]\r\u{1b}\\]0;PWNED\u{7}title"), "{written:?}");
    std::fs::remove_dir_all(&h.dir).unwrap();
}

/// A TimelineJS file with code in its URLs: media, thumbnail, link, background, the title
/// slide's media and a `javascript:` link in a slide's HTML.
const SCRIPT_TJS: &str = r#"{
  "title": {"text": {"headline": "Scripts"}, "media": {"url": "JavaScript:alert('title')"}},
  "events": [
    {
      "start_date": {"year": "2025", "month": "3"},
      "text": {"headline": "Media", "text": "<p>Read <a href=\"java&#115;cript:alert(2)\">this</a></p>"},
      "media": {"url": "javascript:alert(1)", "thumbnail": "data:text/html,<script>alert(3)</script>", "link": "vbscript:msgbox(4)", "caption": "a picture"},
      "background": {"url": " javascript:alert(5)"}
    },
    {
      "start_date": {"year": "2025", "month": "4"},
      "text": {"headline": "Harmless", "text": "<p>Plain <a href=\"https://example.org/\">link</a></p>"},
      "media": {"url": "https://example.org/p.jpg"}
    }
  ]
}
"#;

/// Line and column (1-based) of the first `needle` in `text`.
fn line_col(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("the needle is in the text");
    let line = text[..at].matches('\n').count() + 1;
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

#[test]
fn script_urls_are_warned_on_import_and_written_only_to_our_own_format() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("script-urls");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("scripts.json");
    std::fs::write(&path, SCRIPT_TJS).unwrap();
    let file = path.to_str().unwrap();
    let o = inert(&["list", "--data", file], 0);
    let err = stderr(&o);
    for (needle, what) in [
        ("\"javascript:alert(1)\"", "`media` `url` is a javascript: URL"),
        ("\"data:text/html", "`media` `thumbnail` is a data: URL"),
        ("\"vbscript:", "`media` `link` is a vbscript: URL"),
        ("\" javascript:alert(5)", "`background` `url` is a javascript: URL"),
        ("\"JavaScript:", "`media` `url` is a javascript: URL"),
        ("\"<p>Read", "the text's HTML has a script"),
    ] {
        let (line, col) = line_col(SCRIPT_TJS, needle);
        let want = format!("{file}:{line}:{col}: warning: {what}");
        assert!(err.contains(&want), "{want}\n{err}");
    }
    let script = |s: &str| {
        let s = s.to_ascii_lowercase();
        s.contains("javascript:")
            || s.contains("vbscript:")
            || s.contains("data:text/html")
            || s.contains("&#115;cript")
    };
    for format in ["timelinejs", "csv", "markdown", "ics", "jsonl"] {
        let o = run(&["export", "--format", format, "--data", file]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        assert_eq!(first_raw_control(&o.stdout, true, true), None, "{format}");
        let out = stdout(&o);
        assert!(!script(&out), "{format}: a script URL was exported:\n{out}");
        assert!(out.contains("Harmless") && out.contains("example.org"), "{format}: {out}");
        assert!(stderr(&o).contains("left out the URLs that would run code"), "{format}: {}", stderr(&o));
    }
    // The slide's text is kept, as plain text; media whose own URL is a script goes.
    let tjs = stdout(&inert(&["export", "--format", "timelinejs", "--data", file], 0));
    assert!(tjs.contains(">Read [this]") && !tjs.contains("a picture"), "{tjs}");
    // Our own format keeps the data as it came.
    let native = stdout(&inert(&["export", "--format", "native", "--data", file], 0));
    assert!(native.contains("javascript:alert(1)") && native.contains("vbscript:msgbox(4)"), "{native}");
    let list = stdout(&inert(&["list", "--data", file], 0));
    let id =
        list.lines().next().and_then(|l| l.rsplit_once('[')).map(|(_, id)| id.trim_end_matches(']')).unwrap();
    let shown = stdout(&inert(&["show", id, "--data", file], 0));
    assert!(!script(&shown), "{shown}");
    assert!(shown.contains("URLs that would run code (javascript, vbscript, data) left out"), "{shown}");
    std::fs::remove_dir_all(&dir).unwrap();
}
