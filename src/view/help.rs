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
    ("country:LA", "a field; also kind: person: place: source: status:"),
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

/// How many lines the help has (for scrolling).
pub fn line_count() -> usize {
    lines(&Theme { color: false }).len()
}
