//! Every integration test, in one test binary: one link of the crate instead of one per file.
//! Each file under `tests/` is a module here (`mod_listing_is_complete` checks that none is left
//! out, since `autotests = false` in Cargo.toml means cargo no longer finds them by itself).

#[macro_use]
mod pty_harness;
mod support;

#[path = "architecture.rs"]
mod architecture;
#[path = "cache.rs"]
mod cache;
#[path = "cache_search.rs"]
mod cache_search;
#[path = "cli.rs"]
mod cli;
#[path = "cli_search.rs"]
mod cli_search;
#[path = "completions.rs"]
mod completions;
#[path = "curator.rs"]
mod curator;
#[path = "error_scale.rs"]
mod error_scale;
#[path = "facets.rs"]
mod facets;
#[path = "forged_cache.rs"]
mod forged_cache;
#[path = "hostile.rs"]
mod hostile;
#[path = "inert_prop.rs"]
mod inert_prop;
#[path = "jsonl.rs"]
mod jsonl;
#[path = "junk.rs"]
mod junk;
#[path = "keys_import.rs"]
mod keys_import;
#[path = "loader.rs"]
mod loader;
#[path = "markwhen.rs"]
mod markwhen;
#[path = "parallel_load.rs"]
mod parallel_load;
#[path = "preview.rs"]
mod preview;
#[path = "prop.rs"]
mod prop;
#[path = "pty.rs"]
mod pty;
#[path = "pty_edit.rs"]
mod pty_edit;
#[path = "pty_import.rs"]
mod pty_import;
#[path = "pty_input.rs"]
mod pty_input;
#[path = "pty_safety.rs"]
mod pty_safety;
#[path = "ranking_prop.rs"]
mod ranking_prop;
#[path = "reload.rs"]
mod reload;
#[path = "roundtrip.rs"]
mod roundtrip;
#[path = "search_rules.rs"]
mod search_rules;
#[path = "search_scale.rs"]
mod search_scale;
#[path = "shipped_data.rs"]
mod shipped_data;
#[path = "snapshots.rs"]
mod snapshots;
#[path = "snapshots_import.rs"]
mod snapshots_import;
#[path = "timelinejs.rs"]
mod timelinejs;
#[path = "writes.rs"]
mod writes;

/// A test file that is not mounted above would silently never run.
#[test]
fn mod_listing_is_complete() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let all = std::fs::read_to_string(dir.join("all.rs")).unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if let Some(stem) = name.strip_suffix(".rs").filter(|s| *s != "all") {
            assert!(
                all.contains(&format!("#[path = \"{stem}.rs\"]\nmod {stem};")),
                "tests/{name} is not mounted in tests/all.rs"
            );
        }
    }
}
