//! URLs that run code where they are opened: `javascript:`, `vbscript:`, and `data:` with a type
//! that can hold a script (HTML, SVG, XML, JavaScript). An imported file may carry them in its
//! media and links; they are kept in our own format (the data is the user's) but never written
//! to a format another program opens (TimelineJS, CSV, Markdown, iCalendar, JSON lines) nor
//! shown by `timeline show`.

use super::{Event, Media};

/// The `data:` types that are plain data: pictures other than SVG, sound, video, plain text.
const PLAIN_DATA: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/jpg",
    "image/gif",
    "image/webp",
    "image/avif",
    "image/bmp",
    "text/plain",
];

/// The scheme of a URL that runs code, as a browser reads it (leading spaces and controls
/// dropped, tabs and line breaks anywhere ignored, any case): `Some("javascript")`.
pub fn script_scheme(url: &str) -> Option<&'static str> {
    // The WHATWG URL parser strips leading C0 controls and spaces and removes tabs and newlines.
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if cleaned.starts_with("javascript:") {
        return Some("javascript");
    }
    if cleaned.starts_with("vbscript:") {
        return Some("vbscript");
    }
    let data = cleaned.strip_prefix("data:")?;
    let kind = data.split([';', ',']).next().unwrap_or("").trim();
    let plain = PLAIN_DATA.contains(&kind) || kind.starts_with("audio/") || kind.starts_with("video/");
    (!plain).then_some("data")
}

/// Whether a URL runs code where it is opened.
pub fn is_script(url: &str) -> bool {
    script_scheme(url).is_some()
}

/// Whether HTML text has a script in it: a `<script>` element, an event handler attribute
/// (`onerror=`) or a script URL in an attribute (entities such as `&#106;` decoded first).
pub fn html_has_script(html: &str) -> bool {
    let decoded = decode_entities(html).to_ascii_lowercase();
    let squeezed: String =
        decoded.chars().filter(|c| !c.is_whitespace() && *c != '"' && *c != '\'').collect();
    if squeezed.contains("<script") || squeezed.contains("javascript:") || squeezed.contains("vbscript:") {
        return true;
    }
    // `data:` URLs of a script type, and `on…=` handlers inside a tag.
    let data = squeezed.match_indices("data:").any(|(i, _)| is_script(&squeezed[i..]));
    data || decoded.split('<').skip(1).any(|tag| has_handler(tag.split('>').next().unwrap_or("")))
}

/// Whether a tag's text has an event handler attribute: `on` and letters, then `=`, after a
/// space, a slash or a quote.
fn has_handler(tag: &str) -> bool {
    tag.match_indices("on").any(|(i, _)| {
        let after_gap = tag[..i].ends_with(|c: char| c.is_whitespace() || matches!(c, '/' | '"' | '\''));
        let rest = &tag[i + 2..];
        let name = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_alphabetic()).len();
        after_gap && name > 0 && rest[name..].trim_start().starts_with('=')
    })
}

/// Numeric character references (`&#106;`, `&#x6A;`) and `&colon;` as the characters they
/// stand for, so that `java&#115;cript:` is seen for what it is.
fn decode_entities(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 12);
        let code = end.and_then(|e| {
            let body = &rest[1..e];
            match body.strip_prefix('#') {
                Some(hex) if hex.starts_with(['x', 'X']) => u32::from_str_radix(&hex[1..], 16).ok(),
                Some(dec) => dec.parse().ok(),
                None if body.eq_ignore_ascii_case("colon") => Some(u32::from(':')),
                None if body.eq_ignore_ascii_case("tab") || body.eq_ignore_ascii_case("newline") => Some(9),
                None => None,
            }
        });
        match (code.and_then(char::from_u32), end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn media_without_scripts(m: &Media) -> Option<Media> {
    if is_script(&m.url) {
        return None;
    }
    let keep = |u: &Option<Box<str>>| u.clone().filter(|u| !is_script(u));
    Some(Media { thumbnail: keep(&m.thumbnail), link: keep(&m.link), ..m.clone() })
}

/// Whether a media entry has a script URL in its URL, thumbnail or link.
pub fn media_has_script(m: &Media) -> bool {
    [Some(m.url.as_str()), m.thumbnail.as_deref(), m.link.as_deref()].into_iter().flatten().any(is_script)
}

/// The event as other programs may see it: without its script URLs (links, media, background)
/// and without HTML that holds a script (its plain text stays). `None` when it has none.
pub fn without_scripts(e: &Event) -> Option<Event> {
    let x = e.extra.as_ref()?;
    let bad_html = x.text_html.as_deref().is_some_and(html_has_script);
    let bad = x.links.iter().any(|l| is_script(&l.url))
        || x.media.as_deref().is_some_and(media_has_script)
        || x.background.as_deref().is_some_and(is_script)
        || bad_html;
    if !bad {
        return None;
    }
    let mut e = e.clone();
    if let Some(x) = e.extra.as_mut() {
        x.links.retain(|l| !is_script(&l.url));
        x.media = x.media.as_deref().and_then(media_without_scripts).map(Box::new);
        x.background = x.background.take().filter(|b| !is_script(b));
        if bad_html {
            x.text_html = None;
        }
    }
    Some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_urls_are_found_as_a_browser_reads_them() {
        for url in [
            "javascript:alert(1)",
            "  JavaScript:alert(1)",
            "\u{1}java\tscript:alert(1)",
            "java\nscript:x",
            "vbscript:msgbox",
            "data:text/html,<script>alert(1)</script>",
            "data:text/html;base64,PHNjcmlwdD4=",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "DATA:application/javascript,alert(1)",
            "data:,alert(1)",
        ] {
            assert!(is_script(url), "{url:?}");
        }
        for url in [
            "https://example.org/javascript:x",
            "https://vnexpress.net/a.html",
            "data:image/png;base64,iVBOR",
            "data:video/mp4;base64,AAAA",
            "javascript-notes.html",
            "",
        ] {
            assert!(!is_script(url), "{url:?}");
        }
        assert_eq!(script_scheme(" vbscript:x"), Some("vbscript"));
    }

    #[test]
    fn scripts_in_html_are_found_through_entities_and_spaces() {
        for html in [
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href='java&#115;cript&colon;alert(1)'>x</a>",
            "<a href=\"&#x6A;avascript:x\">x</a>",
            "<img src=x onerror=alert(1)>",
            "<IMG SRC=x OnError = \"alert(1)\">",
            "<script>alert(1)</script>",
            "<a href=\"data:text/html,<b>\">x</a>",
        ] {
            assert!(html_has_script(html), "{html:?}");
        }
        for html in [
            "<p>Tô Lâm <b>visits</b> <a href=\"https://example.org\">Laos</a>; javascript is a language</p>",
            "<p>on the way = home</p>",
            "<img src=\"data:image/png;base64,AAA\" alt=\"one\">",
        ] {
            assert!(!html_has_script(html), "{html:?}");
        }
    }
}
