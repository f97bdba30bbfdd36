//! Telling, from its first bytes, whether a file can be a data set at all, before it is parsed:
//! a binary file (a NUL byte) or text that starts no known shape is refused at once, with its
//! `path:line:col`, instead of being fed to a parser that would hold it whole in memory several
//! times over. Each input format is one row of `SHAPES`.

use super::json::LineIndex;
use super::problem::Problem;
use std::path::Path;

/// How much of the start of a file is looked at for its shape.
const HEAD: usize = 64 << 10;

/// One shape a data file can have: its name (for the message) and whether a file is of it,
/// judged by the file's extension and the start of its text (after a BOM and blank space).
struct Shape {
    name: &'static str,
    is: fn(ext: &str, head: &str) -> bool,
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "JSON (ours or TimelineJS), starting with `{` or `[`",
        is: |_, head| head.starts_with(['{', '[']),
    },
    // A TimelineJS sheet saved as CSV: a header line with its columns separated by commas.
    Shape {
        name: "a TimelineJS CSV sheet, starting with a header line such as `Year,Month,Day,…,Headline,…`",
        is: |_, head| head.lines().next().is_some_and(|l| l.len() < HEAD && l.contains(',')),
    },
    // JSON lines whose first line is not an object are still read as such, to say where.
    Shape {
        name: "JSON lines (a `.jsonl` or `.ndjson` file, one object per line)",
        is: |ext, _| super::jsonl::EXTENSIONS.contains(&ext),
    },
    // Markwhen is plain text (`2026-01-25: Event title`): known by its extension, or by its
    // first line, as its reader tells it.
    Shape {
        name: "markwhen text (a `.mw` file, or a first line `---`, `title:`, `# heading` or `DATE: title`)",
        is: |ext, head| ext == "mw" || super::markwhen::sniff("", head),
    },
];

/// Checks that `bytes`, read from `path` (shown as `shown`), can be a data set; the problem says
/// where it stops being one. An empty or blank file is left to the parser, which says so.
pub fn sniff(shown: &str, path: &Path, bytes: &[u8]) -> Result<(), Problem> {
    let at = |offset: usize, message: String| {
        let good = String::from_utf8_lossy(&bytes[..offset]);
        let (line, col) = LineIndex::new(&good).line_col(offset.min(good.len()));
        Problem { file: shown.to_string(), line, col, message }
    };
    if let Some(wide) = utf16_or_32(bytes) {
        return Err(at(0, format!("this file is {wide} text; save it as UTF-8")));
    }
    if let Some(nul) = memchr::memchr(0, bytes) {
        let message = "a NUL byte: this is a binary file, not a data set (JSON or CSV text)".to_string();
        return Err(at(nul, message));
    }
    let bom = if bytes.starts_with(b"\xef\xbb\xbf") { 3 } else { 0 };
    let offset = bom + bytes[bom..].iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')).count();
    let head = String::from_utf8_lossy(&bytes[offset..bytes.len().min(offset + HEAD)]);
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if head.is_empty() || SHAPES.iter().any(|s| (s.is)(&ext, &head)) {
        return Ok(());
    }
    let first = head.lines().next().unwrap_or_default();
    if first.contains(';') && ["year", "headline"].iter().all(|c| first.to_ascii_lowercase().contains(c)) {
        let message = "this sheet's cells are separated by `;`: save it as CSV with commas (in LibreOffice: \
                       Save As, Text CSV, field delimiter `,`)";
        return Err(at(offset, message.into()));
    }
    let expected: Vec<&str> = SHAPES.iter().map(|s| s.name).collect();
    Err(at(offset, format!("this is not a data set: expected {}", expected.join(", or "))))
}

/// Whether the text is UTF-16 or UTF-32, by its byte-order mark or, without one, by the zero
/// bytes beside each ASCII letter of its start (`Y\0e\0a\0r\0`).
fn utf16_or_32(bytes: &[u8]) -> Option<&'static str> {
    let marks: [(&[u8], &str); 4] = [
        (b"\xff\xfe\0\0", "UTF-32"),
        (b"\0\0\xfe\xff", "UTF-32"),
        (b"\xff\xfe", "UTF-16"),
        (b"\xfe\xff", "UTF-16"),
    ];
    if let Some((_, name)) = marks.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(name);
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    fn ascii(b: u8) -> bool {
        b != 0 && b < 0x80
    }
    // Most units, not all: a letter such as `ế` has no zero byte.
    let most = |f: fn(&[u8]) -> bool| head.chunks_exact(2).filter(|p| f(p)).count() * 4 >= head.len() / 2 * 3;
    let little = most(|p| ascii(p[0]) && p[1] == 0);
    let big = most(|p| p[0] == 0 && ascii(p[1]));
    (head.len() >= 8 && (little || big)).then_some("UTF-16")
}

#[cfg(test)]
mod tests {
    use super::sniff;
    use std::path::Path;

    fn check(name: &str, bytes: &[u8]) -> Result<(), String> {
        sniff(name, Path::new(name), bytes).map_err(|p| p.to_string())
    }

    #[test]
    fn data_sets_pass_and_junk_is_refused_where_it_starts() {
        for ok in [&b"{\"countries\": []}"[..], b"\xef\xbb\xbf  [1]", b"Year,Headline\n2020,x", b"", b" \n "]
        {
            assert_eq!(check("d.json", ok), Ok(()), "{ok:?}");
        }
        let nul = check("zero.bin", &[0; 1000]).unwrap_err();
        assert_eq!(nul, "zero.bin:1:1: a NUL byte: this is a binary file, not a data set (JSON or CSV text)");
        let late = check("d.json", b"{\n  \"a\": 1\0}").unwrap_err();
        assert!(late.starts_with("d.json:2:9: a NUL byte"), "{late}");
        let text = check("notes.txt", b"\n\n   Dear diary: today").unwrap_err();
        assert!(text.starts_with("notes.txt:3:4: this is not a data set: expected JSON"), "{text}");
        let text = check("notes.txt", b"just words").unwrap_err();
        assert!(text.starts_with("notes.txt:1:1: this is not a data set"), "{text}");
        // Markwhen is left to its reader.
        assert_eq!(check("plan.mw", b"2026-01-25: Event title\n"), Ok(()));
        // So are JSON lines, which say at which line and column a line is not JSON.
        assert_eq!(check("notes.jsonl", b"Dear diary\n"), Ok(()));
        assert!(check("notes.txt", b"Dear diary\n").unwrap_err().contains("or JSON lines (a `.jsonl`"));
    }

    #[test]
    fn utf16_and_semicolon_sheets_are_told_what_to_do() {
        let utf16 = |bom: &[u8], le: bool| {
            let units = "Year,Headline\n1968,Tết\n".encode_utf16();
            let body = units.flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() });
            bom.iter().copied().chain(body).collect::<Vec<u8>>()
        };
        for bytes in
            [utf16(b"\xff\xfe", true), utf16(b"\xfe\xff", false), utf16(b"", true), utf16(b"", false)]
        {
            assert_eq!(
                check("u.csv", &bytes).unwrap_err(),
                "u.csv:1:1: this file is UTF-16 text; save it as UTF-8"
            );
        }
        assert!(check("u.csv", b"\xff\xfe\0\0Y\0\0\0").unwrap_err().contains("UTF-32"));
        let semi = check("s.csv", b"Year;Month;Day;Headline\n1968;1;30;Tet\n").unwrap_err();
        assert!(semi.starts_with("s.csv:1:1: this sheet's cells are separated by `;`"), "{semi}");
    }
}
