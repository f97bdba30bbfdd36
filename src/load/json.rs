//! A small JSON parser that remembers where every value starts, so that every problem the loader
//! finds (a bad date, an unknown country, a quote that is not in its article) can be reported at
//! the exact `line:col` of the value, not just where parsing stopped.

pub use crate::text::lines::LineIndex;
pub use parts::{Split, parse_top_level_split};
use std::fmt;

mod parts;

/// A JSON value and the byte offset where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned {
    pub at: usize,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Spanned>),
    /// Members in file order; duplicates are kept so the loader can report them.
    Object(Vec<(Key, Spanned)>),
}

/// An object key and the byte offset of its opening quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub at: usize,
    pub name: String,
}

impl Value {
    /// The JSON type name, for messages such as "expected a string, found an array".
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// A syntax error at a byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: usize,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

const MAX_DEPTH: usize = 128;

/// Parses a whole document into one tree: one value, surrounded only by white space. Our own
/// data sets are streamed with `parse_top_level` instead; TimelineJS files, which are small, are
/// read whole.
pub fn parse(text: &str) -> Result<Spanned, SyntaxError> {
    let mut p = Parser { s: text.as_bytes(), text, i: 0, depth: 0 };
    p.ws();
    let v = p.value()?;
    p.end()?;
    Ok(v)
}

/// What `parse_top_level` reports, in document order.
pub enum Top<'k> {
    /// A member whose value is not an array.
    Member(&'k Key, Spanned),
    /// A member whose value is an array: it starts at this offset; its items follow.
    ArrayStart(&'k Key, usize),
    /// One item of the array being read.
    Item(&'k Key, &'k Spanned),
}

/// Parses a document whose top level should be an object, handing over each item of each array
/// member as soon as it is parsed, so that a data set of a million events is never held as one
/// tree. Returns the offset of the object, or the whole value if it is not an object. Large
/// arrays are parsed on all cores (see `parts`), with the same items, positions and errors.
pub fn parse_top_level(text: &str, on: &mut dyn FnMut(Top)) -> Result<Result<usize, Spanned>, SyntaxError> {
    parse_top_level_split(text, Split::all_cores(), on)
}

/// Parses again the one value that starts at byte `at` of a document already parsed (so that a
/// check made later, such as an unknown person, can point at the exact item).
pub fn parse_value_at(text: &str, at: usize) -> Result<Spanned, SyntaxError> {
    let mut p = Parser { s: text.as_bytes(), text, i: at, depth: 1 };
    p.value()
}

/// Parses the one value of the line `text[from..to]` (of a JSON lines file), with offsets into the
/// whole `text`: only white space may surround it, and the value cannot run past the line.
pub fn parse_line(text: &str, from: usize, to: usize) -> Result<Spanned, SyntaxError> {
    let line = &text[..to];
    let mut p = Parser { s: line.as_bytes(), text: line, i: from, depth: 0 };
    let parsed = (|| {
        p.ws();
        let v = p.value()?;
        p.ws();
        if p.i < to {
            return Err(
                p.err(format!("unexpected {} after the object; write one object per line", p.found()))
            );
        }
        Ok(v)
    })();
    parsed.map_err(|e| SyntaxError { message: e.message.replace("end of file", "the end of the line"), ..e })
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn err(&self, message: String) -> SyntaxError {
        SyntaxError { at: self.i, message }
    }

    /// Describes what is at the cursor, for messages.
    fn found(&self) -> String {
        match self.text.get(self.i..).and_then(|r| r.chars().next()) {
            None => "end of file".into(),
            Some(c) if c.is_control() => format!("control character U+{:04X}", c as u32),
            Some(c) => format!("`{c}`"),
        }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Result<Spanned, SyntaxError> {
        let at = self.i;
        let value = match self.s.get(self.i) {
            Some(b'{') => self.nested(Self::object)?,
            Some(b'[') => self.nested(Self::array)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b't') => self.word("true", Value::Bool(true))?,
            Some(b'f') => self.word("false", Value::Bool(false))?,
            Some(b'n') => self.word("null", Value::Null)?,
            Some(b'\'') => {
                return Err(self.err("strings must use double quotes `\"`, not `'`".into()));
            }
            _ => {
                return Err(self.err(format!(
                    "expected a value (string, number, object, array, true, false or null), found {}",
                    self.found()
                )));
            }
        };
        Ok(Spanned { at, value })
    }

    fn nested(&mut self, f: fn(&mut Self) -> Result<Value, SyntaxError>) -> Result<Value, SyntaxError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.err(format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        self.depth += 1;
        let v = f(self);
        self.depth -= 1;
        v
    }

    fn word(&mut self, w: &str, v: Value) -> Result<Value, SyntaxError> {
        if self.s[self.i..].starts_with(w.as_bytes()) {
            self.i += w.len();
            Ok(v)
        } else {
            Err(self.err(format!("expected a value, found {}; strings need double quotes", self.found())))
        }
    }

    fn object(&mut self) -> Result<Value, SyntaxError> {
        self.i += 1;
        let mut members = Vec::new();
        self.ws();
        if self.s.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.ws();
            let (key, _) = self.key()?;
            let v = self.value()?;
            members.push((key, v));
            self.ws();
            if self.after_member()? {
                return Ok(Value::Object(members));
            }
        }
    }

    /// A key, its `:` and the white space after it.
    fn key(&mut self) -> Result<(Key, ()), SyntaxError> {
        let at = self.i;
        match self.s.get(self.i) {
            Some(b'"') => {}
            Some(b'}') => return Err(self.err("trailing comma before `}`; remove the last `,`".into())),
            _ => return Err(self.err(format!("expected a key in double quotes, found {}", self.found()))),
        }
        let name = self.string()?;
        self.ws();
        if self.s.get(self.i) != Some(&b':') {
            return Err(self.err(format!("expected `:` after the key \"{name}\", found {}", self.found())));
        }
        self.i += 1;
        self.ws();
        Ok((Key { at, name }, ()))
    }

    /// After an object member: `,` (false: more follow) or `}` (true: the object ends).
    fn after_member(&mut self) -> Result<bool, SyntaxError> {
        match self.s.get(self.i) {
            Some(b',') => {
                self.i += 1;
                Ok(false)
            }
            Some(b'}') => {
                self.i += 1;
                Ok(true)
            }
            _ => Err(self.err(format!(
                "expected `,` or `}}` after an object member, found {}; is a comma missing?",
                self.found()
            ))),
        }
    }

    /// After an array item: `,` (false) or the closing bracket (true).
    fn after_item(&mut self, close: u8) -> Result<bool, SyntaxError> {
        match self.s.get(self.i) {
            Some(b',') => {
                self.i += 1;
                Ok(false)
            }
            Some(&b) if b == close => {
                self.i += 1;
                Ok(true)
            }
            _ => Err(self.err(format!(
                "expected `,` or `]` after an array item, found {}; is a comma missing?",
                self.found()
            ))),
        }
    }

    /// Only white space may follow the document.
    fn end(&mut self) -> Result<(), SyntaxError> {
        self.ws();
        if self.i < self.s.len() {
            return Err(self.err(format!(
                "unexpected {} after the end of the document; a data file holds exactly one JSON object",
                self.found()
            )));
        }
        Ok(())
    }

    fn array(&mut self) -> Result<Value, SyntaxError> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.s.get(self.i) == Some(&b']') {
            self.i += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.ws();
            if self.s.get(self.i) == Some(&b']') {
                return Err(self.err("trailing comma before `]`; remove the last `,`".into()));
            }
            items.push(self.value()?);
            self.ws();
            if self.after_item(b']')? {
                return Ok(Value::Array(items));
            }
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        let open = self.i;
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // The run is bounded by ASCII bytes, so it is on char boundaries.
            out.push_str(&self.text[start..self.i]);
            match self.s.get(self.i) {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => self.escape(&mut out)?,
                Some(b'\n') | None => {
                    return Err(SyntaxError {
                        at: open,
                        message: "string is never closed; add the missing `\"`".into(),
                    });
                }
                Some(_) => {
                    return Err(self.err(format!(
                        "{} inside a string; write it as an escape such as \\n or \\t",
                        self.found()
                    )));
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        self.i += 1;
        let c = match self.s.get(self.i) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.i += 1;
                let hi = self.hex4()?;
                let c = if (0xD800..0xDC00).contains(&hi) {
                    if !self.s[self.i..].starts_with(b"\\u") {
                        return Err(
                            self.err("a high surrogate \\u escape must be followed by a low one".into())
                        );
                    }
                    self.i += 2;
                    let lo = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return Err(self.err("invalid low surrogate in \\u escape".into()));
                    }
                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                } else {
                    hi
                };
                out.push(
                    char::from_u32(c)
                        .ok_or_else(|| self.err("\\u escape is a lone surrogate, not a character".into()))?,
                );
                return Ok(());
            }
            _ => {
                return Err(self.err(format!(
                    "unknown escape `\\{}`; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
                    self.found().trim_matches('`')
                )));
            }
        };
        self.i += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.s.get(self.i..self.i + 4).unwrap_or(&[]);
        let hex = std::str::from_utf8(digits).ok().filter(|h| h.len() == 4);
        match hex.and_then(|h| u32::from_str_radix(h, 16).ok()) {
            Some(v) => {
                self.i += 4;
                Ok(v)
            }
            None => Err(self.err("expected four hex digits after \\u".into())),
        }
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let from = p.i;
            while p.s.get(p.i).is_some_and(u8::is_ascii_digit) {
                p.i += 1;
            }
            p.i > from
        };
        if self.s.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        if self.s.get(self.i) == Some(&b'0') {
            self.i += 1;
        } else if !digits(self) {
            return Err(self.err(format!("expected a digit, found {}", self.found())));
        }
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            if !digits(self) {
                return Err(self.err("expected a digit after the decimal point".into()));
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.s.get(self.i) {
                self.i += 1;
            }
            if !digits(self) {
                return Err(self.err("expected a digit in the exponent".into()));
            }
        }
        let n = self.text[start..self.i].parse().unwrap_or(f64::NAN);
        Ok(Value::Number(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err_at(text: &str) -> ((usize, usize), String) {
        let e = parse(text).unwrap_err();
        (LineIndex::new(text).line_col(e.at), e.message)
    }

    #[test]
    fn parses_values_with_positions() {
        let v = parse("{\n  \"a\": [1, \"Lào\", true, null],\n  \"b\": {}\n}").unwrap();
        let Value::Object(m) = v.value else { panic!() };
        assert_eq!(m[0].0.name, "a");
        assert_eq!(m[0].0.at, 4);
        let Value::Array(items) = &m[0].1.value else { panic!() };
        assert_eq!(items[1].value, Value::String("Lào".into()));
        assert_eq!(items[1].at, 13);
        assert_eq!(items[0].value, Value::Number(1.0));
    }

    #[test]
    fn decodes_escapes() {
        let v = parse(r#""a\"b\\c\/\n\u00e0\ud83d\ude00""#).unwrap();
        assert_eq!(v.value, Value::String("a\"b\\c/\nà😀".into()));
    }

    #[test]
    fn columns_are_counted_across_blocks_and_inside_characters() {
        let text = format!("{}\n{}x", "é".repeat(5000), "Đ".repeat(3000));
        let idx = LineIndex::new(&text);
        assert_eq!(idx.line_col(9998), (1, 5000));
        assert_eq!(idx.line_col(10000), (1, 5001));
        let x = text.len() - 1;
        assert_eq!(idx.line_col(x), (2, 3001));
        // Inside a character: the column after it, as counted before blocks existed.
        assert_eq!(idx.line_col(9999), (1, 5001));
        assert_eq!(idx.line_col(10002), (2, 2));
        assert_eq!(idx.line_col(usize::MAX), (2, 3002));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // "Đại hội" is 7 chars but 11 bytes; the error is right after it.
        let ((line, col), msg) = err_at("{\"t\": \"Đại hội\" x}");
        assert_eq!((line, col), (1, 17));
        assert!(msg.contains("expected `,` or `}`"), "{msg}");
    }

    #[test]
    fn reports_common_mistakes() {
        for (text, pos, needle) in [
            ("{\"a\": 1,}", (1, 9), "trailing comma"),
            ("[1, 2,]", (1, 7), "trailing comma"),
            ("{\"a\" 1}", (1, 6), "expected `:`"),
            ("{\"a\": 'x'}", (1, 7), "double quotes"),
            ("{\"a\": \"x}", (1, 7), "never closed"),
            ("{\"a\": 1\n \"b\": 2}", (2, 2), "comma missing"),
            ("", (1, 1), "found end of file"),
            ("{} {}", (1, 4), "after the end"),
            ("{\"a\": tru}", (1, 7), "expected a value"),
            ("{\"a\": \"\\q\"}", (1, 9), "unknown escape"),
            ("[01]", (1, 3), "expected `,` or `]`"),
            ("{\"a\": \"x\ty\"}", (1, 9), "inside a string"),
        ] {
            let (at, msg) = err_at(text);
            assert_eq!(at, pos, "{text:?}: {msg}");
            assert!(msg.contains(needle), "{text:?}: {msg}");
        }
    }

    #[test]
    fn top_level_arrays_are_handed_over_item_by_item() {
        let text = "{\"a\": [1, {\"x\": 2}], \"b\": \"s\", \"c\": []}";
        let mut seen = Vec::new();
        let start = parse_top_level(text, &mut |t| {
            seen.push(match t {
                Top::Member(k, v) => format!("member {} {:?}", k.name, v.value),
                Top::ArrayStart(k, at) => format!("start {} {at}", k.name),
                Top::Item(k, v) => format!("item {} {}", k.name, v.at),
            })
        });
        assert_eq!(start, Ok(Ok(0)));
        assert_eq!(seen, ["start a 6", "item a 7", "item a 10", "member b String(\"s\")", "start c 36"]);
        assert!(matches!(parse_top_level("[1]", &mut |_| {}), Ok(Err(_))));
        assert_eq!(
            parse_top_level("{\"a\": [1,]}", &mut |_| {}).unwrap_err().message,
            "trailing comma before `]`; remove the last `,`"
        );
        assert!(
            parse_top_level("{\"a\": [1]} x", &mut |_| {}).unwrap_err().message.contains("after the end")
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(10_000);
        assert!(parse(&text).unwrap_err().message.contains("nesting"));
    }
}
