//! Keys → actions, one table per mode. `update` never sees a key event.
//!
//! Each feature keeps its bindings in its own small table and lists it in the mode's
//! `*_TABLES`, so adding a feature adds a table and one line. The help overlay reads the same
//! tables, so it always shows the live bindings.

use super::{Action, Mode};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key with its modifiers, as it appears in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

/// One key bound to one action.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub key: Key,
    pub action: Action,
}

const fn k(c: char, action: Action) -> Binding {
    key(KeyCode::Char(c), action)
}

const fn key(code: KeyCode, action: Action) -> Binding {
    Binding {
        key: Key {
            code,
            mods: KeyModifiers::NONE,
        },
        action,
    }
}

const fn ctrl(c: char, action: Action) -> Binding {
    Binding {
        key: Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        },
        action,
    }
}

const fn alt(c: char, action: Action) -> Binding {
    Binding {
        key: Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::ALT,
        },
        action,
    }
}

use Action as A;

/// Moving through the document, less and vim style.
const NAVIGATION: &[Binding] = &[
    k('j', A::LineDown),
    key(KeyCode::Down, A::LineDown),
    ctrl('e', A::LineDown),
    k('k', A::LineUp),
    key(KeyCode::Up, A::LineUp),
    ctrl('y', A::LineUp),
    k(' ', A::PageDown),
    k('f', A::PageDown),
    key(KeyCode::PageDown, A::PageDown),
    ctrl('f', A::PageDown),
    k('b', A::PageUp),
    key(KeyCode::PageUp, A::PageUp),
    ctrl('b', A::PageUp),
    k('d', A::HalfPageDown),
    ctrl('d', A::HalfPageDown),
    k('u', A::HalfPageUp),
    ctrl('u', A::HalfPageUp),
    k('g', A::Top),
    key(KeyCode::Home, A::Top),
    k('<', A::Top),
    k('G', A::Bottom),
    key(KeyCode::End, A::Bottom),
    k('>', A::Bottom),
    k('}', A::NextParagraph),
    k('{', A::PrevParagraph),
    k(':', A::GotoPrompt),
    ctrl('o', A::JumpBack),
    // Most terminals send Ctrl-i as Tab; Alt-i is the spelling that always arrives.
    ctrl('i', A::JumpForward),
    alt('i', A::JumpForward),
];

/// Walking the current set of targets (search matches, entity mentions).
const TARGETS: &[Binding] = &[
    k('n', A::NextTarget),
    k(']', A::NextTarget),
    k('N', A::PrevTarget),
    k('[', A::PrevTarget),
    key(KeyCode::Esc, A::ClearTargets),
];

/// Searching, less style (help is on `h` and F1).
const SEARCH: &[Binding] = &[
    k('/', A::SearchForward),
    k('?', A::SearchBackward),
    alt('u', A::ToggleHighlight),
];

/// Panes, overlays and leaving.
const PANES: &[Binding] = &[
    key(KeyCode::Tab, A::FocusNext),
    key(KeyCode::BackTab, A::FocusPrev),
    key(KeyCode::Enter, A::Activate),
    k('i', A::ToggleMetadata),
    k('h', A::ToggleHelp),
    key(KeyCode::F(1), A::ToggleHelp),
    k('q', A::Quit),
    ctrl('c', A::Quit),
];

/// The tables that make up normal mode, in the order help shows them.
pub const NORMAL_TABLES: &[(&str, &[Binding])] = &[
    ("Moving", NAVIGATION),
    ("Search", SEARCH),
    ("Targets", TARGETS),
    ("Panes", PANES),
    ("Bookmarks", BOOKMARKS),
    ("Entities", ENTITIES),
];

/// Bookmarks in normal mode.
const BOOKMARKS: &[Binding] = &[
    k('m', A::AddBookmark),
    k('\'', A::OpenBookmarks),
    k('B', A::OpenBookmarks),
    k(')', A::NextBookmark),
    k('(', A::PrevBookmark),
];

/// Entities in normal mode.
const ENTITIES: &[Binding] = &[k('s', A::ToggleEntitySort), k('c', A::OpenConcordance)];

/// Inside the bookmarks list overlay (shown in its footer).
const BOOKMARK_LIST: &[Binding] = &[
    k('j', A::BookmarkListDown),
    key(KeyCode::Down, A::BookmarkListDown),
    k('k', A::BookmarkListUp),
    key(KeyCode::Up, A::BookmarkListUp),
    key(KeyCode::Enter, A::BookmarkListJump),
    k('e', A::BookmarkListEditNote),
    k('d', A::BookmarkListDelete),
    key(KeyCode::Delete, A::BookmarkListDelete),
    k('y', A::BookmarkListConfirm),
    k('u', A::BookmarkListUndo),
    key(KeyCode::Esc, A::CloseBookmarks),
    k('q', A::CloseBookmarks),
    k('\'', A::CloseBookmarks),
    k('B', A::CloseBookmarks),
    ctrl('c', A::Quit),
];

/// Inside the concordance overlay.
const CONCORDANCE: &[Binding] = &[
    k('j', A::ConcordanceDown),
    key(KeyCode::Down, A::ConcordanceDown),
    k('k', A::ConcordanceUp),
    key(KeyCode::Up, A::ConcordanceUp),
    key(KeyCode::Enter, A::ConcordanceJump),
    key(KeyCode::Esc, A::CloseConcordance),
    k('q', A::CloseConcordance),
    k('c', A::CloseConcordance),
];

/// The help overlay.
const HELP: &[Binding] = &[
    k('j', A::LineDown),
    key(KeyCode::Down, A::LineDown),
    k('k', A::LineUp),
    key(KeyCode::Up, A::LineUp),
    k(' ', A::PageDown),
    key(KeyCode::PageDown, A::PageDown),
    k('b', A::PageUp),
    key(KeyCode::PageUp, A::PageUp),
    key(KeyCode::Esc, A::CloseHelp),
    k('q', A::CloseHelp),
    k('?', A::CloseHelp),
    k('h', A::CloseHelp),
    key(KeyCode::F(1), A::CloseHelp),
    ctrl('c', A::Quit),
];

/// The input line (typed characters become `InputChar`).
pub const INPUT: &[Binding] = &[
    key(KeyCode::Enter, A::InputConfirm),
    key(KeyCode::Esc, A::InputCancel),
    ctrl('c', A::InputCancel),
    key(KeyCode::Backspace, A::InputBackspace),
    ctrl('h', A::InputBackspace),
    key(KeyCode::Delete, A::InputDelete),
    key(KeyCode::Left, A::InputLeft),
    key(KeyCode::Right, A::InputRight),
    key(KeyCode::Home, A::InputHome),
    ctrl('a', A::InputHome),
    key(KeyCode::End, A::InputEnd),
    ctrl('e', A::InputEnd),
    ctrl('u', A::InputClear),
    key(KeyCode::Up, A::InputHistoryPrev),
    key(KeyCode::Down, A::InputHistoryNext),
    ctrl('r', A::SearchToggleRegex),
    ctrl('t', A::SearchToggleAccents),
];

/// The action for a key press in `mode`, if any. Releases and repeats of releases are
/// ignored (crossterm reports them on some terminals).
pub fn lookup(mode: Mode, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    // Shift is folded into the character (`G`, `?`, `{`), so match without it.
    let mods = event.modifiers - KeyModifiers::SHIFT;
    let code = event.code;
    let find = |table: &[Binding]| {
        table
            .iter()
            .find(|b| b.key.code == code && b.key.mods == mods)
            .map(|b| b.action)
    };
    match mode {
        Mode::Normal => {
            if let KeyCode::Char(c @ '0'..='9') = code
                && mods.is_empty()
            {
                return Some(A::GotoDigit(c));
            }
            NORMAL_TABLES.iter().find_map(|(_, t)| find(t))
        }
        Mode::Help => find(HELP),
        Mode::Bookmarks => find(BOOKMARK_LIST),
        Mode::Concordance => find(CONCORDANCE),
        Mode::Input => find(INPUT).or(match code {
            KeyCode::Char(c) if !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
                Some(A::InputChar(c))
            }
            _ => None,
        }),
    }
}

/// A key as help shows it: `j`, `Ctrl-o`, `PgDn`, `Space`.
pub fn key_name(key: Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else if key.mods.contains(KeyModifiers::ALT) {
        format!("Alt-{base}")
    } else {
        base
    }
}

/// For help: each action of `table` once, in table order, with all its keys.
pub fn grouped(table: &[Binding]) -> Vec<(Action, Vec<String>)> {
    let mut out: Vec<(Action, Vec<String>)> = Vec::new();
    for b in table {
        let name = key_name(b.key);
        match out.iter_mut().find(|(a, _)| *a == b.action) {
            Some((_, keys)) => keys.push(name),
            None => out.push((b.action, vec![name])),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn shifted_characters_match_their_binding() {
        let ev = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Mode::Normal, ev), Some(A::Bottom));
    }

    #[test]
    fn releases_are_ignored() {
        let mut ev = press(KeyCode::Char('j'), KeyModifiers::NONE);
        ev.kind = KeyEventKind::Release;
        assert_eq!(lookup(Mode::Normal, ev), None);
    }

    #[test]
    fn input_mode_types_letters_that_are_commands_elsewhere() {
        let ev = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(lookup(Mode::Input, ev), Some(A::InputChar('q')));
        assert_eq!(lookup(Mode::Normal, ev), Some(A::Quit));
    }

    fn char_in(mode: Mode, c: char) -> Option<Action> {
        lookup(mode, press(KeyCode::Char(c), KeyModifiers::NONE))
    }

    #[test]
    fn bookmark_keys_are_bound_in_normal_mode_and_in_the_list() {
        assert_eq!(char_in(Mode::Normal, 'm'), Some(A::AddBookmark));
        assert_eq!(char_in(Mode::Normal, '\''), Some(A::OpenBookmarks));
        assert_eq!(char_in(Mode::Normal, 'B'), Some(A::OpenBookmarks));
        assert_eq!(char_in(Mode::Normal, ')'), Some(A::NextBookmark));
        assert_eq!(char_in(Mode::Bookmarks, 'd'), Some(A::BookmarkListDelete));
        assert_eq!(char_in(Mode::Bookmarks, 'y'), Some(A::BookmarkListConfirm));
        // The list's own `d` does not scroll the body as it does in normal mode.
        assert_eq!(char_in(Mode::Normal, 'd'), Some(A::HalfPageDown));
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        let all: Vec<Key> = NORMAL_TABLES
            .iter()
            .flat_map(|(_, t)| t.iter().map(|b| b.key))
            .collect();
        for (i, a) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(a), "{} bound twice", key_name(*a));
        }
    }
}
