//! Positions as fractions of the whole document, without walking it per key press.
//!
//! Built once at load (one pass over block lengths): the byte position where each block
//! starts. Percent, "paragraph N of M", `N%` and the marker column are lookups in it.

use crate::document::{Document, Location};

#[derive(Debug, Clone, Default)]
pub struct DocIndex {
    /// `starts[i]` is the byte position of block `i` in the concatenated text (one extra byte
    /// per block stands for the break between blocks); `starts[len]` is the total.
    starts: Vec<usize>,
}

impl DocIndex {
    pub fn new(doc: &Document) -> Self {
        let mut starts = Vec::with_capacity(doc.blocks.len() + 1);
        let mut pos = 0;
        for b in &doc.blocks {
            starts.push(pos);
            pos += b.text.len() + 1;
        }
        starts.push(pos);
        Self { starts }
    }

    /// Total size in bytes (at least 1, so it can divide).
    pub fn total(&self) -> usize {
        self.starts.last().copied().unwrap_or(0).max(1)
    }

    /// The byte position of a location.
    pub fn pos(&self, loc: Location) -> usize {
        self.starts.get(loc.block).copied().unwrap_or(self.total()) + loc.offset
    }

    /// Whole percent (0..=100) of the document before `loc`.
    pub fn percent(&self, loc: Location) -> usize {
        (self.pos(loc) as u128 * 100 / self.total() as u128) as usize
    }

    /// The location at byte position `pos` (clamped to the document).
    pub fn location_at(&self, pos: usize) -> Location {
        let blocks = self.starts.len().saturating_sub(1);
        if blocks == 0 {
            return Location::default();
        }
        let block = self
            .starts
            .partition_point(|&s| s <= pos)
            .saturating_sub(1)
            .min(blocks - 1);
        let len = self.starts[block + 1] - self.starts[block] - 1;
        Location::new(block, (pos - self.starts[block].min(pos)).min(len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, BlockKind};

    fn doc(texts: &[&str]) -> Document {
        Document {
            blocks: texts
                .iter()
                .map(|t| Block::new(BlockKind::Paragraph, *t))
                .collect(),
            ..Document::default()
        }
    }

    #[test]
    fn positions_and_percent_follow_block_lengths() {
        let ix = DocIndex::new(&doc(&["aaaa", "bbbb"])); // 5 + 5 bytes
        assert_eq!(ix.total(), 10);
        assert_eq!(ix.pos(Location::new(1, 2)), 7);
        assert_eq!(ix.percent(Location::new(1, 0)), 50);
        assert_eq!(ix.location_at(7), Location::new(1, 2));
        assert_eq!(ix.location_at(4), Location::new(0, 4));
        assert_eq!(ix.location_at(999), Location::new(1, 4));
    }

    #[test]
    fn an_empty_document_has_one_place() {
        let ix = DocIndex::new(&doc(&[]));
        assert_eq!(ix.location_at(5), Location::default());
        assert_eq!(ix.percent(Location::default()), 0);
    }
}
