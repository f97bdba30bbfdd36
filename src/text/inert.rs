//! Inert output: text from a data set or an article never reaches a terminal as a control
//! sequence. Every plain-text output path (the sub-commands, error messages, progress on stderr)
//! passes such text through [`line`] or [`text`]; `--json` goes through [`to_json_writer`].
//!
//! The escaped form is unambiguous and maps back with [`unescape`]: a control character (C0, DEL,
//! C1) or a bidi override or isolate (U+202A–U+202E, U+2066–U+2069) is written as `\u{1b}`, and a
//! backslash as `\\`. Text without any of these is borrowed unchanged, so ordinary titles cost
//! nothing.
//!
//! Behind those, every byte a sub-command prints passes through one [`Writer`], which lets no
//! control character but a line end (`\n`, or `\r\n` as CSV and iCalendar end lines) and a tab
//! reach the terminal, whatever a code path forgot.

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

/// Makes a one-line field inert: line breaks and tabs become spaces (so a title cannot forge an
/// extra line of `timeline list`), everything else as [`text`].
pub fn line(s: &str) -> Cow<'_, str> {
    if find(s, |_, c| needs_escape(c) || c == '\u{2028}' || c == '\u{2029}').is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // A Windows line end is one break, not two spaces.
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c => push_escaped(&mut out, c),
        }
    }
    Cow::Owned(out)
}

/// Makes multi-line text inert: keeps `\n`, escapes every other control character, the bidi
/// controls and the backslash.
pub fn text(s: &str) -> Cow<'_, str> {
    if find(s, |_, c| needs_escape(c) && c != '\n').is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c == '\n' { out.push(c) } else { push_escaped(&mut out, c) }
    }
    Cow::Owned(out)
}

/// Makes text for the clipboard inert: as [`text`], but a tab stays a tab. What is pasted from
/// it is text only: no `ESC` can end a bracketed paste early and no `CR` can run a command.
pub fn clipboard(s: &str) -> Cow<'_, str> {
    if find(s, |_, c| needs_escape(c) && !matches!(c, '\n' | '\t')).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(c, '\n' | '\t') { out.push(c) } else { push_escaped(&mut out, c) }
    }
    Cow::Owned(out)
}

/// Makes a file format's text (Markdown, CSV, iCalendar) inert for a terminal without changing
/// what the format means: control characters other than line ends (`\n`, `\r\n`) and tabs, and
/// the bidi controls, are written as `\u{1b}`; a `\r` that ends no line is one of them (it would
/// move the cursor back over what was printed). Backslashes and everything else stay as they are.
pub fn controls(s: &str) -> Cow<'_, str> {
    let bad = |i: usize, c: char| {
        (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            || (c == '\r' && !s[i + 1..].starts_with('\n'))
            || is_bidi_control(c)
    };
    let Some(start) = find(s, bad) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..start]);
    for (i, c) in s[start..].char_indices() {
        if bad(start + i, c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that makes whatever passes through it inert, as [`controls`] does: every byte a
/// sub-command prints goes through one, behind the escaping of each field. Bytes that are not
/// UTF-8 are written as U+FFFD.
///
/// It buffers: what is written is made inert a chunk at a time (a `list` line is a dozen small
/// writes), when [`CHUNK`] bytes have come and at a flush, or when it is dropped.
pub struct Writer<W: io::Write> {
    inner: W,
    /// What has come and is not yet written; its end may be unfinished (part of a character,
    /// or a `\r` whose next byte, a `\n` or not, has not come yet).
    held: Vec<u8>,
}

/// How many bytes a [`Writer`] gathers before it makes them inert and passes them on.
const CHUNK: usize = 32 * 1024;

impl<W: io::Write> Writer<W> {
    pub fn new(inner: W) -> Self {
        Self { inner, held: Vec::new() }
    }

    /// Writes what is held but an unfinished end, which waits for what follows.
    fn pass_on(&mut self) -> io::Result<()> {
        let end = complete(&self.held);
        self.inner.write_all(controls(&String::from_utf8_lossy(&self.held[..end])).as_bytes())?;
        self.held.drain(..end);
        Ok(())
    }

    /// Writes what is held as it is now, with nothing to follow it.
    fn release(&mut self) -> io::Result<()> {
        let held = std::mem::take(&mut self.held);
        self.inner.write_all(controls(&String::from_utf8_lossy(&held)).as_bytes())
    }
}

impl<W: io::Write> io::Write for Writer<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.held.extend_from_slice(buf);
        if self.held.len() >= CHUNK {
            self.pass_on()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.release()?;
        self.inner.flush()
    }
}

impl<W: io::Write> Drop for Writer<W> {
    /// What is held is written, as `BufWriter` does; an error then has nowhere to go.
    fn drop(&mut self) {
        let _ = self.release();
    }
}

/// How much of `bytes` can be written now: all but an unfinished character at the end (an
/// invalid byte is written, as U+FFFD) and a final `\r`, which may start a line end.
fn complete(bytes: &[u8]) -> usize {
    let end = match std::str::from_utf8(bytes) {
        Err(e) if e.error_len().is_none() => e.valid_up_to(),
        _ => bytes.len(),
    };
    if end > 0 && bytes[end - 1] == b'\r' { end - 1 } else { end }
}

/// Makes JSON text inert: DEL, the C1 controls, the bidi controls and the line and paragraph
/// separators (which JSON allows raw inside strings) become `\uXXXX` escapes. The JSON means
/// exactly what it meant: these characters can only stand inside strings.
pub fn json_controls(s: &str) -> Cow<'_, str> {
    let bad = |c: char| matches!(c, '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}') || is_bidi_control(c);
    if find(s, |_, c| bad(c)).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `c` is written escaped: controls (C0, DEL, C1), bidi overrides and isolates, and the
/// backslash that starts every escape.
pub fn needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || c == '\\'
}

/// The bidi embedding, override and isolate controls, which reorder the text around them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Where the first char that `bad` picks is in `s`, as `s.char_indices().find(..)` finds it,
/// for a `bad` that picks only what this module escapes: controls (C0, DEL, C1), the backslash
/// and chars of U+2000–U+2FFF (the bidi controls, the line and paragraph separators). Only the
/// bytes that can start one of those are decoded and tested: ASCII controls, DEL, `\\`, `0xC2`
/// (U+0080–U+00BF) and `0xE2` (U+2000–U+2FFF). Everything else, most of any text, is passed over
/// a byte at a time.
fn find(s: &str, bad: impl Fn(usize, char) -> bool) -> Option<usize> {
    let suspect = |b: u8| b < 0x20 || b == 0x7f || b == b'\\' || b == 0xc2 || b == 0xe2;
    let bytes = s.as_bytes();
    let mut at = 0;
    while let Some(i) = bytes[at..].iter().position(|&b| suspect(b)).map(|i| at + i) {
        // A suspect byte is ASCII or a lead byte: `i` is on a char boundary.
        let c = s[i..].chars().next()?;
        if bad(i, c) {
            return Some(i);
        }
        at = i + c.len_utf8();
    }
    None
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        c if needs_escape(c) => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// The original of [`text`]'s output (and of [`line`]'s, but for the line breaks and tabs it
/// turned into spaces). `None` if `s` is not something they could have written.
pub fn unescape(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix('\\') {
            out.push('\\');
            rest = after;
            continue;
        }
        let body = rest.strip_prefix("u{")?;
        let end = body.find('}')?;
        let c = char::from_u32(u32::from_str_radix(&body[..end], 16).ok()?)?;
        if !needs_escape(c) || c == '\\' {
            return None;
        }
        out.push(c);
        rest = &body[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// Writes `value` as pretty JSON in which every control character (C0, DEL, C1), bidi control
/// and line or paragraph separator is a `\uXXXX` escape. The JSON parses back to the same text.
pub fn to_json_writer<W: io::Write, T: Serialize + ?Sized>(out: W, value: &T) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, InertJson(PrettyFormatter::new()));
    value.serialize(&mut ser)
}

/// serde_json's pretty formatter, escaping what serde_json leaves raw (it escapes only C0, `"`
/// and `\`).
struct InertJson<'a>(PrettyFormatter<'a>);

/// Whether JSON output escapes `c` beyond what serde_json does.
fn json_escapes(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || c == '\u{2028}' || c == '\u{2029}'
}

impl Formatter for InertJson<'_> {
    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| json_escapes(c)) {
            w.write_all(&rest.as_bytes()[..at])?;
            // Every such character is in the Basic Multilingual Plane: one `\uXXXX`.
            write!(w, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        for s in ["Tô Lâm visits Laos", "Đà Nẵng – 76 years", ""] {
            assert!(matches!(line(s), Cow::Borrowed(_)), "{s}");
            assert!(matches!(text(s), Cow::Borrowed(_)), "{s}");
        }
        assert!(matches!(text("two\nlines"), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_are_shown_not_emitted() {
        assert_eq!(line("a\u{1b}]0;pwned\u{7}b"), "a\\u{1b}]0;pwned\\u{7}b");
        assert_eq!(line("x\u{9b}2J\u{7f}"), "x\\u{9b}2J\\u{7f}");
        assert_eq!(line("abc\rXYZ\u{8}"), "abc XYZ\\u{8}");
        assert_eq!(line("one\r\ntwo\nthree\tfour"), "one two three four");
        assert_eq!(text("one\ntwo\r\n\tthree"), "one\ntwo\\u{d}\n\\u{9}three");
        assert_eq!(line("\u{202e}txt.exe\u{2066}"), "\\u{202e}txt.exe\\u{2066}");
        assert_eq!(line(r"C:\path"), r"C:\\path");
    }

    #[test]
    fn controls_keep_line_ends_and_tabs_only() {
        assert_eq!(controls("a,b\r\nc\td\n"), "a,b\r\nc\td\n");
        assert!(matches!(controls("Tô Lâm\r\n"), Cow::Borrowed(_)));
        assert_eq!(controls("Note\u{1b}[201~\rtouch\r"), "Note\\u{1b}[201~\\u{d}touch\\u{d}");
        assert_eq!(controls("Đà\u{9b}\\x\u{202e}"), "Đà\\u{9b}\\x\\u{202e}");
    }

    #[test]
    fn the_writer_is_inert_however_the_bytes_are_split() {
        use std::io::Write as _;
        let all = "Tô\r\nx\u{1b}]0;t\u{7}\rĐ\u{85}\r".as_bytes();
        let want = "Tô\r\nx\\u{1b}]0;t\\u{7}\\u{d}Đ\\u{85}\\u{d}";
        for cut in 0..=all.len() {
            let mut got = Vec::new();
            let mut w = Writer::new(&mut got);
            w.write_all(&all[..cut]).unwrap();
            w.write_all(&all[cut..]).unwrap();
            w.flush().unwrap();
            drop(w);
            assert_eq!(String::from_utf8(got).unwrap(), want, "cut at {cut}");
        }
    }

    /// Past a chunk, split anywhere, and written by a drop without a flush: the same bytes.
    #[test]
    fn the_writer_passes_on_chunks_and_what_is_left_at_a_drop() {
        use std::io::Write as _;
        let unit = "Tô\r\nx\u{1b}]\u{7}\rĐ\u{85}\u{202e}–\\ ";
        let all = unit.repeat(CHUNK / unit.len() * 3);
        let want = controls(&all).into_owned();
        for cut in [0, 1, 2, CHUNK - 1, CHUNK, CHUNK + 1, all.len() / 2, all.len() - 1] {
            let mut got = Vec::new();
            let mut w = Writer::new(&mut got);
            for piece in all.as_bytes()[..cut].chunks(7).chain([&all.as_bytes()[cut..]]) {
                w.write_all(piece).unwrap();
            }
            drop(w);
            assert!(String::from_utf8(got).unwrap() == want, "cut at {cut}");
        }
    }

    /// The byte scan finds what a scan of every char finds, for every char up to U+3000 (past
    /// every block it decodes) set among letters, line ends and multi-byte text.
    #[test]
    fn the_byte_scan_finds_what_a_char_scan_finds() {
        let picks: [&dyn Fn(usize, char) -> bool; 3] =
            [&|_, c| needs_escape(c) || c == '\u{2028}', &|_, c| is_bidi_control(c), &|i, c| {
                c == '\r' && i > 2
            }];
        for c in (0..0x3000).filter_map(char::from_u32) {
            for s in [format!("{c}"), format!("aĐ{c}ô\r\n"), format!("–\r{c}{c}x")] {
                for bad in picks {
                    let want = s.char_indices().find(|&(i, c)| bad(i, c)).map(|(i, _)| i);
                    assert_eq!(find(&s, bad), want, "{s:?}");
                }
            }
        }
    }

    #[test]
    fn unescape_maps_back_and_rejects_what_could_not_be_written() {
        let s = "a\\u{1b}b\\\\u{1b}";
        assert_eq!(unescape(&text(s)).as_deref(), Some(s));
        assert_eq!(unescape(r"\u{1b}x").as_deref(), Some("\u{1b}x"));
        for bad in [r"\", r"\q", r"\u{41}", r"\u{zz}", r"\u{1b", r"\u{110000}"] {
            assert_eq!(unescape(bad), None, "{bad}");
        }
    }

    #[test]
    fn json_escapes_every_control_and_parses_back() {
        let s = "t\u{1b}]52;c;x\u{7}\u{85}\u{9b}\u{7f}\u{202e}\u{2029}Tô\"\\\n";
        let mut out = Vec::new();
        to_json_writer(&mut out, &[s]).unwrap();
        let json = String::from_utf8(out).unwrap();
        assert!(!json.chars().any(|c| json_escapes(c) && c != '\n'), "{json:?}");
        assert!(json.contains("\\u0085") && json.contains("\\u202e") && json.contains("\\u007f"));
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [s]);
    }
}
