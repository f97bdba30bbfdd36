//! Text handling that every other layer may use and that uses none of them: accent folding with a
//! map back to the original, wrapping by display width at grapheme boundaries, line and column
//! positions, making text from a data set inert before it reaches a terminal, and strings read in
//! place from a mapped file.

pub mod arena;
pub mod fold;
pub mod html;
pub mod inert;
pub mod lines;
pub mod wrap;

/// A count and its noun, which takes an `s` unless the count is one: `1 event`, `2 events`.
pub fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
