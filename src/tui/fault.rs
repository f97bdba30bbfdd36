//! SIGBUS, the one fault a user can cause from outside: the index cache is mapped, and the
//! titles, summaries and quotes on screen are read from the mapping for as long as the program
//! runs, so a cache file truncated under it (only its owner can; see the README's guarantees)
//! makes the next read of a lost page fault. The program cannot go on, but the terminal must not
//! be left raw, on the alternate screen, with the mouse captured: the handler puts back the modes
//! saved before raw mode, turns off what the browser turned on, says why on stderr, and the
//! process then ends by the same signal, as it would have.
//!
//! Everything the handler does is async-signal-safe: `tcsetattr` and `write` on saved bytes,
//! `raise`, atomics. It handles only SIGBUS: the standard library's SIGSEGV handler reports stack
//! overflows.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// The terminal's modes before the browser first entered raw mode.
static SAVED: OnceLock<libc::termios> = OnceLock::new();

/// Whether the browser has the terminal (raw mode, alternate screen, mouse, paste) now.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// What the browser turns on, turned off: mouse capture in every mode crossterm enables,
/// bracketed paste, the alternate screen; and the cursor shown.
const MODES_OFF: &[u8] =
    b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?2004l\x1b[?1049l\x1b[?25h\r\n";

const SAID: &[u8] = b"timeline: the index cache changed while it was mapped (SIGBUS): it was truncated or \
replaced in place under the program; the next start rebuilds it\n";

/// Catches SIGBUS from now on (once; later calls do nothing).
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: a zeroed `sigaction` is a valid empty one; the handler is an `extern "C" fn`
        // of the signature `sa_handler` takes, and does only async-signal-safe things.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_fault as extern "C" fn(libc::c_int) as libc::sighandler_t;
            // Once: a second fault (or the signal raised again below) takes the default action.
            action.sa_flags = libc::SA_RESETHAND;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGBUS, &action, std::ptr::null_mut());
        }
    });
}

/// Says that the browser is about to take the terminal (`true`, before raw mode) or has given
/// it back (`false`). The modes are saved the first time.
pub fn browsing(now: bool) {
    if now && SAVED.get().is_none() {
        // SAFETY: `tcgetattr` fills the zeroed struct it is given, or fails and leaves it.
        let mut modes: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(libc::STDIN_FILENO, &mut modes) } == 0 {
            let _ = SAVED.set(modes);
        }
    }
    ACTIVE.store(now, Ordering::SeqCst);
}

extern "C" fn on_fault(sig: libc::c_int) {
    // SAFETY: only async-signal-safe calls, on memory that is never freed (statics).
    unsafe {
        if ACTIVE.load(Ordering::SeqCst) {
            if let Some(modes) = SAVED.get() {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, modes);
            }
            write_all(libc::STDOUT_FILENO, MODES_OFF);
        }
        write_all(libc::STDERR_FILENO, SAID);
        // Delivered on return with the default action back (`SA_RESETHAND`): the process ends
        // by this signal whether it came from a fault or from `kill`.
        libc::raise(sig);
    }
}

/// `write` until all of `bytes` is written or it fails.
unsafe fn write_all(fd: libc::c_int, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: the pointer and length are those of a live slice.
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if n <= 0 {
            return;
        }
        bytes = &bytes[n as usize..];
    }
}
