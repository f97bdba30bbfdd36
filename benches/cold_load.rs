//! The cold load, in process: `cargo bench --bench cold_load -- DATA.json [RUNS]`.
//!
//! Alternates, `RUNS` times (default 5), reading the data file and every file of its articles'
//! directory once (the floor: the time to read the data), loading on one thread as before the
//! parallel load, and loading in parts on all cores; then folds the search index once. Prints
//! medians and the ratio of each load to the read. The result of both loads is compared, so a
//! difference is an error, not a number.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use timeline::load::json::Split;
use timeline::load::{DataInput, load_split};
use timeline::search::Engine;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let Some(data) = args.first().map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench cold_load -- DATA.json [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let (mut read, mut one, mut parts) = (Vec::new(), Vec::new(), Vec::new());
    let (mut cpu_one, mut cpu_parts) = (Vec::new(), Vec::new());
    let mut fold = Duration::ZERO;
    for run in 0..runs {
        read.push(read_once(&data));
        let c0 = cpu();
        let (t1, a) = timed_load(&data, Split::ONE_THREAD);
        let c1 = cpu();
        let (t2, b) = timed_load(&data, Split::all_cores());
        cpu_parts.push(cpu() - c1);
        cpu_one.push(c1 - c0);
        assert_eq!(format!("{a:?}"), format!("{b:?}"), "both loads give the same result");
        one.push(t1);
        parts.push(t2);
        if run == 0 {
            let t = b.expect("a valid data set");
            let t0 = Instant::now();
            let engine = Engine::new(&t);
            fold = t0.elapsed();
            drop(engine);
        }
    }
    let floor = median(&mut read);
    println!("data: {} ({runs} runs, {} threads)", data.display(), Split::all_cores().threads);
    println!("read the data file and its articles once: {:7.1} ms", ms(floor));
    let rows = [
        ("load, one thread (before)", &mut one, &mut cpu_one),
        ("load, in parts on all cores", &mut parts, &mut cpu_parts),
    ];
    for (name, times, cpu) in rows {
        let m = median(times);
        let ratio = m.as_secs_f64() / floor.as_secs_f64();
        println!("{name:<38} {:7.1} ms  ({ratio:.2}× the read), CPU {:7.1} ms", ms(m), ms(median(cpu)));
    }
    println!("fold the search index (Engine::new):   {:7.1} ms", ms(fold));
}

fn timed_load(
    data: &Path,
    split: Split,
) -> (Duration, Result<timeline::model::Timeline, timeline::load::LoadError>) {
    let t0 = Instant::now();
    let input = DataInput::from_file(data, None).expect("a readable data file");
    let result = load_split(&input, split);
    (t0.elapsed(), result)
}

/// Reads the data file and every file in its directory (its articles) once.
fn read_once(data: &Path) -> Duration {
    let t0 = Instant::now();
    let mut bytes = std::fs::read(data).expect("read the data file").len();
    let dir = data.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    for entry in std::fs::read_dir(dir).expect("list the articles").flatten() {
        if entry.path() != data && entry.path().extension().is_some_and(|e| e == "txt") {
            bytes += std::fs::read(entry.path()).map_or(0, |b| b.len());
        }
    }
    assert!(bytes > 0);
    t0.elapsed()
}

/// CPU time (user and system) of this process so far, all threads.
fn cpu() -> Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(u.ru_utime) + tv(u.ru_stime)
}

fn median(d: &mut [Duration]) -> Duration {
    d.sort();
    d[d.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
