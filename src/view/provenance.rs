//! The detail pane's lines about provenance and what imported events carry: whether a quote
//! checks the event, sources cited by link, and the media (the group goes with the kind, the
//! display date with the date).

use super::Theme;
use crate::model::Event;
use crate::text::wrap::wrap;
use ratatui::text::{Line, Span};

fn wrapped(out: &mut Vec<Line<'static>>, prefix: &str, text: &str, w: usize, style: ratatui::style::Style) {
    let indent = crate::text::wrap::width(prefix);
    for (i, r) in wrap(text, w.saturating_sub(indent).max(1)).into_iter().enumerate() {
        let lead = if i == 0 { prefix.to_string() } else { " ".repeat(indent) };
        out.push(Line::from(vec![Span::styled(lead, style), Span::styled(text[r].to_string(), style)]));
    }
}

/// Lines for an event's provenance, links, group and media; empty for a verified event of our
/// own format with nothing extra.
pub fn lines(e: &Event, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if !e.is_verified() {
        let why = if e.links().is_empty() {
            "Unverified: imported without a quote; no article checks this event."
        } else {
            "Unverified: its sources are cited without a quote, so nothing checks them."
        };
        wrapped(&mut out, "", why, w, theme.planned());
    }
    for (i, l) in e.links().iter().enumerate() {
        let text = match &l.title {
            Some(t) => format!("{t} <{}>", l.url),
            None => l.url.clone(),
        };
        wrapped(&mut out, if i == 0 { "Link       " } else { "           " }, &text, w, theme.base());
    }
    if let Some(m) = e.media() {
        wrapped(&mut out, "Media      ", &m.url, w, theme.base());
        for (name, v) in m.parts() {
            wrapped(&mut out, &format!("  {name:<9}"), v, w, theme.dim());
        }
    }
    if !out.is_empty() {
        out.push(Line::raw(""));
    }
    out
}
