//! Reading from the library: opening a document (at an entity's mention or a search's
//! match), `n`/`N` that carry on into the next or previous document of the list, Ctrl-o /
//! Ctrl-i across documents, and going back to the library.

use super::super::{App, Effect, Screen, TargetLabel};
use crate::document::{Document, Location, TextRange};
use crate::entities::Entity;
use crate::search::{Matcher, Query};
use std::path::PathBuf;

/// Where to put the reader in a document it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenAt {
    /// Where the user last read it (the saved reading position), else the top.
    Saved,
    /// At a position (going back or forward across documents).
    Location(Location),
    /// At the walk's first target in it.
    First,
    /// At the walk's last target in it.
    Last,
}

/// A document for the event loop to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenRequest {
    /// The library's document number.
    pub doc: usize,
    pub path: PathBuf,
    pub at: OpenAt,
}

/// What a walk across documents follows.
#[derive(Debug, Clone)]
pub enum WalkKind {
    /// The mentions of entity `id` of the collection.
    Entity { id: usize, name: String },
    /// The matches of a search of the collection.
    Search { query: Query, matcher: Matcher },
}

/// `n`/`N` across documents: the documents of the list the reader was opened from, and
/// which of them is open.
#[derive(Debug, Clone)]
pub struct Walk {
    pub kind: WalkKind,
    pub docs: Vec<usize>,
    pub pos: usize,
}

impl Walk {
    /// The name or pattern, as the status line shows it.
    pub fn label(&self) -> TargetLabel {
        match &self.kind {
            WalkKind::Entity { name, .. } => TargetLabel::Entity(name.clone()),
            WalkKind::Search { query, .. } => TargetLabel::Search(query.pattern.clone()),
        }
    }
}

/// Ctrl-o / Ctrl-i across documents: where the reader was in the documents it left.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocJumps {
    back: Vec<(usize, Location)>,
    forward: Vec<(usize, Location)>,
}

impl App {
    /// The walk across documents, while its targets are the current ones.
    pub fn walk(&self) -> Option<&Walk> {
        let walk = self.walk.as_ref()?;
        let label = self.targets().map(|t| &t.label)?;
        (*label == walk.label()).then_some(walk)
    }

    /// The library's number of the document being read, if it came from the library.
    pub fn open_doc(&self) -> Option<usize> {
        self.open_doc
    }

    /// Show `doc` (library document `id`) in the reader, with its `entities`; everything
    /// about the document read before is dropped (the library and the walk stay).
    pub fn show_document(&mut self, id: usize, doc: Document, entities: Vec<Entity>) {
        let size = self.view.size();
        let layout = self.view.layout();
        self.view = super::super::DocView::new(doc, size);
        self.view.set_layout(layout);
        self.view.resize(size.0, size.1);
        let (regex, fold) = (self.search.regex(), self.search.fold_accents());
        self.search = super::super::SearchState::default();
        self.search.set_options(regex, fold);
        self.entities = super::super::EntityState::default();
        self.set_entities(entities);
        self.bookmarks = super::super::BookmarkState::default();
        self.overlay = super::super::Overlay::None;
        self.input = super::super::InputState::default();
        self.completeness = super::super::Completeness::Whole;
        self.notices.clear();
        self.open_doc = Some(id);
        self.screen = Screen::Reader;
        if !self.view.doc().warnings.is_empty() {
            self.say(self.view.doc().warnings.join("; "));
        }
    }

    /// Put the reader where `at` says, once the document (and its bookmarks) are in.
    pub fn apply_open(&mut self, at: OpenAt) {
        let in_walk = self.open_doc.and_then(|d| {
            let walk = self.walk.as_mut()?;
            let pos = walk.docs.iter().position(|&x| x == d)?;
            walk.pos = pos;
            Some(())
        });
        match at {
            OpenAt::Saved => {}
            OpenAt::Location(loc) => {
                self.view.go(loc);
                if in_walk.is_some() {
                    self.set_walk_targets(None);
                }
            }
            OpenAt::First | OpenAt::Last => {
                let n = self.set_walk_targets(Some(at == OpenAt::First));
                match n {
                    Some(r) => self.view.reveal(r.location()),
                    None => self.say("the index is out of date: not found in this version"),
                }
            }
        }
    }

    /// The walk's targets in the open document; with `first` (or `Some(false)`: the last)
    /// one of them is current. Returns the current one.
    fn set_walk_targets(&mut self, first: Option<bool>) -> Option<TextRange> {
        let walk = self.walk.clone()?;
        let ranges = match &walk.kind {
            WalkKind::Entity { id, .. } => {
                let table = self.library.as_ref()?.table()?;
                let index = self.entities.index();
                let mut r: Vec<TextRange> = index
                    .list()
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| table.is_member(*id, e.kind, &e.name))
                    .flat_map(|(i, _)| index.mentions_of(i))
                    .collect();
                r.sort();
                r.dedup();
                r
            }
            WalkKind::Search { matcher, .. } => crate::search::find_all(self.view.doc(), matcher),
        };
        let current = first.and_then(|f| {
            if f {
                (!ranges.is_empty()).then_some(0)
            } else {
                ranges.len().checked_sub(1)
            }
        });
        let at = current.map(|i| ranges[i]);
        self.set_targets(walk.label(), ranges, current);
        self.walk = Some(walk);
        at
    }

    /// `n`/`N` past the last (first) target of a walk: the next (previous) document of the
    /// walk, or `None` when the step stays in this document.
    pub(in crate::app) fn walk_step(&mut self, forward: bool) -> Option<Effect> {
        let walk = self.walk()?;
        if walk.docs.len() < 2 {
            return None;
        }
        let top = self.view.top();
        let targets = self.targets()?;
        let leaves = match targets.step(forward, (top.block, top.offset)) {
            None => true,
            Some((_, wrapped)) => wrapped,
        };
        if !leaves {
            return None;
        }
        let len = walk.docs.len();
        let pos = if forward {
            (walk.pos + 1) % len
        } else {
            (walk.pos + len - 1) % len
        };
        let wrapped = if forward { pos == 0 } else { pos == len - 1 };
        let doc = walk.docs[pos];
        let at = if forward { OpenAt::First } else { OpenAt::Last };
        self.leave_for(doc, at, wrapped)
    }

    /// Open `doc` at `at` from the document being read, remembering where the reader was.
    fn leave_for(&mut self, doc: usize, at: OpenAt, wrapped: bool) -> Option<Effect> {
        let path = self.library.as_ref()?.docs().get(doc)?.file.path();
        if let Some(from) = self.open_doc {
            self.doc_jumps.back.push((from, self.view.top()));
            self.doc_jumps.forward.clear();
        }
        if wrapped {
            self.say("wrapped round to the first document");
        }
        Some(Effect::OpenDocument(OpenRequest { doc, path, at }))
    }

    /// Ctrl-o at the oldest jump of this document: back to the document read before.
    pub(in crate::app) fn doc_jump(&mut self, back: bool) -> Option<Effect> {
        let here = (self.open_doc?, self.view.top());
        let (from, to) = if back {
            (&mut self.doc_jumps.back, &mut self.doc_jumps.forward)
        } else {
            (&mut self.doc_jumps.forward, &mut self.doc_jumps.back)
        };
        let (doc, loc) = from.pop()?;
        to.push(here);
        let path = self.library.as_ref()?.docs().get(doc)?.file.path();
        Some(Effect::OpenDocument(OpenRequest {
            doc,
            path,
            at: OpenAt::Location(loc),
        }))
    }

    /// q (or Esc with nothing to clear) in a document opened from the library: back to the
    /// library, on the row of the document just read.
    pub(in crate::app) fn back_to_library(&mut self) -> Option<Effect> {
        let doc = self.open_doc?;
        self.screen = Screen::Library;
        self.walk = None;
        self.doc_jumps = DocJumps::default();
        self.overlay = super::super::Overlay::None;
        let height = self.library_list_height();
        if let Some(lib) = self.lib() {
            let path = lib.docs().get(doc).map(|d| d.file.path.clone());
            if let Some(path) = path {
                lib.select_doc_where(height, |d| d.file.path == path);
            }
        }
        Some(Effect::LeaveDocument(doc))
    }
}
