//! The older TimelineJS shapes, `{"timeline": {"date": […]}}` (version 2) and
//! `{"timeline": {"slides": […]}}`, turned into the version 3 document as they are read.

use super::slide::field;
use crate::load::fields::Ctx;
use crate::load::json::{Key, Spanned, Value};

fn key(name: &str, at: usize) -> Key {
    Key { at, name: name.into() }
}

fn string(at: usize, s: &str) -> Spanned {
    Spanned { at, value: Value::String(s.into()) }
}

/// The version 3 document for `v`: `v` itself unless it is an older shape.
pub fn upgrade(cx: &mut Ctx, v: Spanned) -> Option<Spanned> {
    let Some(tl) = field(&v, "timeline") else { return Some(v) };
    if let Some(slides) = field(tl, "slides") {
        cx.warn(slides.at, "`timeline.slides` is an old TimelineJS shape; read as TimelineJS 3 `events`");
        let mut top = vec![(key("events", slides.at), slides.clone())];
        if let Some(t) = field(tl, "title") {
            top.push((key("title", t.at), t.clone()));
        }
        return Some(Spanned { at: v.at, value: Value::Object(top) });
    }
    let Some(Value::Array(dates)) = field(tl, "date").map(|d| &d.value) else {
        cx.at(
            tl.at,
            "this `timeline` object is neither TimelineJS 2 (`timeline.date`) nor 3 (`events` at the top); \
             open it in the TimelineJS 3 editor, or move its slides into a top-level `events` array",
        );
        return None;
    };
    let at = field(tl, "date").map_or(tl.at, |d| d.at);
    cx.warn(at, "this is a TimelineJS 2 file (`timeline.date`); converted to TimelineJS 3 as it is read");
    let events = dates.iter().filter_map(|d| slide(cx, d)).collect();
    let mut top = vec![(key("events", at), Spanned { at, value: Value::Array(events) })];
    if field(tl, "headline").is_some() || field(tl, "text").is_some() {
        top.push((
            key("title", tl.at),
            Spanned { at: tl.at, value: Value::Object(vec![(key("text", tl.at), text(tl))]) },
        ));
    }
    if let Some(Value::Array(eras)) = field(tl, "era").map(|e| &e.value) {
        let eras = eras.iter().filter_map(|e| slide(cx, e)).collect();
        top.push((key("eras", at), Spanned { at, value: Value::Array(eras) }));
    }
    Some(Spanned { at: v.at, value: Value::Object(top) })
}

fn text(v: &Spanned) -> Spanned {
    let mut m = Vec::new();
    for name in ["headline", "text"] {
        if let Some(f) = field(v, name) {
            m.push((key(name, f.at), f.clone()));
        }
    }
    Spanned { at: v.at, value: Value::Object(m) }
}

/// `"1966,5,7"` or `"1966,5,7,14,30"` as a version 3 date object.
fn date(cx: &mut Ctx, v: &Spanned) -> Option<Spanned> {
    let Value::String(s) = &v.value else {
        cx.at(
            v.at,
            format!("expected a TimelineJS 2 date such as \"1966,5,7\", found {}", v.value.type_name()),
        );
        return None;
    };
    let names = ["year", "month", "day", "hour", "minute", "second"];
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    if parts.len() > names.len() {
        cx.at(
            v.at,
            format!("`{s}` has too many parts for a TimelineJS 2 date (year,month,day,hour,minute,second)"),
        );
        return None;
    }
    let m =
        names.iter().zip(parts).filter(|(_, p)| !p.is_empty()).map(|(n, p)| (key(n, v.at), string(v.at, p)));
    Some(Spanned { at: v.at, value: Value::Object(m.collect()) })
}

fn slide(cx: &mut Ctx, d: &Spanned) -> Option<Spanned> {
    let Value::Object(members) = &d.value else {
        cx.at(d.at, format!("expected a TimelineJS 2 slide to be an object, found {}", d.value.type_name()));
        return None;
    };
    let known = ["startDate", "endDate", "headline", "text", "tag", "asset", "classname", "type"];
    for (k, _) in members {
        if !known.contains(&k.name.as_str()) {
            cx.warn(
                k.at,
                format!("unknown key `{}` in a TimelineJS 2 slide, which TimelineJS ignores", k.name),
            );
        }
    }
    let mut m = vec![(key("text", d.at), text(d))];
    for (old, new) in [("startDate", "start_date"), ("endDate", "end_date")] {
        if let Some(v) = field(d, old) {
            m.push((key(new, v.at), date(cx, v)?));
        }
    }
    if let Some(tag) = field(d, "tag") {
        m.push((key("group", tag.at), tag.clone()));
    }
    if let Some(asset) = field(d, "asset") {
        let mut media = Vec::new();
        for (old, new) in
            [("media", "url"), ("credit", "credit"), ("caption", "caption"), ("thumbnail", "thumbnail")]
        {
            if let Some(v) = field(asset, old) {
                media.push((key(new, v.at), v.clone()));
            }
        }
        m.push((key("media", asset.at), Spanned { at: asset.at, value: Value::Object(media) }));
    }
    Some(Spanned { at: d.at, value: Value::Object(m) })
}
