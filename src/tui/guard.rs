//! Terminal safety for the whole run, not only the browser's: SIGINT, SIGTERM, SIGHUP and SIGQUIT
//! are caught from the start of `main`. While the browser runs they are handed to its event loop,
//! which restores the terminal and ends with 128 + the signal's number; before it (loading a big
//! file, with echo turned off under the progress line) and after it, the terminal's saved modes
//! are put back here and the program exits with that same status. Nothing is ever left with echo
//! off or in raw mode by a signal.

use super::Msg;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Mutex, MutexGuard, Once};

/// The signals that end the program.
pub const ENDING: [i32; 4] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT];

/// The terminal's modes before `NoEcho` changed them: what a signal puts back.
static SAVED: Mutex<Option<rustix::termios::Termios>> = Mutex::new(None);

/// The browser's event loop, while it runs: signals go there.
static BROWSER: Mutex<Option<Sender<Msg>>> = Mutex::new(None);

/// An ending signal that the event loop has not acted on yet (0: none). The loop checks it
/// before every message, so a signal does not wait behind a flood of queued keys.
static PENDING: AtomicI32 = AtomicI32::new(0);

static INSTALL: Once = Once::new();

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Catches the ending signals from now on, once for the whole run. Called first thing by `main`
/// (before anything is loaded) and again, harmlessly, by the browser.
pub fn install() -> io::Result<()> {
    super::fault::install();
    let mut result = Ok(());
    INSTALL.call_once(|| {
        result = Signals::new(ENDING).map(|mut signals| {
            std::thread::spawn(move || {
                for sig in signals.forever() {
                    on_signal(sig);
                }
            });
        });
    });
    result
}

/// An editor has the terminal: Ctrl-c and Ctrl-\ are its own (as git leaves them to the editor).
static EDITING: AtomicBool = AtomicBool::new(false);

/// Says whether an editor has the terminal now.
pub(super) fn editing(now: bool) {
    EDITING.store(now, Ordering::SeqCst);
}

fn on_signal(sig: i32) {
    if EDITING.load(Ordering::SeqCst) && (sig == SIGINT || sig == SIGQUIT) {
        return;
    }
    if let Some(tx) = lock(&BROWSER).as_ref() {
        PENDING.store(sig, Ordering::SeqCst);
        if tx.send(Msg::Signal(sig)).is_ok() {
            return;
        }
    }
    // No browser to hand it to: put the terminal back and stop here.
    restore_saved();
    // SAFETY: `_exit` ends the process at once, without running anything that could wait on a
    // lock the interrupted thread holds (the standard streams' locks, the allocator).
    unsafe { libc::_exit(128 + sig) }
}

/// Hands the ending signals to the browser's loop (`Some`) or takes them back (`None`).
pub(super) fn forward_to(tx: Option<Sender<Msg>>) {
    PENDING.store(0, Ordering::SeqCst);
    *lock(&BROWSER) = tx;
}

/// An ending signal that has arrived and waits for the event loop, if any.
pub(super) fn pending() -> Option<i32> {
    match PENDING.load(Ordering::SeqCst) {
        0 => None,
        sig => Some(sig),
    }
}

/// Puts back the modes `NoEcho` saved, and clears the progress line it was under.
fn restore_saved() {
    if let Some(saved) = lock(&SAVED).take() {
        let _ = rustix::termios::tcsetattr(io::stdin(), rustix::termios::OptionalActions::Now, &saved);
        let mut err = io::stderr();
        let _ = err.write_all(b"\r\x1b[2K");
        let _ = err.flush();
    }
}

/// Keeps keys typed while a big file loads from being echoed onto the progress line; the
/// terminal's echo comes back when it is dropped, or when a signal ends the program first.
/// Ctrl-c still interrupts.
pub struct NoEcho(bool);

impl NoEcho {
    pub fn start() -> NoEcho {
        use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
        let stdin = io::stdin();
        let Ok(saved) = tcgetattr(&stdin) else { return NoEcho(false) };
        let mut quiet = saved.clone();
        quiet.local_modes.remove(LocalModes::ECHO);
        // Saved before echo goes off, so that a signal in between still finds what to restore.
        *lock(&SAVED) = Some(saved);
        match tcsetattr(&stdin, OptionalActions::Now, &quiet) {
            Ok(()) => NoEcho(true),
            Err(_) => {
                lock(&SAVED).take();
                NoEcho(false)
            }
        }
    }
}

impl Drop for NoEcho {
    fn drop(&mut self) {
        if self.0
            && let Some(saved) = lock(&SAVED).take()
        {
            let _ = rustix::termios::tcsetattr(io::stdin(), rustix::termios::OptionalActions::Now, &saved);
        }
    }
}
