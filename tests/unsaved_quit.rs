//! Quitting with bookmark changes that could not be saved: the reader asks first, the quit
//! key again writes them to a file of their own, any other key stays; a signal writes that
//! file without asking. The disk "fails" by putting the data directory under a regular file,
//! which no user, root included, can create a directory in.

mod common;
mod pty;

use common::screen;
use memcon::app::{Action, App, UnsavedQuit};
use memcon::bookmarks::{BookmarkStore, StorePaths};
use memcon::document;
use memcon::reader::{Driver, Stop, StoreLink};
use std::fs;
use std::path::{Path, PathBuf};

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("blocker"), b"").unwrap();
        fs::create_dir(dir.path().join("state")).unwrap();
        Self { dir }
    }

    fn blocker(&self) -> PathBuf {
        self.dir.path().join("blocker")
    }

    fn state(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    /// A reader on the bundled memo whose `bookmarks.json` cannot be written (its directory
    /// is under a regular file) while the state directory can take a fallback file.
    fn reader(&self) -> Driver {
        let doc = document::load("memo", memcon::BUNDLED.as_bytes()).unwrap();
        let store = BookmarkStore::open(StorePaths {
            data_dir: self.blocker().join("data"),
            state_dir: self.state(),
        });
        let link = StoreLink::new(Ok(store), Some(self.dir.path().join("memo.txt")));
        let mut d = Driver::new(App::new(doc, (80, 24)), link, None);
        d.handle(Action::Resize(80, 24));
        d
    }

    fn fallbacks(&self) -> Vec<PathBuf> {
        unsaved_files(&self.state())
    }
}

fn unsaved_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("bookmarks.unsaved-"))
        .collect();
    v.sort();
    v
}

fn add(d: &mut Driver, note: &str) {
    d.handle(Action::AddBookmark);
    for c in note.chars() {
        d.handle(Action::InputChar(c));
    }
    d.handle(Action::InputConfirm);
}

#[test]
fn quitting_with_unsaved_bookmarks_asks_and_q_again_writes_them_to_a_file_of_their_own() {
    let fx = Fixture::new();
    let mut d = fx.reader();
    add(&mut d, "do not lose me");
    add(&mut d, "nor me");
    assert!(d.app().message().unwrap().contains("not saved"));

    // q: not gone; the question says what is at stake and what the keys do.
    assert_eq!(d.handle(Action::Quit), None);
    let q = d.app().quit_question().expect("asked");
    assert_eq!(q.changes, 2);
    assert!(q.reason.contains("a path component is not a directory"));
    let s = screen(d.app());
    assert!(s.contains("2 bookmark changes not saved"), "{s}");
    assert!(s.contains("q again writes them to a file of"), "{s}");
    assert!(s.contains("any other key stays"), "{s}");

    // Any other key stays, and says so.
    assert_eq!(d.handle(Action::LineDown), None);
    assert!(d.app().quit_question().is_none());
    let msg = d.app().message().unwrap();
    assert!(msg.contains("2 bookmark changes still not saved"), "{msg}");
    assert!(fx.fallbacks().is_empty());

    // q, q: written to the state directory, and the reader ends naming the file.
    assert_eq!(d.handle(Action::Quit), None);
    assert_eq!(d.handle(Action::Quit), Some(Stop::Quit));
    let files = fx.fallbacks();
    assert_eq!(files.len(), 1);
    let kept = fs::read_to_string(&files[0]).unwrap();
    assert!(
        kept.contains("do not lose me") && kept.contains("nor me"),
        "{kept}"
    );
    assert!(d.left_unsaved());
    let farewell = d.farewell().join("\n");
    assert!(
        farewell.contains(&format!(
            "unsaved bookmarks written to {}",
            files[0].display()
        )),
        "{farewell}"
    );
}

#[test]
fn the_question_at_80x24_and_40x12() {
    let doc = document::load("memo", memcon::BUNDLED.as_bytes()).unwrap();
    let mut app = App::new(doc, (80, 24));
    app.update(Action::Resize(80, 24));
    app.ask_before_quitting(UnsavedQuit {
        changes: 1,
        reason: "bookmarks not saved: /home/ann/.local/share/memcon/bookmarks.json: read-only \
                 file system; will retry on the next change"
            .into(),
        nowhere: false,
    });
    insta::assert_snapshot!("unsaved_question_80x24", screen(&app));
    app.update(Action::Resize(40, 12));
    insta::assert_snapshot!("unsaved_question_40x12", screen(&app));
    assert!(app.quit_question().is_some(), "a resize does not answer it");
}

#[test]
fn when_the_disk_works_again_quitting_saves_and_asks_nothing() {
    let fx = Fixture::new();
    let mut d = fx.reader();
    add(&mut d, "kept");
    assert_eq!(d.handle(Action::Quit), None);
    assert!(d.app().quit_question().is_some());
    // The directory becomes possible; the next quit saves for real.
    fs::remove_file(fx.blocker()).unwrap();
    assert_eq!(d.handle(Action::Quit), Some(Stop::Quit));
    assert!(fx.fallbacks().is_empty());
    assert!(!d.left_unsaved());
    let saved = fs::read_to_string(fx.blocker().join("data/bookmarks.json")).unwrap();
    assert!(saved.contains("\"kept\""), "{saved}");
}

#[test]
fn quitting_with_everything_saved_asks_nothing() {
    let fx = Fixture::new();
    fs::remove_file(fx.blocker()).unwrap();
    let mut d = fx.reader();
    add(&mut d, "saved at once");
    assert_eq!(d.handle(Action::Quit), Some(Stop::Quit));
    assert!(d.farewell().is_empty());
}

#[test]
fn a_signal_writes_unsaved_bookmarks_without_asking() {
    let fx = Fixture::new();
    let mut d = fx.reader();
    add(&mut d, "signalled");
    d.save_on_exit();
    let files = fx.fallbacks();
    assert_eq!(files.len(), 1);
    assert!(fs::read_to_string(&files[0]).unwrap().contains("signalled"));
    assert!(d.farewell()[0].contains("unsaved bookmarks written to"));
}

/// The real binary: data directory under a regular file, fallback to `TMPDIR`.
fn session(fx: &Fixture, tmp: &Path) -> pty::Session {
    let data = fx.blocker().join("data");
    let s = pty::Session::start(
        &[],
        &[
            ("MEMCON_DATA_DIR", data.to_str().unwrap()),
            ("TMPDIR", tmp.to_str().unwrap()),
        ],
        100,
        30,
    );
    s.wait_text("┌ Text ");
    s
}

fn bookmark(s: &mut pty::Session, note: &str) {
    s.send("m");
    s.wait_text("note (Enter");
    s.send(note);
    s.send("\r");
    s.wait_text("not saved");
}

#[test]
fn in_a_terminal_q_twice_writes_the_fallback_and_says_where_after_restoring() {
    let fx = Fixture::new();
    let tmp = fx.dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let mut s = session(&fx, &tmp);
    bookmark(&mut s, "from the pty");
    s.send("q");
    s.wait_text("q again writes it to a file of its own");
    s.send("q");
    assert_exit_with_fallback(&mut s, 1, &tmp, "from the pty");
}

/// The reader ended with `code`, gave the terminal back, wrote one fallback file holding
/// `note` in `tmp` and said so on the restored screen.
fn assert_exit_with_fallback(s: &mut pty::Session, code: u32, tmp: &Path, note: &str) {
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), code, "{status:?}");
    s.assert_restored();
    let files = unsaved_files(tmp);
    assert_eq!(files.len(), 1);
    assert!(fs::read_to_string(&files[0]).unwrap().contains(note));
    s.wait_text("unsaved bookmarks written to");
}

#[test]
fn in_a_terminal_sigterm_writes_the_fallback_without_asking() {
    let fx = Fixture::new();
    let tmp = fx.dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let mut s = session(&fx, &tmp);
    bookmark(&mut s, "before the signal");
    // SAFETY: sending a signal to our own child.
    unsafe { libc::kill(s.pid(), libc::SIGTERM) };
    assert_exit_with_fallback(&mut s, 128 + 15, &tmp, "before the signal");
}

#[test]
fn when_no_place_takes_the_fallback_the_question_says_so_and_q_again_quits_without_them() {
    let fx = Fixture::new();
    // The temporary directory is under the same regular file: nowhere to write.
    let tmp = fx.blocker().join("tmp");
    let mut s = session(&fx, &tmp);
    bookmark(&mut s, "nowhere to go");
    s.send("q");
    s.wait_text("q again writes it");
    s.send("q");
    s.wait_text("could not be saved or written anywhere");
    s.wait_text("q again quits without it");
    s.send("q");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 1, "{status:?}");
    s.assert_restored();
    s.wait_text("1 bookmark change not saved");
}
