//! HTML in TimelineJS headlines and texts, made readable in a terminal with `html2text`:
//! paragraphs, line breaks and lists kept, entities decoded, links kept with their URL.

/// The text of an HTML fragment, without trailing white space.
pub fn to_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return html.trim().to_string();
    }
    let text = html2text::config::plain_no_decorate()
        .link_footnotes(true)
        .string_from_read(html.as_bytes(), 10_000)
        .unwrap_or_else(|_| html.to_string());
    let lines: Vec<std::borrow::Cow<'_, str>> =
        text.lines().map(|l| without_script_link(l.trim_end())).collect();
    lines.join("\n").trim().to_string()
}

/// A link's footnote (`[1]: URL`) whose URL would run code (`javascript:` …) keeps its number
/// but not the URL, which would otherwise reach every export as text.
fn without_script_link(line: &str) -> std::borrow::Cow<'_, str> {
    let Some((mark, url)) = line.split_once("]: ") else { return line.into() };
    let numbered =
        mark.strip_prefix('[').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if numbered && crate::model::url::is_script(url) {
        format!("{mark}]: (a link that would run code, left out)").into()
    } else {
        line.into()
    }
}

/// The text of an HTML fragment on one line, for headlines.
pub fn to_line(html: &str) -> String {
    to_text(html).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_readable_text() {
        let html = "<p>First &amp; <b>bold</b>.</p><p>See <a href=\"https://x.org/a\">this</a>.<br>Next</p>\
                    <ul><li>one</li><li>two</li></ul>";
        assert_eq!(
            to_text(html),
            "First & bold.\n\nSee [this][1].\nNext\n* one\n* two\n\n[1]: https://x.org/a"
        );
        assert_eq!(to_line("Tô Lâm <i>visits</i>\n Laos &eacute;"), "Tô Lâm visits Laos é");
        assert_eq!(to_text("plain, no tags "), "plain, no tags");
        assert_eq!(
            to_text("<a href=\"java&#115;cript:alert(1)\">this</a>"),
            "[this][1]\n\n[1]: (a link that would run code, left out)"
        );
    }
}
