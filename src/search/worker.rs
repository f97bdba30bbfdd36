//! Searching as the browser does it: a `Searcher` narrows the last result while the query grows,
//! and a `Worker` runs one off the input thread. The browser hands each new filter to the worker
//! with a generation number; a newer request cancels the one running, and the answer comes back
//! tagged with its generation so that a stale result is never shown over a newer one. Tests and
//! benchmarks run the same `Searcher` synchronously (`app::Driver`).

use super::{Engine, Filter, Incremental, Results};
use crate::model::Timeline;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Sender, channel};

/// The data, the engine, and the last search to narrow from.
pub struct Searcher {
    timeline: Arc<Timeline>,
    engine: Arc<Engine>,
    incremental: Incremental,
}

impl Searcher {
    pub fn new(timeline: Arc<Timeline>, engine: Arc<Engine>) -> Searcher {
        Searcher { timeline, engine, incremental: Incremental::default() }
    }

    /// Searches, narrowing the last result where that is sound; `None` if `cancelled()` turned
    /// true on the way.
    pub fn search(&mut self, filter: &Filter, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Results> {
        self.incremental.search_cancellable(&self.engine, &self.timeline, filter, cancelled)
    }
}

/// A handle to the search thread.
pub struct Worker {
    jobs: Sender<(u64, Filter)>,
    latest: Arc<AtomicU64>,
}

impl Worker {
    /// Starts the thread; `reply(generation, results)` is called for every search that finished.
    pub fn spawn(mut searcher: Searcher, reply: impl Fn(u64, Results) + Send + 'static) -> Worker {
        let (jobs, rx) = channel::<(u64, Filter)>();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = Arc::clone(&latest);
        std::thread::spawn(move || {
            while let Ok(mut job) = rx.recv() {
                // Only the newest request matters.
                while let Ok(newer) = rx.try_recv() {
                    job = newer;
                }
                let generation = job.0;
                let cancelled = || newest.load(Ordering::Relaxed) != generation;
                if let Some(results) = searcher.search(&job.1, &cancelled) {
                    reply(generation, results);
                }
            }
        });
        Worker { jobs, latest }
    }

    /// Asks for a search; any older one still running is cancelled.
    pub fn submit(&self, generation: u64, filter: Filter) {
        self.latest.store(generation, Ordering::Relaxed);
        let _ = self.jobs.send((generation, filter));
    }
}
