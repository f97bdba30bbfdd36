//! The status line (position, search, filters, messages) and the key-hint bar.

use super::Theme;
use crate::app::{App, Mode};
use crate::input::keymap::hints;
use crate::model::EntityKind;
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
    if !f.countries.is_empty() {
        let codes: Vec<&str> = f.countries.iter().map(|&c| t.countries[c].code.as_str()).collect();
        parts.push(format!("countries {}", codes.join(",")));
    }
    if !f.kinds.is_empty() {
        let kinds: Vec<&str> = f.kinds.iter().map(|k| k.as_str()).collect();
        parts.push(format!("kinds {}", kinds.join(",")));
    }
    for (ids, kind) in [(&f.people, EntityKind::Person), (&f.places, EntityKind::Place)] {
        if !ids.is_empty() {
            let names: Vec<&str> = ids.iter().map(|&i| t.entities(kind)[i].name.as_str()).collect();
            parts.push(format!("{} {}", kind.section(), names.join(",")));
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
    vec![
        Span::styled(prompt, theme.key()),
        Span::raw(before.to_string()),
        Span::styled("▏", theme.key()),
        Span::raw(after.to_string()),
    ]
}

pub fn render(app: &App, f: &mut Frame, status: Rect, hint_area: Rect, theme: &Theme) {
    let w = status.width as usize;
    let pos = if app.shown.hits.is_empty() {
        format!("0/{}", app.data.timeline.events.len())
    } else {
        format!("{}/{}", app.view.selected + 1, app.shown.hits.len())
    };
    let left: Vec<Span> = match &app.mode {
        Mode::Search(line) => input_spans("/", line, theme),
        Mode::Command(line) => input_spans(":", line, theme),
        _ => {
            let mut v = vec![Span::styled(format!(" {pos} "), theme.title())];
            for p in filter_summary(app) {
                v.push(Span::raw(format!(" {p} ")));
            }
            v
        }
    };
    let right = match (&app.message, &app.mode) {
        (Some(m), _) => Span::styled(format!(" {m} "), theme.error()),
        (None, _) if app.job.pending() => Span::styled(" searching… ", theme.key()),
        (None, Mode::Search(_)) => {
            let order = if app.filter().order == Order::Relevance { "relevance" } else { "date" };
            Span::raw(format!(
                " {}/{} hits · by {order} ",
                app.shown.hits.len(),
                app.data.timeline.events.len()
            ))
        }
        (None, Mode::Command(_)) => Span::raw(" 1983 goes there · 2022..2026 limits · empty clears "),
        _ => Span::raw(""),
    };
    // A long message must not hide the line being typed: it gets at most what the line leaves.
    let typing = matches!(app.mode, Mode::Search(_) | Mode::Command(_));
    let left_need = if typing { left.iter().map(|s| width(&s.content)).sum::<usize>().min(w / 2) } else { 0 };
    let rw = width(&right.content).min(w.saturating_sub(left_need));
    let mut spans = fit(left, w.saturating_sub(rw));
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(w.saturating_sub(used + rw))));
    spans.extend(fit(vec![right], w.saturating_sub(used)));
    f.render_widget(Paragraph::new(Line::from(spans)).style(theme.status()), status);
    let mut hint_spans = Vec::new();
    for (i, (keys, what)) in hints(app.mode.keys()).into_iter().enumerate() {
        if i > 0 {
            hint_spans.push(Span::styled(" · ", theme.dim()));
        }
        hint_spans.push(Span::styled(keys, theme.key()));
        hint_spans.push(Span::raw(format!(" {what}")));
    }
    f.render_widget(Paragraph::new(Line::from(fit(hint_spans, hint_area.width as usize))), hint_area);
}
