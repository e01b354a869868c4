//! Quitting with bookmark changes that could not be saved (a full or read-only disk). The
//! event loop tries to save once more when the user quits; if that fails it opens this
//! question instead of quitting. The quit key again answers yes: the loop writes the changes
//! to a file of their own (`BookmarkStore::write_unsaved`) and quits, naming the file. Any
//! other key stays, with the changes still pending (the next change or quit tries again).

use super::{Action, App, Effect, Overlay};

/// The question asked when quitting with unsaved bookmark changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsavedQuit {
    /// Bookmark changes (additions, note edits, deletions) not in `bookmarks.json`.
    pub changes: usize,
    /// Why saving failed, or with `nowhere` why no fallback file could be written.
    pub reason: String,
    /// Writing the changes to a file of their own failed too: quitting now loses them.
    pub nowhere: bool,
}

impl UnsavedQuit {
    /// The question's first line: what is at stake.
    pub fn headline(&self) -> String {
        let n = self.changes;
        let s = if n == 1 { "" } else { "s" };
        if self.nowhere {
            format!("{n} bookmark change{s} could not be saved or written anywhere")
        } else {
            format!("{n} bookmark change{s} not saved")
        }
    }

    /// What the quit key does now (`q again …`).
    pub fn yes(&self, key: &str) -> String {
        let (them, their) = match self.changes {
            1 => ("it", "its"),
            _ => ("them", "their"),
        };
        if self.nowhere {
            format!("{key} again quits without {them}")
        } else {
            format!("{key} again writes {them} to a file of {their} own and quits")
        }
    }

    /// What any other key does.
    pub fn no(&self) -> &'static str {
        "any other key stays"
    }
}

impl App {
    /// Saving failed when the user quit: ask before leaving instead of quitting.
    pub fn ask_before_quitting(&mut self, question: UnsavedQuit) {
        self.overlay = Overlay::Unsaved(question);
    }

    /// The question shown, if any.
    pub fn quit_question(&self) -> Option<&UnsavedQuit> {
        match &self.overlay {
            Overlay::Unsaved(q) => Some(q),
            _ => None,
        }
    }

    /// While the question is open every key answers it: a quit key says yes, any other key
    /// closes it and stays (a resize only redraws it).
    pub(super) fn answer_quit_question(&mut self, action: Action) -> Option<Effect> {
        let Overlay::Unsaved(q) = std::mem::take(&mut self.overlay) else {
            return None;
        };
        match action {
            Action::Quit if q.nowhere => Some(Effect::QuitDiscardingUnsaved),
            Action::Quit => Some(Effect::QuitKeepingUnsaved),
            Action::Resize(w, h) => {
                self.overlay = Overlay::Unsaved(q);
                self.view.resize(w, h);
                None
            }
            _ => {
                let quit = self.key(Action::Quit);
                let (n, s) = (q.changes, if q.changes == 1 { "" } else { "s" });
                self.say(format!(
                    "{n} bookmark change{s} still not saved — {quit} asks again"
                ));
                None
            }
        }
    }
}
