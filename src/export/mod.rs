//! `timeline export`: the selected events as TimelineJS JSON or CSV, Markdown, iCalendar, JSON
//! lines, markwhen or our own format. Each writer is a pure function from events to bytes.

mod csv;
mod ics;
pub mod json;
mod losses;
mod markdown;
mod markwhen;
pub mod native;
mod save;
mod slugs;
pub mod timelinejs;

use crate::model::{Event, Timeline};
use losses::{TitlePart, WHOLE_TITLE, facts};
use std::io::{self, Write};
use std::path::Path;

pub use save::{SaveError, check as check_target, save};

/// The formats `timeline export` and the browser's `:export` write: a name for the code, and one
/// row of `FORMATS` for everything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Timelinejs,
    Csv,
    Markdown,
    Ics,
    Jsonl,
    Native,
    Markwhen,
}

/// What a format cannot carry of an event, said of events (`events' …`): the events it is true of
/// are counted in the note `write` returns (`12 events' quotes written into the text only`,
/// `1 event's media left out`).
pub struct Loss {
    pub applies: fn(&Event) -> bool,
    pub what: &'static str,
}

/// One export format: its name (`--format`, `:export FILE NAME`), its file extensions (the first
/// is the usual one; `:export` picks the first row with a file's extension), a line of help,
/// whether its text is JSON, whether `--data` reads it back, what it cannot carry, and its writer
/// (which may report further losses itself).
pub struct Spec {
    pub format: Format,
    pub name: &'static str,
    pub extensions: &'static [&'static str],
    pub about: &'static str,
    pub json: bool,
    pub importable: bool,
    /// Whether it writes the data set's eras (named periods); when not, the note counts them.
    pub eras: bool,
    /// The parts of the data set's title slide it writes; the note names the others it has.
    pub title: &'static [TitlePart],
    pub losses: &'static [Loss],
    write: Writer,
}

type Writer = fn(&mut dyn Write, &Timeline, &[&Event]) -> io::Result<Vec<String>>;

/// Every export format, one row each, in the order help lists them.
pub const FORMATS: &[Spec] = &[
    Spec {
        format: Format::Timelinejs,
        name: "timelinejs",
        extensions: &["json"],
        about: "TimelineJS 3 JSON",
        json: true,
        importable: true,
        eras: true,
        title: WHOLE_TITLE,
        losses: &[
            Loss {
                applies: losses::extended,
                what: "events' EDTF dates kept only in the `edtf` key, which TimelineJS ignores",
            },
            losses::FACTS,
            losses::QUOTED,
            losses::VIETNAMESE,
            losses::TAGS_BEYOND_KIND,
            losses::GROUP_IS_KIND,
        ],
        write: |out, t, events| {
            serde_json::to_writer_pretty(&mut *out, &timelinejs::document(t, events))?;
            writeln!(out).map(|()| Vec::new())
        },
    },
    Spec {
        format: Format::Csv,
        name: "csv",
        extensions: &["csv"],
        about: "the TimelineJS Google Sheets layout, as CSV",
        json: false,
        importable: true,
        eras: true,
        title: WHOLE_TITLE,
        losses: &[
            Loss {
                applies: losses::extended,
                what: "events' EDTF dates kept only in the EDTF columns, which TimelineJS ignores",
            },
            losses::FACTS,
            losses::QUOTED,
            losses::VIETNAMESE,
            Loss {
                applies: |e| {
                    e.media()
                        .is_some_and(|m| m.title.is_some() || m.link.is_some() || m.link_target.is_some())
                },
                what: "events' media titles and links left out (the sheet has no column for them)",
            },
            Loss {
                applies: |e| {
                    e.extra.as_ref().is_some_and(|x| x.autolink.is_some() || x.background_url.is_some())
                },
                what: "events' autolink settings and background images beside a colour left out",
            },
            losses::TAGS_BEYOND_KIND,
            losses::GROUP_IS_KIND,
        ],
        write: |mut out, t, events| csv::write(&mut out, t, events).map(|()| Vec::new()),
    },
    Spec {
        format: Format::Markdown,
        name: "markdown",
        extensions: &["md", "markdown"],
        about: "a chronology for a draft, grouped by year, with quotes and footnotes",
        json: false,
        importable: false,
        eras: false,
        title: &[TitlePart::Headline],
        losses: &[
            Loss {
                applies: |e| facts(e) || e.media().is_some(),
                what: "events' countries, places, people or media left out",
            },
            losses::KINDS,
            losses::GROUPS,
            losses::DISPLAY_DATES,
            losses::VIETNAMESE,
            losses::BACKGROUNDS,
            losses::TAGS,
        ],
        write: |mut out, t, events| markdown::write(&mut out, t, events).map(|()| Vec::new()),
    },
    Spec {
        format: Format::Ics,
        name: "ics",
        extensions: &["ics"],
        about: "iCalendar (RFC 5545)",
        json: false,
        importable: false,
        eras: false,
        title: &[],
        losses: &[
            losses::FACTS,
            Loss { applies: |e| e.media().is_some(), what: "events' media left out" },
            losses::DISPLAY_DATES,
            losses::MILLISECONDS,
            losses::VIETNAMESE,
            losses::BACKGROUNDS,
            losses::TAGS,
        ],
        write: |mut out, t, events| ics::write(&mut out, t, events),
    },
    Spec {
        format: Format::Jsonl,
        name: "jsonl",
        extensions: &["jsonl", "ndjson"],
        about: "one JSON object per line (title, eras, events), as `list --json` prints them",
        json: true,
        importable: true,
        eras: true,
        title: WHOLE_TITLE,
        losses: &[losses::NOT_SLUGS],
        write: |mut out, t, events| json::write_lines(&mut out, t, events).map(|()| Vec::new()),
    },
    Spec {
        format: Format::Native,
        name: "native",
        extensions: &["json"],
        about: "our own data format",
        json: true,
        importable: true,
        eras: true,
        title: WHOLE_TITLE,
        losses: &[losses::NOT_SLUGS],
        write: |out, t, events| {
            serde_json::to_writer_pretty(&mut *out, &native::document(t, events))?;
            writeln!(out).map(|()| Vec::new())
        },
    },
    Spec {
        format: Format::Markwhen,
        name: "markwhen",
        extensions: &["mw"],
        about: "markwhen, the plain-text timeline format",
        json: false,
        importable: true,
        eras: false,
        title: &[TitlePart::Headline, TitlePart::Text],
        // Its writer lists what it cannot carry itself.
        losses: &[],
        write: |mut out, t, events| markwhen::write(&mut out, t, events),
    },
];

impl Format {
    /// Every format, in the order of `FORMATS`.
    pub const ALL: [Format; FORMATS.len()] = {
        let mut all = [Format::Timelinejs; FORMATS.len()];
        let mut i = 0;
        while i < FORMATS.len() {
            all[i] = FORMATS[i].format;
            i += 1;
        }
        all
    };

    /// The format's row.
    pub fn spec(self) -> &'static Spec {
        // Every format has a row: `every_format_has_one_row` checks it.
        FORMATS.iter().find(|s| s.format == self).unwrap_or(&FORMATS[0])
    }

    /// Whether the format is JSON (its text is in JSON strings, escaped by JSON's rules).
    pub fn is_json(self) -> bool {
        self.spec().json
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        self.spec().extensions[0]
    }

    /// The format named `name`.
    pub fn named(name: &str) -> Option<Format> {
        FORMATS.iter().find(|s| s.name == name).map(|s| s.format)
    }

    /// The format a word names: a format's name, else one of its extensions (`md`, `mw`).
    pub fn from_word(word: &str) -> Option<Format> {
        let w = word.to_ascii_lowercase();
        Format::named(&w)
            .or_else(|| FORMATS.iter().find(|s| s.extensions.contains(&w.as_str())).map(|s| s.format))
    }

    /// The format a file name asks for by its extension (the first row that has it).
    pub fn by_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        FORMATS.iter().find(|s| s.extensions.contains(&ext.as_str())).map(|s| s.format)
    }
}

/// `--format`'s values and their help, from the table.
impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &Format::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let s = self.spec();
        let back = if s.importable { "; --data reads it back" } else { "" };
        let help = format!("{} (.{}){back}", s.about, s.extensions.join(", ."));
        // Its extensions name it too (`--format md`), where no other row has them first.
        let aliases = s.extensions.iter().filter(|e| Format::from_word(e) == Some(*self));
        Some(clap::builder::PossibleValue::new(s.name).help(help).aliases(aliases.copied()))
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
    // An event with a script URL, without it: for every format but our own. Boxed: one word an
    // event that has none (an `Option<Event>` took 200 bytes, 200 MB a million events).
    let cleaned: Vec<Option<Box<Event>>> = events
        .iter()
        .map(|e| if format == Format::Native { None } else { crate::model::url::without_scripts(e) })
        .map(|c| c.map(Box::new))
        .collect();
    let scripts = cleaned.iter().filter(|c| c.is_some()).count();
    let events: Vec<&Event> = events.iter().zip(&cleaned).map(|(e, c)| c.as_deref().unwrap_or(e)).collect();
    let mut lost = (format.spec().write)(out, t, &events)?;
    lost.extend(losses(format, &events));
    lost.extend(losses::title_slide(t.title.as_ref(), format.spec().title));
    if !t.eras.is_empty() && !format.spec().eras {
        lost.push(format!("{} left out", crate::text::plural(t.eras.len(), "era")));
    }
    if scripts > 0 {
        let events = crate::text::plural(scripts, "event");
        lost.push(format!("left out the URLs that would run code (javascript, vbscript, data) of {events}"));
    }
    Ok(if lost.is_empty() { Vec::new() } else { vec![format!("{}: {}", format.name(), lost.join("; "))] })
}

/// What a format cannot carry of `events` beyond what its writer reports.
fn losses(format: Format, events: &[&Event]) -> Vec<String> {
    let spec = format.spec();
    spec.losses
        .iter()
        .map(|l| (events.iter().filter(|e| (l.applies)(e)).count(), l.what))
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| match (n, what.strip_prefix("events' ")) {
            (1, Some(rest)) => format!("1 event's {rest}"),
            _ => format!("{n} {what}"),
        })
        .collect()
}

/// Why the browser's `:export` wrote nothing (`file` is the target's name, made inert).
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The target exists and replacing it was not asked for.
    #[error("{file} exists; :export! {file} replaces it")]
    Exists { file: String },
    /// The target is not a regular file, or creating, writing or renaming failed.
    #[error("cannot write {file}: {why}")]
    Refused { file: String, why: SaveError },
    /// Cancelled while it was being written.
    #[error("export to {file} cancelled; nothing was written")]
    Cancelled { file: String },
    /// The format could not write the events.
    #[error("{0}")]
    Format(io::Error),
}

/// How an export on a worker thread is watched: told the bytes written so far now and then, and
/// asked at every write whether to stop.
pub struct Watch<'a> {
    pub progress: &'a mut dyn FnMut(usize),
    pub cancelled: &'a dyn Fn() -> bool,
}

/// Bytes between two progress reports.
const PROGRESS_STEP: usize = 1 << 20;

/// A writer that counts what goes through it, and fails once the export is cancelled.
struct Metered<'w> {
    out: Vec<u8>,
    watch: Watch<'w>,
    reported: usize,
}

impl Write for Metered<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if (self.watch.cancelled)() {
            return Err(io::Error::other("cancelled"));
        }
        self.out.extend_from_slice(buf);
        if self.out.len() >= self.reported + PROGRESS_STEP {
            self.reported = self.out.len();
            (self.watch.progress)(self.reported);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The browser's `:export`: writes `events` (indexes into `t.events`) to `path`, replacing an
/// existing file only if `replace` (`:export!`), through the same `save` as `export --out`,
/// telling `watch` the bytes written and writing nothing once it says cancelled. `Ok` says what
/// was written.
/// What an export wrote: a summary, and what the format could not carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub summary: String,
    pub notes: Vec<String>,
}

impl std::fmt::Display for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.summary)?;
        self.notes.iter().try_for_each(|n| write!(f, "; {n}"))
    }
}

pub fn to_file_watched(
    t: &Timeline,
    events: &[usize],
    format: Format,
    (path, replace): (&Path, bool),
    watch: Watch<'_>,
) -> Result<Written, ExportError> {
    let file = path.display().to_string();
    let file = crate::text::inert::line(&file).into_owned();
    let refused = |e: SaveError| match e {
        SaveError::Exists => ExportError::Exists { file: file.clone() },
        why => ExportError::Refused { file: file.clone(), why },
    };
    // Refused before any work is done; `save` checks again.
    save::check(path, replace).map_err(refused)?;
    let events: Vec<&Event> = events.iter().filter_map(|&i| t.events.get(i)).collect();
    let cancelled = watch.cancelled;
    let mut buf = Metered { out: Vec::new(), watch, reported: 0 };
    let written = write(&mut buf, t, &events, format);
    if cancelled() {
        return Err(ExportError::Cancelled { file });
    }
    let notes = written.map_err(ExportError::Format)?;
    save(path, &buf.out, replace).map_err(refused)?;
    let summary = format!("wrote {} events to {file} ({})", events.len(), format.name());
    Ok(Written { summary, notes })
}

pub(crate) use crate::text::html::escape_html;

#[cfg(test)]
mod tests {
    use super::{FORMATS, Format};
    use std::path::Path;

    /// Every loss is said of events, so that its note reads `1 event's …` or `3 events' …`.
    #[test]
    fn every_loss_is_said_of_events() {
        for spec in FORMATS {
            for loss in spec.losses {
                assert!(loss.what.starts_with("events' "), "{}: {}", spec.name, loss.what);
            }
        }
    }

    #[test]
    fn every_format_has_one_row_and_names_and_extensions_answer_from_it() {
        // A new variant does not compile here until it is named; then it needs its row.
        let named = |f: Format| match f {
            Format::Timelinejs
            | Format::Csv
            | Format::Markdown
            | Format::Ics
            | Format::Jsonl
            | Format::Native
            | Format::Markwhen => f,
        };
        let variants = [
            Format::Timelinejs,
            Format::Csv,
            Format::Markdown,
            Format::Ics,
            Format::Jsonl,
            Format::Native,
            Format::Markwhen,
        ];
        for f in variants.map(named) {
            assert_eq!(FORMATS.iter().filter(|s| s.format == f).count(), 1, "{f:?}");
            assert_eq!(Format::named(f.name()), Some(f));
        }
        assert_eq!(Format::ALL.len(), variants.len());
        assert_eq!(Format::by_extension(Path::new("a.MD")), Some(Format::Markdown));
        assert_eq!(Format::by_extension(Path::new("dir/x.ics")), Some(Format::Ics));
        assert_eq!(Format::by_extension(Path::new("x.json")), Some(Format::Timelinejs), "the first row wins");
        assert_eq!(Format::by_extension(Path::new("plan.mw")), Some(Format::Markwhen));
        assert_eq!(Format::by_extension(Path::new("x")), None);
    }

    #[test]
    fn a_watched_export_reports_progress_by_the_megabyte_and_stops_when_cancelled() {
        use std::io::Write;
        let mut seen = Vec::new();
        let stop = std::cell::Cell::new(false);
        let chunk = vec![b'x'; 1 << 19];
        {
            let watch = super::Watch { progress: &mut |b| seen.push(b), cancelled: &|| stop.get() };
            let mut m = super::Metered { out: Vec::new(), watch, reported: 0 };
            for _ in 0..6 {
                m.write_all(&chunk).unwrap();
            }
            stop.set(true);
            assert!(m.write_all(&chunk).is_err(), "a cancelled export fails its next write");
            assert_eq!(m.out.len(), 3 << 20);
        }
        assert_eq!(seen, [1 << 20, 2 << 20, 3 << 20]);
    }

    #[test]
    fn the_command_line_offers_every_row_with_its_help() {
        use clap::ValueEnum;
        for s in FORMATS {
            let v = Format::from_str(s.name, false).expect("a --format value");
            assert_eq!(v, s.format);
            let help = v.to_possible_value().and_then(|p| p.get_help().map(|h| h.to_string()));
            assert!(help.is_some_and(|h| h.starts_with(s.about)), "{}", s.name);
        }
    }
}
