//! Opening a big document without waiting for all of it: the first paragraphs are parsed
//! at once for the first screen while a thread parses the whole file; the reader swaps the
//! whole document in when it arrives (`crate::reader`, [`App::replace_document`](crate::app::App::replace_document)).
//!
//! Only the bytes are read up front, so every loading error (missing file, binary data) is
//! still reported before the terminal is touched; the background parse cannot fail.

use crate::document::{self, Document, LoadError};
use crate::entities::{Entity, UserAliases};
use std::sync::mpsc::{self, Receiver};

/// Files up to this size are parsed whole before the first screen.
pub const WHOLE_UP_TO: usize = 1 << 20;
/// About how much of a bigger file is parsed for the first screen.
pub const PREVIEW_BYTES: usize = 128 << 10;

/// Where to cut `bytes` for a preview: at a paragraph break (a blank line) after
/// [`PREVIEW_BYTES`], or `None` when the file is small enough to parse whole.
pub fn preview_cut(bytes: &[u8]) -> Option<usize> {
    if bytes.len() <= WHOLE_UP_TO {
        return None;
    }
    let from = PREVIEW_BYTES;
    let window = &bytes[from..bytes.len().min(from + WHOLE_UP_TO)];
    let para = window
        .windows(2)
        .position(|w| w == b"\n\n")
        .map(|i| i + 2)
        .or_else(|| {
            window
                .windows(3)
                .position(|w| w == b"\n\r\n")
                .map(|i| i + 3)
        });
    let line = || window.iter().position(|&b| b == b'\n').map(|i| i + 1);
    para.or_else(line).map(|i| from + i)
}

/// The whole document of a big file: bytes waiting to be parsed, then a parse running on
/// another thread.
pub struct Pending {
    state: State,
    /// The user's aliases, applied when the whole document's entities are extracted.
    aliases: UserAliases,
}

enum State {
    Waiting { source: String, bytes: Vec<u8> },
    Running(Receiver<(Document, Vec<Entity>)>),
    Done,
}

impl Pending {
    /// Apply the user's aliases to the whole document's entities.
    pub fn with_aliases(mut self, aliases: UserAliases) -> Self {
        self.aliases = aliases;
        self
    }

    /// Start parsing on another thread. The reader calls this after drawing the first screen,
    /// so the parse does not compete with it for a core.
    pub fn start(&mut self) {
        if !matches!(self.state, State::Waiting { .. }) {
            return;
        }
        let State::Waiting { source, bytes } = std::mem::replace(&mut self.state, State::Done)
        else {
            return;
        };
        let (tx, rx) = mpsc::channel();
        let aliases = std::mem::take(&mut self.aliases);
        std::thread::spawn(move || {
            // `open` refused NUL bytes, the only way `load` fails.
            if let Ok(doc) = document::load_owned(&source, bytes) {
                // Extraction takes as long as parsing on a big file: it runs here too, so the
                // reader never waits for it.
                let entities = crate::entities::extract_with_user(&doc, &aliases);
                let _ = tx.send((doc, entities));
            }
        });
        self.state = State::Running(rx);
    }

    /// The whole document, once it is ready (never blocks; starts the parse if needed).
    pub fn try_take(&mut self) -> Option<(Document, Vec<Entity>)> {
        self.start();
        match &self.state {
            State::Running(rx) => {
                let doc = rx.try_recv().ok()?;
                self.state = State::Done;
                Some(doc)
            }
            _ => None,
        }
    }
}

/// What to show first, and the whole document still coming when there is one.
pub struct Opened {
    pub doc: Document,
    pub pending: Option<Pending>,
}

/// Load `bytes` for reading: whole when small, else a preview now and the rest in the
/// background. Refuses binary data before anything is parsed.
pub fn open(source: &str, bytes: Vec<u8>) -> Result<Opened, LoadError> {
    let Some(cut) = preview_cut(&bytes) else {
        return Ok(Opened {
            doc: document::load_owned(source, bytes)?,
            pending: None,
        });
    };
    if bytes.contains(&0) {
        return Err(LoadError::Binary);
    }
    let doc = document::load(source, &bytes[..cut])?;
    let state = State::Waiting {
        source: source.to_string(),
        bytes,
    };
    Ok(Opened {
        doc,
        pending: Some(Pending {
            state,
            aliases: UserAliases::default(),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_files_are_not_cut() {
        assert_eq!(preview_cut(&vec![b'a'; WHOLE_UP_TO]), None);
    }

    #[test]
    fn big_files_are_cut_after_a_blank_line() {
        let mut bytes = vec![b'a'; PREVIEW_BYTES + 10];
        bytes.extend_from_slice(b"\n\nnext paragraph");
        bytes.resize(WHOLE_UP_TO * 2, b'b');
        let cut = preview_cut(&bytes).unwrap();
        assert_eq!(&bytes[cut - 1..cut + 4], b"\nnext");
    }

    #[test]
    fn the_whole_document_arrives_and_binary_is_refused_up_front() {
        let para = "A paragraph about Dairen and Port Arthur.\n\n";
        let text = para.repeat(WHOLE_UP_TO / para.len() + 1000);
        let opened = open("big", text.clone().into_bytes()).unwrap();
        assert!(opened.doc.blocks.len() < 10_000);
        let mut pending = opened.pending.expect("a big file loads in the background");
        let whole = loop {
            if let Some((d, _)) = pending.try_take() {
                break d;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert!(whole.blocks.len() > opened.doc.blocks.len());
        let mut binary = text.into_bytes();
        binary[WHOLE_UP_TO + 5] = 0;
        assert!(matches!(open("bin", binary), Err(LoadError::Binary)));
    }
}
