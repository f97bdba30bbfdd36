//! The one place an export reaches the disk, for `timeline export --out` and the browser's
//! `:export` alike: an existing file is replaced only when asked, only a regular file (or nothing)
//! is a target, and the bytes go to a temporary file created exclusively, under an unpredictable
//! name, next to the target, which is renamed over it only once it is complete.

use std::fmt;
use std::io::{self, Write};
use std::path::Path;

/// Why an export was not written. Nothing was changed on disk in any case.
#[derive(Debug)]
pub enum SaveError {
    /// The target exists and replacing it was not asked for.
    Exists,
    /// The target is not a regular file: a directory, a FIFO, a device, … (what it is).
    NotAFile(&'static str),
    /// The directory the file would be in does not exist (its name).
    NoDirectory(String),
    /// The directory the file would be in cannot be written to (its name).
    Denied(String),
    /// Creating, writing or renaming failed.
    Io(io::Error),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Exists => f.write_str("it exists"),
            SaveError::NotAFile(what) => write!(f, "it is {what}, not a regular file"),
            SaveError::NoDirectory(dir) => write!(f, "the directory {dir} does not exist"),
            SaveError::Denied(dir) => write!(f, "permission denied to create a file in the directory {dir}"),
            SaveError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Why the temporary file could not be made in `dir`, in the words of the directory, never naming
/// the temporary file (which the user did not ask for and which no longer exists).
fn in_dir(dir: &Path, e: io::Error) -> SaveError {
    let name = crate::text::inert::line(&dir.display().to_string()).into_owned();
    match e.kind() {
        io::ErrorKind::NotFound => SaveError::NoDirectory(name),
        io::ErrorKind::PermissionDenied => SaveError::Denied(name),
        io::ErrorKind::NotADirectory => SaveError::NoDirectory(name),
        kind => SaveError::Io(
            e.raw_os_error().map_or_else(|| io::Error::from(kind), io::Error::from_raw_os_error),
        ),
    }
}

/// What a path names, if it is not a regular file: `None` for a regular file. A symbolic link
/// is judged by what it points to.
fn kind_of(meta: &std::fs::Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    match () {
        _ if t.is_file() => None,
        _ if t.is_dir() => Some("a directory"),
        _ if t.is_fifo() => Some("a FIFO"),
        _ if t.is_char_device() => Some("a character device"),
        _ if t.is_block_device() => Some("a block device"),
        _ if t.is_socket() => Some("a socket"),
        _ => Some("not a regular file"),
    }
}

/// Checks that `path` may be written: absent, or (when `replace`) a regular file or a link to
/// one. Returns the permissions of the file it replaces, if any.
pub fn check(path: &Path, replace: bool) -> Result<Option<std::fs::Permissions>, SaveError> {
    let link = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        // Its directory is looked at now, so that a missing one is said before any work is done.
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let dir = dir_of(path);
            return match std::fs::metadata(dir) {
                Ok(m) if m.is_dir() => Ok(None),
                Ok(_) => Err(in_dir(dir, io::ErrorKind::NotFound.into())),
                Err(e) => Err(in_dir(dir, e)),
            };
        }
        Err(e) => return Err(SaveError::Io(e)),
    };
    // A link to a device or a FIFO is refused like the device itself; a dangling link exists.
    let target = if link.file_type().is_symlink() { std::fs::metadata(path).ok() } else { Some(link) };
    if let Some(what) = target.as_ref().and_then(kind_of) {
        return Err(SaveError::NotAFile(what));
    }
    if !replace {
        return Err(SaveError::Exists);
    }
    Ok(target.map(|m| m.permissions()))
}

/// The directory a file is made in (`.` for a bare name).
fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Saves `bytes` to `path`, whole or not at all. Without `replace` an existing file is never
/// touched, even one created between the check and the rename (the rename refuses to replace).
pub fn save(path: &Path, bytes: &[u8], replace: bool) -> Result<(), SaveError> {
    let keep = check(path, replace)?;
    let name = path.file_name().ok_or(SaveError::NotAFile("not a file name"))?;
    let dir = dir_of(path);
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    // 0666 less the umask, as any new file; a replaced file keeps its permissions.
    let mode = std::os::unix::fs::PermissionsExt::from_mode(0o666);
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .permissions(mode)
        .tempfile_in(dir)
        .map_err(|e| in_dir(dir, e))?;
    tmp.write_all(bytes).and_then(|()| tmp.as_file().sync_all()).map_err(SaveError::Io)?;
    if let Some(perms) = keep {
        tmp.as_file().set_permissions(perms).map_err(SaveError::Io)?;
    }
    // On failure the temporary file is dropped, which removes it.
    let persisted = if replace { tmp.persist(path) } else { tmp.persist_noclobber(path) };
    match persisted {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Err(SaveError::Exists),
        Err(e) => Err(SaveError::Io(e.error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("timeline-save-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("temp dir");
        d
    }

    #[test]
    fn a_new_file_is_written_and_an_existing_one_only_when_asked() {
        let d = dir("replace");
        let f = d.join("out.csv");
        save(&f, b"one", false).expect("new file");
        assert_eq!(std::fs::read(&f).expect("read"), b"one");
        assert!(matches!(save(&f, b"two", false), Err(SaveError::Exists)));
        assert_eq!(std::fs::read(&f).expect("read"), b"one");
        save(&f, b"three", true).expect("replace");
        assert_eq!(std::fs::read(&f).expect("read"), b"three");
        // Nothing is left beside it.
        assert_eq!(std::fs::read_dir(&d).expect("dir").count(), 1);
    }

    #[test]
    fn a_directory_or_a_link_to_a_device_is_never_a_target() {
        let d = dir("kinds");
        let sub = d.join("sub");
        std::fs::create_dir(&sub).expect("sub");
        assert!(matches!(save(&sub, b"x", true), Err(SaveError::NotAFile("a directory"))));
        let link = d.join("null.csv");
        std::os::unix::fs::symlink("/dev/null", &link).expect("symlink");
        assert!(matches!(save(&link, b"x", true), Err(SaveError::NotAFile("a character device"))));
        assert!(std::fs::symlink_metadata(&link).expect("link").file_type().is_symlink());
    }

    #[test]
    fn a_missing_directory_is_named_and_the_temporary_file_is_not() {
        let d = dir("nodir");
        let f = d.join("nodir").join("x.md");
        let err = save(&f, b"x", false).expect_err("no directory").to_string();
        assert_eq!(err, format!("the directory {} does not exist", d.join("nodir").display()));
        let err = save(Path::new("nodir-9f3/x.md"), b"x", false).expect_err("no directory").to_string();
        assert_eq!(err, "the directory nodir-9f3 does not exist");
    }

    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let d = dir("perms");
        let f = d.join("out.md");
        std::fs::write(&f, "old").expect("write");
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        save(&f, b"new", true).expect("replace");
        assert_eq!(std::fs::metadata(&f).expect("meta").permissions().mode() & 0o777, 0o640);
    }
}
