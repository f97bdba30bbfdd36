//! Draws the time axis: a caret over the selected event, the density bars, the boundary labels.

use super::Theme;
use crate::app::App;
use crate::text::wrap::width;
use crate::view::axis::{Scale, label};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, f: &mut Frame, area: Rect, theme: &Theme) {
    let Some(scale) = &app.shown.axis.scale else { return };
    let w = area.width;
    let (all, shown) = app.shown.axis.columns(w);
    let selected = app.selected_hit().and_then(|h| {
        Some((app.shown.axis.column_of(h.event, w)?, app.data.timeline.events[h.event].date_text.clone()))
    });
    let bars: Vec<Span> = (0..w as usize)
        .map(|x| {
            let sel = selected.as_ref().is_some_and(|(c, _)| *c as usize == x);
            let (glyph, style) = match (all[x], shown[x]) {
                (0, _) => ("─", theme.dim()),
                (n, 0) => (bar(n as usize), theme.filtered_out()),
                (_, n) => (bar(n as usize), theme.axis_mark()),
            };
            Span::styled(glyph, if sel { theme.selected() } else { style })
        })
        .collect();
    let lines = vec![caret_line(selected, w, theme), Line::from(bars), labels_line(scale, w, theme)];
    f.render_widget(Paragraph::new(lines), area);
}

fn bar(n: usize) -> &'static str {
    match n {
        1 => "▂",
        2 => "▄",
        3 | 4 => "▆",
        _ => "█",
    }
}

/// `▼ 26–27 Jan 2026` above the selected event's column, kept inside the strip.
fn caret_line(selected: Option<(u16, String)>, w: u16, theme: &Theme) -> Line<'static> {
    let Some((col, date)) = selected else { return Line::raw("") };
    let (col, dw) = (col as usize, width(&date));
    let text_right = format!("▼ {date}");
    if col + 2 + dw <= w as usize {
        Line::from(vec![Span::raw(" ".repeat(col)), Span::styled(text_right, theme.key())])
    } else {
        let lead = (col + 1).saturating_sub(dw + 2);
        Line::from(vec![Span::raw(" ".repeat(lead)), Span::styled(format!("{date} ▼"), theme.key())])
    }
}

/// The boundary labels: `1950`, `2016`, `2025`, `Dec 2025`, placed where they fall, never
/// overlapping.
fn labels_line(scale: &Scale, w: u16, theme: &Theme) -> Line<'static> {
    let mut out = String::new();
    let mut used = 0usize;
    let n = scale.stops.len();
    for (i, (d, _)) in scale.stops.iter().enumerate() {
        // The last stop is the day after the span: label it with the month it closes.
        let text =
            if i + 1 == n { d.pred_opt().unwrap_or(*d).format("%b %Y").to_string() } else { label(*d) };
        let x = scale.col(*d, w) as usize;
        let x = if i + 1 == n { (w as usize).saturating_sub(text.len()) } else { x };
        let gap = if used == 0 { 0 } else { 1 };
        if x >= used + gap && x + text.len() <= w as usize {
            out.push_str(&" ".repeat(x - used));
            out.push_str(&text);
            used = x + text.len();
        }
    }
    Line::styled(out, theme.dim())
}
