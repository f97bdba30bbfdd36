//! The decoder against the byte sequences terminals send.

use super::*;

fn keys(bytes: &[u8]) -> Vec<Event> {
    let mut d = Decoder::default();
    let mut events = d.feed(bytes);
    events.extend(d.flush());
    events
}

fn k(code: KeyCode, mods: KeyModifiers) -> Event {
    key(code, mods)
}

const NONE: KeyModifiers = KeyModifiers::NONE;

#[test]
fn plain_keys_and_control_keys() {
    assert_eq!(
        keys("jà\r\t\x7f\x04G".as_bytes()),
        [
            k(KeyCode::Char('j'), NONE),
            k(KeyCode::Char('à'), NONE),
            k(KeyCode::Enter, NONE),
            k(KeyCode::Tab, NONE),
            k(KeyCode::Backspace, NONE),
            k(KeyCode::Char('d'), KeyModifiers::CONTROL),
            k(KeyCode::Char('G'), KeyModifiers::SHIFT),
        ]
    );
    assert_eq!(keys(b"\x1a"), [k(KeyCode::Char('z'), KeyModifiers::CONTROL)]);
}

#[test]
fn escape_sequences_are_keys_with_modifiers() {
    assert_eq!(keys(b"\x1b[A\x1bOB"), [k(KeyCode::Up, NONE), k(KeyCode::Down, NONE)]);
    assert_eq!(keys(b"\x1b[1;5C"), [k(KeyCode::Right, KeyModifiers::CONTROL)]);
    assert_eq!(
        keys(b"\x1b[5~\x1b[6~\x1b[3~"),
        [k(KeyCode::PageUp, NONE), k(KeyCode::PageDown, NONE), k(KeyCode::Delete, NONE)]
    );
    assert_eq!(keys(b"\x1b[H\x1b[4~"), [k(KeyCode::Home, NONE), k(KeyCode::End, NONE)]);
    assert_eq!(keys(b"\x1b[Z"), [k(KeyCode::BackTab, KeyModifiers::SHIFT)]);
    assert_eq!(keys(b"\x1bOP\x1b[15~"), [k(KeyCode::F(1), NONE), k(KeyCode::F(5), NONE)]);
    assert_eq!(keys(b"\x1bb"), [k(KeyCode::Char('b'), KeyModifiers::ALT)]);
}

#[test]
fn a_lone_escape_is_the_esc_key_once_nothing_follows() {
    let mut d = Decoder::default();
    assert_eq!(d.feed(b"\x1b"), []);
    assert!(d.is_pending());
    assert_eq!(d.flush(), [k(KeyCode::Esc, NONE)]);
    assert!(!d.is_pending());
    // A sequence split across reads is joined.
    assert_eq!(d.feed(b"\x1b["), []);
    assert_eq!(d.feed(b"B"), [k(KeyCode::Down, NONE)]);
}

#[test]
fn stray_paste_ends_and_unknown_sequences_are_dropped_not_waited_on() {
    // A paste start whose end never comes: what follows is the paste, never keys.
    assert_eq!(keys(b"\x1b[200~q"), [Event::Paste("q".into())]);
    assert_eq!(keys(b"\x1b[201~\x1b[?1;2cq"), [k(KeyCode::Char('q'), NONE)]);
    // An endless sequence is given up, and the keys after it still come through.
    let mut d = Decoder::default();
    let mut long = b"\x1b[".to_vec();
    long.extend(std::iter::repeat_n(b'1', 100));
    assert_eq!(d.feed(&long), []);
    assert!(!d.is_pending());
    assert_eq!(d.feed(b"q"), [k(KeyCode::Char('q'), NONE)]);
}

#[test]
fn mouse_reports_in_sgr_and_x10() {
    let click = |col, row| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: col,
            row,
            modifiers: NONE,
        })
    };
    assert_eq!(keys(b"\x1b[<0;10;5M"), [click(9, 4)]);
    assert_eq!(keys(&[0x1b, b'[', b'M', 32, 33 + 9, 33 + 4]), [click(9, 4)]);
    let Event::Mouse(m) = &keys(b"\x1b[<65;3;4M")[0] else { panic!("not a mouse event") };
    assert_eq!((m.kind, m.column, m.row), (MouseEventKind::ScrollDown, 2, 3));
    let Event::Mouse(m) = &keys(b"\x1b[<0;1;1m")[0] else { panic!("not a mouse event") };
    assert_eq!(m.kind, MouseEventKind::Up(MouseButton::Left));
}

#[test]
fn invalid_utf8_is_skipped() {
    assert_eq!(keys(b"\xffa\xc3"), [k(KeyCode::Char('a'), NONE)]);
}

#[test]
fn a_paste_is_one_event_and_never_keys() {
    let paste = |s: &str| Event::Paste(s.into());
    assert_eq!(
        keys(b"j\x1b[200~e\x15export! x csv\rq\x1b[201~k"),
        [k(KeyCode::Char('j'), NONE), paste("e\x15export! x csv\rq"), k(KeyCode::Char('k'), NONE)]
    );
    // Split anywhere, even inside the marks.
    let all = b"\x1b[200~ab\x1b[201~q";
    for cut in 1..all.len() {
        let mut d = Decoder::default();
        let mut events = d.feed(&all[..cut]);
        events.extend(d.feed(&all[cut..]));
        assert_eq!(events, [paste("ab"), k(KeyCode::Char('q'), NONE)], "cut at {cut}");
    }
}

#[test]
fn an_unterminated_paste_ends_when_no_more_bytes_come() {
    let mut d = Decoder::default();
    assert_eq!(d.feed(b"\x1b[200~qq"), []);
    assert_eq!(d.wait(), Some(PASTE_WAIT));
    assert_eq!(d.flush(), [Event::Paste("qq".into())]);
    assert_eq!(d.wait(), None);
    assert_eq!(d.feed(b"j"), [k(KeyCode::Char('j'), NONE)]);
}

#[test]
fn a_huge_paste_keeps_a_bounded_prefix() {
    let mut d = Decoder::default();
    let mut events = d.feed(b"\x1b[200~");
    let chunk = vec![b'x'; 4096];
    for _ in 0..100 {
        events.extend(d.feed(&chunk));
    }
    events.extend(d.feed(b"\x1b[201~j"));
    let [Event::Paste(p), j] = &events[..] else { panic!("{} events", events.len()) };
    assert_eq!(p.len(), MAX_PASTE);
    assert_eq!(*j, k(KeyCode::Char('j'), NONE));
    assert!(d.pending.len() < 16, "{}", d.pending.len());
}
