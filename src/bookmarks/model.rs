//! The saved shapes: a bookmark, the document it belongs to, and the anchor that finds its
//! words again. Every struct keeps fields it does not know (`extra`) so that a file written by
//! a later memcon of the same schema loses nothing when this one saves it.

use super::time::Timestamp;
use crate::cite::{Source, SourceFields};
use crate::document::{Document, Location};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// Fields this build does not know, kept verbatim.
pub type Extra = Map<String, Value>;

/// Which document a bookmark or reading position belongs to, plus what is needed to cite it
/// when the file itself is no longer at hand.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocRef {
    /// Archive record id from the source URL (`document/123408`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_id: Option<String>,
    /// Fingerprint of the normalised body text when the bookmark was last saved.
    #[serde(default)]
    pub fingerprint: String,
    /// The last path the document was opened from (absolute); absent for the bundled memo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The language of the original, when the document is a translation or says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_language: Option<String>,
    /// Translators the credits or the citation name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translators: Vec<String>,
    /// Who signed the document, when the signature is a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl DocRef {
    /// The reference for a loaded document. `path` is where it was read from (`None` for the
    /// bundled memo); it is made absolute so another working directory still finds it.
    pub fn of(doc: &Document, path: Option<&std::path::Path>) -> Self {
        let path = path.map(|p| {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.to_path_buf())
                .display()
                .to_string()
        });
        let m = &doc.metadata;
        let source = Source::of(doc);
        Self {
            record_id: doc.identity.record_id.clone(),
            fingerprint: doc.identity.fingerprint.clone(),
            path,
            title: Some(doc.display_title().to_string()),
            date: m.date.clone(),
            citation: m.citation.clone(),
            url: m.url.clone(),
            original_language: source.original_language,
            translators: source.translators,
            author: source.author,
            extra: Extra::new(),
        }
    }

    /// What a citation can be built from when the document itself is not at hand.
    pub fn source(&self) -> Source {
        Source::new(SourceFields {
            title: self.label(),
            date: self.date.as_deref(),
            date_iso: None,
            citation: self.citation.as_deref(),
            url: self.url.as_deref(),
            record_id: self.record_id.as_deref(),
            fingerprint: &self.fingerprint,
            original_language: self.original_language.as_deref(),
            translators: self.translators.clone(),
            author: self.author.clone(),
        })
    }

    /// Same document? The record id decides when both have one (a re-export keeps it while
    /// its text changes); otherwise the same body text, or else the same path.
    pub fn same_document(&self, other: &DocRef) -> bool {
        if let (Some(a), Some(b)) = (&self.record_id, &other.record_id) {
            return a == b;
        }
        if !self.fingerprint.is_empty() && self.fingerprint == other.fingerprint {
            return true;
        }
        matches!((&self.path, &other.path), (Some(a), Some(b)) if a == b)
    }

    /// A key grouping bookmarks per document in lists and exports.
    pub fn group_key(&self) -> String {
        match &self.record_id {
            Some(r) => format!("record:{r}"),
            None => format!("text:{}", self.fingerprint),
        }
    }

    /// What to call the document in a list.
    pub fn label(&self) -> &str {
        self.title
            .as_deref()
            .or(self.path.as_deref())
            .unwrap_or("(untitled document)")
    }
}

/// Where a bookmark points, and the words around it so it can be found again in a changed text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Block index and byte offset when the bookmark was made.
    pub block: usize,
    pub offset: usize,
    /// Paragraph number (see [`super::paragraphs`]) when the bookmark was made.
    #[serde(default)]
    pub paragraph: usize,
    /// The marked text.
    pub quote: String,
    /// Up to [`CONTEXT`] bytes before and after the quote, in the same block.
    #[serde(default)]
    pub before: String,
    #[serde(default)]
    pub after: String,
    /// What was marked: the sentence of a search match or a name, or a paragraph.
    #[serde(default)]
    pub scope: Scope,
    /// The quote as shown when the bookmark was made: whole sentences, `…` where cut.
    /// Empty in bookmarks made before quotes were kept.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub passage: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a bookmark quotes, so its quote can be taken again from a changed text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The sentence(s) holding `quote` (a search match, a name). Bookmarks saved before
    /// scopes existed are read as this: their quote is a stretch of text from the anchor.
    #[default]
    Sentence,
    /// The paragraph from the sentence at the anchor on (`m` with no target, `bookmarks add`).
    Paragraph,
}

/// How much context is saved on each side of a quote, in bytes (cut at a character boundary).
pub const CONTEXT: usize = 48;
/// Longest stretch a reading position remembers from where it is, in bytes.
pub const QUOTE: usize = 160;

impl Anchor {
    pub fn location(&self) -> Location {
        Location::new(self.block, self.offset)
    }
}

/// One saved bookmark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique across processes and machines (`b-` and 16 hex digits).
    pub id: String,
    pub document: DocRef,
    pub anchor: Anchor,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub created: Timestamp,
    /// Newer wins when two processes changed the same bookmark.
    pub updated: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The longest note, in characters (about 1,500 words). The reader's note prompt stops taking
/// text there and `memcon bookmarks add --note` refuses a longer one; notes already in a file
/// are kept whatever their length.
pub const NOTE_MAX_CHARS: usize = 10_000;

/// A note as it is saved: sanitised like document text (no escape sequence, control or bidi
/// override character reaches the file or, later, a terminal; tabs become spaces, line breaks
/// stay) and `None` when nothing but white space is left.
pub fn clean_note(note: Option<String>) -> Option<String> {
    note.map(|n| crate::document::sanitize::sanitize_str(&n))
        .filter(|n| !n.trim().is_empty())
}

impl Bookmark {
    /// A new bookmark with a fresh id, created now.
    pub fn new(document: DocRef, anchor: Anchor, note: Option<String>) -> Self {
        let now = Timestamp::now();
        Self {
            id: new_id(),
            document,
            anchor,
            note: clean_note(note),
            created: now,
            updated: now,
            extra: Extra::new(),
        }
    }
}

/// A fresh id (`b-` and 16 hex digits).
pub fn new_id() -> String {
    format!("b-{:016x}", random())
}

/// 64 bits no other process or call can predict or repeat: the clock, the process id, a
/// counter and the standard library's random hash keys (seeded by the operating system), mixed,
/// so two processes starting in the same millisecond still differ.
pub fn random() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_i64(Timestamp::now().0);
    h.write_u32(std::process::id());
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    if let Ok(d) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        h.write_u32(d.subsec_nanos());
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(record: Option<&str>, fp: &str, path: Option<&str>) -> DocRef {
        DocRef {
            record_id: record.map(str::to_string),
            fingerprint: fp.into(),
            path: path.map(str::to_string),
            ..DocRef::default()
        }
    }

    #[test]
    fn record_id_wins_over_changed_text_and_path() {
        let a = doc(Some("document/1"), "aaaa", Some("/a"));
        assert!(a.same_document(&doc(Some("document/1"), "bbbb", Some("/b"))));
        assert!(!a.same_document(&doc(Some("document/2"), "aaaa", Some("/a"))));
        assert!(doc(None, "aaaa", None).same_document(&doc(None, "aaaa", Some("/x"))));
        assert!(doc(None, "aaaa", Some("/x")).same_document(&doc(None, "bbbb", Some("/x"))));
        assert!(!doc(None, "aaaa", Some("/x")).same_document(&doc(None, "bbbb", Some("/y"))));
    }

    #[test]
    fn ids_do_not_repeat() {
        let ids: std::collections::HashSet<_> = (0..1000).map(|_| new_id()).collect();
        assert_eq!(ids.len(), 1000);
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let json = r#"{"id":"b-1","document":{"fingerprint":"f","shelf":3},
            "anchor":{"block":1,"offset":0,"quote":"q","colour":"red"},
            "created":"2026-01-01T00:00:00Z","updated":1767225600,"tags":["x"]}"#;
        let b: Bookmark = serde_json::from_str(json).unwrap();
        let back: Value = serde_json::to_value(&b).unwrap();
        assert_eq!(back["tags"][0], "x");
        assert_eq!(back["document"]["shelf"], 3);
        assert_eq!(back["anchor"]["colour"], "red");
        assert_eq!(back["updated"], "2026-01-01T00:00:00.000Z");
    }
}
