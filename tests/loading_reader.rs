//! A big file in the reader: its first part at once, what is still coming said on screen, the
//! whole document and its entities swapped in as they arrive, and failures shown without
//! closing the reader.

mod common;
use memcon::app::{Action as A, App};
use memcon::bookmarks::BookmarkStore;
use memcon::reader::{Driver, StoreLink};
use std::time::{Duration, Instant};

fn big_file(dir: &std::path::Path) -> std::path::PathBuf {
    let mut text = memcon::document::generate::large_document(1 << 20);
    text.push_str(
        "
The very last paragraph.

WAH
",
    );
    let path = dir.join("big.txt");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn the_first_part_shows_what_is_coming_then_the_whole_document_and_its_entities_arrive() {
    let dir = tempfile::tempdir().unwrap();
    let path = big_file(dir.path());
    let file = memcon::source::open(&path, 1 << 30).unwrap();
    let opened = memcon::loading::open(file).unwrap();
    let mut app = App::with_entities(opened.doc, (120, 40), Vec::new());
    app.entities_pending();
    app.update(A::Resize(120, 40));
    let store = BookmarkStore::open(memcon::bookmarks::StorePaths {
        data_dir: dir.path().join("data"),
        state_dir: dir.path().join("data"),
    });
    let mut driver = Driver::new(app, StoreLink::new(Ok(store), Some(path)), opened.pending);
    let first = common::screen(driver.app());
    assert!(first.contains("loading…"), "{first}");
    assert!(first.contains("finding names…"), "{first}");
    driver.handle(A::SearchForward);
    assert!(driver.app().message().unwrap().contains("still reading"));
    let deadline = Instant::now() + Duration::from_secs(60);
    while driver.loading() && Instant::now() < deadline {
        if !driver.take_whole_document() {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    assert!(!driver.loading(), "everything arrived");
    let screen = common::screen(driver.app());
    assert!(!screen.contains("loading…") && !screen.contains("finding names…"));
    assert!(
        screen.contains("Dairen"),
        "the entities are listed:\n{screen}"
    );
    driver.handle(A::Bottom);
    assert!(common::screen(driver.app()).contains("The very last paragraph."));
}

#[test]
fn failures_stay_said_until_a_message_takes_their_place() {
    let mut app = common::app(common::bundled(), 120, 40);
    app.entities_failed("entities unavailable: internal error — details in /x/errors.log".into());
    let s = common::screen(&app);
    assert!(s.contains("entities unavailable: internal error"), "{s}");
    assert!(s.contains("details in /x/errors.log"), "{s}");
    app.update(A::LineDown);
    app.update(A::ClearTargets);
    assert!(common::screen(&app).contains("entities unavailable"));
    app.update(A::AddBookmark);
    let s = common::screen(&app);
    let status = s.lines().last().unwrap();
    assert!(!status.contains("entities unavailable"), "{status}");
    assert!(!app.notices().is_empty(), "still kept for later");
}

#[test]
fn a_first_part_without_its_whole_document_stays_readable_and_searchable() {
    let mut app = common::app(common::bundled(), 100, 30);
    app.set_loading(true);
    app.whole_unavailable(
        "the rest of the file is binary (NUL bytes): showing its first part only".into(),
    );
    assert!(!app.loading());
    assert!(common::screen(&app).contains("the rest of the file is binary"));
    app.update(A::AddBookmark);
    assert!(app.message().unwrap().contains("bookmarks unavailable"));
    app.update(A::SearchForward);
    for c in "Dairen".chars() {
        app.update(A::InputChar(c));
    }
    app.update(A::InputConfirm);
    assert!(app.targets().is_some_and(|t| !t.ranges.is_empty()));
}
