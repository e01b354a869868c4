//! Reading a user's file with limits: regular files only, never more than the size the file
//! had when it was opened, and never more than a cap the user can raise.
//!
//! A FIFO would block the reader for ever and `/dev/zero` would fill the memory, so anything
//! but a regular file is refused before a byte is read (the file is opened without blocking,
//! then checked). A file that grows while memcon reads it is read up to the size it had at
//! open. The caps ([`Limits`]) come from `--max-file-size`, the environment, or the
//! `[limits]` table of config.toml, in that order.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Caps the size of documents (the flag and this variable; the variable wins over
/// config.toml).
pub const ENV_MAX_FILE_SIZE: &str = "MEMCON_MAX_FILE_SIZE";
/// Caps the size of the alias file.
pub const ENV_MAX_ALIAS_SIZE: &str = "MEMCON_MAX_ALIAS_SIZE";

/// How big a file memcon agrees to read, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A document (`memcon FILE`, `export`, `entities`, `bookmarks add`).
    pub document: u64,
    /// The alias file (aliases.toml).
    pub alias_file: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            document: 1 << 30,
            alias_file: 4 << 20,
        }
    }
}

/// What the `[limits]` table of config.toml sets (read by `crate::config`): bytes, or
/// nothing for the default.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LimitSettings {
    pub document: Option<u64>,
    pub alias_file: Option<u64>,
}

impl Limits {
    /// The caps for this run: `flag` (`--max-file-size`) first, then the environment, then
    /// `config` (the `[limits]` table of config.toml), then the defaults. A bad value is an
    /// error naming where it came from.
    pub fn resolve(flag: Option<&str>, config: LimitSettings) -> Result<Self, String> {
        Self::resolve_with(flag, config, |name| std::env::var(name).ok())
    }

    /// [`Limits::resolve`] with the environment given (for tests).
    pub fn resolve_with(
        flag: Option<&str>,
        config: LimitSettings,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, String> {
        let defaults = Self::default();
        let mut limits = Self {
            document: config.document.unwrap_or(defaults.document),
            alias_file: config.alias_file.unwrap_or(defaults.alias_file),
        };
        let env = |name: &str| env(name).filter(|v| !v.trim().is_empty());
        if let Some(v) = env(ENV_MAX_ALIAS_SIZE) {
            limits.alias_file = parse_size(&v).map_err(|e| format!("{ENV_MAX_ALIAS_SIZE}: {e}"))?;
        }
        if let Some(v) = env(ENV_MAX_FILE_SIZE) {
            limits.document = parse_size(&v).map_err(|e| format!("{ENV_MAX_FILE_SIZE}: {e}"))?;
        }
        if let Some(v) = flag {
            limits.document = parse_size(v).map_err(|e| format!("--max-file-size: {e}"))?;
        }
        Ok(limits)
    }
}

/// config.toml is small; more than this is not a configuration file.
pub const CONFIG_CAP: u64 = 1 << 20;

/// `"512M"`, `"2 GiB"`, `"64k"`, `"1048576"` → bytes (K, M, G, T are powers of 1024).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let (num, unit) = t.split_at(digits);
    let n: u64 = num.parse().map_err(|_| {
        format!("{text:?} is not a size (write it as 512M, 2G or a number of bytes)")
    })?;
    let unit = unit.trim().to_ascii_lowercase();
    let unit = unit
        .strip_suffix("ib")
        .or_else(|| unit.strip_suffix('b'))
        .unwrap_or(&unit);
    let shift = match unit {
        "" => 0,
        "k" => 10,
        "m" => 20,
        "g" => 30,
        "t" => 40,
        _ => {
            return Err(format!(
                "{text:?} is not a size (write it as 512M, 2G or a number of bytes)"
            ));
        }
    };
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("{text:?} is too large"))
}

/// A size for people: `1.5 GiB`, `300 KiB`, `12 bytes`.
pub fn show_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    let value = format!("{value:.1}");
    let value = value.strip_suffix(".0").unwrap_or(&value);
    format!("{value} {}", UNITS[unit])
}

/// A regular file opened for reading, and its size when it was opened.
#[derive(Debug)]
pub struct Opened {
    pub file: File,
    /// Bytes to read: the size at open. More written later is not read.
    pub len: u64,
    /// The name to show in messages.
    pub shown: String,
}

impl Opened {
    /// Read up to `n` bytes from where the file stands (fewer at its end, or if it shrank).
    pub fn read_up_to(&mut self, n: u64) -> std::io::Result<Vec<u8>> {
        let mut buf = Vec::with_capacity(usize::try_from(n).unwrap_or(0));
        (&mut self.file).take(n).read_to_end(&mut buf)?;
        Ok(buf)
    }

    /// Read the rest of the file up to its size at open, after the `head` already read.
    pub fn read_rest(mut self, head: Vec<u8>) -> std::io::Result<Vec<u8>> {
        let mut buf = head;
        let left = self.len.saturating_sub(buf.len() as u64);
        buf.reserve_exact(usize::try_from(left).unwrap_or(0));
        (&mut self.file).take(left).read_to_end(&mut buf)?;
        Ok(buf)
    }
}

/// Open the document at `path` under the cap `limit`: a clear one-line reason (`<path>:
/// <why>`) for a directory, a FIFO, a device, a socket, a missing or unreadable file, and
/// a file over the cap.
pub fn open(path: &Path, limit: u64) -> Result<Opened, String> {
    open_capped(path, limit, Cap::Document)
}

/// Which cap applies to a file, and so which setting raises it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    Document,
    /// A file of a collection (which has a cap of its own).
    Collection,
    AliasFile,
    Config,
}

impl Cap {
    /// What the file is, in a message.
    fn what(self) -> &'static str {
        match self {
            Cap::Document => "documents",
            Cap::Collection => "a collection's files",
            Cap::AliasFile => "the alias file",
            Cap::Config => "the configuration file",
        }
    }

    fn how_to_raise(self) -> String {
        match self {
            Cap::Document => format!(
                "raise it with --max-file-size SIZE, {ENV_MAX_FILE_SIZE} or `document` in \
                 the [limits] table of config.toml"
            ),
            Cap::AliasFile => format!(
                "raise it with {ENV_MAX_ALIAS_SIZE} or `alias_file` in the [limits] table of \
                 config.toml"
            ),
            Cap::Collection => "open it on its own".to_string(),
            Cap::Config => "a configuration file is never this big".to_string(),
        }
    }
}

fn open_capped(path: &Path, limit: u64, cap: Cap) -> Result<Opened, String> {
    open_why(path, limit, cap).map_err(|why| format!("{}: {why}", path.display()))
}

/// Open a regular file under `limit` (its cap `cap`); `Err` is why not, without the path
/// (for lists that name the file themselves, like a collection's skipped files).
pub fn open_why(path: &Path, limit: u64, cap: Cap) -> Result<Opened, String> {
    let shown = path.display().to_string();
    let file = open_nonblocking(path).map_err(|e| io_reason(&e))?;
    let meta = file.metadata().map_err(|e| io_reason(&e))?;
    if let Some(kind) = not_regular(&meta.file_type()) {
        return Err(format!("is {kind}, not a file memcon can read"));
    }
    let len = meta.len();
    if len > limit {
        return Err(format!(
            "{} is over the {} limit for {}; {}",
            show_size(len),
            show_size(limit),
            cap.what(),
            cap.how_to_raise()
        ));
    }
    Ok(Opened { file, len, shown })
}

/// Read a small text file (the alias file, config.toml) under `limit`: `Ok(None)` when it
/// does not exist; invalid UTF-8 is an error.
pub fn read_text(path: &Path, limit: u64, cap: Cap) -> Result<Option<String>, String> {
    let mut opened = match open_capped(path, limit, cap) {
        Ok(o) => o,
        Err(_) if !path.exists() => return Ok(None),
        Err(e) => return Err(e),
    };
    let bytes = opened
        .read_up_to(opened.len)
        .map_err(|e| format!("{}: {}", opened.shown, io_reason(&e)))?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| format!("{}: not UTF-8 text", opened.shown))
}

/// Open for reading without blocking (a FIFO would otherwise wait for a writer).
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let fd = rustix::fs::open(path, flags, Mode::empty())?;
    Ok(File::from(fd))
}

/// What a file is when it is not a regular file, in words.
fn not_regular(t: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if t.is_file() {
        None
    } else if t.is_dir() {
        Some("a directory")
    } else if t.is_fifo() {
        Some("a named pipe (FIFO)")
    } else if t.is_socket() {
        Some("a socket")
    } else if t.is_char_device() || t.is_block_device() {
        Some("a device")
    } else {
        Some("not a regular file")
    }
}

/// An IO error in a few words.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file".into(),
        PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(parse_size("512M"), Ok(512 << 20));
        assert_eq!(parse_size("2 GiB"), Ok(2 << 30));
        assert_eq!(parse_size("64k"), Ok(64 << 10));
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("10MB"), Ok(10 << 20));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5X").is_err());
        assert!(parse_size("99999999999T").is_err());
        assert_eq!(show_size(1 << 30), "1 GiB");
        assert_eq!(show_size(1536 << 10), "1.5 MiB");
        assert_eq!(show_size(12), "12 bytes");
    }

    #[test]
    fn the_flag_wins_over_the_environment_and_the_environment_over_the_config() {
        let config = LimitSettings {
            document: Some(2 << 30),
            alias_file: Some(1024),
        };
        let none = |_: &str| None;
        let l = Limits::resolve_with(None, config, none).unwrap();
        assert_eq!((l.document, l.alias_file), (2 << 30, 1024));
        let env = |name: &str| (name == ENV_MAX_FILE_SIZE).then(|| "3G".to_string());
        let l = Limits::resolve_with(None, config, env).unwrap();
        assert_eq!(l.document, 3 << 30);
        let l = Limits::resolve_with(Some("10M"), config, env).unwrap();
        assert_eq!(l.document, 10 << 20);
        assert_eq!(
            Limits::resolve_with(None, LimitSettings::default(), none).unwrap(),
            Limits::default()
        );
    }

    #[test]
    fn a_bad_limit_names_where_it_came_from() {
        let env = |name: &str| (name == ENV_MAX_ALIAS_SIZE).then(|| "huge".to_string());
        let e = Limits::resolve_with(None, LimitSettings::default(), env).unwrap_err();
        assert!(
            e.starts_with(ENV_MAX_ALIAS_SIZE) && e.contains("huge"),
            "{e}"
        );
        let e = Limits::resolve_with(Some("x"), LimitSettings::default(), |_| None).unwrap_err();
        assert!(e.starts_with("--max-file-size"), "{e}");
    }

    #[test]
    fn only_regular_files_are_opened() {
        let dir = tempfile::tempdir().unwrap();
        let e = open(dir.path(), 1 << 20).unwrap_err();
        assert!(
            e.ends_with("is a directory, not a file memcon can read"),
            "{e}"
        );
        let e = open(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert!(e.contains("is a device"), "{e}");
        let fifo = dir.path().join("pipe");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
            0,
        )
        .unwrap();
        // Opening does not wait for a writer: the FIFO is refused at once.
        let e = open(&fifo, 1 << 20).unwrap_err();
        assert!(e.contains("named pipe"), "{e}");
        let e = open(&dir.path().join("missing.txt"), 1 << 20).unwrap_err();
        assert!(e.ends_with("no such file"), "{e}");
    }

    #[test]
    fn a_file_over_the_cap_is_refused_with_the_way_to_raise_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, vec![b'a'; 3000]).unwrap();
        let e = open(&path, 2048).unwrap_err();
        assert!(e.contains("2.9 KiB is over the 2 KiB limit"), "{e}");
        assert!(e.contains("--max-file-size"), "{e}");
        assert!(open(&path, 3000).is_ok());
        let e = read_text(&path, 100, Cap::AliasFile).unwrap_err();
        assert!(e.contains(ENV_MAX_ALIAS_SIZE), "{e}");
        assert_eq!(
            read_text(&dir.path().join("no.toml"), 100, Cap::AliasFile),
            Ok(None)
        );
    }

    #[test]
    fn a_growing_file_is_read_to_its_size_at_open() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("growing.txt");
        std::fs::write(&path, b"first part\n").unwrap();
        let mut opened = open(&path, 1 << 20).unwrap();
        let mut writer = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        writer.write_all(b"written later\n").unwrap();
        let head = opened.read_up_to(5).unwrap();
        assert_eq!(head, b"first");
        assert_eq!(opened.read_rest(head).unwrap(), b"first part\n");
    }
}
