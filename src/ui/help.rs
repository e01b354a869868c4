//! The help overlay: the rows `app::help` builds from the live keymap, styled.

use super::{Theme, border_text};
use crate::app::help::{HelpRow, keys_width, popup, rows};
use crate::app::keymap::key_name;
use crate::app::{Action, App, Mode};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Draw the overlay on a screen of `area`, scrolled by `scroll` rows.
pub fn render(app: &App, scroll: usize, frame: &mut Frame, area: Rect, theme: &Theme) {
    let keymap = app.keymap();
    let library = app.library_state().is_some();
    let down: Vec<String> = keymap
        .keys_of(Mode::Help, Action::LineDown)
        .into_iter()
        .map(key_name)
        .collect();
    let more_hint = format!(" {} more ", down.join("/"));
    let close = keymap.key_label(Mode::Help, Action::CloseHelp);
    let title = match close {
        Some(k) => format!(" Help — {k} closes "),
        None => " Help ".to_string(),
    };
    let popup = popup(area);
    let all = rows(keymap, popup.width.saturating_sub(2), library);
    let inner_h = usize::from(popup.height.saturating_sub(2));
    let scroll = scroll.min(all.len().saturating_sub(inner_h));
    let more = if all.len() > scroll + inner_h {
        more_hint.as_str()
    } else {
        ""
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Line::styled(
            border_text(&title, popup.width),
            theme.title_focused,
        ))
        .title_bottom(Line::styled(border_text(more, popup.width), theme.dim).right_aligned());
    let shown: Vec<Line> = all
        .into_iter()
        .skip(scroll)
        .take(inner_h)
        .map(|row| line(row, keys_width(popup.width.saturating_sub(2)), theme))
        .collect();
    super::clear_for_overlay(frame);
    frame.render_widget(Paragraph::new(shown).block(block), popup);
}

fn line(row: HelpRow, keys_w: usize, theme: &Theme) -> Line<'static> {
    match row {
        HelpRow::Section(name) => Line::styled(name, theme.help_key.patch(theme.help_section)),
        HelpRow::Blank => Line::raw(""),
        HelpRow::Entry { keys, text } => {
            // Many keys bound to one action (a user's configuration) are cut, never pushed
            // into the text column.
            let keys = super::fit::truncate(&keys, keys_w - 3);
            Line::from(vec![
                Span::styled(format!("  {keys:<w$}", w = keys_w - 2), theme.help_key),
                Span::raw(text),
            ])
        }
    }
}
