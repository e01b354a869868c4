//! The one-line editor at the bottom of the screen: a prompt, text with a cursor, history.
//!
//! Every feature that asks for text (go-to, search, bookmark notes, entity filters) opens it
//! with its own [`InputPurpose`]. The App learns of each change (`input_changed`, for
//! incremental search), of Enter (`input_confirmed`) and of Esc (`input_cancelled`) in
//! `input_hooks.rs`, where each purpose has its arm.

use std::collections::HashMap;
use unicode_width::UnicodeWidthChar;

/// The input line, when open, and the histories of every purpose for the session.
#[derive(Debug, Default)]
pub struct InputState {
    line: Option<InputLine>,
    /// Oldest first, one per purpose.
    histories: HashMap<InputPurpose, Vec<String>>,
}

impl InputState {
    pub fn line(&self) -> Option<&InputLine> {
        self.line.as_ref()
    }

    pub(super) fn line_mut(&mut self) -> Option<&mut InputLine> {
        self.line.as_mut()
    }

    pub(super) fn open(&mut self, purpose: InputPurpose, text: &str) {
        self.line = Some(InputLine::new(purpose, text));
    }

    /// Close the line and hand back what it held.
    pub(super) fn close(&mut self) -> Option<InputLine> {
        self.line.take()
    }

    /// Add `text` to the history of `purpose`.
    pub(super) fn remember(&mut self, purpose: InputPurpose, text: &str) {
        remember(self.histories.entry(purpose).or_default(), text);
    }

    /// Show a problem after the text (a bad pattern, nothing found); `None` clears it.
    pub(super) fn set_error(&mut self, error: Option<String>) {
        if let Some(line) = &mut self.line {
            line.error = error;
        }
    }

    /// ↑ / ↓: walk the history of the open line's purpose. Returns the new text when it
    /// changed.
    pub(super) fn recall(&mut self, older: bool) -> Option<(InputPurpose, String)> {
        let line = self.line.as_mut()?;
        let history = self
            .histories
            .get(&line.purpose)
            .map_or(&[][..], Vec::as_slice);
        line.recall(history, older)
            .then(|| (line.purpose, line.text.clone()))
    }
}

/// Why the input line is open. Histories are kept per purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputPurpose {
    /// `:N` paragraph or `N%` percent.
    Goto,
    /// `/` or `?`: search the body.
    Search(crate::search::Direction),
    /// `/` in the side list: filter it.
    Filter,
    /// A bookmark's note.
    BookmarkNote,
    /// The file the bookmarks list writes its Markdown notes to.
    BookmarksFile,
    /// The library's document list: filter it.
    LibraryFilter,
    /// `/` in the library: search the whole collection.
    LibrarySearch,
}

impl InputPurpose {
    /// The prompt drawn before the text.
    pub fn prompt(self) -> &'static str {
        match self {
            InputPurpose::Goto => ":",
            InputPurpose::Search(crate::search::Direction::Forward) => "/",
            InputPurpose::Search(crate::search::Direction::Backward) => "?",
            InputPurpose::Filter => "filter /",
            InputPurpose::BookmarkNote => "note (Enter: none, Esc: cancel): ",
            InputPurpose::BookmarksFile => "write bookmarks to (Esc: cancel): ",
            InputPurpose::LibraryFilter => "filter: ",
            InputPurpose::LibrarySearch => "search the collection /",
        }
    }

    /// The most characters the line takes, if there is a limit.
    pub fn max_chars(self) -> Option<usize> {
        match self {
            InputPurpose::BookmarkNote => Some(crate::bookmarks::model::NOTE_MAX_CHARS),
            _ => None,
        }
    }
}

/// What of the line is drawn in a given width (see [`InputLine::window`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputWindow<'a> {
    /// The prompt, or its end, or nothing when the text is scrolled past it.
    pub prompt: &'static str,
    pub text: &'a str,
    /// The cursor's column from the left of the window.
    pub cursor: usize,
}

/// The text being edited. `cursor` is a byte offset on a char boundary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputLine {
    pub purpose: InputPurpose,
    pub text: String,
    pub cursor: usize,
    /// Position while walking history (`None`: editing a fresh line).
    history_pos: Option<usize>,
    /// What was typed before history was walked, restored by walking past the newest entry.
    draft: String,
    /// An error to show after the text (a bad pattern, a number out of range).
    pub error: Option<String>,
}

impl InputLine {
    pub fn new(purpose: InputPurpose, text: &str) -> Self {
        Self {
            purpose,
            text: text.to_string(),
            cursor: text.len(),
            history_pos: None,
            draft: String::new(),
            error: None,
        }
    }

    /// Insert `c` at the cursor; at the purpose's limit, refuse it and say so.
    pub fn insert(&mut self, c: char) {
        if let Some(max) = self.purpose.max_chars()
            && self.text.chars().count() >= max
        {
            self.error = Some(format!("a note holds at most {max} characters"));
            return;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        self.history_pos = None;
    }

    pub fn backspace(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
            self.text.remove(self.cursor);
            self.history_pos = None;
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.text.len() {
            self.text.remove(self.cursor);
            self.history_pos = None;
        }
    }

    pub fn left(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
        }
    }

    pub fn right(&mut self) {
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
        self.history_pos = None;
    }

    /// Walk `history` (oldest first): `older` goes back in time. Returns whether the text changed.
    pub fn recall(&mut self, history: &[String], older: bool) -> bool {
        let next = match (self.history_pos, older) {
            (None, true) if !history.is_empty() => {
                self.draft = self.text.clone();
                Some(history.len() - 1)
            }
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < history.len() => Some(i + 1),
            (Some(_), false) => None,
            (None, _) => return false,
        };
        let text = match next {
            Some(i) => history[i].clone(),
            None => std::mem::take(&mut self.draft),
        };
        self.history_pos = next;
        let changed = text != self.text;
        self.text = text;
        self.cursor = self.text.len();
        changed
    }

    /// The prompt and text that fit in `width` columns, scrolled so the cursor stays on
    /// screen (characters are dropped from the left, the prompt's first), and the cursor's
    /// column. Only the characters near the cursor are looked at, so a long line costs no
    /// more to draw than a short one.
    pub fn window(&self, width: usize) -> InputWindow<'_> {
        let width = width.max(1);
        let prompt = self.purpose.prompt();
        // Walk left from the cursor while the columns fit (the cursor takes the last one).
        let mut used = 0;
        let mut start = self.cursor;
        let mut fits = true;
        for (i, c) in self.text[..self.cursor].char_indices().rev() {
            let w = c.width().unwrap_or(0);
            if used + w >= width {
                fits = false;
                break;
            }
            used += w;
            start = i;
        }
        let mut prompt_start = prompt.len();
        if fits {
            for (i, c) in prompt.char_indices().rev() {
                let w = c.width().unwrap_or(0);
                if used + w >= width {
                    break;
                }
                used += w;
                prompt_start = i;
            }
        }
        // Then right from the cursor, up to the width.
        let mut end = self.cursor;
        let mut col = used;
        for (i, c) in self.text[self.cursor..].char_indices() {
            col += c.width().unwrap_or(0);
            if col > width {
                break;
            }
            end = self.cursor + i + c.len_utf8();
        }
        InputWindow {
            prompt: &prompt[prompt_start..],
            text: &self.text[start..end],
            cursor: used,
        }
    }
}

/// Add an entry to a history: skip blanks, move a repeated entry to the end, keep it bounded.
pub fn remember(history: &mut Vec<String>, entry: &str) {
    if entry.trim().is_empty() {
        return;
    }
    history.retain(|h| h != entry);
    history.push(entry.to_string());
    if history.len() > 200 {
        history.remove(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_respects_multibyte_characters() {
        let mut l = InputLine::new(InputPurpose::Goto, "Lü");
        l.left();
        l.insert('x');
        assert_eq!(l.text, "Lxü");
        l.end();
        l.backspace();
        assert_eq!(l.text, "Lx");
        l.home();
        l.delete();
        assert_eq!((l.text.as_str(), l.cursor), ("x", 0));
        l.right();
        l.right();
        assert_eq!(l.cursor, 1);
    }

    #[test]
    fn history_walks_back_and_returns_to_the_draft() {
        let h = vec!["12".to_string(), "50%".to_string()];
        let mut l = InputLine::new(InputPurpose::Goto, "7");
        assert!(l.recall(&h, true));
        assert_eq!(l.text, "50%");
        l.recall(&h, true);
        assert_eq!(l.text, "12");
        l.recall(&h, true);
        assert_eq!(l.text, "12", "stays on the oldest");
        l.recall(&h, false);
        l.recall(&h, false);
        assert_eq!(l.text, "7", "past the newest: the draft again");
    }

    #[test]
    fn remember_dedups_and_skips_blanks() {
        let mut h = vec!["a".to_string(), "b".to_string()];
        remember(&mut h, "a");
        remember(&mut h, "  ");
        assert_eq!(h, ["b", "a"]);
    }

    #[test]
    fn a_note_stops_at_its_limit_and_says_so() {
        let max = crate::bookmarks::model::NOTE_MAX_CHARS;
        let mut l = InputLine::new(InputPurpose::BookmarkNote, &"é".repeat(max - 1));
        l.insert('x');
        assert_eq!((l.text.chars().count(), l.error.as_deref()), (max, None));
        l.insert('y');
        assert_eq!(l.text.chars().count(), max);
        assert_eq!(
            l.error.as_deref(),
            Some("a note holds at most 10000 characters")
        );
        l.backspace();
        l.insert('z');
        assert!(l.text.ends_with('z'));
        // Other purposes have no limit.
        let mut l = InputLine::new(InputPurpose::Filter, &"a".repeat(max));
        l.insert('b');
        assert_eq!(l.text.len(), max + 1);
    }

    #[test]
    fn the_window_keeps_the_cursor_on_screen_and_stays_small() {
        let prompt = InputPurpose::Goto.prompt();
        let mut l = InputLine::new(InputPurpose::Goto, "12345");
        let w = l.window(10);
        assert_eq!((w.prompt, w.text, w.cursor), (prompt, "12345", 6));
        // Long: the end shows, the cursor in the last column.
        let long = "abcdefghij".repeat(100_000);
        l = InputLine::new(InputPurpose::Goto, &long);
        let w = l.window(10);
        assert_eq!((w.prompt, w.text, w.cursor), ("", "bcdefghij", 9));
        // At the start: the prompt, then as much text as fits.
        l.home();
        let w = l.window(10);
        assert_eq!((w.prompt, w.text, w.cursor), (prompt, "abcdefghi", 1));
        // In the middle, with wide characters: never more than the width.
        l = InputLine::new(InputPurpose::Goto, &"漢字".repeat(50_000));
        for _ in 0..1000 {
            l.left();
        }
        let w = l.window(11);
        assert_eq!(w.cursor, 10);
        // The character under the cursor is two columns wide: it does not fit in the 11th.
        assert_eq!(w.text, "字漢字漢字");
        let w = l.window(12);
        assert_eq!((w.text, w.cursor), ("字漢字漢字漢", 10));
        // The prompt's end when the text only just overflows.
        l = InputLine::new(InputPurpose::Goto, "123456789");
        let w = l.window(10);
        assert_eq!((w.prompt, w.text, w.cursor), ("", "123456789", 9));
    }
}
