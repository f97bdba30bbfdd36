//! Browsing: moving through the timeline, focus, year jumps, opening other modes, the mouse.

use super::{move_by, scroll_detail, select};
use crate::app::picker::{Picker, PickerKind};
use crate::app::{Action, App, Effect, Focus, LineInput, Mode, Row};
use crate::search::{Filter, Order};
use crate::view::layout::{Layout, inner};

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let page = match app.view.focus {
        Focus::Timeline => super::list_height(app),
        Focus::Detail => super::detail_size(app).0,
    };
    if let Some(d) = super::distance(&action, page) {
        move_by(app, d);
        return None;
    }
    match action {
        Action::PrevYear => jump_year(app, false),
        Action::NextYear => jump_year(app, true),
        Action::ToggleFocus => {
            app.view.focus = if app.view.focus == Focus::Timeline { Focus::Detail } else { Focus::Timeline }
        }
        Action::DetailDown => scroll_detail(app, 1),
        Action::DetailUp => scroll_detail(app, -1),
        Action::OpenReader => super::open_reader(app),
        Action::Help => app.mode = Mode::Help { scroll: 0, under: Box::new(Mode::Browse) },
        Action::StartSearch => app.mode = Mode::Search(LineInput::new(app.filter().query.clone())),
        Action::StartCommand => app.mode = Mode::Command(LineInput::default()),
        Action::StartExport => app.mode = Mode::Command(LineInput::new("export ".into())),
        Action::NextHit | Action::PrevHit if app.query().is_empty() => {
            app.message = Some("no search yet: press / to search".into())
        }
        Action::NextHit => next_hit(app, true),
        Action::PrevHit => next_hit(app, false),
        Action::PickCountries => open_picker(app, PickerKind::Country),
        Action::PickKinds => open_picker(app, PickerKind::Kind),
        Action::PickPeople => open_picker(app, PickerKind::Person),
        Action::PickPlaces => open_picker(app, PickerKind::Place),
        Action::ClearCountries => app.refilter_with(|f| f.countries.clear()),
        Action::ClearAll => app.refilter_with(|f| *f = Filter { order: f.order, ..Filter::default() }),
        Action::ToggleOrder => toggle_order(app),
        Action::Back if !app.query().is_empty() => app.refilter_with(|f| f.query.clear()),
        Action::Back => return Some(Effect::Quit),
        Action::Click { col, row } => click(app, col, row),
        Action::Wheel { col, row, down } => wheel(app, col, row, down),
        _ => {}
    }
    None
}

pub fn toggle_order(app: &mut App) {
    app.refilter_with(|f| {
        f.order = match f.order {
            Order::Relevance => Order::Chronological,
            Order::Chronological => Order::Relevance,
        }
    });
}

fn open_picker(app: &mut App, kind: PickerKind) {
    app.mode = Mode::Picker(Picker::open(
        kind,
        &app.data.timeline,
        app.filter(),
        (!app.job.pending()).then_some(&app.shown.hits[..]),
    ));
}

/// `n`/`N`: the next or previous hit, wrapping around like `n` in less and vim.
fn next_hit(app: &mut App, forward: bool) {
    let n = app.shown.hits.len();
    if n == 0 {
        return;
    }
    let next = if forward { (app.view.selected + 1) % n } else { (app.view.selected + n - 1) % n };
    if (forward && next < app.view.selected) || (!forward && next > app.view.selected) {
        app.message =
            Some(format!("search wrapped to the {}", if forward { "first hit" } else { "last hit" }));
    }
    select(app, next);
}

/// `[` / `]`: the first event of the previous or next year in the list.
fn jump_year(app: &mut App, forward: bool) {
    if app.ranked() {
        app.message = Some("year jumps need date order: press Ctrl-s".into());
        return;
    }
    let year = |i: usize| app.data.timeline.events[app.shown.hits[i].event].date.year_value();
    let Some(&sel) = app.shown.hits.get(app.view.selected).map(|_| &app.view.selected) else { return };
    let cur = year(sel);
    let target = if forward {
        (sel..app.shown.hits.len()).find(|&i| year(i) > cur)
    } else {
        // Start of this year, then the start of the year before it.
        let start = (0..=sel).rev().take_while(|&i| year(i) == cur).last().unwrap_or(sel);
        start.checked_sub(1).map(|prev| {
            let y = year(prev);
            (0..=prev).rev().take_while(|&i| year(i) == y).last().unwrap_or(prev)
        })
    };
    match target {
        Some(t) => select(app, t),
        None => app.message = Some(format!("no {} year", if forward { "later" } else { "earlier" })),
    }
}

fn click(app: &mut App, col: u16, row: u16) {
    let l = Layout::new(app.view.width, app.view.height);
    let list = inner(l.list);
    if list.contains((col, row).into()) {
        app.view.focus = Focus::Timeline;
        let r = app.view.list_top + (row - list.y) as usize;
        match app.shown.rows.get(r) {
            Some(Row::Event(h)) => select(app, *h),
            // A year header selects its first event.
            Some(Row::Year { .. }) => {
                if let Some(Row::Event(h)) = app.shown.rows.get(r + 1) {
                    select(app, *h)
                }
            }
            None => {}
        }
    } else if l.detail.contains((col, row).into()) {
        app.view.focus = Focus::Detail;
    }
}

fn wheel(app: &mut App, col: u16, row: u16, down: bool) {
    let l = Layout::new(app.view.width, app.view.height);
    let step = if down { 3 } else { -3 };
    if l.list.contains((col, row).into()) {
        // Scroll the list, and keep the selection on screen.
        let h = super::list_height(app);
        let max_top = app.shown.rows.len().saturating_sub(h);
        app.view.list_top = app.view.list_top.saturating_add_signed(step).min(max_top);
        let sel_row = app.shown.row_of(app.view.selected);
        let (top, end) = (app.view.list_top, (app.view.list_top + h).min(app.shown.rows.len()));
        let event_at = |r: &Row| if let Row::Event(h) = r { Some(*h) } else { None };
        let hit = if sel_row < top {
            app.shown.rows[top..end].iter().find_map(event_at)
        } else if sel_row >= end {
            app.shown.rows[top..end].iter().rev().find_map(event_at)
        } else {
            None
        };
        if let Some(hit) = hit {
            app.view.selected = hit;
            app.view.detail_scroll = 0;
        }
    } else if l.detail.contains((col, row).into()) {
        scroll_detail(app, step);
    }
}
