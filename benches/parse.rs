//! Parsing and export speed on a generated large document, stage by stage.
//!
//! `cargo bench --bench parse` builds a document of about 100 MB (the bundled memo's header
//! once, then its transcript repeated; `MEMCON_BENCH_MB` to change the size) and times, as
//! CPU time of one thread (best of three): sanitising, parsing, finding the entities, and
//! writing the JSON of `memcon export` (entities included) to a sink. With
//! `MEMCON_BENCH_WRITE=PATH` it also writes the document to PATH, for timing the real
//! binary: `/usr/bin/time -v memcon export PATH > /dev/null`.

mod common;
use common::thread_cpu;
use std::time::Instant;
/// Run `f`, returning its result and the CPU and wall time it took.
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64, f64) {
    let (t, c) = (Instant::now(), thread_cpu());
    let out = f();
    (
        out,
        (thread_cpu() - c).as_secs_f64(),
        t.elapsed().as_secs_f64(),
    )
}

fn main() {
    let mb: usize = std::env::var("MEMCON_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let text = memcon::document::generate::large_document(mb << 20);
    if let Ok(path) = std::env::var("MEMCON_BENCH_WRITE") {
        std::fs::write(&path, &text).expect("write the generated document");
        eprintln!("wrote {} bytes to {path}", text.len());
    }
    let size = text.len() as f64 / f64::from(1 << 20);
    let names = ["sanitise", "parse", "entities", "export JSON", "all"];
    let mut best = [(f64::MAX, f64::MAX); 5];
    let mut blocks = 0;
    let mut mentions = 0;
    for _ in 0..3 {
        let (clean, c0, w0) = timed(|| memcon::document::sanitize::sanitize(text.as_bytes()));
        let clean = clean.expect("text");
        let (doc, c1, w1) = timed(|| memcon::document::Document::from_text("bench", &clean.text));
        drop(clean);
        let (entities, c2, w2) = timed(|| memcon::entities::extract(&doc));
        let (_, c3, w3) = timed(|| {
            let export = memcon::export::Export::new(&doc).with_entities(&doc, &entities);
            memcon::export::write_export(&export, false, std::io::sink()).expect("sink")
        });
        blocks = doc.blocks.len();
        mentions = entities.iter().map(|e| e.mentions.len()).sum();
        let stages = [
            (c0, w0),
            (c1, w1),
            (c2, w2),
            (c3, w3),
            (c0 + c1 + c2 + c3, w0 + w1 + w2 + w3),
        ];
        for (b, s) in best.iter_mut().zip(stages) {
            *b = (b.0.min(s.0), b.1.min(s.1));
        }
    }
    println!("{size:.0} MB, {blocks} blocks, {mentions} mentions; best of 3\n");
    println!("| stage | CPU s | MB/s (CPU) | wall s |");
    println!("|---|---:|---:|---:|");
    for (name, (cpu, wall)) in names.iter().zip(best) {
        println!("| {name} | {cpu:.3} | {:.0} | {wall:.3} |", size / cpu);
    }
}
