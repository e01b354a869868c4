//! Where the reader's bookmarks meet the disk: the event loop's side of the store. It
//! attaches the store to the open document, performs the changes `update` asks for (each
//! saved at once) and remembers the reading position. The App only ever sees the results.

use crate::app::bookmarks::{Attached, BookmarkOp, Mark, NO_STORE};
use crate::app::{Action, App, Mode};
use crate::bookmarks::{
    Bookmark, BookmarkStore, DocRef, Timestamp, anchor_at, mark_paragraph, mark_range, place,
    place_all,
};
use std::path::{Path, PathBuf};

/// Write `text` to a new file at `path`, or beside it as `stem-2.ext`, `stem-3.ext`, … when
/// that exists. Returns the path written.
fn write_new(path: &Path, text: &str) -> std::io::Result<PathBuf> {
    use std::io::Write;
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    let ext = path.extension().map(|s| s.to_string_lossy().into_owned());
    for n in 1..1000 {
        let candidate = if n == 1 {
            path.to_path_buf()
        } else {
            let name = match &ext {
                Some(e) => format!("{}-{n}.{e}", stem.as_deref().unwrap_or("bookmarks")),
                None => format!("{}-{n}", stem.as_deref().unwrap_or("bookmarks")),
            };
            path.with_file_name(name)
        };
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(mut f) => {
                f.write_all(text.as_bytes())?;
                f.sync_all()?;
                return Ok(candidate);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("every name up to -999 is taken"))
}

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
            BookmarkOp::Add { mark, note } => {
                let anchor = match mark {
                    Mark::Target(range) => mark_range(doc, paragraphs, range),
                    Mark::Paragraph(loc) => mark_paragraph(doc, paragraphs, loc),
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

    /// Write the Markdown notes of this document's bookmarks to a new file at `path` (`~/`
    /// is the home directory; relative to where memcon was started). An existing file is
    /// never overwritten: `name-2.md`, `name-3.md`, … are tried. Returns what to tell the user.
    pub fn write_markdown(&self, app: &App, path: &Path) -> String {
        let placed = app.bookmarks().placed();
        let groups = crate::bookmarks::report::for_placed(app.doc(), &self.docref, placed);
        let text = crate::bookmarks::report::markdown(&groups);
        let path = crate::paths::expand_home(path);
        let path = std::path::absolute(&path).unwrap_or(path);
        match write_new(&path, &text) {
            Ok(written) => {
                let n = placed.len();
                let s = if n == 1 { "" } else { "s" };
                format!("wrote {n} bookmark{s} to {}", written.display())
            }
            Err(e) => format!("not written: {}: {e}", path.display()),
        }
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
        let anchor = anchor_at(app.doc(), app.view().paragraphs(), app.view().reading());
        let _ = store.set_position(&self.docref, anchor);
    }
}
