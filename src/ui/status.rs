//! The status line (position, search, filters, messages) and the key-hint bar.

use super::Theme;
use crate::app::{App, Mode};
use crate::input::keymap::hints_where;
use crate::search::{Filter, Order};
use crate::text::wrap::width;
use crate::view::spans::fit;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn period_label(f: &Filter) -> String {
    let d = |d: Option<crate::model::PartialDate>| d.map(|d| d.iso()).unwrap_or_default();
    format!("{}..{}", d(f.from), d(f.to))
}

/// The active filters, in words: `“dai hoi” · countries LA, AZ · kinds visit · 2022..2026`.
pub fn filter_summary(app: &App) -> Vec<String> {
    let f = &app.filter();
    let t = &app.data.timeline;
    let mut parts = Vec::new();
    if !f.query.trim().is_empty() {
        let order = if f.order == Order::Relevance { "by relevance" } else { "by date" };
        parts.push(format!("/{} ({order})", f.query.trim()));
    }
    for facet in &crate::search::FACETS {
        let named: Vec<String> = f.chosen(facet.id).iter().map(|v| (facet.name)(t, v)).collect();
        if !named.is_empty() {
            parts.push(format!("{} {}", facet.plural, named.join(",")));
        }
    }
    if f.from.is_some() || f.to.is_some() {
        parts.push(format!("period {}", period_label(f)));
    }
    parts
}

/// A typed line with its prompt and the cursor where it is.
pub fn input_spans(prompt: &'static str, line: &crate::app::LineInput, theme: &Theme) -> Vec<Span<'static>> {
    let (before, after) = line.split();
    if line.selected {
        return vec![
            Span::styled(prompt, theme.key()),
            Span::styled(line.text.clone(), theme.selected()),
            Span::styled("▏", theme.key()),
        ];
    }
    vec![
        Span::styled(prompt, theme.key()),
        Span::raw(before.to_string()),
        Span::styled("▏", theme.key()),
        Span::raw(after.to_string()),
    ]
}

/// The left of the status line: the line being typed, or the position, warnings and filters.
fn left_spans(app: &App, pos: &str, theme: &Theme) -> Vec<Span<'static>> {
    match &app.mode {
        Mode::Search(line) => input_spans("/", line, theme),
        Mode::Command(line) => input_spans(":", line, theme),
        Mode::Reader(crate::app::Reader { find: Some(line), .. }) => input_spans("find: ", line, theme),
        _ => {
            let mut v = vec![Span::styled(format!(" {pos} "), theme.title())];
            // Load warnings stay in sight: `!9`, and W lists them.
            let n = app.data.timeline.warnings.len();
            if n > 0 {
                v.push(Span::styled(format!("!{n} "), theme.error()));
            }
            for p in filter_summary(app) {
                v.push(Span::raw(format!(" {p} ")));
            }
            v
        }
    }
}

pub fn render(app: &App, f: &mut Frame, status: Rect, hint_area: Rect, theme: &Theme) {
    let w = status.width as usize;
    let pos = position(app);
    let left = left_spans(app, &pos, theme);
    let right = match (&app.message, &app.mode) {
        (Some(m), _) => Span::styled(format!(" {m} "), theme.error()),
        (None, _) if let Some(x) = &app.exporting => Span::styled(format!(" {} ", x.status()), theme.key()),
        (None, _) if let Some(n) = app.origin.loading => {
            Span::styled(format!(" loading all {n} events… "), theme.key())
        }
        (None, _) if app.job.pending() => Span::styled(" searching… ", theme.key()),
        (None, Mode::Search(_)) => {
            let order = if app.filter().order == Order::Relevance { "relevance" } else { "date" };
            Span::raw(format!(" {} · by {order} ", position(app)))
        }
        (None, Mode::Command(line)) if line.text.trim_start().starts_with("export") => {
            Span::raw(format!(" {} · \"a b.md\" for spaces · export! replaces ", crate::app::export_usage()))
        }
        (None, Mode::Command(_)) => Span::raw(" 1983 goes there · 2022..2026 limits · empty clears "),
        (None, Mode::Reader(r)) if r.find.is_some() => Span::raw(" Enter keeps · Esc drops "),
        _ => Span::raw(""),
    };
    // Data that no longer loads says so in place of the key hints, until it loads again.
    let bar = match reload_failure(app) {
        Some(failure) if status != hint_area => fit(vec![Span::styled(failure, theme.error())], w),
        _ => key_bar(hints_where(app.mode.keys(), |a| app.offers(a)), hint_area.width as usize, theme),
    };
    let right = match reload_failure(app) {
        Some(failure) if status == hint_area && app.message.is_none() => Span::styled(failure, theme.error()),
        _ => right,
    };
    if status == hint_area {
        return shared_row(f, status, left, right, theme, app);
    }
    // A long message must not hide the line being typed, nor the position: it gets at most what
    // they leave.
    let typing = matches!(app.mode, Mode::Search(_) | Mode::Command(_));
    let left_need = if typing {
        left.iter().map(|s| width(&s.content)).sum::<usize>().min(w / 2)
    } else {
        left.first().map_or(0, |s| width(&s.content)).min(w / 2)
    };
    let rw = width(&right.content).min(w.saturating_sub(left_need));
    let mut spans = fit(left, w.saturating_sub(rw));
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(w.saturating_sub(used + rw))));
    spans.extend(fit(vec![right], w.saturating_sub(used)));
    f.render_widget(Paragraph::new(Line::from(spans)).style(theme.status()), status);
    f.render_widget(Paragraph::new(Line::from(bar)), hint_area);
}

/// A data file that no longer loads: its first problem at `path:line:col`, how many more, and
/// the key that opens the editor there. The data on screen is the last that loaded.
fn reload_failure(app: &App) -> Option<String> {
    let problems = &app.origin.failed;
    let more = match problems.len() {
        0 | 1 => String::new(),
        n => format!(" (+{} more)", n - 1),
    };
    let first = problems.first()?;
    Some(format!(" not reloaded (W shows all, E edits): {first}{more} "))
}

/// A short terminal's last row: the status (at most three fifths of it), then the keys that fit,
/// `? help` always among them. A message, or data that no longer loads, takes the whole row:
/// cut to a fifth of a narrow one, it could not be read.
fn shared_row(
    f: &mut Frame,
    area: Rect,
    mut left: Vec<Span<'static>>,
    right: Span<'static>,
    theme: &Theme,
    app: &App,
) {
    let w = area.width as usize;
    let typing = matches!(
        app.mode,
        Mode::Search(_) | Mode::Command(_) | Mode::Reader(crate::app::Reader { find: Some(_), .. })
    );
    if !typing && (app.message.is_some() || !app.origin.failed.is_empty()) {
        let line = Line::from(fit(vec![right], w));
        f.render_widget(Paragraph::new(line).style(theme.status()), area);
        return;
    }
    if !right.content.trim().is_empty() {
        left.push(right);
    }
    let left = fit(left, w * 3 / 5);
    let used: usize = left.iter().map(|s| width(&s.content)).sum();
    let status_w = used as u16;
    f.render_widget(Paragraph::new(Line::from(left)).style(theme.status()), Rect { width: status_w, ..area });
    let bar = key_bar(hints_where(app.mode.keys(), |a| app.offers(a)), w.saturating_sub(used + 1), theme);
    let rest = Rect { x: area.x + status_w + 1, width: area.width.saturating_sub(status_w + 1), ..area };
    f.render_widget(Paragraph::new(Line::from(bar)), rest);
}

/// The selection's place among the hits, and the hits among all events, in one form in every
/// state: `3/16 of 35`, `0/0 of 35`.
pub fn position(app: &App) -> String {
    // A preview counts the whole data set's events, which are being read.
    let total = app.origin.loading.unwrap_or(app.data.timeline.events.len());
    let hits = app.shown.hits.len();
    let at = if hits == 0 { 0 } else { app.view.selected + 1 };
    format!("{at}/{hits} of {total}")
}

/// The key-hint bar: hints from the left while they fit, dropping from the right; the way back
/// (in the reader) and the help key (on the help screen, the key that closes it) are always
/// kept, at the end.
fn key_bar(all: Vec<(String, &'static str)>, w: usize, theme: &Theme) -> Vec<Span<'static>> {
    let (mut kept, others): (Vec<_>, Vec<_>) =
        all.into_iter().partition(|(_, what)| matches!(*what, "back" | "help" | "close"));
    // On the help screen, the key that closes it says it all.
    if kept.iter().any(|(_, what)| *what == "close") {
        kept.retain(|(_, what)| *what != "back");
    }
    kept.sort_by_key(|(_, what)| *what != "back");
    let item = |(keys, what): &(String, &str)| {
        vec![Span::styled(keys.clone(), theme.key()), Span::raw(format!(" {what}"))]
    };
    let sep = || Span::styled(" · ", theme.dim());
    let len = |spans: &[Span]| spans.iter().map(|s| width(&s.content)).sum::<usize>();
    let mut tail: Vec<Span> = Vec::new();
    for k in &kept {
        if !tail.is_empty() {
            tail.push(sep());
        }
        tail.extend(item(k));
    }
    let room = w.saturating_sub(len(&tail) + 3);
    let mut spans: Vec<Span> = Vec::new();
    for h in &others {
        let mut next = if spans.is_empty() { Vec::new() } else { vec![sep()] };
        next.extend(item(h));
        if len(&spans) + len(&next) > room {
            break;
        }
        spans.extend(next);
    }
    if !tail.is_empty() {
        if !spans.is_empty() {
            spans.push(sep());
        }
        spans.extend(tail);
    }
    fit(spans, w)
}
