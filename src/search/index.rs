//! The search index: every searchable field of every event, folded once at load.

use super::fold::{Folded, fold};
use crate::model::{Event, Timeline};

/// Which part of an event a piece of text is. The order is the tie-break order of ranking:
/// a match in the title beats one in a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Title,
    TitleVi,
    Person(u16),
    Place(u16),
    Country(u16),
    CountryVi(u16),
    Summary,
    Date,
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
            Field::TitleVi => 1,
            Field::Person(_) | Field::Place(_) => 2,
            Field::Country(_) | Field::CountryVi(_) => 3,
            Field::Summary | Field::Date => 4,
            Field::Quote(_) => 5,
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
            Field::Quote(_) => "a source quote",
        }
    }
}

/// The original text of a field of an event.
pub fn field_text<'a>(t: &'a Timeline, e: &'a Event, f: Field) -> &'a str {
    match f {
        Field::Title => &e.title,
        Field::TitleVi => e.title_vi.as_deref().unwrap_or(""),
        Field::Person(i) => e.people.get(i as usize).map_or("", String::as_str),
        Field::Place(i) => e.places.get(i as usize).map_or("", String::as_str),
        Field::Country(i) => e.countries.get(i as usize).map_or("", |&c| t.countries[c].name.as_str()),
        Field::CountryVi(i) => e.countries.get(i as usize).map_or("", |&c| t.countries[c].name_vi.as_str()),
        Field::Summary => &e.summary,
        Field::Date => &e.date_text,
        Field::Quote(i) => e.citations.get(i as usize).map_or("", |c| c.quote.as_str()),
    }
}

/// Every field of an event that is searched, in rank order (short fields first).
pub fn fields_of(e: &Event) -> impl Iterator<Item = Field> + '_ {
    let n = |len: usize| 0..len.min(u16::MAX as usize) as u16;
    std::iter::once(Field::Title)
        .chain(n(e.people.len()).map(Field::Person))
        .chain(n(e.places.len()).map(Field::Place))
        .chain(n(e.countries.len()).flat_map(|i| [Field::Country(i), Field::CountryVi(i)]))
        .chain(e.title_vi.iter().map(|_| Field::TitleVi))
        .chain([Field::Date, Field::Summary])
        .chain(n(e.citations.len()).map(Field::Quote))
}

/// A folded field.
#[derive(Debug, Clone)]
pub struct IndexedField {
    pub field: Field,
    pub folded: Folded,
}

/// All events' folded fields, built once.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    pub events: Vec<Vec<IndexedField>>,
}

impl SearchIndex {
    pub fn build(t: &Timeline) -> Self {
        let events = t
            .events
            .iter()
            .map(|e| {
                fields_of(e)
                    .map(|field| IndexedField { field, folded: fold(field_text(t, e, field)) })
                    .collect()
            })
            .collect();
        Self { events }
    }
}
