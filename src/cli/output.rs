//! What the sub-commands print: plain lines for people and scripts, or JSON.

use crate::model::context::quote_context;
use crate::model::{Event, Timeline};
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
    /// At least one quote checked against its article.
    verified: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
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
        verified: e.is_verified(),
        group: e.group(),
    }
}

/// One line per event: date, countries, kind, title, id.
pub fn list_line(t: &Timeline, e: &Event) -> String {
    let date = match e.end {
        Some(end) => format!("{}..{}", e.date.iso(), end.iso()),
        None => e.date.iso(),
    };
    let planned = match (e.status == crate::model::Status::Planned, e.is_verified()) {
        (false, true) => "",
        (true, true) => " (planned)",
        (false, false) => " (unverified)",
        (true, false) => " (planned, unverified)",
    };
    format!(
        "{date:<22} {:<6} {:<12} {}{planned}  [{}]",
        t.country_codes(e).join(","),
        e.kind.as_str(),
        e.title,
        e.id
    )
}

pub fn write_list(out: &mut impl Write, t: &Timeline, events: &[&Event], json: bool) -> io::Result<()> {
    if json {
        let items: Vec<EventJson> = events.iter().map(|e| event_json(t, e, false)).collect();
        serde_json::to_writer_pretty(&mut *out, &items)?;
        return writeln!(out);
    }
    for e in events {
        writeln!(out, "{}", list_line(t, e))?;
    }
    Ok(())
}

pub fn write_show(out: &mut impl Write, t: &Timeline, e: &Event, json: bool) -> io::Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut *out, &event_json(t, e, true))?;
        return writeln!(out);
    }
    writeln!(out, "{}", e.title)?;
    if let Some(vi) = &e.title_vi {
        writeln!(out, "{vi}")?;
    }
    writeln!(out)?;
    let countries: Vec<String> = e
        .countries
        .iter()
        .map(|&c| {
            let c = &t.countries[c];
            format!("{} {} ({})", c.code, c.name, c.name_vi)
        })
        .collect();
    writeln!(out, "Date:      {} ({})", e.date_label(), e.status.as_str())?;
    writeln!(out, "Kind:      {}", e.kind.label())?;
    if !countries.is_empty() {
        writeln!(out, "Countries: {}", countries.join(", "))?;
    }
    if let Some(d) = e.extra.as_ref().and_then(|x| x.display_date.as_deref()) {
        writeln!(out, "Shown as:  {d}")?;
    }
    if !e.places.is_empty() {
        writeln!(out, "Places:    {}", e.places.join(", "))?;
    }
    if !e.people.is_empty() {
        writeln!(out, "People:    {}", e.people.join(", "))?;
    }
    writeln!(out, "Id:        {}", e.id)?;
    if let Some(g) = e.group() {
        writeln!(out, "Group:     {g}")?;
    }
    if !e.is_verified() {
        writeln!(out, "Unverified: no quote from an article checks this event.")?;
    }
    for l in e.links() {
        writeln!(
            out,
            "Link:      {}{}",
            l.title.as_deref().map(|t| format!("{t} ")).unwrap_or_default(),
            l.url
        )?;
    }
    if let Some(m) = e.media() {
        writeln!(out, "Media:     {}", m.url)?;
        for v in [&m.caption, &m.credit].into_iter().flatten() {
            writeln!(out, "           {v}")?;
        }
    }
    writeln!(out, "\n{}\n", e.summary)?;
    for (i, c) in e.citations.iter().enumerate() {
        let s = &t.sources[c.source];
        writeln!(out, "[{}] {}, {} ({})", i + 1, s.outlet, s.published, s.file)?;
        let ctx = quote_context(&s.text, &c.span);
        // Mark the quote inside its sentence with »…«, which survives pipes and plain terminals.
        writeln!(
            out,
            "    {}»{}«{}",
            &s.text[ctx.start..c.span.start],
            c.quote,
            &s.text[c.span.end..ctx.end]
        )?;
    }
    Ok(())
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
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        return writeln!(out);
    }
    let w = rows.iter().map(|r| unicode_width::UnicodeWidthStr::width(r.name)).max().unwrap_or(0);
    for r in rows {
        let pad = w - unicode_width::UnicodeWidthStr::width(r.name);
        writeln!(out, "{}  {}{}  {:<14} {:>3}", r.code, r.name, " ".repeat(pad), r.name_vi, r.events)?;
    }
    Ok(())
}
