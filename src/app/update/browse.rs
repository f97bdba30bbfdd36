//! Browsing: moving through the timeline, focus, year jumps, opening other modes, the mouse.

use super::{move_by, scroll_detail, select};
use crate::app::picker::{FACETS, FacetPicker, Picker};
use crate::app::{Action, App, Effect, Focus, LineInput, Mode, Part, Row};
use crate::search::FacetId;
use crate::search::{Filter, Order};
use crate::view::layout::{Zoom, inner};

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
        Action::ToggleFocus => toggle_focus(app),
        Action::DetailDown => scroll_detail(app, 1),
        Action::DetailUp => scroll_detail(app, -1),
        Action::OpenReader => super::open_reader(app),
        Action::Zoom => zoom(app),
        Action::Help => super::open_help(app),
        Action::StartSearch => {
            app.session.before_edit = app.filter().query.clone();
            app.session.selected_before_edit = app.selected_hit().map(|h| h.event);
            app.session.recall = None;
            // The search applied, selected: typing replaces it, → or End keeps it.
            app.mode = Mode::Search(LineInput::selected(app.filter().query.clone()));
        }
        Action::StartCommand => app.mode = Mode::Command(LineInput::selected(period_text(app.filter()))),
        Action::StartExport => app.mode = Mode::Command(LineInput::new("export ".into())),
        Action::NextHit | Action::PrevHit if app.query().is_empty() => {
            app.message = Some("no search yet: press / to search".into())
        }
        Action::NextHit => next_hit(app, true),
        Action::PrevHit => next_hit(app, false),
        Action::Warnings => super::open_warnings(app),
        Action::ClearAll => clear_all(app),
        Action::ToggleOrder => toggle_order(app),
        Action::Back => match app.session.most_recent(app.filter()) {
            Some(part) => clear(app, part),
            None => app.message = Some("nothing to clear · q quits".into()),
        },
        Action::Click { col, row } => click(app, col, row),
        Action::Wheel { col, row, down } => wheel(app, col, row, down),
        // The facets' keys, as their table says: open a picker, clear a filter.
        other => {
            if let Some(kind) = FacetPicker::opened_by(&other) {
                open_picker(app, kind);
            } else if let Some(facet) = FACETS.iter().find(|f| f.clear.as_ref() == Some(&other)) {
                clear(app, Part::Facet(facet.facet));
            }
        }
    }
    None
}

/// Clears one part of the filter, and says so.
fn clear(app: &mut App, part: Part) {
    if !part.active(app.filter()) {
        app.message = Some(format!("no {} to clear", part.name()));
        return;
    }
    app.refilter_with(|f| part.clear(f));
    let next = app.session.most_recent(app.filter());
    app.message = Some(match next {
        Some(p) => format!("cleared the {} · Esc clears the {}", part.name(), p.name()),
        None => format!("cleared the {}", part.name()),
    });
}

/// Tab: the other pane gets the focus; while one pane is zoomed, the other is zoomed instead (as
/// tmux does), so that the focus is never on a hidden pane.
fn toggle_focus(app: &mut App) {
    app.view.focus = if app.view.focus == Focus::Timeline { Focus::Detail } else { Focus::Timeline };
    if app.view.zoom != Zoom::Both {
        app.view.zoom = if app.view.focus == Focus::Timeline { Zoom::List } else { Zoom::Detail };
        super::scroll_to_selection(app);
        super::clamp_detail(app);
    }
}

/// `z`: the focused pane fills the screen; again, both panes come back.
fn zoom(app: &mut App) {
    app.view.zoom = match (app.view.zoom, app.view.focus) {
        (Zoom::Both, Focus::Timeline) => Zoom::List,
        (Zoom::Both, Focus::Detail) => Zoom::Detail,
        _ => Zoom::Both,
    };
    super::scroll_to_selection(app);
    super::clamp_detail(app);
}

/// `x`: every filter and the search cleared at once, the order kept; and said.
fn clear_all(app: &mut App) {
    let cleared = Filter { order: app.filter().order, ..Filter::default() };
    if *app.filter() == cleared {
        app.message = Some("nothing to clear · q quits".into());
        return;
    }
    app.refilter_with(|f| *f = cleared);
    app.message = Some("cleared the search and every filter".into());
}

/// Ctrl-s: a search's hits by relevance or by date; said, since without a search it shows only
/// at the next one.
pub fn toggle_order(app: &mut App) {
    app.refilter_with(|f| {
        f.order = match f.order {
            Order::Relevance => Order::Chronological,
            Order::Chronological => Order::Relevance,
        }
    });
    let order = if app.filter().order == Order::Relevance { "relevance" } else { "date" };
    app.message = Some(match app.query().is_empty() {
        true => format!("a search will list its hits by {order}"),
        false => format!("hits by {order}"),
    });
}

fn open_picker(app: &mut App, kind: FacetId) {
    if !(FacetPicker::of(kind).offered)(&app.data.timeline) {
        app.message = Some(format!("no {} in this data set", kind.facet().plural));
        return;
    }
    app.count_jobs += 1;
    app.mode = Mode::Picker(Picker::open(
        kind,
        &app.data.timeline,
        app.filter(),
        (!app.job.pending()).then_some(&app.shown.hits[..]),
        app.count_jobs,
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

/// `[` / `]`: the start of this year, then of the previous one; the start of the next year. In
/// relevance order, the best hit of the nearest earlier or later year.
fn jump_year(app: &mut App, forward: bool) {
    let Some(sel) = app.selected_hit().map(|_| app.view.selected) else { return };
    let year = |i: usize| app.data.timeline.events[app.shown.hits[i].event].date.year_value();
    let cur = year(sel);
    let n = app.shown.hits.len();
    let target = if app.ranked() {
        let years = (0..n).map(year);
        let next = if forward { years.filter(|&y| y > cur).min() } else { years.filter(|&y| y < cur).max() };
        next.and_then(|y| (0..n).find(|&i| year(i) == y))
    } else if forward {
        (sel..n).find(|&i| year(i) > cur)
    } else {
        let start_of = |i: usize| (0..=i).rev().take_while(|&j| year(j) == year(i)).last().unwrap_or(i);
        let start = start_of(sel);
        if start < sel { Some(start) } else { start.checked_sub(1).map(start_of) }
    };
    match target {
        Some(t) => select(app, t),
        None => app.message = Some(format!("no {} year", if forward { "later" } else { "earlier" })),
    }
}

fn click(app: &mut App, col: u16, row: u16) {
    let l = app.view.layout();
    let list = inner(l.list);
    if let Some(axis) = l.axis.filter(|a| a.contains((col, row).into())) {
        click_axis(app, col - axis.x, axis.width);
    } else if list.contains((col, row).into()) {
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

/// A click on the time axis selects the shown event nearest to that column (the earliest of
/// those in the column).
fn click_axis(app: &mut App, x: u16, w: u16) {
    let axis = &app.shown.axis;
    let nearest = (0..app.shown.hits.len())
        .filter_map(|i| axis.column_of(app.shown.hits[i].event, w).map(|c| (c.abs_diff(x), i)))
        .min_by_key(|&(d, i)| (d, app.shown.hits[i].event));
    match nearest {
        Some((_, hit)) => {
            app.view.focus = Focus::Timeline;
            select(app, hit);
        }
        None => app.message = Some("no events shown".into()),
    }
}

fn wheel(app: &mut App, col: u16, row: u16, down: bool) {
    let l = app.view.layout();
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

/// The period applied, as the `:` line reads it back (`2022..2026`, `..1992`); empty for none.
fn period_text(f: &Filter) -> String {
    let iso = |d: Option<crate::model::PartialDate>| d.map(|d| d.iso()).unwrap_or_default();
    if f.from.is_none() && f.to.is_none() { String::new() } else { format!("{}..{}", iso(f.from), iso(f.to)) }
}
