//! Finding the sentence or paragraph around a quote, so a quote can be read in its context.

use std::ops::Range;

/// Longest context, in chars, before a paragraph is narrowed to the quote's sentences.
const MAX_CONTEXT_CHARS: usize = 420;

/// The paragraph (line) around `span`, or, when that is long, the sentences that hold it.
pub fn quote_context(text: &str, span: &Range<usize>) -> Range<usize> {
    let r = paragraph_or_sentence(text, span);
    // Trimming never cuts into the quote itself, even a quote that ends in a newline.
    r.start.min(span.start)..r.end.max(span.end)
}

fn paragraph_or_sentence(text: &str, span: &Range<usize>) -> Range<usize> {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
    if text[start..end].chars().count() <= MAX_CONTEXT_CHARS {
        return trim(text, start..end);
    }
    let s_start = text[start..span.start]
        .rmatch_indices(['.', '!', '?', ';'])
        .map(|(i, m)| start + i + m.len())
        .find(|&i| text[i..].starts_with([' ', '\n']))
        .unwrap_or(start);
    let s_end = text[span.end..end]
        .match_indices(['.', '!', '?', ';'])
        .map(|(i, m)| span.end + i + m.len())
        .find(|&i| i == end || text[i..].starts_with([' ', '\n']))
        .unwrap_or(end);
    trim(text, s_start..s_end)
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let tail = s.len() - s.trim_end().len();
    r.start + lead..r.end - tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_paragraph_is_the_context() {
        let text = "Title\n\nNgày 26/1, Tổng Bí thư Tô Lâm đã tiếp đoàn.\nNext";
        let q = text.find("Tô Lâm").unwrap();
        let r = quote_context(text, &(q..q + "Tô Lâm".len()));
        assert_eq!(&text[r], "Ngày 26/1, Tổng Bí thư Tô Lâm đã tiếp đoàn.");
    }

    #[test]
    fn context_always_holds_the_whole_quote() {
        let text = "Mở đầu.\nsau Đại hội XIV của Đảng.\n\nTiếp.";
        let q = text.find("sau").unwrap();
        let span = q..text.find("\n\n").unwrap() + 1;
        let r = quote_context(text, &span);
        assert!(r.start <= span.start && r.end >= span.end);
        let lead = text.find("\nsau").unwrap();
        let r = quote_context(text, &(lead..lead + 4));
        assert!(r.start <= lead && r.end >= lead + 4);
    }

    #[test]
    fn long_paragraph_narrows_to_the_sentence() {
        let filler = "Câu dài về quan hệ hữu nghị. ".repeat(20);
        let text = format!("{filler}Đây là câu có Tô Lâm ở giữa. {filler}");
        let q = text.find("Tô Lâm").unwrap();
        let r = quote_context(&text, &(q..q + "Tô Lâm".len()));
        assert_eq!(&text[r], "Đây là câu có Tô Lâm ở giữa.");
    }
}
