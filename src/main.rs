//! The `timeline` binary: parse the command line, load the data before touching the terminal,
//! run the sub-command or the browser, and map every error to a message and an exit status
//! (0 success, 1 bad data or failure, 2 usage error).

use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use timeline::app::App;
use timeline::cli::args::{Cli, Command, DataArgs, Format};
use timeline::cli::{UsageError, build_filter, output, select};
use timeline::load::{self, DataInput, LoadError};
use timeline::model::Timeline;
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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => code,
        // `timeline list | head` closes the pipe early: that is not an error.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            eprintln!("timeline: {e}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("timeline: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Load(e)) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

/// Data files bigger than this show their loading progress on a terminal.
const PROGRESS_BYTES: usize = 8 << 20;

fn load_data(args: &DataArgs) -> Result<Timeline, LoadError> {
    let input = match &args.data {
        Some(path) => DataInput::from_file(path, args.seeds.clone())?,
        None => DataInput::builtin(),
    };
    if input.text.len() < PROGRESS_BYTES || !io::stderr().is_terminal() {
        return load::load(&input);
    }
    let mut last = -1;
    let result = load::load_with_progress(&input, &mut |done| {
        let pct = (done * 100.0) as i32;
        if pct != last {
            last = pct;
            eprint!("\rtimeline: loading {} … {pct:>3}%", input.path);
        }
    });
    eprint!("\r\x1b[2K");
    result
}

/// Writes the export to a file (replaced only once it is complete) or to standard output.
fn export(
    t: &Timeline,
    events: &[&timeline::model::Event],
    format: Format,
    out: Option<&std::path::Path>,
) -> Result<(), Failure> {
    let mut buf = Vec::new();
    for note in timeline::export::write(&mut buf, t, events, format)? {
        eprintln!("timeline: {note}");
    }
    match out {
        Some(path) => timeline::export::save(path, &buf)?,
        None => io::stdout().lock().write_all(&buf)?,
    }
    Ok(())
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let timeline = load_data(&cli.data).map_err(Failure::Load)?;
    for w in &timeline.warnings {
        eprintln!("{w}");
    }
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    match cli.command {
        Some(Command::Check { strict }) => {
            let verified = timeline.verified_count();
            let unverified = timeline.events.len() - verified;
            writeln!(
                out,
                "{} events: {verified} verified ({} quotes), {unverified} unverified",
                timeline.events.len(),
                timeline.quote_count()
            )?;
            if strict && unverified > 0 {
                out.flush()?;
                eprintln!("timeline: --strict: {unverified} events have no checked quote");
                return Ok(ExitCode::from(1));
            }
        }
        Some(Command::List(a)) => {
            let picked = select(&timeline, &a.select)?;
            let events: Vec<_> = picked.iter().map(|&i| &timeline.events[i]).collect();
            output::write_list(&mut out, &timeline, &events, a.json)?;
        }
        Some(Command::Export(a)) => {
            let picked = select(&timeline, &a.select)?;
            let events: Vec<_> = picked.iter().map(|&i| &timeline.events[i]).collect();
            export(&timeline, &events, a.format, a.out.as_deref())?;
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
        None => return browse(cli.search, cli.country, cli.test_panic, timeline),
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn browse(
    search: Option<String>,
    countries: Vec<String>,
    test_panic: bool,
    timeline: Timeline,
) -> Result<ExitCode, Failure> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "the browser needs a terminal on standard input and output; for a plain listing use `timeline list`".into(),
        ));
    }
    let filter = build_filter(&timeline, &countries, &[], None, None, search.as_deref())?;
    let big = timeline.events.len() > 50_000;
    if big {
        eprint!("timeline: indexing {} events for search …", timeline.events.len());
    }
    let warnings = timeline.warnings.len();
    let mut app = App::new(timeline, 80, 24).with_filter(filter);
    if warnings > 0 {
        // They were printed before the screen opened; say so where the user will see it.
        app.message =
            Some(format!("{warnings} warnings while loading; `timeline check --data FILE` lists them"));
    }
    if big {
        eprint!("\r\x1b[2K");
    }
    let theme = Theme { color: Theme::color_from_env() };
    let test_panic = test_panic || std::env::var_os("TIMELINE_TEST_PANIC").is_some();
    match tui::run(app, theme, test_panic)? {
        tui::Ended::Quit => Ok(ExitCode::SUCCESS),
        tui::Ended::Signal(sig) => Ok(ExitCode::from(128 + sig as u8)),
    }
}
