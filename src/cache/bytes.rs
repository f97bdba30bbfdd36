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
