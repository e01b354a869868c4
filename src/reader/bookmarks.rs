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

    /// The store, when there is one.
    pub fn store(&self) -> Option<&BookmarkStore> {
        self.store.as_ref()
    }

    /// The document now comes from `path` (a document of the library).
    pub fn set_path(&mut self, path: Option<PathBuf>) {
        self.path = path;
        self.undo = None;
    }

    /// Connect the store to the document `app` shows: place its bookmarks, restore the
    /// reading position, pass on what the user should know.
    pub fn attach(&mut self, app: &mut App) {
        self.attach_at(app, true);
    }

    /// [`StoreLink::attach`], going back to the saved reading position only with
    /// `restore` (a document opened at a mention or a match stays there).
    pub fn attach_at(&mut self, app: &mut App, restore: bool) {
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
                .filter(|_| restore)
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

    /// Remember the reading position (on quit, on a signal). Failures are not shown: the
    /// reader is closing.
    pub fn save_position(&mut self, app: &App) {
        let Some(store) = &mut self.store else { return };
        let anchor = anchor_at(app.doc(), app.view().paragraphs(), app.top());
        let _ = store.set_position(&self.docref, anchor);
    }
}
