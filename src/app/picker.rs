//! The pickers of the facets (countries, kinds, people, places, groups; see `facet`): a
//! filterable list of entries with counts and checkboxes.

use super::LineInput;
use crate::model::Timeline;
use crate::search::{FacetId, Filter, Hit, passes_filters};
use crate::text::fold::fold_str;
use facet::Sort;
pub use facet::{FACETS, FacetPicker};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

mod facet;

/// One choice: its id is its place in the facet's values (`search::Facet::names`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: usize,
    pub label: String,
    pub detail: String,
    /// Events this choice would show, given the other active filters.
    pub count: usize,
    /// The folded label and detail, for typing to filter.
    folded: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: FacetId,
    pub input: LineInput,
    pub entries: Vec<Entry>,
    /// Indexes into `entries` that match the input.
    pub visible: Vec<usize>,
    /// Position in `visible`.
    pub cursor: usize,
    /// Chosen ids, applied on Enter.
    pub chosen: Vec<usize>,
    /// Whether an entry was ticked (Tab or a click); if not, Enter picks the highlighted entry.
    pub touched: bool,
    /// Whether the user typed or moved since opening.
    pub moved: bool,
    /// The number of the count search still running in the background (the counts show `…`
    /// until it answers; see `counted`).
    pub pending: Option<u64>,
    /// That search, for the event loop to hand to the worker.
    pub request: Option<Box<Filter>>,
}

impl Picker {
    /// Opens a picker; counts honour every active filter except the one being picked.
    /// `hits` are the events shown now (`None` while a search is still running); when nothing is
    /// picked yet in this picker they are exactly the events its counts are about, so no search
    /// has to run. When one must, it is left in `request`: `update` hands it on as
    /// `Effect::Count`, and the counts show `…` until `counted` gets the answer.
    /// `job` numbers its count search, if one must run (`App::count_jobs`).
    pub fn open(kind: FacetId, t: &Timeline, filter: &Filter, hits: Option<&[Hit]>, job: u64) -> Picker {
        let mut others = filter.clone();
        // The chosen values, out of the filter: the counts honour every other filter.
        let taken = std::mem::take(others.chosen_mut(kind));
        let chosen: Vec<usize> = taken.iter().filter_map(|v| kind.facet().id_of(t, v)).collect();
        // The query counts too: the events the user is looking at, by country or kind.
        let shown: Option<Vec<usize>> = if let Some(hits) = hits.filter(|_| chosen.is_empty()) {
            Some(hits.iter().map(|h| h.event).collect())
        } else if others.query.trim().is_empty() {
            Some((0..t.events.len()).filter(|&i| passes_filters(t, i, &others)).collect())
        } else {
            None
        };
        let entries = entries(kind, t, shown.as_deref().unwrap_or_default());
        let pending = shown.is_none().then_some(job);
        let mut p = Picker {
            kind,
            input: LineInput::default(),
            visible: Vec::new(),
            entries,
            cursor: 0,
            chosen,
            touched: false,
            moved: false,
            request: pending.map(|_| Box::new(others)),
            pending,
        };
        p.refilter();
        p.moved = false;
        p
    }

    /// The background count search `generation` found `hits`: show its counts, keeping the
    /// cursor on the same entry. An answer for another search is ignored.
    pub fn counted(&mut self, t: &Timeline, generation: u64, hits: &[Hit]) {
        if self.pending != Some(generation) {
            return;
        }
        self.pending = None;
        let shown: Vec<usize> = hits.iter().map(|h| h.event).collect();
        let current = self.current().map(|e| e.id);
        let moved = self.moved;
        self.entries = entries(self.kind, t, &shown);
        self.refilter();
        self.moved = moved;
        if let Some(at) = self.visible.iter().position(|&i| Some(self.entries[i].id) == current) {
            self.cursor = at;
        }
    }

    /// Counts again over new data with the same entries (the whole data set after its preview):
    /// the counts show `…` until `counted` gets search `job`'s answer; the cursor, the typed
    /// filter and the ticks stay.
    pub fn recount(&mut self, filter: &Filter, job: u64) {
        let mut others = filter.clone();
        others.chosen_mut(self.kind).clear();
        self.pending = Some(job);
        self.request = Some(Box::new(others));
    }

    /// Applies the typed filter: entries where every typed word starts a word (`south k` is
    /// South Korea, `ho chi` Hồ Chí Minh), accents and case optional; only when no entry is
    /// matched so, the letters in order as fzf does, keeping those scored at least half as well
    /// as the best. Best first (skim's scoring, which favours runs and word starts); with nothing
    /// typed, every entry in count order.
    pub fn refilter(&mut self) {
        self.moved = true;
        let q = fold_str(self.input.text.trim());
        if q.is_empty() {
            self.visible = (0..self.entries.len()).collect();
        } else {
            let matcher = SkimMatcherV2::default();
            let scored = |strict: bool| -> Vec<(i64, usize)> {
                (0..self.entries.len())
                    .filter(|&i| !strict || starts_words(&self.entries[i].folded, &q))
                    .filter_map(|i| matcher.fuzzy_match(&self.entries[i].folded, &q).map(|score| (score, i)))
                    .collect()
            };
            let mut scored = match scored(true) {
                strong if !strong.is_empty() => strong,
                _ => {
                    let loose = scored(false);
                    let best = loose.iter().map(|s| s.0).max().unwrap_or(0);
                    loose.into_iter().filter(|s| s.0 * 2 >= best).collect()
                }
            };
            // Best first; equal scores keep the entries' order (most events first).
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            self.visible = scored.into_iter().map(|(_, i)| i).collect();
        }
        self.cursor = self.cursor.min(self.visible.len().saturating_sub(1));
    }

    pub fn current(&self) -> Option<&Entry> {
        self.visible.get(self.cursor).map(|&i| &self.entries[i])
    }

    pub fn toggle(&mut self) {
        self.touched = true;
        if let Some(id) = self.current().map(|e| e.id) {
            match self.chosen.iter().position(|&c| c == id) {
                Some(at) => {
                    self.chosen.remove(at);
                }
                None => self.chosen.push(id),
            }
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        self.moved = true;
        let last = self.visible.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    /// Writes the choice into the filter.
    pub fn apply(&self, t: &Timeline, filter: &mut Filter) {
        let mut chosen = self.chosen.clone();
        chosen.sort_unstable();
        let facet = self.kind.facet();
        *filter.chosen_mut(self.kind) = chosen.into_iter().map(|i| (facet.value)(t, i)).collect();
    }
}

/// Whether every word of the folded query `q` starts a word of the folded `text` (words split
/// at anything not a letter or digit: `a-li` is `a` and `li`).
fn starts_words(text: &str, q: &str) -> bool {
    fn words(s: &str) -> impl Iterator<Item = &str> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
    }
    words(q).all(|w| words(text).any(|h| h.starts_with(w)))
}

/// A facet's choices, each with the number of `shown` events that have it, in the facet's order.
fn entries(kind: FacetId, t: &Timeline, shown: &[usize]) -> Vec<Entry> {
    let facet = FacetPicker::of(kind);
    let counts = (facet.count)(t, shown);
    let mut entries: Vec<Entry> = (facet.choices)(t)
        .into_iter()
        .enumerate()
        .map(|(id, c)| Entry {
            id,
            count: counts.get(id).copied().unwrap_or(0),
            label: c.label,
            detail: c.detail,
            folded: c.words,
        })
        .collect();
    match facet.sort {
        Sort::AsListed => {}
        Sort::MostThenLabel => {
            entries.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)))
        }
        Sort::MostThenListed => entries.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.id.cmp(&b.id))),
    }
    entries
}

#[cfg(test)]
mod tests {
    //! These are about the shipped registries of people and places, so they read the built-in
    //! data set rather than the frozen one.
    use super::*;
    use crate::app::{Action, App, Driver, Mode};
    use crate::search::Filter;

    fn app(filter: Filter) -> (App, Driver) {
        Driver::start(crate::frozen(), filter, 100, 30)
    }

    fn picker(app: &App) -> &Picker {
        match &app.mode {
            Mode::Picker(p) => p,
            other => panic!("not in a picker: {other:?}"),
        }
    }

    #[test]
    fn people_picker_counts_events_and_filters_by_alias() {
        let (mut a, mut d) = app(Filter::default());
        d.apply(&mut a, Action::PickPeople);
        let p = picker(&a);
        assert_eq!(p.kind, FacetId::Person);
        assert_eq!(p.entries.len(), a.timeline().people.len());
        // Most events first: Tô Lâm.
        assert_eq!((p.entries[0].label.as_str(), p.entries[0].count), ("Tô Lâm", 15));
        // Space is typed in a picker (Tab ticks), so a name can have one.
        for c in "lam".chars() {
            d.apply(&mut a, Action::Input(c));
        }
        assert_eq!(picker(&a).current().map(|e| e.label.as_str()), Some("Tô Lâm"));
        d.apply(&mut a, Action::ToggleEntry);
        d.apply(&mut a, Action::Accept);
        assert_eq!(a.shown.hits.len(), 15);
        let events = &a.timeline().events;
        assert!(a.shown.hits.iter().any(|h| events[h.event].id == "to-lam-state-visit-azerbaijan-2025"));
    }

    #[test]
    fn places_picker_counts_honour_the_other_filters() {
        let t = crate::frozen();
        let laos = t.find_country("LA").unwrap();
        let (mut a, mut d) = app(Filter::default().with(crate::search::FieldTest::Country(laos)));
        d.apply(&mut a, Action::PickPlaces);
        let p = picker(&a);
        let count = |name: &str| p.entries.iter().find(|e| e.label == name).map(|e| e.count);
        assert_eq!(count("Cần Thơ"), Some(1));
        assert_eq!(
            count("Trụ sở Trung ương Đảng"),
            Some(1),
            "only the Lao talks, not the Azerbaijani meeting"
        );
        assert_eq!(count("Baku"), Some(0));
    }

    fn typed(app: &mut App, d: &mut Driver, text: &str) {
        for c in text.chars() {
            d.apply(app, Action::Input(c));
        }
    }

    fn labels(app: &App) -> Vec<String> {
        let p = picker(app);
        p.visible.iter().map(|&i| p.entries[i].label.clone()).collect()
    }

    #[test]
    fn typed_words_must_start_words_of_the_entry() {
        let (mut a, mut d) = app(Filter::default());
        d.apply(&mut a, Action::PickCountries);
        typed(&mut a, &mut d, "south k");
        assert_eq!(labels(&a), ["South Korea"]);
        d.apply(&mut a, Action::Back);
        d.apply(&mut a, Action::PickPeople);
        typed(&mut a, &mut d, "ho chi");
        let shown = labels(&a);
        assert_eq!(shown.first().map(String::as_str), Some("Hồ Chí Minh"), "{shown:?}");
        assert!(shown.len() <= 2, "{shown:?}");
        assert!(starts_words("a li ep heydar aliyev", "a-li"));
        assert!(!starts_words("united states hoa ky", "south k"));
    }

    #[test]
    fn letters_in_order_still_match_when_no_word_starts_so_but_only_the_close_ones() {
        let (mut a, mut d) = app(Filter::default());
        d.apply(&mut a, Action::PickCountries);
        typed(&mut a, &mut d, "azrb");
        assert_eq!(labels(&a), ["Azerbaijan"]);
    }
}
