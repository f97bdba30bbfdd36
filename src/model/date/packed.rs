//! `PartialDate` in 24 bytes instead of 40: a file of a million slides holds two million of them.
//! The roomy layout, `DateRepr`, is what the date code reads (`PartialDate::repr`) and what serde
//! writes, so that the index cache's bytes are those of the roomy layout.

use super::{OffsetForm, PartialDate, Qualifier, TimeOfDay, Unspecified};
use std::fmt;

/// The parts of a date, one field each: how the date code reads a date, and how it is stored.
#[derive(serde::Serialize, serde::Deserialize, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename = "PartialDate")]
pub(crate) struct DateRepr {
    pub year: i64,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub time: Option<TimeOfDay>,
    pub qualifier: Qualifier,
    pub unspecified: Unspecified,
    /// An EDTF level 1 season, 21–24 (spring, summer, autumn, winter), in place of a month.
    pub season: Option<u8>,
}

impl fmt::Debug for DateRepr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PartialDate")
            .field("year", &self.year)
            .field("month", &self.month)
            .field("day", &self.day)
            .field("time", &self.time)
            .field("qualifier", &self.qualifier)
            .field("unspecified", &self.unspecified)
            .field("season", &self.season)
            .finish()
    }
}

impl From<DateRepr> for PartialDate {
    fn from(d: DateRepr) -> Self {
        PartialDate(d.into())
    }
}

impl From<PartialDate> for DateRepr {
    fn from(d: PartialDate) -> Self {
        d.0.into()
    }
}

impl fmt::Debug for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.repr().fmt(f)
    }
}

// Which of the optional parts are there, and the flags of `Qualifier` and `Unspecified`.
const MONTH: u16 = 1;
const DAY: u16 = 1 << 1;
const SEASON: u16 = 1 << 2;
const MINUTE: u16 = 1 << 3;
const SECOND: u16 = 1 << 4;
const MILLI: u16 = 1 << 5;
const OFFSET: u16 = 1 << 6;
const UNCERTAIN: u16 = 1 << 7;
const APPROXIMATE: u16 = 1 << 8;
const UNSPECIFIED_MONTH: u16 = 1 << 9;
const UNSPECIFIED_DAY: u16 = 1 << 10;

/// A `DateRepr` in 24 bytes. Absent parts are zero, so that two packs are equal exactly when
/// their dates are (the derived `Eq` and `Hash` agree with `DateRepr`'s). `time` being a `bool`
/// leaves a niche: an `Option<PartialDate>` is 24 bytes too.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Packed {
    year: i64,
    milli: u16,
    offset: i16,
    flags: u16,
    month: u8,
    day: u8,
    season: u8,
    hour: u8,
    minute: u8,
    second: u8,
    year_digits: u8,
    offset_form: u8,
    time: bool,
}

const FORMS: [OffsetForm; 3] = [OffsetForm::Z, OffsetForm::Hour, OffsetForm::HourMinute];

impl From<DateRepr> for Packed {
    fn from(d: DateRepr) -> Self {
        let t = d.time;
        let bits = [
            (d.month.is_some(), MONTH),
            (d.day.is_some(), DAY),
            (d.season.is_some(), SEASON),
            (t.is_some_and(|t| t.minute.is_some()), MINUTE),
            (t.is_some_and(|t| t.second.is_some()), SECOND),
            (t.is_some_and(|t| t.milli.is_some()), MILLI),
            (t.is_some_and(|t| t.offset.is_some()), OFFSET),
            (d.qualifier.uncertain, UNCERTAIN),
            (d.qualifier.approximate, APPROXIMATE),
            (d.unspecified.month, UNSPECIFIED_MONTH),
            (d.unspecified.day, UNSPECIFIED_DAY),
        ];
        let part = |f: fn(&TimeOfDay) -> Option<u8>| t.as_ref().and_then(f).unwrap_or(0);
        Packed {
            year: d.year,
            milli: t.and_then(|t| t.milli).unwrap_or(0),
            offset: t.and_then(|t| t.offset).unwrap_or(0),
            flags: bits.iter().filter(|(on, _)| *on).fold(0, |acc, (_, bit)| acc | bit),
            month: d.month.unwrap_or(0),
            day: d.day.unwrap_or(0),
            season: d.season.unwrap_or(0),
            hour: part(|t| Some(t.hour)),
            minute: part(|t| t.minute),
            second: part(|t| t.second),
            year_digits: d.unspecified.year_digits,
            offset_form: t.map_or(0, |t| FORMS.iter().position(|f| *f == t.offset_form).unwrap_or(0) as u8),
            time: t.is_some(),
        }
    }
}

impl From<Packed> for DateRepr {
    fn from(p: Packed) -> Self {
        let has = |bit: u16| p.flags & bit != 0;
        let opt = |bit: u16, v: u8| has(bit).then_some(v);
        let time = p.time.then(|| TimeOfDay {
            hour: p.hour,
            minute: opt(MINUTE, p.minute),
            second: opt(SECOND, p.second),
            milli: has(MILLI).then_some(p.milli),
            offset: has(OFFSET).then_some(p.offset),
            offset_form: FORMS[usize::from(p.offset_form).min(2)],
        });
        DateRepr {
            year: p.year,
            month: opt(MONTH, p.month),
            day: opt(DAY, p.day),
            time,
            qualifier: Qualifier { uncertain: has(UNCERTAIN), approximate: has(APPROXIMATE) },
            unspecified: Unspecified {
                year_digits: p.year_digits,
                month: has(UNSPECIFIED_MONTH),
                day: has(UNSPECIFIED_DAY),
            },
            season: opt(SEASON, p.season),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_takes_24_bytes_and_so_does_an_optional_one() {
        assert_eq!(size_of::<PartialDate>(), 24);
        assert_eq!(size_of::<Option<PartialDate>>(), 24);
    }

    #[test]
    fn every_part_survives_packing() {
        let time = |offset: Option<i16>, offset_form| TimeOfDay {
            hour: 23,
            minute: Some(59),
            second: Some(0),
            milli: Some(999),
            offset,
            offset_form,
        };
        let dates = [
            DateRepr {
                year: -13_800_000_000,
                month: None,
                day: None,
                time: None,
                qualifier: Qualifier { uncertain: true, approximate: false },
                unspecified: Unspecified::default(),
                season: None,
            },
            DateRepr {
                year: 2025,
                month: Some(5),
                day: Some(7),
                time: Some(time(Some(-420), OffsetForm::HourMinute)),
                qualifier: Qualifier { uncertain: false, approximate: true },
                unspecified: Unspecified { year_digits: 0, month: false, day: false },
                season: None,
            },
            DateRepr {
                year: 2025,
                month: Some(5),
                day: Some(7),
                time: Some(TimeOfDay {
                    minute: None,
                    second: None,
                    milli: None,
                    ..time(None, OffsetForm::Z)
                }),
                qualifier: Qualifier::default(),
                unspecified: Unspecified::default(),
                season: None,
            },
            DateRepr {
                year: 1960,
                month: None,
                day: None,
                time: None,
                qualifier: Qualifier { uncertain: true, approximate: true },
                unspecified: Unspecified { year_digits: 1, month: true, day: true },
                season: Some(23),
            },
            DateRepr {
                year: 0,
                month: Some(0),
                day: Some(0),
                time: Some(time(Some(0), OffsetForm::Hour)),
                qualifier: Qualifier::default(),
                unspecified: Unspecified::default(),
                season: Some(0),
            },
        ];
        for d in dates {
            assert_eq!(DateRepr::from(Packed::from(d)), d, "{d:?}");
        }
        // Equal packs for equal dates only.
        let packs: Vec<Packed> = dates.iter().map(|&d| d.into()).collect();
        for (i, a) in packs.iter().enumerate() {
            for (j, b) in packs.iter().enumerate() {
                assert_eq!(a == b, i == j);
            }
        }
    }
}
