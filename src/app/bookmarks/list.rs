//! The bookmarks list overlay: selecting, jumping, editing a note, deleting with a
//! confirmation, and undoing a deletion.

use super::{BookmarkList, BookmarkOp};
use crate::app::{App, Effect, InputPurpose};
use crate::bookmarks::Placed;

impl App {
    pub(super) fn open_bookmark_list(&mut self) {
        let here = self.top;
        let placed = &self.bookmarks.placed;
        let selected = placed
            .iter()
            .position(|p| p.location().is_some_and(|l| l >= here))
            .unwrap_or(placed.len().saturating_sub(1));
        self.bookmarks.list = Some(BookmarkList {
            selected,
            confirm_delete: false,
            now: self.bookmarks.now,
        });
    }

    pub(super) fn select_bookmark(&mut self, delta: isize) {
        let n = self.bookmarks.placed.len();
        if let Some(list) = &mut self.bookmarks.list {
            list.selected = list
                .selected
                .saturating_add_signed(delta)
                .min(n.saturating_sub(1));
        }
    }

    fn selected_bookmark(&self) -> Option<&Placed> {
        let list = self.bookmarks.list.as_ref()?;
        self.bookmarks.placed.get(list.selected)
    }

    pub(super) fn jump_to_selected_bookmark(&mut self) {
        let Some(p) = self.selected_bookmark() else {
            return;
        };
        match p.location() {
            Some(loc) => {
                let para = p.paragraph;
                self.bookmarks.list = None;
                self.jump_to(self.row_location(self.row_pos(loc)));
                self.say(format!("bookmark at ¶ {para} — Ctrl-o goes back"));
            }
            None => self.say("this bookmark's text is not found in this version"),
        }
    }

    pub(super) fn edit_selected_note(&mut self) {
        let Some(p) = self.selected_bookmark() else {
            return;
        };
        let (id, note) = (p.bookmark.id.clone(), p.bookmark.note.clone());
        self.bookmarks.editing = Some(id);
        self.open_input(InputPurpose::BookmarkNote, note.as_deref().unwrap_or(""));
    }

    pub(super) fn ask_delete(&mut self) {
        if self.selected_bookmark().is_none() {
            return;
        }
        if let Some(list) = &mut self.bookmarks.list {
            list.confirm_delete = true;
        }
    }

    pub(super) fn confirm_delete(&mut self) -> Option<Effect> {
        let list = self.bookmarks.list.as_mut()?;
        if !std::mem::take(&mut list.confirm_delete) {
            return None;
        }
        let id = self.selected_bookmark()?.bookmark.id.clone();
        Some(Effect::Bookmarks(BookmarkOp::Delete { id }))
    }

    pub(super) fn undo_delete(&mut self) -> Option<Effect> {
        Some(Effect::Bookmarks(BookmarkOp::Undo))
    }
}
