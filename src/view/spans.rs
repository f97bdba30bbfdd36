//! Styled lines: ranges of a text (quotes, search hits) drawn in their own style, and spans cut
//! to a width with an ellipsis.

use super::Theme;
use crate::search::{Field, Marks};
use crate::text::wrap::{clean, width};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Builds styled lines for `lines` (from `wrap`) of `text`. Each mark styles a byte range on top of
/// `base`; later marks win where they overlap. Control characters are shown as spaces.
pub fn styled(
    text: &str,
    lines: &[Range<usize>],
    base: Style,
    marks: &[(Range<usize>, Style)],
) -> Vec<Line<'static>> {
    lines.iter().map(|l| styled_range(text, l.clone(), base, marks)).collect()
}

/// One styled line for a byte range of `text`.
pub fn styled_range(
    text: &str,
    r: Range<usize>,
    base: Style,
    marks: &[(Range<usize>, Style)],
) -> Line<'static> {
    let mut cuts = vec![r.start, r.end];
    for (m, _) in marks {
        for b in [m.start, m.end] {
            if b > r.start && b < r.end && text.is_char_boundary(b) {
                cuts.push(b);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans = cuts
        .windows(2)
        .map(|w| {
            let style = marks
                .iter()
                .filter(|(m, _)| m.start <= w[0] && w[1] <= m.end)
                .fold(base, |s, (_, st)| s.patch(*st));
            Span::styled(clean(&text[w[0]..w[1]]), style)
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

/// Cuts spans to `max` columns, ending with `…` when something was cut.
pub fn fit(spans: Vec<Span<'static>>, max: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(|s| width(&s.content)).sum();
    if total <= max {
        return spans;
    }
    let mut out = Vec::new();
    let mut left = max.saturating_sub(1);
    for s in spans {
        if left == 0 {
            break;
        }
        let w = width(&s.content);
        if w <= left {
            left -= w;
            out.push(s);
            continue;
        }
        let mut cut = String::new();
        for g in s.content.graphemes(true) {
            let gw = width(g);
            if gw > left {
                break;
            }
            left -= gw;
            cut.push_str(g);
        }
        out.push(Span::styled(cut, s.style));
        left = 0;
    }
    if max > 0 {
        let style = out.last().map(|s| s.style).unwrap_or_default();
        out.push(Span::styled("…", style));
    }
    out
}

/// Highlight styles for one field's matched ranges.
pub fn marks_for(marks: &Marks, field: Field, theme: &Theme) -> Vec<(Range<usize>, Style)> {
    marks
        .iter()
        .filter(|(f, _)| *f == field)
        .flat_map(|(_, r)| r.iter().map(|r| (r.clone(), theme.matched())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styled_applies_marks_by_byte_range() {
        let text = "Đại hội XIV";
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let line = styled_range(text, 0..text.len(), Style::default(), &[(0..text.find(' ').unwrap(), bold)]);
        assert_eq!(line.spans[0].content, "Đại");
        assert_eq!(line.spans[0].style, bold);
        assert_eq!(line.spans[1].content, " hội XIV");
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        let spans = vec![Span::raw("Tô Lâm "), Span::raw("visits Laos")];
        let cut = fit(spans, 10);
        let s: String = cut.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(s, "Tô Lâm vi…");
        assert_eq!(width(&s), 10);
    }
}
