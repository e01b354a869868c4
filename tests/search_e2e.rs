//! The real binary in a pseudo-terminal: `/Dairen`, Enter, `n`, and what a person sees — the
//! counter in the status line and the current match highlighted in the text.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const ROWS: u16 = 30;
const COLS: u16 = 100;
/// Background of the current match in the colour theme (`LightRed`, index 9).
const CURRENT_BG: vt100::Color = vt100::Color::Idx(9);

const MEMO: &str = "Memcon A. Harriman - Soong

TOP SECRET

Moscow

Stalin wants naval facilities at Dairen [Dalian].

Soong said that Dairen should be a free port under Chinese administration.

Stalin answered that the railway to Dairen must stay in Soviet hands.

WAH
";

struct Session {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// Held so the terminal stays open until the session ends.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    /// Start memcon on `file`, keeping whatever it saves inside `data`.
    fn start(file: &std::path::Path, data: &std::path::Path) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_memcon"));
        cmd.arg(file);
        cmd.env("TERM", "xterm-256color");
        cmd.env("MEMCON_DATA_DIR", data);
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("start memcon");
        // Keeping the slave open would keep the master from seeing the child leave.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // On Linux the read fails with EIO once the child has gone: that ends the thread.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Self {
            _master: pair.master,
            parser: vt100::Parser::new(nz(ROWS), nz(COLS), 0),
            output,
            writer,
            child,
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("send keys");
        self.writer.flush().expect("flush keys");
    }

    /// Read output until `done` holds for the screen, or fail after a deadline.
    fn wait_for(&mut self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !done(self.parser.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for {what}; screen:\n{}",
                self.parser.screen().contents()
            );
            if let Ok(bytes) = self
                .output
                .recv_timeout(left.min(Duration::from_millis(50)))
            {
                self.parser.process(&bytes);
            }
        }
    }

    fn wait_for_text(&mut self, text: &str) {
        self.wait_for(text, |s| s.contents().contains(text));
    }
}

/// The text of the cells drawn with the current match's background, row by row.
fn current_match_text(screen: &vt100::Screen) -> Vec<(u16, String)> {
    let mut out = Vec::new();
    for row in 0..ROWS {
        let mut text = String::new();
        for col in 0..COLS {
            if let Some(cell) = screen.cell(row, col)
                && cell.bgcolor() == CURRENT_BG
            {
                text.push_str(cell.contents());
            }
        }
        if !text.is_empty() {
            out.push((row, text));
        }
    }
    out
}

fn row_text(screen: &vt100::Screen, row: u16) -> String {
    screen
        .rows(0, COLS)
        .nth(usize::from(row))
        .unwrap_or_default()
}

#[test]
fn slash_dairen_enter_n_shows_the_counter_and_the_highlighted_match() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("memo.txt");
    std::fs::write(&file, MEMO).unwrap();
    let mut s = Session::start(&file, dir.path());
    s.wait_for_text("Text  ¶ ");

    s.send("/Dairen");
    s.wait_for_text("/Dairen");
    s.wait_for("the first match highlighted while typing", |screen| {
        current_match_text(screen)
            .iter()
            .any(|(_, t)| t == "Dairen")
    });

    s.send("\r");
    s.wait_for_text("match 1 of 3 · Dairen");
    let first = current_match_text(s.parser.screen());
    assert_eq!(first.len(), 1, "{first:?}");
    let row = row_text(s.parser.screen(), first[0].0);
    assert!(
        row.contains("Stalin wants naval facilities at Dairen"),
        "{row}"
    );

    s.send("n");
    s.wait_for_text("match 2 of 3 · Dairen");
    let second = current_match_text(s.parser.screen());
    assert_eq!(second.len(), 1, "{second:?}");
    assert_eq!(second[0].1, "Dairen");
    let row = row_text(s.parser.screen(), second[0].0);
    assert!(row.contains("Soong said that Dairen"), "{row}");

    s.send("q");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = s.child.try_wait().expect("child status") {
            assert!(status.success(), "{status:?}");
            break;
        }
        assert!(Instant::now() < deadline, "memcon did not quit");
        // Drain output so the child never blocks writing its last frame.
        let _ = s.output.recv_timeout(Duration::from_millis(50));
    }
}

fn nz(n: u16) -> std::num::NonZero<u16> {
    std::num::NonZero::new(n).expect("a screen has rows and columns")
}
