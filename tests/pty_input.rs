//! What reaches the browser from outside, in a pseudo-terminal: pasted text (bracketed paste) is
//! text for the line being typed and never keys; a flood of keys with Ctrl-c behind it still
//! quits; the clipboard (OSC 52) carries inert text from a hostile title; and a signal during a
//! long load, before the first frame, leaves the terminal as it was with status 128 + N.

use crate::pty_harness;
use crate::support;

use pty_harness::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

const ALL: usize = 35;
const FROZEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/frozen/timeline.json");
const PASTE_START: &str = "\x1b[200~";
const PASTE_END: &str = "\x1b[201~";

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("pty-input-{name}"));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

fn start() -> Tui {
    let t = Tui::start(100, 30, &["--data", FROZEN], &[]);
    t.expect_position(&format!("1/{ALL}"));
    t
}

fn quit(mut t: Tui) {
    t.send("q");
    let status = t.exit();
    assert_eq!(status.exit_code(), 0, "exit status after q: {status}");
    t.assert_restored();
}

fn alive(t: &mut Tui) {
    assert!(t.child.try_wait().expect("poll the child").is_none(), "the program has ended");
}

#[test]
fn pasted_keys_are_not_run_and_a_pasted_q_does_not_quit() {
    let target = scratch("paste").join("pasted.csv");
    let _ = std::fs::remove_file(&target);
    let mut t = start();
    t.send("j");
    t.expect_position(&format!("2/{ALL}"));
    // Typed, these keys would open `:export`, clear it and write the file.
    t.send(&format!("{PASTE_START}e\x15export! {} csv\r{PASTE_END}", target.display()));
    t.expect("the note that the paste was ignored", |s| has(s, "paste ignored"));
    t.send(&format!("{PASTE_START}q{PASTE_END}"));
    t.send("j");
    t.expect_position(&format!("3/{ALL}"));
    alive(&mut t);
    assert!(!target.exists(), "the pasted keys wrote {}", target.display());
    quit(t);
}

#[test]
fn a_paste_in_the_search_line_becomes_the_query() {
    let mut t = start();
    t.send("/");
    t.expect_text("Enter apply");
    // Line breaks and controls are dropped; the Enter inside the paste does not apply it.
    t.send(&format!("{PASTE_START}Azerbai\x1b[31mjan\r\nq{PASTE_END}"));
    t.expect("the pasted query", |s| has(s, "Azerbai[31mjan q"));
    t.expect_text("Enter apply");
    // Edited as typed text: deleting the last word leaves a query that finds events.
    t.send("\x17\x7f");
    t.expect("the query without its last word", |s| {
        ensure!(!rows(s).iter().any(|r| r.contains("jan q")), "the query still ends in q");
        has(s, "Azerbai[31mjan")
    });
    alive(&mut t);
    t.send("\x1b");
    t.expect_text("/ search");
    quit(t);
}

#[test]
fn a_flood_of_keys_with_ctrl_c_behind_it_quits() {
    let mut t = start();
    // 200 KB of movement, searching and typing, then Ctrl-c.
    let unit = "jjkkG g/to lam\x1b\x1b";
    let mut burst = unit.repeat(200 * 1024 / unit.len());
    burst.push('\x03');
    t.send(&burst);
    // `exit` waits a generous `TIMEOUT`: without the flood handling this took minutes.
    let status = t.exit();
    assert_eq!(status.exit_code(), 0, "{status}");
    assert!(status.signal().is_none(), "{status}");
    t.assert_restored();
}

/// The hostile fixture with one more hostile title: copied and pasted into a shell that ends a
/// bracketed paste at `ESC[201~` and runs a line at `CR`, it would run `touch`.
fn hostile_copy_data() -> (PathBuf, String) {
    let dir = scratch("copy");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let text = std::fs::read_to_string(fixtures.join("timeline.json")).expect("the hostile fixture");
    let mut data: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    data["events"][1]["title"] = "Note\x1b[201~\rtouch /tmp/x\r".into();
    let path = dir.join("timeline.json");
    std::fs::write(&path, serde_json::to_string(&data).expect("JSON")).expect("write the data set");
    (path, fixtures.display().to_string())
}

#[test]
fn a_copied_citation_carries_text_only() {
    let (data, articles) = hostile_copy_data();
    let mut t = Tui::start(100, 30, &["--data", data.to_str().unwrap(), "--articles", &articles], &[]);
    t.expect_position("1/2");
    t.send("j");
    t.expect_position("2/2");
    t.send("y");
    t.expect_text("copied the citation");
    t.send("Y");
    t.expect_text("copied hostile-two");
    let copied = clipboard(&t.raw());
    let [citation, id] = &copied[..] else { panic!("{} copies", copied.len()) };
    assert_eq!(id, "hostile-two");
    assert!(citation.starts_with(r"Note\u{1b}[201~\u{d}touch /tmp/x\u{d} (3 Feb 2026)"), "{citation:?}");
    // The outlet and the quote are hostile too.
    assert!(citation.contains(r"Tin\u{1b}[5m Thử\u{202e}"), "{citation:?}");
    let bad = citation.chars().find(|&c| {
        (c.is_control() && !matches!(c, '\n' | '\t'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    });
    assert_eq!(bad, None, "a control character on the clipboard: {citation:?}");
    quit(t);
}

/// A data set big enough to load for a while, made once per run of this file.
fn big_data() -> PathBuf {
    static MADE: Mutex<Option<PathBuf>> = Mutex::new(None);
    let mut made = MADE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(path) = made.as_ref() {
        return path.clone();
    }
    let dir = scratch("big");
    let path = dir.join("data.json");
    // Over the 8 MB from which a load shows its progress.
    if std::fs::metadata(&path).map_or(true, |m| m.len() < 12 << 20) {
        support::synth::write(&dir, 20_000, 5).expect("generate a data set");
    }
    *made = Some(path.clone());
    path
}

/// Sends `signal` while the browser is still loading a big file (cold: no cache), and checks
/// that it exits by itself with 128 + N, never having drawn a frame, with echo back on.
fn signal_during_load(signal: &str, code: u32) {
    let data = big_data();
    let mut t = Tui::start(100, 30, &["--no-cache", "--data", data.to_str().unwrap()], &[]);
    t.expect_text("timeline: loading");
    let killed = Command::new("kill").args([&format!("-{signal}"), &t.pid().to_string()]).status();
    assert!(killed.expect("run kill").success());
    let status = t.exit();
    assert_eq!(status.exit_code(), code, "{signal}: {status}");
    assert!(status.signal().is_none(), "{signal}: killed by the signal instead of handling it: {status}");
    assert!(find(&t.raw(), ALT_ON).is_none(), "{signal}: the load finished before the signal came");
    let after = t.modes();
    assert_eq!(after, t.initial, "{signal}: the termios differ from before (echo off?)");
    t.expect("the progress line cleared", |s| {
        ensure!(!rows(s).iter().any(|r| r.contains("loading")), "the progress line is still there");
        Ok(())
    });
}

#[test]
fn sigint_during_a_long_load_restores_echo_and_exits_130() {
    signal_during_load("INT", 130);
}

#[test]
fn sigterm_during_a_long_load_restores_echo_and_exits_143() {
    signal_during_load("TERM", 143);
}

#[test]
fn sighup_during_a_long_load_restores_echo_and_exits_129() {
    signal_during_load("HUP", 129);
}

#[test]
fn sigquit_during_a_long_load_restores_echo_and_exits_131() {
    signal_during_load("QUIT", 131);
}
