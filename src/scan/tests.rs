//! Every date form the scanner knows, with its position and how it resolves.

use super::forms::{How, Precision, find_dates};
use super::sentence_starts;
use chrono::NaiveDate;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// (text, article date, the mention's text, its char column (1-based), form, resolved, precision, how)
type Case = (&'static str, &'static str, &'static str, usize, &'static str, &'static str, Precision, How);

const CASES: &[Case] = &[
    // Vietnamese
    (
        "Ngày 26/1, tại Trụ sở",
        "2026-01-26",
        "Ngày 26/1",
        1,
        "day without year",
        "2026-01-26",
        Precision::Day,
        How::YearFromArticle,
    ),
    (
        "lưu trú ngày 5-2-2026.",
        "2026-01-30",
        "ngày 5-2-2026",
        9,
        "date",
        "2026-02-05",
        Precision::Day,
        How::AsWritten,
    ),
    (
        "Ngày 26/01, tại Hà Nội",
        "2026-02-06",
        "Ngày 26/01",
        1,
        "day without year",
        "2026-01-26",
        Precision::Day,
        How::YearFromArticle,
    ),
    (
        "hôm nay 30/01, thời tiết",
        "2026-01-30",
        "30/01",
        9,
        "day without year",
        "2026-01-30",
        Precision::Day,
        How::YearFromArticle,
    ),
    (
        "thăm tới Azerbaijan tháng 5/2025 có ý nghĩa",
        "2026-01-26",
        "tháng 5/2025",
        21,
        "month",
        "2025-05",
        Precision::Month,
        How::AsWritten,
    ),
    (
        "từ tháng 6 năm 1993 đến",
        "2022-05-13",
        "tháng 6 năm 1993",
        4,
        "month",
        "1993-06",
        Precision::Month,
        How::AsWritten,
    ),
    (
        "của Chủ tịch Hồ Chí Minh năm 1959 tới Baku",
        "2022-05-13",
        "năm 1959",
        26,
        "year",
        "1959",
        Precision::Year,
        How::AsWritten,
    ),
    (
        "đã thăm Việt Nam từ ngày 26 đến 27-1, theo",
        "2026-01-30",
        "từ ngày 26 đến 27-1",
        18,
        "day range",
        "2026-01-26..2026-01-27",
        Precision::Day,
        How::YearFromArticle,
    ),
    (
        "quan hệ (18/1/1950 – 18/1/2026), đồng thời",
        "2026-02-06",
        "18/1/1950 – 18/1/2026",
        10,
        "date range",
        "1950-01-18..2026-01-18",
        Precision::Day,
        How::AsWritten,
    ),
    (
        "Campuchia (24/6/1967-24/6/2022).",
        "2022-05-13",
        "24/6/1967-24/6/2022",
        12,
        "date range",
        "1967-06-24..2022-06-24",
        Precision::Day,
        How::AsWritten,
    ),
    (
        "Tối 6/2, tại thành phố Đà Nẵng",
        "2026-02-06",
        "Tối 6/2",
        1,
        "day without year",
        "2026-02-06",
        Precision::Day,
        How::YearFromArticle,
    ),
    (
        "giới chính trị Liên Xô từ thập niên 1980 là",
        "2022-05-13",
        "thập niên 1980",
        27,
        "decade",
        "1980..1989",
        Precision::Decade,
        How::AsWritten,
    ),
    (
        "Liên hợp quốc nhiệm kỳ 2020-2021, Việt Nam",
        "2022-05-13",
        "nhiệm kỳ 2020-2021",
        15,
        "term",
        "2020..2021",
        Precision::Year,
        How::AsWritten,
    ),
    (
        "giai đoạn 2026 - 2030, tầm nhìn",
        "2026-02-06",
        "giai đoạn 2026 - 2030",
        1,
        "term",
        "2026..2030",
        Precision::Year,
        How::AsWritten,
    ),
    (
        "trong năm nay, hai nước",
        "2022-05-13",
        "năm nay",
        7,
        "this year",
        "2022",
        Precision::Year,
        How::Relative,
    ),
    (
        "tới Lào trong tuần tới, chuyến",
        "2026-01-30",
        "tuần tới",
        15,
        "next week",
        "2026-02-02..2026-02-08",
        Precision::Week,
        How::Relative,
    ),
    (
        "date 2026-01-26 (VTC News)",
        "2026-01-26",
        "2026-01-26",
        6,
        "iso date",
        "2026-01-26",
        Precision::Day,
        How::AsWritten,
    ),
    (
        "ngày 21//01, do ảnh hưởng",
        "2026-01-21",
        "ngày 21//01",
        1,
        "day without year",
        "2026-01-21",
        Precision::Day,
        How::YearFromArticle,
    ),
    ("Xuân Bính Ngọ 2026.", "2026-02-06", "2026", 15, "bare year", "2026", Precision::Year, How::AsWritten),
    // A day-month near the turn of the year takes the nearest year.
    (
        "Ngày 28/12, tại Hà Nội",
        "2026-01-03",
        "Ngày 28/12",
        1,
        "day without year",
        "2025-12-28",
        Precision::Day,
        How::YearFromArticle,
    ),
    // English
    (
        "On May 7, Ilham Aliyev",
        "2025-05-07",
        "On May 7",
        1,
        "english day without year",
        "2025-05-07",
        Precision::Day,
        How::YearFromArticle,
    ),
    (
        "07 May 2025, 17:15",
        "2025-05-07",
        "07 May 2025",
        1,
        "english date",
        "2025-05-07",
        Precision::Day,
        How::AsWritten,
    ),
    (
        "signed on May 7, 2025 in Baku",
        "2025-06-01",
        "May 7, 2025",
        11,
        "english date",
        "2025-05-07",
        Precision::Day,
        How::AsWritten,
    ),
    (
        "visited in May 2025.",
        "2026-01-26",
        "in May 2025",
        9,
        "english month",
        "2025-05",
        Precision::Month,
        How::AsWritten,
    ),
    (
        "ties date back to the late 1950s. They",
        "2025-05-07",
        "the late 1950s",
        19,
        "english decade",
        "1956..1959",
        Precision::Decade,
        How::AsWritten,
    ),
    (
        "in the 1980s",
        "2025-05-07",
        "the 1980s",
        4,
        "english decade",
        "1980..1989",
        Precision::Decade,
        How::AsWritten,
    ),
    (
        "relations have existed for 30 years, friendly",
        "2025-05-07",
        "for 30 years",
        24,
        "duration",
        "1995",
        Precision::Year,
        How::CountedBack,
    ),
    (
        "occupation for nearly 30 years, regaining",
        "2025-05-07",
        "for nearly 30 years",
        12,
        "duration",
        "1995",
        Precision::Year,
        How::CountedBack,
    ),
];

#[test]
fn every_form_with_its_position_and_resolution() {
    for &(text, published, mention, col, form, iso, precision, how) in CASES {
        let found = find_dates(text, day(published));
        let f = found
            .iter()
            .find(|f| f.form == form)
            .unwrap_or_else(|| panic!("{text:?}: no {form} in {found:?}"));
        assert_eq!(&text[f.span.clone()], mention, "{text:?}");
        assert_eq!(text[..f.span.start].chars().count() + 1, col, "{text:?}");
        assert_eq!(f.date.iso(), iso, "{text:?}");
        assert_eq!(f.date.precision, precision, "{text:?}");
        assert_eq!(f.date.how, how, "{text:?}");
        assert_eq!(found.len(), 1, "{text:?}: one mention only, found {found:?}");
    }
}

#[test]
fn numbers_that_are_not_dates_are_left_alone() {
    for text in [
        "nhiệt độ giảm 7-8 độ C",
        "HOTLINE: 0903.343.439",
        "Quyết định số 161/QĐ-TTg",
        "hơn 1.100 người dân",
        "đạt tỷ lệ 100%",
        "09:05 | GMT+7",
        "Ngày 31/2 không có",
        "you may 7 times",
    ] {
        assert_eq!(find_dates(text, day("2026-01-01")), [], "{text:?}");
    }
}

#[test]
fn a_range_hides_the_dates_and_years_inside_it() {
    let found = find_dates("(30/04/1975 – 30/04/2022) và năm 2022", day("2022-05-13"));
    let forms: Vec<&str> = found.iter().map(|f| f.form).collect();
    assert_eq!(forms, ["date range", "year"]);
}

#[test]
fn sentences_end_at_stops_and_line_breaks() {
    let text = "Một. Hai? Ba\nBốn (Ảnh: a.vn) năm";
    let starts = sentence_starts(text);
    let pieces: Vec<&str> = starts.iter().map(|&s| &text[s..]).collect();
    // The stop is the end of its sentence: `a.vn` is not one.
    assert_eq!(pieces, [" Hai? Ba\nBốn (Ảnh: a.vn) năm", " Ba\nBốn (Ảnh: a.vn) năm", "Bốn (Ảnh: a.vn) năm"]);
}
