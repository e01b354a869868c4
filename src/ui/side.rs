//! The side list pane (entities): a heading per kind, then label, count and detail per item;
//! selection marked.

use super::fit::truncate;
use super::{Theme, pane_block};
use crate::app::side::{SideList, group_name};
use crate::app::{Action, App, Focus, Mode, NamesStatus};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// The pane in `area`; with `over_screen` it is the entities list over the whole screen (`E`),
/// with its keys at the bottom.
pub fn render(app: &App, frame: &mut Frame, area: Rect, over_screen: bool, theme: &Theme) {
    let focused = over_screen || app.view().focus() == Focus::Side;
    let hint = over_screen.then(|| {
        app.keymap().hint(
            Mode::Entities,
            &[
                (&[Action::LineDown, Action::LineUp], "select"),
                (&[Action::Activate], "go"),
                (&[Action::OpenConcordance], "concordance"),
                (&[Action::SearchForward], "filter"),
                (&[Action::CloseEntities], "close"),
            ],
        )
    });
    // An empty list says why: none found, still being found, or finding them failed.
    let empty = match app.entities().status() {
        NamesStatus::Ready => "none listed",
        NamesStatus::Pending => "finding names…",
        NamesStatus::Failed(m) => m.as_str(),
    };
    let pane = Pane {
        focused,
        hint,
        empty,
    };
    draw(app.entities().side(), &pane, frame, area, theme);
}

/// Draw `list` (the document's entities, or the library's) in `area`.
pub fn render_list(list: &SideList, focused: bool, frame: &mut Frame, area: Rect, theme: &Theme) {
    let pane = Pane {
        focused,
        hint: None,
        empty: "none listed",
    };
    draw(list, &pane, frame, area, theme);
}

/// How a list is drawn: focused or not, its keys on the bottom border, what an empty one says.
struct Pane<'a> {
    focused: bool,
    hint: Option<String>,
    empty: &'a str,
}

/// Draw `list` in `area` as `pane` says.
fn draw(list: &SideList, pane: &Pane<'_>, frame: &mut Frame, area: Rect, theme: &Theme) {
    let focused = pane.focused;
    let title = format!("{} ({})", list.title, list.items.len());
    let mut block = pane_block(&title, area.width, focused, theme);
    if let Some(hint) = &pane.hint {
        block = block.title_bottom(Line::styled(
            super::border_text(hint, area.width),
            theme.dim,
        ));
    }
    let inner_h = usize::from(area.height.saturating_sub(2)).max(1);
    let rows = list.rows();
    let offset = list.offset(&rows, inner_h);
    let lines: Vec<Line> = if list.items.is_empty() {
        let width = usize::from(area.width.saturating_sub(2)).max(1);
        textwrap::wrap(pane.empty, width)
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
                    list,
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

/// Columns the aliases need to show anything useful (` · D…`).
const MIN_DETAIL: usize = 5;

fn item_line<'a>(
    side: &'a SideList,
    i: usize,
    focused: bool,
    width: usize,
    theme: &Theme,
) -> Line<'a> {
    let item = &side.items[i];
    let selected = i == side.selected;
    let style = match (selected, focused) {
        (true, true) => theme.item_selected,
        (true, false) => theme.item_selected_unfocused,
        _ => theme.item,
    };
    // Places in the transcript; an entity only the metadata names says so instead of `0`.
    let count = match item.count {
        0 => " meta".to_string(),
        n => format!(" {n}"),
    };
    // The count always shows: a long label is cut before it, the aliases after it.
    let room = width.saturating_sub(1 + count.width());
    let label = truncate(&item.label, room);
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(label.clone(), style),
        Span::styled(count.clone(), theme.dim),
    ];
    let rest = room.saturating_sub(label.width());
    if let Some(d) = &item.detail
        && rest >= MIN_DETAIL
    {
        spans.push(Span::styled(
            truncate(&format!(" · {d}"), rest),
            theme.item_detail,
        ));
    }
    Line::from(spans)
}
