//! The TimelineJS Google Sheets layout as CSV: one row per event, a `title` row and `era` rows,
//! behind a UTF-8 byte-order mark so that spreadsheet programs read the accents right.

use super::timelinejs::{TjsDate, TjsMedia, tjs_date};
use crate::model::{Event, PartialDate, Timeline};
use std::io::{self, Write};

/// The TimelineJS columns, then ours, which TimelineJS ignores: the EDTF form of the start and end
/// when the numbers cannot say it all (`1966~`, `2020/..`, `2001-21`, offsets), the status and
/// the kind.
pub const HEADER: [&str; 24] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Alt Text",
    "Type",
    "Group",
    "Background",
    "Unique ID",
    "EDTF",
    "End EDTF",
    "Status",
    "Kind",
];

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading
/// `'`. Plain numbers such as the year `-500` stay numbers.
pub fn defuse(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() { format!("'{cell}") } else { cell.to_string() }
}

fn time(d: &TjsDate) -> String {
    match (d.hour, d.minute, d.second, d.millisecond) {
        (None, ..) => String::new(),
        (Some(h), m, None, _) => format!("{h:02}:{:02}", m.unwrap_or(0)),
        (Some(h), m, Some(s), None) => format!("{h:02}:{:02}:{s:02}", m.unwrap_or(0)),
        (Some(h), m, Some(s), Some(ms)) => format!("{h:02}:{:02}:{s:02}.{ms:03}", m.unwrap_or(0)),
    }
}

fn date_cells(d: Option<&PartialDate>) -> [String; 4] {
    let Some(d) = d.map(tjs_date) else { return Default::default() };
    let n = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
    [d.year.to_string(), n(d.month), n(d.day), time(&d)]
}

/// Media, Media Credit, Media Caption, Media Thumbnail, Alt Text.
fn media_cells(m: Option<&TjsMedia>) -> [String; 5] {
    let Some(m) = m else { return Default::default() };
    let get = |v: &Option<String>| v.clone().unwrap_or_default();
    let thumbnail = m.thumbnail.unwrap_or_default().to_string();
    [m.url.to_string(), get(&m.credit), get(&m.caption), thumbnail, get(&m.alt)]
}

fn row(out: &mut csv::Writer<impl Write>, cells: Vec<String>) -> io::Result<()> {
    out.write_record(cells.iter().map(|c| defuse(c))).map_err(io::Error::other)
}

pub fn write(out: &mut impl Write, t: &Timeline, events: &[&Event]) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
    w.write_record(HEADER).map_err(io::Error::other)?;
    let doc = super::timelinejs::document(t, events);
    if let Some(title) = &doc.title {
        let mut cells = vec![String::new(); HEADER.len()];
        cells[9] = title.text.headline.clone();
        cells[10] = title.text.text.clone();
        cells.splice(11..16, media_cells(title.media.as_ref()));
        cells[16] = "title".into();
        cells[18] = t.title.as_ref().and_then(|s| s.background.clone()).unwrap_or_default();
        row(&mut w, cells)?;
    }
    for (e, s) in events.iter().zip(&doc.events) {
        let mut cells = Vec::with_capacity(HEADER.len());
        cells.extend(date_cells(Some(&e.date)));
        cells.extend(date_cells(e.end.as_ref()));
        cells.push(s.display_date.clone().unwrap_or_default());
        cells.push(s.text.headline.clone());
        cells.push(s.text.text.clone());
        cells.extend(media_cells(s.media.as_ref()));
        cells.push(String::new());
        cells.push(s.group.clone().unwrap_or_default());
        cells.push(e.extra.as_ref().and_then(|x| x.background.as_deref()).unwrap_or_default().to_string());
        cells.push(e.id.to_string());
        let edtf = |d: Option<&TjsDate>| d.and_then(|d| d.edtf.clone()).unwrap_or_default();
        cells.extend([edtf(s.start_date.as_ref()), edtf(s.end_date.as_ref())]);
        cells.extend([e.status.as_str().to_string(), e.kind.as_str().to_string()]);
        row(&mut w, cells)?;
    }
    for era in &t.eras {
        let mut cells = Vec::with_capacity(HEADER.len());
        cells.extend(date_cells(Some(&era.start)));
        cells.extend(date_cells(Some(&era.end)));
        cells.extend([String::new(), super::escape_html(&era.headline), super::escape_html(&era.text)]);
        cells.extend(std::iter::repeat_n(String::new(), 5));
        cells.extend(["era".to_string(), String::new(), String::new(), String::new()]);
        let edtf = |d: &PartialDate| tjs_date(d).edtf.unwrap_or_default();
        cells.extend([edtf(&era.start), edtf(&era.end), String::new(), String::new()]);
        row(&mut w, cells)?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::defuse;

    #[test]
    fn formulas_are_defused_and_numbers_kept() {
        for (cell, out) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1+2", "'+1+2"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("-500", "-500"),
            ("1966", "1966"),
            ("Tô Lâm", "Tô Lâm"),
        ] {
            assert_eq!(defuse(cell), out);
        }
    }
}
