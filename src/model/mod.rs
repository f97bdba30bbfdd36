//! The plain data the whole program shares: events, sources, countries. No terminal code here.

pub mod article_text;
pub mod context;
pub mod country;
pub mod date;
pub mod entity;
mod event_serde;
pub mod extra;
pub mod iso;
pub mod markwhen;
pub mod problem;
pub mod url;

pub use article_text::ArticleText;
pub use country::Country;
pub use date::{Moment, PartialDate, Precision};
pub use entity::{Entity, EntityKind};
pub use extra::{Era, Extra, Link, Media, OpenEnd, OpenEnds, TitleSlide};
pub use problem::Problem;

use crate::text::arena::Shared;
use compact_str::CompactString;
use std::cmp::Reverse;
use std::ops::Range;
use thin_vec::ThinVec;

/// Whether an event had happened by the date of the source that reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Status {
    Held,
    Planned,
}

impl Status {
    pub const ALL: [Status; 2] = [Status::Held, Status::Planned];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Planned => "planned",
        }
    }
}

macro_rules! kinds {
    ($($variant:ident => $name:literal, $label:literal;)*) => {
        /// What sort of event this is.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum Kind { $($variant),* }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),*];

            /// The name used in data files and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $(Kind::$variant => $name),* }
            }

            /// A human label.
            pub fn label(self) -> &'static str {
                match self { $(Kind::$variant => $label),* }
            }
        }
    };
}

kinds! {
    Visit => "visit", "Visit";
    Talks => "talks", "Talks";
    Meeting => "meeting", "Meeting";
    Reception => "reception", "Reception";
    Message => "message", "Message";
    Anniversary => "anniversary", "Anniversary";
    Relations => "relations", "Relations established";
    Agreement => "agreement", "Agreement";
    Congress => "congress", "Congress";
    Seminar => "seminar", "Seminar";
    Statement => "statement", "Statement";
    Multilateral => "multilateral", "Multilateral";
    Other => "other", "Other";
}

impl Kind {
    /// Parses a kind name, case-insensitively.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
    }

    pub fn names() -> String {
        Kind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
    }
}

/// A source article, with its text normalised to NFC.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub file: String,
    pub outlet: String,
    pub published: chrono::NaiveDate,
    pub language: String,
    pub headline: Option<String>,
    pub about: String,
    /// Not stored in the index cache: read from the article when first needed (see `cache`).
    #[serde(skip)]
    pub text: ArticleText,
}

/// One quote backing an event, and where it sits in its source's text.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Citation {
    /// Index into `Timeline::sources`.
    pub source: usize,
    /// `text[span]` of its source; stored in the index cache, so that a start from the cache
    /// need not read the article. Read in place from a mapped cache (see `text::arena`).
    pub quote: Shared,
    /// Byte range of the quote in `Source::text`.
    pub span: Range<usize>,
}

/// One event of the chronology. Its strings hold up to 24 bytes in place and its lists take one
/// word while empty, so that a file of a million tiny slides costs about what its text does.
/// Serialized with its shown date (see `event_serde`).
#[derive(Debug, Clone)]
pub struct Event {
    pub id: CompactString,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub status: Status,
    pub kind: Kind,
    /// Indexes into `Timeline::countries`.
    pub countries: ThinVec<usize>,
    /// The event's places and people, as indexes into `Timeline::places` and `Timeline::people`
    /// (their names: `Timeline::names`).
    pub place_ids: ThinVec<usize>,
    pub person_ids: ThinVec<usize>,
    /// Read in place from a mapped cache, as the summary (see `text::arena`).
    pub title: Shared,
    /// Our format's title in Vietnamese (`Event::title_vi`): boxed twice, 8 bytes of an event
    /// rather than 16, since imported events never have one.
    pub title_vi: Option<Box<Box<str>>>,
    /// Read in place from a mapped cache (see `text::arena`).
    pub summary: Shared,
    pub citations: ThinVec<Citation>,
    /// Open or unknown ends of the period (`2020/..`, `../1992`).
    pub open: OpenEnds,
    /// Links, media, group: absent for most events of our own format.
    pub extra: Option<Box<Extra>>,
}

impl Event {
    /// The title in Vietnamese, quoted from a source: our format's `title_vi`.
    pub fn title_vi(&self) -> Option<&str> {
        self.title_vi.as_deref().map(|t| &**t)
    }

    pub fn set_title_vi(&mut self, title: Option<Box<str>>) {
        self.title_vi = title.map(Box::new);
    }

    /// The date as shown (`7 May 2025`) and searched: `date_label`, made when asked rather than
    /// held by every event.
    pub fn date_text(&self) -> String {
        self.date_label()
    }

    /// The start date in EDTF, with an open (`..`) or unknown (empty) end of an interval as the
    /// data has it: `1959`, `1966?`, `../2026-01-25`, `2020/..`.
    pub fn date_edtf(&self) -> String {
        let side = |end: Option<OpenEnd>| if end == Some(OpenEnd::Open) { ".." } else { "" };
        match (self.end, self.open.start, self.open.end) {
            (None, Some(start), _) => format!("{}/{}", side(Some(start)), self.date.iso()),
            (None, None, Some(end)) => format!("{}/{}", self.date.iso(), side(Some(end))),
            _ => self.date.iso(),
        }
    }

    /// The whole period in EDTF, a closed interval included: `1964/2008`, `../1992`, `1966~`.
    pub fn edtf(&self) -> String {
        match self.end {
            Some(end) if self.open == OpenEnds::default() => format!("{}/{}", self.date.iso(), end.iso()),
            _ => self.date_edtf(),
        }
    }

    /// Where the event sorts among events of the same start: an open start (`../1900`, "by
    /// 1900") before a plain date, a plain date before an open end (`1900/..`).
    pub fn open_rank(&self) -> u8 {
        match (self.open.start, self.open.end) {
            (Some(_), _) => 0,
            (None, None) => 1,
            (None, Some(_)) => 2,
        }
    }

    /// Whether the date says more than TimelineJS's numbers can (a qualifier, unspecified digits,
    /// an open end): the TimelineJS export then shows it through a display date of its label.
    pub fn date_is_fuzzy(&self) -> bool {
        self.date.is_fuzzy() || self.end.is_some_and(|d| d.is_fuzzy()) || self.open != Default::default()
    }

    /// The date as shown to people: `1959`, `7 May 2025`, `26–27 Jan 2026`.
    pub fn date_label(&self) -> String {
        let label = self.date.span_label(self.end.as_ref());
        match (self.open.start, self.open.end) {
            // "by", not "until": an open start says when a thing had happened, not that it ended.
            (Some(OpenEnd::Open), _) => format!("by {label}"),
            (Some(OpenEnd::Unknown), _) => format!("? – {label}"),
            (_, Some(OpenEnd::Open)) => format!("{label} onwards"),
            (_, Some(OpenEnd::Unknown)) => format!("{label} – ?"),
            _ => label,
        }
    }

    /// The date as the list shows it: a TimelineJS display date ("5th century BCE") where the
    /// data has one, else `date_label`.
    pub fn shown_date(&self) -> String {
        match self.extra.as_ref().and_then(|x| x.display_date.as_deref()) {
            Some(d) if !d.trim().is_empty() => d.trim().to_string(),
            _ => self.date_label(),
        }
    }

    /// Verified events have at least one quote checked against its article; the others (imported,
    /// or citing only links) are unverified.
    pub fn is_verified(&self) -> bool {
        !self.citations.is_empty()
    }

    /// Whether the event's period meets the period `from..=to`. An open or unknown end reaches
    /// as far as it needs to (`2020/..`, "2020 onwards", meets any period after 2020); an open or
    /// unknown start does not reach back: `../1992`, "by 1992", is at 1992, where it is shown and
    /// sorted, and a period up to 1980 does not take it.
    pub fn overlaps(&self, from: Option<&PartialDate>, to: Option<&PartialDate>) -> bool {
        let last = self.end.unwrap_or(self.date).end();
        from.is_none_or(|f| self.open.end.is_some() || last > f.start())
            && to.is_none_or(|t| self.date.start() < t.end())
    }

    pub fn group(&self) -> Option<&str> {
        self.extra.as_ref().and_then(|x| x.group.as_deref())
    }

    pub fn links(&self) -> &[Link] {
        self.extra.as_ref().map_or(&[], |x| &x.links)
    }

    pub fn media(&self) -> Option<&Media> {
        self.extra.as_ref().and_then(|x| x.media.as_deref())
    }
}

/// Runs of events that share a start longer than this are sorted without their keys written
/// out: a file whose million events have one date would otherwise take 48 bytes of keys an event.
const RUN_KEYS: usize = 4096;

/// Orders events that share a start by the rest of their period, then id. Ids are unique, so
/// the order is total and an unstable sort (which needs no buffer) gives the one order.
/// What orders events of one start: open rank, precision, then the longer period first.
type TieKey = (u8, Precision, Reverse<Moment>);

fn order_ties(events: &[Event], ties: &mut [u32], run: &mut Vec<(TieKey, u32)>) {
    let key = |k: u32| {
        let e = &events[k as usize];
        // Of two periods of one start and precision, the longer is the coarser: a season before
        // its first month, `19XX` before 1900.
        (e.open_rank(), e.date.precision(), Reverse(e.date.end()))
    };
    let id = |k: u32| &events[k as usize].id;
    if ties.len() > RUN_KEYS {
        ties.sort_unstable_by(|&a, &b| key(a).cmp(&key(b)).then_with(|| id(a).cmp(id(b))));
        return;
    }
    run.clear();
    run.extend(ties.iter().map(|&k| (key(k), k)));
    run.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| id(a.1).cmp(id(b.1))));
    for (slot, &(_, k)) in ties.iter_mut().zip(run.iter()) {
        *slot = k;
    }
}

/// Sorts events by period (start, open start first and open end last, coarser first), then
/// id. The events are ordered by their starts first, 16 bytes an event computed once; only events
/// that share a start get the rest of their keys, run by run (`order_ties`): a million events sort
/// without a million calendar conversions per pass, nor 56 bytes of keys an event.
pub fn sort_events(events: &mut [Event]) {
    let starts: Vec<Moment> = events.iter().map(|e| e.date.start()).collect();
    // A data file has at most 2 GiB, so fewer events than `u32` counts.
    let mut order: Vec<u32> = (0..events.len() as u32).collect();
    order.sort_by_key(|&i| starts[i as usize]);
    let mut run = Vec::new();
    let mut i = 0;
    while i < order.len() {
        let start = starts[order[i] as usize];
        let len = order[i..].iter().take_while(|&&k| starts[k as usize] == start).count();
        if len > 1 {
            order_ties(events, &mut order[i..i + len], &mut run);
        }
        i += len;
    }
    drop(starts);
    // The order is applied in place, cycle by cycle, so that the events are never held twice.
    for i in 0..order.len() {
        let mut at = i;
        loop {
            let from = std::mem::replace(&mut order[at], at as u32) as usize;
            if from == i {
                break;
            }
            events.swap(at, from);
            at = from;
        }
    }
}

/// The loaded, checked and chronologically sorted data set.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Timeline {
    pub events: Vec<Event>,
    pub sources: Vec<Source>,
    pub countries: Vec<Country>,
    /// The registry of people: every event's people are among them.
    pub people: Vec<Entity>,
    /// The registry of places.
    pub places: Vec<Entity>,
    /// Passages of the articles that `timeline scan` does not count, each with its reason.
    pub scan_ignores: Vec<ScanIgnore>,
    /// Named periods for the time axis (from TimelineJS files).
    pub eras: Vec<Era>,
    pub title: Option<TitleSlide>,
    /// What the loader noticed but accepted, as `path:line:col: warning: …` lines.
    pub warnings: Vec<String>,
}

/// A passage whose date mentions are not events (a weather report, a domestic decree), so that
/// `timeline scan` counts them as dealt with.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ScanIgnore {
    /// Index into `Timeline::sources`.
    pub source: usize,
    pub quote: String,
    /// Byte range of the quote in `Source::text`.
    pub span: Range<usize>,
    pub reason: String,
}

impl Timeline {
    pub fn country_codes(&self, event: &Event) -> Vec<&str> {
        event.countries.iter().map(|&c| self.countries[c].code.as_str()).collect()
    }

    /// Finds the country meant by a code, an English name or a Vietnamese name, ignoring case and
    /// accents.
    pub fn find_country(&self, query: &str) -> Option<usize> {
        country::lookup(&self.countries, query)
    }

    pub fn event_by_id(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// How many of `events` (indexes into `events`) name each country, by country index.
    pub fn country_counts(&self, events: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut counts = vec![0; self.countries.len()];
        for e in events {
            for &c in &self.events[e].countries {
                counts[c] += 1;
            }
        }
        counts
    }

    /// The canonical names of an event's people or places, in its order, from the registry.
    pub fn names<'a>(
        &'a self,
        e: &'a Event,
        kind: EntityKind,
    ) -> impl ExactSizeIterator<Item = &'a str> + use<'a> {
        self.entity_ids(e, kind).iter().map(move |&id| self.entity_name(kind, id))
    }

    /// The canonical name of the entity `id` of a kind ("" if there is none: the loader and the
    /// cache's checks keep every event's ids in range).
    pub fn entity_name(&self, kind: EntityKind, id: usize) -> &str {
        self.entities(kind).get(id).map_or("", |x| x.name.as_str())
    }

    /// `names`, collected.
    pub fn name_list<'a>(&'a self, e: &'a Event, kind: EntityKind) -> Vec<&'a str> {
        self.names(e, kind).collect()
    }

    /// The registry of a kind of entity.
    pub fn entities(&self, kind: EntityKind) -> &[Entity] {
        match kind {
            EntityKind::Person => &self.people,
            EntityKind::Place => &self.places,
        }
    }

    /// An event's entity ids of a kind.
    pub fn entity_ids<'e>(&self, e: &'e Event, kind: EntityKind) -> &'e [usize] {
        match kind {
            EntityKind::Person => &e.person_ids,
            EntityKind::Place => &e.place_ids,
        }
    }

    /// Resolves a name, an alias or part of one, ignoring case and diacritics, to entity ids
    /// (an exact name or alias first): `to lam` finds Tô Lâm, `hai-da` Heydar Aliyev. This is
    /// what `person:` and `place:` queries match against.
    pub fn find_entities(&self, kind: EntityKind, query: &str) -> Vec<usize> {
        entity::find(self.entities(kind), query)
    }

    /// How many of `events` name each entity of a kind, by entity id.
    pub fn entity_counts(&self, kind: EntityKind, events: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut counts = vec![0; self.entities(kind).len()];
        for e in events {
            for &id in self.entity_ids(&self.events[e], kind) {
                counts[id] += 1;
            }
        }
        counts
    }

    /// Each TimelineJS group with its number of events, in order of first appearance.
    pub fn groups(&self) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for g in self.events.iter().filter_map(Event::group) {
            match out.iter_mut().find(|(name, _)| name == g) {
                Some((_, n)) => *n += 1,
                None => out.push((g.to_string(), 1)),
            }
        }
        out
    }

    pub fn verified_count(&self) -> usize {
        self.events.iter().filter(|e| e.is_verified()).count()
    }

    pub fn quote_count(&self) -> usize {
        self.events.iter().map(|e| e.citations.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str, date: &str, end: Option<&str>, open: OpenEnds) -> Event {
        Event {
            id: id.into(),
            date: PartialDate::parse(date).unwrap(),
            end: end.map(|d| PartialDate::parse(d).unwrap()),
            status: Status::Held,
            kind: Kind::Other,
            countries: ThinVec::new(),
            place_ids: ThinVec::new(),
            person_ids: ThinVec::new(),
            title: Shared::default(),
            title_vi: None,
            summary: Shared::default(),
            citations: ThinVec::new(),
            open,
            extra: None,
        }
    }

    /// "By 1992" is at 1992: a period up to 1980 does not take it, as it took every open start.
    /// "2020 onwards" goes on: a period after 2030 takes it.
    #[test]
    fn an_open_start_is_at_its_date_and_an_open_end_goes_on() {
        let d = |s: &str| PartialDate::parse(s).unwrap();
        let by = event("by", "1992", None, OpenEnds { start: Some(OpenEnd::Open), end: None });
        assert!(!by.overlaps(None, Some(&d("1980"))));
        assert!(by.overlaps(None, Some(&d("1992"))));
        assert!(by.overlaps(Some(&d("1990")), Some(&d("2000"))));
        assert!(!by.overlaps(Some(&d("1993")), None));
        let onwards = event("on", "2020", None, OpenEnds { start: None, end: Some(OpenEnd::Open) });
        assert!(onwards.overlaps(Some(&d("2030")), None));
        assert!(!onwards.overlaps(None, Some(&d("2019"))));
    }

    /// A file of a million tiny slides is mostly its events: keep them small (issue 17).
    #[test]
    fn an_event_takes_at_most_160_bytes() {
        assert!(size_of::<Event>() <= 160, "{} bytes", size_of::<Event>());
    }

    /// Every slide of a TimelineJS file with media has an `Extra` and a `Media` (they were 184
    /// and 192 bytes with `String`s and `Vec`s).
    #[test]
    fn a_slide_s_extra_and_media_stay_small() {
        assert!(size_of::<Extra>() <= 112, "{} bytes", size_of::<Extra>());
        assert!(size_of::<Media>() <= 136, "{} bytes", size_of::<Media>());
    }

    #[test]
    fn events_sort_by_start_open_rank_precision_length_then_id() {
        let open_start = OpenEnds { start: Some(OpenEnd::Open), end: None };
        let open_end = OpenEnds { start: None, end: Some(OpenEnd::Open) };
        let plain = OpenEnds::default();
        let mut events = vec![
            event("k", "2020-01-01", None, plain),
            event("j", "2020-01", None, plain),
            event("i", "2020", Some("2022"), plain),
            event("h", "2020", None, open_end),
            event("g", "2020", Some("2021"), plain),
            event("f", "2020", None, plain),
            event("e", "2020", None, open_start),
            event("d", "2019", None, plain),
            event("b", "202X", None, plain),
            event("c", "2020", None, plain),
            event("a", "2020~", None, plain),
        ];
        sort_events(&mut events);
        let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        // The decade `202X` is coarser than the year 2020 it starts with, so comes before it.
        assert_eq!(ids, ["d", "e", "b", "a", "c", "f", "g", "i", "j", "k", "h"]);
    }

    /// A run of events sharing a start longer than `RUN_KEYS` is sorted without written-out keys,
    /// into the order a full sort by every key gives.
    #[test]
    fn a_long_run_of_one_start_sorts_as_a_short_one_does() {
        let ends = [None, Some("2021"), Some("2020-06"), Some("2022")];
        let opens = [OpenEnds::default(), OpenEnds { start: None, end: Some(OpenEnd::Open) }];
        let mut events: Vec<Event> = (0..RUN_KEYS + 100)
            .map(|i| {
                // Spread, so that neither the input's order nor the ids' order is the answer.
                let k = (i * 7919) % (RUN_KEYS + 100);
                let date = if k.is_multiple_of(3) { "2020" } else { "2020-01" };
                let end = if date == "2020" { ends[k % 4] } else { None };
                event(&format!("e{k}"), date, end, opens[usize::from(k.is_multiple_of(5) && end.is_none())])
            })
            .collect();
        let mut expected = events.clone();
        expected.sort_by(|a, b| {
            let key = |e: &Event| (e.date.start(), e.open_rank(), e.date.precision(), e.date.end());
            key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
        });
        // 2020 and 2020-01 start on the same day: one run.
        assert!(events.iter().all(|e| e.date.start() == events[0].date.start()));
        sort_events(&mut events);
        let ids = |es: &[Event]| es.iter().map(|e| e.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(&events), ids(&expected));
    }
}
