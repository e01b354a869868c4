//! The event loop's state without the terminal: the App, the bookmark store, the loader of
//! a big file's whole document, and the clock. It performs the effects `update` returns, so
//! tests drive exactly what the terminal loop drives.

use super::bookmarks::StoreLink;
use crate::app::{Action, App, Effect};
use crate::bookmarks::Timestamp;
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
        }
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
            Effect::Quit => {
                self.save_position();
                Some(Stop::Quit)
            }
            Effect::Bookmarks(op) => {
                self.store.perform(&mut self.app, op);
                None
            }
        }
    }

    /// Start parsing the whole document in the background (after the first frame).
    pub fn start_loading(&mut self) {
        if let Some(p) = &mut self.pending {
            p.start();
        }
    }

    /// Whether the whole document or its entities are still on their way.
    pub fn loading(&self) -> bool {
        self.pending.is_some()
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
            Arrival::Document(Ok(doc)) => {
                self.app.replace_document(doc);
                self.store.attach(&mut self.app);
            }
            Arrival::Document(Err(why)) => {
                self.app.whole_unavailable(why.message());
                // The entities would have come from the whole document.
                self.app
                    .entities_unavailable("no names: only the first part of the file was read");
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
}
