//! Bookmarks across two runs of the real reader in a pseudo-terminal: open, `m`, a note, quit,
//! reopen → the gutter marker and the list show the bookmark and the position is restored.
//! Every wait polls the screen until a deadline (never sleep-then-assert).

mod pty;
use pty::Session;

const COLS: u16 = 100;
const ROWS: u16 = 30;

fn row(s: &Session, y: u16) -> String {
    s.with_screen(|screen| screen_row(screen, y))
}

fn screen_row(screen: &vt100::Screen, y: u16) -> String {
    screen.contents_between(y, 0, y, COLS)
}

/// The screen row that shows `text`, if any.
fn row_of(s: &Session, text: &str) -> Option<u16> {
    (0..ROWS).find(|&y| row(s, y).contains(text))
}

#[test]
fn a_bookmark_and_the_reading_position_survive_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("memo.txt");
    std::fs::write(&doc, memcon::BUNDLED).unwrap();
    let data = dir.path().join("data");
    let (doc, data) = (doc.to_str().unwrap(), data.to_str().unwrap());
    let env = [("MEMCON_DATA_DIR", data)];

    let mut first = Session::start(&[doc], &env, COLS, ROWS);
    first.wait_text("┌ Text ");
    // Scroll so the memo's dateline is on the top row and the first paragraph below it.
    first.send("jjjjjj");
    first.wait_for("the scroll", |s| {
        screen_row(s, 1).contains("Conversation July 3, 1945")
    });
    first.send("m");
    first.wait_text("note (");
    first.send("Port Arthur matters\r");
    first.wait_text("bookmark added at ¶ 1");
    first.send("q");
    assert!(first.wait_exit().success());
    first.assert_restored();

    let mut again = Session::start(&[doc], &env, COLS, ROWS);
    again.wait_text("back where you left off");
    // The same words at the top as when it quit.
    assert!(
        row(&again, 1).contains("Conversation July 3, 1945"),
        "{}",
        again.contents()
    );
    // The bookmarked paragraph carries the gutter marker.
    let y = row_of(&again, "One side light on Soong").expect("paragraph on screen");
    assert!(row(&again, y).starts_with("│▌"), "{}", row(&again, y));
    again.send("'");
    again.wait_text("Bookmarks (1)");
    let screen = again.contents();
    assert!(screen.contains("¶ 1"), "{screen}");
    assert!(screen.contains("“One side light on Soong"), "{screen}");
    assert!(screen.contains("note: Port Arthur matters"), "{screen}");
    again.send("q"); // closes the list first
    again.wait_for("the list to close", |s| {
        !s.contents().contains("Bookmarks (1)")
    });
    again.send("q");
    assert!(again.wait_exit().success());
}
