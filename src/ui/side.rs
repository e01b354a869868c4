//! The side list pane (entities): a heading per kind, then label, count and detail per item;
//! selection marked.

use super::{Theme, pane_block};
use crate::app::side::group_name;
use crate::app::{App, Focus, NamesStatus};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let focused = app.view().focus() == Focus::Side;
    let list = app.entities().side();
    let title = format!("{} ({})", list.title, list.items.len());
    let block = pane_block(title, focused, theme);
    let inner_h = usize::from(area.height.saturating_sub(2)).max(1);
    let rows = list.rows();
    let offset = list.offset(&rows, inner_h);
    let lines: Vec<Line> = if list.items.is_empty() {
        let why = match app.entities().status() {
            NamesStatus::Ready => "none listed",
            NamesStatus::Pending => "finding names…",
            NamesStatus::Failed(m) => m.as_str(),
        };
        let width = usize::from(area.width.saturating_sub(2)).max(1);
        textwrap::wrap(why, width)
            .into_iter()
            .map(|l| Line::styled(l.into_owned(), theme.dim))
            .collect()
    } else {
        rows.iter()
            .enumerate()
            .skip(offset)
            .take(inner_h)
            .map(|(r, row)| match row {
                None => {
                    let kind = rows
                        .get(r + 1)
                        .copied()
                        .flatten()
                        .map(|i| list.items[i].kind);
                    Line::styled(kind.map_or("", group_name), theme.help_section)
                }
                Some(i) => item_line(
                    app,
                    *i,
                    focused,
                    usize::from(area.width.saturating_sub(2)),
                    theme,
                ),
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn item_line<'a>(app: &'a App, i: usize, focused: bool, width: usize, theme: &Theme) -> Line<'a> {
    let side = app.entities().side();
    let item = &side.items[i];
    let selected = i == side.selected;
    let style = match (selected, focused) {
        (true, true) => theme.item_selected,
        (true, false) => theme.item_selected_unfocused,
        _ => theme.item,
    };
    let mut pieces = vec![(" ".to_string(), Style::new()), (item.label.clone(), style)];
    pieces.push((format!(" {}", item.count), theme.dim));
    if let Some(d) = &item.detail {
        pieces.push((format!(" · {d}"), theme.item_detail));
    }
    Line::from(super::fit::spans(pieces, width))
}
