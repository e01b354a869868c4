//! The help overlay, generated from the live keymap: every binding with its action's doc line.

use super::Theme;
use crate::app::App;
use crate::app::keymap::{INPUT, NORMAL_TABLES, grouped};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Width of the keys column.
const KEYS: usize = 22;

/// The overlay's lines for an inner width: docs wrap under their column.
pub fn lines(theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let doc_width = usize::from(width).saturating_sub(KEYS).max(10);
    let mut out = Vec::new();
    let mut section = |name: &str, entries: Vec<(String, &'static str)>| {
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(
            name.to_string(),
            theme.help_key.patch(theme.help_section),
        ));
        for (keys, doc) in entries {
            for (i, part) in textwrap::wrap(doc, doc_width).into_iter().enumerate() {
                let keys = if i == 0 { keys.as_str() } else { "" };
                out.push(Line::from(vec![
                    Span::styled(format!("  {keys:<w$}", w = KEYS - 2), theme.help_key),
                    Span::raw(part.into_owned()),
                ]));
            }
        }
    };
    for (name, table) in NORMAL_TABLES {
        let entries = grouped(table)
            .into_iter()
            .map(|(a, keys)| (keys.join(" "), a.doc()))
            .collect();
        section(name, entries);
    }
    let mut input: Vec<(String, &'static str)> = grouped(INPUT)
        .into_iter()
        .map(|(a, keys)| (keys.join(" "), a.doc()))
        .collect();
    input.insert(0, ("0-9".into(), crate::app::Action::GotoDigit('0').doc()));
    section("Input line", input);
    section(
        "Mouse",
        vec![
            ("wheel".into(), "Scroll the pane under the pointer"),
            (
                "click".into(),
                "Focus a pane, select an item, or jump (marker column)",
            ),
        ],
    );
    out
}

/// Where the overlay sits on a screen of `area`.
fn popup(area: Rect) -> Rect {
    super::overlay_rect(area, 78, None)
}

/// How far the overlay can scroll on a screen of `area` (for `update` to clamp to).
pub fn max_scroll(area: Rect) -> usize {
    let p = popup(area);
    let all = lines(&Theme::no_color(), p.width.saturating_sub(2)).len();
    all.saturating_sub(usize::from(p.height.saturating_sub(2)))
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let popup = popup(area);
    let all = lines(theme, popup.width.saturating_sub(2));
    let inner_h = usize::from(popup.height.saturating_sub(2));
    let scroll = app.help_scroll.min(all.len().saturating_sub(inner_h));
    let more = if all.len() > scroll + inner_h {
        " j/↓ more "
    } else {
        ""
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Line::styled(" Help — Esc closes ", theme.title_focused))
        .title_bottom(Line::styled(more, theme.dim).right_aligned());
    let shown: Vec<Line> = all.into_iter().skip(scroll).take(inner_h).collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(shown).block(block), popup);
}
