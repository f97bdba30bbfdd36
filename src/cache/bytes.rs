//! A cache file's bytes: read into memory when small, mapped when large, and only from a regular
//! file.

use super::format::Invalid;
use std::io;
use std::path::Path;

/// Caches up to this size are read into memory; larger ones are mapped.
const READ_LIMIT: u64 = 64 << 20;

/// A cache file's bytes: read, or mapped when large.
pub enum Bytes {
    Read(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        self
    }
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Read(v) => v,
            Bytes::Mapped(m) => m,
        }
    }
}

impl Bytes {
    /// Lets the OS take back the pages of a mapped cache that lie wholly in `range`, when the
    /// bytes there have been decoded (the records of the events) and only the folded text, read
    /// in place by the index, is needed from then on. A dropped page is read again from the file
    /// if it is touched, and the file never changes (see `map_file`), so nothing anyone reads
    /// changes; the process just stops holding pages it is done with (at a million events, the
    /// 880 MB of records). A cache read into memory keeps its bytes.
    pub fn release(&self, range: std::ops::Range<usize>) {
        let Bytes::Mapped(map) = self else { return };
        // SAFETY: sysconf has no preconditions.
        let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap_or(0).max(1);
        let start = range.start.div_ceil(page).saturating_mul(page);
        let end = range.end.min(map.len());
        // The last page of the file is whole in the mapping: a range to the end takes it.
        let end = if end == map.len() { end } else { end / page * page };
        if start < end {
            // SAFETY: a private, read-only mapping of a file nobody writes in place: a page
            // dropped reads back the same bytes from the file when next touched.
            let _ =
                unsafe { map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, start, end - start) };
        }
    }

    /// `release` of everything but `keep`.
    pub fn release_all_but(&self, keep: std::ops::Range<usize>) {
        self.release(0..keep.start);
        self.release(keep.end..usize::MAX);
    }
}

/// Reads (or, when large, maps) a cache file. Only a regular file is read: it is opened without
/// blocking and without following a link, so a FIFO or a device planted in its place is refused
/// instead of hanging the start.
pub fn map_file(file: &Path) -> Result<Bytes, Option<Invalid>> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let opened =
        std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW).open(file);
    let mut handle = match opened {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(None),
        Err(_) => return Err(Some(Invalid::Unreadable)),
    };
    let meta = handle.metadata().map_err(|_| Some(Invalid::Unreadable))?;
    if !meta.is_file() {
        return Err(Some(Invalid::Unreadable));
    }
    if meta.len() <= READ_LIMIT {
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        handle.read_to_end(&mut bytes).map_err(|_| Some(Invalid::Unreadable))?;
        return Ok(Bytes::Read(bytes));
    }
    // SAFETY: a cache file is never written in place: every writer writes a new file and renames
    // it over the old one, so the mapped file cannot change under us (an old mapping keeps the
    // old file). Only the user can truncate it (the directory is 0700, the file 0600); if they
    // do while it is mapped, the process gets SIGBUS (see the README's guarantees). Mapping
    // instead of reading saves copying a large file into fresh memory.
    let bytes = unsafe { memmap2::Mmap::map(&handle) }.map_err(|_| Some(Invalid::Unreadable))?;
    Ok(Bytes::Mapped(bytes))
}

#[cfg(test)]
mod tests {
    use super::Bytes;

    /// Pages given back read back the same bytes, around a kept range on no page boundary.
    #[test]
    fn released_pages_read_back_the_same() {
        let want: Vec<u8> = (0..5 * 4096 + 123).map(|i| (i * 7 % 251) as u8).collect();
        let file = tempfile::NamedTempFile::new().expect("a file");
        std::fs::write(file.path(), &want).expect("written");
        // SAFETY: a file of this test's own, which nothing writes while it is mapped.
        let map = unsafe { memmap2::Mmap::map(file.as_file()) }.expect("mapped");
        let bytes = Bytes::Mapped(map);
        assert_eq!(&bytes[..], &want[..]);
        for keep in [4096 + 10..2 * 4096 + 5, 0..0, 0..want.len(), want.len()..want.len() + 9] {
            bytes.release_all_but(keep.clone());
            assert_eq!(&bytes[..], &want[..], "kept {keep:?}");
        }
        let read = Bytes::Read(want.clone());
        read.release_all_but(0..1);
        assert_eq!(&read[..], &want[..]);
    }
}
