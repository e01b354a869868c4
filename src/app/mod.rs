//! The reader's state and everything that changes it. No IO: the event loop
//! (`crate::reader`) owns the terminal, the bookmark store, the loader and the clock.
//!
//! Keys become [`Action`]s in [`keymap`]; [`App::update`] (in `update.rs`) is the only place
//! that acts on them and may hand back an [`Effect`] for the event loop to perform. Drawing
//! (`ui::render`) only reads an `App`.
//!
//! The state is split by concept, each part with private fields and a small API:
//! [`DocView`] (the document, scroll position, panes, focus, jump list, targets, gutter),
//! [`SearchState`], [`EntityState`], [`BookmarkState`], the input line ([`InputState`]), and
//! one [`Overlay`] at a time (help, bookmarks list, concordance), which with the input line
//! decides the [`Mode`].
//!
//! Seams for features: [`App::set_targets`] (what `n`/`N` walk and the body highlights),
//! [`App::open_input`] with an [`InputPurpose`] (hooks in `input_hooks.rs`),
//! [`App::set_gutter_marks`] (blocks flagged in the body's gutter) and the side list in
//! [`EntityState`].

mod action;
pub mod bookmarks;
pub mod entities;
pub mod entity_index;
pub mod help;
mod input;
mod input_hooks;
pub mod keymap;
mod search;
pub mod side;
mod update;
pub mod view;

pub use action::Action;
pub use bookmarks::{BookmarkList, BookmarkState};
pub use entities::{Concordance, EntityState, NamesStatus};
pub use entity_index::{EntityIndex, Listed, MetaMark};
pub use input::{InputLine, InputPurpose, InputState, remember};
pub use search::SearchState;
pub use side::{SideItem, SideList};
pub use view::{
    DocIndex, DocView, Focus, GUTTER_WIDTH, Layout, MIN_HEIGHT, MIN_WIDTH, Panes, RowPos,
    TargetLabel, Targets, VisibleRow,
};

use crate::document::{Document, Location, TextRange};
use std::sync::Arc;

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

/// The one overlay drawn over the panes, if any, with its own state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Overlay {
    #[default]
    None,
    /// The key list; `scroll` rows scrolled.
    Help {
        scroll: usize,
    },
    Bookmarks(BookmarkList),
    Concordance(Concordance),
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
    view: DocView,
    overlay: Overlay,
    input: InputState,
    search: SearchState,
    entities: EntityState,
    bookmarks: BookmarkState,
    /// A transient message for the status line, cleared by the next key.
    message: Option<String>,
    /// False when `NO_COLOR` asks for a colourless screen.
    color: bool,
    /// Whether the document is all of the file (see [`App::replace_document`]).
    completeness: Completeness,
    /// What the reader goes without (a failed job), shown in the status line when there is
    /// no message.
    notices: Vec<String>,
}

/// How much of its file the document shown is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Completeness {
    /// All of it.
    #[default]
    Whole,
    /// The first part of a big file; the whole document is being read and parsed.
    Loading,
    /// Only the first part could be had, for the reason given.
    Partial(String),
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
        doc: impl Into<Arc<Document>>,
        size: (u16, u16),
        list: Vec<crate::entities::Entity>,
    ) -> Self {
        let mut app = Self {
            view: DocView::new(doc, size),
            overlay: Overlay::None,
            input: InputState::default(),
            search: SearchState::default(),
            entities: EntityState::default(),
            bookmarks: BookmarkState::default(),
            message: None,
            color: true,
            completeness: Completeness::Whole,
            notices: Vec::new(),
        };
        app.set_entities(list);
        app
    }

    /// Swap in the whole document once it has been parsed. The reading position stays on the
    /// same words. Anything derived from the document is rebuilt here; its entities,
    /// extracted in the background with it, follow through `set_entities`, its bookmarks
    /// through `bookmarks_attached`. Searching and bookmarking wait until then.
    pub fn replace_document(&mut self, doc: impl Into<Arc<Document>>) {
        self.view.replace_document(doc.into());
        self.bookmarks = BookmarkState::default();
        self.completeness = Completeness::Whole;
        if !self.view.doc().warnings.is_empty() {
            self.say(self.view.doc().warnings.join("; "));
        }
    }

    /// The document and where the reader stands in it.
    pub fn view(&self) -> &DocView {
        &self.view
    }

    /// The document shown.
    pub fn doc(&self) -> &Document {
        self.view.doc()
    }

    /// The position on the body's top row.
    pub fn top(&self) -> Location {
        self.view.top()
    }

    pub fn search(&self) -> &SearchState {
        &self.search
    }

    pub fn entities(&self) -> &EntityState {
        &self.entities
    }

    pub fn bookmarks(&self) -> &BookmarkState {
        &self.bookmarks
    }

    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    /// The input line, when open.
    pub fn input(&self) -> Option<&InputLine> {
        self.input.line()
    }

    /// The status line's message, until the next key.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether the screen may use colour.
    pub fn color(&self) -> bool {
        self.color
    }

    /// Draw without colour (`NO_COLOR`).
    pub fn set_color(&mut self, color: bool) {
        self.color = color;
    }

    /// Apply the user's layout settings (text width cap, side column width).
    pub fn set_layout(&mut self, layout: Layout) {
        self.view.set_layout(layout);
    }

    /// True while the document is only the first part of a big file and the rest is coming.
    pub fn loading(&self) -> bool {
        self.completeness == Completeness::Loading
    }

    /// Whether the document is all of its file.
    pub fn completeness(&self) -> &Completeness {
        &self.completeness
    }

    /// Set by the event loop while the whole document is on its way.
    pub fn set_loading(&mut self, loading: bool) {
        self.completeness = if loading {
            Completeness::Loading
        } else {
            Completeness::Whole
        };
    }

    /// The whole document will not come (`reason` says why, in the status line): the first
    /// part stays readable and searchable; bookmarks, which belong to the whole document,
    /// are not offered.
    pub fn whole_unavailable(&mut self, reason: String) {
        self.completeness = Completeness::Partial(reason.clone());
        self.add_notice(reason);
    }

    /// Keep `text` in the status line while no message is shown: something the reader
    /// goes without.
    pub fn add_notice(&mut self, text: String) {
        if !self.notices.contains(&text) {
            self.notices.push(text);
        }
    }

    /// What the reader goes without, for the status line.
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// Which keymap applies now.
    pub fn mode(&self) -> Mode {
        if self.input.line().is_some() {
            return Mode::Input;
        }
        match self.overlay {
            Overlay::None => Mode::Normal,
            Overlay::Help { .. } => Mode::Help,
            Overlay::Bookmarks(_) => Mode::Bookmarks,
            Overlay::Concordance(_) => Mode::Concordance,
        }
    }

    /// The screen's panes, or `None` when the terminal is too small.
    pub fn panes(&self) -> Option<Panes> {
        self.view.panes()
    }

    /// The current targets (what `n`/`N` walk).
    pub fn targets(&self) -> Option<&Targets> {
        self.view.targets()
    }

    /// Make `ranges` the current targets (sorted for you); `current` indexes `ranges` as given.
    pub fn set_targets(
        &mut self,
        label: TargetLabel,
        ranges: Vec<TextRange>,
        current: Option<usize>,
    ) {
        self.search.stop_counting();
        self.view
            .set_targets(Some(Targets::new(label, ranges, current)));
    }

    /// Forget the current targets and their highlights.
    pub fn clear_targets(&mut self) {
        self.search.stop_counting();
        self.view.set_targets(None);
    }

    /// Jump so `loc` is on the top row, remembering where the reader was (Ctrl-o returns).
    pub fn jump_to(&mut self, loc: Location) {
        self.view.jump_to(loc);
    }

    /// Flag blocks in the body's gutter (replacing the previous marks; bookmarks set them).
    pub fn set_gutter_marks(&mut self, blocks: impl IntoIterator<Item = usize>) {
        self.view.set_gutter_marks(blocks);
    }

    /// Open the input line for `purpose`, starting with `text`.
    pub fn open_input(&mut self, purpose: InputPurpose, text: &str) {
        self.input.open(purpose, text);
    }

    /// Show `text` in the status line until the next key.
    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(text.into());
    }

    /// "paragraph N of M" as `crate::bookmarks::paragraphs` counts them (N is 0 above the
    /// first paragraph), the same numbers bookmarks and `memcon bookmarks add` use.
    pub fn paragraph(&self) -> (usize, usize) {
        self.view.paragraph()
    }

    /// Whole percent read: the top row's position, or 100 when the end is on screen.
    pub fn percent(&self) -> usize {
        self.view.percent()
    }

    /// The rows of the body on screen now.
    pub fn visible_rows(&self) -> Vec<VisibleRow> {
        self.view.visible_rows()
    }

    /// Rows of body text on screen.
    pub fn body_height(&self) -> usize {
        self.view.body_height()
    }

    /// How many blocks are wrapped and cached right now.
    pub fn wrapped_blocks(&self) -> usize {
        self.view.wrapped_blocks()
    }
}
