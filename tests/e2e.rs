//! End to end: the built binary in a real pseudo-terminal.

mod pty;
use pty::Session;
use std::process::Command;

/// The status line's focus and paragraph fields, whatever the paragraph numbering.
const STATUS: &str = "Text  ¶ ";

#[test]
fn read_move_resize_and_quit_restores_the_terminal() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_text(STATUS);
    assert!(s.with_screen(|sc| sc.alternate_screen()));
    assert!(s.contents().contains("Memcon A. Harriman - Soong"));
    assert!(s.status().contains("Text  ¶"));
    s.send("G");
    s.wait_for("the end", |sc| sc.contents().contains("100%"));
    assert!(s.contents().contains("WAH"));
    s.send("g");
    s.wait_for("the top", |sc| !sc.contents().contains("100%"));
    s.send(":2\r");
    s.wait_text("¶ 2/");
    assert!(s.contents().contains("Soong got the impression"));
    s.resize(50, 16);
    s.wait_for("the narrow layout", |sc| {
        sc.contents_between(15, 0, 15, 50).contains("¶ 2/") && !sc.contents().contains("Entities (")
    });
    s.resize(120, 40);
    s.wait_for("the wide layout", |sc| {
        sc.contents().contains("Entities (") && sc.contents().contains("Places")
    });
    assert!(
        s.contents().contains("Soong got the impression"),
        "same words at the top"
    );
    s.send("h");
    s.wait_text("Help — Esc closes");
    s.send("q");
    s.wait_for("help to close", |sc| {
        !sc.contents().contains("Help — Esc closes")
    });
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

#[test]
fn ctrl_c_quits_too() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_text(STATUS);
    s.send("\x03");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_text(STATUS);
    // SAFETY: sending a signal to our own child.
    unsafe { libc::kill(s.pid(), libc::SIGTERM) };
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + 15, "{status:?}");
    s.assert_restored();
}

#[test]
fn sighup_restores_the_terminal() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_text(STATUS);
    // SAFETY: sending a signal to our own child.
    unsafe { libc::kill(s.pid(), libc::SIGHUP) };
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + 1, "{status:?}");
    s.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_and_shows_the_message() {
    let mut s = Session::start(&[], &[("MEMCON_DEBUG_PANIC", "1")], 80, 24);
    s.wait_text(STATUS);
    s.send("j");
    let status = s.wait_exit();
    assert!(!status.success());
    s.assert_restored();
    assert!(
        s.contents().contains("deliberate panic"),
        "{}",
        s.contents()
    );
}

#[test]
fn a_hostile_document_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    let body = "Hostile memo\n\n\
        Title \x1b]0;PWNED\x07 and clipboard \x1b]52;c;SGVsbG8=\x07 here.\n\n\
        Colour \x1b[31mred\x1b[0m and \x1b[2J clear, C1 \u{9b}31m and \u{9d}2;x\u{9c} end.\n\n\
        Bidi \u{202E}desrever\u{202C} text.\n";
    std::fs::write(&path, body).unwrap();
    let mut s = Session::start(&[path.to_str().unwrap()], &[], 100, 30);
    s.wait_text(STATUS);
    s.wait_text("clipboard");
    let raw = s.raw_output();
    let has = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(!has(b"\x1b]0;PWNED"), "title sequence passed through");
    assert!(!has(b"\x1b]52;"), "clipboard sequence passed through");
    assert!(!has(b"\x1b[2J clear"), "clear-screen passed through");
    assert!(!has("\u{202E}".as_bytes()), "bidi override passed through");
    assert!(!has("\u{9b}".as_bytes()), "C1 CSI passed through");
    let screen = s.contents();
    assert!(
        screen.contains("␛"),
        "escape shown as a visible symbol:\n{screen}"
    );
    assert!(screen.contains("PWNED"), "the text itself stays readable");
    // The word after the hostile colour code is drawn in the normal colour.
    s.with_screen(|sc| {
        let (rows, cols) = (sc.size().0.get(), sc.size().1.get());
        for r in 0..rows {
            let line = sc.contents_between(r, 0, r, cols);
            if let Some(i) = line.find("red␛[0m") {
                let col = line[..i].chars().count() as u16;
                let cell = sc.cell(r, col).unwrap();
                assert_eq!(cell.fgcolor(), vt100::Color::Default);
                return;
            }
        }
        panic!("red not on screen:\n{}", sc.contents());
    });
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn no_color_keeps_focus_and_status_visible_without_colour() {
    let mut s = Session::start(&[], &[("NO_COLOR", "1")], 80, 24);
    s.wait_text(STATUS);
    s.with_screen(|sc| {
        let (rows, cols) = (sc.size().0.get(), sc.size().1.get());
        for r in 0..rows {
            for c in 0..cols {
                let cell = sc.cell(r, c).unwrap();
                assert_eq!(cell.fgcolor(), vt100::Color::Default, "colour at {r},{c}");
                assert_eq!(cell.bgcolor(), vt100::Color::Default, "colour at {r},{c}");
            }
        }
        assert!(
            sc.cell(rows - 1, 1).unwrap().inverse(),
            "status line in reverse video"
        );
        // The focused pane's title is in reverse video too.
        let top = sc.contents_between(0, 0, 0, cols);
        let col = top.find("Text").unwrap() as u16;
        assert!(sc.cell(0, col).unwrap().inverse());
    });
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn without_a_terminal_memcon_explains_and_writes_no_escape_bytes() {
    let out = Command::new(env!("CARGO_BIN_EXE_memcon"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "wrote to stdout: {:?}", out.stdout);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a terminal"), "{err}");
    assert!(!err.contains('\x1b'));
}

#[test]
fn a_missing_file_is_reported_before_the_terminal_is_touched() {
    let mut s = Session::start(&["/nonexistent/memo.txt"], &[], 80, 24);
    let status = s.wait_exit();
    assert!(!status.success());
    s.assert_restored();
    assert!(
        s.contents()
            .contains("memcon: /nonexistent/memo.txt: no such file")
    );
    assert!(
        !s.raw_output().windows(2).any(|w| w == b"\x1b["),
        "escape bytes written"
    );
}

#[test]
fn a_big_file_shows_at_once_and_then_all_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let memo = memcon::BUNDLED;
    let start = memo.find("One side light").unwrap();
    let end = memo.rfind("WAH").unwrap();
    let mut text = memo[..start].to_string();
    while text.len() < 3 << 19 {
        text.push_str(&memo[start..end]);
    }
    text.push_str("The very last paragraph.\n\nWAH\n");
    std::fs::write(&path, text).unwrap();
    let mut s = Session::start(&[path.to_str().unwrap()], &[], 80, 24);
    s.wait_text(STATUS);
    s.wait_for("the whole document", |sc| sc.contents().contains("0%"));
    s.send("G");
    s.wait_text("The very last paragraph.");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// Thai, Lao, Khmer and Burmese have no word segmentation model in the binary; wrapping them
/// falls back quietly instead of a library writing a complaint over the screen (it would in a
/// debug build, the one `cargo run` makes).
#[test]
fn text_in_a_script_without_a_segmentation_model_draws_without_a_word_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("thai.txt");
    let para = "ภาษาไทยเขียนติดกันโดยไม่เว้นวรรคระหว่างคำ ພາສາລາວ ភាសាខ្មែរ မြန်မာဘာသာ and words after.\n\n";
    std::fs::write(&path, format!("Title\n\n{}", para.repeat(8))).unwrap();
    let mut s = Session::start(&[path.to_str().unwrap()], &[], 80, 24);
    s.wait_text(STATUS);
    s.send("G");
    s.send("q");
    assert!(s.wait_exit().success());
    let out = String::from_utf8_lossy(&s.raw_output()).into_owned();
    assert!(
        !out.contains("ICU4X"),
        "a library wrote to the terminal: {out}"
    );
    assert!(!out.contains("segmentation"), "{out}");
}
