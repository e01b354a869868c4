//! `update`: one short arm per action; longer work lives in methods.

use super::{Action, App, Effect, Focus, InputPurpose, Location, remember};
use crate::document::SpanKind;
use crate::search::Direction;

impl App {
    /// Apply one action. Returns work for the event loop, if any.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if self.loading && waits_for_whole_document(action) {
            self.say("still reading the whole document: try again in a moment");
            return None;
        }
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        let page = self.body_height() as isize;
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::LineDown => self.move_focused(1),
            Action::LineUp => self.move_focused(-1),
            Action::PageDown => self.move_focused(page),
            Action::PageUp => self.move_focused(-page),
            Action::HalfPageDown => self.move_focused((page / 2).max(1)),
            Action::HalfPageUp => self.move_focused(-(page / 2).max(1)),
            Action::Top => self.jump_to(Location::default()),
            Action::Bottom => self.go_bottom(),
            Action::NextParagraph => self.paragraph_step(true),
            Action::PrevParagraph => self.paragraph_step(false),
            Action::GotoPrompt => self.open_input(InputPurpose::Goto, ""),
            Action::GotoDigit(c) => self.open_input(InputPurpose::Goto, &c.to_string()),
            Action::JumpBack => self.jump_back(),
            Action::JumpForward => self.jump_forward(),
            Action::NextTarget => self.next_target(true),
            Action::PrevTarget => self.next_target(false),
            Action::ClearTargets => self.clear_targets(),
            Action::SearchForward => self.start_search(Direction::Forward),
            Action::SearchBackward => self.start_search(Direction::Backward),
            Action::ToggleHighlight => self.toggle_highlight(),
            Action::SearchToggleRegex => self.toggle_search_option(true),
            Action::SearchToggleAccents => self.toggle_search_option(false),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
            Action::Activate => self.activate(),
            Action::ToggleMetadata => self.toggle_metadata(),
            Action::ToggleHelp => self.help_open = !self.help_open,
            Action::CloseHelp => self.help_open = false,
            a @ (Action::AddBookmark | Action::OpenBookmarks | Action::NextBookmark)
            | a @ (Action::PrevBookmark | Action::BookmarkListDown | Action::BookmarkListUp)
            | a @ (Action::BookmarkListJump
            | Action::BookmarkListEditNote
            | Action::CloseBookmarks)
            | a @ (Action::BookmarkListDelete | Action::BookmarkListConfirm)
            | a @ Action::BookmarkListUndo => return self.bookmark_action(a),
            Action::ToggleEntitySort => self.toggle_entity_sort(),
            Action::OpenConcordance => self.open_concordance(),
            Action::ConcordanceDown => self.concordance_move(1),
            Action::ConcordanceUp => self.concordance_move(-1),
            Action::ConcordanceJump => self.concordance_jump(),
            Action::CloseConcordance => self.entities.concordance = None,
            Action::ScrollAt(col, row, delta) => self.scroll_at(col, row, delta),
            Action::ClickAt(col, row) => self.click_at(col, row),
            Action::Resize(w, h) => self.resize(w, h),
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
        }
        None
    }

    /// j/k, pages: scroll the body, the metadata, the side list or the help, by focus.
    fn move_focused(&mut self, delta: isize) {
        if self.help_open {
            let screen = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
            let max = crate::ui::help::max_scroll(screen);
            self.help_scroll = self.help_scroll.saturating_add_signed(delta).min(max);
            return;
        }
        match self.focus {
            Focus::Body => self.scroll_rows(delta),
            Focus::Metadata => self.scroll_metadata(delta),
            Focus::Side => self.move_side(delta),
        }
    }

    /// Move the side list's selection; a new entity previews its mentions.
    fn move_side(&mut self, delta: isize) {
        let before = self.side.selected;
        self.side.move_by(delta);
        if self.side.selected != before {
            self.entity_selected();
        }
    }

    fn scroll_metadata(&mut self, delta: isize) {
        let Some(p) = self.panes() else { return };
        let inner_h = usize::from(p.metadata.height.saturating_sub(2));
        let rows = super::meta::rows(&self.doc.metadata, p.metadata.width.saturating_sub(2)).len();
        let max = rows.saturating_sub(inner_h);
        self.meta_scroll = self.meta_scroll.saturating_add_signed(delta).min(max);
    }

    fn go_bottom(&mut self) {
        self.jumps.push(self.top);
        let max = self.max_top();
        self.set_top_row(max);
    }

    fn paragraph_step(&mut self, forward: bool) {
        let n = self.doc.blocks.len();
        let b = self.top.block;
        let target = if forward {
            (b + 1).min(n.saturating_sub(1))
        } else if self.top.offset > 0 {
            b
        } else {
            b.saturating_sub(1)
        };
        self.top = Location::new(target, 0);
        self.clamp_top();
    }

    fn jump_back(&mut self) {
        match self.jumps.back(self.top) {
            Some(loc) => {
                self.top = loc;
                self.clamp_top();
            }
            None => self.say("at the oldest jump"),
        }
    }

    fn jump_forward(&mut self) {
        match self.jumps.forward() {
            Some(loc) => {
                self.top = loc;
                self.clamp_top();
            }
            None => self.say("at the newest jump"),
        }
    }

    pub(super) fn step_target(&mut self, forward: bool) {
        let from = (self.top.block, self.top.offset);
        let Some(targets) = &mut self.targets else {
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
        self.jumps.push(self.top);
        self.reveal(loc);
        if wrapped {
            self.say(if forward {
                "wrapped to the top"
            } else {
                "wrapped to the bottom"
            });
        }
    }

    fn cycle_focus(&mut self, step: isize) {
        let Some(p) = self.panes() else { return };
        let order = p.focus_order();
        let here = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = (here as isize + step).rem_euclid(order.len() as isize) as usize;
        self.focus = order[next];
    }

    fn activate(&mut self) {
        match self.focus {
            Focus::Body => self.follow_footnote(),
            Focus::Metadata => self.toggle_metadata(),
            Focus::Side => self.select_side_item(),
        }
    }

    /// Enter in the body: follow the first footnote reference on screen.
    fn follow_footnote(&mut self) {
        let found = self.visible_rows().into_iter().find_map(|r| {
            let block = &self.doc.blocks[r.block];
            block.spans.iter().find_map(|s| {
                let on_row = s.start >= r.row.start && s.start < r.row.end.max(r.row.start + 1);
                (s.kind == SpanKind::FootnoteRef && on_row)
                    .then_some(s.footnote)
                    .flatten()
            })
        });
        let target = found.and_then(|i| self.doc.footnotes.get(i));
        match target {
            Some(f) => {
                let (label, block) = (f.label.clone(), f.block);
                self.jump_to(Location::new(block, 0));
                self.say(format!("footnote {label} — Ctrl-o returns"));
            }
            None => self.say("no footnote reference on screen"),
        }
    }

    /// Enter in the side list: the entity's first mention (see `entities.rs`).
    fn select_side_item(&mut self) {
        self.entity_activated();
    }

    fn toggle_metadata(&mut self) {
        self.metadata_expanded = !self.metadata_expanded;
        self.meta_scroll = 0;
        self.clamp_top();
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        if let Some(p) = self.panes()
            && !p.focus_order().contains(&self.focus)
        {
            self.focus = Focus::Body;
        }
        self.clamp_top();
    }

    fn scroll_at(&mut self, col: u16, row: u16, delta: i16) {
        if self.help_open {
            self.move_focused(isize::from(delta));
            return;
        }
        let Some(pane) = self.panes().and_then(|p| p.hit(col, row)) else {
            return;
        };
        let delta = isize::from(delta);
        match pane {
            Focus::Body => self.scroll_rows(delta),
            Focus::Metadata => self.scroll_metadata(delta),
            Focus::Side => self.move_side(delta),
        }
    }

    fn click_at(&mut self, col: u16, row: u16) {
        let Some(p) = self.panes() else { return };
        let Some(pane) = p.hit(col, row) else { return };
        self.focus = pane;
        let pos = ratatui::layout::Position::new(col, row);
        match pane {
            Focus::Body if p.markers.contains(pos) => {
                let h = usize::from(p.markers.height.max(1));
                let at = usize::from(row - p.markers.y);
                let byte = (self.index.total() as u128 * at as u128 / h as u128) as usize;
                let loc = self.index.location_at(byte);
                self.jump_to(self.row_location(self.row_pos(loc)));
            }
            Focus::Metadata if !self.metadata_expanded => self.toggle_metadata(),
            Focus::Side => {
                let Some(side) = p.side else { return };
                let inner_h = usize::from(side.height.saturating_sub(2)).max(1);
                let rows = super::side::rows(&self.side);
                let offset =
                    super::side::offset(super::side::row_of(&rows, self.side.selected), inner_h);
                if row > side.y && row < side.y + side.height - 1 {
                    let line = offset + usize::from(row - side.y - 1);
                    if let Some(&Some(i)) = rows.get(line)
                        && i != self.side.selected
                    {
                        self.side.selected = i;
                        self.entity_selected();
                    }
                }
            }
            _ => {}
        }
    }

    fn edit_input(&mut self, edit: impl FnOnce(&mut super::InputLine)) {
        let Some(line) = &mut self.input else { return };
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
        let Some(line) = &mut self.input else { return };
        let history = self
            .histories
            .get(&line.purpose)
            .cloned()
            .unwrap_or_default();
        if line.recall(&history, older) {
            let (purpose, text) = (line.purpose, line.text.clone());
            self.input_changed(purpose, &text);
        }
    }

    fn confirm_input(&mut self) -> Option<super::Effect> {
        let line = self.input.take()?;
        remember(self.histories.entry(line.purpose).or_default(), &line.text);
        self.input_confirmed(line.purpose, &line.text)
    }

    fn cancel_input(&mut self) {
        if let Some(line) = self.input.take() {
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
            | Action::AddBookmark
            | Action::OpenBookmarks
            | Action::NextBookmark
            | Action::PrevBookmark
    )
}
