//! Opening a collection for a command: the alias file, the cache folder, the index (with a
//! progress bar on standard error when it is a terminal), and the notices to print.

use super::warn;
use crate::corpus::{self, CacheDir, Collection, DocSummary, EntityTable, Event, Options, Rules};
use crate::document::sanitize::sanitize_str;
use crate::paths::Dirs;
use crate::source::Limits;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The entity rules with the user's alias file (a problem with it is printed).
pub fn rules(dirs: &Dirs, limits: &Limits) -> Rules {
    let (aliases, problem) = super::user_aliases(dirs, limits);
    if let Some(p) = problem {
        warn(&p);
    }
    Rules::new(aliases)
}

/// Where the collection of `roots` keeps its cache, if there is a cache directory.
pub fn cache_for(dirs: &Dirs, roots: &[PathBuf]) -> Option<CacheDir> {
    dirs.collections().map(|c| CacheDir::for_roots(&c, roots))
}

/// Check that every root exists. `Err` is the one line to print.
pub fn check_roots(roots: &[PathBuf]) -> Result<(), String> {
    for r in roots {
        if let Err(e) = std::fs::metadata(r) {
            return Err(format!(
                "{}: {}",
                shown(&r.display().to_string()),
                crate::corpus::io_reason(&e)
            ));
        }
    }
    Ok(())
}

/// Open the collection of `roots` for a command: a progress bar on standard error while
/// files are parsed (when it is a terminal), the cache's notices printed after.
pub fn open(
    roots: &[PathBuf],
    dirs: &Dirs,
    limits: &Limits,
    options: Options,
) -> Result<(Collection, Rules), String> {
    check_roots(roots)?;
    super::contain_failures(dirs);
    let rules = rules(dirs, limits);
    let cache = cache_for(dirs, roots);
    let bar = Bar::new(std::io::stderr().is_terminal());
    let collection = corpus::open(roots, cache.as_ref(), &rules, options, &|e| bar.event(e));
    bar.clear();
    for n in &collection.report.notices {
        warn(n);
    }
    Ok((collection, rules))
}

/// The rows and merged entities of a collection: straight from the cache when no file
/// changed, else after bringing the index up to date (with its progress bar).
pub fn entities(
    roots: &[PathBuf],
    dirs: &Dirs,
    limits: &Limits,
) -> Result<(Vec<DocSummary>, EntityTable), String> {
    check_roots(roots)?;
    let cache = cache_for(dirs, roots);
    if let Some(cache) = &cache {
        let rules = rules(dirs, limits);
        if let Some(q) = corpus::quick(roots, cache, &rules) {
            return Ok((q.docs, q.table));
        }
    }
    let (c, rules) = open(roots, dirs, limits, Options::default())?;
    let table = corpus::entity_table(&c, cache.as_ref(), &rules);
    Ok((c.docs.iter().map(|d| DocSummary::of(d)).collect(), table))
}

/// Text from a file name or a document, safe to print.
pub fn shown(text: &str) -> String {
    sanitize_str(text).replace('\n', " ")
}

/// A one-line progress bar on standard error, drawn at most every 50 ms.
struct Bar {
    on: bool,
    last: Mutex<Option<Instant>>,
}

impl Bar {
    fn new(on: bool) -> Self {
        Self {
            on,
            last: Mutex::new(None),
        }
    }

    fn event(&self, e: Event) {
        let Event::Indexed { done, total, .. } = e else {
            return;
        };
        if !self.on {
            return;
        }
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if last.is_some_and(|t| t.elapsed() < Duration::from_millis(50)) && done < total {
            return;
        }
        *last = Some(Instant::now());
        const WIDTH: usize = 30;
        let filled = WIDTH * done / total.max(1);
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r\x1b[Kindexing [{}{}] {done}/{total} files",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled)
        );
        let _ = err.flush();
    }

    fn clear(&self) {
        if self.on && self.last.lock().is_ok_and(|l| l.is_some()) {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
        }
    }
}

/// `1,234`.
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(5055), "5,055");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
