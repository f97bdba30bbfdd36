//! A chronology to paste into a draft: events grouped by year, each with its date, title and
//! summary, its quotes as block quotes, and footnotes naming outlet, date and article.

use crate::model::date::year_label;
use crate::model::{Event, Status, Timeline};
use std::io::{self, Write};

/// Characters that Markdown would read as formatting at the start of a line or inline.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The number of a footnote: the one already given to the same text, or a new one.
fn note(notes: &mut Vec<String>, text: String) -> usize {
    match notes.iter().position(|n| *n == text) {
        Some(i) => i + 1,
        None => {
            notes.push(text);
            notes.len()
        }
    }
}

/// An event's summary after its title: lines after the first indented, so that they stay in
/// the list item.
fn summary(out: &mut impl Write, summary: &str) -> io::Result<()> {
    let summary = md(summary);
    let mut lines = summary.lines();
    let Some(first) = lines.next() else { return Ok(()) };
    write!(out, " {first}")?;
    for line in lines {
        if line.trim().is_empty() {
            writeln!(out)?;
        } else {
            write!(out, "\n  {line}")?;
        }
    }
    Ok(())
}

pub fn write(out: &mut impl Write, t: &Timeline, events: &[&Event]) -> io::Result<()> {
    let title = t.title.as_ref().map_or("Chronology", |s| s.headline.as_str());
    writeln!(out, "# {}", md(title))?;
    let mut notes: Vec<String> = Vec::new();
    let mut year = None;
    for e in events {
        let y = e.date.year_value();
        if year != Some(y) {
            year = Some(y);
            writeln!(out, "\n## {}\n", year_label(y))?;
        }
        let flag = match (e.status == Status::Planned, e.is_verified()) {
            (false, true) => "",
            (true, true) => " *(planned)*",
            (false, false) => " *(unverified)*",
            (true, false) => " *(planned, unverified)*",
        };
        write!(out, "- **{}** — **{}**{flag}", md(&e.date_label()), md(&e.title))?;
        summary(out, &e.summary)?;
        let mut marks = String::new();
        let mut quote_notes = Vec::new();
        for c in &e.citations {
            let s = &t.sources[c.source];
            let article = s.headline.as_deref().map(|h| format!(", “{}”", md(h))).unwrap_or_default();
            let n =
                note(&mut notes, format!("{}, {}{article} ({})", md(&s.outlet), s.published, md(&s.file)));
            if !marks.contains(&format!("[^{n}]")) {
                marks.push_str(&format!("[^{n}]"));
            }
            quote_notes.push(n);
        }
        for l in e.links() {
            let title = l.title.as_deref().map(|t| format!("{}, ", md(t))).unwrap_or_default();
            let n = note(&mut notes, format!("{title}<{}>", l.url));
            marks.push_str(&format!("[^{n}]"));
        }
        writeln!(out, "{marks}")?;
        for (c, n) in e.citations.iter().zip(quote_notes) {
            let s = &t.sources[c.source];
            writeln!(out)?;
            for line in c.quote.lines() {
                writeln!(out, "  > {}", md(line))?;
            }
            writeln!(out, "  >\n  > — {}, {}[^{n}]", md(&s.outlet), s.published)?;
        }
        if !e.citations.is_empty() {
            writeln!(out)?;
        }
    }
    if !notes.is_empty() {
        writeln!(out)?;
        for (i, n) in notes.iter().enumerate() {
            writeln!(out, "[^{}]: {n}", i + 1)?;
        }
    }
    Ok(())
}
