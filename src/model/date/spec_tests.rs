//! EDTF conformance, from the Library of Congress specification of 4 February 2019 and its
//! examples (levels 0, 1 and 2), with the variants peer parsers test (edtf.js, python-edtf,
//! go-edtf): every valid level 0–1 string is read and written back unchanged, every invalid one
//! is refused, and every level 2 one is refused with an error that names level 2.

use super::Interval;

/// Valid at level 0 or 1, each written back exactly as given.
const VALID: &[&str] = &[
    // Level 0 dates (spec examples and calendar edges).
    "1985-04-12",
    "1985-04",
    "1985",
    "0000",
    "0001",
    "9999",
    "2016-02-29",
    "2000-02-29",
    "1985-12-31",
    "2004-01-01",
    "2001-02-03",
    "2008-12",
    "2008",
    "1600-02-29",
    "0409",
    "0023",
    // Level 0 date and time.
    "1985-04-12T23:20:30",
    "1985-04-12T23:20:30Z",
    "1985-04-12T23:20:30-04",
    "1985-04-12T23:20:30+04:30",
    "2001-02-03T09:30:01",
    "2004-01-01T10:10:10Z",
    "2004-01-01T10:10:10+05:00",
    "2016-05-02T16:54:59+14:00",
    "2016-05-02T16:54:59-12:00",
    "2016-05-02T16:54:59-11:59",
    "2016-05-02T16:54:59+00:00",
    "2016-05-02T16:54:59+13:30",
    "2016-05-02T16:54:59-00:15",
    "2016-05-02T00:00:00",
    "2016-05-02T23:59:59",
    "2016-05-02T12:00:00+00",
    "2016-05-02T12:00:00-09",
    "2016-05-02T12:00:00+14",
    // Level 0 intervals.
    "1964/2008",
    "2004-06/2006-08",
    "2004-02-01/2005-02-08",
    "2004-02-01/2005-02",
    "2004-02-01/2005",
    "2005/2006-02",
    "2004/2004",
    "2004-06-11/2004-06-11",
    "1985-04/1985-05",
    "0000/0001",
    // Level 1: letter-prefixed calendar year.
    "Y170000002",
    "Y-170000002",
    "Y10000",
    "Y-10000",
    "Y-13800000000",
    "Y20000000000",
    // Level 1: seasons.
    "2001-21",
    "2001-22",
    "2001-23",
    "2001-24",
    "1985-21?",
    "1985-22~",
    "1985-23%",
    "-0300-24",
    // Level 1: qualification of a date.
    "1984?",
    "2004-06~",
    "2004-06-11%",
    "1984~",
    "1984%",
    "2004-06?",
    "2004-06%",
    "2004-06-11?",
    "2004-06-11~",
    "-1984?",
    "Y-170000002~",
    "0000~",
    // Level 1: unspecified digits from the right.
    "201X",
    "20XX",
    "2004-XX",
    "1985-04-XX",
    "1985-XX-XX",
    "-20XX",
    "-201X",
    "199X?",
    "19XX~",
    "2004-XX?",
    "1985-04-XX~",
    "1985-XX-XX%",
    "000X",
    // Level 1: extended intervals.
    "1985-04-12/..",
    "1985-04/..",
    "1985/..",
    "../1985-04-12",
    "../1985-04",
    "../1985",
    "1985-04-12/",
    "1985-04/",
    "1985/",
    "/1985-04-12",
    "/1985-04",
    "/1985",
    "1984~/2004-06",
    "1984/2004-06~",
    "1984~/2004~",
    "1984?/2004%",
    "1984-06?/2004-08?",
    "1984-08-22~/2004-08-22?",
    "1984?/..",
    "../2004~",
    "1984~/",
    "/2004-06%",
    "2001-21/2001-23",
    "2001-21/..",
    "-1985/1985",
    "Y-170000002/2005",
    "../Y-170000002",
    "2004-06-11%/2004-06-12",
    // Level 1: negative calendar years.
    "-1985",
    "-0001",
    "-9999",
    "-1985-04-12",
    "-1985-04",
    "-0499",
    "-1985-04-12?",
];

/// Not EDTF at any level, or not a date at all.
const INVALID: &[&str] = &[
    // Years.
    "-0000",
    "12345",
    "-12345",
    "Y2006",
    "Y1234",
    "Y-1234",
    "Y00001",
    "Y-00012",
    "Y",
    "Y-",
    "+1985",
    "85",
    "198",
    "y170000002",
    // Months and days that do not exist.
    "2016-13",
    "2016-00",
    "2016-05-00",
    "2016-05-32",
    "2016-02-30",
    "2016-02-31",
    "2016-04-31",
    "2016-06-31",
    "2016-09-31",
    "2016-11-31",
    "2015-02-29",
    "1900-02-29",
    "2001-20",
    "2001-42",
    "2001-21-05",
    "-1985-13",
    // Times.
    "2016-05-02T24:00:01",
    "2016-05-02T00:61:00",
    "1985-04-12T23",
    "1985-04-12T23:20",
    "1985-04-12T",
    "1985-04-12T23:20:30.1234",
    "1985-04T23:20:30",
    "1985T23:20:30",
    "1985-04-12T23:20:30?",
    "2004-06-11t10:10:10",
    "1985-04-12T23:20:30z",
    // Offsets.
    "2016-05-02T12:00:00-00:00",
    "2016-05-02T12:00:00-00",
    "2016-05-02T12:00:00+14:01",
    "2016-05-02T12:00:00-14:30",
    "2016-05-02T12:00:00+25:00",
    "2016-05-02T12:00:00-05:60",
    "2016-05-02T12:00:00+0530",
    "2016-05-02T12:00:00+5",
    // Basic format and other spellings.
    "19850412",
    "198504",
    "1985-0412",
    "1985-4",
    "1985-04-1",
    "1985/04/12",
    "201x",
    "２０２５",
    "1985‐04‐12",
    " 1985",
    "1985 ",
    "Spring 2001",
    // Intervals.
    "2008/1964",
    "2005-02/2004-06",
    "2004-02-02/2004-02-01",
    "1985-04-12T23:20:30/1985-04-13",
    "1985/1986/1987",
    "../..",
    "/..",
    "../",
    "/",
    "",
    "1985/ 1986",
    // Qualifiers.
    "1984??",
    "1984?~",
    "?",
    "~",
    "2004-06-11%%",
];

/// Level 2 features, each refused with an error that says so.
const LEVEL2: &[&str] = &[
    "Y-17E7",
    "Y17E7",
    "1950S2",
    "Y171010000S3",
    "Y3388E2S3",
    "2001-25",
    "2001-29",
    "2001-33",
    "2001-34",
    "2001-37",
    "2001-40",
    "2001-41",
    "[1667,1668,1670..1672]",
    "[..1760-12-03]",
    "[1760-12..]",
    "[1760-01,1760-02,1760-12..]",
    "[1667,1760-12]",
    "[..1984]",
    "{1667,1668,1670..1672}",
    "{1960,1961-12}",
    "{..1984}",
    "2004-06~-11",
    "2004?-06-11",
    "?2004-06-~11",
    "2004-%06-11",
    "156X-12-25",
    "15XX-12-25",
    "XXXX-12-XX",
    "1XXX-XX",
    "1XXX-12",
    "1984-1X",
    "1XXX",
    "XXXX",
    "19XX-05",
    "1985-XX-12",
    "2004-06-~01/2004-06-~20",
    "2004-06-XX/2004-07-03",
    "1984-11-12/1984-11-XX",
    "196X/1970",
    "../19XX",
];

#[test]
fn level_0_and_1_valid_strings_are_read_and_written_back() {
    let mut failed = Vec::new();
    for s in VALID {
        match Interval::parse(s) {
            Ok(i) if i.to_string() == *s => {}
            Ok(i) => failed.push(format!("{s} written back as {i}")),
            Err(e) => failed.push(format!("{s}: {e}")),
        }
    }
    println!("valid level 0–1 accepted and kept: {}/{}", VALID.len() - failed.len(), VALID.len());
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn invalid_strings_are_refused() {
    let accepted: Vec<_> = INVALID.iter().filter(|s| Interval::parse(s).is_ok()).collect();
    println!("invalid rejected: {}/{}", INVALID.len() - accepted.len(), INVALID.len());
    assert!(accepted.is_empty(), "{accepted:?}");
}

#[test]
fn level_2_is_refused_by_name() {
    let mut failed = Vec::new();
    for s in LEVEL2 {
        match Interval::parse(s) {
            Ok(_) => failed.push(format!("{s}: accepted")),
            Err(super::DateError::Level2 { .. }) => {}
            Err(e) => failed.push(format!("{s}: {e}")),
        }
    }
    println!("level 2 refused as level 2: {}/{}", LEVEL2.len() - failed.len(), LEVEL2.len());
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn errors_name_the_feature() {
    let err = |s: &str| Interval::parse(s).unwrap_err().to_string();
    assert!(
        err("1984-11-12/1984-11-XX").contains("unspecified digits (X) in an interval end is EDTF level 2")
    );
    assert!(err("Y2006").contains("more than four digits"));
    assert!(err("2025-05-07T10:00:00-05:60").contains("offset -05:60 does not exist"));
    assert!(err("1985-04-12T23").contains("hh:mm:ss"));
    assert!(err("[1667,1668]").contains("a set"));
}
