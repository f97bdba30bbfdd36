//! Terminal input bytes into key, mouse and paste events, with a bound on every pending sequence
//! (and, in `stdout`, whether the program started with no standard output).
//!
//! crossterm's own reader waits without limit for the end of a bracketed paste once it has seen
//! `ESC[200~`, so one stray paste start froze all input for good (and crossterm's default
//! features, which ratatui turns on, cannot turn that off). Here a paste (`ESC[200~` … `ESC[201~`)
//! is one `Event::Paste`, never keys; a paste whose end does not come is closed as it is once no
//! more bytes follow (`Decoder::flush`), and only its first `MAX_PASTE` bytes are kept. An
//! unfinished escape sequence is given up after `MAX_SEQUENCE` bytes, and a lone `Esc` is the
//! Esc key once no more bytes follow it. The byte meanings follow crossterm's parser, so keys map
//! to the same `KeyEvent`s as before.

pub mod stdout;

use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

/// The longest escape sequence kept while waiting for its end.
const MAX_SEQUENCE: usize = 64;

/// The most bytes of one paste that are kept; the rest is read and dropped.
pub const MAX_PASTE: usize = 16 << 10;

/// How long an `Esc` waits for the rest of an escape sequence before it is the Esc key.
pub const ESC_WAIT: Duration = Duration::from_millis(30);

/// How long a paste waits for more bytes before it ends without its end mark. Longer than
/// `ESC_WAIT`: a paste over a slow link comes in pieces, and what follows a piece must not be
/// read as keys.
pub const PASTE_WAIT: Duration = Duration::from_millis(500);

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// Turns bytes into events; keeps an unfinished escape sequence until more bytes come.
#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
    /// Inside a bracketed paste: the pasted bytes so far (at most `MAX_PASTE`).
    paste: Option<Vec<u8>>,
}

/// What the bytes at the front of the buffer are.
enum Parsed {
    Event(Event, usize),
    /// A sequence that means nothing here: skip its bytes.
    Skip(usize),
    /// The start of a sequence whose end has not arrived.
    Incomplete,
}

impl Decoder {
    /// Adds bytes read from the terminal; returns the events they complete.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        self.pending.extend_from_slice(bytes);
        let mut events = Vec::new();
        let mut at = 0;
        while at < self.pending.len() {
            if self.paste.is_some() {
                match self.take_paste(at) {
                    Some((ev, end)) => {
                        events.push(ev);
                        at = end;
                        continue;
                    }
                    None => return events,
                }
            }
            if self.pending[at..].starts_with(PASTE_START) {
                self.paste = Some(Vec::new());
                at += PASTE_START.len();
                continue;
            }
            match parse(&self.pending[at..]) {
                Parsed::Event(ev, n) => {
                    events.push(ev);
                    at += n;
                }
                Parsed::Skip(n) => at += n,
                // Too long to be anything a terminal sends: drop it rather than wait on.
                Parsed::Incomplete if self.pending.len() - at > MAX_SEQUENCE => at = self.pending.len(),
                Parsed::Incomplete => break,
            }
        }
        self.pending.drain(..at);
        events
    }

    /// Inside a paste, from `pending[at..]`: the paste event and where the bytes after its end
    /// start, or `None` (all pending bytes used) while its end has not come. The last few bytes,
    /// which may be the start of the end mark, stay pending.
    fn take_paste(&mut self, at: usize) -> Option<(Event, usize)> {
        let rest = &self.pending[at..];
        let end = memchr::memmem::find(rest, PASTE_END);
        let (body, keep) = match end {
            Some(i) => (&rest[..i], i + PASTE_END.len()),
            None => {
                let n = rest.len().saturating_sub(PASTE_END.len() - 1);
                (&rest[..n], n)
            }
        };
        let paste = self.paste.get_or_insert_with(Vec::new);
        let room = MAX_PASTE.saturating_sub(paste.len());
        paste.extend_from_slice(&body[..body.len().min(room)]);
        if end.is_none() {
            self.pending.drain(..at + keep);
            return None;
        }
        Some((self.end_paste(), at + keep))
    }

    /// The paste so far as one event; input is keys again after it.
    fn end_paste(&mut self) -> Event {
        let bytes = self.paste.take().unwrap_or_default();
        Event::Paste(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Whether an unfinished sequence or paste waits for more bytes.
    pub fn is_pending(&self) -> bool {
        !self.pending.is_empty() || self.paste.is_some()
    }

    /// How long to wait for more bytes before `flush`: none while nothing is pending.
    pub fn wait(&self) -> Option<Duration> {
        if self.paste.is_some() { Some(PASTE_WAIT) } else { self.is_pending().then_some(ESC_WAIT) }
    }

    /// No more bytes came: an unfinished sequence is complete as it is. A paste whose end never
    /// came ends here. A lone `ESC` is the Esc key; after an `ESC` that starts nothing known,
    /// the rest is read as keys again.
    pub fn flush(&mut self) -> Vec<Event> {
        if self.paste.is_some() {
            let rest = std::mem::take(&mut self.pending);
            let paste = self.paste.get_or_insert_with(Vec::new);
            let room = MAX_PASTE.saturating_sub(paste.len());
            paste.extend_from_slice(&rest[..rest.len().min(room)]);
            return vec![self.end_paste()];
        }
        if self.pending.first() != Some(&0x1b) {
            // Half a UTF-8 character: nothing.
            self.pending.clear();
            return Vec::new();
        }
        let rest = self.pending.split_off(1);
        self.pending.clear();
        let mut events = vec![key(KeyCode::Esc, KeyModifiers::NONE)];
        events.extend(self.feed(&rest));
        // What is left cannot start a sequence any more: drop it.
        self.pending.clear();
        events
    }
}

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

fn ctrl(c: u8) -> Event {
    key(KeyCode::Char(c as char), KeyModifiers::CONTROL)
}

fn parse(buf: &[u8]) -> Parsed {
    match buf[0] {
        0x1b => parse_escape(buf),
        b'\r' => Parsed::Event(key(KeyCode::Enter, KeyModifiers::NONE), 1),
        b'\t' => Parsed::Event(key(KeyCode::Tab, KeyModifiers::NONE), 1),
        0x7f => Parsed::Event(key(KeyCode::Backspace, KeyModifiers::NONE), 1),
        0 => Parsed::Event(ctrl(b' '), 1),
        c @ 0x01..=0x1a => Parsed::Event(ctrl(c - 0x01 + b'a'), 1),
        c @ 0x1c..=0x1f => Parsed::Event(ctrl(c - 0x1c + b'4'), 1),
        _ => parse_char(buf),
    }
}

/// One UTF-8 character; an invalid byte is skipped.
fn parse_char(buf: &[u8]) -> Parsed {
    let len = match buf[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return Parsed::Skip(1),
    };
    if buf.len() < len {
        return if std::str::from_utf8(buf).is_err_and(|e| e.error_len().is_some()) {
            Parsed::Skip(1)
        } else {
            Parsed::Incomplete
        };
    }
    match std::str::from_utf8(&buf[..len]).ok().and_then(|s| s.chars().next()) {
        Some(c) => {
            let mods = if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
            Parsed::Event(key(KeyCode::Char(c), mods), len)
        }
        None => Parsed::Skip(1),
    }
}

fn parse_escape(buf: &[u8]) -> Parsed {
    match buf.get(1) {
        None => Parsed::Incomplete,
        Some(b'[') => parse_csi(buf),
        Some(b'O') => match buf.get(2) {
            None => Parsed::Incomplete,
            Some(&b) => match final_key(b) {
                Some(code) => Parsed::Event(key(code, KeyModifiers::NONE), 3),
                None => Parsed::Skip(3),
            },
        },
        Some(0x1b) => Parsed::Event(key(KeyCode::Esc, KeyModifiers::NONE), 2),
        // Alt and a key: the key's event with ALT added.
        Some(_) => match parse(&buf[1..]) {
            Parsed::Event(Event::Key(mut k), n) => {
                k.modifiers |= KeyModifiers::ALT;
                Parsed::Event(Event::Key(k), n + 1)
            }
            Parsed::Event(_, n) | Parsed::Skip(n) => Parsed::Skip(n + 1),
            Parsed::Incomplete => Parsed::Incomplete,
        },
    }
}

/// The key of a CSI or SS3 sequence's final byte (`ESC[A`, `ESC[1;5A`, `ESC OP`).
fn final_key(b: u8) -> Option<KeyCode> {
    Some(match b {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + b - b'P'),
        _ => return None,
    })
}

/// `ESC [ params final`: keys with modifiers, special keys (`ESC[5~`) and mouse reports.
fn parse_csi(buf: &[u8]) -> Parsed {
    if buf.get(2) == Some(&b'M') {
        // X10 mouse: three raw bytes follow.
        return match buf.get(3..6) {
            None => Parsed::Incomplete,
            Some(&[cb, cx, cy]) => {
                mouse(cb.wrapping_sub(32), cx.saturating_sub(33), cy.saturating_sub(33), true)
                    .map_or(Parsed::Skip(6), |ev| Parsed::Event(ev, 6))
            }
            Some(_) => Parsed::Skip(6),
        };
    }
    // Parameter and intermediate bytes, then one final byte; anything else ends it unfinished.
    let Some(end) = buf[2..].iter().position(|b| !(0x20..=0x3f).contains(b)).map(|i| i + 2) else {
        return Parsed::Incomplete;
    };
    if !(0x40..=0x7e).contains(&buf[end]) {
        return Parsed::Skip(2);
    }
    let len = end + 1;
    let params = std::str::from_utf8(&buf[2..end]).unwrap_or("");
    let event = match (buf[end], params.strip_prefix('<')) {
        (b'M' | b'm', Some(sgr)) => sgr_mouse(sgr, buf[end] == b'M'),
        (b'M', None) => {
            let n = numbers(params);
            match n[..] {
                [cb, x, y] => to_u8(cb).and_then(|cb| {
                    mouse(cb.wrapping_sub(32), to_u8(x.saturating_sub(1))?, to_u8(y.saturating_sub(1))?, true)
                }),
                _ => None,
            }
        }
        (b'~', None) => special_key(params),
        (b'Z', None) => Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        (f, None) if !params.starts_with(['?', '>', '=']) => {
            final_key(f).map(|code| key(code, modifiers(numbers(params).get(1).copied())))
        }
        _ => None,
    };
    event.map_or(Parsed::Skip(len), |ev| Parsed::Event(ev, len))
}

fn numbers(params: &str) -> Vec<u32> {
    params.split(';').map(|p| p.split(':').next().unwrap_or("").parse().unwrap_or(0)).collect()
}

fn to_u8(n: u32) -> Option<u8> {
    u8::try_from(n).ok()
}

/// The xterm modifier parameter: 1 + (1 shift, 2 alt, 4 control).
fn modifiers(param: Option<u32>) -> KeyModifiers {
    let bits = param.unwrap_or(1).saturating_sub(1);
    let mut mods = KeyModifiers::NONE;
    for (bit, m) in [(1, KeyModifiers::SHIFT), (2, KeyModifiers::ALT), (4, KeyModifiers::CONTROL)] {
        if bits & bit != 0 {
            mods |= m;
        }
    }
    mods
}

/// `ESC [ n ; m ~`: Home, Insert, Delete, End, PgUp, PgDn, F-keys. A stray paste end (201) is
/// not a key.
fn special_key(params: &str) -> Option<Event> {
    let n = numbers(params);
    let code = match n.first().copied().unwrap_or(0) {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        v @ 11..=15 => KeyCode::F((v - 10) as u8),
        v @ 17..=21 => KeyCode::F((v - 11) as u8),
        v @ 23..=26 => KeyCode::F((v - 12) as u8),
        _ => return None,
    };
    Some(key(code, modifiers(n.get(1).copied())))
}

/// `ESC [ < b ; x ; y M` (press) or `m` (release), 1-based cells.
fn sgr_mouse(params: &str, press: bool) -> Option<Event> {
    let n = numbers(params);
    let [cb, x, y] = n[..] else { return None };
    let (cb, x, y) = (to_u8(cb)?, u16::try_from(x).ok()?, u16::try_from(y).ok()?);
    let Some(Event::Mouse(mut m)) = mouse(cb, 0, 0, press) else { return None };
    (m.column, m.row) = (x.saturating_sub(1), y.saturating_sub(1));
    Some(Event::Mouse(m))
}

/// A mouse report's button byte (xterm's encoding) at a 0-based cell.
fn mouse(cb: u8, col: u8, row: u8, press: bool) -> Option<Event> {
    let button = (cb & 0b11) | ((cb & 0b1100_0000) >> 4);
    let dragging = cb & 0b10_0000 != 0;
    let kind = match (button, dragging, press) {
        (0, false, true) => MouseEventKind::Down(MouseButton::Left),
        (1, false, true) => MouseEventKind::Down(MouseButton::Middle),
        (2, false, true) => MouseEventKind::Down(MouseButton::Right),
        (0, false, false) => MouseEventKind::Up(MouseButton::Left),
        (1, false, false) => MouseEventKind::Up(MouseButton::Middle),
        (2, false, false) => MouseEventKind::Up(MouseButton::Right),
        (0, true, _) => MouseEventKind::Drag(MouseButton::Left),
        (1, true, _) => MouseEventKind::Drag(MouseButton::Middle),
        (2, true, _) => MouseEventKind::Drag(MouseButton::Right),
        (3, false, _) => MouseEventKind::Up(MouseButton::Left),
        (3..=5, true, _) => MouseEventKind::Moved,
        (4, false, _) => MouseEventKind::ScrollUp,
        (5, false, _) => MouseEventKind::ScrollDown,
        (6, false, _) => MouseEventKind::ScrollLeft,
        (7, false, _) => MouseEventKind::ScrollRight,
        _ => return None,
    };
    let mut modifiers = KeyModifiers::NONE;
    for (bit, m) in [(4, KeyModifiers::SHIFT), (8, KeyModifiers::ALT), (16, KeyModifiers::CONTROL)] {
        if cb & bit != 0 {
            modifiers |= m;
        }
    }
    Some(Event::Mouse(MouseEvent { kind, column: u16::from(col), row: u16::from(row), modifiers }))
}

#[cfg(test)]
mod tests;
