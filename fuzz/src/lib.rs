//! What the fuzz targets share: the checks they assert (from `memcon::check`, as panics the
//! fuzzer reports) and the reader's actions as a fuzzer can pick them.

use arbitrary::Arbitrary;
use memcon::app::Action;
use memcon::document::{Document, TextRange};
use memcon::entities::Entity;

/// Panic with the problem when `result` is an error.
pub fn assert_ok(what: &str, result: Result<(), String>) {
    if let Err(e) = result {
        panic!("{what}: {e}");
    }
}

/// Check the model, its entities and search matches.
pub fn check(doc: &Document, entities: &[Entity], matches: &[TextRange]) {
    assert_ok("document", memcon::check::document(doc));
    assert_ok("entities", memcon::check::entities(doc, entities));
    assert_ok("matches", memcon::check::matches(doc, matches));
}

/// Text from fuzz bytes: lossy UTF-8, as the loader would read it.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// One step of a reading session, as the fuzzer picks it.
#[derive(Debug, Arbitrary)]
pub enum Step {
    /// An action from the reader's plain list, by index.
    Plain(u8),
    Char(char),
    Resize(u8, u8),
    Click(u8, u8),
    Scroll(u8, u8, i8),
    /// The loader swaps the whole document in.
    Replace,
    /// A bookmark with a note, typed as a reader types it (`m`, the note, Enter): one step, so
    /// the fuzzer reaches saved bookmarks without finding the sequence action by action.
    Bookmark(String),
}

/// The reader's actions without parameters, in the order a fuzzer indexes them.
const PLAIN: &[Action] = &[
    Action::LineDown,
    Action::LineUp,
    Action::PageDown,
    Action::PageUp,
    Action::HalfPageDown,
    Action::HalfPageUp,
    Action::Top,
    Action::Bottom,
    Action::NextParagraph,
    Action::PrevParagraph,
    Action::GotoPrompt,
    Action::JumpBack,
    Action::JumpForward,
    Action::NextTarget,
    Action::PrevTarget,
    Action::ClearTargets,
    Action::SearchForward,
    Action::SearchBackward,
    Action::ToggleHighlight,
    Action::SearchToggleRegex,
    Action::SearchToggleAccents,
    Action::FocusNext,
    Action::FocusPrev,
    Action::Activate,
    Action::ToggleMetadata,
    Action::ToggleHelp,
    Action::CloseHelp,
    Action::AddBookmark,
    Action::OpenBookmarks,
    Action::NextBookmark,
    Action::PrevBookmark,
    Action::BookmarkListDown,
    Action::BookmarkListUp,
    Action::BookmarkListJump,
    Action::BookmarkListEditNote,
    Action::BookmarkListDelete,
    Action::BookmarkListConfirm,
    Action::BookmarkListUndo,
    Action::CloseBookmarks,
    Action::ToggleEntitySort,
    Action::OpenConcordance,
    Action::ConcordanceDown,
    Action::ConcordanceUp,
    Action::ConcordanceJump,
    Action::CloseConcordance,
    Action::InputBackspace,
    Action::InputDelete,
    Action::InputLeft,
    Action::InputRight,
    Action::InputHome,
    Action::InputEnd,
    Action::InputClear,
    Action::InputHistoryPrev,
    Action::InputHistoryNext,
    Action::InputConfirm,
    Action::InputCancel,
    Action::ToggleEntityMarks,
    Action::SearchKeepRegex,
    Action::StartSelection,
    Action::Yank,
    Action::YankCited,
    Action::SelectNext,
    Action::SelectPrev,
    Action::SelectNextParagraph,
    Action::SelectPrevParagraph,
    Action::CancelSelection,
    Action::ShowEntities,
    Action::CloseEntities,
    Action::LibraryOpen,
    Action::LibrarySort,
    Action::LibrarySearch,
    Action::LibraryFilter,
    Action::LibraryBack,
    // Not `WriteBookmarks`: it writes a new file wherever the fuzzed name says (`~/…` too).
];

impl Step {
    /// The actions this step stands for; none for [`Step::Replace`].
    pub fn actions(&self) -> Vec<Action> {
        let one = match *self {
            Step::Plain(i) => PLAIN[usize::from(i) % PLAIN.len()],
            Step::Char(c) => Action::InputChar(c),
            Step::Resize(w, h) => Action::Resize(u16::from(w), u16::from(h)),
            Step::Click(x, y) => Action::ClickAt(u16::from(x), u16::from(y)),
            Step::Scroll(x, y, d) => Action::ScrollAt(u16::from(x), u16::from(y), i16::from(d)),
            Step::Replace => return Vec::new(),
            Step::Bookmark(ref note) => {
                return std::iter::once(Action::AddBookmark)
                    .chain(note.chars().take(64).map(Action::InputChar))
                    .chain(std::iter::once(Action::InputConfirm))
                    .collect();
            }
        };
        vec![one]
    }
}
