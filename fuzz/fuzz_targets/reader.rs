//! Document + a session of actions at fuzzed sizes, run as the event loop runs it (the App, a
//! bookmark store in a scratch directory, the effects performed), drawn on ratatui's
//! TestBackend after every step, with the loader's swap of the whole document in the middle:
//! never a panic, and the reading position stays inside the document.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use memcon::app::{Action, App};
use memcon::bookmarks::{BookmarkStore, StorePaths};
use memcon::document::load;
use memcon::reader::{Clipboard, Driver, StoreLink};
use memcon_fuzz::Step;
use ratatui::{Terminal, backend::TestBackend};
use std::path::PathBuf;

/// The documents are byte slices, whose lengths `arbitrary` takes from the input's end, so a
/// seed document arrives whole (a `Vec<u8>` would stop at its first even byte).
#[derive(Debug, Arbitrary)]
struct Input<'a> {
    text: &'a [u8],
    /// The whole document the loader swaps in on a `Replace` step.
    whole: &'a [u8],
    width: u8,
    height: u8,
    steps: Vec<Step>,
}

fn draw(app: &App) {
    let (w, h) = app.view().size();
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    t.draw(|f| memcon::ui::render(app, f)).expect("drawing");
}

/// An empty data directory of this process's own for each input: bookmarks are written and
/// read back as in a session, and no input sees another's.
fn scratch_store() -> BookmarkStore {
    let dir = std::env::temp_dir().join(format!("memcon-fuzz-reader-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    BookmarkStore::open(StorePaths::in_dir(dir))
}

fuzz_target!(|input: Input<'_>| {
    let (Ok(doc), Ok(whole)) = (load("fuzz", input.text), load("fuzz", input.whole)) else {
        return;
    };
    let (w, h) = (u16::from(input.width), u16::from(input.height));
    let link = StoreLink::new(Ok(scratch_store()), Some(PathBuf::from("fuzz.txt")));
    let mut driver = Driver::new(App::new(doc, (w, h)), link, None);
    // Yanks go nowhere (not as OSC 52 to the fuzzer's output).
    driver.set_clipboard(Clipboard::new(false, None));
    driver.handle(Action::Resize(w, h));
    let mut whole = Some(whole);
    'session: for step in input.steps.iter().take(64) {
        if let Step::Replace = step {
            if let Some(doc) = whole.take() {
                let list = memcon::entities::extract(&doc);
                driver.replace_document(doc, list);
            }
        }
        for action in step.actions() {
            if driver.handle(action).is_some() {
                break 'session;
            }
        }
        let app = driver.app();
        draw(app);
        let blocks = app.doc().blocks.len().max(1);
        assert!(app.top().block < blocks, "top outside the document");
        assert!(
            app.view().reading().block < blocks,
            "reading position outside the document"
        );
    }
});
