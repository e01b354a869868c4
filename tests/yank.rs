//! Selecting by sentence and copying with `y`/`Y`: the text and citation the event loop
//! hands to the clipboard, the OSC 52 sequence a terminal receives (in a pseudo-terminal),
//! the tmux buffer it lands in (in a real tmux with `set-clipboard on`), the yank file, and
//! writing the bookmarks list to a file. Waits poll until a deadline.

mod pty;

use base64::Engine as _;
use memcon::app::{Action, App};
use memcon::bookmarks::{BookmarkStore, StorePaths};
use memcon::document::{self, Location};
use memcon::reader::{Clipboard, Driver, StoreLink};
use pty::Session;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A terminal that keeps what it is sent.
#[derive(Clone, Default)]
struct Terminal(Arc<Mutex<Vec<u8>>>);

impl Write for Terminal {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Terminal {
    /// The texts of every OSC 52 sequence received, decoded.
    fn clipboard(&self) -> Vec<String> {
        osc52_texts(&self.0.lock().unwrap())
    }
}

fn osc52_texts(raw: &[u8]) -> Vec<String> {
    let raw = String::from_utf8_lossy(raw);
    raw.split("\x1b]52;c;")
        .skip(1)
        .filter_map(|rest| rest.split('\x07').next())
        .map(|b64| {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(b64)
                .expect("base64 payload");
            String::from_utf8(bytes).unwrap()
        })
        .collect()
}

struct Reader {
    driver: Driver,
    terminal: Terminal,
    _dir: tempfile::TempDir,
    dir: std::path::PathBuf,
}

impl Reader {
    fn new(w: u16, h: u16, yank_file: bool) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_path_buf();
        let doc = document::load("memo", memcon::BUNDLED.as_bytes()).unwrap();
        let store = BookmarkStore::open(StorePaths::in_dir(path.join("data")));
        let link = StoreLink::new(Ok(store), Some(path.join("memo.txt")));
        let mut driver = Driver::new(App::new(doc, (w, h)), link, None);
        let terminal = Terminal::default();
        let file = yank_file.then(|| path.join("yanks.md"));
        driver.set_clipboard(Clipboard::new(true, file).with_terminal(Box::new(terminal.clone())));
        driver.handle(Action::Resize(w, h));
        Self {
            driver,
            terminal,
            _dir: dir,
            dir: path,
        }
    }

    fn press(&mut self, actions: &[Action]) {
        for a in actions {
            self.driver.handle(*a);
        }
    }

    fn app(&self) -> &App {
        self.driver.app()
    }

    fn goto(&mut self, para: usize) {
        let block = self.app().view().paragraphs().block_of(para).unwrap();
        self.driver.app_mut().jump_to(Location::new(block, 0));
    }
}

const P1: &str = "One side light on Soong's talk with Stalin July 2 was that Stalin thought the \
                  ports would make large profits. Soong tried to explain to Stalin that port \
                  facilities were usually operated on a cost basis.";
const CITATION_2: &str = "\"Memorandum of Conversation between Averell Harriman and T. V. \
                          Soong, 'Far Eastern Conversations with Generalissimo Stalin'\", July \
                          3, 1945, Wilson Center Digital Archive, W. A. Harriman Papers, \
                          Library of Congress, ¶ 2. \
                          https://wilson-center-digital-archive.dvincitest.com/document/123408";

#[test]
fn y_copies_the_paragraph_being_read_and_capital_y_adds_the_citation() {
    let mut r = Reader::new(100, 30, false);
    r.goto(1);
    r.press(&[Action::Yank]);
    assert_eq!(r.terminal.clipboard(), [P1]);
    assert_eq!(r.app().message(), Some("copied ¶ 1 (202 chars)"));

    r.goto(2);
    r.press(&[Action::YankCited]);
    let text = &r.terminal.clipboard()[1];
    let (passage, citation) = text.split_once("\n\n").unwrap();
    assert!(passage.starts_with("Soong got the impression that Stalin did not place"));
    assert!(passage.ends_with("Stalin wants naval facilities at Dairen [Dalian]."));
    let today = memcon::bookmarks::Timestamp::now().date();
    assert_eq!(citation, format!("{CITATION_2} (accessed {today})."));
    let chars = text.chars().count();
    assert_eq!(
        r.app().message(),
        Some(format!("copied ¶ 2 with citation ({chars} chars)").as_str())
    );
}

#[test]
fn a_selection_by_sentence_spans_paragraphs_and_is_cited_by_their_numbers() {
    let mut r = Reader::new(100, 30, true);
    r.goto(2);
    // The last sentence of ¶2, then on into ¶3 by one sentence.
    r.press(&[Action::StartSelection, Action::SelectNextParagraph]);
    let sel = *r.app().selection().unwrap();
    let (first, last) = sel.span();
    assert_eq!((first.block, first.start), (sel.anchor.block, 0));
    assert!(r.app().doc().text(last).starts_with("Stalin wants naval"));
    r.press(&[Action::SelectNext, Action::SelectNext, Action::SelectPrev]);
    r.press(&[Action::YankCited]);
    assert!(r.app().selection().is_none(), "copying ends the selection");
    let text = r.terminal.clipboard().pop().unwrap();
    // Whole sentences: ¶2 whole, a blank line, ¶3's first sentence, then the citation.
    let parts: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(parts.len(), 3, "{text}");
    assert!(parts[0].starts_with("Soong got the impression that Stalin did not place"));
    assert!(parts[0].ends_with("Dairen [Dalian]."));
    assert_eq!(
        parts[1],
        "Soong got the impression that Outer Mongolia was the most important question in \
         Stalin's mind."
    );
    assert!(
        parts[2].contains("Library of Congress, ¶¶ 2–3. https://"),
        "{}",
        parts[2]
    );
    // The yank file got the same text and a blank line.
    let file = std::fs::read_to_string(r.dir.join("yanks.md")).unwrap();
    assert_eq!(file, format!("{text}\n\n"));
    let msg = r.app().message().unwrap();
    assert!(
        msg.starts_with("copied ¶¶ 2–3 with citation (") && msg.contains("; appended to"),
        "{msg}"
    );
}

#[test]
fn selecting_shows_on_screen_and_follows_the_sentence() {
    let mut r = Reader::new(40, 12, false);
    r.goto(1);
    r.press(&[Action::StartSelection]);
    assert!(
        r.app()
            .message()
            .unwrap()
            .starts_with("selecting by sentence")
    );
    // At 40×12 the body shows a few rows: walking to the end keeps the sentence on screen.
    for _ in 0..12 {
        r.press(&[Action::SelectNext]);
        let head = r.app().selection().unwrap().head;
        assert!(r.app().view().on_screen(head.location()));
    }
    r.press(&[Action::CancelSelection]);
    assert!(r.app().selection().is_none());
    assert!(r.terminal.clipboard().is_empty());
}

#[test]
fn the_bookmarks_list_writes_its_markdown_to_a_new_file() {
    let mut r = Reader::new(100, 30, false);
    r.goto(2);
    r.press(&[Action::AddBookmark, Action::InputConfirm]);
    r.press(&[Action::OpenBookmarks, Action::WriteBookmarks]);
    let name = r.app().input().unwrap().text.clone();
    assert_eq!(name, "memo-bookmarks.md");
    let target = r.dir.join("notes.md");
    std::fs::write(&target, "my earlier notes\n").unwrap();
    r.press(&[Action::InputClear]);
    for c in target.to_str().unwrap().chars() {
        r.press(&[Action::InputChar(c)]);
    }
    r.press(&[Action::InputConfirm]);
    let written = r.dir.join("notes-2.md");
    assert_eq!(
        r.app().message(),
        Some(format!("wrote 1 bookmark to {}", written.display()).as_str())
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "my earlier notes\n",
        "an existing file is never overwritten"
    );
    let md = std::fs::read_to_string(&written).unwrap();
    assert!(md.contains("### Paragraph 2"), "{md}");
    assert!(md.contains("Library of Congress, ¶ 2. https://"), "{md}");
}

#[test]
fn the_terminal_receives_osc52_from_the_real_binary() {
    let mut s = Session::start(&[], &[], 100, 30);
    s.wait_text("┌ Text ");
    s.send(":1\r");
    s.wait_for("¶ 1", |sc| sc.contents().contains("¶ 1/4"));
    s.send("Y");
    s.wait_for("the copy", |sc| {
        sc.contents().contains("copied ¶ 1 with citation")
    });
    let texts = osc52_texts(&s.raw_output());
    assert_eq!(texts.len(), 1);
    let (passage, citation) = texts[0].split_once("\n\n").unwrap();
    assert_eq!(passage, P1);
    assert!(
        citation.contains("Library of Congress, ¶ 1. https://"),
        "{citation}"
    );
    s.send("q");
    s.wait_exit();
    s.assert_restored();
}

#[test]
fn tmux_with_set_clipboard_on_keeps_the_passage_and_the_citation() {
    let tmux_ok = std::process::Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !tmux_ok {
        println!("tmux is not installed: the OSC 52 test in a real tmux is skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("tmux.sock");
    let tmux = |args: &[&str]| {
        std::process::Command::new("tmux")
            .arg("-S")
            .arg(&socket)
            .args(["-f", "/dev/null"])
            .args(args)
            .output()
            .unwrap()
    };
    let cmd = format!(
        "MEMCON_DATA_DIR={d} MEMCON_CONFIG_DIR={d}/config {bin}",
        d = dir.path().display(),
        bin = env!("CARGO_BIN_EXE_memcon")
    );
    let started = tmux(&[
        "new-session",
        "-d",
        "-s",
        "yank",
        "-x",
        "100",
        "-y",
        "30",
        &cmd,
    ]);
    assert!(started.status.success(), "{started:?}");
    tmux(&["set", "-g", "set-clipboard", "on"]);
    let wait = |what: &str, pred: &dyn Fn() -> bool| {
        let start = Instant::now();
        while !pred() {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "timed out: {what}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    let pane = || {
        String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "yank"]).stdout).into_owned()
    };
    wait("the reader", &|| pane().contains("┌ Text "));
    tmux(&["send-keys", "-t", "yank", ":2", "Enter", "Y"]);
    wait("the copy", &|| pane().contains("copied ¶ 2 with citation"));
    let buffer = String::from_utf8_lossy(&tmux(&["show-buffer"]).stdout).into_owned();
    tmux(&["kill-server"]);
    assert!(
        buffer.starts_with("Soong got the impression that Stalin did not place great"),
        "{buffer}"
    );
    assert!(buffer.contains(CITATION_2), "{buffer}");
}
