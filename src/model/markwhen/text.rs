//! What markwhen takes out of an event's text: `#tags`, the `!id`, `[place](location)`, a
//! first-line image; and the links it leaves in. The patterns are `@markwhen/parser`'s, with
//! its ASCII-only `\w`.

use super::re;
use crate::model::{Link, Media};
use regex::Regex;
use std::sync::LazyLock;

static TAG: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|\s)#([A-Za-z0-9_]+)"));
static ID: LazyLock<Regex> = LazyLock::new(|| re(r"(?:[^A-Za-z0-9_]|^)!([A-Za-z0-9_]+)(?:\.(?:start|end))?"));
static LOCATION: LazyLock<Regex> = LazyLock::new(|| re(r"\[([^\]]+)\]\((?:location|map)\)"));
static IMAGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"!\[([^\]<>]*)\]\(((?:https?://)?[A-Za-z0-9./&?=\-#:,_]+)\)"));
static LINK: LazyLock<Regex> =
    LazyLock::new(|| re(r"\[([^\]<>]+)\]\(((?:https?://)?[A-Za-z0-9./&?=\-#:,_]+)\)"));
static URL: LazyLock<Regex> = LazyLock::new(|| re(r"https?://[^\s)\]>]+"));
/// A property line after an event or in the header: `location: Hanoi`.
pub static PROPERTY: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*([A-Za-z0-9_\-.]+):(?:\s|$)"));

/// Whether markwhen's `#tag` and `!id` patterns hold `word` whole: ASCII letters, digits and `_`.
pub fn is_word(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Takes the `#tags` out of a line, as markwhen does (with the space before each), adding
/// new ones to `tags`. `#12` alone is not a tag.
pub fn take_tags(line: &str, tags: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(line.len());
    let mut last = 0;
    for c in TAG.captures_iter(line) {
        let (Some(all), Some(word)) = (c.get(0), c.get(1)) else { continue };
        let next = line[word.end()..].chars().next();
        if word.as_str().bytes().all(|b| b.is_ascii_digit()) && next.is_none_or(char::is_whitespace) {
            continue;
        }
        out.push_str(&line[last..all.start()]);
        last = all.end();
        if !tags.iter().any(|t| t == word.as_str()) {
            tags.push(word.as_str().to_string());
        }
    }
    out.push_str(&line[last..]);
    out
}

/// A `#tag` that markwhen's ASCII-only pattern cuts short: where its `#` is, and the word as
/// written. markwhen reads `#cổđại` as the tag `c` and leaves `ổđại` in the text.
pub fn cut_tag(line: &str) -> Option<(usize, &str)> {
    TAG.captures_iter(line).find_map(|c| {
        let word = c.get(1)?;
        let next = line[word.end()..].chars().next()?;
        if !(next.is_alphanumeric() || unicode_normalization::char::is_combining_mark(next)) {
            return None;
        }
        let hash = word.start() - 1;
        let end = line[word.end()..].find(char::is_whitespace).map_or(line.len(), |k| word.end() + k);
        Some((hash, &line[hash..end]))
    })
}

/// Takes the `[name](location)` places out of a line.
pub fn take_locations(line: &str, places: &mut Vec<String>) -> String {
    for c in LOCATION.captures_iter(line) {
        if let Some(name) = c.get(1) {
            places.push(name.as_str().trim().to_string());
        }
    }
    LOCATION.replace_all(line, "").into_owned()
}

/// Takes the first `!id` out of an event's first line.
pub fn take_id(line: &str) -> (String, Option<String>) {
    match ID.captures(line) {
        Some(c) => {
            let (Some(all), Some(id)) = (c.get(0), c.get(1)) else { return (line.into(), None) };
            (format!("{}{}", &line[..all.start()], &line[all.end()..]), Some(id.as_str().to_string()))
        }
        None => (line.to_string(), None),
    }
}

/// Takes the first image out of an event's first line, as its media.
pub fn take_image(line: &str) -> (String, Option<Media>) {
    match IMAGE.captures(line) {
        Some(c) => {
            let (Some(all), Some(url)) = (c.get(0), c.get(2)) else { return (line.into(), None) };
            let alt = c.get(1).map(|a| a.as_str()).filter(|a| !a.is_empty()).map(Box::from);
            let media = Media { url: with_http(url.as_str()), alt, ..Media::default() };
            (format!("{}{}", &line[..all.start()], &line[all.end()..]), Some(media))
        }
        None => (line.to_string(), None),
    }
}

/// An image alone on a description line.
pub fn image(line: &str) -> Option<Media> {
    take_image(line).1
}

fn with_http(url: &str) -> String {
    if url.starts_with("http://") || url.starts_with("https://") {
        url.into()
    } else {
        format!("http://{url}")
    }
}

/// The links of a line: `[text](url)` and bare URLs, each once.
pub fn links(line: &str, out: &mut Vec<Link>) {
    let mut push = |url: String, title: Option<String>| {
        if !out.iter().any(|l| l.url == url) {
            out.push(Link { url, title });
        }
    };
    for c in LINK.captures_iter(line) {
        let (Some(text), Some(url)) = (c.get(1), c.get(2)) else { continue };
        if matches!(url.as_str(), "location" | "map")
            || c.get(0).is_some_and(|m| line[..m.start()].ends_with('!'))
        {
            continue;
        }
        push(with_http(url.as_str()), Some(text.as_str().to_string()));
    }
    for m in URL.find_iter(line) {
        push(m.as_str().trim_end_matches(['.', ',', ';']).to_string(), None);
    }
}

/// Would markwhen read something out of this text (a tag, an id, a place, an image)?
pub fn has_markup(s: &str, first_line: bool) -> bool {
    let mut tags = Vec::new();
    take_tags(s, &mut tags) != s
        || LOCATION.is_match(s)
        || (first_line && (ID.is_match(s) || IMAGE.is_match(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_ids_and_places_come_out_as_markwhen_takes_them() {
        let mut tags = Vec::new();
        assert_eq!(take_tags("a year #Politics and #12 or #x_1", &mut tags), "a year and #12 or");
        assert_eq!(tags, ["Politics", "x_1"]);
        assert_eq!(take_id("event with id !first"), ("event with id".into(), Some("first".into())));
        let mut places = Vec::new();
        assert_eq!(take_locations("met in [Hà Nội](location) today", &mut places), "met in  today");
        assert_eq!(places, ["Hà Nội"]);
        let mut l = Vec::new();
        links("see [site](https://x.org/a?b=c) and https://y.org/z.", &mut l);
        assert_eq!(
            l.iter().map(|l| l.url.as_str()).collect::<Vec<_>>(),
            ["https://x.org/a?b=c", "https://y.org/z"]
        );
        assert!(has_markup("Summit #asean", false) && !has_markup("No. 5 # of them", false));
    }
}
