//! The browser in a pseudo-terminal on data we did not write: TimelineJS files whose events
//! carry no quoted source, display dates, groups and load warnings.

use crate::pty_harness;

use pty_harness::*;

const FULL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/timelinejs/full.json");

fn start(cols: u16, rows: u16, file: &str) -> Tui {
    let t = Tui::start(cols, rows, &["--data", file], &[]);
    t.expect("the first frame", |s| {
        ensure!(position(s).starts_with("1/"), "no position yet: {:?}", status_line(s));
        Ok(())
    });
    t
}

fn quit(mut t: Tui) {
    t.send("q");
    let status = t.exit();
    assert!(status.success(), "timeline exited with {status:?}");
    t.assert_restored();
}

/// Enter and `o` on imported events, which cite no quoted source, open the event's own text
/// (TimelineJS `text`, media) instead of crashing; an event with nothing to read says so.
#[test]
fn enter_on_a_sourceless_event_reads_its_own_text() {
    let mut t = start(80, 24, FULL);
    t.send("\tz");
    t.expect("no promise of sources", |s| {
        ensure!(has(s, "Sources (0)").is_err(), "the detail pane lists no sources");
        has(s, "Enter reads the event's text")
    });
    t.send("z\tj\r");
    t.expect_text("The event's own text");
    t.expect_text("Cast in the Red River delta.");
    t.expect_text("Media: https://example.org/drum.jpg");
    t.expect_text("Caption: A drum");
    // n, Tab and J in the reader of an event without quotes.
    t.send("n");
    t.expect_text("this event has no quotes");
    t.send("\t");
    t.expect_text("this event has no sources");
    t.send("J");
    t.expect_text("Ba Đình Square.");
    t.send("q");
    t.expect_position("3/4");
    // The last event has only a title and dates: nothing to read, and the program says so.
    t.send("Go");
    t.expect_text("nothing to read");
    t.expect_position("4/4");
    quit(t);
}
