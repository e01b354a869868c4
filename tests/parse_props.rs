//! Parsing arbitrary input never panics, and every position the model hands out is valid.

use memcon::document::{Document, load};
use proptest::prelude::*;

fn check(doc: &Document) {
    for (i, b) in doc.blocks.iter().enumerate() {
        for s in &b.spans {
            assert!(
                s.start < s.end && s.end <= b.text.len(),
                "span outside block {i}"
            );
            assert!(b.text.is_char_boundary(s.start) && b.text.is_char_boundary(s.end));
            if let Some(f) = s.footnote {
                assert!(f < doc.footnotes.len());
            }
        }
        assert!(
            !b.text.chars().any(|c| c.is_control() && c != '\n'),
            "control character left in block {i}: {:?}",
            b.text
        );
    }
    for f in &doc.footnotes {
        assert!(f.block < doc.blocks.len());
    }
    let shown = [
        &doc.metadata.title,
        &doc.metadata.citation,
        &doc.metadata.summary,
        &doc.memo.heading,
    ];
    for text in shown.into_iter().flatten() {
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
    }
}

/// Lines that look like the pieces of an archive export, to reach deep into the parser.
fn archive_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Citation:".to_string()),
        Just("Contents:".to_string()),
        Just("Transcript - English".to_string()),
        Just("Present: W. A. Harriman, American Ambassador".to_string()),
        Just("TOP SECRET Moscow".to_string()),
        Just("(p. 1)".to_string()),
        Just("Footnotes:".to_string()),
        Just("[1] A note.".to_string()),
        Just("1. An item.".to_string()),
        Just("Dear Sir:".to_string()),
        Just("**Wilson".to_string()),
        Just("Center**".to_string()),
        Just("July 3, 1945".to_string()),
        Just(String::new()),
        Just("\u{c}".to_string()),
        "[ -~]{0,80}",
        "\\PC{0,40}",
        any::<String>(),
    ]
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(doc) = load("p", &bytes) {
            check(&doc);
        }
    }

    #[test]
    fn archive_like_text_parses_to_a_valid_model(
        lines in proptest::collection::vec(archive_line(), 0..60),
        crlf in any::<bool>(),
    ) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        if let Ok(doc) = load("p", text.as_bytes()) {
            check(&doc);
        }
    }
}
