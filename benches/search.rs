//! Search speed on a 100 MB document: the bundled memo's body repeated until it is that big.
//!
//! Run with `cargo bench --bench search`. For each query it prints the time to compile it,
//! the time until the nearest match is known (searching forward from the middle of the
//! document, as the reader does, one step per frame), the longest single step (what the
//! reader would block for), and the time to count every match, both incrementally and in one
//! full scan. Each figure is the best of three runs.

use memcon::document::{self, Block, BlockKind, Document, Location};
use memcon::search::{Direction, Matcher, Query, STEP_BYTES, SearchJob, Status, find_all};
use std::time::{Duration, Instant};

const TARGET: usize = 100 << 20;

fn big_document() -> Document {
    let memo = document::load("bundled", memcon::BUNDLED.as_bytes()).expect("bundled memo");
    let mut doc = Document {
        source: "bench".into(),
        ..Document::default()
    };
    let mut size = 0;
    while size < TARGET {
        for b in &memo.blocks {
            size += b.text.len();
            doc.blocks.push(b.clone());
        }
    }
    doc
}

fn one_block(doc: &Document) -> Document {
    let text: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    Document {
        blocks: vec![Block::new(BlockKind::Paragraph, text.join(" "))],
        ..Document::default()
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// Figures for one query; each is the best of [`RUNS`] runs, since the machine may be busy.
#[derive(Default)]
struct Figures {
    compile: Duration,
    first: Duration,
    longest_step: Duration,
    count_steps: Duration,
    count_scan: Duration,
}

const RUNS: usize = 3;

fn run_once(doc: &Document, query: &Query) -> (Figures, usize) {
    let t = Instant::now();
    let matcher = Matcher::new(query).expect("valid query");
    let compile = t.elapsed();
    let origin = Location::new(doc.blocks.len() / 2, 0);
    let mut job = SearchJob::new(matcher.clone(), origin, Direction::Forward, true);
    let start = Instant::now();
    let mut first = None;
    let mut longest_step = Duration::ZERO;
    loop {
        let s = Instant::now();
        let status = job.step(doc, STEP_BYTES);
        longest_step = longest_step.max(s.elapsed());
        if first.is_none() && job.seek_done() {
            first = Some(start.elapsed());
        }
        if status == Status::Done {
            break;
        }
    }
    let count_steps = start.elapsed();
    let t = Instant::now();
    let all = find_all(doc, &matcher);
    let count_scan = t.elapsed();
    assert_eq!(all.len(), job.matches().len());
    let figures = Figures {
        compile,
        first: first.unwrap_or_default(),
        longest_step,
        count_steps,
        count_scan,
    };
    (figures, all.len())
}

fn measure(doc: &Document, label: &str, query: Query) {
    let (mut best, count) = run_once(doc, &query);
    for _ in 1..RUNS {
        let (f, _) = run_once(doc, &query);
        best.compile = best.compile.min(f.compile);
        best.first = best.first.min(f.first);
        best.longest_step = best.longest_step.min(f.longest_step);
        best.count_steps = best.count_steps.min(f.count_steps);
        best.count_scan = best.count_scan.min(f.count_scan);
    }
    println!(
        "| {label} | {count} | {} | {} | {} | {} | {} |",
        ms(best.compile),
        ms(best.first),
        ms(best.longest_step),
        ms(best.count_steps),
        ms(best.count_scan),
    );
}

fn main() {
    let t = Instant::now();
    let doc = big_document();
    let bytes: usize = doc.blocks.iter().map(|b| b.text.len()).sum();
    println!(
        "document: {} blocks, {:.1} MB (built in {}); step budget {} MiB",
        doc.blocks.len(),
        bytes as f64 / 1e6,
        ms(t.elapsed()),
        STEP_BYTES >> 20
    );
    println!(
        "| query | matches | compile | first match | longest step | count (steps) | count (one scan) |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    measure(&doc, "plain `Dairen`", Query::plain("Dairen"));
    measure(&doc, "plain `stalin` (any case)", Query::plain("stalin"));
    measure(
        &doc,
        "plain `lushunkou` (accents)",
        Query::plain("lushunkou"),
    );
    let exact = Query {
        fold_accents: false,
        ..Query::plain("Lüshunkou")
    };
    measure(&doc, "plain `Lüshunkou` (accents count)", exact);
    measure(&doc, r"regex `\bS\w+g\b`", Query::regex(r"\bS\w+g\b"));
    measure(
        &doc,
        "plain `zanzibar` (no match)",
        Query::plain("zanzibar"),
    );
    let single = one_block(&doc);
    println!("\nThe same text as one 100 MB block:\n");
    println!(
        "| query | matches | compile | first match | longest step | count (steps) | count (one scan) |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    measure(&single, "plain `Dairen`", Query::plain("Dairen"));
    measure(
        &single,
        "plain `lushunkou` (accents)",
        Query::plain("lushunkou"),
    );
}
