//! The bookmarks list overlay: paragraph, age, quote and note of each bookmark in the open
//! document, the selected one highlighted, the keys (or the delete question) at the bottom.

use super::Theme;
use super::fit::truncate;
use crate::app::Panes;
use crate::app::{Action, App, BookmarkList, Mode, Overlay};
use crate::bookmarks::Placed;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Overlay::Bookmarks(list) = app.overlay() else {
        return;
    };
    let placed = app.bookmarks().placed();
    let rows: usize = placed
        .iter()
        .map(|p| 1 + usize::from(p.bookmark.note.is_some()))
        .sum();
    let popup = Panes::overlay(area, 100, Some(rows.max(1)));
    if popup.width < 3 || popup.height < 3 {
        return;
    }
    let title = format!(" Bookmarks ({}) ", placed.len());
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Line::styled(
            super::border_text(&title, popup.width),
            theme.title_focused,
        ))
        .title_bottom(footer(app, list, popup.width, theme));
    super::clear_for_overlay(frame);
    if placed.is_empty() {
        let text = "No bookmarks in this document yet: press m in the text to add one.";
        frame.render_widget(Paragraph::new(text).style(theme.dim).block(block), popup);
        return;
    }
    let width = usize::from(popup.width.saturating_sub(2));
    let items: Vec<ListItem> = placed
        .iter()
        .map(|p| ListItem::new(item_lines(p, list, width, theme)))
        .collect();
    let mut state = ListState::default().with_selected(Some(list.selected));
    let widget = List::new(items)
        .block(block)
        .highlight_style(theme.item_selected);
    frame.render_stateful_widget(widget, popup, &mut state);
}

/// The keys, or the delete question while it is asked.
fn footer<'a>(app: &App, list: &BookmarkList, width: u16, theme: &Theme) -> Line<'a> {
    let selected = app.bookmarks().placed().get(list.selected);
    match selected {
        Some(p) if list.confirm_delete => Line::styled(
            super::border_text(
                &format!(
                    " Delete the bookmark at ¶ {}? {} deletes, any other key keeps it ",
                    p.paragraph,
                    app.keymap()
                        .key_label(Mode::Bookmarks, Action::BookmarkListConfirm)
                        .unwrap_or_default()
                ),
                width,
            ),
            theme.input_error,
        ),
        _ => {
            let hint = app.keymap().hint(
                Mode::Bookmarks,
                &[
                    (&[Action::BookmarkListJump], "go"),
                    (&[Action::BookmarkListEditNote], "note"),
                    (&[Action::BookmarkListDelete], "delete"),
                    (&[Action::BookmarkListUndo], "undo"),
                    (&[Action::WriteBookmarks], "write notes"),
                    (&[Action::CloseBookmarks], "close"),
                ],
            );
            Line::styled(super::border_text(&hint, width), theme.dim)
        }
    }
}

/// `¶ 2   3 min ago   “quote…”`, then `      note: …` when there is a note.
fn item_lines<'a>(p: &Placed, list: &BookmarkList, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let head = format!(
        "¶ {:<4} {:<12} ",
        p.paragraph,
        p.bookmark.updated.age(list.now)
    );
    let quote = p.quote.split_whitespace().collect::<Vec<_>>();
    let quote = quote.join(" ");
    let mut spans = vec![Span::styled(head.clone(), theme.help_key)];
    let mut used = head.chars().count();
    if !p.is_found() {
        let missing = "not found in this version · ";
        spans.push(Span::styled(missing, theme.input_error));
        used += missing.chars().count();
    } else if p.changed {
        let changed = "changed since marked · ";
        spans.push(Span::styled(changed, theme.input_error));
        used += changed.chars().count();
    }
    let room = width.saturating_sub(used + 2);
    spans.push(Span::styled(
        format!("“{}”", truncate(&quote, room)),
        theme.item,
    ));
    let mut lines = vec![Line::from(spans)];
    if let Some(note) = &p.bookmark.note {
        // `width` words fill the row whatever their length: a long note costs no more.
        let note = note
            .split_whitespace()
            .take(width)
            .collect::<Vec<_>>()
            .join(" ");
        let text = format!("       note: {}", truncate(&note, width.saturating_sub(13)));
        lines.push(Line::styled(text, theme.item_detail));
    }
    lines
}
