//! HTML in TimelineJS headlines and texts, made readable in a terminal with `html2text`:
//! paragraphs, line breaks and lists kept, entities decoded, links kept with their URL.

/// How our export writes text that HTML would change: a browser shows it as written.
const PRE_WRAP: &str = "<span style=\"white-space:pre-wrap\">";

/// The text of a `white-space: pre-wrap` span as our export writes it (no markup inside, only
/// character references), exactly as a browser shows it: every space, line break and invisible
/// character kept. `None` for anything else, or a reference this reader does not know.
fn pre_wrapped(html: &str) -> Option<String> {
    let inner = html.strip_prefix(PRE_WRAP)?.strip_suffix("</span>")?;
    if inner.contains('<') {
        return None;
    }
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let (name, after) = rest[i + 1..].split_once(';')?;
        out.push(reference(name)?);
        rest = after;
    }
    out.push_str(rest);
    Some(out)
}

/// The character a reference (`amp`, `#39`, `#x200B`) stands for.
fn reference(name: &str) -> Option<char> {
    let code = match name {
        "amp" => return Some('&'),
        "lt" => return Some('<'),
        "gt" => return Some('>'),
        "quot" => return Some('"'),
        "apos" => return Some('\''),
        "nbsp" => return Some('\u{a0}'),
        _ => match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => name.strip_prefix('#')?.parse().ok()?,
        },
    };
    char::from_u32(code).filter(|&c| c != '\0')
}

/// The text of an HTML fragment, without trailing white space; a `white-space: pre-wrap` span
/// of our export's is read exactly.
pub fn to_text(html: &str) -> String {
    if let Some(exact) = pre_wrapped(html) {
        return exact;
    }
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

/// The text of an HTML fragment on one line, for headlines; a `white-space: pre-wrap` span of
/// our export's is read exactly.
pub fn to_line(html: &str) -> String {
    if let Some(exact) = pre_wrapped(html) {
        return exact;
    }
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
        let exact = "<span style=\"white-space:pre-wrap\"> a&amp;&#9;b&#10;&#160;&#x200B;c  </span>";
        assert_eq!(to_line(exact), " a&\tb\n\u{a0}\u{200b}c  ");
        assert_eq!(to_text(exact), " a&\tb\n\u{a0}\u{200b}c  ");
        // Markup inside, or a reference not known: read as HTML, as it renders.
        assert_eq!(to_line("<span style=\"white-space:pre-wrap\"> a <b>b</b>  </span>"), "a b");
        assert_eq!(to_line("<span style=\"white-space:pre-wrap\"> a&bogus;  </span>"), "a&bogus;");
        assert_eq!(
            to_text("<a href=\"java&#115;cript:alert(1)\">this</a>"),
            "[this][1]\n\n[1]: (a link that would run code, left out)"
        );
    }
}
