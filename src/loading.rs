//! Opening a document without waiting for all of it.
//!
//! A small file is read and parsed whole before the first screen. Of a bigger one only the
//! head is read (a bounded read, whatever the file's size), cut at a paragraph, line,
//! sentence or word boundary and parsed for the first screen; a worker thread then reads the
//! rest, checks it, parses the whole document and finds its entities. The reader swaps the
//! whole document in when it arrives and the entities after it (`crate::reader`,
//! [`App::replace_document`](crate::app::App::replace_document)).
//!
//! The worker's jobs run inside [`contain::run`]: a panic there becomes a [`Failure`] the
//! reader shows, and a worker that vanishes without a word is reported as one too, never
//! taken for "not ready yet".

use crate::app::EntityIndex;
use crate::contain::{self, Failure};
use crate::document::{self, Document, LoadError};
use crate::entities::UserAliases;
use crate::source;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// Files up to this size are read and parsed whole before the first screen.
pub const WHOLE_UP_TO: u64 = 128 << 10;
/// How much of a bigger file is read for its first screen.
pub const HEAD_BYTES: u64 = 128 << 10;

/// What to show first, and the rest of the document still coming when there is one.
pub struct Opened {
    pub doc: Document,
    pub pending: Option<Pending>,
}

/// Open `file` for reading: whole when small, else its head now and the rest in the
/// background. Refuses binary data in what it reads now.
pub fn open(mut file: source::Opened) -> Result<Opened, String> {
    let shown = file.shown.clone();
    let fail = |e: String| format!("{shown}: {e}");
    if file.len <= WHOLE_UP_TO {
        let bytes = file
            .read_up_to(file.len)
            .map_err(|e| fail(source::io_reason(&e)))?;
        let doc = document::load_owned(&shown, bytes).map_err(|e| fail(e.to_string()))?;
        return Ok(Opened { doc, pending: None });
    }
    let head = file
        .read_up_to(HEAD_BYTES)
        .map_err(|e| fail(source::io_reason(&e)))?;
    let doc = preview(&shown, &head).map_err(|e| fail(e.to_string()))?;
    Ok(Opened {
        doc,
        pending: Some(Pending {
            state: State::Waiting { file, head },
            aliases: UserAliases::default(),
        }),
    })
}

/// The first part of a document from the head of its file: cut where the text allows (see
/// [`preview_cut`]) and parsed. Every head has a preview, also one without a line break.
pub fn preview(source: &str, head: &[u8]) -> Result<Document, LoadError> {
    let clean = document::sanitize::sanitize(whole_chars(head))?;
    let text = clean.text.get(..preview_cut(&clean.text)).unwrap_or("");
    Ok(Document::from_text(source, text))
}

/// The part of a head that decodes without a broken character at its end.
fn whole_chars(head: &[u8]) -> &[u8] {
    // UTF-16 (after a byte-order mark) is cut at a whole code unit.
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return head.get(..head.len() & !1).unwrap_or(head);
    }
    match std::str::from_utf8(head) {
        Ok(_) => head,
        // Only an incomplete character at the very end is cut; invalid bytes elsewhere are
        // the sanitiser's to replace.
        Err(e) if e.error_len().is_none() => head.get(..e.valid_up_to()).unwrap_or(head),
        Err(_) => {
            let keep = head.len().saturating_sub(3);
            let mut end = head.len();
            while end > keep && head.get(end - 1).is_some_and(|b| b & 0xC0 == 0x80) {
                end -= 1;
            }
            // `end` now sits on a lead byte or after an ASCII byte: drop a lead byte whose
            // continuation was cut off.
            if head.get(end.wrapping_sub(1)).is_some_and(|b| *b >= 0xC0) {
                end -= 1;
            }
            head.get(..end).unwrap_or(head)
        }
    }
}

/// Where to end a preview of `text` (the head of a longer text): the last paragraph break
/// in its second half, else the last line break there, else the last sentence end, else
/// the last space; all of it when none is found.
pub fn preview_cut(text: &str) -> usize {
    let half = text.len() / 2;
    let tail = |s: &str| text.get(half..).and_then(|t| t.rfind(s)).map(|i| half + i);
    if let Some(i) = tail("\n\n") {
        return i + 2;
    }
    if let Some(i) = tail("\n") {
        return i + 1;
    }
    for end in [". ", "? ", "! ", ".\u{201D} "] {
        if let Some(i) = tail(end) {
            return i + end.len();
        }
    }
    if let Some(i) = tail(" ") {
        return i + 1;
    }
    text.len()
}

/// Why the whole document is not available: the reader keeps showing the first part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unavailable {
    /// Binary data (NUL bytes) past the part already shown.
    Binary,
    /// Reading the rest of the file failed.
    Read(String),
    /// The job failed (a panic, logged) or vanished.
    Failed(Failure),
}

impl Unavailable {
    /// The status line's words for it.
    pub fn message(&self) -> String {
        match self {
            Unavailable::Binary => {
                "the rest of the file is binary (NUL bytes): showing its first part only".into()
            }
            Unavailable::Read(e) => {
                format!("reading the rest of the file failed ({e}): showing its first part only")
            }
            Unavailable::Failed(f) => format!("{}; showing its first part", f.message()),
        }
    }
}

/// What the worker sends, in this order.
#[derive(Debug)]
pub enum Arrival {
    /// The whole document (shared with the worker while it finds the entities).
    Document(Result<Arc<Document>, Unavailable>),
    /// The whole document's entities, indexed for the reader.
    Entities(Result<EntityIndex, Failure>),
}

/// The rest of a big file: its bytes waiting to be read, then a worker reading, parsing and
/// extracting.
pub struct Pending {
    state: State,
    /// The user's aliases, applied when the whole document's entities are extracted.
    aliases: UserAliases,
}

enum State {
    Waiting {
        file: source::Opened,
        head: Vec<u8>,
    },
    Running {
        rx: Receiver<Arrival>,
        /// Whether the document has arrived (what a vanished worker still owes).
        document: bool,
    },
    Done,
}

impl Pending {
    /// Apply the user's aliases to the whole document's entities.
    pub fn with_aliases(mut self, aliases: UserAliases) -> Self {
        self.aliases = aliases;
        self
    }

    /// Start the worker. The reader calls this after drawing the first screen, so the work
    /// does not compete with it for a core.
    pub fn start(&mut self) {
        if !matches!(self.state, State::Waiting { .. }) {
            return;
        }
        let State::Waiting { file, head } = std::mem::replace(&mut self.state, State::Done) else {
            return;
        };
        let (tx, rx) = mpsc::channel();
        let aliases = std::mem::take(&mut self.aliases);
        // Should the thread not start, its end of the channel is dropped with it and
        // `try_take` reports the work as failed.
        let _ = std::thread::Builder::new()
            .name("loader".into())
            .spawn(move || work(file, head, &aliases, &tx));
        self.state = State::Running {
            rx,
            document: false,
        };
    }

    /// The next thing the worker has sent, if any (never blocks; starts the worker if
    /// needed). A worker that is gone without sending everything is reported as failures.
    pub fn try_take(&mut self) -> Option<Arrival> {
        self.start();
        let State::Running { rx, document } = &mut self.state else {
            return None;
        };
        match rx.try_recv() {
            Ok(a) => {
                if matches!(a, Arrival::Document(_)) {
                    *document = true;
                }
                if matches!(a, Arrival::Entities(_) | Arrival::Document(Err(_))) {
                    self.state = State::Done;
                }
                Some(a)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                let owed = if *document {
                    self.state = State::Done;
                    Arrival::Entities(Err(Failure::vanished("entities")))
                } else {
                    self.state = State::Done;
                    let f = Failure::vanished("whole document");
                    Arrival::Document(Err(Unavailable::Failed(f)))
                };
                Some(owed)
            }
        }
    }

    /// Whether everything the worker owes has arrived.
    pub fn is_done(&self) -> bool {
        matches!(self.state, State::Done)
    }
}

/// The worker: read the rest, parse, send; then find the entities, send.
fn work(file: source::Opened, head: Vec<u8>, aliases: &UserAliases, tx: &mpsc::Sender<Arrival>) {
    lower_priority();
    let shown = file.shown.clone();
    let loaded = contain::run("whole document", || {
        contain::debug_fail("load");
        let bytes = file
            .read_rest(head)
            .map_err(|e| Unavailable::Read(source::io_reason(&e)))?;
        document::load_owned(&shown, bytes).map_err(|e| match e {
            LoadError::Binary => Unavailable::Binary,
        })
    });
    let doc = match loaded {
        Ok(Ok(doc)) => Arc::new(doc),
        Ok(Err(unavailable)) => {
            let _ = tx.send(Arrival::Document(Err(unavailable)));
            return;
        }
        Err(failure) => {
            let _ = tx.send(Arrival::Document(Err(Unavailable::Failed(failure))));
            return;
        }
    };
    if tx.send(Arrival::Document(Ok(Arc::clone(&doc)))).is_err() {
        return;
    }
    let entities = contain::run("entities", || {
        contain::debug_fail("entities");
        EntityIndex::build(crate::entities::extract_with_user(&doc, aliases), &doc)
    });
    drop(doc);
    let _ = tx.send(Arrival::Entities(entities));
}

/// Give the memory a big load freed back to the system. Reading, parsing and extracting a
/// large file allocate several times its size for a while (the file's bytes, the cleaned
/// text, candidate names); glibc keeps what is freed in its arenas, so without this the
/// reader would go on holding it.
pub fn give_back_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks and shrinks the allocator's own free lists; it takes
    // no pointers from us and is safe to call at any time from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// One allocator arena for the reader of one document. glibc gives a thread that allocates
/// while another does an arena of its own; the loader's would then hold the document amid
/// the freed remains of parsing and extraction, of which `malloc_trim` gives back less than
/// from the one arena (after a 100 MB file: 252 MB resident instead of 273, see
/// docs/performance.md). The reader's threads seldom allocate at once, so sharing costs no
/// measurable time. Call it before any thread starts.
pub fn one_arena() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; it takes no pointers and is made
    // before the reader starts any thread.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// Background work yields to the reader and to the terminal drawing it: on Linux, where a
/// thread has a priority of its own, the loader runs at nice 10. (Failing to lower it is
/// harmless.)
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 10);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_preview_ends_at_a_paragraph_a_line_a_sentence_or_a_word() {
        let para = "a b c\n\n".repeat(20);
        assert_eq!(&para[..preview_cut(&para)], para);
        let t = format!("{}half way\n\nmore text", "x".repeat(20));
        assert!(t[..preview_cut(&t)].ends_with("half way\n\n"));
        let t = format!("{}one line\nand a cut off li", "x".repeat(20));
        assert!(t[..preview_cut(&t)].ends_with("one line\n"));
        let t = format!("{} Said so. And then he wen", "x".repeat(20));
        assert!(t[..preview_cut(&t)].ends_with("Said so. "));
        let t = format!("{} no sentence ends here at al", "x".repeat(20));
        assert!(t[..preview_cut(&t)].ends_with("at "));
        let t = "y".repeat(50);
        assert_eq!(preview_cut(&t), 50);
    }

    #[test]
    fn a_head_cut_inside_a_character_loses_only_that_character() {
        let text = "Lüshunkou".as_bytes();
        let cut = &text[..2]; // "L" and half of "ü"
        assert_eq!(whole_chars(cut), b"L");
        assert_eq!(whole_chars(text), text);
        let bad = b"caf\xE9 au lait \xC3";
        assert_eq!(whole_chars(bad), b"caf\xE9 au lait ");
        assert_eq!(
            whole_chars(&[0xFF, 0xFE, b'a', 0, b'b']),
            &[0xFF, 0xFE, b'a', 0]
        );
    }

    #[test]
    fn one_line_without_a_break_still_has_a_preview() {
        // A title line, then a whole volume on one line (as a careless export leaves it).
        let text = format!(
            "A volume\n{}",
            "The Ambassador spoke of Dairen and Port Arthur. ".repeat(8000)
        );
        let doc = preview("one-line", &text.as_bytes()[..HEAD_BYTES as usize]).unwrap();
        let shown: usize = doc.blocks.iter().map(|b| b.text.len()).sum();
        assert!(shown > HEAD_BYTES as usize / 2, "{shown} bytes shown");
        let last = doc.blocks.last().unwrap();
        assert!(last.text.ends_with("Port Arthur."), "cut at a sentence end");
        // Not even a title line: the text is cut at a word all the same, and shown.
        let words = "word ".repeat(40_000);
        let doc = preview("no-break", &words.as_bytes()[..HEAD_BYTES as usize]).unwrap();
        let text = &doc.blocks.first().expect("a body").text;
        assert!(text.len() > HEAD_BYTES as usize / 2 && text.ends_with("word"));
    }

    fn write_file(text: &[u8]) -> (tempfile::TempDir, source::Opened) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.txt");
        std::fs::File::create(&path)
            .unwrap()
            .write_all(text)
            .unwrap();
        let opened = source::open(&path, 1 << 30).unwrap();
        (dir, opened)
    }

    fn arrivals(pending: &mut Pending) -> Vec<Arrival> {
        let mut out = Vec::new();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while !pending.is_done() && std::time::Instant::now() < deadline {
            match pending.try_take() {
                Some(a) => out.push(a),
                None => std::thread::sleep(std::time::Duration::from_millis(5)),
            }
        }
        out
    }

    #[test]
    fn the_whole_document_then_its_entities_arrive() {
        let para = "A paragraph about Dairen and Port Arthur.\n\n";
        let text = para.repeat(WHOLE_UP_TO as usize / para.len() * 4);
        let (_dir, file) = write_file(text.as_bytes());
        let opened = open(file).unwrap();
        let mut pending = opened.pending.expect("a big file loads in the background");
        let got = arrivals(&mut pending);
        let [
            Arrival::Document(Ok(whole)),
            Arrival::Entities(Ok(entities)),
        ] = &got[..]
        else {
            panic!("{got:?}");
        };
        assert!(whole.blocks.len() > opened.doc.blocks.len());
        assert!(entities.list().iter().any(|e| e.name == "Dairen"));
    }

    #[test]
    fn small_files_load_whole_and_binary_heads_are_refused_up_front() {
        let (_dir, file) = write_file(b"Title\n\nA short memo.\n");
        let opened = open(file).unwrap();
        assert!(opened.pending.is_none());
        assert_eq!(opened.doc.blocks.len(), 1);
        let mut binary = vec![b'a'; HEAD_BYTES as usize * 2];
        binary[10] = 0;
        let (_dir, file) = write_file(&binary);
        let e = open(file).err().expect("binary is refused");
        assert!(e.contains("binary"), "{e}");
    }

    #[test]
    fn binary_past_the_head_is_reported_and_the_preview_stays() {
        let prose = "Some prose here. ".repeat(HEAD_BYTES as usize / 8);
        let mut text = format!("Title\n\n{prose}").into_bytes();
        let at = text.len() - 10;
        text[at] = 0;
        let (_dir, file) = write_file(&text);
        let opened = open(file).unwrap();
        assert!(!opened.doc.blocks.is_empty());
        let got = arrivals(&mut opened.pending.unwrap());
        assert!(
            matches!(&got[..], [Arrival::Document(Err(Unavailable::Binary))]),
            "{got:?}"
        );
    }
}
