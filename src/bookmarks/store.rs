//! `BookmarkStore`: the only code that knows where bookmarks and reading positions live.
//!
//! Every change is saved at once: lock, re-read, merge, write atomically, unlock. A save that
//! fails (read-only or full disk) keeps the change in memory, returns a [`SaveError`] the UI
//! can show, and is tried again, with everything pending, on the next change.

use super::disk::{Read, Slot};
use super::file::{BookmarkFile, PositionsFile};
use super::model::{Anchor, Bookmark, DocRef, Extra};
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
    fn open(slot: Slot, what: &'static str, notices: &mut Vec<Notice>) -> Self {
        let mut kept = Self {
            slot,
            what,
            data: T::default(),
            newer: None,
        };
        // Read under the lock when it can be had, so that two processes finding the same
        // unreadable file do not both try to move it aside.
        let lock = kept.slot.lock();
        let read = kept.slot.read::<T>();
        drop(lock);
        match read {
            Read::Missing => {}
            Read::Loaded(data) => kept.data = data,
            other => {
                if let Err(e) = kept.absorb(other, notices) {
                    notices.push(e.to_string());
                }
            }
        }
        kept
    }

    /// Fold a read result into memory; an error when writing now would lose or overwrite data.
    fn absorb(&mut self, read: Read<T>, notices: &mut Vec<Notice>) -> Result<(), SaveError> {
        let path = self.slot.path.clone();
        match read {
            Read::Missing => Ok(()),
            Read::Loaded(disk) => {
                self.data.merge_from(disk);
                Ok(())
            }
            Read::Newer(found) => {
                self.newer = Some(found);
                Err(self.newer_error(found))
            }
            Read::Corrupt {
                why,
                moved_to: Some(to),
            } => {
                notices.push(format!(
                    "{} was unreadable ({why}); it was moved to {} and a new file is used",
                    path.display(),
                    to.display()
                ));
                Ok(())
            }
            Read::Corrupt {
                why,
                moved_to: None,
            } => Err(SaveError::Io {
                what: self.what,
                path,
                reason: format!("the file is unreadable ({why}) and could not be moved aside"),
            }),
            Read::Failed(e) => Err(self.io_error(&e)),
        }
    }

    /// Lock, re-read, merge, write, unlock.
    fn save(&mut self, notices: &mut Vec<Notice>) -> Result<(), SaveError> {
        if let Some(found) = self.newer {
            return Err(self.newer_error(found));
        }
        let _lock = self.slot.lock().map_err(|e| self.io_error(&e))?;
        let read = self.slot.read::<T>();
        self.absorb(read, notices)?;
        self.slot.write(&self.data).map_err(|e| self.io_error(&e))
    }

    fn newer_error(&self, found: u64) -> SaveError {
        SaveError::NewerSchema {
            what: self.what,
            path: self.slot.path.clone(),
            found,
        }
    }

    fn io_error(&self, e: &std::io::Error) -> SaveError {
        use std::io::ErrorKind::*;
        let reason = match e.kind() {
            PermissionDenied => "permission denied".into(),
            ReadOnlyFilesystem => "read-only file system".into(),
            StorageFull => "no space left on the disk".into(),
            NotADirectory => "a path component is not a directory".into(),
            _ => e.to_string(),
        };
        SaveError::Io {
            what: self.what,
            path: self.slot.path.clone(),
            reason,
        }
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
    /// Load both files. Never fails: problems become notices (see [`Self::take_notices`]) and
    /// saving stays off where writing could lose something.
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

    /// Add a bookmark and save.
    pub fn add(&mut self, bookmark: Bookmark) -> Result<(), SaveError> {
        self.bookmarks.data.bookmarks.push(bookmark);
        self.bookmarks.data.tidy();
        self.save()
    }

    /// Set or clear a bookmark's note and save. `false` when there is no such bookmark.
    pub fn set_note(&mut self, id: &str, note: Option<String>) -> Result<bool, SaveError> {
        let note = note.filter(|n| !n.trim().is_empty());
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
        self.save().map(|()| true)
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
        (Some(removed), self.save())
    }

    /// Write bookmarks now (also retries a save that failed before).
    pub fn save(&mut self) -> Result<(), SaveError> {
        self.bookmarks.save(&mut self.notices)
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
}
