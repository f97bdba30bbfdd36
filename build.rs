//! Fingerprints the source of every type the index cache stores, so that a binary whose stored
//! types differ in any way never reads another binary's cache (see `src/cache/format.rs`).

use std::path::{Path, PathBuf};

/// The files and directories that define what the cache stores.
const STORED: &[&str] = &["src/model", "src/search/index.rs", "src/cache", "src/load/articles.rs"];

fn main() {
    let mut files = Vec::new();
    for p in STORED {
        println!("cargo:rerun-if-changed={p}");
        collect(Path::new(p), &mut files);
    }
    files.sort();
    // FNV-1a over each file's path and contents: stable across platforms and compilers.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_default();
        for b in f.to_string_lossy().bytes().chain([0]).chain(bytes) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=TIMELINE_CACHE_SCHEMA={h:016x}");
}

fn collect(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        for e in std::fs::read_dir(p).into_iter().flatten().flatten() {
            collect(&e.path(), out);
        }
    } else if p.extension().is_some_and(|e| e == "rs") {
        out.push(p.to_path_buf());
    }
}
