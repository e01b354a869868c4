//! Search on screen beyond the body: match highlights in the metadata pane, and the search
//! settings beside the search line.

use super::Theme;
use crate::app::{App, InputLine, InputPurpose, TargetLabel};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// `text` in `style`, with the current search's matches highlighted (when highlighting is on
/// and the targets are that search's matches).
pub fn highlighted<'a>(app: &App, text: String, style: Style, theme: &Theme) -> Vec<Span<'a>> {
    let searching = matches!(
        app.targets().map(|t| &t.label),
        Some(TargetLabel::Search(_))
    );
    let matcher = app
        .search()
        .matcher()
        .filter(|_| searching && app.search().highlight());
    let Some(matcher) = matcher else {
        return vec![Span::styled(text, style)];
    };
    let mut out = Vec::new();
    let mut at = 0;
    for r in matcher.find_ranges(&text) {
        if r.start > at {
            out.push(Span::styled(text[at..r.start].to_string(), style));
        }
        out.push(Span::styled(
            text[r.clone()].to_string(),
            style.patch(theme.target),
        ));
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push(Span::styled(text[at..].to_string(), style));
    }
    out
}

/// The search settings (regex or text, accents) at the right of the search line, or how far
/// counting has gone, when there is room after the text.
pub fn render_flags(app: &App, line: &InputLine, frame: &mut Frame, area: Rect, theme: &Theme) {
    if !matches!(line.purpose, InputPurpose::Search(_) | InputPurpose::Filter) {
        return;
    }
    let flags = match app.search().counting() {
        Some(n) => format!(" counting matches… {n} so far "),
        None => format!(" {} ", app.search().flags()),
    };
    let width = flags.width();
    let error = line.error.as_deref().map_or(0, |e| e.width() + 2);
    let used = line.purpose.prompt().width() + line.text.width() + error + 2;
    if used + width > usize::from(area.width) {
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
