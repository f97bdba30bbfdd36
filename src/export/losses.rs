//! What formats cannot carry, shared by the rows of `FORMATS`: losses said of events (counted in
//! the note), and the parts of the data set's title slide a format leaves out.

use super::Loss;
use crate::model::{Event, Kind, TitleSlide};

/// A part of the data set's title slide (TimelineJS `title`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitlePart {
    Headline,
    Text,
    Media,
    Background,
}

impl TitlePart {
    const ALL: [TitlePart; 4] =
        [TitlePart::Headline, TitlePart::Text, TitlePart::Media, TitlePart::Background];

    fn name(self) -> &'static str {
        match self {
            TitlePart::Headline => "headline",
            TitlePart::Text => "text",
            TitlePart::Media => "media",
            TitlePart::Background => "background",
        }
    }

    fn present(self, s: &TitleSlide) -> bool {
        match self {
            TitlePart::Headline => !s.headline.is_empty(),
            TitlePart::Text => !s.text.is_empty(),
            TitlePart::Media => s.media.is_some(),
            TitlePart::Background => s.background.is_some() || s.background_url.is_some(),
        }
    }
}

/// Every part of the title slide: what the formats that carry it all keep.
pub const WHOLE_TITLE: &[TitlePart] = &TitlePart::ALL;

/// `the title slide's text and media left out`: the parts `slide` has that `kept` does not name.
pub fn title_slide(slide: Option<&TitleSlide>, kept: &[TitlePart]) -> Option<String> {
    let slide = slide?;
    let lost: Vec<&str> =
        TitlePart::ALL.iter().filter(|p| !kept.contains(p) && p.present(slide)).map(|p| p.name()).collect();
    let (last, rest) = lost.split_last()?;
    let parts = if rest.is_empty() { last.to_string() } else { format!("{} and {last}", rest.join(", ")) };
    Some(format!("the title slide's {parts} left out"))
}

/// `e22, e20, e3, e31, e21 and 1 more`: at most five ids, and how many are not named.
pub fn some_ids(ids: &[&str]) -> String {
    let shown = ids.iter().take(5).copied().collect::<Vec<_>>().join(", ");
    match ids.len().saturating_sub(5) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

pub const DISPLAY_DATES: Loss = Loss {
    applies: |e| e.extra.as_ref().is_some_and(|x| x.display_date.is_some()),
    what: "events' display dates left out",
};

pub const GROUPS: Loss = Loss { applies: |e| e.group().is_some(), what: "events' groups left out" };

pub const KINDS: Loss = Loss { applies: |e| e.kind != Kind::Other, what: "events' kinds left out" };

pub const VIETNAMESE: Loss =
    Loss { applies: |e| e.title_vi().is_some(), what: "events' Vietnamese titles left out" };

pub const BACKGROUNDS: Loss = Loss {
    applies: |e| e.extra.as_ref().is_some_and(|x| x.background.is_some() || x.background_url.is_some()),
    what: "events' backgrounds left out",
};

pub const TAGS: Loss = Loss { applies: |e| !e.tags().is_empty(), what: "events' markwhen tags left out" };

/// iCalendar counts whole seconds: `12:00:00.123` is written `120000`.
pub const MILLISECONDS: Loss = Loss {
    applies: |e| [Some(e.date), e.end].iter().flatten().any(|d| d.time().is_some_and(|t| t.milli.is_some())),
    what: "events' milliseconds left out (iCalendar counts whole seconds)",
};

/// Our format takes slugs only: an imported id such as `Tết 1968` is written as `tet-1968`.
pub const NOT_SLUGS: Loss = Loss {
    applies: |e| !crate::text::fold::is_slug(&e.id),
    what: "events' ids written as slugs (a-z, 0-9 and -), as our format's ids are",
};

/// TimelineJS shows a kind as the group of an event without one, and reads such a group back as
/// no group: a group that is the kind's label (`Talks` on a `talks` event) cannot be told from it.
pub const GROUP_IS_KIND: Loss = Loss {
    applies: |e| e.kind != crate::model::Kind::Other && e.group() == Some(e.kind.label()),
    what: "events' groups that repeat their kind's label, read back as no group",
};

/// Quotes become part of the text in formats without a place for them.
pub const QUOTED: Loss =
    Loss { applies: |e| !e.citations.is_empty(), what: "events' quotes written into the text only" };

pub const FACTS: Loss = Loss { applies: facts, what: "events' countries, places and people left out" };

/// TimelineJS and its sheet keep a markwhen event's kind and group, not its other tags.
pub const TAGS_BEYOND_KIND: Loss = Loss {
    applies: |e| !e.tags().is_empty(),
    what: "events' markwhen tags beyond the kind and the group left out",
};

/// A date EDTF says more of than a day or a year range: uncertain, approximate, a season, open.
pub fn extended(e: &Event) -> bool {
    let ext = |d: &crate::model::PartialDate| d.is_fuzzy() || d.season_value().is_some();
    ext(&e.date) || e.end.as_ref().is_some_and(ext) || e.open != Default::default()
}

/// Whether an event has countries, places or people.
pub fn facts(e: &Event) -> bool {
    !e.countries.is_empty() || !e.place_ids.is_empty() || !e.person_ids.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_slide_note_names_only_what_it_has_and_is_not_kept() {
        let slide = TitleSlide {
            headline: "T".into(),
            text: "Intro".into(),
            media: Some(crate::model::Media::default()),
            ..TitleSlide::default()
        };
        let note = |kept: &[TitlePart]| title_slide(Some(&slide), kept);
        assert_eq!(
            note(&[TitlePart::Headline]).as_deref(),
            Some("the title slide's text and media left out")
        );
        assert_eq!(note(&[]).as_deref(), Some("the title slide's headline, text and media left out"));
        assert_eq!(note(WHOLE_TITLE), None);
        assert_eq!(title_slide(None, &[]), None);
    }

    #[test]
    fn ids_past_five_are_counted() {
        assert_eq!(some_ids(&["a", "b"]), "a, b");
        assert_eq!(some_ids(&["a", "b", "c", "d", "e", "f"]), "a, b, c, d, e and 1 more");
    }
}
