//! Where the reader's bookmarks meet the disk: the event loop's side of the store. It
//! attaches the store to the open document, performs the changes `update` asks for (each
//! saved at once) and remembers the reading position. The App only ever sees the results.

use crate::app::bookmarks::{Attached, BookmarkOp, NO_STORE};
use crate::app::{Action, App, Mode};
use crate::bookmarks::{
    Bookmark, BookmarkStore, DocRef, Timestamp, anchor_at, anchor_for, place, place_all,
};
use std::path::PathBuf;

/// The store and what it needs to know about the open document.
#[derive(Debug)]
pub struct StoreLink {
    /// `None` when there is nowhere to keep bookmarks; `problem` says why.
    store: Option<BookmarkStore>,
    problem: Option<String>,
    /// Where the document was read from (`None`: the bundled memo).
    path: Option<PathBuf>,
    docref: DocRef,
    /// The last deleted bookmark, for undo.
    undo: Option<Bookmark>,
}

impl StoreLink {
    /// A link to `store` (or to nothing, with the reason) for the document read from `path`.
    pub fn new(store: Result<BookmarkStore, String>, path: Option<PathBuf>) -> Self {
        let (store, problem) = match store {
            Ok(s) => (Some(s), None),
            Err(e) => (None, Some(e)),
        };
        Self {
            store,
            problem,
            path,
            docref: DocRef::default(),
            undo: None,
        }
    }

    /// Connect the store to the document `app` shows: place its bookmarks, restore the
    /// reading position, pass on what the user should know.
    pub fn attach(&mut self, app: &mut App) {
        self.docref = DocRef::of(app.doc(), self.path.as_deref());
        let mut attached = Attached {
            available: self.store.is_some(),
            ..Attached::default()
        };
        if let Some(p) = &self.problem {
            attached.notices.push(p.clone());
        }
        if let Some(store) = &mut self.store {
            store.document_seen(&self.docref);
            attached.notices.extend(store.take_notices());
            if let Some(e) = store.read_only_reason() {
                attached.notices.push(e.to_string());
            }
            let doc = app.doc();
            attached.placed = place_all(
                doc,
                app.view().paragraphs(),
                store.for_document(&self.docref),
            );
            attached.position = store
                .position(&self.docref)
                .and_then(|anchor| place(doc, anchor).location());
        }
        app.bookmarks_attached(attached);
    }

    /// Do what an `Effect::Bookmarks` asks, saving at once, and tell `app` how it went.
    pub fn perform(&mut self, app: &mut App, op: BookmarkOp) {
        let Some(store) = &mut self.store else {
            app.say(NO_STORE);
            return;
        };
        let (doc, paragraphs) = (app.doc(), app.view().paragraphs());
        let (result, done) = match op {
            BookmarkOp::Add {
                range,
                from_top,
                note,
            } => {
                let anchor = if from_top {
                    anchor_at(doc, paragraphs, range.location())
                } else {
                    anchor_for(doc, paragraphs, range)
                };
                let para = anchor.paragraph;
                let bookmark = Bookmark::new(self.docref.clone(), anchor, note);
                (store.add(bookmark), format!("bookmark added at ¶ {para}"))
            }
            BookmarkOp::SetNote { id, note } => {
                let r = store.set_note(&id, note).map(|_| ());
                (r, "note saved".to_string())
            }
            BookmarkOp::Delete { id } => {
                let (removed, r) = store.delete(&id);
                self.undo = removed;
                let undo = app
                    .keymap()
                    .key_label(Mode::Bookmarks, Action::BookmarkListUndo)
                    .unwrap_or_else(|| "bookmark_list_undo".into());
                (r, format!("bookmark deleted — {undo} undoes"))
            }
            BookmarkOp::Undo => match self.undo.take() {
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
        let mut message = match result {
            Ok(()) => done,
            Err(e) => e.to_string(),
        };
        for n in store.take_notices() {
            message = format!("{message}; {n}");
        }
        let placed = place_all(doc, paragraphs, store.for_document(&self.docref));
        app.bookmarks_saved(placed, message);
    }

    /// Bookmark changes still not in `bookmarks.json` after one more try, and why: `None`
    /// when everything is saved (or there is no store).
    pub fn unsaved_after_retry(&mut self) -> Option<(usize, String)> {
        let store = self.store.as_mut()?;
        if store.unsaved_changes() == 0 {
            return None;
        }
        let reason = store.save().err()?.to_string();
        let _ = store.take_notices();
        Some((store.unsaved_changes(), reason))
    }

    /// Write every bookmark, the unsaved changes with them, to a file of their own (never
    /// replacing one): its path, or why no place would take it.
    pub fn write_unsaved(&self) -> Result<PathBuf, String> {
        match &self.store {
            Some(store) => store.write_unsaved().map_err(|e| e.to_string()),
            None => Err(NO_STORE.to_string()),
        }
    }

    /// Remember the reading position (on quit, on a signal). Failures are not shown: the
    /// reader is closing.
    pub fn save_position(&mut self, app: &App) {
        let Some(store) = &mut self.store else { return };
        let anchor = anchor_at(app.doc(), app.view().paragraphs(), app.top());
        let _ = store.set_position(&self.docref, anchor);
    }
}
