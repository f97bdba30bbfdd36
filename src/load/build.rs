//! Turns the parsed JSON into checked model values: countries, sources, events, citations.

use super::DataInput;
use super::articles::{self, ArticleKey};
use super::fields::Ctx;
use super::json::{self, Spanned};
use super::problem::{LoadError, did_you_mean};
use super::quotes::{Check, Readers};
use crate::model::country::iso_name;
use crate::model::{Country, EntityKind, PartialDate, Precision, Source, Timeline};
use std::collections::HashMap;

const EVENT_REQUIRED: &[&str] = &["id", "date", "status", "kind", "title", "summary"];
const EVENT_OPTIONAL: &[&str] = &[
    "end",
    "countries",
    "sources",
    "places",
    "people",
    "title_vi",
    "group",
    "media",
    "display_date",
    "background",
    "background_url",
    "autolink",
    "tags",
];
const SOURCE_REQUIRED: &[&str] = &["file", "outlet", "published", "language", "about", "evidence"];

const SECTIONS: &[&str] = &["countries", "sources", "people", "places", "scan_ignore", "events"];
/// The sections a data set must have; `people`, `places` and `scan_ignore` are optional.
const REQUIRED_SECTIONS: &[&str] = &["countries", "sources", "events"];
/// Optional top-level fields: a title slide and eras, as TimelineJS files have them.
const OPTIONAL_SECTIONS: &[&str] = &["title", "eras"];

/// Loads a data set; also returns, for each source, the key of its article as read (for the cache).
pub fn build(
    input: &DataInput,
    split: json::Split,
    progress: &mut dyn FnMut(f64),
) -> Result<(Timeline, Vec<ArticleKey>), LoadError> {
    let text = input.text.strip_prefix('\u{feff}').unwrap_or(&input.text);
    if super::jsonl::sniff(&input.path, text) {
        return jsonl::build(input, text, progress);
    }
    if super::markwhen::sniff(&input.path, text) {
        return super::markwhen::load(&input.path, text).map(|t| (t, Vec::new()));
    }
    if text.trim().is_empty() {
        // An empty `.jsonl` or `.mw` file is an empty data set (above); any other has nothing to read.
        let message = "the data file is empty: a data set is JSON (ours or TimelineJS), a TimelineJS \
                       sheet saved as CSV (its first line names the columns: Year,Month,Day,…,Headline), \
                       markwhen (.mw) or JSON lines (.jsonl)";
        let problem = super::Problem { file: input.path.clone(), line: 1, col: 1, message: message.into() };
        return Err(LoadError::one(problem));
    }
    let kind = super::tjs::detect(text);
    if kind != super::tjs::Kind::Native
        && let Some(t) = super::tjs::load(&input.path, text, kind)?
    {
        return Ok((t, Vec::new()));
    }
    let mut b = Builder::new(input, text);
    if let Some(start) = top_level_array(text) {
        // Never a data set: said at once, without building the array (many times its size).
        b.cx.at(start, "expected the data set to be an object `{…}`, found an array");
        b.cx.unlisted = 0;
        return Err(in_file_order(&mut b.cx, &input.path));
    }
    let mut top = TopLevel::default();
    // Events are checked as they are parsed, so the whole file is never one tree in memory.
    let mut items = 0usize;
    let len = text.len().max(1) as f64;
    let mut on_item = |item: json::Top| {
        if let json::Top::Item(_, v) = &item {
            items += 1;
            if items.is_multiple_of(4096) {
                progress(v.at as f64 / len);
            }
        }
        b.top(item, &mut top)
    };
    let parsed = json::parse_top_level_split(text, split, &mut on_item);
    b.top_level_done(parsed, top);
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

impl Builder<'_> {
    /// What the end of the top level (or a syntax error) says about the file as a whole.
    fn top_level_done(
        &mut self,
        parsed: Result<Result<usize, Spanned>, json::SyntaxError>,
        mut top: TopLevel,
    ) {
        let b = self;
        match parsed {
            Err(e) => {
                // Only the syntax error is reported: the rest of the file was not seen.
                b.readers = None;
                b.cx.problems.clear();
                b.cx.unlisted = 0;
                b.cx.at(e.at, format!("JSON syntax error: {}", e.message));
            }
            Ok(Err(v)) => b.cx.at(
                v.at,
                format!("expected the data set to be an object `{{…}}`, found {}", v.value.type_name()),
            ),
            Ok(Ok(at)) => {
                for name in REQUIRED_SECTIONS.iter().filter(|n| !top.seen.contains_key(**n)) {
                    b.cx.at(at, format!("the data set is missing the required field `{name}`"));
                }
                for (section, v) in std::mem::take(&mut top.early) {
                    b.item(&section, &v);
                }
                b.resolve_entities();
            }
        }
    }
}

/// Where the text's top-level array starts, if its top level is an array.
fn top_level_array(text: &str) -> Option<usize> {
    let start = text.len() - text.trim_start().len();
    text[start..].starts_with('[').then_some(start)
}

/// The problems in file order, the data file first, with the warnings found.
fn in_file_order(cx: &mut super::fields::Ctx, path: &str) -> LoadError {
    let mut problems = std::mem::take(&mut cx.problems);
    problems.sort_by(|x, y| {
        (x.file != path, &x.file, x.line, x.col).cmp(&(y.file != path, &y.file, y.line, y.col))
    });
    LoadError { problems, unlisted: cx.unlisted, warnings: cx.warning_lines() }
}

/// What the top level of the file has shown so far.
#[derive(Default)]
struct TopLevel {
    /// Section name → where its key is.
    seen: HashMap<String, usize>,
    /// Items that came before `countries` and `sources`, checked once those are known.
    early: Vec<(String, Spanned)>,
}

/// A source file named in `sources`.
struct FileEntry {
    /// Index into `Timeline::sources` (`None` if the source has a problem, already reported).
    source: Option<usize>,
    /// Where it is named.
    at: usize,
    /// Where its article is read (see `quotes::Readers`).
    slot: usize,
}

/// Which value a quote check gives its text and span to, once found.
enum Fill {
    /// Event, citation.
    Citation(usize, usize),
    /// The Vietnamese title of an event.
    TitleVi(usize),
    /// A passage that `timeline scan` ignores.
    ScanIgnore(usize),
}

struct Builder<'a> {
    cx: Ctx<'a>,
    input: &'a DataInput,
    timeline: Timeline,
    /// Country code → index, and where it was declared.
    codes: HashMap<String, (usize, usize)>,
    /// Source file → where it is, by name.
    files: HashMap<String, FileEntry>,
    /// Event id → where it was first used.
    ids: HashMap<String, usize>,
    /// "Did you mean" answers for misspelt source files, and how many files they were asked of.
    file_hints: Option<(usize, super::problem::Suggestions)>,
    /// The people and places registries, as they are read.
    registry: [registry::Names; 2],
    /// Events' `people` and `places`, resolved against the registries once the whole file is read.
    pending: Vec<registry::Pending>,
    /// Each event's people and places as written (in NFC), parallel to `timeline.events`, until
    /// they are resolved to the registries' ids.
    names: Vec<registry::Written>,
    /// The articles being read, and each slot's file name and where it is named.
    readers: Option<Readers>,
    slots: Vec<(String, usize)>,
    /// Each source's slot, parallel to `timeline.sources`.
    source_slots: Vec<usize>,
    /// Quotes to find once the articles are read, and where each found one goes.
    checks: Vec<Check>,
    fills: Vec<(Fill, usize)>,
}

impl<'a> Builder<'a> {
    /// A builder for `input`, whose text (without a byte-order mark) is `text`.
    fn new(input: &'a DataInput, text: &'a str) -> Self {
        Builder {
            cx: Ctx::new(&input.path, text),
            input,
            timeline: Timeline::default(),
            codes: HashMap::new(),
            files: HashMap::new(),
            ids: HashMap::new(),
            file_hints: None,
            registry: Default::default(),
            pending: Vec::new(),
            names: Vec::new(),
            readers: Some(Readers::start(&input.articles)),
            slots: Vec::new(),
            source_slots: Vec::new(),
            checks: Vec::new(),
            fills: Vec::new(),
        }
    }
}

impl Builder<'_> {
    /// One piece of the top level: a section's start, one of its items, or another member.
    fn top(&mut self, item: json::Top, top: &mut TopLevel) {
        match item {
            json::Top::Member(key, v) if key.name == "title" => self.title_slide(&v),
            json::Top::ArrayStart(key, _) if key.name == "eras" => {}
            json::Top::ArrayStart(key, _) | json::Top::Member(key, _) => {
                if !SECTIONS.contains(&key.name.as_str()) {
                    let known: Vec<&str> = SECTIONS.iter().chain(OPTIONAL_SECTIONS).copied().collect();
                    let hint = match did_you_mean(&key.name, &known) {
                        Some(k) => format!("did you mean `{k}`?"),
                        None => format!("known fields are {}", known.join(", ")),
                    };
                    self.cx.at(key.at, format!("unknown field `{}` in the data set; {hint}", key.name));
                } else if let Some(&first) = top.seen.get(&key.name) {
                    let first = self.cx.pos(first);
                    self.cx.at(
                        key.at,
                        format!(
                            "field `{}` appears twice in the data set (first at {first}); keep one",
                            key.name
                        ),
                    );
                } else {
                    top.seen.insert(key.name.clone(), key.at);
                    if let json::Top::ArrayStart(..) = item {
                        self.declare(&key.name);
                    }
                    if let json::Top::Member(_, v) = item {
                        let found = v.value.type_name();
                        self.cx
                            .at(v.at, format!("expected `{}` to be an array `[…]`, found {found}", key.name));
                    }
                }
            }
            json::Top::Item(key, v) => match key.name.as_str() {
                "countries" => self.country(v),
                "sources" => self.source(v),
                "eras" => self.era(v),
                _ if top.seen.contains_key("countries") && top.seen.contains_key("sources") => {
                    self.item(&key.name, v)
                }
                name => top.early.push((name.to_string(), v.clone())),
            },
        }
    }

    /// One item of a section that needs the countries and sources to be known.
    fn item(&mut self, section: &str, v: &Spanned) {
        match section {
            "events" => self.event(v),
            "people" => self.entity(v, EntityKind::Person),
            "places" => self.entity(v, EntityKind::Place),
            "scan_ignore" => self.scan_ignore(v),
            _ => {}
        }
    }

    fn country(&mut self, v: &Spanned) {
        let Some(f) = self.cx.fields(v, "a country", &["code", "name", "name_vi"], &[]) else { return };
        let (Some(code_v), Some(name), Some(name_vi)) = (f.get("code"), f.get("name"), f.get("name_vi"))
        else {
            return;
        };
        let (Some(code), Some(name), Some(name_vi)) = (
            self.cx.string(code_v, "a country code"),
            self.cx.string(name, "a country name"),
            self.cx.string(name_vi, "a Vietnamese country name"),
        ) else {
            return;
        };
        if iso_name(code).is_none() {
            let hint = if iso_name(&code.to_ascii_uppercase()).is_some() {
                format!("codes are upper case: write `{}`", code.to_ascii_uppercase())
            } else {
                "use an ISO 3166-1 alpha-2 code such as `LA` or `AZ`".into()
            };
            self.cx.at(code_v.at, format!("unknown country code `{code}`; {hint}"));
            return;
        }
        if let Some(&(_, first)) = self.codes.get(code) {
            let first = self.cx.pos(first);
            self.cx.at(code_v.at, format!("country `{code}` is listed twice (first at {first}); keep one"));
            return;
        }
        let country = Country { code: code.into(), name: name.into(), name_vi: articles::to_nfc(name_vi) };
        self.codes.insert(code.into(), (self.timeline.countries.len(), code_v.at));
        self.timeline.countries.push(country);
    }

    fn source(&mut self, v: &Spanned) {
        let Some(f) = self.cx.fields(v, "a source", SOURCE_REQUIRED, &["headline"]) else { return };
        let Some(file_v) = f.get("file") else { return };
        let Some(file) = self.cx.string(file_v, "a source file name") else { return };
        if let Some(first) = self.files.get(file).map(|e| e.at) {
            let first = self.cx.pos(first);
            self.cx.at(file_v.at, format!("source `{file}` is listed twice (first at {first}); keep one"));
            return;
        }
        // Read in the background while parsing goes on; its quotes are found once it is done.
        let slot = self.slots.len();
        if let Some(readers) = &self.readers {
            readers.ask(slot, file);
        }
        self.slots.push((file.to_string(), file_v.at));
        // Registered now, so that citations of a broken source do not report it a second time.
        self.files.insert(file.into(), FileEntry { source: None, at: file_v.at, slot });
        let mut get =
            |name: &str, what: &str| f.get(name).and_then(|v| self.cx.string(v, what)).map(str::to_string);
        let (outlet, about, language) =
            (get("outlet", "an outlet"), get("about", "`about`"), get("language", "a language"));
        let published = f.get("published").and_then(|v| self.day(v, "a publication date"));
        if let Some(h) = f.get("headline") {
            self.defer_quote(h, slot, "headline");
        }
        if let Some(ev) = f.get("evidence") {
            for q in self.cx.array(ev, "`evidence`").unwrap_or_default() {
                self.defer_quote(q, slot, "evidence");
            }
        }
        if let Some(lang) = &language
            && !(2..=3).contains(&lang.len())
        {
            let at = f.get("language").map_or(v.at, |l| l.at);
            self.cx.at(at, format!("language `{lang}` is not a language code; write `vi` or `en`"));
        }
        let headline = f.get("headline").and_then(|h| self.cx.string(h, "a headline")).map(articles::to_nfc);
        let (Some(outlet), Some(about), Some(language), Some(published)) =
            (outlet, about, language, published)
        else {
            return;
        };
        let source = self.timeline.sources.len();
        self.files.insert(file.into(), FileEntry { source: Some(source), at: file_v.at, slot });
        self.source_slots.push(slot);
        // The text comes with the article, in `finish`.
        let text = Default::default();
        self.timeline.sources.push(Source {
            file: file.into(),
            outlet,
            published,
            language,
            headline,
            about,
            text,
        });
    }

    /// Notes a quote to find in the article read into `slot` once parsing is done; returns the
    /// check's number.
    fn defer_quote(&mut self, v: &Spanned, slot: usize, what: &'static str) -> Option<usize> {
        let quote = articles::to_nfc(self.cx.string(v, &format!("a {what}"))?);
        self.checks.push(Check { slot, quote, at: v.at, what });
        Some(self.checks.len() - 1)
    }

    fn day(&mut self, v: &Spanned, what: &str) -> Option<chrono::NaiveDate> {
        let d = self.date(v, what)?;
        if d.precision() != Precision::Day {
            self.cx.at(v.at, format!("{what} needs a full date, YYYY-MM-DD"));
            return None;
        }
        Some(d.first_day())
    }

    fn date(&mut self, v: &Spanned, what: &str) -> Option<PartialDate> {
        let s = self.cx.string(v, what)?;
        match PartialDate::parse(s) {
            Ok(d) => Some(d),
            Err(e) => {
                self.cx.at(v.at, format!("impossible {what}: {e}"));
                None
            }
        }
    }
}

mod dates;
mod event;
mod extra;
mod finish;
mod jsonl;
mod registry;
