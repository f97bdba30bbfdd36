//! `timeline export`: the selected events as TimelineJS JSON or CSV, Markdown, iCalendar, JSON
//! lines, markwhen or our own format. Each writer is a pure function from events to bytes.

mod csv;
mod ics;
pub mod json;
mod markdown;
mod markwhen;
pub mod native;
mod save;
pub mod timelinejs;

use crate::model::{Event, Timeline};
use std::io::{self, Write};
use std::path::Path;

pub use save::{SaveError, check as check_target, save};

/// The formats `timeline export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// TimelineJS 3 JSON.
    Timelinejs,
    /// The TimelineJS Google Sheets layout, as CSV.
    Csv,
    /// A chronology for a draft, grouped by year, with quotes and footnotes.
    Markdown,
    /// iCalendar (RFC 5545).
    Ics,
    /// One JSON object per line, as `list --json` prints them.
    Jsonl,
    /// Our own data format.
    Native,
    /// markwhen, the plain-text timeline format (`.mw`).
    Markwhen,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Timelinejs,
        Format::Csv,
        Format::Markdown,
        Format::Ics,
        Format::Jsonl,
        Format::Native,
        Format::Markwhen,
    ];

    /// Whether the format is JSON (its text is in JSON strings, escaped by JSON's rules).
    pub fn is_json(self) -> bool {
        matches!(self, Format::Timelinejs | Format::Jsonl | Format::Native)
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Timelinejs => "timelinejs",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Ics => "ics",
            Format::Jsonl => "jsonl",
            Format::Native => "native",
            Format::Markwhen => "markwhen",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Timelinejs | Format::Native => "json",
            Format::Csv => "csv",
            Format::Markdown => "md",
            Format::Ics => "ics",
            Format::Jsonl => "jsonl",
            Format::Markwhen => "mw",
        }
    }
}

/// Writes `events` in `format`. Returns at most one note, the list of what the format could not
/// carry (`csv: 12 EDTF dates kept only in the EDTF columns; …`), to show to the user once.
/// Script URLs (`javascript:` …) are written to our own format only: the others are opened by
/// programs that would run them.
pub fn write(
    out: &mut impl Write,
    t: &Timeline,
    events: &[&Event],
    format: Format,
) -> io::Result<Vec<String>> {
    // An event with a script URL, without it: for every format but our own.
    let cleaned: Vec<Option<Event>> = events
        .iter()
        .map(|e| if format == Format::Native { None } else { crate::model::url::without_scripts(e) })
        .collect();
    let scripts = cleaned.iter().filter(|c| c.is_some()).count();
    let events: Vec<&Event> = events.iter().zip(&cleaned).map(|(e, c)| c.as_ref().unwrap_or(e)).collect();
    let mut lost = write_format(out, t, &events, format)?;
    lost.extend(losses(format, &events));
    if scripts > 0 {
        lost.push(format!(
            "left out the URLs that would run code (javascript, vbscript, data) of {scripts} events"
        ));
    }
    Ok(if lost.is_empty() { Vec::new() } else { vec![format!("{}: {}", format.name(), lost.join("; "))] })
}

/// What a format cannot carry of `events` beyond what its writer reports.
fn losses(format: Format, events: &[&Event]) -> Vec<String> {
    let count = |f: &dyn Fn(&Event) -> bool| events.iter().filter(|e| f(e)).count();
    let mut out = Vec::new();
    let mut say = |n: usize, what: &str| {
        if n > 0 {
            out.push(format!("{n} {what}"));
        }
    };
    let extended = |e: &Event| {
        let ext = |d: &crate::model::PartialDate| d.is_fuzzy() || d.season_value().is_some();
        ext(&e.date) || e.end.as_ref().is_some_and(ext) || e.open != Default::default()
    };
    let facts = |e: &Event| !e.countries.is_empty() || !e.places.is_empty() || !e.people.is_empty();
    match format {
        Format::Timelinejs | Format::Csv => {
            let place = if format == Format::Csv { "the EDTF columns" } else { "the `edtf` key" };
            say(count(&extended), &format!("EDTF dates kept only in {place}, which TimelineJS ignores"));
            say(count(&facts), "events' countries, places and people left out");
            say(count(&|e| !e.citations.is_empty()), "events' quotes written into the text only");
            say(count(&|e| e.title_vi.is_some()), "Vietnamese titles left out");
        }
        Format::Markdown => {
            let media = |e: &Event| e.media().is_some();
            say(count(&|e| facts(e) || media(e)), "events' countries, places, people or media left out");
        }
        Format::Ics => {
            say(count(&facts), "events' countries, places and people left out");
            say(count(&|e| e.media().is_some()), "media left out");
        }
        // markwhen's writer lists what it cannot carry itself.
        Format::Jsonl | Format::Native | Format::Markwhen => {}
    }
    out
}

fn write_format(
    out: &mut impl Write,
    t: &Timeline,
    events: &[&Event],
    format: Format,
) -> io::Result<Vec<String>> {
    match format {
        Format::Timelinejs => {
            serde_json::to_writer_pretty(&mut *out, &timelinejs::document(t, events))?;
            writeln!(out)?;
        }
        Format::Csv => csv::write(out, t, events)?,
        Format::Markdown => markdown::write(out, t, events)?,
        Format::Ics => return ics::write(out, t, events),
        Format::Markwhen => return markwhen::write(out, t, events),
        Format::Jsonl => json::write_lines(out, t, events)?,
        Format::Native => {
            serde_json::to_writer_pretty(&mut *out, &native::document(t, events))?;
            writeln!(out)?;
        }
    }
    Ok(Vec::new())
}

/// The browser's `:export`: writes `events` (indexes into `t.events`) to `path`, replacing an
/// existing file only if `replace` (`:export!`), through the same `save` as `export --out`. `Ok`
/// says what was written; `Err` why nothing was.
pub fn to_file(
    t: &Timeline,
    events: &[usize],
    format: Format,
    path: &Path,
    replace: bool,
) -> Result<String, String> {
    let file = path.display().to_string();
    let file = crate::text::inert::line(&file);
    let refused = |e: SaveError| match e {
        SaveError::Exists => format!("{file} exists; :export! {file} replaces it"),
        e => format!("cannot write {file}: {e}"),
    };
    // Refused before any work is done; `save` checks again.
    save::check(path, replace).map_err(refused)?;
    let events: Vec<&Event> = events.iter().filter_map(|&i| t.events.get(i)).collect();
    let mut buf = Vec::new();
    let notes = write(&mut buf, t, &events, format).map_err(|e| e.to_string())?;
    save(path, &buf, replace).map_err(refused)?;
    let mut msg = format!("wrote {} events to {file} ({})", events.len(), format.name());
    for n in notes {
        msg.push_str("; ");
        msg.push_str(&n);
    }
    Ok(msg)
}

/// The HTML-escaped form of a text.
pub(crate) fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
