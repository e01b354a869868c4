//! `memcon index PATH…`: build or refresh a collection's index and say what it holds —
//! documents, files skipped and why, entities, time.

use super::collection::{self, shown, thousands};
use crate::corpus::{Collection, EntityTable, Options};
use crate::entities::EntityKind;
use crate::paths::Dirs;
use crate::source::Limits;
use std::path::PathBuf;
use std::process::ExitCode;

/// Skipped files listed per reason unless `--skipped` asks for all of them.
const EXAMPLES: usize = 3;

pub fn run(
    roots: &[PathBuf],
    list_skipped: bool,
    rebuild: bool,
    dirs: &Dirs,
    limits: &Limits,
) -> Result<ExitCode, String> {
    let started = std::time::Instant::now();
    let options = Options {
        texts: false,
        rebuild,
    };
    let cache = collection::cache_for(dirs, roots);
    if let (true, Some(cache)) = (rebuild, &cache) {
        // Merged again too, not only parsed again.
        let _ = std::fs::remove_file(cache.entities_path());
    }
    let (mut c, rules) = collection::open(roots, dirs, limits, options)?;
    let table = crate::corpus::entity_table(&c, cache.as_ref(), &rules);
    // The time to report includes merging the entities.
    c.report.elapsed = started.elapsed();
    let mut out = summary(&c, &table, list_skipped);
    if let Some(cache) = cache {
        out.push_str(&format!(
            "cache: {}\n",
            shown(&cache.dir.display().to_string())
        ));
    }
    super::print(&out)
}

/// The summary `memcon index` prints.
pub fn summary(c: &Collection, table: &EntityTable, list_skipped: bool) -> String {
    let r = &c.report;
    let secs = r.elapsed.as_secs_f64();
    let mut out = format!(
        "{} documents in {:.2} s: {} parsed",
        thousands(c.docs.len()),
        secs,
        thousands(r.parsed)
    );
    if r.parsed > 0 && secs > 0.0 {
        let mb = r.bytes_parsed as f64 / 1e6;
        out.push_str(&format!(" ({mb:.1} MB, {:.1} MB/s)", mb / secs));
    }
    out.push_str(&format!(", {} from the cache", thousands(r.from_cache)));
    if r.rehashed > 0 {
        out.push_str(&format!(
            ", {} read again and unchanged",
            thousands(r.rehashed)
        ));
    }
    if r.removed > 0 {
        out.push_str(&format!(", {} gone", thousands(r.removed)));
    }
    out.push('\n');
    let count = |k: EntityKind| table.entities.iter().filter(|e| e.kind == k).count();
    out.push_str(&format!(
        "{} entities: {} places, {} people, {} organizations\n",
        thousands(table.entities.len()),
        thousands(count(EntityKind::Place)),
        thousands(count(EntityKind::Person)),
        thousands(count(EntityKind::Organization)),
    ));
    if !c.skipped.is_empty() {
        out.push_str(&format!("{} skipped:\n", files(c.skipped.len())));
        let mut reasons: Vec<(&str, Vec<&str>)> = Vec::new();
        for s in &c.skipped {
            match reasons.iter_mut().find(|(r, _)| *r == s.reason) {
                Some((_, v)) => v.push(&s.shown),
                None => reasons.push((&s.reason, vec![&s.shown])),
            }
        }
        for (reason, paths) in reasons {
            let limit = if list_skipped { paths.len() } else { EXAMPLES };
            out.push_str(&format!("  {}: {}\n", shown(reason), files(paths.len())));
            for p in paths.iter().take(limit) {
                out.push_str(&format!("    {}\n", shown(p)));
            }
            if paths.len() > limit {
                out.push_str(&format!(
                    "    … and {} more (--skipped lists them)\n",
                    thousands(paths.len() - limit)
                ));
            }
        }
    }
    if c.hidden > 0 {
        out.push_str(&format!(
            "{} hidden files and folders left out\n",
            thousands(c.hidden)
        ));
    }
    out
}

fn files(n: usize) -> String {
    if n == 1 {
        "1 file".into()
    } else {
        format!("{} files", thousands(n))
    }
}
