//! What the program writes, through the real binary: `export --out` never replaces a file unasked,
//! never writes to a FIFO or a device, and never follows a link planted at a temporary name; the
//! cache is private and `cache clear` removes only its own files.

use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// An empty directory of the test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("writes-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn timeline(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_timeline"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .env("TIMELINE_CACHE_DIR", dir.join("cache"))
        .output()
        .expect("run timeline")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo {}", path.display());
}

#[test]
fn export_never_replaces_an_existing_file_without_force() {
    let dir = scratch("exists");
    let out = dir.join("laos.csv");
    std::fs::write(&out, "precious").expect("write");
    let o = timeline(&dir, &["export", "--format", "csv", "--country", "LA", "--out", "laos.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "timeline: laos.csv exists; --force replaces it\n");
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "precious");
    let o = timeline(&dir, &["export", "--format", "csv", "--country", "LA", "--out", "laos.csv", "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(&out).expect("read");
    assert!(written.trim_start_matches('\u{feff}').starts_with("Year,"), "{written}");
    assert!(written.contains("Thongloun Sisoulith"));
    // A new file needs no --force; nothing but the two exports is left in the directory
    // (the built-in data set has no cache).
    let o = timeline(&dir, &["export", "--format", "markdown", "--out", "all.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().display().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["all.md", "laos.csv"].map(String::from));
}

#[test]
fn export_onto_a_fifo_is_refused_without_opening_it() {
    let dir = scratch("fifo");
    let fifo = dir.join("out.csv");
    mkfifo(&fifo);
    for force in [false, true] {
        let mut args = vec!["export", "--format", "csv", "--out", "out.csv"];
        args.extend(force.then_some("--force"));
        let o = timeline(&dir, &args);
        assert_eq!(o.status.code(), Some(2));
        assert_eq!(stderr(&o), "timeline: cannot write out.csv: it is a FIFO, not a regular file\n");
        assert!(std::fs::symlink_metadata(&fifo).expect("fifo").file_type().is_fifo());
    }
}

#[test]
fn export_onto_a_device_leaves_the_device_node_alone() {
    let dir = scratch("device");
    let link = dir.join("full.md");
    std::os::unix::fs::symlink("/dev/full", &link).expect("symlink");
    for target in ["/dev/full", "full.md"] {
        let o = timeline(&dir, &["export", "--format", "markdown", "--out", target, "--force"]);
        assert_eq!(o.status.code(), Some(2));
        let msg = format!("timeline: cannot write {target}: it is a character device, not a regular file\n");
        assert_eq!(stderr(&o), msg);
    }
    // As root (in CI) a rename would have replaced the node with a regular file.
    let meta = std::fs::symlink_metadata("/dev/full").expect("/dev/full");
    assert!(meta.file_type().is_char_device(), "/dev/full is still a character device");
    assert!(std::fs::symlink_metadata(&link).expect("link").file_type().is_symlink());
}

#[test]
fn a_link_planted_at_the_old_temporary_name_is_not_followed() {
    let dir = scratch("planted");
    let victim = dir.join("victim");
    std::fs::write(&victim, "victim's own").expect("victim");
    std::os::unix::fs::symlink(&victim, dir.join(".new.csv.tmp")).expect("symlink");
    let o = timeline(&dir, &["export", "--format", "csv", "--out", "new.csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&victim).expect("victim"), "victim's own");
    let new = std::fs::symlink_metadata(dir.join("new.csv")).expect("new.csv");
    assert!(new.file_type().is_file(), "new.csv is a regular file, not a link");
    assert!(std::fs::symlink_metadata(dir.join(".new.csv.tmp")).expect("link").file_type().is_symlink());
}

/// A missing or unwritable directory is said in its own words, never naming the temporary file.
#[test]
fn a_missing_or_closed_directory_is_named_not_the_temporary_file() {
    let dir = scratch("nodir");
    let o = timeline(&dir, &["export", "--format", "md", "--out", "nodir/x.md"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "timeline: cannot write nodir/x.md: the directory nodir does not exist\n");
    let closed = dir.join("closed");
    std::fs::create_dir(&closed).expect("dir");
    std::fs::set_permissions(&closed, std::os::unix::fs::PermissionsExt::from_mode(0o500)).expect("chmod");
    let o = timeline(&dir, &["export", "--format", "md", "--out", "closed/x.md"]);
    // Root writes anywhere; then there is nothing to say.
    if o.status.code() != Some(0) {
        assert_eq!(
            stderr(&o),
            "timeline: cannot write closed/x.md: permission denied to create a file in the directory closed\n"
        );
    }
}

/// `--out`'s extension picks the format when `--format` does not name one, from the same table
/// as the browser's `:export`; a format unlike the extension's is written, with a warning.
#[test]
fn the_extension_picks_the_format_and_a_different_one_is_warned_of() {
    let dir = scratch("by-extension");
    let o = timeline(&dir, &["export", "--country", "LA", "--out", "y.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read_to_string(dir.join("y.md")).expect("read").starts_with("# "));
    let o = timeline(&dir, &["export", "--country", "LA", "--out", "y.ICS"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read_to_string(dir.join("y.ICS")).expect("read").starts_with("BEGIN:VCALENDAR"));
    let o = timeline(&dir, &["export", "--out", "y.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "timeline: y.txt: the extension names no format; --format says which\n");
    assert!(!dir.join("y.txt").exists());
    let o = timeline(&dir, &["export", "--format", "md", "--country", "LA", "--out", "x.ics"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("timeline: warning: x.ics's extension is for ics; writing markdown, as asked\n")
    );
    assert!(std::fs::read_to_string(dir.join("x.ics")).expect("read").starts_with("# "));
    // Our format's `.json` is its own: no warning.
    let o = timeline(&dir, &["export", "--format", "native", "--country", "LA", "--out", "n.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
}
