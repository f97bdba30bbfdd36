//! One markwhen event as ours: its title and description with markwhen's markup taken out, its
//! group (the headings or group blocks around it, else its first tag), its kind (a tag that
//! names one), its other tags, places, links, a first image as media, an id, and its dates in
//! its time zone.

use super::{Pending, Reader};
use crate::load::articles::to_nfc as nfc;
use crate::model::markwhen::zone::{Wall, Zone};
use crate::model::markwhen::{resolve, text};
use crate::model::{Event, Extra, Kind, Moment, OpenEnds, PartialDate, Status};
use thin_vec::ThinVec;

/// The description lines as markwhen keeps them: comments out, tags and places taken out,
/// each line trimmed, blank lines at either end dropped; `- []` is written `- [ ]`.
fn description(lines: &[(usize, String)], tags: &mut Vec<String>, places: &mut Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, line) in lines {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let line = text::take_tags(&text::take_locations(line, places), tags);
        let t = line.trim();
        out.push(match t.strip_prefix("- []") {
            Some(rest) => format!("- [ ] {}", rest.trim()),
            None => t.to_string(),
        });
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    let blank = out.iter().take_while(|l| l.is_empty()).count();
    out.drain(..blank);
    out
}

impl Reader<'_> {
    /// Warns at each line's first `#tag` that a letter markwhen's tags cannot hold cuts short.
    fn warn_cut_tags(&mut self, p: &Pending) {
        // A description line's offset is where its text begins, after its indentation.
        let indent = |l: &str| l.len() - l.trim_start().len();
        let description = p.description.iter().map(|(at, l)| (at - indent(l), l));
        for (at, line) in std::iter::once((p.title_at, &p.title)).chain(description) {
            let Some((k, word)) = text::cut_tag(line) else { continue };
            let rest = text::take_tags(word, &mut Vec::new());
            let rest = rest.trim();
            let tag = &word[..word.len() - rest.len()];
            self.cx.warn(
                at + k,
                format!(
                    "markwhen reads `{word}` as the tag `{tag}` and leaves `{rest}` in the text: its tags \
                     hold ASCII letters, digits and _ only"
                ),
            );
        }
    }

    /// Turns the pending event, if any, into an event.
    pub(super) fn finish(&mut self) {
        let Some(p) = self.pending.take() else { return };
        if !self.cx.room_for_event(self.events.len(), p.at) {
            return;
        }
        self.warn_cut_tags(&p);
        let (mut tags, mut places) = (Vec::new(), Vec::new());
        let (title, media) = text::take_image(p.title.trim());
        let title = text::take_tags(&text::take_locations(&title, &mut places), &mut tags);
        let (title, mut id) = text::take_id(&title);
        // Names and texts in NFC, as our format's: `Huế` typed composed and decomposed is one place.
        let title = nfc(title.trim());
        let summary = nfc(&description(&p.description, &mut tags, &mut places).join("\n"));
        let zone = self.properties(&p, &mut places, &mut id);
        let mut links = Vec::new();
        text::links(&title, &mut links);
        text::links(&summary, &mut links);
        let media = media.or_else(|| p.description.iter().find_map(|(_, l)| text::image(l)));
        let (kind, group, tags) = kind_and_group(&p, tags.iter().map(|t| nfc(t)).collect());
        let group = group.map(|g| nfc(&g));
        places.iter_mut().for_each(|p| *p = nfc(p));
        let (date, end) = self.zoned(p.dates, zone, p.at);
        let (from, to) = self.local_instants(&date, end.as_ref(), zone);
        if let (Some(f), Some(t)) = (resolve::to_ndt(from), resolve::to_ndt(to)) {
            self.ctx.last = Some(t);
            if let Some(id) = &id {
                self.ctx.ids.entry(id.clone()).or_insert((f, t));
            }
        }
        let mut seen = std::collections::HashSet::new();
        places.retain(|p| seen.insert(p.clone()));
        let place_ids: ThinVec<usize> = places.iter().map(|p| self.add_place(p)).collect();
        let id = self.event_id(id, &title, &date, p.at);
        let title = if title.is_empty() { date.span_label(end.as_ref()) } else { title };
        let extra = Extra {
            links: links.into(),
            media: media.map(Box::new),
            group: group.map(String::into_boxed_str),
            tags: tags.into(),
            ..Extra::default()
        };
        let e = Event {
            id: id.into(),
            date,
            end,
            status: Status::Held,
            kind,
            countries: ThinVec::new(),
            place_ids,
            person_ids: ThinVec::new(),
            title: title.into(),
            title_vi: None,
            summary: summary.into(),
            citations: ThinVec::new(),
            open: OpenEnds::default(),
            extra: Some(Box::new(extra)),
        };
        self.events.push((p.line, e));
    }

    /// The event's properties: places, an id, a zone (returned); the others are warnings.
    fn properties(&mut self, p: &Pending, places: &mut Vec<String>, id: &mut Option<String>) -> Option<Zone> {
        let mut zone = None;
        for (at, key, value) in &p.properties {
            match key.as_str() {
                "location" | "locations" | "place" => places.extend(list(value)),
                "id" => *id = Some(value.clone()),
                "timezone" | "tz" => match Zone::parse(value) {
                    Ok(z) => zone = Some(z),
                    Err(why) => self.cx.warn(*at, format!("{why}; the header's zone is used")),
                },
                _ => self.cx.warn(*at, format!("event property `{key}` is not read; skipped")),
            }
        }
        zone
    }

    /// The dates in the event's zone (its `timezone` property: the wall-clock time kept, as
    /// markwhen does), else in the header's (an ISO `Z` time stays UTC).
    /// A wall-clock time that never was or was twice in the zone is a warning at `at`.
    fn zoned(&mut self, (date, end): Dates, own: Option<Zone>, at: usize) -> Dates {
        let (zone, keep) = match (own, self.zone) {
            (Some(z), _) => (z, false),
            (None, Some(z)) => (z, true),
            (None, None) => return (date, end),
        };
        let mut one = |d: PartialDate| {
            let (zoned, wall) = zone.apply(d, keep);
            let (written, read) = (d.local().iso(), zoned.iso());
            match wall {
                Wall::Once => {}
                Wall::Gap(_) => self.cx.warn(
                    at,
                    format!(
                        "`{written}` never happened in {}: the clocks were put forward over it; read as \
                         `{read}`, as markwhen does",
                        zone.name()
                    ),
                ),
                Wall::Twice => self.cx.warn(
                    at,
                    format!(
                        "`{written}` happened twice in {}: the clocks were put back over it; the first, \
                         `{read}`, is taken, as markwhen does",
                        zone.name()
                    ),
                ),
            }
            zoned
        };
        let date = one(date);
        (date, end.map(one))
    }

    /// The event's start and end as wall-clock times of its zone, which relative dates count
    /// from (a day is the same day in every zone).
    fn local_instants(
        &self,
        date: &PartialDate,
        end: Option<&PartialDate>,
        own: Option<Zone>,
    ) -> (Moment, Moment) {
        let (from, to) = resolve::instants(date, end);
        let zone = own.or(self.zone);
        let local = |m: Moment, d: &PartialDate| match d.time().and_then(|t| t.offset) {
            Some(own_offset) => {
                let utc = resolve::to_ndt(m);
                let o = match (zone, utc) {
                    (Some(z), Some(utc)) => z.offset_at_utc(utc),
                    _ => own_offset,
                };
                Moment(m.0 + i128::from(o) * 60_000)
            }
            None => m,
        };
        (local(from, date), local(to, end.unwrap_or(date)))
    }

    /// The event's `!id` if it has one that is free; else one made from its title and year.
    fn event_id(
        &mut self,
        id: Option<String>,
        title: &str,
        date: &crate::model::PartialDate,
        at: usize,
    ) -> String {
        if let Some(id) = id {
            if !self.ids.contains_key(&id) {
                self.ids.insert(id.clone(), at);
                return id;
            }
            let first = self.cx.pos(self.ids[&id]);
            self.cx.warn(at, format!("duplicate id `!{id}` (first at {first}); this event gets a new id"));
        }
        let base = crate::model::markwhen::made_id(title, date);
        let mut id = base.clone();
        for n in 2.. {
            if !self.ids.contains_key(&id) {
                break;
            }
            id = format!("{base}-{n}");
        }
        self.ids.insert(id.clone(), at);
        id
    }
}

/// A YAML value that is one string or a flow list `[a, b]`.
fn list(value: &str) -> Vec<String> {
    let v = value.trim();
    let items = v
        .strip_prefix('[')
        .and_then(|v| v.strip_suffix(']'))
        .map_or(vec![v], |inner| inner.split(',').collect());
    items.into_iter().map(|s| super::unquote(s.trim())).filter(|s| !s.is_empty()).collect()
}

type Dates = (PartialDate, Option<PartialDate>);

/// A tag naming a kind gives the kind; the group is the headings around the event, else its
/// first other tag; the other tags are kept as they are, in order.
fn kind_and_group(p: &Pending, mut tags: Vec<String>) -> (Kind, Option<String>, Vec<String>) {
    let kind_at = tags.iter().position(|t| Kind::parse(t).is_some());
    let kind = kind_at.and_then(|i| Kind::parse(&tags.remove(i))).unwrap_or(Kind::Other);
    let group = match &p.group {
        Some(g) => Some(g.clone()),
        None if tags.is_empty() => None,
        None => Some(tags.remove(0)),
    };
    (kind, group, tags)
}
