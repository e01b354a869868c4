//! `update`: one short arm per action; longer work lives in methods of the feature it
//! belongs to.

use super::{Action, App, Completeness, Effect, Focus, InputPurpose, Location, Overlay};
use crate::document::SpanKind;
use crate::document::sanitize::acts_on_terminal;
use crate::search::Direction;

impl App {
    /// Apply one action. Returns work for the event loop, if any.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if self.quit_question().is_some() {
            return self.answer_quit_question(action);
        }
        match &self.completeness {
            Completeness::Loading if waits_for_whole_document(action) => {
                self.say("still reading the whole document: try again in a moment");
                return None;
            }
            Completeness::Partial(_) if is_bookmark_action(action) => {
                self.say("bookmarks unavailable: only the first part of this file could be read");
                return None;
            }
            _ => {}
        }
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        if self.screen == super::Screen::Library && self.mode() == super::Mode::Library {
            return match action {
                Action::Resize(w, h) => {
                    self.resize(w, h);
                    self.library_resized();
                    None
                }
                Action::ScrollAt(_, _, delta) => self.library_action(if delta > 0 {
                    Action::LineDown
                } else {
                    Action::LineUp
                }),
                a => self.library_action(a),
            };
        }
        let page = self.view.body_height() as isize;
        match action {
            Action::Quit if self.open_doc.is_some() => return self.back_to_library(),
            Action::Quit => return Some(Effect::Quit),
            Action::LineDown => self.move_focused(1),
            Action::LineUp => self.move_focused(-1),
            Action::PageDown => self.move_focused(page),
            Action::PageUp => self.move_focused(-page),
            Action::HalfPageDown => self.move_focused((page / 2).max(1)),
            Action::HalfPageUp => self.move_focused(-(page / 2).max(1)),
            Action::Top if self.overlay == Overlay::Entities => self.move_side(isize::MIN),
            Action::Bottom if self.overlay == Overlay::Entities => self.move_side(isize::MAX),
            Action::Top => self.view.jump_to(Location::default()),
            Action::Bottom => self.view.jump_to_end(),
            Action::NextParagraph => self.paragraph_step(true),
            Action::PrevParagraph => self.paragraph_step(false),
            Action::NextEnclosure => self.enclosure_step(true),
            Action::PrevEnclosure => self.enclosure_step(false),
            Action::GotoPrompt => self.open_input(InputPurpose::Goto, ""),
            Action::GotoDigit(c) => self.open_input(InputPurpose::Goto, &c.to_string()),
            Action::JumpBack => {
                if !self.view.jump_back() {
                    let across = self.doc_jump(true);
                    if across.is_some() {
                        return across;
                    }
                    self.say("at the oldest jump");
                }
            }
            Action::JumpForward => {
                if !self.view.jump_forward() {
                    let across = self.doc_jump(false);
                    if across.is_some() {
                        return across;
                    }
                    self.say("at the newest jump");
                }
            }
            Action::NextTarget => return self.next_target(true),
            Action::PrevTarget => return self.next_target(false),
            Action::ClearTargets if self.targets().is_none() && self.open_doc.is_some() => {
                return self.back_to_library();
            }
            Action::ClearTargets => self.clear_targets(),
            Action::SearchForward => self.start_search(Direction::Forward),
            Action::SearchBackward => self.start_search(Direction::Backward),
            Action::ToggleHighlight => self.toggle_highlight(),
            Action::SearchToggleRegex => self.toggle_search_option(true),
            Action::SearchKeepRegex => self.keep_regex(),
            Action::SearchToggleAccents => self.toggle_search_option(false),
            Action::FocusNext => self.view.cycle_focus(1),
            Action::FocusPrev => self.view.cycle_focus(-1),
            Action::Activate => self.activate(),
            Action::ToggleMetadata => self.view.toggle_metadata(),
            Action::ToggleHelp => self.toggle_help(),
            Action::CloseHelp => self.overlay = Overlay::None,
            Action::AddBookmark => self.start_bookmark(),
            Action::OpenBookmarks => self.open_bookmark_list(),
            Action::NextBookmark => self.step_bookmark(true),
            Action::PrevBookmark => self.step_bookmark(false),
            a @ (Action::BookmarkListDown | Action::BookmarkListUp)
            | a @ (Action::BookmarkListJump | Action::BookmarkListEditNote)
            | a @ (Action::BookmarkListDelete | Action::BookmarkListConfirm)
            | a @ (Action::BookmarkListUndo | Action::CloseBookmarks) => {
                return self.bookmark_list_action(a);
            }
            Action::WriteBookmarks => self.ask_bookmarks_file(),
            Action::StartSelection => self.start_selection(),
            Action::Yank => return self.yank(false),
            Action::YankCited => return self.yank(true),
            a @ (Action::SelectNext | Action::SelectPrev)
            | a @ (Action::SelectNextParagraph | Action::SelectPrevParagraph) => {
                self.extend_selection(a);
            }
            Action::CancelSelection => self.cancel_selection(),
            Action::ToggleEntitySort => self.toggle_entity_sort(),
            Action::ToggleEntityMarks => self.toggle_entity_marks(),
            Action::OpenConcordance => self.open_concordance(),
            Action::ShowEntities => self.show_entities(),
            Action::CloseEntities => self.overlay = Overlay::None,
            Action::ConcordanceDown => self.concordance_move(1),
            Action::ConcordanceUp => self.concordance_move(-1),
            Action::ConcordanceJump => self.concordance_jump(),
            Action::CloseConcordance => self.close_concordance(),
            Action::ScrollAt(col, row, delta) => self.scroll_at(col, row, delta),
            Action::ClickAt(col, row) => self.click_at(col, row),
            Action::Resize(w, h) => self.resize(w, h),
            // A control character (pasted, or from a terminal that passes them on) is not
            // text: it would reach the screen with the line.
            Action::InputChar(c) if acts_on_terminal(c) || c == '\t' => {}
            Action::InputChar(c) => self.edit_input(|l| l.insert(c)),
            Action::InputBackspace => self.edit_input(|l| l.backspace()),
            Action::InputDelete => self.edit_input(|l| l.delete()),
            Action::InputLeft => self.edit_input(|l| l.left()),
            Action::InputRight => self.edit_input(|l| l.right()),
            Action::InputHome => self.edit_input(|l| l.home()),
            Action::InputEnd => self.edit_input(|l| l.end()),
            Action::InputClear => self.edit_input(|l| l.clear()),
            Action::InputHistoryPrev => self.recall_history(true),
            Action::InputHistoryNext => self.recall_history(false),
            Action::InputConfirm => return self.confirm_input(),
            Action::InputCancel => self.cancel_input(),
            Action::LibraryOpen
            | Action::LibrarySort
            | Action::LibrarySearch
            | Action::LibraryFilter
            | Action::LibraryFilterChar(_)
            | Action::LibraryBack => {}
        }
        None
    }

    /// j/k, pages: scroll the help, move in the entities list, or scroll the body, the
    /// metadata or the side list by focus.
    fn move_focused(&mut self, delta: isize) {
        match &mut self.overlay {
            Overlay::Help { scroll } => {
                let max =
                    super::help::max_scroll(&self.keymap, self.view.size(), self.library.is_some());
                *scroll = scroll.saturating_add_signed(delta).min(max);
            }
            Overlay::Entities => self.move_side(delta),
            _ => self.move_pane(self.view.focus(), delta),
        }
    }

    fn move_pane(&mut self, pane: Focus, delta: isize) {
        match pane {
            Focus::Body => self.view.scroll_rows(delta),
            Focus::Metadata => self.view.scroll_metadata(delta),
            Focus::Side => self.move_side(delta),
        }
    }

    fn toggle_help(&mut self) {
        self.overlay = match self.overlay {
            Overlay::Help { .. } => Overlay::None,
            _ => Overlay::Help { scroll: 0 },
        };
    }

    fn paragraph_step(&mut self, forward: bool) {
        let n = self.view.doc().blocks.len();
        let top = self.view.reading();
        let target = if forward {
            (top.block + 1).min(n.saturating_sub(1))
        } else if top.offset > 0 {
            top.block
        } else {
            top.block.saturating_sub(1)
        };
        self.view.go(Location::new(target, 0));
    }

    /// `a` / `A`: the start of the next (previous) enclosure or attachment; backwards from
    /// the first one, the top of the main document. Recorded in the jump list.
    fn enclosure_step(&mut self, forward: bool) {
        let doc = self.view.doc();
        let count = doc.enclosures.len();
        if count == 0 {
            self.say("no enclosures or attachments in this document");
            return;
        }
        let here = self.view.reading().block;
        let found = if forward {
            doc.enclosures.iter().position(|e| e.block > here)
        } else {
            doc.enclosures.iter().rposition(|e| e.block < here)
        };
        let (loc, text) = match found.and_then(|i| Some((i, doc.enclosures.get(i)?))) {
            Some((i, e)) => (
                Location::new(e.block, 0),
                format!("{} · {} of {count}", e.label, i + 1),
            ),
            None if forward => {
                self.say(format!("no enclosure after this point ({count} in all)"));
                return;
            }
            None if here == 0 && self.view.reading().offset == 0 => {
                self.say("at the top of the main document");
                return;
            }
            None => (Location::default(), "the main document".to_string()),
        };
        self.view.jump_to(loc);
        self.say(text);
    }

    /// `n` / `N` once the direction is settled: the next target, wrapping round the ends.
    pub(super) fn step_target(&mut self, forward: bool) {
        let top = self.view.top();
        let from = (top.block, top.offset);
        let Some(targets) = self.view.targets_mut() else {
            self.say("nothing to jump to: no search or entity selected");
            return;
        };
        let Some((i, wrapped)) = targets.step(forward, from) else {
            let text = format!("{} for {}", targets.counter(), targets.label.text());
            self.say(text);
            return;
        };
        targets.current = Some(i);
        let loc = targets.ranges[i].location();
        self.view.remember_position();
        self.view.reveal(loc);
        if wrapped {
            self.say(if forward {
                "wrapped to the top"
            } else {
                "wrapped to the bottom"
            });
        }
    }

    fn activate(&mut self) {
        if self.overlay == Overlay::Entities {
            self.entity_chosen();
            return;
        }
        match self.view.focus() {
            Focus::Body => self.follow_footnote(),
            Focus::Metadata => self.view.toggle_metadata(),
            Focus::Side => self.entity_activated(),
        }
    }

    /// Enter in the body: follow the first footnote reference on screen.
    fn follow_footnote(&mut self) {
        let doc = self.view.doc();
        let found = self.view.visible_rows().into_iter().find_map(|r| {
            let block = &doc.blocks[r.block];
            block.spans.iter().find_map(|s| {
                let on_row = s.start >= r.row.start && s.start < r.row.end.max(r.row.start + 1);
                (s.kind == SpanKind::FootnoteRef && on_row)
                    .then_some(s.footnote)
                    .flatten()
            })
        });
        let target = found.and_then(|i| doc.footnotes.get(i));
        match target {
            Some(f) => {
                let (label, block) = (f.label.clone(), f.block);
                self.view.jump_to(Location::new(block, 0));
                let back = self.key(Action::JumpBack);
                self.say(format!("footnote {label} — {back} returns"));
            }
            None => self.say("no footnote reference on screen"),
        }
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.view.resize(w, h);
        if let Overlay::Help { scroll } = &mut self.overlay {
            *scroll = (*scroll).min(super::help::max_scroll(
                &self.keymap,
                (w, h),
                self.library.is_some(),
            ));
        }
    }

    fn scroll_at(&mut self, col: u16, row: u16, delta: i16) {
        if matches!(self.overlay, Overlay::Help { .. } | Overlay::Entities) {
            self.move_focused(isize::from(delta));
            return;
        }
        if let Some(pane) = self.view.panes().and_then(|p| p.hit(col, row)) {
            self.move_pane(pane, isize::from(delta));
        }
    }

    fn click_at(&mut self, col: u16, row: u16) {
        if self.overlay == Overlay::Entities {
            // The list covers all rows but the status line, inside its border.
            let height = self.view.size().1.saturating_sub(1);
            if row > 0 && row + 1 < height {
                let inner = usize::from(height.saturating_sub(2)).max(1);
                self.click_side(usize::from(row - 1), inner);
            }
            return;
        }
        let Some(p) = self.view.panes() else { return };
        let Some(pane) = p.hit(col, row) else { return };
        self.view.set_focus(pane);
        let pos = ratatui::layout::Position::new(col, row);
        match pane {
            Focus::Body if p.markers.contains(pos) => {
                let h = usize::from(p.markers.height.max(1));
                let at = usize::from(row - p.markers.y);
                let index = self.view.index();
                let byte = (index.total() as u128 * at as u128 / h as u128) as usize;
                let loc = index.location_at(byte);
                let start = self.view.row_location(self.view.row_pos(loc));
                self.view.jump_to(start);
            }
            Focus::Metadata if !self.view.metadata_expanded() => self.view.toggle_metadata(),
            Focus::Side => {
                let Some(side) = p.side else { return };
                if row > side.y && row < side.y + side.height - 1 {
                    let line = usize::from(row - side.y - 1);
                    let inner_h = usize::from(side.height.saturating_sub(2)).max(1);
                    self.click_side(line, inner_h);
                }
            }
            _ => {}
        }
    }

    fn edit_input(&mut self, edit: impl FnOnce(&mut super::InputLine)) {
        let Some(line) = self.input.line_mut() else {
            return;
        };
        let before = line.text.clone();
        // Cleared before the edit, which may set one (a note at its limit).
        line.error = None;
        edit(line);
        if line.text != before {
            let (purpose, text) = (line.purpose, line.text.clone());
            self.input_changed(purpose, &text);
        }
    }

    fn recall_history(&mut self, older: bool) {
        if let Some((purpose, text)) = self.input.recall(older) {
            self.input_changed(purpose, &text);
        }
    }

    fn confirm_input(&mut self) -> Option<Effect> {
        let line = self.input.close()?;
        self.input.remember(line.purpose, &line.text);
        self.input_confirmed(line.purpose, &line.text)
    }

    fn cancel_input(&mut self) {
        if let Some(line) = self.input.close() {
            self.input_cancelled(line.purpose);
        }
    }
}

/// Features that index or identify the whole document wait while a big file shows its
/// preview (see `App::loading`).
fn waits_for_whole_document(action: Action) -> bool {
    matches!(
        action,
        Action::SearchForward
            | Action::SearchBackward
            | Action::NextEnclosure
            | Action::PrevEnclosure
    ) || is_bookmark_action(action)
}

/// Bookmarks belong to the whole document (its fingerprint).
fn is_bookmark_action(action: Action) -> bool {
    matches!(
        action,
        Action::AddBookmark | Action::OpenBookmarks | Action::NextBookmark | Action::PrevBookmark
    )
}
