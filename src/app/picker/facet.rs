//! The pickers of the facets, as one table: a row adds to a facet of the search layer
//! (`search::FACETS`: its field query, filter, names and session part) what its picker needs:
//! the title, the keys that open and clear it, what each choice shows, how the shown events are
//! counted by it, and whether a data set without any is offered it. The picker, the key bar and
//! the picker's title read this table; adding a facet is a row there and a row here.

use crate::input::Action;
use crate::model::{EntityKind, Kind, Timeline};
use crate::search::FacetId;
use crate::text::fold::fold_str;

/// One choice of a facet, before it is counted: its label, the detail beside it, and the words
/// typing matches.
pub struct Choice {
    pub label: String,
    pub detail: String,
    pub words: String,
}

/// How a picker orders its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// As the facet lists them (the kinds, in their fixed order).
    AsListed,
    /// Most events first, then by label.
    MostThenLabel,
    /// Most events first, then as listed (groups, by first appearance).
    MostThenListed,
}

/// One facet's picker: a row of `FACETS`.
pub struct FacetPicker {
    /// The facet it picks, whose row in `search::FACETS` says how the choice filters.
    pub facet: FacetId,
    /// The picker's title.
    pub title: &'static str,
    /// The action (key) that opens the picker, and the one that clears the facet's filter.
    pub open: Action,
    pub clear: Option<Action>,
    /// Whether the data set has anything to pick (a file without countries gets no country
    /// picker, and no key for it in the key bar).
    pub offered: fn(&Timeline) -> bool,
    /// Every choice, in the order of its id (the order of the facet's `names`).
    pub choices: fn(&Timeline) -> Vec<Choice>,
    /// How many of the events `shown` have each choice (an event's values, read and counted).
    pub count: fn(&Timeline, &[usize]) -> Vec<usize>,
    pub sort: Sort,
}

pub const FACETS: [FacetPicker; 5] = [
    FacetPicker {
        facet: FacetId::Country,
        title: "Countries",
        open: Action::PickCountries,
        clear: Some(Action::ClearCountries),
        offered: |t| !t.countries.is_empty(),
        choices: country_choices,
        count: |t, shown| t.country_counts(shown.iter().copied()),
        sort: Sort::MostThenLabel,
    },
    FacetPicker {
        facet: FacetId::Kind,
        title: "Kinds",
        open: Action::PickKinds,
        clear: Some(Action::ClearKinds),
        offered: |t| !t.events.is_empty(),
        choices: |_| {
            let words = |k: &Kind| fold_str(&format!("{} {}", k.label(), k.as_str()));
            let choice =
                |k: &Kind| Choice { label: k.label().into(), detail: k.as_str().into(), words: words(k) };
            Kind::ALL.iter().map(choice).collect()
        },
        count: |t, shown| {
            let mut counts = vec![0; Kind::ALL.len()];
            shown.iter().for_each(|&i| counts[kind_index(t.events[i].kind)] += 1);
            counts
        },
        sort: Sort::MostThenListed,
    },
    FacetPicker {
        facet: FacetId::Person,
        title: "People",
        open: Action::PickPeople,
        clear: None,
        offered: |t| !t.people.is_empty(),
        choices: |t| entity_choices(t, EntityKind::Person),
        count: |t, shown| t.entity_counts(EntityKind::Person, shown.iter().copied()),
        sort: Sort::MostThenLabel,
    },
    FacetPicker {
        facet: FacetId::Place,
        title: "Places",
        open: Action::PickPlaces,
        clear: None,
        offered: |t| !t.places.is_empty(),
        choices: |t| entity_choices(t, EntityKind::Place),
        count: |t, shown| t.entity_counts(EntityKind::Place, shown.iter().copied()),
        sort: Sort::MostThenLabel,
    },
    // TimelineJS groups, by their order of first appearance (`Timeline::groups`).
    FacetPicker {
        facet: FacetId::Group,
        title: "Groups",
        open: Action::PickGroups,
        clear: Some(Action::ClearGroups),
        offered: |t| t.events.iter().any(|e| e.group().is_some()),
        choices: |t| {
            let choice = |(name, all): (String, usize)| Choice {
                detail: format!("{all} in the file"),
                words: fold_str(&name),
                label: name,
            };
            t.groups().into_iter().map(choice).collect()
        },
        count: |t, shown| {
            let groups = t.groups();
            let mut counts = vec![0; groups.len()];
            for e in shown.iter().filter_map(|&i| t.events[i].group()) {
                if let Some(id) = groups.iter().position(|(g, _)| g == e) {
                    counts[id] += 1;
                }
            }
            counts
        },
        sort: Sort::MostThenListed,
    },
];

impl FacetPicker {
    /// The picker of a facet.
    pub fn of(facet: FacetId) -> &'static FacetPicker {
        // Every facet has its row: `every_facet_has_one_picker` holds it.
        FACETS.iter().find(|f| f.facet == facet).unwrap_or(&FACETS[0])
    }

    /// The picker an action opens.
    pub fn opened_by(action: &Action) -> Option<FacetId> {
        FACETS.iter().find(|f| f.open == *action).map(|f| f.facet)
    }
}

fn kind_index(k: Kind) -> usize {
    Kind::ALL.iter().position(|x| *x == k).unwrap_or(0)
}

fn country_choices(t: &Timeline) -> Vec<Choice> {
    let choice = |c: &crate::model::Country| Choice {
        label: c.name.clone(),
        detail: format!("{} · {}", c.name_vi, c.code),
        // Typing an alias (`usa`, `uk`, `korea`) finds the country too.
        words: fold_str(&format!(
            "{} {} {} {}",
            c.name,
            c.name_vi,
            c.code,
            crate::model::country::aliases(&c.code).join(" ")
        )),
    };
    t.countries.iter().map(choice).collect()
}

/// People or places; typing matches the name, any alias and the role.
fn entity_choices(t: &Timeline, kind: EntityKind) -> Vec<Choice> {
    let choice = |e: &crate::model::Entity| {
        let detail = match (&e.role, e.aliases.is_empty()) {
            (Some(role), true) => role.clone(),
            (Some(role), false) => format!("{} · {role}", e.aliases.join(", ")),
            (None, _) => e.aliases.join(", "),
        };
        Choice { words: fold_str(&format!("{} {detail}", e.name)), label: e.name.clone(), detail }
    };
    t.entities(kind).iter().map(choice).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_facet_has_one_picker() {
        for facet in FacetId::all() {
            assert_eq!(FACETS.iter().filter(|f| f.facet == facet).count(), 1, "{facet:?}");
            assert_eq!(FacetPicker::of(facet).facet, facet);
        }
        assert_eq!(FACETS.len(), crate::search::FACET_COUNT);
    }

    /// A picker's choices are the facet's values, in the same order, and counted as many.
    #[test]
    fn choices_are_the_facets_values() {
        let t = crate::frozen();
        for row in &FACETS {
            let names = (row.facet.facet().names)(&t);
            assert_eq!((row.choices)(&t).len(), names.len(), "{:?}", row.facet);
            assert_eq!((row.count)(&t, &[]).len(), names.len(), "{:?}", row.facet);
        }
    }
}
