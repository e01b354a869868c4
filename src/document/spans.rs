//! Editorial brackets and footnote references inside a block's text.

use super::{Footnote, Span, SpanKind};

/// Find `[...]` spans in `text` in one pass. A bracket holding only a number (or `*`) is a
/// footnote reference, linked to the footnote with that label when there is one; any other
/// bracket is the editor's (`[Dalian]`, `[illegible]`, `[Two lines illegible.]`).
pub fn find_spans(text: &str, footnotes: &[Footnote]) -> Vec<Span> {
    let mut spans = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0usize;
    // Jump from bracket to bracket (a byte search, not a walk over every byte): a `]` closes
    // the last `[` before it; a `]` with none open since the last span is left alone.
    while let Some(open) = bytes.get(from..).and_then(|r| memchr::memchr(b'[', r)) {
        let open = from + open;
        let Some(close) = bytes.get(open + 1..).and_then(|r| memchr::memchr(b']', r)) else {
            break;
        };
        let end = open + 1 + close;
        let inside = bytes.get(open + 1..end).unwrap_or_default();
        let start = inside
            .iter()
            .rposition(|&b| b == b'[')
            .map_or(open, |k| open + 1 + k);
        let inner = text.get(start + 1..end).unwrap_or_default();
        let is_ref = !inner.is_empty()
            && inner.len() <= 3
            && (inner.bytes().all(|b| b.is_ascii_digit()) || inner == "*");
        let footnote = if is_ref {
            footnotes.iter().position(|f| f.label == inner)
        } else {
            None
        };
        spans.push(Span {
            kind: if is_ref {
                SpanKind::FootnoteRef
            } else {
                SpanKind::Editorial
            },
            start,
            end: end + 1,
            footnote,
        });
        from = end + 1;
    }
    // Kept for as long as the document: no room for spans that will never come.
    spans.shrink_to_fit();
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glosses_and_references() {
        let notes = [Footnote {
            label: "1".into(),
            block: 9,
            text: "x".into(),
        }];
        let t = "Port Arthur [Lüshunkou District, Dalian] and Port Arthur.[1] [Two lines illegible.] [7]";
        let spans = find_spans(t, &notes);
        let shown: Vec<(&str, SpanKind, Option<usize>)> = spans
            .iter()
            .map(|s| (&t[s.start..s.end], s.kind, s.footnote))
            .collect();
        assert_eq!(
            shown,
            [
                ("[Lüshunkou District, Dalian]", SpanKind::Editorial, None),
                ("[1]", SpanKind::FootnoteRef, Some(0)),
                ("[Two lines illegible.]", SpanKind::Editorial, None),
                ("[7]", SpanKind::FootnoteRef, None),
            ]
        );
    }

    #[test]
    fn unbalanced_brackets_make_no_span() {
        assert!(find_spans("No. 43.] and [open", &[]).is_empty());
    }

    /// The rule stated plainly: walk every byte, a `]` closes the last `[` still open.
    fn walked(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut open = None;
        for (i, b) in text.bytes().enumerate() {
            match b {
                b'[' => open = Some(i),
                b']' => {
                    if let Some(start) = open.take() {
                        out.push((start, i + 1));
                    }
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn every_arrangement_of_brackets_pairs_as_a_reader_would() {
        let alphabet = ['[', ']', 'a', '1', '\u{e9}'];
        for len in 0..=6u32 {
            for mut n in 0..alphabet.len().pow(len) {
                let mut t = String::new();
                for _ in 0..len {
                    t.push(alphabet[n % alphabet.len()]);
                    n /= alphabet.len();
                }
                let found: Vec<(usize, usize)> = find_spans(&t, &[])
                    .iter()
                    .map(|s| (s.start, s.end))
                    .collect();
                assert_eq!(found, walked(&t), "{t:?}");
            }
        }
    }
}
