//! The `timeline` binary: parse the command line, load the data before touching the terminal,
//! run the sub-command or the browser, and map every error to a message and an exit status
//! (0 success, 1 bad data, failure or `list` finding nothing, 2 usage error).

use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::path::Path;
use std::process::ExitCode;
use timeline::app::{App, Opening};
use timeline::cache::{self, Loaded};
use timeline::cli::args::{CacheAction, Cli, Command, DataArgs, Format, ThemeArg};
use timeline::cli::{UsageError, build_filter, output, select};
use timeline::load::{self, DataInput, LoadError};
use timeline::model::{EntityKind, Event, Timeline};
use timeline::scan;
use timeline::search::Engine;
use timeline::text::inert;
use timeline::tui;
use timeline::view::Theme;

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
            let mut err = inert::Writer::new(io::stderr().lock());
            let _ = writeln!(err, "{e}").and_then(|()| err.flush());
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

/// Runs a load, showing its progress on a terminal when the data file is big.
fn with_progress<T>(input: &DataInput, load: impl FnOnce(&DataInput, &mut dyn FnMut(f64)) -> T) -> T {
    tui::progress::with(input.text.len() >= PROGRESS_BYTES, &input.path, |progress| load(input, progress))
}

fn data_input(args: &DataArgs) -> Result<DataInput, LoadError> {
    match &args.data {
        Some(path) => DataInput::from_file(path, args.articles.clone()),
        None => Ok(DataInput::builtin()),
    }
}

/// Loads the data set with its search engine, through the index cache unless `--no-cache`, and
/// the cache to write when it was loaded from the files. For a `list --search` (which shows only
/// what it finds), a load from the cache decodes only the events it may find.
fn load_data(cli: &Cli) -> Result<(Loaded, Option<cache::Pending>), LoadError> {
    let (args, search) = (&cli.data, list_search(cli));
    match &args.data {
        Some(path) if let Some(dir) = cache::dir().filter(|_| !args.no_cache) => {
            let big = std::fs::metadata(path).is_ok_and(|m| m.len() >= PROGRESS_BYTES as u64);
            tui::progress::with(big, &path.display().to_string(), |progress| match search {
                Some(query) => cache::load_for_search(&dir, path, args.articles.clone(), query, progress),
                None => cache::load_deferred(&dir, path, args.articles.clone(), progress),
            })
        }
        _ => Ok((with_progress(&data_input(args)?, cache::load_uncached)?, None)),
    }
}

fn cache_command(args: &DataArgs, action: &CacheAction, out: &mut impl Write) -> Result<(), Failure> {
    let no_dir = || Failure::Usage("no cache directory: set TIMELINE_CACHE_DIR or HOME".into());
    let dir = cache::dir().ok_or_else(no_dir)?;
    match action {
        CacheAction::Path if args.data.is_some() => {
            let data = args.data.as_deref().unwrap_or(Path::new(""));
            let Some(file) = cache::file_for(&dir, data, args.articles.as_deref()) else {
                return Err(Failure::Usage(format!("{} does not exist", data.display())));
            };
            writeln!(out, "{}", inert::line(&file.display().to_string()))?;
        }
        CacheAction::Path => writeln!(out, "{}", inert::line(&dir.display().to_string()))?,
        CacheAction::Clear => {
            let (files, bytes) = cache::clear(&dir)?;
            let plural = if files == 1 { "" } else { "s" };
            let size = bytes.div_ceil(1 << 20);
            let dir = dir.display().to_string();
            writeln!(out, "removed {files} cache file{plural} ({size} MB) from {}", inert::line(&dir))?;
        }
    }
    Ok(())
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    // Before anything is loaded: a signal from now on ends the program with 128 + its number and
    // the terminal as it was, also while a big file loads.
    tui::guard::install()?;
    let out = io::stdout();
    // Behind each field's escaping, one writer keeps every control character but line ends and
    // tabs from the terminal, whatever a code path forgot.
    let mut out = inert::Writer::new(io::BufWriter::new(out.lock()));
    if let Some(Command::Completions { shell }) = &cli.command {
        clap_complete::generate(*shell, &mut <Cli as clap::CommandFactory>::command(), "timeline", &mut out);
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(Command::Man) = &cli.command {
        clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(Command::Cache { action }) = &cli.command {
        cache_command(&cli.data, action, &mut out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(Command::Check { strict }) = &cli.command {
        // `check` always verifies from the files: that is what it is for.
        let input = data_input(&cli.data).map_err(Failure::Load)?;
        let timeline = with_progress(&input, load::load_with_progress).map_err(Failure::Load)?;
        drop(input);
        return check(&timeline, *strict, &mut out);
    }
    let (Loaded { timeline, engine, .. }, pending) = load_data(&cli).map_err(Failure::Load)?;
    for w in &timeline.warnings {
        eprintln!("{}", inert::line(w));
    }
    // A big data set is millions of allocations: the OS takes them back at exit much faster
    // than freeing them one by one would.
    let (timeline, engine) = (ManuallyDrop::new(timeline), ManuallyDrop::new(engine));
    let code = match cli.command {
        Some(command) => {
            let code = command_on(command, &cli.data, &timeline, &engine, &mut out);
            // A cold run prints first, then writes the cache (see `cache::load_deferred`).
            out.flush()?;
            write_cache(pending, &timeline, &engine);
            code?
        }
        None => {
            write_cache(pending, &timeline, &engine);
            let (timeline, engine) = (ManuallyDrop::into_inner(timeline), ManuallyDrop::into_inner(engine));
            let view = View { theme: cli.theme, no_mouse: cli.no_mouse, test_panic: cli.test_panic };
            let source = cli.data.data.clone().map(|data| cache::Source {
                data,
                articles: cli.data.articles.clone(),
                cache: !cli.data.no_cache,
            });
            return browse(cli.search, cli.country, view, source, (timeline, engine));
        }
    };
    out.flush()?;
    Ok(code)
}

/// The search of a `list`, which shows only its hits (not with `--group`, which names the groups of
/// every event: it needs them all).
fn list_search(cli: &Cli) -> Option<&str> {
    match &cli.command {
        Some(Command::List(a)) if a.select.group.is_empty() => a.select.search.as_deref(),
        _ => None,
    }
}

/// Writes the index cache of a data set loaded from the files, if there is one to write.
fn write_cache(pending: Option<cache::Pending>, timeline: &Timeline, engine: &Engine) {
    if let Some(pending) = pending {
        pending.write(timeline, engine);
    }
}

/// Runs a sub-command on the loaded data set.
fn command_on(
    command: Command,
    data: &DataArgs,
    timeline: &Timeline,
    engine: &Engine,
    out: &mut impl Write,
) -> Result<ExitCode, Failure> {
    match command {
        Command::Check { .. } | Command::Cache { .. } | Command::Completions { .. } | Command::Man => {}
        Command::List(a) => {
            let picked = select(timeline, engine, &a.select)?;
            let events: Vec<_> = picked.iter().map(|&i| &timeline.events[i]).collect();
            output::write_list(out, timeline, &events, a.json)?;
            // Nothing matched: exit 1, as grep, ripgrep and `fzf --filter` do.
            return Ok(if events.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS });
        }
        Command::Export(a) => {
            let picked = select(timeline, engine, &a.select)?;
            let events: Vec<_> = picked.iter().map(|&i| &timeline.events[i]).collect();
            let to = a.out.as_deref().map(|path| (path, a.force));
            export(timeline, &events, a.format, to, out)?;
        }
        Command::Show { id, json } => {
            let Some(e) = timeline.event_by_id(&id) else {
                return Err(Failure::Usage(format!(
                    "no event with id `{id}`; `timeline list` shows the ids"
                )));
            };
            output::write_show(out, timeline, e, json)?;
        }
        Command::Countries { json } => output::write_countries(out, timeline, json)?,
        Command::People { json } => output::write_entities(out, timeline, EntityKind::Person, json)?,
        Command::Places { json } => output::write_entities(out, timeline, EntityKind::Place, json)?,
        Command::Scan { json, undated } => return scan_command(data, timeline, json, undated, out),
    }
    Ok(ExitCode::SUCCESS)
}

/// `scan`: the date mentions, or with `--undated` the undated actions of registry people. Either
/// way it fails while anything is uncovered; the date report says on stderr when actions are.
fn scan_command(
    data: &DataArgs,
    timeline: &Timeline,
    json: bool,
    undated: bool,
    out: &mut impl Write,
) -> Result<ExitCode, Failure> {
    let articles = data_input(data).map_err(Failure::Load)?.articles;
    let actions = scan::actions::undated_actions(timeline, &articles);
    let (cited, found) = scan::actions_report::totals(&actions);
    if undated {
        if json {
            scan::actions_report::write_json(out, timeline, &actions)?;
        } else {
            scan::actions_report::write_text(out, timeline, &actions)?;
        }
        return Ok(if cited == found { ExitCode::SUCCESS } else { ExitCode::from(1) });
    }
    let scans = scan::scan(timeline, &articles);
    if json {
        scan::report::write_json(out, timeline, &scans)?;
    } else {
        scan::report::write_text(out, timeline, &scans)?;
    }
    let (covered, total) = scan::report::totals(&scans);
    if cited < found {
        out.flush()?;
        let n = found - cited;
        let (s, is, them) = if n == 1 { ("", "is", "it") } else { ("s", "are", "them") };
        eprintln!(
            "timeline: {n} undated action{s} of registry people {is} cited by no event; `timeline scan --undated` lists {them}"
        );
    }
    let done = covered == total && cited == found;
    Ok(if done { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// `check`: counts what verified, and with `--strict` fails while any event is unverified.
fn check(timeline: &Timeline, strict: bool, out: &mut impl Write) -> Result<ExitCode, Failure> {
    let (events, quotes) = (timeline.events.len(), timeline.quote_count());
    let verified = timeline.verified_count();
    let unverified = events - verified;
    writeln!(out, "{events} events: {verified} verified ({quotes} quotes), {unverified} unverified")?;
    out.flush()?;
    if strict && unverified > 0 {
        eprintln!("timeline: --strict: {unverified} events have no checked quote");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the export to a file (replaced only once it is complete) or to standard output.
fn export(
    t: &Timeline,
    events: &[&Event],
    format: Format,
    to: Option<(&Path, bool)>,
    out: &mut impl Write,
) -> Result<(), Failure> {
    if let Some((path, force)) = to {
        // Refused before any work is done; `save` checks again.
        timeline::export::check_target(path, force).map_err(|e| save_failure(path, e))?;
    }
    let mut buf = Vec::new();
    for note in timeline::export::write(&mut buf, t, events, format)? {
        eprintln!("timeline: {}", inert::line(&note));
    }
    match to {
        Some((path, force)) => {
            timeline::export::save(path, &buf, force).map_err(|e| save_failure(path, e))?
        }
        // JSON formats escape control characters themselves; text formats are made inert for
        // the terminal they may be printed on (a file written with --out keeps the exact text).
        None if format.is_json() => {
            out.write_all(inert::json_controls(&String::from_utf8_lossy(&buf)).as_bytes())?
        }
        None => out.write_all(inert::controls(&String::from_utf8_lossy(&buf)).as_bytes())?,
    }
    Ok(())
}

/// Why `export --out` wrote nothing, naming the file.
fn save_failure(path: &Path, e: timeline::export::SaveError) -> Failure {
    let file = path.display();
    match e {
        timeline::export::SaveError::Exists => Failure::Usage(format!("{file} exists; --force replaces it")),
        e @ timeline::export::SaveError::NotAFile(_) => Failure::Usage(format!("cannot write {file}: {e}")),
        timeline::export::SaveError::Io(e) => {
            Failure::Io(io::Error::new(e.kind(), format!("cannot write {file}: {e}")))
        }
    }
}

/// How the browser looks and behaves, from the flags.
struct View {
    theme: ThemeArg,
    no_mouse: bool,
    test_panic: bool,
}

fn browse(
    search: Option<String>,
    countries: Vec<String>,
    view: View,
    source: Option<cache::Source>,
    (timeline, engine): (Timeline, Engine),
) -> Result<ExitCode, Failure> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "the browser needs a terminal on standard input and output; for a plain listing use `timeline list`".into(),
        ));
    }
    let filter = build_filter(&timeline, &countries, &[], None, None, search.as_deref())?;
    let source = source.map(|s| std::sync::Arc::new(s) as std::sync::Arc<dyn timeline::app::DataFile>);
    let (app, first) = App::open(timeline, engine, filter, Opening { mouse: !view.no_mouse, source });
    let theme = Theme::from_env(match view.theme {
        ThemeArg::Auto => None,
        ThemeArg::Dark => Some(false),
        ThemeArg::Light => Some(true),
    });
    let test_panic = view.test_panic || std::env::var_os("TIMELINE_TEST_PANIC").is_some();
    match tui::run(app, first, theme, test_panic)? {
        tui::Ended::Quit => Ok(ExitCode::SUCCESS),
        tui::Ended::Signal(sig) => Ok(ExitCode::from(128 + sig as u8)),
    }
}
