//! The facets a picker filters by, as one table: countries, kinds, people, places, TimelineJS
//! groups. A row says what the facet is called, which keys open and clear it, what there is to
//! choose, how the shown events are counted by it, how its choice is kept in the `Filter`, and
//! whether a data set without any is offered it. The picker, the key bar, the status line and
//! the picker's title read this table; adding a facet is a row here (plus its field in `Filter`
//! and its test in `search::passes_filters`, which the search layer owns).

use super::PickerKind;
use crate::app::Part;
use crate::input::Action;
use crate::model::{EntityKind, Kind, Timeline};
use crate::search::Filter;
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

/// One facet: a row of `FACETS`.
pub struct Facet {
    pub kind: PickerKind,
    /// What is chosen among, in the plural: the picker's message and the status line say it.
    pub plural: &'static str,
    /// The picker's title.
    pub title: &'static str,
    /// The action (key) that opens the picker, and the one that clears the facet's filter.
    pub open: Action,
    pub clear: Option<Action>,
    /// The part of the filter it is, for Esc and the clearing keys.
    pub part: Part,
    /// Whether the data set has anything to pick (a file without countries gets no country
    /// picker, and no key for it in the key bar).
    pub offered: fn(&Timeline) -> bool,
    /// Every choice, in the order of its id.
    pub choices: fn(&Timeline) -> Vec<Choice>,
    /// How many of the events `shown` have each choice (an event's values, read and counted).
    pub count: fn(&Timeline, &[usize]) -> Vec<usize>,
    pub sort: Sort,
    /// The chosen ids, taken out of a filter (the counts honour every other filter).
    pub take: fn(&mut Filter, &Timeline) -> Vec<usize>,
    /// Puts chosen ids (sorted) into a filter.
    pub put: fn(&mut Filter, &Timeline, Vec<usize>),
    /// The chosen values as the status line names them: `LA`, `visit`, `Tô Lâm`.
    pub named: fn(&Filter, &Timeline) -> Vec<String>,
}

pub const FACETS: [Facet; 5] = [
    Facet {
        kind: PickerKind::Country,
        part: Part::Countries,
        plural: "countries",
        title: "Countries",
        open: Action::PickCountries,
        clear: Some(Action::ClearCountries),
        offered: |t| !t.countries.is_empty(),
        choices: country_choices,
        count: |t, shown| t.country_counts(shown.iter().copied()),
        sort: Sort::MostThenLabel,
        take: |f, _| std::mem::take(&mut f.countries),
        put: |f, _, ids| f.countries = ids,
        named: |f, t| f.countries.iter().map(|&c| t.countries[c].code.clone()).collect(),
    },
    Facet {
        kind: PickerKind::Kind,
        part: Part::Kinds,
        plural: "kinds",
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
        sort: Sort::AsListed,
        take: |f, _| std::mem::take(&mut f.kinds).iter().map(|&k| kind_index(k)).collect(),
        put: |f, _, ids| f.kinds = ids.iter().map(|&i| Kind::ALL[i]).collect(),
        named: |f, _| f.kinds.iter().map(|k| k.as_str().to_string()).collect(),
    },
    Facet {
        kind: PickerKind::Person,
        part: Part::People,
        plural: "people",
        title: "People",
        open: Action::PickPeople,
        clear: None,
        offered: |t| !t.people.is_empty(),
        choices: |t| entity_choices(t, EntityKind::Person),
        count: |t, shown| t.entity_counts(EntityKind::Person, shown.iter().copied()),
        sort: Sort::MostThenLabel,
        take: |f, _| std::mem::take(&mut f.people),
        put: |f, _, ids| f.people = ids,
        named: |f, t| f.people.iter().map(|&i| t.people[i].name.clone()).collect(),
    },
    Facet {
        kind: PickerKind::Place,
        part: Part::Places,
        plural: "places",
        title: "Places",
        open: Action::PickPlaces,
        clear: None,
        offered: |t| !t.places.is_empty(),
        choices: |t| entity_choices(t, EntityKind::Place),
        count: |t, shown| t.entity_counts(EntityKind::Place, shown.iter().copied()),
        sort: Sort::MostThenLabel,
        take: |f, _| std::mem::take(&mut f.places),
        put: |f, _, ids| f.places = ids,
        named: |f, t| f.places.iter().map(|&i| t.places[i].name.clone()).collect(),
    },
    // TimelineJS groups, by their order of first appearance (`Timeline::groups`); the filter
    // keeps their names.
    Facet {
        kind: PickerKind::Group,
        part: Part::Groups,
        plural: "groups",
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
        take: |f, t| {
            let groups = t.groups();
            let names = std::mem::take(&mut f.groups);
            names.iter().filter_map(|n| groups.iter().position(|(g, _)| g == n)).collect()
        },
        put: |f, t, ids| {
            let groups = t.groups();
            f.groups = ids.iter().filter_map(|&i| groups.get(i).map(|(g, _)| g.clone())).collect();
        },
        named: |f, _| f.groups.clone(),
    },
];

impl Facet {
    /// The row of a picker.
    pub fn of(kind: PickerKind) -> &'static Facet {
        // Every kind has its row: `every_picker_has_one_row` holds it.
        FACETS.iter().find(|f| f.kind == kind).unwrap_or(&FACETS[0])
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
    fn every_picker_has_one_row() {
        let kinds =
            [PickerKind::Country, PickerKind::Kind, PickerKind::Person, PickerKind::Place, PickerKind::Group];
        for kind in kinds {
            assert_eq!(FACETS.iter().filter(|f| f.kind == kind).count(), 1, "{kind:?}");
            assert_eq!(Facet::of(kind).kind, kind);
        }
    }

    /// What `take` takes out of a filter, `put` puts back, for every facet.
    #[test]
    fn a_choice_goes_into_the_filter_and_back() {
        let t = crate::frozen();
        for facet in &FACETS {
            let n = (facet.choices)(&t).len();
            let ids: Vec<usize> = [0, n.saturating_sub(1)].into_iter().filter(|&i| i < n).collect::<Vec<_>>();
            let mut ids = ids;
            ids.dedup();
            let mut f = Filter::default();
            (facet.put)(&mut f, &t, ids.clone());
            assert_eq!((facet.named)(&f, &t).len(), ids.len(), "{}", facet.plural);
            assert_eq!((facet.take)(&mut f, &t), ids, "{}", facet.plural);
            assert_eq!((facet.take)(&mut f, &t), Vec::<usize>::new(), "{}: taken out", facet.plural);
            assert_eq!((facet.count)(&t, &[]).len(), n);
        }
    }
}
