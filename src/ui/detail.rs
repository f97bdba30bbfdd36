//! The detail pane: everything about the selected event, and its quotes in their context.

use super::timeline::marks_for;
use super::wrap::{styled, styled_range, width, wrap};
use super::{Theme, pane_block};
use crate::app::{App, Focus};
use crate::model::Status;
use crate::model::context::quote_context;
use crate::search::{Field, Marks};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const LABEL_W: usize = 11;

pub fn render(app: &App, f: &mut Frame, area: Rect, theme: &Theme) {
    let block = pane_block(" Detail ", app.focus == Focus::Detail, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let lines = build_themed(app, inner.width, theme);
    let total = lines.len();
    let visible: Vec<Line> = lines.into_iter().skip(app.detail_scroll).take(inner.height as usize).collect();
    f.render_widget(Paragraph::new(visible), inner);
    if total > inner.height as usize && inner.height > 0 {
        let more = format!(" {}/{} ", (app.detail_scroll + inner.height as usize).min(total), total);
        let x = area.right().saturating_sub(width(&more) as u16 + 1);
        f.render_widget(
            Span::styled(more, theme.dim()),
            Rect::new(x, area.bottom() - 1, area.width.min(12), 1),
        );
    }
}

/// The pane's lines at a width (the number of lines is what scrolling needs).
pub fn build(app: &App, w: u16) -> Vec<Line<'static>> {
    build_themed(app, w, &Theme { color: false })
}

fn build_themed(app: &App, w: u16, theme: &Theme) -> Vec<Line<'static>> {
    let w = w.max(1) as usize;
    let Some(hit) = app.selected_hit() else { return vec![Line::raw("No event selected.")] };
    let t = &app.timeline;
    let e = &t.events[hit.event];
    let query = app.query();
    let marks: Marks =
        if query.is_empty() { Vec::new() } else { app.engine.marks(t, hit.event, &query, app.phrase) };
    let text = |s: &str, field: Field, base: Style, width: usize| {
        styled(s, &wrap(s, width), base, &marks_for(&marks, field, theme))
    };
    let mut out = text(&e.title, Field::Title, theme.title(), w);
    if let Some(vi) = &e.title_vi {
        out.extend(text(vi, Field::TitleVi, theme.base().add_modifier(ratatui::style::Modifier::ITALIC), w));
    }
    out.push(Line::raw(""));
    let status = if e.status == Status::Planned { theme.planned() } else { theme.base() };
    let when = if e.status == Status::Planned { "planned" } else { "held" };
    out.push(Line::from(vec![
        label("Date", theme),
        Span::raw(e.date_label()),
        Span::raw(" · "),
        Span::styled(when, status),
    ]));
    out.push(Line::from(vec![
        label("Kind", theme),
        Span::raw(format!("{} {}", super::glyph(e.kind), e.kind.label())),
    ]));
    for (i, &c) in e.countries.iter().enumerate() {
        let c = &t.countries[c];
        let mut spans = vec![
            label(if i == 0 { "Countries" } else { "" }, theme),
            Span::styled(format!("{} ", c.code), theme.codes()),
        ];
        spans.extend(
            styled_range(
                &c.name,
                0..c.name.len(),
                theme.base(),
                &marks_for(&marks, Field::Country(i as u16), theme),
            )
            .spans,
        );
        spans.push(Span::raw(" · "));
        spans.extend(
            styled_range(
                &c.name_vi,
                0..c.name_vi.len(),
                theme.base(),
                &marks_for(&marks, Field::CountryVi(i as u16), theme),
            )
            .spans,
        );
        out.push(Line::from(spans));
    }
    list_rows(&mut out, "Places", &e.places, Field::Place, &marks, w, theme);
    list_rows(&mut out, "People", &e.people, Field::Person, &marks, w, theme);
    if let Some(field) = hit.field.filter(|f| !matches!(f, Field::Title)) {
        out.push(Line::from(vec![label("Matched in", theme), Span::styled(field.label(), theme.matched())]));
    }
    out.push(Line::raw(""));
    out.extend(text(&e.summary, Field::Summary, theme.base(), w));
    out.push(Line::raw(""));
    out.extend(super::provenance::lines(e, w, theme));
    out.push(Line::styled(format!("Sources ({})", e.citations.len()), theme.heading()));
    for (i, c) in e.citations.iter().enumerate() {
        let s = &t.sources[c.source];
        out.push(Line::from(vec![
            Span::styled(format!("[{}] ", i + 1), theme.key()),
            Span::styled(s.outlet.clone(), theme.title()),
            Span::styled(format!(" · {} · {}", s.published.format("%-d %b %Y"), s.file), theme.dim()),
        ]));
        let ctx = quote_context(&s.text, &c.span);
        let mut styles = vec![(c.span.clone(), theme.quote())];
        // Search hits inside the quote, shifted from quote offsets to article offsets.
        styles.extend(
            marks_for(&marks, Field::Quote(i as u16), theme)
                .into_iter()
                .map(|(r, st)| (r.start + c.span.start..r.end + c.span.start, st)),
        );
        let lines = wrap(&s.text[ctx.clone()], w.saturating_sub(4));
        let shifted: Vec<_> = lines.iter().map(|r| r.start + ctx.start..r.end + ctx.start).collect();
        for l in styled(&s.text, &shifted, theme.base(), &styles) {
            let mut spans = vec![Span::raw("    ")];
            spans.extend(l.spans);
            out.push(Line::from(spans));
        }
    }
    out.push(Line::raw(""));
    out.push(Line::from(vec![
        Span::styled("Enter", theme.key()),
        Span::styled(" reads the sources in full", theme.dim()),
    ]));
    out
}

fn label(s: &str, theme: &Theme) -> Span<'static> {
    Span::styled(format!("{s:<LABEL_W$}"), theme.label())
}

/// "Places  Hà Nội, Baku", wrapped under its label, with search hits.
fn list_rows(
    out: &mut Vec<Line<'static>>,
    name: &str,
    items: &[String],
    field: fn(u16) -> Field,
    marks: &Marks,
    w: usize,
    theme: &Theme,
) {
    if items.is_empty() {
        return;
    }
    let mut spans = vec![label(name, theme)];
    let mut col = LABEL_W;
    for (i, item) in items.iter().enumerate() {
        let sep = if i + 1 < items.len() { ", " } else { "" };
        let iw = width(item) + sep.len();
        if col + iw > w && col > LABEL_W {
            out.push(Line::from(std::mem::take(&mut spans)));
            spans.push(Span::raw(" ".repeat(LABEL_W)));
            col = LABEL_W;
        }
        spans.extend(
            styled_range(item, 0..item.len(), theme.base(), &marks_for(marks, field(i as u16), theme)).spans,
        );
        spans.push(Span::raw(sep));
        col += iw;
    }
    out.push(Line::from(spans));
}
