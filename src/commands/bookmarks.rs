//! `memcon bookmarks list|add|export`, and the bookmarks of `memcon export`.

use super::{open, warn};
use crate::bookmarks::{
    Bookmark, BookmarkStore, DocRef, ParagraphIndex, Placed, Timestamp, anchor_at, place_all,
    report,
};
use crate::cli::{BookmarksCommand, ExportFormat};
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
            with_groups(&store, file.as_deref(), limits, |g| report::list(g, now))?
        }
        BookmarksCommand::Export { file, format } => {
            with_groups(&store, file.as_deref(), limits, |g| match format {
                ExportFormat::Markdown => report::markdown(g),
                ExportFormat::Json => report::json(g),
            })?
        }
        BookmarksCommand::Add {
            file,
            paragraph,
            note,
        } => add(&mut store, file, *paragraph, note.clone(), limits)?,
    };
    for n in store.take_notices() {
        warn(&n);
    }
    Ok(out)
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
    match file {
        None => Ok(show(&report::for_saved(store.all()))),
        Some(path) => {
            let doc = open(Some(path), limits)?;
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
    limits: &Limits,
) -> Result<String, String> {
    let doc = open(Some(file), limits)?;
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
    store.add(bookmark).map_err(|e| e.to_string())?;
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
    let docref = DocRef::of(doc, path);
    place_all(doc, &ParagraphIndex::new(doc), store.for_document(&docref))
}
