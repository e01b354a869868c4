//! What each input purpose does as the user types, confirms or cancels. One arm per purpose.

use super::{App, Effect, InputPurpose, Location, Screen};

impl App {
    /// The input text changed (every keystroke, history recall). Incremental features react here.
    pub(super) fn input_changed(&mut self, purpose: InputPurpose, text: &str) {
        match purpose {
            // `50%` acts as soon as `%` is typed, as in less.
            InputPurpose::Goto => {
                if text.ends_with('%') && text.len() > 1 {
                    let text = text.to_string();
                    if let Some(line) = self.input.close() {
                        self.input.remember(line.purpose, &text);
                    }
                    self.goto(&text);
                }
            }
            InputPurpose::Search(_) => self.search_changed(text),
            InputPurpose::Filter => {
                let (regex, fold) = (self.search.regex(), self.search.fold_accents());
                if self.screen == Screen::Library {
                    self.library_entity_filter(text, regex, fold);
                } else {
                    self.filter_changed(text, regex, fold);
                }
            }
            InputPurpose::BookmarkNote | InputPurpose::BookmarksFile => {}
            InputPurpose::LibraryFilter => self.library_filter_changed(text),
            InputPurpose::LibrarySearch => {}
        }
    }

    /// Enter was pressed; the line is already closed and remembered in history.
    pub(super) fn input_confirmed(&mut self, purpose: InputPurpose, text: &str) -> Option<Effect> {
        match purpose {
            InputPurpose::Goto => return self.command(text),
            InputPurpose::Search(_) => self.search_confirmed(text),
            InputPurpose::Filter if self.screen == Screen::Library => {
                self.library_side_filter_done(Some(text))
            }
            InputPurpose::Filter => self.filter_confirmed(text),
            InputPurpose::BookmarkNote => return self.bookmark_note_confirmed(text),
            InputPurpose::BookmarksFile => return self.bookmarks_file_confirmed(text),
            InputPurpose::LibraryFilter => self.library_filter_changed(text),
            InputPurpose::LibrarySearch => return self.library_search_confirmed(text),
        }
        None
    }

    /// Esc was pressed; the line is already closed.
    pub(super) fn input_cancelled(&mut self, purpose: InputPurpose) {
        match purpose {
            InputPurpose::Goto => {}
            InputPurpose::Search(_) => self.search_cancelled(),
            InputPurpose::Filter if self.screen == Screen::Library => {
                self.library_side_filter_done(None)
            }
            InputPurpose::Filter => {
                let (regex, fold) = (self.search.regex(), self.search.fold_accents());
                self.filter_cancelled(regex, fold);
            }
            InputPurpose::BookmarkNote => self.bookmark_note_cancelled(),
            InputPurpose::BookmarksFile => self.say("nothing written"),
            InputPurpose::LibraryFilter => {
                let kept = self.library_kept_filter();
                self.library_filter_cancelled(&kept);
            }
            InputPurpose::LibrarySearch => {}
        }
    }

    /// Enter on `:`: the vim commands a reader reaches for (`:q`, `:noh`), else a paragraph
    /// number or a percentage.
    fn command(&mut self, text: &str) -> Option<Effect> {
        match text.trim() {
            "q" | "q!" | "qa" | "qa!" | "quit" | "qall" => return Some(Effect::Quit),
            "noh" | "nohl" | "nohls" | "nohlsearch" => self.hide_highlights(),
            _ => self.goto(text),
        }
        None
    }

    /// `N` → paragraph N, `N%` → N percent of the document.
    fn goto(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let n_blocks = self.doc().blocks.len();
        if let Some(pct) = text.strip_suffix('%') {
            match pct.trim().parse::<u64>() {
                Ok(p) => {
                    let p = p.min(100) as u128;
                    let index = self.view.index();
                    let byte = (index.total() as u128 * p / 100) as usize;
                    let loc = index.location_at(byte);
                    self.view.jump_to_row_of(loc);
                }
                Err(_) => self.say(format!("not a percentage: {text}")),
            }
            return;
        }
        let paras = self.view.paragraphs();
        let (count, last) = (paras.count(), paras.block_of(paras.count()));
        match text.parse::<usize>().map(|n| (n, paras.block_of(n))) {
            Ok((0, _)) | Err(_) => self.say(format!("not a paragraph number: {text}")),
            Ok((_, Some(block))) => self.view.jump_to(Location::new(block, 0)),
            Ok(_) => {
                let block = last.unwrap_or(n_blocks.saturating_sub(1));
                self.view.jump_to(Location::new(block, 0));
                self.say(format!("there are {count} paragraphs; showing the last"));
            }
        }
    }
}
