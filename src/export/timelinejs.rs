//! TimelineJS 3 JSON: the shape Knight Lab's TimelineJS reads (`title`, `events`, `eras`,
//! `scale`), used to write and, through `load::timelinejs`, to read.

use super::escape_html;
use crate::model::{Era, Event, Kind, Media, OpenEnd, PartialDate, Status, Timeline};
use crate::text::html::{exact_html, summary_html};
use serde::Serialize;

/// A TimelineJS date. Years follow TimelineJS: −500 is 500 BCE.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct TjsDate {
    pub year: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hour: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minute: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub millisecond: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_date: Option<String>,
    /// Our extension, which TimelineJS ignores: the EDTF form when the numbers cannot say it all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edtf: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct TjsText {
    pub headline: String,
    pub text: String,
}

/// TimelineJS media. Caption, credit, alt text and title are HTML to TimelineJS: they are
/// written escaped, as the reader unescapes them.
#[derive(Debug, Serialize)]
pub struct TjsMedia<'a> {
    pub url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_target: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct TjsSlide<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<TjsDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<TjsDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_date: Option<String>,
    pub text: TjsText,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<TjsMedia<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub autolink: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<&'a str>,
    /// Our extensions, which TimelineJS ignores: `planned` (absent is held) and the kind (absent
    /// is other).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct TjsEra {
    pub start_date: TjsDate,
    pub end_date: TjsDate,
    pub text: TjsText,
}

#[derive(Debug, Serialize)]
pub struct Document<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<TjsSlide<'a>>,
    pub events: Vec<TjsSlide<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub eras: Vec<TjsEra>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<&'static str>,
}

pub use crate::model::date::{from_tjs_year, to_tjs_year};

/// JavaScript dates end at ±271,821 years: beyond, TimelineJS needs its cosmological scale.
pub const HUMAN_SCALE_YEARS: i64 = 271_000;

pub fn tjs_date(d: &PartialDate) -> TjsDate {
    let t = d.time();
    TjsDate {
        year: to_tjs_year(d.year_value()),
        month: d.month_value(),
        day: d.day_value(),
        hour: t.map(|t| t.hour),
        minute: t.and_then(|t| t.minute),
        second: t.and_then(|t| t.second),
        millisecond: t.and_then(|t| t.milli),
        display_date: None,
        // TimelineJS times are local: an offset, like uncertainty, only survives in `edtf`.
        edtf: (d.is_fuzzy() || d.season_value().is_some() || t.is_some_and(|t| t.offset.is_some()))
            .then(|| d.iso()),
    }
}

fn media(m: &Media) -> TjsMedia<'_> {
    let html = |v: &Option<Box<str>>| v.as_deref().map(escape_html);
    TjsMedia {
        url: &m.url,
        caption: html(&m.caption),
        credit: html(&m.credit),
        thumbnail: m.thumbnail.as_deref(),
        alt: html(&m.alt),
        title: html(&m.title),
        link: m.link.as_deref(),
        link_target: m.link_target.as_deref(),
    }
}

/// The slide text: the summary (or the imported HTML), then each quote with its source.
fn text_html(t: &Timeline, e: &Event) -> String {
    let mut s = match e.extra.as_ref().and_then(|x| x.text_html.as_deref()) {
        Some(html) => html.to_string(),
        None => summary_html(&e.summary),
    };
    for c in &e.citations {
        let src = &t.sources[c.source];
        let article = src.headline.as_deref().map(|h| format!(", “{}”", escape_html(h))).unwrap_or_default();
        s.push_str(&format!(
            "<blockquote>{}</blockquote><p>— {}, {}{article}</p>",
            escape_html(&c.quote),
            escape_html(&src.outlet),
            src.published
        ));
    }
    for l in e.links() {
        let title = escape_html(l.title.as_deref().unwrap_or(&l.url));
        s.push_str(&format!("<p>Source: <a href=\"{}\">{title}</a></p>", escape_html(&l.url)));
    }
    s
}

fn slide<'a>(t: &Timeline, e: &'a Event) -> TjsSlide<'a> {
    let x = e.extra.as_deref();
    let display = x
        .and_then(|x| x.display_date.as_deref().map(str::to_string))
        .or_else(|| e.date_is_fuzzy().then(|| e.date_label()));
    let display = display.map(|d| escape_html(&d));
    let end = match (e.end, e.open.end) {
        (Some(end), _) => Some(tjs_date(&end)),
        (None, Some(OpenEnd::Open)) => None,
        _ => None,
    };
    let mut start = tjs_date(&e.date);
    if e.open != Default::default() {
        start.edtf = Some(crate::export::native::date_field(e).0);
    }
    TjsSlide {
        start_date: Some(start),
        end_date: end,
        display_date: display,
        text: TjsText {
            headline: exact_html(&e.title).unwrap_or_else(|| escape_html(&e.title)),
            text: text_html(t, e),
        },
        media: x.and_then(|x| x.media.as_deref()).map(media),
        group: match e.group() {
            Some(g) => Some(escape_html(g)),
            None if e.kind == Kind::Other => None,
            None => Some(e.kind.label().to_string()),
        },
        background: x
            .and_then(|x| x.background.as_deref().map(|b| background(b, x.background_url.as_deref()))),
        autolink: x.and_then(|x| x.autolink),
        unique_id: Some(&e.id),
        status: (e.status == Status::Planned).then_some("planned"),
        kind: (e.kind != Kind::Other).then(|| e.kind.as_str()),
    }
}

/// `#rrggbb`, `rgb(…)` or a colour name is a `color`; anything else an image `url`. An image URL
/// kept next to a colour is written too.
fn background(b: &str, url: Option<&str>) -> serde_json::Value {
    let key = if crate::model::extra::is_color(b) { "color" } else { "url" };
    let mut v = serde_json::json!({ key: b });
    if let Some(url) = url {
        v["url"] = serde_json::json!(url);
    }
    v
}

fn era(era: &Era) -> TjsEra {
    TjsEra {
        start_date: tjs_date(&era.start),
        end_date: tjs_date(&era.end),
        text: TjsText { headline: escape_html(&era.headline), text: escape_html(&era.text) },
    }
}

pub fn document<'a>(t: &'a Timeline, events: &[&'a Event]) -> Document<'a> {
    let title = t.title.as_ref().map(|s| TjsSlide {
        start_date: None,
        end_date: None,
        display_date: None,
        text: TjsText { headline: escape_html(&s.headline), text: escape_html(&s.text) },
        // A script URL (`javascript:` …) in it: the title's media is left out.
        media: s.media.as_ref().filter(|m| !crate::model::url::media_has_script(m)).map(media),
        group: None,
        background: s.background.as_deref().map(|b| background(b, s.background_url.as_deref())),
        autolink: None,
        unique_id: None,
        status: None,
        kind: None,
    });
    let huge = events.iter().any(|e| e.date.year_value().abs() > HUMAN_SCALE_YEARS);
    Document {
        title,
        events: events.iter().map(|e| slide(t, e)).collect(),
        eras: t.eras.iter().map(era).collect(),
        scale: huge.then_some("cosmological"),
    }
}
