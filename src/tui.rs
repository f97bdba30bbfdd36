//! The terminal: set-up, restore, and the event loop. This is the only module that does terminal
//! I/O. The terminal is restored on every way out: quitting, an error, a panic (through a panic
//! hook) and SIGINT, SIGQUIT, SIGTERM or SIGHUP, also before the first frame (`guard`), and
//! SIGBUS, a mapped cache truncated under the program (`fault`). Ctrl-z and
//! SIGTSTP suspend the browser with the terminal restored, and it comes back as it was on
//! SIGCONT. However large the window, the frame buffers are bounded (`MAX_WIDTH` × `MAX_HEIGHT`).
//! A flood of input costs one frame per batch, not one per key, and Ctrl-c or an ending signal
//! is acted on before anything queued.

mod fault;
mod flood;
pub mod guard;
pub mod progress;

mod gate;
mod watch;
mod world;

use crate::app::exec::{self, Flow};
use crate::app::{App, Effect, Notice, receive, update};
use crate::input::Action;
use crate::input::keymap::{map_key, map_mouse};
use crate::tty;
use crate::ui::{self, Theme};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use flood::{Input, handle_batch};
use gate::Gate;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGHUP, SIGTSTP, SIGWINCH};
use signal_hook::iterator::Signals;
use std::io::{self, Read, Stdout};
use std::os::fd::{AsFd, AsRawFd};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};
use watch::Watch;
use world::Screen;

/// The widest and tallest screen drawn. A larger window (65535×65535 is possible) is drawn in
/// its top-left corner: two frame buffers of this size take some 40 MB; at 65535×65535 one would
/// take over 100 GB, and the allocation aborts the program with the terminal still raw.
pub const MAX_WIDTH: u16 = 1000;
pub const MAX_HEIGHT: u16 = 500;

type Term = Terminal<CrosstermBackend<Stdout>>;

/// How the browser ended.
pub enum Ended {
    Quit,
    /// A signal asked us to stop; its number.
    Signal(i32),
}

/// Runs the browser until the user quits or a signal arrives. `first` is the effect `App::new`
/// answered with: the first search, which runs before the first frame.
pub fn run(mut app: App, first: Effect, theme: Theme, test_panic: bool) -> io::Result<Ended> {
    let (tx, rx) = channel();
    let input = Arc::new(Input::default());
    // Before the terminal changes: a signal from now on restores it.
    guard::install()?;
    guard::forward_to(Some(tx.clone()));
    let signals = spawn_signals(tx.clone(), Arc::clone(&input))?;
    install_panic_hook();
    let terminal = init(app.session.mouse).inspect_err(|_| drop(restore()))?;
    let watch = app.origin.source.as_ref().map(|s| Watch::new(s.path().to_path_buf()));
    let mut screen = Screen::new(terminal, tx.clone(), Arc::clone(&input), watch);
    let result = spawn_input(tx, Arc::clone(&input))
        .and_then(|()| event_loop(&mut screen, &mut app, first, &theme, &rx, test_panic));
    // Stop reading before the terminal goes back to the shell: keys typed from now on are its.
    input.gate.close();
    restore()?;
    // Only now: a signal while the terminal was being restored went to `rx`, not to an exit
    // that would have cut the restoring short.
    guard::forward_to(None);
    signals.close();
    result
}

/// The part of a `width`×`height` window that is drawn.
pub fn bounded(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

fn window() -> Rect {
    let (w, h) = crossterm::terminal::size().unwrap_or((80, 24));
    bounded(w, h)
}

fn init(mouse: bool) -> io::Result<Term> {
    enter(mouse)?;
    Terminal::with_options(
        CrosstermBackend::new(io::stdout()),
        TerminalOptions { viewport: Viewport::Fixed(window()) },
    )
}

/// Raw mode, the alternate screen, bracketed paste (a paste is text, never keys), mouse capture
/// unless the user turned it off.
fn enter(mouse: bool) -> io::Result<()> {
    fault::browsing(true);
    enable_raw_mode()?;
    let modes = execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste);
    if let Err(e) = modes.and_then(|()| set_mouse(mouse)) {
        let _ = restore();
        return Err(e);
    }
    Ok(())
}

/// Captures the mouse, or leaves it to the terminal (which can then select text).
fn set_mouse(on: bool) -> io::Result<()> {
    if on { execute!(io::stdout(), EnableMouseCapture) } else { execute!(io::stdout(), DisableMouseCapture) }
}

/// Puts the terminal back as we found it: normal mode, main screen, no mouse capture, no
/// bracketed paste, cursor on.
pub fn restore() -> io::Result<()> {
    let raw = disable_raw_mode();
    let modes = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    fault::browsing(false);
    modes?;
    raw
}

/// Clears the screen and makes the next frame draw everything, at `area`.
fn redraw_at(terminal: &mut Term, area: Rect) -> io::Result<()> {
    execute!(terminal.backend_mut(), Clear(ClearType::All))?;
    terminal.resize(area)
}

fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A background job's panic is its own failure: the browser goes on, drawing as before.
        if !QUIET.get() {
            let _ = restore();
            default(info);
        }
    }));
}

thread_local! {
    /// Whether this thread runs a background job (see `background`).
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs a job on this (background) thread while the browser has the terminal: a panic in it is
/// caught and taken as its failure (`None`), without a word on the screen and without giving
/// the terminal back under the browser.
pub fn background<T>(job: impl FnOnce() -> T) -> Option<T> {
    QUIET.set(true);
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(job)).ok()
}

/// Hands the signals that suspend the browser or resize its window to the event loop, as
/// messages (`guard` hands it those that end it). While an editor has the terminal, Ctrl-z stops
/// us with it, as one job (and `guard` leaves Ctrl-c and Ctrl-\ to the editor, as git does).
fn spawn_signals(tx: Sender<Msg>, input: Arc<Input>) -> io::Result<signal_hook::iterator::Handle> {
    let mut signals = Signals::new([SIGTSTP, SIGWINCH])?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if input.gate.held() && sig == SIGTSTP {
                let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                continue;
            }
            if tx.send(Msg::Signal(sig)).is_err() {
                return;
            }
        }
    });
    Ok(handle)
}

/// What the event loop waits for.
pub(crate) enum Msg {
    Input(Event),
    InputFailed(io::Error),
    Signal(i32),
    /// A worker's answer: a search, a count, an export.
    Notice(Notice),
}

/// Reads the terminal on its own thread, so that the loop can also hear from the search worker
/// and from signals. Bytes become events in `tty::Decoder`, which never waits without end for
/// the rest of a sequence (crossterm's reader does, after a stray `ESC[200~`).
/// The gate is held while bytes are read, and once closed no more are.
fn spawn_input(tx: Sender<Msg>, input: Arc<Input>) -> io::Result<()> {
    let tty = std::fs::File::from(io::stdin().as_fd().try_clone_to_owned()?);
    std::thread::spawn(move || {
        let mut decoder = tty::Decoder::default();
        let mut buf = [0u8; 4096];
        loop {
            let events = match readable(&tty, decoder.wait()) {
                Ok(false) => decoder.flush(),
                Ok(true) => match read_while_open(&tty, &mut buf, &input.gate) {
                    Ok(n) if n > 0 => decoder.feed(&buf[..n]),
                    // The terminal has gone (its window was closed): as if hung up.
                    Ok(_) => return drop(tx.send(Msg::Signal(SIGHUP))),
                    Err(e) if e.raw_os_error() == Some(libc::EIO) => {
                        return drop(tx.send(Msg::Signal(SIGHUP)));
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return drop(tx.send(Msg::InputFailed(e))),
                },
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return drop(tx.send(Msg::InputFailed(e))),
            };
            for ev in events {
                if !input.send(&tx, ev) {
                    return;
                }
            }
        }
    });
    Ok(())
}

/// Reads what is there, unless the browser has stopped reading (then as if the terminal closed);
/// while an editor has the terminal, waits for it to return.
fn read_while_open(mut tty: &std::fs::File, buf: &mut [u8], open: &Gate) -> io::Result<usize> {
    open.when_open(|| tty.read(buf)).unwrap_or(Ok(0))
}

/// Waits until `fd` has bytes to read, or `wait` has passed (`false`); no `wait` waits for ever.
fn readable(fd: &impl AsRawFd, wait: Option<Duration>) -> io::Result<bool> {
    let mut p = libc::pollfd { fd: fd.as_raw_fd(), events: libc::POLLIN, revents: 0 };
    let ms = wait.map_or(-1, |d| i32::try_from(d.as_millis()).unwrap_or(i32::MAX));
    // SAFETY: `p` is one valid pollfd that lives for the whole call.
    match unsafe { libc::poll(&mut p, 1, ms) } {
        n if n < 0 => Err(io::Error::last_os_error()),
        n => Ok(n > 0),
    }
}

fn event_loop(
    screen: &mut Screen,
    app: &mut App,
    first: Effect,
    theme: &Theme,
    rx: &Receiver<Msg>,
    test_panic: bool,
) -> io::Result<Ended> {
    if exec::start(app, screen, first)? == Flow::Quit {
        return Ok(Ended::Quit);
    }
    resize(screen, app, window())?;
    // For the start-up benchmark: stop once the first frame is on screen.
    let exit_after_first_frame = std::env::var_os("TIMELINE_EXIT_AFTER_FIRST_FRAME").is_some();
    let mut dirty = true;
    loop {
        if dirty {
            screen.terminal.draw(|f| ui::render(app, f, theme))?;
            dirty = false;
            if test_panic {
                panic!("forced panic (--test-panic), to check that the terminal is restored");
            }
            if exit_after_first_frame {
                return Ok(Ended::Quit);
            }
        }
        let msg = rx.recv_timeout(TICK);
        let step = match handle_batch(screen, app, (msg, rx))? {
            // The data file changed on disk: read it again.
            Step::Idle if screen.watch.as_mut().is_some_and(|w| w.changed(Instant::now())) => {
                carry_out(screen, app, Some(Effect::Reload))?
            }
            step => step,
        };
        match step {
            Step::Redraw => dirty = true,
            Step::Idle => {}
            Step::End(ended) => return Ok(ended),
        }
    }
}

/// How often the loop looks at the window's size and the data file when nothing happens.
const TICK: Duration = watch::SETTLE;

/// What one message asks of the loop.
enum Step {
    Redraw,
    Idle,
    End(Ended),
}

/// Carries out one message: a key, a worker's answer, a signal, or a quiet quarter of a second.
fn handle(screen: &mut Screen, app: &mut App, msg: Result<Msg, RecvTimeoutError>) -> io::Result<Step> {
    let effect = match msg {
        Ok(Msg::Input(ev)) => match action_for(app, ev) {
            Some(action) => update(app, action),
            None => return Ok(Step::Idle),
        },
        Ok(Msg::Notice(notice)) => receive(app, notice),
        Ok(Msg::Signal(SIGWINCH)) => return resize(screen, app, window()),
        Ok(Msg::Signal(SIGTSTP)) => Some(Effect::Suspend),
        Ok(Msg::Signal(sig)) => return Ok(Step::End(Ended::Signal(sig))),
        Ok(Msg::InputFailed(e)) => return Err(e),
        // No terminal any more (its window was closed): stop as if hung up.
        Err(RecvTimeoutError::Timeout) if crossterm::terminal::size().is_err() => {
            return Ok(Step::End(Ended::Signal(SIGHUP)));
        }
        // A resize that slipped past the signal still reaches the layout.
        Err(RecvTimeoutError::Timeout) => {
            let area = window();
            if (area.width, area.height) == (app.view.width, app.view.height) {
                return Ok(Step::Idle);
            }
            return resize(screen, app, area);
        }
        Err(RecvTimeoutError::Disconnected) => return Ok(Step::End(Ended::Quit)),
    };
    carry_out(screen, app, effect)
}

/// Does what `update` asked for, through the one executor (`app::exec`).
fn carry_out(screen: &mut Screen, app: &mut App, effect: Option<Effect>) -> io::Result<Step> {
    Ok(match exec::carry_out(app, screen, effect)? {
        Flow::Quit => Step::End(Ended::Quit),
        Flow::Go => Step::Redraw,
    })
}

/// Gives the terminal's frame buffers and the layout a new (bounded) size.
fn resize(screen: &mut Screen, app: &mut App, area: Rect) -> io::Result<Step> {
    if area != screen.terminal.get_frame().area() {
        redraw_at(&mut screen.terminal, area)?;
    }
    let effect = receive(app, Notice::Resized { width: area.width, height: area.height });
    carry_out(screen, app, effect)
}

/// Turns a terminal event into an action for the current mode.
fn action_for(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(key) => map_key(app.mode.keys(), key),
        Event::Mouse(m) => map_mouse(app.mode.keys(), m),
        Event::Paste(text) => Some(Action::Paste(text)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_background_job_that_panics_is_a_failure_and_marks_only_its_thread() {
        let joined = std::thread::spawn(|| {
            let failed = super::background(|| -> u8 { panic!("a failed write") });
            (failed, super::background(|| 7), super::QUIET.get())
        })
        .join()
        .expect("the panic was caught");
        assert_eq!(joined, (None, Some(7), true));
        assert!(!super::QUIET.get(), "this thread still gives the terminal back on a panic");
    }
}
