//! markwhen (`.mw`): a header, then each event as `DATE: title`, its summary as description
//! lines, its kind as a `#tag`, its places as `[place](location)`, and its group as `# headings`
//! (markwhen 1.x). Dates are written so that `@markwhen/parser` finds the same start and end
//! instants: EDTF where it can (`1964/2008`, `2025-03-04 10:00`), ISO 8601 in UTC for other
//! times, a time's UTC offset as the event's `timezone`, `100 BC - 49 BC` before year 1. Tags
//! beyond the kind and group are written as `#tags`. What markwhen cannot carry is counted in one
//! note.

use crate::model::date::TimeOfDay;
use crate::model::markwhen::{event_line, is_structure, resolve, text, zone};
use crate::model::{EntityKind, Event, Kind, PartialDate, Precision, Status, Timeline};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// What the export could not carry, by what it is.
#[derive(Default)]
struct Lost(BTreeMap<&'static str, usize>);

impl Lost {
    fn add(&mut self, what: &'static str, n: usize) {
        if n > 0 {
            *self.0.entry(what).or_default() += n;
        }
    }

    /// `cannot carry backgrounds (1), quotes (12)`: each count after its name, which is a plural
    /// that reads right whatever the count.
    fn note(&self) -> Option<String> {
        let items: Vec<String> = self.0.iter().map(|(what, n)| format!("{what} ({n})")).collect();
        (!items.is_empty()).then(|| format!("cannot carry {}", items.join(", ")))
    }
}

pub fn write(out: &mut impl Write, t: &Timeline, events: &[&Event]) -> io::Result<Vec<String>> {
    let mut lost = Lost::default();
    writeln!(out, "---")?;
    // No title is made up for a data set without one: read back, it would be a title slide.
    if let Some(s) = t.title.as_ref().filter(|s| !s.headline.is_empty()) {
        writeln!(out, "title: {}", yaml(&s.headline))?;
    }
    if let Some(s) = t.title.as_ref().filter(|s| !s.text.is_empty()) {
        writeln!(out, "description: {}", yaml(&s.text))?;
    }
    writeln!(out, "timezone: UTC\n---")?;
    // Events without a group first: a heading holds every event after it.
    let mut order: Vec<&Event> = events.to_vec();
    order.sort_by_key(|e| e.group().map(|g| g.to_string()));
    let mut path: Vec<&str> = Vec::new();
    for e in order {
        let Some((dates, zone)) = dates(e, &mut lost) else {
            lost.add("events with years beyond markwhen's, left out", 1);
            continue;
        };
        let group: Vec<&str> = e.group().map_or(Vec::new(), |g| g.split(" / ").collect());
        let same = path.iter().zip(&group).take_while(|(a, b)| a == b).count();
        for (level, name) in group.iter().enumerate().skip(same) {
            lost.add("group names with markup", usize::from(text::has_markup(name, false)));
            writeln!(out, "\n{} {name}", "#".repeat((level + 1).min(6)))?;
        }
        path = group;
        writeln!(out)?;
        let places = t.name_list(e, EntityKind::Place);
        event(out, (e, &places), (&dates, zone.as_deref()), &mut lost)?;
        count_lost(e, &mut lost);
    }
    Ok(lost.note().into_iter().collect())
}

/// An event (and the names of its places): its line (dates, title, kind and tags), its zone as
/// a property, its description.
fn event(
    out: &mut impl Write,
    (e, places): (&Event, &[&str]),
    (dates, zone): (&str, Option<&str>),
    lost: &mut Lost,
) -> io::Result<()> {
    let title = e.title.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    lost.add("titles with line breaks or spaces at either end", usize::from(title != e.title));
    lost.add("titles with markup markwhen reads, #tag or !id", usize::from(text::has_markup(&title, true)));
    let kind = if e.kind == Kind::Other { String::new() } else { format!(" #{}", e.kind.as_str()) };
    writeln!(out, "{dates}: {title}{kind}{}{}", tags(e, lost), id(e, &title, lost))?;
    if let Some(zone) = zone {
        writeln!(out, "timezone: \"{zone}\"")?;
    }
    let lines: Vec<&str> = e.summary.lines().map(str::trim).collect();
    if lines.first().is_some_and(|l| text::PROPERTY.is_match(l)) {
        // A blank line, so that markwhen does not read `Note: …` as a property.
        writeln!(out)?;
    }
    for line in lines {
        if event_line(line, false).is_some() || is_structure(line) {
            lost.add("description lines that read as dates or headings, written after `. `", 1);
            writeln!(out, ". {line}")?;
        } else {
            lost.add("description lines with #tags or places", usize::from(text::has_markup(line, false)));
            writeln!(out, "{line}")?;
        }
    }
    if !places.is_empty() {
        let places: Vec<String> =
            places.iter().map(|p| format!("[{}](location)", p.replace(']', ")"))).collect();
        writeln!(out, "{}", places.join(" "))?;
    }
    Ok(())
}

/// The event's id as ` !id`, unless a reader makes the same one from the title and year (as ours
/// does for an event without one). markwhen's `!id` holds letters, digits and `_` only: another id
/// is counted as lost.
fn id(e: &Event, title: &str, lost: &mut Lost) -> String {
    // Only a date without a time is written as it is: a time is written in UTC, which can move
    // the date, and its year, that the id would be made from again.
    if e.date.time().is_none() && e.id == crate::model::markwhen::made_id(title, &e.date) {
        return String::new();
    }
    if text::is_word(&e.id) {
        return format!(" !{}", e.id);
    }
    lost.add("ids that are not a markwhen !id (letters, digits and _), made again from the title", 1);
    String::new()
}

/// The event's tags beyond its kind and group, as ` #tag`s; those markwhen would not read
/// as tags are counted as lost.
fn tags(e: &Event, lost: &mut Lost) -> String {
    let tags = e.extra.as_ref().map_or(&[][..], |x| &x.tags);
    let ok = |t: &&String| text::is_word(t) && !t.bytes().all(|b| b.is_ascii_digit());
    lost.add("tags markwhen cannot write, not letters, digits and _", tags.iter().filter(|t| !ok(t)).count());
    let ungrouped = e.group().is_none() && tags.iter().any(|t| ok(&t));
    lost.add(
        "tags of events without a group, whose first markwhen reads as the group",
        usize::from(ungrouped),
    );
    tags.iter().filter(ok).map(|t| format!(" #{t}")).collect()
}

/// What an event has that markwhen has no place for.
fn count_lost(e: &Event, lost: &mut Lost) {
    lost.add("quotes", e.citations.len());
    lost.add("country lists", usize::from(!e.countries.is_empty()));
    lost.add("people lists", usize::from(!e.person_ids.is_empty()));
    lost.add("Vietnamese titles", usize::from(e.title_vi().is_some()));
    lost.add("planned statuses", usize::from(e.status == Status::Planned));
    let links_outside =
        e.links().iter().filter(|l| !e.summary.contains(&l.url) && !e.title.contains(&l.url)).count();
    lost.add("links", links_outside);
    if let Some(x) = &e.extra {
        lost.add("media", usize::from(x.media.as_ref().is_some_and(|m| !e.summary.contains(&m.url))));
        lost.add("display dates", usize::from(x.display_date.is_some()));
        lost.add("backgrounds", usize::from(x.background.is_some()));
    }
}

/// A header value: plain when YAML reads it as written, else a double-quoted string.
fn yaml(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.starts_with(|c: char| "!&*[]{}|>'\"%@`#,?:-".contains(c) || c.is_whitespace())
        && !s.ends_with(|c: char| c.is_whitespace() || c == ':')
        && !s.contains('\n');
    if plain { s.to_string() } else { serde_json::to_string(s).unwrap_or_default() }
}

/// The event's dates as markwhen writes them, with the `timezone` property their times need
/// (`+05:30`, when both ends' times have that offset), or `None` for years it cannot hold.
fn dates(e: &Event, lost: &mut Lost) -> Option<(String, Option<String>)> {
    lost.add(
        "open or unknown interval ends",
        usize::from(e.open.start.is_some()) + usize::from(e.open.end.is_some()),
    );
    let sides = [Some(e.date), e.end];
    lost.add("EDTF qualifiers ? ~ %", sides.iter().flatten().filter(|d| !d.qualifier().is_none()).count());
    lost.add(
        "seasons, written as their months",
        sides.iter().flatten().filter(|d| d.season_value().is_some()).count(),
    );
    lost.add(
        "unspecified digits (X), written as the period they stand for",
        sides.iter().flatten().filter(|d| d.unspecified() != Default::default()).count(),
    );
    // markwhen reads an ISO time only with a zone: a local time with seconds is written in UTC.
    lost.add(
        "local times with seconds, written in UTC",
        sides
            .iter()
            .flatten()
            .filter_map(|d| d.time())
            .filter(|t| t.offset.is_none() && t.second.is_some())
            .count(),
    );
    // Unspecified digits (`196X`) and seasons become the period they stand for (`1960/1969`,
    // `2001-03/2001-05`).
    let (start, start_end) = exact(&e.date)?;
    let end = match e.end {
        Some(x) => exact(&x).map(|(a, b)| b.unwrap_or(a))?.into(),
        None => start_end,
    };
    let end = end.filter(|x| *x != start);
    let (start, end, zone) = in_zone(start, end, lost);
    let years = [Some(start), end].into_iter().flatten().map(|d| d.year_value());
    if years.clone().any(|y| !(-99_998..=9999).contains(&y)) {
        return None;
    }
    if years.clone().any(|y| y < 1) {
        return Some((bce(&start, end.as_ref(), lost), None));
    }
    let edtf = |d: &PartialDate| edtf(d);
    let text = match (edtf(&start), end.as_ref().map(edtf)) {
        (Some(a), None) => a,
        (Some(a), Some(Some(b))) => format!("{a}/{b}"),
        _ => match end {
            Some(end) => format!("{} - {}", casual(&start), casual(&end)),
            None => casual(&start),
        },
    };
    Some((text, zone))
}

/// Times with a UTC offset other than `Z`, written as their wall-clock time with the offset as
/// the event's `timezone`, which markwhen applies keeping the wall-clock time. Both ends' times
/// must share it; otherwise they are written in UTC, and the zones counted as lost.
fn in_zone(
    start: PartialDate,
    end: Option<PartialDate>,
    lost: &mut Lost,
) -> (PartialDate, Option<PartialDate>, Option<String>) {
    // markwhen applies the zone to a date without a time too, which ours is not in: such an
    // interval is written in UTC.
    let zones: Vec<Option<String>> = [Some(start), end]
        .into_iter()
        .flatten()
        .map(|d| d.time().and_then(|t| zone::offset_text(&t)))
        .collect();
    match zones.first() {
        Some(Some(z)) if z != "UTC" && zones.iter().all(|o| o.as_ref() == Some(z)) => {
            (start.local(), end.map(|e| e.local()), Some(z.clone()))
        }
        _ if zones.iter().flatten().any(|z| z != "UTC") => {
            lost.add("time zones of intervals whose ends differ in zone, written in UTC", 1);
            (start, end, None)
        }
        _ => (start, end, None),
    }
}

/// A date without unspecified digits or a season: itself, or the dates naming its period.
fn exact(d: &PartialDate) -> Option<(PartialDate, Option<PartialDate>)> {
    if d.unspecified() == Default::default() && d.season_value().is_none() {
        return Some((d.plain(), None));
    }
    resolve::from_instants(d.start(), d.end())
}

/// A date in markwhen's EDTF: a year, month or day, or a local time to the minute.
fn edtf(d: &PartialDate) -> Option<String> {
    match d.time() {
        None => Some(d.plain().iso()),
        Some(TimeOfDay { offset: None, second: None, .. }) => {
            let t = d.time()?;
            Some(format!(
                "{} {:02}:{:02}",
                PartialDate::ymd(d.year_value(), d.month_value(), d.day_value()).ok()?.iso(),
                t.hour,
                t.minute.unwrap_or(0)
            ))
        }
        Some(_) => None,
    }
}

/// A date in markwhen's other forms: `1961`, `4/1776`, `12/7/1941`, or an ISO time in UTC.
fn casual(d: &PartialDate) -> String {
    let y = d.year_value();
    match (d.precision(), d.month_value(), d.day_value()) {
        (Precision::Year, ..) => format!("{y:04}"),
        (Precision::Month, Some(m), _) => format!("{m}/{y:04}"),
        (Precision::Day, Some(m), Some(day)) => format!("{m}/{day}/{y:04}"),
        _ => iso_utc(d),
    }
}

/// ISO 8601 in UTC, with milliseconds only when the time has them.
fn iso_utc(d: &PartialDate) -> String {
    let form = if d.time().is_some_and(|t| t.milli.is_some()) {
        "%Y-%m-%dT%H:%M:%S%.3fZ"
    } else {
        "%Y-%m-%dT%H:%M:%SZ"
    };
    resolve::to_ndt(d.start()).map_or_else(|| d.iso(), |t| t.format(form).to_string())
}

/// Years around year 1: `300 BC`, `100 BC - 49 AD`. markwhen ends such a range at the start of
/// its last year, so the year after ours is written.
fn bce(start: &PartialDate, end: Option<&PartialDate>, lost: &mut Lost) -> String {
    let coarse =
        [Some(start), end].into_iter().flatten().filter(|d| d.precision() != Precision::Year).count();
    lost.add("months or days before year 1, written as years", coarse);
    let label = |y: i64| if y < 1 { format!("{} BC", 1 - y) } else { format!("{y} AD") };
    match end {
        Some(end) => format!("{} - {}", label(start.year_value()), label(end.year_value() + 1)),
        None => label(start.year_value()),
    }
}
