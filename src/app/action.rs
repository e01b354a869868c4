//! Every intent a user can express, named once.
//!
//! The keymap binds keys to these variants and the help overlay prints each variant's doc
//! line, so the help text cannot drift from the keys. To add an intent: add a `///` line
//! and a variant here, a binding in `keymap.rs`, and an arm in `update.rs`.

macro_rules! actions {
    ($( $(#[doc = $doc:literal])+ $name:ident $( ( $($field:ty),* ) )? ),* $(,)?) => {
        /// One thing a user can ask for. Only `update` acts on it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Action {
            $( $(#[doc = $doc])+ $name $( ( $($field),* ) )? ),*
        }

        impl Action {
            /// The variant's doc line, as shown in the help overlay.
            pub fn doc(&self) -> &'static str {
                match self {
                    $( Self::$name { .. } => concat!($($doc),+).trim_ascii() ),*
                }
            }

            /// The variant's name (`HalfPageDown`).
            pub fn name(&self) -> &'static str {
                match self {
                    $( Self::$name { .. } => stringify!($name) ),*
                }
            }

            /// The name a configuration file uses for it (`half_page_down`).
            pub fn config_name(&self) -> String {
                let mut out = String::new();
                for (i, c) in self.name().chars().enumerate() {
                    if c.is_ascii_uppercase() && i > 0 {
                        out.push('_');
                    }
                    out.push(c.to_ascii_lowercase());
                }
                out
            }
        }
    };
}

actions! {
    /// Quit memcon (in a document opened from the library: back to the library)
    Quit,
    /// Scroll down one line (or move down in a list)
    LineDown,
    /// Scroll up one line (or move up in a list)
    LineUp,
    /// Scroll down one page
    PageDown,
    /// Scroll up one page
    PageUp,
    /// Scroll down half a page
    HalfPageDown,
    /// Scroll up half a page
    HalfPageUp,
    /// Go to the top of the document
    Top,
    /// Go to the end of the document
    Bottom,
    /// Go to the next paragraph
    NextParagraph,
    /// Go to the previous paragraph
    PrevParagraph,
    /// Go to the next enclosure or attachment
    NextEnclosure,
    /// Go to the previous enclosure, or back to the main document
    PrevEnclosure,
    /// Go to paragraph N (`:N`) or N percent (`:N%`); `:q` quits, `:noh` hides highlights
    GotoPrompt,
    /// Start typing a paragraph number or percent (`12` Enter, `50%`)
    GotoDigit(char),
    /// Go back in the jump list
    JumpBack,
    /// Go forward in the jump list
    JumpForward,
    /// Jump to the next target (search match or entity mention)
    NextTarget,
    /// Jump to the previous target
    PrevTarget,
    /// Clear the highlighted targets (with none, back to the library if it is open)
    ClearTargets,
    /// Search forward (in the side list: filter it)
    SearchForward,
    /// Search backward (in the side list: filter it)
    SearchBackward,
    /// Switch match highlighting off and on
    ToggleHighlight,
    /// In the search line: plain text or regular expression, for this search only
    SearchToggleRegex,
    /// In the search line: plain text or regular expression, kept for the searches after it
    SearchKeepRegex,
    /// In the search line: ignore or match accents, for this search only
    SearchToggleAccents,
    /// Focus the next pane
    FocusNext,
    /// Focus the previous pane
    FocusPrev,
    /// Act on the focused item: follow a footnote reference, select an entity
    Activate,
    /// Collapse or expand the metadata pane
    ToggleMetadata,
    /// Show or hide this help
    ToggleHelp,
    /// Close the help overlay
    CloseHelp,
    /// Bookmark the top of the screen (or the current target), asking for a note
    AddBookmark,
    /// Open the bookmarks list
    OpenBookmarks,
    /// Go to the next bookmark
    NextBookmark,
    /// Go to the previous bookmark
    PrevBookmark,
    /// Select the next bookmark in the list
    BookmarkListDown,
    /// Select the previous bookmark in the list
    BookmarkListUp,
    /// Go to the selected bookmark
    BookmarkListJump,
    /// Edit the selected bookmark's note
    BookmarkListEditNote,
    /// Delete the selected bookmark (asks first)
    BookmarkListDelete,
    /// Yes, delete it
    BookmarkListConfirm,
    /// Bring back the last deleted bookmark
    BookmarkListUndo,
    /// Close the bookmarks list
    CloseBookmarks,
    /// Write this document's bookmarks as Markdown notes to a file
    WriteBookmarks,
    /// Select by whole sentences, from the sentence being read (then j/k, }/{ extend it)
    StartSelection,
    /// Copy the selection, else the current paragraph, to the clipboard
    Yank,
    /// Copy the selection, else the current paragraph, with its pinpoint citation
    YankCited,
    /// Extend the selection by the next sentence
    SelectNext,
    /// Take back the last sentence of the selection (or extend it backward)
    SelectPrev,
    /// Extend the selection to the end of the paragraph, then of the next one
    SelectNextParagraph,
    /// Extend the selection to the start of the paragraph, then of the one before
    SelectPrevParagraph,
    /// Stop selecting
    CancelSelection,
    /// Sort the entities by mention count or by first appearance
    ToggleEntitySort,
    /// Mark the names of places, people and organizations, or stop marking them
    ToggleEntityMarks,
    /// Show every mention of the selected entity in context (concordance)
    OpenConcordance,
    /// Show the entities list over the whole screen (the way to it below 72 columns)
    ShowEntities,
    /// Close the entities list
    CloseEntities,
    /// Select the next line of the concordance
    ConcordanceDown,
    /// Select the previous line of the concordance
    ConcordanceUp,
    /// Go to the selected mention
    ConcordanceJump,
    /// Close the concordance
    CloseConcordance,
    /// Read the selected document (at the entity's first mention or the first match)
    LibraryOpen,
    /// Sort the documents by date, title, file or most bookmarks
    LibrarySort,
    /// Search the full text of every document of the collection
    LibrarySearch,
    /// Filter the focused list (typing a letter that is not a key does it too)
    LibraryFilter,
    /// Start the filter with a typed character
    LibraryFilterChar(char),
    /// Clear the filter; back from an entity's documents or a search to every document
    LibraryBack,
    /// Mouse wheel at a screen cell: column, row, lines (negative scrolls up)
    ScrollAt(u16, u16, i16),
    /// Mouse click at a screen cell: column, row
    ClickAt(u16, u16),
    /// The terminal changed size: columns, rows
    Resize(u16, u16),
    /// Type a character into the input line
    InputChar(char),
    /// Delete the character before the cursor
    InputBackspace,
    /// Delete the character under the cursor
    InputDelete,
    /// Move the cursor left
    InputLeft,
    /// Move the cursor right
    InputRight,
    /// Move the cursor to the start of the line
    InputHome,
    /// Move the cursor to the end of the line
    InputEnd,
    /// Clear the input line
    InputClear,
    /// Recall the previous (older) entry from history
    InputHistoryPrev,
    /// Recall the next (newer) entry from history
    InputHistoryNext,
    /// Confirm the input
    InputConfirm,
    /// Cancel the input
    InputCancel,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_lines_come_from_the_variant_docs() {
        assert_eq!(
            Action::Quit.doc(),
            "Quit memcon (in a document opened from the library: back to the library)"
        );
        assert_eq!(Action::Resize(1, 2).name(), "Resize");
        assert_eq!(
            Action::ScrollAt(0, 0, 1).doc(),
            "Mouse wheel at a screen cell: column, row, lines (negative scrolls up)"
        );
    }
}
