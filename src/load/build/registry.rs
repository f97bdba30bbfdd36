//! The people and places registries, and the passages `timeline scan` ignores: reading their
//! entries, and resolving every event's `people` and `places` to registry entries once the whole
//! file is read (with "did you mean" for a name that is not registered).

use super::{Builder, Fill};
use crate::load::articles;
use crate::load::json::{self, Spanned, Value};
use crate::load::problem::did_you_mean;
use crate::model::{Entity, EntityKind, ScanIgnore};
use crate::text::fold::fold_str;
use std::collections::HashMap;

/// One registry while it is read.
#[derive(Default)]
pub struct Names {
    /// Whether the data set has this section; without it, every name is its own entity.
    pub declared: bool,
    /// Each name and alias (NFC) → entity id, and where it was written.
    pub by_name: HashMap<String, (usize, usize)>,
}

/// An event's people and places as written, by `slot`.
pub type Written = [Vec<String>; 2];

/// An event's `people` or `places` array, to resolve at the end.
pub struct Pending {
    /// Index into `Timeline::events`, or `None` for an event dropped for another problem.
    pub event: Option<usize>,
    pub kind: EntityKind,
    /// Where the array starts in the data file.
    pub at: usize,
}

fn slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
    }
}

impl Builder<'_> {
    /// Notes that a top-level section was seen (a registry counts even when it is empty).
    pub(super) fn declare(&mut self, section: &str) {
        for kind in [EntityKind::Person, EntityKind::Place] {
            if kind.section() == section {
                self.registry[slot(kind)].declared = true;
            }
        }
    }

    /// One entry of `people` or `places`.
    pub(super) fn entity(&mut self, v: &Spanned, kind: EntityKind) {
        let (what, role_field) = match kind {
            EntityKind::Person => ("a person", "role"),
            EntityKind::Place => ("a place", "about"),
        };
        let Some(f) = self.cx.fields(v, what, &["name"], &["aliases", role_field, "sources"]) else { return };
        let Some(name_v) = f.get("name") else { return };
        let Some(name) = self.cx.string(name_v, "a name").map(articles::to_nfc) else { return };
        let mut names = vec![(name.clone(), name_v.at)];
        if let Some(list) = f.get("aliases") {
            for a in self.cx.array(list, "`aliases`").unwrap_or_default() {
                if let Some(alias) = self.cx.string(a, "an alias") {
                    names.push((articles::to_nfc(alias), a.at));
                }
            }
        }
        let role = f.get(role_field).and_then(|r| self.cx.string(r, "a role")).map(articles::to_nfc);
        let citations = match f.get("sources") {
            Some(list) => {
                let items = self.cx.array(list, "`sources`").unwrap_or_default();
                // The quotes as written: they are checked against the articles after parsing.
                let checks: Vec<usize> =
                    items.iter().filter_map(|c| self.citation(c).map(|(_, k)| k)).collect();
                checks.into_iter().map(|k| self.checks[k].quote.clone()).collect::<Vec<String>>()
            }
            None => Vec::new(),
        };
        if let (Some(_), true, Some(r)) = (&role, f.get("sources").is_none(), f.get(role_field)) {
            self.cx
                .at(r.at, format!("a `{role_field}` is a fact: cite the quotes that back it in `sources`"));
        }
        // With sources, every spelling must be one the sources use.
        if !citations.is_empty() {
            for (n, at) in &names {
                if !citations.iter().any(|quote| quote.contains(n.as_str())) {
                    self.cx.at(*at, format!("`{n}` is in none of this {}'s quotes; quote a passage that spells it so, or drop it", kind.noun()));
                }
            }
        }
        if !self.register(kind, &names) {
            return;
        }
        let aliases = names.into_iter().skip(1).map(|(n, _)| n).collect();
        let entity = Entity::new(name, aliases, role);
        match kind {
            EntityKind::Person => self.timeline.people.push(entity),
            EntityKind::Place => self.timeline.places.push(entity),
        }
    }

    /// Records every name of a new entry; false (each clash reported) if one is already taken.
    fn register(&mut self, kind: EntityKind, names: &[(String, usize)]) -> bool {
        let id = self.timeline.entities(kind).len();
        let mut fresh = true;
        for (i, (n, at)) in names.iter().enumerate() {
            let taken = self.registry[slot(kind)].by_name.get(n).copied();
            if let Some((other, first)) = taken {
                let first = self.cx.pos(first);
                let owner = self.timeline.entities(kind).get(other).map_or(n.as_str(), |e| e.name.as_str());
                let msg = format!(
                    "`{n}` is already a name of the {} `{owner}` (at {first}); a name must lead to one entry",
                    kind.noun()
                );
                self.cx.at(*at, msg);
                fresh = false;
            } else if names[..i].iter().any(|(m, _)| m == n) {
                self.cx.at(*at, format!("`{n}` is listed twice in this entry; keep one"));
                fresh = false;
            }
        }
        if fresh {
            for (n, at) in names {
                self.registry[slot(kind)].by_name.insert(n.clone(), (id, *at));
            }
        }
        fresh
    }

    /// One entry of `scan_ignore`: a quoted passage and the reason its dates are not events.
    pub(super) fn scan_ignore(&mut self, v: &Spanned) {
        let Some(f) = self.cx.fields(v, "a scan ignore", &["file", "quote", "reason"], &[]) else { return };
        let (Some(file_v), Some(quote_v), Some(reason_v)) = (f.get("file"), f.get("quote"), f.get("reason"))
        else {
            return;
        };
        let reason = self.cx.string(reason_v, "a reason").map(str::to_string);
        let (Some((c, check)), Some(reason)) = (self.cite(file_v, quote_v), reason) else { return };
        // Its quote and span are filled in once the articles are read, as a citation's are.
        self.fills.push((Fill::ScanIgnore(self.timeline.scan_ignores.len()), check));
        self.timeline.scan_ignores.push(ScanIgnore {
            source: c.source,
            quote: c.quote.into(),
            span: c.span,
            reason,
        });
    }

    /// Gives every event's people and places their registry ids and canonical names. Without a
    /// registry section, each distinct name becomes an entity of its own.
    pub(super) fn resolve_entities(&mut self) {
        debug_assert_eq!(self.names.len(), self.timeline.events.len(), "names stay parallel to the events");
        for kind in [EntityKind::Person, EntityKind::Place] {
            if !self.registry[slot(kind)].declared {
                self.implicit_registry(kind);
            }
        }
        for p in std::mem::take(&mut self.pending) {
            if self.registry[slot(p.kind)].declared {
                self.resolve(&p);
            }
        }
        self.names = Vec::new();
    }

    fn implicit_registry(&mut self, kind: EntityKind) {
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let mut entities = Vec::new();
        for (e, names) in self.timeline.events.iter_mut().zip(&self.names) {
            let ids = match kind {
                EntityKind::Person => &mut e.person_ids,
                EntityKind::Place => &mut e.place_ids,
            };
            *ids = names[slot(kind)]
                .iter()
                .map(|n| match by_name.get(n) {
                    Some(&id) => id,
                    None => {
                        entities.push(Entity::new(n.clone(), Vec::new(), None));
                        by_name.insert(n.clone(), entities.len() - 1);
                        entities.len() - 1
                    }
                })
                .collect();
        }
        match kind {
            EntityKind::Person => self.timeline.people = entities,
            EntityKind::Place => self.timeline.places = entities,
        }
    }

    /// Resolves one event's list; an unknown name is reported where it is written.
    fn resolve(&mut self, p: &Pending) {
        let names: Vec<String> = match p.event {
            Some(i) => std::mem::take(&mut self.names[i][slot(p.kind)]),
            None => self.written(p.at).into_iter().map(|(n, _)| n).collect(),
        };
        let mut ids = Vec::with_capacity(names.len());
        for name in &names {
            match self.registry[slot(p.kind)].by_name.get(name) {
                Some(&(id, _)) => ids.push(id),
                None => self.unknown(p, name),
            }
        }
        let Some(i) = p.event else { return };
        let e = &mut self.timeline.events[i];
        match p.kind {
            EntityKind::Person => e.person_ids = ids.into(),
            EntityKind::Place => e.place_ids = ids.into(),
        }
    }

    /// The strings of the array at `at`, in NFC, with where each is written.
    fn written(&self, at: usize) -> Vec<(String, usize)> {
        let text = self.input.text.strip_prefix('\u{feff}').unwrap_or(&self.input.text);
        let Ok(Spanned { value: Value::Array(items), .. }) = json::parse_value_at(text, at) else {
            return Vec::new();
        };
        items
            .into_iter()
            .filter_map(|s| match s.value {
                Value::String(n) => Some((articles::to_nfc(&n), s.at)),
                _ => None,
            })
            .collect()
    }

    fn unknown(&mut self, p: &Pending, name: &str) {
        let at = self.written(p.at).into_iter().find(|(n, _)| n == name).map_or(p.at, |(_, at)| at);
        let hint = match self.closest(p.kind, name) {
            Some(known) => format!("did you mean `{known}`? If not, add"),
            None => "add".to_string(),
        };
        let (noun, section) = (p.kind.noun(), p.kind.section());
        self.cx.at(at, format!("unknown {noun} `{name}`: not in the `{section}` registry; {hint} it to `{section}`, with its other spellings as `aliases`"));
    }

    /// The canonical name of the registered entity closest to a misspelt or unaccented name.
    fn closest(&self, kind: EntityKind, name: &str) -> Option<String> {
        let folded = fold_str(name);
        let entities = self.timeline.entities(kind);
        let keys: Vec<(&str, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(id, e)| e.folded_names().iter().map(move |n| (n.as_str(), id)))
            .collect();
        let candidates: Vec<&str> = keys.iter().map(|(k, _)| *k).collect();
        let best = did_you_mean(&folded, &candidates)?;
        keys.iter().find(|(k, _)| *k == best).map(|&(_, id)| entities[id].name.clone())
    }
}
