//! The TimelineJS Google Sheets layout, saved as CSV: columns found by their header names, one
//! event per row, plus `title` and `era` rows (the Type column). Each row becomes the JSON slide
//! TimelineJS would build from it, with every cell keeping its own position for messages.

mod time;

use super::Importer;
use crate::load::fields::Ctx;
use crate::load::json::{Key, Spanned, Value};
use crate::load::problem::{Problem, did_you_mean};

const COLUMNS: &[&str] = &[
    "year",
    "month",
    "day",
    "time",
    "end year",
    "end month",
    "end day",
    "end time",
    "display date",
    "headline",
    "text",
    "media",
    "media credit",
    "media caption",
    "media thumbnail",
    "alt text",
    "type",
    "group",
    "background",
    "unique id",
    "edtf",
    "end edtf",
    "status",
    "kind",
];

/// Where each field of the CSV record starting at `start` begins, quoting respected.
fn field_starts(text: &str, start: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let (mut out, mut i, mut quoted, mut field_start) = (vec![start], start, false, true);
    while let Some(&b) = bytes.get(i) {
        match b {
            // `""` inside a quoted cell is a quote: the cell goes on.
            b'"' if quoted && bytes.get(i + 1) == Some(&b'"') => i += 1,
            b'"' if field_start || quoted => quoted = !quoted,
            b',' if !quoted => {
                out.push(i + 1);
                field_start = true;
                i += 1;
                continue;
            }
            b'\n' | b'\r' if !quoted => break,
            _ => {}
        }
        field_start = false;
        i += 1;
    }
    out
}

fn key(name: &str, at: usize) -> Key {
    Key { at, name: name.into() }
}

fn obj(at: usize, members: Vec<(Key, Spanned)>) -> Spanned {
    Spanned { at, value: Value::Object(members) }
}

/// A cell and where it is.
type Cell = Option<(String, usize)>;

/// A cell's text; the `'` that our CSV export puts before formula-like text is taken off.
fn s(cell: (&str, usize)) -> Spanned {
    let t = cell.0;
    let t = match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => t,
    };
    Spanned { at: cell.1, value: Value::String(t.to_string()) }
}

/// A date object from the Year, Month, Day and Time cells, with our EDTF cell as its `edtf`.
fn date(cx: &mut Ctx, at: usize, parts: [Cell; 4], edtf: Cell) -> Option<Spanned> {
    let [year, month, day, time] = parts;
    year.as_ref()?;
    let mut m = Vec::new();
    let year_at = year.as_ref().map_or(at, |c| c.1);
    for (name, c) in [("year", year), ("month", month), ("day", day)] {
        if let Some((v, a)) = c {
            m.push((key(name, a), s((&v, a))));
        }
    }
    time::time_members(cx, time, &mut m);
    if let Some((v, a)) = edtf {
        m.push((key("edtf", a), s((&v, a))));
    }
    Some(obj(year_at, m))
}

/// Reads the sheet into the importer. Each event row becomes an event as it is read, so that a
/// sheet of a million rows is never a million slides in memory; the problems come in the order
/// that building every slide first gave: those of reading the rows, then the title's, the
/// events', the eras'. After a CSV error, only the problems of reading the rows up to it.
pub(super) fn read(im: &mut Importer, text: &str) {
    // The csv crate reads a quote that never closes as a cell running to the end of the file:
    // every row after it would be lost without a word.
    if let Some(at) = unclosed_quote(text) {
        // The rows after the quote's own line, blank lines at the end not counted.
        let after = text[at..].trim_end().lines().count().saturating_sub(1);
        let what = match after {
            0 => "it runs to the end of the file".to_string(),
            1 => "the line after it would be part of it".to_string(),
            n => format!("the {n} lines after it would all be part of it"),
        };
        im.cx.at(
            at,
            format!(
                "this quoted cell never closes: {what}; close it with `\"` (a quote inside a quoted cell \
                 is written twice, `\"\"`)"
            ),
        );
        return;
    }
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records = rdr.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            csv_error(&mut im.cx, &e);
            return;
        }
        None => {
            im.cx.at(0, "the file is empty");
            return;
        }
    };
    let Some(cols) = columns(&mut im.cx, text, &header) else { return };
    let mut rows = Rows::default();
    if rows.read(im, text, records, &cols).is_err() {
        return;
    }
    let reading = std::mem::take(&mut im.cx.problems);
    if let Some(t) = &rows.title {
        im.title(t);
    }
    let title = std::mem::take(&mut im.cx.problems);
    for era in &rows.eras {
        im.era(era);
    }
    let eras = std::mem::take(&mut im.cx.problems);
    let unlisted = std::mem::take(&mut im.cx.unlisted);
    for p in [reading, title, rows.event_problems, eras].into_iter().flatten() {
        im.cx.push(p);
    }
    im.cx.unlisted += unlisted + rows.event_unlisted;
}

/// Where a quoted cell opens that no quote closes, as the csv crate reads quotes: a quote opens
/// a cell only at its start (after a comma or a line end), and inside one `""` is a quote.
fn unclosed_quote(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(q) = memchr::memchr(b'"', &b[i..]).map(|k| i + k) {
        i = q + 1;
        if q > 0 && !matches!(b[q - 1], b',' | b'\n' | b'\r') {
            continue;
        }
        loop {
            match memchr::memchr(b'"', &b[i..]).map(|k| i + k) {
                None => return Some(q),
                Some(c) if b.get(c + 1) == Some(&b'"') => i = c + 2,
                Some(c) => {
                    i = c + 1;
                    break;
                }
            }
        }
    }
    None
}

/// Reports an error of the csv crate at the byte where it happened.
fn csv_error(cx: &mut Ctx, e: &csv::Error) {
    cx.at(e.position().map_or(0, |p| p.byte() as usize), format!("CSV error: {e}"));
}

/// The column each header cell names (`None` for one we do not know, with a warning unless it is
/// blank), or `None` after an error when Year or Headline is missing.
fn columns(cx: &mut Ctx, text: &str, header: &csv::StringRecord) -> Option<Vec<Option<&'static str>>> {
    let starts = field_starts(text, 0);
    let mut cols: Vec<Option<&'static str>> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let name = h.trim().to_ascii_lowercase();
        match COLUMNS.iter().find(|c| **c == name) {
            Some(c) => cols.push(Some(c)),
            None => {
                if !name.is_empty() {
                    let hint = did_you_mean(&name, COLUMNS)
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                    cx.warn(
                        starts.get(i).copied().unwrap_or(0),
                        format!("unknown column `{}`, which TimelineJS ignores{hint}", h.trim()),
                    );
                }
                cols.push(None);
            }
        }
    }
    if !cols.contains(&Some("year")) || !cols.contains(&Some("headline")) {
        cx.at(0, "this is neither JSON nor a TimelineJS sheet: a sheet's first row names its columns, with at least Year and Headline");
        return None;
    }
    Some(cols)
}

impl Rows {
    /// Reads the rows after the header: event rows into events, the others kept for later; `Err`
    /// after a CSV error. Blank rows are skipped.
    fn read(
        &mut self,
        im: &mut Importer,
        text: &str,
        records: impl Iterator<Item = csv::Result<csv::StringRecord>>,
        cols: &[Option<&str>],
    ) -> Result<(), ()> {
        for rec in records {
            let rec = match rec {
                Ok(r) => r,
                Err(e) => {
                    csv_error(&mut im.cx, &e);
                    return Err(());
                }
            };
            let at = record_start(text, &rec);
            if rec.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let starts = field_starts(text, at);
            beyond_header(&mut im.cx, &rec, &starts, cols.len());
            let cell = |name: &str| -> Cell {
                let i = cols.iter().position(|c| *c == Some(name))?;
                let v = rec.get(i).filter(|v| !v.trim().is_empty())?;
                Some((v.to_string(), starts.get(i).copied().unwrap_or(at)))
            };
            let slide = row(&mut im.cx, at, &cell);
            match self.add(&mut im.cx, slide, cell("type")) {
                // Said in the sheet's words: its slide would say it has no `start_date`.
                Some(_) if cell("year").is_none() => {
                    im.cx.warn(at, "a row without a Year is skipped, as TimelineJS skips it")
                }
                Some(event) => self.event(im, &event),
                None => {}
            }
        }
        Ok(())
    }

    /// Reads an event row's slide, its problems kept apart from those of reading the rows.
    fn event(&mut self, im: &mut Importer, slide: &Spanned) {
        let reading = std::mem::replace(&mut im.cx.problems, std::mem::take(&mut self.event_problems));
        let unlisted = std::mem::replace(&mut im.cx.unlisted, self.event_unlisted);
        im.slide(slide);
        self.event_problems = std::mem::replace(&mut im.cx.problems, reading);
        self.event_unlisted = std::mem::replace(&mut im.cx.unlisted, unlisted);
    }
}

/// Warns of a row with text in cells past the header's last column, which no column reads: most
/// often a comma in a cell that is not in double quotes, which moves the row's later cells
/// along by one.
fn beyond_header(cx: &mut Ctx, rec: &csv::StringRecord, starts: &[usize], columns: usize) {
    let Some((i, first)) = rec.iter().enumerate().skip(columns).find(|(_, c)| !c.trim().is_empty()) else {
        return;
    };
    let Some(&at) = starts.get(i) else { return };
    cx.warn(
        at,
        format!(
            "this row has {} cells and the header {columns} columns, so {} and what follows it is not \
             read; a cell that holds a comma must be in double quotes (`\"Hà Nội, Việt Nam\"`)",
            rec.len(),
            crate::load::problem::excerpt(first.trim()),
        ),
    );
}

/// The byte where a record's first field begins.
fn record_start(text: &str, rec: &csv::StringRecord) -> usize {
    // With CRLF line ends the csv crate places a record at the `\n` before it.
    let mut at = rec.position().map_or(0, |p| p.byte() as usize);
    while matches!(text.as_bytes().get(at), Some(b'\r' | b'\n')) {
        at += 1;
    }
    at
}

/// What a sheet's rows leave for after the events: its title and era rows, and the problems of
/// its event rows.
#[derive(Default)]
struct Rows {
    eras: Vec<Spanned>,
    title: Option<Spanned>,
    event_problems: Vec<Problem>,
    event_unlisted: usize,
}

impl Rows {
    /// Files a row's slide by its Type cell: title, era or event (the default, with a warning for
    /// a type we do not know), which is given back. A later title row replaces an earlier one.
    fn add(&mut self, cx: &mut Ctx, slide: Spanned, kind: Cell) -> Option<Spanned> {
        match kind.map(|(t, a)| (t.trim().to_ascii_lowercase(), a)) {
            Some((t, _)) if t == "title" => self.title = Some(slide),
            Some((t, _)) if t == "era" => self.eras.push(slide),
            Some((t, a)) if !t.is_empty() && t != "event" => {
                cx.warn(a, format!("unknown row type `{t}` (title, era or empty); read as an event"));
                return Some(slide);
            }
            _ => return Some(slide),
        }
        None
    }
}

fn row(cx: &mut Ctx, at: usize, cell: &dyn Fn(&str) -> Cell) -> Spanned {
    let mut m = Vec::new();
    if let Some(d) = date(cx, at, [cell("year"), cell("month"), cell("day"), cell("time")], cell("edtf")) {
        m.push((key("start_date", d.at), d));
    }
    let end = [cell("end year"), cell("end month"), cell("end day"), cell("end time")];
    if end[0].is_none()
        && let Some((_, a)) = end[1..].iter().chain([&cell("end edtf")]).flatten().min_by_key(|c| c.1)
    {
        cx.warn(*a, "an end date without an End Year is not read; the event has only its start date");
    }
    if let Some(d) = date(cx, at, end, cell("end edtf")) {
        m.push((key("end_date", d.at), d));
    }
    let mut text = Vec::new();
    for (name, col) in [("headline", "headline"), ("text", "text")] {
        if let Some((v, a)) = cell(col) {
            text.push((key(name, a), s((&v, a))));
        }
    }
    m.push((key("text", at), obj(at, text)));
    if let Some((url, url_at)) = cell("media") {
        let mut media = vec![(key("url", url_at), s((&url, url_at)))];
        for (name, col) in [
            ("credit", "media credit"),
            ("caption", "media caption"),
            ("thumbnail", "media thumbnail"),
            ("alt", "alt text"),
        ] {
            if let Some((v, a)) = cell(col) {
                media.push((key(name, a), s((&v, a))));
            }
        }
        m.push((key("media", url_at), obj(url_at, media)));
    }
    let columns = [
        ("display_date", "display date"),
        ("group", "group"),
        ("unique_id", "unique id"),
        ("status", "status"),
        ("kind", "kind"),
    ];
    for (name, col) in columns {
        if let Some((v, a)) = cell(col) {
            m.push((key(name, a), s((&v, a))));
        }
    }
    if let Some((b, a)) = cell("background") {
        let k = if b.trim().starts_with('#') || !b.contains('/') { "color" } else { "url" };
        m.push((key("background", a), obj(a, vec![(key(k, a), s((&b, a)))])));
    }
    obj(at, m)
}
