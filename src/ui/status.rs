//! The status line: title, then a message or the targets counter, then focus, paragraph and
//! percent on the right.

use super::Theme;
use super::fit::truncate;
use crate::app::{App, Focus, NamesStatus, Overlay};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let (n, m) = app.paragraph();
    let right = if app.loading() {
        format!(" ¶ {n}/…  loading… ")
    } else if *app.entities().status() == NamesStatus::Pending {
        format!(" ¶ {n}/{m}  {}%  finding names… ", app.percent())
    } else {
        format!(" ¶ {n}/{m}  {}% ", app.percent())
    };
    let focus = match app.overlay() {
        Overlay::Entities => Focus::Side,
        _ => app.view().focus(),
    };
    let focus = format!(" {} ", focus.name());
    let mut middle = Vec::new();
    if let Some(t) = app.targets() {
        let text = match app.walk() {
            // Walking across the documents of the library: which document of how many.
            Some(w) => format!(
                " {} · doc {} of {} · {} ",
                t.counter(),
                w.pos + 1,
                w.docs.len(),
                t.label.text()
            ),
            None => format!(" {} · {} ", t.counter(), t.label.text()),
        };
        middle.push((text, theme.status_focus));
    }
    match app.message() {
        Some(msg) => middle.push((format!(" {msg} "), theme.status_message)),
        // What the reader goes without stays said until a message takes its place.
        None if !app.notices().is_empty() => {
            let text = format!(" {} ", app.notices().join("; "));
            middle.push((text, theme.status_message));
        }
        None => {}
    }
    // The right side (focus, paragraph, percent) always shows; messages come next; the
    // title gets what is left.
    let width = usize::from(area.width);
    let mut avail = width.saturating_sub(right.width() + focus.width());
    let mut shown_middle = Vec::new();
    for (m, style) in middle {
        if avail < 3 {
            break;
        }
        let m = truncate(&m, avail - 1);
        avail -= m.width() + 1;
        shown_middle.push((m, style));
    }
    let title = if avail >= 6 {
        truncate(app.doc().display_title(), avail - 2)
    } else {
        String::new()
    };
    let mut spans = vec![Span::styled(format!(" {title}"), theme.status)];
    let pad = avail.saturating_sub(title.width() + 1);
    for (m, style) in shown_middle {
        spans.push(Span::styled(" ", theme.status));
        spans.push(Span::styled(m, style));
    }
    spans.push(Span::styled(" ".repeat(pad), theme.status));
    spans.push(Span::styled(focus, theme.status_focus));
    spans.push(Span::styled(right, theme.status));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
}
