//! Checking one event: id, dates, status, kind, countries and its cited quotes.

use super::{Builder, EVENT_OPTIONAL, EVENT_REQUIRED};
use crate::load::json::{Spanned, Value};
use crate::load::problem::did_you_mean;
use crate::load::seeds;
use crate::model::{Citation, Event, Kind, Link, Status};

impl Builder<'_> {
    pub(super) fn event(&mut self, v: &Spanned) {
        let Some(f) = self.cx.fields(v, "an event", EVENT_REQUIRED, EVENT_OPTIONAL) else { return };
        let id = f.get("id").and_then(|id| self.event_id(id));
        let dates = f.get("date").and_then(|d| self.event_dates(d, f.get("end")));
        let status = f.get("status").and_then(|s| self.status(s));
        let kind = f.get("kind").and_then(|k| self.kind(k));
        let countries = match f.get("countries") {
            Some(c) => self.event_countries(c),
            None => Some(Vec::new()),
        };
        let mut text =
            |name: &str, what: &str| f.get(name).and_then(|v| self.cx.string(v, what)).map(seeds::to_nfc);
        let title = text("title", "a title");
        // An imported event may have no text: an empty summary is allowed.
        let summary = match f.get("summary").map(|v| &v.value) {
            Some(Value::String(s)) if s.trim().is_empty() => Some(String::new()),
            _ => text("summary", "a summary"),
        };
        let places = f.get("places").map(|p| self.cx.strings(p, "a place")).unwrap_or_default();
        let people = f.get("people").map(|p| self.cx.strings(p, "a person")).unwrap_or_default();
        let (citations, links) = f.get("sources").map(|s| self.citations(s)).unwrap_or_default();
        let extra = self.extra(&f, links);
        let title_vi = f.get("title_vi").and_then(|t| self.title_vi(t, &citations));
        let (
            Some(id),
            Some((date, end, open)),
            Some(status),
            Some(kind),
            Some(countries),
            Some(title),
            Some(summary),
            Some(extra),
        ) = (id, dates, status, kind, countries, title, summary, extra)
        else {
            return;
        };
        let nfc = |v: Vec<String>| v.iter().map(|s| seeds::to_nfc(s)).collect();
        let (places, people) = (nfc(places), nfc(people));
        let mut event = Event {
            id,
            date,
            end,
            date_text: String::new(),
            status,
            kind,
            countries,
            places,
            people,
            title,
            title_vi,
            summary,
            citations,
            open,
            extra,
        };
        event.date_text = event.date_label();
        self.timeline.events.push(event);
    }

    fn event_id(&mut self, v: &Spanned) -> Option<String> {
        let id = self.cx.string(v, "an id")?;
        let slug = id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !slug || id.starts_with('-') || id.ends_with('-') {
            self.cx.at(v.at, format!("id `{id}` is not a slug; use lower-case a-z, 0-9 and `-`"));
            return None;
        }
        let seen = *self.ids.entry(id.to_string()).or_insert(v.at);
        if seen != v.at {
            let first = self.cx.pos(seen);
            self.cx.at(v.at, format!("duplicate id `{id}` (first used at {first}); ids must be unique"));
            return None;
        }
        Some(id.to_string())
    }

    fn status(&mut self, v: &Spanned) -> Option<Status> {
        let s = self.cx.string(v, "a status")?;
        let found = Status::ALL.iter().copied().find(|st| st.as_str() == s);
        if found.is_none() {
            self.cx.at(v.at, format!("unknown status `{s}`; use `held` or `planned`"));
        }
        found
    }

    fn kind(&mut self, v: &Spanned) -> Option<Kind> {
        let s = self.cx.string(v, "a kind")?;
        let found = Kind::ALL.iter().copied().find(|k| k.as_str() == s);
        if found.is_none() {
            let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            let hint = did_you_mean(s, &names).map_or_else(String::new, |k| format!("did you mean `{k}`? "));
            self.cx.at(v.at, format!("unknown kind `{s}`; {hint}kinds are {}", Kind::names()));
        }
        found
    }

    /// `None` inside means a problem was reported (so the event is dropped, with an error).
    fn event_countries(&mut self, v: &Spanned) -> Option<Vec<usize>> {
        let items = self.cx.array(v, "`countries`")?;
        if items.is_empty() {
            self.cx.at(v.at, "an event needs at least one partner country in `countries`");
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        for item in items {
            let Some(code) = self.cx.string(item, "a country code") else {
                ok = false;
                continue;
            };
            match self.codes.get(code) {
                Some(&(i, _)) => out.push(i),
                None => {
                    ok = false;
                    let msg = match crate::model::country::iso_name(code) {
                        Some(name) => format!(
                            "country `{code}` ({name}) is not in the `countries` list; add it there with its English and Vietnamese names"
                        ),
                        None => format!(
                            "unknown country code `{code}`; use an ISO 3166-1 alpha-2 code listed in `countries`"
                        ),
                    };
                    self.cx.at(item.at, msg);
                }
            }
        }
        ok.then_some(out)
    }

    /// Quoted citations, and sources cited by URL only. Both `None` when a problem was reported.
    fn citations(&mut self, v: &Spanned) -> (Vec<Citation>, Vec<Link>) {
        let Some(items) = self.cx.array(v, "`sources`") else { return Default::default() };
        if items.is_empty() {
            self.cx.at(v.at, "an event needs at least one source citation in `sources`");
        }
        let (mut quoted, mut links) = (Vec::new(), Vec::new());
        for item in items {
            if let Value::Object(m) = &item.value
                && m.iter().any(|(k, _)| k.name == "url")
            {
                links.extend(self.link(item));
            } else {
                quoted.extend(self.citation(item));
            }
        }
        (quoted, links)
    }

    /// A source cited without a quote: `{"url": "https://…", "title": "…"}`.
    fn link(&mut self, v: &Spanned) -> Option<Link> {
        let f = self.cx.fields(v, "a link citation", &["url"], &["title"])?;
        let url = self.cx.string(f.get("url")?, "a URL")?.to_string();
        let title = f.get("title").and_then(|t| self.cx.string(t, "a link title")).map(seeds::to_nfc);
        Some(Link { url, title })
    }

    fn citation(&mut self, v: &Spanned) -> Option<Citation> {
        let f = self.cx.fields(v, "a citation", &["file", "quote"], &[])?;
        let (file_v, quote_v) = (f.get("file")?, f.get("quote")?);
        let file = self.cx.string(file_v, "a source file name")?;
        let Some(&(source, _)) = self.files.get(file) else {
            let known: Vec<&str> = self.files.keys().map(String::as_str).collect();
            let hint =
                did_you_mean(file, &known).map_or_else(String::new, |k| format!(" did you mean `{k}`?"));
            self.cx.at(
                file_v.at,
                format!("`{file}` is not one of the data set's `sources`; list it there first.{hint}"),
            );
            return None;
        };
        // A source that failed to load was reported already; its quotes cannot be checked.
        let source = source?;
        // Borrow the article out of the timeline while checking, instead of copying it.
        let text = std::mem::take(&mut self.timeline.sources[source].text);
        let span = self.check_quote(quote_v, &text, file, "quote");
        let quote = span.as_ref().map(|s| text[s.clone()].to_string());
        self.timeline.sources[source].text = text;
        Some(Citation { source, quote: quote?, span: span? })
    }

    fn title_vi(&mut self, v: &Spanned, citations: &[Citation]) -> Option<String> {
        let first = citations.first()?;
        let file = self.timeline.sources[first.source].file.clone();
        let text = std::mem::take(&mut self.timeline.sources[first.source].text);
        let found = self.check_quote(v, &text, &file, "Vietnamese title").map(|span| text[span].to_string());
        self.timeline.sources[first.source].text = text;
        found
    }
}
