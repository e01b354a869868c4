//! Moving the body: rows are counted only across the blocks a move passes, wrapped through
//! the per-width cache, so no move walks the whole document.

use super::DocView;
use super::wrap::{self, BlockLayout, Row};
use crate::document::Location;
use std::rc::Rc;

/// A screen row of the body at the current width: a block, a segment of it (see
/// `wrap.rs`; 0 for all but very long blocks) and a row of that segment's layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct RowPos {
    pub block: usize,
    pub seg: usize,
    pub row: usize,
}

/// One row on screen, with the layout it comes from.
#[derive(Debug, Clone)]
pub struct VisibleRow {
    pub block: usize,
    pub seg: usize,
    /// The row's index in its segment's layout.
    pub index: usize,
    pub row: Row,
    pub layout: Rc<BlockLayout>,
}

impl VisibleRow {
    /// Whether this is the block's first row (where its label and gutter mark go).
    pub fn is_first(&self) -> bool {
        self.seg == 0 && self.index == 0
    }
}

impl DocView {
    /// Width of the body's text column (1 when the terminal is too small to show it).
    pub fn text_width(&self) -> u16 {
        self.panes().map_or(1, |p| p.text.width.max(1))
    }

    /// Rows of body text on screen.
    pub fn body_height(&self) -> usize {
        self.panes()
            .map_or(1, |p| usize::from(p.text.height.max(1)))
    }

    /// The wrapped layout of segment `seg` of block `index` at the current width.
    pub fn block_layout(&self, index: usize, seg: usize) -> Rc<BlockLayout> {
        self.wrap
            .get(&self.doc.blocks, index, seg, self.text_width())
    }

    /// How many segments block `index` is wrapped in.
    fn segments(&self, index: usize) -> usize {
        self.doc.blocks.get(index).map_or(1, wrap::block_segments)
    }

    /// How many block segments are wrapped and cached right now.
    pub fn wrapped_blocks(&self) -> usize {
        self.wrap.len()
    }

    /// The row that shows `loc`.
    pub fn row_pos(&self, loc: Location) -> RowPos {
        let Some(block) = self.doc.blocks.get(loc.block) else {
            return self.last_row();
        };
        let seg = wrap::block_segment_of(block, loc.offset);
        RowPos {
            block: loc.block,
            seg,
            row: self.block_layout(loc.block, seg).row_of(loc.offset),
        }
    }

    /// The location a row starts at.
    pub fn row_location(&self, pos: RowPos) -> Location {
        let start = self
            .block_layout(pos.block, pos.seg)
            .rows
            .get(pos.row)
            .map_or(0, |r| r.start);
        Location::new(pos.block, start)
    }

    /// Rows in the piece (block segment) `pos` is in.
    fn rows_in(&self, pos: RowPos) -> usize {
        self.block_layout(pos.block, pos.seg).rows.len()
    }

    /// The first row of the piece after `pos`'s, skipping blocks without rows.
    fn next_piece(&self, pos: RowPos) -> Option<RowPos> {
        if pos.seg + 1 < self.segments(pos.block) {
            return Some(RowPos {
                block: pos.block,
                seg: pos.seg + 1,
                row: 0,
            });
        }
        (pos.block + 1..self.doc.blocks.len())
            .map(|block| RowPos {
                block,
                seg: 0,
                row: 0,
            })
            .find(|p| self.rows_in(*p) > 0)
    }

    /// The last row of the piece before `pos`'s, skipping blocks without rows.
    fn previous_piece(&self, pos: RowPos) -> Option<RowPos> {
        let before = if pos.seg > 0 {
            Some(RowPos {
                block: pos.block,
                seg: pos.seg - 1,
                row: 0,
            })
        } else {
            (0..pos.block)
                .rev()
                .map(|block| RowPos {
                    block,
                    seg: self.segments(block) - 1,
                    row: 0,
                })
                .find(|p| self.rows_in(*p) > 0)
        }?;
        Some(RowPos {
            row: self.rows_in(before).saturating_sub(1),
            ..before
        })
    }

    fn last_row(&self) -> RowPos {
        let n = self.doc.blocks.len();
        let end = RowPos {
            block: n,
            seg: 0,
            row: 0,
        };
        self.previous_piece(end).unwrap_or_default()
    }

    /// `pos` moved by `delta` rows, stopping at the first and last rows of the document.
    pub fn step_rows(&self, mut pos: RowPos, delta: isize) -> RowPos {
        let mut left = delta.unsigned_abs();
        while left > 0 {
            if delta > 0 {
                let rows = self.rows_in(pos);
                let avail = rows.saturating_sub(pos.row + 1);
                if left <= avail {
                    pos.row += left;
                    break;
                }
                let Some(next) = self.next_piece(pos) else {
                    pos.row = rows.saturating_sub(1);
                    break;
                };
                left -= avail + 1;
                pos = next;
            } else {
                if left <= pos.row {
                    pos.row -= left;
                    break;
                }
                let Some(before) = self.previous_piece(pos) else {
                    pos.row = 0;
                    break;
                };
                left -= pos.row + 1;
                pos = before;
            }
        }
        pos
    }

    /// The furthest the top row may go: the last row sits on the bottom of the screen.
    pub fn max_top(&self) -> RowPos {
        let h = self.body_height() as isize;
        self.step_rows(self.last_row(), -(h - 1))
    }

    /// True when the document's last row is on screen.
    pub fn at_end(&self) -> bool {
        self.row_pos(self.top) >= self.max_top()
    }

    /// Put row `pos` at the top (clamped so the screen does not run past the end). The view
    /// moved, so the top row is the reading position again.
    pub fn set_top_row(&mut self, pos: RowPos) {
        let pos = pos.min(self.max_top());
        self.top = self.row_location(pos);
        self.chosen = None;
    }

    /// Pull the anchor back when it lies past the furthest top (after a resize, say),
    /// keeping it exact otherwise. The top the reader had stays the reading position while
    /// the view is held short of it, and is tried again first, so growing and then shrinking
    /// the screen comes back to the same words.
    pub fn clamp_top(&mut self) {
        if let Some(chosen) = self.chosen {
            self.top = chosen;
        }
        let max = self.max_top();
        // A location kept from a longer document (the jump list or the chosen position
        // across the loader's swap) may name a block this one lacks; `row_pos` maps it to
        // the last row, which is not past `max` when the document fits on one screen. It
        // names no words here to come back to.
        let stale = self.top.block >= self.doc.blocks.len();
        if stale || self.row_pos(self.top) > max {
            self.chosen = (!stale).then_some(self.top);
            self.top = self.row_location(max);
        }
        self.chosen = self.chosen.filter(|c| *c != self.top);
    }

    /// Put `loc` on the top row (clamped), without recording a jump. When the end stops the
    /// view short of it, `loc` stays the reading position.
    pub fn go(&mut self, loc: Location) {
        self.top = loc;
        self.chosen = Some(loc);
        self.clamp_top();
    }

    /// Scroll the body by `delta` rows.
    pub fn scroll_rows(&mut self, delta: isize) {
        let pos = self.step_rows(self.row_pos(self.top), delta);
        self.set_top_row(pos);
    }

    /// Whether `loc` is on screen now.
    pub fn on_screen(&self, loc: Location) -> bool {
        let target = self.row_pos(loc);
        let top = self.row_pos(self.top);
        let bottom = self.step_rows(top, self.body_height() as isize - 1);
        target >= top && target <= bottom
    }

    /// Make `loc` visible: stay if it is on screen, else bring it near the top with a little
    /// context above it.
    pub fn reveal(&mut self, loc: Location) {
        let target = self.row_pos(loc);
        let top = self.row_pos(self.top);
        let h = self.body_height() as isize;
        let bottom = self.step_rows(top, h - 1);
        if target >= top && target <= bottom {
            return;
        }
        let context = (h / 4).min(2);
        self.set_top_row(self.step_rows(target, -context));
    }

    /// The rows on screen now, top to bottom.
    pub fn visible_rows(&self) -> Vec<VisibleRow> {
        let h = self.body_height();
        let mut out = Vec::with_capacity(h);
        if self.doc.blocks.is_empty() {
            return out;
        }
        let mut pos = Some(self.row_pos(self.top));
        while let Some(p) = pos.filter(|_| out.len() < h) {
            let layout = self.block_layout(p.block, p.seg);
            for (index, row) in layout.rows.iter().enumerate().skip(p.row) {
                if out.len() == h {
                    break;
                }
                out.push(VisibleRow {
                    block: p.block,
                    seg: p.seg,
                    index,
                    row: *row,
                    layout: Rc::clone(&layout),
                });
            }
            pos = self.next_piece(p);
        }
        out
    }
}
