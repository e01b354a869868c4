//! The question asked when quitting with bookmark changes that could not be saved: what is
//! at stake, why, and what the keys do. Drawn in a box over the screen, the box's area
//! cleared first.

use super::Theme;
use crate::app::{Action, App, Mode, Panes};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Some(q) = app.quit_question() else {
        return;
    };
    let key = app
        .keymap()
        .key_label(Mode::Normal, Action::Quit)
        .unwrap_or_else(|| Action::Quit.config_name());
    // The reason last: on a small screen it is what gets cut.
    let parts = [
        (q.headline(), theme.input_error),
        (q.yes(&key), theme.item),
        (q.no().to_string(), theme.item),
        (String::new(), theme.item),
        (q.reason.clone(), theme.dim),
    ];
    let width = usize::from(Panes::overlay(area, 72, None).width.saturating_sub(2)).max(1);
    // Each part wrapped at word boundaries, as the box's height needs them.
    let lines: Vec<Line> = parts
        .iter()
        .flat_map(|(text, style)| {
            let rows = textwrap::wrap(text, width);
            let rows = if rows.is_empty() {
                vec![text.into()]
            } else {
                rows
            };
            rows.into_iter()
                .map(|r| Line::styled(r.into_owned(), *style))
                .collect::<Vec<_>>()
        })
        .collect();
    let popup = Panes::overlay(area, 72, Some(lines.len()));
    if popup.width < 3 || popup.height < 3 {
        return;
    }
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Line::styled(" Quit? ", theme.title_focused));
    super::clear_for_overlay(frame);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
