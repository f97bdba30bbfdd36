use super::*;
use chrono::Datelike;

fn d(s: &str) -> PartialDate {
    PartialDate::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn parses_each_precision() {
    for (input, p) in [
        ("1959", Precision::Year),
        ("2025-05", Precision::Month),
        ("2025-05-07", Precision::Day),
        ("2025-05-07T14:30:05", Precision::Second),
        ("2025-05-07T14:30:05.250", Precision::Millisecond),
        ("Y-13800000000", Precision::Year),
    ] {
        assert_eq!(d(input).precision(), p, "{input}");
    }
}

#[test]
fn edtf_round_trips_through_iso() {
    for s in [
        "1959",
        "2024-02-29",
        "1966~",
        "2026-01?",
        "2004-06-11%",
        "196X",
        "19XX",
        "2004-XX",
        "1985-04-XX",
        "-0499",
        "0000",
        "Y-13800000000",
        "Y170000002",
        "2025-05-07T14:30:05Z",
        "2025-05-07T14:30:05.250+07:00",
        "2025-05-07T09:15:00",
        "2025-05-07T14:30:05-04",
        "2025-05-07T14:30:05+00:00",
        "2001-21",
        "-20XX",
        "1985-XX-XX",
    ] {
        assert_eq!(d(s).iso(), s);
    }
}

#[test]
fn displays_in_words() {
    for (input, shown) in [
        ("1959", "1959"),
        ("2025-05", "May 2025"),
        ("2025-05-07", "7 May 2025"),
        ("1966~", "c. 1966"),
        ("2026-01?", "Jan 2026?"),
        ("1966%", "c. 1966?"),
        ("196X", "1960s"),
        ("2004-XX", "2004, month unknown"),
        ("-0499", "500 BCE"),
        ("0000", "1 BCE"),
        ("-0001", "2 BCE"),
        ("Y-11999", "12,000 BCE"),
        ("Y-13799999999", "13.8 billion years ago"),
        ("Y-4539999999", "4.54 billion years ago"),
        ("Y-65999999", "66 million years ago"),
        ("2025-05-07T14:30:00", "7 May 2025 14:30:00"),
        ("2001-21", "Spring 2001"),
        ("2001-24?", "Winter 2001?"),
        ("-20XX", "2100–2001 BCE"),
        ("2025-05-07T14:30:05Z", "7 May 2025 14:30:05 UTC"),
    ] {
        assert_eq!(d(input).to_string(), shown, "{input}");
    }
}

#[test]
fn rejects_impossible_and_malformed_dates() {
    for (input, needle) in [
        ("2025-02-30", "Feb 2025 has 28 days"),
        ("2023-02-29", "Feb 2023 has 28 days"),
        ("2025-13", "month 13 does not exist"),
        ("2025-00-10", "month 00 does not exist"),
        ("25-05-07", "not a date"),
        ("2025/05/07", "not a date"),
        ("2025-5-7", "not a date"),
        ("", "not a date"),
        ("２０２５", "not a date"),
        ("1X60", "level 2"),
        ("196X-05", "level 2"),
        ("2004-XX-15", "level 2"),
        ("2025-05T10:00:00", "needs a full date"),
        ("2025-05-07T25:00:00", "not a time of day"),
        ("2025-05-07T10:00:00.12345", "not a date"),
        ("Y12a", "not a date"),
        ("1966??", "not a date"),
    ] {
        let err = PartialDate::parse(input).unwrap_err().to_string();
        assert!(err.contains(needle), "{input}: {err}");
    }
}

#[test]
fn intervals_with_open_and_unknown_ends() {
    assert_eq!(Interval::parse("2020/..").unwrap(), Interval::Range(Bound::Date(d("2020")), Bound::Open));
    assert_eq!(Interval::parse("../1992").unwrap(), Interval::Range(Bound::Open, Bound::Date(d("1992"))));
    assert_eq!(Interval::parse("/2020").unwrap(), Interval::Range(Bound::Unknown, Bound::Date(d("2020"))));
    assert_eq!(
        Interval::parse("1964~/1967-05?").unwrap(),
        Interval::Range(Bound::Date(d("1964~")), Bound::Date(d("1967-05?")))
    );
    assert_eq!(Interval::parse("1966~").unwrap(), Interval::Single(d("1966~")));
    assert!(Interval::parse("../..").unwrap_err().to_string().contains("needs a date"));
    assert!(Interval::parse("1970/1960").unwrap_err().to_string().contains("ends before"));
}

#[test]
fn span_labels() {
    assert_eq!(d("2026-01-26").span_label(Some(&d("2026-01-27"))), "26–27 Jan 2026");
    assert_eq!(d("2026-01-30").span_label(Some(&d("2026-02-02"))), "30 Jan – 2 Feb 2026");
    assert_eq!(d("2020").span_label(Some(&d("2021"))), "2020–2021");
    assert_eq!(d("2020").span_label(None), "2020");
    assert_eq!(d("1964~").span_label(Some(&d("1967"))), "c. 1964 – 1967");
    assert_eq!(d("-0499").span_label(Some(&d("-0399"))), "500–400 BCE");
    // Across the eras, both are named.
    assert_eq!(d("-0099").span_label(Some(&d("0049"))), "100 BCE – 49 CE");
    assert_eq!(d("-0099").span_label(Some(&d("0049-05-07"))), "100 BCE – 7 May 49 CE");
    assert_eq!(d("-0099").span_label(Some(&d("0049?"))), "100 BCE – 49 CE?");
    assert_eq!(d("-0099").span_label(Some(&d("0049~"))), "100 BCE – c. 49 CE");
}

#[test]
fn orders_by_earliest_moment_then_coarser_first() {
    let mut v = [
        d("2025-05-01"),
        d("2025-05"),
        d("2025"),
        d("1959"),
        d("2024-12-31"),
        d("-0499"),
        d("Y-13799999999"),
        d("2025-05-01T08:00:00"),
        d("196X"),
        d("0001"),
        d("0000"),
    ];
    v.sort();
    let iso: Vec<String> = v.iter().map(PartialDate::iso).collect();
    assert_eq!(
        iso,
        [
            "Y-13799999999",
            "-0499",
            "0000",
            "0001",
            "1959",
            "196X",
            "2024-12-31",
            "2025",
            "2025-05",
            "2025-05-01",
            "2025-05-01T08:00:00"
        ]
    );
}

#[test]
fn periods_have_a_start_and_an_end() {
    assert_eq!(d("2024-02").last_day().to_string(), "2024-02-29");
    assert_eq!(d("2025").last_day().to_string(), "2025-12-31");
    assert_eq!(d("2025-05").first_day().to_string(), "2025-05-01");
    assert_eq!(d("196X").first_day().to_string(), "1960-01-01");
    assert_eq!(d("-20XX").first_day().year(), -2099);
    assert_eq!(d("-20XX").last_day().year(), -2000);
    assert_eq!(d("2001-24").first_day().to_string(), "2001-12-01");
    assert_eq!(d("2001-24").last_day().to_string(), "2002-02-28");
    assert_eq!(d("196X").last_day().to_string(), "1969-12-31");
    assert_eq!(d("19XX").last_day().to_string(), "1999-12-31");
    let t = d("2025-05-07T14:30:00");
    assert_eq!(t.end().0 - t.start().0, 1000);
    assert_eq!(d("2025-05-07T14:00:00Z").start(), d("2025-05-07T21:00:00+07:00").start());
    // Years beyond the calendar still order and span.
    let big = d("Y-13799999999");
    assert!(big.start() < big.end() && big.end() < d("-0499").start());
    assert_eq!(big.first_day(), chrono::NaiveDate::MIN);
}
