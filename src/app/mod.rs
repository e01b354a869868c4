//! The reader's state and everything that changes it.
//!
//! Keys become [`Action`]s in [`keymap`]; [`App::update`] (in `update.rs`) is the only place
//! that acts on them and may hand back an [`Effect`] for the event loop to perform. Drawing
//! (`ui::render`) only reads an `App`.
//!
//! Seams for features: [`App::set_targets`] (what `n`/`N` walk and the body highlights),
//! [`App::open_input`] with an [`InputPurpose`] (hooks in `input_hooks.rs`),
//! [`App::gutter_marks`] (blocks flagged in the body's gutter) and [`App::side`] (the side
//! list).

mod action;
pub mod bookmarks;
mod doc_index;
pub mod entities;
mod input;
mod input_hooks;
mod jumps;
pub mod keymap;
pub mod meta;
mod panes;
mod scroll;
mod search;
pub mod side;
mod targets;
mod update;
pub mod wrap;

pub use action::Action;
pub use doc_index::DocIndex;
pub use input::{InputLine, InputPurpose, remember};
pub use jumps::JumpList;
pub use panes::{Focus, GUTTER_WIDTH, MIN_HEIGHT, MIN_WIDTH, Panes};
pub use scroll::{RowPos, VisibleRow};
pub use search::SearchState;
pub use side::{SideItem, SideList};
pub use targets::{TargetLabel, Targets};

use crate::document::{Document, Location, TextRange};
use ratatui::layout::Rect;
use std::collections::{BTreeSet, HashMap};
use wrap::WrapCache;

/// Which keymap is live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Normal,
    Help,
    Input,
    /// The bookmarks list overlay.
    Bookmarks,
    /// The concordance overlay of an entity.
    Concordance,
}

/// Work `update` asks the event loop to do (it touches the world outside the App).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave memcon.
    Quit,
    /// Save a bookmark change (see `bookmarks.rs`).
    Bookmarks(bookmarks::BookmarkOp),
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    pub doc: Document,
    pub index: DocIndex,
    /// Terminal size in columns and rows.
    pub size: (u16, u16),
    /// The body's scroll anchor: the document position shown on the top row. Kept exact
    /// across resizes, so the same words stay at the top at any width.
    pub top: Location,
    pub focus: Focus,
    pub metadata_expanded: bool,
    /// Rows scrolled in the metadata pane.
    pub meta_scroll: usize,
    /// The side list (entities pane).
    pub side: SideList,
    /// The document's entities, their sort order and the concordance (`entities.rs`).
    pub entities: entities::EntityState,
    /// What `n`/`N` walk; highlighted in the body and in the marker column.
    pub targets: Option<Targets>,
    /// The input line, when open.
    pub input: Option<InputLine>,
    /// Input histories, one per purpose, oldest first.
    pub histories: HashMap<InputPurpose, Vec<String>>,
    pub jumps: JumpList,
    /// Search settings and the search in progress (`search.rs`).
    pub search: SearchState,
    /// Blocks flagged in the body's gutter (bookmarks).
    pub gutter_marks: BTreeSet<usize>,
    /// A transient message for the status line, cleared by the next key.
    pub message: Option<String>,
    pub help_open: bool,
    pub help_scroll: usize,
    /// This document's bookmarks, the list overlay and the store.
    pub bookmarks: bookmarks::Bookmarks,
    /// False when `NO_COLOR` asks for a colourless screen.
    pub color: bool,
    /// True while `doc` is only the first part of a big file and the whole one is being
    /// parsed (see [`App::replace_document`]).
    pub loading: bool,
    wrap: WrapCache,
}

impl App {
    /// A reader for `doc` on a terminal of `size` (columns, rows), with the entities the
    /// built-in rules find (no user alias file).
    pub fn new(doc: Document, size: (u16, u16)) -> Self {
        let list = crate::entities::extract(&doc);
        Self::with_entities(doc, size, list)
    }

    /// A reader for `doc` with its entities already extracted.
    pub fn with_entities(
        doc: Document,
        size: (u16, u16),
        list: Vec<crate::entities::Entity>,
    ) -> Self {
        let index = DocIndex::new(&doc);
        let bookmarks = bookmarks::Bookmarks::new(&doc);
        let mut app = Self {
            doc,
            index,
            size,
            top: Location::default(),
            focus: Focus::Body,
            metadata_expanded: true,
            meta_scroll: 0,
            side: SideList::default(),
            entities: entities::EntityState::default(),
            targets: None,
            input: None,
            histories: HashMap::new(),
            jumps: JumpList::default(),
            search: SearchState::default(),
            gutter_marks: BTreeSet::new(),
            message: None,
            help_open: false,
            help_scroll: 0,
            bookmarks,
            color: true,
            loading: false,
            wrap: WrapCache::default(),
        };
        app.set_entities(list);
        app
    }

    /// Swap in the whole document once it has been parsed. The reading position stays on the
    /// same words (same block when its text is unchanged, else the same byte position).
    /// Anything derived from the document is rebuilt here; its entities, extracted in the
    /// background with it, follow through `set_entities`. Searching and bookmarking wait
    /// until then.
    pub fn replace_document(&mut self, doc: Document) {
        let same_block = self.doc.blocks.get(self.top.block).map(|b| &b.text)
            == doc.blocks.get(self.top.block).map(|b| &b.text);
        let pos = self.index.pos(self.top);
        self.doc = doc;
        self.index = DocIndex::new(&self.doc);
        // Bookmarks are attached after this (`loading::Pending::after_whole`), so nothing
        // saved is dropped here; the paragraph numbering is rebuilt for the whole text.
        self.bookmarks = bookmarks::Bookmarks::new(&self.doc);
        self.wrap = WrapCache::default();
        self.loading = false;
        if !same_block {
            self.top = self.index.location_at(pos);
        }
        self.clamp_top();
        if !self.doc.warnings.is_empty() {
            self.say(self.doc.warnings.join("; "));
        }
    }

    /// True while the document is only the first part of a big file (the event loop says so).
    pub fn set_loading(&mut self, loading: bool) {
        self.loading = loading;
    }

    /// Which keymap applies now.
    pub fn mode(&self) -> Mode {
        if self.input.is_some() {
            Mode::Input
        } else if self.bookmarks.list.is_some() {
            Mode::Bookmarks
        } else if self.entities.concordance.is_some() {
            Mode::Concordance
        } else if self.help_open {
            Mode::Help
        } else {
            Mode::Normal
        }
    }

    /// The screen's panes, or `None` when the terminal is too small.
    pub fn panes(&self) -> Option<Panes> {
        Panes::new(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.metadata_expanded,
        )
    }

    /// Make `ranges` the current targets (sorted for you); `current` indexes `ranges` as given.
    pub fn set_targets(
        &mut self,
        label: TargetLabel,
        ranges: Vec<TextRange>,
        current: Option<usize>,
    ) {
        self.search.stop_counting();
        self.targets = Some(Targets::new(label, ranges, current));
    }

    /// Forget the current targets and their highlights.
    pub fn clear_targets(&mut self) {
        self.search.stop_counting();
        self.targets = None;
    }

    /// Open the input line for `purpose`, starting with `text`.
    pub fn open_input(&mut self, purpose: InputPurpose, text: &str) {
        self.input = Some(InputLine::new(purpose, text));
    }

    /// Show `text` in the status line until the next key.
    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(text.into());
    }

    /// "paragraph N of M" as `crate::bookmarks::paragraphs` counts them (N is 0 above the
    /// first paragraph), the same numbers bookmarks and `memcon bookmarks add` use.
    pub fn paragraph(&self) -> (usize, usize) {
        let p = &self.bookmarks.paragraphs;
        (p.number_at(self.top.block), p.count())
    }

    /// Whole percent read: the top row's position, or 100 when the end is on screen.
    pub fn percent(&self) -> usize {
        if self.at_end() {
            100
        } else {
            self.index.percent(self.top)
        }
    }
}
