//! What the sub-commands print: plain lines for people and scripts, or JSON.

use crate::export::json::{event_json, items};
use crate::model::context::quote_context;
use crate::model::{EntityKind, Event, Timeline};
use crate::text::inert::{self, line};
use crate::text::wrap::width;
use serde::Serialize;
use std::io::{self, Write};

/// A JSON array of what the iterator `.0()` gives, written as it is made.
struct Seq<F>(F);

impl<I: Iterator<Item: Serialize>, F: Fn() -> I> Serialize for Seq<F> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// One `list` line's columns (date in words, country codes, kind) in one buffer, which each
/// line fills again: a line costs the date's label and no other allocation.
#[derive(Default)]
struct Columns {
    text: String,
    ends: [usize; 3],
}

impl Columns {
    fn fill(&mut self, t: &Timeline, e: &Event) -> &Self {
        self.text.clear();
        // People read dates in words (`500–400 BCE`, `by 25 Jan 2026`); EDTF is in `--json`.
        self.text.push_str(&line(&e.date_label()));
        self.ends[0] = self.text.len();
        for (i, &c) in e.countries.iter().enumerate() {
            if i > 0 {
                self.text.push(',');
            }
            self.text.push_str(&line(&t.countries[c].code));
        }
        self.ends[1] = self.text.len();
        self.text.push_str(e.kind.as_str());
        self.ends[2] = self.text.len();
        self
    }

    fn cells(&self) -> impl Iterator<Item = &str> {
        [0, self.ends[0], self.ends[1]].into_iter().zip(self.ends).map(|(a, b)| &self.text[a..b])
    }
}

/// Writes the last cell of a `list` line: the title with its tags and id.
fn push_title(row: &mut String, e: &Event) {
    let planned = match (e.status == crate::model::Status::Planned, e.is_verified()) {
        (false, true) => "",
        (true, true) => " (planned)",
        (false, false) => " (unverified)",
        (true, false) => " (planned, unverified)",
    };
    for part in [&line(&e.title), planned, "  [", &line(&e.id), "]\n"] {
        row.push_str(part);
    }
}

pub fn write_list(out: &mut impl Write, t: &Timeline, events: &[&Event], json: bool) -> io::Result<()> {
    if json {
        inert::to_json_writer(&mut *out, &Seq(|| items(t, events)))?;
        return writeln!(out);
    }
    // Columns as wide as their widest cell, measured in display columns (dates such as
    // "13.8 billion years ago" or "500–400 BCE" have no fixed width). No country column when no
    // event listed names a country (imported files), as in the browser. The cells are made twice,
    // to measure and to print, rather than held: at a million events they would be tens of
    // megabytes.
    let mut columns = Columns::default();
    let mut widths = [0; 3];
    for e in events {
        for (w, cell) in widths.iter_mut().zip(columns.fill(t, e).cells()) {
            *w = (*w).max(width(cell));
        }
    }
    let mut row = String::new();
    for e in events {
        row.clear();
        for (w, cell) in widths.iter().zip(columns.fill(t, e).cells()).filter(|(w, _)| **w > 0) {
            row.push_str(cell);
            row.extend(std::iter::repeat_n(' ', w.saturating_sub(width(cell)) + 1));
        }
        push_title(&mut row, e);
        out.write_all(row.as_bytes())?;
    }
    Ok(())
}

pub fn write_show(out: &mut impl Write, t: &Timeline, e: &Event, json: bool) -> io::Result<()> {
    if json {
        inert::to_json_writer(&mut *out, &event_json(t, e, true))?;
        return writeln!(out);
    }
    writeln!(out, "{}", line(&e.title))?;
    if let Some(vi) = e.title_vi() {
        writeln!(out, "{}", line(vi))?;
    }
    writeln!(out)?;
    show_facts(out, t, e)?;
    show_provenance(out, e)?;
    // Each part after a blank line; nothing after the last, so that no blank lines end it.
    let summary = e.summary.trim_end();
    if !summary.is_empty() {
        writeln!(out, "\n{}", inert::text(summary))?;
    }
    if !e.citations.is_empty() {
        writeln!(out)?;
    }
    show_quotes(out, t, e)
}

/// Date, kind, countries, places, people and id, one labelled line each.
fn show_facts(out: &mut impl Write, t: &Timeline, e: &Event) -> io::Result<()> {
    let countries: Vec<String> = e
        .countries
        .iter()
        .map(|&c| {
            let c = &t.countries[c];
            format!("{} {} ({})", line(&c.code), line(&c.name), line(&c.name_vi))
        })
        .collect();
    writeln!(out, "Date:      {} ({})", e.date_label(), e.status.as_str())?;
    writeln!(out, "Kind:      {}", e.kind.label())?;
    if !countries.is_empty() {
        writeln!(out, "Countries: {}", countries.join(", "))?;
    }
    if let Some(d) = e.extra.as_ref().and_then(|x| x.display_date.as_deref()) {
        writeln!(out, "Shown as:  {}", line(d))?;
    }
    if !e.place_ids.is_empty() {
        writeln!(out, "Places:    {}", line(&t.name_list(e, EntityKind::Place).join(", ")))?;
    }
    if !e.person_ids.is_empty() {
        writeln!(out, "People:    {}", line(&t.name_list(e, EntityKind::Person).join(", ")))?;
    }
    writeln!(out, "Id:        {}", line(&e.id))
}

/// The group, whether a quote checks the event, its links and media.
fn show_provenance(out: &mut impl Write, e: &Event) -> io::Result<()> {
    if let Some(g) = e.group() {
        writeln!(out, "Group:     {}", line(g))?;
    }
    if !e.tags().is_empty() {
        writeln!(out, "Tags:      {}", line(&e.tags_text()))?;
    }
    if !e.is_verified() {
        writeln!(out, "Unverified: no quote from an article checks this event.")?;
    }
    let shown = crate::model::url::without_scripts(e);
    let e = shown.as_ref().unwrap_or(e);
    for l in e.links() {
        let title = l.title.as_deref().map(|t| format!("{} ", line(t))).unwrap_or_default();
        writeln!(out, "Link:      {title}{}", line(&l.url))?;
    }
    if shown.is_some() {
        writeln!(out, "Scripts:   URLs that would run code (javascript, vbscript, data) left out")?;
    }
    if let Some(m) = e.media() {
        writeln!(out, "Media:     {}", line(&m.url))?;
        // What the detail pane shows of it, under the same names.
        for (name, v) in m.parts() {
            writeln!(out, "  {name:<9}{}", line(v))?;
        }
    }
    Ok(())
}

/// Each quote marked »…« inside its sentence, under its source.
fn show_quotes(out: &mut impl Write, t: &Timeline, e: &Event) -> io::Result<()> {
    for (i, c) in e.citations.iter().enumerate() {
        let s = &t.sources[c.source];
        writeln!(out, "[{}] {}, {} ({})", i + 1, line(&s.outlet), s.published, line(&s.file))?;
        let ctx = quote_context(&s.text, &c.span);
        // Mark the quote inside its sentence with »…«, which survives pipes and plain terminals.
        // The context is one line: a line break inside or at the end of a quote reads as a space,
        // and white space at the quote's ends stays outside the markers.
        let (before, after) = (&s.text[ctx.start..c.span.start], &s.text[c.span.end..ctx.end]);
        let lead = &c.quote[..c.quote.len() - c.quote.trim_start().len()];
        let trail = &c.quote[c.quote.trim_end().len()..];
        let before = one_line(&format!("{before}{lead}"));
        let after = one_line(&format!("{trail}{after}"));
        let quote = one_line(c.quote.trim());
        writeln!(out, "    {}»{}«{}", line(&before), line(&quote), line(after.trim_end()))?;
    }
    Ok(())
}

/// Text on one line: every run of white space, line breaks included, becomes one space.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.chars() {
        if ch.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(ch);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

#[derive(Serialize)]
struct CountryJson<'a> {
    code: &'a str,
    name: &'a str,
    name_vi: &'a str,
    events: usize,
}

pub fn write_countries(out: &mut impl Write, t: &Timeline, json: bool) -> io::Result<()> {
    let counts = t.country_counts(0..t.events.len());
    let mut rows: Vec<CountryJson> = t
        .countries
        .iter()
        .zip(&counts)
        .map(|(c, &n)| CountryJson { code: &c.code, name: &c.name, name_vi: &c.name_vi, events: n })
        .collect();
    rows.sort_by(|a, b| b.events.cmp(&a.events).then(a.name.cmp(b.name)));
    if json {
        inert::to_json_writer(&mut *out, &rows)?;
        return writeln!(out);
    }
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let w = rows.iter().map(|r| width(&line(r.name))).max().unwrap_or(0);
    for r in rows {
        let name = line(r.name);
        let pad = w - width(&name);
        writeln!(
            out,
            "{}  {name}{}  {:<14} {:>3}",
            line(r.code),
            " ".repeat(pad),
            line(r.name_vi),
            r.events
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct EntityJson<'a> {
    name: &'a str,
    aliases: &'a [String],
    /// Who a person is.
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    /// What a place is (the data set's field names).
    #[serde(skip_serializing_if = "Option::is_none")]
    about: Option<&'a str>,
    events: usize,
}

/// `timeline people` / `timeline places`: each entity with its aliases, role and event count,
/// most events first.
pub fn write_entities(out: &mut impl Write, t: &Timeline, kind: EntityKind, json: bool) -> io::Result<()> {
    let counts = t.entity_counts(kind, 0..t.events.len());
    let mut rows: Vec<EntityJson> = t
        .entities(kind)
        .iter()
        .zip(&counts)
        .map(|(e, &n)| {
            let note = e.role.as_deref();
            let (role, about) = if kind == EntityKind::Person { (note, None) } else { (None, note) };
            EntityJson { name: &e.name, aliases: &e.aliases, role, about, events: n }
        })
        .collect();
    rows.sort_by(|a, b| b.events.cmp(&a.events).then(a.name.cmp(b.name)));
    if json {
        inert::to_json_writer(&mut *out, &rows)?;
        return writeln!(out);
    }
    let names: Vec<String> = rows.iter().map(|r| line(r.name).into_owned()).collect();
    let w = names.iter().map(|n| unicode_width::UnicodeWidthStr::width(n.as_str())).max().unwrap_or(0);
    for (r, name) in rows.iter().zip(&names) {
        let pad = w - unicode_width::UnicodeWidthStr::width(name.as_str());
        let mut text = format!("{:>3}  {name}{}", r.events, " ".repeat(pad));
        if let Some(role) = r.role.or(r.about) {
            text.push_str(&format!("  {}", line(role)));
        }
        if !r.aliases.is_empty() {
            text.push_str(&format!("  (also {})", line(&r.aliases.join(", "))));
        }
        writeln!(out, "{}", text.trim_end())?;
    }
    Ok(())
}
