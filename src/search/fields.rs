//! Field queries: `country:LA`, `kind:visit`, `person:to-lam`, `place:baku`, `source:004`,
//! `status:planned`, `after:2020`, `before:2026-02`, `year:1992`. The same tests back the
//! command line's `--country`, `--kind`, `--from` and `--to`, so both always agree. The fields of
//! the facets (`country`, `kind`, `person`, `place`, `group`) are read by their rows of
//! `facet::FACETS`; the filter keeps a facet's choice as these tests.

use super::facet::Facet;
use super::matcher::{Anchor, compact, find_compact};
use super::query::{QueryError, Scope, TermKind, Test, Text};
use crate::model::{EntityKind, Event, Kind, PartialDate, Status, Timeline};
use crate::text::fold::fold_str;

/// A field query that is a yes/no test of an event (`person:` and `place:` are text terms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldTest {
    Country(usize),
    Kind(Kind),
    Status(Status),
    /// Indexes into `Timeline::sources`, sorted.
    Source(Vec<usize>),
    After(PartialDate),
    Before(PartialDate),
    Year(PartialDate),
    /// A TimelineJS group, by name (case and accents optional).
    Group(String),
    /// A person or a place (an index into `Timeline::people` or `places`): the people and
    /// places filters. The field queries `person:` and `place:` are text terms instead.
    Person(usize),
    Place(usize),
    /// Whether a quote from an article checks the event.
    Verified(bool),
}

/// The field names, as typed before the colon, in the order the help names them (every facet's
/// field is among them: `facet::tests` holds it).
pub const NAMES: [&str; 11] = [
    "country", "kind", "person", "place", "source", "status", "after", "before", "year", "group", "verified",
];

/// `name:value` → `(name, value)`, when `name` is a word of letters (so `12:30` is not a field).
pub fn split_field(word: &str) -> Option<(&str, &str)> {
    let (name, value) = word.split_once(':')?;
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic())).then_some((name, value))
}

/// Parses one field query.
pub fn parse(name: &str, value: &str, t: &Timeline) -> Result<Test, QueryError> {
    let name = name.to_ascii_lowercase();
    let value = value.trim();
    let err = |m: String| Err(QueryError(m));
    if !NAMES.contains(&name.as_str()) && !["from", "to"].contains(&name.as_str()) {
        let known = NAMES.map(|n| format!("{n}:")).join(" ");
        let close =
            NAMES.iter().find(|n| crate::model::country::distance(&name, n) <= 2 || n.starts_with(&name));
        let hint = close.map(|n| format!("did you mean {n}:? ")).unwrap_or_default();
        return err(format!("unknown field `{name}:`; {hint}fields are {known}"));
    }
    if value.is_empty() {
        return err(format!("`{name}:` needs a value, as in {}", example(&name)));
    }
    if let Some(facet) = Facet::by_field(&name) {
        return (facet.query)(value, t);
    }
    let field = |f: FieldTest| Ok(Test::Field(f));
    let date =
        |flag: &str| super::dates::period(value).map_err(|e| QueryError(format!("`{flag}:{value}`: {e}")));
    match name.as_str() {
        "status" => match Status::ALL.iter().find(|s| s.as_str().eq_ignore_ascii_case(value)) {
            Some(&s) => field(FieldTest::Status(s)),
            None => err(format!("unknown status `{value}`; it is held or planned")),
        },
        "source" => source(value, t).map(|s| Test::Field(FieldTest::Source(s))),
        "verified" => match value.to_ascii_lowercase().as_str() {
            "yes" | "true" => field(FieldTest::Verified(true)),
            "no" | "false" => field(FieldTest::Verified(false)),
            _ => err(format!("`verified:{value}` is yes or no")),
        },
        "after" | "from" => field(FieldTest::After(date("after")?)),
        "before" | "to" => field(FieldTest::Before(date("before")?)),
        _ => match date("year")? {
            d if d.precision() == crate::model::Precision::Year => field(FieldTest::Year(d)),
            _ => err(format!("`year:{value}` is not a year; write four digits, as in year:1992")),
        },
    }
}

fn example(name: &str) -> &'static str {
    if let Some(facet) = Facet::by_field(name) {
        return facet.example;
    }
    match name {
        "source" => "source:004",
        "status" => "status:planned",
        "year" => "year:1992",
        "verified" => "verified:no",
        "before" | "to" => "before:2026-02",
        _ => "after:2020",
    }
}

/// The sources whose file name starts with `value`, or whose outlet has it at a word start.
fn source(value: &str, t: &Timeline) -> Result<Vec<usize>, QueryError> {
    let folded = fold_str(value);
    let pat = compact(&folded);
    let found: Vec<usize> = (0..t.sources.len())
        .filter(|&i| {
            let s = &t.sources[i];
            fold_str(&s.file).starts_with(&folded)
                || (!pat.is_empty() && find_compact(&fold_str(&s.outlet), &pat, Anchor::WordStart).is_some())
        })
        .collect();
    if found.is_empty() {
        return Err(QueryError(format!(
            "no source file or outlet matches `{value}`; `timeline show ID` names an event's sources"
        )));
    }
    Ok(found)
}

/// `person:` and `place:`: a phrase in the people or places of an event.
pub(super) fn entity(name: &str, value: &str, t: &Timeline) -> Result<Test, QueryError> {
    let (scope, kind) = match name {
        "person" => (Scope::People, EntityKind::Person),
        _ => (Scope::Places, EntityKind::Place),
    };
    // A name or alias of the registry (`Hai-đa A-li-ép`, `To Lam`) searches for the
    // entry's canonical name, which is what events hold.
    let canonical = match t.find_entities(kind, value).as_slice() {
        [id, ..] if t.entities(kind)[*id].is_named_folded(&fold_str(value.trim())) => {
            t.entities(kind)[*id].name.as_str()
        }
        _ => value,
    };
    match Text::new(TermKind::Phrase, scope, canonical) {
        Some(x) => Ok(Test::Text(x)),
        None => Err(QueryError(format!("`{name}:` needs a value, as in {}", example(name)))),
    }
}

/// The group `value` names, as the data set spells it, whatever the case, the accents or the
/// Unicode form (NFC or NFD) of either: a group's whole name (`Project / Phase A`), a parent of
/// nested groups (`Project`, which takes them all, as `passes` does), or a nested group's own last
/// name (`Phase A`) when only one group has it.
pub fn group(value: &str, t: &Timeline) -> Result<String, QueryError> {
    let groups = t.groups();
    let folded = fold_str(value.trim());
    // Every group and every parent of one (`Project` of `Project / Phase A`), first seen first.
    let mut names: Vec<&str> = Vec::new();
    for (name, _) in &groups {
        let parents = name.match_indices(GROUP_SEP).map(|(i, _)| &name[..i]);
        for n in parents.chain(std::iter::once(name.as_str())) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    if let Some(name) = names.iter().find(|n| fold_str(n) == folded) {
        return Ok(name.to_string());
    }
    let last = |n: &str| fold_str(n.rsplit(GROUP_SEP).next().unwrap_or(n));
    let by_last: Vec<&str> = names.iter().copied().filter(|n| last(n) == folded).collect();
    match by_last.as_slice() {
        [one] => Ok(one.to_string()),
        [_, _, ..] => Err(QueryError(format!(
            "group `{value}` is more than one group: {}; write the whole name",
            by_last.join(", ")
        ))),
        [] if groups.is_empty() => Err(QueryError("this data set has no groups".into())),
        [] => {
            let known: Vec<&str> = groups.iter().map(|(n, _)| n.as_str()).collect();
            Err(QueryError(format!("unknown group `{value}`; groups are {}", known.join(", "))))
        }
    }
}

/// What joins nested groups' names (`Project / Phase A`), as the markwhen reader writes them.
const GROUP_SEP: &str = " / ";

/// Whether an event of group `event_group` is in the group `g`: the same group, or one nested
/// in it.
fn in_group(event_group: &str, g: &str) -> bool {
    event_group.strip_prefix(g).is_some_and(|rest| rest.is_empty() || rest.starts_with(GROUP_SEP))
}

/// Whether the event passes a field test.
pub fn passes(test: &FieldTest, e: &Event) -> bool {
    match test {
        FieldTest::Country(c) => e.countries.contains(c),
        FieldTest::Kind(k) => e.kind == *k,
        FieldTest::Status(s) => e.status == *s,
        FieldTest::Source(set) => e.citations.iter().any(|c| set.binary_search(&c.source).is_ok()),
        // Exactly what `--from` and `--to` keep: an open end reaches as far as it needs to.
        FieldTest::After(d) => e.overlaps(Some(d), None),
        FieldTest::Before(d) => e.overlaps(None, Some(d)),
        FieldTest::Year(d) => e.overlaps(Some(d), Some(d)),
        FieldTest::Group(g) => e.group().is_some_and(|eg| in_group(eg, g)),
        FieldTest::Verified(v) => e.is_verified() == *v,
        FieldTest::Person(p) => e.person_ids.contains(p),
        FieldTest::Place(p) => e.place_ids.contains(p),
    }
}

/// The event reaches into or past the period `d` (for a date term; `after:` is `--from`): an
/// open end (`2020/..`, "2020 onwards") reaches every period after its start.
pub fn ends_after(e: &Event, d: &PartialDate) -> bool {
    e.open.end.is_some() || e.end.unwrap_or(e.date).last_day() >= d.first_day()
}

/// The event starts in or before the period `d` (for a date term; `before:` is `--to`).
pub fn starts_before(e: &Event, d: &PartialDate) -> bool {
    e.date.first_day() <= d.last_day()
}

/// A date term's test: the event overlaps the period and is known at least as precisely
/// (`2026-01` finds events of January 2026, not an event dated only `2026`).
pub fn in_period(e: &Event, d: &PartialDate) -> bool {
    ends_after(e, d) && starts_before(e, d) && e.date.precision() >= d.precision()
}
