//! The performance table: `cargo bench --bench perf` (add `-- --quick` for 1k and 10k only,
//! `-- --max N` to stop at N events).
//!
//! For each size (1k, 10k, 100k, 1M events) it generates a data set with the test support generator (`tests/support/synth.rs`)
//! (cached under target/bench-data), then measures in child processes of their own (so that
//! peak memory is that run's alone), cache cold and cache warm: loading (cold: read, validate,
//! verify quotes, sort, fold the index and write the cache; warm: read and check the cache),
//! every keystroke of typing fixed queries (time to the new hit list, as the browser's search
//! worker computes it), one frame of the main screen at 200×50 with a search active, and the
//! real binary from start to its first frame in a pseudo-terminal. Medians and 95th
//! percentiles; timings are wall-clock on this machine.
//! Up to 100k events, it also times reporting every problem of a minified copy with one
//! mistake in every event.

#[path = "../tests/support/synth.rs"]
mod synth;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use timeline::app::{Action, App, Driver};
use timeline::cache::{self, Outcome};
use timeline::load::{DataInput, load};
use timeline::search::{Filter, Incremental};
use timeline::ui::{Theme, render};

const QUERIES: &[&str] =
    &["to lam", "dai hoi xiv", "azerbaijan 2025", "'Baku !1983", "Tô Lâm", "thong loun sisoulith"];
const SEED: u64 = 42;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let n: usize = args[i + 1].parse().expect("size");
        if args[i + 2] == "cold" {
            cold(n)
        } else {
            warm(n)
        }
        return;
    }
    let max = args.iter().position(|a| a == "--max").and_then(|i| args.get(i + 1)?.parse().ok());
    let max = if args.iter().any(|a| a == "--quick") { 10_000 } else { max.unwrap_or(1_000_000) };
    let sizes: Vec<usize> = [1_000, 10_000, 100_000, 1_000_000].into_iter().filter(|&n| n <= max).collect();
    let rows: Vec<Vec<String>> = sizes
        .iter()
        .map(|&n| {
            let mut row = run_child(n, "cold");
            row.extend(run_child(n, "warm"));
            row.extend(startup_ms(n));
            row
        })
        .collect();
    print_table(&sizes, &rows, &startup_builtin());
}

/// Runs one size in a fresh process and returns its printed cells.
fn run_child(n: usize, temperature: &str) -> Vec<String> {
    let exe = std::env::current_exe().expect("bench binary");
    let out = Command::new(exe).args(["--child", &n.to_string(), temperature]).output().expect("child runs");
    if !out.status.success() {
        panic!("child {n} failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect()
}

/// Absolute, for the child in a pty (which starts in another directory).
fn data_dir(n: usize) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    let target = std::env::current_dir().expect("a working directory").join(target);
    target.join("bench-data").join(format!("{n}-seed{SEED}"))
}

fn disk_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir).map_or(0, |d| d.flatten().filter_map(|e| e.metadata().ok()).map(|m| m.len()).sum())
}

fn peak_rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Median and 95th percentile, in milliseconds.
fn stats(mut d: Vec<Duration>) -> String {
    d.sort();
    let at = |p: f64| d[((d.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1e3;
    format!("{} / {}", ms(at(0.5)), ms(at(0.95)))
}

fn ms(v: f64) -> String {
    if v < 10.0 { format!("{v:.2} ms") } else { format!("{v:.0} ms") }
}
fn runs(n: usize) -> usize {
    if n >= 1_000_000 {
        1
    } else if n >= 100_000 {
        3
    } else {
        10
    }
}

/// The data set of size `n` (generated on first use) and its size on disk.
fn data_set(n: usize) -> (PathBuf, u64) {
    let dir = data_dir(n);
    if !dir.join("data.json").exists() {
        synth::write(&dir, n, SEED).expect("generate");
    }
    let disk = disk_size(&dir);
    (dir, disk)
}

/// The cache directory of size `n`'s runs (next to its data set, not in it).
fn cache_dir(n: usize) -> PathBuf {
    data_dir(n).with_extension("cache")
}

/// Peak memory so far, and as a multiple of the data set's size on disk.
fn memory(disk: u64) -> String {
    let rss = peak_rss_kb() * 1024;
    format!("{} MB ({:.1}× the {} MB data set)", rss >> 20, rss as f64 / disk as f64, disk >> 20)
}

/// Cache cold: load + verify as `check` does, then the first run through an empty cache.
fn cold(n: usize) {
    let (dir, disk) = data_set(n);
    let data = dir.join("data.json");
    let input = DataInput::from_file(&data, None).expect("read");
    let mut verify = Vec::new();
    for _ in 0..runs(n) {
        let t0 = Instant::now();
        let t = load(&input).expect("generated data loads");
        verify.push(t0.elapsed());
        drop(t);
    }
    let errors = error_reports(&input, n);
    drop(input);
    let mut first = Vec::new();
    for _ in 0..runs(n) {
        let _ = std::fs::remove_dir_all(cache_dir(n));
        let t0 = Instant::now();
        let loaded = cache::load(&cache_dir(n), &data, None, &mut |_| {}).expect("loads");
        first.push(t0.elapsed());
        assert_eq!(loaded.cache, Outcome::Rebuilt(None));
    }
    println!("{}", stats(verify));
    println!("{}", stats(first));
    println!("{}", memory(disk));
    println!("{errors}");
}

/// Cache warm: loading from the cache, then typing and drawing.
fn warm(n: usize) {
    let (dir, disk) = data_set(n);
    let data = dir.join("data.json");
    let mut load_t = Vec::new();
    let mut loaded = None;
    for _ in 0..runs(n) + 2 {
        drop(loaded.take()); // one timeline in memory at a time
        let t0 = Instant::now();
        let l = cache::load(&cache_dir(n), &data, None, &mut |_| {}).expect("loads");
        load_t.push(t0.elapsed());
        assert_eq!(l.cache, Outcome::Hit, "the cold run left a cache");
        loaded = Some(l);
    }
    let cache::Loaded { timeline, engine, .. } = loaded.expect("loaded");
    // Every keystroke of every query, narrowed incrementally as the search worker does.
    let mut keys = Vec::new();
    let mut hits = Vec::new();
    for _ in 0..if n >= 1_000_000 { 1 } else { 3 } {
        for q in QUERIES {
            let mut inc = Incremental::default();
            for end in q.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let f = Filter { query: q[..end].to_string(), ..Filter::default() };
                let t0 = Instant::now();
                let r = inc.search(&engine, &timeline, &f);
                keys.push(t0.elapsed());
                if end == q.len() {
                    hits.push(r.hits.len());
                }
            }
        }
    }
    // One frame of the main screen at 200×50 with a search active.
    let (mut app, first) = App::with_engine(timeline, engine, Filter::default(), 200, 50);
    let mut driver = Driver::new(&app);
    driver.carry_out(&mut app, Some(first));
    driver.apply(&mut app, Action::StartSearch);
    for c in "to lam".chars() {
        driver.apply(&mut app, Action::Input(c));
    }
    let theme = Theme::colored(false);
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    let frames: Vec<Duration> = (0..30)
        .map(|_| {
            let t0 = Instant::now();
            term.draw(|f| render(&app, f, &theme)).expect("draw");
            t0.elapsed()
        })
        .collect();
    let size = disk_size(&cache_dir(n));
    println!("{}", stats(load_t));
    println!("{}", memory(disk));
    println!("{}", stats(keys));
    println!("{}", stats(frames));
    println!("{} MB ({:.2}× the data set)", size >> 20, size as f64 / disk as f64);
    println!("{}", hits.iter().take(QUERIES.len()).map(|h| h.to_string()).collect::<Vec<_>>().join(", "));
}

/// The data set minified to one line with one mistake in every event (`knd` for `kind`; a
/// misspelt article name): time to find and place every problem, which used to be quadratic.
fn error_reports(input: &DataInput, n: usize) -> String {
    if n > 100_000 {
        return "–".into();
    }
    // Strings hold no raw newlines, so dropping each line break and its indentation minifies.
    let minified: String = input.text.lines().map(str::trim_start).collect();
    // The generator writes compact or spaced JSON: break either form, and make sure it broke.
    let break_all = |text: &str, pairs: [(&str, &str); 2]| {
        let broken = pairs.iter().fold(text.to_string(), |t, (from, to)| t.replace(from, to));
        assert_ne!(broken, text, "the mistake {pairs:?} is not in the generated data");
        broken
    };
    let cases = [
        ("knd", break_all(&minified, [("\"kind\": ", "\"knd\": "), ("\"kind\":", "\"knd\":")])),
        (
            "file",
            break_all(
                &minified,
                [(".txt\", \"quote\"", ".tx\", \"quote\""), (".txt\",\"quote\"", ".tx\",\"quote\"")],
            ),
        ),
    ];
    let cells: Vec<String> = cases
        .into_iter()
        .map(|(name, text)| {
            let broken = DataInput { text, ..input.clone() };
            let times: Vec<Duration> = (0..3)
                .map(|_| {
                    let t0 = Instant::now();
                    let e = load(&broken).expect_err("every event is broken");
                    let t = t0.elapsed();
                    assert!(e.problems.len() >= n);
                    t
                })
                .collect();
            format!("{name} {}", stats(times))
        })
        .collect();
    cells.join(" · ")
}

/// Start-up to first frame of the real binary in a pty on the data set of size `n`: cache cold
/// (emptied before each run), then warm.
fn startup_ms(n: usize) -> Vec<String> {
    let args = ["--data".to_string(), data_dir(n).join("data.json").display().to_string()];
    let cold = first_frames(&args, runs(n).min(3), n, true);
    let warm = first_frames(&args, runs(n) + 2, n, false);
    vec![cold, warm]
}

/// Start-up to first frame of the real binary on the built-in data, in a pseudo-terminal.
fn startup_builtin() -> String {
    first_frames(&[], 20, 0, false)
}

/// Times `timeline ARGS` from start to its first frame, `runs` times, with size `n`'s cache
/// directory; with `cold`, it is emptied before each run.
fn first_frames(args: &[String], runs: usize, n: usize, cold: bool) -> String {
    let bin = env!("CARGO_BIN_EXE_timeline");
    let pty = native_pty_system();
    let times: Vec<Duration> = (0..runs)
        .map(|_| {
            if cold {
                let _ = std::fs::remove_dir_all(cache_dir(n));
            }
            let pair =
                pty.openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 }).expect("pty");
            let mut cmd = CommandBuilder::new(bin);
            cmd.args(args);
            cmd.env("TIMELINE_EXIT_AFTER_FIRST_FRAME", "1");
            cmd.env("TERM", "xterm-256color");
            cmd.env("TIMELINE_CACHE_DIR", cache_dir(n));
            let mut reader = pair.master.try_clone_reader().expect("reader");
            std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
            let t0 = Instant::now();
            let mut child = pair.slave.spawn_command(cmd).expect("spawn");
            child.wait().expect("wait");
            t0.elapsed()
        })
        .collect();
    stats(times)
}

fn print_table(sizes: &[usize], rows: &[Vec<String>], startup: &str) {
    let names = [
        "cache cold: load + verify quotes + sort, as `check` (median / p95)",
        "cache cold: first run, load + verify + index + write the cache (median / p95)",
        "cache cold: peak memory (RSS)",
        "minified, a mistake in every event: all problems found (median / p95)",
        "cache warm: load from the cache (median / p95)",
        "cache warm: peak memory (RSS), loading, typing and drawing",
        "keystroke → new hits (median / p95)",
        "frame 200×50, search active (median / p95)",
        "cache size on disk",
        "hits for each query",
        "real binary, start to first frame, cache cold (median / p95)",
        "real binary, start to first frame, cache warm (median / p95)",
    ];
    let label = |n: usize| {
        if n >= 1_000_000 { format!("{}M events", n / 1_000_000) } else { format!("{}k events", n / 1000) }
    };
    println!("\nqueries typed one character at a time: {}", QUERIES.join(" · "));
    println!("start-up to first frame, built-in data set, real binary in a pty (median / p95): {startup}\n");
    for (i, name) in names.iter().enumerate() {
        println!("{name}");
        for (n, row) in sizes.iter().zip(rows) {
            println!("  {:>10}  {}", label(*n), row.get(i).map_or("", String::as_str));
        }
    }
}
