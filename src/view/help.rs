//! The help screen's text (drawn by `ui::help`), generated from the keymap that handles the keys, plus the legends.

use super::{Theme, glyph};
use crate::input::keymap::{BINDINGS, KeyMode, keys_label};
use crate::model::Kind;
use ratatui::text::{Line, Span};

const SEARCH_HELP: &[(&str, &str)] = &[
    ("to lam", "every term must match; accents and case optional"),
    ("Lào", "a term typed with accents must match them"),
    ("'baku", "exact substring"),
    ("^ho  1959$", "starts with / ends with"),
    ("!lao", "exclude events containing the term"),
    ("laos | cuba", "either term"),
    ("2026-01", "events in that period; also jan 2026, 26/1/2026"),
    ("country:LA", "a field; also kind: person: place: source: status: group: verified:"),
    ("after:2020", "also before: year:; !kind:message excludes"),
];

pub fn lines(theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for mode in KeyMode::ALL {
        let rows: Vec<_> = BINDINGS.iter().filter(|b| b.modes.first() == Some(&mode)).collect();
        if rows.is_empty() {
            continue;
        }
        out.push(Line::styled(mode.title(), theme.heading()));
        for b in rows {
            let also: Vec<&str> = b.modes[1..].iter().map(|m| m.title()).collect();
            let mut spans =
                vec![Span::styled(format!("  {:<18}", keys_label(b)), theme.key()), Span::raw(b.help)];
            if !also.is_empty() {
                spans
                    .push(Span::styled(format!("  (also: {})", also.join(", ").to_lowercase()), theme.dim()));
            }
            out.push(Line::from(spans));
        }
        out.push(Line::raw(""));
    }
    out.push(Line::styled("Mouse", theme.heading()));
    out.push(Line::raw("  click a row to select it; the wheel scrolls the pane under the pointer"));
    out.push(Line::raw("  click the time axis to select the event nearest to that date"));
    out.push(Line::raw("  in a picker, click an entry to tick it; `m` or --no-mouse leaves the mouse"));
    out.push(Line::raw("  to the terminal, to select and copy text"));
    out.push(Line::raw(""));
    out.push(Line::styled("Search syntax (as in fzf)", theme.heading()));
    for (q, what) in SEARCH_HELP {
        out.push(Line::from(vec![Span::styled(format!("  {q:<18}"), theme.key()), Span::raw(*what)]));
    }
    out.push(Line::raw(""));
    out.push(Line::styled("Kinds of event", theme.heading()));
    for k in Kind::ALL {
        out.push(Line::from(vec![
            Span::styled(format!("  {}  ", glyph(*k)), theme.key()),
            Span::raw(k.label()),
        ]));
    }
    out.push(Line::raw(""));
    out.push(Line::styled("Time axis", theme.heading()));
    out.push(Line::raw("  piecewise scale: the distant past takes a quarter of the strip, the last ten"));
    out.push(Line::raw("  years a fifth, the last year a quarter, the last three months the rest;"));
    out.push(Line::raw("  bars count events per column; grey ones are hidden by the filters"));
    out
}

/// The help's box over the main area.
pub fn popup(area: ratatui::layout::Rect) -> ratatui::layout::Rect {
    let w = area.width.saturating_sub(4).min(96);
    let h = area.height.saturating_sub(2);
    ratatui::layout::Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h)
}

/// How many lines the help has (for scrolling).
pub fn line_count() -> usize {
    lines(&Theme::plain()).len()
}
