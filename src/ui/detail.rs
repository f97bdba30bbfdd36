//! Draws the detail pane: the selected event's document, scrolled, with a position mark.

use super::{Theme, pane_block};
use crate::app::{App, Focus};
use crate::text::wrap::width;
use crate::view::detail::document;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, f: &mut Frame, area: Rect, theme: &Theme) {
    let block = pane_block(" Detail ", app.view.focus == Focus::Detail, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let lines = document(app.detail_input(), inner.width, theme);
    let total = lines.len();
    let visible: Vec<Line> =
        lines.into_iter().skip(app.view.detail_scroll).take(inner.height as usize).collect();
    f.render_widget(Paragraph::new(visible), inner);
    if total > inner.height as usize && inner.height > 0 {
        let more = format!(" {}/{} ", (app.view.detail_scroll + inner.height as usize).min(total), total);
        let x = area.right().saturating_sub(width(&more) as u16 + 1);
        f.render_widget(
            Span::styled(more, theme.dim()),
            Rect::new(x, area.bottom() - 1, area.width.min(12), 1),
        );
    }
}
