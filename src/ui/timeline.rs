//! The timeline pane: year headers, then one row per event (date, countries, kind, title).

use super::{Theme, glyph, pane_block};
use crate::app::{App, Focus, Row};
use crate::input::keymap::{BINDINGS, Binding, KeyMode};
use crate::model::Status;
use crate::search::{Field, Marks, field_text};
use crate::text::wrap::{clean, width};
use crate::view::spans::{fit, marks_for, styled_range};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, f: &mut Frame, area: Rect, theme: &Theme) {
    let mut title = format!(" Timeline {}/{} ", app.shown.hits.len(), app.data.timeline.events.len());
    title.push_str(&data_set_title(app, (area.width as usize).saturating_sub(4 + width(&title))));
    let block = pane_block(&title, app.view.focus == Focus::Timeline, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if app.shown.hits.is_empty() {
        f.render_widget(
            Paragraph::new(empty_lines(app, theme)).wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let (_, codes_w) = app.shown.column_widths;
    let date_w = date_width(app, inner.height as usize, inner.width as usize);
    let lines: Vec<Line> = app
        .shown
        .rows
        .iter()
        .skip(app.view.list_top)
        .take(inner.height as usize)
        .map(|row| match *row {
            Row::Year { year, count } => year_line(year, count, inner.width as usize, theme),
            Row::Event(h) => {
                let marks = app.shown.marks(app.shown.hits[h].event);
                event_line(app, h, marks, (date_w, codes_w), inner.width as usize, theme)
            }
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

fn year_line(year: i64, count: usize, w: usize, theme: &Theme) -> Line<'static> {
    let label = format!("── {} ", crate::model::date::year_label(year));
    let tail = format!(" {} ", crate::text::plural(count, "event"));
    let fill = w.saturating_sub(width(&label) + width(&tail));
    Line::from(vec![
        Span::styled(label, theme.year()),
        Span::styled("─".repeat(fill), theme.dim()),
        Span::styled(tail, theme.dim()),
    ])
}

fn event_line(
    app: &App,
    h: usize,
    marks: &Marks,
    (date_w, codes_w): (usize, usize),
    w: usize,
    theme: &Theme,
) -> Line<'static> {
    let hit = &app.shown.hits[h];
    let t = &app.data.timeline;
    let e = &t.events[hit.event];
    let selected = h == app.view.selected;
    let planned = e.status == Status::Planned;
    let date = pad(&fit_str(&e.shown_date(), date_w), date_w);
    let codes = t.country_codes(e).join(",");
    // Without a year header above it, the first event of a year shows its date in the year's style.
    let new_year = !app.ranked() && app.shown.starts_year(t, h);
    let date_style = match (new_year, planned) {
        (true, _) => theme.year(),
        (false, true) => theme.planned(),
        (false, false) => theme.base(),
    };
    let mut spans = vec![
        Span::raw(if selected { "▶ " } else { "  " }),
        Span::styled(date, date_style),
        Span::raw(" "),
        Span::styled(format!("{:<codes_w$}", fit_str(&codes, codes_w)), theme.codes()),
        Span::raw(if codes_w > 0 { " " } else { "" }),
        Span::raw(glyph(e.kind)),
        Span::raw(" "),
    ];
    if planned {
        spans.push(Span::styled("planned · ", theme.planned()));
    }
    // Unverified (no checked quote): a hollow mark, explained in the detail pane.
    if !e.is_verified() {
        spans.push(Span::styled("◌ ", theme.dim()));
    }
    let title_marks = marks_for(marks, Field::Title, theme);
    let title = styled_range(
        &e.title,
        0..e.title.len(),
        if planned { theme.planned() } else { theme.base() },
        &title_marks,
    )
    .spans;
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    spans.extend(with_match_hint(app, hit, title, w.saturating_sub(used), marks, theme));
    let mut line = Line::from(fit(spans, w));
    if selected {
        let used: usize = line.spans.iter().map(|s| width(&s.content)).sum();
        line.spans.push(Span::raw(" ".repeat(w.saturating_sub(used))));
        line.spans.iter_mut().for_each(|s| s.style = theme.on_selection(s.style));
        line = line.style(theme.selected());
    }
    line
}

/// The title, then, for a hit that is not in the title, where it matched (so the user sees why
/// it is listed): `⌕ in quote: …words` where there is room, `⌕ in quote` or just `⌕` where not.
fn with_match_hint(
    app: &App,
    hit: &crate::search::Hit,
    title: Vec<Span<'static>>,
    room: usize,
    marks: &Marks,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let Some(field) = hit.field.filter(|f| *f != Field::Title) else { return title };
    let title_w: usize = title.iter().map(|s| width(&s.content)).sum();
    let words = format!(" ⌕ in {}", where_words(field));
    let (words_w, min_title) = (width(&words), 16);
    let mut out;
    if title_w + words_w + 16 <= room {
        out = title;
        out.push(Span::styled(words, theme.key()));
        out.push(Span::styled(": ", theme.dim()));
        let t = &app.data.timeline;
        let e = &t.events[hit.event];
        out.extend(snippet(&field_text(t, e, field), &marks_for(marks, field, theme), theme));
    } else if room >= min_title + words_w {
        out = fit(title, room - words_w);
        out.push(Span::styled(words, theme.key()));
    } else {
        out = fit(title, room.saturating_sub(2));
        out.push(Span::styled(" ⌕", theme.key()));
    }
    out
}

/// Which field matched, in the words of the detail pane.
fn where_words(f: Field) -> &'static str {
    match f {
        Field::Quote(_) => "quote",
        Field::Person(_) => "people",
        Field::Place(_) => "places",
        Field::Country(_) | Field::CountryVi(_) => "countries",
        Field::TitleVi => "Vietnamese",
        Field::Summary => "summary",
        Field::Date => "date",
        Field::Group => "group",
        Field::Tags => "tags",
        Field::Title => "title",
    }
}

/// A few words around the first highlighted range of a long text.
fn snippet(
    text: &str,
    marks: &[(std::ops::Range<usize>, ratatui::style::Style)],
    theme: &Theme,
) -> Vec<Span<'static>> {
    let Some((first, _)) = marks.first() else { return vec![Span::styled(clean(text), theme.dim())] };
    let start = text[..first.start].char_indices().rev().nth(12).map_or(0, |(i, _)| i);
    let start = text[start..first.start].find(' ').map_or(start, |i| start + i + 1).min(first.start);
    let lead = if start > 0 { "…" } else { "" };
    let mut spans = vec![Span::styled(lead, theme.dim())];
    spans.extend(styled_range(text, start..text.len(), theme.dim(), marks).spans);
    spans
}

/// The date column's width: the widest date among the rows on screen (not the whole data set),
/// at most two fifths of the pane, so that a long date elsewhere does not cut every title.
fn date_width(app: &App, rows: usize, w: usize) -> usize {
    let t = &app.data.timeline;
    let widest = app.shown.rows[app.view.list_top.min(app.shown.rows.len())..]
        .iter()
        .take(rows)
        .filter_map(|r| {
            if let Row::Event(h) = r {
                Some(width(&t.events[app.shown.hits[*h].event].shown_date()))
            } else {
                None
            }
        })
        .max()
        .unwrap_or(4);
    widest.clamp(4, (w * 2 / 5).max(4))
}

/// `s` padded with blanks to `w` columns (by display width, not characters).
fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

fn fit_str(s: &str, w: usize) -> String {
    let spans = fit(vec![Span::raw(s.to_string())], w);
    spans.iter().map(|s| s.content.as_ref()).collect()
}

/// The key that does `action` while browsing, as the help names it (`C`).
fn browse_key(action: &crate::input::Action) -> String {
    let browse = |b: &&Binding| b.action == *action && b.modes.contains(&KeyMode::Browse);
    BINDINGS.iter().find(browse).map(|b| b.input.label()).unwrap_or_default()
}

/// What an empty result says: which filters are active and how to clear them.
fn empty_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let f = &app.filter();
    let t = &app.data.timeline;
    // Nothing to clear: the data set itself has no events.
    if t.events.is_empty() && app.origin.loading.is_none() {
        let mut lines = vec![Line::styled("This data set has no events.", theme.title())];
        if app.origin.source.is_some() {
            let edit = browse_key(&crate::input::Action::Edit);
            lines.extend([
                Line::raw(""),
                Line::from(vec![Span::styled(edit, theme.key()), Span::raw(" edits the data file")]),
            ]);
        }
        return lines;
    }
    let mut lines = vec![Line::styled("No events match.", theme.title()), Line::raw("")];
    if !f.query.trim().is_empty() {
        lines.push(Line::raw(format!("search “{}” — Esc or / then Ctrl-u clears it", f.query.trim())));
    }
    // Each active facet, as its picker lists the values, with the key that clears it.
    for row in &crate::app::picker::FACETS {
        let (facet, chosen) = (row.facet.facet(), f.chosen(row.facet));
        if chosen.is_empty() {
            continue;
        }
        let choices = (row.choices)(t);
        let labels: Vec<&str> =
            chosen.iter().filter_map(|v| choices.get(facet.id_of(t, v)?)).map(|c| c.label.as_str()).collect();
        let how = match &row.clear {
            Some(clear) => format!("{} clears them", browse_key(clear)),
            None => format!("{}, then Tab to untick", browse_key(&row.open)),
        };
        lines.push(Line::raw(format!("{}: {} — {how}", facet.plural, labels.join(", "))));
    }
    if f.from.is_some() || f.to.is_some() {
        lines.push(Line::raw(format!("period: {} — : then Enter clears it", super::status::period_label(f))));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("Esc", theme.key()),
        Span::raw(" clears the latest · "),
        Span::styled("x", theme.key()),
        Span::raw(" clears everything"),
    ]));
    lines
}

/// The data set's title slide (a TimelineJS title's headline, a markwhen `title:`), one line
/// cut with `…` to `room` columns, as `· Title ` after the pane's own title; nothing without one.
fn data_set_title(app: &App, room: usize) -> String {
    let Some(t) = &app.data.timeline.title else { return String::new() };
    let one_line = clean(&t.headline).split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.is_empty() || room < 6 {
        return String::new();
    }
    let spans = fit(vec![Span::raw(format!("· {one_line}"))], room - 1);
    spans.iter().map(|s| s.content.as_ref()).collect::<String>() + " "
}
