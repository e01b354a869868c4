//! The marker column beside the body: where the view and the current targets lie in the
//! whole document, one cell per slice of the document's bytes. Binary searches over the
//! sorted targets keep it independent of the document's size.

use super::Theme;
use crate::app::{App, VisibleRow};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(app: &App, frame: &mut Frame, area: Rect, last: Option<&VisibleRow>, theme: &Theme) {
    let h = usize::from(area.height);
    if h == 0 || area.width == 0 {
        return;
    }
    let ix = app.view().index();
    let total = ix.total() as u128;
    let view_lo = ix.pos(app.top());
    let view_hi = last.map_or(view_lo, |r| {
        ix.pos(crate::document::Location::new(r.block, r.row.end))
    });
    let targets = app.targets();
    let current = targets
        .and_then(|t| t.current_range())
        .map(|r| ix.pos(r.location()));
    let cell = |y: usize| {
        let lo = (total * y as u128 / h as u128) as usize;
        let hi = (total * (y as u128 + 1) / h as u128) as usize;
        (lo, hi.max(lo + 1))
    };
    let lines: Vec<Line> = (0..h)
        .map(|y| {
            let (lo, hi) = cell(y);
            let last_cell = y + 1 == h;
            let has_target = targets.is_some_and(|t| {
                let i = t.ranges.partition_point(|r| ix.pos(r.location()) < lo);
                t.ranges
                    .get(i)
                    .is_some_and(|r| ix.pos(r.location()) < hi || last_cell)
            });
            let is_current = current.is_some_and(|c| c >= lo && (c < hi || last_cell));
            let in_view = view_lo < hi && view_hi >= lo;
            if is_current {
                Line::styled("◆", theme.marker_current)
            } else if has_target {
                Line::styled("■", theme.marker)
            } else if in_view {
                Line::styled("┃", theme.thumb)
            } else {
                Line::styled("│", theme.track)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
