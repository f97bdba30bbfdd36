//! The command line: clap flags (`args`) become a checked `Filter`; the sub-commands
//! (`commands`) print.

pub mod args;
pub mod commands;
pub mod output;

use crate::model::{EntityKind, Kind, Timeline};
use crate::search::{Engine, FacetId, FieldTest, Filter, Order};
use args::SelectArgs;
use std::fmt;

/// A mistake on the command line: exit status 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Builds the search filter from command-line values, checking each against the data set.
pub fn build_filter(
    t: &Timeline,
    countries: &[String],
    kinds: &[String],
    from: Option<&str>,
    to: Option<&str>,
    search: Option<&str>,
) -> Result<Filter, UsageError> {
    let mut filter = Filter { query: search.unwrap_or_default().to_string(), ..Filter::default() };
    for c in countries {
        let Some(i) = t.find_country(c) else {
            return Err(UsageError(crate::model::country::unknown_message(&t.countries, c)));
        };
        filter.choose(FieldTest::Country(i));
    }
    for k in kinds {
        let kind = Kind::parse(k)
            .ok_or_else(|| UsageError(format!("unknown kind `{k}`; kinds are {}", Kind::names())))?;
        filter.chosen_mut(FacetId::Kind).push(FieldTest::Kind(kind));
    }
    let date = |flag: &str, s: &str| {
        crate::search::dates::period(s).map_err(|e| UsageError(format!("invalid value for {flag}: {e}")))
    };
    filter.from = from.map(|s| date("--from", s)).transpose()?;
    filter.to = to.map(|s| date("--to", s)).transpose()?;
    if let (Some(f), Some(t)) = (filter.from, filter.to)
        && t.end() <= f.start()
    {
        return Err(UsageError(format!("--to {} is before --from {}", t.iso(), f.iso())));
    }
    crate::search::Query::parse(&filter.query, t).map_err(|e| UsageError(format!("--search: {e}")))?;
    Ok(filter)
}

/// Relevance or chronological order for `list`.
pub fn order(chronological: bool) -> Order {
    if chronological { Order::Chronological } else { Order::Relevance }
}

/// Resolves `--person` / `--place` values to entity ids: each must name one entity (by its name
/// or an alias, or a part of one that only it has), ignoring case and accents.
pub fn entity_ids(t: &Timeline, kind: EntityKind, names: &[String]) -> Result<Vec<usize>, UsageError> {
    let mut ids = Vec::new();
    for name in names {
        let found = t.find_entities(kind, name);
        // Exactly a name, as typed or as a slug's words (`ha-noi` is Hà Nội, not Hà Nội Old Quarter).
        let folded = crate::text::fold::fold_str(name.trim());
        let exact = found.first().filter(|&&i| t.entities(kind)[i].is_named_query(&folded));
        let id = match (exact, found.as_slice()) {
            (Some(id), _) | (None, [id]) => *id,
            (None, []) => {
                let cmd = kind.section();
                return Err(UsageError(format!(
                    "no {} matches `{name}`; `timeline {cmd}` lists them",
                    kind.noun()
                )));
            }
            (None, several) => {
                let names: Vec<&str> = several.iter().map(|&i| t.entities(kind)[i].name.as_str()).collect();
                return Err(UsageError(format!("`{name}` could be any of: {}; say which", names.join(", "))));
            }
        };
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// The events `list` and `export` print, as indexes into `t.events`, in the order asked for.
pub fn select(t: &Timeline, engine: &Engine, a: &SelectArgs) -> Result<Vec<usize>, UsageError> {
    let mut filter =
        build_filter(t, &a.country, &a.kind, a.from.as_deref(), a.to.as_deref(), a.search.as_deref())?;
    filter.order = order(a.chronological);
    filter.verified = a.verified;
    *filter.chosen_mut(FacetId::Person) =
        entity_ids(t, EntityKind::Person, &a.person)?.into_iter().map(FieldTest::Person).collect();
    *filter.chosen_mut(FacetId::Place) =
        entity_ids(t, EntityKind::Place, &a.place)?.into_iter().map(FieldTest::Place).collect();
    for g in &a.group {
        // The same names as `group:` takes.
        let name = crate::search::fields::group(g, t).map_err(|e| UsageError(e.0))?;
        filter.chosen_mut(FacetId::Group).push(FieldTest::Group(name));
    }
    Ok(engine.run(t, &filter).iter().map(|h| h.event).collect())
}
