//! Noticing that the data file changed on disk, whoever changed it: its size, modification time
//! and inode are compared now and then (an editor that saves by renaming a new file into place
//! changes the inode). A change is acted on once the file has stayed the same for `SETTLE`, so
//! that a file being written is not read half-way.

use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

/// How long a changed file must stay unchanged before it is read.
pub const SETTLE: Duration = Duration::from_millis(200);

/// What is compared: `None` when the file cannot be looked at (removed, for a moment, by an
/// editor that saves by renaming).
type Stamp = Option<(u64, Option<SystemTime>, u64)>;

fn stamp(path: &std::path::Path) -> Stamp {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok(), m.ino()))
}

pub struct Watch {
    path: PathBuf,
    /// The file as it was when last read.
    known: Stamp,
    /// A change seen, and since when the file has looked like this.
    seen: Option<(Stamp, Instant)>,
}

impl Watch {
    /// Watches `path`, as it is now.
    pub fn new(path: PathBuf) -> Watch {
        let known = stamp(&path);
        Watch { path, known, seen: None }
    }

    /// The file is being read now: changes from here on count.
    pub fn settle(&mut self) {
        self.known = stamp(&self.path);
        self.seen = None;
    }

    /// Whether the file changed and has since stayed the same for `SETTLE` (then it is taken as
    /// read: call only when it will be).
    pub fn changed(&mut self, now: Instant) -> bool {
        let current = stamp(&self.path);
        // Gone for now: wait until it is back (a rename in progress), then read it.
        if current == self.known || current.is_none() {
            self.seen = None;
            return false;
        }
        match self.seen {
            Some((s, since)) if s == current && now.duration_since(since) >= SETTLE => {
                self.settle();
                true
            }
            Some((s, _)) if s == current => false,
            _ => {
                self.seen = Some((current, now));
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_reported_once_the_file_has_settled_and_only_once() {
        let dir = std::env::temp_dir().join(format!("timeline-watch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("d.json");
        std::fs::write(&file, "{}").unwrap();
        let mut w = Watch::new(file.clone());
        let t0 = Instant::now();
        assert!(!w.changed(t0));
        std::fs::write(&file, "{\"events\": []}").unwrap();
        assert!(!w.changed(t0), "seen, not settled");
        assert!(!w.changed(t0 + SETTLE / 2));
        assert!(w.changed(t0 + SETTLE));
        assert!(!w.changed(t0 + SETTLE * 3), "already read");
        // Removed for a moment (a save by rename): nothing until it is back.
        std::fs::remove_file(&file).unwrap();
        assert!(!w.changed(t0 + SETTLE * 4));
        std::fs::write(&file, "{\"events\": [1]}").unwrap();
        assert!(!w.changed(t0 + SETTLE * 5));
        assert!(w.changed(t0 + SETTLE * 6));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
