//! The document model: everything memcon knows about one archival document, addressed by
//! [`Location`]s that never depend on a screen width.
//!
//! `load` turns untrusted bytes into a [`Document`]: [`sanitize`] makes the text harmless,
//! [`parse`] splits it into metadata, memo header, body blocks and footnotes. Neither touches
//! the disk; reading the file is the caller's business.
//!
//! Every text here is untrusted: no unchecked index or slice.
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

mod blocks;
pub mod dates;
mod enclosure;
mod fields;
pub mod generate;
mod header;
mod identity;
mod lines;
mod memo;
mod parse;
mod roster;
pub mod sanitize;
pub mod sentences;
mod spans;
mod table;
mod text;
mod units;
pub mod width;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use fields::MetaField;
pub use identity::{Fingerprint, Identity, fingerprint, record_id_from_url};
pub use parse::parse;
pub use text::{flat, is_one_line, one_line};

/// Version of the JSON layout written by `memcon export`.
pub const SCHEMA: u32 = 1;

/// A point in the document: a block index and a byte offset inside that block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Location {
    pub block: usize,
    pub offset: usize,
}

impl Location {
    pub const fn new(block: usize, offset: usize) -> Self {
        Self { block, offset }
    }
}

/// A stretch of text inside one block: `start..end` are byte offsets into `blocks[block].text`.
/// Search matches, entity mentions and bookmark anchors are all `TextRange`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TextRange {
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

impl TextRange {
    pub const fn new(block: usize, start: usize, end: usize) -> Self {
        Self { block, start, end }
    }
    pub const fn location(&self) -> Location {
        Location::new(self.block, self.start)
    }
}

/// A parsed document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Document {
    /// Where it came from: a path as given, or `"bundled"`.
    pub source: String,
    pub metadata: Metadata,
    pub memo: Memo,
    /// The transcript, memo header first, then paragraphs, then footnote texts.
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    /// Enclosures and attachments (`[Enclosure 1]`, `[Attachment]`) in document order: each is
    /// a sub-document with its own heading, dateline and signature.
    pub enclosures: Vec<Enclosure>,
    /// Problems met while loading, in words a reader understands.
    pub warnings: Vec<String>,
    pub identity: Identity,
}

/// The archive header above the transcript.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// Archive name and banner lines (`Wilson Center`, `Digital Archive`, ...).
    pub banner: Vec<String>,
    pub title: Option<String>,
    /// The date as written (`July 3, 1945`).
    pub date: Option<String>,
    /// The same date as `YYYY-MM-DD` when it parses.
    pub date_iso: Option<String>,
    /// Where `date` was found: the archive header, or (for an undated export) the memo's own
    /// dateline (`Washington, May 7, 1917.`).
    pub date_source: Option<DateSource>,
    pub citation: Option<String>,
    pub url: Option<String>,
    pub summary: Option<String>,
    pub original_archive: Option<String>,
    pub credits: Option<String>,
    pub original_language: Option<String>,
    pub contents: Vec<String>,
    /// `Label:` sections memcon has no field for, kept by label.
    pub extra: BTreeMap<String, String>,
}

/// Where the document's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The archive header's date line.
    Header,
    /// The memo's dateline, at its top or at the end of its body.
    Dateline,
}

/// A memorandum's own header at the top of the transcript (the same fields describe an
/// enclosure's).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Memo {
    pub heading: Option<String>,
    pub classification: Vec<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub present: Vec<Participant>,
    pub subject: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub salutation: Option<String>,
    pub signature: Option<Signature>,
    /// The drafting line(s) as written (`Drafted by W. J. Brennan on October 5; approved by
    /// the Secretary on October 6.`), several joined by `\n`.
    pub drafted: Option<String>,
}

/// One person from a `Present:` or `PARTICIPANTS` list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participant {
    pub name: String,
    /// What follows the name after a comma (`Counselor of Embassy`).
    pub role: Option<String>,
    /// The side heading the person is listed under (`United States`), when the list has sides.
    pub side: Option<String>,
}

/// An enclosure or attachment: its marker line and the blocks up to the next one (or the
/// footnotes), with the header fields found in them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Enclosure {
    /// The marker as written, without brackets or final stop (`Enclosure 1`,
    /// `Enclosure—Translation`, `Inclosure 2 in No. 685`).
    pub label: String,
    /// Index of its `enclosure` block (the marker line).
    pub block: usize,
    /// Index of the first block after it.
    pub end: usize,
    /// Its own heading, dateline, signature and so on.
    pub memo: Memo,
}

/// The closing signature: a name (or initials) and the lines under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signature {
    pub name: String,
    pub title: Option<String>,
}

/// What a block is, which decides how the reader draws it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The memo's heading line (`Memcon A. Harriman - Soong`, `CIPHERED TELEGRAM`).
    Heading,
    /// A classification marking (`TOP SECRET`, `Copy No. 2`).
    Classification,
    /// Place and/or date of the memo (`Moscow`, `Ottawa, October 2, 1962`).
    Dateline,
    /// The `Present:` or `PARTICIPANTS` list, one participant per line; side headings
    /// (`United States`) are marked by `side` spans.
    Present,
    Subject,
    From,
    To,
    Salutation,
    /// A drafting line: `Drafted by …`, and an `Approved by …` line after it.
    Drafted,
    Paragraph,
    /// A numbered paragraph or list item (`1. Traffic on ...`, `(2) That ...`).
    Numbered,
    /// A page marker such as `(p. 1)`.
    PageMarker,
    /// A complimentary close (`Yours sincerely,`).
    Closing,
    /// The closing signature block (`WAH`, `M. T. Desrosiers` / `Commercial Counsellor`).
    Signature,
    /// A footnote's text at the end of the document.
    Footnote,
    /// The marker that starts an enclosure or attachment (`[Enclosure 1]`); see
    /// [`Document::enclosures`].
    Enclosure,
    /// A table: `rows` holds its cells; `text` is the rows joined by `\n`, cells by ` | `.
    Table,
}

impl BlockKind {
    /// True for the kinds that make up the memo header.
    pub fn is_header(self) -> bool {
        matches!(
            self,
            Self::Heading
                | Self::Classification
                | Self::Dateline
                | Self::Present
                | Self::Subject
                | Self::From
                | Self::To
                | Self::Drafted
        )
    }
}

/// One block of the transcript.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    /// Sanitised text; lines inside a block (a roster, a signature) are joined by `\n`.
    pub text: String,
    /// Marked stretches of `text` (editorial brackets, footnote references, side headings).
    /// A boxed slice: most blocks have none, and the record is 8 bytes smaller than with a
    /// `Vec` (56 bytes; 7 MB less for a 100 MB document).
    pub spans: Box<[Span]>,
    /// What few blocks have (an item number, a table's cells), kept apart so that the
    /// hundreds of thousands of plain paragraphs of a large document stay small.
    extra: Option<Box<BlockExtra>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct BlockExtra {
    number: Option<String>,
    rows: Vec<Vec<String>>,
}

impl Block {
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Self {
            kind,
            text: text.into(),
            spans: Box::default(),
            extra: None,
        }
    }

    /// A `Table` block of these rows; its text is the rows joined by `\n`, cells by ` | `.
    pub fn table(rows: Vec<Vec<String>>) -> Self {
        let mut b = Self::new(BlockKind::Table, table::text_of(&rows));
        if !rows.is_empty() {
            b.extra.get_or_insert_default().rows = rows;
        }
        b
    }

    /// The item number of a `Numbered` block (`1`, `2`, `a`), or the footnote's label.
    pub fn number(&self) -> Option<&str> {
        self.extra.as_ref()?.number.as_deref()
    }

    /// Set (or clear) the item number.
    pub fn set_number(&mut self, number: Option<String>) {
        match (number, self.extra.as_mut()) {
            (None, None) => {}
            (None, Some(extra)) => extra.number = None,
            (number, _) => self.extra.get_or_insert_default().number = number,
        }
    }

    /// The cells of a `Table` block, row by row (empty for every other kind).
    pub fn rows(&self) -> &[Vec<String>] {
        self.extra.as_ref().map_or(&[], |e| e.rows.as_slice())
    }

    /// Byte ranges of a table's cells in `text`, row by row (empty unless a `Table`).
    pub fn cell_ranges(&self) -> Vec<Vec<(usize, usize)>> {
        table::cell_ranges(self.rows())
    }
}

/// The JSON of a block (`memcon export`): `kind`, `text`, then `number`, `spans` and `rows`
/// when it has them.
impl Serialize for Block {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let number = self.number();
        let rows = self.rows();
        let fields = 2
            + usize::from(number.is_some())
            + usize::from(!self.spans.is_empty())
            + usize::from(!rows.is_empty());
        let mut st = s.serialize_struct("Block", fields)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("text", &self.text)?;
        if let Some(number) = number {
            st.serialize_field("number", number)?;
        }
        if !self.spans.is_empty() {
            st.serialize_field("spans", &self.spans)?;
        }
        if !rows.is_empty() {
            st.serialize_field("rows", rows)?;
        }
        st.end()
    }
}

/// A marked stretch of a block's text; `start..end` are byte offsets, brackets included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub kind: SpanKind,
    pub start: usize,
    pub end: usize,
    /// For a footnote reference: the index in `Document::footnotes` it points to, when found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub footnote: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanKind {
    /// An editor's bracket: a gloss (`[Dalian]`), `[illegible]`, `[Two lines illegible.]`.
    Editorial,
    /// A footnote reference such as `[1]`.
    FootnoteRef,
    /// A side heading inside a participants list (`United States`).
    Side,
}

/// A footnote: its label, the block that holds its text, and that text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footnote {
    pub label: String,
    pub block: usize,
    pub text: String,
}

impl Document {
    /// Parse already-decoded text (see [`load`] for untrusted bytes).
    pub fn from_text(source: &str, text: &str) -> Self {
        let mut doc = parse(text);
        doc.source = source.to_string();
        doc
    }

    /// The text of a range, or `""` when the range does not fit the document.
    pub fn text(&self, range: TextRange) -> &str {
        self.blocks
            .get(range.block)
            .and_then(|b| b.text.get(range.start..range.end))
            .unwrap_or("")
    }

    /// Index of the first footnote block, or `blocks.len()` when there are none.
    pub fn body_end(&self) -> usize {
        self.footnotes
            .first()
            .map_or(self.blocks.len(), |f| f.block)
    }

    /// The enclosure that holds `block`, if any.
    pub fn enclosure_at(&self, block: usize) -> Option<&Enclosure> {
        let i = self.enclosures.partition_point(|e| e.block <= block);
        self.enclosures
            .get(i.checked_sub(1)?)
            .filter(|e| block < e.end)
    }

    /// The title to show: the metadata title, else the memo heading, else the source.
    pub fn display_title(&self) -> &str {
        self.metadata
            .title
            .as_deref()
            .or(self.memo.heading.as_deref())
            .unwrap_or(&self.source)
    }
}

/// Why a file cannot be loaded at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LoadError {
    #[error("binary file (it contains NUL bytes), not a text document")]
    Binary,
}

/// Turn untrusted bytes into a document: refuse binary data, decode and sanitise the text,
/// parse it, and record what had to be repaired in `warnings`.
pub fn load(source: &str, bytes: &[u8]) -> Result<Document, LoadError> {
    let clean = sanitize::sanitize(bytes)?;
    Ok(finish(source, clean))
}

/// [`load`] for bytes the caller gives up: text that needs no repair is parsed where it
/// lies, other text is freed as soon as it is decoded, which keeps the peak memory of a
/// large file near twice its size.
pub fn load_owned(source: &str, bytes: Vec<u8>) -> Result<Document, LoadError> {
    Ok(finish(source, sanitize::sanitize_owned(bytes)?))
}

fn finish(source: &str, clean: sanitize::Clean) -> Document {
    let mut doc = Document::from_text(source, &clean.text);
    let mut warnings = clean.warnings;
    warnings.append(&mut doc.warnings);
    doc.warnings = warnings;
    doc
}
