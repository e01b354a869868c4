//! Drawing: `render(&App, &mut Frame)` reads the App and never changes what it means.
//! One file per pane or overlay; every style comes from [`crate::theme`].

mod body;
mod bookmarks;
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

use crate::app::{App, MIN_HEIGHT, MIN_WIDTH, Overlay, Screen};
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

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
        side::render(app, frame, side_area, &theme);
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

/// A bordered pane, its border and title marked when it has the focus.
fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    let (border, title_style) = if focused {
        (theme.border_focused, theme.title_focused)
    } else {
        (theme.border, theme.title)
    };
    Block::new()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Line::styled(format!(" {title} "), title_style))
}
