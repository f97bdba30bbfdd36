//! Draws the time axis: a caret over the selected event, the density bars, the eras and the
//! boundary labels.

use super::Theme;
use crate::app::App;
use crate::text::wrap::width;
use crate::view::axis::{Scale, label, moment_days};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, f: &mut Frame, area: Rect, theme: &Theme) {
    let Some(scale) = &app.shown.axis.scale else { return };
    let w = area.width;
    let (all, shown) = app.shown.axis.columns(w);
    let selected = app.selected_hit().and_then(|h| {
        Some((app.shown.axis.column_of(h.event, w)?, app.data.timeline.events[h.event].date_text()))
    });
    let eras = era_columns(app, scale, w);
    let in_era = |x: usize| eras.iter().any(|(a, b, _)| (*a..=*b).contains(&x));
    let bars: Vec<Span> = (0..w as usize)
        .map(|x| {
            let sel = selected.as_ref().is_some_and(|(c, _)| *c as usize == x);
            let (glyph, style) = match (all[x], shown[x]) {
                (0, _) if in_era(x) => ("═", theme.dim()),
                (0, _) => ("─", theme.dim()),
                (n, 0) => (bar(n as usize), theme.filtered_out()),
                (_, n) => (bar(n as usize), theme.axis_mark()),
            };
            Span::styled(glyph, if sel { theme.selected() } else { style })
        })
        .collect();
    let lines = vec![caret_line(selected, w, theme), Line::from(bars), labels_line(scale, w, &eras, theme)];
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
/// Each era's first and last column on a strip `w` wide, and its name (TimelineJS eras; drawn
/// as `═` under the bars, named where the labels leave room).
fn era_columns<'a>(app: &'a App, scale: &Scale, w: u16) -> Vec<(usize, usize, &'a str)> {
    let day = |d: &crate::model::PartialDate, end: bool| moment_days(if end { d.end() } else { d.start() });
    let eras = app.data.timeline.eras.iter();
    eras.map(|e| {
        (
            scale.col(day(&e.start, false), w) as usize,
            scale.col(day(&e.end, true), w) as usize,
            e.headline.as_str(),
        )
    })
    .collect()
}

/// The boundary labels, placed where they fall, never overlapping; then era names in the room left.
fn labels_line(scale: &Scale, w: u16, eras: &[(usize, usize, &str)], theme: &Theme) -> Line<'static> {
    let w = w as usize;
    let mut placed: Vec<(usize, String)> = Vec::new();
    let free = |placed: &[(usize, String)], x: usize, tw: usize| {
        x + tw <= w && placed.iter().all(|(px, t)| x + tw < *px || x > px + width(t))
    };
    let n = scale.stops.len();
    for (i, (d, _)) in scale.stops.iter().enumerate() {
        // A linear scale labels its start, and its end only beyond the calendar (its ticks are
        // years and months otherwise); the piecewise one labels every boundary. The last stop is
        // the day after the span: label it with the month it closes.
        if scale.linear && i > 0 && (i + 1 < n || scale.in_calendar()) {
            continue;
        }
        let text = label(*d, i + 1 == n);
        let tw = width(&text);
        let x = if i + 1 == n { w.saturating_sub(tw) } else { scale.col(*d, w as u16) as usize };
        if free(&placed, x, tw) {
            placed.push((x, text));
        }
    }
    for (a, b, name) in eras {
        // Centred in the era when it is wide enough, else at its start.
        let text = format!("«{name}»");
        let tw = width(&text);
        let mid = ((a + b) / 2).saturating_sub(tw / 2).max(*a);
        let last = b.saturating_sub(tw).max(*a);
        if let Some(x) = (mid..=last).chain(*a..mid).find(|&x| free(&placed, x, tw)) {
            placed.push((x, text));
        }
    }
    if scale.linear {
        for (d, text) in scale.ticks(w as u16) {
            let (x, tw) = (scale.col(d, w as u16) as usize, width(&text));
            // A label that would run off the strip ends at its edge instead; ticks keep two
            // blanks from the other labels.
            let x = x.min(w.saturating_sub(tw));
            let apart = placed.iter().all(|(px, t)| x + tw + 2 < *px || x > px + width(t) + 1);
            if free(&placed, x, tw) && apart {
                placed.push((x, text));
            }
        }
    }
    placed.sort_by_key(|(x, _)| *x);
    let mut out = String::new();
    let mut used = 0;
    for (x, text) in placed {
        out.push_str(&" ".repeat(x.saturating_sub(used)));
        used = x.max(used) + width(&text);
        out.push_str(&text);
    }
    Line::styled(out, theme.dim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn era_names_go_where_the_labels_leave_room() {
        let t = |s: &str| moment_days(crate::model::PartialDate::parse(s).unwrap().start());
        let s = Scale::new(t("Y-13797999999"), t("2026"));
        let line = labels_line(&s, 80, &[(0, 53, "Before the Earth"), (79, 79, "Too late")], &Theme::plain());
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(
            text.trim_end(),
            "13.8 billion years ago «Before the Earth»         5 billion years ago   Jan 2026",
            "the start, the era, a round tick where it fits, the end"
        );
    }
}
