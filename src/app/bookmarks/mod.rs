//! Bookmarks in the reader: `m` marks what the reader is looking at (asking for a note):
//! the current target when it is on screen, else the paragraph of the reading position.
//! `'`/`B` opens the list,
//! `)`/`(` walk the bookmarks, and the reading position is restored when a document is opened
//! again.
//!
//! The App never touches the disk: a change becomes an [`Effect::Bookmarks`] that the event
//! loop performs against the store (`crate::reader`), saving at once; the loop then hands
//! the document's bookmarks back with [`App::bookmarks_saved`] and the result (or why saving
//! failed) for the status line. The list overlay's methods are in `list.rs`.

use super::{App, Effect, InputPurpose};
use crate::bookmarks::paragraphs::is_paragraph;
use crate::bookmarks::{Placed, Timestamp};
use crate::document::sanitize::for_screen;
use crate::document::{Location, TextRange};

mod list;

pub use list::BookmarkList;

/// What `m` marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A search match or a name: its sentence is quoted.
    Target(TextRange),
    /// The paragraph at this place, quoted from the sentence there on.
    Paragraph(Location),
}

impl Mark {
    pub fn block(self) -> usize {
        match self {
            Self::Target(r) => r.block,
            Self::Paragraph(l) => l.block,
        }
    }
}

/// Bookmark work for the event loop: everything here is saved to disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookmarkOp {
    /// Bookmark what `m` marked, with a note.
    Add {
        mark: Mark,
        note: Option<String>,
    },
    SetNote {
        id: String,
        note: Option<String>,
    },
    Delete {
        id: String,
    },
    /// Bring back the last deleted bookmark.
    Undo,
}

/// The bookmarks of the open document, as the event loop last reported them.
#[derive(Debug, Default)]
pub struct BookmarkState {
    /// False when there is nowhere to keep bookmarks (no home directory and no
    /// `MEMCON_DATA_DIR`): `m` then says so instead of adding one.
    available: bool,
    /// This document's bookmarks in reading order; the ones not found in this version last.
    placed: Vec<Placed>,
    /// What `m` is about to bookmark while the note is typed.
    pending: Option<Mark>,
    /// The bookmark whose note is being edited.
    editing: Option<String>,
    /// The time now, as the event loop last said.
    now: Timestamp,
}

impl BookmarkState {
    /// This document's bookmarks in reading order; the ones not found in this version last.
    pub fn placed(&self) -> &[Placed] {
        &self.placed
    }

    /// The time now, for "3 days ago".
    pub fn now(&self) -> Timestamp {
        self.now
    }
}

/// What the store holds for the open document, handed over by the event loop when the
/// document is opened (or its whole text has replaced a preview).
#[derive(Debug, Default)]
pub struct Attached {
    /// False when there is nowhere to keep bookmarks.
    pub available: bool,
    /// This document's bookmarks, placed in its text.
    pub placed: Vec<Placed>,
    /// Where the document was last read.
    pub position: Option<Location>,
    /// Things to tell the user (a file set aside, a newer schema, no data directory).
    pub notices: Vec<String>,
}

/// `text` sanitised for the screen, in place.
fn clean(text: &mut String) {
    if let std::borrow::Cow::Owned(c) = for_screen(text) {
        *text = c;
    }
}

/// What `m` says when there is nowhere to keep bookmarks.
pub const NO_STORE: &str =
    "bookmarks cannot be kept: no data directory (set MEMCON_DATA_DIR or use --data-dir)";

impl App {
    /// `m`: the current target if it is on screen, else the paragraph of the reading
    /// position; then ask for a note.
    pub(super) fn start_bookmark(&mut self) {
        if !self.bookmarks.available {
            self.say(NO_STORE);
            return;
        }
        let mark = self.looked_at();
        if self.doc().blocks.get(mark.block()).is_none() {
            self.say("nothing to bookmark in an empty document");
            return;
        }
        self.bookmarks.pending = Some(mark);
        self.open_input(InputPurpose::BookmarkNote, "");
    }

    /// What the reader is looking at: the current target when it is on screen, else the
    /// paragraph of the reading position.
    pub(in crate::app) fn looked_at(&self) -> Mark {
        let target = self.targets().and_then(|t| t.current_range());
        match target.filter(|r| self.view.on_screen(r.location())) {
            Some(range) => Mark::Target(range),
            None => Mark::Paragraph(self.reading_paragraph()),
        }
    }

    /// The reading position when it is in a paragraph; else the start of the first row on
    /// screen that belongs to one (the memo header is on top); else the reading position.
    pub(in crate::app) fn reading_paragraph(&self) -> Location {
        let doc = self.doc();
        let here = self.view.reading();
        if doc
            .blocks
            .get(here.block)
            .is_some_and(|b| is_paragraph(b.kind))
        {
            return here;
        }
        self.view
            .visible_rows()
            .iter()
            .find(|r| is_paragraph(doc.blocks[r.block].kind) && !r.row.separator)
            .map_or(here, |r| Location::new(r.block, r.row.start))
    }

    /// Enter on the note prompt.
    pub(super) fn bookmark_note_confirmed(&mut self, text: &str) -> Option<Effect> {
        let note = Some(text.trim().to_string()).filter(|n| !n.is_empty());
        if let Some(id) = self.bookmarks.editing.take() {
            return Some(Effect::Bookmarks(BookmarkOp::SetNote { id, note }));
        }
        let mark = self.bookmarks.pending.take()?;
        Some(Effect::Bookmarks(BookmarkOp::Add { mark, note }))
    }

    /// Esc on the note prompt.
    pub(super) fn bookmark_note_cancelled(&mut self) {
        if self.bookmarks.editing.take().is_some() {
            self.say("note unchanged");
        } else if self.bookmarks.pending.take().is_some() {
            self.say("no bookmark added");
        }
    }

    /// `)` / `(`: the next or previous bookmark after the top of the screen, wrapping.
    pub(super) fn step_bookmark(&mut self, forward: bool) {
        let locs: Vec<Location> = self
            .bookmarks
            .placed
            .iter()
            .filter_map(Placed::location)
            .collect();
        if locs.is_empty() {
            let add = self.key(super::Action::AddBookmark);
            self.say(format!("no bookmarks in this document — {add} adds one"));
            return;
        }
        let view = &self.view;
        let top_row = view.row_pos(view.reading());
        let next = if forward {
            locs.iter().find(|l| view.row_pos(**l) > top_row)
        } else {
            locs.iter().rev().find(|l| view.row_pos(**l) < top_row)
        };
        let (loc, wrapped) = match next {
            Some(l) => (*l, false),
            None if forward => (locs[0], true),
            None => (locs[locs.len() - 1], true),
        };
        self.view.jump_to_row_of(loc);
        let n = locs.iter().position(|l| *l == loc).unwrap_or(0) + 1;
        let wrap = if wrapped { " (wrapped)" } else { "" };
        self.say(format!("bookmark {n} of {}{wrap}", locs.len()));
    }

    /// The store's view of this document arrived: place its bookmarks, mark them in the
    /// gutter, go back to where it was last read.
    pub fn bookmarks_attached(&mut self, attached: Attached) {
        let Attached {
            available,
            placed,
            position,
            mut notices,
        } = attached;
        self.bookmarks.available = available;
        self.set_placed(placed);
        if let Some(loc) = position.filter(|l| *l != Location::default()) {
            let p = self.view.paragraphs();
            let (n, m) = (p.number_at(loc.block), p.count());
            self.view.jump_to(loc);
            let (top, back) = (
                self.key(super::Action::Top),
                self.key(super::Action::JumpBack),
            );
            notices.insert(
                0,
                format!("back where you left off (¶ {n}/{m}) — {top} or {back} returns to the top"),
            );
        }
        if !notices.is_empty() {
            self.say(notices.join("; "));
        }
    }

    /// A bookmark change was performed: the document's bookmarks as they are now, and what
    /// to tell the user (done, or why it was not saved).
    pub fn bookmarks_saved(&mut self, placed: Vec<Placed>, message: String) {
        self.set_placed(placed);
        self.say(message);
    }

    /// The loop's clock, for the ages in the bookmarks list.
    pub fn set_clock(&mut self, now: Timestamp) {
        self.bookmarks.now = now;
    }

    fn set_placed(&mut self, mut placed: Vec<Placed>) {
        // Notes are sanitised when saved, but a file written by an older memcon (or by hand)
        // may hold controls or bidi overrides: none of them reaches the screen.
        for p in &mut placed {
            let b = &mut p.bookmark;
            clean(&mut b.anchor.quote);
            if let Some(note) = &mut b.note {
                clean(note);
            }
        }
        self.view
            .set_gutter_marks(placed.iter().filter_map(|p| p.location().map(|l| l.block)));
        if let super::Overlay::Bookmarks(list) = &mut self.overlay {
            list.selected = list.selected.min(placed.len().saturating_sub(1));
        }
        self.bookmarks.placed = placed;
    }
}
