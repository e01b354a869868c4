//! Entity extraction speed, three ways, in CPU time (the machine this runs on may be shared, so
//! CPU time is the fairer measure of the work done); medians of several runs.
//!
//! 1. A generated document: the bundled memo's header once, then its body repeated to 100 MB
//!    (`MEMCON_BENCH_MB` to change the size). Target: at least 60 MB/s.
//! 2. The one-line volumes in `../shared/big/` (a whole FRUS volume as one 4 MB paragraph),
//!    when that directory exists.
//! 3. The corpus sweep: every document of `../shared/corpus-frus`, loaded first, then extracted
//!    one after another (`MEMCON_CORPUS` to point elsewhere), when it exists.
//!
//! Run: `cargo bench --bench entities` (`MEMCON_BENCH_RUNS` runs each, default 5;
//! `MEMCON_BENCH_ONLY=generated|big|corpus` for one part).
//!
//! On Linux the generated part also reports the memory extraction takes: the peak resident
//! size during one extraction, run first, above the resident size before it (the document),
//! and what the entities keep afterwards.

use memcon::document;
use memcon::entities;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// CPU time this thread has used, in seconds (Linux; wall time elsewhere).
fn thread_cpu(start: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(|| start.elapsed().as_secs_f64(), |ns| ns / 1e9)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Run `f` `runs` times; the median CPU and wall seconds, and `f`'s last result.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64, T) {
    let origin = Instant::now();
    let (mut cpu, mut wall) = (Vec::new(), Vec::new());
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        let c = thread_cpu(origin);
        let out = f();
        cpu.push(thread_cpu(origin) - c);
        wall.push(t.elapsed().as_secs_f64());
        last = Some(out);
    }
    (median(cpu), median(wall), last.expect("at least one run"))
}

fn summary(ents: &[entities::Entity]) -> (usize, usize) {
    (ents.len(), ents.iter().map(|e| e.mentions.len()).sum())
}

fn shared() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [root.join("../shared"), root.join("../../shared")]
        .into_iter()
        .find(|p| p.is_dir())
        .unwrap_or_else(|| root.join("../shared"))
}

fn generated(mb: usize) -> String {
    let memo = memcon::BUNDLED;
    let cut = memo
        .find("Memcon A. Harriman")
        .expect("the bundled memo has its heading");
    let (header, body) = memo.split_at(cut);
    let mut text = String::with_capacity(mb << 20);
    text.push_str(header);
    while text.len() < mb << 20 {
        text.push_str(body);
        text.push_str("\n\n");
    }
    text
}

fn report(what: &str, bytes: usize, cpu: f64, wall: f64, found: (usize, usize)) {
    let mb = bytes as f64 / (1 << 20) as f64;
    println!(
        "{what}: {mb:.1} MB, extract {cpu:.3} s CPU = {:.1} MB/s ({wall:.3} s wall); {} entities, {} mentions",
        mb / cpu,
        found.0,
        found.1
    );
}

fn main() {
    let env = |k: &str, d: usize| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let mb = env("MEMCON_BENCH_MB", 100);
    let runs = env("MEMCON_BENCH_RUNS", 5).max(1);

    // Build the lexicon outside the timing.
    let small = document::load("bundled", memcon::BUNDLED.as_bytes()).expect("text");
    let _ = entities::extract(&small);

    let only = std::env::var("MEMCON_BENCH_ONLY").unwrap_or_default();
    let part = |p: &str| only.is_empty() || only == p;

    if part("generated") {
        generated_part(mb, runs);
    }
    let shared = shared();
    if part("big") {
        big_part(&shared, runs);
    }
    if part("corpus") {
        corpus_part(&shared, runs);
    }
}

/// A field of `/proc/self/status` in MB (`VmRSS`, `VmHWM`), on Linux.
fn status_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024.0 / 1e6)
}

/// The peak resident memory one extraction of `doc` adds, and what its entities keep, in MB:
/// the kernel's peak (`VmHWM`) is reset (`/proc/self/clear_refs`) just before. `None` where
/// that is not possible.
fn extraction_memory(doc: &document::Document) -> Option<(f64, f64, f64)> {
    std::fs::write("/proc/self/clear_refs", "5").ok()?;
    let before = status_mb("VmRSS")?;
    let ents = entities::extract(doc);
    let (peak, after) = (status_mb("VmHWM")?, status_mb("VmRSS")?);
    drop(ents);
    Some((before, peak - before, after - before))
}

fn generated_part(mb: usize, runs: usize) {
    let text = generated(mb);
    let doc = document::load("bench", text.as_bytes()).expect("text");
    drop(text);
    let body: usize = doc.blocks.iter().map(|b| b.text.len()).sum();
    // First, while nothing freed by an earlier extraction waits to be reused.
    if let Some((before, peak, kept)) = extraction_memory(&doc) {
        println!(
            "generated: {before:.0} MB resident with the document; extraction peaks {peak:.0} MB above it, the entities keep {kept:.0} MB"
        );
    }
    let (cpu, wall, ents) = time(runs, || entities::extract(&doc));
    report(
        &format!("generated ({} blocks)", doc.blocks.len()),
        body,
        cpu,
        wall,
        summary(&ents),
    );
}

fn big_part(shared: &Path, runs: usize) {
    for name in ["frus1945v03.txt", "frus1946v05.txt"] {
        let path = shared.join("big").join(name);
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let doc = document::load(name, &bytes).expect("text");
        let body: usize = doc.blocks.iter().map(|b| b.text.len()).sum();
        let (cpu, wall, ents) = time(runs, || entities::extract(&doc));
        report(name, body, cpu, wall, summary(&ents));
    }
}

fn corpus_part(shared: &Path, runs: usize) {
    let corpus = std::env::var_os("MEMCON_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| shared.join("corpus-frus"));
    let mut files = Vec::new();
    if let Ok(vols) = std::fs::read_dir(&corpus) {
        for vol in vols.flatten() {
            for f in std::fs::read_dir(vol.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                if f.path().extension().is_some_and(|e| e == "txt") {
                    files.push(std::fs::read(f.path()).expect("readable"));
                }
            }
        }
    }
    if !files.is_empty() {
        let bytes: usize = files.iter().map(Vec::len).sum();
        let docs: Vec<_> = files
            .iter()
            .map(|f| document::load("corpus", f).expect("text"))
            .collect();
        drop(files);
        let (cpu, wall, found) = time(runs.min(3), || {
            let mut found = (0, 0);
            for doc in &docs {
                let (e, m) = summary(&entities::extract(doc));
                found = (found.0 + e, found.1 + m);
            }
            found
        });
        report(
            &format!("corpus sweep ({} documents)", docs.len()),
            bytes,
            cpu,
            wall,
            found,
        );
    }
}
