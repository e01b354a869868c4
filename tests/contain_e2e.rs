//! Failures stay inside the job that had them: the reader goes on in a working terminal,
//! says what is missing, and the details are in the log (the real binary in a pty, with the
//! hidden `MEMCON_DEBUG_FAIL` switch forcing the failure).

mod pty;
use pty::Session;
use std::path::Path;

/// The status line's focus and paragraph fields, whatever the paragraph numbering.
const STATUS: &str = "Text  ¶ ";

/// A document big enough to be loaded in the background: the bundled memo's body repeated.
fn big_document(dir: &Path) -> String {
    let path = dir.join("big.txt");
    let mut text = memcon::document::generate::large_document(1 << 20);
    text.push_str(
        "
The very last paragraph.

WAH
",
    );
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn log_of(data: &Path) -> String {
    std::fs::read_to_string(data.join("errors.log")).unwrap_or_default()
}

#[test]
fn a_failed_loader_leaves_the_first_part_readable_and_the_terminal_intact() {
    let dir = tempfile::tempdir().unwrap();
    let doc = big_document(dir.path());
    let data = dir.path().join("data");
    let env = [
        ("MEMCON_DEBUG_FAIL", "load"),
        ("MEMCON_DATA_DIR", data.to_str().unwrap()),
    ];
    let mut s = Session::start(&[&doc], &env, 100, 30);
    s.wait_text(STATUS);
    s.wait_text("whole document unavailable: internal error — details in");
    assert!(
        s.with_screen(|sc| sc.alternate_screen()),
        "still in the reader"
    );
    // Still a reader: it scrolls and answers keys.
    let before = s.contents();
    s.send("G");
    s.wait_for("the end of the first part", |sc| sc.contents() != before);
    s.send("g");
    s.wait_text("Memcon A. Harriman - Soong");
    // Bookmarks belong to the whole document: they say why they are not offered.
    s.send("m");
    s.wait_text("bookmarks unavailable");
    let log = log_of(&data);
    assert!(log.contains("whole document failed"), "{log}");
    assert!(log.contains("deliberate failure"), "{log}");
    assert!(log.contains("debug_fail"), "a backtrace: {log}");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn failed_entities_are_reported_and_the_document_stays_readable() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let env = [
        ("MEMCON_DEBUG_FAIL", "entities"),
        ("MEMCON_DATA_DIR", data.to_str().unwrap()),
    ];
    let mut s = Session::start(&[], &env, 120, 16);
    s.wait_text(STATUS);
    s.wait_text("entities unavailable: internal error — details in");
    s.send("G");
    s.wait_text("100%");
    assert!(log_of(&data).contains("entities failed"));
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn failed_entities_of_a_big_file_come_after_its_whole_document() {
    let dir = tempfile::tempdir().unwrap();
    let doc = big_document(dir.path());
    let data = dir.path().join("data");
    let env = [
        ("MEMCON_DEBUG_FAIL", "entities"),
        ("MEMCON_DATA_DIR", data.to_str().unwrap()),
    ];
    let mut s = Session::start(&[&doc], &env, 120, 40);
    s.wait_text("entities unavailable: internal error");
    // The whole document did arrive: its end is there.
    s.send("G");
    s.wait_text("The very last paragraph.");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn a_failed_search_is_reported_and_the_reader_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let env = [
        ("MEMCON_DEBUG_FAIL", "search"),
        ("MEMCON_DATA_DIR", data.to_str().unwrap()),
    ];
    let mut s = Session::start(&[], &env, 100, 30);
    s.wait_text(STATUS);
    s.send("/Dairen");
    s.wait_text("search unavailable: internal error");
    s.send("\x1b");
    s.wait_for("the search line to close", |sc| {
        !sc.contents().contains("search unavailable")
    });
    s.send("G");
    s.wait_text("100%");
    assert!(log_of(&data).contains("search failed"));
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}
