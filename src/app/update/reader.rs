//! The source reader: opening it, scrolling, moving between quotes and sources, going back.

use crate::app::{Action, App, Mode, Reader};
use crate::view::layout::Layout;
use crate::view::reader::{article_lines, body_rect};

/// Opens the reader on the selected event's first quote.
pub fn open_reader(app: &mut App) {
    let Some(hit) = app.selected_hit() else {
        app.message = Some("no event selected".into());
        return;
    };
    app.mode = Mode::Reader(Reader { event: hit.event, citation: 0, scroll: 0 });
    scroll_to_quote(app);
}

pub fn update(app: &mut App, action: Action) {
    if let Some(d) = super::distance(&action, body_size(app).0) {
        return scroll(app, d);
    }
    match action {
        Action::Wheel { down, .. } => scroll(app, if down { 3 } else { -3 }),
        Action::NextQuote => step_quote(app, 1),
        Action::PrevQuote => step_quote(app, -1),
        Action::NextSource => next_source(app),
        Action::Help => {
            let under = std::mem::replace(&mut app.mode, Mode::Browse);
            app.mode = Mode::Help { scroll: 0, under: Box::new(under) };
        }
        // Back to the timeline exactly as it was: selection, scroll and focus were never touched.
        Action::Back => app.mode = Mode::Browse,
        _ => {}
    }
}

fn body_size(app: &App) -> (usize, u16) {
    let r = body_rect(&Layout::new(app.view.width, app.view.height));
    (r.height as usize, r.width)
}

/// Number of wrapped lines of the article being read.
fn line_count(app: &App, r: &Reader) -> usize {
    let (_, w) = body_size(app);
    let c = &app.data.timeline.events[r.event].citations[r.citation];
    article_lines(&app.data.timeline.sources[c.source].text, w).len()
}

fn scroll(app: &mut App, delta: isize) {
    if let Mode::Reader(r) = &mut app.mode {
        r.scroll = r.scroll.saturating_add_signed(delta);
    }
    clamp(app);
}

/// Keeps the reader's scroll inside the article (after a resize too).
pub fn clamp(app: &mut App) {
    let (h, _) = body_size(app);
    let Mode::Reader(r) = &app.mode else { return };
    let max = line_count(app, r).saturating_sub(h);
    if let Mode::Reader(r) = &mut app.mode {
        r.scroll = r.scroll.min(max);
    }
}

/// Scrolls so the current quote starts a third of the way down the page.
fn scroll_to_quote(app: &mut App) {
    let (h, w) = body_size(app);
    let Mode::Reader(r) = &app.mode else { return };
    let c = &app.data.timeline.events[r.event].citations[r.citation];
    let lines = article_lines(&app.data.timeline.sources[c.source].text, w);
    let at = lines.iter().position(|l| l.end > c.span.start).unwrap_or(0);
    if let Mode::Reader(r) = &mut app.mode {
        r.scroll = at.saturating_sub(h / 3);
    }
    clamp(app);
}

fn step_quote(app: &mut App, delta: isize) {
    let Mode::Reader(r) = &mut app.mode else { return };
    let n = app.data.timeline.events[r.event].citations.len();
    r.citation = (r.citation as isize + delta).rem_euclid(n as isize) as usize;
    let msg = format!("quote {} of {n}", r.citation + 1);
    scroll_to_quote(app);
    app.message = Some(msg);
}

/// Tab: the first quote of the next source article this event cites.
fn next_source(app: &mut App) {
    let Mode::Reader(r) = &mut app.mode else { return };
    let cites = &app.data.timeline.events[r.event].citations;
    let current = cites[r.citation].source;
    let n = cites.len();
    let next = (1..=n).map(|d| (r.citation + d) % n).find(|&i| cites[i].source != current);
    match next {
        Some(i) => {
            r.citation = i;
            scroll_to_quote(app);
        }
        None => app.message = Some("this event has only one source".into()),
    }
}
