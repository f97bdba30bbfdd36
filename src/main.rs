//! The `timeline` binary: parse the command line, load the data before touching the terminal,
//! run the sub-command (`cli::commands`) or the browser (`tui`), and map every error to a message
//! and an exit status (0 success, 1 bad data, failure or `list` finding nothing, 2 usage error).

use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::process::ExitCode;
use std::sync::Arc;
use timeline::app::{App, Opening};
use timeline::cache::{self, Loaded};
use timeline::cli::args::{Cli, Command, ThemeArg};
use timeline::cli::build_filter;
use timeline::cli::commands::{self, Failure};
use timeline::text::inert;
use timeline::tty;
use timeline::tui::{self, progress};
use timeline::view::Theme;

/// mimalloc: the loader and the cache's decoding make millions of small allocations on both
/// cores, where glibc's allocator contends on the page-fault lock.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's options, set before the program allocates more than the runtime's few bytes and
/// before any thread starts (setting them is not thread-safe). By default it keeps freed pages for
/// a second and commits its arenas whole, which cost a cold load of a big file 5–25% more peak
/// memory than glibc's allocator (a million empty TimelineJS slides: 214 MB against 156): pages
/// go back to the OS as soon as they are free, and arenas are committed as they are used.
mod allocator {
    use libmimalloc_sys::{mi_option_set, mi_option_t};

    /// The options' places in `mi_option_e` (mimalloc 3's `mimalloc.h`; the bindings name
    /// only the older ones). `tests/cli.rs` checks them by the names mimalloc prints.
    pub const ARENA_EAGER_COMMIT: mi_option_t = 4;
    pub const PURGE_DELAY: mi_option_t = 15;

    pub extern "C" fn tune() {
        // SAFETY: called before `main` and first thing in it, before any other thread exists.
        unsafe {
            mi_option_set(PURGE_DELAY, 0);
            mi_option_set(ARENA_EAGER_COMMIT, 0);
        }
    }

    /// Run by the loader before `main` where it can be (ELF), so that the options hold
    /// before the runtime's first allocation makes the first arena; `main` runs it again,
    /// which is all other targets get. Priority 100: before mimalloc's own constructor (101
    /// when it is built by clang), which reads the options, whatever the link order.
    #[cfg(any(
        target_os = "linux",
        target_os = "android",
        target_os = "freebsd",
        target_os = "netbsd",
        target_os = "openbsd",
        target_os = "dragonfly"
    ))]
    #[used]
    #[unsafe(link_section = ".init_array.00100")]
    static TUNE: extern "C" fn() = tune;
}

fn main() -> ExitCode {
    allocator::tune();
    // Before anything opens a file, which would take the closed descriptor's number: writes to a
    // closed stdout are silently dropped by the standard library, and `timeline list >&-` would
    // "succeed" having printed nothing.
    if tty::stdout::was_closed() {
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
    run(cli).unwrap_or_else(Failure::report)
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    // Before anything is loaded: a signal from now on ends the program with 128 + its number and
    // the terminal as it was, also while a big file loads.
    tui::guard::install()?;
    // Behind each field's escaping, one writer keeps every control character but line ends and
    // tabs from the terminal, whatever a code path forgot.
    let mut out = inert::Writer::new(io::BufWriter::new(io::stdout().lock()));
    // The sub-commands that need no data set, or (`check`) always read the files.
    let code = match &cli.command {
        Some(Command::Completions { shell }) => Some(commands::completions(*shell, &mut out)?),
        Some(Command::Man) => Some(commands::man(&mut out)?),
        Some(Command::Cache { action }) => Some(commands::cache_command(&cli.data, action, &mut out)?),
        Some(Command::Check { strict }) => {
            let timeline = progress::load_files(&commands::data_input(&cli.data)?)?;
            // What was skipped or stood in for is said here too, as by every other command.
            say_warnings(&timeline);
            Some(commands::check(&timeline, *strict, &mut out)?)
        }
        _ => None,
    };
    if let Some(code) = code {
        out.flush()?;
        return Ok(code);
    }
    let source = commands::source(&cli.data);
    if let Some(opened) = browse_preview(&cli, &source) {
        return opened;
    }
    let (Loaded { timeline, engine, .. }, pending) =
        progress::load(source.as_ref(), commands::list_search(&cli), commands::needs_search_index(&cli))?;
    say_warnings(&timeline);
    // A big data set is millions of allocations: the OS takes them back at exit much faster
    // than freeing them one by one would.
    let (timeline, engine) = (ManuallyDrop::new(timeline), ManuallyDrop::new(engine));
    let Some(command) = cli.command else {
        let loaded =
            (Arc::new(ManuallyDrop::into_inner(timeline)), Arc::new(ManuallyDrop::into_inner(engine)));
        return browse_writing(&cli, source, loaded, pending);
    };
    let code = commands::on_data(command, &cli.data, &timeline, &engine, &mut out);
    // A cold run prints first, then writes the cache (see `cache::load_deferred`).
    out.flush()?;
    if let Some(pending) = pending {
        pending.write(&timeline, &engine);
    }
    let code = code?;
    out.flush()?;
    Ok(code)
}

/// The load's warnings (what it skipped or stood in for), on stderr, inert.
fn say_warnings(timeline: &timeline::model::Timeline) {
    for w in &timeline.warnings {
        eprintln!("{}", inert::line(w));
    }
}

/// The browser on a data set loaded from the files: the cache (if any) is written on a thread
/// behind the first frame, and waited for at the end.
fn browse_writing(
    cli: &Cli,
    source: Option<cache::Source>,
    loaded: (Arc<timeline::model::Timeline>, Arc<timeline::search::Engine>),
    pending: Option<cache::Pending>,
) -> Result<ExitCode, Failure> {
    let writer = pending.map(|pending| {
        let (timeline, engine) = (Arc::clone(&loaded.0), Arc::clone(&loaded.1));
        std::thread::spawn(move || {
            // A write that fails, or panics, only costs the next start time.
            tui::background(|| pending.write(&timeline, &engine));
            // Left to the OS at exit if this is the last holder (see `run`); else the browser
            // (after a reload, the old data set) frees it when it lets go.
            std::mem::forget((Arc::into_inner(timeline), Arc::into_inner(engine)));
        })
    });
    let ended = browse(cli, source, loaded, None);
    if let Some(writer) = writer {
        if !writer.is_finished() {
            eprintln!("timeline: saving the index cache…");
        }
        let _ = writer.join();
    }
    ended
}

/// The browser on a big data set with a valid cache opens on its first events, and reads the
/// rest behind the first frame (`None`: no such cache, or a sub-command). With a search or a
/// filter from the command line the first events are not the ones to show.
fn browse_preview(cli: &Cli, source: &Option<cache::Source>) -> Option<Result<ExitCode, Failure>> {
    if cli.command.is_some() || cli.search.is_some() || !cli.country.is_empty() {
        return None;
    }
    let (Loaded { timeline, engine, .. }, total) = progress::preview(source.as_ref()?, PREVIEW_ROWS)?;
    say_warnings(&timeline);
    let loading = (total > timeline.events.len()).then_some(total);
    Some(browse(cli, source.clone(), (Arc::new(timeline), Arc::new(engine)), loading))
}

/// How many events a preview holds: more than any terminal shows at once.
const PREVIEW_ROWS: usize = 500;

/// The browser, on a terminal, opened with the flags' search, countries, theme and mouse; on a
/// preview of a data set of `loading` events, when that is given.
fn browse(
    cli: &Cli,
    source: Option<cache::Source>,
    (timeline, engine): (Arc<timeline::model::Timeline>, Arc<timeline::search::Engine>),
    loading: Option<usize>,
) -> Result<ExitCode, Failure> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "the browser needs a terminal on standard input and output; for a plain listing use `timeline list`".into(),
        ));
    }
    let filter = build_filter(&timeline, &cli.country, &[], None, None, cli.search.as_deref())?;
    let source = source.map(|s| std::sync::Arc::new(s) as std::sync::Arc<dyn timeline::app::DataFile>);
    let (app, first) = App::open(timeline, engine, filter, Opening { mouse: !cli.no_mouse, source, loading });
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
