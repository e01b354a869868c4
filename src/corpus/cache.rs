//! The collection's cache on disk: four files in a folder of its own under the cache
//! directory (`crate::paths`), each read only by what needs it:
//!
//! - `library.bin`: the library's row of every document and the files skipped by their
//!   content — small, read before the library's first screen and by commands that only
//!   look up entities;
//! - `entities.bin`: the collection's merged entities with every mention;
//! - `index.bin`: a whole record per document (metadata, its own entities) — what is
//!   merged again when files change;
//! - `texts.bin`: the transcripts, for search and lines of context.
//!
//! Each file is an eight-byte magic, a little-endian `u32` format version, then a
//! [postcard](https://docs.rs/postcard) body: compact (variable-length integers, no field
//! names) and quick to read. A file that is missing, from another format version, cut short
//! or otherwise unreadable is reported in words and rebuilt, never trusted. Writes go to a
//! temporary file renamed into place, so a reader never sees half a cache.

use super::entities::EntityTable;
use super::record::{DocRecord, DocSummary, DocText, FileKey};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Bumped whenever the encoded shapes change.
pub const FORMAT: u32 = 1;
const INDEX_MAGIC: &[u8; 8] = b"MEMCONIX";
const TEXTS_MAGIC: &[u8; 8] = b"MEMCONTX";
const LIBRARY_MAGIC: &[u8; 8] = b"MEMCONLB";
const ENTITIES_MAGIC: &[u8; 8] = b"MEMCONEN";
pub const INDEX_FILE: &str = "index.bin";
pub const TEXTS_FILE: &str = "texts.bin";
pub const LIBRARY_FILE: &str = "library.bin";
pub const ENTITIES_FILE: &str = "entities.bin";

/// The library's rows: what the first screen and a look-up need.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LibraryFile {
    pub stamp: String,
    /// Which state of the files these rows describe ([`super::generation`]).
    pub generation: u64,
    pub docs: Vec<DocSummary>,
    pub skipped: Vec<(FileKey, String)>,
}

/// The collection's merged entities for one state of its files.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EntitiesFile {
    pub stamp: String,
    pub generation: u64,
    pub table: EntityTable,
}

/// The documents of a collection as last indexed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IndexFile {
    /// The entity rules the records were made with ([`super::build::Rules::stamp`]).
    pub stamp: String,
    /// The folders and files the collection was opened with.
    pub roots: Vec<Vec<u8>>,
    pub docs: Vec<DocRecord>,
    /// Files left out for their content (binary, empty…): kept so they are not read again
    /// while they do not change.
    pub skipped: Vec<(FileKey, String)>,
}

/// The transcripts, each under its file's path and content hash.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TextsFile {
    pub stamp: String,
    pub texts: Vec<(Vec<u8>, u64, DocText)>,
}

/// Why a cache file was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// There is none (a collection never opened, or a cache directory cleared).
    Missing,
    /// It is there but cannot be used; the words say why.
    Bad(String),
}

/// Read a cache file of `magic` at `path`.
fn read<T: for<'de> Deserialize<'de>>(path: &Path, magic: &[u8; 8]) -> Result<T, Unusable> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Unusable::Missing),
        Err(e) => {
            return Err(Unusable::Bad(format!(
                "unreadable: {}",
                super::io_reason(&e)
            )));
        }
    };
    decode(&bytes, magic).map_err(Unusable::Bad)
}

/// Decode a cache file's bytes.
pub fn decode<T: for<'de> Deserialize<'de>>(bytes: &[u8], magic: &[u8; 8]) -> Result<T, String> {
    if bytes.len() < 12 || &bytes[..8] != magic {
        return Err("not a memcon cache file".into());
    }
    let version = u32::from_le_bytes(bytes[8..12].try_into().expect("four bytes"));
    if version != FORMAT {
        return Err(format!(
            "written in format {version}; this memcon reads format {FORMAT}"
        ));
    }
    postcard::from_bytes(&bytes[12..]).map_err(|e| format!("damaged ({e})"))
}

/// Encode a cache file.
pub fn encode<T: Serialize>(value: &T, magic: &[u8; 8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 << 16);
    out.extend_from_slice(magic);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    postcard::to_extend(value, out).expect("writing to memory does not fail")
}

/// Write `bytes` to `path` through a temporary file in the same folder.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name()
            .map_or("cache".into(), |n| n.to_string_lossy()),
        std::process::id()
    ));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// The cache folder of one collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheDir {
    pub dir: PathBuf,
}

impl CacheDir {
    /// The folder for the collection opened with `roots`, under `collections` (see
    /// `paths::Dirs::collections`): one per list of roots, named by a hash of their full
    /// paths.
    pub fn for_roots(collections: &Path, roots: &[PathBuf]) -> Self {
        let mut key = Vec::new();
        for r in roots {
            let full = std::fs::canonicalize(r).unwrap_or_else(|_| r.clone());
            key.extend_from_slice(&super::record::path_bytes(&full));
            key.push(0);
        }
        let name = format!("{:016x}", super::build::bytes_hash(&key));
        Self {
            dir: collections.join(name),
        }
    }

    pub fn index_path(&self) -> PathBuf {
        self.dir.join(INDEX_FILE)
    }

    pub fn texts_path(&self) -> PathBuf {
        self.dir.join(TEXTS_FILE)
    }

    pub fn read_index(&self) -> Result<IndexFile, Unusable> {
        read(&self.index_path(), INDEX_MAGIC)
    }

    pub fn read_texts(&self) -> Result<TextsFile, Unusable> {
        read(&self.texts_path(), TEXTS_MAGIC)
    }

    pub fn library_path(&self) -> PathBuf {
        self.dir.join(LIBRARY_FILE)
    }

    pub fn entities_path(&self) -> PathBuf {
        self.dir.join(ENTITIES_FILE)
    }

    pub fn read_library(&self) -> Result<LibraryFile, Unusable> {
        read(&self.library_path(), LIBRARY_MAGIC)
    }

    pub fn read_entities(&self) -> Result<EntitiesFile, Unusable> {
        read(&self.entities_path(), ENTITIES_MAGIC)
    }

    pub fn write_library(&self, file: &LibraryFile) -> std::io::Result<()> {
        write_atomic(&self.library_path(), &encode(file, LIBRARY_MAGIC))
    }

    pub fn write_entities(&self, file: &EntitiesFile) -> std::io::Result<()> {
        write_atomic(&self.entities_path(), &encode(file, ENTITIES_MAGIC))
    }

    pub fn write_index(&self, index: &IndexFile) -> std::io::Result<()> {
        write_atomic(&self.index_path(), &encode(index, INDEX_MAGIC))
    }

    pub fn write_texts(&self, texts: &TextsFile) -> std::io::Result<()> {
        write_atomic(&self.texts_path(), &encode(texts, TEXTS_MAGIC))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_round_trip_and_every_kind_of_bad_file() {
        let dir = tempfile::tempdir().unwrap();
        let cache = CacheDir {
            dir: dir.path().join("c"),
        };
        assert_eq!(cache.read_index(), Err(Unusable::Missing));
        let index = IndexFile {
            stamp: "s".into(),
            roots: vec![b"/docs".to_vec()],
            ..IndexFile::default()
        };
        cache.write_index(&index).unwrap();
        assert_eq!(cache.read_index(), Ok(index));
        let path = cache.index_path();
        let good = std::fs::read(&path).unwrap();
        for (bytes, why) in [
            (b"garbage".to_vec(), "not a memcon cache file"),
            (
                [&good[..8], &9u32.to_le_bytes(), &good[12..]].concat(),
                "format 9",
            ),
            (good[..good.len() - 3].to_vec(), "damaged"),
        ] {
            std::fs::write(&path, bytes).unwrap();
            match cache.read_index() {
                Err(Unusable::Bad(msg)) => assert!(msg.contains(why), "{msg}"),
                other => panic!("{other:?}"),
            }
        }
    }
}
