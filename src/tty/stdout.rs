//! Whether the program started with its standard output closed (`timeline list >&-`). The check
//! must run before `main`: the Rust runtime opens `/dev/null` on a closed standard descriptor
//! before `main` starts, and writes to it then "succeed". So it runs from `.init_array`, as the
//! C runtime calls constructors, and `main` reads the answer.

use std::sync::atomic::{AtomicBool, Ordering};

static CLOSED: AtomicBool = AtomicBool::new(false);

/// Whether standard output was closed when the program started (always false off Linux).
pub fn was_closed() -> bool {
    CLOSED.load(Ordering::Relaxed)
}

#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static CHECK: extern "C" fn() = {
    extern "C" fn check() {
        // SAFETY: F_GETFD only reads the descriptor's flags; -1 (EBADF) means it is not open.
        let closed = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1;
        CLOSED.store(closed, Ordering::Relaxed);
    }
    check
};
