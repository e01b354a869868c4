//! Drawing: `render(&App, &mut Frame)` reads the App and never changes what it means.
//! One file per pane or overlay; every style comes from [`crate::theme`].

mod body;
mod bookmarks;
mod cells;
mod concordance;
mod fit;
mod help;
mod input;
mod library;
mod markers;
mod metadata;
mod search;
mod side;
mod status;
mod unsaved;

use crate::app::{App, MIN_HEIGHT, MIN_WIDTH, Overlay, Screen};
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Draw the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let theme = *app.theme();
    let area = frame.area();
    let Some(panes) = app.panes() else {
        too_small(frame, area, &theme);
        return;
    };
    if let (Screen::Library, Some(lib)) = (app.screen(), app.library_state()) {
        library::render(app, lib, frame, &panes, &theme);
        match app.input() {
            Some(line) => {
                input::render(line, frame, panes.status, &theme);
                search::render_flags(app, line, frame, panes.status, &theme);
            }
            None => library::status(app, lib, frame, panes.status, &theme),
        }
        if let Overlay::Help { scroll } = app.overlay() {
            help::render(app, *scroll, frame, area, &theme);
        }
        return;
    }
    body::render(app, frame, &panes, &theme);
    metadata::render(app, frame, panes.metadata, &theme);
    if let Some(side_area) = panes.side {
        side::render(app, frame, side_area, false, &theme);
    }
    if *app.overlay() == Overlay::Entities {
        // Over everything but the status line, whatever the size.
        let main = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        clear_for_overlay(frame);
        side::render(app, frame, main, true, &theme);
    }
    match app.input() {
        Some(line) => {
            input::render(line, frame, panes.status, &theme);
            search::render_flags(app, line, frame, panes.status, &theme);
        }
        None => status::render(app, frame, panes.status, &theme),
    }
    if let Overlay::Help { scroll } = app.overlay() {
        help::render(app, *scroll, frame, area, &theme);
    }
    bookmarks::render(app, frame, area, &theme);
    concordance::render(app, frame, area, &theme);
    unsaved::render(app, frame, area, &theme);
    cells::settle(frame.buffer_mut());
}

fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let long = format!("Terminal too small: memcon needs {MIN_WIDTH}×{MIN_HEIGHT}");
    let text = [long.as_str(), "Terminal too small", "Too small", "!"]
        .into_iter()
        .find(|t| unicode_width::UnicodeWidthStr::width(*t) <= usize::from(area.width))
        .unwrap_or("!");
    let line = Rect { height: 1, ..area };
    frame.render_widget(Paragraph::new(text).style(theme.too_small), line);
}

/// `text` cut with `…` to fit in the top or bottom border of a box `width` columns wide
/// (between its corners).
fn border_text(text: &str, width: u16) -> String {
    fit::truncate(text, usize::from(width.saturating_sub(2)))
}

/// Clear the screen but the status line for an overlay: one that leaves some of the panes in
/// view shows cut words and stray pieces of borders beside its edges, which read as part of
/// it. The status line stays (messages, the counter, where the reader is).
fn clear_for_overlay(frame: &mut Frame) {
    let screen = frame.area();
    let above_status = Rect {
        height: screen.height.saturating_sub(1),
        ..screen
    };
    frame.render_widget(Clear, above_status);
}

/// A bordered pane `width` columns wide, its border and title marked when it has the focus;
/// a title too long for the border is cut with `…`.
fn pane_block<'a>(title: &str, width: u16, focused: bool, theme: &Theme) -> Block<'a> {
    let (border, title_style) = if focused {
        (theme.border_focused, theme.title_focused)
    } else {
        (theme.border, theme.title)
    };
    Block::new()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Line::styled(
            border_text(&format!(" {title} "), width),
            title_style,
        ))
}
