//! Bookmarks as they fall in the document that is open now: placed, numbered, sorted.

use super::anchor::{Placement, place};
use super::model::Bookmark;
use super::paragraphs::ParagraphIndex;
use super::time::Timestamp;
use crate::document::{Document, Location};
use serde::Serialize;

/// A bookmark placed in the current text.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub bookmark: Bookmark,
    pub placement: Placement,
    /// Paragraph number where it landed (the saved one when it was not found).
    pub paragraph: usize,
}

impl Placed {
    pub fn location(&self) -> Option<Location> {
        self.placement.location()
    }

    pub fn is_found(&self) -> bool {
        self.location().is_some()
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
        .map(|b| {
            let placement = place(doc, &b.anchor);
            let paragraph = placement
                .location()
                .map_or(b.anchor.paragraph, |l| paragraphs.number_at(l.block));
            Placed {
                bookmark: b.clone(),
                placement,
                paragraph,
            }
        })
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
    pub quote: &'a str,
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
            ..Self::saved(&p.bookmark)
        }
    }

    pub fn saved(b: &'a Bookmark) -> Self {
        Self {
            id: &b.id,
            paragraph: b.anchor.paragraph,
            status: "saved",
            location: Some(b.anchor.location()),
            quote: &b.anchor.quote,
            note: b.note.as_deref(),
            created: b.created,
            updated: b.updated,
        }
    }
}
