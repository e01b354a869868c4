//! `memcon bookmarks list|add|export`, and the bookmarks of `memcon export`.

use super::{open, warn};
use crate::bookmarks::report::Reference;
use crate::bookmarks::{
    Bookmark, BookmarkStore, DocRef, NOTE_MAX_CHARS, ParagraphIndex, Placed, Timestamp,
    mark_paragraph, place_all, report,
};
use crate::cli::{BookmarksCommand, ExportFormat};
use crate::document::sanitize::escape_json;
use crate::document::{Document, Location};
use crate::paths::Dirs;
use crate::source::Limits;
use std::path::Path;

/// `memcon bookmarks ...`: run the command and print its output.
pub fn main(
    cmd: &BookmarksCommand,
    dirs: &Dirs,
    limits: &Limits,
) -> Result<std::process::ExitCode, String> {
    let out = run(cmd, dirs, limits)?;
    super::print(&out)
}

/// Run one bookmarks command; returns what to print on standard output. Notices (a file set
/// aside, a newer schema) go to standard error as they come.
pub fn run(cmd: &BookmarksCommand, dirs: &Dirs, limits: &Limits) -> Result<String, String> {
    let mut store = open_store(dirs)?;
    let out = match cmd {
        BookmarksCommand::List { file } => {
            let now = Timestamp::now();
            with_groups(&store, file.as_deref(), limits, |g| report::list(g, now))
        }
        BookmarksCommand::Export { file, format } => {
            let today = Timestamp::now().date();
            with_groups(&store, file.as_deref(), limits, |g| match format {
                ExportFormat::Markdown => report::markdown(g),
                // Escapes for what a terminal would act on (a note from an old file).
                ExportFormat::Json => escape_json(&report::json(g)).into_owned(),
                ExportFormat::Bibtex => report::references(g, Reference::Bibtex, &today),
                ExportFormat::CslJson => report::references(g, Reference::CslJson, &today),
                ExportFormat::Ris => report::references(g, Reference::Ris, &today),
            })
        }
        BookmarksCommand::Add {
            file,
            paragraph,
            note,
        } => add(&mut store, file, *paragraph, note.clone(), limits),
    };
    // Also when the command failed: a file may have been set aside on the way.
    for n in store.take_notices() {
        warn(&n);
    }
    out
}

/// Open the store and print its notices; refuse when the file is from a newer memcon.
pub fn open_store(dirs: &Dirs) -> Result<BookmarkStore, String> {
    let mut store = BookmarkStore::open(dirs.store()?);
    for n in store.take_notices() {
        warn(&n);
    }
    Ok(store)
}

fn with_groups(
    store: &BookmarkStore,
    file: Option<&Path>,
    limits: &Limits,
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
        None => {
            let saved = report::for_saved(store.all());
            let at_hand: Vec<Option<(Document, Vec<Placed>)>> = saved
                .iter()
                .map(|g| at_hand(store, g.document, limits))
                .collect();
            let groups: Vec<report::Group<'_>> = saved
                .into_iter()
                .zip(&at_hand)
                .map(|(g, found)| match found {
                    Some((doc, placed)) => report::placed_group(doc, g.document, placed),
                    None => g,
                })
                .collect();
            Ok(show(&groups))
        }
        Some(path) => {
            let doc = open(Some(path), limits)?;
            let docref = DocRef::of(&doc, Some(path));
            let placed = place_all(
                &doc,
                &ParagraphIndex::new(&doc),
                store.for_document(&docref),
            );
            Ok(show(&report::for_placed(&doc, &docref, &placed)))
        }
    }
}

/// The document a group of bookmarks belongs to, read again from its last path, with the
/// bookmarks placed in it; `None` when it is not there (or is another document now).
fn at_hand(
    store: &BookmarkStore,
    docref: &DocRef,
    limits: &Limits,
) -> Option<(Document, Vec<Placed>)> {
    let path = Path::new(docref.path.as_deref()?);
    if !path.is_file() {
        return None;
    }
    let doc = open(Some(path), limits).ok()?;
    if !DocRef::of(&doc, Some(path)).same_document(docref) {
        return None;
    }
    let placed = place_all(&doc, &ParagraphIndex::new(&doc), store.for_document(docref));
    Some((doc, placed))
}

fn add(
    store: &mut BookmarkStore,
    file: &Path,
    paragraph: usize,
    note: Option<String>,
    limits: &Limits,
) -> Result<String, String> {
    if let Some(n) = note.as_deref().map(|n| n.chars().count())
        && n > NOTE_MAX_CHARS
    {
        return Err(format!(
            "the note is {n} characters long; a note holds at most {NOTE_MAX_CHARS}"
        ));
    }
    let doc = open(Some(file), limits)?;
    let paragraphs = ParagraphIndex::new(&doc);
    let block = paragraphs.block_of(paragraph).ok_or_else(|| {
        format!(
            "{}: there is no paragraph {paragraph} (the document has {} paragraphs)",
            file.display(),
            paragraphs.count()
        )
    })?;
    let docref = DocRef::of(&doc, Some(file));
    let anchor = mark_paragraph(&doc, &paragraphs, Location::new(block, 0));
    let bookmark = Bookmark::new(docref.clone(), anchor, note);
    let id = bookmark.id.clone();
    store.document_seen(&docref);
    if let Err(e) = store.add(bookmark) {
        // Not lost: the bookmark goes to a fallback file, and the exit status says it was
        // not saved.
        warn(&e.to_string());
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
pub fn for_export(doc: &Document, path: Option<&Path>, dirs: &Dirs) -> Vec<Placed> {
    let Ok(store) = open_store(dirs) else {
        return Vec::new();
    };
    if let Some(e) = store.read_only_reason() {
        warn(&e.to_string());
        return Vec::new();
    }
    if store.unreadable() {
        return Vec::new();
    }
    let docref = DocRef::of(doc, path);
    place_all(doc, &ParagraphIndex::new(doc), store.for_document(&docref))
}
