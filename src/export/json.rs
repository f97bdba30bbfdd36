//! A data set as JSON objects: the items of `list --json` and the lines of the `jsonl` export
//! (the title slide, then the eras, then the events, each with its `type`), and the event of
//! `show --json`.

use crate::model::context::quote_context;
use crate::model::{EntityKind, Era, Event, Link, Media, Timeline, TitleSlide};
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, Write};

/// One item: a script that reads only `"type": "event"` sees the events as before.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Item<'a> {
    Title(TitleJson<'a>),
    Era(EraJson<'a>),
    Event(Box<EventJson<'a>>),
}

/// The data set's title slide, as the browser shows it above the events.
#[derive(Serialize)]
pub struct TitleJson<'a> {
    #[serde(rename = "type")]
    item: &'static str,
    headline: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    media: Option<&'a Media>,
    #[serde(skip_serializing_if = "Option::is_none")]
    background: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    background_url: Option<&'a str>,
}

/// A named period of the data set, as the time axis shows it.
#[derive(Serialize)]
pub struct EraJson<'a> {
    #[serde(rename = "type")]
    item: &'static str,
    headline: &'a str,
    text: &'a str,
    /// EDTF, as an event's `date` and `end`.
    start: String,
    end: String,
    /// The period in words.
    date_label: String,
}

#[derive(Serialize)]
pub struct EventJson<'a> {
    #[serde(rename = "type")]
    item: &'static str,
    id: Cow<'a, str>,
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
    places: Vec<&'a str>,
    people: Vec<&'a str>,
    sources: Vec<SourceJson<'a>>,
    /// At least one quote checked against its article.
    verified: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    /// The whole period in EDTF, a closed interval as `1964/2008` (also in `date` and `end`).
    edtf: String,
    /// The date in words, as the browser and `list` show it.
    date_label: String,
    /// The date as the author wants it shown (TimelineJS `display_date`).
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    media: Option<&'a Media>,
    #[serde(skip_serializing_if = "Option::is_none")]
    background: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    background_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    autolink: Option<bool>,
    /// markwhen tags beyond the kind and the group.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "<[Link]>::is_empty")]
    links: &'a [Link],
    /// The eras (named periods of the data set) the event falls in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    eras: Vec<&'a str>,
}

#[derive(Serialize)]
struct CountryRef<'a> {
    code: &'a str,
    name: &'a str,
    name_vi: &'a str,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    file: &'a str,
    outlet: &'a str,
    published: String,
    /// The rest of the source's description, so that the `jsonl` reader can rebuild it.
    language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'a str>,
    about: &'a str,
    quote: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<&'a str>,
}

/// The JSON form of an event; `with_context` adds each quote's surrounding sentence.
pub fn event_json<'a>(t: &'a Timeline, e: &'a Event, with_context: bool) -> EventJson<'a> {
    let x = e.extra.as_deref();
    EventJson {
        item: "event",
        id: Cow::Borrowed(&e.id),
        date: e.date_edtf(),
        end: e.end.map(|d| d.iso()),
        status: e.status.as_str(),
        kind: e.kind.as_str(),
        title: &e.title,
        title_vi: e.title_vi(),
        summary: &e.summary,
        countries: e
            .countries
            .iter()
            .map(|&c| {
                let c = &t.countries[c];
                CountryRef { code: &c.code, name: &c.name, name_vi: &c.name_vi }
            })
            .collect(),
        places: t.name_list(e, EntityKind::Place),
        people: t.name_list(e, EntityKind::Person),
        sources: e
            .citations
            .iter()
            .map(|c| {
                let s = &t.sources[c.source];
                SourceJson {
                    file: &s.file,
                    outlet: &s.outlet,
                    published: s.published.to_string(),
                    language: &s.language,
                    headline: s.headline.as_deref(),
                    about: &s.about,
                    quote: &c.quote,
                    context: with_context.then(|| &s.text[quote_context(&s.text, &c.span)]),
                }
            })
            .collect(),
        verified: e.is_verified(),
        group: e.group(),
        edtf: e.edtf(),
        date_label: e.date_label(),
        display_date: x.and_then(|x| x.display_date.as_deref()),
        media: e.media(),
        background: x.and_then(|x| x.background.as_deref()),
        background_url: x.and_then(|x| x.background_url.as_deref()),
        autolink: x.and_then(|x| x.autolink),
        tags: x.map_or(&[], |x| &x.tags),
        links: e.links(),
        eras: t
            .eras
            .iter()
            .filter(|era| e.overlaps(Some(&era.start), Some(&era.end)))
            .map(|era| era.headline.as_str())
            .collect(),
    }
}

fn title_json(s: &TitleSlide) -> TitleJson<'_> {
    TitleJson {
        item: "title",
        headline: &s.headline,
        text: &s.text,
        // A script URL (`javascript:` …) is left out, as the other exports do.
        media: s.media.as_ref().filter(|m| !crate::model::url::media_has_script(m)),
        background: s.background.as_deref().filter(|b| crate::model::url::script_scheme(b).is_none()),
        background_url: s.background_url.as_deref().filter(|b| crate::model::url::script_scheme(b).is_none()),
    }
}

fn era_json(era: &Era) -> EraJson<'_> {
    EraJson {
        item: "era",
        headline: &era.headline,
        text: &era.text,
        start: era.start.iso(),
        end: era.end.iso(),
        date_label: era.start.span_label(Some(&era.end)),
    }
}

/// The data set's title slide (if it has one) and all its eras, then `events`: what `list
/// --json` prints and the `jsonl` export writes, one item per line. Made one at a time, as they
/// are written: a million events' items at once took seven times the data file.
pub fn items<'a>(t: &'a Timeline, events: &'a [&'a Event]) -> impl Iterator<Item = Item<'a>> + 'a {
    let title = t.title.as_ref().map(|s| Item::Title(title_json(s)));
    let eras = t.eras.iter().map(|e| Item::Era(era_json(e)));
    let events = events.iter().map(|e| Item::Event(Box::new(event_json(t, e, false))));
    title.into_iter().chain(eras).chain(events)
}

/// The `jsonl` export: `items`, one JSON object per line. An id that is not a slug (a TimelineJS
/// `unique_id` such as `Tết 1968`) is written as one (`tet-1968`, `tet-1968-2` if that is taken),
/// since our reader takes slugs only; the export's note counts them.
pub fn write_lines(out: &mut impl Write, t: &Timeline, events: &[&Event]) -> io::Result<()> {
    let mut slugs = super::slugs::Slugs::new(events);
    for mut item in items(t, events) {
        if let Item::Event(e) = &mut item {
            e.id = slugs.of(e.id.clone());
        }
        serde_json::to_writer(&mut *out, &item)?;
        writeln!(out)?;
    }
    Ok(())
}
