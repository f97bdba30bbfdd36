//! What the sub-commands print: plain lines for people and scripts, or JSON.

use crate::model::context::quote_context;
use crate::model::{EntityKind, Event, Timeline};
use crate::text::inert::{self, line};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
pub struct EventJson<'a> {
    id: &'a str,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    status: &'static str,
    kind: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title_vi: Option<&'a str>,
    summary: &'a str,
    countries: Vec<CountryRef<'a>>,
    places: &'a [String],
    people: &'a [String],
    sources: Vec<SourceJson<'a>>,
}

#[derive(Serialize)]
struct CountryRef<'a> {
    code: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    file: &'a str,
    outlet: &'a str,
    published: String,
    quote: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<&'a str>,
}

/// The JSON form of an event; `with_context` adds each quote's surrounding sentence.
pub fn event_json<'a>(t: &'a Timeline, e: &'a Event, with_context: bool) -> EventJson<'a> {
    EventJson {
        id: &e.id,
        date: e.date.iso(),
        end: e.end.map(|d| d.iso()),
        status: e.status.as_str(),
        kind: e.kind.as_str(),
        title: &e.title,
        title_vi: e.title_vi.as_deref(),
        summary: &e.summary,
        countries: e
            .countries
            .iter()
            .map(|&c| CountryRef { code: &t.countries[c].code, name: &t.countries[c].name })
            .collect(),
        places: &e.places,
        people: &e.people,
        sources: e
            .citations
            .iter()
            .map(|c| {
                let s = &t.sources[c.source];
                SourceJson {
                    file: &s.file,
                    outlet: &s.outlet,
                    published: s.published.to_string(),
                    quote: &c.quote,
                    context: with_context.then(|| &s.text[quote_context(&s.text, &c.span)]),
                }
            })
            .collect(),
    }
}

/// One line per event: date, countries, kind, title, id.
pub fn list_line(t: &Timeline, e: &Event) -> String {
    let date = match e.end {
        Some(end) => format!("{}..{}", e.date.iso(), end.iso()),
        None => e.date.iso(),
    };
    let planned = if e.status == crate::model::Status::Planned { " (planned)" } else { "" };
    format!(
        "{date:<22} {:<6} {:<12} {}{planned}  [{}]",
        line(&t.country_codes(e).join(",")),
        e.kind.as_str(),
        line(&e.title),
        line(&e.id)
    )
}

pub fn write_list(out: &mut impl Write, t: &Timeline, events: &[&Event], json: bool) -> io::Result<()> {
    if json {
        let items: Vec<EventJson> = events.iter().map(|e| event_json(t, e, false)).collect();
        inert::to_json_writer(&mut *out, &items)?;
        return writeln!(out);
    }
    for e in events {
        writeln!(out, "{}", list_line(t, e))?;
    }
    Ok(())
}

pub fn write_show(out: &mut impl Write, t: &Timeline, e: &Event, json: bool) -> io::Result<()> {
    if json {
        inert::to_json_writer(&mut *out, &event_json(t, e, true))?;
        return writeln!(out);
    }
    writeln!(out, "{}", line(&e.title))?;
    if let Some(vi) = &e.title_vi {
        writeln!(out, "{}", line(vi))?;
    }
    writeln!(out)?;
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
    writeln!(out, "Countries: {}", countries.join(", "))?;
    if !e.places.is_empty() {
        writeln!(out, "Places:    {}", line(&e.places.join(", ")))?;
    }
    if !e.people.is_empty() {
        writeln!(out, "People:    {}", line(&e.people.join(", ")))?;
    }
    writeln!(out, "Id:        {}", line(&e.id))?;
    writeln!(out, "\n{}\n", inert::text(&e.summary))?;
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
        writeln!(
            out,
            "    {}»{}«{}",
            line(&before),
            line(&one_line(c.quote.trim())),
            line(after.trim_end())
        )?;
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
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        return writeln!(out);
    }
    let w = rows.iter().map(|r| unicode_width::UnicodeWidthStr::width(r.name)).max().unwrap_or(0);
    for r in rows {
        let pad = w - unicode_width::UnicodeWidthStr::width(r.name);
        let mut line = format!("{:>3}  {}{}", r.events, r.name, " ".repeat(pad));
        if let Some(role) = r.role.or(r.about) {
            line.push_str(&format!("  {role}"));
        }
        if !r.aliases.is_empty() {
            line.push_str(&format!("  (also {})", r.aliases.join(", ")));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
