//! One JSON file on disk: read it, set it aside when it is unreadable, write it atomically,
//! and lock it against other memcon processes.
//!
//! The lock is taken on a separate `<name>.lock` file, because the data file itself is
//! replaced by a rename on every write (a lock on the old inode would protect nothing).

use super::file::SCHEMA;
use super::time::Timestamp;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// One JSON file and its lock file.
#[derive(Debug, Clone)]
pub struct Slot {
    pub path: PathBuf,
    lock: PathBuf,
    tmp: PathBuf,
}

/// What reading a file found.
#[derive(Debug)]
pub enum Read<T> {
    /// No file yet.
    Missing,
    Loaded(T),
    /// The file is not valid JSON of this schema; `moved_to` is where it was set aside
    /// (`None` when it could not be moved, so it must not be written over either).
    Corrupt {
        why: String,
        moved_to: Option<PathBuf>,
    },
    /// Written by a newer memcon: leave it alone.
    Newer(u64),
    /// The file exists but cannot be read (permissions, I/O error).
    Failed(io::Error),
}

/// The held lock; dropping it (or the process dying) releases it.
pub struct Lock(#[allow(dead_code)] File);

impl Slot {
    pub fn new(dir: &Path, name: &str) -> Self {
        Self {
            path: dir.join(name),
            lock: dir.join(format!("{name}.lock")),
            tmp: dir.join(format!(".{name}.tmp")),
        }
    }

    /// Create the directory (private, 0700) if needed and wait for the exclusive lock.
    pub fn lock(&self) -> io::Result<Lock> {
        if let Some(dir) = self.path.parent() {
            create_private_dir(dir)?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(&self.lock)?;
        file.lock()?;
        Ok(Lock(file))
    }

    /// Read and check the file. An unreadable file is moved aside here; call this with the
    /// lock held when possible so two processes do not race to move it.
    pub fn read<T: DeserializeOwned>(&self) -> Read<T> {
        let bytes = match fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Read::Missing,
            Err(e) => return Read::Failed(e),
        };
        let why = match check::<T>(&bytes) {
            Ok(v) => return Read::Loaded(v),
            Err(Check::Newer(n)) => return Read::Newer(n),
            Err(Check::Bad(why)) => why,
        };
        let moved_to = self.set_aside().ok();
        Read::Corrupt { why, moved_to }
    }

    /// Rename the file to `<name>.corrupt-<UTC time>` (plus `-N` if that exists).
    fn set_aside(&self) -> io::Result<PathBuf> {
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        let stamp = Timestamp::now().compact();
        for n in 0..1000 {
            let suffix = if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            };
            let dest = self
                .path
                .with_file_name(format!("{name}.corrupt-{stamp}{suffix}"));
            if dest.exists() {
                continue;
            }
            fs::rename(&self.path, &dest)?;
            sync_dir(&self.path)?;
            return Ok(dest);
        }
        Err(io::Error::other("too many set-aside copies"))
    }

    /// Replace the file atomically: write a temporary file in the same directory, fsync it,
    /// rename it over the file, fsync the directory. Call with the lock held.
    pub fn write<T: Serialize>(&self, value: &T) -> io::Result<()> {
        let mut bytes = serde_json::to_vec_pretty(value).map_err(io::Error::other)?;
        bytes.push(b'\n');
        let result = self.write_bytes(&bytes);
        if result.is_err() {
            // A full disk: do not leave a half-written temporary file taking space.
            let _ = fs::remove_file(&self.tmp);
        }
        result
    }

    fn write_bytes(&self, bytes: &[u8]) -> io::Result<()> {
        let mut f = OpenOptions::new()
            .create(true)
            .truncate(true)
            .write(true)
            .mode(0o600)
            .open(&self.tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&self.tmp, &self.path)?;
        sync_dir(&self.path)
    }
}

enum Check {
    Newer(u64),
    Bad(String),
}

fn check<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Check> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| Check::Bad(format!("not valid JSON ({e})")))?;
    match value.get("schema").and_then(serde_json::Value::as_u64) {
        Some(n) if n > u64::from(SCHEMA) => return Err(Check::Newer(n)),
        Some(n) if n == u64::from(SCHEMA) => {}
        _ => return Err(Check::Bad("no \"schema\": 1 field".into())),
    }
    serde_json::from_value(value).map_err(|e| Check::Bad(format!("unexpected content ({e})")))
}

/// `create_dir_all` with mode 0700 for every directory it creates.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

/// fsync the directory holding `path`, so a rename in it survives a power cut.
fn sync_dir(path: &Path) -> io::Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => File::open(dir)?.sync_all(),
        _ => File::open(".")?.sync_all(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bookmarks::file::BookmarkFile;

    #[test]
    fn writes_replace_the_file_and_leave_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let slot = Slot::new(&dir.path().join("a/b"), "bookmarks.json");
        let _lock = slot.lock().unwrap();
        slot.write(&BookmarkFile::default()).unwrap();
        slot.write(&BookmarkFile::default()).unwrap();
        assert!(matches!(slot.read::<BookmarkFile>(), Read::Loaded(_)));
        let mut names: Vec<_> = fs::read_dir(dir.path().join("a/b"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["bookmarks.json", "bookmarks.json.lock"]);
        use std::os::unix::fs::PermissionsExt;
        for d in ["a", "a/b"] {
            let mode = fs::metadata(dir.path().join(d))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o700, "{d}");
        }
    }
}
