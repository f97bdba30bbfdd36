//! `timeline list --search` as scripts use it: field queries agree with the flags, mistakes are
//! usage errors (exit 2), and finding nothing is exit 1, as with grep, ripgrep and `fzf --filter`.

use std::process::{Command, Output, Stdio};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_timeline"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("run timeline")
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).expect("UTF-8")
}

/// The lines `list` prints, which must succeed.
fn list(args: &[&str]) -> Vec<String> {
    let mut all = vec!["list"];
    all.extend_from_slice(args);
    let o = run(&all);
    assert_eq!(o.status.code(), Some(0), "{all:?}: {}", text(&o.stderr));
    text(&o.stdout).lines().map(String::from).collect()
}

#[test]
fn field_queries_give_exactly_what_the_flags_give() {
    for (search, flags) in [
        ("country:LA kind:visit after:2025", &["--country", "LA", "--kind", "visit", "--from", "2025"][..]),
        ("country:lào", &["--country", "LA"]),
        ("country:usa", &["--country", "US"]),
        ("country:America", &["--country", "United States"]),
        ("kind:message before:2026-01", &["--kind", "message", "--to", "2026-01"]),
        ("year:2026 country:AZ", &["--from", "2026", "--to", "2026", "--country", "AZ"]),
        ("after:2025-05 before:2026-01-26", &["--from", "2025-05", "--to", "2026-01-26"]),
    ] {
        let by_search = list(&["--search", search]);
        assert!(!by_search.is_empty(), "{search}");
        assert_eq!(by_search, list(flags), "{search} vs {flags:?}");
    }
}

#[test]
fn field_queries_mix_with_words_and_negation() {
    let all = list(&["--search", "to lam"]);
    let laos = list(&["--search", "to lam country:LA"]);
    let not_laos = list(&["--search", "to lam !country:LA"]);
    assert!(!laos.is_empty() && !not_laos.is_empty());
    assert_eq!(laos.len() + not_laos.len(), all.len());
    assert!(laos.iter().all(|l| l.contains(" LA")), "{laos:?}");
    let messages = list(&["--search", "kind:message", "--chronological"]);
    assert!(messages.iter().all(|l| l.contains(" message ")));
    assert!(list(&["--search", "!kind:message"]).iter().all(|l| !l.contains(" message ")));
    assert!(list(&["--search", "status:planned"]).iter().all(|l| l.contains("(planned)")));
}

#[test]
fn unknown_fields_are_usage_errors_that_list_the_known_ones() {
    let o = run(&["list", "--search", "colour:red"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(text(&o.stdout), "");
    assert_eq!(
        text(&o.stderr),
        "timeline: --search: unknown field `colour:`; fields are country: kind: person: place: source: \
         status: after: before: year: group: verified:\n"
    );
    let o = run(&["list", "--search", "country:Laso"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(text(&o.stderr), "timeline: --search: unknown country `Laso`; did you mean Laos (LA)?\n");
}

#[test]
fn country_flag_takes_aliases_and_suggests() {
    assert_eq!(list(&["--country", "USA"]), list(&["--country", "US"]));
    assert_eq!(list(&["--country", "Turkey"]), list(&["--country", "TR"]));
    assert_eq!(list(&["--country", "Korea"]), list(&["--country", "KR"]));
    let o = run(&["list", "--country", "Azerbajan"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(text(&o.stderr), "timeline: unknown country `Azerbajan`; did you mean Azerbaijan (AZ)?\n");
}

#[test]
fn finding_nothing_exits_1() {
    for args in [
        &["list", "--search", "zzzqqq"][..],
        &["list", "--search", "zzzqqq", "--json"],
        &["list", "--country", "CU", "--from", "1950", "--to", "1951"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert_eq!(text(&o.stderr), "", "{args:?}");
    }
    assert_eq!(text(&run(&["list", "--search", "zzzqqq", "--json"]).stdout), "[]\n");
    assert_eq!(text(&run(&["list", "--search", "zzzqqq"]).stdout), "");
}
