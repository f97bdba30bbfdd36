//! Reading markwhen (`.mw`), the plain-text timeline format, as `@markwhen/parser` reads it:
//! the header, event lines with every date form it accepts, the description lines after them,
//! `#tags`, `!ids`, places, links, `# headings` (markwhen 1.x) and `group`/`section` …
//! `endGroup`/`endSection` blocks (markwhen 0.x) as groups. A line that is not read is a
//! warning at `path:line:col`.

mod event;

use super::fields::Ctx;
use super::problem::LoadError;
use crate::model::markwhen::resolve::Context;
use crate::model::markwhen::zone::Zone;
use crate::model::markwhen::{GROUP, HEADING, date, event_line, text};
use crate::model::{Entity, Event, Timeline, TitleSlide};
use chrono::NaiveDateTime;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

pub use crate::model::markwhen::resolve::instants;

fn re(s: &str) -> Regex {
    Regex::new(s).unwrap_or_else(|e| panic!("bad built-in pattern {s}: {e}"))
}

/// A line that starts as a date would (a digit, or a month's name or its abbreviation and a
/// digit) and has `: ` within its first words: `1968-02-30: x`, `Feb 31 1968: x`,
/// `1968-05-10T08:00:00+07:00: x`; not `Decree 43: x`.
static LOOKS_DATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*((?:\d|(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+\d).{0,40}?):\s",
    )
});
static TAG_COLOR: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*#(\w*):\s*(\S+)"));

/// Is this data file markwhen? By its extension `.mw`, or by its first line that says
/// something: front matter `---`, a `title:` header, a `# heading`, a group, or an event line.
pub fn sniff(path: &str, text: &str) -> bool {
    if path.to_ascii_lowercase().ends_with(".mw") {
        return true;
    }
    // Only the first 4 KiB: a JSON file may be one line of a gigabyte.
    let head = &text[..text.floor_char_boundary(4096)];
    let first = head.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with("//"));
    first.filter(|l| !l.starts_with(['{', '['])).is_some_and(|l| {
        l == "---"
            || l.to_ascii_lowercase().starts_with("title:")
            || HEADING.is_match(l)
            || GROUP.is_match(l)
            || event_line(l, false).is_some()
    })
}

/// The line the event `id` starts on, read as `load` reads the file (for the editor, `E`).
pub fn line_of_event(path: &str, text: &str, id: &str) -> Option<usize> {
    let (t, lines) = read(path, text, chrono::Utc::now().naive_utc()).ok()?;
    t.events.iter().zip(lines).find(|(e, _)| e.id == id).map(|(_, line)| line)
}

/// Loads a markwhen file, with `now` as the time of reading.
pub fn load(path: &str, text: &str) -> Result<Timeline, LoadError> {
    read(path, text, chrono::Utc::now().naive_utc()).map(|(mut t, _)| {
        crate::model::sort_events(&mut t.events);
        t
    })
}

/// Reads a markwhen file, `now` being the time `now` and relative dates count from; the events
/// are in file order (not sorted), each with the line it starts on.
pub fn read(path: &str, text: &str, now: NaiveDateTime) -> Result<(Timeline, Vec<usize>), LoadError> {
    // `now` to the minute: the same on every load within a minute, and no seconds and
    // milliseconds that nobody wrote (markwhen takes the instant of reading).
    let now = chrono::Timelike::with_second(&now, 0)
        .and_then(|t| chrono::Timelike::with_nanosecond(&t, 0))
        .unwrap_or(now);
    let mut r = Reader {
        cx: Ctx::new(path, text),
        ctx: Context { now, last: None, ids: HashMap::new(), day_first: false },
        groups: Vec::new(),
        pending: None,
        events: Vec::new(),
        ids: HashMap::new(),
        places: HashMap::new(),
        timeline: Timeline::default(),
        zone: None,
        now_utc: now,
    };
    r.lines(text);
    let Reader { mut cx, mut timeline, events, .. } = r;
    if !cx.problems.is_empty() {
        let warnings = cx.warning_lines();
        return Err(LoadError { problems: cx.problems, unlisted: 0, warnings });
    }
    timeline.warnings = cx.warning_lines();
    let (lines, events): (Vec<usize>, Vec<Event>) = events.into_iter().unzip();
    timeline.events = events;
    Ok((timeline, lines))
}

/// An open group: a `# heading` of a level, or a `group`/`section` block.
struct Group {
    level: Option<usize>,
    name: String,
}

/// An event line and what follows it, until the next event or structure line.
struct Pending {
    at: usize,
    line: usize,
    dates: (crate::model::PartialDate, Option<crate::model::PartialDate>),
    title: String,
    /// Where the title begins in the file.
    title_at: usize,
    /// Still reading `key: value` properties right after the event line.
    in_properties: bool,
    properties: Vec<(usize, String, String)>,
    description: Vec<(usize, String)>,
    group: Option<String>,
}

struct Reader<'a> {
    cx: Ctx<'a>,
    ctx: Context,
    groups: Vec<Group>,
    pending: Option<Pending>,
    events: Vec<(usize, Event)>,
    /// Event ids taken so far.
    ids: HashMap<String, usize>,
    /// Place name → index into `timeline.places`.
    places: HashMap<String, usize>,
    timeline: Timeline,
    /// The header's time zone, unless it is UTC (then times are kept without an offset).
    zone: Option<Zone>,
    /// "Now" in UTC; `ctx.now` is the same instant in the header's zone.
    now_utc: NaiveDateTime,
}

impl Reader<'_> {
    fn lines(&mut self, text: &str) {
        let mut at = 0;
        let mut header = Header::Before;
        for (n, raw) in text.split('\n').enumerate() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let start = at + (line.len() - line.trim_start().len());
            at += raw.len() + 1;
            if header != Header::Done {
                let closes = header == Header::Front && line.starts_with("---");
                header = self.header_line(line, start, header);
                if header != Header::Done || closes {
                    continue;
                }
            }
            self.body_line(line, start, n + 1);
        }
        self.finish();
    }

    fn body_line(&mut self, line: &str, at: usize, n: usize) {
        let t = line.trim();
        if let Some(c) = HEADING.captures(line) {
            self.finish();
            let level = c.get(1).map_or(1, |h| h.as_str().len());
            while self.groups.last().is_some_and(|g| g.level.is_some_and(|l| l >= level)) {
                self.groups.pop();
            }
            let name = c.get(2).map_or("", |m| m.as_str());
            self.groups.push(Group {
                level: Some(level),
                name: text::take_tags(name, &mut Vec::new()).trim().into(),
            });
        } else if crate::model::markwhen::END_GROUP.is_match(t) {
            self.finish();
            match self.groups.iter().rposition(|g| g.level.is_none()) {
                Some(i) => self.groups.truncate(i),
                None => self.cx.warn(at, format!("`{t}` without a `group` or `section` before it; skipped")),
            }
        } else if let Some(c) = GROUP.captures(t) {
            self.finish();
            let name = c.get(1).map_or("", |m| m.as_str());
            self.groups
                .push(Group { level: None, name: text::take_tags(name, &mut Vec::new()).trim().into() });
        } else if t.starts_with("//") {
        } else if let Some((w, colon)) = event_line(line, self.ctx.day_first) {
            self.finish();
            self.start_event(line, at, n, w, colon);
        } else if let Some(p) = &mut self.pending {
            if p.take_line(line, at)
                && let Some(date) = LOOKS_DATED.captures(line).and_then(|c| c.get(1))
            {
                let why = self.not_read_why(date.as_str().trim());
                self.cx.warn(at, why);
            }
        } else if !t.is_empty() {
            self.cx.warn(
                at,
                "skipped: not an event (`DATE: title`), a heading, a group or a description after an event",
            );
        }
    }

    /// Why a line that looks like an event is not one. markwhen reads no range of ISO dates
    /// written with ` - ` or ` to ` (`2025-07-15 10:00 - 2025-07-15 11:30`); it reads them
    /// with `/`.
    fn not_read_why(&self, part: &str) -> String {
        let single = |s: &str| match date::written(s, self.ctx.day_first) {
            Some(date::Written { from: from @ date::Bound::Date(_), to: None, .. }) => Some(from),
            _ => None,
        };
        let ends = [" - ", " to "].iter().find_map(|sep| part.split_once(sep));
        if let Some((a, b)) = ends
            && let (Some(from), Some(to)) = (single(a), single(b))
        {
            let w = date::Written { from, to: Some(to), bce_range: false, recurrence: false };
            let order = if self.ctx.backwards(&w) { "; this one also ends before it starts" } else { "" };
            let (a, b) = (a.trim(), b.trim());
            return format!(
                "this line looks like an event, but markwhen does not read `{part}` as a range: write it \
                 `{a}/{b}`{order}; kept as the previous event's description"
            );
        }
        format!(
            "this line looks like an event, but `{part}` is not a date markwhen reads, or not a real one; kept \
             as the previous event's description"
        )
    }

    fn start_event(&mut self, line: &str, at: usize, n: usize, w: date::Written, colon: usize) {
        let Some((dates, found)) = self.ctx.resolve(&w) else {
            let part = line[..colon - 1].trim();
            self.cx.warn(at, format!("skipped: `{part}` ends before it starts or is outside the calendar"));
            return;
        };
        if self.ctx.backwards(&w) {
            let part = line[..colon - 1].trim();
            self.cx.warn(
                at,
                format!(
                    "`{part}` ends before it starts; read as its start alone (markwhen keeps the event too, \
                     with no length or a negative one)"
                ),
            );
        }
        if !found {
            self.cx.warn(at, "no event with this `!id` before this line; counted from the previous event, as markwhen does");
        }
        if w.recurrence {
            self.cx.warn(at, "`every …`: a repeating event; only its first occurrence is read");
        }
        let no_year = [Some(&w.from), w.to.as_ref()]
            .into_iter()
            .flatten()
            .any(|b| matches!(b, date::Bound::NoYear { .. }));
        if no_year {
            let year = chrono::Datelike::year(&self.ctx.now);
            self.cx.warn(at, format!("a date without a year; markwhen takes the current year ({year})"));
        }
        let group = (!self.groups.is_empty())
            .then(|| self.groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>().join(" / "));
        self.pending = Some(Pending {
            at,
            line: n,
            dates,
            title: line[colon..].to_string(),
            // `at` is where the line's text begins, after its indentation; `colon` counts from
            // the line's first byte.
            title_at: at - (line.len() - line.trim_start().len()) + colon,
            in_properties: true,
            properties: Vec::new(),
            description: Vec::new(),
            group,
        });
    }
}

impl Pending {
    /// Takes a line after the event line: a property, or (`true`) a description line.
    fn take_line(&mut self, line: &str, at: usize) -> bool {
        if self.in_properties
            && let Some(c) = text::PROPERTY.captures(line)
            && !line.trim_start().starts_with('-')
        {
            let key = c.get(1).map_or("", |k| k.as_str()).to_string();
            let value = line[c.get(0).map_or(0, |m| m.end())..].trim().to_string();
            self.properties.push((at, key, value));
            return false;
        }
        self.in_properties = false;
        self.description.push((at, line.to_string()));
        true
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Header {
    /// Nothing seen yet.
    Before,
    /// Inside `---` … `---`.
    Front,
    /// Header lines without front matter.
    Bare,
    Done,
}

impl Reader<'_> {
    /// One line of the header; `Done` when the line belongs to the body.
    fn header_line(&mut self, line: &str, at: usize, state: Header) -> Header {
        let t = line.trim();
        if t == "---" || line.starts_with("---") {
            return match state {
                Header::Before => Header::Front,
                _ => Header::Done,
            };
        }
        if t.is_empty() || t.starts_with("//") {
            return state;
        }
        if state != Header::Front
            && (event_line(line, self.ctx.day_first).is_some() || HEADING.is_match(line) || GROUP.is_match(t))
        {
            return Header::Done;
        }
        if TAG_COLOR.is_match(t) {
            self.cx.warn(at, "tag colours are not shown; skipped");
        } else if let Some(c) = text::PROPERTY.captures(line) {
            let key = c.get(1).map_or("", |k| k.as_str());
            let value = unquote(line[c.get(0).map_or(0, |m| m.end())..].trim());
            self.header_key(key, &value, at);
        } else if state == Header::Front {
            self.cx.warn(at, "skipped: a header line that is not `key: value`");
        } else {
            return Header::Done;
        }
        if state == Header::Before { Header::Bare } else { state }
    }

    fn header_key(&mut self, key: &str, value: &str, at: usize) {
        let title = self.timeline.title.get_or_insert_with(TitleSlide::default);
        match key.to_ascii_lowercase().as_str() {
            "title" => title.headline = value.to_string(),
            "description" => title.text = value.to_string(),
            "dateformat" => self.ctx.day_first = value == "d/M/y",
            "timezone" | "tz" => match Zone::parse(value) {
                Ok(zone) => {
                    self.zone = (!zone.is_utc()).then_some(zone);
                    let offset = i64::from(zone.offset_at_utc(self.now_utc));
                    self.ctx.now = self.now_utc + chrono::TimeDelta::minutes(offset);
                }
                Err(why) => self.cx.warn(at, format!("{why}; dates and times are read as UTC")),
            },
            _ => self.cx.warn(at, format!("header key `{key}` is not read; skipped")),
        }
        if self.timeline.title.as_ref().is_some_and(|t| t.headline.is_empty() && t.text.is_empty()) {
            self.timeline.title = None;
        }
    }

    fn add_place(&mut self, name: &str) -> usize {
        if let Some(&i) = self.places.get(name) {
            return i;
        }
        self.timeline.places.push(Entity::new(name.to_string(), Vec::new(), None));
        self.places.insert(name.to_string(), self.timeline.places.len() - 1);
        self.timeline.places.len() - 1
    }
}

/// A YAML scalar: a double-quoted string is read with JSON's escapes (as our export writes it).
fn unquote(s: &str) -> String {
    if s.starts_with('"')
        && let Ok(v) = serde_json::from_str::<String>(s)
    {
        return v;
    }
    s.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(s).to_string()
}
