//! Drawing. `render(&App, &mut Frame)` is pure: it reads the state and never changes it.
//! One file per pane; `layout` decides where each goes.

pub mod axis;
pub mod detail;
pub mod help;
pub mod picker;
pub mod reader;
pub mod status;
pub mod timeline;

use crate::app::{App, Mode};
use crate::view::layout::{self, Layout};
pub use crate::view::{Theme, glyph};
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// A bordered pane; the focused one is marked by its border and a `▸` in the title.
pub fn pane_block<'a>(title: &'a str, focused: bool, theme: &Theme) -> Block<'a> {
    let t = if focused {
        Line::from(vec![Span::styled("▸", theme.key()), Span::styled(title, theme.title())])
    } else {
        Line::raw(title)
    };
    Block::bordered().title(t).border_style(theme.border(focused))
}

pub fn render(app: &App, f: &mut Frame, theme: &Theme) {
    let area = f.area();
    let l = Layout::zoomed(area.width, area.height, app.view.zoom);
    if l.too_small {
        let msg = Paragraph::new(vec![
            Line::raw("terminal too small"),
            Line::raw(format!("need {}×{}", layout::MIN_WIDTH, layout::MIN_HEIGHT)),
        ])
        .wrap(ratatui::widgets::Wrap { trim: true });
        f.render_widget(msg, area);
        return;
    }
    if let Some(axis_area) = l.axis {
        axis::render(app, f, axis_area, theme);
    }
    let under = match &app.mode {
        Mode::Help { under, .. } => under.as_ref(),
        m => m,
    };
    match under {
        Mode::Reader(r) => reader::render(app, r, f, &l, theme),
        _ => {
            if l.list.height > 0 {
                timeline::render(app, f, l.list, theme);
            }
            if l.detail.height > 0 {
                detail::render(app, f, l.detail, theme);
            }
        }
    }
    status::render(app, f, l.status, l.hints, theme);
    match &app.mode {
        Mode::Help { scroll, page, cursor, .. } => {
            help::render(f, (*page, &app.report(), *cursor), *scroll, l.main, theme)
        }
        Mode::Picker(p) => picker::render(p, f, l.main, theme),
        _ => {}
    }
}
