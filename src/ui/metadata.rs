//! The metadata pane: the archive's fields, scrollable; one title row when collapsed.

use super::{Theme, pane_block};
use crate::app::meta::{MetaRow, rows};
use crate::app::{App, Focus};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let focused = app.focus == Focus::Metadata;
    if area.height < 3 {
        let style = if focused {
            theme.title_focused
        } else {
            theme.title
        };
        let line = Line::from(vec![
            Span::styled(" ▸ Document ", style),
            Span::styled(app.doc.display_title().to_string(), theme.dim),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let inner_w = area.width.saturating_sub(2);
    let inner_h = usize::from(area.height.saturating_sub(2));
    let all = rows(&app.doc.metadata, inner_w);
    let scroll = app.meta_scroll.min(all.len().saturating_sub(inner_h));
    let mut block = pane_block("Document".into(), focused, theme);
    if all.len() > scroll + inner_h {
        block = block.title_bottom(Line::styled(" more ↓ ", theme.dim).right_aligned());
    }
    let lines: Vec<Line> = if all.is_empty() {
        vec![Line::styled("no archive metadata in this file", theme.dim)]
    } else {
        all.into_iter()
            .skip(scroll)
            .take(inner_h)
            .map(|MetaRow { label, text }| {
                let mut spans = Vec::with_capacity(2);
                if let Some(l) = label {
                    spans.push(Span::styled(l, theme.meta_label));
                }
                spans.extend(super::search::highlighted(
                    app,
                    text,
                    theme.meta_value,
                    theme,
                ));
                Line::from(spans)
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
