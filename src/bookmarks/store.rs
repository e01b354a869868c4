//! `BookmarkStore`: the only code that knows where bookmarks and reading positions live.
//!
//! Every change is saved at once: lock, re-read, merge, write atomically, unlock. A save that
//! fails (read-only or full disk) keeps the change in memory, returns a [`SaveError`] the UI
//! can show, and is tried again, with everything pending, on the next change. Nothing is lost
//! silently: [`BookmarkStore::unsaved_changes`] says whether changes are still pending and
//! [`BookmarkStore::write_unsaved`] writes them to a fallback file (for the reader on quit,
//! and for `memcon bookmarks add`).
//!
//! Opening the store reads and changes nothing on disk, so commands that only read
//! (`memcon export`, `memcon bookmarks list|export`) never rename or create a file.

use super::disk::{Read, Seen, Slot, create_private_dir, write_new};
use super::file::{BookmarkFile, PositionsFile};
use super::model::{Anchor, Bookmark, DocRef, Extra, clean_note};
use super::time::Timestamp;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

pub const BOOKMARKS_FILE: &str = "bookmarks.json";
pub const POSITIONS_FILE: &str = "positions.json";

/// Where the two files live (resolved by `crate::paths`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorePaths {
    /// Holds `bookmarks.json`.
    pub data_dir: PathBuf,
    /// Holds `positions.json`.
    pub state_dir: PathBuf,
}

impl StorePaths {
    /// Both files in `dir`.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        let dir = dir.into();
        Self {
            data_dir: dir.clone(),
            state_dir: dir,
        }
    }
}

/// Why a change was not written to disk. The change is kept in memory either way.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error(
        "{what} not saved: {} is from a newer memcon (schema {found}); running without saving",
        path.display()
    )]
    NewerSchema {
        what: &'static str,
        path: PathBuf,
        found: u64,
    },
    #[error("{what} not saved: {}: {reason}; will retry on the next change", path.display())]
    Io {
        what: &'static str,
        path: PathBuf,
        reason: String,
    },
    /// [`BookmarkStore::write_unsaved`] found nowhere to write.
    #[error(
        "unsaved bookmarks could not be written anywhere (tried {}): {reason}",
        tried_list(tried)
    )]
    NoFallback { tried: Vec<PathBuf>, reason: String },
}

fn tried_list(tried: &[PathBuf]) -> String {
    let dirs: Vec<String> = tried.iter().map(|d| d.display().to_string()).collect();
    dirs.join(", ")
}

/// Something the user should be told once (a file set aside, a newer schema).
pub type Notice = String;

/// A file's contents in memory, and whether it may be written.
#[derive(Debug)]
struct Kept<T> {
    slot: Slot,
    what: &'static str,
    data: T,
    /// Set when the file turned out to be from a newer memcon: never written this session.
    newer: Option<u64>,
    /// Changes made since the last successful save (0: what is on disk has them all).
    pending: usize,
    /// Set when the file was there but could not be read when the store was opened.
    unreadable: bool,
    /// The file's bytes as this process last read or wrote them: `data` already holds them.
    seen: Option<Seen>,
}

trait Merge: Serialize + DeserializeOwned + Default {
    fn merge_from(&mut self, disk: Self);
}

impl Merge for BookmarkFile {
    fn merge_from(&mut self, disk: Self) {
        self.merge(disk);
    }
}

impl Merge for PositionsFile {
    fn merge_from(&mut self, disk: Self) {
        self.merge(disk);
    }
}

impl<T: Merge> Kept<T> {
    /// Read the file; change nothing on disk. A file that cannot be used is reported and left
    /// where it is: only a save moves an unreadable file aside.
    fn open(slot: Slot, what: &'static str, notices: &mut Vec<Notice>) -> Self {
        let mut kept = Self {
            slot,
            what,
            data: T::default(),
            newer: None,
            pending: 0,
            unreadable: false,
            seen: None,
        };
        let path = kept.slot.path.display();
        match kept.slot.read::<T>(None) {
            Read::Missing | Read::Unchanged => {}
            Read::Loaded(data, seen) => {
                kept.data = data;
                kept.seen = Some(seen);
            }
            // Reported by `read_only_reason` and by every save.
            Read::Newer(found) => kept.newer = Some(found),
            Read::Corrupt(why) => {
                kept.unreadable = true;
                notices.push(format!(
                    "{path} is unreadable ({why}); it is left as it is until a change is saved, \
                     which moves it aside"
                ));
            }
            Read::Failed(e) => {
                kept.unreadable = true;
                notices.push(format!("{path} could not be read: {}", reason(&e)));
            }
        }
        kept
    }

    /// Lock, re-read, merge (or move an unreadable file aside), write, unlock.
    fn save(&mut self, notices: &mut Vec<Notice>) -> Result<(), SaveError> {
        if let Some(found) = self.newer {
            return Err(self.newer_error(found));
        }
        let _lock = self.slot.lock().map_err(|e| self.io_error(&e))?;
        match self.slot.read::<T>(self.seen) {
            Read::Missing | Read::Unchanged => {}
            Read::Loaded(disk, _) => self.data.merge_from(disk),
            Read::Newer(found) => {
                self.newer = Some(found);
                return Err(self.newer_error(found));
            }
            Read::Corrupt(why) => {
                let to = self.slot.set_aside().map_err(|e| SaveError::Io {
                    what: self.what,
                    path: self.slot.path.clone(),
                    reason: format!(
                        "the file is unreadable ({why}) and could not be moved aside ({})",
                        reason(&e)
                    ),
                })?;
                notices.push(format!(
                    "{} was unreadable ({why}); it was moved to {} and a new file is used",
                    self.slot.path.display(),
                    to.display()
                ));
            }
            Read::Failed(e) => return Err(self.io_error(&e)),
        }
        self.seen = Some(self.slot.write(&self.data).map_err(|e| self.io_error(&e))?);
        self.pending = 0;
        Ok(())
    }

    fn newer_error(&self, found: u64) -> SaveError {
        SaveError::NewerSchema {
            what: self.what,
            path: self.slot.path.clone(),
            found,
        }
    }

    fn io_error(&self, e: &std::io::Error) -> SaveError {
        SaveError::Io {
            what: self.what,
            path: self.slot.path.clone(),
            reason: reason(e),
        }
    }
}

/// The last error of [`BookmarkStore::write_unsaved`], naming the directory.
fn reason_in(dir: &Path, e: &std::io::Error) -> String {
    format!("{}: {}", dir.display(), reason(e))
}

/// An IO error in the words of the status line.
fn reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        PermissionDenied => "permission denied".into(),
        ReadOnlyFilesystem => "read-only file system".into(),
        StorageFull => "no space left on the disk".into(),
        NotADirectory => "a path component is not a directory".into(),
        _ => e.to_string(),
    }
}

/// Bookmarks and reading positions, loaded once and saved on every change.
#[derive(Debug)]
pub struct BookmarkStore {
    paths: StorePaths,
    bookmarks: Kept<BookmarkFile>,
    positions: Kept<PositionsFile>,
    notices: Vec<Notice>,
}

impl BookmarkStore {
    /// Load both files. Never fails and changes nothing on disk: problems become notices (see
    /// [`Self::take_notices`]) and saving stays off where writing could lose something.
    pub fn open(paths: StorePaths) -> Self {
        let mut notices = Vec::new();
        let bookmarks = Kept::open(
            Slot::new(&paths.data_dir, BOOKMARKS_FILE),
            "bookmarks",
            &mut notices,
        );
        let positions = Kept::open(
            Slot::new(&paths.state_dir, POSITIONS_FILE),
            "reading position",
            &mut notices,
        );
        // A newer bookmarks file is reported through `read_only_reason`; nothing reports the
        // positions file's but this.
        if let Some(found) = positions.newer {
            notices.push(positions.newer_error(found).to_string());
        }
        Self {
            paths,
            bookmarks,
            positions,
            notices,
        }
    }

    pub fn paths(&self) -> &StorePaths {
        &self.paths
    }

    pub fn bookmarks_path(&self) -> &Path {
        &self.bookmarks.slot.path
    }

    pub fn positions_path(&self) -> &Path {
        &self.positions.slot.path
    }

    /// Messages for the user gathered while loading or saving, each given once.
    pub fn take_notices(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.notices)
    }

    /// Why saving bookmarks is off for this session, if it is.
    pub fn read_only_reason(&self) -> Option<SaveError> {
        self.bookmarks.newer.map(|n| self.bookmarks.newer_error(n))
    }

    /// Whether `bookmarks.json` was there but could not be read when the store was opened
    /// (the notices say why): the bookmarks shown are then not the ones on disk.
    pub fn unreadable(&self) -> bool {
        self.bookmarks.unreadable
    }

    /// Every bookmark, oldest first.
    pub fn all(&self) -> &[Bookmark] {
        &self.bookmarks.data.bookmarks
    }

    /// The bookmarks of one document, oldest first.
    pub fn for_document(&self, doc: &DocRef) -> Vec<&Bookmark> {
        self.all()
            .iter()
            .filter(|b| b.document.same_document(doc))
            .collect()
    }

    pub fn get(&self, id: &str) -> Option<&Bookmark> {
        self.all().iter().find(|b| b.id == id)
    }

    /// Remember where and under what name `doc` was seen, on its bookmarks (written with the
    /// next change; it does not count as an edit).
    pub fn document_seen(&mut self, doc: &DocRef) {
        for b in &mut self.bookmarks.data.bookmarks {
            if b.document.same_document(doc) {
                let old = std::mem::take(&mut b.document);
                // What this copy lacks (a record id, a path) is kept from before.
                b.document = DocRef {
                    record_id: doc.record_id.clone().or(old.record_id),
                    path: doc.path.clone().or(old.path),
                    extra: old.extra,
                    ..doc.clone()
                };
            }
        }
    }

    /// Add a bookmark and save. Its note is sanitised first (see [`clean_note`]).
    pub fn add(&mut self, mut bookmark: Bookmark) -> Result<(), SaveError> {
        bookmark.note = clean_note(bookmark.note.take());
        self.bookmarks.data.bookmarks.push(bookmark);
        self.bookmarks.data.tidy();
        self.changed()
    }

    /// Set or clear a bookmark's note (sanitised) and save. `false` when there is no such
    /// bookmark.
    pub fn set_note(&mut self, id: &str, note: Option<String>) -> Result<bool, SaveError> {
        let note = clean_note(note);
        let Some(b) = self
            .bookmarks
            .data
            .bookmarks
            .iter_mut()
            .find(|b| b.id == id)
        else {
            return Ok(false);
        };
        b.note = note;
        b.updated = Timestamp::now().max(Timestamp(b.updated.0 + 1));
        self.changed().map(|()| true)
    }

    /// Delete a bookmark (leaving a tombstone) and save; returns what was deleted so it can
    /// be restored (under a new id) by an undo.
    pub fn delete(&mut self, id: &str) -> (Option<Bookmark>, Result<(), SaveError>) {
        let data = &mut self.bookmarks.data;
        let Some(i) = data.bookmarks.iter().position(|b| b.id == id) else {
            return (None, Ok(()));
        };
        let removed = data.bookmarks.remove(i);
        data.deleted.insert(removed.id.clone(), Timestamp::now());
        (Some(removed), self.changed())
    }

    /// Count one more change to the bookmarks and save them all.
    fn changed(&mut self) -> Result<(), SaveError> {
        self.bookmarks.pending += 1;
        self.save()
    }

    /// Write bookmarks now (also retries a save that failed before).
    pub fn save(&mut self) -> Result<(), SaveError> {
        self.bookmarks.save(&mut self.notices)
    }

    /// How many bookmark changes (additions, note edits, deletions) have not reached
    /// `bookmarks.json` because saving failed; 0 when everything is on disk.
    ///
    /// The reader asks this when the user quits: with changes pending it retries
    /// [`Self::save`], and if that fails still, offers [`Self::write_unsaved`] instead of
    /// quitting silently.
    pub fn unsaved_changes(&self) -> usize {
        self.bookmarks.pending
    }

    /// Write every bookmark this store holds (the saved ones and the changes that could not
    /// be saved) as a complete bookmarks file to a new file that replaces nothing, and return
    /// its path. The file is `bookmarks.unsaved-<UTC time>.json` (`-N` added if taken) in the
    /// first directory where writing works: next to `bookmarks.json`, the state directory,
    /// then the temporary directory (there as `memcon-bookmarks.unsaved-<UTC time>.json`).
    ///
    /// The changes still count as unsaved ([`Self::unsaved_changes`]): they are not in
    /// `bookmarks.json` until a [`Self::save`] succeeds.
    pub fn write_unsaved(&self) -> Result<PathBuf, SaveError> {
        let stem = format!("bookmarks.unsaved-{}", Timestamp::now().compact());
        let temp = std::env::temp_dir();
        let mut places = vec![
            (self.paths.data_dir.clone(), stem.clone()),
            (self.paths.state_dir.clone(), stem.clone()),
            (temp.clone(), format!("memcon-{stem}")),
        ];
        places.dedup_by(|a, b| a.0 == b.0);
        let mut reason = String::new();
        for (dir, stem) in &places {
            // The data and state directories may not exist yet; the temporary one is not ours
            // to create.
            let ready = match dir == &temp {
                true => Ok(()),
                false => create_private_dir(dir),
            };
            match ready.and_then(|()| write_new(dir, stem, &self.bookmarks.data)) {
                Ok(path) => return Ok(path),
                Err(e) => reason = reason_in(dir, &e),
            }
        }
        Err(SaveError::NoFallback {
            tried: places.into_iter().map(|(d, _)| d).collect(),
            reason,
        })
    }

    /// Every saved reading position (the library marks the documents read from them).
    pub fn positions(&self) -> &[super::file::Position] {
        &self.positions.data.positions
    }

    /// The saved reading position of `doc`.
    pub fn position(&self, doc: &DocRef) -> Option<&Anchor> {
        self.positions.data.find(doc).map(|p| &p.anchor)
    }

    /// Remember the reading position of `doc` and save it.
    pub fn set_position(&mut self, doc: &DocRef, anchor: Anchor) -> Result<(), SaveError> {
        self.positions.data.set(super::file::Position {
            document: doc.clone(),
            anchor,
            updated: Timestamp::now(),
            extra: Extra::new(),
        });
        self.positions.save(&mut self.notices)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeing_a_copy_without_a_url_keeps_the_record_id_and_updates_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = BookmarkStore::open(StorePaths::in_dir(dir.path()));
        let doc = DocRef {
            record_id: Some("document/1".into()),
            fingerprint: "f".into(),
            path: Some("/old".into()),
            ..DocRef::default()
        };
        store
            .add(Bookmark::new(doc, Anchor::default(), None))
            .unwrap();
        let copy = DocRef {
            fingerprint: "f".into(),
            path: Some("/new".into()),
            ..DocRef::default()
        };
        store.document_seen(&copy);
        let seen = &store.all()[0].document;
        assert_eq!(seen.record_id.as_deref(), Some("document/1"));
        assert_eq!(seen.path.as_deref(), Some("/new"));
        // Saved with the next change, and read back by another store.
        store.save().unwrap();
        let again = BookmarkStore::open(StorePaths::in_dir(dir.path()));
        assert_eq!(again.all()[0].document.path.as_deref(), Some("/new"));
    }

    fn note(store: &BookmarkStore, i: usize) -> Option<&str> {
        store.all()[i].note.as_deref()
    }

    #[test]
    fn a_failed_save_keeps_changes_pending_and_a_fallback_file_holds_them() {
        let dir = tempfile::tempdir().unwrap();
        // The data directory cannot be made (a file is in the way); the state directory can.
        let blocker = dir.path().join("blocker");
        std::fs::write(&blocker, b"").unwrap();
        let paths = StorePaths {
            data_dir: blocker.join("data"),
            state_dir: dir.path().join("state"),
        };
        let mut store = BookmarkStore::open(paths);
        let bookmark = Bookmark::new(DocRef::default(), Anchor::default(), Some("kept".into()));
        assert!(store.add(bookmark).is_err());
        assert!(
            store
                .set_note(&store.all()[0].id.clone(), Some("still kept".into()))
                .is_err()
        );
        assert_eq!(store.unsaved_changes(), 2);

        let path = store.write_unsaved().unwrap();
        assert_eq!(path.parent(), Some(dir.path().join("state").as_path()));
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(
            name.starts_with("bookmarks.unsaved-") && name.ends_with(".json"),
            "{name}"
        );
        let copy: BookmarkFile = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(copy.bookmarks.len(), 1);
        assert_eq!(copy.bookmarks[0].note.as_deref(), Some("still kept"));
        // A second copy takes a new name; the first is not replaced.
        let again = store.write_unsaved().unwrap();
        assert_ne!(again, path);
        assert!(path.exists());
        assert_eq!(store.unsaved_changes(), 2, "a fallback copy is not a save");

        // Once the disk is usable again, the next save writes everything pending.
        std::fs::remove_file(&blocker).unwrap();
        store.save().unwrap();
        assert_eq!(store.unsaved_changes(), 0);
        let reopened = BookmarkStore::open(store.paths().clone());
        assert_eq!(note(&reopened, 0), Some("still kept"));
    }

    #[test]
    fn without_a_usable_data_directory_the_fallback_goes_to_the_temporary_directory() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("blocker");
        std::fs::write(&blocker, b"").unwrap();
        let mut store = BookmarkStore::open(StorePaths::in_dir(blocker.join("data")));
        let bookmark = Bookmark::new(DocRef::default(), Anchor::default(), None);
        assert!(store.add(bookmark).is_err());
        let path = store.write_unsaved().unwrap();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(path.parent(), Some(std::env::temp_dir().as_path()));
        assert!(name.starts_with("memcon-bookmarks.unsaved-"), "{name}");
    }

    #[test]
    fn notes_are_sanitised_when_saved() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = BookmarkStore::open(StorePaths::in_dir(dir.path()));
        let hostile = "a\u{1b}]0;PWNED\u{7}b\u{9b}c\u{202e}d\ne";
        store
            .add(Bookmark::new(
                DocRef::default(),
                Anchor::default(),
                Some(hostile.into()),
            ))
            .unwrap();
        let id = store.all()[0].id.clone();
        let clean = "a\u{241b}]0;PWNED\u{2407}b\u{fffd}cd\ne";
        assert_eq!(note(&store, 0), Some(clean));
        store.set_note(&id, Some(format!("x{hostile}"))).unwrap();
        assert_eq!(note(&store, 0), Some(format!("x{clean}").as_str()));
        let bytes = std::fs::read_to_string(dir.path().join(BOOKMARKS_FILE)).unwrap();
        let value: serde_json::Value = serde_json::from_str(&bytes).unwrap();
        let saved = value["bookmarks"][0]["note"].as_str().unwrap();
        assert!(
            !saved.chars().any(|c| c.is_control() && c != '\n'),
            "{saved:?}"
        );
        assert!(
            !saved
                .chars()
                .any(crate::document::sanitize::is_bidi_control)
        );
        // Only white space and controls that vanish: no note.
        store.set_note(&id, Some("\u{202e} \t".into())).unwrap();
        assert_eq!(note(&store, 0), None);
    }

    #[test]
    fn opening_changes_nothing_and_the_first_save_moves_an_unreadable_file_aside() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(BOOKMARKS_FILE);
        std::fs::write(&file, b"{\"schema\": 1, \"bookmarks\": [tru").unwrap();
        let names = || {
            let mut n: Vec<_> = std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect();
            n.sort();
            n
        };
        let mut store = BookmarkStore::open(StorePaths::in_dir(dir.path()));
        assert!(store.unreadable());
        let notices = store.take_notices();
        assert!(notices[0].contains("is unreadable") && notices[0].contains("left as it is"));
        assert_eq!(names(), [BOOKMARKS_FILE]);
        store
            .add(Bookmark::new(DocRef::default(), Anchor::default(), None))
            .unwrap();
        let notices = store.take_notices();
        assert!(notices[0].contains("was moved to"), "{notices:?}");
        let after = names();
        assert_eq!(after.len(), 3, "{after:?}");
        assert!(after[1].starts_with("bookmarks.json.corrupt-"), "{after:?}");
    }

    #[test]
    fn two_stores_saving_in_turn_keep_each_others_bookmarks() {
        let dir = tempfile::tempdir().unwrap();
        let paths = StorePaths::in_dir(dir.path());
        let (mut a, mut b) = (
            BookmarkStore::open(paths.clone()),
            BookmarkStore::open(paths.clone()),
        );
        let mark = |n: &str| Bookmark::new(DocRef::default(), Anchor::default(), Some(n.into()));
        a.add(mark("a1")).unwrap();
        b.add(mark("b1")).unwrap();
        a.add(mark("a2")).unwrap();
        a.add(mark("a3")).unwrap();
        b.add(mark("b2")).unwrap();
        let notes = |s: &BookmarkStore| {
            let mut n: Vec<_> = s.all().iter().filter_map(|b| b.note.clone()).collect();
            n.sort();
            n
        };
        assert_eq!(notes(&b), ["a1", "a2", "a3", "b1", "b2"]);
        assert_eq!(notes(&BookmarkStore::open(paths)), notes(&b));
    }
}
