//! Editorial brackets and footnote references inside a block's text.

use super::{Footnote, Span, SpanKind};

/// Find `[...]` spans in `text` in one pass. A bracket holding only a number (or `*`) is a
/// footnote reference, linked to the footnote with that label when there is one; any other
/// bracket is the editor's (`[Dalian]`, `[illegible]`, `[Two lines illegible.]`).
pub fn find_spans(text: &str, footnotes: &[Footnote]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'[' => open = Some(i),
            b']' => {
                if let Some(start) = open.take() {
                    let inner = text.get(start + 1..i).unwrap_or_default();
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
                        end: i + 1,
                        footnote,
                    });
                }
            }
            _ => {}
        }
    }
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
}
