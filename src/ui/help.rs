//! Draws the help screen over the other panes.

use super::{Theme, pane_block};
use crate::view::help::lines;
use crate::view::layout::inner;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

pub fn render(f: &mut Frame, scroll: usize, area: Rect, theme: &Theme) {
    let popup = crate::view::help::popup(area);
    f.render_widget(Clear, popup);
    let block = pane_block(" Help — Esc, q or ? closes ", true, theme);
    f.render_widget(block, popup);
    let body: Vec<Line> = lines(theme).into_iter().skip(scroll).collect();
    f.render_widget(Paragraph::new(body), inner(popup));
}
