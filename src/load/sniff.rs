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
    let expected: Vec<&str> = SHAPES.iter().map(|s| s.name).collect();
    Err(at(offset, format!("this is not a data set: expected {}", expected.join(", or "))))
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
}
