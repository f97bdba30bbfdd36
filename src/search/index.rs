//! The search index: every searchable field of every event, folded once at load.

use crate::model::{EntityKind, Event, Timeline};
use crate::text::fold::fold_str;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

/// Which part of an event a piece of text is. The order is the tie-break order of ranking:
/// a match in the title beats one in a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Field {
    Title,
    TitleVi,
    Person(u16),
    Place(u16),
    Country(u16),
    CountryVi(u16),
    Summary,
    Date,
    /// A TimelineJS or markwhen group.
    Group,
    /// A markwhen event's `#tags`.
    Tags,
    Quote(u16),
}

impl Field {
    /// Short fields are matched fuzzily; in long ones a fuzzy term must appear as written
    /// (letters adjacent), or nearly every query would match nearly every paragraph.
    pub fn is_short(self) -> bool {
        matches!(
            self,
            Field::Title | Field::Person(_) | Field::Place(_) | Field::Country(_) | Field::CountryVi(_)
        )
    }

    /// Rank for tie-breaking: lower is more prominent.
    pub fn rank(self) -> u8 {
        match self {
            Field::Title => 0,
            Field::Person(_) | Field::Place(_) | Field::Country(_) | Field::CountryVi(_) => 1,
            Field::TitleVi => 2,
            Field::Summary | Field::Date | Field::Group | Field::Tags => 3,
            Field::Quote(_) => 4,
        }
    }

    /// How much a match here counts: a term's score in a field is its match score times the
    /// field's weight. Title 8, people, places and countries 5, Vietnamese headline 3, summary
    /// and date 2, quotes 1 (see the README).
    pub fn weight(self) -> i64 {
        match self.rank() {
            0 => 8,
            1 => 5,
            2 => 3,
            3 => 2,
            _ => 1,
        }
    }

    /// The fields a text term of `scope` looks at.
    pub fn in_scope(self, scope: super::query::Scope) -> bool {
        use super::query::Scope;
        match scope {
            Scope::All => true,
            Scope::People => matches!(self, Field::Person(_)),
            Scope::Places => matches!(self, Field::Place(_)),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::TitleVi => "Vietnamese headline",
            Field::Person(_) => "people",
            Field::Place(_) => "places",
            Field::Country(_) | Field::CountryVi(_) => "countries",
            Field::Summary => "summary",
            Field::Date => "date",
            Field::Group => "group",
            Field::Tags => "tags",
            Field::Quote(_) => "a source quote",
        }
    }
}

/// The original text of a field of an event.
pub fn field_text<'a>(t: &'a Timeline, e: &'a Event, f: Field) -> Cow<'a, str> {
    Cow::Borrowed(match f {
        Field::Title => &e.title,
        Field::TitleVi => e.title_vi().unwrap_or(""),
        Field::Person(i) => {
            e.person_ids.get(i as usize).map_or("", |&id| t.entity_name(EntityKind::Person, id))
        }
        Field::Place(i) => e.place_ids.get(i as usize).map_or("", |&id| t.entity_name(EntityKind::Place, id)),
        Field::Country(i) => e.countries.get(i as usize).map_or("", |&c| t.countries[c].name.as_str()),
        Field::CountryVi(i) => e.countries.get(i as usize).map_or("", |&c| t.countries[c].name_vi.as_str()),
        Field::Summary => &e.summary,
        // The date as searched: the date in words, and a TimelineJS display date beside it, so
        // that `century` finds the `5th century BCE` the list shows.
        Field::Date => {
            let (shown, label) = (e.shown_date(), e.date_text());
            return Cow::Owned(if shown == label { label } else { format!("{shown} {label}") });
        }
        Field::Group => e.group().unwrap_or(""),
        Field::Tags => {
            return Cow::Owned(e.tags_text());
        }
        Field::Quote(i) => e.citations.get(i as usize).map_or("", |c| c.quote.as_str()),
    })
}

/// Every field of an event that is searched, in rank order (short fields first).
pub fn fields_of(e: &Event) -> impl Iterator<Item = Field> + '_ {
    let n = |len: usize| 0..len.min(u16::MAX as usize) as u16;
    std::iter::once(Field::Title)
        .chain(n(e.person_ids.len()).map(Field::Person))
        .chain(n(e.place_ids.len()).map(Field::Place))
        .chain(n(e.countries.len()).flat_map(|i| [Field::Country(i), Field::CountryVi(i)]))
        .chain(e.title_vi().map(|_| Field::TitleVi))
        .chain([Field::Date, Field::Summary])
        .chain(e.group().map(|_| Field::Group))
        .chain((!e.tags().is_empty()).then_some(Field::Tags))
        .chain(n(e.citations.len()).map(Field::Quote))
}

/// The bytes the folded texts of a mapped cache lie in (see `text::arena`).
pub use crate::text::arena::Arena;

/// Where an event's folded text is: its own, or a range of an arena checked as UTF-8.
#[derive(Debug, Clone)]
enum Text {
    Own(Box<str>),
    Shared(Arc<Arena>, usize, u32),
}

impl Text {
    fn as_str(&self) -> &str {
        match self {
            Text::Own(text) => text,
            Text::Shared(arena, start, len) => {
                let bytes = &arena.bytes()[*start..*start + *len as usize];
                // SAFETY: checked as UTF-8 when made (`EventIndex::shared`), and the arena's bytes
                // never change (`Arena::new`'s contract).
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
        }
    }
}

/// One event's searchable text, as built or decoded: every field folded, end to end, and where
/// each field starts. A `SearchIndex` keeps the texts and lays every table end to end.
#[derive(Debug, Clone)]
pub struct EventIndex {
    text: Text,
    fields: Box<[(Field, u32)]>,
}

impl EventIndex {
    fn new(t: &Timeline, e: &Event) -> Self {
        let mut text = String::new();
        let mut fields = Vec::new();
        for field in fields_of(e) {
            fields.push((field, text.len() as u32));
            text.push_str(&fold_str(&field_text(t, e, field)));
        }
        Self { text: Text::Own(text.into_boxed_str()), fields: fields.into_boxed_slice() }
    }

    /// An event's index from its folded text and field table (read from the cache), if the
    /// table fits the text.
    pub fn from_parts(text: Box<str>, fields: Box<[(Field, u32)]>) -> Option<Self> {
        let index = Self { text: Text::Own(text), fields };
        index.view().is_consistent().then_some(index)
    }

    /// An event's index over its folded text where it lies in `arena` (`range`), if that is
    /// UTF-8 and the table fits it.
    pub fn shared(arena: &Arc<Arena>, range: Range<usize>, fields: Box<[(Field, u32)]>) -> Option<Self> {
        std::str::from_utf8(arena.bytes().get(range.clone())?).ok()?;
        let text = Text::Shared(Arc::clone(arena), range.start, u32::try_from(range.len()).ok()?);
        let index = Self { text, fields };
        index.view().is_consistent().then_some(index)
    }

    /// This event's index, as a `SearchIndex` gives it.
    pub fn view(&self) -> Indexed<'_> {
        Indexed { text: self.text.as_str(), fields: &self.fields }
    }

    /// Each field and its folded text.
    pub fn fields(&self) -> impl Iterator<Item = (Field, &str)> {
        self.view().fields()
    }

    /// All the folded text.
    pub fn all_text(&self) -> &str {
        self.text.as_str()
    }
}

/// One event of an index: its folded text, and where each field starts in it.
#[derive(Debug, Clone, Copy)]
pub struct Indexed<'a> {
    text: &'a str,
    fields: &'a [(Field, u32)],
}

impl<'a> Indexed<'a> {
    /// Where each field starts in `all_text`, to store in the cache.
    pub fn field_table(self) -> &'a [(Field, u32)] {
        self.fields
    }

    /// Each field and its folded text.
    pub fn fields(self) -> impl Iterator<Item = (Field, &'a str)> {
        self.spans().map(move |(f, span)| (f, &self.text[span]))
    }

    /// Each field and where its folded text lies in `all_text`.
    pub fn spans(self) -> impl Iterator<Item = (Field, Range<usize>)> {
        let (len, fields) = (self.text.len(), self.fields);
        fields.iter().enumerate().map(move |(i, &(f, start))| {
            let end = fields.get(i + 1).map_or(len, |n| n.1 as usize);
            (f, start as usize..end)
        })
    }

    /// Whether the field table fits the text (ascending offsets on character boundaries): checked
    /// on an index read from the cache, so that `fields` can never slice out of bounds.
    pub fn is_consistent(self) -> bool {
        let mut last = 0;
        self.fields.iter().all(|&(_, start)| {
            let ok = start >= last && self.text.is_char_boundary(start as usize);
            last = start;
            ok
        })
    }

    /// All the folded text, for a quick check that a term can match at all.
    pub fn all_text(self) -> &'a str {
        self.text
    }
}

/// All events' folded text, built once at load. The field tables lie end to end in one vector:
/// a search reads them in event order, from memory the processor fetches ahead, instead of
/// from a small allocation of each event's somewhere in the heap.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    texts: Vec<Text>,
    /// Every event's field table; event `i`'s is `table[ends[i - 1]..ends[i]]`.
    table: Vec<(Field, u32)>,
    ends: Vec<usize>,
}

impl SearchIndex {
    /// The index of these events, in order.
    pub fn from_events(events: Vec<EventIndex>) -> Self {
        let mut index = SearchIndex::with_capacity(events.len(), events.iter().map(|e| e.fields.len()).sum());
        for e in events {
            index.push(e);
        }
        index
    }

    /// An empty index with room for `events` events of `fields` fields in all.
    pub fn with_capacity(events: usize, fields: usize) -> Self {
        SearchIndex {
            texts: Vec::with_capacity(events),
            table: Vec::with_capacity(fields),
            ends: Vec::with_capacity(events),
        }
    }

    /// Makes room for the field tables of `more` events like those pushed so far (a twentieth
    /// more), so that the shared table grows once instead of doubling.
    pub fn reserve_like(&mut self, more: usize) {
        let (events, fields) = (self.ends.len().max(1), self.table.len());
        let want = fields.saturating_mul(more) / events;
        self.table.reserve_exact(want.saturating_add(want / 20));
    }

    /// Adds the next event's index (its field table is copied into the shared one).
    pub fn push(&mut self, e: EventIndex) {
        self.table.extend_from_slice(&e.fields);
        self.ends.push(self.table.len());
        self.texts.push(e.text);
    }

    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Gives back the memory of the mapped cache the folded text is read from in place, which is
    /// read again where it is touched (`Arena::release`); nothing for a text of its own.
    pub fn release_pages(&self) {
        if let Some(Text::Shared(arena, ..)) = self.texts.iter().find(|t| matches!(t, Text::Shared(..))) {
            arena.release();
        }
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// Event `i`'s index (`i < len()`).
    pub fn event(&self, i: usize) -> Indexed<'_> {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Indexed { text: self.texts[i].as_str(), fields: &self.table[start..self.ends[i]] }
    }

    /// Every event's index, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Indexed<'_>> + ExactSizeIterator {
        (0..self.len()).map(|i| self.event(i))
    }

    /// Folds every event's fields, spread over the cores.
    pub fn build(t: &Timeline) -> Self {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let per = t.events.len().div_ceil(threads).max(1024);
        let events = std::thread::scope(|s| {
            let parts: Vec<_> = t
                .events
                .chunks(per)
                .map(|chunk| s.spawn(move || chunk.iter().map(|e| EventIndex::new(t, e)).collect::<Vec<_>>()))
                .collect();
            parts.into_iter().flat_map(|p| p.join().unwrap_or_default()).collect()
        });
        Self::from_events(events)
    }
}
