//! The library on a small collection written for the tests, driven as the event loop
//! drives it (a `Driver` with the real index thread and a bookmark store in a temporary
//! folder): rows and order, the filter, sorting, an entity's documents, reading one at a
//! mention, `n` across into the next document and Ctrl-o back, and the screen.

mod collection;
mod common;

use memcon::app::{Action, App, Mode, Screen};
use memcon::bookmarks::{BookmarkStore, StorePaths};
use memcon::corpus::{CacheDir, Rules};
use memcon::reader::{Driver, LibraryLink, StoreLink};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Lib {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    driver: Driver,
}

/// The library of the test collection at `w`×`h`, with the index ready.
fn library(w: u16, h: u16) -> Lib {
    let tmp = tempfile::tempdir().unwrap();
    let dir = collection::write(tmp.path());
    let cache = CacheDir::for_roots(&tmp.path().join("cache"), std::slice::from_ref(&dir));
    let rules = Arc::new(Rules::default());
    let app = App::library("collection", (w, h));
    let store = BookmarkStore::open(StorePaths::in_dir(tmp.path().join("data")));
    let link = StoreLink::new(Ok(store), None);
    let mut driver = Driver::library(
        app,
        link,
        LibraryLink::new(
            vec![dir.clone()],
            Some(cache),
            rules,
            memcon::source::Limits::default(),
        ),
    );
    driver.handle(Action::Resize(w, h));
    let start = Instant::now();
    while !driver.app().library_state().unwrap().ready() {
        driver.poll_background();
        assert!(start.elapsed() < Duration::from_secs(60), "index not ready");
        std::thread::sleep(Duration::from_millis(5));
    }
    driver.poll_background();
    Lib {
        _tmp: tmp,
        dir,
        driver,
    }
}

impl Lib {
    fn app(&self) -> &App {
        self.driver.app()
    }

    fn press(&mut self, actions: &[Action]) {
        for a in actions {
            self.driver.handle(*a);
        }
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.driver.handle(Action::InputChar(c));
        }
    }

    /// The files of the rows, in order.
    fn rows(&self) -> Vec<String> {
        let lib = self.app().library_state().unwrap();
        lib.rows()
            .iter()
            .map(|r| lib.docs()[r.doc].file.shown.clone())
            .collect()
    }

    fn selected_file(&self) -> String {
        let lib = self.app().library_state().unwrap();
        lib.docs()[lib.selected_doc().unwrap()].file.shown.clone()
    }

    fn open_file(&self) -> String {
        let lib = self.app().library_state().unwrap();
        lib.docs()[self.app().open_doc().unwrap()]
            .file
            .shown
            .clone()
    }

    fn status(&self) -> String {
        common::screen(self.app())
            .lines()
            .last()
            .unwrap()
            .to_string()
    }

    /// Select the entity called `name` in the entities pane (by filtering it) and show its
    /// documents.
    fn choose_entity(&mut self, name: &str) {
        self.press(&[Action::FocusNext, Action::LibraryFilter]);
        self.driver.handle(Action::InputClear);
        self.type_text(name);
        self.press(&[Action::InputConfirm, Action::LibraryOpen]);
    }
}

#[test]
fn rows_come_in_date_order_with_undated_documents_last() {
    let lib = library(120, 40);
    let rows = lib.rows();
    assert_eq!(rows.len(), collection::documents());
    assert_eq!(&rows[..3], ["a01.txt", "a02.txt", "a03.txt"]);
    assert_eq!(&rows[rows.len() - 2..], ["m-note.txt", "z-note.txt"]);
    let skipped = lib.app().library_state().unwrap().skipped().len();
    assert!(skipped >= 3, "binary, empty, data file: {skipped}");
    assert_eq!(lib.app().mode(), Mode::Library);
}

#[test]
fn typing_filters_and_esc_brings_the_whole_list_back() {
    let mut lib = library(120, 40);
    // "D" is no key of the library: it starts the filter.
    lib.press(&[Action::LibraryFilterChar('D')]);
    assert_eq!(lib.app().mode(), Mode::Input);
    lib.type_text("airen");
    assert_eq!(
        lib.rows(),
        ["a01.txt", "a07.txt", "z-note.txt"],
        "titles naming Dairen"
    );
    lib.press(&[Action::InputConfirm]);
    assert_eq!(lib.rows().len(), 3, "Enter keeps the filter");
    lib.press(&[Action::LibraryFilterChar('1'), Action::InputClear]);
    lib.type_text("1958");
    assert_eq!(
        lib.rows(),
        ["vol2/b01.txt", "vol2/annex/c01.txt"],
        "by date"
    );
    lib.press(&[Action::InputCancel]);
    assert_eq!(lib.rows().len(), 3, "Esc goes back to the kept filter");
    lib.press(&[Action::LibraryBack]);
    assert_eq!(lib.rows().len(), collection::documents());
}

#[test]
fn s_cycles_the_sort_and_keeps_the_selected_document() {
    let mut lib = library(120, 40);
    lib.press(&[Action::LineDown, Action::LineDown]);
    assert_eq!(lib.selected_file(), "a03.txt");
    lib.press(&[Action::LibrarySort]);
    let by_title = lib.rows();
    assert_eq!(
        by_title[0], "vol2/annex/c01.txt",
        "Annex: Harbor Statistics"
    );
    assert_eq!(lib.selected_file(), "a03.txt");
    lib.press(&[Action::LibrarySort]);
    let by_file = lib.rows();
    assert_eq!(&by_file[..2], ["a01.txt", "a02.txt"]);
    assert_eq!(by_file.last().unwrap(), "z-note.txt");
    lib.press(&[Action::LibrarySort, Action::LibrarySort]);
    assert_eq!(lib.rows()[0], "a01.txt", "back to date order");
}

#[test]
fn an_entity_lists_the_documents_mentioning_it_with_counts() {
    let mut lib = library(120, 40);
    lib.choose_entity("Dalian");
    let app = lib.app();
    let l = app.library_state().unwrap();
    let counts: Vec<(String, usize)> = l
        .rows()
        .iter()
        .map(|r| (l.docs()[r.doc].file.shown.clone(), r.count))
        .collect();
    assert_eq!(counts[0], ("a01.txt".to_string(), 3));
    assert_eq!(counts[2], ("a03.txt".to_string(), 3));
    assert_eq!(counts.len(), 8);
    let screen = common::screen(app);
    assert!(screen.contains("Mentioning Dalian"), "{screen}");
    // The line of context under the first row.
    assert!(screen.contains("harbor dues at Dairen"), "{screen}");
    lib.press(&[Action::LibraryBack]);
    assert_eq!(lib.rows().len(), collection::documents());
}

#[test]
fn n_walks_into_the_next_document_and_ctrl_o_comes_back() {
    let mut lib = library(120, 40);
    lib.choose_entity("Port Arthur");
    lib.press(&[Action::LibraryOpen]);
    assert_eq!(lib.app().screen(), Screen::Reader);
    assert_eq!(lib.open_file(), "a01.txt");
    assert!(
        lib.status()
            .contains("mention 1 of 1 · doc 1 of 4 · Port Arthur"),
        "{}",
        lib.status()
    );
    let in_first = lib.app().top();
    // Past the last mention: the next document that mentions it, at its first mention.
    lib.press(&[Action::NextTarget]);
    assert_eq!(lib.open_file(), "a02.txt");
    assert!(
        lib.status().contains("mention 1 of 3 · doc 2 of 4"),
        "{}",
        lib.status()
    );
    let t = lib.app().targets().unwrap();
    let first = t.ranges[0];
    assert_eq!(lib.app().doc().text(first), "Port Arthur");
    lib.press(&[Action::NextTarget, Action::NextTarget]);
    assert!(lib.status().contains("mention 3 of 3 · doc 2 of 4"));
    // N before the first mention goes back into the previous document, at its last one.
    lib.press(&[Action::PrevTarget, Action::PrevTarget, Action::PrevTarget]);
    assert_eq!(lib.open_file(), "a01.txt");
    // Ctrl-o: back across the document boundary, where the reader was.
    lib.press(&[Action::JumpBack]);
    assert_eq!(lib.open_file(), "a02.txt");
    lib.press(&[Action::JumpBack]);
    assert_eq!(lib.open_file(), "a01.txt");
    assert_eq!(lib.app().top(), in_first);
    lib.press(&[Action::JumpForward]);
    assert_eq!(lib.open_file(), "a02.txt");
    // q goes back to the library, on the row of the document just read, now read.
    lib.press(&[Action::Quit]);
    assert_eq!(lib.app().screen(), Screen::Library);
    assert_eq!(lib.selected_file(), "a02.txt");
    let l = lib.app().library_state().unwrap();
    let a02 = l.selected_doc().unwrap();
    assert_eq!(l.mark(a02), memcon::app::ReadMark::Read);
    assert!(lib.dir.exists());
}

#[test]
fn a_search_of_the_collection_lists_documents_and_opens_at_the_match() {
    let mut lib = library(120, 40);
    lib.press(&[Action::LibrarySearch]);
    lib.type_text("naval base");
    lib.press(&[Action::InputConfirm]);
    let start = Instant::now();
    while !matches!(
        lib.app().library_state().unwrap().source(),
        memcon::app::library::Source::Search(s) if s.done
    ) {
        lib.driver.poll_background();
        assert!(start.elapsed() < Duration::from_secs(30));
        std::thread::sleep(Duration::from_millis(2));
    }
    assert_eq!(lib.rows(), ["a01.txt", "a02.txt"]);
    lib.press(&[Action::LineDown, Action::LibraryOpen]);
    assert_eq!(lib.open_file(), "a02.txt");
    assert!(
        lib.status()
            .contains("match 1 of 2 · doc 2 of 2 · naval base"),
        "{}",
        lib.status()
    );
    lib.press(&[Action::NextTarget, Action::NextTarget]);
    assert_eq!(lib.open_file(), "a01.txt", "round to the first document");
}

#[test]
fn library_screens() {
    let mut lib = library(80, 24);
    insta::assert_snapshot!("library_80x24", common::screen(lib.app()));
    let mut big = library(120, 40);
    big.choose_entity("Harbin");
    insta::assert_snapshot!("library_harbin_120x40", common::screen(big.app()));
    lib.press(&[Action::Resize(40, 12)]);
    insta::assert_snapshot!("library_40x12", common::screen(lib.app()));
}

/// While a cold index fills the rows in, the first row stays selected (the document parsed
/// first is seldom the one listed first); a row the reader chose stays chosen.
#[test]
fn the_first_row_stays_selected_while_documents_arrive_in_any_order() {
    use memcon::corpus::kind::DocKind;
    use memcon::corpus::record::{DocSummary, FileKey};
    let summary = |name: &str, iso: &str| DocSummary {
        file: FileKey {
            path: name.as_bytes().to_vec(),
            shown: name.to_string(),
            size: 10,
            mtime: 0,
            hash: 0,
        },
        title: format!("Memorandum {name}"),
        date: Some(iso.to_string()),
        date_iso: Some(iso.to_string()),
        kind: DocKind::Memorandum,
        translated: false,
        record_id: None,
        fingerprint: name.to_string(),
        entities: 0,
    };
    let selected = |app: &App| {
        let lib = app.library_state().unwrap();
        let row = &lib.rows()[lib.selected()];
        lib.docs()[row.doc].file.shown.clone()
    };
    let mut app = App::library("collection", (80, 24));
    app.update(Action::Resize(80, 24));
    // Parsed latest date first, as threads may finish them.
    let arrivals = [
        ("c.txt", "1947-01-01"),
        ("b.txt", "1946-01-01"),
        ("a.txt", "1945-01-01"),
    ];
    for (i, (name, iso)) in arrivals.iter().enumerate() {
        app.library_progress(i + 1, 4, Some(summary(name, iso)));
        app.library_refresh();
        assert_eq!(
            selected(&app),
            *name,
            "the earliest so far is on top and selected"
        );
    }
    // The reader moves down: that row stays chosen as more arrive above it.
    app.update(Action::LineDown);
    assert_eq!(selected(&app), "b.txt");
    app.library_progress(4, 5, Some(summary("0.txt", "1944-01-01")));
    app.library_refresh();
    assert_eq!(selected(&app), "b.txt");
}
