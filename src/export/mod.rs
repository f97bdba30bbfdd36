//! `timeline export`: the selected events as TimelineJS JSON or CSV, Markdown, iCalendar, JSON
//! lines, markwhen or our own format. Each writer is a pure function from events to bytes.

mod csv;
mod ics;
pub mod json;
mod markdown;
mod markwhen;
pub mod native;
pub mod timelinejs;

use crate::model::{Event, Timeline};
use std::io::{self, Write};
use std::path::Path;

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

/// Writes `events` in `format`. Returns notes on what the format could not hold (for example
/// dates before year 1 in iCalendar), to show to the user.
pub fn write(
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
        Format::Jsonl => {
            for e in events {
                serde_json::to_writer(&mut *out, &json::event_json(t, e, false))?;
                writeln!(out)?;
            }
        }
        Format::Native => {
            serde_json::to_writer_pretty(&mut *out, &native::document(t, events))?;
            writeln!(out)?;
        }
    }
    Ok(Vec::new())
}

/// The browser's `:export`: writes `events` (indexes into `t.events`) to `path`, replacing an
/// existing file only if `replace`. `Ok` says what was written; `Err` why nothing was.
pub fn to_file(
    t: &Timeline,
    events: &[usize],
    format: Format,
    path: &Path,
    replace: bool,
) -> Result<String, String> {
    let file = path.display();
    if path.exists() && !replace {
        return Err(format!("{file} exists; :export! {file} replaces it"));
    }
    let events: Vec<&Event> = events.iter().map(|&i| &t.events[i]).collect();
    let mut buf = Vec::new();
    let notes = write(&mut buf, t, &events, format).map_err(|e| e.to_string())?;
    save(path, &buf).map_err(|e| format!("cannot write {file}: {e}"))?;
    let mut msg = format!("wrote {} events to {file} ({})", events.len(), format.name());
    for n in notes {
        msg.push_str("; ");
        msg.push_str(&n);
    }
    Ok(msg)
}

/// Saves `bytes` to `path` through a temporary file next to it, so that a failed write never
/// leaves half a file.
pub fn save(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name =
        path.file_name().ok_or_else(|| io::Error::other(format!("{} is not a file name", path.display())))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(".tmp");
    let tmp = path.with_file_name(tmp_name);
    std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path)).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
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
