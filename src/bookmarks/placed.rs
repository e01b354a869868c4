//! Bookmarks as they fall in the document that is open now: placed, numbered, sorted.

use super::anchor::{Placement, current_quote, place};
use super::model::Bookmark;
use super::paragraphs::ParagraphIndex;
use super::quote::same_words;
use super::time::Timestamp;
use crate::cite::Pinpoint;
use crate::document::{BlockKind, Document, Location};
use serde::Serialize;

/// A bookmark placed in the current text.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub bookmark: Bookmark,
    pub placement: Placement,
    /// Paragraph number where it landed (the saved one when it was not found).
    pub paragraph: usize,
    /// The quote as the text reads now where it landed (the saved one when not found).
    pub quote: String,
    /// The text there is not what was quoted when the bookmark was made: "changed since
    /// marked" (the saved quote is `bookmark.anchor.passage`).
    pub changed: bool,
    /// Where it is for a citation: its paragraph, or the footnote it is in.
    pub pinpoint: Pinpoint,
}

impl Placed {
    pub fn location(&self) -> Option<Location> {
        self.placement.location()
    }

    pub fn is_found(&self) -> bool {
        self.location().is_some()
    }

    /// Place `bookmark` in `doc` and take its quote there.
    pub fn new(doc: &Document, paragraphs: &ParagraphIndex, bookmark: &Bookmark) -> Self {
        let anchor = &bookmark.anchor;
        let placement = place(doc, anchor);
        let paragraph = placement
            .location()
            .map_or(anchor.paragraph, |l| paragraphs.number_at(l.block));
        let saved = saved_quote(bookmark);
        let (quote, changed) = match current_quote(doc, anchor, placement) {
            Some(q) => {
                // Bookmarks from before quotes were kept changed when their text moved.
                let changed = if anchor.passage.is_empty() {
                    !matches!(placement, Placement::Exact(_))
                } else {
                    !same_words(&q.text, &anchor.passage)
                };
                (q.text, changed)
            }
            None => (saved.to_string(), false),
        };
        let pinpoint = match placement.location().and_then(|l| doc.blocks.get(l.block)) {
            Some(b) if b.kind == BlockKind::Footnote => {
                Pinpoint::Note(b.number().unwrap_or_default().to_string())
            }
            _ => Pinpoint::Paragraphs(paragraph, paragraph),
        };
        Self {
            bookmark: bookmark.clone(),
            placement,
            paragraph,
            quote,
            changed,
            pinpoint,
        }
    }
}

/// The quote saved with a bookmark: the passage shown when it was made (the marked text
/// for bookmarks from before passages were kept).
pub fn saved_quote(b: &Bookmark) -> &str {
    if b.anchor.passage.is_empty() {
        &b.anchor.quote
    } else {
        &b.anchor.passage
    }
}

/// Place each bookmark in `doc` and sort them in reading order; the ones not found in this
/// version come last, oldest first.
pub fn place_all<'a>(
    doc: &Document,
    paragraphs: &ParagraphIndex,
    bookmarks: impl IntoIterator<Item = &'a Bookmark>,
) -> Vec<Placed> {
    let mut out: Vec<Placed> = bookmarks
        .into_iter()
        .map(|b| Placed::new(doc, paragraphs, b))
        .collect();
    out.sort_by_key(|p| (p.location().is_none(), p.location(), p.bookmark.created));
    out
}

/// One bookmark in JSON exports (`memcon export`, `memcon bookmarks export --format json`).
#[derive(Debug, Serialize)]
pub struct ExportedBookmark<'a> {
    pub id: &'a str,
    /// Paragraph number (see the bookmarks docs for how paragraphs are counted).
    pub paragraph: usize,
    /// `exact`, `moved` (re-anchored in a changed text), `not_found` or `saved` (no document
    /// at hand to place it in: block and offset are as saved).
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The quote as the text reads now (as saved when the document is not at hand or the
    /// bookmark was not found).
    pub quote: &'a str,
    /// True when the text changed since the bookmark was made ("changed since marked").
    pub changed: bool,
    /// The quote as it was when the bookmark was made, when it differs from `quote`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_as_marked: Option<&'a str>,
    /// Where it is for a citation.
    #[serde(skip)]
    pub pinpoint: Pinpoint,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
    pub created: Timestamp,
    pub updated: Timestamp,
}

impl<'a> ExportedBookmark<'a> {
    pub fn placed(p: &'a Placed) -> Self {
        let status = match p.placement {
            Placement::Exact(_) => "exact",
            Placement::Moved(_) => "moved",
            Placement::NotFound => "not_found",
        };
        Self {
            status,
            location: p.location(),
            paragraph: p.paragraph,
            quote: &p.quote,
            changed: p.changed,
            quote_as_marked: p.changed.then(|| saved_quote(&p.bookmark)),
            pinpoint: p.pinpoint.clone(),
            ..Self::saved(&p.bookmark)
        }
    }

    pub fn saved(b: &'a Bookmark) -> Self {
        Self {
            id: &b.id,
            paragraph: b.anchor.paragraph,
            status: "saved",
            location: Some(b.anchor.location()),
            quote: saved_quote(b),
            changed: false,
            quote_as_marked: None,
            pinpoint: Pinpoint::Paragraphs(b.anchor.paragraph, b.anchor.paragraph),
            note: b.note.as_deref(),
            created: b.created,
            updated: b.updated,
        }
    }
}
