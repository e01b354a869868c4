//! Parsing and export speed on a generated large document.
//!
//! `cargo bench --bench parse` builds a document of about 100 MB (the bundled memo's header
//! once, then its transcript repeated), then times loading it (sanitise + parse) and writing
//! the export JSON to a sink. With `MEMCON_BENCH_WRITE=PATH` it also writes the document to
//! PATH, for timing the real binary: `/usr/bin/time -v memcon export PATH > /dev/null`.

use std::time::Instant;

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
    let size = text.len() as f64 / (1 << 20) as f64;
    let mut best_load = f64::MAX;
    let mut best_export = f64::MAX;
    let mut blocks = 0;
    for _ in 0..3 {
        let start = Instant::now();
        let doc = memcon::document::load("bench", text.as_bytes()).expect("text");
        best_load = best_load.min(start.elapsed().as_secs_f64());
        blocks = doc.blocks.len();
        let start = Instant::now();
        memcon::export::write_json(&doc, false, std::io::sink()).expect("sink");
        best_export = best_export.min(start.elapsed().as_secs_f64());
    }
    println!(
        "parse: {size:.0} MB, {blocks} blocks: load {:.3} s ({:.0} MB/s), export JSON {:.3} s",
        best_load,
        size / best_load,
        best_export
    );
}
