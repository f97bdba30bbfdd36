//! Files that are not data sets, and data sets made of millions of mistakes: each is refused at
//! once with the right message at its `path:line:col`, or read with its problems and warnings
//! capped and exactly counted, never with a panic. (Their peak memory is measured by
//! `benches/memory.sh`, on 100 MB files; these are a few MB.)

use std::path::PathBuf;
use timeline::load::{DataInput, LoadError, MAX_KEPT, load};
use timeline::model::Timeline;

/// Writes `bytes` to a file of its own named `name`.
fn file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("timeline-junk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn read(name: &str, bytes: &[u8]) -> Result<Timeline, LoadError> {
    let path = file(name, bytes);
    DataInput::from_file(&path, None).and_then(|input| load(&input))
}

/// The one problem a file is refused with, as `name:line:col: message` without the directory.
fn refused(name: &str, bytes: &[u8]) -> String {
    let e = read(name, bytes).expect_err("refused");
    assert_eq!((e.problems.len(), e.unlisted), (1, 0), "{:?}", e.problems);
    let p = &e.problems[0];
    let file = std::path::Path::new(&p.file).file_name().and_then(|f| f.to_str()).unwrap_or("");
    format!("{file}:{}:{}: {}", p.line, p.col, p.message)
}

const MB: usize = 4 << 20;

#[test]
fn binary_files_are_refused_at_their_first_nul_byte() {
    assert_eq!(
        refused("zeros.json", &vec![0; MB]),
        "zeros.json:1:1: a NUL byte: this is a binary file, not a data set (JSON or CSV text)"
    );
    let mut late = b"{\n  \"events\": [\n    {}".to_vec();
    late.extend(vec![0; MB]);
    assert!(refused("late.json", &late).starts_with("late.json:3:7: a NUL byte"));
}

#[test]
fn random_bytes_are_refused_where_they_stop_being_text_or_a_shape() {
    // Bytes of a fixed linear congruential sequence, without NUL.
    let mut x: u32 = 1;
    let bytes: Vec<u8> = (0..MB)
        .map(|_| {
            x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (x >> 24) as u8
        })
        .filter(|&b| b != 0)
        .collect();
    let said = refused("random.bin", &bytes);
    let bad_utf8 = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
    let before = &bytes[..bad_utf8];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let col = 1 + String::from_utf8_lossy(&before[line_start..]).chars().count();
    let utf8 = format!("random.bin:{line}:{col}: the data file is not valid UTF-8; save it as UTF-8");
    assert!(said == utf8 || said.starts_with("random.bin:1:1: this is not a data set"), "{said}");
}

#[test]
fn json_that_cannot_be_a_data_set_is_refused_without_being_built() {
    assert_eq!(
        refused("brackets.json", &vec![b'['; MB]),
        "brackets.json:1:1: expected the data set to be an object `{…}`, found an array"
    );
    let mut string = vec![b'a'; MB];
    (string[0], string[MB - 1]) = (b'"', b'"');
    assert!(
        refused("string.json", &string).starts_with("string.json:1:1: this is not a data set: expected JSON")
    );
    let mut deep = b"{\"events\": ".to_vec();
    deep.extend(vec![b'['; MB]);
    assert_eq!(
        refused("deep.json", &deep),
        "deep.json:1:140: JSON syntax error: nesting deeper than 128 levels"
    );
}

#[test]
fn warnings_past_the_cap_are_counted_not_kept() {
    let slides = MAX_KEPT + 1234;
    let text = format!("{{\"events\": [{}{{}}]}}", "{},".repeat(slides - 1));
    let t = read("empty-slides.json", text.as_bytes()).expect("empty slides are skipped with a warning");
    assert!(t.events.is_empty());
    assert_eq!(t.warnings.len(), MAX_KEPT + 1);
    assert!(t.warnings[0].ends_with(
        "empty-slides.json:1:13: warning: an event without a `start_date` is skipped, as TimelineJS skips it"
    ));
    // The first warning not kept is at slide number MAX_KEPT + 1, three bytes per slide.
    let last = t.warnings.last().expect("the count");
    let at = format!(
        "empty-slides.json:1:{}: warning: 1234 more warnings from here on are not listed (the first {MAX_KEPT} are)",
        13 + 3 * MAX_KEPT
    );
    assert!(last.ends_with(&at), "{last}");
}

#[test]
fn a_sheet_of_junk_rows_is_read_row_by_row_with_every_problem_counted() {
    let rows = MAX_KEPT + 500;
    let text = format!("Year,Month,Day,Time,Headline\n{}", "1999,1,1,bad,x\n".repeat(rows));
    let e = read("junk.csv", text.as_bytes()).expect_err("every row has a bad time");
    assert_eq!(e.problems.len() + e.unlisted, rows);
    assert_eq!(
        e.problems[0].to_string().rsplit('/').next(),
        Some(
            "junk.csv:2:10: time `bad` is not hh:mm, hh:mm:ss, hh:mm:ss.sss or hhmm, with or without AM or PM"
        )
    );
    assert!(e.problems[MAX_KEPT].message.starts_with(&format!("more than {MAX_KEPT} problems")));
}

#[test]
fn a_sheet_lists_the_problems_of_reading_its_rows_before_those_of_its_slides() {
    // Row 2's slide is wrong (its end is before its start), row 3's time cannot be read: the
    // row is reported first, as when every slide was built before any was read.
    let text =
        "Year,Month,Day,Time,End Year,Headline,Type\n1999,1,1,,1990,A,\n2000,1,1,bad,,C,\n2001,,,,,T,title\n";
    let e = read("order.csv", text.as_bytes()).expect_err("two problems");
    let said: Vec<String> =
        e.problems.iter().map(|p| format!("{}:{}: {}", p.line, p.col, p.message)).collect();
    assert_eq!(
        said,
        [
            "3:10: time `bad` is not hh:mm, hh:mm:ss, hh:mm:ss.sss or hhmm, with or without AM or PM",
            "2:11: the end date 1990 is before the start date 1999-01-01",
        ]
    );
}

#[test]
fn slides_of_one_headline_get_the_next_free_number() {
    // The third slide's unique_id takes `x-1999-3` first: the numbers go on past it.
    let slide = |extra: &str| {
        format!("{{\"start_date\": {{\"year\": 1999}}, \"text\": {{\"headline\": \"X\"}}{extra}}}")
    };
    let slides =
        [slide(""), slide(""), slide(", \"unique_id\": \"x-1999-3\""), slide(""), slide(""), slide("")];
    let text = format!("{{\"events\": [{}]}}", slides.join(","));
    let t = read("one-headline.json", text.as_bytes()).expect("loads");
    let mut ids: Vec<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["x-1999", "x-1999-2", "x-1999-3", "x-1999-4", "x-1999-5", "x-1999-6"]);
}

/// An empty file (or one of blanks) says it is empty, whatever its name, rather than a JSON syntax
/// error; an empty `.mw` or `.jsonl` file is an empty data set.
#[test]
fn an_empty_file_says_it_is_empty() {
    for (name, bytes) in [("e.csv", &b""[..]), ("e.json", b" \n\t"), ("e", b"\xef\xbb\xbf\r\n")] {
        let said = refused(name, bytes);
        assert!(
            said.starts_with(&format!("{name}:1:1: the data file is empty: a data set is JSON")),
            "{said}"
        );
    }
    for name in ["e.mw", "e.jsonl"] {
        assert!(read(name, b"\n").expect("an empty data set").events.is_empty(), "{name}");
    }
}
