//! The help overlay's content, built from the live keymap: every binding with its action's
//! doc line, wrapped for a width. `ui::help` styles and draws these rows; `update` uses
//! their count to stop scrolling at the end.

use super::keymap::{Keymap, grouped};
use super::{Action, Mode, Panes};
use ratatui::layout::Rect;

/// Width of the keys column.
pub const KEYS_WIDTH: usize = 22;

/// The keys column in an overlay `width` columns wide inside: at most [`KEYS_WIDTH`], and
/// two fifths of a narrow overlay, so what the keys do keeps room to be read.
pub fn keys_width(width: u16) -> usize {
    KEYS_WIDTH.min(usize::from(width) * 2 / 5).max(8)
}
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

/// A section of help: its name and `(keys, doc line)` entries.
pub type HelpSection = (String, Vec<(String, &'static str)>);

/// The sections of `keymap` for `modes`, in table order, each action once with all its keys.
pub fn sections_of(keymap: &Keymap, modes: &[Mode]) -> Vec<HelpSection> {
    keymap
        .sections()
        .iter()
        .filter(|s| modes.contains(&s.mode))
        .map(|s| {
            let mut entries: Vec<(String, &'static str)> = grouped(&s.bindings)
                .into_iter()
                .map(|(a, keys)| (keys.join(" "), a.doc()))
                .collect();
            if s.mode == Mode::Input {
                entries.insert(0, ("0-9".into(), Action::GotoDigit('0').doc()));
            }
            if s.mode == Mode::Library {
                let doc = Action::LibraryFilterChar('a').doc();
                entries.push(("other letters, 0-9".into(), doc));
            }
            (s.name.to_string(), entries)
        })
        .collect()
}

/// What the help overlay lists: normal mode, the input line and the mouse; with a
/// `library`, its keys first.
pub fn sections(keymap: &Keymap, library: bool) -> Vec<HelpSection> {
    let mut out = if library {
        sections_of(keymap, &[Mode::Library])
    } else {
        Vec::new()
    };
    out.extend(sections_of(
        keymap,
        &[Mode::Normal, Mode::Select, Mode::Input],
    ));
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
pub fn rows(keymap: &Keymap, width: u16, library: bool) -> Vec<HelpRow> {
    let doc_width = usize::from(width).saturating_sub(keys_width(width)).max(10);
    let mut out = Vec::new();
    for (name, entries) in sections(keymap, library) {
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
pub fn max_scroll(keymap: &Keymap, size: (u16, u16), library: bool) -> usize {
    let p = popup(Rect::new(0, 0, size.0, size.1));
    let all = rows(keymap, p.width.saturating_sub(2), library).len();
    all.saturating_sub(usize::from(p.height.saturating_sub(2)))
}
