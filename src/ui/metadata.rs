//! The metadata pane: the archive's fields, scrollable; one title row when collapsed.
//! Search matches and entity mentions are byte ranges of a field's text, so each row marks
//! the part of them it shows.

use super::{Theme, pane_block};
use crate::app::view::meta::MetaRow;
use crate::app::{App, Focus, TargetLabel};
use crate::document::MetaField;
use crate::search::find_in_metadata;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// A styled range of one field's text.
struct Mark {
    field: MetaField,
    start: usize,
    end: usize,
    style: Style,
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let focused = app.view().focus() == Focus::Metadata;
    if area.height < 3 {
        let style = if focused {
            theme.title_focused
        } else {
            theme.title
        };
        let width = usize::from(area.width);
        let pieces = vec![
            (format!(" ▸ {} ", Focus::Metadata.name()), style),
            // Cut first: a title of megabytes is only looked at as far as it can show.
            (
                super::fit::truncate(app.doc().display_title(), width),
                theme.dim,
            ),
        ];
        let line = Line::from(super::fit::spans(pieces, width));
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let inner_w = area.width.saturating_sub(2);
    let inner_h = usize::from(area.height.saturating_sub(2));
    let all = app.view().meta_rows(inner_w);
    let scroll = app
        .view()
        .meta_scroll()
        .min(all.len().saturating_sub(inner_h));
    let mut block = pane_block(Focus::Metadata.name(), area.width, focused, theme);
    if all.len() > scroll + inner_h {
        block = block.title_bottom(Line::styled(" more ↓ ", theme.dim).right_aligned());
    }
    let marks = marks(app, theme);
    let lines: Vec<Line> = if all.is_empty() {
        vec![Line::styled("no archive metadata in this file", theme.dim)]
    } else {
        all.iter()
            .skip(scroll)
            .take(inner_h)
            .map(|row| row_line(row, &marks, theme))
            .collect()
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// What the pane marks: the current search's matches while the targets are a search's,
/// else the names of entities (the selected entity's as targets).
fn marks(app: &App, theme: &Theme) -> Vec<Mark> {
    let meta = &app.doc().metadata;
    let label = app.targets().map(|t| &t.label);
    if let Some(TargetLabel::Search(_)) = label {
        let Some(m) = app.search().matcher().filter(|_| app.search().highlight()) else {
            return Vec::new();
        };
        let style = theme.meta_value.patch(theme.target);
        return find_in_metadata(meta, m)
            .into_iter()
            .map(|m| Mark {
                field: m.field,
                start: m.start,
                end: m.end,
                style,
            })
            .collect();
    }
    let selected = match label {
        Some(TargetLabel::Entity(n)) => Some(n.as_str()),
        _ => None,
    };
    let list = app.entities().list();
    let marks_on = app.entity_marks();
    app.entities()
        .meta_marks()
        .iter()
        .filter_map(|m| {
            let entity = list.get(m.entity)?;
            let style = if selected == Some(entity.name.as_str()) {
                theme.meta_value.patch(theme.target)
            } else if marks_on {
                theme.meta_value.patch(theme.kind(entity.kind))
            } else {
                return None;
            };
            Some(Mark {
                field: m.field,
                start: m.start,
                end: m.end,
                style,
            })
        })
        .collect()
}

/// One row: its label, then its text with the parts of marks that fall in it styled.
fn row_line<'a>(row: &MetaRow, marks: &[Mark], theme: &Theme) -> Line<'a> {
    let mut spans = Vec::with_capacity(3);
    if let Some(l) = &row.label {
        spans.push(Span::styled(l.clone(), theme.meta_label));
    }
    let text = &row.text;
    let mut at = 0;
    let inside = marks
        .iter()
        .filter(|m| row.field == Some(m.field) && m.start < row.end && m.end > row.start);
    for m in inside {
        let a = m.start.saturating_sub(row.start).max(at);
        let b = (m.end - row.start).min(text.len());
        if a >= b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        if a > at {
            spans.push(Span::styled(text[at..a].to_string(), theme.meta_value));
        }
        spans.push(Span::styled(text[a..b].to_string(), m.style));
        at = b;
    }
    if at < text.len() || spans.is_empty() {
        spans.push(Span::styled(text[at..].to_string(), theme.meta_value));
    }
    Line::from(spans)
}
