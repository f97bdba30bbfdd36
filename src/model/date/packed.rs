//! `PartialDate` in 16 bytes instead of 40: a file of a million slides holds two million of them.
//! The roomy layout, `DateRepr`, is what the date code reads (`PartialDate::repr`) and what serde
//! writes, so that the index cache's bytes are those of the roomy layout.

use super::{OffsetForm, PartialDate, Qualifier, TimeOfDay, Unspecified};
use std::fmt;
use std::num::NonZeroU64;

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

/// A `DateRepr` in 16 bytes: the year, and every other part in the bits of one word. A part
/// that may be absent is held as its value plus one, so absent is zero, and two packs are equal
/// exactly when their dates are (the derived `Eq` and `Hash` agree with `DateRepr`'s). The
/// word's top bit is always set, which leaves a niche: an `Option<PartialDate>` is 16 bytes too.
///
/// Each part has the bits its checked range needs (`PartialDate::ymd`, `with_time`, the offset
/// parsers, at most two unspecified year digits: what `cache::verify` accepts); a value past
/// its field, which no loader makes, is held as the field's largest.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Packed {
    year: i64,
    parts: NonZeroU64,
}

/// A part's place in the word: its lowest bit and its width.
#[derive(Clone, Copy)]
struct Field(u32, u32);

const HOUR: Field = Field(0, 5); // hour + 1; 0: no time of day
const MINUTE: Field = Field(5, 6); // + 1
const SECOND: Field = Field(11, 6); // + 1 (a leap second is 60)
const MILLI: Field = Field(17, 10); // + 1
const OFFSET: Field = Field(27, 15); // minutes east of UTC + 1 + 2^13 (±99:99 fits); 0: local
const OFFSET_FORM: Field = Field(42, 2);
const MONTH: Field = Field(44, 4); // + 1
const DAY: Field = Field(48, 6); // + 1
const SEASON: Field = Field(54, 3); // 21–24 as 1–4
const UNCERTAIN: Field = Field(57, 1);
const APPROXIMATE: Field = Field(58, 1);
const UNSPECIFIED_MONTH: Field = Field(59, 1);
const UNSPECIFIED_DAY: Field = Field(60, 1);
const YEAR_DIGITS: Field = Field(61, 2);
const SET: u64 = 1 << 63;
const OFFSET_BIAS: i32 = 1 << 13;

impl Field {
    fn max(self) -> u64 {
        (1 << self.1) - 1
    }

    fn put(self, word: &mut u64, value: u64) {
        *word |= value.min(self.max()) << self.0;
    }

    fn get(self, word: u64) -> u64 {
        (word >> self.0) & self.max()
    }

    /// An optional part, held as its value plus one.
    fn put_opt(self, word: &mut u64, value: Option<impl Into<u64>>) {
        if let Some(v) = value {
            self.put(word, v.into().min(self.max() - 1) + 1);
        }
    }

    fn get_opt(self, word: u64) -> Option<u64> {
        self.get(word).checked_sub(1)
    }
}

const FORMS: [OffsetForm; 3] = [OffsetForm::Z, OffsetForm::Hour, OffsetForm::HourMinute];

impl From<DateRepr> for Packed {
    fn from(d: DateRepr) -> Self {
        let mut w = SET;
        if let Some(t) = d.time {
            HOUR.put_opt(&mut w, Some(t.hour));
            MINUTE.put_opt(&mut w, t.minute);
            SECOND.put_opt(&mut w, t.second);
            MILLI.put_opt(&mut w, t.milli);
            let biased = t.offset.map(|o| (i32::from(o) + OFFSET_BIAS).max(0) as u64);
            OFFSET.put_opt(&mut w, biased);
            OFFSET_FORM.put(&mut w, FORMS.iter().position(|f| *f == t.offset_form).unwrap_or(0) as u64);
        }
        MONTH.put_opt(&mut w, d.month);
        DAY.put_opt(&mut w, d.day);
        SEASON.put_opt(&mut w, d.season.map(|s| s.saturating_sub(21)));
        UNCERTAIN.put(&mut w, d.qualifier.uncertain.into());
        APPROXIMATE.put(&mut w, d.qualifier.approximate.into());
        UNSPECIFIED_MONTH.put(&mut w, d.unspecified.month.into());
        UNSPECIFIED_DAY.put(&mut w, d.unspecified.day.into());
        YEAR_DIGITS.put(&mut w, d.unspecified.year_digits.into());
        Packed { year: d.year, parts: NonZeroU64::new(w).unwrap_or(NonZeroU64::MAX) }
    }
}

impl From<Packed> for DateRepr {
    fn from(p: Packed) -> Self {
        let w = p.parts.get();
        // Every field fits its type: none is wider than 15 bits.
        let byte = |f: Field| f.get_opt(w).map(|v| v as u8);
        let flag = |f: Field| f.get(w) == 1;
        let time = byte(HOUR).map(|hour| TimeOfDay {
            hour,
            minute: byte(MINUTE),
            second: byte(SECOND),
            milli: MILLI.get_opt(w).map(|v| v as u16),
            offset: OFFSET.get_opt(w).map(|v| (v as i32 - OFFSET_BIAS) as i16),
            offset_form: FORMS[(OFFSET_FORM.get(w) as usize).min(2)],
        });
        DateRepr {
            year: p.year,
            month: byte(MONTH),
            day: byte(DAY),
            time,
            qualifier: Qualifier { uncertain: flag(UNCERTAIN), approximate: flag(APPROXIMATE) },
            unspecified: Unspecified {
                year_digits: YEAR_DIGITS.get(w) as u8,
                month: flag(UNSPECIFIED_MONTH),
                day: flag(UNSPECIFIED_DAY),
            },
            season: byte(SEASON).map(|s| s + 21),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_takes_16_bytes_and_so_does_an_optional_one() {
        assert_eq!(size_of::<PartialDate>(), 16);
        assert_eq!(size_of::<Option<PartialDate>>(), 16);
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
                year: i64::MIN,
                month: Some(12),
                day: Some(31),
                time: Some(TimeOfDay {
                    hour: 0,
                    second: Some(60),
                    ..time(Some(-(99 * 60 + 99)), OffsetForm::Hour)
                }),
                qualifier: Qualifier { uncertain: true, approximate: true },
                unspecified: Unspecified { year_digits: 2, month: true, day: true },
                season: Some(24),
            },
            DateRepr {
                year: i64::MAX,
                month: Some(1),
                day: Some(1),
                time: Some(TimeOfDay {
                    minute: Some(0),
                    milli: Some(0),
                    ..time(Some(99 * 60 + 99), OffsetForm::Z)
                }),
                qualifier: Qualifier::default(),
                unspecified: Unspecified::default(),
                season: Some(21),
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

    #[test]
    fn every_time_and_offset_of_a_day_survives_packing() {
        let day = PartialDate::ymd(2025, Some(2), Some(28)).unwrap();
        for hour in 0..24 {
            for (minute, second, milli) in
                [(None, None, None), (Some(59), None, None), (Some(0), Some(60), Some(999))]
            {
                for offset in (-(99 * 60 + 99)..=99 * 60 + 99).step_by(61).map(Some).chain([None, Some(0)]) {
                    let t = TimeOfDay {
                        hour,
                        minute,
                        second,
                        milli,
                        offset,
                        offset_form: OffsetForm::HourMinute,
                    };
                    let d = day.with_time(t).unwrap();
                    assert_eq!(d.time(), Some(t));
                }
            }
        }
    }

    #[test]
    fn a_part_past_its_field_is_held_as_the_fields_largest_and_never_panics() {
        let d = DateRepr {
            year: 1,
            month: Some(255),
            day: Some(255),
            time: Some(TimeOfDay {
                hour: 255,
                minute: Some(255),
                second: Some(255),
                milli: Some(u16::MAX),
                offset: Some(i16::MIN),
                offset_form: OffsetForm::Z,
            }),
            qualifier: Qualifier::default(),
            unspecified: Unspecified { year_digits: 255, month: false, day: false },
            season: Some(0),
        };
        let back = DateRepr::from(Packed::from(d));
        assert_eq!((back.month, back.day, back.season), (Some(14), Some(62), Some(21)));
        assert_eq!(back.unspecified.year_digits, 3);
        let t = back.time.unwrap();
        assert_eq!(
            (t.hour, t.minute, t.second, t.milli, t.offset),
            (30, Some(62), Some(62), Some(1022), Some(-8192))
        );
    }
}
