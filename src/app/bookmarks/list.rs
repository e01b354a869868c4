//! The bookmarks list overlay: selecting, jumping, editing a note, deleting with a
//! confirmation, and undoing a deletion.

use super::BookmarkOp;
use crate::app::{Action, App, Effect, InputPurpose, Overlay};
use crate::bookmarks::{Placed, Timestamp};

/// The list overlay's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookmarkList {
    pub selected: usize,
    /// `d` was pressed: `y` deletes, anything else keeps it.
    pub confirm_delete: bool,
    /// When the list was opened, for the "3 days ago" column.
    pub now: Timestamp,
}

impl App {
    /// `'` / `B`: open the list at the first bookmark from the top of the screen on.
    pub(in crate::app) fn open_bookmark_list(&mut self) {
        let here = self.view.reading();
        let placed = &self.bookmarks.placed;
        let selected = placed
            .iter()
            .position(|p| p.location().is_some_and(|l| l >= here))
            .unwrap_or(placed.len().saturating_sub(1));
        self.overlay = Overlay::Bookmarks(BookmarkList {
            selected,
            confirm_delete: false,
            now: self.bookmarks.now,
        });
    }

    /// A key in the list overlay. While a deletion waits for `y`, any other key keeps it.
    pub(in crate::app) fn bookmark_list_action(&mut self, action: Action) -> Option<Effect> {
        let Overlay::Bookmarks(list) = &mut self.overlay else {
            return None;
        };
        if action != Action::BookmarkListConfirm && list.confirm_delete {
            list.confirm_delete = false;
            self.say("kept");
            return None;
        }
        match action {
            Action::BookmarkListDown => self.select_bookmark(1),
            Action::BookmarkListUp => self.select_bookmark(-1),
            Action::BookmarkListJump => self.jump_to_selected_bookmark(),
            Action::BookmarkListEditNote => self.edit_selected_note(),
            Action::BookmarkListDelete => self.ask_delete(),
            Action::BookmarkListConfirm => return self.confirm_delete(),
            Action::BookmarkListUndo => return Some(Effect::Bookmarks(BookmarkOp::Undo)),
            Action::CloseBookmarks => self.overlay = Overlay::None,
            _ => {}
        }
        None
    }

    fn list_mut(&mut self) -> Option<&mut BookmarkList> {
        match &mut self.overlay {
            Overlay::Bookmarks(list) => Some(list),
            _ => None,
        }
    }

    fn select_bookmark(&mut self, delta: isize) {
        let n = self.bookmarks.placed.len();
        if let Some(list) = self.list_mut() {
            list.selected = list
                .selected
                .saturating_add_signed(delta)
                .min(n.saturating_sub(1));
        }
    }

    fn selected_bookmark(&self) -> Option<&Placed> {
        let Overlay::Bookmarks(list) = &self.overlay else {
            return None;
        };
        self.bookmarks.placed.get(list.selected)
    }

    fn jump_to_selected_bookmark(&mut self) {
        let Some(p) = self.selected_bookmark() else {
            return;
        };
        match p.location() {
            Some(loc) => {
                let para = p.paragraph;
                self.overlay = Overlay::None;
                self.view.jump_to_row_of(loc);
                let back = self.key(Action::JumpBack);
                self.say(format!("bookmark at ¶ {para} — {back} goes back"));
            }
            None => self.say("this bookmark's text is not found in this version"),
        }
    }

    fn edit_selected_note(&mut self) {
        let Some(p) = self.selected_bookmark() else {
            return;
        };
        let (id, note) = (p.bookmark.id.clone(), p.bookmark.note.clone());
        self.bookmarks.editing = Some(id);
        self.open_input(InputPurpose::BookmarkNote, note.as_deref().unwrap_or(""));
    }

    fn ask_delete(&mut self) {
        if self.selected_bookmark().is_none() {
            return;
        }
        if let Some(list) = self.list_mut() {
            list.confirm_delete = true;
        }
    }

    /// `w`: ask where to write this document's bookmarks, offering a name next to where
    /// memcon was started (`memo-bookmarks.md`).
    pub(in crate::app) fn ask_bookmarks_file(&mut self) {
        if self.bookmarks.placed.is_empty() {
            self.say("no bookmarks in this document to write");
            return;
        }
        let stem = std::path::Path::new(&self.doc().source)
            .file_stem()
            .map_or("memcon".into(), |s| s.to_string_lossy().into_owned());
        self.open_input(InputPurpose::BookmarksFile, &format!("{stem}-bookmarks.md"));
    }

    /// Enter on the file name.
    pub(in crate::app) fn bookmarks_file_confirmed(&mut self, text: &str) -> Option<Effect> {
        let name = text.trim();
        if name.is_empty() {
            self.say("nothing written: no file name");
            return None;
        }
        Some(Effect::WriteBookmarks(name.into()))
    }

    fn confirm_delete(&mut self) -> Option<Effect> {
        let list = self.list_mut()?;
        if !std::mem::take(&mut list.confirm_delete) {
            return None;
        }
        let id = self.selected_bookmark()?.bookmark.id.clone();
        Some(Effect::Bookmarks(BookmarkOp::Delete { id }))
    }
}
