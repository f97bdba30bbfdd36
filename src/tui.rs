//! The terminal: set-up, restore, and the event loop. This is the only module that does terminal
//! I/O. The terminal is restored on every way out: quitting, an error, a panic (through a panic
//! hook) and SIGTERM or SIGHUP.

use crate::app::{App, Effect, update};
use crate::input::Action;
use crate::input::keymap::map_key;
use crate::search::Results;
use crate::search::worker::{Searcher, Worker};
use crate::ui::{self, Theme};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// How the browser ended.
pub enum Ended {
    Quit,
    /// A signal asked us to stop; its number.
    Signal(i32),
}

/// Runs the browser until the user quits or a signal arrives. `first` is the effect `App::new`
/// answered with: the first search, which runs before the first frame.
pub fn run(mut app: App, first: Effect, theme: Theme, test_panic: bool) -> io::Result<Ended> {
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    install_panic_hook();
    let mut terminal = init(app.session.mouse)?;
    let result = event_loop(&mut terminal, &mut app, first, &theme, &signal, test_panic);
    restore()?;
    result
}

fn init(mouse: bool) -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen).and_then(|_| set_mouse(mouse)) {
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

/// Captures the mouse, or leaves it to the terminal (which can then select text).
fn set_mouse(on: bool) -> io::Result<()> {
    if on { execute!(io::stdout(), EnableMouseCapture) } else { execute!(io::stdout(), DisableMouseCapture) }
}

/// Puts text on the clipboard through the terminal (OSC 52), which works over ssh and in tmux
/// with `set-clipboard on`.
fn copy(text: &str) -> io::Result<()> {
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = io::stdout();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
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
    first: Effect,
    theme: &Theme,
    signal: &AtomicUsize,
    test_panic: bool,
) -> io::Result<Ended> {
    let (tx, rx) = channel();
    spawn_input(tx.clone());
    let worker = start_searching(app, first, tx);
    // Carries out what `update` asks for; true when it asks to quit.
    let carry_out = |effect: Option<Effect>| -> io::Result<bool> {
        match effect {
            Some(Effect::Search { generation, filter }) => worker.submit(generation, filter),
            Some(Effect::Copy(text)) => copy(&text)?,
            Some(Effect::Mouse(on)) => set_mouse(on)?,
            Some(Effect::Quit) => return Ok(true),
            None => {}
        }
        Ok(false)
    };
    // crossterm starts listening for resizes on its first read: do one now, before the size is
    // taken, so a resize right after start-up is not missed.
    let _ = event::poll(Duration::ZERO);
    let size = terminal.size()?;
    carry_out(update(app, Action::Resize { width: size.width, height: size.height }))?;
    // For the start-up benchmark: stop once the first frame is on screen.
    let exit_after_first_frame = std::env::var_os("TIMELINE_EXIT_AFTER_FIRST_FRAME").is_some();
    let mut dirty = true;
    loop {
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
        let action = match next_action(&rx, terminal, app)? {
            Next::Act(action) => action,
            Next::End(ended) => return Ok(ended),
        };
        if let Some(action) = action {
            if carry_out(update(app, action))? {
                return Ok(Ended::Quit);
            }
            dirty = true;
        }
        match signal.load(Ordering::Relaxed) {
            0 => {}
            sig => return Ok(Ended::Signal(sig as i32)),
        }
    }
}

/// Runs the first search here, so that the first frame already shows the events, then starts
/// the worker for the others.
fn start_searching(app: &mut App, first: Effect, tx: Sender<Msg>) -> Worker {
    let mut searcher = Searcher::new(Arc::clone(&app.data.timeline), Arc::clone(&app.data.engine));
    if let Effect::Search { generation, filter } = first
        && let Some(results) = searcher.search(&filter, &|| false)
    {
        update(app, Action::SearchDone(generation, results));
    }
    Worker::spawn(searcher, move |generation, results| {
        let _ = tx.send(Msg::Searched(generation, results));
    })
}

/// What the loop does next.
enum Next {
    /// Apply this action, if any (a timeout brings none).
    Act(Option<Action>),
    End(Ended),
}

/// Waits for the next input or search result, at most a quarter of a second.
fn next_action(
    rx: &Receiver<Msg>,
    terminal: &Terminal<CrosstermBackend<Stdout>>,
    app: &App,
) -> io::Result<Next> {
    Ok(Next::Act(match rx.recv_timeout(Duration::from_millis(250)) {
        Ok(Msg::Input(ev)) => action_for(app, ev),
        Ok(Msg::Searched(generation, results)) => Some(Action::SearchDone(generation, results)),
        Ok(Msg::InputFailed(e)) => return Err(e),
        // No terminal any more (its window was closed): stop as if hung up.
        Err(RecvTimeoutError::Timeout) if crossterm::terminal::size().is_err() => {
            return Ok(Next::End(Ended::Signal(signal_hook::consts::SIGHUP)));
        }
        // A resize that slipped past the input thread still reaches the layout.
        Err(RecvTimeoutError::Timeout) => {
            let size = terminal.size()?;
            ((size.width, size.height) != (app.view.width, app.view.height))
                .then_some(Action::Resize { width: size.width, height: size.height })
        }
        Err(RecvTimeoutError::Disconnected) => return Ok(Next::End(Ended::Quit)),
    }))
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
