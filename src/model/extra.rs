//! What events and data sets carry beyond dates, titles and quotes: open interval ends, sources
//! cited without a quote, and what TimelineJS files bring (groups, media, eras, a title slide).

use super::PartialDate;
use thin_vec::ThinVec;

/// An interval end that is not a date: EDTF `..` (open) or an empty end (unknown).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpenEnd {
    Open,
    Unknown,
}

/// Which ends of an event's period are open or unknown (`../1992`, `2020/..`, `2020/`).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct OpenEnds {
    pub start: Option<OpenEnd>,
    pub end: Option<OpenEnd>,
}

/// A source cited without a quote, such as a web page.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct Link {
    pub url: String,
    pub title: Option<String>,
}

/// A picture, video or page shown with an event (TimelineJS `media`).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct Media {
    pub url: String,
    pub caption: Option<Box<str>>,
    pub credit: Option<Box<str>>,
    pub thumbnail: Option<Box<str>>,
    pub alt: Option<Box<str>>,
    pub title: Option<Box<str>>,
    pub link: Option<Box<str>>,
    /// Where the link opens (TimelineJS `link_target`, such as `_blank`).
    pub link_target: Option<Box<str>>,
}

impl Media {
    /// The parts shown under the URL, by name (in the detail pane and by `show`).
    pub fn parts(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [("caption", &self.caption), ("credit", &self.credit), ("title", &self.title), ("link", &self.link)]
            .into_iter()
            .filter_map(|(name, v)| Some((name, v.as_deref()?)))
    }

    /// A media entry from its URL and a reader of its optional fields by their TimelineJS name
    /// (`caption`, `credit`, `thumbnail`, `alt`, `title`, `link`, `link_target`), shared by our format and the
    /// TimelineJS reader.
    pub fn from_fields(url: String, mut get: impl FnMut(&str) -> Option<String>) -> Media {
        let mut get = |name: &str| get(name).map(String::into_boxed_str);
        Media {
            url,
            caption: get("caption"),
            credit: get("credit"),
            thumbnail: get("thumbnail"),
            alt: get("alt"),
            title: get("title"),
            link: get("link"),
            link_target: get("link_target"),
        }
    }
}

/// The optional parts of an event, boxed so that events without them stay small; its texts are
/// `Box<str>` and its lists `ThinVec`, for the million slides of a big file that each have one.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct Extra {
    /// Sources cited without a quote.
    pub links: ThinVec<Link>,
    /// Boxed: most events have none, and every imported slide has an `Extra` (its HTML).
    pub media: Option<Box<Media>>,
    /// A TimelineJS group: a row of the timeline, filterable like a kind.
    pub group: Option<Box<str>>,
    /// A date as the author wants it shown (`Spring 1966`), next to the real one.
    pub display_date: Option<Box<str>>,
    /// A TimelineJS slide background (colour or image URL), kept for export.
    pub background: Option<Box<str>>,
    /// The text as HTML, as an imported file had it, kept for export.
    pub text_html: Option<Box<str>>,
    /// TimelineJS `autolink` (turn URLs in the text into links), kept for export.
    pub autolink: Option<bool>,
    /// A background image URL given next to a background colour (then `background` is the colour).
    pub background_url: Option<Box<str>>,
    /// markwhen `#tags` beyond the one read as the kind and the one read as the group, in the
    /// order written, kept for export.
    #[serde(default)]
    pub tags: ThinVec<String>,
}

/// A named period drawn on the time axis (TimelineJS `eras`).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Era {
    pub start: PartialDate,
    pub end: PartialDate,
    pub headline: String,
    pub text: String,
}

/// A data set's title slide (TimelineJS `title`).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct TitleSlide {
    pub headline: String,
    pub text: String,
    pub media: Option<Media>,
    /// The title slide's background (colour or image URL), kept for export.
    pub background: Option<String>,
    /// A background image URL given next to a background colour (then `background` is the colour).
    #[serde(default)]
    pub background_url: Option<String>,
}

impl super::Event {
    /// A markwhen event's `#tags` beyond its kind and group, without their `#`.
    pub fn tags(&self) -> &[String] {
        self.extra.as_ref().map_or(&[], |x| &x.tags)
    }

    /// The tags as shown and searched: `#capital #dynasty`.
    pub fn tags_text(&self) -> String {
        self.tags().iter().map(|t| format!("#{t}")).collect::<Vec<_>>().join(" ")
    }
}

/// Whether a slide background is a colour (`#336699`, `rgb(…)`, a CSS name such as `teal`)
/// rather than an image URL (`https://…/bg.jpg`, `bg.jpg`).
pub fn is_color(background: &str) -> bool {
    let b = background.trim();
    let lower = b.to_ascii_lowercase();
    b.starts_with('#')
        || ["rgb(", "rgba(", "hsl(", "hsla("].iter().any(|f| lower.starts_with(f))
        || (!b.is_empty() && b.chars().all(|c| c.is_ascii_alphabetic()))
}
