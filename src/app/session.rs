//! What the browser remembers for the session besides the filter itself: the searches made (for
//! ↑ in the search line), the order the filters were set in (so that Esc clears the most recent
//! one), the search that was applied before the search line was opened, and the mouse.

use crate::search::{FacetId, Filter};

/// One part of the filter that can be cleared on its own: the search, a facet (see
/// `search::FACETS`) or the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Search,
    Facet(FacetId),
    Period,
}

impl Part {
    /// Every part: the search, each facet in the table's order, the period.
    pub fn all() -> impl Iterator<Item = Part> {
        std::iter::once(Part::Search).chain(FacetId::all().map(Part::Facet)).chain([Part::Period])
    }

    /// Whether this part of `f` filters anything.
    pub fn active(self, f: &Filter) -> bool {
        match self {
            Part::Search => !f.query.trim().is_empty(),
            Part::Facet(id) => !f.chosen(id).is_empty(),
            Part::Period => f.from.is_some() || f.to.is_some(),
        }
    }

    fn same(self, a: &Filter, b: &Filter) -> bool {
        match self {
            Part::Search => a.query == b.query,
            Part::Facet(id) => a.chosen(id) == b.chosen(id),
            Part::Period => (a.from, a.to) == (b.from, b.to),
        }
    }

    /// Clears this part of `f`.
    pub fn clear(self, f: &mut Filter) {
        match self {
            Part::Search => f.query.clear(),
            Part::Facet(id) => f.chosen_mut(id).clear(),
            Part::Period => (f.from, f.to) = (None, None),
        }
    }

    /// What the status line says once it is cleared.
    pub fn name(self) -> &'static str {
        match self {
            Part::Search => "search",
            Part::Facet(id) => id.facet().filter_name,
            Part::Period => "period",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Session {
    /// Searches applied this session, oldest first, each once.
    pub history: Vec<String>,
    /// While ↑/↓ recall searches: the index into `history` on the line.
    pub recall: Option<usize>,
    /// The search applied when the search line was opened: what Esc there restores.
    pub before_edit: String,
    /// The event selected when the search line was opened: selected again when the search
    /// goes back to `before_edit` (Esc, or the typing undone).
    pub selected_before_edit: Option<usize>,
    /// Filter parts in the order they were last set, most recent last.
    recent: Vec<Part>,
    /// Whether the mouse is captured (off lets the terminal select text).
    pub mouse: bool,
}

impl Session {
    /// A new session, with the mouse captured.
    pub fn new() -> Session {
        Session { mouse: true, ..Session::default() }
    }

    /// Notes which parts a change of filter set, so that Esc can clear the most recent.
    pub fn changed(&mut self, old: &Filter, new: &Filter) {
        for part in Part::all() {
            if !part.same(old, new) && part.active(new) {
                self.recent.retain(|p| *p != part);
                self.recent.push(part);
            }
        }
    }

    /// The active part set most recently (parts set before the session, from flags, count as
    /// the oldest).
    pub fn most_recent(&self, f: &Filter) -> Option<Part> {
        let set = self.recent.iter().rev().copied().find(|p| p.active(f));
        set.or_else(|| Part::all().find(|p| p.active(f)))
    }

    /// Remembers an applied search for ↑ in the search line.
    pub fn remember(&mut self, query: &str) {
        let q = query.trim();
        if !q.is_empty() {
            self.history.retain(|h| h != q);
            self.history.push(q.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_recent_active_part_comes_first() {
        let mut s = Session::default();
        let a = Filter::default().with(crate::search::FieldTest::Country(1));
        let b = Filter { query: "lao".into(), ..a.clone() };
        s.changed(&Filter::default(), &a);
        s.changed(&a, &b);
        assert_eq!(s.most_recent(&b), Some(Part::Search));
        assert_eq!(s.most_recent(&a), Some(Part::Facet(FacetId::Country)));
        assert_eq!(s.most_recent(&Filter::default()), None);
    }

    #[test]
    fn history_keeps_each_search_once_newest_last() {
        let mut s = Session::default();
        for q in ["lao", " ", "to lam", "lao "] {
            s.remember(q);
        }
        assert_eq!(s.history, ["to lam", "lao"]);
    }
}
