//! The detail pane's document (drawn by `ui::detail`): everything about the selected event, and
//! its quotes in their context.

use super::Theme;
use super::spans::{marks_for, styled, styled_range};
use crate::model::context::quote_context;
use crate::model::{EntityKind, Status, Timeline};
use crate::search::{Field, Hit, Marks};
use crate::text::wrap::{width, wrap};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

const LABEL_W: usize = 11;

/// The selected event, as the detail pane needs it.
#[derive(Clone, Copy)]
pub struct Selected<'a> {
    pub timeline: &'a Timeline,
    pub hit: &'a Hit,
    /// Its search highlights.
    pub marks: &'a Marks,
}

/// The detail pane's lines at a width: what is drawn, and what scrolling counts.
pub fn document(selected: Option<Selected>, w: u16, theme: &Theme) -> Vec<Line<'static>> {
    let w = w.max(1) as usize;
    let Some(sel) = selected else {
        return vec![Line::raw("No event selected.")];
    };
    let e = &sel.timeline.events[sel.hit.event];
    let mut out = field_lines(&sel, &e.title, Field::Title, theme.title(), w, theme);
    if let Some(vi) = e.title_vi() {
        let italic = theme.base().add_modifier(ratatui::style::Modifier::ITALIC);
        out.extend(field_lines(&sel, vi, Field::TitleVi, italic, w, theme));
    }
    // The date, then the summary, then the other facts: at 80×24 the pane shows six rows, and
    // the summary's first lines are what tells the event apart.
    date(&mut out, &sel, w, theme);
    out.push(Line::raw(""));
    if !e.summary.trim().is_empty() {
        out.extend(field_lines(&sel, &e.summary, Field::Summary, theme.base(), w, theme));
        out.push(Line::raw(""));
    }
    facts(&mut out, &sel, w, theme);
    out.push(Line::raw(""));
    out.extend(super::provenance::lines(e, w, theme));
    let what = if !e.citations.is_empty() {
        sources(&mut out, &sel, w, theme);
        out.push(Line::raw(""));
        " reads the sources in full"
    } else if super::reader::nothing_to_read(e).is_none() {
        " reads the event's text, media and links"
    } else {
        return out;
    };
    // Wrapped at word boundaries as the rest of the pane is: a narrow pane cut it mid-word.
    let hint = format!("Enter{what}");
    out.extend(styled(&hint, &wrap(&hint, w), theme.dim(), &[(0.."Enter".len(), theme.key())]));
    out
}

/// A field's text wrapped to `w`, with its search highlights.
fn field_lines(
    sel: &Selected,
    s: &str,
    field: Field,
    base: Style,
    w: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    styled(s, &wrap(s, w), base, &marks_for(sel.marks, field, theme))
}

/// The date, as its author shows it, and whether it was held or is planned.
fn date(out: &mut Vec<Line<'static>>, sel: &Selected, w: usize, theme: &Theme) {
    let e = &sel.timeline.events[sel.hit.event];
    let status = if e.status == Status::Planned { theme.planned() } else { theme.base() };
    let when = if e.status == Status::Planned { "planned" } else { "held" };
    // A TimelineJS display date ("5th century BCE") first, as its author shows it; the date it
    // stands for, and that date in EDTF, on the line under it.
    let shown = e.extra.as_ref().and_then(|x| x.display_date.as_deref());
    let date = format!("{} · {when}", shown.map_or_else(|| e.date_label(), str::to_string));
    let at = date.len() - when.len();
    labelled(out, "Date", &date, &[(at..date.len(), status)], w, theme);
    if shown.is_some() {
        let edtf = match e.end {
            Some(end) if e.open == Default::default() => format!("{}/{}", e.date.iso(), end.iso()),
            _ => e.date_edtf(),
        };
        let text = format!("{} · EDTF {edtf}", e.date_label());
        labelled(out, "", &text, &[(0..text.len(), theme.dim())], w, theme);
    }
}

/// Kind, countries, places, people, and where the search matched.
fn facts(out: &mut Vec<Line<'static>>, sel: &Selected, w: usize, theme: &Theme) {
    let e = &sel.timeline.events[sel.hit.event];
    let kind = format!("{} {}", super::glyph(e.kind), e.kind.label());
    labelled(out, "Kind", &kind, &[], w, theme);
    // A TimelineJS group is a row of its timeline, a kind of kind: it goes with the kind.
    if let Some(g) = e.group() {
        labelled(out, "Group", g, &marks_for(sel.marks, Field::Group, theme), w, theme);
    }
    if !e.tags().is_empty() {
        let tags = e.tags_text();
        labelled(out, "Tags", &tags, &marks_for(sel.marks, Field::Tags, theme), w, theme);
    }
    for (i, &c) in e.countries.iter().enumerate() {
        let c = &sel.timeline.countries[c];
        let name = |text: &str, field: Field| {
            styled_range(text, 0..text.len(), theme.base(), &marks_for(sel.marks, field, theme)).spans
        };
        let mut spans = vec![
            label(if i == 0 { "Countries" } else { "" }, theme),
            Span::styled(format!("{} ", c.code), theme.codes()),
        ];
        spans.extend(name(&c.name, Field::Country(i as u16)));
        spans.push(Span::raw(" · "));
        spans.extend(name(&c.name_vi, Field::CountryVi(i as u16)));
        out.push(Line::from(spans));
    }
    let names = |kind| sel.timeline.name_list(e, kind);
    list_rows(out, "Places", &names(EntityKind::Place), Field::Place, sel.marks, w, theme);
    list_rows(out, "People", &names(EntityKind::Person), Field::Person, sel.marks, w, theme);
    if let Some(field) = sel.hit.field.filter(|f| !matches!(f, Field::Title)) {
        out.push(Line::from(vec![label("Matched in", theme), Span::styled(field.label(), theme.matched())]));
    }
}

/// Each source with its outlet and date, and the quote highlighted in its sentence.
fn sources(out: &mut Vec<Line<'static>>, sel: &Selected, w: usize, theme: &Theme) {
    let (t, e) = (sel.timeline, &sel.timeline.events[sel.hit.event]);
    out.push(Line::styled(format!("Sources ({})", e.citations.len()), theme.heading()));
    for (i, c) in e.citations.iter().enumerate() {
        let s = &t.sources[c.source];
        out.push(source_header(
            i,
            &s.outlet,
            &s.published.format("%-d %b %Y").to_string(),
            &s.file,
            w,
            theme,
        ));
        let ctx = quote_context(&s.text, &c.span);
        let mut styles = vec![(c.span.clone(), theme.quote())];
        // Search hits inside the quote, shifted from quote offsets to article offsets.
        styles.extend(
            marks_for(sel.marks, Field::Quote(i as u16), theme)
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
}

/// `[1] Outlet · 30 Jan 2026 · file.txt` on one line: the file goes first when it does not fit,
/// then the outlet is cut with an ellipsis.
fn source_header(i: usize, outlet: &str, date: &str, file: &str, w: usize, theme: &Theme) -> Line<'static> {
    let num = Span::styled(format!("[{}] ", i + 1), theme.key());
    let full = width(&num.content) + width(outlet) + width(date) + width(file) + 6;
    let tail = if full <= w { format!(" · {date} · {file}") } else { format!(" · {date}") };
    let outlet_w = w.saturating_sub(width(&num.content) + width(&tail)).max(4);
    let mut spans = vec![num, Span::styled(cut_at_word(outlet, outlet_w), theme.title())];
    spans.push(Span::styled(tail, theme.dim()));
    Line::from(super::spans::fit(spans, w))
}

/// `s` in `w` columns: whole, or cut after its last word that fits, with an ellipsis.
fn cut_at_word(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    let mut cut = 0;
    for (i, c) in s.char_indices() {
        if c == ' ' && width(&s[..i]) < w {
            cut = i;
        }
    }
    let head = if cut > 0 { s[..cut].trim_end() } else { "" };
    if head.is_empty() {
        let spans = super::spans::fit(vec![Span::raw(s.to_string())], w);
        return spans.iter().map(|s| s.content.as_ref()).collect();
    }
    format!("{head}…")
}

/// The line of the document where quote `i`'s source header is: where the detail pane scrolls
/// when the best match of a search is in that quote.
pub fn quote_line(doc: &[Line], i: usize) -> Option<usize> {
    let tag = format!("[{}] ", i + 1);
    let heading =
        doc.iter().position(|l| l.spans.first().is_some_and(|s| s.content.starts_with("Sources (")))?;
    doc[heading..].iter().position(|l| l.spans.first().is_some_and(|s| s.content == tag)).map(|p| p + heading)
}

/// A fact under its label, wrapped under the label's column rather than cut.
fn labelled(
    out: &mut Vec<Line<'static>>,
    name: &str,
    text: &str,
    marks: &[(std::ops::Range<usize>, Style)],
    w: usize,
    theme: &Theme,
) {
    let lines = wrap(text, w.saturating_sub(LABEL_W).max(1));
    for (i, l) in styled(text, &lines, theme.base(), marks).into_iter().enumerate() {
        let mut spans = vec![label(if i == 0 { name } else { "" }, theme)];
        spans.extend(l.spans);
        out.push(Line::from(spans));
    }
}

fn label(s: &str, theme: &Theme) -> Span<'static> {
    Span::styled(format!("{s:<LABEL_W$}"), theme.label())
}

/// "Places  Hà Nội, Baku", wrapped under its label, with search hits.
fn list_rows(
    out: &mut Vec<Line<'static>>,
    name: &str,
    items: &[&str],
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
