//! Where each pane sits for a terminal size. Shared by drawing and by mouse hit-testing, so a
//! click lands on what was drawn there.

use ratatui::layout::Rect;

/// Below this size the screen shows one line asking for a bigger terminal.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// At this width and above, metadata and entities sit in a column beside the body.
pub const SIDEBAR_MIN_WIDTH: u16 = 72;
/// By default the body text never gets wider than this: long lines are hard to read.
pub const MAX_TEXT_WIDTH: u16 = 100;
/// Columns left of the text for gutter marks (bookmarks).
pub const GUTTER_WIDTH: u16 = 2;

/// The user's say in the layout (configuration: `text_width`, `side_width`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// The body text is at most this wide.
    pub max_text_width: u16,
    /// Columns of the side column (metadata and entities) on wide screens; `None` lets it
    /// follow the screen (three tenths, between 24 and 44 columns).
    pub side_width: Option<u16>,
}

impl Default for Layout {
    fn default() -> Self {
        Self {
            max_text_width: MAX_TEXT_WIDTH,
            side_width: None,
        }
    }
}

/// The panes a user can focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    Body,
    Metadata,
    Side,
}

impl Focus {
    /// The pane's name in the status line while it has the focus; the metadata and entities
    /// panes carry it as their title too.
    pub fn name(self) -> &'static str {
        match self {
            Focus::Body => "Text",
            Focus::Metadata => "Document",
            Focus::Side => "Entities",
        }
    }
}

/// Rectangles of one screen. `metadata` is one row high when collapsed; `side` is absent on
/// narrow terminals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The body pane with its border.
    pub body: Rect,
    /// Inside the body border: gutter, text, marker column.
    pub gutter: Rect,
    pub text: Rect,
    pub markers: Rect,
    pub metadata: Rect,
    pub side: Option<Rect>,
    pub status: Rect,
}

impl Panes {
    /// The panes for `area`, or `None` when it is too small to read in.
    pub fn new(area: Rect, metadata_expanded: bool, layout: Layout) -> Option<Self> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let main = Rect {
            height: area.height - 1,
            ..area
        };
        let status = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        let (body, metadata, side) = if area.width >= SIDEBAR_MIN_WIDTH {
            // The body keeps at least half of the screen whatever the side width asks for.
            let side_w = match layout.side_width {
                Some(w) => w.clamp(MIN_WIDTH.min(area.width / 2), area.width / 2),
                None => (area.width * 3 / 10).clamp(24, 44),
            };
            let body = Rect {
                width: main.width - side_w,
                ..main
            };
            let column = Rect {
                x: main.x + body.width,
                width: side_w,
                ..main
            };
            let meta_h = if metadata_expanded {
                (column.height * 3 / 5).max(3)
            } else {
                1
            };
            let metadata = Rect {
                height: meta_h,
                ..column
            };
            let side = Rect {
                y: column.y + meta_h,
                height: column.height - meta_h,
                ..column
            };
            (body, metadata, (side.height >= 3).then_some(side))
        } else {
            let expanded_h = (main.height / 3).min(10);
            let meta_h = if metadata_expanded && expanded_h >= 3 {
                expanded_h
            } else {
                1
            };
            let metadata = Rect {
                height: meta_h,
                ..main
            };
            let body = Rect {
                y: main.y + meta_h,
                height: main.height - meta_h,
                ..main
            };
            (body, metadata, None)
        };
        let inner = Rect {
            x: body.x + 1,
            y: body.y + 1,
            width: body.width.saturating_sub(2),
            height: body.height.saturating_sub(2),
        };
        let gutter = Rect {
            width: GUTTER_WIDTH,
            ..inner
        };
        let markers = Rect {
            x: inner.x + inner.width.saturating_sub(1),
            width: 1,
            ..inner
        };
        let text = Rect {
            x: inner.x + GUTTER_WIDTH,
            width: inner
                .width
                .saturating_sub(GUTTER_WIDTH + 2)
                .clamp(1, layout.max_text_width.max(1)),
            ..inner
        };
        Some(Self {
            body,
            gutter,
            text,
            markers,
            metadata,
            side,
            status,
        })
    }

    /// The focusable panes in Tab order.
    pub fn focus_order(&self) -> Vec<Focus> {
        let mut v = vec![Focus::Body, Focus::Metadata];
        if self.side.is_some() {
            v.push(Focus::Side);
        }
        v
    }

    /// Where an overlay (help, bookmarks, concordance) sits on a screen of `area`: centred,
    /// one row below the top, at most `max_width` columns wide, and tall enough for `rows`
    /// lines inside its border (as tall as the screen allows when `rows` is `None`).
    pub fn overlay(area: Rect, max_width: u16, rows: Option<usize>) -> Rect {
        let w = area.width.saturating_sub(4).min(max_width);
        let most = area.height.saturating_sub(2);
        let h = match rows {
            Some(n) => most.min(u16::try_from(n + 2).unwrap_or(u16::MAX)),
            None => most,
        };
        Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y + 1,
            width: w,
            height: h,
        }
    }

    /// Which pane holds a screen cell.
    pub fn hit(&self, column: u16, row: u16) -> Option<Focus> {
        let pos = ratatui::layout::Position::new(column, row);
        if self.body.contains(pos) {
            Some(Focus::Body)
        } else if self.metadata.contains(pos) {
            Some(Focus::Metadata)
        } else if self.side.is_some_and(|s| s.contains(pos)) {
            Some(Focus::Side)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_has_no_panes() {
        assert!(Panes::new(Rect::new(0, 0, 29, 24), true, Layout::default()).is_none());
        assert!(Panes::new(Rect::new(0, 0, 80, 7), true, Layout::default()).is_none());
        assert!(Panes::new(Rect::new(0, 0, 0, 0), true, Layout::default()).is_none());
    }

    #[test]
    fn wide_screens_get_a_sidebar_and_narrow_ones_do_not() {
        let wide = Panes::new(Rect::new(0, 0, 120, 40), true, Layout::default()).unwrap();
        assert!(wide.side.is_some());
        assert_eq!(wide.focus_order().len(), 3);
        let narrow = Panes::new(Rect::new(0, 0, 40, 12), true, Layout::default()).unwrap();
        assert!(narrow.side.is_none());
        assert_eq!(narrow.body.width, 40);
    }

    #[test]
    fn text_width_is_capped_for_reading() {
        let p = Panes::new(Rect::new(0, 0, 300, 100), true, Layout::default()).unwrap();
        assert_eq!(p.text.width, MAX_TEXT_WIDTH);
        assert_eq!(p.hit(p.text.x, p.text.y), Some(Focus::Body));
        let wide = Layout {
            max_text_width: 140,
            side_width: Some(60),
        };
        let p = Panes::new(Rect::new(0, 0, 300, 100), true, wide).unwrap();
        assert_eq!(p.text.width, 140);
        assert_eq!(p.side.unwrap().width, 60);
        // A side column wider than half the screen would squeeze the text: it stops there.
        let p = Panes::new(Rect::new(0, 0, 80, 24), true, wide).unwrap();
        assert_eq!(p.side.unwrap().width, 40);
    }
}
