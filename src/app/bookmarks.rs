//! Bookmarks in the reader: `m` marks a passage (asking for a note), `'`/`B` opens the list,
//! `)`/`(` walk the bookmarks, and the reading position is restored when a document is opened
//! again.
//!
//! `update` never touches the disk: a change becomes an [`Effect::Bookmarks`] that the event
//! loop hands to [`App::perform_bookmark_op`], which saves through the
//! [`BookmarkStore`] at once and shows the result (or why saving failed) in the status line.

use super::{Action, App, Effect, InputPurpose, keymap};
use crate::bookmarks::paragraphs::is_paragraph;
use crate::bookmarks::{
    Bookmark, BookmarkStore, DocRef, ParagraphIndex, Placed, Timestamp, anchor_at, anchor_for,
    place, place_all,
};
use crate::document::{Location, TextRange};
use crossterm::event::KeyCode;
use keymap::{Binding, k, key};
use std::path::Path;

/// Bookmark work for the event loop: everything here is saved to disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookmarkOp {
    /// Bookmark `range` (a whole marked target) or, with `from_top`, the text from
    /// `range.start` on (the top of the screen).
    Add {
        range: TextRange,
        from_top: bool,
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

/// The bookmarks of the open document and the list overlay's state.
#[derive(Debug, Default)]
pub struct Bookmarks {
    /// `None` when there is nowhere to save (no home directory): bookmarks then live for the
    /// session only, and the user is told.
    store: Option<BookmarkStore>,
    pub docref: DocRef,
    pub paragraphs: ParagraphIndex,
    /// This document's bookmarks in reading order; the ones not found in this version last.
    pub placed: Vec<Placed>,
    /// The list overlay, when open.
    pub list: Option<BookmarkList>,
    /// What `m` is about to bookmark while the note is typed.
    pending: Option<(TextRange, bool)>,
    /// The bookmark whose note is being edited.
    editing: Option<String>,
    /// The last deleted bookmark, for undo.
    undo: Option<Bookmark>,
}

impl Bookmarks {
    /// Paragraph numbers for `doc`, before any store is attached.
    pub fn new(doc: &crate::document::Document) -> Self {
        Self {
            docref: DocRef::of(doc, None),
            paragraphs: ParagraphIndex::new(doc),
            ..Self::default()
        }
    }
}

/// The list overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookmarkList {
    pub selected: usize,
    /// `d` was pressed: `y` deletes, anything else keeps it.
    pub confirm_delete: bool,
    /// When the list was opened, for the "3 days ago" column.
    pub now: Timestamp,
}

/// Normal-mode keys.
pub const KEYS: &[Binding] = &[
    k('m', Action::AddBookmark),
    k('\'', Action::OpenBookmarks),
    k('B', Action::OpenBookmarks),
    k(')', Action::NextBookmark),
    k('(', Action::PrevBookmark),
];

/// Keys inside the list overlay (shown in its footer).
pub const LIST_KEYS: &[Binding] = &[
    k('j', Action::BookmarkListDown),
    key(KeyCode::Down, Action::BookmarkListDown),
    k('k', Action::BookmarkListUp),
    key(KeyCode::Up, Action::BookmarkListUp),
    key(KeyCode::Enter, Action::BookmarkListJump),
    k('e', Action::BookmarkListEditNote),
    k('d', Action::BookmarkListDelete),
    key(KeyCode::Delete, Action::BookmarkListDelete),
    k('y', Action::BookmarkListConfirm),
    k('u', Action::BookmarkListUndo),
    key(KeyCode::Esc, Action::CloseBookmarks),
    k('q', Action::CloseBookmarks),
    k('\'', Action::CloseBookmarks),
    k('B', Action::CloseBookmarks),
    crate::app::keymap::ctrl('c', Action::Quit),
];

impl App {
    /// Connect the store: place this document's bookmarks, mark them in the gutter, restore
    /// the reading position. `path` is where the document was read from (`None`: bundled).
    pub fn attach_bookmarks(&mut self, store: Option<BookmarkStore>, path: Option<&Path>) {
        let b = &mut self.bookmarks;
        b.docref = DocRef::of(&self.doc, path);
        b.paragraphs = ParagraphIndex::new(&self.doc);
        b.store = store;
        let mut notices = Vec::new();
        if let Some(store) = &mut b.store {
            store.document_seen(&b.docref);
            notices = store.take_notices();
            if let Some(e) = store.read_only_reason() {
                notices.push(e.to_string());
            }
        }
        self.refresh_bookmarks();
        self.restore_position();
        if !notices.is_empty() {
            self.say(notices.join("; "));
        }
    }

    /// One bookmark action (see `update`).
    pub(super) fn bookmark_action(&mut self, action: Action) -> Option<Effect> {
        if let Some(list) = &mut self.bookmarks.list
            && action != Action::BookmarkListConfirm
            && list.confirm_delete
        {
            list.confirm_delete = false;
            self.say("kept");
            return None;
        }
        match action {
            Action::AddBookmark => self.start_bookmark(),
            Action::OpenBookmarks => self.open_bookmark_list(),
            Action::NextBookmark => self.step_bookmark(true),
            Action::PrevBookmark => self.step_bookmark(false),
            Action::BookmarkListDown => self.select_bookmark(1),
            Action::BookmarkListUp => self.select_bookmark(-1),
            Action::BookmarkListJump => self.jump_to_selected_bookmark(),
            Action::BookmarkListEditNote => self.edit_selected_note(),
            Action::BookmarkListDelete => self.ask_delete(),
            Action::BookmarkListConfirm => return self.confirm_delete(),
            Action::BookmarkListUndo => return self.undo_delete(),
            Action::CloseBookmarks => self.bookmarks.list = None,
            _ => {}
        }
        None
    }

    /// `m`: the current target if it is on screen, else the top visible paragraph (from the
    /// top row when it starts inside one); then ask for a note.
    fn start_bookmark(&mut self) {
        let target = self.targets.as_ref().and_then(|t| t.current_range());
        let pending = match target.filter(|r| self.on_screen(r.location())) {
            Some(range) => (range, false),
            None => {
                let at = self.top_paragraph();
                (TextRange::new(at.block, at.offset, at.offset), true)
            }
        };
        if self.doc.blocks.get(pending.0.block).is_none() {
            self.say("nothing to bookmark in an empty document");
            return;
        }
        self.bookmarks.pending = Some(pending);
        self.open_input(InputPurpose::BookmarkNote, "");
    }

    /// The start of the first row on screen that belongs to a paragraph, else the top.
    fn top_paragraph(&self) -> Location {
        self.visible_rows()
            .iter()
            .find(|r| is_paragraph(self.doc.blocks[r.block].kind) && !r.row.separator)
            .map_or(self.top, |r| Location::new(r.block, r.row.start))
    }

    fn on_screen(&self, loc: Location) -> bool {
        let target = self.row_pos(loc);
        let top = self.row_pos(self.top);
        let bottom = self.step_rows(top, self.body_height() as isize - 1);
        target >= top && target <= bottom
    }

    /// Enter on the note prompt.
    pub(super) fn bookmark_note_confirmed(&mut self, text: &str) -> Option<Effect> {
        let note = Some(text.trim().to_string()).filter(|n| !n.is_empty());
        if let Some(id) = self.bookmarks.editing.take() {
            return Some(Effect::Bookmarks(BookmarkOp::SetNote { id, note }));
        }
        let (range, from_top) = self.bookmarks.pending.take()?;
        Some(Effect::Bookmarks(BookmarkOp::Add {
            range,
            from_top,
            note,
        }))
    }

    /// Esc on the note prompt.
    pub(super) fn bookmark_note_cancelled(&mut self) {
        if self.bookmarks.editing.take().is_some() {
            self.say("note unchanged");
        } else if self.bookmarks.pending.take().is_some() {
            self.say("no bookmark added");
        }
    }

    fn open_bookmark_list(&mut self) {
        let here = self.top;
        let placed = &self.bookmarks.placed;
        let selected = placed
            .iter()
            .position(|p| p.location().is_some_and(|l| l >= here))
            .unwrap_or(placed.len().saturating_sub(1));
        self.bookmarks.list = Some(BookmarkList {
            selected,
            confirm_delete: false,
            now: Timestamp::now(),
        });
    }

    fn select_bookmark(&mut self, delta: isize) {
        let n = self.bookmarks.placed.len();
        if let Some(list) = &mut self.bookmarks.list {
            list.selected = list
                .selected
                .saturating_add_signed(delta)
                .min(n.saturating_sub(1));
        }
    }

    fn selected_bookmark(&self) -> Option<&Placed> {
        let list = self.bookmarks.list.as_ref()?;
        self.bookmarks.placed.get(list.selected)
    }

    fn jump_to_selected_bookmark(&mut self) {
        let Some(p) = self.selected_bookmark() else {
            return;
        };
        match p.location() {
            Some(loc) => {
                let para = p.paragraph;
                self.bookmarks.list = None;
                self.jump_to(self.row_location(self.row_pos(loc)));
                self.say(format!("bookmark at ¶ {para} — Ctrl-o goes back"));
            }
            None => self.say("this bookmark's text is not found in this version"),
        }
    }

    fn edit_selected_note(&mut self) {
        let Some(p) = self.selected_bookmark() else {
            return;
        };
        let (id, note) = (p.bookmark.id.clone(), p.bookmark.note.clone());
        self.bookmarks.editing = Some(id);
        self.open_input(InputPurpose::BookmarkNote, note.as_deref().unwrap_or(""));
    }

    fn ask_delete(&mut self) {
        if self.selected_bookmark().is_none() {
            return;
        }
        if let Some(list) = &mut self.bookmarks.list {
            list.confirm_delete = true;
        }
    }

    fn confirm_delete(&mut self) -> Option<Effect> {
        let list = self.bookmarks.list.as_mut()?;
        if !std::mem::take(&mut list.confirm_delete) {
            return None;
        }
        let id = self.selected_bookmark()?.bookmark.id.clone();
        Some(Effect::Bookmarks(BookmarkOp::Delete { id }))
    }

    fn undo_delete(&mut self) -> Option<Effect> {
        if self.bookmarks.undo.is_none() {
            self.say("nothing to undo");
            return None;
        }
        Some(Effect::Bookmarks(BookmarkOp::Undo))
    }

    /// `)` / `(`: the next or previous bookmark after the top of the screen, wrapping.
    fn step_bookmark(&mut self, forward: bool) {
        let locs: Vec<Location> = self
            .bookmarks
            .placed
            .iter()
            .filter_map(Placed::location)
            .collect();
        if locs.is_empty() {
            self.say("no bookmarks in this document — m adds one");
            return;
        }
        let top = self.top;
        let top_row = self.row_pos(top);
        let next = if forward {
            locs.iter().find(|l| self.row_pos(**l) > top_row)
        } else {
            locs.iter().rev().find(|l| self.row_pos(**l) < top_row)
        };
        let (loc, wrapped) = match next {
            Some(l) => (*l, false),
            None if forward => (locs[0], true),
            None => (locs[locs.len() - 1], true),
        };
        self.jump_to(self.row_location(self.row_pos(loc)));
        let n = locs.iter().position(|l| *l == loc).unwrap_or(0) + 1;
        let wrap = if wrapped { " (wrapped)" } else { "" };
        self.say(format!("bookmark {n} of {}{wrap}", locs.len()));
    }

    /// Do what an [`Effect::Bookmarks`] asks, saving at once. Called by the event loop.
    pub fn perform_bookmark_op(&mut self, op: BookmarkOp) {
        let b = &mut self.bookmarks;
        let Some(store) = &mut b.store else {
            self.say("bookmarks cannot be saved: no data directory (set MEMCON_DATA_DIR)");
            return;
        };
        let (result, done) = match op {
            BookmarkOp::Add {
                range,
                from_top,
                note,
            } => {
                let anchor = if from_top {
                    anchor_at(&self.doc, &b.paragraphs, range.location())
                } else {
                    anchor_for(&self.doc, &b.paragraphs, range)
                };
                let para = anchor.paragraph;
                let bookmark = Bookmark::new(b.docref.clone(), anchor, note);
                (store.add(bookmark), format!("bookmark added at ¶ {para}"))
            }
            BookmarkOp::SetNote { id, note } => {
                let r = store.set_note(&id, note).map(|_| ());
                (r, "note saved".to_string())
            }
            BookmarkOp::Delete { id } => {
                let (removed, r) = store.delete(&id);
                b.undo = removed;
                (r, "bookmark deleted — u undoes".to_string())
            }
            BookmarkOp::Undo => match b.undo.take() {
                Some(old) => {
                    let restored = Bookmark {
                        id: crate::bookmarks::model::new_id(),
                        updated: Timestamp::now(),
                        ..old
                    };
                    (store.add(restored), "bookmark restored".to_string())
                }
                None => (Ok(()), "nothing to undo".to_string()),
            },
        };
        let notices = store.take_notices();
        self.refresh_bookmarks();
        let mut message = match result {
            Ok(()) => done,
            Err(e) => e.to_string(),
        };
        for n in notices {
            message = format!("{message}; {n}");
        }
        self.say(message);
    }

    /// Re-place this document's bookmarks and update the gutter marks.
    fn refresh_bookmarks(&mut self) {
        let b = &mut self.bookmarks;
        b.placed = match &b.store {
            Some(store) => place_all(&self.doc, &b.paragraphs, store.for_document(&b.docref)),
            None => Vec::new(),
        };
        self.gutter_marks = b
            .placed
            .iter()
            .filter_map(|p| p.location().map(|l| l.block))
            .collect();
        if let Some(list) = &mut b.list {
            list.selected = list.selected.min(b.placed.len().saturating_sub(1));
        }
    }

    /// Where this document was last read, if anywhere but the top.
    fn restore_position(&mut self) {
        let b = &self.bookmarks;
        let Some(anchor) = b.store.as_ref().and_then(|s| s.position(&b.docref)) else {
            return;
        };
        let Some(loc) = place(&self.doc, anchor).location() else {
            return;
        };
        if loc == Location::default() {
            return;
        }
        let (n, m) = (b.paragraphs.number_at(loc.block), b.paragraphs.count());
        self.jump_to(loc);
        self.say(format!(
            "back where you left off (¶ {n}/{m}) — g or Ctrl-o returns to the top"
        ));
    }

    /// Remember the reading position (on quit, on a signal). Failures are not shown: the
    /// reader is closing.
    pub fn save_reading_position(&mut self) {
        let b = &mut self.bookmarks;
        let Some(store) = &mut b.store else { return };
        let anchor = anchor_at(&self.doc, &b.paragraphs, self.top);
        let _ = store.set_position(&b.docref, anchor);
    }
}

/// The store and the document's path, loaded before the terminal is taken over.
pub struct Attach {
    store: Result<BookmarkStore, String>,
    path: Option<std::path::PathBuf>,
}

/// Open the bookmark store for the reader (`data_dir`: the `--data-dir` flag). A store that
/// cannot be opened leaves the reader working, with bookmarks for this session only.
pub fn open_store(data_dir: Option<&Path>, path: Option<&Path>) -> Attach {
    let store = crate::bookmarks::StorePaths::resolve(data_dir).map(BookmarkStore::open);
    Attach {
        store,
        path: path.map(Path::to_path_buf),
    }
}

impl Attach {
    /// Hand the store to `app` (places bookmarks, restores the reading position).
    pub fn attach(self, app: &mut App) {
        match self.store {
            Ok(store) => app.attach_bookmarks(Some(store), self.path.as_deref()),
            Err(e) => {
                app.attach_bookmarks(None, self.path.as_deref());
                app.say(e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Mode;
    use crossterm::event::{KeyEvent, KeyModifiers};

    fn lookup(mode: Mode, c: char) -> Option<Action> {
        keymap::lookup(mode, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    #[test]
    fn bookmark_keys_are_bound_in_normal_mode_and_in_the_list() {
        assert_eq!(lookup(Mode::Normal, 'm'), Some(Action::AddBookmark));
        assert_eq!(lookup(Mode::Normal, '\''), Some(Action::OpenBookmarks));
        assert_eq!(lookup(Mode::Normal, 'B'), Some(Action::OpenBookmarks));
        assert_eq!(lookup(Mode::Normal, ')'), Some(Action::NextBookmark));
        assert_eq!(
            lookup(Mode::Bookmarks, 'd'),
            Some(Action::BookmarkListDelete)
        );
        assert_eq!(
            lookup(Mode::Bookmarks, 'y'),
            Some(Action::BookmarkListConfirm)
        );
        // The list's own `d` does not scroll the body as it does in normal mode.
        assert_eq!(lookup(Mode::Normal, 'd'), Some(Action::HalfPageDown));
    }
}
