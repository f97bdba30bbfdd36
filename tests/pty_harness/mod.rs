//! The harness for running the `timeline` binary in a pseudo-terminal: a pty of a fixed size,
//! a terminal emulator (vt100) reading its output, keys typed into it, and checks of the screen
//! and of the terminal modes left behind. Shared by the pty test files.
//!
//! Nothing here waits a fixed time. A frame can arrive in several reads, so every check of the
//! screen is retried as output comes in until it holds, for up to `TIMEOUT`; a failure prints the
//! reason and the whole screen.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};
use vt100::{MouseProtocolMode, Screen};

/// How long any one wait may take. Generous: the tests run in parallel on small machines.
pub const TIMEOUT: Duration = Duration::from_secs(10);

pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";

pub const MOUSE_ON: &[u8] = b"\x1b[?1000h";
pub const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
pub const ALT_ON: &[u8] = b"\x1b[?1049h";
pub const ALT_OFF: &[u8] = b"\x1b[?1049l";
pub const PASTE_ON: &[u8] = b"\x1b[?2004h";
pub const PASTE_OFF: &[u8] = b"\x1b[?2004l";

/// The result of a check of the screen: `Err` says what is not there yet.
pub type Check = Result<(), String>;

/// Fails a check with a message unless the condition holds.
#[macro_export]
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// What the reader thread has seen so far.
pub struct Output {
    pub parser: vt100::Parser,
    pub raw: Vec<u8>,
    /// The pty was closed: the program has gone.
    pub eof: bool,
}

/// The terminal modes that raw mode changes, from the pty's termios.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modes {
    pub input: u64,
    pub output: u64,
    pub local: u64,
    /// ICANON is set: line-by-line input, the opposite of raw mode.
    pub canonical: bool,
}

pub fn modes(master: &dyn MasterPty) -> Modes {
    let t = master.get_termios().expect("read the pty's termios");
    Modes {
        input: u64::from(t.input_flags.bits()),
        output: u64::from(t.output_flags.bits()),
        local: u64::from(t.local_flags.bits()),
        canonical: format!("{:?}", t.local_flags).contains("ICANON"),
    }
}

pub fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal size is not zero")
}

pub fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }
}

/// A `timeline` process in a pseudo-terminal, with a terminal emulator reading its output.
pub struct Tui {
    pub master: Box<dyn MasterPty + Send>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    pub out: Arc<(Mutex<Output>, Condvar)>,
    pub reader: Option<JoinHandle<()>>,
    /// The pty's modes before the program started.
    pub initial: Modes,
    pub exited: bool,
}

impl Tui {
    /// Starts `timeline ARGS` in a `cols`×`rows` pty, with TERM=xterm-256color, colours on and
    /// the extra environment `env`.
    pub fn start(cols: u16, rows: u16, args: &[&str], env: &[(&str, &str)]) -> Tui {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_timeline"));
        cmd.args(args);
        Tui::start_command(cols, rows, cmd, env)
    }

    /// Starts an interactive shell (with job control, and the prompt `shell$ `) instead, to run
    /// `timeline` in as a user does.
    pub fn start_shell(cols: u16, rows: u16) -> Tui {
        let mut cmd = CommandBuilder::new("sh");
        cmd.arg("-i");
        cmd.env("PS1", "shell$ ");
        cmd.env("ENV", "/dev/null");
        Tui::start_command(cols, rows, cmd, &[])
    }

    /// Starts `cmd` in a `cols`×`rows` pty, with TERM=xterm-256color, colours on and the extra
    /// environment `env`.
    fn start_command(cols: u16, rows: u16, mut cmd: CommandBuilder, env: &[(&str, &str)]) -> Tui {
        let pair = native_pty_system().openpty(pty_size(cols, rows)).expect("open a pty");
        let initial = modes(&*pair.master);
        assert!(initial.canonical, "a new pty starts in canonical mode: {initial:?}");
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("RUST_BACKTRACE", "0");
        // The index cache goes to the build's scratch directory, never the user's.
        cmd.env("TIMELINE_CACHE_DIR", std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("pty-cache"));
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("TIMELINE_TEST_PANIC");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("start timeline in the pty");
        // Only the child holds the pty's other end now, so reading ends when it exits.
        drop(pair.slave);
        let mut pty_out = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = vt100::Parser::new(nz(rows), nz(cols), 0);
        let out = Arc::new((Mutex::new(Output { parser, raw: Vec::new(), eof: false }), Condvar::new()));
        let shared = Arc::clone(&out);
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                // Linux reports EIO once the other end is closed: that is the end too.
                let n = pty_out.read(&mut buf).unwrap_or(0);
                let (lock, cond) = &*shared;
                let mut o = lock.lock().unwrap_or_else(|e| e.into_inner());
                if n == 0 {
                    o.eof = true;
                    cond.notify_all();
                    return;
                }
                o.parser.process(&buf[..n]);
                o.raw.extend_from_slice(&buf[..n]);
                cond.notify_all();
            }
        });
        Tui { master: pair.master, writer, child, out, reader: Some(reader), initial, exited: false }
    }

    pub fn output(&self) -> MutexGuard<'_, Output> {
        self.out.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Types keys: text, `ENTER` or `ESC`.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
    }

    /// Retries `check` on the screen as output arrives until it passes; fails with its last
    /// complaint and the whole screen after `TIMEOUT` or if the program ends first.
    pub fn expect(&self, what: &str, check: impl Fn(&Screen) -> Check) {
        let deadline = Instant::now() + TIMEOUT;
        let (_, cond) = &*self.out;
        let mut o = self.output();
        loop {
            let why = match check(o.parser.screen()) {
                Ok(()) => return,
                Err(why) => why,
            };
            let now = Instant::now();
            if now >= deadline || o.eof {
                let end = if o.eof { "the program ended" } else { "timed out" };
                panic!("{end} waiting for {what}: {why}\nthe screen:\n{}", dump(o.parser.screen()));
            }
            o = cond.wait_timeout(o, deadline - now).unwrap_or_else(|e| e.into_inner()).0;
        }
    }

    /// Waits until `text` is on the screen.
    pub fn expect_text(&self, text: &str) {
        self.expect(&format!("{text:?}"), |s| has(s, text));
    }

    /// Waits until the status line starts with the position `pos` (`"3/35"`).
    pub fn expect_position(&self, pos: &str) {
        self.expect(&format!("position {pos}"), |s| at_position(s, pos));
    }

    /// Runs `f` on the current screen.
    pub fn screen<T>(&self, f: impl FnOnce(&Screen) -> T) -> T {
        f(self.output().parser.screen())
    }

    pub fn raw(&self) -> Vec<u8> {
        self.output().raw.clone()
    }

    pub fn modes(&self) -> Modes {
        modes(&*self.master)
    }

    /// Resizes the pty and the emulator together, so output after the resize is read at the
    /// new size.
    pub fn resize(&self, cols: u16, rows: u16) {
        let mut o = self.output();
        o.parser.set_size(nz(rows), nz(cols));
        self.master.resize(pty_size(cols, rows)).expect("resize the pty");
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child's process id")
    }

    /// Waits for the program to exit and for all its output to be read; returns its status.
    pub fn exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("poll the child") {
                break s;
            }
            assert!(Instant::now() < deadline, "timeline did not exit; the screen:\n{}", self.screen(dump));
            thread::sleep(Duration::from_millis(10));
        };
        self.exited = true;
        let (_, cond) = &*self.out;
        let mut o = self.output();
        while !o.eof {
            let now = Instant::now();
            assert!(now < deadline, "the pty was not closed after timeline exited");
            o = cond.wait_timeout(o, deadline - now).unwrap_or_else(|e| e.into_inner()).0;
        }
        drop(o);
        if let Some(r) = self.reader.take() {
            r.join().expect("the reader thread");
        }
        status
    }

    /// Checks, after the program ended, that the terminal is as the program found it: main
    /// screen, no mouse capture, cursor shown, the same termios (so raw mode is off), and that
    /// the last sequences about mouse capture and the alternate screen turned them off.
    pub fn assert_restored(&self) {
        self.screen(|s| {
            assert!(!s.alternate_screen(), "still on the alternate screen:\n{}", dump(s));
            assert!(!s.hide_cursor(), "the cursor is still hidden");
            assert_eq!(s.mouse_protocol_mode(), MouseProtocolMode::None, "mouse capture is still on");
            assert!(!s.bracketed_paste(), "bracketed paste is still on");
        });
        let after = self.modes();
        assert!(after.canonical, "raw mode is still on: {after:?}");
        assert_eq!(after, self.initial, "the termios differ from before the program started");
        let raw = self.raw();
        for (what, on, off) in [
            ("mouse capture", MOUSE_ON, MOUSE_OFF),
            ("the alternate screen", ALT_ON, ALT_OFF),
            ("bracketed paste", PASTE_ON, PASTE_OFF),
        ] {
            let (on, off) = (rfind(&raw, on), rfind(&raw, off));
            assert!(on.is_some(), "{what} was never turned on");
            assert!(off > on, "{what} was not turned off after it was last turned on");
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // A failed test must not leave its program running.
        if !self.exited && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The texts put on the clipboard through OSC 52 (`ESC ] 52 ; c ; BASE64` ended by `ESC \` or
/// BEL), decoded, in the order they were sent.
pub fn clipboard(raw: &[u8]) -> Vec<String> {
    use base64::Engine as _;
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(at) = find(rest, b"\x1b]52;c;") {
        let body = &rest[at + 7..];
        let end = body.iter().position(|&b| b == 0x07 || b == 0x1b).expect("the OSC's end");
        let bytes = base64::engine::general_purpose::STANDARD.decode(&body[..end]).expect("base64");
        out.push(String::from_utf8(bytes).expect("UTF-8"));
        rest = &body[end..];
    }
    out
}

/// The screen, one numbered row per line.
pub fn dump(s: &Screen) -> String {
    rows(s).iter().enumerate().map(|(i, r)| format!("{i:>3}│{r}")).collect::<Vec<_>>().join("\n")
}

pub fn rows(s: &Screen) -> Vec<String> {
    let (_, cols) = s.size();
    s.rows(0, cols.get()).collect()
}

pub fn has(s: &Screen, text: &str) -> Check {
    ensure!(rows(s).iter().any(|r| r.contains(text)), "{text:?} is not on the screen");
    Ok(())
}

pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

pub fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The status line (the row above the key hints), trimmed.
pub fn status_line(s: &Screen) -> String {
    let r = rows(s);
    r[r.len() - 2].trim().to_string()
}

/// The position shown first in the status line: `3/35`.
pub fn position(s: &Screen) -> String {
    status_line(s).split_whitespace().next().unwrap_or_default().to_string()
}

pub fn at_position(s: &Screen, pos: &str) -> Check {
    ensure!(position(s) == pos, "the status line {:?} is not at {pos}", status_line(s));
    Ok(())
}
