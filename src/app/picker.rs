//! The country and kind pickers: a filterable list of entries with counts and checkboxes.

use super::LineInput;
use crate::model::{Kind, Timeline};
use crate::search::fold::fold_str;
use crate::search::{Engine, Filter, Hit, passes_filters};
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Country,
    Kind,
}

/// One choice: a country index or a `Kind::ALL` index.
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
    pub kind: PickerKind,
    pub input: LineInput,
    pub entries: Vec<Entry>,
    /// Indexes into `entries` that match the input.
    pub visible: Vec<usize>,
    /// Position in `visible`.
    pub cursor: usize,
    /// Chosen ids, applied on Enter.
    pub chosen: Vec<usize>,
    /// Whether Space was used; if not, Enter picks the highlighted entry.
    pub touched: bool,
    /// Whether the user typed or moved since opening.
    pub moved: bool,
    /// The number of the count search still running in the background (the counts show `…`
    /// until it answers; see `counted`).
    pub pending: Option<u64>,
    /// That search, for the event loop to hand to the worker.
    pub request: Option<Box<Filter>>,
}

/// Count searches are numbered across the whole run, so that an answer for a picker that was
/// closed and opened again is never taken for the new one's.
static COUNT_JOBS: AtomicU64 = AtomicU64::new(0);

impl Picker {
    /// Opens a picker; counts honour every active filter except the one being picked.
    /// `hits` are the events shown now (`None` while a search is still running); when nothing is
    /// picked yet in this picker they are exactly the events its counts are about, so no search
    /// has to run. When one must, and `background`, it is left in `request` for the search
    /// worker instead of running on the input thread.
    pub fn open(
        kind: PickerKind,
        t: &Timeline,
        engine: &Engine,
        filter: &Filter,
        hits: Option<&[Hit]>,
        background: bool,
    ) -> Picker {
        let mut others = filter.clone();
        let chosen: Vec<usize> = match kind {
            PickerKind::Country => std::mem::take(&mut others.countries),
            PickerKind::Kind => std::mem::take(&mut others.kinds).iter().map(|k| kind_index(*k)).collect(),
        };
        // The query counts too: the events the user is looking at, by country or kind.
        let shown: Option<Vec<usize>> = if let Some(hits) = hits.filter(|_| chosen.is_empty()) {
            Some(hits.iter().map(|h| h.event).collect())
        } else if others.query.trim().is_empty() {
            Some((0..t.events.len()).filter(|&i| passes_filters(t, i, &others)).collect())
        } else if background {
            None
        } else {
            Some(engine.run(t, &others).iter().map(|h| h.event).collect())
        };
        let entries = entries(kind, t, shown.as_deref().unwrap_or_default());
        let pending = shown.is_none().then(|| COUNT_JOBS.fetch_add(1, Ordering::Relaxed) + 1);
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

    /// Applies the typed filter to the entries, accent-insensitively.
    pub fn refilter(&mut self) {
        self.moved = true;
        let q = fold_str(self.input.text.trim());
        self.visible = (0..self.entries.len()).filter(|&i| self.entries[i].folded.contains(&q)).collect();
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
    pub fn apply(&self, filter: &mut Filter) {
        let mut chosen = self.chosen.clone();
        chosen.sort_unstable();
        match self.kind {
            PickerKind::Country => filter.countries = chosen,
            PickerKind::Kind => filter.kinds = chosen.iter().map(|&i| Kind::ALL[i]).collect(),
        }
    }
}

fn kind_index(k: Kind) -> usize {
    Kind::ALL.iter().position(|x| *x == k).unwrap_or(0)
}

fn entries(kind: PickerKind, t: &Timeline, shown: &[usize]) -> Vec<Entry> {
    match kind {
        PickerKind::Country => country_entries(t, shown),
        PickerKind::Kind => kind_entries(t, shown),
    }
}

fn country_entries(t: &Timeline, shown: &[usize]) -> Vec<Entry> {
    let counts = t.country_counts(shown.iter().copied());
    let mut entries: Vec<Entry> = t
        .countries
        .iter()
        .enumerate()
        .map(|(id, c)| Entry {
            id,
            label: c.name.clone(),
            detail: format!("{} · {}", c.name_vi, c.code),
            count: counts[id],
            folded: fold_str(&format!("{} {} {}", c.name, c.name_vi, c.code)),
        })
        .collect();
    entries.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    entries
}

fn kind_entries(t: &Timeline, shown: &[usize]) -> Vec<Entry> {
    Kind::ALL
        .iter()
        .enumerate()
        .map(|(id, k)| Entry {
            id,
            label: k.label().to_string(),
            detail: k.as_str().to_string(),
            count: shown.iter().filter(|&&i| t.events[i].kind == *k).count(),
            folded: fold_str(&format!("{} {}", k.label(), k.as_str())),
        })
        .collect()
}
