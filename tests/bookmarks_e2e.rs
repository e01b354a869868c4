//! Bookmarks across two runs of the real reader in a pseudo-terminal: open, `m`, a note, quit,
//! reopen → the gutter marker and the list show the bookmark and the position is restored.
//! Every wait polls the screen until a deadline (never sleep-then-assert).

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(20);
const COLS: u16 = 100;
const ROWS: u16 = 30;

struct Reader {
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    pump: Option<JoinHandle<()>>,
}

impl Reader {
    fn start(doc: &Path, data: &Path) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_memcon"));
        cmd.arg(doc);
        cmd.env("TERM", "xterm-256color");
        cmd.env("MEMCON_DATA_DIR", data);
        let home = data.parent().unwrap();
        cmd.env("HOME", home);
        cmd.cwd(home);
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(ROWS), size(COLS), 0)));
        let mut out = pair.master.try_clone_reader().unwrap();
        let s = Arc::clone(&screen);
        let pump = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Linux reports EIO rather than EOF once the child is gone.
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Self {
            child,
            _master: pair.master,
            writer,
            screen,
            pump: Some(pump),
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn row(&self, row: u16) -> String {
        let p = self.screen.lock().unwrap();
        p.screen().contents_between(row, 0, row, COLS)
    }

    fn wait_for(&self, what: &str, pred: impl Fn(&Self) -> bool) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if pred(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("timed out waiting for {what}; screen:\n{}", self.contents());
    }

    fn wait_text(&self, text: &str) {
        self.wait_for(&format!("{text:?}"), |r| r.contents().contains(text));
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn quit(mut self) {
        self.send("q");
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(
                    status.success(),
                    "memcon failed; screen:\n{}",
                    self.contents()
                );
                break;
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("memcon did not quit; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        if let Some(p) = self.pump.take() {
            p.join().unwrap();
        }
    }
}

/// The body row (screen row) that shows `text`, if any.
fn row_of(r: &Reader, text: &str) -> Option<u16> {
    (0..ROWS).find(|&y| r.row(y).contains(text))
}

#[test]
fn a_bookmark_and_the_reading_position_survive_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("memo.txt");
    std::fs::write(&doc, memcon::BUNDLED).unwrap();
    let data = dir.path().join("data");

    let mut first = Reader::start(&doc, &data);
    first.wait_text("Transcript");
    // Scroll so the memo header is at the top and the first paragraph just below it.
    first.send("jjjjjj");
    first.wait_for("the scroll", |r| {
        r.row(1).contains("Conversation July 3, 1945")
    });
    first.send("m");
    first.wait_text("note (");
    first.send("Port Arthur matters\r");
    first.wait_text("bookmark added at ¶ 1");
    first.quit();

    let mut again = Reader::start(&doc, &data);
    again.wait_text("back where you left off");
    // Same words at the top as when it quit.
    assert!(
        again.row(1).contains("Conversation July 3, 1945"),
        "{}",
        again.contents()
    );
    // The bookmarked paragraph carries the gutter marker.
    let y = row_of(&again, "One side light on Soong").expect("paragraph on screen");
    assert!(again.row(y).starts_with("│▌"), "{}", again.row(y));
    again.send("'");
    again.wait_text("Bookmarks (1)");
    let screen = again.contents();
    assert!(screen.contains("¶ 1"), "{screen}");
    assert!(screen.contains("“One side light on Soong"), "{screen}");
    assert!(screen.contains("note: Port Arthur matters"), "{screen}");
    again.send("q"); // closes the list
    again.wait_for("the list to close", |r| {
        !r.contents().contains("Bookmarks (1)")
    });
    again.quit();
}
