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

/// A number with its thousands grouped by commas: `12,000`, `-1,500`.
pub fn thousands(n: impl Into<i128>) -> String {
    let n: i128 = n.into();
    let digits = n.unsigned_abs().to_string();
    let mut out = String::from(if n < 0 { "-" } else { "" });
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count and its noun, which takes an `s` unless the count is one: `1 event`, `2 events`.
pub fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped_from_the_right() {
        let got: Vec<String> = [0i64, 999, 1000, 12_000, 1_234_567, -1500, -999].map(super::thousands).into();
        assert_eq!(got, ["0", "999", "1,000", "12,000", "1,234,567", "-1,500", "-999"]);
    }
}
