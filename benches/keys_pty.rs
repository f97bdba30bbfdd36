//! Keystroke latency of the real binary in a pseudo-terminal:
//! `cargo bench --bench keys_pty -- DATA.json [REPS] [QUERY…]` (default 10 repetitions of
//! "to lam" and "dai hoi xiv"; 0 repetitions: only the start, then the program is killed).
//!
//! Starts `timeline --data DATA.json` in an 80×24 pty (its index cache in
//! target/bench-keys-cache, so runs after the first start warm, or in `TIMELINE_CACHE_DIR` if that
//! is set), prints when the first frame and the whole data set are on the screen (a warm start
//! first shows a preview; a cold one writes its cache after its first frame), opens the search with `/`, and
//! types each query one key at a time. A key counts as done when the screen (parsed by vt100)
//! shows the new query in the status line and the search's final count (`… of N · by …`), no
//! longer `searching…`. Between repetitions the line is cleared with Ctrl-U. Prints p50 and p95
//! per key and over all keys.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Output seen so far, parsed.
struct Screen {
    parser: vt100::Parser,
    eof: bool,
}

type Shared = Arc<(Mutex<Screen>, Condvar)>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    // The pty's command starts in the home directory: the path must not be relative.
    let Some(data) = args.first().map(|d| std::path::absolute(d).unwrap_or_else(|_| PathBuf::from(d))) else {
        eprintln!("usage: cargo bench --bench keys_pty -- DATA.json [REPS] [QUERY…]");
        std::process::exit(2);
    };
    let reps: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(10);
    let mut queries: Vec<String> = args.iter().skip(2).cloned().collect();
    if queries.is_empty() {
        queries = vec!["to lam".into(), "dai hoi xiv".into()];
    }
    let pair = native_pty_system()
        .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_timeline"));
    cmd.args(["--data".as_ref(), data.as_os_str()]);
    cmd.env("TERM", "xterm-256color");
    let cache = std::env::var_os("TIMELINE_CACHE_DIR").map_or_else(
        || std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-keys-cache"),
        PathBuf::from,
    );
    // Absolute: the pty's command starts in the home directory.
    let cache = std::path::absolute(&cache).unwrap_or(cache);
    cmd.env("TIMELINE_CACHE_DIR", cache);
    let mut child = pair.slave.spawn_command(cmd).expect("start timeline");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    let shared: Shared = Arc::new((
        Mutex::new(Screen { parser: vt100::Parser::new(nz(24), nz(80), 0), eof: false }),
        Condvar::new(),
    ));
    let out = Arc::clone(&shared);
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        loop {
            let n = reader.read(&mut buf).unwrap_or(0);
            let mut s = out.0.lock().expect("screen");
            if n == 0 {
                s.eof = true;
            } else {
                s.parser.process(&buf[..n]);
            }
            out.1.notify_all();
            if n == 0 {
                return;
            }
        }
    });
    let t0 = Instant::now();
    wait(&shared, "the first frame", Duration::from_secs(300), |s| s.contains(" Timeline "));
    println!("first frame after {:.0} ms", t0.elapsed().as_secs_f64() * 1000.0);
    // From a warm cache the first frame is a preview: the keys are for the whole data set.
    wait(&shared, "the whole data set", Duration::from_secs(600), |s| {
        s.contains(" of ") && !s.contains("loading all")
    });
    println!("whole data set after {:.0} ms", t0.elapsed().as_secs_f64() * 1000.0);
    if reps == 0 {
        let _ = child.kill();
        return;
    }
    // Whatever finishes after the first frame (counts, tallies) is left to settle.
    std::thread::sleep(Duration::from_secs(3));
    let mut send = |keys: &str| {
        writer.write_all(keys.as_bytes()).expect("type");
        writer.flush().expect("flush");
    };
    send("/");
    wait(&shared, "the search line", Duration::from_secs(60), |s| s.contains("▏"));
    let mut all = Vec::new();
    for q in &queries {
        let mut per_key: Vec<Vec<Duration>> = vec![Vec::new(); q.chars().count()];
        for _ in 0..reps {
            send("\x15");
            wait(&shared, "an empty line", Duration::from_secs(60), |s| settled(s, ""));
            for (k, (i, c)) in q.char_indices().enumerate() {
                let prefix = &q[..i + c.len_utf8()];
                let t = Instant::now();
                send(&c.to_string());
                wait(&shared, prefix, Duration::from_secs(60), |s| settled(s, prefix));
                per_key[k].push(t.elapsed());
            }
        }
        println!("{q:?}, {reps} repetitions (ms, p50 / p95 per key):");
        for (k, (i, c)) in q.char_indices().enumerate() {
            println!("  {:<16} {}", format!("{:?}", &q[..i + c.len_utf8()]), stats(&mut per_key[k]));
            all.extend(per_key[k].iter().copied());
        }
    }
    println!("all keys: {} ({} keys)", stats(&mut all), all.len());
    send("\x1b");
    // Apart: Esc and `q` in one read are Alt-q, which quits nothing.
    wait(&shared, "the search closed", Duration::from_secs(60), |s| !s.contains("▏"));
    send("q");
    // A cold start writes its cache behind the first frame and waits for it when it quits: the
    // next run is warm only if that write ends.
    let deadline = Instant::now() + Duration::from_secs(300);
    while matches!(child.try_wait(), Ok(None)) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
}

/// The status line shows `/prefix▏` and the final count, not `searching…`.
fn settled(screen: &str, prefix: &str) -> bool {
    screen.lines().any(|l| l.contains(&format!("/{prefix}▏")) && l.contains(" of ") && l.contains(" · by "))
        && !screen.contains("searching…")
}

fn wait(shared: &Shared, what: &str, timeout: Duration, done: impl Fn(&str) -> bool) {
    let deadline = Instant::now() + timeout;
    let mut s = shared.0.lock().expect("screen");
    loop {
        if done(&s.parser.screen().contents()) {
            return;
        }
        let now = Instant::now();
        if s.eof || now >= deadline {
            panic!("waiting for {what}: the screen is\n{}", s.parser.screen().contents());
        }
        s = shared.1.wait_timeout(s, deadline - now).expect("screen").0;
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("not zero")
}

fn stats(d: &mut [Duration]) -> String {
    d.sort();
    let at = |p: f64| d[((d.len() as f64 * p).ceil() as usize).clamp(1, d.len()) - 1].as_secs_f64() * 1000.0;
    format!("{:7.1} / {:7.1}", at(0.5), at(0.95))
}
