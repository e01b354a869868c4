//! `memcon keys`: every key of the reader with what it does, from the live keymap (the
//! built-in table with the user's `[keys]` applied).

use crate::app::help::{HelpSection, KEYS_WIDTH, sections_of};
use crate::app::{Keymap, Mode};
use std::fmt::Write as _;

/// The key table as text, one section per feature and overlay.
pub fn text(keymap: &Keymap) -> String {
    let modes = [
        Mode::Normal,
        Mode::Input,
        Mode::Help,
        Mode::Bookmarks,
        Mode::Concordance,
        Mode::Select,
        Mode::Entities,
        Mode::Library,
    ];
    let mut sections: Vec<HelpSection> = sections_of(keymap, &modes);
    sections.push((
        "Mouse".into(),
        vec![
            ("wheel".into(), "Scroll the pane under the pointer"),
            (
                "click".into(),
                "Focus a pane, select an item, or jump (marker column)",
            ),
        ],
    ));
    let mut out = String::new();
    for (i, (name, entries)) in sections.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "{name}");
        for (keys, doc) in entries {
            let keys = if keys.is_empty() { "(none)" } else { keys };
            let _ = writeln!(out, "  {keys:<w$}{doc}", w = KEYS_WIDTH - 2);
        }
    }
    out
}
