//! The document view: the document and everything about where the reader stands in it —
//! the scroll anchor, the screen size and panes, the focus, the metadata pane's state, the
//! jump list, the current targets and the gutter marks. Moving through the text is in
//! `scroll.rs`, big jumps in `jumps.rs`.

mod doc_index;
mod jumps;
pub mod meta;
mod panes;
mod scroll;
mod targets;
pub mod wrap;

pub use doc_index::DocIndex;
pub use jumps::JumpList;
pub use panes::{Focus, GUTTER_WIDTH, Layout, MIN_HEIGHT, MIN_WIDTH, Panes};
pub use scroll::{RowPos, VisibleRow};
pub use targets::{TargetLabel, Targets};

use crate::bookmarks::ParagraphIndex;
use crate::document::{Document, Location};
use ratatui::layout::Rect;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use std::sync::Arc;
use wrap::WrapCache;

#[derive(Debug)]
pub struct DocView {
    /// Shared with the loader while it finds a big document's entities.
    doc: Arc<Document>,
    index: DocIndex,
    /// What "paragraph N" means in this document (shared with bookmarks).
    paragraphs: ParagraphIndex,
    /// Terminal size in columns and rows.
    size: (u16, u16),
    layout: Layout,
    /// The body's scroll anchor: the document position shown on the top row. Kept exact
    /// across resizes, so the same words stay at the top at any width.
    top: Location,
    /// Where the reader chose to go (`:N`, a bookmark, a jump back) when the view could not
    /// put it on the top row because the end of the document was already on screen. Until
    /// the view moves it is the reading position: the status line's ¶, what `m` marks and
    /// where a later resize puts the top.
    chosen: Option<Location>,
    focus: Focus,
    metadata_expanded: bool,
    /// Rows scrolled in the metadata pane.
    meta_scroll: usize,
    jumps: JumpList,
    /// What `n`/`N` walk; highlighted in the body and in the marker column.
    targets: Option<Targets>,
    /// Blocks flagged in the body's gutter (bookmarks).
    gutter_marks: BTreeSet<usize>,
    wrap: WrapCache,
    /// The metadata pane's rows for the last width they were wrapped at.
    meta_rows: RefCell<Option<(u16, Rc<[meta::MetaRow]>)>>,
}

impl DocView {
    pub fn new(doc: impl Into<Arc<Document>>, size: (u16, u16)) -> Self {
        let doc = doc.into();
        Self {
            index: DocIndex::new(&doc),
            paragraphs: ParagraphIndex::new(&doc),
            doc,
            size,
            layout: Layout::default(),
            top: Location::default(),
            chosen: None,
            focus: Focus::Body,
            metadata_expanded: true,
            meta_scroll: 0,
            jumps: JumpList::default(),
            targets: None,
            gutter_marks: BTreeSet::new(),
            wrap: WrapCache::default(),
            meta_rows: RefCell::new(None),
        }
    }

    /// Swap in the whole document of a big file. The reading position stays on the same
    /// words (same block when its text is unchanged, else the same byte position).
    pub fn replace_document(&mut self, doc: Arc<Document>) {
        let same_block = self.doc.blocks.get(self.top.block).map(|b| &b.text)
            == doc.blocks.get(self.top.block).map(|b| &b.text);
        let pos = self.index.pos(self.top);
        self.doc = doc;
        self.index = DocIndex::new(&self.doc);
        self.paragraphs = ParagraphIndex::new(&self.doc);
        self.wrap = WrapCache::default();
        self.meta_rows = RefCell::new(None);
        if !same_block {
            self.top = self.index.location_at(pos);
            self.chosen = None;
        }
        self.clamp_top();
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    pub fn index(&self) -> &DocIndex {
        &self.index
    }

    pub fn paragraphs(&self) -> &ParagraphIndex {
        &self.paragraphs
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The position shown on the body's top row.
    pub fn top(&self) -> Location {
        self.top
    }

    /// The reading position: where the reader chose to go when the view stopped short of it
    /// at the end of the document, else the top row.
    pub fn reading(&self) -> Location {
        self.chosen.unwrap_or(self.top)
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn metadata_expanded(&self) -> bool {
        self.metadata_expanded
    }

    pub fn meta_scroll(&self) -> usize {
        self.meta_scroll
    }

    pub fn targets(&self) -> Option<&Targets> {
        self.targets.as_ref()
    }

    pub(super) fn targets_mut(&mut self) -> Option<&mut Targets> {
        self.targets.as_mut()
    }

    pub(super) fn set_targets(&mut self, targets: Option<Targets>) {
        self.targets = targets;
    }

    pub fn gutter_marks(&self) -> &BTreeSet<usize> {
        &self.gutter_marks
    }

    /// Flag blocks in the gutter (replacing the previous marks).
    pub fn set_gutter_marks(&mut self, blocks: impl IntoIterator<Item = usize>) {
        self.gutter_marks = blocks.into_iter().collect();
    }

    /// The screen's panes, or `None` when the terminal is too small.
    pub fn panes(&self) -> Option<Panes> {
        Panes::new(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.metadata_expanded,
            self.layout,
        )
    }

    pub fn layout(&self) -> Layout {
        self.layout
    }

    pub(super) fn set_layout(&mut self, layout: Layout) {
        self.layout = layout;
        self.clamp_top();
    }

    /// The terminal has a new size; focus leaves a pane that is no longer shown.
    pub(super) fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        if let Some(p) = self.panes()
            && !p.focus_order().contains(&self.focus)
        {
            self.focus = Focus::Body;
        }
        self.clamp_top();
    }

    pub(super) fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
    }

    /// Tab / Shift-Tab: the next or previous pane on screen.
    pub(super) fn cycle_focus(&mut self, step: isize) {
        let Some(p) = self.panes() else { return };
        let order = p.focus_order();
        let here = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = (here as isize + step).rem_euclid(order.len() as isize) as usize;
        self.focus = order[next];
    }

    pub(super) fn toggle_metadata(&mut self) {
        self.metadata_expanded = !self.metadata_expanded;
        self.meta_scroll = 0;
        self.clamp_top();
    }

    /// Scroll the metadata pane by `delta` rows, within its content.
    pub(super) fn scroll_metadata(&mut self, delta: isize) {
        let Some(p) = self.panes() else { return };
        let inner_h = usize::from(p.metadata.height.saturating_sub(2));
        let rows = self.meta_rows(p.metadata.width.saturating_sub(2)).len();
        let max = rows.saturating_sub(inner_h);
        self.meta_scroll = self.meta_scroll.saturating_add_signed(delta).min(max);
    }

    /// The metadata pane's rows at `width` columns, wrapped once per width (drawing only
    /// reads them).
    pub fn meta_rows(&self, width: u16) -> Rc<[meta::MetaRow]> {
        let mut cache = self.meta_rows.borrow_mut();
        if let Some((w, rows)) = cache.as_ref()
            && *w == width
        {
            return Rc::clone(rows);
        }
        let rows = meta::pane_rows(&self.doc.metadata, &self.doc.enclosures, width);
        let rows: Rc<[meta::MetaRow]> = rows.into();
        *cache = Some((width, Rc::clone(&rows)));
        rows
    }

    /// "paragraph N of M" (N is 0 above the first paragraph) at the reading position, as
    /// bookmarks count them.
    pub fn paragraph(&self) -> (usize, usize) {
        let p = &self.paragraphs;
        (p.number_at(self.reading().block), p.count())
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
