//! The help screen's text (drawn by `ui::help`), generated from the keymap that handles the keys, plus the legends.

use super::{Theme, glyph};
use crate::input::keymap::{Binding, Input, KeyMode, groups, keys_label};
use crate::model::{Kind, Problem};
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

/// What the warnings page reports, newest trouble first: the problems of a reload that failed
/// (the data shown is the last that loaded), the notes of the last export, the load warnings.
#[derive(Clone, Copy, Default)]
pub struct Report<'a> {
    pub failed: &'a [Problem],
    /// The last export's summary and what its format could not carry.
    pub export: Option<(&'a str, &'a [String])>,
    pub warnings: &'a [String],
    /// The data set's title slide, which the keys help shows first under "This data set".
    pub title: Option<&'a crate::model::TitleSlide>,
}

impl Report<'_> {
    /// Whether there is anything to report.
    pub fn is_empty(&self) -> bool {
        self.failed.is_empty() && self.export.is_none() && self.warnings.is_empty()
    }

    /// The entries the cursor goes through: each problem, export note and warning, in order.
    pub fn entries(&self) -> usize {
        self.failed.len() + self.export.map_or(0, |(_, n)| n.len()) + self.warnings.len()
    }

    /// Where entry `i` is in a file (`path`, line, column), if it says.
    pub fn position(&self, i: usize) -> Option<(String, usize, usize)> {
        if let Some(p) = self.failed.get(i) {
            return Some((p.file.clone(), p.line, p.col));
        }
        let i = i - self.failed.len();
        let notes = self.export.map_or(0, |(_, n)| n.len());
        position_of(self.warnings.get(i.checked_sub(notes)?)?)
    }
}

/// The `path:line:col: ` a warning starts with: the first `:LINE:COL: ` in it.
fn position_of(warning: &str) -> Option<(String, usize, usize)> {
    let mut from = 0;
    while let Some(i) = warning[from..].find(':').map(|i| i + from) {
        let mut parts = warning[i + 1..].splitn(3, ':');
        let num = |s: Option<&str>| s.filter(|s| !s.is_empty()).and_then(|s| s.parse::<usize>().ok());
        if let (Some(line), Some(col), Some(rest)) = (num(parts.next()), num(parts.next()), parts.next())
            && i > 0
            && rest.starts_with(' ')
        {
            return Some((warning[..i].to_string(), line, col));
        }
        from = i + 1;
    }
    None
}

/// One entry of a help page: a heading, a key (or example) with what it does, plain text, or an
/// entry the warnings page's cursor goes through.
enum Item {
    Heading(String),
    Entry {
        key: String,
        text: String,
    },
    /// The line above keys shared by several modes, naming them.
    Shared(Vec<KeyMode>),
    Text(String),
    Choice(String),
    Blank,
}

/// Short names of the modes, for the lines that say where shared keys work.
fn short(m: KeyMode) -> &'static str {
    match m {
        KeyMode::Browse => "browsing",
        KeyMode::Search => "the search line",
        KeyMode::Picker => "pickers",
        KeyMode::Command => "the period line",
        KeyMode::Reader => "the source reader",
        KeyMode::Find => "the article search",
        KeyMode::Help => "help",
    }
}

/// `in browsing, the source reader and help:` — said once above the keys shared by these modes.
fn shared_line(modes: &[KeyMode]) -> String {
    if modes.len() == KeyMode::ALL.len() {
        return "in every mode:".into();
    }
    let names: Vec<&str> = modes.iter().map(|m| short(*m)).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("in {} and {last}:", rest.join(", ")),
        _ => format!("in {}:", names.join("")),
    }
}

/// The data set's title slide, its headline and text: "This data set". Nothing without one.
fn title_items(title: Option<&crate::model::TitleSlide>) -> Vec<Item> {
    let mut out = Vec::new();
    if let Some(t) = title.filter(|t| !(t.headline.trim().is_empty() && t.text.trim().is_empty())) {
        out.push(Item::Heading("This data set".into()));
        for part in [&t.headline, &t.text].into_iter().filter(|p| !p.trim().is_empty()) {
            out.push(Item::Text(part.split_whitespace().collect::<Vec<_>>().join(" ")));
        }
        out.push(Item::Blank);
    }
    out
}

/// Each mode's keys under its heading: the keys of that mode alone first, then each set of keys
/// it shares with other modes under one line naming them.
fn keys_items(title: Option<&crate::model::TitleSlide>) -> Vec<Item> {
    let mut out = title_items(title);
    let is_key = |g: &&[Binding]| matches!(g[0].input, Input::Key(_));
    for mode in KeyMode::ALL {
        let rows: Vec<_> = groups().filter(is_key).filter(|g| g[0].modes.first() == Some(&mode)).collect();
        if rows.is_empty() {
            continue;
        }
        out.push(Item::Heading(mode.title().into()));
        // The same modes in another order are the same set.
        let same = |a: &[KeyMode], b: &[KeyMode]| a.len() == b.len() && a.iter().all(|m| b.contains(m));
        let alone = [mode];
        let mut sets: Vec<&[KeyMode]> = vec![&alone];
        for g in &rows {
            if !sets.iter().any(|s| same(s, g[0].modes)) {
                sets.push(g[0].modes);
            }
        }
        for set in sets {
            if set.len() > 1 {
                out.push(Item::Shared(set.to_vec()));
            }
            for g in rows.iter().filter(|g| same(g[0].modes, set)) {
                out.push(Item::Entry { key: keys_label(g), text: g[0].help.into() });
            }
        }
        out.push(Item::Blank);
    }
    out.push(Item::Heading("Mouse".into()));
    for g in groups().filter(|g| !is_key(g)) {
        out.push(Item::Entry { key: keys_label(g), text: g[0].help.into() });
    }
    out.push(Item::Text(
        "`m` or --no-mouse leaves the mouse to the terminal, to select and copy text".into(),
    ));
    out.push(Item::Blank);
    out.push(Item::Heading("Search syntax (as in fzf)".into()));
    for (q, what) in SEARCH_HELP {
        out.push(Item::Entry { key: (*q).into(), text: (*what).into() });
    }
    out.push(Item::Blank);
    out.push(Item::Heading("Kinds of event".into()));
    for k in Kind::ALL {
        out.push(Item::Entry { key: glyph(*k).into(), text: k.label().into() });
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

fn warning_items(r: &Report) -> Vec<Item> {
    let mut out = Vec::new();
    if !r.failed.is_empty() {
        let n = crate::text::plural(r.failed.len(), "problem");
        out.push(Item::Heading(format!("The data file no longer loads: {n}")));
        out.push(Item::Text("the data shown is the last that loaded; E edits at a problem".into()));
        out.extend(r.failed.iter().map(|p| Item::Choice(p.to_string())));
        out.push(Item::Blank);
    }
    if let Some((summary, notes)) = r.export {
        out.push(Item::Heading("The last export".into()));
        out.push(Item::Text(summary.into()));
        out.extend(notes.iter().map(|n| Item::Choice(n.clone())));
        out.push(Item::Blank);
    }
    let n = r.warnings.len();
    out.push(Item::Heading(crate::text::plural(n, "load warning")));
    if n > 0 {
        out.push(Item::Text(
            "what the loader accepted but noticed; fix them in the data file (E edits at one)".into(),
        ));
        out.push(Item::Blank);
    }
    out.extend(r.warnings.iter().map(|w| Item::Choice(w.clone())));
    out
}

/// The lines of a help page wrapped to `w` columns: a key column and its text beside it where
/// there is room (40 columns or more), else the text under its key. On the warnings page, entry
/// `cursor` is highlighted.
pub fn lines(page: HelpPage, r: &Report, w: u16, theme: &Theme, cursor: usize) -> Vec<Line<'static>> {
    laid_out(page, r, w, theme, cursor).0
}

/// The lines of each entry the warnings page's cursor goes through.
pub fn entry_lines(r: &Report, w: u16) -> Vec<std::ops::Range<usize>> {
    laid_out(HelpPage::Warnings, r, w, &Theme::plain(), usize::MAX).1
}

type Laid = (Vec<Line<'static>>, Vec<std::ops::Range<usize>>);

fn laid_out(page: HelpPage, r: &Report, w: u16, theme: &Theme, cursor: usize) -> Laid {
    let items = match page {
        HelpPage::Keys => keys_items(r.title),
        HelpPage::Warnings => warning_items(r),
    };
    lay(items, w, theme, cursor)
}

/// The line of the keys help where the keys of `mode` start, at a text width: its own heading,
/// or else the first line naming it above keys it shares (the period line's are the search
/// line's typing keys).
pub fn section_start(mode: KeyMode, r: &Report, w: u16) -> usize {
    if mode == KeyMode::Browse {
        // The top: the data set's title slide, if any, then browsing.
        return 0;
    }
    let items = keys_items(r.title);
    let own = |i: &Item| matches!(i, Item::Heading(h) if h == mode.title());
    // The fewest modes: the period line's typing keys, not the keys of every mode.
    let shared = || {
        let sets = items.iter().enumerate().filter_map(|(i, it)| match it {
            Item::Shared(m) if m.contains(&mode) => Some((m.len(), i)),
            _ => None,
        });
        sets.min().map(|(_, i)| i)
    };
    let Some(at) = items.iter().position(own).or_else(shared) else {
        return 0;
    };
    lay(items.into_iter().take(at).collect(), w, &Theme::plain(), usize::MAX).0.len()
}

fn lay(items: Vec<Item>, w: u16, theme: &Theme, cursor: usize) -> Laid {
    let w = (w as usize).max(8);
    let (key_w, indent) = if w >= 40 { (20, 20) } else { (0, 4) };
    let mut out = Vec::new();
    let mut entries = Vec::new();
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
            Item::Choice(text) => {
                let (start, on) = (out.len(), entries.len() == cursor);
                let (mark, style) = if on { ("▶ ", theme.selected()) } else { ("  ", theme.base()) };
                wrapped(&mut out, vec![Span::styled(mark, theme.key())], &text, style, 2);
                entries.push(start..out.len());
            }
            Item::Shared(modes) => {
                wrapped(&mut out, vec![Span::raw("  ")], &shared_line(&modes), theme.label(), 2)
            }
            Item::Entry { key, text } => {
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
    (out, entries)
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
pub fn line_count(page: HelpPage, r: &Report, w: u16) -> usize {
    lines(page, r, w, &Theme::plain(), usize::MAX).len()
}
