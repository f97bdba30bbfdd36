//! The curator's tools on small fixtures: people and places registries (resolved, and rejected
//! with "did you mean" at `file:line:col`), `timeline people` / `places`, and `timeline scan`.
//! Positions were counted by hand in the fixtures (columns in characters, 1-based).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use timeline::load::{ArticleStore, DataInput, LoadError, load};
use timeline::model::{EntityKind, Timeline};
use timeline::scan::{self, Coverage};

const FIXTURES: &str = "tests/fixtures";
const SEEDS: &str = "tests/fixtures/seeds";

fn load_fixture(name: &str) -> Result<Timeline, LoadError> {
    load(&DataInput::from_file(&Path::new(FIXTURES).join(name), Some(PathBuf::from(SEEDS)))?)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_timeline"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("run timeline")
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).expect("UTF-8 output")
}

fn fixture_args<'a>(cmd: &'a str, name: &'a str, rest: &[&'a str]) -> Vec<String> {
    let data = format!("{FIXTURES}/{name}");
    let mut args = vec![cmd.to_string(), "--data".into(), data, "--seeds".into(), SEEDS.into()];
    args.extend(rest.iter().map(|s| s.to_string()));
    args
}

fn run_fixture(cmd: &str, name: &str, rest: &[&str]) -> Output {
    let args = fixture_args(cmd, name, rest);
    run(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn aliases_resolve_to_one_person_with_its_canonical_name() {
    let t = load_fixture("registry.json").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.people.len(), 1);
    assert_eq!(t.people[0].name, "Tô Lâm");
    assert_eq!(t.people[0].aliases, ["To Lam"]);
    assert_eq!(t.people[0].role.as_deref(), Some("General Secretary"));
    // One event wrote `To Lam`, the other `Tô Lâm`: both now name person 0, canonically.
    for e in t.events.iter().filter(|e| !e.person_ids.is_empty()) {
        assert_eq!(t.name_list(e, EntityKind::Person), ["Tô Lâm"], "{}", e.id);
        assert_eq!(e.person_ids, [0], "{}", e.id);
    }
    assert_eq!(t.entity_counts(EntityKind::Person, 0..t.events.len()), [2]);
    assert_eq!(t.find_entities(EntityKind::Person, "to lam"), [0]);
    assert_eq!(t.find_entities(EntityKind::Person, "TÔ LÂM"), [0]);
    assert_eq!(t.find_entities(EntityKind::Place, "ha noi"), [1]);
}

#[test]
fn without_a_registry_each_name_is_its_own_entity() {
    let t = load_fixture("valid.json").unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = t.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"To Lam") && names.contains(&"Tô Lâm"), "{names:?}");
    for e in &t.events {
        let back: Vec<&str> = e.person_ids.iter().map(|&i| t.people[i].name.as_str()).collect();
        assert_eq!(back, t.name_list(e, EntityKind::Person), "{}", e.id);
    }
}

#[test]
fn unknown_people_and_places_are_rejected_with_did_you_mean() {
    let e = load_fixture("unknown_person.json").expect_err("must be rejected");
    let got: Vec<String> = e.problems.iter().map(ToString::to_string).collect();
    let f = "tests/fixtures/unknown_person.json";
    assert_eq!(
        got,
        [
            format!(
                "{f}:59:18: unknown place `Bakou`: not in the `places` registry; did you mean `Baku`? If not, add it to `places`, with its other spellings as `aliases`"
            ),
            format!(
                "{f}:60:18: unknown person `To Lm`: not in the `people` registry; did you mean `Tô Lâm`? If not, add it to `people`, with its other spellings as `aliases`"
            ),
            format!(
                "{f}:60:27: unknown person `Ilham Aliyev`: not in the `people` registry; add it to `people`, with its other spellings as `aliases`"
            ),
        ]
    );
    let o = run_fixture("check", "unknown_person.json", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains(":60:18: unknown person `To Lm`"), "{}", text(&o.stderr));
}

#[test]
fn a_spelling_must_be_in_the_entitys_quotes_and_lead_to_one_entry() {
    let dir = std::env::temp_dir().join(format!("timeline-curator-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let base = std::fs::read_to_string(Path::new(FIXTURES).join("registry.json")).unwrap();
    let bad = base
        .replace(r#""aliases": ["To Lam"]"#, r#""aliases": ["To Lam", "Tô Lâm Jr"]"#)
        .replace(r#"{ "name": "Hà Nội" }"#, r#"{ "name": "Hà Nội" }, { "name": "Baku" }"#);
    assert_ne!(bad, base);
    let path = dir.join("bad.json");
    std::fs::write(&path, bad).unwrap();
    let e = load(&DataInput::from_file(&path, Some(PathBuf::from(SEEDS))).unwrap()).expect_err("rejected");
    let msgs: Vec<&str> = e.problems.iter().map(|p| p.message.as_str()).collect();
    assert!(msgs.iter().any(|m| m.starts_with("`Tô Lâm Jr` is in none of this person's quotes")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.starts_with("`Baku` is already a name of the place `Baku`")), "{msgs:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn people_and_places_list_with_counts() {
    let o = run_fixture("people", "registry.json", &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "  2  Tô Lâm  General Secretary  (also To Lam)\n");
    let o = run_fixture("places", "registry.json", &["--json"]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(
        v,
        serde_json::json!([
            { "name": "Baku", "aliases": [], "events": 1 },
            { "name": "Hà Nội", "aliases": [], "events": 1 }
        ])
    );
}

#[test]
fn scan_reports_the_one_uncovered_mention_at_its_position() {
    let o = run_fixture("scan", "scan_one_uncovered.json", &[]);
    assert_eq!(o.status.code(), Some(1), "uncovered mentions exit with 1");
    let out = text(&o.stdout);
    let uncovered: Vec<&str> = out.lines().filter(|l| l.ends_with(": uncovered")).collect();
    assert_eq!(
        uncovered,
        [r#"tests/fixtures/seeds/en_baku.txt:3:7: "7 May 2025" → 2025-05-07 (day, as written): uncovered"#]
    );
    assert!(out.contains(r#"tests/fixtures/seeds/vi_to_lam.txt:3:9: "ngày 30/1/2026" → 2026-01-30 (day, as written): ignored: the article's dateline"#), "{out}");
    assert!(out.contains("tests/fixtures/seeds/vi_to_lam.txt:5:55: \"tuần tới\" → 2026-02-02..2026-02-08 (week, relative to the article's date (2026-01-30)): covered by to-lam-visits-laos-2026"), "{out}");
    assert!(
        out.contains("tests/fixtures/seeds/en_baku.txt: 1 / 2 covered (50%; 1 by events, 0 ignored)\n"),
        "{out}"
    );
    assert!(out.ends_with("all articles: 4 / 5 covered (80%)\n"), "{out}");
}

#[test]
fn scan_json_says_the_same() {
    let o = run_fixture("scan", "scan_one_uncovered.json", &["--json"]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!((v["covered"].as_u64(), v["total"].as_u64()), (Some(4), Some(5)));
    let baku = &v["articles"][1];
    assert_eq!(baku["file"], "tests/fixtures/seeds/en_baku.txt");
    let first = &baku["mentions"][0];
    assert_eq!(
        (&first["line"], &first["col"], &first["text"], &first["status"]),
        (&Value::from(3), &Value::from(7), &Value::from("7 May 2025"), &Value::from("uncovered"))
    );
    let on_may_7 = &baku["mentions"][1];
    assert_eq!(on_may_7["resolved"], "year from the article's date");
    assert_eq!(on_may_7["events"], serde_json::json!(["baku-talks-2025"]));
}

#[test]
fn scan_counts_an_event_quote_in_the_same_sentence_as_covering() {
    let mut t = load_fixture("valid.json").unwrap();
    let articles = ArticleStore::Dir(PathBuf::from(SEEDS));
    let congress = t.events.iter().position(|e| e.id == "fourteenth-congress-2026").unwrap();
    let text = t.sources[0].text.clone();
    let on_line_7 = |t: &Timeline| {
        let scans = scan::scan(t, &articles);
        scans[0].mentions.iter().find(|m| m.line == 7).expect("the month on line 7").coverage.clone()
    };
    // "Đại hội XIV của Đảng đã diễn ra tại Hà Nội vào tháng 1/2026." is one sentence: a quote of
    // its first words, which does not reach the month, still covers it.
    let start = text.find("Đại hội XIV của Đảng đã").unwrap();
    t.events[congress].citations[0].span = start..start + "Đại hội XIV".len();
    assert_eq!(on_line_7(&t), Coverage::Events(vec![congress]));
    // The same words in the sentence before do not.
    let before = text.find("sau Đại hội XIV của Đảng.").unwrap();
    t.events[congress].citations[0].span = before..before + "sau Đại hội XIV".len();
    assert_eq!(on_line_7(&t), Coverage::Uncovered);
}

#[test]
fn scan_positions_are_in_the_file_as_saved_even_when_decomposed() {
    let o = run_fixture("scan", "valid_nfd.json", &[]);
    let out = text(&o.stdout);
    // "Hà Nội, " is 11 code points in NFD (8 in NFC): the loader's convention for saved files.
    assert!(out.starts_with("tests/fixtures/seeds/vi_to_lam_nfd.txt:3:12: \"ngày 30/1/2026\""), "{out}");
}

#[test]
fn list_filters_by_person_or_place_name_or_alias() {
    let o = run_fixture("list", "registry.json", &["--person", "to lam"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    // Both the event that wrote `To Lam` and the one that wrote `Tô Lâm`.
    assert!(out.contains("[baku-talks-2025]") && out.contains("[to-lam-visits-laos-2026]"), "{out}");
    assert_eq!(out.lines().count(), 2, "{out}");
    let o = run_fixture("list", "registry.json", &["--place", "ha noi"]);
    assert_eq!(text(&o.stdout).lines().count(), 1);
    let o = run_fixture("list", "registry.json", &["--person", "nobody"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(text(&o.stderr), "timeline: no person matches `nobody`; `timeline people` lists them\n");
    // A part of a name that two people share must be made precise.
    let o = run(&["list", "--person", "aliyev"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("could be any of: Heydar Aliyev, Ilham Aliyev"));
}

#[test]
fn a_registry_after_the_events_still_resolves_them() {
    let base = std::fs::read_to_string(Path::new(FIXTURES).join("registry.json")).unwrap();
    let start = base.find("  \"people\": [").unwrap();
    let end = base.find("  \"events\": [").unwrap();
    let registries = &base[start..end];
    let moved = format!("{}{}", &base[..start], &base[end..]);
    let close = moved.rfind('}').unwrap();
    let moved =
        format!("{},\n{}}}\n", moved[..close].trim_end(), registries.trim_end().trim_end_matches(','));
    let dir = std::env::temp_dir().join(format!("timeline-curator-late-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("late.json");
    std::fs::write(&path, &moved).unwrap();
    let t = load(&DataInput::from_file(&path, Some(PathBuf::from(SEEDS))).unwrap())
        .unwrap_or_else(|e| panic!("{e}\n{moved}"));
    assert!(moved.find("\"people\"").unwrap() > moved.find("\"events\"").unwrap());
    assert_eq!(t.people.len(), 1);
    let people = |e| t.name_list(e, EntityKind::Person);
    assert!(t.events.iter().filter(|e| !e.person_ids.is_empty()).all(|e| people(e) == ["Tô Lâm"]));
    std::fs::remove_dir_all(&dir).ok();
}

const UNDATED: &str = "tests/fixtures/undated/timeline.json";

/// The first control character (C0 but `\n`, DEL, C1) or bidi control in `text`.
fn first_control(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn scan_undated_lists_actions_with_what_cites_them_and_stays_inert() {
    let o = run(&["scan", "--undated", "--data", UNDATED]);
    assert_eq!(o.status.code(), Some(1), "an uncovered action exits with 1");
    let out = text(&o.stdout);
    assert_eq!(first_control(&out), None, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    let path = "tests/fixtures/undated/vi_undated.txt";
    // The dated sentence (line 3) is the date scan's; `tiếp tục` (line 8) is not an action.
    let envoy = "Tô Lâm, Tập Cận Bình: receives (\"tiếp\") in \"Tổng Bí thư Tô Lâm tiếp Đặc phái viên của Chủ tịch Tập Cận Bình\": cited by to-lam-receives-envoy-2026";
    assert_eq!(
        lines[..4],
        [
            format!("{path}:5:20: {envoy}"),
            // The related-news item again: the event's quote counts wherever it appears.
            format!("{path}:6:20: {envoy}"),
            format!(
                "{path}:7:8: Tô Lâm: meets (\"gặp\") in \"Tô Lâm gặp gỡ bà con kiều bào tại Hà Nội.\": ignored: a meeting with overseas Vietnamese\\u{{1b}}[31m, with no partner country"
            ),
            format!(
                "{path}:9:18: Tô Lâm, Tập Cận Bình: holds talks (\"hội đàm\") in \"Tô Lâm \\u{{1b}}]0;PWNED\\u{{7}}hội đàm với \\u{{202e}}Tập Cận Bình.\": uncovered"
            ),
        ]
    );
    assert!(
        out.contains(&format!("{path}: 3 / 4 undated actions dealt with (2 cited by events, 1 ignored)\n")),
        "{out}"
    );
    assert!(out.ends_with("all articles: 3 / 4 undated actions dealt with, 1 uncovered\n"), "{out}");
}

#[test]
fn scan_undated_json_round_trips_the_sentence() {
    let o = run(&["scan", "--undated", "--json", "--data", UNDATED]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    assert_eq!(first_control(&out), None, "{out}");
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!((v["dealt_with"].as_u64(), v["total"].as_u64()), (Some(3), Some(4)));
    let actions = v["articles"][0]["actions"].as_array().expect("actions");
    let status: Vec<&str> = actions.iter().map(|a| a["status"].as_str().unwrap()).collect();
    assert_eq!(status, ["cited", "cited", "ignored", "uncovered"]);
    let last = &actions[3];
    assert_eq!(last["sentence"], "Tô Lâm \u{1b}]0;PWNED\u{7}hội đàm với \u{202e}Tập Cận Bình.");
    assert_eq!(last["people"], serde_json::json!(["Tô Lâm", "Tập Cận Bình"]));
    assert_eq!(
        (&last["verbs"], &last["means"]),
        (&serde_json::json!(["hội đàm"]), &serde_json::json!(["holds talks"]))
    );
    assert_eq!((&last["line"], &last["col"]), (&Value::from(9), &Value::from(18)));
    assert_eq!(actions[0]["events"], serde_json::json!(["to-lam-receives-envoy-2026"]));
}

#[test]
fn scan_fails_while_an_undated_action_is_uncovered_and_says_where_to_look() {
    // Every date is covered, but one undated action is not: exit 1, and stderr says why.
    let o = run(&["scan", "--data", UNDATED]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).ends_with("all articles: 1 / 1 covered (100%)\n"), "{}", text(&o.stdout));
    assert_eq!(
        text(&o.stderr),
        "timeline: 1 undated action of registry people is cited by no event; `timeline scan --undated` lists it\n"
    );
    // A data set where every action is dealt with (the built-in one) says nothing more.
    let o = run(&["scan"]);
    assert_eq!((o.status.code(), text(&o.stderr)), (Some(0), String::new()));
}
