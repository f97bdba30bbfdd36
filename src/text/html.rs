//! Text as HTML, as our TimelineJS export writes it and its reader takes it back: escaped, or
//! exactly (a `white-space: pre-wrap` span) when plain HTML would change it.

/// The HTML-escaped form of a text.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text that HTML would change (runs of spaces, leading or trailing spaces, line breaks, tabs,
/// NBSP, zero-width and control characters) as a `white-space: pre-wrap` span, in which
/// TimelineJS shows it as written and from which our reader (`load::tjs::html`) takes it back
/// byte for byte; those characters are written as numeric references. `None`: plain escaping
/// reads back exactly.
pub fn exact_html(s: &str) -> Option<String> {
    let odd = |c: char| {
        (c.is_whitespace() && c != ' ')
            || c.is_control()
            || matches!(c, '\u{ad}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}')
            || matches!(c, '\u{2060}'..='\u{206f}' | '\u{feff}')
    };
    if !(s.starts_with(' ') || s.ends_with(' ') || s.contains("  ") || s.chars().any(odd)) {
        return None;
    }
    let mut out = String::from("<span style=\"white-space:pre-wrap\">");
    for c in escape_html(s).chars() {
        if odd(c) {
            out.push_str(&format!("&#{};", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push_str("</span>");
    Some(out)
}

/// The slide HTML the TimelineJS export writes for a summary (empty for none). An imported slide
/// whose HTML is this keeps no copy of it: the export makes it again.
pub fn summary_html(summary: &str) -> String {
    if summary.is_empty() {
        return String::new();
    }
    exact_html(summary).unwrap_or_else(|| format!("<p>{}</p>", escape_html(summary)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_are_escaped_or_written_exactly() {
        assert_eq!(summary_html(""), "");
        assert_eq!(summary_html("A & <b>"), "<p>A &amp; &lt;b&gt;</p>");
        assert_eq!(
            summary_html(" two  spaces\n"),
            "<span style=\"white-space:pre-wrap\"> two  spaces&#10;</span>"
        );
    }
}
