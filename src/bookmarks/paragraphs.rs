//! What "paragraph N" means, in one place, for the status line, bookmarks and the CLI.
//!
//! Paragraphs are the body blocks a reader counts: blocks of kind `Paragraph`, `Numbered` or
//! `Table` (a table counts once, whatever its rows) before the footnotes, numbered from 1 in
//! document order, enclosures included. The memo header (heading, classification, dateline,
//! `Present:`, subject, drafting line), page markers, salutation, closing, signature and
//! enclosure markers are not counted. A position inside an uncounted block belongs to the paragraph
//! before it (0 when no paragraph comes before it, e.g. in the memo header).

use crate::document::{BlockKind, Document};

/// True for a block that counts as a paragraph.
pub fn is_paragraph(kind: BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::Paragraph | BlockKind::Numbered | BlockKind::Table
    )
}

/// Block indices of the paragraphs, built once per document so lookups are O(log n).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParagraphIndex {
    /// In 32 bits: a block past the 4 billionth (a file of many gigabytes) has no number.
    blocks: Vec<u32>,
}

impl ParagraphIndex {
    pub fn new(doc: &Document) -> Self {
        let end = doc.body_end().min(doc.blocks.len());
        let blocks = doc.blocks[..end]
            .iter()
            .enumerate()
            .filter(|(_, b)| is_paragraph(b.kind))
            .map_while(|(i, _)| u32::try_from(i).ok())
            .collect();
        Self { blocks }
    }

    /// How many paragraphs the document has (the M of "paragraph N/M").
    pub fn count(&self) -> usize {
        self.blocks.len()
    }

    /// The block that holds paragraph `n` (1-based).
    pub fn block_of(&self, n: usize) -> Option<usize> {
        n.checked_sub(1)
            .and_then(|i| self.blocks.get(i))
            .map(|&b| b as usize)
    }

    /// The paragraph number (1-based) of `block`: the paragraph itself, or the last one before
    /// it; 0 when the block comes before the first paragraph.
    pub fn number_at(&self, block: usize) -> usize {
        self.blocks.partition_point(|&b| b as usize <= block)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Block;

    #[test]
    fn counts_paragraphs_numbered_items_and_tables_only() {
        let mut doc = Document::default();
        for kind in [
            BlockKind::Heading,
            BlockKind::Present,
            BlockKind::Paragraph,
            BlockKind::PageMarker,
            BlockKind::Numbered,
            BlockKind::Signature,
            BlockKind::Enclosure,
            BlockKind::Table,
        ] {
            doc.blocks.push(Block::new(kind, "x"));
        }
        let idx = ParagraphIndex::new(&doc);
        assert_eq!(idx.count(), 3);
        assert_eq!(idx.block_of(3), Some(7), "a table is one paragraph");
        assert_eq!(idx.block_of(1), Some(2));
        assert_eq!(idx.block_of(2), Some(4));
        assert_eq!(idx.block_of(0), None);
        assert_eq!(idx.block_of(4), None);
        assert_eq!(idx.number_at(0), 0);
        assert_eq!(idx.number_at(2), 1);
        assert_eq!(idx.number_at(3), 1);
        assert_eq!(idx.number_at(5), 2);
    }
}
