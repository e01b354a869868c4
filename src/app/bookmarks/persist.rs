//! Where the reader's bookmarks meet the disk: attaching the store, performing the changes
//! `update` asks for (each saved at once), and the reading position.

use super::BookmarkOp;
use crate::app::App;
use crate::bookmarks::{
    Bookmark, BookmarkStore, DocRef, ParagraphIndex, Timestamp, anchor_at, anchor_for, place,
    place_all,
};
use crate::document::Location;
use std::path::Path;

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

    /// Do what an [`Effect::Bookmarks`] asks, saving at once. Called by the event loop.
    pub fn perform_bookmark_op(&mut self, op: BookmarkOp) {
        let b = &mut self.bookmarks;
        let Some(store) = &mut b.store else {
            self.say(super::NO_STORE);
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
/// cannot be opened (no home directory) leaves the reader working without bookmarks; the
/// status line says why.
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
