//! One TimelineJS slide (an event): dates, text, media, group, background, unique_id.

use super::{Importer, date, html};
use crate::load::json::{Spanned, Value};
use crate::load::problem::did_you_mean;
use crate::model::{Event, Extra, Kind, Media, OpenEnds, PartialDate, Status};
use crate::text::fold::slug;
use crate::text::html::summary_html;
use thin_vec::ThinVec;

const SLIDE_KEYS: &[&str] = &[
    "start_date",
    "end_date",
    "text",
    "media",
    "group",
    "display_date",
    "background",
    "autolink",
    "unique_id",
    "type",
    "status",
    "kind",
];
const MEDIA_KEYS: &[&str] = &["url", "caption", "credit", "thumbnail", "alt", "title", "link", "link_target"];

/// A member of an object, unless absent or null.
pub fn field<'v>(v: &'v Spanned, name: &str) -> Option<&'v Spanned> {
    let Value::Object(m) = &v.value else { return None };
    m.iter().find(|(k, v)| k.name == name && v.value != Value::Null).map(|(_, v)| v)
}

impl Importer<'_> {
    /// A string member, with an error if it is not a string.
    fn string(&mut self, v: &Spanned, name: &str) -> Option<String> {
        let f = field(v, name)?;
        match &f.value {
            // In NFC, as our format's texts: a group typed composed and decomposed is one group.
            Value::String(s) => Some(crate::load::articles::to_nfc(s)),
            other => {
                self.cx.at(f.at, format!("expected `{name}` to be a string, found {}", other.type_name()));
                None
            }
        }
    }

    fn unknown_keys(&mut self, v: &Spanned, known: &[&str], what: &str) {
        let Value::Object(m) = &v.value else { return };
        for (k, _) in m {
            if !known.contains(&k.name.as_str()) {
                let hint = did_you_mean(&k.name, known)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                self.cx.warn(
                    k.at,
                    format!("unknown key `{}` in {what}, which TimelineJS ignores{hint}", k.name),
                );
            }
        }
    }

    /// Headline and text as terminal text, and the text's HTML as given.
    pub(super) fn text_of(&mut self, v: &Spanned) -> Option<(String, String, String)> {
        let Some(t) = field(v, "text") else { return Some(Default::default()) };
        if !matches!(t.value, Value::Object(_)) {
            self.cx.at(
                t.at,
                format!(
                    "expected `text` to be an object {{\"headline\", \"text\"}}, found {}",
                    t.value.type_name()
                ),
            );
            return None;
        }
        self.unknown_keys(t, &["headline", "text"], "`text`");
        let headline = self.string(t, "headline").unwrap_or_default();
        let body = self.string(t, "text").unwrap_or_default();
        let scripted = crate::model::url::html_has_script(&body);
        if scripted && let Some(at) = field(t, "text").map(|f| f.at) {
            self.cx.warn(
                at,
                "the text's HTML has a script (a javascript: link, an event handler or <script>): \
                 exports other than our own format get its plain text, without script URLs",
            );
        }
        Some((html::to_line(&headline), html::to_text(&body), body))
    }

    pub(super) fn media(&mut self, v: &Spanned) -> Option<Media> {
        if !matches!(v.value, Value::Object(_)) {
            self.cx.at(
                v.at,
                format!("expected `media` to be an object {{\"url\": …}}, found {}", v.value.type_name()),
            );
            return None;
        }
        self.unknown_keys(v, MEDIA_KEYS, "`media`");
        let Some(url) = self.string(v, "url").filter(|u| !u.trim().is_empty()) else {
            self.cx.warn(v.at, "`media` without a `url` shows nothing; ignored");
            return None;
        };
        for name in ["url", "thumbnail", "link"] {
            self.warn_script(v, name, "`media`");
        }
        let get = |name: &str| self.string(v, name).map(|s| html::to_line(&s)).filter(|s| !s.is_empty());
        Some(Media::from_fields(url, get))
    }

    /// The background: its colour, else its image URL; and the image URL when both are given.
    pub(super) fn background(&mut self, v: &Spanned) -> Option<(String, Option<String>)> {
        let b = field(v, "background")?;
        self.unknown_keys(b, &["url", "color", "alt"], "`background`");
        self.warn_script(b, "url", "`background`");
        match (self.string(b, "color"), self.string(b, "url")) {
            (Some(c), url) => Some((c, url)),
            (None, Some(url)) => Some((url, None)),
            (None, None) => None,
        }
    }

    /// Warns at a string member that is a script URL (`javascript:` …), which is kept for our
    /// own format only.
    fn warn_script(&mut self, v: &Spanned, name: &str, what: &str) {
        let Some(f) = field(v, name) else { return };
        let Value::String(url) = &f.value else { return };
        if let Some(scheme) = crate::model::url::script_scheme(url) {
            self.cx.warn(f.at, format!("{what} `{name}` is a {scheme}: URL, which runs code where it is opened; it is kept in our own format only, never exported or shown"));
        }
    }

    /// Reads a slide into the timeline's events, unless it is skipped (after a warning or an
    /// error). The event's id is claimed for the index it is pushed at (see `claim_id`).
    pub(super) fn slide(&mut self, v: &Spanned) {
        if !self.cx.room_for_event(self.timeline.events.len(), v.at) {
            return;
        }
        if let Some(e) = self.slide_event(v) {
            self.timeline.events.push(e);
        }
    }

    fn slide_event(&mut self, v: &Spanned) -> Option<Event> {
        if !matches!(v.value, Value::Object(_)) {
            self.cx.at(
                v.at,
                format!(
                    "expected an event to be an object {{\"start_date\": …}}, found {}",
                    v.value.type_name()
                ),
            );
            return None;
        }
        self.unknown_keys(v, SLIDE_KEYS, "an event");
        let Some(start_v) = field(v, "start_date") else {
            self.cx.warn(v.at, "an event without a `start_date` is skipped, as TimelineJS skips it");
            return None;
        };
        let start = date::date_object(&mut self.cx, start_v, "start date");
        let end = field(v, "end_date").map(|e| (e, date::date_object(&mut self.cx, e, "end date")));
        let (headline, text, text_html) = self.text_of(v)?;
        let Ok(Some((date, _, open))) = start else { return None };
        let end_v = end.as_ref().map(|(e, _)| *e);
        let end_date = self.end_date(date, end).ok()?;
        if headline.is_empty() {
            let at = field(v, "text").map_or(v.at, |t| field(t, "headline").map_or(t.at, |h| h.at));
            self.cx.warn(at, "an event with an empty headline; its date stands in for it");
        }
        // HTML that is only the text, as the TimelineJS export would write it, is not kept twice
        // (unless it reads as a script, which exports other than ours leave out with a note).
        let plain = text_html == summary_html(&text) && !crate::model::url::html_has_script(&text_html);
        let text_html = if plain { String::new() } else { text_html };
        let display_date = self.display_date(v, (start_v, date), end_v.zip(end_date));
        let extra = self.extra(v, display_date, text_html);
        let id = self.event_id(v, &headline, &date);
        let title = if headline.is_empty() { date.to_string() } else { headline };
        let mut e = new_event(id, title, text, (date, end_date, open), extra);
        self.status_and_kind(v, &mut e);
        // Most slides of a big file have nothing beyond their date and text: no empty `Extra`.
        if e.extra.as_deref().is_some_and(|x| *x == Extra::default()) {
            e.extra = None;
        }
        Some(e)
    }

    /// Our `status` and `kind` keys. A group that only repeats the kind's label is the one our
    /// export writes for TimelineJS to show, not a group of its own; a display date that only
    /// repeats the date in words is ours too.
    fn status_and_kind(&mut self, v: &Spanned, e: &mut Event) {
        if let Some(s) = self.string(v, "status") {
            match Status::ALL.iter().find(|st| st.as_str().eq_ignore_ascii_case(s.trim())) {
                Some(&st) => e.status = st,
                None => self.cx.warn(
                    field(v, "status").map_or(v.at, |f| f.at),
                    format!("unknown status `{s}` (held or planned); read as held"),
                ),
            }
        }
        if let Some(k) = self.string(v, "kind") {
            match Kind::parse(&k) {
                Some(kind) => e.kind = kind,
                None => self.cx.warn(
                    field(v, "kind").map_or(v.at, |f| f.at),
                    format!("unknown kind `{k}`; kinds are {}", Kind::names()),
                ),
            }
        }
        let (label, fuzzy) = (e.date_label(), e.date_is_fuzzy());
        if let Some(x) = e.extra.as_mut() {
            if e.kind != Kind::Other && x.group.as_deref() == Some(e.kind.label()) {
                x.group = None;
            }
            // Only the display date our export gives a fuzzy date (its label) goes: an author's
            // own display date stays, even when it reads as the label does.
            if fuzzy && x.display_date.as_deref() == Some(label.as_str()) {
                x.display_date = None;
            }
        }
    }

    /// The end date as read, checked against the start: `Ok(None)` when there is none or it is the
    /// start itself (with a warning), `Err(())` after an error (the slide is skipped).
    fn end_date(
        &mut self,
        start: PartialDate,
        end: Option<(&Spanned, date::DateResult)>,
    ) -> Result<Option<PartialDate>, ()> {
        match end {
            Some((_, Err(()))) => Err(()),
            Some((e, Ok(Some((end, ..))))) if end == start => {
                self.cx.warn(e.at, "the end date is the start date; read as a single date");
                Ok(None)
            }
            Some((e, Ok(Some((end, ..))))) if end.start() < start.start() => {
                self.cx
                    .at(e.at, format!("the end date {} is before the start date {}", end.iso(), start.iso()));
                Err(())
            }
            Some((_, Ok(Some((end, ..))))) => Ok(Some(end)),
            _ => Ok(None),
        }
    }

    /// The date in words that TimelineJS shows: the slide's `display_date`, else the start and
    /// end dates' own, the end's after a dash (`Spring '66 – early '67`), a date without its
    /// own in words as we show it. The dates' own, under the slide's, are not shown, as in
    /// TimelineJS: a warning says so. The start and end are the date objects and their dates.
    fn display_date(
        &mut self,
        v: &Spanned,
        (start_v, start): (&Spanned, PartialDate),
        end: Option<(&Spanned, PartialDate)>,
    ) -> Option<String> {
        let own = |d: &Spanned| {
            let f = field(d, "display_date")?;
            match &f.value {
                Value::String(s) if !s.trim().is_empty() => Some((html::to_line(s), f.at)),
                _ => None,
            }
        };
        let (start_own, end_own) = (own(start_v), end.and_then(|(e, _)| own(e)));
        let slide = self.string(v, "display_date").map(|d| html::to_line(&d));
        if slide.is_some() {
            for (_, at) in start_own.iter().chain(&end_own) {
                self.cx.warn(*at, "a `display_date` of a date under the event's own is not shown, as TimelineJS does not show it");
            }
            return slide;
        }
        let words =
            |own: Option<(String, usize)>, date: PartialDate| own.map_or_else(|| date.to_string(), |o| o.0);
        match (start_own, end) {
            (None, Some((_, end_date))) if end_own.is_some() => {
                Some(format!("{start} – {}", words(end_own, end_date)))
            }
            (Some(own), Some((_, end_date))) => Some(format!("{} – {}", own.0, words(end_own, end_date))),
            (own, _) => own.map(|o| o.0),
        }
    }

    /// What TimelineJS shows beyond the date, headline and text: media, group, display date
    /// (see `display_date`), background, and the text's HTML.
    fn extra(&mut self, v: &Spanned, display_date: Option<String>, text_html: String) -> Extra {
        let media = field(v, "media").and_then(|m| self.media(m));
        let group = self.string(v, "group").filter(|g| !g.trim().is_empty()).map(|g| html::to_line(&g));
        let (background, background_url) = self.background(v).unzip();
        let autolink = match field(v, "autolink").map(|a| &a.value) {
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => {
                let at = field(v, "autolink").map_or(v.at, |a| a.at);
                self.cx.warn(at, "`autolink` should be true or false; ignored");
                None
            }
            None => None,
        };
        Extra {
            autolink,
            background_url: background_url.flatten().map(String::into_boxed_str),
            links: ThinVec::new(),
            media: media.map(Box::new),
            group: group.map(String::into_boxed_str),
            display_date: display_date.filter(|d| !d.is_empty()).map(String::into_boxed_str),
            background: background.map(String::into_boxed_str),
            text_html: (!text_html.trim().is_empty()).then(|| text_html.into_boxed_str()),
            tags: ThinVec::new(),
        }
    }

    /// `unique_id` if given and free; otherwise one made from the headline and year.
    fn event_id(&mut self, v: &Spanned, headline: &str, date: &crate::model::PartialDate) -> String {
        if let Some(u) = field(v, "unique_id") {
            match &u.value {
                // Claimed where the slide starts, which is where the editor opens (`E`).
                Value::String(s) if !s.trim().is_empty() => match self.claim_id(s.clone(), v.at) {
                    Ok(id) => return id,
                    Err(first) => {
                        let first = self.cx.pos(first);
                        self.cx.warn(
                            u.at,
                            format!("duplicate unique_id `{s}` (first at {first}); this one gets a new id"),
                        );
                    }
                },
                // The TimelineJS editor writes `""` when there is no id.
                Value::String(_) => {}
                _ => self.cx.warn(u.at, "`unique_id` should be a string; ignored"),
            }
        }
        let y = date.year_value();
        let year = if y > 0 { y.to_string() } else { format!("{}bce", 1 - i128::from(y)) };
        let base = format!("{}-{year}", slug(headline));
        if self.claim_id(base.clone(), v.at).is_ok() {
            return base;
        }
        // Numbers below the last one given to this base are all taken: ids are never freed.
        let first = self.suffixes.get(&base).copied().unwrap_or(2);
        let (n, id) = (first..)
            .map(|n| (n, format!("{base}-{n}")))
            .find(|(_, id)| self.claim_id(id.clone(), v.at).is_ok())
            .unwrap_or_default();
        self.suffixes.insert(base, n + 1);
        id
    }
}

/// A TimelineJS event as ours: an id, title, summary, its dates (start, end, open ends) and what
/// TimelineJS shows beyond them; its date label is made from the dates.
fn new_event(
    id: String,
    title: String,
    summary: String,
    (date, end, open): (PartialDate, Option<PartialDate>, OpenEnds),
    extra: Extra,
) -> Event {
    Event {
        person_ids: ThinVec::new(),
        place_ids: ThinVec::new(),
        id: id.into(),
        date,
        end,
        status: Status::Held,
        kind: Kind::Other,
        countries: ThinVec::new(),
        title: title.into(),
        title_vi: None,
        summary: summary.into(),
        citations: ThinVec::new(),
        open,
        extra: Some(Box::new(extra)),
    }
}
