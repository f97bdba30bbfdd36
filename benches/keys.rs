//! Keystroke by keystroke, in process: `cargo bench --bench keys -- DATA.json CACHE_DIR [REPS]
//! [QUERY…]` (default 5 repetitions of "to lam", "Tô Lâm" and "dai hoi xiv").
//!
//! Loads the data set through its index cache (`CACHE_DIR`; the first run builds it, and says
//! so), then types each query one character at a time through `Incremental`, as the browser's
//! search worker does, and prints the median time of each key. For profiling one key with
//! `perf record` (`benches/keys_pty.rs` measures the real binary in a pty).

use std::path::PathBuf;
use std::time::Instant;
use timeline::cache;
use timeline::search::{Filter, Incremental};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let (Some(data), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: cargo bench --bench keys -- DATA.json CACHE_DIR [REPS] [QUERY…]");
        std::process::exit(2);
    };
    let reps: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut queries: Vec<String> = args.iter().skip(3).cloned().collect();
    if queries.is_empty() {
        queries = vec!["to lam".into(), "Tô Lâm".into(), "dai hoi xiv".into()];
    }
    let loaded = cache::load(&PathBuf::from(dir), &PathBuf::from(data), None, &mut |_| {}).expect("loads");
    println!("cache: {:?}", loaded.cache);
    let cache::Loaded { timeline, engine, .. } = loaded;
    for q in &queries {
        let ends: Vec<usize> = q.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
        let mut per_key = vec![Vec::new(); ends.len()];
        for _ in 0..reps {
            let mut typing = Incremental::default();
            for (k, &end) in ends.iter().enumerate() {
                let f = Filter { query: q[..end].to_string(), ..Filter::default() };
                let t0 = Instant::now();
                let hits = typing.search(&engine, &timeline, &f).hits.len();
                per_key[k].push((t0.elapsed().as_secs_f64() * 1000.0, hits));
            }
        }
        println!("{q:?}, median of {reps} (ms, hits):");
        for (k, &end) in ends.iter().enumerate() {
            per_key[k].sort_by(|a, b| a.0.total_cmp(&b.0));
            let (ms, hits) = per_key[k][per_key[k].len() / 2];
            println!("  {:<24} {ms:7.1} {hits:>9}", format!("{:?}", &q[..end]));
        }
    }
}
