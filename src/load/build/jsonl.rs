//! Reading back the `jsonl` export: each line is parsed on its own (the file is never one tree)
//! and mapped onto the pieces of our own format, which the same builder checks. An event line
//! describes its countries and the sources of its quotes in full; the first description of a
//! country or a source becomes the data set's entry, and later ones must agree with it (or give
//! only the code, the file). Keys the export derives from the others (`verified`, `edtf`,
//! `date_label`, an event's `eras`) are not read back; `edtf` is checked against `date` and `end`.

use super::{Builder, in_file_order};
use crate::load::DataInput;
use crate::load::articles::ArticleKey;
use crate::load::json::{Key, Spanned, Value};
use crate::load::jsonl::{self, TYPES};
use crate::load::problem::{LoadError, did_you_mean};
use crate::model::Timeline;
use std::collections::HashMap;

/// The keys of an event line: those of an event of our format, `links`, and the derived ones.
const EVENT_KEYS: &[&str] = &[
    "type",
    "id",
    "date",
    "end",
    "status",
    "kind",
    "title",
    "title_vi",
    "summary",
    "countries",
    "places",
    "people",
    "sources",
    "verified",
    "group",
    "edtf",
    "date_label",
    "display_date",
    "media",
    "background",
    "background_url",
    "autolink",
    "tags",
    "links",
    "eras",
];
/// What the export writes for scripts, derived from the rest: not read back.
const DERIVED: &[&str] = &["type", "verified", "date_label", "eras"];
/// A quote's keys besides `file` and `quote`: its source's description, and the sentence around
/// it (`show --json`), which is not read back.
const CITATION_OPTIONAL: &[&str] = &["outlet", "published", "language", "headline", "about", "context"];
/// The part of a citation that describes its source.
const SOURCE_KEYS: &[&str] = &["file", "outlet", "published", "language", "headline", "about"];
const COUNTRY_KEYS: &[&str] = &["code", "name", "name_vi"];

/// What the lines read so far have described.
#[derive(Default)]
struct Seen {
    /// Where the title line starts.
    title: Option<usize>,
    /// Each country code's first description.
    countries: HashMap<String, Vec<(Key, Spanned)>>,
    /// Each source file's first description.
    sources: HashMap<String, Vec<(Key, Spanned)>>,
}

/// Loads a JSON lines data set (`text` is `input`'s text without a byte-order mark).
pub(super) fn build(
    input: &DataInput,
    text: &str,
    progress: &mut dyn FnMut(f64),
) -> Result<(Timeline, Vec<ArticleKey>), LoadError> {
    let mut b = Builder::new(input, text);
    let mut seen = Seen::default();
    let len = text.len().max(1) as f64;
    for (n, line) in jsonl::lines(text).enumerate() {
        if n % 4096 == 4095 {
            progress(line.0 as f64 / len);
        }
        match jsonl::item(text, line) {
            None => {}
            Some(Ok(v)) => b.line(v, &mut seen),
            Some(Err(e)) => b.cx.at(e.at, format!("JSON syntax error: {}", e.message)),
        }
    }
    b.resolve_entities();
    let keys = b.finish();
    if !b.cx.problems.is_empty() {
        return Err(in_file_order(&mut b.cx, &input.path));
    }
    let warnings = b.cx.warning_lines();
    let mut t = b.timeline;
    t.warnings = warnings;
    crate::model::sort_events(&mut t.events);
    Ok((t, keys))
}

/// The first member of each name in `names`, in file order (repeated ones are reported apart).
fn first_of(members: Vec<(Key, Spanned)>, names: &[&str]) -> Vec<(Key, Spanned)> {
    let mut out: Vec<(Key, Spanned)> = Vec::with_capacity(members.len());
    for (k, v) in members {
        if names.contains(&k.name.as_str()) && !out.iter().any(|(o, _)| o.name == k.name) {
            out.push((k, v));
        }
    }
    out
}

/// `first_of` for members that stay where they are.
fn first_of_copied(members: &[(Key, Spanned)], names: &[&str]) -> Vec<(Key, Spanned)> {
    let wanted = members.iter().filter(|(k, _)| names.contains(&k.name.as_str()));
    first_of(wanted.cloned().collect(), names)
}

/// `members` without the keys in `drop`, and without an empty `text` (the export writes the
/// text of a title or an era even when there is none).
fn without(members: Vec<(Key, Spanned)>, drop: &[&str]) -> Vec<(Key, Spanned)> {
    let empty = |k: &Key, v: &Spanned| k.name == "text" && v.value == Value::String(String::new());
    members.into_iter().filter(|(k, v)| !drop.contains(&k.name.as_str()) && !empty(k, v)).collect()
}

fn get<'m>(members: &'m [(Key, Spanned)], name: &str) -> Option<&'m Spanned> {
    members.iter().find(|(k, v)| k.name == name && v.value != Value::Null).map(|(_, v)| v)
}

/// A value as a message quotes it: a string (its first 40 characters), else its type.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => crate::load::problem::excerpt(s),
        other => other.type_name().to_string(),
    }
}

impl Builder<'_> {
    /// One line's item, by its `type`.
    fn line(&mut self, v: Spanned, seen: &mut Seen) {
        let Value::Object(members) = v.value else {
            let found = v.value.type_name();
            self.cx.at(v.at, format!("expected an object `{{…}}` on each line, found {found}"));
            return;
        };
        let at = v.at;
        let kind = match get(&members, "type").map(|t| (t.at, &t.value)) {
            None => {
                self.cx.at(at, "a line needs a `type`: `title`, `era` or `event`");
                return;
            }
            Some((_, Value::String(s))) if TYPES.contains(&s.as_str()) => s.clone(),
            Some((t, Value::String(s))) => {
                let hint =
                    did_you_mean(s, TYPES).map_or_else(String::new, |k| format!("did you mean `{k}`? "));
                self.cx.at(t, format!("unknown type `{s}`; {hint}types are title, era and event"));
                return;
            }
            Some((t, other)) => {
                let found = other.type_name();
                self.cx.at(t, format!("expected `type` to be a string, found {found}"));
                return;
            }
        };
        match kind.as_str() {
            "title" => {
                if let Some(first) = seen.title {
                    let first = self.cx.pos(first);
                    self.cx.at(
                        at,
                        format!("a second title (the first is at {first}); a data set has one title"),
                    );
                    return;
                }
                seen.title = Some(at);
                self.title_slide(&Spanned { at, value: Value::Object(without(members, &["type"])) });
            }
            "era" => {
                self.era(&Spanned { at, value: Value::Object(without(members, &["type", "date_label"])) })
            }
            _ => self.line_event(at, members, seen),
        }
    }

    /// An event line, as an event of our format.
    fn line_event(&mut self, at: usize, members: Vec<(Key, Spanned)>, seen: &mut Seen) {
        // Unknown and repeated keys are reported here; the builder sees the first of each.
        let whole = Spanned { at, value: Value::Object(members) };
        let _ = self.cx.fields(&whole, "an event", &[], EVENT_KEYS);
        let Value::Object(members) = whole.value else { return };
        let (mut event, mut edtf, mut sources, mut links) = (Vec::new(), None, None, None);
        for (key, v) in first_of(members, EVENT_KEYS) {
            match key.name.as_str() {
                "edtf" => edtf = Some(v),
                name if DERIVED.contains(&name) => {}
                "countries" => event.extend(self.line_countries(v, seen).map(|c| (key, c))),
                "sources" => sources = Some((key, v)),
                "links" => links = Some((key, v)),
                _ => event.push((key, v)),
            }
        }
        event.extend(self.line_sources(sources, links, seen));
        let n = self.timeline.events.len();
        self.event(&Spanned { at, value: Value::Object(event) });
        if let (Some(e), Some(edtf)) = (self.timeline.events.get(n), edtf) {
            let read = e.edtf();
            match &edtf.value {
                Value::String(s) if *s == read => {}
                Value::String(s) => self.cx.warn(
                    edtf.at,
                    format!("`edtf` `{s}` does not agree with `date` and `end` (`{read}`); they are read, not `edtf`"),
                ),
                Value::Null => {}
                other => self.cx.warn(edtf.at, format!("`edtf` should be a string, not {}; ignored", other.type_name())),
            }
        }
    }

    /// An event's `countries`, described in full, as our format's list of codes; `None` when
    /// there are none (the export writes `[]`) or none could be read (each was reported).
    fn line_countries(&mut self, v: Spanned, seen: &mut Seen) -> Option<Spanned> {
        let Value::Array(items) = v.value else { return Some(v) };
        let codes: Vec<Spanned> = items.into_iter().filter_map(|c| self.line_country(c, seen)).collect();
        (!codes.is_empty()).then_some(Spanned { at: v.at, value: Value::Array(codes) })
    }

    /// One country `{"code", "name", "name_vi"}`: declared the first time its code is seen, then
    /// its code. A bare code is left to the builder (a country described on an earlier line).
    fn line_country(&mut self, c: Spanned, seen: &mut Seen) -> Option<Spanned> {
        let Value::Object(members) = &c.value else { return Some(c) };
        let Some(code_v) = get(members, "code").filter(|v| matches!(v.value, Value::String(_))) else {
            self.country(&c);
            return None;
        };
        let Value::String(code) = &code_v.value else { return None };
        match seen.countries.get(code) {
            None => {
                self.country(&c);
                seen.countries.insert(code.clone(), first_of_copied(members, COUNTRY_KEYS));
            }
            Some(first) if self.codes.contains_key(code) => {
                let _ = self.cx.fields(&c, "a country", &["code"], &COUNTRY_KEYS[1..]);
                self.described_again(&c, first, COUNTRY_KEYS, &format!("country `{code}`"));
            }
            Some(_) => {}
        }
        // A country with a problem was reported where it was described.
        self.codes.contains_key(code).then(|| Spanned { at: code_v.at, value: Value::String(code.clone()) })
    }

    /// An event's quotes and links as our format's `sources`; `None` when there are none.
    fn line_sources(
        &mut self,
        sources: Option<(Key, Spanned)>,
        links: Option<(Key, Spanned)>,
        seen: &mut Seen,
    ) -> Option<(Key, Spanned)> {
        let (key, at, items) = match sources {
            Some((key, Spanned { at, value: Value::Array(items) })) => (key, at, items),
            // Not an array: the builder says so.
            Some((key, v)) if v.value != Value::Null => return Some((key, v)),
            _ => {
                let (key, v) = links.as_ref()?;
                (Key { at: key.at, name: "sources".into() }, v.at, Vec::new())
            }
        };
        let mut cites: Vec<Spanned> = items.into_iter().filter_map(|c| self.line_citation(c, seen)).collect();
        if let Some((_, v)) = links {
            match v.value {
                Value::Array(items) => cites.extend(items.into_iter().filter_map(|l| self.line_link(l))),
                Value::Null => {}
                other => {
                    let found = other.type_name();
                    self.cx.at(v.at, format!("expected `links` to be an array `[…]`, found {found}"));
                }
            }
        }
        (!cites.is_empty()).then_some((key, Spanned { at, value: Value::Array(cites) }))
    }

    /// A link `{"url", "title"}`, kept for the builder; anything else is reported.
    fn line_link(&mut self, l: Spanned) -> Option<Spanned> {
        match &l.value {
            Value::Object(m) if get(m, "url").is_some() => Some(l),
            _ => {
                let _ = self.cx.fields(&l, "a link", &["url"], &["title"]);
                None
            }
        }
    }

    /// A quote with its source: the source is declared the first time its file is seen; the
    /// builder gets our format's `{"file", "quote"}`. A `{"url"}` among the quotes is a link, as
    /// in our format.
    fn line_citation(&mut self, c: Spanned, seen: &mut Seen) -> Option<Spanned> {
        let Value::Object(members) = &c.value else { return Some(c) };
        if get(members, "url").is_some() {
            return Some(c);
        }
        let f = self.cx.fields(&c, "a citation", &["file", "quote"], CITATION_OPTIONAL)?;
        let (file_v, _quote) = (f.get("file")?, f.get("quote")?);
        let file = self.cx.string(file_v, "a source file name")?.to_string();
        match seen.sources.get(&file) {
            None => {
                let mut source = first_of_copied(members, SOURCE_KEYS);
                seen.sources.insert(file, source.clone());
                // The evidence of our format is what the events quote: the export writes it back.
                let evidence = Spanned { at: c.at, value: Value::Array(Vec::new()) };
                source.push((Key { at: c.at, name: "evidence".into() }, evidence));
                self.source(&Spanned { at: c.at, value: Value::Object(source) });
            }
            Some(first) if self.files.get(&file).is_some_and(|e| e.source.is_some()) => {
                self.described_again(&c, first, SOURCE_KEYS, &format!("source `{file}`"));
            }
            // A source with a problem was reported where it was described.
            Some(_) => {}
        }
        let Value::Object(members) = c.value else { return None };
        Some(Spanned { at: c.at, value: Value::Object(first_of(members, &["file", "quote"])) })
    }

    /// A country or a source described again: what it says must be what it said first (it may
    /// leave out what was said).
    fn described_again(&mut self, again: &Spanned, first: &[(Key, Spanned)], keys: &[&str], what: &str) {
        let Value::Object(members) = &again.value else { return };
        for name in keys {
            let Some(now) = get(members, name) else { continue };
            let was = get(first, name);
            if was.is_some_and(|w| w.value == now.value) {
                continue;
            }
            let was = was.map_or_else(
                || "not given".to_string(),
                |w| format!("{} at {}", shown(&w.value), self.cx.pos(w.at)),
            );
            let message = format!(
                "{what} has `{name}` {} here but {was}; describe it the same way on every line, or give only its {}",
                shown(&now.value),
                keys[0],
            );
            self.cx.at(now.at, message);
        }
    }
}
