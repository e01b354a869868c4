//! One JSON file on disk: read it, write it atomically, set it aside when it is unreadable,
//! and lock it against other memcon processes.
//!
//! Reading never changes anything on disk (no directory, lock file or rename), so commands that
//! only read leave the user's files as they were. Writing is where an unreadable file is moved
//! aside, under the lock.
//!
//! Links: the data file itself may be a symbolic link (a bookmarks file kept in a synced
//! folder); memcon then reads and writes the file the link points to and leaves the link in
//! place. Every file memcon creates (the lock file, temporary files, set-aside and fallback
//! copies) is created without following a link at its name: temporary and fallback files with
//! `O_CREAT|O_EXCL|O_NOFOLLOW` (a planted link makes the create fail instead of writing
//! through it), temporary files under unpredictable names.
//!
//! The lock is taken on a separate `<name>.lock` file, because the data file itself is
//! replaced by a rename on every write (a lock on the old inode would protect nothing).

use super::file::SCHEMA;
use super::time::Timestamp;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// One JSON file and its lock file.
#[derive(Debug, Clone)]
pub struct Slot {
    pub path: PathBuf,
    lock: PathBuf,
}

/// What reading a file found.
#[derive(Debug)]
pub enum Read<T> {
    /// No file yet.
    Missing,
    /// The contents, and their digest for the next read.
    Loaded(T, Seen),
    /// The same bytes as last seen (see [`Slot::read`]): nothing new to merge.
    Unchanged,
    /// The file is not valid JSON of this schema.
    Corrupt(String),
    /// Written by a newer memcon: leave it alone.
    Newer(u64),
    /// The file exists but cannot be read (permissions, I/O error, not a regular file).
    Failed(io::Error),
}

/// The held lock; dropping it (or the process dying) releases it.
pub struct Lock(#[allow(dead_code)] File);

/// How many symbolic links in a row are followed from the data file to its target.
const MAX_LINKS: usize = 40;

impl Slot {
    pub fn new(dir: &Path, name: &str) -> Self {
        Self {
            path: dir.join(name),
            lock: dir.join(format!("{name}.lock")),
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
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(&self.lock)
            .map_err(|e| link_refused(e, &self.lock))?;
        file.lock()?;
        Ok(Lock(file))
    }

    /// Read and check the file. Changes nothing on disk. When the bytes are those `seen`
    /// last (as this process read or wrote them) they are not parsed again: a save of a big
    /// file then holds one copy of it in memory, not two.
    pub fn read<T: DeserializeOwned>(&self, seen: Option<Seen>) -> Read<T> {
        let bytes = match read_regular(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Read::Missing,
            Err(e) => return Read::Failed(e),
        };
        let digest = Seen::of(&bytes);
        if seen == Some(digest) {
            return Read::Unchanged;
        }
        match parse::<T>(&bytes) {
            Ok(v) => Read::Loaded(v, digest),
            Err(Check::Newer(n)) => Read::Newer(n),
            Err(Check::Bad(why)) => Read::Corrupt(why),
        }
    }

    /// The file that reads and writes reach: the data file, or what its links point to.
    pub fn target(&self) -> io::Result<PathBuf> {
        let mut path = self.path.clone();
        for _ in 0..MAX_LINKS {
            match fs::symlink_metadata(&path) {
                Ok(m) if m.file_type().is_symlink() => {
                    let to = fs::read_link(&path)?;
                    path = match path.parent() {
                        Some(dir) => dir.join(to),
                        None => to,
                    };
                }
                Ok(_) => return Ok(path),
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(path),
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::other(format!(
            "{}: more than {MAX_LINKS} symbolic links in a row",
            self.path.display()
        )))
    }

    /// Rename the (target) file to `<name>.corrupt-<UTC time>` (plus `-N` if that exists),
    /// never replacing anything. Call with the lock held.
    pub fn set_aside(&self) -> io::Result<PathBuf> {
        let target = self.target()?;
        let name = file_name(&target);
        let stamp = Timestamp::now().compact();
        for n in 0..1000 {
            let dest = target.with_file_name(numbered(&format!("{name}.corrupt-{stamp}"), n, ""));
            match rename_no_replace(&target, &dest) {
                Ok(()) => {
                    sync_dir(&target)?;
                    return Ok(dest);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::other("too many set-aside copies"))
    }

    /// Replace the (target) file atomically: write a temporary file in the same directory,
    /// fsync it, rename it over the file, fsync the directory. Call with the lock held.
    /// Returns the digest of what was written.
    pub fn write<T: Serialize>(&self, value: &T) -> io::Result<Seen> {
        let target = self.target()?;
        remove_stale_temps(&target);
        let (mut file, tmp) = temp_file(&target)?;
        // The file keeps the permissions it had (a user may have chosen them); new files are
        // private.
        if let Ok(m) = fs::metadata(&target) {
            let _ = file.set_permissions(fs::Permissions::from_mode(m.permissions().mode()));
        }
        let result = write_json(&mut file, value)
            .and_then(|seen| fs::rename(&tmp, &target).map(|()| seen))
            .and_then(|seen| sync_dir(&target).map(|()| seen));
        if result.is_err() {
            // A full disk: do not leave a half-written temporary file taking space.
            let _ = fs::remove_file(&tmp);
        }
        result
    }
}

/// Write `value` to a new file `<stem>[-N].json` in `dir`, never replacing anything, and return
/// its path (for copies of unsaved data).
pub fn write_new<T: Serialize>(dir: &Path, stem: &str, value: &T) -> io::Result<PathBuf> {
    for n in 0..100 {
        let path = dir.join(numbered(stem, n, ".json"));
        let mut file = match create_exclusive(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(link_refused(e, &path)),
        };
        let result = write_json(&mut file, value).and_then(|_| sync_dir(&path));
        if let Err(e) = result {
            let _ = fs::remove_file(&path);
            return Err(e);
        }
        return Ok(path);
    }
    Err(io::Error::other("too many copies with the same name"))
}

/// `stem`, `stem-1`, `stem-2`, … followed by `ext`.
fn numbered(stem: &str, n: usize, ext: &str) -> String {
    match n {
        0 => format!("{stem}{ext}"),
        n => format!("{stem}-{n}{ext}"),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// Stream `value` as pretty JSON into `file` and fsync it (no copy of the whole file in
/// memory); returns the digest of the bytes written.
fn write_json<T: Serialize>(file: &mut File, value: &T) -> io::Result<Seen> {
    let mut out = Digesting {
        out: BufWriter::with_capacity(1 << 16, &mut *file),
        seen: Seen::START,
    };
    serde_json::to_writer_pretty(&mut out, value).map_err(io::Error::other)?;
    out.write_all(b"\n")?;
    out.flush()?;
    let seen = out.seen;
    drop(out);
    file.sync_all()?;
    Ok(seen)
}

/// A digest of a file's bytes (64-bit FNV-1a), to tell whether it changed since this process
/// read or wrote it. Not a defence against a forger: whoever can write the file can do worse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen(u64);

impl Seen {
    const START: Seen = Seen(0xcbf2_9ce4_8422_2325);

    fn of(bytes: &[u8]) -> Self {
        Self::START.add(bytes)
    }

    fn add(self, bytes: &[u8]) -> Self {
        Seen(bytes.iter().fold(self.0, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        }))
    }
}

/// A writer that digests what it passes on.
struct Digesting<W> {
    out: W,
    seen: Seen,
}

impl<W: Write> Write for Digesting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.out.write(buf)?;
        self.seen = self.seen.add(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A new file, mode 0600, created only if nothing (not even a dangling link) has its name.
fn create_exclusive(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
}

/// A temporary file next to `target`, `.<name>.<16 random hex digits>.tmp`.
fn temp_file(target: &Path) -> io::Result<(File, PathBuf)> {
    let name = file_name(target);
    for _ in 0..100 {
        let tmp = target.with_file_name(format!(".{name}.{:016x}.tmp", super::model::random()));
        match create_exclusive(&tmp) {
            Ok(f) => return Ok((f, tmp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("no free temporary file name"))
}

/// Is `name` one of [`temp_file`]'s names for the file `target_name`?
fn is_temp_name(name: &str, target_name: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|n| n.strip_prefix(target_name))
        .and_then(|n| n.strip_prefix('.'))
        .and_then(|n| n.strip_suffix(".tmp"))
        .is_some_and(|hex| hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// How old a temporary file must be to count as left by a killed writer. Under the lock no
/// live writer of this data directory has one, but another data directory may link to the
/// same file; no write takes this long.
const STALE: std::time::Duration = std::time::Duration::from_secs(600);

/// Remove temporary files killed writers left next to `target` (older than [`STALE`]). Only
/// regular files are removed (a link of that name is left alone).
fn remove_stale_temps(target: &Path) {
    let (Some(dir), name) = (target.parent(), file_name(target)) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let old = |m: fs::Metadata| m.modified().ok()?.elapsed().ok();
        let stale = entry
            .file_name()
            .to_str()
            .is_some_and(|n| is_temp_name(n, &name))
            && entry.file_type().is_ok_and(|t| t.is_file())
            && entry
                .metadata()
                .ok()
                .and_then(old)
                .is_some_and(|age| age > STALE);
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Read a file (following links to it), refusing what is not a regular file (a FIFO would
/// block for ever, a device never end).
fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = File::open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    io::Read::read_to_end(&mut file, &mut bytes)?;
    Ok(bytes)
}

/// Rename `from` to `to` unless `to` exists (a file, a directory or a link). A hard link is
/// made first, which fails on an existing name; file systems without hard links get a check
/// then a rename.
fn rename_no_replace(from: &Path, to: &Path) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => fs::remove_file(from),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => match fs::symlink_metadata(to) {
            Ok(_) => Err(io::ErrorKind::AlreadyExists.into()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => fs::rename(from, to),
            Err(e) => Err(e),
        },
    }
}

/// Say plainly when an open failed because of a link at the name.
fn link_refused(e: io::Error, path: &Path) -> io::Error {
    if e.raw_os_error() == Some(libc::ELOOP) {
        io::Error::other(format!(
            "{} is a symbolic link; memcon does not follow links where it creates files (remove it)",
            path.display()
        ))
    } else {
        e
    }
}

/// Why bytes are not a file of this schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// Written by a newer memcon (its schema number).
    Newer(u64),
    /// Not valid JSON of this schema (what is wrong, with line and column).
    Bad(String),
}

/// Just the schema number, read past everything else without building it.
#[derive(Deserialize)]
struct Head {
    schema: Option<serde_json::Value>,
}

/// Parse a file's bytes as memcon reads them: a UTF-8 byte order mark allowed, the schema
/// checked before anything else. The one entry for every reader of the format (the store,
/// tests, fuzzing).
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Check> {
    // Editors on some systems start UTF-8 files with a byte order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head: Head =
        serde_json::from_slice(bytes).map_err(|e| Check::Bad(format!("not valid JSON ({e})")))?;
    match head.schema.as_ref().and_then(serde_json::Value::as_u64) {
        Some(n) if n > u64::from(SCHEMA) => return Err(Check::Newer(n)),
        Some(n) if n == u64::from(SCHEMA) => {}
        _ => return Err(Check::Bad("no \"schema\": 1 field".into())),
    }
    serde_json::from_slice(bytes).map_err(|e| Check::Bad(format!("unexpected content ({e})")))
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
    use std::os::unix::fs::symlink;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_replace_the_file_and_leave_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let slot = Slot::new(&dir.path().join("a/b"), "bookmarks.json");
        let _lock = slot.lock().unwrap();
        slot.write(&BookmarkFile::default()).unwrap();
        let seen = slot.write(&BookmarkFile::default()).unwrap();
        assert!(matches!(slot.read::<BookmarkFile>(None), Read::Loaded(..)));
        // What was just written is known by its digest and not parsed again.
        assert!(matches!(
            slot.read::<BookmarkFile>(Some(seen)),
            Read::Unchanged
        ));
        let mut other = BookmarkFile::default();
        other.extra.insert("x".into(), 1.into());
        Slot::new(&dir.path().join("a/b"), "bookmarks.json")
            .write(&other)
            .unwrap();
        assert!(matches!(
            slot.read::<BookmarkFile>(Some(seen)),
            Read::Loaded(..)
        ));
        assert_eq!(
            names(&dir.path().join("a/b")),
            ["bookmarks.json", "bookmarks.json.lock"]
        );
        for d in ["a", "a/b"] {
            let mode = fs::metadata(dir.path().join(d))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o700, "{d}");
        }
    }

    #[test]
    fn reading_changes_nothing_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let missing = Slot::new(&dir.path().join("none"), "bookmarks.json");
        assert!(matches!(missing.read::<BookmarkFile>(None), Read::Missing));
        assert!(!dir.path().join("none").exists(), "no directory made");
        fs::write(dir.path().join("bookmarks.json"), b"{\"schema\": 1, \"book").unwrap();
        let slot = Slot::new(dir.path(), "bookmarks.json");
        assert!(matches!(slot.read::<BookmarkFile>(None), Read::Corrupt(_)));
        assert_eq!(
            names(dir.path()),
            ["bookmarks.json"],
            "nothing moved or made"
        );
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let dir = tempfile::tempdir().unwrap();
        let slot = Slot::new(dir.path(), "bookmarks.json");
        fs::write(
            &slot.path,
            b"\xEF\xBB\xBF{\"schema\": 1, \"bookmarks\": []}\n",
        )
        .unwrap();
        assert!(matches!(slot.read::<BookmarkFile>(None), Read::Loaded(..)));
    }

    #[test]
    fn a_fifo_is_refused_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let slot = Slot::new(dir.path(), "bookmarks.json");
        let c = std::ffi::CString::new(slot.path.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        // Opening a FIFO for reading blocks until a writer comes: open one ourselves.
        let writer = std::thread::spawn({
            let p = slot.path.clone();
            move || OpenOptions::new().write(true).open(p)
        });
        assert!(matches!(slot.read::<BookmarkFile>(None), Read::Failed(_)));
        drop(writer.join());
    }

    #[test]
    fn a_link_planted_at_a_name_memcon_creates_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, b"precious").unwrap();
        let planted = dir.path().join("planted");
        symlink(&victim, &planted).unwrap();
        assert!(create_exclusive(&planted).is_err());
        // A dangling link is refused too (O_EXCL), and nothing is made at its target.
        let dangling = dir.path().join("dangling");
        symlink(dir.path().join("made-through-link"), &dangling).unwrap();
        assert!(create_exclusive(&dangling).is_err());
        assert!(!dir.path().join("made-through-link").exists());
        // The lock file: a link there is refused with a message naming it.
        let slot = Slot::new(dir.path(), "bookmarks.json");
        symlink(&victim, dir.path().join("bookmarks.json.lock")).unwrap();
        let e = slot.lock().err().unwrap();
        assert!(e.to_string().contains("is a symbolic link"), "{e}");
        // A fallback copy takes the next free name instead of writing through a link.
        symlink(&victim, dir.path().join("copy.json")).unwrap();
        let path = write_new(dir.path(), "copy", &BookmarkFile::default()).unwrap();
        assert_eq!(path, dir.path().join("copy-1.json"));
        assert_eq!(fs::read(&victim).unwrap(), b"precious");
    }

    #[test]
    fn temporary_names_are_unpredictable() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("bookmarks.json");
        let (_, a) = temp_file(&target).unwrap();
        let (_, b) = temp_file(&target).unwrap();
        assert_ne!(a, b);
        let a = file_name(&a);
        assert!(is_temp_name(&a, "bookmarks.json"), "{a}");
        assert!(!is_temp_name(".bookmarks.json.tmp", "bookmarks.json"));
        assert!(!is_temp_name(
            ".bookmarks.json.0123456789abcdef.tmp",
            "positions.json"
        ));
    }

    #[test]
    fn a_killed_writers_temporary_file_is_removed_by_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let slot = Slot::new(dir.path(), "bookmarks.json");
        let leftover = dir.path().join(".bookmarks.json.0123456789abcdef.tmp");
        fs::write(&leftover, b"half").unwrap();
        let long_ago = std::time::SystemTime::now() - STALE * 2;
        File::options()
            .write(true)
            .open(&leftover)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        // One being written by a writer of another data directory linked to the same file.
        let recent = dir.path().join(".bookmarks.json.00000000000000aa.tmp");
        fs::write(&recent, b"in progress").unwrap();
        // Something else of a similar name, and a link of a temporary's name, stay.
        fs::write(dir.path().join(".bookmarks.json.tmp"), b"not ours").unwrap();
        symlink(
            "/nonexistent",
            dir.path().join(".bookmarks.json.fedcba9876543210.tmp"),
        )
        .unwrap();
        let _lock = slot.lock().unwrap();
        slot.write(&BookmarkFile::default()).unwrap();
        assert_eq!(
            names(dir.path()),
            [
                ".bookmarks.json.00000000000000aa.tmp",
                ".bookmarks.json.fedcba9876543210.tmp",
                ".bookmarks.json.tmp",
                "bookmarks.json",
                "bookmarks.json.lock"
            ]
        );
    }

    #[test]
    fn writing_through_a_linked_file_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let synced = dir.path().join("synced");
        fs::create_dir(&synced).unwrap();
        let data = dir.path().join("data");
        fs::create_dir(&data).unwrap();
        symlink("../synced/bookmarks.json", data.join("bookmarks.json")).unwrap();
        let slot = Slot::new(&data, "bookmarks.json");
        let _lock = slot.lock().unwrap();
        // The link dangles until the first write makes its target.
        assert!(matches!(slot.read::<BookmarkFile>(None), Read::Missing));
        slot.write(&BookmarkFile::default()).unwrap();
        let mut file = BookmarkFile::default();
        file.extra.insert("marker".into(), 1.into());
        slot.write(&file).unwrap();
        let link = fs::symlink_metadata(data.join("bookmarks.json")).unwrap();
        assert!(link.file_type().is_symlink());
        let read: BookmarkFile =
            serde_json::from_slice(&fs::read(synced.join("bookmarks.json")).unwrap()).unwrap();
        assert_eq!(read, file);
        assert_eq!(names(&synced), ["bookmarks.json"]);
        // Set aside: the target moves, the link stays (dangling until the next write).
        let moved = slot.set_aside().unwrap();
        let moved_dir = moved.parent().unwrap().canonicalize().unwrap();
        assert_eq!(moved_dir, synced.canonicalize().unwrap());
        assert!(fs::symlink_metadata(data.join("bookmarks.json")).is_ok());
    }

    #[test]
    fn set_aside_never_replaces_a_name_that_exists() {
        let dir = tempfile::tempdir().unwrap();
        let slot = Slot::new(dir.path(), "bookmarks.json");
        let stamp = Timestamp::now().compact();
        fs::write(&slot.path, b"one").unwrap();
        // A link already at the first name: neither it nor its target is touched.
        let victim = dir.path().join("victim");
        fs::write(&victim, b"precious").unwrap();
        let first = dir.path().join(format!("bookmarks.json.corrupt-{stamp}"));
        symlink(&victim, &first).unwrap();
        let moved = slot.set_aside().unwrap();
        if Timestamp::now().compact() == stamp {
            assert_eq!(
                file_name(&moved),
                format!("bookmarks.json.corrupt-{stamp}-1")
            );
        }
        assert_eq!(fs::read(&moved).unwrap(), b"one");
        assert_eq!(fs::read(&victim).unwrap(), b"precious");
        assert!(
            fs::symlink_metadata(&first)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(!slot.path.exists());
    }
}
