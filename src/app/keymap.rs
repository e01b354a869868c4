//! Keys → actions: the one key table. `update` never sees a key event.
//!
//! The built-in bindings are [`DEFAULTS`], one section per feature and mode; a [`Keymap`]
//! starts from them and takes the user's changes (`[keys]` in the configuration file, by
//! action name). The help overlay and `memcon keys` print the live keymap, so they always
//! show the keys that work.

use super::{Action, Mode};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key with its modifiers, as it appears in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

/// One key bound to one action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    k('a', A::NextEnclosure),
    k('A', A::PrevEnclosure),
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

/// Bookmarks in normal mode.
const BOOKMARKS: &[Binding] = &[
    k('m', A::AddBookmark),
    k('\'', A::OpenBookmarks),
    k('B', A::OpenBookmarks),
    k(')', A::NextBookmark),
    k('(', A::PrevBookmark),
];

/// Quoting: select by sentence, copy with or without the citation.
const QUOTE: &[Binding] = &[
    k('v', A::StartSelection),
    k('y', A::Yank),
    k('Y', A::YankCited),
];

/// While a selection is made (by whole sentences).
const SELECTION: &[Binding] = &[
    k('j', A::SelectNext),
    key(KeyCode::Down, A::SelectNext),
    k('k', A::SelectPrev),
    key(KeyCode::Up, A::SelectPrev),
    k('}', A::SelectNextParagraph),
    k('{', A::SelectPrevParagraph),
    k('y', A::Yank),
    k('Y', A::YankCited),
    key(KeyCode::Esc, A::CancelSelection),
    k('v', A::CancelSelection),
    k('q', A::CancelSelection),
    ctrl('c', A::Quit),
];

/// Entities in normal mode.
const ENTITIES: &[Binding] = &[
    k('s', A::ToggleEntitySort),
    k('e', A::ToggleEntityMarks),
    k('c', A::OpenConcordance),
    k('E', A::ShowEntities),
];

/// Inside the entities list shown over the screen (`E`).
const ENTITY_LIST: &[Binding] = &[
    k('j', A::LineDown),
    key(KeyCode::Down, A::LineDown),
    k('k', A::LineUp),
    key(KeyCode::Up, A::LineUp),
    k(' ', A::PageDown),
    key(KeyCode::PageDown, A::PageDown),
    k('b', A::PageUp),
    key(KeyCode::PageUp, A::PageUp),
    k('g', A::Top),
    key(KeyCode::Home, A::Top),
    k('G', A::Bottom),
    key(KeyCode::End, A::Bottom),
    key(KeyCode::Enter, A::Activate),
    k('/', A::SearchForward),
    k('s', A::ToggleEntitySort),
    k('c', A::OpenConcordance),
    key(KeyCode::Esc, A::CloseEntities),
    k('q', A::CloseEntities),
    k('E', A::CloseEntities),
    ctrl('c', A::Quit),
];

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
    k('w', A::WriteBookmarks),
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

/// The library: moving, reading, sorting, searching the collection. Letters and digits
/// that are not keys here start the filter (see [`Keymap::lookup`]).
const LIBRARY: &[Binding] = &[
    k('j', A::LineDown),
    key(KeyCode::Down, A::LineDown),
    k('k', A::LineUp),
    key(KeyCode::Up, A::LineUp),
    key(KeyCode::PageDown, A::PageDown),
    k(' ', A::PageDown),
    ctrl('f', A::PageDown),
    key(KeyCode::PageUp, A::PageUp),
    ctrl('b', A::PageUp),
    ctrl('d', A::HalfPageDown),
    ctrl('u', A::HalfPageUp),
    k('g', A::Top),
    key(KeyCode::Home, A::Top),
    k('G', A::Bottom),
    key(KeyCode::End, A::Bottom),
    key(KeyCode::Enter, A::LibraryOpen),
    key(KeyCode::Tab, A::FocusNext),
    key(KeyCode::BackTab, A::FocusPrev),
    k('s', A::LibrarySort),
    k('/', A::LibrarySearch),
    k('&', A::LibraryFilter),
    key(KeyCode::Esc, A::LibraryBack),
    k('h', A::ToggleHelp),
    key(KeyCode::F(1), A::ToggleHelp),
    k('q', A::Quit),
    ctrl('c', A::Quit),
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
const INPUT: &[Binding] = &[
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
    alt('r', A::SearchKeepRegex),
    ctrl('t', A::SearchToggleAccents),
];

/// The built-in key table: each section's mode, its name (as help shows it) and bindings,
/// in the order help lists them.
pub const DEFAULTS: &[(Mode, &str, &[Binding])] = &[
    (Mode::Normal, "Moving", NAVIGATION),
    (Mode::Normal, "Search", SEARCH),
    (Mode::Normal, "Targets", TARGETS),
    (Mode::Normal, "Panes", PANES),
    (Mode::Normal, "Bookmarks", BOOKMARKS),
    (Mode::Normal, "Quote and cite", QUOTE),
    (Mode::Normal, "Entities", ENTITIES),
    (Mode::Select, "In a selection (by sentence)", SELECTION),
    (Mode::Input, "Input line", INPUT),
    (Mode::Help, "In help", HELP),
    (Mode::Bookmarks, "In the bookmarks list", BOOKMARK_LIST),
    (Mode::Concordance, "In the concordance", CONCORDANCE),
    (Mode::Entities, "In the entities list", ENTITY_LIST),
    (Mode::Library, "In the library", LIBRARY),
];

/// One section of the live keymap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub mode: Mode,
    pub name: &'static str,
    pub bindings: Vec<Binding>,
}

/// The live key table: the built-in one with the user's changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    sections: Vec<Section>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            sections: DEFAULTS
                .iter()
                .map(|(mode, name, bindings)| Section {
                    mode: *mode,
                    name,
                    bindings: bindings.to_vec(),
                })
                .collect(),
        }
    }
}

impl Keymap {
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// The action for a key press in `mode`, if any. Releases are ignored (crossterm
    /// reports them on some terminals).
    pub fn lookup(&self, mode: Mode, event: KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        // Shift is folded into the character (`G`, `?`, `{`), so match without it.
        let mods = event.modifiers - KeyModifiers::SHIFT;
        let code = event.code;
        let bound = self
            .sections
            .iter()
            .filter(|s| s.mode == mode)
            .flat_map(|s| &s.bindings)
            .find(|b| b.key.code == code && b.key.mods == mods)
            .map(|b| b.action);
        if bound.is_some() {
            return bound;
        }
        match (mode, code) {
            (Mode::Normal, KeyCode::Char(c @ '0'..='9')) if mods.is_empty() => {
                Some(A::GotoDigit(c))
            }
            (Mode::Input, KeyCode::Char(c))
                if !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(A::InputChar(c))
            }
            // Type to filter: a character that is no key of the library starts the filter.
            (Mode::Library, KeyCode::Char(c))
                if !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                    && !c.is_whitespace() =>
            {
                Some(A::LibraryFilterChar(c))
            }
            _ => None,
        }
    }

    /// The keys of `action` in `mode`, in table order.
    pub fn keys_of(&self, mode: Mode, action: Action) -> Vec<Key> {
        self.sections
            .iter()
            .filter(|s| s.mode == mode)
            .flat_map(|s| &s.bindings)
            .filter(|b| b.action == action)
            .map(|b| b.key)
            .collect()
    }

    /// Give `action` exactly `keys` in `mode` (an empty list unbinds it). The keys take the
    /// place of its first old binding. False when `action` has no place in `mode`'s table.
    pub fn rebind(&mut self, mode: Mode, action: Action, keys: &[Key]) -> bool {
        if !default_in(mode, action) {
            return false;
        }
        let Some(section) = self.sections.iter_mut().find(|s| {
            s.mode == mode
                && DEFAULTS.iter().any(|(m, n, b)| {
                    *m == mode && *n == s.name && b.iter().any(|b| b.action == action)
                })
        }) else {
            return false;
        };
        let at = section
            .bindings
            .iter()
            .position(|b| b.action == action)
            .unwrap_or(section.bindings.len());
        section.bindings.retain(|b| b.action != action);
        let mut unique: Vec<Key> = Vec::new();
        for k in keys {
            if !unique.contains(k) {
                unique.push(*k);
            }
        }
        let at = at.min(section.bindings.len());
        let new = unique.into_iter().map(|key| Binding { key, action });
        section.bindings.splice(at..at, new);
        true
    }

    /// The first key of `action` in `mode` as help names it (`Ctrl-o`), or `None` when it
    /// is unbound. Messages and hints use it, so they name the keys that work.
    pub fn key_label(&self, mode: Mode, action: Action) -> Option<String> {
        self.keys_of(mode, action).first().map(|k| key_name(*k))
    }

    /// A line of hints from `(actions, what)` pairs: ` Enter go · j/k select `. Actions
    /// without a key are left out.
    pub fn hint(&self, mode: Mode, parts: &[(&[Action], &str)]) -> String {
        let shown: Vec<String> = parts
            .iter()
            .filter_map(|(actions, what)| {
                let keys: Vec<String> = actions
                    .iter()
                    .filter_map(|a| self.key_label(mode, *a))
                    .collect();
                (!keys.is_empty()).then(|| format!("{} {what}", keys.join("/")))
            })
            .collect();
        format!(" {} ", shown.join(" · "))
    }

    /// Keys bound to more than one action in one mode: the mode, the key and the actions.
    pub fn conflicts(&self) -> Vec<(Mode, Key, Vec<Action>)> {
        let mut out: Vec<(Mode, Key, Vec<Action>)> = Vec::new();
        for s in &self.sections {
            for b in &s.bindings {
                match out.iter_mut().find(|(m, k, _)| *m == s.mode && *k == b.key) {
                    Some((_, _, actions)) if !actions.contains(&b.action) => actions.push(b.action),
                    Some(_) => {}
                    None => out.push((s.mode, b.key, vec![b.action])),
                }
            }
        }
        out.retain(|(_, _, actions)| actions.len() > 1);
        out
    }
}

/// Whether `action` has a place in `mode`'s built-in table.
pub fn default_in(mode: Mode, action: Action) -> bool {
    DEFAULTS
        .iter()
        .any(|(m, _, b)| *m == mode && b.iter().any(|b| b.action == action))
}

/// Every action a key can be bound to (those with a place in the built-in table), each once.
pub fn bindable() -> Vec<Action> {
    let mut out: Vec<Action> = Vec::new();
    for (_, _, bindings) in DEFAULTS {
        for b in *bindings {
            if !out.contains(&b.action) {
                out.push(b.action);
            }
        }
    }
    out
}

/// The action a configuration file means by `name` (`quit`, `line_down`).
pub fn action_named(name: &str) -> Option<Action> {
    bindable().into_iter().find(|a| a.config_name() == name)
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

/// Named keys as a configuration file spells them (lower case), with their codes.
const KEY_NAMES: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
];

/// A key as a configuration file spells it: `q`, `G`, `?`, `ctrl-c`, `alt-i`, `pagedown`,
/// `esc`, `f1`, `shift-tab`. Named keys and modifiers ignore case; a single character is
/// taken as it is (`g` and `G` differ).
pub fn parse_key(text: &str) -> Result<Key, String> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = text;
    loop {
        let lower = rest.to_ascii_lowercase();
        let (m, len) = if lower.starts_with("ctrl-") {
            (KeyModifiers::CONTROL, 5)
        } else if lower.starts_with("alt-") {
            (KeyModifiers::ALT, 4)
        } else {
            break;
        };
        if rest.len() == len {
            break;
        }
        mods |= m;
        rest = &rest[len..];
    }
    let lower = rest.to_ascii_lowercase();
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => KeyCode::Char(c),
        _ if lower == "shift-tab" => KeyCode::BackTab,
        _ => match KEY_NAMES.iter().find(|(n, _)| *n == lower) {
            Some((_, code)) => *code,
            None => match lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                Some(n @ 1..=24) => KeyCode::F(n),
                _ => return Err(format!("`{text}` is not a key")),
            },
        },
    };
    Ok(Key { code, mods })
}

/// A key as a configuration file spells it (the inverse of [`parse_key`]).
pub fn key_config_name(key: Key) -> String {
    let base = match key.code {
        KeyCode::Char(c) if c != ' ' => c.to_string(),
        KeyCode::F(n) => format!("f{n}"),
        code => KEY_NAMES.iter().find(|(_, c)| *c == code).map_or_else(
            || format!("{code:?}").to_lowercase(),
            |(n, _)| n.to_string(),
        ),
    };
    let mut out = String::new();
    if key.mods.contains(KeyModifiers::CONTROL) {
        out.push_str("ctrl-");
    }
    if key.mods.contains(KeyModifiers::ALT) {
        out.push_str("alt-");
    }
    out + &base
}

/// Each action of `bindings` once, in order, with all its keys.
pub fn grouped_keys(bindings: &[Binding]) -> Vec<(Action, Vec<Key>)> {
    let mut out: Vec<(Action, Vec<Key>)> = Vec::new();
    for b in bindings {
        match out.iter_mut().find(|(a, _)| *a == b.action) {
            Some((_, keys)) => keys.push(b.key),
            None => out.push((b.action, vec![b.key])),
        }
    }
    out
}

/// For help: each action of `bindings` once, in order, with all its keys.
pub fn grouped(bindings: &[Binding]) -> Vec<(Action, Vec<String>)> {
    let mut out: Vec<(Action, Vec<String>)> = Vec::new();
    for b in bindings {
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

    fn lookup(mode: Mode, ev: KeyEvent) -> Option<Action> {
        Keymap::default().lookup(mode, ev)
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
        assert_eq!(Keymap::default().conflicts(), []);
    }

    #[test]
    fn rebinding_replaces_the_keys_in_one_mode_and_can_unbind() {
        let mut km = Keymap::default();
        assert!(km.rebind(Mode::Normal, A::Quit, &[parse_key("x").unwrap()]));
        assert_eq!(
            char_in(Mode::Normal, 'q'),
            Some(A::Quit),
            "the default is untouched"
        );
        let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(km.lookup(Mode::Normal, x), Some(A::Quit));
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(km.lookup(Mode::Normal, q), None);
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            km.lookup(Mode::Help, ctrl_c),
            Some(A::Quit),
            "other modes keep theirs"
        );
        assert!(km.rebind(Mode::Normal, A::ToggleMetadata, &[]));
        assert_eq!(km.keys_of(Mode::Normal, A::ToggleMetadata), []);
        assert!(
            !km.rebind(Mode::Help, A::AddBookmark, &[]),
            "not an action of help"
        );
        km.rebind(Mode::Normal, A::LineDown, &[parse_key("n").unwrap()]);
        let c = km.conflicts();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].2, [A::LineDown, A::NextTarget]);
    }

    #[test]
    fn keys_are_spelled_the_way_config_files_write_them() {
        for (text, code, mods) in [
            ("q", KeyCode::Char('q'), KeyModifiers::NONE),
            ("G", KeyCode::Char('G'), KeyModifiers::NONE),
            ("Ctrl-C", KeyCode::Char('C'), KeyModifiers::CONTROL),
            ("ctrl-c", KeyCode::Char('c'), KeyModifiers::CONTROL),
            ("alt-i", KeyCode::Char('i'), KeyModifiers::ALT),
            ("PageDown", KeyCode::PageDown, KeyModifiers::NONE),
            ("shift-tab", KeyCode::BackTab, KeyModifiers::NONE),
            ("f1", KeyCode::F(1), KeyModifiers::NONE),
            ("space", KeyCode::Char(' '), KeyModifiers::NONE),
            ("-", KeyCode::Char('-'), KeyModifiers::NONE),
        ] {
            let key = parse_key(text).unwrap();
            assert_eq!(key, Key { code, mods }, "{text}");
            assert_eq!(parse_key(&key_config_name(key)).unwrap(), key);
        }
        for bad in ["", "ctrl-", "hyper-x", "f99", "pgdown2"] {
            assert!(parse_key(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_bindable_action_has_a_config_name_that_finds_it() {
        for a in bindable() {
            assert_eq!(action_named(&a.config_name()), Some(a));
        }
        assert_eq!(action_named("quit"), Some(A::Quit));
        assert_eq!(action_named("half_page_down"), Some(A::HalfPageDown));
        assert_eq!(
            action_named("input_char"),
            None,
            "typed characters are not bindable"
        );
    }
}
