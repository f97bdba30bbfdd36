//! The help screen's text (drawn by `ui::help`), generated from the keymap that handles the keys, plus the legends.

use super::{Theme, glyph};
use crate::input::keymap::{Binding, Input, KeyMode, groups, keys_label};
use crate::model::{Kind, Timeline};
use crate::text::wrap::{width, wrap};
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

/// What a help-like page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpPage {
    /// Every key, the search syntax, the legends.
    Keys,
    /// The load warnings, each at `path:line:col`.
    Warnings,
}

/// One entry of a help page: a heading, a key (or example) with what it does, or plain text.
enum Item {
    Heading(String),
    Entry { key: String, text: String, also: String },
    Text(String),
    Blank,
}

fn keys_items() -> Vec<Item> {
    let mut out = Vec::new();
    let is_key = |g: &&[Binding]| matches!(g[0].input, Input::Key(_));
    for mode in KeyMode::ALL {
        let rows: Vec<_> = groups().filter(is_key).filter(|g| g[0].modes.first() == Some(&mode)).collect();
        if rows.is_empty() {
            continue;
        }
        out.push(Item::Heading(mode.title().into()));
        for g in rows {
            let also: Vec<&str> = g[0].modes[1..].iter().map(|m| m.title()).collect();
            let also = if also.is_empty() {
                String::new()
            } else {
                format!("(also: {})", also.join(", ").to_lowercase())
            };
            out.push(Item::Entry { key: keys_label(g), text: g[0].help.into(), also });
        }
        out.push(Item::Blank);
    }
    out.push(Item::Heading("Mouse".into()));
    for g in groups().filter(|g| !is_key(g)) {
        out.push(Item::Entry { key: keys_label(g), text: g[0].help.into(), also: String::new() });
    }
    out.push(Item::Text(
        "`m` or --no-mouse leaves the mouse to the terminal, to select and copy text".into(),
    ));
    out.push(Item::Blank);
    out.push(Item::Heading("Search syntax (as in fzf)".into()));
    for (q, what) in SEARCH_HELP {
        out.push(Item::Entry { key: (*q).into(), text: (*what).into(), also: String::new() });
    }
    out.push(Item::Blank);
    out.push(Item::Heading("Kinds of event".into()));
    for k in Kind::ALL {
        out.push(Item::Entry { key: glyph(*k).into(), text: k.label().into(), also: String::new() });
    }
    out.push(Item::Blank);
    out.push(Item::Heading("Time axis".into()));
    out.push(Item::Text(
        "the scale follows the data: evenly spread events get an even scale; when most events are \
         recent, the scale is piecewise (the distant past takes a quarter of the strip, the last ten \
         years a fifth, the last year a quarter, the last three months the rest); bars count events \
         per column; grey ones are hidden by the filters"
            .into(),
    ));
    out
}

fn warning_items(t: &Timeline) -> Vec<Item> {
    let n = t.warnings.len();
    let mut out = vec![
        Item::Heading(crate::text::plural(n, "load warning")),
        Item::Text("what the loader accepted but noticed; fix them in the data file".into()),
        Item::Blank,
    ];
    out.extend(t.warnings.iter().map(|w| Item::Text(w.clone())));
    out
}

/// The lines of a help page wrapped to `w` columns: a key column and its text beside it where
/// there is room (40 columns or more), else the text under its key.
pub fn lines(page: HelpPage, t: &Timeline, w: u16, theme: &Theme) -> Vec<Line<'static>> {
    let items = match page {
        HelpPage::Keys => keys_items(),
        HelpPage::Warnings => warning_items(t),
    };
    let w = (w as usize).max(8);
    let (key_w, indent) = if w >= 40 { (20, 20) } else { (0, 4) };
    let mut out = Vec::new();
    let wrapped =
        |out: &mut Vec<Line<'static>>, first: Vec<Span<'static>>, text: &str, style, lead: usize| {
            let mut first = Some(first);
            for r in wrap(text, w.saturating_sub(lead).max(1)) {
                let mut spans = first.take().unwrap_or_else(|| vec![Span::raw(" ".repeat(lead))]);
                spans.push(Span::styled(text[r].to_string(), style));
                out.push(Line::from(spans));
            }
            if let Some(spans) = first {
                out.push(Line::from(spans));
            }
        };
    for item in items {
        match item {
            Item::Heading(h) => wrapped(&mut out, Vec::new(), &h, theme.heading(), 0),
            Item::Blank => out.push(Line::raw("")),
            Item::Text(text) => wrapped(&mut out, vec![Span::raw("  ")], &text, theme.base(), 2),
            Item::Entry { key, text, also } => {
                let text = if also.is_empty() { text } else { format!("{text}  {also}") };
                let key_span = |k: String| Span::styled(k, theme.key());
                if key_w > 0 && width(&key) + 2 < key_w {
                    let first = vec![key_span(format!("  {key:<0$}", key_w - 2))];
                    wrapped(&mut out, first, &text, theme.base(), indent);
                } else {
                    out.push(Line::from(key_span(format!("  {key}"))));
                    wrapped(&mut out, vec![Span::raw(" ".repeat(indent))], &text, theme.base(), indent);
                }
            }
        }
    }
    out
}

/// The help's box over the main area: as wide as the terminal allows, with a margin where
/// there is room for one.
pub fn popup(area: ratatui::layout::Rect) -> ratatui::layout::Rect {
    let margin = if area.width >= 60 { 4 } else { 0 };
    let w = area.width.saturating_sub(margin);
    let (y, h) = if area.height >= 12 { (area.y + 1, area.height - 2) } else { (area.y, area.height) };
    ratatui::layout::Rect::new(area.x + (area.width - w) / 2, y, w, h)
}

/// How many lines a help page has at a text width (for scrolling).
pub fn line_count(page: HelpPage, t: &Timeline, w: u16) -> usize {
    lines(page, t, w, &Theme::plain()).len()
}
