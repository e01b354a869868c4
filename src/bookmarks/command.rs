//! `memcon bookmarks list|add|export`.

use super::anchor::anchor_at;
use super::model::{Bookmark, DocRef, NOTE_MAX_CHARS};
use super::paragraphs::ParagraphIndex;
use super::placed::place_all;
use super::report;
use super::store::{BookmarkStore, StorePaths};
use super::time::Timestamp;
use crate::cli::{BookmarksCommand, ExportFormat};
use crate::document::{Document, Location};
use std::path::Path;

/// Loads a document by path (the caller knows how to report a bad file).
pub type Opener<'a> = &'a dyn Fn(&Path) -> Result<Document, String>;

/// `memcon bookmarks ...`: run the command and print its output (a closed pipe is not an
/// error).
pub fn main(
    cmd: &BookmarksCommand,
    data_dir: Option<&Path>,
    open: Opener,
) -> Result<std::process::ExitCode, String> {
    use std::io::Write;
    let out = run(cmd, data_dir, open)?;
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("standard output : {e}"))
        }
        _ => Ok(std::process::ExitCode::SUCCESS),
    }
}

/// Run one bookmarks command; returns what to print on standard output. Notices (a file set
/// aside, a newer schema) go to standard error as they come.
pub fn run(
    cmd: &BookmarksCommand,
    data_dir: Option<&Path>,
    open: Opener,
) -> Result<String, String> {
    let mut store = open_store(data_dir)?;
    let out = match cmd {
        BookmarksCommand::List { file } => {
            let now = Timestamp::now();
            with_groups(&store, file.as_deref(), open, |g| report::list(g, now))
        }
        BookmarksCommand::Export { file, format } => {
            with_groups(&store, file.as_deref(), open, |g| match format {
                ExportFormat::Markdown => report::markdown(g),
                ExportFormat::Json => report::json(g),
            })
        }
        BookmarksCommand::Add {
            file,
            paragraph,
            note,
        } => add(&mut store, file, *paragraph, note.clone(), open),
    };
    // Also when the command failed: a file may have been set aside on the way.
    for n in store.take_notices() {
        eprintln!("memcon: {n}");
    }
    out
}

/// Open the store and print its notices; refuse when the file is from a newer memcon.
pub fn open_store(data_dir: Option<&Path>) -> Result<BookmarkStore, String> {
    let mut store = BookmarkStore::open(StorePaths::resolve(data_dir)?);
    for n in store.take_notices() {
        eprintln!("memcon: {n}");
    }
    Ok(store)
}

fn with_groups(
    store: &BookmarkStore,
    file: Option<&Path>,
    open: Opener,
    show: impl Fn(&[report::Group<'_>]) -> String,
) -> Result<String, String> {
    if let Some(e) = store.read_only_reason() {
        return Err(e.to_string());
    }
    if store.unreadable() {
        return Err(format!(
            "no bookmarks to show: {} could not be read",
            store.bookmarks_path().display()
        ));
    }
    match file {
        None => Ok(show(&report::for_saved(store.all()))),
        Some(path) => {
            let doc = open(path)?;
            let docref = DocRef::of(&doc, Some(path));
            let placed = place_all(
                &doc,
                &ParagraphIndex::new(&doc),
                store.for_document(&docref),
            );
            Ok(show(&report::for_placed(&docref, &placed)))
        }
    }
}

fn add(
    store: &mut BookmarkStore,
    file: &Path,
    paragraph: usize,
    note: Option<String>,
    open: Opener,
) -> Result<String, String> {
    if let Some(n) = note.as_deref().map(|n| n.chars().count())
        && n > NOTE_MAX_CHARS
    {
        return Err(format!(
            "the note is {n} characters long; a note holds at most {NOTE_MAX_CHARS}"
        ));
    }
    let doc = open(file)?;
    let paragraphs = ParagraphIndex::new(&doc);
    let block = paragraphs.block_of(paragraph).ok_or_else(|| {
        format!(
            "{} : there is no paragraph {paragraph} (the document has {} paragraphs)",
            file.display(),
            paragraphs.count()
        )
    })?;
    let docref = DocRef::of(&doc, Some(file));
    let anchor = anchor_at(&doc, &paragraphs, Location::new(block, 0));
    let bookmark = Bookmark::new(docref.clone(), anchor, note);
    let id = bookmark.id.clone();
    store.document_seen(&docref);
    if let Err(e) = store.add(bookmark) {
        // Not lost: the bookmark goes to a fallback file, and the exit status says it was
        // not saved.
        eprintln!("memcon: {e}");
        return Err(match store.write_unsaved() {
            Ok(path) => format!("unsaved bookmarks written to {}", path.display()),
            Err(e) => e.to_string(),
        });
    }
    Ok(format!(
        "saved {id} at paragraph {paragraph} of {}\n",
        docref.label()
    ))
}

/// The bookmarks of `doc` for `memcon export` (empty when the store cannot be read).
pub fn for_export(
    doc: &Document,
    path: Option<&Path>,
    data_dir: Option<&Path>,
) -> Vec<super::Placed> {
    let Ok(store) = open_store(data_dir) else {
        return Vec::new();
    };
    if let Some(e) = store.read_only_reason() {
        eprintln!("memcon: {e}");
        return Vec::new();
    }
    if store.unreadable() {
        return Vec::new();
    }
    let docref = DocRef::of(doc, path);
    place_all(doc, &ParagraphIndex::new(doc), store.for_document(&docref))
}
