//! The source reader: a whole article, scrolled to the quote, with the quote highlighted.

use super::{Theme, pane_block};
use crate::app::{App, Reader};
use crate::text::wrap::width;
use crate::view::layout::{Layout, inner};
use crate::view::reader::{HEADER, article_lines, body_rect, own_text};
use crate::view::spans::{fit, styled};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::ops::Range;

pub fn render(app: &App, r: &Reader, f: &mut Frame, l: &Layout, theme: &Theme) {
    let t = &app.data.timeline;
    let e = &t.events[r.event];
    let Some(c) = e.citations.get(r.citation) else {
        return render_own(app, r, f, l, theme);
    };
    let s = &t.sources[c.source];
    let block = pane_block(" Source ", true, theme);
    f.render_widget(block, l.main);
    let head = inner(l.main);
    let sources: Vec<usize> = e.citations.iter().fold(Vec::new(), |mut v, c| {
        if !v.contains(&c.source) {
            v.push(c.source);
        }
        v
    });
    let src_pos = sources.iter().position(|&x| x == c.source).unwrap_or(0) + 1;
    let headline = headline(s, theme);
    let header = vec![
        Line::from(vec![
            Span::styled(s.outlet.clone(), theme.heading()),
            Span::styled(
                format!(" · {} · {} · {}", s.published.format("%-d %B %Y"), s.language, s.file),
                theme.dim(),
            ),
        ]),
        headline,
        Line::from(vec![
            Span::styled(format!("quote {}/{}", r.citation + 1, e.citations.len()), theme.key()),
            Span::styled(format!(" · source {src_pos}/{} · for: {}", sources.len(), e.title), theme.dim()),
        ]),
        Line::styled("─".repeat(head.width as usize), theme.dim()),
    ];
    render_header(f, head, header);
    // The current quote stands out; the event's other quotes in this article are marked too.
    let mut marks: Vec<(Range<usize>, _)> = e
        .citations
        .iter()
        .filter(|x| x.source == c.source)
        .map(|x| (x.span.clone(), theme.quote()))
        .collect();
    marks.push((c.span.clone(), theme.current_quote()));
    render_body(r, &s.text, marks, f, l, theme);
}

/// The article's headline; an article that opens with a dateline instead (VTC News: `date
/// 2026-01-26 (VTC News) -`) is named by what the data set says it is about, or else by its
/// first line as the source gives it.
fn headline(s: &crate::model::Source, theme: &Theme) -> Line<'static> {
    if let Some(h) = &s.headline {
        return Line::styled(h.clone(), theme.title());
    }
    if !s.about.trim().is_empty() {
        return Line::from(vec![
            Span::styled("About ", theme.label()),
            Span::styled(s.about.clone(), theme.title()),
        ]);
    }
    let first = s.text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    Line::styled(first.to_string(), theme.dim())
}

/// An event without a quoted source: its own text, media and links.
fn render_own(app: &App, r: &Reader, f: &mut Frame, l: &Layout, theme: &Theme) {
    let e = &app.data.timeline.events[r.event];
    f.render_widget(pane_block(" Event ", true, theme), l.main);
    let head = inner(l.main);
    let date = match e.extra.as_ref().and_then(|x| x.display_date.as_deref()) {
        Some(shown) => format!("{shown} · {}", e.date_label()),
        None => e.date_label(),
    };
    let header = vec![
        Line::from(vec![
            Span::styled("The event's own text", theme.heading()),
            Span::styled(" · it cites no quoted source", theme.dim()),
        ]),
        Line::styled(e.title.to_string(), theme.title()),
        Line::styled(date, theme.dim()),
        Line::styled("─".repeat(head.width as usize), theme.dim()),
    ];
    render_header(f, head, header);
    render_body(r, &own_text(e), Vec::new(), f, l, theme);
}

fn render_header(f: &mut Frame, head: Rect, header: Vec<Line<'static>>) {
    let header: Vec<Line> =
        header.into_iter().map(|l| Line::from(fit(l.spans, head.width as usize)).style(l.style)).collect();
    f.render_widget(Paragraph::new(header), Rect::new(head.x, head.y, head.width, HEADER.min(head.height)));
}

/// The page's text, scrolled, with the quotes marked and the article search's matches on top,
/// and how far down it is.
fn render_body(
    r: &Reader,
    text: &str,
    mut marks: Vec<(Range<usize>, Style)>,
    f: &mut Frame,
    l: &Layout,
    theme: &Theme,
) {
    let body = body_rect(l);
    let lines = article_lines(text, body.width);
    let current = |m: &Range<usize>| if m.start == r.at { theme.current_match() } else { theme.matched() };
    marks.extend(crate::view::reader::find(text, &r.found).into_iter().map(|m| (m.clone(), current(&m))));
    let visible: Vec<Range<usize>> =
        lines.iter().skip(r.scroll).take(body.height as usize).cloned().collect();
    f.render_widget(Paragraph::new(styled(text, &visible, theme.base(), &marks)), body);
    if lines.len() > body.height as usize && body.height > 0 {
        let pct = ((r.scroll + body.height as usize).min(lines.len()) * 100) / lines.len().max(1);
        let tag = format!(" {pct}% ");
        let x = l.main.right().saturating_sub(width(&tag) as u16 + 1);
        f.render_widget(Span::styled(tag, theme.dim()), Rect::new(x, l.main.bottom() - 1, 6, 1));
    }
}
