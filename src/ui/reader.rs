//! The source reader: a whole article, scrolled to the quote, with the quote highlighted.

use super::{Theme, pane_block};
use crate::app::{App, Reader};
use crate::text::wrap::width;
use crate::view::layout::{Layout, inner};
use crate::view::reader::{PageTitle, article_lines, body_rect, page, title_lines};
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
    let title = page(t, r.event, r.citation).title;
    let titled = title_header(&title, head.width, theme);
    let n = titled.len();
    let mut header = vec![
        Line::from(vec![
            Span::styled(s.outlet.clone(), theme.heading()),
            Span::styled(
                format!(" · {} · {} · {}", s.published.format("%-d %B %Y"), s.language, s.file),
                theme.dim(),
            ),
        ]),
        Line::from(vec![
            Span::styled(format!("quote {}/{}", r.citation + 1, e.citations.len()), theme.key()),
            Span::styled(format!(" · source {src_pos}/{} · for: {}", sources.len(), e.title), theme.dim()),
        ]),
        Line::styled("─".repeat(head.width as usize), theme.dim()),
    ];
    header.splice(1..1, titled);
    render_header(f, head, header);
    // The current quote stands out; the event's other quotes in this article are marked too.
    let mut marks: Vec<(Range<usize>, _)> = e
        .citations
        .iter()
        .filter(|x| x.source == c.source)
        .map(|x| (x.span.clone(), theme.quote()))
        .collect();
    marks.push((c.span.clone(), theme.current_quote()));
    render_body(r, &s.text, n, marks, f, l, theme);
}

/// A page's title over as many lines as it needs, up to `TITLE_LINES` (the last cut with
/// `…`): an `About ` prefix as a label, a first line standing in for a headline dimmed.
fn title_header(title: &PageTitle, w: u16, theme: &Theme) -> Vec<Line<'static>> {
    let whole = title.whole();
    let style = if title.dim { theme.dim() } else { theme.title() };
    let split = title.prefix.len();
    title_lines(&whole, w)
        .into_iter()
        .map(|r| {
            let text = whole[r.clone()].trim_end();
            match r.start < split {
                true => Line::from(vec![
                    Span::styled(whole[r.start..split].to_string(), theme.label()),
                    Span::styled(text.get(split - r.start..).unwrap_or("").to_string(), style),
                ]),
                false => Line::styled(text.to_string(), style),
            }
        })
        .collect()
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
    let page = page(&app.data.timeline, r.event, r.citation);
    let titled = title_header(&page.title, head.width, theme);
    let n = titled.len();
    let mut header = vec![
        Line::from(vec![
            Span::styled("The event's own text", theme.heading()),
            Span::styled(" · it cites no quoted source", theme.dim()),
        ]),
        Line::styled(date, theme.dim()),
        Line::styled("─".repeat(head.width as usize), theme.dim()),
    ];
    header.splice(1..1, titled);
    render_header(f, head, header);
    render_body(r, &page.text, n, Vec::new(), f, l, theme);
}

fn render_header(f: &mut Frame, head: Rect, header: Vec<Line<'static>>) {
    let header: Vec<Line> =
        header.into_iter().map(|l| Line::from(fit(l.spans, head.width as usize)).style(l.style)).collect();
    let height = (header.len() as u16).min(head.height);
    f.render_widget(Paragraph::new(header), Rect::new(head.x, head.y, head.width, height));
}

/// The page's text, scrolled, with the quotes marked and the article search's matches on top,
/// and how far down it is.
fn render_body(
    r: &Reader,
    text: &str,
    title_lines: usize,
    mut marks: Vec<(Range<usize>, Style)>,
    f: &mut Frame,
    l: &Layout,
    theme: &Theme,
) {
    let body = body_rect(l, title_lines);
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
