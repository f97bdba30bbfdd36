//! Reading a TimelineJS JSON file as a stream: each slide of `events` is parsed into its own
//! small tree, turned into an event and dropped, so that a file of a million slides is never one
//! tree in memory (which took 20 times the file's size). Messages come in the order, and at the
//! positions, that reading the whole tree gave: the title's, the events', the eras', the scale's.

use super::{Importer, TOP_KEYS, legacy};
use crate::load::json::{self, Key, Spanned, Value};
use crate::load::problem::{Problem, did_you_mean};

/// Which part of the document a problem is about; problems are listed in this order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Title,
    Events,
    Eras,
    Scale,
}

/// What the items of the array being read are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Items {
    /// Slides of the first `events`; `true` until its first item has been seen.
    Events(bool),
    /// Items of a later `events` array: only looked at to tell our own format.
    OtherEvents(bool),
    Eras,
    Skip,
}

/// What the top level has shown so far.
struct Top {
    /// The top-level keys of the document met so far (the first of each counts).
    seen: Vec<&'static str>,
    items: Items,
    /// The file is our own format after all (a `countries` or `sources` key, or events with
    /// `id` or `date`).
    native: bool,
    /// The first non-null `timeline` member: an older TimelineJS shape, read whole.
    legacy: Option<Spanned>,
    /// Where the problems of each part start, in the order they were found.
    runs: Vec<(Part, usize)>,
}

/// What reading the JSON file gave.
pub enum Read {
    /// The file is our own format.
    Native,
    /// Read (problems, if any, are in the importer's context).
    Done,
}

/// An event of our own format has an `id` or a `date`, which no TimelineJS slide has.
fn is_native_event(v: &Spanned) -> bool {
    matches!(&v.value, Value::Object(f) if f.iter().any(|(k, _)| k.name == "id" || k.name == "date"))
}

impl Importer<'_> {
    /// Reads a TimelineJS JSON file into the importer's timeline, one slide at a time.
    pub(super) fn read_json(&mut self, text: &str) -> Read {
        let mut top =
            Top { seen: Vec::new(), items: Items::Skip, native: false, legacy: None, runs: Vec::new() };
        let parsed = json::parse_top_level(text, &mut |item| self.top_item(&mut top, item));
        let at = match parsed {
            Err(e) => {
                // As when the file was read whole: a syntax error is the only message.
                (self.cx.problems, self.cx.unlisted) = (Vec::new(), 0);
                self.cx.at(e.at, format!("JSON syntax error: {}", e.message));
                return Read::Done;
            }
            Ok(Err(_)) => return Read::Native,
            Ok(Ok(_)) if top.native => return Read::Native,
            Ok(Ok(at)) => at,
        };
        if let Some(tl) = top.legacy.take() {
            self.restart();
            let doc = Spanned { at, value: Value::Object(vec![(Key { at, name: "timeline".into() }, tl)]) };
            if let Some(doc) = legacy::upgrade(&mut self.cx, doc) {
                self.document(&doc);
            }
            return Read::Done;
        }
        if !top.seen.contains(&"events") {
            self.part(&mut top, Part::Events);
            self.cx.at(at, "a TimelineJS file needs `events`, an array of slides");
        }
        let problems = std::mem::take(&mut self.cx.problems);
        self.cx.problems = in_part_order(problems, &top.runs);
        Read::Done
    }

    /// Forgets what was read, for an older shape that is read again whole.
    fn restart(&mut self) {
        (self.cx.problems, self.cx.unlisted, self.cx.warnings) = (Vec::new(), 0, Vec::new());
        self.cx.unlisted_warnings = (0, None);
        self.timeline = Default::default();
        (self.ids, self.suffixes) = Default::default();
    }

    /// Notes that the problems found from now on are about `part`.
    fn part(&self, top: &mut Top, part: Part) {
        if top.runs.last().is_none_or(|r| r.0 != part) {
            top.runs.push((part, self.cx.problems.len()));
        }
    }

    fn top_item(&mut self, top: &mut Top, item: json::Top) {
        match item {
            json::Top::Member(key, v) => match self.top_key(top, key) {
                Some(name) => self.member(top, name, &v),
                None if key.name == "timeline" && top.legacy.is_none() && v.value != Value::Null => {
                    top.legacy = Some(v);
                }
                None => {}
            },
            json::Top::ArrayStart(key, at) => {
                // Of an array that is not `events` or `eras`, only where it starts matters.
                let empty = Spanned { at, value: Value::Array(Vec::new()) };
                let first = self.top_key(top, key);
                if key.name == "timeline" && top.legacy.is_none() {
                    top.legacy = Some(empty.clone());
                }
                top.items = match (key.name.as_str(), first) {
                    ("events", Some(_)) => Items::Events(true),
                    ("events", None) => Items::OtherEvents(true),
                    ("eras", Some(_)) => Items::Eras,
                    (_, Some(name)) => {
                        self.member(top, name, &empty);
                        Items::Skip
                    }
                    _ => Items::Skip,
                };
            }
            json::Top::Item(_, v) => self.item(top, v),
        }
    }

    /// Warns of an unknown key and notes what marks another format; the key's name if it is the
    /// first of a key TimelineJS reads.
    fn top_key(&mut self, top: &mut Top, key: &Key) -> Option<&'static str> {
        let name = key.name.as_str();
        top.native |= name == "countries" || name == "sources";
        let Some(&known) = TOP_KEYS.iter().find(|k| **k == name) else {
            let hint =
                did_you_mean(name, TOP_KEYS).map(|s| format!("; did you mean `{s}`?")).unwrap_or_default();
            self.cx.warn(
                key.at,
                format!("unknown key `{name}` in a TimelineJS file, which TimelineJS ignores{hint}"),
            );
            return None;
        };
        if top.seen.contains(&known) {
            return None;
        }
        top.seen.push(known);
        Some(known)
    }

    /// The first member of a name TimelineJS reads, unless it is an array of events or eras.
    fn member(&mut self, top: &mut Top, name: &str, v: &Spanned) {
        match name {
            "title" => {
                self.part(top, Part::Title);
                self.title(v);
            }
            "events" | "eras" => {
                self.part(top, if name == "events" { Part::Events } else { Part::Eras });
                let found = v.value.type_name();
                self.cx.at(v.at, format!("expected `{name}` to be an array `[…]`, found {found}"));
            }
            _ => {
                self.part(top, Part::Scale);
                if !matches!(&v.value, Value::String(s) if s == "human" || s == "cosmological") {
                    self.cx.warn(v.at, "`scale` is `human` or `cosmological`; ignored");
                }
            }
        }
    }

    /// One item of a top-level array.
    fn item(&mut self, top: &mut Top, v: &Spanned) {
        match top.items {
            Items::Events(first) | Items::OtherEvents(first) if first && is_native_event(v) => {
                top.native = true;
            }
            _ if top.native => {}
            Items::Events(_) => {
                top.items = Items::Events(false);
                self.part(top, Part::Events);
                self.slide(v);
            }
            Items::OtherEvents(_) => top.items = Items::OtherEvents(false),
            Items::Eras => {
                self.part(top, Part::Eras);
                self.era(v);
            }
            Items::Skip => {}
        }
    }
}

/// The problems, found in file order, listed part by part as reading the whole tree listed them.
fn in_part_order(problems: Vec<Problem>, runs: &[(Part, usize)]) -> Vec<Problem> {
    if runs.windows(2).all(|w| w[0].0 <= w[1].0) {
        return problems;
    }
    let total = problems.len();
    let mut rest = problems.into_iter();
    let mut keyed: Vec<(Part, Problem)> = Vec::with_capacity(total);
    for (i, &(part, start)) in runs.iter().enumerate() {
        let end = runs.get(i + 1).map_or(total, |r| r.1);
        keyed.extend(rest.by_ref().take(end - start).map(|p| (part, p)));
    }
    keyed.extend(rest.map(|p| (Part::Scale, p)));
    keyed.sort_by_key(|(part, _)| *part);
    keyed.into_iter().map(|(_, p)| p).collect()
}
