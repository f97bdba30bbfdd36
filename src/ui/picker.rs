//! The pickers (countries, kinds, people, places), drawn over the panes.

use super::{Theme, pane_block};
use crate::app::Picker;
use crate::text::wrap::width;
use crate::view::layout::inner;
use crate::view::spans::fit;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

pub fn render(p: &Picker, f: &mut Frame, area: Rect, theme: &Theme) {
    let popup = crate::view::picker::popup(area, p.entries.len());
    f.render_widget(Clear, popup);
    let title = format!(
        " {} — Tab ticks, Enter applies, Esc cancels ",
        crate::app::picker::FacetPicker::of(p.kind).title
    );
    f.render_widget(pane_block(&title, true, theme), popup);
    let body = inner(popup);
    let iw = body.width as usize;
    let mut head = super::status::input_spans("", &p.input, theme);
    head.insert(0, Span::styled("filter: ", theme.label()));
    head.push(Span::styled(format!("  {}/{}", p.visible.len(), p.entries.len()), theme.dim()));
    let mut lines = vec![Line::from(head)];
    let rows = crate::view::picker::rows(popup);
    let top = crate::view::picker::first_visible(p.cursor, rows);
    if p.visible.is_empty() {
        lines.push(Line::styled("nothing matches; Backspace to widen", theme.dim()));
    }
    let name_w = p.entries.iter().map(|e| width(&e.label)).max().unwrap_or(0);
    for (i, &e) in p.visible.iter().enumerate().skip(top).take(rows) {
        let entry = &p.entries[e];
        let on = p.chosen.contains(&entry.id);
        // While the counts are being searched for, they show as `…`.
        let count = if p.pending.is_some() { "   …".to_string() } else { format!("{:>4}", entry.count) };
        let mut spans = vec![
            Span::raw(if i == p.cursor { "▶ " } else { "  " }),
            Span::styled(if on { "[x] " } else { "[ ] " }, if on { theme.key() } else { theme.dim() }),
            Span::styled(
                format!("{}{}", entry.label, " ".repeat(name_w - width(&entry.label))),
                if on { theme.title() } else { theme.base() },
            ),
            Span::styled(format!("  {}", entry.detail), theme.dim()),
        ];
        spans = fit(spans, iw.saturating_sub(5));
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        spans.push(Span::raw(" ".repeat(iw.saturating_sub(used + width(&count)))));
        spans.push(Span::styled(count, if entry.count == 0 { theme.dim() } else { theme.base() }));
        let mut line = Line::from(spans);
        if i == p.cursor {
            line.spans.iter_mut().for_each(|s| s.style = theme.on_selection(s.style));
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    f.render_widget(Paragraph::new(lines), body);
}
