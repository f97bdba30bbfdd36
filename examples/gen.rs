//! Writes a synthetic data set: `cargo run --release --example gen -- --events N --seed S --out DIR`.
//! Then: `timeline --data DIR/data.json`, or `timeline check --data DIR/data.json`.

#[path = "../tests/support/synth.rs"]
mod synth;

use clap::Parser;
use std::path::PathBuf;

/// Generate a synthetic data set with verified quotes, for benchmarks and trials.
#[derive(Parser)]
struct Args {
    /// Number of events.
    #[arg(long, default_value_t = 10_000)]
    events: usize,
    /// Seed: the same seed gives the same data.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output directory (created if missing).
    #[arg(long)]
    out: PathBuf,
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    synth::write(&args.out, args.events, args.seed)?;
    eprintln!("wrote {} events to {}", args.events, args.out.join("data.json").display());
    Ok(())
}
