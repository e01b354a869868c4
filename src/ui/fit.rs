//! Cutting text to a number of columns: by grapheme (never inside a glyph), and with `…`
//! where something was cut.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_truncate::UnicodeTruncateStr;
use unicode_width::UnicodeWidthStr;

/// `text` cut to `max` columns, ending in `…` when cut. Only the start of a long text is
/// looked at, so a title of megabytes costs no more than a short one.
pub fn truncate(text: &str, max: usize) -> String {
    let look = max.saturating_mul(16).max(64);
    let (text, long) = match text.len() > look {
        true => {
            let mut end = look;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            (text.get(..end).unwrap_or(""), true)
        }
        false => (text, false),
    };
    if !long && text.width() <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let (kept, _) = text.unicode_truncate(max - 1);
    // `Generalissimo…`, not `Generalissimo …`.
    format!("{}…", kept.trim_end())
}

/// Styled pieces of one line cut to `max` columns as a whole: the piece that crosses the
/// edge ends in `…` and the rest are dropped.
pub fn spans<'a>(pieces: Vec<(String, Style)>, max: usize) -> Vec<Span<'a>> {
    let mut left = max;
    let mut out = Vec::with_capacity(pieces.len());
    let total: usize = pieces.iter().map(|(t, _)| t.width()).sum();
    if total <= max {
        return pieces
            .into_iter()
            .map(|(t, s)| Span::styled(t, s))
            .collect();
    }
    for (text, style) in pieces {
        let w = text.width();
        if w < left {
            left -= w;
            out.push(Span::styled(text, style));
        } else {
            out.push(Span::styled(truncate(&text, left), style));
            break;
        }
    }
    out
}

/// The start of `text`, at most `max` columns, never cutting a glyph.
pub fn take_front(text: &str, max: usize) -> &str {
    text.unicode_truncate(max).0
}

/// The end of `text`, at most `max` columns, never cutting a glyph.
pub fn take_back(text: &str, max: usize) -> &str {
    text.unicode_truncate_start(max).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_columns() {
        assert_eq!(truncate("Harriman", 20), "Harriman");
        assert_eq!(truncate("Harriman", 5), "Harr…");
        assert_eq!(truncate("旅顺口", 4), "旅…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("Generalissimo Stalin", 15), "Generalissimo…");
    }

    #[test]
    fn a_glyph_is_never_cut() {
        // `e` + combining acute is one glyph of one column: kept whole or dropped whole.
        let text = "Pe\u{301}rez Jiménez";
        let cut = truncate(text, 3);
        assert_eq!(cut, "Pe\u{301}…");
        assert_eq!(take_front("Lüshunkou", 2), "Lü");
        assert_eq!(take_back("旅顺口", 3), "口");
    }

    #[test]
    fn a_line_of_pieces_is_cut_where_it_crosses_the_edge() {
        let plain = Style::new();
        let pieces = vec![
            (" Port Arthur".to_string(), plain),
            (" 2".to_string(), plain),
            (" · Lüshunkou District".to_string(), plain),
        ];
        let line: String = spans(pieces.clone(), 20)
            .iter()
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(line, " Port Arthur 2 · Lü…");
        let line: String = spans(pieces, 40)
            .iter()
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(line, " Port Arthur 2 · Lüshunkou District");
    }

    #[test]
    fn long_texts_are_cut_with_an_ellipsis_short_ones_kept() {
        assert_eq!(truncate("Moscow", 10), "Moscow");
        assert_eq!(truncate("Memorandum of Conversation", 10), "Memorandu…");
        let huge = "Łódź ".repeat(1_000_000);
        let cut = truncate(&huge, 12);
        assert_eq!(cut.width(), 12);
        assert!(cut.starts_with("Łódź Łódź") && cut.ends_with('…'));
        // Zero-width marks past the part looked at still count as a cut.
        let marks = format!("ab{}", "\u{301}".repeat(5000));
        assert!(truncate(&marks, 10).ends_with('…'));
    }
}
