//! `memcon export`: the document model as JSON (schema 1).
//!
//! Written as it goes into the buffered output, in serde_json's layout: the blocks and the
//! entities' mentions (millions in a large document) by hand ([`JsonOut`]), the rest by
//! serde.

use crate::document::{Block, Document, SCHEMA};
use crate::json::{self, JsonOut};
use std::io::Write;

/// The top-level JSON object, written in this order. Field names are a public interface:
/// scripts rely on them.
pub struct Export<'a> {
    pub schema: u32,
    pub source: &'a str,
    pub identity: &'a crate::document::Identity,
    pub metadata: &'a crate::document::Metadata,
    pub memo: &'a crate::document::Memo,
    pub blocks: &'a [crate::document::Block],
    pub footnotes: &'a [crate::document::Footnote],
    /// Enclosures and attachments, each with its blocks' range and its own header fields.
    pub enclosures: &'a [crate::document::Enclosure],
    pub warnings: &'a [String],
    /// People, places and organizations with every mention (see `entities::output`),
    /// written as they are serialised.
    pub entities: crate::entities::output::EntitiesJson<'a>,
    /// The user's bookmarks in this document (see README.md, "Bookmarks and reading positions").
    pub bookmarks: Vec<crate::bookmarks::ExportedBookmark<'a>>,
}

impl<'a> Export<'a> {
    pub fn new(doc: &'a Document) -> Self {
        Self {
            schema: SCHEMA,
            source: &doc.source,
            identity: &doc.identity,
            metadata: &doc.metadata,
            memo: &doc.memo,
            blocks: &doc.blocks,
            footnotes: &doc.footnotes,
            enclosures: &doc.enclosures,
            warnings: &doc.warnings,
            entities: crate::entities::output::to_json(doc, &[]),
            bookmarks: Vec::new(),
        }
    }

    /// Include `entities` (found in `doc`) as the `entities` key.
    pub fn with_entities(
        mut self,
        doc: &'a Document,
        entities: &'a [crate::entities::Entity],
    ) -> Self {
        self.entities = crate::entities::output::to_json(doc, entities);
        self
    }

    /// Include `placed` as the `bookmarks` key.
    pub fn with_bookmarks(mut self, placed: &'a [crate::bookmarks::Placed]) -> Self {
        self.bookmarks = placed
            .iter()
            .map(crate::bookmarks::ExportedBookmark::placed)
            .collect();
        self
    }
}

/// Write `doc` as JSON to `out`, followed by a newline.
pub fn write_json(doc: &Document, pretty: bool, out: impl Write) -> std::io::Result<()> {
    write_export(&Export::new(doc), pretty, out)
}

/// Write a prepared export as JSON to `out`, followed by a newline.
pub fn write_export(export: &Export<'_>, pretty: bool, out: impl Write) -> std::io::Result<()> {
    let mut j = JsonOut::new(out, pretty);
    j.begin_object()?;
    j.field("schema", &export.schema)?;
    j.field("source", export.source)?;
    j.field("identity", export.identity)?;
    j.field("metadata", export.metadata)?;
    j.field("memo", export.memo)?;
    j.key("blocks")?;
    write_blocks(&mut j, export.blocks)?;
    j.field("footnotes", export.footnotes)?;
    j.field("enclosures", export.enclosures)?;
    j.field("warnings", export.warnings)?;
    j.key("entities")?;
    export.entities.write(&mut j)?;
    j.field("bookmarks", &export.bookmarks)?;
    j.end_object()?;
    j.raw(b"\n")?;
    j.finish()?.flush()
}

/// The `blocks` array: each block as its `Serialize` writes it (`kind`, `text`, then
/// `number`, `spans` and `rows` when it has them), the frequent fields by hand.
fn write_blocks<W: Write>(j: &mut JsonOut<W>, blocks: &[Block]) -> std::io::Result<()> {
    // The JSON of each kind, made once (by serde, so that the names cannot drift).
    let mut kinds: Vec<Option<Vec<u8>>> = Vec::new();
    const KIND: usize = 0;
    const TEXT: usize = 1;
    const NUMBER: usize = 2;
    const SPANS: usize = 3;
    const ROWS: usize = 4;
    j.begin_array()?;
    let r = j.record(&["kind", "text", "number", "spans", "rows"]);
    for b in blocks {
        let k = b.kind as usize;
        if kinds.len() <= k {
            kinds.resize(k + 1, None);
        }
        let kind = kinds
            .get_mut(k)
            .and_then(|slot| slot.get_or_insert_with(|| json::json_of(&b.kind)).get(..))
            .unwrap_or_default();
        j.begin_record()?;
        j.record_key(&r, KIND, true);
        j.raw(kind)?;
        j.record_key(&r, TEXT, false);
        j.string(&b.text)?;
        if let Some(number) = b.number() {
            j.record_key(&r, NUMBER, false);
            j.string(number)?;
        }
        if !b.spans.is_empty() {
            j.record_key(&r, SPANS, false);
            j.value(&b.spans)?;
        }
        if !b.rows().is_empty() {
            j.record_key(&r, ROWS, false);
            j.value(b.rows())?;
        }
        j.end_record(&r)?;
    }
    j.end_array()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_by_hand_are_the_blocks_serde_writes() {
        let doc = Document::from_text(
            "t",
            "A note\n\n1. We met at Dairen [Dalian] on Monday.[1]\n\n\
             | Port | Tons |\n| Dairen | 1, 500 |\n\nA \"quoted\"\tline.\n\n\
             Footnotes:\n\n[1] The first note.",
        );
        assert!(doc.blocks.iter().any(|b| b.number().is_some()));
        assert!(doc.blocks.iter().any(|b| !b.spans.is_empty()));
        assert!(doc.blocks.iter().any(|b| !b.rows().is_empty()));
        for pretty in [false, true] {
            let mut j = JsonOut::new(Vec::new(), pretty);
            write_blocks(&mut j, &doc.blocks).unwrap();
            let serde = if pretty {
                serde_json::to_vec_pretty(&doc.blocks)
            } else {
                serde_json::to_vec(&doc.blocks)
            };
            assert_eq!(
                String::from_utf8(j.finish().unwrap()).unwrap(),
                String::from_utf8(serde.unwrap()).unwrap()
            );
        }
    }
}
