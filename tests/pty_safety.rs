//! The browser in a pseudo-terminal under stress: a hostile data set, every signal that ends or
//! suspends it, an unterminated bracketed paste and an absurd window size. Each test checks that
//! the terminal is restored and, where the program goes on, that it still works.

use crate::pty_harness;

use pty_harness::*;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

const ALL: usize = 35;

/// The frozen copy of the data set: curating `assets/` does not move these tests.
const FROZEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/frozen/timeline.json");

fn start(cols: u16, rows: u16) -> Tui {
    let t = Tui::start(cols, rows, &["--data", FROZEN], &[]);
    t.expect_position(&format!("1/{ALL}"));
    t
}

fn kill(t: &Tui, signal: &str) {
    let pid = t.pid().to_string();
    let status = Command::new("kill").args([&format!("-{signal}"), &pid]).status().expect("run kill");
    assert!(status.success(), "kill -{signal} {pid}");
}

/// Quits with `q` and checks the exit status and that the terminal is restored.
fn quit(mut t: Tui) {
    t.send("q");
    let status = t.exit();
    assert_eq!(status.exit_code(), 0, "exit status after q: {status}");
    t.assert_restored();
}

/// The process's state letter from /proc (`T` when stopped).
fn state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The state follows the command name, which is in parentheses.
    stat.rsplit_once(") ").and_then(|(_, rest)| rest.chars().next()).unwrap_or('?')
}

/// Waits until the process is in `want` state.
fn wait_state(t: &Tui, want: char) {
    let deadline = Instant::now() + TIMEOUT;
    while state(t.pid()) != want {
        assert!(Instant::now() < deadline, "the process never reached state {want}: {}", state(t.pid()));
        thread::sleep(Duration::from_millis(10));
    }
}

/// Checks that the browser is stopped with the terminal as it found it, continues it with
/// SIGCONT, and checks that it takes the terminal again, redraws and still answers keys.
fn stopped_then_continued(mut t: Tui) {
    wait_state(&t, 'T');
    t.expect("the main screen while stopped", |s| {
        ensure!(!s.alternate_screen(), "still on the alternate screen");
        Ok(())
    });
    let modes = t.modes();
    assert!(modes.canonical, "raw mode is still on while stopped: {modes:?}");
    assert_eq!(modes, t.initial, "the termios differ while stopped");
    kill(&t, "CONT");
    t.expect("the browser back on the alternate screen", |s| {
        ensure!(s.alternate_screen(), "not on the alternate screen");
        at_position(s, &format!("1/{ALL}"))
    });
    assert!(!t.modes().canonical, "raw mode is not back on");
    t.send("j");
    t.expect_position(&format!("2/{ALL}"));
    quit(t);
}

#[test]
fn ctrl_z_suspends_and_sigcont_resumes() {
    let mut t = start(100, 30);
    t.send("\x1a");
    stopped_then_continued(t);
}

#[test]
fn ctrl_z_and_fg_in_a_shell_give_the_terminal_back_and_forth() {
    let mut t = Tui::start_shell(100, 30);
    t.expect_text("shell$ ");
    t.send(&format!("'{}' --data '{FROZEN}'\r", env!("CARGO_BIN_EXE_timeline")));
    t.expect_position(&format!("1/{ALL}"));
    t.send("j");
    t.expect_position(&format!("2/{ALL}"));
    t.send("\x1a");
    t.expect("the shell's prompt on the main screen", |s| {
        ensure!(!s.alternate_screen(), "still on the alternate screen");
        ensure!(s.mouse_protocol_mode() == vt100::MouseProtocolMode::None, "mouse capture is still on");
        ensure!(rows(s).iter().filter(|r| r.starts_with("shell$ ")).count() == 2, "no second prompt");
        Ok(())
    });
    assert!(t.modes().canonical, "raw mode is still on at the shell's prompt");
    // The shell works: it runs a command.
    t.send("echo still-$((40 + 2))\r");
    t.expect_text("still-42");
    t.send("fg\r");
    t.expect("the browser back where it was", |s| {
        ensure!(s.alternate_screen(), "not on the alternate screen");
        at_position(s, &format!("2/{ALL}"))
    });
    t.send("j");
    t.expect_position(&format!("3/{ALL}"));
    t.send("q");
    t.expect("the shell's prompt after quitting", |s| {
        ensure!(!s.alternate_screen(), "still on the alternate screen");
        ensure!(rows(s).iter().filter(|r| r.starts_with("shell$")).count() == 4, "no new prompt");
        Ok(())
    });
    t.send("exit\r");
    let status = t.exit();
    assert_eq!(status.exit_code(), 0, "{status}");
    t.assert_restored();
}

#[test]
fn sigtstp_from_outside_suspends_and_sigcont_resumes() {
    let t = start(100, 30);
    kill(&t, "TSTP");
    stopped_then_continued(t);
}

/// Sends a signal and checks that the browser exits with 128 + its number, restored.
fn stopped_by(signal: &str, code: u32) {
    let mut t = start(100, 30);
    kill(&t, signal);
    let status = t.exit();
    assert_eq!(status.exit_code(), code, "{status}");
    assert!(status.signal().is_none(), "killed by the signal instead of handling it: {status}");
    t.assert_restored();
}

/// SIGBUS (the mapped index cache truncated under the program) cannot be survived: the terminal
/// is restored, the reason said, and the process ends by that signal, as it would have.
#[test]
fn sigbus_restores_the_terminal_says_why_and_ends_by_the_signal() {
    let mut t = start(100, 30);
    kill(&t, "BUS");
    let status = t.exit();
    // SAFETY: strsignal returns a static string for a valid signal number.
    let name = unsafe { std::ffi::CStr::from_ptr(libc::strsignal(libc::SIGBUS)) };
    assert_eq!(status.signal(), Some(name.to_str().expect("UTF-8")), "{status}");
    t.assert_restored();
    let said = String::from_utf8_lossy(&t.raw()).into_owned();
    assert!(said.contains("the index cache changed while it was mapped (SIGBUS)"), "{said}");
}

/// A TimelineJS file big enough to show the loading line (over 8 MB), and a cache directory in
/// which it has been loaded once: made once per run of this file.
fn warm_data() -> (PathBuf, PathBuf) {
    static MADE: Mutex<Option<(PathBuf, PathBuf)>> = Mutex::new(None);
    let mut made = MADE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(m) = made.as_ref() {
        return m.clone();
    }
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("pty-safety-warm");
    let (data, cache) = (dir.join("big.json"), dir.join("cache"));
    let _ = std::fs::remove_dir_all(&cache);
    std::fs::create_dir_all(&cache).expect("a scratch directory");
    let mut text = String::from("{\"events\": [\n");
    for i in 0..100_000 {
        let sep = if i == 0 { "" } else { ",\n" };
        text += &format!(
            "{sep}{{\"start_date\": {{\"year\": {}, \"month\": {}}}, \"text\": {{\"headline\": \"Event {i}\", \"text\": \"<p>About {i}</p>\"}}}}",
            1000 + i % 1000,
            1 + i % 12
        );
    }
    text += "]}\n";
    std::fs::write(&data, text).expect("write the data file");
    // The first load, outside the terminal, fills the cache.
    let filled = Command::new(env!("CARGO_BIN_EXE_timeline"))
        .args(["countries", "--data", data.to_str().unwrap()])
        .env("TIMELINE_CACHE_DIR", &cache)
        .output()
        .expect("run timeline");
    assert!(filled.status.success(), "{}", String::from_utf8_lossy(&filled.stderr));
    let files = std::fs::read_dir(&cache).expect("the cache directory").count();
    assert_eq!(files, 1, "the first load left no cache file");
    *made = Some((data, cache));
    made.clone().unwrap_or_default()
}

/// Sends `signal` while the browser loads a big file from its cache (warm), and checks that it
/// exits by itself with 128 + N, never having drawn a frame, with echo back on. With a search
/// from the command line the browser reads the whole data set before its first frame (there is
/// no preview of the first events to show).
fn signal_during_warm_load(signal: &str, code: u32) {
    let (data, cache) = warm_data();
    let cache = cache.to_str().unwrap();
    let args = ["--data", data.to_str().unwrap(), "--search", "event"];
    let mut t = Tui::start(100, 30, &args, &[("TIMELINE_CACHE_DIR", cache)]);
    t.expect_text("timeline: loading");
    kill(&t, signal);
    let status = t.exit();
    assert_eq!(status.exit_code(), code, "{signal}: {status}");
    assert!(status.signal().is_none(), "{signal}: killed by the signal instead of handling it: {status}");
    assert!(find(&t.raw(), ALT_ON).is_none(), "{signal}: the load finished before the signal came");
    assert_eq!(t.modes(), t.initial, "{signal}: the termios differ from before (echo off?)");
    t.expect("the loading line cleared", |s| {
        ensure!(!rows(s).iter().any(|r| r.contains("loading")), "the loading line is still there");
        Ok(())
    });
}

#[test]
fn sigint_during_a_warm_load_restores_echo_and_exits_130() {
    signal_during_warm_load("INT", 130);
}

#[test]
fn sigterm_during_a_warm_load_restores_echo_and_exits_143() {
    signal_during_warm_load("TERM", 143);
}

#[test]
fn sighup_during_a_warm_load_restores_echo_and_exits_129() {
    signal_during_warm_load("HUP", 129);
}

#[test]
fn sigquit_during_a_warm_load_restores_echo_and_exits_131() {
    signal_during_warm_load("QUIT", 131);
}

/// The browser on a preview of the first events, reading the rest on a worker: a signal then
/// ends it as any other time, with the terminal restored.
#[test]
fn sigterm_while_the_rest_of_a_preview_loads_restores_the_terminal_and_exits_143() {
    let (data, cache) = warm_data();
    let cache = cache.to_str().unwrap();
    let mut t = Tui::start(100, 30, &["--data", data.to_str().unwrap()], &[("TIMELINE_CACHE_DIR", cache)]);
    t.expect_text("of 100000");
    kill(&t, "TERM");
    let status = t.exit();
    assert_eq!(status.exit_code(), 143, "{status}");
    t.assert_restored();
}

#[test]
fn sigint_exits_130_and_restores_the_terminal() {
    stopped_by("INT", 130);
}

#[test]
fn sigquit_exits_131_and_restores_the_terminal() {
    stopped_by("QUIT", 131);
}

#[test]
fn an_unterminated_paste_does_not_block_keys() {
    let mut t = start(100, 30);
    // A paste start whose end never comes: what follows is pasted text (a `q` that does not
    // quit), and once no more bytes come the paste is over and keys are keys again.
    t.send("\x1b[200~q");
    t.expect("the note that the paste was ignored", |s| has(s, "paste ignored"));
    assert!(t.child.try_wait().expect("poll").is_none(), "the pasted q quit");
    t.send("j");
    t.expect_position(&format!("2/{ALL}"));
    quit(t);
}

#[test]
fn an_absurd_window_size_is_drawn_bounded_and_still_quits() {
    let mut t = start(80, 24);
    // The emulator stays 80×24 (it would need the memory too); the program is told 65535×65535.
    t.master
        .resize(portable_pty::PtySize { rows: 65535, cols: 65535, pixel_width: 0, pixel_height: 0 })
        .unwrap();
    // The status line is now beyond the emulator's rows: the proof is that the program lives on
    // (allocating for 65535×65535 cells aborts) and still quits on `q`.
    t.send("j");
    t.send("q");
    let status = t.exit();
    assert_eq!(status.exit_code(), 0, "{status}");
    assert!(status.signal().is_none(), "{status}");
    t.assert_restored();
}

#[test]
fn a_hostile_data_set_cannot_retitle_the_window_or_move_the_cursor() {
    let t = Tui::start(100, 30, &["--data", "tests/fixtures/hostile/timeline.json"], &[]);
    t.expect_position("1/2");
    t.expect_text("Fake");
    quit_checked(t);
}

fn quit_checked(mut t: Tui) {
    t.send("j");
    t.expect_position("2/2");
    t.expect_text("Second");
    t.send("q");
    let status = t.exit();
    assert_eq!(status.exit_code(), 0, "{status}");
    t.assert_restored();
    let raw = t.raw();
    assert!(find(&raw, b"\x1b]").is_none(), "an OSC sequence (window title, clipboard) reached the terminal");
    assert!(find(&raw, b"\x07").is_none(), "a BEL reached the terminal");
    for seq in ["\x1b[2J bạn".as_bytes(), b"\x1b[1A", b"\xc2\x9b", b"\xc2\x85", b"\xe2\x80\xae", b"\x08"] {
        assert!(find(&raw, seq).is_none(), "{seq:?} from the data set reached the terminal");
    }
}
