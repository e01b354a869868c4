//! Entity extraction speed on a large document: the bundled memo's header once, then its body
//! repeated to 100 MB (`MEMCON_BENCH_MB` to change the size).
//!
//! Run: `cargo bench --bench entities`. Target: at least 50 MB/s on one core.

use memcon::document;
use memcon::entities;
use std::time::Instant;

/// CPU time this thread has used, in seconds (Linux; `None` elsewhere). The machine this
/// runs on may be shared, so CPU time is the fairer measure of the work done.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let mb: usize = std::env::var("MEMCON_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
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
    let t = Instant::now();
    let doc = document::load("bench", text.as_bytes()).expect("text");
    let parse = t.elapsed();
    let body_bytes: usize = doc.blocks.iter().map(|b| b.text.len()).sum();

    // Warm up once on a small document so the lexicon is built outside the timing.
    let small = document::load("bundled", memo.as_bytes()).expect("text");
    let _ = entities::extract(&small);

    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut found = (0, 0);
    for _ in 0..3 {
        let t = Instant::now();
        let cpu = thread_cpu();
        let ents = entities::extract(&doc);
        let secs = t.elapsed().as_secs_f64();
        if let (Some(a), Some(b)) = (cpu, thread_cpu()) {
            best_cpu = best_cpu.min(b - a);
        }
        best = best.min(secs);
        found = (ents.len(), ents.iter().map(|e| e.mentions.len()).sum());
    }
    let mbytes = body_bytes as f64 / (1 << 20) as f64;
    println!(
        "entities: {mbytes:.1} MB of text in {} blocks (parse {:.2} s)",
        doc.blocks.len(),
        parse.as_secs_f64()
    );
    println!(
        "entities: extract {best:.3} s wall = {:.1} MB/s; {} entities, {} mentions",
        mbytes / best,
        found.0,
        found.1
    );
    if best_cpu < f64::MAX {
        println!(
            "entities: extract {best_cpu:.3} s CPU = {:.1} MB/s",
            mbytes / best_cpu
        );
    }
}
