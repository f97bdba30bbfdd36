//! The source reader: opening it, scrolling, moving between quotes, sources and events,
//! searching the article, going back, and keeping its place when the terminal is resized.

use crate::app::line::Edit;
use crate::app::{Action, App, LineInput, Mode, Reader};
use crate::view::reader::{Page, article_lines, body_rect, find, nothing_to_read, page, title_lines};

/// Opens the reader on the selected event's first quote, or on its own text when it has no
/// quoted source; says why when there is nothing to read.
pub fn open_reader(app: &mut App) {
    let Some(hit) = app.selected_hit() else {
        app.message = Some("no event selected".into());
        return;
    };
    if let Some(why) = nothing_to_read(&app.data.timeline.events[hit.event]) {
        app.message = Some(why.into());
        return;
    }
    app.mode = Mode::Reader(Reader::new(hit.event));
    scroll_to_quote(app);
}

pub fn update(app: &mut App, action: Action) {
    if let Mode::Reader(Reader { find: Some(_), .. }) = &app.mode {
        return update_find(app, action);
    }
    if let Some(d) = super::distance(&action, body_size(app).0) {
        return scroll(app, d);
    }
    match action {
        Action::Wheel { down, .. } => scroll(app, if down { 3 } else { -3 }),
        Action::NextQuote => step(app, true),
        Action::PrevQuote => step(app, false),
        Action::NextSource => next_source(app, true),
        Action::PrevSource => next_source(app, false),
        Action::NextEvent => next_event(app, 1),
        Action::PrevEvent => next_event(app, -1),
        Action::StartSearch => {
            if let Mode::Reader(r) = &mut app.mode {
                r.find = Some(LineInput::new(r.found.clone()));
            }
        }
        Action::Help => super::open_help(app),
        Action::Warnings => super::open_warnings(app),
        // Back to the timeline exactly as it was: selection, scroll and focus were never touched
        // (J/K moved the selection along with the reader).
        Action::Back => app.mode = Mode::Browse,
        _ => {}
    }
}

/// The `/` line of the reader: each key searches again from where the reading was.
fn update_find(app: &mut App, action: Action) {
    let Mode::Reader(r) = &mut app.mode else { return };
    let Some(line) = r.find.as_mut() else { return };
    match line.edit(&action) {
        Edit::Changed => {
            r.found = line.text.clone();
            return seek(app, Seek::From);
        }
        Edit::Moved => return,
        Edit::NotMine => {}
    }
    match action {
        Action::Accept => {
            r.find = None;
            let r = r.clone();
            let found = find(&article(app, &r).text, &r.found);
            app.message = Some(match found.len() {
                0 if r.found.trim().is_empty() => "no article search".into(),
                0 => format!("“{}” is not in this article", r.found.trim()),
                _ => match_note(&found, r.at, ""),
            });
        }
        Action::Back => {
            r.find = None;
            r.found.clear();
        }
        Action::Help => super::open_help(app),
        _ => {}
    }
}

fn article<'a>(app: &'a App, r: &Reader) -> Page<'a> {
    page(&app.data.timeline, r.event, r.citation)
}

/// Where to look for the next match of the article search.
#[derive(Clone, Copy, PartialEq)]
enum Seek {
    /// From the top of the page (while typing).
    From,
    Next,
    Prev,
}

/// Moves to a match of the article search and scrolls it a third of the way down the page.
fn seek(app: &mut App, how: Seek) {
    let (h, w) = body_size(app);
    let Mode::Reader(r) = &app.mode else { return };
    let page = article(app, r);
    let found = find(&page.text, &r.found);
    let lines = article_lines(&page.text, w);
    let top = lines.get(r.scroll).map_or(0, |l| l.start);
    let pick = match how {
        Seek::From => found.iter().find(|m| m.start >= top).or(found.first()),
        Seek::Next => found.iter().find(|m| m.start > r.at).or(found.first()),
        Seek::Prev => found.iter().rev().find(|m| m.start < r.at).or(found.last()),
    };
    let wrapped = match (how, pick) {
        (Seek::Next, Some(m)) => m.start <= r.at,
        (Seek::Prev, Some(m)) => m.start >= r.at,
        _ => false,
    };
    let Some(m) = pick.cloned() else {
        app.message = Some(format!("“{}” is not in this article", r.found.trim()));
        return;
    };
    let line = lines.iter().position(|l| l.end > m.start).unwrap_or(0);
    if let Mode::Reader(r) = &mut app.mode {
        r.at = m.start;
        r.scroll = line.saturating_sub(h / 3);
    }
    // While typing, the status line keeps its Enter/Esc hint.
    let note = match (how, wrapped) {
        (Seek::From, _) => None,
        (Seek::Prev, true) => Some(" (from the bottom)"),
        (_, true) => Some(" (from the top)"),
        (_, false) => Some(""),
    };
    app.message = note.map(|note| match_note(&found, m.start, note));
    clamp(app);
}

/// `match 2/5 · n N move`: which match is current (the one starting at `at`) and how many there
/// are, as less and vim say it, with a note when the search wrapped around the article.
fn match_note(found: &[std::ops::Range<usize>], at: usize, wrapped: &str) -> String {
    let n = found.len();
    match found.iter().position(|m| m.start == at) {
        Some(i) => format!("match {}/{n}{wrapped} · n N move", i + 1),
        None => format!("{n} match{} · n N move", if n == 1 { "" } else { "es" }),
    }
}

/// The text's height and width under the page's title, wrapped as it is drawn.
fn body_size(app: &App) -> (usize, u16) {
    let l = app.view.layout();
    let w = crate::view::layout::inner(l.main).width;
    let titled = reader(&app.mode).map_or(1, |r| title_lines(&article(app, r).title.whole(), w).len());
    let r = body_rect(&l, titled);
    (r.height as usize, r.width)
}

/// The reader, also under the help.
fn reader(mode: &Mode) -> Option<&Reader> {
    match mode {
        Mode::Reader(r) => Some(r),
        Mode::Help { under, .. } => reader(under),
        _ => None,
    }
}

/// Number of wrapped lines of the article being read.
fn line_count(app: &App, r: &Reader) -> usize {
    article_lines(&article(app, r).text, body_size(app).1).len()
}

fn scroll(app: &mut App, delta: isize) {
    if let Mode::Reader(r) = &mut app.mode {
        r.scroll = r.scroll.saturating_add_signed(delta);
    }
    clamp(app);
}

/// Keeps the reader's scroll inside the article: at most the last screenful.
pub fn clamp(app: &mut App) {
    let (h, _) = body_size(app);
    let Mode::Reader(r) = &app.mode else { return };
    let max = line_count(app, r).saturating_sub(h);
    if let Mode::Reader(r) = &mut app.mode {
        r.scroll = r.scroll.min(max);
    }
}

/// The reader, also under the help.
fn reader_mut(mode: &mut Mode) -> Option<&mut Reader> {
    match mode {
        Mode::Reader(r) => Some(r),
        Mode::Help { under, .. } => reader_mut(under),
        _ => None,
    }
}

/// Where the reader is, in terms that survive a change of width: the byte offset of the first
/// visible line, and whether the current quote was on screen.
pub fn anchor(app: &mut App) -> Option<(usize, bool)> {
    let (h, w) = body_size(app);
    let r = reader_mut(&mut app.mode)?.clone();
    let page = article(app, &r);
    let lines = article_lines(&page.text, w);
    let top = lines.get(r.scroll).map_or(0, |l| l.start);
    let bottom = lines.get(r.scroll + h).map_or(usize::MAX, |l| l.start);
    let quote = page.quote_start();
    Some((top, quote >= top && quote < bottom))
}

/// After a resize: the line that was at the top is at the top again, and a quote that was on
/// screen still is.
pub fn restore_anchor(app: &mut App, anchor: Option<(usize, bool)>) {
    let Some((top, quote_seen)) = anchor else { return };
    let (h, w) = body_size(app);
    let Some(r) = reader_mut(&mut app.mode) else { return };
    let page = page(&app.data.timeline, r.event, r.citation);
    let lines = article_lines(&page.text, w);
    let line_of = |at: usize| lines.iter().position(|l| l.end > at).unwrap_or(0);
    r.scroll = line_of(top);
    let q = line_of(page.quote_start());
    if quote_seen && (q < r.scroll || q >= r.scroll + h.max(1)) {
        r.scroll = q.saturating_sub(h / 3);
    }
    let max = lines.len().saturating_sub(h);
    r.scroll = r.scroll.min(max);
}

/// Scrolls so the current quote starts a third of the way down the page.
fn scroll_to_quote(app: &mut App) {
    let (h, w) = body_size(app);
    let Mode::Reader(r) = &app.mode else { return };
    let page = article(app, r);
    let start = page.quote_start();
    let lines = article_lines(&page.text, w);
    let at = lines.iter().position(|l| l.end > start).unwrap_or(0);
    if let Mode::Reader(r) = &mut app.mode {
        r.scroll = at.saturating_sub(h / 3);
        r.at = start;
    }
    clamp(app);
}

/// `n`/`N`: the next match of the article search, or without one the next quote.
fn step(app: &mut App, forward: bool) {
    let Mode::Reader(r) = &mut app.mode else { return };
    if !r.found.trim().is_empty() {
        return seek(app, if forward { Seek::Next } else { Seek::Prev });
    }
    let n = app.data.timeline.events[r.event].citations.len();
    if n == 0 {
        app.message = Some("this event has no quotes: this is its own text".into());
        return;
    }
    r.citation = if forward { (r.citation + 1) % n } else { (r.citation + n - 1) % n };
    let msg = format!("quote {} of {n}", r.citation + 1);
    scroll_to_quote(app);
    app.message = Some(msg);
}

/// Tab / Shift-Tab: the first quote of the next or previous source article this event cites.
fn next_source(app: &mut App, forward: bool) {
    let Mode::Reader(r) = &mut app.mode else { return };
    let cites = &app.data.timeline.events[r.event].citations;
    let Some(current) = cites.get(r.citation).map(|c| c.source) else {
        app.message = Some("this event has no sources: this is its own text".into());
        return;
    };
    let n = cites.len();
    let at = |d: usize| if forward { (r.citation + d) % n } else { (r.citation + n - d) % n };
    let Some(i) = (1..=n).map(at).find(|&i| cites[i].source != current) else {
        app.message = Some("this event has only one source".into());
        return;
    };
    // Backwards, land on that source's first quote, not its last.
    let first = (0..n).find(|&j| cites[j].source == cites[i].source).unwrap_or(i);
    r.citation = first;
    r.found.clear();
    scroll_to_quote(app);
}

/// `J`/`K`: the next or previous event of the list that has something to read, read without
/// leaving the reader (as a pager skips empty pages); the timeline's selection follows, so that
/// going back lands on it. With none left that way, the reader stays where it is and says so.
fn next_event(app: &mut App, delta: isize) {
    let from = app.view.selected;
    let total = app.shown.hits.len();
    let way = if delta > 0 { "next" } else { "previous" };
    let readable = |i: &usize| {
        let event = app.shown.hits[*i].event;
        nothing_to_read(&app.data.timeline.events[event]).is_none()
    };
    let found = if delta > 0 { (from + 1..total).find(readable) } else { (0..from).rev().find(readable) };
    let Some(to) = found else {
        let at_end = if delta > 0 { from + 1 >= total } else { from == 0 };
        let none = if at_end { "" } else { " has anything to read" };
        app.message = Some(format!("no {way} event{none}"));
        return;
    };
    let skipped = to.abs_diff(from) - 1;
    super::select(app, to);
    let Some(hit) = app.selected_hit() else { return };
    app.mode = Mode::Reader(Reader::new(hit.event));
    scroll_to_quote(app);
    app.message = Some(match skipped {
        0 => format!("event {}/{total}", to + 1),
        n => format!("event {}/{total} (skipped {n} with nothing to read)", to + 1),
    });
}

/// For tests: the reader's page height and width, its article's line count, and the line of its
/// current quote.
#[cfg(test)]
pub fn body_size_for(app: &App) -> (usize, u16) {
    body_size(app)
}

#[cfg(test)]
pub fn lines_for(app: &App) -> usize {
    let Mode::Reader(r) = &app.mode else { return 0 };
    line_count(app, r)
}

#[cfg(test)]
pub fn quote_line_for(app: &App) -> usize {
    let Mode::Reader(r) = &app.mode else { return 0 };
    let page = article(app, r);
    let lines = article_lines(&page.text, body_size(app).1);
    lines.iter().position(|l| l.end > page.quote_start()).unwrap_or(0)
}
