//! The browser's state: a plain struct in named parts, with enums for the mode, the focus and the
//! search job. Keys become `Action`s (`input::keymap`); `update` is the only code that changes an
//! `App`, and it answers with the `Effect`s (a search to run, a copy, the mouse, quitting) that
//! `exec` carries out, for the event loop and for a test's `Driver` alike; what the world answers
//! comes back as a `Notice` (`receive`).

pub mod driver;
pub mod edit;
pub mod effect;
pub mod exec;
pub mod line;
pub mod notice;
pub mod origin;
pub mod picker;
pub mod session;
mod shown;
mod update;

pub use crate::input::Action;
pub use crate::view::help::HelpPage;
pub use driver::Driver;
pub use effect::Effect;
pub use exec::{Flow, World};
pub use line::LineInput;
pub use notice::{Fresh, Notice};
pub use origin::{DataFile, Origin};
pub use picker::Picker;
pub use session::{Part, Session};
pub use shown::{Row, Shown};
pub use update::{export_usage, receive, update};

use crate::input::keymap::KeyMode;
use crate::model::{Event, Timeline};
use crate::search::{Engine, Filter, Hit, Order, Query};
use crate::view::detail::Selected;
use crate::view::layout::{Layout, Zoom};
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
    /// The article search being typed (`/` in the reader), while it is typed.
    pub find: Option<LineInput>,
    /// The article search applied: `n`/`N` go between its matches.
    pub found: String,
    /// Byte offset in the article of the match `n`/`N` move from.
    pub at: usize,
}

impl Reader {
    pub fn new(event: usize) -> Reader {
        Reader { event, citation: 0, scroll: 0, find: None, found: String::new(), at: 0 }
    }
}

/// What the screen is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Search(LineInput),
    Command(LineInput),
    Picker(Picker),
    Reader(Reader),
    /// The help screen (or the load warnings), over the mode it was opened from.
    Help {
        scroll: usize,
        under: Box<Mode>,
        page: HelpPage,
        /// The entry highlighted on the warnings page, which `E` and `Enter` edit at.
        cursor: usize,
    },
}

impl Mode {
    pub fn keys(&self) -> KeyMode {
        match self {
            Mode::Browse => KeyMode::Browse,
            Mode::Search(_) => KeyMode::Search,
            Mode::Command(_) => KeyMode::Command,
            Mode::Picker(_) => KeyMode::Picker,
            Mode::Reader(r) if r.find.is_some() => KeyMode::Find,
            Mode::Reader(_) => KeyMode::Reader,
            Mode::Help { .. } => KeyMode::Help,
        }
    }
}

/// The data being browsed: shared with the search worker, never changed.
pub struct Data {
    pub timeline: Arc<Timeline>,
    pub engine: Arc<Engine>,
}

/// The filter the user asked for, with its query parsed once. Changed only through
/// `App::refilter_with`, so the two never disagree.
#[derive(Debug, Clone, Default)]
pub struct Criteria {
    filter: Filter,
    query: Query,
}

impl Criteria {
    /// The filter and its query, parsed against the data (`country:` names, `source:` files).
    /// A query with a mistake in it counts as empty here; the search reports the mistake.
    pub fn new(filter: Filter, t: &Timeline) -> Self {
        Criteria { query: Query::parse(&filter.query, t).unwrap_or_default(), filter }
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    pub fn query(&self) -> &Query {
        &self.query
    }
}

/// Where the user is looking: the terminal size, the selection and the scroll of each pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewport {
    pub width: u16,
    pub height: u16,
    /// Index into `Shown::hits` of the selected event.
    pub selected: usize,
    /// First visible row of the timeline pane.
    pub list_top: usize,
    /// First visible line of the detail pane.
    pub detail_scroll: usize,
    pub focus: Focus,
    /// Both panes, or the one zoomed with `z`; kept for the session.
    pub zoom: Zoom,
}

impl Viewport {
    /// Where each part of the screen goes now.
    pub fn layout(&self) -> Layout {
        Layout::zoomed(self.width, self.height, self.zoom)
    }
}

/// The search for the current criteria. Generations only grow; a result is shown only if it
/// answers the newest generation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchJob {
    /// Criteria changed inside `update`: a search must start when `update` returns.
    Wanted { generation: u64 },
    /// Handed to the worker, not answered yet.
    Running { generation: u64 },
    /// The shown results answer this generation.
    Done { generation: u64 },
}

impl SearchJob {
    pub fn generation(self) -> u64 {
        match self {
            SearchJob::Wanted { generation }
            | SearchJob::Running { generation }
            | SearchJob::Done { generation } => generation,
        }
    }

    /// True until the newest search has been answered.
    pub fn pending(self) -> bool {
        !matches!(self, SearchJob::Done { .. })
    }
}

/// The whole state of the browser.
pub struct App {
    pub data: Data,
    pub criteria: Criteria,
    /// The results on screen, laid out in rows, with what is derived from them.
    pub shown: Shown,
    pub view: Viewport,
    pub mode: Mode,
    pub job: SearchJob,
    /// A one-off message for the status line ("no events in 1990").
    pub message: Option<String>,
    /// Search history, the order filters were set in, the mouse.
    pub session: Session,
    /// The data file, for editing and reloading it.
    pub origin: Origin,
    /// The export running on its worker, if one is.
    pub exporting: Option<Exporting>,
    /// The last export's summary and notes (what its format could not carry), for the warnings
    /// page: the status line has room for neither in full.
    pub last_export: Option<crate::export::Written>,
    /// The number of the last picker count search: they are numbered across the whole run, so
    /// that an answer for a picker that was closed and opened again is never taken for the new
    /// one's.
    pub count_jobs: u64,
    /// The selected event's detail document as `update` measures it (its length, where its
    /// quotes start), kept until the event, the pane's width or the query changes.
    detail: Option<(DetailKey, Vec<ratatui::text::Line<'static>>)>,
}

/// What the detail document depends on besides the data: the event, the width, the query.
type DetailKey = Option<(usize, u16, String)>;

/// How the browser starts, from the command line.
pub struct Opening {
    /// Whether to capture the mouse.
    pub mouse: bool,
    /// The data file, for editing and reloading; `None` for the built-in data.
    pub source: Option<Arc<dyn DataFile>>,
    /// The browser opens on a preview (the first events of a data set of this many, from the
    /// index cache), and the whole data set is read from `source` while it is shown.
    pub loading: Option<usize>,
}

/// An export on its worker: the browser goes on meanwhile, and Esc (or `q`, Ctrl-c) cancels it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exporting {
    /// The file being written, as the status line shows it.
    pub file: String,
    /// Bytes written so far.
    pub bytes: usize,
    /// Cancelling was asked for; the worker stops at its next write.
    pub cancelled: bool,
}

impl Exporting {
    /// What the status line says meanwhile.
    pub fn status(&self) -> String {
        let done = match self.bytes {
            0 => String::new(),
            b if b < 1 << 20 => format!(" {} KB", b.div_ceil(1 << 10)),
            b => format!(" {:.1} MB", b as f64 / f64::from(1 << 20)),
        };
        format!("exporting to {}…{done} · Esc cancels", self.file)
    }
}

impl App {
    /// A browser on `timeline` with `filter` applied, and the first search to run.
    pub fn new(timeline: Timeline, filter: Filter, width: u16, height: u16) -> (App, Effect) {
        let engine = Engine::new(&timeline);
        Self::with_engine(timeline, engine, filter, width, height)
    }

    /// `new` with the search engine built already (loaded from the index cache), owned or
    /// shared (with the thread that writes the cache).
    pub fn with_engine(
        timeline: impl Into<Arc<Timeline>>,
        engine: impl Into<Arc<Engine>>,
        filter: Filter,
        width: u16,
        height: u16,
    ) -> (App, Effect) {
        let (timeline, engine) = (timeline.into(), engine.into());
        let shown = Shown::new(&timeline);
        let mut app = App {
            data: Data { timeline, engine },
            criteria: Criteria::default(),
            shown,
            view: Viewport {
                width,
                height,
                selected: 0,
                list_top: 0,
                detail_scroll: 0,
                focus: Focus::Timeline,
                zoom: Zoom::Both,
            },
            mode: Mode::Browse,
            job: SearchJob::Done { generation: 0 },
            message: None,
            session: Session::new(),
            origin: Origin::default(),
            exporting: None,
            last_export: None,
            count_jobs: 0,
            detail: None,
        };
        let filter = Self::hoisted(filter, &app.data.timeline);
        app.refilter_with(|f| *f = filter);
        let effect = app.start_search();
        (app, effect)
    }

    /// The browser the command line asks for: `with_engine`, and how it starts.
    pub fn open(
        timeline: impl Into<Arc<Timeline>>,
        engine: impl Into<Arc<Engine>>,
        filter: Filter,
        opening: Opening,
    ) -> (App, Effect) {
        let (mut app, effect) = Self::with_engine(timeline, engine, filter, 80, 24);
        app.session.mouse = opening.mouse;
        app.origin.source = opening.source;
        // Without a file to read it from, a preview would be all there is.
        app.origin.loading = opening.loading.filter(|_| app.origin.source.is_some());
        (app, effect)
    }

    pub fn timeline(&self) -> &Timeline {
        &self.data.timeline
    }

    pub fn filter(&self) -> &Filter {
        self.criteria.filter()
    }

    /// The parsed current query.
    pub fn query(&self) -> &Query {
        self.criteria.query()
    }

    /// Starts with a filter already applied (`timeline --search … --country …`), where field
    /// queries that are plain filters are shown as filters.
    fn hoisted(mut filter: Filter, t: &Timeline) -> Filter {
        crate::search::hoist::hoist(&mut filter, t);
        filter
    }

    /// The selected event, if any event is shown.
    pub fn selected_event(&self) -> Option<&Event> {
        self.selected_hit().map(|h| &self.data.timeline.events[h.event])
    }

    pub fn selected_hit(&self) -> Option<&Hit> {
        self.shown.hits.get(self.view.selected)
    }

    /// The selected event as the detail pane shows it.
    pub fn detail_input(&self) -> Option<Selected<'_>> {
        let hit = self.selected_hit()?;
        Some(Selected { timeline: &self.data.timeline, hit, marks: self.shown.marks(hit.event) })
    }

    /// Whether an action has anything to act on in this data set: no countries picker for a
    /// file without countries, no warnings page without warnings. The key bar leaves the others out.
    pub fn offers(&self, action: &Action) -> bool {
        let t = &self.data.timeline;
        match action {
            Action::Warnings => !self.report().is_empty(),
            a => picker::FacetPicker::opened_by(a).is_none_or(|k| (picker::FacetPicker::of(k).offered)(t)),
        }
    }

    /// What the warnings page reports: a failed reload's problems, the last export's notes, the
    /// load warnings.
    pub fn report(&self) -> crate::view::help::Report<'_> {
        crate::view::help::Report {
            failed: &self.origin.failed,
            export: self.last_export.as_ref().map(|x| (x.summary.as_str(), x.notes.as_slice())),
            warnings: &self.data.timeline.warnings,
            title: self.data.timeline.title.as_ref(),
        }
    }

    /// True when the list is ranked by relevance (no year headers).
    pub fn ranked(&self) -> bool {
        self.filter().order == Order::Relevance && self.query().ranks()
    }

    /// Changes the criteria and asks for a search of them.
    fn refilter_with(&mut self, edit: impl FnOnce(&mut Filter)) {
        let old = std::mem::take(&mut self.criteria.filter);
        let mut filter = old.clone();
        edit(&mut filter);
        self.session.changed(&old, &filter);
        self.criteria = Criteria::new(filter, &self.data.timeline);
        self.job = SearchJob::Wanted { generation: self.job.generation() + 1 };
    }

    /// The search `update` asked for, if any, now handed over.
    fn take_search(&mut self) -> Option<Effect> {
        matches!(self.job, SearchJob::Wanted { .. }).then(|| self.start_search())
    }

    /// Hands over a search of the current criteria: the job is running.
    fn start_search(&mut self) -> Effect {
        let generation = self.job.generation();
        self.job = SearchJob::Running { generation };
        Effect::Search { generation, filter: self.criteria.filter.clone() }
    }
}
