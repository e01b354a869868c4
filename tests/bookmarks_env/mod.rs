//! A temporary home for the `memcon bookmarks` tests: a data directory, a temporary directory
//! and a copy of the bundled memo, never the real home.
#![allow(dead_code)]

use memcon::bookmarks::file::BookmarkFile;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_memcon");

pub struct Env {
    pub dir: tempfile::TempDir,
    pub doc: PathBuf,
}

impl Env {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("memo.txt");
        fs::write(&doc, memcon::BUNDLED).unwrap();
        fs::create_dir(dir.path().join("tmp")).unwrap();
        Self { dir, doc }
    }

    /// The temporary directory the commands are given (`TMPDIR`).
    pub fn tmp(&self) -> PathBuf {
        self.dir.path().join("tmp")
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn file(&self) -> PathBuf {
        self.data().join("bookmarks.json")
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.args(args)
            .env("MEMCON_DATA_DIR", self.data())
            .env("HOME", self.dir.path())
            .env("TMPDIR", self.tmp())
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_STATE_HOME");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }

    pub fn add(&self, paragraph: usize, note: &str) -> Output {
        let doc = self.doc.to_str().unwrap();
        let n = paragraph.to_string();
        self.run(&["bookmarks", "add", doc, "--paragraph", &n, "--note", note])
    }

    pub fn saved(&self) -> BookmarkFile {
        let text = fs::read_to_string(self.file()).unwrap();
        serde_json::from_str(&text).unwrap()
    }
}

/// Every file and link under `dir` (recursively) with its kind and bytes, to show that a
/// command changed nothing.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for e in entries {
        let path = e.unwrap().path();
        let meta = fs::symlink_metadata(&path).unwrap();
        let what = if meta.file_type().is_symlink() {
            format!("link to {}", fs::read_link(&path).unwrap().display())
        } else if meta.is_dir() {
            out.extend(snapshot(&path));
            "dir".to_string()
        } else {
            format!("file {:?}", fs::read(&path).unwrap())
        };
        out.push((path, what));
    }
    out.sort();
    out
}

/// Files in `dir` whose names contain `part`.
pub fn named(dir: &Path, part: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    found.retain(|p| p.file_name().unwrap().to_string_lossy().contains(part));
    found.sort();
    found
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The id in `saved b-0123456789abcdef at paragraph ...`.
pub fn saved_id(stdout: &str) -> Option<String> {
    let rest = stdout.strip_prefix("saved ")?;
    Some(rest.split_whitespace().next()?.to_string())
}
