//! An event as JSON: the objects of `list --json`, `show --json` and the `jsonl` export.

use crate::model::context::quote_context;
use crate::model::{Event, Link, Media, Timeline};
use serde::Serialize;

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
        date: e.date_edtf(),
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
        edtf: e.edtf(),
        date_label: e.date_label(),
        display_date: e.extra.as_ref().and_then(|x| x.display_date.as_deref()),
        media: e.media(),
        background: e.extra.as_ref().and_then(|x| x.background.as_deref()),
        links: e.links(),
        eras: t
            .eras
            .iter()
            .filter(|era| e.overlaps(Some(&era.start), Some(&era.end)))
            .map(|era| era.headline.as_str())
            .collect(),
    }
}
