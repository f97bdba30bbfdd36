//! The index cache, through the real binary: it is never stale (one changed byte of the data file
//! or of an article is seen), a damaged or foreign cache is rebuilt with the same results as
//! `--no-cache`, concurrent runs leave one valid cache, and `cache path|clear` work. Every test
//! has its own data set and cache directory under the target's temporary directory.

use crate::support;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use timeline::cache::VERSION_AT;

/// A generated data set and an empty cache directory of its own.
struct Fixture {
    dir: PathBuf,
    cache: PathBuf,
}

impl Fixture {
    fn new(name: &str) -> Fixture {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cache-test-{name}"));
        let _ = std::fs::remove_dir_all(&dir);
        support::synth::write(&dir.join("data"), 60, 7).expect("generate a data set");
        // Files changed in the last two seconds are "racy": the cache records no stat for them
        // and hashes them on every start. Older ones are checked by their stat, as most are.
        std::thread::sleep(std::time::Duration::from_millis(2500));
        Fixture { cache: dir.join("cache"), dir }
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data").join("data.json")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_timeline"));
        cmd.args(args);
        if args[0] != "cache" {
            cmd.arg("--data").arg(self.data());
        }
        cmd.env("TIMELINE_CACHE_DIR", &self.cache).stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run timeline")
    }

    /// Runs a command that must succeed and returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "timeline {args:?} failed: {err}");
        assert_eq!(err, "", "timeline {args:?}");
        String::from_utf8(o.stdout).expect("UTF-8")
    }

    /// The cache files in the cache directory (temporary files included).
    fn cache_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.cache)
            .map(|d| d.flatten().map(|e| e.path()).filter(|p| !p.ends_with("CACHEDIR.TAG")).collect())
            .unwrap_or_default();
        files.sort();
        files
    }

    /// The one cache file; panics unless there is exactly one.
    fn cache_file(&self) -> PathBuf {
        let files = self.cache_files();
        assert_eq!(files.len(), 1, "cache files: {files:?}");
        files[0].clone()
    }

    fn article(&self, n: usize) -> PathBuf {
        self.dir.join("data").join(format!("a{n:06}.txt"))
    }
}

/// Everything the program can print about a data set, to compare two ways of loading it.
const VIEWS: &[&[&str]] = &[
    &["list", "--json"],
    &["list", "--search", "to lam"],
    &["list", "--search", "'Baku !1983", "--json"],
    // Without --search, --no-cache folds no search index: the same lines all the same.
    &["list"],
    &["list", "--verified", "yes", "--from", "2000"],
    &["export", "--format", "jsonl"],
    &["countries"],
];

fn views(f: &Fixture, extra: &[&str]) -> Vec<String> {
    VIEWS.iter().map(|v| f.ok(&[v, extra].concat())).collect()
}

/// Replaces the first occurrence of `from` in a file with `to` (same length: one byte changed).
fn change(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn a_cache_is_written_on_the_first_run_and_gives_the_same_results() {
    let f = Fixture::new("same");
    let uncached = views(&f, &["--no-cache"]);
    assert!(f.cache_files().is_empty(), "--no-cache writes nothing");
    let first = views(&f, &[]);
    let file = f.cache_file();
    let bytes = std::fs::read(&file).expect("cache");
    let second = views(&f, &[]);
    assert_eq!(first, uncached);
    assert_eq!(second, uncached);
    // A hit leaves the file alone.
    assert_eq!(std::fs::read(&file).expect("cache"), bytes);
    let list = f.ok(&["list"]);
    let id = list.lines().next().and_then(|l| l.rsplit_once('[')).expect("an id").1.trim_end_matches(']');
    assert_eq!(f.ok(&["show", id]), f.ok(&["show", id, "--no-cache"]));
}

#[test]
fn one_changed_byte_of_the_data_file_is_seen() {
    let f = Fixture::new("data-byte");
    let before = f.ok(&["list", "--json"]);
    let cached = std::fs::read(f.cache_file()).expect("cache");
    // One letter of the first title.
    let data = std::fs::read_to_string(f.data()).expect("data");
    let title = data.find("\"title\":").expect("a title");
    let at = title + data[title..].find(|c: char| c.is_ascii_uppercase()).expect("a capital");
    let old = &data[at..at + 1];
    let new = if old == "X" { "Y" } else { "X" };
    std::fs::write(f.data(), format!("{}{new}{}", &data[..at], &data[at + 1..])).expect("write");
    let after = f.ok(&["list", "--json"]);
    assert_ne!(after, before, "the changed title shows");
    assert_eq!(after, f.ok(&["list", "--json", "--no-cache"]));
    assert_ne!(std::fs::read(f.cache_file()).expect("cache"), cached, "the cache was rebuilt");
}

#[test]
fn one_changed_byte_of_an_article_is_seen_and_a_changed_quote_fails() {
    let f = Fixture::new("article-byte");
    f.ok(&["list"]);
    let cached = std::fs::read(f.cache_file()).expect("cache");
    // A byte outside every quote: the article's last one (its final newline) becomes a space.
    let path = f.article(3);
    let mut bytes = std::fs::read(&path).expect("article");
    let last = bytes.len() - 1;
    bytes[last] = if bytes[last] == b' ' { b'\n' } else { b' ' };
    std::fs::write(&path, &bytes).expect("write");
    assert_eq!(f.ok(&["list"]), f.ok(&["list", "--no-cache"]));
    assert_ne!(std::fs::read(f.cache_file()).expect("cache"), cached, "re-verified and rebuilt");
    // Now a letter inside a quoted sentence: the quote no longer matches, cache or not.
    let quote = first_quote_of(&f, "a000003.txt");
    let word = quote.split(' ').find(|w| w.len() >= 3 && w.is_ascii()).expect("an ASCII word").to_string();
    let changed: String = word.chars().rev().collect::<String>();
    assert_ne!(changed, word, "reversing {word:?} changes it");
    change(&path, &quote, &quote.replacen(&word, &changed, 1));
    for args in [&["list"][..], &["check"]] {
        let o = f.run(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "timeline {args:?}: {err}");
        assert!(err.contains("not found in") && err.contains("a000003.txt"), "{err}");
    }
}

/// The first quote the data file cites from an article.
fn first_quote_of(f: &Fixture, file: &str) -> String {
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(f.data()).expect("data")).expect("JSON");
    let events = data["events"].as_array().expect("events");
    let citation = events
        .iter()
        .flat_map(|e| e["sources"].as_array().into_iter().flatten())
        .find(|c| c["file"] == file)
        .expect("a citation of the article");
    citation["quote"].as_str().expect("a quote").to_string()
}

#[test]
fn a_damaged_truncated_or_foreign_cache_is_rebuilt() {
    let f = Fixture::new("damaged");
    let expected = views(&f, &["--no-cache"]);
    f.ok(&["list"]);
    let file = f.cache_file();
    let good = std::fs::read(&file).expect("cache");
    let flip = |at: usize| {
        let mut b = good.clone();
        b[at] ^= 0x10;
        b
    };
    let mut foreign = good.clone();
    foreign[VERSION_AT] = foreign[VERSION_AT].wrapping_add(1);
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("truncated header", good[..20].to_vec()),
        ("truncated payload", good[..good.len() / 2].to_vec()),
        ("one byte short", good[..good.len() - 1].to_vec()),
        ("a byte too many", [&good[..], b"x"].concat()),
        ("bit flipped in the payload", flip(good.len() / 2)),
        ("bit flipped in the last byte", flip(good.len() - 1)),
        ("bit flipped in the checksum", flip(VERSION_AT + 4 + 8 + 8)),
        ("bit flipped in the magic", flip(0)),
        ("wrong version", foreign),
        ("not a cache", b"hello, this is not a cache file at all".repeat(10)),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&file, &bytes).expect("damage");
        assert_eq!(views(&f, &[]), expected, "{what}");
        // Rebuilt: the same bytes as the first cache (the encoding is deterministic).
        assert!(std::fs::read(&file).expect("cache") == good, "{what}: not rebuilt");
    }
}

#[test]
fn a_cache_built_for_other_files_is_never_used() {
    let a = Fixture::new("other-a");
    let b = Fixture::new("other-b");
    // Different contents at different paths: put b's data set aside and a's cache in its place.
    support::synth::write(&b.dir.join("data"), 40, 99).expect("generate");
    let expected = b.ok(&["list", "--json", "--no-cache"]);
    a.ok(&["list"]);
    b.ok(&["list"]);
    std::fs::copy(a.cache_file(), b.cache_file()).expect("copy");
    assert_eq!(b.ok(&["list", "--json"]), expected);
}

#[test]
fn concurrent_runs_both_succeed_and_leave_one_valid_cache() {
    let f = Fixture::new("concurrent");
    let expected = f.ok(&["list", "--no-cache"]);
    for _round in 0..3 {
        let _ = std::fs::remove_dir_all(&f.cache);
        let children: Vec<_> =
            (0..4).map(|_| f.command(&["list"]).stdout(Stdio::piped()).spawn().expect("spawn")).collect();
        for child in children {
            let o = child.wait_with_output().expect("wait");
            assert!(o.status.success());
            assert_eq!(String::from_utf8_lossy(&o.stdout), expected);
        }
        let file = f.cache_file(); // exactly one file, no temporary file left behind
        let bytes = std::fs::read(&file).expect("cache");
        assert_eq!(f.ok(&["list"]), expected);
        assert!(std::fs::read(&file).expect("cache") == bytes, "the cache was valid: left alone");
    }
}

#[test]
fn cache_path_and_clear() {
    let f = Fixture::new("path-clear");
    let dir = f.ok(&["cache", "path"]);
    assert_eq!(dir.trim_end(), f.cache.display().to_string());
    let file = f.ok(&["cache", "path", "--data", &f.data().display().to_string()]);
    f.ok(&["list"]);
    assert_eq!(Path::new(file.trim_end()), f.cache_file());
    let size = std::fs::metadata(f.cache_file()).expect("a cache").len();
    let cleared = f.ok(&["cache", "clear"]);
    let kb = format!("removed 1 cache file ({:.1} KB) from ", size as f64 / 1024.0);
    assert!(size < 1 << 20 && cleared.starts_with(&kb), "{cleared}");
    assert!(f.cache_files().is_empty());
    assert!(f.ok(&["cache", "clear"]).starts_with("removed 0 cache files"));
}

#[test]
fn the_cache_directory_and_its_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let f = Fixture::new("modes");
    f.ok(&["list"]);
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&f.cache), 0o700, "cache directory");
    assert_eq!(mode(&f.cache_file()), 0o600, "cache file");
}

#[test]
fn cache_clear_removes_only_the_files_it_made() {
    let f = Fixture::new("clear-foreign");
    f.ok(&["list"]);
    let ours = f.cache_file();
    // Files that look like ours by their name's end, but were not made by the program.
    let foreign = [".x.tmp", ".notes.tmp", "0123456789abcdef.tlc", "notes.tlc", "0123456789abcdef.tls"];
    for name in foreign {
        std::fs::write(f.cache.join(name), "the user's own").expect("write");
    }
    let leftover = f.cache.join(format!(".{}.Ab12cD.tmp", ours.file_name().unwrap().display()));
    std::fs::write(&leftover, "half a cache").expect("write");
    let cleared = f.ok(&["cache", "clear"]);
    assert!(cleared.starts_with("removed 2 cache files"), "{cleared}");
    assert!(!ours.exists() && !leftover.exists());
    for name in foreign {
        let kept = std::fs::read_to_string(f.cache.join(name)).expect("kept");
        assert_eq!(kept, "the user's own", "{name}");
    }
}

#[test]
fn a_fifo_in_place_of_the_cache_file_does_not_hang_the_start() {
    let f = Fixture::new("fifo");
    let expected = f.ok(&["list", "--no-cache"]);
    f.ok(&["list"]);
    let file = f.cache_file();
    std::fs::remove_file(&file).expect("remove");
    let c = std::ffi::CString::new(file.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
    let mut child = f.command(&["list"]).stdout(Stdio::piped()).spawn().expect("spawn");
    // A generous bound, not a measurement: a hang is killed so that the test fails, not waits.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().expect("wait").is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let exited = child.try_wait().expect("wait").is_some();
    if !exited {
        child.kill().expect("kill");
    }
    let out = child.wait_with_output().expect("output");
    assert!(exited, "timeline list hung on a FIFO cache file and was killed");
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).expect("UTF-8"), expected);
    // The FIFO was replaced by a good cache.
    assert!(std::fs::symlink_metadata(&file).expect("cache").file_type().is_file());
}

/// Changes a file's bytes (same length) and sets its mtime back to what it was: only the ctime
/// (which `touch` cannot set back) and the contents tell.
fn edit_keeping_mtime(path: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let mtime = std::fs::metadata(path).and_then(|m| m.modified()).expect("mtime");
    change(path, from, to);
    let file = std::fs::File::options().write(true).open(path).expect("open");
    file.set_modified(mtime).expect("set the mtime back");
    drop(file);
    assert_eq!(std::fs::metadata(path).and_then(|m| m.modified()).expect("mtime"), mtime);
}

/// Changes one capital letter of the first title of a data file, keeping its size and mtime.
fn edit_a_title_keeping_mtime(path: &Path) {
    let data = std::fs::read_to_string(path).expect("data");
    let title = data.find("\"title\":").expect("a title");
    let at = title + data[title..].find(|c: char| c.is_ascii_uppercase()).expect("a capital");
    let new = if &data[at..at + 1] == "Q" { "Z" } else { "Q" };
    edit_keeping_mtime(path, &data, &format!("{}{new}{}", &data[..at], &data[at + 1..]));
}

#[test]
fn an_edit_that_keeps_the_size_and_the_mtime_is_seen_by_its_ctime() {
    let f = Fixture::new("same-mtime");
    f.ok(&["list"]);
    let cached = std::fs::read(f.cache_file()).expect("cache");
    // Outside every quote (its final newline), then inside one: same size, mtime set back.
    let path = f.article(5);
    let text = std::fs::read_to_string(&path).expect("article");
    let last = &text[text.len() - 1..];
    edit_keeping_mtime(
        &path,
        &text,
        &format!("{}{}", &text[..text.len() - 1], if last == " " { "\n" } else { " " }),
    );
    assert_eq!(f.ok(&["list"]), f.ok(&["list", "--no-cache"]));
    assert_ne!(std::fs::read(f.cache_file()).expect("cache"), cached, "re-verified and rebuilt");
    let quote = first_quote_of(&f, "a000005.txt");
    let word = quote.split(' ').find(|w| w.len() >= 3 && w.is_ascii()).expect("an ASCII word").to_string();
    edit_keeping_mtime(&path, &quote, &quote.replacen(&word, &word.chars().rev().collect::<String>(), 1));
    let o = f.run(&["list"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("not found in") && err.contains("a000005.txt"), "{err}");
    // The data file too: one letter of a title.
    let g = Fixture::new("same-mtime-data");
    let before = g.ok(&["list", "--json"]);
    edit_a_title_keeping_mtime(&g.data());
    let after = g.ok(&["list", "--json"]);
    assert_ne!(after, before);
    assert_eq!(after, g.ok(&["list", "--json", "--no-cache"]));
}

#[test]
fn a_start_from_the_cache_reads_an_article_only_when_its_text_is_needed() {
    use timeline::cache::{self, Outcome};
    let f = Fixture::new("lazy");
    let load = || cache::load(&f.cache, &f.data(), None, &mut |_| {}).expect("loads");
    let cold = load();
    assert!(matches!(cold.cache, Outcome::Rebuilt(None)));
    let warm = load();
    assert_eq!(warm.cache, Outcome::Hit);
    let t = &warm.timeline;
    assert!(t.sources.iter().all(|s| !s.text.is_read()), "no article read at start");
    // Read when asked for: the same text, every quote where it was.
    let (i, s) = t.sources.iter().enumerate().find(|(_, s)| s.file == "a000002.txt").expect("a source");
    assert_eq!(s.text.as_str(), cold.timeline.sources[i].text.as_str());
    assert!(s.text.is_read());
    assert_eq!(t.sources.iter().filter(|s| s.text.is_read()).count(), 1, "only that one");
    for c in t.events.iter().flat_map(|e| &e.citations) {
        assert_eq!(c.quote, cold.timeline.sources[c.source].text[c.span.clone()]);
    }
    // An article edited after the start is not shown: a blank text that fits every quote's
    // place, and a note that says to reload.
    let warm = load();
    let (j, _) =
        warm.timeline.sources.iter().enumerate().find(|(_, s)| s.file == "a000004.txt").expect("a source");
    let path = f.article(4);
    let text = std::fs::read_to_string(&path).expect("article");
    std::fs::write(&path, format!("x{text}")).expect("write");
    let shown = warm.timeline.sources[j].text.as_str();
    assert!(shown.contains("changed on disk") && shown.contains("a000004.txt"), "{shown}");
    for c in warm.timeline.events.iter().flat_map(|e| &e.citations).filter(|c| c.source == j) {
        assert!(shown.get(c.span.clone()).is_some_and(|q| q.trim().is_empty()));
    }
}

#[test]
fn a_file_changed_just_before_the_cache_was_built_is_hashed_once_more_then_noted() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let f = Fixture::new("racy");
    // The data file and an article written again just now (the same bytes, a new ctime): too
    // recent for the cache to record their stat.
    for path in [f.data(), f.article(3)] {
        let bytes = std::fs::read(&path).expect("read");
        std::fs::write(&path, bytes).expect("write");
    }
    let expected = f.ok(&["list", "--json", "--no-cache"]);
    assert_eq!(f.ok(&["list", "--json"]), expected);
    let cache = f.cache_file(); // no note yet: nothing is settled
    std::thread::sleep(std::time::Duration::from_millis(2500));
    // Hashed (no stat to trust), found as the cache has them, and noted now that they settled.
    assert_eq!(f.ok(&["list", "--json"]), expected);
    let note = cache.with_extension("tls");
    assert_eq!(f.cache_files(), [cache.clone(), note.clone()]);
    let meta = std::fs::metadata(&note).expect("the note");
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    // The next start trusts the noted stats: it hashes nothing, so has nothing new to note.
    assert_eq!(f.ok(&["list", "--json"]), expected);
    assert_eq!(std::fs::metadata(&note).expect("the note").ino(), meta.ino(), "the note was written again");
    // An edit that keeps the size and the mtime is still seen (its ctime moved).
    edit_a_title_keeping_mtime(&f.data());
    let after = f.ok(&["list", "--json"]);
    assert_ne!(after, expected);
    assert_eq!(after, f.ok(&["list", "--json", "--no-cache"]));
    // A note is the cache's: `cache clear` removes it too.
    assert!(f.ok(&["cache", "clear"]).starts_with("removed 2 cache files"));
    assert!(f.cache_files().is_empty());
}

/// A warning read from the cache names the data file as this run names it, not as the run that
/// wrote the cache did (from another directory, or by another path).
#[test]
fn cached_warnings_name_the_data_file_as_this_run_does() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache-test-warning-paths");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).expect("a directory");
    std::fs::copy("tests/fixtures/timelinejs/silent.json", dir.join("sub/silent.json")).expect("copy");
    let run = |cwd: &Path, data: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_timeline"))
            .args(["list", "--data", data])
            .current_dir(cwd)
            .env("TIMELINE_CACHE_DIR", dir.join("cache"))
            .stdin(Stdio::null())
            .output()
            .expect("run timeline");
        assert!(o.status.success());
        String::from_utf8(o.stderr).expect("UTF-8")
    };
    let first = run(&dir.join("sub"), "silent.json");
    assert!(first.starts_with("silent.json:3:5: warning: "), "{first}");
    let cached = run(&dir, "sub/silent.json");
    assert_eq!(cached, first.replace("silent.json:", "sub/silent.json:"));
    assert_eq!(std::fs::read_dir(dir.join("cache")).expect("a cache").count(), 2, "one cache and its tag");
    assert_eq!(run(&dir.join("sub"), "./silent.json"), first.replace("silent.json:", "./silent.json:"));
}

/// Every date form a loader makes is one the cache's check accepts: a data set of each is read
/// from its cache on the second start (a season was refused, so its cache was written anew on
/// every start).
#[test]
fn every_date_form_is_read_back_from_the_cache() {
    use timeline::cache::{self, Outcome};
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache-test-date-forms");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a directory");
    let dates = [
        "2001-21",
        "2001-24~/2002-22",
        "196X",
        "19XX",
        "1966?",
        "1966-05%",
        "2020/..",
        "../2026-01-25",
        "2020/",
        "/1992",
        "-0499",
        "Y-170000002",
        "2025-05-07T10:30:05.250+07:00",
        "2025-05-07T10:30:00Z",
        "1984~/2004-06",
    ];
    let lines: Vec<String> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| crate::support::jsonl_event(&format!("e{i}"), d, "other", ""))
        .collect();
    let data = dir.join("dates.jsonl");
    std::fs::write(&data, lines.join("\n")).expect("write");
    let load = || cache::load(&dir.join("cache"), &data, None, &mut |_| {}).expect("loads");
    let cold = load();
    assert_eq!(cold.timeline.events.len(), dates.len());
    assert!(matches!(cold.cache, Outcome::Rebuilt(None)), "{:?}", cold.cache);
    assert_eq!(load().cache, Outcome::Hit);
}
