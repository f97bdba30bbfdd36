//! The optional parts of an event of our own format: `group`, `media`, `display_date`,
//! `background` (and `background_url`), `autolink`, markwhen `tags`, and sources cited by URL.

use super::Builder;
use crate::load::articles;
use crate::load::fields::Fields;
use crate::load::json::{Spanned, Value};
use crate::model::{Era, Extra, Link, Media, TitleSlide};
use thin_vec::ThinVec;

const MEDIA_FIELDS: &[&str] = &["caption", "credit", "thumbnail", "alt", "title", "link", "link_target"];

impl Builder<'_> {
    /// `None` inside when a problem was reported; `Some(None)` when there is nothing extra.
    pub(super) fn extra(&mut self, f: &Fields, links: Vec<Link>) -> Option<Option<Box<Extra>>> {
        let mut text = |name: &str, what: &str| -> Result<Option<String>, ()> {
            match f.get(name) {
                None => Ok(None),
                Some(v) => self.cx.string(v, what).map(|s| Some(articles::to_nfc(s))).ok_or(()),
            }
        };
        let (group, display_date, background, background_url) = (
            text("group", "a group"),
            text("display_date", "a display date"),
            text("background", "a background"),
            text("background_url", "a background image URL"),
        );
        let media = match f.get("media") {
            None => Ok(None),
            Some(m) => self.media(m).map(Some).ok_or(()),
        };
        let (Ok(group), Ok(display_date), Ok(background), Ok(background_url), Ok(media)) =
            (group, display_date, background, background_url, media)
        else {
            return None;
        };
        let autolink = self.autolink(f)?;
        let tags = f.get("tags").map(|t| self.cx.strings(t, "a tag")).unwrap_or_default();
        let tags = tags.iter().map(|t| articles::to_nfc(t)).collect::<ThinVec<_>>();
        let extra = Extra {
            links: links.into(),
            media: media.map(Box::new),
            group: group.map(String::into_boxed_str),
            display_date: display_date.map(String::into_boxed_str),
            background: background.map(String::into_boxed_str),
            background_url: background_url.map(String::into_boxed_str),
            autolink,
            tags,
            ..Extra::default()
        };
        Some((extra != Extra::default()).then(|| Box::new(extra)))
    }

    /// `autolink`: `true` or `false`; `None` inside when absent, `None` when it is not a boolean.
    fn autolink(&mut self, f: &Fields) -> Option<Option<bool>> {
        match f.get("autolink") {
            None => Some(None),
            Some(Spanned { value: Value::Bool(b), .. }) => Some(Some(*b)),
            Some(v) => {
                let found = v.value.type_name();
                self.cx.at(v.at, format!("expected `autolink` to be true or false, found {found}"));
                None
            }
        }
    }

    fn media(&mut self, v: &Spanned) -> Option<Media> {
        let f = self.cx.fields(v, "media", &["url"], MEDIA_FIELDS)?;
        let url = self.cx.string(f.get("url")?, "a media URL")?.to_string();
        let get = |name: &str| f.get(name).and_then(|x| self.cx.string(x, name)).map(articles::to_nfc);
        Some(Media::from_fields(url, get))
    }
}

impl Builder<'_> {
    /// The data set's `title`: `{"headline": …, "text": …, "media": {…}, "background": …,
    /// "background_url": …}`.
    pub(super) fn title_slide(&mut self, v: &Spanned) {
        let optional = &["text", "media", "background", "background_url"];
        let Some(f) = self.cx.fields(v, "the title", &["headline"], optional) else { return };
        let mut text =
            |name: &str, what: &str| f.get(name).and_then(|t| self.cx.string(t, what)).map(articles::to_nfc);
        let (headline, text_, background, background_url) = (
            text("headline", "a headline"),
            text("text", "a text").unwrap_or_default(),
            text("background", "a background"),
            text("background_url", "a background image URL"),
        );
        let media = f.get("media").and_then(|m| self.media(m));
        if let Some(headline) = headline {
            let title = TitleSlide { headline, text: text_, media, background, background_url };
            self.timeline.title = Some(title);
        }
    }

    /// One era: `{"start": EDTF, "end": EDTF, "headline": …, "text": …}`.
    pub(super) fn era(&mut self, v: &Spanned) {
        let Some(f) = self.cx.fields(v, "an era", &["start", "end", "headline"], &["text"]) else { return };
        let start = f.get("start").and_then(|d| self.date(d, "era start"));
        let end = f.get("end").and_then(|d| self.date(d, "era end"));
        let headline = f.get("headline").and_then(|h| self.cx.string(h, "a headline")).map(articles::to_nfc);
        let text =
            f.get("text").and_then(|t| self.cx.string(t, "a text")).map(articles::to_nfc).unwrap_or_default();
        if let (Some(start), Some(end), Some(headline)) = (start, end, headline) {
            self.timeline.eras.push(Era { start, end, headline, text });
        }
    }
}
