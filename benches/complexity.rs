//! Does entity extraction stay near-linear on a document that names many distinct people?
//!
//! Builds documents of N lines `Mr. <name> spoke.` with N distinct surnames (plus every tenth
//! person also named in full, `Mr. <first> <middle> <name>`, so that the merging of short and
//! long forms has work to do), doubles N from 4,000 to 64,000 (`MEMCON_BENCH_MAX` to change the
//! top), and times `entities::extract` (best of 3, CPU time where Linux reports it). Each
//! doubling must cost less than 3×; the bench exits non-zero otherwise.
//!
//! Run: `cargo bench --bench complexity`.

use memcon::{document, entities};
use std::time::Instant;

/// CPU time this thread has used, in seconds (Linux), else wall time since `start`.
fn now(start: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(|| start.elapsed().as_secs_f64(), |ns| ns / 1e9)
}

/// A distinct capitalised word for each `i`: `Bab`, `Bac`, … (letters in base 26).
fn name(mut i: usize) -> String {
    let mut s = String::from("B");
    for _ in 0..4 {
        s.push(char::from(b'a' + (i % 26) as u8));
        i /= 26;
    }
    s
}

fn document(n: usize) -> String {
    let mut text = String::from("Title: Many speakers\n\n");
    for i in 0..n {
        text.push_str(&format!("Mr. {} spoke.\n\n", name(i)));
        if i % 10 == 0 {
            text.push_str(&format!(
                "Mr. {} {} {} answered.\n\n",
                name(i + 7 * n),
                name(i + 3 * n),
                name(i)
            ));
        }
    }
    text
}

fn main() {
    let max: usize = std::env::var("MEMCON_BENCH_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64_000);
    let start = Instant::now();
    let mut previous: Option<f64> = None;
    let mut worst: f64 = 0.0;
    let mut n = 4_000;
    while n <= max {
        let text = document(n);
        let doc = document::load("bench", text.as_bytes()).expect("text");
        let mut best = f64::MAX;
        let mut people = 0;
        for _ in 0..3 {
            let t = now(start);
            let found = entities::extract(&doc);
            best = best.min(now(start) - t);
            people = found
                .iter()
                .filter(|e| e.kind == entities::EntityKind::Person)
                .count();
        }
        let ratio = previous.map(|p| best / p);
        if let Some(r) = ratio {
            worst = worst.max(r);
        }
        println!(
            "complexity: {n:>6} lines, {:>5} KiB, {people:>6} people: extract {:.3} s{}",
            text.len() >> 10,
            best,
            ratio.map_or(String::new(), |r| format!(", {r:.2}× the half"))
        );
        previous = Some(best);
        n *= 2;
    }
    println!("complexity: worst doubling {worst:.2}× (limit 3×)");
    if worst >= 3.0 {
        std::process::exit(1);
    }
}
