//! The event loop's state without the terminal: the App, the bookmark store, the loader of
//! a big file's whole document, and the clock. It performs the effects `update` returns, so
//! tests drive exactly what the terminal loop drives.

use super::bookmarks::StoreLink;
use super::clipboard::Clipboard;
use super::library::{LibraryLink, marks};
use crate::app::{Action, App, Effect, OpenAt, OpenRequest, UnsavedQuit};
use crate::bookmarks::Timestamp;
use crate::document::Document;
use crate::entities::Entity;
use crate::loading::{Arrival, Pending};

/// Why the reader stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The user quit.
    Quit,
}

/// The App and the world it does not touch itself.
pub struct Driver {
    app: App,
    store: StoreLink,
    /// The whole document of a big file, still being parsed.
    pending: Option<Pending>,
    /// Where yanks go.
    clipboard: Clipboard,
    /// What to tell the user once the terminal is restored (where unsaved bookmarks went).
    farewell: Vec<String>,
    /// Bookmark changes did not reach `bookmarks.json` (kept in a fallback file, or lost with
    /// the user's consent): the exit status says so.
    left_unsaved: bool,
    /// Where to put the reader once the pending document is whole.
    pending_open: Option<OpenAt>,
    /// The collection's index and searches, when memcon was opened on a collection.
    library: Option<LibraryLink>,
}

impl Driver {
    /// Start with `app` on the document's first part (`pending` brings the rest) and the
    /// store. Bookmarks belong to the whole document (its fingerprint): with a pending
    /// document they are attached once the whole of it has replaced the preview.
    pub fn new(mut app: App, mut store: StoreLink, pending: Option<Pending>) -> Self {
        app.set_clock(Timestamp::now());
        app.set_loading(pending.is_some());
        if pending.is_none() {
            store.attach(&mut app);
        }
        Self {
            app,
            store,
            pending,
            clipboard: Clipboard::default(),
            farewell: Vec::new(),
            left_unsaved: false,
            pending_open: None,
            library: None,
        }
    }

    /// Start with the library of a collection (`app` from `App::library`), its index and
    /// searches in `link`, and the store for the documents read from it.
    pub fn library(mut app: App, store: StoreLink, link: LibraryLink) -> Self {
        app.set_clock(Timestamp::now());
        Self {
            app,
            store,
            pending: None,
            pending_open: None,
            library: Some(link),
            clipboard: Clipboard::default(),
            farewell: Vec::new(),
            left_unsaved: false,
        }
    }

    /// Put yanks here (the default is OSC 52 on standard output, no yank file).
    pub fn set_clipboard(&mut self, clipboard: Clipboard) {
        self.clipboard = clipboard;
    }

    pub fn app(&self) -> &App {
        &self.app
    }

    /// For setting up a test or applying settings; actions go through [`Driver::handle`].
    pub fn app_mut(&mut self) -> &mut App {
        &mut self.app
    }

    /// Apply one action and perform the effect it asks for.
    pub fn handle(&mut self, action: Action) -> Option<Stop> {
        self.app.set_clock(Timestamp::now());
        match self.app.update(action)? {
            Effect::Quit => self.quit(),
            Effect::QuitKeepingUnsaved => self.quit_keeping_unsaved(),
            Effect::QuitDiscardingUnsaved => {
                if let Some((n, reason)) = self.store.unsaved_after_retry() {
                    self.farewell
                        .push(format!("{} not saved: {reason}", changes(n)));
                    self.left_unsaved = true;
                }
                Some(Stop::Quit)
            }
            Effect::Bookmarks(op) => {
                self.store.perform(&mut self.app, op);
                None
            }
            Effect::Yank(y) => {
                let what = if y.cited {
                    format!("{} with citation", y.what)
                } else {
                    y.what
                };
                let said = self.clipboard.put(&y.text, &what);
                self.app.say(said);
                None
            }
            Effect::WriteBookmarks(path) => {
                let said = self.store.write_markdown(&self.app, &path);
                self.app.say(said);
                None
            }
            Effect::OpenDocument(req) => {
                self.open_document(req);
                None
            }
            Effect::LeaveDocument(doc) => {
                self.leave_document(doc);
                None
            }
            Effect::SearchLibrary { query, generation } => {
                if let Some(link) = &mut self.library {
                    link.start_search(&self.app, query, generation);
                }
                None
            }
        }
    }

    /// Read a document of the library and show it where the request says.
    fn open_document(&mut self, req: OpenRequest) {
        let Some(link) = &self.library else { return };
        let opened = match link.open(&req) {
            Ok(o) => o,
            Err(e) => {
                self.app.say(e);
                return;
            }
        };
        if let Some(left) = self.app.open_doc() {
            self.leave_document(left);
        }
        let (list, failed) = match opened.entities {
            Some(Ok(list)) => (list, None),
            Some(Err(f)) => (Vec::new(), Some(f)),
            None => (Vec::new(), None),
        };
        self.app.show_document(req.doc, opened.doc, list);
        if let Some(f) = failed {
            self.app.entities_failed(f.message());
        }
        self.store.set_path(Some(req.path));
        self.app.set_loading(opened.pending.is_some());
        if opened.pending.is_some() {
            self.app.entities_pending();
        }
        self.pending = opened.pending;
        if self.pending.is_some() {
            self.pending_open = Some(req.at);
        } else {
            self.store.attach_at(&mut self.app, req.at == OpenAt::Saved);
            self.app.apply_open(req.at);
        }
    }

    /// The reader left library document `doc`: remember where, and mark it read.
    fn leave_document(&mut self, doc: usize) {
        // A position in a document still arriving is a position in its first part only.
        self.pending = None;
        if !self.app.loading() {
            self.store.save_position(&self.app);
        }
        self.pending_open = None;
        let Some(store) = self.store.store() else {
            return;
        };
        let Some(summary) = self.app.library_state().and_then(|l| l.docs().get(doc)) else {
            return;
        };
        let mark = marks(store, std::slice::from_ref(summary))[0];
        self.app.library_mark(doc, mark);
    }

    /// Take what the background work has produced (the whole of a big document, the
    /// collection's index, search hits). Returns whether anything changed. Never blocks.
    pub fn poll_background(&mut self) -> bool {
        let whole = self.take_whole_document();
        let library = match &mut self.library {
            Some(link) => link.poll(&mut self.app, self.store.store()),
            None => false,
        };
        whole || library
    }

    /// Start parsing the whole document in the background (after the first frame).
    pub fn start_loading(&mut self) {
        if let Some(p) = &mut self.pending {
            p.start();
        }
        if let Some(link) = &mut self.library {
            link.start();
        }
    }

    /// Whether the whole document or its entities, the collection's index or a search is
    /// still on its way.
    pub fn loading(&self) -> bool {
        self.pending.is_some() || self.library.as_ref().is_some_and(LibraryLink::busy)
    }

    /// Take in what the loader has sent: the whole document (swapped in, with its
    /// bookmarks), then its entities; or what failed, which the App then shows. Returns
    /// whether anything arrived. Never blocks.
    pub fn take_whole_document(&mut self) -> bool {
        let Some(p) = &mut self.pending else {
            return false;
        };
        let Some(arrival) = p.try_take() else {
            return false;
        };
        let done = p.is_done();
        match arrival {
            Arrival::Document(Ok(doc)) => self.document_arrived(doc),
            Arrival::Document(Err(why)) => {
                self.app.whole_unavailable(why.message());
                // The entities would have come from the whole document.
                self.app
                    .entities_unavailable("no names: only the first part of the file was read");
                // Bookmarks belong to the whole document: a place in its first part is all
                // there is to go to.
                if let Some(at) = self.pending_open.take().filter(|&at| at != OpenAt::Saved) {
                    self.app.apply_open(at);
                }
            }
            Arrival::Entities(Ok(index)) => self.app.set_entity_index(index),
            Arrival::Entities(Err(f)) => self.app.entities_failed(f.message()),
        }
        if done {
            // The loader is finished with everything it used to get here.
            self.pending = None;
            crate::loading::give_back_free_memory();
        }
        true
    }

    /// Swap in the whole document with its entities, and attach its bookmarks: what the
    /// arrival of a big file's whole document and then its entities does, in one step
    /// (tests and fuzzing call it directly).
    pub fn replace_document(&mut self, doc: Document, entities: Vec<Entity>) {
        self.pending = None;
        self.document_arrived(doc.into());
        self.app.set_entities(entities);
    }

    /// The whole document is here: swap it in and attach its bookmarks (at the place the
    /// reader was asked to open at, if any).
    fn document_arrived(&mut self, doc: std::sync::Arc<Document>) {
        self.app.replace_document(doc);
        match self.pending_open.take() {
            Some(at) => {
                self.store.attach_at(&mut self.app, at == OpenAt::Saved);
                self.app.apply_open(at);
            }
            None => self.store.attach(&mut self.app),
        }
    }

    /// Whether the App has background work (a search still counting).
    pub fn busy(&self) -> bool {
        self.app.busy()
    }

    /// One step of the App's background work; returns whether anything was done.
    pub fn background_step(&mut self) -> bool {
        self.app.background_step()
    }

    /// Remember where the reader is (on quit, on a signal).
    pub fn save_position(&mut self) {
        self.store.save_position(&self.app);
    }

    /// The user quits: save what is pending; if that fails, ask first (see `app::quit`).
    fn quit(&mut self) -> Option<Stop> {
        self.save_position();
        let Some((changes, reason)) = self.store.unsaved_after_retry() else {
            return Some(Stop::Quit);
        };
        self.app.ask_before_quitting(UnsavedQuit {
            changes,
            reason,
            nowhere: false,
        });
        None
    }

    /// The user confirmed quitting with unsaved changes: one more try, else write them to a
    /// file of their own; if no place takes it, ask again.
    fn quit_keeping_unsaved(&mut self) -> Option<Stop> {
        let Some((n, _)) = self.store.unsaved_after_retry() else {
            return Some(Stop::Quit);
        };
        match self.store.write_unsaved() {
            Ok(path) => {
                self.kept_elsewhere(n, &path);
                Some(Stop::Quit)
            }
            Err(reason) => {
                self.app.ask_before_quitting(UnsavedQuit {
                    changes: n,
                    reason,
                    nowhere: true,
                });
                None
            }
        }
    }

    /// A signal or a hang-up ends the reader: remember the position and keep unsaved
    /// bookmark changes in a file of their own, without asking.
    pub fn save_on_exit(&mut self) {
        self.save_position();
        let Some((n, reason)) = self.store.unsaved_after_retry() else {
            return;
        };
        match self.store.write_unsaved() {
            Ok(path) => self.kept_elsewhere(n, &path),
            Err(e) => self
                .farewell
                .push(format!("{} not saved: {reason}; {e}", changes(n))),
        }
        self.left_unsaved = true;
    }

    fn kept_elsewhere(&mut self, n: usize, path: &std::path::Path) {
        self.farewell.push(format!(
            "{} not saved to bookmarks.json: unsaved bookmarks written to {}",
            changes(n),
            path.display()
        ));
        self.left_unsaved = true;
    }

    /// What to print once the terminal is restored.
    pub fn farewell(&self) -> &[String] {
        &self.farewell
    }

    /// Whether bookmark changes were left out of `bookmarks.json` (the exit status says so).
    pub fn left_unsaved(&self) -> bool {
        self.left_unsaved
    }
}

/// `2 bookmark changes`.
fn changes(n: usize) -> String {
    format!("{n} bookmark change{}", if n == 1 { "" } else { "s" })
}
