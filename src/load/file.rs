//! Reading a data file or an article safely: it must be a regular file under a size limit, and
//! an article reached through a symbolic link must stay inside its directory. Each refusal says
//! why: it does not exist, it is a directory, it is not a regular file, permission denied, too big.

use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The largest data file read: far above any real chronology (the built-in one is ~100 KB; the
/// benchmark's 1 million events take ~1 GB), and a bound on memory (loading takes about twice
/// the file's size) for a mistake such as `--data ~/Videos/film.mkv`.
pub const MAX_DATA_BYTES: u64 = 2 << 30;
/// The largest article read: the longest real article is a few hundred KB.
pub const MAX_ARTICLE_BYTES: u64 = 64 << 20;

/// Why a file was not read.
#[derive(Debug)]
pub enum FileError {
    NotFound,
    IsDir,
    /// A FIFO, socket or device: its kind.
    NotRegular(&'static str),
    Denied,
    TooBig {
        len: u64,
        limit: u64,
    },
    /// A symbolic link to a file outside the articles directory: where it points.
    Outside(PathBuf),
    Other(io::Error),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::NotFound => f.write_str("it does not exist"),
            FileError::IsDir => f.write_str("it is a directory, not a file"),
            FileError::NotRegular(kind) => {
                write!(f, "it is {kind}, not a regular file; save it to a file first")
            }
            FileError::Denied => f.write_str("permission denied"),
            FileError::TooBig { len, limit } => {
                write!(f, "it is {} MiB, over the limit of {} MiB", len.div_ceil(1 << 20), limit >> 20)
            }
            FileError::Outside(target) => write!(
                f,
                "it is a symbolic link to {}, outside the articles directory; copy the article into the directory instead",
                target.display()
            ),
            FileError::Other(e) => write!(f, "{e}"),
        }
    }
}

impl From<io::Error> for FileError {
    fn from(e: io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::NotFound => FileError::NotFound,
            io::ErrorKind::PermissionDenied => FileError::Denied,
            io::ErrorKind::IsADirectory => FileError::IsDir,
            _ => FileError::Other(e),
        }
    }
}

/// Reads a regular file of at most `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        return Err(FileError::IsDir);
    }
    if !meta.is_file() {
        return Err(FileError::NotRegular(kind(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(FileError::TooBig { len: meta.len(), limit });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // `take`, in case the file grows between the check and the read.
    std::fs::File::open(path)?.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooBig { len: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// Reads `dir/name`, refusing a symbolic link that leads outside `dir`.
pub fn read_in_dir(dir: &Path, name: &str, limit: u64) -> Result<Vec<u8>, FileError> {
    let path = dir.join(name);
    if std::fs::symlink_metadata(&path)?.file_type().is_symlink() {
        let target = std::fs::canonicalize(&path)?;
        let dir = std::fs::canonicalize(dir)?;
        if !target.starts_with(&dir) {
            return Err(FileError::Outside(target));
        }
    }
    read_limited(&path, limit)
}

#[cfg(unix)]
fn kind(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "not a file"
    }
}

#[cfg(not(unix))]
fn kind(_: &std::fs::FileType) -> &'static str {
    "not a file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_a_small_regular_file() {
        assert!(matches!(read_limited(Path::new("/no/such/file"), 10), Err(FileError::NotFound)));
        assert!(matches!(read_limited(Path::new("src"), 10), Err(FileError::IsDir)));
        assert!(matches!(
            read_limited(Path::new("Cargo.toml"), 10),
            Err(FileError::TooBig { limit: 10, .. })
        ));
        assert!(read_limited(Path::new("Cargo.toml"), 1 << 20).is_ok_and(|b| b.starts_with(b"[package]")));
        #[cfg(unix)]
        assert!(matches!(read_limited(Path::new("/dev/zero"), 10), Err(FileError::NotRegular("a device"))));
    }

    #[test]
    fn says_why_in_words() {
        let denied = FileError::from(io::Error::from(io::ErrorKind::PermissionDenied));
        assert_eq!(denied.to_string(), "permission denied");
        assert_eq!(
            FileError::from(io::Error::from(io::ErrorKind::NotFound)).to_string(),
            "it does not exist"
        );
        let big = FileError::TooBig { len: (3 << 30) + 1, limit: 2 << 30 };
        assert_eq!(big.to_string(), "it is 3073 MiB, over the limit of 2048 MiB");
    }
}
