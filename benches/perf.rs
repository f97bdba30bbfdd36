//! The performance table: `cargo bench --bench perf` (add `-- --quick` for 1k and 10k only).
//!
//! For each size (1k, 10k, 100k, 1M events) it generates a data set with the test support generator (`tests/support/synth.rs`)
//! (cached under target/bench-data), then, in a child process of its own so that peak memory is
//! that size's alone, measures: load (read, validate, verify quotes, sort), building the search
//! index, every keystroke of typing fixed queries (time to the new hit list, as the browser's
//! search worker computes it), and one frame of the main screen at 200×50 with a search active.
//! It also times the real binary from start to its first frame on the built-in data set, in a
//! pseudo-terminal. Medians and 95th percentiles; timings are wall-clock on this machine.
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
use timeline::app::{Action, Driver};
use timeline::load::{DataInput, load};
use timeline::search::{Engine, Filter, Incremental};
use timeline::ui::{Theme, render};

const QUERIES: &[&str] =
    &["to lam", "dai hoi xiv", "azerbaijan 2025", "'Baku !1983", "Tô Lâm", "thong loun sisoulith"];
const SEED: u64 = 42;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let n: usize = args[i + 1].parse().expect("size");
        child(n);
        return;
    }
    let sizes: &[usize] = if args.iter().any(|a| a == "--quick") {
        &[1_000, 10_000]
    } else {
        &[1_000, 10_000, 100_000, 1_000_000]
    };
    let rows: Vec<Vec<String>> = sizes.iter().map(|&n| run_child(n)).collect();
    let startup = startup_ms();
    print_table(sizes, &rows, &startup);
}

/// Runs one size in a fresh process and returns its printed cells.
fn run_child(n: usize) -> Vec<String> {
    let exe = std::env::current_exe().expect("bench binary");
    let out = Command::new(exe).args(["--child", &n.to_string()]).output().expect("child runs");
    if !out.status.success() {
        panic!("child {n} failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect()
}

fn data_dir(n: usize) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
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

fn child(n: usize) {
    let dir = data_dir(n);
    if !dir.join("data.json").exists() {
        synth::write(&dir, n, SEED).expect("generate");
    }
    let disk = disk_size(&dir);
    let input = DataInput::from_file(&dir.join("data.json"), None).expect("read");
    let runs = if n >= 1_000_000 {
        2
    } else if n >= 100_000 {
        4
    } else {
        10
    };
    let mut load_t = Vec::new();
    let mut timeline = None;
    for _ in 0..runs {
        drop(timeline.take()); // one timeline in memory at a time
        let t0 = Instant::now();
        let t = load(&input).expect("generated data loads");
        load_t.push(t0.elapsed());
        timeline = Some(t);
    }
    let errors = error_reports(&input, n);
    drop(input);
    let timeline = timeline.expect("loaded");
    let t0 = Instant::now();
    let engine = Engine::new(&timeline);
    let index_t = t0.elapsed();
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
    drop(engine);
    // One frame of the main screen at 200×50 with a search active.
    let (mut app, mut driver) = Driver::start(timeline, Filter::default(), 200, 50);
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
    let rss = peak_rss_kb() * 1024;
    println!("{}", stats(load_t));
    println!("{}", ms(index_t.as_secs_f64() * 1e3));
    println!("{}", stats(keys));
    println!("{}", stats(frames));
    println!("{} MB ({:.1}× the {} MB on disk)", rss >> 20, rss as f64 / disk as f64, disk >> 20);
    println!("{}", hits.iter().take(QUERIES.len()).map(|h| h.to_string()).collect::<Vec<_>>().join(", "));
    println!("{errors}");
}

/// The data set minified to one line with one mistake in every event (`knd` for `kind`; a
/// misspelt article name): time to find and place every problem, which used to be quadratic.
fn error_reports(input: &DataInput, n: usize) -> String {
    if n > 100_000 {
        return "–".into();
    }
    // Strings hold no raw newlines, so dropping each line break and its indentation minifies.
    let minified: String = input.text.lines().map(str::trim_start).collect();
    let cases = [
        ("knd", minified.replace("\"kind\": ", "\"knd\": ")),
        ("file", minified.replace(".txt\", \"quote\"", ".tx\", \"quote\"")),
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

/// Start-up to first frame of the real binary on the built-in data, in a pseudo-terminal.
fn startup_ms() -> String {
    let bin = env!("CARGO_BIN_EXE_timeline");
    let pty = native_pty_system();
    let times: Vec<Duration> = (0..20)
        .map(|_| {
            let pair =
                pty.openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 }).expect("pty");
            let mut cmd = CommandBuilder::new(bin);
            cmd.env("TIMELINE_EXIT_AFTER_FIRST_FRAME", "1");
            cmd.env("TERM", "xterm-256color");
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
        "load + verify quotes + sort (median / p95)",
        "build the search index (once, at load)",
        "keystroke → new hits (median / p95)",
        "frame 200×50, search active (median / p95)",
        "peak memory (RSS)",
        "hits for each query",
        "minified, a mistake in every event: all problems found (median / p95)",
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
