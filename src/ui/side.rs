//! The side list pane (entities): kind, label, count and detail per item; selection marked.

use super::{Theme, pane_block};
use crate::app::{App, Focus, side};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let focused = app.focus == Focus::Side;
    let list = &app.side;
    let title = format!("{} ({})", list.title, list.items.len());
    let block = pane_block(title, focused, theme);
    let inner_h = usize::from(area.height.saturating_sub(2)).max(1);
    let offset = side::offset(list.selected, inner_h);
    let lines: Vec<Line> = if list.items.is_empty() {
        vec![Line::styled("none listed", theme.dim)]
    } else {
        list.items
            .iter()
            .enumerate()
            .skip(offset)
            .take(inner_h)
            .map(|(i, item)| {
                let selected = i == list.selected;
                let style = match (selected, focused) {
                    (true, true) => theme.item_selected,
                    (true, false) => theme.item_selected_unfocused,
                    _ => theme.item,
                };
                let mut spans = vec![Span::styled(item.label.clone(), style)];
                if let Some(n) = item.count {
                    spans.push(Span::styled(format!(" {n}"), theme.dim));
                }
                if let Some(d) = &item.detail {
                    spans.push(Span::styled(format!(" · {d}"), theme.item_detail));
                }
                Line::from(spans)
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
