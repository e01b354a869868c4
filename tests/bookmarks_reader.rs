//! The reader's bookmark keys, driven through `update` and drawn into a `TestBackend`, with a
//! real store in a temporary directory.

use memcon::app::{Action, App, TargetLabel};
use memcon::bookmarks::{BookmarkStore, StorePaths};
use memcon::document::{self, TextRange};
use memcon::reader::{Driver, StoreLink};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};

/// The reader as the event loop runs it (App, store, clock), without the terminal.
struct Reader(Driver);

impl Reader {
    fn new(app: App, store: Result<BookmarkStore, String>, path: Option<&Path>) -> Self {
        let link = StoreLink::new(store, path.map(Path::to_path_buf));
        Self(Driver::new(app, link, None))
    }
}

impl Deref for Reader {
    type Target = App;
    fn deref(&self) -> &App {
        self.0.app()
    }
}

impl DerefMut for Reader {
    fn deref_mut(&mut self) -> &mut App {
        self.0.app_mut()
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    doc: PathBuf,
    data: PathBuf,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("memo.txt");
        std::fs::write(&doc, memcon::BUNDLED).unwrap();
        let data = dir.path().join("data");
        Self {
            _dir: dir,
            doc,
            data,
        }
    }

    fn app(&self) -> Reader {
        self.app_in(&self.data)
    }

    fn app_in(&self, data: &Path) -> Reader {
        let d = document::load("memo", memcon::BUNDLED.as_bytes()).unwrap();
        let store = BookmarkStore::open(StorePaths::in_dir(data));
        let mut r = Reader::new(App::new(d, (80, 16)), Ok(store), Some(&self.doc));
        r.0.handle(Action::Resize(80, 16));
        r
    }

    fn saved(&self) -> serde_json::Value {
        let text = std::fs::read_to_string(self.data.join("bookmarks.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    }
}

/// Apply an action and perform the effect it asks for, as the event loop does.
fn press(app: &mut Reader, action: Action) {
    app.0.handle(action);
}

fn type_text(app: &mut Reader, text: &str) {
    for c in text.chars() {
        press(app, Action::InputChar(c));
    }
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| memcon::ui::render(app, f)).unwrap();
    let buf = term.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Put paragraph `n` at the top of the screen.
fn goto_paragraph(app: &mut Reader, n: usize) {
    let block = app.view().paragraphs().block_of(n).unwrap();
    app.jump_to(memcon::document::Location::new(block, 0));
}

fn add(app: &mut Reader, note: &str) {
    press(app, Action::AddBookmark);
    type_text(app, note);
    press(app, Action::InputConfirm);
}

#[test]
fn m_bookmarks_the_top_paragraph_with_a_note_and_the_list_shows_it() {
    let fx = Fixture::new();
    let mut app = fx.app();
    goto_paragraph(&mut app, 1);
    add(&mut app, "ports and profits");
    assert!(app.message().unwrap().contains("bookmark added at ¶ 1"));
    let first_para = app.view().paragraphs().block_of(1).unwrap();
    assert!(app.view().gutter_marks().contains(&first_para));
    assert_eq!(fx.saved()["bookmarks"][0]["note"], "ports and profits");

    press(&mut app, Action::OpenBookmarks);
    let s = screen(&app, 80, 16);
    assert!(s.contains("Bookmarks (1)"), "{s}");
    assert!(
        s.contains("¶ 1") && s.contains("“One side light on Soong"),
        "{s}"
    );
    assert!(s.contains("note: ports and profits"), "{s}");
    // Small terminals draw something sensible or nothing, never panic.
    for (w, h) in [(0, 0), (1, 1), (20, 5), (40, 12), (300, 100)] {
        app.update(Action::Resize(w, h));
        screen(&app, w, h);
    }
}

#[test]
fn escape_on_the_note_prompt_adds_nothing() {
    let fx = Fixture::new();
    let mut app = fx.app();
    press(&mut app, Action::AddBookmark);
    type_text(&mut app, "never mind");
    press(&mut app, Action::InputCancel);
    assert_eq!(app.message(), Some("no bookmark added"));
    assert!(app.bookmarks().placed().is_empty());
    assert!(!fx.data.join("bookmarks.json").exists());
}

#[test]
fn the_current_search_target_on_screen_is_what_gets_marked() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let block = app.view().paragraphs().block_of(2).unwrap();
    let start = app.doc().blocks[block]
        .text
        .find("Dairen [Dalian]")
        .unwrap();
    let range = TextRange::new(block, start, start + "Dairen [Dalian]".len());
    app.set_targets(TargetLabel::Search("Dairen".into()), vec![range], Some(0));
    goto_paragraph(&mut app, 2);
    add(&mut app, "");
    let b = &fx.saved()["bookmarks"][0];
    assert_eq!(b["anchor"]["quote"], "Dairen [Dalian]");
    assert_eq!(b["anchor"]["paragraph"], 2);
    assert!(b.get("note").is_none(), "an empty note is no note");
}

#[test]
fn delete_asks_first_and_undo_brings_the_bookmark_back() {
    let fx = Fixture::new();
    let mut app = fx.app();
    goto_paragraph(&mut app, 1);
    add(&mut app, "keep me");
    press(&mut app, Action::OpenBookmarks);
    press(&mut app, Action::BookmarkListDelete);
    assert!(screen(&app, 80, 16).contains("Delete the bookmark at ¶ 1? y deletes"));
    press(&mut app, Action::BookmarkListDown); // any other key keeps it
    assert_eq!(app.bookmarks().placed().len(), 1);
    assert_eq!(app.message(), Some("kept"));

    press(&mut app, Action::BookmarkListDelete);
    press(&mut app, Action::BookmarkListConfirm);
    assert!(app.bookmarks().placed().is_empty());
    assert!(app.view().gutter_marks().is_empty());
    assert_eq!(fx.saved()["bookmarks"].as_array().unwrap().len(), 0);
    assert!(screen(&app, 80, 16).contains("No bookmarks in this document yet"));

    press(&mut app, Action::BookmarkListUndo);
    assert_eq!(app.bookmarks().placed().len(), 1);
    let saved = fx.saved();
    assert_eq!(saved["bookmarks"][0]["note"], "keep me");
    // The old id stays deleted, so another process's copy cannot resurrect it twice.
    assert_eq!(saved["deleted"].as_object().unwrap().len(), 1);
}

#[test]
fn notes_can_be_edited_from_the_list() {
    let fx = Fixture::new();
    let mut app = fx.app();
    goto_paragraph(&mut app, 1);
    add(&mut app, "first thought");
    press(&mut app, Action::OpenBookmarks);
    press(&mut app, Action::BookmarkListEditNote);
    assert_eq!(app.input().unwrap().text, "first thought");
    press(&mut app, Action::InputClear);
    type_text(&mut app, "second thought");
    press(&mut app, Action::InputConfirm);
    assert_eq!(app.message(), Some("note saved"));
    assert_eq!(fx.saved()["bookmarks"][0]["note"], "second thought");
    assert!(screen(&app, 80, 16).contains("note: second thought"));
}

#[test]
fn a_note_at_its_limit_takes_no_more_and_the_input_line_says_so() {
    let fx = Fixture::new();
    let mut app = fx.app();
    goto_paragraph(&mut app, 1);
    add(&mut app, "short");
    // The longest note, set by another process; the reader opened after it.
    let max = memcon::bookmarks::model::NOTE_MAX_CHARS;
    let mut store = BookmarkStore::open(StorePaths::in_dir(&fx.data));
    let id = store.all()[0].id.clone();
    let long = format!("{}xend", "ab ".repeat((max - 4) / 3));
    assert_eq!(long.chars().count(), max);
    assert!(store.set_note(&id, Some(long.clone())).unwrap());
    let mut app = fx.app();
    press(&mut app, Action::OpenBookmarks);
    press(&mut app, Action::BookmarkListEditNote);
    press(&mut app, Action::InputChar('!'));
    let input = app.input().unwrap();
    assert_eq!(input.text, long);
    let shown = screen(&app, 80, 16);
    let last = shown.lines().nth(15).unwrap();
    assert!(
        last.contains("a note holds at most 10000 characters"),
        "{shown}"
    );
    assert!(
        last.contains("ab xend"),
        "the cursor's end of the note shows: {last}"
    );
    // Deleting makes room again.
    press(&mut app, Action::InputBackspace);
    press(&mut app, Action::InputChar('!'));
    press(&mut app, Action::InputConfirm);
    let saved = fx.saved()["bookmarks"][0]["note"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        saved.ends_with("en!") && saved.chars().count() == max,
        "{}",
        &saved[..20]
    );
}

#[test]
fn next_and_previous_bookmark_walk_in_reading_order_and_wrap() {
    let fx = Fixture::new();
    let mut app = fx.app();
    goto_paragraph(&mut app, 1);
    add(&mut app, "one");
    goto_paragraph(&mut app, 3);
    add(&mut app, "three");
    press(&mut app, Action::Top);
    press(&mut app, Action::NextBookmark);
    assert_eq!(app.message(), Some("bookmark 1 of 2"));
    let first = app.top();
    assert_eq!(Some(first), app.bookmarks().placed()[0].location());
    press(&mut app, Action::NextBookmark);
    assert_eq!(app.message(), Some("bookmark 2 of 2"));
    assert!(app.top() > first);
    press(&mut app, Action::NextBookmark);
    assert_eq!(app.message(), Some("bookmark 1 of 2 (wrapped)"));
    press(&mut app, Action::PrevBookmark);
    assert_eq!(app.message(), Some("bookmark 2 of 2 (wrapped)"));
}

#[test]
fn a_failed_save_is_shown_and_retried_with_the_next_change() {
    let fx = Fixture::new();
    let blocker = fx.data.with_file_name("blocker");
    std::fs::write(&blocker, b"").unwrap();
    let data = blocker.join("memcon");
    let mut app = fx.app_in(&data);
    add(&mut app, "made while the disk refused");
    let msg = app.message().map(str::to_string).unwrap();
    assert!(
        msg.contains("bookmarks not saved") && msg.contains("will retry"),
        "{msg}"
    );
    assert_eq!(app.bookmarks().placed().len(), 1, "kept in memory");
    // The disk is writable again: the next change saves both.
    std::fs::remove_file(&blocker).unwrap();
    add(&mut app, "made after");
    let text = std::fs::read_to_string(data.join("bookmarks.json")).unwrap();
    assert!(text.contains("made while the disk refused") && text.contains("made after"));
}

#[test]
fn a_bookmark_whose_words_are_gone_is_listed_as_not_found() {
    let fx = Fixture::new();
    let mut app = fx.app();
    goto_paragraph(&mut app, 1);
    add(&mut app, "gone later");
    // The same document (same record id), re-exported without its first paragraphs.
    let para = app.bookmarks().placed()[0].bookmark.anchor.quote.clone();
    let start = memcon::BUNDLED.find(&para[..40]).unwrap();
    let end = start + memcon::BUNDLED[start..].find("\n\n").unwrap();
    let edited = format!("{}{}", &memcon::BUNDLED[..start], &memcon::BUNDLED[end..]);
    let d = document::load("memo", edited.as_bytes()).unwrap();
    let store = BookmarkStore::open(StorePaths::in_dir(&fx.data));
    let mut app = Reader::new(App::new(d, (80, 16)), Ok(store), Some(&fx.doc));
    assert_eq!(app.bookmarks().placed().len(), 1);
    assert!(app.view().gutter_marks().is_empty());
    press(&mut app, Action::OpenBookmarks);
    let s = screen(&app, 80, 16);
    assert!(s.contains("not found in this version"), "{s}");
    press(&mut app, Action::BookmarkListJump);
    assert!(app.message().unwrap().contains("not found in this version"));
}

#[test]
fn the_reading_position_is_restored_and_ctrl_o_returns_to_the_top() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let third = app.view().paragraphs().block_of(3).unwrap();
    app.jump_to(memcon::document::Location::new(third, 0));
    app.0.save_position();
    let mut again = fx.app();
    assert_eq!(again.top().block, third);
    assert!(
        again
            .message()
            .unwrap()
            .contains("back where you left off (¶ 3/4)")
    );
    press(&mut again, Action::JumpBack);
    assert_eq!(again.top(), memcon::document::Location::default());
}

#[test]
fn without_a_data_directory_m_says_so_instead_of_asking_for_a_note() {
    let d = document::load("memo", memcon::BUNDLED.as_bytes()).unwrap();
    let no_store = Err("no data directory (set MEMCON_DATA_DIR)".to_string());
    let mut app = Reader::new(App::new(d, (80, 16)), no_store, None);
    press(&mut app, Action::AddBookmark);
    assert!(app.input().is_none());
    assert!(app.message().unwrap().contains("no data directory"));
}

/// A big file's bookmarks belong to its whole document: once the whole document replaces the
/// first part shown while it was parsed, they are in the gutter and the list again.
#[test]
fn bookmarks_come_back_when_the_whole_document_replaces_its_first_part() {
    let fx = Fixture::new();
    let mut app = fx.app();
    goto_paragraph(&mut app, 3);
    add(&mut app, "the whole of it");
    press(&mut app, Action::Quit);
    drop(app);

    let cut = memcon::BUNDLED.match_indices("\n\n").nth(4).unwrap().0;
    let first_part = document::load("memo", &memcon::BUNDLED.as_bytes()[..cut]).unwrap();
    let store = BookmarkStore::open(StorePaths::in_dir(&fx.data));
    let mut app = Reader::new(App::new(first_part, (80, 16)), Ok(store), Some(&fx.doc));
    app.0.handle(Action::Resize(80, 16));
    let whole = document::load("memo", memcon::BUNDLED.as_bytes()).unwrap();
    let entities = memcon::entities::extract(&whole);
    app.0.replace_document(whole, entities);

    let third = app.view().paragraphs().block_of(3).unwrap();
    assert!(app.view().gutter_marks().contains(&third));
    press(&mut app, Action::OpenBookmarks);
    let s = screen(&app, 80, 16);
    assert!(s.contains("Bookmarks (1)"), "{s}");
    assert!(s.contains("note: the whole of it"), "{s}");
}
