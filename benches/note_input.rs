//! Editing a long bookmark note in the reader: one key (type a character, or delete one) and
//! the frame after it, at 80×24, through `App::update` and `ui::render` as the event loop does.
//! Run with `cargo bench --bench note_input`. Prints a table; asserts nothing.
//!
//! Notes are capped (see `NOTE_MAX_CHARS`), but a file written by hand or by an older memcon
//! may hold a longer one, so a 1 MB note is timed too: the cost per key should grow with the
//! note's length at most linearly, never with its square.

use memcon::app::{Action, App};
use memcon::bookmarks::{Anchor, Bookmark, BookmarkStore, DocRef, StorePaths};
use memcon::reader::{Driver, StoreLink};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

/// Apply an action and perform the effect it asks for, as the event loop does.
fn press(reader: &mut Driver, action: Action) {
    reader.handle(action);
}

/// The reader with the note editor open on a note of `chars` characters, cursor at its end.
fn editing(chars: usize, data: &std::path::Path) -> Driver {
    let doc = memcon::document::load("memo", memcon::BUNDLED.as_bytes()).unwrap();
    let docref = DocRef::of(&doc, None);
    let mut store = BookmarkStore::open(StorePaths::in_dir(data));
    let note: String = "note text ".chars().cycle().take(chars).collect();
    store
        .add(Bookmark::new(docref, Anchor::default(), Some(note)))
        .unwrap();
    let link = StoreLink::new(Ok(store), None);
    let mut reader = Driver::new(App::new(doc, (80, 24)), link, None);
    press(&mut reader, Action::Resize(80, 24));
    press(&mut reader, Action::OpenBookmarks);
    press(&mut reader, Action::BookmarkListEditNote);
    reader
}

fn main() {
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    println!(
        "{:>10}  {:>5}  {:>12}  {:>12}",
        "note", "keys", "median", "max"
    );
    for (chars, keys) in [(100, 200), (10_000, 200), (1_000_000, 20)] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = editing(chars, dir.path());
        let mut samples = Vec::new();
        for i in 0..keys {
            let action = match i % 2 {
                0 => Action::InputBackspace,
                _ => Action::InputChar('x'),
            };
            let t = Instant::now();
            press(&mut app, action);
            term.draw(|f| memcon::ui::render(app.app(), f)).unwrap();
            samples.push(t.elapsed());
        }
        samples.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{:>10}  {keys:>5}  {:>9.3} ms  {:>9.3} ms",
            chars,
            ms(samples[samples.len() / 2]),
            ms(*samples.last().unwrap())
        );
    }
}
