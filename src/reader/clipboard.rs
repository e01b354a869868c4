//! Where yanks go: the terminal's clipboard through OSC 52, and a notes file.
//!
//! OSC 52 (`ESC ] 52 ; c ; <base64> BEL`) asks the terminal to set its clipboard; it works
//! over ssh, and inside tmux with `set-clipboard on`. Only memcon writes it: the payload is
//! base64, so no byte of a document reaches the terminal as a control sequence (document
//! text is sanitised at load besides). Terminals cap the sequence (xterm, hterm and others
//! near 100 000 bytes), so a payload longer than [`OSC52_LIMIT`] is not sent at all — a cut
//! passage would be a wrong quote — and the status line says so. A yank file, when set
//! (`--yank-to FILE`, `yank_file` in config.toml), gets every yank appended, with a blank
//! line after it, whatever its length: for terminals without OSC 52.

use base64::Engine as _;
use std::io::Write;
use std::path::PathBuf;

/// The longest base64 payload sent in one OSC 52 sequence (about 75 000 bytes of text).
pub const OSC52_LIMIT: usize = 100_000;

/// Where a yank is put.
pub struct Clipboard {
    /// Send OSC 52 to the terminal.
    osc52: bool,
    /// Append yanks here.
    file: Option<PathBuf>,
    /// The terminal (standard output in the reader; a buffer in tests).
    terminal: Box<dyn Write + Send>,
}

impl std::fmt::Debug for Clipboard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Clipboard")
            .field("osc52", &self.osc52)
            .field("file", &self.file)
            .finish()
    }
}

impl Default for Clipboard {
    fn default() -> Self {
        Self::new(true, None)
    }
}

impl Clipboard {
    /// OSC 52 to standard output when `osc52`, and appending to `file` when given.
    pub fn new(osc52: bool, file: Option<PathBuf>) -> Self {
        Self {
            osc52,
            file,
            terminal: Box::new(std::io::stdout()),
        }
    }

    /// Send OSC 52 to `terminal` instead of standard output (for tests).
    pub fn with_terminal(mut self, terminal: Box<dyn Write + Send>) -> Self {
        self.terminal = terminal;
        self
    }

    /// Put `text` on the clipboard and in the yank file. Returns what to tell the user,
    /// given `what` was copied (`¶ 3 with citation`).
    pub fn put(&mut self, text: &str, what: &str) -> String {
        let chars = text.chars().count();
        let mut said = Vec::new();
        let mut copied = false;
        if self.osc52 {
            let payload = base64::engine::general_purpose::STANDARD.encode(text);
            if payload.len() > OSC52_LIMIT {
                said.push(format!(
                    "{what} is {chars} chars: too long for the terminal's clipboard (about {} \
                     at most), not copied",
                    OSC52_LIMIT / 4 * 3
                ));
            } else {
                let seq = format!("\x1b]52;c;{payload}\x07");
                match self
                    .terminal
                    .write_all(seq.as_bytes())
                    .and_then(|()| self.terminal.flush())
                {
                    Ok(()) => {
                        copied = true;
                        said.push(format!("copied {what} ({chars} chars)"));
                    }
                    Err(e) => said.push(format!("not copied: {e}")),
                }
            }
        }
        if let Some(path) = &self.file {
            match append(path, text) {
                Ok(()) if copied => said.push(format!("appended to {}", path.display())),
                Ok(()) => said.push(format!(
                    "appended {what} ({chars} chars) to {}",
                    path.display()
                )),
                Err(e) => said.push(format!("not appended to {}: {e}", path.display())),
            }
        } else if !self.osc52 {
            said.push(
                "nothing copied: OSC 52 is off and there is no yank file (--yank-to FILE or \
                 yank_file in config.toml)"
                    .into(),
            );
        }
        said.join("; ")
    }
}

/// Append `text` and a blank line to `path`, creating it if needed; never truncating.
fn append(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    f.write_all(format!("{text}\n\n").as_bytes())?;
    f.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// A terminal that keeps what it is sent.
    #[derive(Clone, Default)]
    struct Screen(Arc<Mutex<Vec<u8>>>);

    impl Write for Screen {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn osc52_carries_the_text_in_base64_and_the_file_gets_it_too() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("notes.md");
        std::fs::write(&file, "earlier notes\n").unwrap();
        let screen = Screen::default();
        let mut c =
            Clipboard::new(true, Some(file.clone())).with_terminal(Box::new(screen.clone()));
        let said = c.put("Dairen [Dalian].\u{1b}]0;x", "¶ 2");
        assert!(
            said.starts_with("copied ¶ 2 (21 chars); appended to"),
            "{said}"
        );
        let sent = String::from_utf8(screen.0.lock().unwrap().clone()).unwrap();
        let payload = sent
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .unwrap();
        assert!(
            payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
        let back = base64::engine::general_purpose::STANDARD
            .decode(payload)
            .unwrap();
        assert_eq!(back, "Dairen [Dalian].\u{1b}]0;x".as_bytes());
        let notes = std::fs::read_to_string(&file).unwrap();
        assert_eq!(notes, "earlier notes\nDairen [Dalian].\u{1b}]0;x\n\n");
    }

    #[test]
    fn past_the_limit_nothing_is_sent_but_the_file_still_gets_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("notes.md");
        let screen = Screen::default();
        let mut c =
            Clipboard::new(true, Some(file.clone())).with_terminal(Box::new(screen.clone()));
        let long = "word ".repeat(20_000);
        let said = c.put(&long, "¶¶ 1–40");
        assert!(
            said.contains("too long for the terminal's clipboard"),
            "{said}"
        );
        assert!(
            said.contains("appended ¶¶ 1–40 (100000 chars) to"),
            "{said}"
        );
        assert!(screen.0.lock().unwrap().is_empty());
        assert_eq!(std::fs::read_to_string(&file).unwrap().len(), 100_002);
        let mut off = Clipboard::new(false, None).with_terminal(Box::new(screen.clone()));
        assert!(off.put("x", "¶ 1").starts_with("nothing copied"));
        assert!(screen.0.lock().unwrap().is_empty());
    }
}
