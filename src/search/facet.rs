//! The facets an event is filtered by, as one table: countries, kinds, people, places,
//! TimelineJS groups. A row says how its field query reads (`country:LA`), which values there
//! are, how a value is named (in the status line, and to find it again after a reload), and
//! what the session calls its filter. The filter keeps a facet's choice as the field tests of
//! its values (`FieldTest::Country(3)`), so `passes_filters`, the field query and the hoisting of
//! a query into the filter test an event the same way. The app's picker table
//! (`app::picker::FACETS`) adds what a picker needs to each row. Adding a facet is a row here,
//! its `FacetId`, and the `FieldTest` that reads its value off an event.

use super::fields::{self, FieldTest};
use super::query::{QueryError, Test};
use crate::model::{EntityKind, Kind, Timeline};

/// Which facet: the index of its row in `FACETS` and of its choice in `Filter::facets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FacetId {
    Country,
    Kind,
    Person,
    Place,
    /// TimelineJS groups, by their order of first appearance (`Timeline::groups`).
    Group,
}

/// How many facets there are.
pub const FACET_COUNT: usize = FACETS.len();

/// One facet: a row of `FACETS`.
pub struct Facet {
    pub id: FacetId,
    /// The name of its field query, before the colon (`country` of `country:LA`).
    pub field: &'static str,
    /// A field query of it, for messages: `country:LA`.
    pub example: &'static str,
    /// What is chosen among, in the plural: the status line says `countries LA,AZ`.
    pub plural: &'static str,
    /// What the status line calls its filter once it is cleared.
    pub filter_name: &'static str,
    /// Reads the field query's value: a test of this facet (`country:laos`), or a text term
    /// (`person:` and `place:` match names and aliases as a phrase, which no filter does).
    pub query: fn(&str, &Timeline) -> Result<Test, QueryError>,
    /// Whether a field test is a value of this facet.
    pub owns: fn(&FieldTest) -> bool,
    /// Every value's name, in the order of its id (the picker's order): a country's code, a
    /// kind's name, a person's, place's or group's name. Names are unique within a facet.
    pub names: fn(&Timeline) -> Vec<String>,
    /// The value of an id, as its field test.
    pub value: fn(&Timeline, usize) -> FieldTest,
    /// A value's name (one of `names`).
    pub name: fn(&Timeline, &FieldTest) -> String,
}

pub const FACETS: [Facet; 5] = [
    Facet {
        id: FacetId::Country,
        field: "country",
        example: "country:LA",
        plural: "countries",
        filter_name: "country filter",
        query: |value, t| match t.find_country(value) {
            Some(c) => Ok(Test::Field(FieldTest::Country(c))),
            None => Err(QueryError(crate::model::country::unknown_message(&t.countries, value))),
        },
        owns: |x| matches!(x, FieldTest::Country(_)),
        names: |t| t.countries.iter().map(|c| c.code.clone()).collect(),
        value: |_, i| FieldTest::Country(i),
        name: |t, x| match x {
            FieldTest::Country(c) => t.countries.get(*c).map(|c| c.code.clone()).unwrap_or_default(),
            _ => String::new(),
        },
    },
    Facet {
        id: FacetId::Kind,
        field: "kind",
        example: "kind:visit",
        plural: "kinds",
        filter_name: "kind filter",
        query: |value, _| match Kind::parse(value) {
            Some(k) => Ok(Test::Field(FieldTest::Kind(k))),
            None => Err(QueryError(format!("unknown kind `{value}`; kinds are {}", Kind::names()))),
        },
        owns: |x| matches!(x, FieldTest::Kind(_)),
        names: |_| Kind::ALL.iter().map(|k| k.as_str().to_string()).collect(),
        value: |_, i| FieldTest::Kind(Kind::ALL.get(i).copied().unwrap_or(Kind::ALL[0])),
        name: |_, x| match x {
            FieldTest::Kind(k) => k.as_str().to_string(),
            _ => String::new(),
        },
    },
    Facet {
        id: FacetId::Person,
        field: "person",
        example: "person:to-lam",
        plural: "people",
        filter_name: "people filter",
        query: |value, t| fields::entity("person", value, t),
        owns: |x| matches!(x, FieldTest::Person(_)),
        names: |t| t.people.iter().map(|e| e.name.clone()).collect(),
        value: |_, i| FieldTest::Person(i),
        name: |t, x| match x {
            FieldTest::Person(i) => {
                t.entities(EntityKind::Person).get(*i).map(|e| e.name.clone()).unwrap_or_default()
            }
            _ => String::new(),
        },
    },
    Facet {
        id: FacetId::Place,
        field: "place",
        example: "place:baku",
        plural: "places",
        filter_name: "places filter",
        query: |value, t| fields::entity("place", value, t),
        owns: |x| matches!(x, FieldTest::Place(_)),
        names: |t| t.places.iter().map(|e| e.name.clone()).collect(),
        value: |_, i| FieldTest::Place(i),
        name: |t, x| match x {
            FieldTest::Place(i) => {
                t.entities(EntityKind::Place).get(*i).map(|e| e.name.clone()).unwrap_or_default()
            }
            _ => String::new(),
        },
    },
    Facet {
        id: FacetId::Group,
        field: "group",
        example: "group:Wars",
        plural: "groups",
        filter_name: "group filter",
        query: |value, t| fields::group(value, t).map(|g| Test::Field(FieldTest::Group(g))),
        owns: |x| matches!(x, FieldTest::Group(_)),
        names: |t| t.groups().into_iter().map(|(name, _)| name).collect(),
        value: |t, i| {
            FieldTest::Group(t.groups().into_iter().nth(i).map(|(name, _)| name).unwrap_or_default())
        },
        name: |_, x| match x {
            FieldTest::Group(g) => g.clone(),
            _ => String::new(),
        },
    },
];

impl FacetId {
    /// Every facet, in the table's order.
    pub fn all() -> impl Iterator<Item = FacetId> {
        FACETS.iter().map(|f| f.id)
    }

    /// This facet's row.
    pub fn facet(self) -> &'static Facet {
        &FACETS[self as usize]
    }
}

impl Facet {
    /// The facet a field test is a value of (`None` for `status:`, `after:` …).
    pub fn owning(test: &FieldTest) -> Option<&'static Facet> {
        FACETS.iter().find(|f| (f.owns)(test))
    }

    /// The row of a field query's name (`country`).
    pub fn by_field(name: &str) -> Option<&'static Facet> {
        FACETS.iter().find(|f| f.field == name)
    }

    /// The id of a value (its place in `names`), if `t` has it.
    pub fn id_of(&self, t: &Timeline, value: &FieldTest) -> Option<usize> {
        let name = (self.name)(t, value);
        (self.names)(t).iter().position(|n| *n == name)
    }

    /// The same value in other data (after a reload), found by its name.
    pub fn carry(&self, old: &Timeline, new: &Timeline, value: &FieldTest) -> Option<FieldTest> {
        let name = (self.name)(old, value);
        (self.names)(new).iter().position(|n| *n == name).map(|i| (self.value)(new, i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_is_at_the_place_of_its_id() {
        for (i, f) in FACETS.iter().enumerate() {
            assert_eq!(f.id as usize, i, "{}", f.field);
            assert_eq!(f.id.facet().field, f.field);
        }
    }

    /// For every facet and value: the value is its own, its name finds it again, and the names
    /// are unique (what a reload and the picker rely on).
    #[test]
    fn values_and_names_go_both_ways() {
        let t = crate::frozen();
        for f in &FACETS {
            let names = (f.names)(&t);
            for (i, name) in names.iter().enumerate() {
                let v = (f.value)(&t, i);
                assert!((f.owns)(&v), "{}: {v:?}", f.field);
                assert_eq!(Facet::owning(&v).map(|o| o.id), Some(f.id));
                assert_eq!(&(f.name)(&t, &v), name);
                assert_eq!(f.id_of(&t, &v), Some(i), "{}: {name} twice?", f.field);
                assert_eq!(f.carry(&t, &t, &v), Some(v));
            }
        }
    }
}
