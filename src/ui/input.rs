//! The input line: prompt, text (scrolled so the cursor stays visible), an error if any.

use super::Theme;
use crate::app::InputLine;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(line: &InputLine, frame: &mut Frame, area: Rect, theme: &Theme) {
    let width = usize::from(area.width);
    let cursor = line.cursor_column();
    // Keep the cursor on screen: drop whole characters from the left when the text is long.
    let mut shown = format!("{}{}", line.purpose.prompt(), line.text);
    let mut skipped = 0;
    while cursor - skipped >= width.max(1) {
        let Some(c) = shown.chars().next() else { break };
        skipped += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        shown.remove(0);
    }
    let mut spans = vec![Span::styled(shown, theme.input)];
    if let Some(e) = &line.error {
        spans.push(Span::styled(format!("  {e}"), theme.input_error));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    let x = area.x + (cursor - skipped).min(width.saturating_sub(1)) as u16;
    frame.set_cursor_position(Position::new(x, area.y));
}
