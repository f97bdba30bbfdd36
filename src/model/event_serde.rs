//! `Event` serialized with the date as shown (`date_text`) between its dates and its status, as
//! when the event held it: the index cache's records keep their bytes, though the event now makes
//! that text from its dates when asked (24 bytes less an event).

use super::{Citation, Event, Extra, Kind, OpenEnds, PartialDate, Status};
use crate::text::arena::Shared;
use compact_str::CompactString;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thin_vec::ThinVec;

/// An event as written: its fields borrowed, the shown date made.
#[derive(Serialize)]
#[serde(rename = "Event")]
struct Out<'a> {
    id: &'a CompactString,
    date: &'a PartialDate,
    end: &'a Option<PartialDate>,
    date_text: String,
    status: Status,
    kind: Kind,
    countries: &'a ThinVec<usize>,
    place_ids: &'a ThinVec<usize>,
    person_ids: &'a ThinVec<usize>,
    title: &'a Shared,
    title_vi: Option<&'a str>,
    summary: &'a Shared,
    citations: &'a ThinVec<Citation>,
    open: OpenEnds,
    extra: &'a Option<Box<Extra>>,
}

/// An event as read: the shown date is read and dropped.
#[derive(Deserialize)]
#[serde(rename = "Event")]
struct In {
    id: CompactString,
    date: PartialDate,
    end: Option<PartialDate>,
    #[allow(dead_code)]
    date_text: CompactString,
    status: Status,
    kind: Kind,
    countries: ThinVec<usize>,
    place_ids: ThinVec<usize>,
    person_ids: ThinVec<usize>,
    title: Shared,
    title_vi: Option<Box<str>>,
    summary: Shared,
    citations: ThinVec<Citation>,
    open: OpenEnds,
    extra: Option<Box<Extra>>,
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Out {
            id: &self.id,
            date: &self.date,
            end: &self.end,
            date_text: self.date_text(),
            status: self.status,
            kind: self.kind,
            countries: &self.countries,
            place_ids: &self.place_ids,
            person_ids: &self.person_ids,
            title: &self.title,
            title_vi: self.title_vi(),
            summary: &self.summary,
            citations: &self.citations,
            open: self.open,
            extra: &self.extra,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let e = In::deserialize(d)?;
        let mut event = Event {
            id: e.id,
            date: e.date,
            end: e.end,
            status: e.status,
            kind: e.kind,
            countries: e.countries,
            place_ids: e.place_ids,
            person_ids: e.person_ids,
            title: e.title,
            title_vi: None,
            summary: e.summary,
            citations: e.citations,
            open: e.open,
            extra: e.extra,
        };
        event.set_title_vi(e.title_vi);
        Ok(event)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Event, Kind, OpenEnd, OpenEnds, PartialDate, Status};

    /// The shown date is written where the event's field was, and read back from the dates.
    #[test]
    fn the_shown_date_is_written_between_the_dates_and_the_status() {
        let mut e = Event {
            id: "a-1966".into(),
            date: PartialDate::parse("1966~").unwrap(),
            end: Some(PartialDate::parse("1970").unwrap()),
            status: Status::Planned,
            kind: Kind::Visit,
            countries: [1, 2].as_slice().into(),
            place_ids: Default::default(),
            person_ids: Default::default(),
            title: "A visit".into(),
            title_vi: None,
            summary: "Long enough not to fit in place: more than twenty-four bytes.".into(),
            citations: Default::default(),
            open: OpenEnds { start: None, end: Some(OpenEnd::Unknown) },
            extra: None,
        };
        e.set_title_vi(Some("Chuyến thăm".into()));
        let e = &e;
        assert_eq!(e.date_text(), "c. 1966 – 1970 – ?");
        let bytes = postcard::to_allocvec(e).expect("encodes");
        let head = postcard::to_allocvec(&(&e.id, &e.date, &e.end, e.date_label())).expect("encodes");
        assert!(bytes.starts_with(&head));
        let back: Event = postcard::from_bytes(&bytes).expect("decodes");
        assert_eq!(postcard::to_allocvec(&back).expect("encodes"), bytes);
    }
}
