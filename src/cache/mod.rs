//! The verified index cache: after a data set has loaded and every quote checked, what the next
//! run needs (events with their quotes, sources, the folded search index) is stored under the
//! user's cache directory, so that the next run skips parsing, verifying and folding.
//! It is laid out to be read in place (see `format`): `load_for_search` scans the mapped folded
//! text and decodes only the events a query may find.
//!
//! It can never be stale: it is keyed by the content hash of the data file and of every article
//! it cites, and records each file's stat (size, mtime and ctime in nanoseconds, inode, device;
//! see `stat`). Each run stats them again, as git checks its index: a file whose stat is the one
//! recorded is not read; any other is hashed again, and if its hash differs the cache is stale
//! (if it does not, its stat is noted beside the cache for the next start: see `settle`).
//! An article's text is read only when something needs it (the reader, a quote in its context),
//! and is then checked against the hash (see `lazy`). A cache that is unreadable, damaged, from
//! another version or built from other contents is ignored and replaced. Apart from an export
//! the user asks for, this is the only place the program writes files: a private directory
//! (0700) of private files (0600); writes go to a temporary file that is renamed into place, so
//! concurrent runs never see half a file.

mod blocks;
mod bytes;
mod decode;
mod format;
mod lazy;
mod raw;
mod settle;
mod source;
mod stat;
mod verify;
mod want;

pub use format::{Invalid, VERSION_AT};
pub use raw::{folded_text, reseal};
pub use source::Source;

use crate::load::{self, ArticleKey, DataInput, LoadError, articles::content_hash};
use crate::model::Timeline;
use crate::search::Engine;
use crate::search::index::Arena;
use bytes::{Bytes, map_file};
use stat::{Known, Stat};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;
use verify::Articles;
use want::Want;

/// Overrides the cache directory (used by the tests, never the user's real cache).
pub const DIR_ENV: &str = "TIMELINE_CACHE_DIR";
/// Cache files end in `.tlc` (their notes of stats in `.tls`, see `settle`); `clear` removes
/// only those (and leftover temporary files).
const EXT: &str = "tlc";
/// The end of a temporary cache file's name.
const TMP_SUFFIX: &str = ".tmp";

/// A data set ready to browse or search.
pub struct Loaded {
    pub timeline: Timeline,
    pub engine: Engine,
    /// How the cache was used (the tests and benchmarks check it).
    pub cache: Outcome,
}

/// What happened with the cache on this load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Loaded from the cache.
    Hit,
    /// Loaded from the files; the cache was missing or unusable (why), and written anew.
    Rebuilt(Option<Invalid>),
    /// No cache for this data set (the built-in one, `--no-cache`, or no cache directory).
    Off,
}

/// The directory of cache files: `$TIMELINE_CACHE_DIR`, else the platform's cache directory
/// (`$XDG_CACHE_HOME/timeline`, `~/.cache/timeline`, `~/Library/Caches/timeline`, …).
pub fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os(DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    directories::BaseDirs::new().map(|b| b.cache_dir().join("timeline"))
}

/// The cache file of a data set: one per data file and articles directory, named by a hash of
/// their absolute paths (`None` if they do not exist), in the cache directory `dir`.
pub fn file_for(dir: &Path, data: &Path, articles: Option<&Path>) -> Option<PathBuf> {
    let articles = articles.map_or_else(|| load::default_seeds_dir(data), Path::to_path_buf);
    let mut id = std::fs::canonicalize(data).ok()?.into_os_string().into_encoded_bytes();
    id.push(0);
    id.extend(std::fs::canonicalize(articles).ok()?.into_os_string().into_encoded_bytes());
    Some(dir.join(format!("{:016x}.{EXT}", xxhash_rust::xxh3::xxh3_64(&id))))
}

/// Loads a data file through the cache in `dir`: from it when it is valid for exactly these
/// files, else from the files (reporting `progress`), then stores the cache for next time.
pub fn load(
    dir: &Path,
    data: &Path,
    articles: Option<PathBuf>,
    progress: &mut dyn FnMut(f64),
) -> Result<Loaded, LoadError> {
    let (loaded, pending) = load_deferred(dir, data, articles, progress)?;
    if let Some(pending) = pending {
        pending.write(&loaded.timeline, &loaded.engine);
    }
    Ok(loaded)
}

/// `load`, but a cache to be written is handed back instead of written, so that the caller can
/// print its results first and write the cache after.
pub fn load_deferred(
    dir: &Path,
    data: &Path,
    articles: Option<PathBuf>,
    progress: &mut dyn FnMut(f64),
) -> Result<(Loaded, Option<Pending>), LoadError> {
    load_wanted(dir, data, articles, Want::All, progress)
}

/// `load_deferred` for a search by `query` only: from the cache, it decodes only the events the
/// query may find (see `search::prefilter`), in their order, so that the engine run on the
/// timeline it gives finds exactly the hits it finds on the whole data set, ranked alike (ties
/// by recency included). Everything else about the timeline (countries, people, sources…) is
/// whole. A load from the files gives every event.
pub fn load_for_search(
    dir: &Path,
    data: &Path,
    articles: Option<PathBuf>,
    query: &str,
    progress: &mut dyn FnMut(f64),
) -> Result<(Loaded, Option<Pending>), LoadError> {
    load_wanted(dir, data, articles, Want::Search(query), progress)
}

/// The first `rows` events of a data set (in date order) with everything else about it (its
/// countries, people, sources…), and how many events it has: what the browser's first screen
/// needs, read from a valid cache without decoding the rest (`None`: no valid cache). The
/// browser shows them while the whole data set loads (see `app::Opening::loading`). A data set
/// with groups (the groups picker lists them from the events) comes whole.
pub fn preview(dir: &Path, data: &Path, articles: Option<PathBuf>, rows: usize) -> Option<(Loaded, usize)> {
    let file = cache_file(dir, data, articles.as_deref())?;
    let articles_dir = articles.unwrap_or_else(|| load::default_seeds_dir(data));
    let (timeline, engine, total) = read(&file, &articles_dir, data, Want::First(rows)).ok()?;
    Some((Loaded { timeline, engine, cache: Outcome::Hit }, total))
}

/// The cache file of a data file worth a cache: only a regular file within the limit; anything
/// else (a directory, a FIFO, `/dev/zero`) goes straight to the loader, which says what is
/// wrong with it.
fn cache_file(dir: &Path, data: &Path, articles: Option<&Path>) -> Option<PathBuf> {
    let regular = std::fs::metadata(data).is_ok_and(|m| m.is_file() && m.len() <= load::file::MAX_DATA_BYTES);
    file_for(dir, data, articles).filter(|_| regular)
}

fn load_wanted(
    dir: &Path,
    data: &Path,
    articles: Option<PathBuf>,
    want: Want,
    progress: &mut dyn FnMut(f64),
) -> Result<(Loaded, Option<Pending>), LoadError> {
    let file = cache_file(dir, data, articles.as_deref());
    let articles_dir = articles.clone().unwrap_or_else(|| load::default_seeds_dir(data));
    // On a hit the data file and the articles are only stat-ed, never read (unless changed).
    let why = match file.as_deref().map(|f| read(f, &articles_dir, data, want)) {
        Some(Ok((timeline, engine, _))) => {
            return Ok((Loaded { timeline, engine, cache: Outcome::Hit }, None));
        }
        Some(Err(why)) => why,
        None => None,
    };
    // Whatever changes from now on is too recent for its stat to be trusted (see `stat`).
    let started = SystemTime::now();
    let input = DataInput::from_file(data, articles)?;
    let (timeline, keys) = load::load_keyed(&input, progress)?;
    // The key is the hash of the bytes that were verified, not of the file now.
    let data_hash = content_hash(input.text.as_bytes());
    drop(input);
    let engine = Engine::new(&timeline);
    let pending = file.map(|file| Pending {
        file,
        data: data.to_path_buf(),
        articles: articles_dir,
        data_hash,
        keys,
        started,
    });
    Ok((Loaded { timeline, engine, cache: Outcome::Rebuilt(why) }, pending))
}

/// A cache to be written for a data set loaded from the files (see `load_deferred`).
pub struct Pending {
    file: PathBuf,
    data: PathBuf,
    articles: PathBuf,
    data_hash: u128,
    keys: Vec<ArticleKey>,
    /// When the files began to be read.
    started: SystemTime,
}

impl Pending {
    /// Stores the data set as loaded. A cache that cannot be written (read-only home, full
    /// disk) only costs the next run time.
    pub fn write(self, timeline: &Timeline, engine: &Engine) {
        let data_stat = Stat::settled(&self.data, self.started);
        let stats: Vec<Option<Stat>> = timeline
            .sources
            .iter()
            .map(|s| Stat::settled(&self.articles.join(&s.file), self.started))
            .collect();
        let texts: Vec<(u32, &str)> = self
            .keys
            .iter()
            .zip(&timeline.sources)
            .enumerate()
            .filter(|(_, (k, _))| !k.verbatim)
            .map(|(i, (_, s))| (i as u32, s.text.as_str()))
            .collect();
        let shown = self.data.display().to_string();
        let warnings: Vec<String> = timeline.warnings.iter().map(|w| unplace(w, &shown)).collect();
        let head = format::HeadRef {
            data_hash: self.data_hash,
            data_stat,
            articles: &self.keys[..],
            stats,
            texts,
            has_groups: timeline.events.iter().any(|e| e.group().is_some()),
            timeline: format::TimelineHead::of(timeline).with_warnings(&warnings),
        };
        let _ = write(&self.file, &|out| {
            format::write(out, &head, &timeline.events, engine.index(), engine.recency())
        });
    }
}

/// A warning as the cache keeps it: without the data file's path as it was named (`data.json:3:5:
/// warning: …` is kept as `:3:5: warning: …`), so that it names the file as the next run does,
/// from wherever that runs.
fn unplace(warning: &str, shown: &str) -> String {
    match warning.strip_prefix(shown) {
        Some(rest) if rest.starts_with(':') => rest.to_string(),
        _ => warning.to_string(),
    }
}

/// A warning from the cache, naming the data file as `shown` (see `unplace`).
fn place(warning: String, shown: &str) -> String {
    if warning.starts_with(':') { format!("{shown}{warning}") } else { warning }
}

/// The content hash of a file, read in pieces into one small buffer, and the stat of the file
/// read, taken after reading it (if it can be had).
fn hash_file(path: &Path) -> io::Result<(u128, Option<Stat>)> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0; 1 << 20];
    loop {
        match file.read(&mut buf) {
            Ok(0) => return Ok((hasher.digest128(), Stat::of_file(&file))),
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// Loads a data set from the files only, reading and writing no cache.
pub fn load_uncached(input: &DataInput, progress: &mut dyn FnMut(f64)) -> Result<Loaded, LoadError> {
    let timeline = load::load_with_progress(input, progress)?;
    let engine = Engine::new(&timeline);
    Ok(Loaded { timeline, engine, cache: Outcome::Off })
}

/// Reads and checks a cache file against the data file and the articles on disk (by their stat,
/// and by their hash when that changed): the events `want` asks for, and how many it holds.
/// The error says why it cannot be used (`None`: there is none).
fn read(
    file: &Path,
    articles: &Path,
    data: &Path,
    want: Want,
) -> Result<(Timeline, Engine, usize), Option<Invalid>> {
    // Whatever changes from now on is too recent for its stat to be trusted (see `stat`).
    let started = SystemTime::now();
    let bytes = Arc::new(map_file(file)?);
    let mapped = matches!(*bytes, Bytes::Mapped(_));
    // SAFETY: a cache file's bytes, read or mapped, do not change while they are held (see
    // `map_file`: every writer renames a new file over the old one).
    let arena = Arc::new(unsafe { Arena::new(Box::new(decode::SharedBytes(Arc::clone(&bytes)))) });
    let (head, events) = format::open(arena.bytes())?;
    let notes = settle::read(file);
    let known = Known { recorded: head.data_stat.as_ref(), noted: notes.data(head.data_hash) };
    // The data file hashed again (no stat known for it is its stat now): the stat of what was read.
    let mut data_hashed = None;
    if !Stat::known(data, known) {
        match hash_file(data) {
            Ok((hash, stat)) if hash == head.data_hash => data_hashed = Some(stat),
            _ => return Err(Some(Invalid::Stale("the data file changed".into()))),
        }
    }
    let (data_hash, hashes) = (head.data_hash, head.articles.iter().map(|k| k.hash).collect::<Vec<_>>());
    let picked = want.pick(&head, &events)?;
    let all = picked.is_none();
    let total = events.len();
    let ids = picked.unwrap_or_else(|| (0..events.len()).collect());
    // The index of a mapped cache stays where it lies: the folded text is not copied (the
    // search's candidates too, which are most of the events for a common word).
    let (decoded, index) = decode::decode(&events, &ids, mapped.then_some(&arena), &bytes)?;
    if all && head.has_groups != decoded.iter().any(|e| e.group().is_some()) {
        return Err(Some(Invalid::Decode("the head misstates the groups".into())));
    }
    let recency: Vec<u32> = ids.iter().map(|&i| events.recency(i)).collect();
    // From here on only the folded text is read in place.
    bytes.release_all_but(events.text_span());
    drop(events);
    drop(arena);
    // A preview stats only what it quotes; the whole load that follows stats every article.
    let which = if !all && matches!(want, Want::First(_)) { Articles::Quoted } else { Articles::All };
    let noted = notes.articles(&hashes);
    let (mut timeline, index, hashed) = verify::restore(head, decoded, index, articles, which, &noted)?;
    let shown = data.display().to_string();
    timeline.warnings =
        std::mem::take(&mut timeline.warnings).into_iter().map(|w| place(w, &shown)).collect();
    // What was hashed and found as the cache has it is noted, once its stat has settled.
    let data = data_hashed.flatten().map(|stat| (stat, data_hash));
    let hashed = hashed.into_iter().map(|(i, stat)| (i, stat, hashes[i]));
    settle::note(file, notes, data, hashed, &hashes, started);
    let engine =
        if all { Engine::with_index(&timeline, index) } else { Engine::with_recency(index, recency) };
    Ok((timeline, engine, total))
}

/// Creates the cache directory, private to the user (0700), tagged as a cache.
fn create_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    // Backup tools skip directories tagged as caches (https://bford.info/cachedir/).
    let tag = "Signature: 8a477f597d28d172789f06886806bc55\n# timeline's index cache: safe to delete.\n";
    let _ = std::fs::write(dir.join("CACHEDIR.TAG"), tag);
    Ok(())
}

/// Stores a cache file written by `contents`: to a temporary file created exclusively (0600,
/// under an unpredictable name) in the same directory, then renamed over the cache file, which
/// replaces it atomically.
fn write(file: &Path, contents: &dyn Fn(&mut std::fs::File) -> io::Result<()>) -> io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    create_dir(dir)?;
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("cache");
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(TMP_SUFFIX)
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))
        .tempfile_in(dir)?;
    contents(tmp.as_file_mut())?;
    // A failed rename drops (removes) the temporary file.
    tmp.persist(file).map(drop).map_err(|e| e.error)
}

/// Whether a file name is one the cache makes: `<16 hex digits>.tlc`, its note of stats
/// `<16 hex digits>.tls` (see `settle`), or the temporary file of either,
/// `.<16 hex digits>.tlc.<random>.tmp` or `.<16 hex digits>.tls.<random>.tmp`.
fn is_own_name(name: &str) -> bool {
    let key = |s: &str| s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit());
    let own = |stem: &str| {
        [EXT, settle::EXT].iter().any(|ext| stem.strip_suffix(&format!(".{ext}")).is_some_and(key))
    };
    if own(name) {
        return true;
    }
    let Some(rest) = name.strip_prefix('.').and_then(|n| n.strip_suffix(TMP_SUFFIX)) else {
        return false;
    };
    match rest.rsplit_once('.') {
        Some((stem, random)) => {
            own(stem) && !random.is_empty() && random.bytes().all(|b| b.is_ascii_alphanumeric())
        }
        None => false,
    }
}

/// Whether a regular file is one the cache made: its own name and, for a finished file, its
/// magic.
fn is_own_file(path: &Path, name: &str) -> bool {
    use std::io::Read;
    if !is_own_name(name) {
        return false;
    }
    if name.starts_with('.') {
        return true; // a temporary file's header is written last
    }
    let want = if name.ends_with(&format!(".{EXT}")) { format::MAGIC } else { settle::MAGIC };
    let mut magic = [0; 8];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut magic)).is_ok_and(|()| &magic == want)
}

/// Removes every file the cache made (cache files and leftover temporary files, recognised by
/// their names and magic) from the cache directory, and nothing else; returns how many files and
/// bytes were removed.
pub fn clear(dir: &Path) -> io::Result<(usize, u64)> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((0, 0)),
        Err(e) => return Err(e),
    };
    let (mut files, mut bytes) = (0, 0);
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        // `file_type` does not follow links: a link or a FIFO is never opened nor removed.
        if entry.file_type()?.is_file() && is_own_file(&entry.path(), name) {
            bytes += entry.metadata().map_or(0, |m| m.len());
            std::fs::remove_file(entry.path())?;
            files += 1;
        }
    }
    Ok((files, bytes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_our_own_names_are_ours() {
        let ours = [
            "0123456789abcdef.tlc",
            ".0123456789abcdef.tlc.AbC123.tmp",
            "0123456789abcdef.tls",
            ".0123456789abcdef.tls.AbC123.tmp",
        ];
        for ours in ours {
            assert!(super::is_own_name(ours), "{ours}");
        }
        let foreign =
            [".x.tmp", "x.tlc", ".0123456789abcdef.tlc.tmp", ".notes.tlc.abc.tmp", "0123456789abcdef.tlc~"];
        let foreign =
            foreign.into_iter().chain(["x.tls", "0123456789abcdef.tlx", ".0123456789abcdef.tls.tmp"]);
        for other in foreign {
            assert!(!super::is_own_name(other), "{other}");
        }
    }
}
