//! The library: the second top-level view, over a whole collection. One row per document
//! (date, title, kind, record id, entities, read state), the selected document's metadata
//! beside it, and the collection's entities in the side list. The list shows every
//! document, the documents mentioning the selected entity, or the hits of a search of the
//! collection; type to filter it, `s` to sort it, Enter to read.
//!
//! The index arrives from the event loop (`crate::reader`) in pieces: the cached rows, the
//! documents as they are parsed, then the whole collection with its entities
//! ([`App::library_ready`]). Search hits arrive the same way. Reading a document from here
//! is the reader as ever; `walk.rs` carries `n`/`N` and Ctrl-o across documents.

mod list;
mod update;
mod walk;

pub use list::{Row, Sort};
pub use walk::{DocJumps, OpenAt, OpenRequest, Walk, WalkKind};

use super::side::{SideItem, SideList};
use super::{App, Screen};
use crate::corpus::search::DocMatches;
use crate::corpus::{DocRecord, DocSummary, DocText, EntityTable, Skipped};
use crate::search::Query;
use std::sync::Arc;

/// Whether a document was read or bookmarked before (from the saved reading positions and
/// bookmarks).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ReadMark {
    #[default]
    Unread,
    /// A reading position is saved.
    Read,
    /// It has this many bookmarks.
    Bookmarked(u32),
}

impl ReadMark {
    pub fn bookmarks(self) -> u32 {
        match self {
            Self::Bookmarked(n) => n,
            _ => 0,
        }
    }
}

/// Which pane of the library has the keys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LibFocus {
    #[default]
    Documents,
    Entities,
}

/// What the document list shows.
#[derive(Debug, Clone, Default)]
pub enum Source {
    #[default]
    All,
    /// The documents mentioning entity `n` of the collection's table.
    Entity(usize),
    /// The documents a search of the collection found.
    Search(SearchHits),
}

/// A search of the whole collection, as far as it has come.
#[derive(Debug, Clone)]
pub struct SearchHits {
    pub query: Query,
    pub hits: Vec<DocMatches>,
    /// All documents searched.
    pub done: bool,
    /// Which search these are (a new search starts a new generation).
    pub generation: u64,
}

impl SearchHits {
    /// Matches in the documents found so far.
    pub fn matches(&self) -> usize {
        self.hits.iter().map(|h| h.ranges.len()).sum()
    }
}

/// How far indexing has come.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Progress {
    /// Reading the cache and looking at the files.
    #[default]
    Starting,
    /// Parsing `done` of `total` files.
    Parsing {
        done: usize,
        total: usize,
    },
    /// Merging entities, reading texts.
    Finishing,
    Ready,
    /// The index could not be built.
    Failed(String),
}

/// The library's state.
#[derive(Debug, Default)]
pub struct Library {
    /// The collection's name (its folder's).
    name: String,
    docs: Vec<DocSummary>,
    /// The whole record of each document, once the index is ready.
    records: Vec<Option<Arc<DocRecord>>>,
    texts: Vec<Option<Arc<DocText>>>,
    marks: Vec<ReadMark>,
    table: Option<Arc<EntityTable>>,
    skipped: Vec<Skipped>,
    progress: Progress,
    /// Sort keys of every document, for each [`Sort`].
    keys: list::Keys,
    sort: Sort,
    /// The filter kept for the document list, and its matcher.
    filter: list::Filter,
    source: Source,
    /// The list as shown: source, filter and sort applied.
    rows: Vec<Row>,
    selected: usize,
    /// The first row on screen.
    top: usize,
    focus: LibFocus,
    /// The collection's entities.
    side: SideList,
    /// The document selected in the whole list before an entity's or a search's list
    /// replaced it.
    all_selected: Option<usize>,
    /// The search generation last started.
    search_generation: u64,
    /// New documents arrived since the rows were sorted.
    keys_stale: bool,
    /// The document filter as it was when its input line opened (Esc goes back to it).
    filter_before: String,
}

impl Library {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Every document (indices are the library's document numbers).
    pub fn docs(&self) -> &[DocSummary] {
        &self.docs
    }

    /// The whole record of document `d`, once the index is ready.
    pub fn record(&self, d: usize) -> Option<&DocRecord> {
        self.records.get(d).and_then(|r| r.as_deref())
    }

    /// The transcript of document `d`, once the index is ready.
    pub fn text(&self, d: usize) -> Option<&DocText> {
        self.texts.get(d).and_then(|t| t.as_deref())
    }

    /// Every transcript (for a search of the collection).
    pub fn texts(&self) -> &[Option<Arc<DocText>>] {
        &self.texts
    }

    pub fn mark(&self, d: usize) -> ReadMark {
        self.marks.get(d).copied().unwrap_or_default()
    }

    pub fn table(&self) -> Option<&EntityTable> {
        self.table.as_deref()
    }

    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn ready(&self) -> bool {
        self.progress == Progress::Ready
    }

    pub fn sort(&self) -> Sort {
        self.sort
    }

    /// The filter kept for the document list (empty: none).
    pub fn filter(&self) -> &str {
        self.filter.text()
    }

    pub fn source(&self) -> &Source {
        &self.source
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The document of the selected row.
    pub fn selected_doc(&self) -> Option<usize> {
        self.rows.get(self.selected).map(|r| r.doc)
    }

    pub fn top(&self) -> usize {
        self.top
    }

    pub fn focus(&self) -> LibFocus {
        self.focus
    }

    /// The collection's entities pane.
    pub fn side(&self) -> &SideList {
        &self.side
    }

    /// Screen lines one row of the list takes: two when each document has a line of context.
    pub fn lines_per_row(&self) -> usize {
        match self.source {
            Source::All => 1,
            _ => 2,
        }
    }

    /// The folders documents are in, when there is more than one.
    pub fn has_folders(&self) -> bool {
        let mut folders = self.docs.iter().map(|d| d.file.folder());
        let first = folders.next();
        folders.any(|f| Some(f) != first)
    }

    /// The date order of the documents.
    pub fn date_order(&self) -> Vec<usize> {
        self.keys.order(Sort::Date, &self.marks)
    }
}

impl App {
    /// A library of the collection called `name`, on a terminal of `size`, empty until the
    /// index arrives.
    pub fn library(name: impl Into<String>, size: (u16, u16)) -> Self {
        let mut app = Self::with_entities(crate::document::Document::default(), size, Vec::new());
        let mut library = Library {
            name: name.into(),
            ..Library::default()
        };
        library.side = SideList::new("Entities", Vec::new());
        app.library = Some(Box::new(library));
        app.screen = Screen::Library;
        app
    }

    /// The library, when memcon was opened on a collection.
    pub fn library_state(&self) -> Option<&Library> {
        self.library.as_deref()
    }

    pub(super) fn lib(&mut self) -> Option<&mut Library> {
        self.library.as_deref_mut()
    }

    /// Rows of the cache, shown until the index is checked.
    pub fn library_cached(&mut self, docs: Vec<DocSummary>) {
        let height = self.library_list_height();
        let Some(lib) = self.lib() else { return };
        if !lib.docs.is_empty() {
            return;
        }
        lib.marks = vec![ReadMark::Unread; docs.len()];
        lib.docs = docs;
        lib.reindex(height);
    }

    /// Files are being parsed: `done` of `total`, with the document just parsed.
    pub fn library_progress(&mut self, done: usize, total: usize, doc: Option<DocSummary>) {
        let Some(lib) = self.lib() else { return };
        lib.progress = if done >= total {
            Progress::Finishing
        } else {
            Progress::Parsing { done, total }
        };
        let Some(doc) = doc else { return };
        let i = match lib.docs.iter().position(|d| d.file.path == doc.file.path) {
            Some(i) => {
                lib.docs[i] = doc;
                i
            }
            None => {
                lib.docs.push(doc);
                lib.marks.push(ReadMark::Unread);
                lib.docs.len() - 1
            }
        };
        lib.keys.set(i, &lib.docs[i]);
        lib.keys_stale = true;
    }

    /// Sort and show documents that arrived since the last frame (called once per frame
    /// while files are parsed, so rows fill in without sorting on every file).
    pub fn library_refresh(&mut self) {
        let height = self.library_list_height();
        if let Some(lib) = self.lib()
            && lib.keys_stale
        {
            lib.keys_stale = false;
            // The first row stays selected while documents arrive, unless the reader has
            // chosen another: the one parsed first is not the one listed first.
            let at_top = lib.selected == 0;
            lib.rebuild_rows(height);
            if at_top {
                lib.move_selection(isize::MIN, height);
            }
        }
    }

    /// The whole collection is indexed.
    pub fn library_ready(&mut self, ready: crate::corpus::job::Ready) {
        let height = self.library_list_height();
        let Some(lib) = self.lib() else { return };
        let crate::corpus::job::Ready {
            collection,
            summaries,
            entities,
            ..
        } = ready;
        let keep = (lib.selected > 0)
            .then(|| lib.selected_doc().map(|d| lib.docs[d].file.path.clone()))
            .flatten();
        let same_rows = lib.docs == summaries;
        lib.docs = summaries;
        lib.records = collection.docs.into_iter().map(Some).collect();
        lib.texts = collection.texts;
        lib.marks.resize(lib.docs.len(), ReadMark::Unread);
        lib.skipped = collection.skipped;
        lib.progress = Progress::Ready;
        lib.side = entity_list(&entities);
        lib.table = Some(entities);
        lib.source = Source::All;
        if same_rows {
            lib.keys_stale = false;
            lib.rebuild_rows(height);
        } else {
            lib.reindex(height);
        }
        if let Some(path) = keep {
            lib.select_doc_where(height, |d| d.file.path == path);
        } else {
            lib.move_selection(isize::MIN, height);
        }
        let notices = collection.report.notices;
        if !notices.is_empty() {
            self.say(notices.join("; "));
        }
    }

    /// The index could not be built.
    pub fn library_failed(&mut self, why: String) {
        if let Some(lib) = self.lib() {
            lib.progress = Progress::Failed(why.clone());
        }
        self.say(format!("the collection could not be indexed: {why}"));
    }

    /// Read marks of every document (from the saved positions and bookmarks).
    pub fn library_marks(&mut self, marks: Vec<ReadMark>) {
        let height = self.library_list_height();
        let Some(lib) = self.lib() else { return };
        if marks.len() == lib.docs.len() {
            lib.marks = marks;
            if lib.sort == Sort::Bookmarks {
                lib.reindex(height);
            }
        }
    }

    /// The read mark of one document changed (it was just read).
    pub fn library_mark(&mut self, doc: usize, mark: ReadMark) {
        if let Some(lib) = self.lib()
            && let Some(m) = lib.marks.get_mut(doc)
        {
            *m = mark;
        }
    }

    /// Hits of search `generation` of the collection; `done` when every document was
    /// searched.
    pub fn library_search_hits(&mut self, generation: u64, hits: Vec<DocMatches>, done: bool) {
        let height = self.library_list_height();
        let Some(lib) = self.lib() else { return };
        let Source::Search(s) = &mut lib.source else {
            return;
        };
        if s.generation != generation {
            return;
        }
        s.hits.extend(hits);
        s.done = done;
        let (docs, matches) = (s.hits.len(), s.matches());
        let pattern = s.query.pattern.clone();
        lib.rebuild_rows(height);
        if done {
            self.say(if docs == 0 {
                format!("no document matches {pattern}")
            } else {
                format!("{matches} matches in {docs} documents")
            });
        }
    }
}

/// The entities pane of the library: one item per collection entity, grouped by kind,
/// counted by documents.
fn entity_list(table: &EntityTable) -> SideList {
    let items = table
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| SideItem {
            entity: i,
            label: e.name.clone(),
            kind: e.kind,
            detail: (!e.aliases.is_empty()).then(|| e.aliases.join(", ")),
            count: e.docs.len(),
            in_metadata: 0,
            first: None,
        })
        .collect();
    SideList::new("Entities", items)
}
