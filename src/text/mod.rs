//! Text handling that every other layer may use and that uses none of them: accent folding with a
//! map back to the original, and wrapping by display width at grapheme boundaries.

pub mod fold;
pub mod wrap;
