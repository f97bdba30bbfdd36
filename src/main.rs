//! The `timeline` binary: parse the command line, load the data before touching the terminal,
//! run the sub-command or the browser, and map every error to a message and an exit status
//! (0 success, 1 bad data, failure or `list` finding nothing, 2 usage error).

use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use timeline::app::App;
use timeline::cli::args::{Cli, Command, DataArgs, ThemeArg};
use timeline::cli::{UsageError, build_filter, entity_ids, order, output};
use timeline::load::{self, DataInput, LoadError, SeedStore};
use timeline::model::{EntityKind, Timeline};
use timeline::scan;
use timeline::search::Engine;
use timeline::text::inert;
use timeline::tui;
use timeline::ui::Theme;

enum Failure {
    Usage(String),
    Load(LoadError),
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

impl From<UsageError> for Failure {
    fn from(e: UsageError) -> Self {
        Failure::Usage(e.0)
    }
}

fn main() -> ExitCode {
    // Before anything opens a file, which would take the closed descriptor's number: writes to a
    // closed stdout are silently dropped by the standard library, and `timeline list >&-` would
    // "succeed" having printed nothing.
    if stdout_is_closed() {
        eprintln!("timeline: standard output is closed; nothing can be printed");
        return ExitCode::from(1);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // A usage error quotes the arguments, which a script may have taken from a data set.
        Err(e) if e.use_stderr() => {
            eprint!("{}", inert::text(&e.render().to_string()));
            return ExitCode::from(2);
        }
        Err(e) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    match run(cli) {
        Ok(code) => code,
        // `timeline list | head` closes the pipe early: that is not an error.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            eprintln!("timeline: {}", inert::line(&e.to_string()));
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("timeline: {}", inert::line(&msg));
            ExitCode::from(2)
        }
        Err(Failure::Load(e)) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

/// Whether the program started with its standard output closed (`timeline list >&-`). The check
/// must run before `main`: the Rust runtime opens `/dev/null` on a closed standard descriptor
/// before `main` starts, and writes to it then "succeed".
fn stdout_is_closed() -> bool {
    STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed)
}

static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static CHECK_STDOUT: extern "C" fn() = {
    extern "C" fn check() {
        // SAFETY: F_GETFD only reads the descriptor's flags; -1 (EBADF) means it is not open.
        let closed = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1;
        STDOUT_CLOSED.store(closed, std::sync::atomic::Ordering::Relaxed);
    }
    check
};

/// Data files bigger than this show their loading progress on a terminal.
const PROGRESS_BYTES: usize = 8 << 20;

/// Loads the data set; also says where its articles are, for `scan`.
fn load_data(args: &DataArgs) -> Result<(Timeline, SeedStore), LoadError> {
    let input = match &args.data {
        Some(path) => DataInput::from_file(path, args.seeds.clone())?,
        None => DataInput::builtin(),
    };
    if input.text.len() < PROGRESS_BYTES || !io::stderr().is_terminal() {
        return load::load(&input).map(|t| (t, input.seeds));
    }
    let _quiet = NoEcho::new();
    let mut last = -1;
    let path = inert::line(&input.path);
    let result = load::load_with_progress(&input, &mut |done| {
        let pct = (done * 100.0) as i32;
        if pct != last {
            last = pct;
            eprint!("\rtimeline: loading {path} … {pct:>3}%");
        }
    });
    eprint!("\r\x1b[2K");
    result.map(|t| (t, input.seeds))
}

/// Keeps keys typed while a big file loads from being echoed onto the progress line; the
/// terminal's echo comes back when it is dropped. Ctrl-c still interrupts.
struct NoEcho(Option<rustix::termios::Termios>);

impl NoEcho {
    fn new() -> NoEcho {
        use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
        let stdin = io::stdin();
        let Ok(saved) = tcgetattr(&stdin) else { return NoEcho(None) };
        let mut quiet = saved.clone();
        quiet.local_modes.remove(LocalModes::ECHO);
        match tcsetattr(&stdin, OptionalActions::Now, &quiet) {
            Ok(()) => NoEcho(Some(saved)),
            Err(_) => NoEcho(None),
        }
    }
}

impl Drop for NoEcho {
    fn drop(&mut self) {
        if let Some(saved) = &self.0 {
            let _ = rustix::termios::tcsetattr(io::stdin(), rustix::termios::OptionalActions::Now, saved);
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let (timeline, seeds) = load_data(&cli.data).map_err(Failure::Load)?;
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    match cli.command {
        Some(Command::Check) => {
            let sources = timeline.sources.len();
            writeln!(
                out,
                "{} events, {sources} sources, {} quotes verified",
                timeline.events.len(),
                timeline.quote_count()
            )?;
        }
        Some(Command::List(a)) => {
            let mut filter = build_filter(
                &timeline,
                &a.country,
                &a.kind,
                a.from.as_deref(),
                a.to.as_deref(),
                a.search.as_deref(),
            )?;
            filter.order = order(a.chronological);
            filter.people = entity_ids(&timeline, EntityKind::Person, &a.person)?;
            filter.places = entity_ids(&timeline, EntityKind::Place, &a.place)?;
            let hits = Engine::new(&timeline).run(&timeline, &filter);
            let events: Vec<_> = hits.iter().map(|h| &timeline.events[h.event]).collect();
            output::write_list(&mut out, &timeline, &events, a.json)?;
            if events.is_empty() {
                // Nothing matched: exit 1, as grep, ripgrep and `fzf --filter` do.
                out.flush()?;
                return Ok(ExitCode::from(1));
            }
        }
        Some(Command::Show { id, json }) => {
            let Some(e) = timeline.event_by_id(&id) else {
                return Err(Failure::Usage(format!(
                    "no event with id `{id}`; `timeline list` shows the ids"
                )));
            };
            output::write_show(&mut out, &timeline, e, json)?;
        }
        Some(Command::Countries { json }) => output::write_countries(&mut out, &timeline, json)?,
        Some(Command::People { json }) => {
            output::write_entities(&mut out, &timeline, EntityKind::Person, json)?
        }
        Some(Command::Places { json }) => {
            output::write_entities(&mut out, &timeline, EntityKind::Place, json)?
        }
        Some(Command::Scan { json }) => return Ok(scan_report(&mut out, &timeline, &seeds, json)?),
        None => return browse(&cli, timeline),
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `timeline scan`: the report, and exit status 1 unless every article is covered.
fn scan_report(
    out: &mut impl Write,
    timeline: &Timeline,
    seeds: &SeedStore,
    json: bool,
) -> io::Result<ExitCode> {
    let scans = scan::scan(timeline, seeds);
    if json {
        scan::report::write_json(out, timeline, &scans)?;
    } else {
        scan::report::write_text(out, timeline, &scans)?;
    }
    out.flush()?;
    let (covered, total) = scan::report::totals(&scans);
    Ok(if covered == total { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn browse(cli: &Cli, timeline: Timeline) -> Result<ExitCode, Failure> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "the browser needs a terminal on standard input and output; for a plain listing use `timeline list`".into(),
        ));
    }
    let filter = build_filter(&timeline, &cli.country, &[], None, None, cli.search.as_deref())?;
    // The line is erased afterwards with a control sequence: only where that means something.
    let big = timeline.events.len() > 50_000 && io::stderr().is_terminal();
    let quiet = big.then(NoEcho::new);
    if big {
        eprint!("timeline: indexing {} events for search …", timeline.events.len());
    }
    let (mut app, first) = App::new(timeline, filter, 80, 24);
    app.session.mouse = !cli.no_mouse;
    if big {
        eprint!("\r\x1b[2K");
    }
    drop(quiet);
    let theme = Theme::from_env(match cli.theme {
        ThemeArg::Auto => None,
        ThemeArg::Dark => Some(false),
        ThemeArg::Light => Some(true),
    });
    let test_panic = cli.test_panic || std::env::var_os("TIMELINE_TEST_PANIC").is_some();
    match tui::run(app, first, theme, test_panic)? {
        tui::Ended::Quit => Ok(ExitCode::SUCCESS),
        tui::Ended::Signal(sig) => Ok(ExitCode::from(128 + sig as u8)),
    }
}
