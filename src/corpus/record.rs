//! What the index keeps of one document: its key on disk (path, size, time, content hash),
//! the library row (title, date, kind, record id), its metadata for the side pane, and its
//! entities with every mention. The transcript's text is kept apart ([`DocText`]) for
//! search and context lines.

use super::kind::{DocKind, classify};
use crate::document::{Document, MetaField, Metadata, TextRange};
use crate::entities::{Entity, EntityKind, Site};
use serde::{Deserialize, Serialize};

/// Where a file was and what it held when it was indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileKey {
    /// The path as read (raw bytes on Unix, so any file name round-trips).
    pub path: Vec<u8>,
    /// How to show it (relative to the folder opened).
    pub shown: String,
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime: i64,
    /// A 64-bit hash of the file's bytes.
    pub hash: u64,
}

impl FileKey {
    pub fn path(&self) -> std::path::PathBuf {
        path_from_bytes(&self.path)
    }

    /// The folder part of `shown` (empty at the top of the collection).
    pub fn folder(&self) -> &str {
        self.shown.rsplit_once('/').map_or("", |(d, _)| d)
    }

    /// The file name part of `shown`.
    pub fn file_name(&self) -> &str {
        self.shown.rsplit_once('/').map_or(&self.shown, |(_, f)| f)
    }
}

#[cfg(unix)]
pub fn path_bytes(p: &std::path::Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    p.as_os_str().as_bytes().to_vec()
}

#[cfg(unix)]
fn path_from_bytes(b: &[u8]) -> std::path::PathBuf {
    use std::os::unix::ffi::OsStrExt;
    std::path::PathBuf::from(std::ffi::OsStr::from_bytes(b))
}

#[cfg(not(unix))]
pub fn path_bytes(p: &std::path::Path) -> Vec<u8> {
    p.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
fn path_from_bytes(b: &[u8]) -> std::path::PathBuf {
    std::path::PathBuf::from(String::from_utf8_lossy(b).into_owned())
}

/// One indexed document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocRecord {
    pub file: FileKey,
    pub metadata: Metadata,
    /// The memo's own heading, the title when the metadata has none.
    pub heading: Option<String>,
    pub kind: DocKind,
    pub translated: bool,
    pub record_id: Option<String>,
    /// The fingerprint of the body's words (bookmarks know a document by it).
    pub fingerprint: String,
    /// Problems met while loading (repaired bytes and the like).
    pub warnings: Vec<String>,
    pub entities: Vec<DocEntity>,
}

/// An entity of one document with its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocEntity {
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub mentions: Vec<MentionAt>,
}

/// One mention: in a block of the transcript or in a metadata field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MentionAt {
    pub block: Option<u32>,
    pub field: Option<MetaField>,
    pub start: u32,
    pub end: u32,
}

impl MentionAt {
    /// The mention as a transcript range, if it is in the transcript.
    pub fn range(&self) -> Option<TextRange> {
        self.block
            .map(|b| TextRange::new(b as usize, self.start as usize, self.end as usize))
    }
}

impl DocEntity {
    /// Mentions in the transcript, in document order, each once: the count the reader's
    /// entities pane shows and what `n` walks.
    pub fn ranges(&self) -> Vec<TextRange> {
        let mut r: Vec<TextRange> = self.mentions.iter().filter_map(MentionAt::range).collect();
        r.sort();
        r.dedup();
        r
    }
}

impl DocRecord {
    /// The record for `doc` (read from `file`) and its `entities`.
    pub fn new(file: FileKey, doc: &Document, entities: &[Entity]) -> Self {
        let (kind, translated) = classify(doc);
        Self {
            file,
            metadata: doc.metadata.clone(),
            heading: doc.memo.heading.clone(),
            kind,
            translated,
            record_id: doc.identity.record_id.clone(),
            fingerprint: doc.identity.fingerprint.clone(),
            warnings: doc.warnings.clone(),
            entities: entities.iter().map(doc_entity).collect(),
        }
    }

    /// The title to show: the metadata's, the memo heading, else the file name.
    pub fn title(&self) -> &str {
        self.metadata
            .title
            .as_deref()
            .or(self.heading.as_deref())
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| self.file.file_name())
    }

    /// The date as `YYYY-MM-DD`, when it is known.
    pub fn date_iso(&self) -> Option<&str> {
        self.metadata.date_iso.as_deref()
    }

    /// The kind as the library shows it.
    pub fn kind_label(&self) -> &'static str {
        self.kind.as_str()
    }
}

/// What the library's row of a document needs, without its metadata and entities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocSummary {
    pub file: FileKey,
    pub title: String,
    /// The date as written.
    pub date: Option<String>,
    pub date_iso: Option<String>,
    pub kind: DocKind,
    pub translated: bool,
    pub record_id: Option<String>,
    pub fingerprint: String,
    /// How many entities it names.
    pub entities: u32,
}

impl DocSummary {
    pub fn of(d: &DocRecord) -> Self {
        Self {
            file: d.file.clone(),
            title: d.title().to_string(),
            date: d.metadata.date.clone(),
            date_iso: d.metadata.date_iso.clone(),
            kind: d.kind,
            translated: d.translated,
            record_id: d.record_id.clone(),
            fingerprint: d.fingerprint.clone(),
            entities: d.entities.len() as u32,
        }
    }

    /// The kind as the library shows it.
    pub fn kind_label(&self) -> &'static str {
        self.kind.as_str()
    }

    /// Sorts dated documents by date, then undated ones; ties by file name.
    pub fn date_key(&self) -> (bool, &str) {
        (
            self.date_iso.is_none(),
            self.date_iso.as_deref().unwrap_or(""),
        )
    }
}

fn doc_entity(e: &Entity) -> DocEntity {
    DocEntity {
        kind: e.kind,
        name: e.name.clone(),
        aliases: e.aliases.clone(),
        mentions: e
            .mentions
            .iter()
            .map(|m| {
                let (block, field) = match m.site {
                    Site::Block(b) => (Some(b), None),
                    Site::Field(f) => (None, Some(f)),
                };
                MentionAt {
                    block,
                    field,
                    start: m.start,
                    end: m.end,
                }
            })
            .collect(),
    }
}

/// The transcript's text: every block, one after another, with where each ends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocText {
    text: String,
    ends: Vec<u32>,
}

impl DocText {
    pub fn new(doc: &Document) -> Self {
        let mut text = String::with_capacity(doc.blocks.iter().map(|b| b.text.len()).sum());
        let mut ends = Vec::with_capacity(doc.blocks.len());
        for b in &doc.blocks {
            text.push_str(&b.text);
            ends.push(text.len() as u32);
        }
        Self { text, ends }
    }

    /// How many blocks there are.
    pub fn blocks(&self) -> usize {
        self.ends.len()
    }

    /// The text of block `i` (`""` past the end).
    pub fn block(&self, i: usize) -> &str {
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start as usize..end as usize]
    }

    /// The text of every block, run together.
    pub fn all(&self) -> &str {
        &self.text
    }

    /// Bytes of text in all blocks.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Whether every block boundary falls on a character boundary (a cache file could lie).
    pub fn is_sound(&self) -> bool {
        self.ends.is_sorted()
            && self
                .ends
                .last()
                .is_none_or(|&e| e as usize == self.text.len())
            && self
                .ends
                .iter()
                .all(|&e| self.text.is_char_boundary(e as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keeps_each_block() {
        let doc = Document::from_text("t", "First paragraph.\n\nSecond one, Dairen.");
        let t = DocText::new(&doc);
        assert_eq!(t.blocks(), doc.blocks.len());
        for (i, b) in doc.blocks.iter().enumerate() {
            assert_eq!(t.block(i), b.text);
        }
        assert_eq!(t.block(99), "");
        assert!(t.is_sound());
    }
}
