//! Byte offsets to 1-based `line:col`, with columns counted in characters, in time that does not
//! grow with the length of a line.

/// Turns byte offsets into 1-based `line:col`, with columns counted in characters.
///
/// Each lookup costs at most one block of bytes, wherever the offset is: a minified file is one
/// long line, and counting every column from the start of its line made an error per event
/// quadratic in the file's size.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The number of characters before each block of `BLOCK` bytes.
    chars_before: Vec<usize>,
}

const BLOCK: usize = 512;

/// Characters starting in `bytes`: every byte but UTF-8 continuation bytes.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| (**b as i8) >= -0x40).count()
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        let mut chars_before = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut n = 0;
        for block in bytes.chunks(BLOCK) {
            chars_before.push(n);
            n += char_starts(block);
        }
        chars_before.push(n);
        Self { text, starts, chars_before }
    }

    /// Characters starting before byte `at` (so one that `at` falls inside of counts).
    fn chars_before(&self, at: usize) -> usize {
        let block = at / BLOCK;
        self.chars_before[block] + char_starts(&self.text.as_bytes()[block * BLOCK..at])
    }

    pub fn line_col(&self, at: usize) -> (usize, usize) {
        let at = at.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= at) - 1;
        let col = self.chars_before(at) - self.chars_before(self.starts[line]);
        (line + 1, col + 1)
    }
}
