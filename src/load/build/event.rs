//! Checking one event: id, dates, status, kind, countries and its cited quotes.

use super::registry::Pending;
use super::{Builder, EVENT_OPTIONAL, EVENT_REQUIRED, Fill};
use crate::load::articles;
use crate::load::json::{Spanned, Value};
use crate::load::problem::{Suggestions, did_you_mean};
use crate::model::{Citation, EntityKind, Event, Kind, Link, Status};
use crate::text::arena::Shared;
use thin_vec::ThinVec;

impl Builder<'_> {
    pub(super) fn event(&mut self, v: &Spanned) {
        if !self.cx.room_for_event(self.timeline.events.len(), v.at) {
            return;
        }
        let Some(f) = self.cx.fields(v, "an event", EVENT_REQUIRED, EVENT_OPTIONAL) else { return };
        let id = f.get("id").and_then(|id| self.event_id(id));
        let dates = f.get("date").and_then(|d| self.event_dates(d, f.get("end")));
        let status = f.get("status").and_then(|s| self.status(s));
        let kind = f.get("kind").and_then(|k| self.kind(k));
        let countries = match f.get("countries") {
            Some(c) => self.event_countries(c),
            None => Some(Vec::new()),
        };
        let (title, summary) = self.texts(&f);
        let places = f.get("places").map(|p| self.cx.strings(p, "a place")).unwrap_or_default();
        let people = f.get("people").map(|p| self.cx.strings(p, "a person")).unwrap_or_default();
        let (citations, checks, links) = f.get("sources").map(|s| self.citations(s)).unwrap_or_default();
        let extra = self.extra(&f, links);
        let title_vi = f.get("title_vi").and_then(|t| self.title_vi(t, &citations));
        let first_pending = self.pend_entities(&f);
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
        let (title_vi, title_vi_check) = title_vi.map(|c| (Box::from(""), c)).unzip();
        let nfc = |v: Vec<String>| v.iter().map(|s| articles::to_nfc(s)).collect::<Vec<_>>();
        let names = [nfc(people), nfc(places)];
        let mut event = Event {
            id: id.into(),
            date,
            end,
            status,
            kind,
            countries: countries.into(),
            place_ids: ThinVec::new(),
            person_ids: ThinVec::new(),
            title: title.into(),
            title_vi: None,
            summary: summary.into(),
            citations: citations.into(),
            open,
            extra,
        };
        event.set_title_vi(title_vi);
        self.push_event((event, names), checks, title_vi_check, first_pending);
    }

    /// The title and the summary, in NFC. An imported event may have no text: an empty summary
    /// is allowed.
    fn texts(&mut self, f: &crate::load::fields::Fields) -> (Option<String>, Option<String>) {
        let mut text =
            |name: &str, what: &str| f.get(name).and_then(|v| self.cx.string(v, what)).map(articles::to_nfc);
        let title = text("title", "a title");
        let summary = match f.get("summary").map(|v| &v.value) {
            Some(Value::String(s)) if s.trim().is_empty() => Some(String::new()),
            _ => text("summary", "a summary"),
        };
        (title, summary)
    }

    /// Keeps a checked event and its people and places as written; its quotes are found after
    /// parsing (`checks`), then go into it.
    fn push_event(
        &mut self,
        (event, names): (Event, super::registry::Written),
        checks: Vec<usize>,
        title_vi: Option<usize>,
        first_pending: usize,
    ) {
        let at = self.timeline.events.len();
        for p in &mut self.pending[first_pending..] {
            p.event = Some(at);
        }
        self.fills.extend(checks.into_iter().enumerate().map(|(i, c)| (Fill::Citation(at, i), c)));
        self.fills.extend(title_vi.map(|c| (Fill::TitleVi(at), c)));
        self.timeline.events.push(event);
        self.names.push(names);
    }

    /// People and places are resolved against the registries once the whole file is read, also
    /// for an event dropped for another problem (`event: None`). Returns the first one noted.
    fn pend_entities(&mut self, f: &crate::load::fields::Fields) -> usize {
        let first = self.pending.len();
        for (kind, name) in [(EntityKind::Person, "people"), (EntityKind::Place, "places")] {
            if let Some(list) = f.get(name) {
                self.pending.push(Pending { event: None, kind, at: list.at });
            }
        }
        first
    }

    fn event_id(&mut self, v: &Spanned) -> Option<String> {
        let id = self.cx.string(v, "an id")?;
        if !crate::text::fold::is_slug(id) {
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

    /// Quoted citations with the number of each quote's check, and sources cited by URL only.
    fn citations(&mut self, v: &Spanned) -> (Vec<Citation>, Vec<usize>, Vec<Link>) {
        let Some(items) = self.cx.array(v, "`sources`") else { return Default::default() };
        if items.is_empty() {
            self.cx.at(v.at, "an event needs at least one source citation in `sources`");
        }
        let (mut quoted, mut checks, mut links) = (Vec::new(), Vec::new(), Vec::new());
        for item in items {
            if let Value::Object(m) = &item.value
                && m.iter().any(|(k, _)| k.name == "url")
            {
                links.extend(self.link(item));
            } else {
                if let Some((c, check)) = self.citation(item) {
                    quoted.push(c);
                    checks.push(check);
                }
            }
        }
        (quoted, checks, links)
    }

    /// A source cited without a quote: `{"url": "https://…", "title": "…"}`.
    fn link(&mut self, v: &Spanned) -> Option<Link> {
        let f = self.cx.fields(v, "a link citation", &["url"], &["title"])?;
        let url = self.cx.string(f.get("url")?, "a URL")?.to_string();
        let title = f.get("title").and_then(|t| self.cx.string(t, "a link title")).map(articles::to_nfc);
        Some(Link { url, title })
    }

    /// A citation whose quote is checked once the articles are read: it and the check's number.
    pub(super) fn citation(&mut self, v: &Spanned) -> Option<(Citation, usize)> {
        let f = self.cx.fields(v, "a citation", &["file", "quote"], &[])?;
        self.cite(f.get("file")?, f.get("quote")?)
    }

    /// Checks a `file` and `quote` pair: the file is a listed source; the quote is looked for in
    /// it once the articles are read (the check's number comes back with the citation).
    pub(super) fn cite(&mut self, file_v: &Spanned, quote_v: &Spanned) -> Option<(Citation, usize)> {
        let file = self.cx.string(file_v, "a source file name")?;
        let Some(entry) = self.files.get(file) else {
            let hint = self.file_hint(file).map_or_else(String::new, |k| format!(" did you mean `{k}`?"));
            self.cx.at(
                file_v.at,
                format!("`{file}` is not one of the data set's `sources`; list it there first.{hint}"),
            );
            return None;
        };
        // A source with a problem was reported already; its quotes are not checked.
        let (source, slot) = (entry.source?, entry.slot);
        let check = self.defer_quote(quote_v, slot, "quote")?;
        Some((Citation { source, quote: Shared::default(), span: 0..0 }, check))
    }

    /// The source file a misspelt `file` probably means, asked once per distinct name.
    fn file_hint(&mut self, file: &str) -> Option<&str> {
        let n = self.files.len();
        if self.file_hints.as_ref().is_none_or(|(known, _)| *known != n) {
            let names = self.files.keys().cloned().collect();
            self.file_hints = Some((n, Suggestions::new(names)));
        }
        self.file_hints.as_mut().and_then(|(_, s)| s.get(file))
    }

    /// The number of the check that the Vietnamese title is in the first citation's article.
    fn title_vi(&mut self, v: &Spanned, citations: &[Citation]) -> Option<usize> {
        let slot = self.source_slots[citations.first()?.source];
        self.defer_quote(v, slot, "Vietnamese title")
    }
}
