//! The sub-commands: each prints to `out` and says how the program exits. `main` picks one;
//! a `Failure` says what went wrong and with which exit status.

use super::args::{CacheAction, Cli, Command, DataArgs, Format};
use super::{UsageError, output, select};
use crate::cache;
use crate::load::{DataInput, LoadError};
use crate::model::{EntityKind, Event, Timeline};
use crate::scan;
use crate::search::Engine;
use crate::text::{self, inert};
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

/// Why the program stops: a usage error (exit status 2), bad data or a failed write (1).
pub enum Failure {
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

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Self {
        Failure::Load(e)
    }
}

impl Failure {
    /// Says what went wrong on standard error, and gives the exit status.
    pub fn report(self) -> ExitCode {
        match self {
            // `timeline list | head` closes the pipe early: that is not an error.
            Failure::Io(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Failure::Io(e) => {
                eprintln!("timeline: {}", inert::line(&e.to_string()));
                ExitCode::from(1)
            }
            Failure::Usage(msg) => {
                eprintln!("timeline: {}", inert::line(&msg));
                ExitCode::from(2)
            }
            Failure::Load(e) => {
                let mut err = inert::Writer::new(io::stderr().lock());
                // The errors, then the warnings found with them: one run says everything.
                let _ = writeln!(err, "{e}");
                for w in &e.warnings {
                    let _ = writeln!(err, "{w}");
                }
                let _ = err.flush();
                ExitCode::from(1)
            }
        }
    }
}

/// The data files the flags name (the built-in data set without `--data`).
pub fn data_input(args: &DataArgs) -> Result<DataInput, LoadError> {
    match &args.data {
        Some(path) => DataInput::from_file(path, args.articles.clone()),
        None => Ok(DataInput::builtin()),
    }
}

/// The data file, its articles and whether the cache is used, as `--data`, `--articles` and
/// `--no-cache` say (`None`: the built-in data set).
pub fn source(args: &DataArgs) -> Option<cache::Source> {
    let data = args.data.clone()?;
    Some(cache::Source { data, articles: args.articles.clone(), cache: !args.no_cache })
}

/// `completions SHELL` and `man`: generated from the flags.
pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> Result<ExitCode, Failure> {
    clap_complete::generate(shell, &mut <Cli as clap::CommandFactory>::command(), "timeline", out);
    Ok(ExitCode::SUCCESS)
}

pub fn man(out: &mut impl Write) -> Result<ExitCode, Failure> {
    clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(out)?;
    Ok(ExitCode::SUCCESS)
}

/// `cache path` and `cache clear`.
pub fn cache_command(
    args: &DataArgs,
    action: &CacheAction,
    out: &mut impl Write,
) -> Result<ExitCode, Failure> {
    let no_dir = || Failure::Usage("no cache directory: set TIMELINE_CACHE_DIR or HOME".into());
    let dir = cache::dir().ok_or_else(no_dir)?;
    match action {
        CacheAction::Path if args.data.is_some() => {
            let data = args.data.as_deref().unwrap_or(Path::new(""));
            if data == Path::new("-") {
                return Err(Failure::Usage(
                    "standard input is not read as a data set, so it has no cache".into(),
                ));
            }
            let Some(file) = cache::file_for(&dir, data, args.articles.as_deref()) else {
                return Err(Failure::Usage(format!("{} does not exist", data.display())));
            };
            writeln!(out, "{}", inert::line(&file.display().to_string()))?;
        }
        CacheAction::Path => writeln!(out, "{}", inert::line(&dir.display().to_string()))?,
        CacheAction::Clear => {
            let (files, bytes) = cache::clear(&dir)?;
            // `1.8 KB`, `12.4 MB`: a few small caches are not `1 MB`.
            let size = match bytes {
                b if b < 1 << 20 => format!("{:.1} KB", b as f64 / 1024.0),
                b => format!("{:.1} MB", b as f64 / f64::from(1 << 20)),
            };
            let dir = dir.display().to_string();
            let files = text::plural(files, "cache file");
            writeln!(out, "removed {files} ({size}) from {}", inert::line(&dir))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs a sub-command on the loaded data set.
pub fn on_data(
    command: Command,
    data: &DataArgs,
    timeline: &Timeline,
    engine: &Engine,
    out: &mut impl Write,
) -> Result<ExitCode, Failure> {
    match command {
        // These need no data set: `main` runs them before loading one.
        Command::Check { .. } | Command::Cache { .. } | Command::Completions { .. } | Command::Man => {}
        Command::List(a) => {
            let picked = select(timeline, engine, &a.select)?;
            // The folded text scanned (814 MB at a million events) is not needed to print: only
            // the hits' titles are read from the mapped cache from here on.
            engine.release_pages();
            let events: Vec<_> = picked.iter().map(|&i| &timeline.events[i]).collect();
            output::write_list(out, timeline, &events, a.json)?;
            // Nothing matched: exit 1, as grep, ripgrep and `fzf --filter` do.
            return Ok(if events.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS });
        }
        Command::Export(a) => {
            let picked = select(timeline, engine, &a.select)?;
            engine.release_pages();
            let events: Vec<_> = picked.iter().map(|&i| &timeline.events[i]).collect();
            let format = export_format(a.format, a.out.as_deref())?;
            let to = a.out.as_deref().map(|path| (path, a.force));
            export(timeline, &events, format, to, out)?;
        }
        Command::Show { id, json } => {
            // Ids are matched as typed, then whatever their case (`Big-Bang` is `big-bang`).
            let lower = id.to_lowercase();
            let found = timeline
                .event_by_id(&id)
                .or_else(|| timeline.events.iter().find(|e| e.id.to_lowercase() == lower));
            let Some(e) = found else {
                let close = close_ids(timeline, &id);
                let hint = match close.as_slice() {
                    [] => String::new(),
                    ids => format!("did you mean `{}`? ", ids.join("`, `")),
                };
                return Err(Failure::Usage(format!(
                    "no event with id `{id}`; {hint}`timeline list` shows the ids"
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
    let articles = data_input(data)?.articles;
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
pub fn check(timeline: &Timeline, strict: bool, out: &mut impl Write) -> Result<ExitCode, Failure> {
    let (events, quotes) = (timeline.events.len(), timeline.quote_count());
    let verified = timeline.verified_count();
    let unverified = events - verified;
    let (events_s, quotes_s) = (text::plural(events, "event"), text::plural(quotes, "quote"));
    writeln!(out, "{events_s}: {verified} verified ({quotes_s}), {unverified} unverified")?;
    out.flush()?;
    if strict && unverified > 0 {
        let have = if unverified == 1 { "event has" } else { "events have" };
        eprintln!("timeline: --strict: {unverified} {have} no checked quote");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The format `--format` names, else the one `--out`'s extension picks (the table's, as for
/// the browser's `:export`). A named format unlike the extension's is written, with a warning.
fn export_format(asked: Option<Format>, out: Option<&Path>) -> Result<Format, Failure> {
    let by_ext = out.and_then(Format::by_extension);
    let file = || inert::line(&out.map(|p| p.display().to_string()).unwrap_or_default()).into_owned();
    let Some(format) = asked else {
        return by_ext.ok_or_else(|| match out {
            Some(_) => {
                Failure::Usage(format!("{}: the extension names no format; --format says which", file()))
            }
            None => {
                Failure::Usage("--format says which format to write (or --out FILE, by its extension)".into())
            }
        });
    };
    let ext = out.and_then(|p| p.extension()).and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if let (Some(other), Some(ext)) = (by_ext, ext)
        && !format.spec().extensions.contains(&ext.as_str())
    {
        let (name, other) = (format.name(), other.name());
        eprintln!("timeline: warning: {}'s extension is for {other}; writing {name}, as asked", file());
    }
    Ok(format)
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
        crate::export::check_target(path, force).map_err(|e| save_failure(path, e))?;
    }
    let mut buf = Vec::new();
    for note in crate::export::write(&mut buf, t, events, format)? {
        eprintln!("timeline: {}", inert::line(&note));
    }
    match to {
        Some((path, force)) => crate::export::save(path, &buf, force).map_err(|e| save_failure(path, e))?,
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
fn save_failure(path: &Path, e: crate::export::SaveError) -> Failure {
    let file = path.display();
    match e {
        crate::export::SaveError::Exists => Failure::Usage(format!("{file} exists; --force replaces it")),
        e @ crate::export::SaveError::NotAFile(_) => Failure::Usage(format!("cannot write {file}: {e}")),
        crate::export::SaveError::Io(e) => {
            Failure::Io(io::Error::new(e.kind(), format!("cannot write {file}: {e}")))
        }
        e => Failure::Io(io::Error::other(format!("cannot write {file}: {e}"))),
    }
}

/// The search of a `list`, which shows only its hits (not with `--group`, which names the groups of
/// every event: it needs them all).
pub fn list_search(cli: &Cli) -> Option<&str> {
    match &cli.command {
        Some(Command::List(a)) if a.select.group.is_empty() => a.select.search.as_deref(),
        _ => None,
    }
}

/// Whether the command runs a text query, which needs the search index: the browser, and `list`
/// or `export` with `--search`. Every other command filters by fields, or by nothing.
pub fn needs_search_index(cli: &Cli) -> bool {
    match &cli.command {
        None => true,
        Some(Command::List(a)) => a.select.search.is_some(),
        Some(Command::Export(a)) => a.select.search.is_some(),
        Some(_) => false,
    }
}

/// Ids close to one typed wrong: one a typo away, else those sharing most of its words
/// (`to-lam-visits-laos` finds `to-lam-state-visit-laos-2026`), at most three.
fn close_ids<'a>(t: &'a Timeline, id: &str) -> Vec<&'a str> {
    let ids: Vec<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
    if let Some(near) = crate::load::did_you_mean(id, &ids) {
        return vec![near];
    }
    let words = |s: &str| s.to_lowercase().split(['-', '_', ' ']).map(str::to_string).collect::<Vec<_>>();
    let wanted = words(id);
    let mut scored: Vec<(usize, &str)> = ids
        .iter()
        .map(|&other| {
            let have = words(other);
            (
                wanted
                    .iter()
                    .filter(|w| w.len() > 1 && have.iter().any(|h| h.starts_with(w.as_str())))
                    .count(),
                other,
            )
        })
        .filter(|&(shared, _)| shared * 3 >= wanted.len() * 2 && shared > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, id)| id).collect()
}
