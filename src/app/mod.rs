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
pub mod library;
mod quit;
mod search;
pub mod select;
pub mod side;
mod update;
pub mod view;

pub use action::Action;
pub use bookmarks::{BookmarkList, BookmarkState};
pub use entities::{Concordance, EntityState, NamesStatus};
pub use entity_index::{EntityIndex, Listed, MetaMark};
pub use input::{InputLine, InputPurpose, InputState, remember};
pub use keymap::Keymap;
pub use library::{Library, OpenAt, OpenRequest, ReadMark, Walk};
pub use quit::UnsavedQuit;
pub use search::SearchState;
pub use select::{Selection, Yank};
pub use side::{SideItem, SideList};
pub use view::{
    DocIndex, DocView, Focus, GUTTER_WIDTH, Layout, MIN_HEIGHT, MIN_WIDTH, Panes, RowPos,
    TargetLabel, Targets, VisibleRow,
};

use crate::document::sanitize::for_screen;
use crate::document::{Document, Location, TextRange};
use crate::theme::Theme;
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
    /// A selection is being made (`v`).
    Select,
    /// The entities list over the whole screen.
    Entities,
    /// The library of a collection.
    Library,
}

/// Which top-level view is on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Screen {
    /// A document.
    #[default]
    Reader,
    /// The library of a collection (`library`).
    Library,
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
    /// The entities pane over the whole screen (`E`), at any size: below 72 columns the
    /// only way to it.
    Entities,
    /// Quitting with bookmark changes that could not be saved: the quit key again writes
    /// them to a file of their own and quits, any other key stays (keys of normal mode).
    Unsaved(UnsavedQuit),
}

/// Work `update` asks the event loop to do (it touches the world outside the App).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave memcon (after saving what is pending; see `quit.rs`).
    Quit,
    /// Quit although bookmark changes could not be saved: write them to a file of their own
    /// first (`BookmarkStore::write_unsaved`).
    QuitKeepingUnsaved,
    /// Quit although the unsaved bookmark changes could not be written anywhere.
    QuitDiscardingUnsaved,
    /// Save a bookmark change (see `bookmarks.rs`).
    Bookmarks(bookmarks::BookmarkOp),
    /// Put text on the clipboard (OSC 52) and in the yank file (see `select.rs`).
    Yank(Yank),
    /// Write this document's bookmarks as Markdown to a file (a new one: an existing file
    /// keeps its content and a free name next to it is used).
    WriteBookmarks(std::path::PathBuf),
    /// Read a document of the library and show it (`App::show_document`, then
    /// `App::apply_open`).
    OpenDocument(OpenRequest),
    /// The reader left library document `n` (save its reading position, mark it read).
    LeaveDocument(usize),
    /// Search the whole collection; hits come back through `App::library_search_hits`.
    SearchLibrary {
        query: crate::search::Query,
        generation: u64,
    },
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
    /// The selection being made with `v`, if any.
    selection: Option<Selection>,
    keymap: Keymap,
    /// A transient message for the status line, cleared by the next key.
    message: Option<String>,
    /// Every style the screen uses.
    theme: Theme,
    /// Mark entity names in the text and the metadata by kind.
    entity_marks: bool,
    /// Whether the document is all of the file (see [`App::replace_document`]).
    completeness: Completeness,
    /// What the reader goes without (a failed job), shown in the status line when there is
    /// no message.
    notices: Vec<String>,
    /// Which view is on screen.
    screen: Screen,
    /// The collection, when memcon was opened on one.
    library: Option<Box<Library>>,
    /// `n`/`N` across the documents of the list the reader was opened from.
    walk: Option<Walk>,
    /// The library's number of the document being read.
    open_doc: Option<usize>,
    /// Ctrl-o / Ctrl-i across documents.
    doc_jumps: library::DocJumps,
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
            selection: None,
            keymap: Keymap::default(),
            message: None,
            theme: Theme::dark(),
            entity_marks: true,
            completeness: Completeness::Whole,
            notices: Vec::new(),
            screen: Screen::Reader,
            library: None,
            walk: None,
            open_doc: None,
            doc_jumps: library::DocJumps::default(),
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
        self.selection = None;
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

    /// The live key table.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Use the user's keys.
    pub fn set_keymap(&mut self, keymap: Keymap) {
        self.keymap = keymap;
    }

    /// The input line, when open.
    pub fn input(&self) -> Option<&InputLine> {
        self.input.line()
    }

    /// The status line's message, until the next key.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The styles to draw with.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
    }

    /// Draw with the built-in dark theme, or without colour (`NO_COLOR`).
    pub fn set_color(&mut self, color: bool) {
        self.theme = Theme::new(color);
    }

    /// Whether entity names are marked by kind in the text and the metadata.
    pub fn entity_marks(&self) -> bool {
        self.entity_marks
    }

    pub fn set_entity_marks(&mut self, on: bool) {
        self.entity_marks = on;
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

    /// Which view is on screen.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Which keymap applies now.
    pub fn mode(&self) -> Mode {
        if self.input.line().is_some() {
            return Mode::Input;
        }
        match self.overlay {
            Overlay::None if self.screen == Screen::Library => Mode::Library,
            Overlay::None if self.selection.is_some() => Mode::Select,
            Overlay::None => Mode::Normal,
            Overlay::Help { .. } => Mode::Help,
            Overlay::Bookmarks(_) => Mode::Bookmarks,
            Overlay::Concordance(_) => Mode::Concordance,
            Overlay::Entities => Mode::Entities,
            Overlay::Unsaved(_) => Mode::Normal,
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
        self.search.unhide();
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

    /// The first key of `action` in normal mode, for messages ("Ctrl-o returns").
    pub(crate) fn key(&self, action: Action) -> String {
        self.keymap
            .key_label(Mode::Normal, action)
            .unwrap_or_else(|| action.config_name())
    }

    /// Show `text` in the status line until the next key. Messages carry file names, notes
    /// and other text from outside: they are sanitised like document text.
    pub fn say(&mut self, text: impl Into<String>) {
        let text = text.into();
        self.message = Some(match for_screen(&text) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(clean) => clean,
        });
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
