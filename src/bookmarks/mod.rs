//! Bookmarks with notes, and reading positions, that survive sessions, re-exports and resizes.
//!
//! - [`model`]: what is saved — a [`Bookmark`] (document identity, [`Anchor`], note, times).
//! - [`anchor`]: making anchors and finding them again in a changed text ([`Placement`]).
//! - [`paragraphs`]: what "paragraph N" means, shared with the reader's status line.
//! - [`store`]: [`BookmarkStore`], the only code that touches the files (see docs/bookmarks.md
//!   for paths, format and guarantees); [`file`] and [`disk`] are its format and its IO.
//! - [`quote`]: quotes of whole sentences, `…` where cut.
//! - [`placed`], [`report`]: placing bookmarks in the open document with their current
//!   quotes; lists and exports as text (printed by `crate::commands::bookmarks`).

pub mod anchor;
pub mod disk;
pub mod file;
pub mod model;
pub mod paragraphs;
pub mod placed;
pub mod quote;
pub mod report;
pub mod store;
pub mod time;

pub use anchor::{
    Placement, anchor_at, anchor_for, current_quote, mark_paragraph, mark_range, place,
};
pub use model::{Anchor, Bookmark, DocRef, NOTE_MAX_CHARS, Scope};
pub use paragraphs::ParagraphIndex;
pub use placed::{ExportedBookmark, Placed, place_all};
pub use store::{BookmarkStore, SaveError, StorePaths};
pub use time::Timestamp;
