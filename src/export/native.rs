//! Our own format, so that a TimelineJS file can be converted once, then curated and quoted.
//! Only the countries and sources the chosen events use are written; the articles stay where
//! they are (load the result with `--articles` pointing at them).

use crate::model::{EntityKind, Event, Media, OpenEnd, Timeline};
use serde::Serialize;
use std::borrow::Cow;

#[derive(Serialize)]
pub struct Document<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<Title<'a>>,
    countries: Vec<Country<'a>>,
    sources: Vec<Source<'a>>,
    events: Vec<NativeEvent<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    eras: Vec<Era<'a>>,
}

#[derive(Serialize)]
struct Title<'a> {
    headline: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    media: Option<MediaOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    background: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    background_url: Option<&'a str>,
}

#[derive(Serialize)]
struct Country<'a> {
    code: &'a str,
    name: &'a str,
    name_vi: &'a str,
}

#[derive(Serialize)]
struct Source<'a> {
    file: &'a str,
    outlet: &'a str,
    published: String,
    language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'a str>,
    about: &'a str,
    evidence: Vec<&'a str>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Cite<'a> {
    Quote {
        file: &'a str,
        quote: &'a str,
    },
    Link {
        url: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<&'a str>,
    },
}

#[derive(Serialize)]
struct NativeEvent<'a> {
    id: Cow<'a, str>,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    status: &'static str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    countries: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    places: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    people: Vec<&'a str>,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title_vi: Option<&'a str>,
    summary: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<Cite<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    background: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    background_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    media: Option<MediaOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    autolink: Option<bool>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
}

#[derive(Serialize)]
struct Era<'a> {
    start: String,
    end: String,
    headline: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    text: &'a str,
}

/// Media as our format writes it: only the fields that are set.
struct MediaOut<'a>(&'a Media);

impl Serialize for MediaOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        let media = self.0;
        m.serialize_entry("url", &media.url)?;
        for (k, v) in [
            ("caption", &media.caption),
            ("credit", &media.credit),
            ("thumbnail", &media.thumbnail),
            ("alt", &media.alt),
            ("title", &media.title),
            ("link", &media.link),
            ("link_target", &media.link_target),
        ] {
            if let Some(v) = v {
                m.serialize_entry(k, v)?;
            }
        }
        m.end()
    }
}

/// The date with its interval ends, as our `date` field holds it.
pub fn date_field(e: &Event) -> (String, Option<String>) {
    let d = e.date.iso();
    let mark = |o: Option<OpenEnd>| match o {
        Some(OpenEnd::Open) => "..",
        _ => "",
    };
    match (e.open.start, e.open.end, e.end) {
        (Some(s), _, _) => (format!("{}/{d}", mark(Some(s))), None),
        (None, Some(x), _) => (format!("{d}/{}", mark(Some(x))), None),
        (None, None, end) => (d, end.map(|x| x.iso())),
    }
}

pub fn document<'a>(t: &'a Timeline, events: &[&'a Event]) -> Document<'a> {
    // By code and by file name, not in the order they were read: a data set read back from
    // `jsonl`, which names them inside its events, is then written the same.
    let mut countries: Vec<usize> = events.iter().flat_map(|e| e.countries.iter().copied()).collect();
    countries.sort_unstable_by(|&a, &b| t.countries[a].code.cmp(&t.countries[b].code).then(a.cmp(&b)));
    countries.dedup();
    let mut sources: Vec<usize> = events.iter().flat_map(|e| e.citations.iter().map(|c| c.source)).collect();
    sources.sort_unstable_by(|&a, &b| t.sources[a].file.cmp(&t.sources[b].file).then(a.cmp(&b)));
    sources.dedup();
    let mut ids = super::slugs::Slugs::new(events);
    Document {
        title: t.title.as_ref().map(|s| Title {
            headline: &s.headline,
            text: &s.text,
            media: s.media.as_ref().map(MediaOut),
            background: s.background.as_deref(),
            background_url: s.background_url.as_deref(),
        }),
        countries: countries
            .iter()
            .map(|&c| {
                let c = &t.countries[c];
                Country { code: &c.code, name: &c.name, name_vi: &c.name_vi }
            })
            .collect(),
        sources: sources.iter().map(|&i| source(t, events, i)).collect(),
        events: events.iter().map(|e| event(t, e, &mut ids)).collect(),
        eras: t
            .eras
            .iter()
            .map(|e| Era { start: e.start.iso(), end: e.end.iso(), headline: &e.headline, text: &e.text })
            .collect(),
    }
}

fn source<'a>(t: &'a Timeline, events: &[&'a Event], i: usize) -> Source<'a> {
    let s = &t.sources[i];
    let evidence =
        events.iter().flat_map(|e| &e.citations).filter(|c| c.source == i).map(|c| c.quote.as_str());
    Source {
        file: &s.file,
        outlet: &s.outlet,
        published: s.published.to_string(),
        language: &s.language,
        headline: s.headline.as_deref(),
        about: &s.about,
        evidence: evidence.collect(),
    }
}

fn event<'a>(t: &'a Timeline, e: &'a Event, ids: &mut super::slugs::Slugs) -> NativeEvent<'a> {
    let id = ids.of(Cow::Borrowed(&e.id));
    let (date, end) = date_field(e);
    let x = e.extra.as_deref();
    let quotes = e.citations.iter().map(|c| Cite::Quote { file: &t.sources[c.source].file, quote: &c.quote });
    let links = e.links().iter().map(|l| Cite::Link { url: &l.url, title: l.title.as_deref() });
    NativeEvent {
        id,
        date,
        end,
        status: e.status.as_str(),
        kind: e.kind.as_str(),
        countries: e.countries.iter().map(|&c| t.countries[c].code.as_str()).collect(),
        places: t.name_list(e, EntityKind::Place),
        people: t.name_list(e, EntityKind::Person),
        title: &e.title,
        title_vi: e.title_vi(),
        summary: &e.summary,
        sources: quotes.chain(links).collect(),
        group: e.group(),
        display_date: x.and_then(|x| x.display_date.as_deref()),
        background: x.and_then(|x| x.background.as_deref()),
        background_url: x.and_then(|x| x.background_url.as_deref()),
        media: e.media().map(MediaOut),
        autolink: x.and_then(|x| x.autolink),
        tags: x.map_or(&[], |x| &x.tags),
    }
}
