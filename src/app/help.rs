//! The help overlay's content, built from the live keymap: every binding with its action's
//! doc line, wrapped for a width. `ui::help` styles and draws these rows; `update` uses
//! their count to stop scrolling at the end.

use super::keymap::{INPUT, NORMAL_TABLES, grouped};
use super::{Action, Panes};
use ratatui::layout::Rect;

/// Width of the keys column.
pub const KEYS_WIDTH: usize = 22;
/// The overlay is at most this wide.
pub const MAX_WIDTH: u16 = 78;

/// One row of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    /// A section's name.
    Section(String),
    Blank,
    /// The keys (empty on a continued row) and a piece of the doc line.
    Entry {
        keys: String,
        text: String,
    },
}

/// Sections of `(keys, doc line)`, in the order help shows them.
pub fn sections() -> Vec<(String, Vec<(String, &'static str)>)> {
    let mut out: Vec<(String, Vec<(String, &'static str)>)> = NORMAL_TABLES
        .iter()
        .map(|(name, table)| {
            let entries = grouped(table)
                .into_iter()
                .map(|(a, keys)| (keys.join(" "), a.doc()))
                .collect();
            (name.to_string(), entries)
        })
        .collect();
    let mut input: Vec<(String, &'static str)> = grouped(INPUT)
        .into_iter()
        .map(|(a, keys)| (keys.join(" "), a.doc()))
        .collect();
    input.insert(0, ("0-9".into(), Action::GotoDigit('0').doc()));
    out.push(("Input line".into(), input));
    out.push((
        "Mouse".into(),
        vec![
            ("wheel".into(), "Scroll the pane under the pointer"),
            (
                "click".into(),
                "Focus a pane, select an item, or jump (marker column)",
            ),
        ],
    ));
    out
}

/// The overlay's rows for an inner width: doc lines wrap under their column.
pub fn rows(width: u16) -> Vec<HelpRow> {
    let doc_width = usize::from(width).saturating_sub(KEYS_WIDTH).max(10);
    let mut out = Vec::new();
    for (name, entries) in sections() {
        if !out.is_empty() {
            out.push(HelpRow::Blank);
        }
        out.push(HelpRow::Section(name));
        for (keys, doc) in entries {
            for (i, part) in textwrap::wrap(doc, doc_width).into_iter().enumerate() {
                out.push(HelpRow::Entry {
                    keys: if i == 0 { keys.clone() } else { String::new() },
                    text: part.into_owned(),
                });
            }
        }
    }
    out
}

/// Where the overlay sits on a screen of `area`.
pub fn popup(area: Rect) -> Rect {
    Panes::overlay(area, MAX_WIDTH, None)
}

/// How far the overlay can scroll on a screen of `size` (columns, rows).
pub fn max_scroll(size: (u16, u16)) -> usize {
    let p = popup(Rect::new(0, 0, size.0, size.1));
    let all = rows(p.width.saturating_sub(2)).len();
    all.saturating_sub(usize::from(p.height.saturating_sub(2)))
}
