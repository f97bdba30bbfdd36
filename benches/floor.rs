//! The floor of a search: one pass over a cache file's folded text at memory bandwidth, the text
//! already in the page cache and mapped (as a warm `list --search` finds it), with no matching.
//! `cargo bench --bench floor -- CACHE.tlc [REPS]` prints the folded text's size, the best time of
//! a pass on one core and on all cores (counting a byte that never occurs, with memchr, as the
//! prefilter's scan does), and the bandwidth.

use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let Some(path) = args.first() else {
        eprintln!("usage: cargo bench --bench floor -- CACHE.tlc [REPS]");
        std::process::exit(2);
    };
    let reps: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let file = std::fs::File::open(path).expect("open the cache file");
    // SAFETY: a benchmark's own copy of a cache file, not written while it runs.
    let map = unsafe { memmap2::Mmap::map(&file) }.expect("map the cache file");
    let text = timeline::cache::folded_text(&map).expect("a cache file of this version");
    // A byte the folded text never holds (it is UTF-8): the scan reads every byte.
    let pass = |bytes: &[u8]| memchr::memchr_iter(0xff, bytes).count();
    let best = |f: &dyn Fn() -> usize| {
        (0..reps)
            .map(|_| {
                let t = Instant::now();
                assert_eq!(f(), 0);
                t.elapsed()
            })
            .min()
            .unwrap_or(Duration::ZERO)
    };
    let one = best(&|| pass(text));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let all = best(&|| {
        std::thread::scope(|s| {
            let parts: Vec<_> =
                text.chunks(text.len().div_ceil(cores).max(1)).map(|c| s.spawn(move || pass(c))).collect();
            parts.into_iter().map(|p| p.join().expect("a pass")).sum()
        })
    });
    let mb = text.len() as f64 / 1e6;
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("folded text: {mb:.0} MB");
    println!("one pass, 1 core: {:.0} ms ({:.1} GB/s)", ms(one), mb / ms(one));
    println!("one pass, {cores} cores: {:.0} ms ({:.1} GB/s)", ms(all), mb / ms(all));
}
