//! Reading TimelineJS: version 3 JSON, the Google Sheets CSV layout and the older v2 JSON shapes,
//! told apart by content. What TimelineJS does silently (skip an event without a start date,
//! ignore unknown keys, cut a fractional year) is reported as a warning at `path:line:col`.

mod date;
pub mod html;
mod ids;
mod legacy;
mod sheet;
mod slide;
mod stream;

use super::fields::Ctx;
use super::json::{Spanned, Value};
use super::problem::{LoadError, did_you_mean};
use crate::model::{Era, Timeline, TitleSlide};
use std::collections::HashMap;

/// What a data file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Native,
    TimelineJs,
    Sheet,
}

/// Tells our format, TimelineJS JSON and TimelineJS CSV apart by the first bytes: a JSON object
/// whose first key is `countries` or `sources` is ours without reading further; other JSON is
/// looked at whole (`json_kind`); anything not JSON is read as a spreadsheet.
pub fn detect(text: &str) -> Kind {
    let t = text.trim_start();
    match t.as_bytes().first() {
        Some(b'{') => match first_key(t) {
            Some("countries" | "sources") => Kind::Native,
            _ => Kind::TimelineJs,
        },
        Some(b'[') | None => Kind::Native,
        Some(_) => Kind::Sheet,
    }
}

fn first_key(t: &str) -> Option<&str> {
    let rest = t[1..].trim_start().strip_prefix('"')?;
    rest.split_once('"').map(|(k, _)| k)
}

const TOP_KEYS: &[&str] = &["title", "events", "eras", "scale"];

/// Loads a TimelineJS JSON or CSV file. `Ok(None)`: the JSON is our own format after all.
pub fn load(path: &str, text: &str, kind: Kind) -> Result<Option<Timeline>, LoadError> {
    let (im, read) = Importer::read(path, text, kind);
    if let stream::Read::Native = read {
        return Ok(None);
    }
    let Importer { mut cx, mut timeline, ids, suffixes } = im;
    drop((ids, suffixes));
    if !cx.problems.is_empty() {
        let warnings = cx.warning_lines();
        return Err(LoadError { problems: cx.problems, unlisted: cx.unlisted, warnings });
    }
    timeline.warnings = cx.warning_lines();
    crate::model::sort_events(&mut timeline.events);
    Ok(Some(timeline))
}

/// Where each event of a TimelineJS file starts (byte offsets by event id): the same ids the
/// loader gives, so that the browser can open an editor at an event.
pub fn event_offsets(path: &str, text: &str, kind: Kind) -> HashMap<String, usize> {
    let im = Importer::read(path, text, kind).0;
    im.ids.offsets(&im.timeline.events)
}

struct Importer<'a> {
    cx: Ctx<'a>,
    timeline: Timeline,
    /// Ids used so far, and where.
    ids: ids::Ids,
    /// For each id made from a headline and year that was taken, the next number to try
    /// (`x-1999-2`, `x-1999-3`, …): a million slides of one headline stay linear.
    suffixes: HashMap<String, usize>,
}

impl<'a> Importer<'a> {
    /// Reads a TimelineJS sheet or JSON file into a new importer; `Read::Native` if the JSON is
    /// our own format after all.
    fn read(path: &'a str, text: &'a str, kind: Kind) -> (Self, stream::Read) {
        let mut im = Importer {
            cx: Ctx::new(path, text),
            timeline: Timeline::default(),
            ids: ids::Ids::default(),
            suffixes: HashMap::new(),
        };
        im.reserve(crate::load::fields::events_to_reserve(most_events(text, kind)));
        let read = match kind {
            Kind::Sheet => {
                sheet::read(&mut im, text);
                stream::Read::Done
            }
            _ => im.read_json(text),
        };
        (im, read)
    }
}

impl Importer<'_> {
    fn document(&mut self, v: &Spanned) {
        let Value::Object(members) = &v.value else {
            let found = v.value.type_name();
            self.cx.at(
                v.at,
                format!("expected a TimelineJS file to be an object `{{\"events\": […]}}`, found {found}"),
            );
            return;
        };
        for (k, _) in members {
            if !TOP_KEYS.contains(&k.name.as_str()) {
                let hint = did_you_mean(&k.name, TOP_KEYS)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                self.cx.warn(
                    k.at,
                    format!("unknown key `{}` in a TimelineJS file, which TimelineJS ignores{hint}", k.name),
                );
            }
        }
        let get = |name: &str| members.iter().find(|(k, _)| k.name == name).map(|(_, v)| v);
        if let Some(t) = get("title") {
            self.title(t);
        }
        match get("events").map(|e| &e.value) {
            Some(Value::Array(items)) => {
                for item in items {
                    self.slide(item);
                }
            }
            Some(other) => {
                let at = get("events").map_or(v.at, |e| e.at);
                self.cx
                    .at(at, format!("expected `events` to be an array `[…]`, found {}", other.type_name()));
            }
            None => self.cx.at(v.at, "a TimelineJS file needs `events`, an array of slides"),
        }
        if let Some(eras) = get("eras") {
            match &eras.value {
                Value::Array(items) => {
                    for item in items {
                        self.era(item);
                    }
                }
                other => self.cx.at(
                    eras.at,
                    format!("expected `eras` to be an array `[…]`, found {}", other.type_name()),
                ),
            }
        }
        if let Some(scale) = get("scale")
            && !matches!(&scale.value, Value::String(s) if s == "human" || s == "cosmological")
        {
            self.cx.warn(scale.at, "`scale` is `human` or `cosmological`; ignored");
        }
    }

    fn title(&mut self, v: &Spanned) {
        let Some((headline, text, _)) = self.text_of(v) else { return };
        let media = slide::field(v, "media").and_then(|m| self.media(m));
        let (background, background_url) = self.background(v).unzip();
        let background_url = background_url.flatten();
        self.timeline.title = Some(TitleSlide { headline, text, media, background, background_url });
    }

    fn era(&mut self, v: &Spanned) {
        let Value::Object(_) = &v.value else {
            self.cx.at(v.at, format!("expected an era to be an object, found {}", v.value.type_name()));
            return;
        };
        let (Some(start_v), Some(end_v)) = (slide::field(v, "start_date"), slide::field(v, "end_date"))
        else {
            self.cx
                .warn(v.at, "an era needs a start_date and an end_date; TimelineJS skips it, and so do we");
            return;
        };
        let start = date::date_object(&mut self.cx, start_v, "era start date");
        let end = date::date_object(&mut self.cx, end_v, "era end date");
        let (Ok(Some((start, ..))), Ok(Some((end, ..)))) = (start, end) else { return };
        let (headline, text) = self.text_of(v).map(|(h, t, _)| (h, t)).unwrap_or_default();
        self.timeline.eras.push(Era { start, end, headline, text });
    }
}

/// At least as many events as `text` can hold: one a line of a sheet, one a `start_date` key of
/// JSON. Reserved up front (see `Importer::reserve`), the events never move to a table twice as
/// big while the old one is still held: a file of tiny rows peaked at 1.8 times its events for
/// that alone.
fn most_events(text: &str, kind: Kind) -> usize {
    match kind {
        Kind::Sheet => memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1,
        _ => memchr::memmem::find_iter(text.as_bytes(), b"\"start_date\"").count(),
    }
}

/// Whether an event id is taken; used by the slide reader to keep ids unique.
impl Importer<'_> {
    /// Room for `events` events. What is reserved and not used is never touched, so it takes
    /// address space, not memory; a reservation the system refuses (a file of millions of junk
    /// lines) is skipped, and the events grow as they come. The id table is not reserved: its
    /// empty slots are written when it is made, which a file of junk rows would pay for.
    fn reserve(&mut self, events: usize) {
        let _ = self.timeline.events.try_reserve_exact(events);
    }

    /// Gives `id` to the event being read (the next one pushed), or says where it was given.
    fn claim_id(&mut self, id: String, at: usize) -> Result<String, usize> {
        let events = &self.timeline.events;
        match self.ids.get(events, &id) {
            Some(first) => Err(first),
            None => {
                self.ids.insert(events, &id, at);
                Ok(id)
            }
        }
    }
}
