//! Draws the help screen over the other panes.

use super::{Theme, pane_block};
use crate::view::help::lines;
use crate::view::layout::inner;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

pub fn render(f: &mut Frame, scroll: usize, area: Rect, theme: &Theme) {
    let w = area.width.saturating_sub(4).min(96);
    let h = area.height.saturating_sub(2);
    let popup = Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h);
    f.render_widget(Clear, popup);
    let block = pane_block(" Help — ? or Esc closes ", true, theme);
    f.render_widget(block, popup);
    let body: Vec<Line> = lines(theme).into_iter().skip(scroll).collect();
    f.render_widget(Paragraph::new(body), inner(popup));
}
