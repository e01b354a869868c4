//! Re-anchoring on edited text: an anchor made anywhere in a document is placed again in the
//! same text exactly, and in an edited text at a location inside it (or not found).
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use memcon::bookmarks::{ParagraphIndex, Placement, anchor_at, anchor_for, place};
use memcon::document::{Document, Location, TextRange, load};

#[derive(Debug, Arbitrary)]
struct Input {
    text: String,
    block: u8,
    offset: u16,
    len: u8,
    /// The edit: replace `cut` bytes at `at` with `insert`.
    at: u16,
    cut: u8,
    insert: String,
}

fn inside(doc: &Document, p: Placement) {
    if let Some(l) = p.location() {
        let text = &doc.blocks.get(l.block).expect("placed in a block").text;
        assert!(
            text.is_char_boundary(l.offset),
            "placed at {l:?} off a character boundary"
        );
    }
}

fuzz_target!(|input: Input| {
    let Ok(doc) = load("fuzz", input.text.as_bytes()) else {
        return;
    };
    if doc.blocks.is_empty() {
        return;
    }
    let paragraphs = ParagraphIndex::new(&doc);
    let block = usize::from(input.block) % doc.blocks.len();
    let offset = usize::from(input.offset);
    let at = anchor_at(&doc, &paragraphs, Location::new(block, offset));
    let range = TextRange::new(block, offset, offset + usize::from(input.len));
    let exact = anchor_for(&doc, &paragraphs, range);
    for anchor in [&at, &exact] {
        let p = place(&doc, anchor);
        inside(&doc, p);
        if !anchor.quote.trim().is_empty() {
            assert!(
                matches!(p, Placement::Exact(_)),
                "{anchor:?} not found in its own text: {p:?}"
            );
        }
    }
    let mut edited = input.text.clone();
    let mut start = usize::from(input.at).min(edited.len());
    while !edited.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + usize::from(input.cut)).min(edited.len());
    while !edited.is_char_boundary(end) {
        end -= 1;
    }
    edited.replace_range(start..end, &input.insert);
    let Ok(changed) = load("fuzz", edited.as_bytes()) else {
        return;
    };
    inside(&changed, place(&changed, &at));
    inside(&changed, place(&changed, &exact));
});
