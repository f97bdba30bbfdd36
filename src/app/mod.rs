//! The browser's state: a plain struct, with enums for the mode and the focus.
//! Keys become `Action`s (`keymap`), and `update` is the only place that changes an `App`.

pub mod action;
pub mod keymap;
pub mod line;
pub mod picker;
mod update;

pub use action::Action;
pub use line::LineInput;
pub use picker::{Picker, PickerKind};
pub use update::update;

use crate::model::{Event, Timeline};
use crate::search::{Engine, Filter, Hit, Incremental, Order, Query, Results};
use keymap::KeyMode;
use std::sync::Arc;

/// Which pane the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Timeline,
    Detail,
}

/// The source reader: one event's quotes, read in their articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    /// Index into `Timeline::events`.
    pub event: usize,
    /// Index into the event's citations: the quote shown.
    pub citation: usize,
    /// First visible line of the wrapped article.
    pub scroll: usize,
}

/// What the screen is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Search(LineInput),
    Command(LineInput),
    Picker(Picker),
    Reader(Reader),
    /// The help screen, over the mode it was opened from.
    Help {
        scroll: usize,
        under: Box<Mode>,
    },
}

impl Mode {
    pub fn keys(&self) -> KeyMode {
        match self {
            Mode::Browse => KeyMode::Browse,
            Mode::Search(_) => KeyMode::Search,
            Mode::Command(_) => KeyMode::Command,
            Mode::Picker(_) => KeyMode::Picker,
            Mode::Reader(_) => KeyMode::Reader,
            Mode::Help { .. } => KeyMode::Help,
        }
    }
}

/// One row of the timeline pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A year header with the number of shown events in that year.
    Year { year: i64, count: usize },
    /// An event: index into `App::hits`.
    Event(usize),
}

/// The whole state of the browser.
pub struct App {
    pub timeline: Arc<Timeline>,
    pub engine: Arc<Engine>,
    pub filter: Filter,
    /// The events shown, in display order.
    pub hits: Vec<Hit>,
    /// The timeline pane's rows: events, with year headers in chronological order.
    pub rows: Vec<Row>,
    /// For each hit, its index in `rows` (built with the rows: moving never scans them).
    row_of_hit: Vec<usize>,
    /// Index into `hits` of the selected event.
    pub selected: usize,
    /// First visible row of the timeline pane.
    pub list_top: usize,
    /// First visible line of the detail pane.
    pub detail_scroll: usize,
    pub focus: Focus,
    pub mode: Mode,
    /// The terminal size.
    pub width: u16,
    pub height: u16,
    /// A one-off message for the status line ("no events in 1990").
    pub message: Option<String>,
    pub should_quit: bool,
    /// Whether the query matched as a phrase (then the phrase is what is highlighted).
    pub phrase: bool,
    /// Search in the background: `refilter` leaves a request for the event loop instead of
    /// searching, so typing never waits for a search.
    pub background: bool,
    /// Generation of the newest search asked for; older results are ignored.
    pub generation: u64,
    /// True while a background search is running (the status line says so).
    pub searching: bool,
    /// A search for the event loop to hand to the worker.
    pub request: Option<(u64, Filter)>,
    /// Event counts along the time axis.
    pub axis: crate::ui::axis::Counts,
    /// Widths of the timeline's date and country columns over all shown events, so that the
    /// columns stay put while scrolling (computed per search, not per frame).
    pub column_widths: (usize, usize),
    /// The last search, to narrow the next one while typing (when searching in the foreground).
    incremental: Incremental,
}

impl App {
    pub fn new(timeline: Timeline, width: u16, height: u16) -> Self {
        let engine = Arc::new(Engine::new(&timeline));
        let axis = crate::ui::axis::Counts::new(&timeline);
        let mut app = App {
            timeline: Arc::new(timeline),
            engine,
            filter: Filter::default(),
            hits: Vec::new(),
            rows: Vec::new(),
            row_of_hit: Vec::new(),
            selected: 0,
            list_top: 0,
            detail_scroll: 0,
            focus: Focus::Timeline,
            mode: Mode::Browse,
            width,
            height,
            message: None,
            should_quit: false,
            phrase: false,
            background: false,
            generation: 0,
            searching: false,
            request: None,
            axis,
            column_widths: (4, 2),
            incremental: Incremental::default(),
        };
        app.refilter();
        app
    }

    /// Starts with a filter already applied (`timeline --search … --country …`).
    pub fn with_filter(mut self, filter: Filter) -> Self {
        self.filter = filter;
        self.refilter();
        self
    }

    /// The selected event, if any event is shown.
    pub fn selected_event(&self) -> Option<&Event> {
        self.hits.get(self.selected).map(|h| &self.timeline.events[h.event])
    }

    pub fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.selected)
    }

    /// The parsed current query.
    pub fn query(&self) -> Query {
        Query::parse(&self.filter.query)
    }

    /// True when the list is ranked by relevance (no year headers).
    pub fn ranked(&self) -> bool {
        self.filter.order == Order::Relevance && !self.query().is_empty()
    }

    /// Row index of a hit.
    pub fn row_of(&self, hit: usize) -> usize {
        self.row_of_hit.get(hit).copied().unwrap_or(0)
    }

    /// Runs the filter again (or asks for it to run in the background) and rebuilds the rows.
    pub fn refilter(&mut self) {
        self.generation += 1;
        if self.background {
            self.request = Some((self.generation, self.filter.clone()));
            self.searching = true;
            return;
        }
        let results = self.incremental.search(&self.engine, &self.timeline, &self.filter);
        self.show(results);
    }

    /// Shows a search's results, keeping the selection where it can.
    pub fn show(&mut self, results: Results) {
        self.searching = false;
        let keep = self.hits.get(self.selected).map(|h| h.event);
        self.hits = results.hits;
        self.axis.show(&self.hits);
        let events = &self.timeline.events;
        self.column_widths = self.hits.iter().fold((4, 2), |(d, c), h| {
            let e = &events[h.event];
            (
                d.max(unicode_width::UnicodeWidthStr::width(e.date_text.as_str())),
                c.max(e.countries.len() * 3 - 1),
            )
        });
        self.column_widths.1 = self.column_widths.1.min(8);
        self.phrase = results.phrase;
        self.selected = match keep {
            _ if self.ranked() => 0,
            Some(ev) => {
                self.hits.iter().position(|h| h.event >= ev).unwrap_or(self.hits.len().saturating_sub(1))
            }
            None => 0,
        };
        self.rebuild_rows();
        self.detail_scroll = 0;
        update::scroll_to_selection(self);
    }

    fn rebuild_rows(&mut self) {
        self.rows.clear();
        self.row_of_hit.clear();
        if self.ranked() {
            self.rows.extend((0..self.hits.len()).map(Row::Event));
            self.row_of_hit.extend(0..self.hits.len());
            return;
        }
        let year_of = |h: &Hit| self.timeline.events[h.event].date.year_value();
        let mut i = 0;
        while i < self.hits.len() {
            let year = year_of(&self.hits[i]);
            let count = self.hits[i..].iter().take_while(|h| year_of(h) == year).count();
            self.rows.push(Row::Year { year, count });
            self.row_of_hit.extend(self.rows.len()..self.rows.len() + count);
            self.rows.extend((i..i + count).map(Row::Event));
            i += count;
        }
    }
}
