//! Input floods: a burst of keys (a paste into a terminal without bracketed paste, a stuck key,
//! `yes` piped into the pty) costs one frame per batch, not one per key; beyond `MAX_QUEUED`
//! waiting keys the rest are dropped and counted; and Ctrl-c or an ending signal is acted on
//! before anything still queued.

use super::gate::Gate;
use super::world::Screen;
use super::{Ended, Msg, Step, guard, handle};
use crate::app::{App, Notice, receive};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// What the input thread shares with the loop.
#[derive(Default)]
pub(super) struct Input {
    /// Who may read the terminal: held while bytes are read, by an editor while it runs, and
    /// closed once the browser has ended.
    pub(super) gate: Gate,
    /// Ctrl-c was typed: the loop quits before it handles anything else queued.
    pub(super) interrupted: AtomicBool,
    /// Key and mouse events sent and not yet handled.
    pub(super) queued: AtomicUsize,
    /// Events dropped because too many were queued.
    pub(super) dropped: AtomicUsize,
}

/// The most input events queued for the loop; a flood beyond it is dropped (and counted).
const MAX_QUEUED: usize = 4096;

/// At most this long is spent on queued messages before a frame is drawn.
const FRAME_WORK: Duration = Duration::from_millis(50);

impl Input {
    /// Queues an event for the loop, unless a flood has filled the queue; notes Ctrl-c at once.
    pub(super) fn send(&self, tx: &Sender<Msg>, ev: Event) -> bool {
        if ev == Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)) {
            self.interrupted.store(true, Ordering::SeqCst);
        }
        if self.queued.load(Ordering::SeqCst) >= MAX_QUEUED {
            self.dropped.fetch_add(1, Ordering::SeqCst);
            return true;
        }
        self.queued.fetch_add(1, Ordering::SeqCst);
        tx.send(Msg::Input(ev)).is_ok()
    }
}

/// Handles `msg` and then what is already queued, for up to `FRAME_WORK`, before the next frame:
/// a flood of keys costs a frame per batch, not one per key.
pub(super) fn handle_batch(
    screen: &mut Screen,
    app: &mut App,
    (mut msg, rx): (Result<Msg, RecvTimeoutError>, &Receiver<Msg>),
) -> io::Result<Step> {
    let input = std::sync::Arc::clone(&screen.input);
    let input = &*input;
    let started = Instant::now();
    let mut dirty = false;
    loop {
        if let Some(ended) = interrupted(input, app.exporting.is_some()) {
            return Ok(Step::End(ended));
        }
        if let Ok(Msg::Input(_)) = msg {
            input.queued.fetch_sub(1, Ordering::SeqCst);
        }
        match handle(screen, app, msg)? {
            Step::Redraw => dirty = true,
            Step::Idle => {}
            end @ Step::End(_) => return Ok(end),
        }
        if started.elapsed() >= FRAME_WORK {
            break;
        }
        match rx.try_recv() {
            Ok(next) => msg = Ok(next),
            Err(_) => break,
        }
    }
    let dropped = input.dropped.swap(0, Ordering::SeqCst);
    if dropped > 0 {
        // Saying so changes nothing else: there is nothing to carry out.
        let _ = receive(app, Notice::InputDropped(dropped));
        dirty = true;
    }
    Ok(if dirty { Step::Redraw } else { Step::Idle })
}

/// Ctrl-c or an ending signal, which end the browser before anything queued is handled. While
/// an export runs, Ctrl-c waits its turn in the queue, where it cancels the export.
fn interrupted(input: &Input, exporting: bool) -> Option<Ended> {
    if let Some(sig) = guard::pending() {
        return Some(Ended::Signal(sig));
    }
    if exporting {
        input.interrupted.store(false, Ordering::SeqCst);
        return None;
    }
    input.interrupted.load(Ordering::SeqCst).then_some(Ended::Quit)
}
