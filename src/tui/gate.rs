//! Who may read the terminal: the input thread while the browser runs, nobody once it has ended,
//! and the user's editor while it runs (the input thread then waits, so that it never takes the
//! editor's keys).

use std::sync::{Condvar, Mutex, MutexGuard};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Door {
    Open,
    /// An editor has the terminal; the input thread waits.
    Held,
    /// The browser has ended: keys typed from now on are the shell's.
    Closed,
}

pub struct Gate {
    door: Mutex<Door>,
    turned: Condvar,
}

impl Default for Gate {
    fn default() -> Gate {
        Gate::new()
    }
}

impl Gate {
    pub fn new() -> Gate {
        Gate { door: Mutex::new(Door::Open), turned: Condvar::new() }
    }

    fn lock(&self) -> MutexGuard<'_, Door> {
        self.door.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn set(&self, door: Door) {
        *self.lock() = door;
        self.turned.notify_all();
    }

    /// Gives the terminal to an editor: the input thread stops reading until `open`.
    pub fn hold(&self) {
        self.set(Door::Held);
    }

    pub fn open(&self) {
        self.set(Door::Open);
    }

    pub fn close(&self) {
        self.set(Door::Closed);
    }

    /// Whether an editor has the terminal now.
    pub fn held(&self) -> bool {
        *self.lock() == Door::Held
    }

    /// Runs `read` once the terminal is ours (waiting while an editor has it); `None` once the
    /// browser has ended.
    pub fn when_open<T>(&self, read: impl FnOnce() -> T) -> Option<T> {
        let mut door = self.lock();
        while *door == Door::Held {
            door = self.turned.wait(door).unwrap_or_else(|e| e.into_inner());
        }
        (*door == Door::Open).then(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn a_held_gate_keeps_the_reader_waiting_until_it_opens_and_a_closed_one_refuses() {
        let gate = Arc::new(Gate::new());
        assert_eq!(gate.when_open(|| 1), Some(1));
        gate.hold();
        assert!(gate.held());
        let waiting = {
            let gate = Arc::clone(&gate);
            std::thread::spawn(move || gate.when_open(|| 2))
        };
        gate.open();
        assert_eq!(waiting.join().ok().flatten(), Some(2));
        gate.close();
        assert_eq!(gate.when_open(|| 3), None);
    }
}
