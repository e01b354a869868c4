//! Finding the files of a collection: every file under the folders named (nested folders
//! too) and every file named, with its size and modification time.
//!
//! Symbolic links are followed once: a folder or file reached a second time (a link loop, or
//! two links to one place) is skipped with the reason. Hidden files and folders (names that
//! start with `.`) are left out, as `ls` and `fd` leave them. Files whose extension says they
//! are data or markup (`.json`, `.csv`, `.pdf`…) are skipped with the reason; the rest are
//! looked at by content when they are indexed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A file that may be a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where to read it (as reached from the root given).
    pub path: PathBuf,
    /// How to show it: relative to the folder given (with `/`), or the path given.
    pub shown: String,
    pub size: u64,
    /// Modification time in nanoseconds since the epoch.
    pub mtime: i64,
}

/// A file (or folder) left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Skipped {
    pub shown: String,
    pub reason: String,
}

/// What a walk found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Walked {
    pub files: Vec<Found>,
    pub skipped: Vec<Skipped>,
    /// Hidden files and folders left out (not listed one by one).
    pub hidden: usize,
}

/// Extensions of files that hold data or markup rather than a document's text.
const NOT_DOCUMENTS: &[&str] = &[
    "json", "jsonl", "xml", "csv", "tsv", "yaml", "yml", "toml", "ini", "html", "htm", "xhtml",
    "pdf", "rtf", "doc", "docx", "odt", "epub", "zip", "gz", "tgz", "bz2", "xz", "7z", "tar",
    "png", "jpg", "jpeg", "gif", "tif", "tiff", "webp", "bmp", "svg", "mp3", "mp4", "wav", "exe",
    "so", "dll", "bin", "db", "sqlite",
];

/// Walk `roots` (folders and files). Files come in a stable order: by root as given, then by
/// path with folders and files sorted by name.
pub fn walk(roots: &[PathBuf]) -> Walked {
    let mut w = Walker::default();
    let single_dir = roots.len() == 1 && roots[0].is_dir();
    for root in roots {
        let prefix = if single_dir {
            String::new()
        } else {
            format!("{}/", root.display().to_string().trim_end_matches('/'))
        };
        match std::fs::metadata(root) {
            Ok(m) if m.is_dir() => {
                w.mark_seen(&m);
                w.dir(root, &prefix, &mut vec![id_of(&m)]);
            }
            Ok(m) => {
                let shown = root.display().to_string();
                w.file(root.clone(), shown, &m);
            }
            Err(e) => w.skip(root.display().to_string(), super::io_reason(&e)),
        }
    }
    w.out
}

/// A file or folder's identity on its device, to see it again through another link.
type Id = (u64, u64);

#[cfg(unix)]
fn id_of(m: &std::fs::Metadata) -> Id {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino())
}

#[cfg(not(unix))]
fn id_of(_: &std::fs::Metadata) -> Id {
    (0, 0)
}

#[derive(Default)]
struct Walker {
    out: Walked,
    seen: HashSet<Id>,
}

impl Walker {
    fn skip(&mut self, shown: String, reason: impl Into<String>) {
        self.out.skipped.push(Skipped {
            shown,
            reason: reason.into(),
        });
    }

    /// Remember a file or folder; false when it was met before.
    fn mark_seen(&mut self, m: &std::fs::Metadata) -> bool {
        let id = id_of(m);
        id == (0, 0) || self.seen.insert(id)
    }

    fn dir(&mut self, dir: &Path, prefix: &str, ancestors: &mut Vec<Id>) {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                let shown = if prefix.is_empty() {
                    dir.display().to_string()
                } else {
                    prefix.trim_end_matches('/').to_string()
                };
                self.skip(
                    shown,
                    format!("folder not readable: {}", super::io_reason(&e)),
                );
                return;
            }
        };
        let mut names: Vec<(String, std::fs::DirEntry, bool)> = entries
            .filter_map(Result::ok)
            .map(|e| {
                let link = e.file_type().is_ok_and(|t| t.is_symlink());
                (e.file_name().to_string_lossy().into_owned(), e, link)
            })
            .collect();
        names.sort_by_cached_key(|n| natural_key(&n.0));
        for (name, entry, link) in names {
            let path = entry.path();
            if name.starts_with('.') {
                self.out.hidden += 1;
                continue;
            }
            let shown = format!("{prefix}{name}");
            // Data files are known by name: no need to look at them further.
            if let Some(ext) = data_extension(&path) {
                self.skip(shown, format!("not a text document (.{ext})"));
                continue;
            }
            // The entry's own metadata is read relative to the open folder (no path to walk
            // again); a link's is its target's.
            let meta = if link {
                std::fs::metadata(&path)
            } else {
                entry.metadata()
            };
            let meta = match meta {
                Ok(m) => m,
                Err(e) if link => {
                    self.skip(shown, format!("broken link: {}", super::io_reason(&e)));
                    continue;
                }
                Err(e) => {
                    self.skip(shown, super::io_reason(&e));
                    continue;
                }
            };
            if meta.is_dir() {
                let id = id_of(&meta);
                if ancestors.contains(&id) {
                    self.skip(shown, "link loop: the folder contains itself");
                } else if !self.mark_seen(&meta) {
                    self.skip(shown, "folder already included through another path");
                } else {
                    ancestors.push(id);
                    self.dir(&path, &format!("{shown}/"), ancestors);
                    ancestors.pop();
                }
            } else if meta.is_file() {
                self.file(path, shown, &meta);
            } else {
                self.skip(shown, "not a regular file");
            }
        }
    }

    fn file(&mut self, path: PathBuf, shown: String, meta: &std::fs::Metadata) {
        if !self.mark_seen(meta) {
            self.skip(shown, "same file as another one already included");
            return;
        }
        if let Some(ext) = data_extension(&path) {
            self.skip(shown, format!("not a text document (.{ext})"));
            return;
        }
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        self.out.files.push(Found {
            path,
            shown,
            size: meta.len(),
            mtime,
        });
    }
}

/// The extension of a data or markup file, lower case.
fn data_extension(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_string_lossy().to_lowercase();
    NOT_DOCUMENTS.contains(&ext.as_str()).then_some(ext)
}

/// Compare names as people count: `d2` before `d10`, case aside.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return std::cmp::Ordering::Less,
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let n = take_number(&mut x);
                let m = take_number(&mut y);
                let ord = n
                    .trim_start_matches('0')
                    .len()
                    .cmp(&m.trim_start_matches('0').len())
                    .then_with(|| n.trim_start_matches('0').cmp(m.trim_start_matches('0')));
                if ord.is_ne() {
                    return ord;
                }
            }
            (Some(c), Some(d)) => {
                let ord = c.to_lowercase().cmp(d.to_lowercase());
                if ord.is_ne() {
                    return ord;
                }
                x.next();
                y.next();
            }
        }
    }
}

/// A key that sorts as [`natural_cmp`] does with a plain string comparison: lower case,
/// runs of digits padded to twenty.
pub fn natural_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if !digits.is_empty() {
            let d = digits.trim_start_matches('0');
            let d = if d.is_empty() { "0" } else { d };
            for _ in d.len()..20 {
                out.push('0');
            }
            out.push_str(d);
            digits.clear();
        }
    };
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.extend(c.to_lowercase());
        }
    }
    flush(&mut digits, &mut out);
    out
}

fn take_number(it: &mut std::iter::Peekable<std::str::Chars<'_>>) -> String {
    let mut s = String::new();
    while let Some(c) = it.peek().copied().filter(char::is_ascii_digit) {
        s.push(c);
        it.next();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_names_sort_by_value() {
        let mut v = vec!["d10.txt", "d2.txt", "D1.txt", "d02b.txt", "a.txt"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["a.txt", "D1.txt", "d2.txt", "d02b.txt", "d10.txt"]);
        let mut k = v.clone();
        k.sort_by_key(|s| natural_key(s));
        assert_eq!(k, v, "the key sorts the same way");
    }

    #[cfg(unix)]
    #[test]
    fn nested_folders_links_once_hidden_and_data_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("vol1/sub")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join("vol1/sub/b.txt"), "b").unwrap();
        std::fs::write(root.join("a.txt"), "a").unwrap();
        std::fs::write(root.join("a.json"), "{}").unwrap();
        std::fs::write(root.join(".hidden.txt"), "h").unwrap();
        std::os::unix::fs::symlink(root, root.join("vol1/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("a.txt"), root.join("z-link.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("gone.txt"), root.join("broken.txt")).unwrap();
        let w = walk(&[root.to_path_buf()]);
        let shown: Vec<&str> = w.files.iter().map(|f| f.shown.as_str()).collect();
        assert_eq!(shown, ["a.txt", "vol1/sub/b.txt"]);
        let skipped: Vec<(&str, &str)> = w
            .skipped
            .iter()
            .map(|s| (s.shown.as_str(), s.reason.as_str()))
            .collect();
        assert!(skipped.contains(&("a.json", "not a text document (.json)")));
        assert!(skipped.contains(&("vol1/loop", "link loop: the folder contains itself")));
        assert!(
            skipped
                .iter()
                .any(|(s, r)| *s == "z-link.txt" && r.starts_with("same file"))
        );
        assert!(
            skipped
                .iter()
                .any(|(s, r)| *s == "broken.txt" && r.starts_with("broken link"))
        );
        assert_eq!(w.hidden, 2);
    }
}
