//! `memcon export`: the document model as JSON (schema 1).

use crate::document::{Document, SCHEMA};
use serde::Serialize;
use std::io::Write;

/// The top-level JSON object. Field names are a public interface: scripts rely on them.
#[derive(Serialize)]
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
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    if pretty {
        serde_json::to_writer_pretty(&mut out, export)?;
    } else {
        serde_json::to_writer(&mut out, export)?;
    }
    out.write_all(b"\n")?;
    out.flush()
}
