//! The browser in a real pseudo-terminal: the `timeline` binary runs in a pty of a fixed size, its
//! output goes through a terminal emulator (vt100), and the tests type keys and read the screen,
//! its colours and attributes, and the terminal modes the program leaves behind (alternate screen,
//! mouse capture, cursor, raw mode) after quitting, a panic and a signal.
//!
//! Nothing here waits a fixed time. A frame can arrive in several reads, so every check of the
//! screen is retried as output comes in until it holds, for up to `TIMEOUT`; a failure prints the
//! reason and the whole screen.

use crate::pty_harness;

use pty_harness::*;
use std::process::Command;
use vt100::{Cell, Color, MouseProtocolMode, Screen};

const ALL: usize = 35;
const FIRST: &str = "Vietnam and China establish diplomatic relations";
const HO_CHI_MINH: &str = "President Hồ Chí Minh visits Azerbaijan";
const CASTRO: &str = "Fidel Castro says Cuba is ready to give its blood for Vietnam";
const LAST: &str = "Đà Nẵng marks 76 years of Vietnam–China diplomatic relations";
/// The source of the first event's quote.
const FILE_001: &str = "001_58846d6f33e41595.txt";

fn cell(s: &Screen, row: u16, col: u16) -> Result<&Cell, String> {
    s.cell(row, col).ok_or_else(|| format!("no cell at {row},{col}"))
}

/// Every place where `text` starts on one row of the screen, as (row, col) of its first cell.
fn find_all(s: &Screen, text: &str) -> Vec<(u16, u16)> {
    let (rows, cols) = s.size();
    let mut found = Vec::new();
    for row in 0..rows.get() {
        // The row's text, with the byte offset where each cell starts.
        let mut line = String::new();
        let mut starts = Vec::new();
        for col in 0..cols.get() {
            let Some(c) = s.cell(row, col) else { continue };
            if c.is_wide_continuation() {
                continue;
            }
            starts.push((line.len(), col));
            line.push_str(if c.has_contents() { c.contents() } else { " " });
        }
        for (at, _) in line.match_indices(text) {
            if let Some(&(_, col)) = starts.iter().find(|&&(b, _)| b == at) {
                found.push((row, col));
            }
        }
    }
    found
}

/// Where `text` first starts on the screen.
fn locate(s: &Screen, text: &str) -> Result<(u16, u16), String> {
    find_all(s, text).first().copied().ok_or_else(|| format!("{text:?} is not on the screen"))
}

/// The borders of a pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pane {
    top: u16,
    bottom: u16,
    left: u16,
    right: u16,
}

impl Pane {
    fn contains(&self, (row, col): (u16, u16)) -> bool {
        row > self.top && row < self.bottom && col > self.left && col < self.right
    }
}

/// The bordered pane whose top border holds `title`.
fn pane(s: &Screen, title: &str) -> Result<Pane, String> {
    let (top, at) = locate(s, title).map_err(|_| format!("no pane titled {title:?}"))?;
    let is = |row, col, ch: &str| s.cell(row, col).is_some_and(|c| c.contents() == ch);
    let (rows, cols) = s.size();
    let left = (0..at).rev().find(|&c| is(top, c, "┌"));
    let right = (at..cols.get()).find(|&c| is(top, c, "┐"));
    let bottom = left.and_then(|l| (top + 1..rows.get()).find(|&r| is(r, l, "└")));
    match (left, right, bottom) {
        (Some(left), Some(right), Some(bottom)) => Ok(Pane { top, bottom, left, right }),
        _ => Err(format!("the pane titled {title:?} has no complete border")),
    }
}

/// The text inside a pane, one string per row, trailing blanks removed.
fn pane_rows(s: &Screen, p: Pane) -> Vec<String> {
    let all: Vec<String> = s.rows(p.left + 1, p.right - p.left - 1).collect();
    all[p.top as usize + 1..p.bottom as usize].iter().map(|r| r.trim_end().to_string()).collect()
}

/// The text inside a pane as one paragraph: rows trimmed and joined by spaces, so wrapped text
/// reads whole.
fn pane_text(s: &Screen, p: Pane) -> String {
    pane_rows(s, p).iter().map(|r| r.trim()).filter(|r| !r.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Checks the event in the detail pane: its title, and its `Date` line.
fn detail_shows(s: &Screen, title: &str, date: &str) -> Check {
    let p = pane(s, "Detail")?;
    let text = pane_text(s, p);
    ensure!(text.starts_with(title), "the detail pane does not start with {title:?}: {text:?}");
    let date_line = pane_rows(s, p).into_iter().find(|r| r.starts_with("Date ")).unwrap_or_default();
    ensure!(date_line.contains(date), "the detail pane's date {date_line:?} is not {date:?}");
    Ok(())
}

/// How a cell is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Look {
    fg: Color,
    bg: Color,
    bold: bool,
    underline: bool,
    inverse: bool,
}

fn look(c: &Cell) -> Look {
    Look { fg: c.fgcolor(), bg: c.bgcolor(), bold: c.bold(), underline: c.underline(), inverse: c.inverse() }
}

/// The current quote's highlight: a background colour, or reverse video without colours.
fn quote_highlighted(c: &Cell) -> bool {
    c.bgcolor() != Color::Default || c.inverse()
}

/// Checks that the cell at `at` holds `ch` and is (or is not) drawn as the current quote.
fn quote_cell(s: &Screen, at: (u16, u16), ch: &str, highlighted: bool) -> Check {
    let c = cell(s, at.0, at.1)?;
    ensure!(c.contents() == ch, "expected {ch:?} at {at:?}, found {:?}", c.contents());
    ensure!(
        quote_highlighted(c) == highlighted,
        "{ch:?} at {at:?} should{} be highlighted as the quote: {:?}",
        if highlighted { "" } else { " not" },
        look(c)
    );
    Ok(())
}

/// Starts the browser at a size and waits for its first frame.
/// The frozen copy of the data set: curating `assets/` does not move these tests.
const FROZEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/frozen/timeline.json");

/// The browser on the frozen data set, with more arguments and environment.
fn start_on_frozen(cols: u16, rows: u16, args: &[&str], env: &[(&str, &str)]) -> Tui {
    let mut all = vec!["--data", FROZEN];
    all.extend(args);
    Tui::start(cols, rows, &all, env)
}

fn start(cols: u16, rows: u16) -> Tui {
    let t = start_on_frozen(cols, rows, &[], &[]);
    t.expect_position(&format!("1/{ALL}"));
    t
}

/// Quits with `q` and checks the exit status and that the terminal is restored.
fn quit(mut t: Tui) {
    t.send("q");
    let status = t.exit();
    assert_eq!(status.exit_code(), 0, "exit status after q: {status}");
    assert!(status.signal().is_none(), "{status}");
    t.assert_restored();
}

#[test]
fn start_up_shows_the_first_event_on_the_alternate_screen_with_the_mouse_captured() {
    let t = start(100, 30);
    t.expect("the first event selected", |s| {
        at_position(s, "1/35")?;
        detail_shows(s, FIRST, "18 Jan 1950")?;
        let list = pane_rows(s, pane(s, "Timeline 35/35")?);
        let selected: Vec<_> = list.iter().filter(|r| r.starts_with('▶')).collect();
        ensure!(selected.len() == 1, "not one selected row: {selected:?}");
        ensure!(selected[0].starts_with("▶ 18 Jan 1950"), "the selected row: {:?}", selected[0]);
        Ok(())
    });
    t.screen(|s| {
        assert!(s.alternate_screen(), "not on the alternate screen");
        assert_ne!(s.mouse_protocol_mode(), MouseProtocolMode::None, "mouse capture is off");
    });
    let raw = t.raw();
    assert!(find(&raw, MOUSE_ON).is_some(), "no xterm mouse enable sequence in the output");
    assert!(find(&raw, ALT_ON).is_some(), "no alternate-screen sequence in the output");
    let running = t.modes();
    assert!(!running.canonical, "the browser does not run in raw mode: {running:?}");
    assert_ne!(running, t.initial);
    quit(t);
}

#[test]
fn j_g_and_year_jumps_move_the_selection() {
    let mut t = start(100, 30);
    t.send("jj");
    t.expect("the third event", |s| {
        at_position(s, "3/35")?;
        detail_shows(s, CASTRO, "1966")
    });
    t.send("G");
    t.expect("the last event", |s| {
        at_position(s, "35/35")?;
        detail_shows(s, LAST, "6 Feb 2026")
    });
    t.send("]");
    t.expect("no later year", |s| {
        has(s, "no later year")?;
        at_position(s, "35/35")
    });
    // From the last event (2026) `[` goes to the first event of 2026, then of 2025.
    t.send("[");
    t.expect("the first event of 2026", |s| at_position(s, "18/35"));
    t.send("[");
    t.expect("the first event of 2025", |s| {
        at_position(s, "14/35")?;
        detail_shows(s, "Vietnam and Laos add “strategic cohesion”", "2025")
    });
    t.send("g");
    t.expect_position("1/35");
    // 1950 → 1959 → 1966 → 1967, and back to 1966.
    for (key, pos, date, title) in [
        ("]", "2/35", "1959", HO_CHI_MINH),
        ("]", "3/35", "1966", CASTRO),
        ("]", "4/35", "24 Jun 1967", "Vietnam and Cambodia establish diplomatic relations"),
        ("[", "3/35", "1966", CASTRO),
    ] {
        t.send(key);
        t.expect(&format!("{key} to {date}"), |s| {
            at_position(s, pos)?;
            detail_shows(s, title, date)
        });
    }
    quit(t);
}

#[test]
fn the_reader_shows_the_source_with_the_quote_highlighted() {
    let mut t = start(100, 30);
    t.send(ENTER);
    t.expect("the reader on the first event's quote", |s| {
        let rows = pane_rows(s, pane(s, "Source")?);
        ensure!(
            rows[0].starts_with("Unnamed friendship-news site (section “Hữu nghị”)")
                && rows[0].contains("13 May 2022")
                && rows[0].contains(FILE_001),
            "the reader's header: {:?}",
            rows[0]
        );
        ensure!(rows[2].starts_with("quote 1/1") && rows[2].contains(FIRST), "{:?}", rows[2]);
        // The quote, "76 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Trung Quốc (18/1/1950 –
        // 18/1/2026)", is inside a sentence that starts "Tối 6/2" and goes on ", đồng thời".
        let start = locate(s, "76 năm Ngày thiết")?;
        quote_cell(s, start, "7", true)?;
        let sentence = locate(s, "Tối 6/2")?;
        quote_cell(s, sentence, "T", false)?;
        ensure!(
            look(cell(s, start.0, start.1)?) != look(cell(s, sentence.0, sentence.1)?),
            "the quote looks like the text around it"
        );
        // It goes on over the next line, highlighted to its last character and no further.
        let end = locate(s, "18/1/2026), đồng thời")?;
        ensure!(end.0 > start.0, "the quote does not wrap");
        quote_cell(s, end, "1", true)?;
        quote_cell(s, (end.0, end.1 + 9), ")", true)?;
        quote_cell(s, (end.0, end.1 + 12), "đ", false)
    });
    t.send(ESC);
    t.expect("the timeline again", |s| {
        at_position(s, "1/35")?;
        detail_shows(s, FIRST, "18 Jan 1950")
    });
    quit(t);
}

#[test]
fn n_moves_between_the_quotes_of_an_event_and_esc_goes_back_to_the_same_event() {
    // 120 columns: at 100 the third source's long outlet pushes its file name off the header.
    let mut t = start(120, 30);
    t.send("j");
    t.expect_position("2/35");
    t.send(ENTER);
    // ho-chi-minh-visits-baku-1959 has three quotes, each from another source.
    let quotes = [
        ("000_7f01cb9a56f4bbbb.txt", "VTC News", "thăm Azerbaijan của Chủ tịch Hồ Chí Minh năm 1959"),
        (FILE_001, "Unnamed friendship-news site", "năm 1959 tới Baku"),
        ("004_f628f0eab526a9a1.txt", "President of the Republic of Azerbaijan", "friendly ties between"),
    ];
    for (i, (file, outlet, quote)) in quotes.iter().enumerate() {
        if i > 0 {
            t.send("n");
        }
        let n = format!("quote {}/3", i + 1);
        t.expect(&format!("{n}, from {file}"), |s| {
            let rows = pane_rows(s, pane(s, "Source")?);
            ensure!(rows[0].starts_with(outlet) && rows[0].contains(file), "the header: {:?}", rows[0]);
            // Under the headline, which takes as many rows as it needs.
            let quote_row = rows.iter().skip(2).find(|r| r.starts_with(&n));
            ensure!(quote_row.is_some_and(|r| r.contains(HO_CHI_MINH)), "{:?}", &rows[..rows.len().min(6)]);
            let at = locate(s, quote)?;
            quote_cell(s, at, &quote[..quote.chars().next().unwrap().len_utf8()], true)
        });
    }
    t.send("N");
    t.expect("N back to quote 2/3", |s| has(s, "quote 2/3"));
    t.send(ESC);
    t.expect("the timeline on the same event", |s| {
        at_position(s, "2/35")?;
        detail_shows(s, HO_CHI_MINH, "1959")?;
        let list = pane_rows(s, pane(s, "Timeline")?);
        let selected: Vec<_> = list.iter().filter(|r| r.starts_with('▶')).collect();
        ensure!(selected.len() == 1 && selected[0].starts_with("▶ 1959"), "the selected rows: {selected:?}");
        Ok(())
    });
    quit(t);
}

#[test]
fn without_colours_the_quote_is_in_reverse_video() {
    let mut t = start_on_frozen(100, 30, &[], &[("NO_COLOR", "1")]);
    t.expect_position("1/35");
    t.send(ENTER);
    t.expect("the quote in reverse video", |s| {
        has(s, FILE_001)?;
        let (row, col) = locate(s, "76 năm Ngày thiết")?;
        let (r, c) = locate(s, "Tối 6/2")?;
        let (quoted, plain) = (cell(s, row, col)?, cell(s, r, c)?);
        ensure!(quoted.inverse() && quoted.bgcolor() == Color::Default, "the quote: {:?}", look(quoted));
        ensure!(!plain.inverse(), "the text around it: {:?}", look(plain));
        Ok(())
    });
    // q in the reader goes back, as in less; q then quits.
    t.send("q");
    t.expect("back to the timeline", |s| pane(s, "Timeline").map(|_| ()));
    quit(t);
}

#[test]
fn search_narrows_the_list_and_highlights_the_matched_letters() {
    // The same search on the command line.
    let listed = Command::new(env!("CARGO_BIN_EXE_timeline"))
        .args(["list", "--data", FROZEN, "--search", "dai hoi"])
        .output()
        .expect("run timeline list");
    assert!(listed.status.success());
    let hits = String::from_utf8_lossy(&listed.stdout).lines().count();
    assert!(hits > 0 && hits < ALL, "`list --search` found {hits}");

    let mut t = start(100, 30);
    t.send("/");
    t.expect("the search line", |s| {
        ensure!(status_line(s).starts_with('/'), "status: {:?}", status_line(s));
        Ok(())
    });
    t.send("dai hoi");
    t.expect_text("/dai hoi");
    t.send(ENTER);
    t.expect("the search applied", |s| {
        let status = status_line(s);
        ensure!(status.contains("/dai hoi (by relevance)"), "status: {status:?}");
        at_position(s, &format!("1/{hits}"))?;
        pane(s, &format!("Timeline {hits}/{ALL}"))?;
        let detail = pane(s, "Detail")?;
        let at = find_all(s, "Đại hội")
            .into_iter()
            .find(|&at| detail.contains(at))
            .ok_or("no “Đại hội” in the detail pane")?;
        // Both words are drawn as a match (bold and underlined); the space between them and
        // the word before are not.
        for (i, ch) in "Đại hội".chars().enumerate() {
            let c = cell(s, at.0, at.1 + i as u16)?;
            ensure!(c.contents() == ch.to_string(), "{ch:?} expected, found {:?}", c.contents());
            let matched = c.bold() && c.underline();
            ensure!(matched == (ch != ' '), "{ch:?} drawn as {:?}", look(c));
        }
        let before = cell(s, at.0, at.1 - 2)?;
        ensure!(before.contents().chars().all(char::is_alphabetic), "{:?}", before.contents());
        ensure!(!before.underline(), "the word before the match is drawn as {:?}", look(before));
        ensure!(look(before) != look(cell(s, at.0, at.1)?), "the match looks like the text before it");
        Ok(())
    });
    quit(t);
}

#[test]
fn the_country_picker_filters_to_laos() {
    let mut t = start(100, 30);
    t.send("c");
    t.expect("the country picker", |s| {
        pane(s, "Countries")?;
        has(s, "Laos")
    });
    t.send("lao");
    t.expect_text("filter: lao");
    t.send(ENTER);
    t.expect("only Laos events", |s| {
        ensure!(status_line(s).contains("countries LA"), "status: {:?}", status_line(s));
        at_position(s, "1/6")?;
        let list = pane_rows(s, pane(s, "Timeline 6/35")?);
        let events: Vec<&String> =
            list.iter().filter(|r| !r.trim().is_empty() && !r.trim_start().starts_with("──")).collect();
        ensure!(events.len() == 6, "not six event rows: {events:#?}");
        for row in events {
            let code = row
                .split_whitespace()
                .find(|w| w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase()))
                .unwrap_or_default();
            ensure!(code == "LA", "not a Laos event: {row:?}");
        }
        ensure!(pane_text(s, pane(s, "Detail")?).contains("LA Laos · Lào"), "the detail is not of Laos");
        Ok(())
    });
    quit(t);
}

#[test]
fn a_field_query_becomes_a_filter_and_a_wrong_one_says_why() {
    let listed = Command::new(env!("CARGO_BIN_EXE_timeline"))
        .args(["list", "--country", "LA", "--kind", "visit"])
        .output()
        .expect("run timeline list");
    let hits = String::from_utf8_lossy(&listed.stdout).lines().count();
    assert!(hits > 0);
    let mut t = start(100, 30);
    t.send("/countr:LA");
    t.expect("the mistake in the status line, the typed line still visible", |s| {
        let status = status_line(s);
        ensure!(status.starts_with("/countr:LA"), "status: {status:?}");
        ensure!(status.contains("did you mean country:?"), "status: {status:?}");
        Ok(())
    });
    t.send("\x15"); // Ctrl-u clears the line
    t.send("country:LA kind:visit");
    t.send(ENTER);
    t.expect("the field query shown as filters", |s| {
        let status = status_line(s);
        ensure!(status.contains("countries LA") && status.contains("kinds visit"), "status: {status:?}");
        ensure!(!status.contains("country:"), "status: {status:?}");
        pane(s, &format!("Timeline {hits}/{ALL}"))?;
        Ok(())
    });
    t.send("c");
    t.expect("Laos ticked in the picker", |s| {
        let p = pane(s, "Countries")?;
        ensure!(pane_text(s, p).contains("[x] Laos"), "{}", pane_text(s, p));
        Ok(())
    });
    t.send(ESC);
    t.expect("the picker closed", |s| {
        ensure!(pane(s, "Countries").is_err(), "the picker is still open");
        Ok(())
    });
    quit(t);
}

#[test]
fn picker_counts_that_need_a_search_arrive_from_the_worker() {
    // With Laos picked, the country picker's counts need a search of "visit" alone: it runs on
    // the counting worker, and its answer replaces the `…`.
    let data = support_frozen();
    let az = data.find_country("AZ").expect("Azerbaijan");
    let visit = timeline::search::Filter { query: "visit".into(), ..Default::default() };
    let hits = timeline::search::Engine::new(&data).run(&data, &visit);
    let expected = hits.iter().filter(|h| data.events[h.event].countries.contains(&az)).count();
    let mut t = start_on_frozen(100, 30, &["--search", "visit", "--country", "LA"], &[]);
    t.expect_text("countries LA");
    t.send("c");
    t.expect("Azerbaijan's count", |s| {
        let row = rows(s).into_iter().find(|r| r.contains("Azerbaijan ")).ok_or("no Azerbaijan row")?;
        // The count ends the picker's row, before its right border.
        let after = row.split("Azerbaijan · AZ").nth(1).unwrap_or_default();
        let count = after.split('│').next().unwrap_or_default().trim();
        ensure!(count == expected.to_string(), "Azerbaijan's count is {count:?}, not {expected}: {row:?}");
        Ok(())
    });
    t.send(ESC);
    t.expect("the picker closed", |s| {
        ensure!(!rows(s).iter().any(|r| r.contains("Countries —")), "the picker is still open");
        Ok(())
    });
    quit(t);
}

/// The frozen data set, loaded here to compute what the browser should show.
fn support_frozen() -> timeline::model::Timeline {
    let input =
        timeline::load::DataInput::from_file(std::path::Path::new(FROZEN), None).expect("frozen data");
    timeline::load::load(&input).expect("frozen data loads")
}

#[test]
fn q_quits_and_restores_the_terminal() {
    let mut t = start(100, 30);
    assert!(t.screen(|s| s.alternate_screen()));
    t.send("q");
    let status = t.exit();
    assert_eq!(status.exit_code(), 0, "{status}");
    assert!(status.success());
    t.assert_restored();
    // After the last frame: mouse capture off and the main screen back.
    let raw = t.raw();
    let last_frame = rfind(&raw, b"1/35").expect("the status line in the output");
    let rest = &raw[last_frame..];
    assert!(find(rest, MOUSE_OFF).is_some(), "no mouse disable sequence after the last frame");
    assert!(find(rest, ALT_OFF).is_some(), "no alternate-screen leave sequence after the last frame");
}

/// Runs a browser that panics after its first frame, and checks the panic and the terminal.
fn forced_panic(args: &[&str], env: &[(&str, &str)]) {
    let mut t = start_on_frozen(100, 30, args, env);
    let status = t.exit();
    assert_eq!(status.exit_code(), 101, "{status}");
    assert!(status.signal().is_none(), "{status}");
    let raw = t.raw();
    let text = String::from_utf8_lossy(&raw);
    let msg =
        find(&raw, b"forced panic").unwrap_or_else(|| panic!("no panic message in the output:\n{text}"));
    assert!(find(&raw[..msg], b"1/35").is_some(), "no frame before the panic");
    t.assert_restored();
    // The terminal was restored before the message was printed ...
    for (what, seq) in [("mouse capture off", MOUSE_OFF), ("leave the alternate screen", ALT_OFF)] {
        let at = find(&raw, seq).unwrap_or_else(|| panic!("no sequence to {what}"));
        assert!(at < msg, "{what} came after the panic message");
    }
    // ... raw mode included: each line of the message starts at the left edge (in raw mode a
    // newline does not return the cursor, and the lines would step to the right).
    t.screen(|s| {
        let rows = rows(s);
        let line = |needle: &str| {
            rows.iter()
                .find(|r| r.contains(needle))
                .unwrap_or_else(|| panic!("{needle:?} is not on the main screen:\n{}", dump(s)))
        };
        assert!(line("panicked at").starts_with("thread 'main'"), "{}", dump(s));
        assert!(line("forced panic").starts_with("forced panic"), "{}", dump(s));
    });
}

#[test]
fn a_forced_panic_restores_the_terminal() {
    forced_panic(&["--test-panic"], &[]);
}

#[test]
fn a_forced_panic_through_the_environment_restores_the_terminal() {
    forced_panic(&[], &[("TIMELINE_TEST_PANIC", "1")]);
}

/// Sends a signal with `kill` and checks that the browser exits with 128 + its number, restored.
fn stopped_by(signal: &str, code: u32) {
    let mut t = start(100, 30);
    let pid = t.pid().to_string();
    let kill = Command::new("kill").args([&format!("-{signal}"), &pid]).status().expect("run kill");
    assert!(kill.success(), "kill -{signal} {pid}");
    let status = t.exit();
    assert_eq!(status.exit_code(), code, "{status}");
    assert!(status.signal().is_none(), "killed by the signal instead of handling it: {status}");
    t.assert_restored();
}

#[test]
fn sigterm_exits_143_and_restores_the_terminal() {
    stopped_by("TERM", 143);
}

#[test]
fn sighup_exits_129_and_restores_the_terminal() {
    stopped_by("HUP", 129);
}

#[test]
fn resizing_switches_between_side_by_side_and_stacked_panes() {
    let mut t = start(100, 30);
    let side_by_side = |s: &Screen| -> Check {
        let (list, detail) = (pane(s, "Timeline")?, pane(s, "Detail")?);
        ensure!(detail.top == list.top, "the panes do not start on the same row");
        // The list gets three fifths: its titles need the room.
        ensure!((list.left, list.right, detail.left, detail.right) == (0, 59, 60, 99), "{list:?} {detail:?}");
        at_position(s, "1/35")
    };
    t.expect("side-by-side panes at 100×30", side_by_side);
    // Let the browser read a key first: it only starts listening for resizes when it first
    // waits for input, after its first frame, and a resize before that goes unnoticed.
    t.send("j");
    t.expect_position("2/35");
    t.send("k");
    t.expect_position("1/35");
    t.resize(80, 24);
    t.expect("stacked panes at 80×24", |s| {
        ensure!(rows(s).len() == 24, "the emulator is not 24 rows high");
        let (list, detail) = (pane(s, "Timeline")?, pane(s, "Detail")?);
        ensure!(detail.top == list.bottom + 1, "the detail pane is not right below the list");
        ensure!((list.left, list.right, detail.left, detail.right) == (0, 79, 0, 79), "{list:?} {detail:?}");
        at_position(s, "1/35")?;
        // The wider list shows the whole title now.
        let rows = pane_rows(s, list);
        ensure!(rows.iter().any(|r| r.starts_with("▶ 18 Jan 1950") && r.contains(FIRST)), "{rows:#?}");
        Ok(())
    });
    t.resize(100, 30);
    t.expect("side-by-side panes again", side_by_side);
    quit(t);
}

#[test]
fn a_tiny_terminal_says_it_is_too_small_and_still_quits() {
    let t = start_on_frozen(10, 3, &[], &[]);
    t.expect("the too-small message", |s| {
        has(s, "terminal")?;
        has(s, "too small")
    });
    assert!(t.screen(|s| s.alternate_screen()));
    quit(t);
}

#[test]
fn esc_never_quits_it_backs_out_then_clears_filters() {
    let mut t = start(80, 24);
    t.send("clao");
    t.expect_text("Laos");
    t.send(ENTER);
    t.expect("the Laos filter", |s| has(s, "countries LA"));
    t.send(ESC);
    t.expect("the filter cleared, still running", |s| {
        has(s, "cleared the country filter")?;
        ensure!(position(s) == "14/35", "the same event, among all 35 again: {}", status_line(s));
        Ok(())
    });
    let modes = [
        (ENTER, "quote 1/"),
        ("?", "Help —"),
        (":", "1983 goes there"),
        ("f", "Kinds —"),
        ("/", "by relevance"),
    ];
    for (open, what) in modes {
        t.send(open);
        t.expect(&format!("{what} open"), |s| has(s, what));
        // Two Escs: back one level, then nothing left to clear.
        t.send(ESC);
        t.expect(&format!("back from {what}"), |s| {
            ensure!(has(s, what).is_err(), "{what} is still open");
            pane(s, "Timeline").map(|_| ())
        });
        t.send(ESC);
        t.expect(&format!("the hint that q quits after {what}"), |s| has(s, "q quits"));
    }
    assert!(t.child.try_wait().expect("poll").is_none(), "Esc quit the program");
    quit(t);
}

#[test]
fn a_space_can_be_typed_in_the_country_picker() {
    let mut t = start(80, 24);
    t.send("csouth k");
    t.expect("the filter line with a space", |s| {
        has(s, "filter: south k")?;
        has(s, "South Korea")
    });
    t.send(ENTER);
    t.expect("the South Korea filter", |s| has(s, "countries KR"));
    quit(t);
}

#[test]
fn y_copies_the_citation_through_osc_52() {
    let mut t = start(80, 24);
    t.send("y");
    t.expect_text("copied the citation");
    let copied = clipboard(&t.raw());
    let [text] = &copied[..] else { panic!("{} copies", copied.len()) };
    assert!(text.starts_with(&format!("{FIRST} (18 Jan 1950)")), "{text}");
    assert!(text.contains(FILE_001), "{text}");
    quit(t);
}

#[test]
fn no_mouse_leaves_the_mouse_to_the_terminal_and_m_takes_it_back() {
    let t = start_on_frozen(80, 24, &["--no-mouse"], &[]);
    t.expect_position("1/35");
    t.screen(|s| assert_eq!(s.mouse_protocol_mode(), MouseProtocolMode::None, "mouse captured"));
    let mut t = t;
    t.send("m");
    t.expect("mouse capture on", |s| {
        ensure!(s.mouse_protocol_mode() != MouseProtocolMode::None, "no mouse capture");
        has(s, "mouse on")
    });
    quit(t);
}

#[test]
fn a_dumb_terminal_gets_no_colour() {
    let t = start_on_frozen(80, 24, &[], &[("TERM", "dumb")]);
    t.expect("the selected row in reverse video, without colour", |s| {
        let (row, col) = locate(s, "▶ 18 Jan 1950")?;
        let c = cell(s, row, col)?;
        ensure!(c.inverse() && c.bgcolor() == Color::Default, "the selection: {:?}", look(c));
        let colored = rows(s).iter().enumerate().any(|(r, line)| {
            (0..line.chars().count() as u16).any(|x| {
                s.cell(r as u16, x)
                    .is_some_and(|c| c.fgcolor() != Color::Default || c.bgcolor() != Color::Default)
            })
        });
        ensure!(!colored, "a cell has a colour");
        Ok(())
    });
    quit(t);
}
