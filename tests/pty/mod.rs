//! Running the real binary in a pseudo-terminal and reading its screen with vt100.
//! Waits poll the screen until a condition holds or a deadline passes (never sleep-then-assert).
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap()
}

const DEADLINE: Duration = Duration::from_secs(60);

pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for checks on raw escape sequences.
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    /// Where the program keeps bookmarks and reading positions and reads its configuration,
    /// unless the test names a place: never the real home directory.
    _data: tempfile::TempDir,
}

impl Session {
    /// Start memcon with `args` and extra `env` at `cols`×`rows`.
    pub fn start(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_memcon"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("MEMCON_DEBUG_PANIC");
        let data = tempfile::tempdir().expect("a data directory");
        cmd.env("MEMCON_DATA_DIR", data.path());
        cmd.env("MEMCON_CONFIG_DIR", data.path().join("config"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn memcon");
        // Our copy of the slave must go, or reading the master never ends.
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        let handle = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Linux reports EIO, not EOF, once the child has gone.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .process(&buf[..n]);
                r.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Self {
            _data: data,
            child,
            master: pair.master,
            writer,
            parser,
            raw,
            reader: Some(handle),
        }
    }

    /// Run `f` on the current screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self
            .parser
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .screen())
    }

    pub fn contents(&self) -> String {
        self.with_screen(|s| s.contents())
    }

    /// Wait until `pred` holds for the screen; fail with the screen when it never does.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if self.with_screen(&pred) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("timed out waiting for {what}; screen:\n{}", self.contents());
    }

    /// Wait until the screen shows `text`.
    pub fn wait_text(&self, text: &str) {
        self.wait_for(&format!("{text:?}"), |s| s.contents().contains(text));
    }

    /// The last row (the status line).
    pub fn status(&self) -> String {
        self.with_screen(|s| {
            let (rows, _) = s.size();
            s.contents_between(rows.get() - 1, 0, rows.get() - 1, s.size().1.get())
        })
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .screen_mut()
            .set_size(nz(rows), nz(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("child pid") as i32
    }

    /// Wait for the child to exit (with a deadline) and for its last output to be read.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                break st;
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("memcon did not exit; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        if let Some(h) = self.reader.take() {
            h.join().unwrap();
        }
        status
    }

    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// True when the line discipline is back in cooked mode (canonical input and echo).
    pub fn cooked(&self) -> bool {
        let fd = self.master.as_raw_fd().expect("pty fd");
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: `fd` is the open master of our pty and `t` a valid termios to fill.
        let rc = unsafe { libc::tcgetattr(fd, &mut t) };
        assert_eq!(rc, 0, "tcgetattr failed");
        t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0
    }

    /// Assert the terminal was given back: main screen, cursor shown, mouse off, cooked mode.
    pub fn assert_restored(&self) {
        self.with_screen(|s| {
            assert!(!s.alternate_screen(), "still on the alternate screen");
            assert!(!s.hide_cursor(), "cursor still hidden");
            assert_eq!(
                s.mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "mouse capture still on"
            );
        });
        assert!(self.cooked(), "terminal left in raw mode");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}
