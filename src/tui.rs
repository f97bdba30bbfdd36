//! The terminal: set-up, restore, and the event loop. This is the only module that does terminal
//! I/O. The terminal is restored on every way out: quitting, an error, a panic (through a panic
//! hook) and SIGTERM or SIGHUP.

use crate::app::keymap::map_key;
use crate::app::{Action, App, update};
use crate::search::Results;
use crate::search::worker::Worker;
use crate::ui::{self, Theme};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// How the browser ended.
pub enum Ended {
    Quit,
    /// A signal asked us to stop; its number.
    Signal(i32),
}

/// Runs the browser until the user quits or a signal arrives.
pub fn run(mut app: App, theme: Theme, test_panic: bool) -> io::Result<Ended> {
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    install_panic_hook();
    let mut terminal = init()?;
    let result = event_loop(&mut terminal, &mut app, &theme, &signal, test_panic);
    restore()?;
    result
}

fn init() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen, EnableMouseCapture) {
        let _ = restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(out))
}

/// Puts the terminal back as we found it: normal mode, main screen, no mouse capture, cursor on.
pub fn restore() -> io::Result<()> {
    let raw = disable_raw_mode();
    execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen, cursor::Show)?;
    raw
}

fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore();
        default(info);
    }));
}

/// What the event loop waits for.
enum Msg {
    Input(Event),
    InputFailed(io::Error),
    Searched(u64, Results),
    Counted(u64, Results),
}

/// Reads terminal events on their own thread, so that the loop can also hear from the search
/// worker, notice signals, and notice a terminal that has gone away (crossterm's reader then
/// spins on end-of-file and never returns).
fn spawn_input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(ev) => Msg::Input(ev),
                Err(e) => Msg::InputFailed(e),
            };
            let failed = matches!(msg, Msg::InputFailed(_));
            if tx.send(msg).is_err() || failed {
                return;
            }
        }
    });
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    theme: &Theme,
    signal: &AtomicUsize,
    test_panic: bool,
) -> io::Result<Ended> {
    let (tx, rx) = channel();
    spawn_input(tx.clone());
    let searched = tx.clone();
    let worker =
        Worker::spawn(Arc::clone(&app.timeline), Arc::clone(&app.engine), move |generation, results| {
            let _ = searched.send(Msg::Searched(generation, results));
        });
    // The pickers' counts have a worker of their own, so that neither cancels the other.
    let counter =
        Worker::spawn(Arc::clone(&app.timeline), Arc::clone(&app.engine), move |generation, results| {
            let _ = tx.send(Msg::Counted(generation, results));
        });
    app.background = true;
    // crossterm starts listening for resizes on its first read: do one now, before the size is
    // taken, so a resize right after start-up is not missed.
    let _ = event::poll(Duration::ZERO);
    let size = terminal.size()?;
    update(app, Action::Resize { width: size.width, height: size.height });
    // For the start-up benchmark: stop once the first frame is on screen.
    let exit_after_first_frame = std::env::var_os("TIMELINE_EXIT_AFTER_FIRST_FRAME").is_some();
    let mut dirty = true;
    loop {
        if let Some((generation, filter)) = app.request.take() {
            worker.submit(generation, filter);
        }
        if let crate::app::Mode::Picker(p) = &mut app.mode
            && let (Some(generation), Some(filter)) = (p.pending, p.request.take())
        {
            counter.submit(generation, *filter);
        }
        if dirty {
            terminal.draw(|f| ui::render(app, f, theme))?;
            dirty = false;
            if test_panic {
                panic!("forced panic (--test-panic), to check that the terminal is restored");
            }
            if exit_after_first_frame {
                return Ok(Ended::Quit);
            }
        }
        match rx.recv_timeout(Duration::from_millis(250)) {
            Ok(Msg::Input(ev)) => {
                if let Some(action) = action_for(app, ev) {
                    update(app, action);
                    dirty = true;
                }
            }
            Ok(Msg::Searched(generation, results)) => {
                update(app, Action::SearchDone(generation, results));
                dirty = true;
            }
            Ok(Msg::Counted(generation, results)) => {
                update(app, Action::CountsDone(generation, results));
                dirty = true;
            }
            Ok(Msg::InputFailed(e)) => return Err(e),
            // No terminal any more (its window was closed): stop as if hung up.
            Err(RecvTimeoutError::Timeout) if crossterm::terminal::size().is_err() => {
                return Ok(Ended::Signal(signal_hook::consts::SIGHUP));
            }
            // A resize that slipped past the input thread still reaches the layout.
            Err(RecvTimeoutError::Timeout) => {
                let size = terminal.size()?;
                if (size.width, size.height) != (app.width, app.height) {
                    update(app, Action::Resize { width: size.width, height: size.height });
                    dirty = true;
                }
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(Ended::Quit),
        }
        match signal.load(Ordering::Relaxed) {
            0 => {}
            sig => return Ok(Ended::Signal(sig as i32)),
        }
        if app.should_quit {
            return Ok(Ended::Quit);
        }
    }
}

/// Turns a terminal event into an action for the current mode.
fn action_for(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(key) => map_key(app.mode.keys(), key),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { col: m.column, row: m.row }),
            MouseEventKind::ScrollDown => Some(Action::Wheel { col: m.column, row: m.row, down: true }),
            MouseEventKind::ScrollUp => Some(Action::Wheel { col: m.column, row: m.row, down: false }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}
