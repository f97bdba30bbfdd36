//! Byte offsets to 1-based `line:col`, with columns counted in characters, in time that does not
//! grow with the length of a line.

/// Turns byte offsets into 1-based `line:col`, with columns counted in characters.
///
/// Each lookup costs at most one block of bytes, wherever the offset is: a minified file is one
/// long line, and counting every column from the start of its line made an error per event
/// quadratic in the file's size. The index keeps 24 bytes per block of 512 bytes, however many
/// lines there are: a table of line starts took 8 bytes a line, twice the size of a file of
/// 4-byte lines.
pub struct LineIndex<'a> {
    text: &'a str,
    blocks: Vec<Block>,
}

/// What is known at the start of a block of `BLOCK` bytes.
struct Block {
    /// Line breaks before it.
    lines: usize,
    /// Where the line it starts in begins.
    line_start: usize,
    /// Characters before it.
    chars: usize,
}

const BLOCK: usize = 512;

/// Characters starting in `bytes`: every byte but UTF-8 continuation bytes.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| (**b as i8) >= -0x40).count()
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let (mut lines, mut line_start, mut chars) = (0, 0, 0);
        for (i, block) in bytes.chunks(BLOCK).enumerate() {
            blocks.push(Block { lines, line_start, chars });
            for nl in memchr::memchr_iter(b'\n', block) {
                lines += 1;
                line_start = i * BLOCK + nl + 1;
            }
            chars += char_starts(block);
        }
        blocks.push(Block { lines, line_start, chars });
        Self { text, blocks }
    }

    /// Characters starting before byte `at` (so one that `at` falls inside of counts).
    fn chars_before(&self, at: usize) -> usize {
        let block = at / BLOCK;
        self.blocks[block].chars + char_starts(&self.text.as_bytes()[block * BLOCK..at])
    }

    pub fn line_col(&self, at: usize) -> (usize, usize) {
        let at = at.min(self.text.len());
        let start = at / BLOCK * BLOCK;
        let (block, head) = (&self.blocks[at / BLOCK], &self.text.as_bytes()[start..at]);
        let line = block.lines + memchr::memchr_iter(b'\n', head).count();
        let line_start = memchr::memrchr(b'\n', head).map_or(block.line_start, |nl| start + nl + 1);
        let col = self.chars_before(at) - self.chars_before(line_start);
        (line + 1, col + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    /// The position of byte `at`, counted the slow way.
    fn slow(text: &str, at: usize) -> (usize, usize) {
        let before = &text.as_bytes()[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count();
        let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let col = before[start..].iter().filter(|b| (**b as i8) >= -0x40).count();
        (line + 1, col + 1)
    }

    #[test]
    fn every_offset_has_the_position_counted_the_slow_way() {
        let texts = [
            String::new(),
            "\n".repeat(1500),
            "đại hội\n".repeat(300),
            format!("{}\n{}", "ạ".repeat(700), "x\n".repeat(600)),
            "a".repeat(1024),
        ];
        for text in &texts {
            let index = LineIndex::new(text);
            for at in 0..=text.len() {
                assert_eq!(index.line_col(at), slow(text, at), "{at} of {}", text.len());
            }
        }
    }
}
