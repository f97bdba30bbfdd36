//! What the cache records of a file instead of its contents, as git's index does: size, mtime
//! and ctime to the nanosecond, inode and device. A file whose stat is unchanged is taken to be
//! unchanged; any other is hashed again. Writing a file sets its ctime to the present, and
//! `touch` can set the mtime back but never the ctime, so an edit that keeps the size and the
//! mtime is still seen.
//!
//! A file changed just before or while the data set was loaded may carry the same timestamps as
//! a later edit (timestamps are coarse, and a clock may lag): its stat is not recorded (it is
//! "racy", in git's word), so that the next start hashes it; once it is found unchanged and its
//! stat has settled, that stat is noted beside the cache (see `settle`).

use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::{Duration, SystemTime};

/// How recent a change must be for its timestamps not to be trusted.
const RACY: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stat {
    size: u64,
    mtime_ns: i128,
    ctime_ns: i128,
    ino: u64,
    dev: u64,
}

/// The stats known for a file: recorded in the cache, and noted since (see `settle`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Known<'a> {
    pub recorded: Option<&'a Stat>,
    pub noted: Option<&'a Stat>,
}

impl Known<'_> {
    /// Whether any stat is known (if none is, the file must be hashed: no need to stat it).
    pub fn any(&self) -> bool {
        self.recorded.is_some() || self.noted.is_some()
    }

    /// Whether the stat now (`None`: the file cannot be stat-ed) is one of them.
    pub fn matches(&self, now: Option<Stat>) -> bool {
        now.is_some_and(|now| self.recorded == Some(&now) || self.noted == Some(&now))
    }
}

impl Stat {
    /// The stat of a file (following links, as reading it does), if it can be had.
    pub fn of(path: &Path) -> Option<Stat> {
        Stat::at(rustix::fs::CWD, path)
    }

    /// The stat of the file `name` in the opened directory `dir` (following links), without
    /// building its path: what `of` gives for `dir/name`.
    pub fn at(dir: impl std::os::fd::AsFd, name: impl rustix::path::Arg) -> Option<Stat> {
        rustix::fs::statat(dir, name, rustix::fs::AtFlags::empty()).ok().map(Stat::from_raw)
    }

    /// The stat of an open file: of the very file that was read, whatever its path names now.
    pub fn of_file(file: &std::fs::File) -> Option<Stat> {
        rustix::fs::fstat(file).ok().map(Stat::from_raw)
    }

    #[allow(clippy::unnecessary_cast)] // The field types differ between targets.
    fn from_raw(m: rustix::fs::Stat) -> Stat {
        let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
        Stat {
            size: m.st_size as u64,
            mtime_ns: ns(m.st_mtime as i64, m.st_mtime_nsec as i64),
            ctime_ns: ns(m.st_ctime as i64, m.st_ctime_nsec as i64),
            ino: m.st_ino as u64,
            dev: m.st_dev as u64,
        }
    }

    /// The stat to record of a file read after `since`: `None` if it changed too close to (or
    /// after) that moment for its stat to prove it unchanged later.
    pub fn settled(path: &Path, since: SystemTime) -> Option<Stat> {
        Stat::of(path)?.if_settled(since)
    }

    /// This stat, if it is settled for a file read after `since` (see `settled`).
    pub fn if_settled(self, since: SystemTime) -> Option<Stat> {
        let limit = since.checked_sub(RACY)?.duration_since(SystemTime::UNIX_EPOCH).ok()?.as_nanos();
        let limit = i128::try_from(limit).ok()?;
        (self.mtime_ns < limit && self.ctime_ns < limit).then_some(self)
    }

    /// The file's size in bytes.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Whether the file's stat now is one of those known for it.
    pub fn known(path: &Path, known: Known) -> bool {
        known.any() && known.matches(Stat::of(path))
    }
}

#[cfg(test)]
mod tests {
    use super::{Known, Stat};
    use std::time::{Duration, SystemTime};

    #[test]
    fn a_recent_change_is_racy_and_an_edit_changes_the_stat() {
        let dir = tempfile::tempdir().expect("a directory");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "one").expect("write");
        assert_eq!(Stat::settled(&path, SystemTime::now()), None, "just written: racy");
        let later = SystemTime::now() + Duration::from_secs(5);
        let stat = Stat::settled(&path, later).expect("old enough");
        assert!(Stat::known(&path, Known { recorded: Some(&stat), noted: None }));
        assert!(Stat::known(&path, Known { recorded: None, noted: Some(&stat) }));
        let opened = std::fs::File::open(dir.path()).expect("open the directory");
        assert_eq!(Stat::at(&opened, "a.txt"), Stat::of(&path), "by name in the directory, the same");
        assert_eq!(Stat::at(&opened, "a.txt"), Some(stat));
        assert_eq!(Stat::at(&opened, "gone.txt"), None);
        assert!(!Stat::known(&path, Known::default()));
        std::fs::write(&path, "two").expect("write");
        // Same size; the ctime (and the mtime) moved, unless within one clock tick: the inode
        // number alone is then the same, which is why a recent file is never trusted.
        let moved = Stat::of(&path).expect("stat");
        assert_eq!(moved.size, stat.size);
        assert!(moved.ctime_ns >= stat.ctime_ns);
        assert!(!Stat::known(&dir.path().join("gone.txt"), Known { recorded: Some(&stat), noted: None }));
    }
}
