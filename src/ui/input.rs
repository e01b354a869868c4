//! The input line: prompt, text (scrolled so the cursor stays visible), an error if any.

use super::Theme;
use crate::app::InputLine;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub fn render(line: &InputLine, frame: &mut Frame, area: Rect, theme: &Theme) {
    let width = usize::from(area.width);
    // An error (a bad pattern, a note at its limit) keeps its room at the right even when the
    // text is long, as long as some text still shows beside it.
    let error = line.error.as_ref().map(|e| format!("  {e}"));
    let room = match error.as_deref().map(UnicodeWidthStr::width) {
        Some(w) if width >= w + 10 => width - w,
        _ => width,
    };
    // Only what fits is built: a 10,000-character note draws as fast as a short one.
    let shown = line.window(room);
    let mut spans = vec![
        Span::styled(shown.prompt, theme.input),
        Span::styled(shown.text, theme.input),
    ];
    if let Some(e) = error {
        spans.push(Span::styled(e, theme.input_error));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    let x = area.x + shown.cursor.min(width.saturating_sub(1)) as u16;
    frame.set_cursor_position(Position::new(x, area.y));
}
