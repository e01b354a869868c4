//! Indexing files: read, look at the bytes, parse, extract entities — one file per task on
//! every core (rayon). A file that is not a document is skipped with the reason; a panic on
//! one file becomes the reason that file is skipped ([`crate::contain`]).

use super::record::{DocRecord, DocText, FileKey, path_bytes};
use super::walk::Found;
use crate::document::{self, LoadError};
use crate::entities::{Lexicon, UserAliases};
use rayon::prelude::*;

/// Files bigger than this are left out of a collection (open them on their own).
pub const MAX_BYTES: u64 = 16 << 20;

/// Above this share of undecodable bytes a file is not taken for UTF-8 text.
const MAX_BAD_SHARE: f64 = 0.05;

/// The entity rules every document of a collection is read with: the gazetteer and the
/// user's alias file.
#[derive(Debug, Default)]
pub struct Rules {
    pub aliases: UserAliases,
    /// The built-in lexicon with the alias file's names; `None`: the built-in one.
    lexicon: Option<Lexicon>,
}

impl Rules {
    pub fn new(aliases: UserAliases) -> Self {
        let lexicon = (aliases != UserAliases::default()).then(|| aliases.lexicon());
        Self { aliases, lexicon }
    }

    pub fn lexicon(&self) -> &Lexicon {
        self.lexicon.as_ref().unwrap_or_else(|| Lexicon::builtin())
    }

    /// Changes whenever the entities found could change: memcon's version, the gazetteer,
    /// the alias file.
    pub fn stamp(&self) -> String {
        let gazetteer = bytes_hash(crate::entities::lexicon::GAZETTEER.as_bytes());
        let aliases = bytes_hash(format!("{:?}", self.aliases).as_bytes());
        format!(
            "memcon {} gazetteer {gazetteer:016x} aliases {aliases:016x}",
            env!("CARGO_PKG_VERSION")
        )
    }
}

/// What indexing one file gave.
#[derive(Debug)]
pub enum Outcome {
    Indexed(Box<(DocRecord, DocText)>),
    /// The file has not changed since `known` was indexed (only its time did).
    Unchanged {
        hash: u64,
    },
    Skipped {
        key: FileKey,
        reason: String,
    },
}

/// A 64-bit hash of bytes, eight at a time (a multiply-rotate mix with a final avalanche).
/// Stable across builds, so a cache written by one memcon is read by the next.
pub fn bytes_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = 0x2545_F491_4F6C_DD1D ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        h = (h ^ w).wrapping_mul(K).rotate_left(31);
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(last)).wrapping_mul(K);
    h ^= h >> 32;
    h = h.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    h ^ (h >> 32)
}

/// Index one file. `known_hash` is the hash of the file's bytes when it was indexed last:
/// if the bytes still hash the same, nothing is parsed.
pub fn index_file(found: &Found, known_hash: Option<u64>, rules: &Rules) -> Outcome {
    let mut key = FileKey {
        path: path_bytes(&found.path),
        shown: found.shown.clone(),
        size: found.size,
        mtime: found.mtime,
        hash: 0,
    };
    let skip = |key: FileKey, reason: String| Outcome::Skipped { key, reason };
    if found.size == 0 {
        return skip(key, "empty file".into());
    }
    if found.size > MAX_BYTES {
        let reason = format!(
            "too big for a collection ({} MB; the limit is {} MB): open it on its own",
            found.size >> 20,
            MAX_BYTES >> 20
        );
        return skip(key, reason);
    }
    // Through `crate::source`, as every document: a regular file (the walk saw one, but it
    // may have been replaced since), read up to its size now and no further.
    let read = crate::source::open_why(&found.path, MAX_BYTES, crate::source::Cap::Collection)
        .map_err(|why| format!("unreadable: {why}"))
        .and_then(|mut f| {
            f.read_up_to(f.len)
                .map_err(|e| format!("unreadable: {}", super::io_reason(&e)))
        });
    let bytes = match read {
        Ok(b) => b,
        Err(why) => return skip(key, why),
    };
    key.hash = bytes_hash(&bytes);
    if known_hash == Some(key.hash) {
        return Outcome::Unchanged { hash: key.hash };
    }
    if let Some(reason) = not_text(&bytes) {
        return skip(key, reason);
    }
    let doc = match document::load_owned(&found.path.display().to_string(), bytes) {
        Ok(d) => d,
        Err(LoadError::Binary) => return skip(key, "binary file (it contains NUL bytes)".into()),
    };
    let entities = crate::entities::extract_with(&doc, rules.lexicon(), &rules.aliases);
    let text = DocText::new(&doc);
    let record = DocRecord::new(key, &doc, &entities);
    Outcome::Indexed(Box::new((record, text)))
}

/// Why `bytes` are not a text document, if they are not.
fn not_text(bytes: &[u8]) -> Option<String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Some("empty file (only blank space)".into());
    }
    if bytes.contains(&0) {
        return Some("binary file (it contains NUL bytes)".into());
    }
    if std::str::from_utf8(bytes).is_err() {
        let text = String::from_utf8_lossy(bytes);
        let bad = text.matches('\u{FFFD}').count();
        let share = bad as f64 / text.chars().count().max(1) as f64;
        if share > MAX_BAD_SHARE {
            return Some(format!(
                "not UTF-8 text ({:.0}% of it cannot be decoded)",
                (share * 100.0).ceil()
            ));
        }
    }
    None
}

/// Index `jobs` (each file with the hash it had, if it was indexed before) on every core,
/// handing each outcome to `sink` with the job's index as soon as it is ready. A panic
/// while indexing a file skips that file with the panic's message.
pub fn index_all(
    jobs: &[(Found, Option<u64>)],
    rules: &Rules,
    sink: impl Fn(usize, Outcome) + Sync + Send,
) {
    jobs.par_iter().enumerate().for_each(|(i, (found, known))| {
        let out = crate::contain::run("index", || index_file(found, *known, rules)).unwrap_or_else(
            |failure| Outcome::Skipped {
                key: FileKey {
                    path: path_bytes(&found.path),
                    shown: found.shown.clone(),
                    size: found.size,
                    mtime: found.mtime,
                    hash: 0,
                },
                reason: format!("memcon failed on this file ({})", failure.detail),
            },
        );
        sink(i, out);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(dir: &std::path::Path, name: &str, bytes: &[u8]) -> Found {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        Found {
            path,
            shown: name.into(),
            size: bytes.len() as u64,
            mtime: 1,
        }
    }

    fn reason(o: Outcome) -> String {
        match o {
            Outcome::Skipped { reason, .. } => reason,
            other => panic!("not skipped: {other:?}"),
        }
    }

    #[test]
    fn non_documents_are_skipped_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let rules = Rules::default();
        let d = dir.path();
        let r = |name: &str, bytes: &[u8]| reason(index_file(&found(d, name, bytes), None, &rules));
        assert_eq!(r("empty.txt", b""), "empty file");
        assert_eq!(r("blank.txt", b"  \n\n "), "empty file (only blank space)");
        assert!(r("bin.txt", b"GIF89a\0\0\x01").starts_with("binary file"));
        let latin = vec![0xE9u8; 100];
        assert!(r("latin.txt", &latin).starts_with("not UTF-8 text"));
        let mut big = found(d, "big.txt", b"x");
        big.size = MAX_BYTES + 1;
        assert!(reason(index_file(&big, None, &rules)).starts_with("too big"));
        let mut gone = found(d, "gone.txt", b"x");
        gone.path = d.join("not-there.txt");
        assert_eq!(
            reason(index_file(&gone, None, &rules)),
            "unreadable: no such file"
        );
    }

    #[test]
    fn a_document_is_indexed_and_an_unchanged_one_is_not_parsed_again() {
        let dir = tempfile::tempdir().unwrap();
        let f = found(
            dir.path(),
            "memo.txt",
            b"Notes\n\nWe met at Dairen. A few bad bytes \xE9.",
        );
        let rules = Rules::default();
        let Outcome::Indexed(b) = index_file(&f, None, &rules) else {
            panic!("not indexed")
        };
        let (record, text) = *b;
        assert!(record.entities.iter().any(|e| e.name.contains("Dairen")));
        assert!((0..text.blocks()).any(|b| text.block(b).contains("Dairen")));
        assert!(!record.warnings.is_empty(), "the bad byte is reported");
        let again = index_file(&f, Some(record.file.hash), &rules);
        assert!(matches!(again, Outcome::Unchanged { .. }));
    }

    #[test]
    fn hashes_differ_for_small_changes() {
        assert_ne!(bytes_hash(b"abc"), bytes_hash(b"abd"));
        assert_ne!(bytes_hash(b""), bytes_hash(b"\0"));
        assert_ne!(bytes_hash(b"12345678a"), bytes_hash(b"12345678b"));
        assert_eq!(bytes_hash(b"same"), bytes_hash(b"same"));
    }
}
