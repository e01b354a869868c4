//! The search settings beside the search line (match highlights in the metadata pane are
//! drawn by `metadata.rs`).

use super::Theme;
use crate::app::{App, InputLine, InputPurpose};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// The search settings (regex or text, accents) at the right of the search line, or how far
/// counting has gone, when there is room after the text.
pub fn render_flags(app: &App, line: &InputLine, frame: &mut Frame, area: Rect, theme: &Theme) {
    if !matches!(
        line.purpose,
        InputPurpose::Search(_) | InputPurpose::Filter | InputPurpose::LibrarySearch
    ) {
        return;
    }
    let error = line.error.as_deref().map_or(0, |e| e.width() + 2);
    let used = line.purpose.prompt().width() + line.text.width() + error + 2;
    let room = usize::from(area.width).saturating_sub(used);
    // The settings with all their keys, or without the one that keeps the regex setting.
    let flags = match app.search().counting() {
        Some(n) => format!(" counting matches… {n} so far "),
        None => [false, true]
            .iter()
            .map(|short| format!(" {} ", app.search().flags(app.keymap(), *short)))
            .find(|f| f.width() <= room)
            .unwrap_or_default(),
    };
    let width = flags.width();
    if width == 0 || width > room {
        return;
    }
    let w = width as u16;
    let rect = Rect {
        x: area.x + area.width - w,
        width: w,
        ..area
    };
    frame.render_widget(Paragraph::new(Span::styled(flags, theme.dim)), rect);
}
