//! Draws the help screen, or the load warnings, over the other panes.

use super::{Theme, pane_block};
use crate::view::help::{HelpPage, Report, lines};
use crate::view::layout::inner;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

/// `shown`: the page, what the warnings page reports, and its highlighted entry.
pub fn render(f: &mut Frame, shown: (HelpPage, &Report, usize), scroll: usize, area: Rect, theme: &Theme) {
    let (page, report, cursor) = shown;
    let popup = crate::view::help::popup(area);
    f.render_widget(Clear, popup);
    let title = match page {
        HelpPage::Keys => " Help — Esc, q or ? closes ",
        HelpPage::Warnings => " Warnings — E edits at one · Esc or q closes ",
    };
    f.render_widget(pane_block(title, true, theme), popup);
    let body = inner(popup);
    let all = lines(page, report, body.width, theme, cursor);
    let total = all.len();
    let shown: Vec<Line> = all.into_iter().skip(scroll).collect();
    f.render_widget(Paragraph::new(shown), body);
    // How far down the page is, as the reader shows it.
    if total > body.height as usize && body.height > 0 && popup.width > 8 {
        let pct = ((scroll + body.height as usize).min(total) * 100) / total.max(1);
        let tag = format!(" {pct}% ");
        let x = popup.right().saturating_sub(tag.len() as u16 + 1);
        f.render_widget(
            ratatui::text::Span::styled(tag, theme.dim()),
            Rect::new(x, popup.bottom() - 1, 6, 1),
        );
    }
}
