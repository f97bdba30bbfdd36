//! A chronology to paste into a draft: events grouped by year, each with its date, title and
//! summary, its quotes as block quotes, and footnotes naming outlet, date and article.

use crate::model::date::year_label;
use crate::model::{Event, Timeline};
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
        let flag = if e.is_verified() { "" } else { " *(unverified)*" };
        write!(out, "- **{}** — **{}**{flag}", md(&e.date_label()), md(&e.title))?;
        if !e.summary.is_empty() {
            write!(out, " {}", md(&e.summary))?;
        }
        let first_note = notes.len() + 1;
        let mut marks = String::new();
        for c in &e.citations {
            let s = &t.sources[c.source];
            let article = s.headline.as_deref().map(|h| format!(", “{}”", md(h))).unwrap_or_default();
            notes.push(format!("{}, {}{article} ({})", md(&s.outlet), s.published, md(&s.file)));
            marks.push_str(&format!("[^{}]", notes.len()));
        }
        for l in e.links() {
            let title = l.title.as_deref().map(|t| format!("{}, ", md(t))).unwrap_or_default();
            notes.push(format!("{title}<{}>", l.url));
            marks.push_str(&format!("[^{}]", notes.len()));
        }
        writeln!(out, "{marks}")?;
        for (i, c) in e.citations.iter().enumerate() {
            let s = &t.sources[c.source];
            writeln!(out)?;
            for line in c.quote.lines() {
                writeln!(out, "  > {}", md(line))?;
            }
            writeln!(out, "  >\n  > — {}, {}[^{}]", md(&s.outlet), s.published, first_note + i)?;
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
