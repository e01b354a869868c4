//! The concordance overlay: every mention of the selected entity as one keyword-in-context
//! line (text before, the mention highlighted, text after), kind and aliases in the title.

use super::Theme;
use super::fit::{take_back, take_front};
use crate::app::{App, Overlay, Panes};
use crate::document::TextRange;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState};
use unicode_width::UnicodeWidthStr;

const KEYS_HINT: &str = " j/k select · Enter go · Esc close ";

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Overlay::Concordance(c) = app.overlay() else {
        return;
    };
    let Some(entity) = app.entities().list().get(c.entity) else {
        return;
    };
    let ranges = app.concordance_ranges();
    let popup = Panes::overlay(area, 120, Some(ranges.len()));
    if popup.width < 10 || popup.height < 3 {
        return;
    }
    let mut title = format!(" {} · {}", entity.name, entity.kind.as_str());
    if !entity.aliases.is_empty() {
        title.push_str(&format!(" · also {}", entity.aliases.join(", ")));
    }
    title.push_str(&format!(" · {} mentions ", ranges.len()));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Line::styled(title, theme.title_focused))
        .title_bottom(Line::styled(KEYS_HINT, theme.dim));
    let width = usize::from(popup.width.saturating_sub(2));
    // Only the lines on screen are made: an entity may have hundreds of thousands.
    let height = usize::from(popup.height.saturating_sub(2));
    let items: Vec<ListItem> = ranges
        .iter()
        .skip(c.offset)
        .take(height)
        .map(|r| ListItem::new(kwic(app, *r, width, theme)))
        .collect();
    let mut state = ListState::default().with_selected(c.selected.checked_sub(c.offset));
    frame.render_widget(Clear, popup);
    let widget = List::new(items)
        .block(block)
        .highlight_style(theme.item_selected);
    frame.render_stateful_widget(widget, popup, &mut state);
}

/// One line of `width` columns: the mention at about two fifths of the width, as much text
/// before and after it as fits, line breaks shown as spaces.
pub fn kwic(app: &App, r: TextRange, width: usize, theme: &Theme) -> Line<'static> {
    let text = app
        .doc()
        .blocks
        .get(r.block)
        .map_or("", |b| b.text.as_str());
    // A line is at most `width` columns: a few times that many bytes on either side is all
    // it can show, however long the block.
    let reach = width.saturating_mul(8);
    let from = floor_boundary(text, r.start.saturating_sub(reach));
    let to = floor_boundary(text, r.end.saturating_add(reach).min(text.len()));
    let get = |a: usize, b: usize| text.get(a..b).unwrap_or("").replace('\n', " ");
    let before = get(from, r.start);
    let word = get(r.start, r.end);
    let after = get(r.end, to);
    let word = take_front(&word, width).to_string();
    let left = (width * 2 / 5).min(width - word.width());
    let before = take_back(before.trim_start(), left);
    let pad = " ".repeat(left - before.width());
    let rest = width - left - word.width();
    let after = take_front(after.trim_end(), rest).to_string();
    Line::from(vec![
        Span::styled(format!("{pad}{before}"), theme.dim),
        Span::styled(word, theme.target_current),
        Span::styled(after, theme.text),
    ])
}

/// The last character boundary of `text` at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
