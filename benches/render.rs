//! Key press to finished frame on a generated 100 MB document, and first screen of a 10 MB
//! one. Run with `cargo bench --bench render` (release build). Prints a table; asserts nothing.
//!
//! The documents are the bundled memo with its body paragraphs repeated, so they parse into
//! the same kinds of blocks a real memo has.

use memcon::app::{Action, App, TargetLabel};
use memcon::document::{self, TextRange};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

/// The bundled memo grown to about `bytes` by repeating its body paragraphs.
fn generate(bytes: usize) -> String {
    let memo = memcon::BUNDLED;
    let start = memo.find("One side light").expect("body start");
    let end = memo.rfind("WAH").expect("signature");
    let (head, body, tail) = (&memo[..start], &memo[start..end], &memo[end..]);
    let mut out = String::with_capacity(bytes + memo.len());
    out.push_str(head);
    while out.len() < bytes {
        out.push_str(body);
    }
    out.push_str(tail);
    out
}

/// CPU time of this thread: unlike wall time, it leaves out waiting for a busy machine's cores.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for clock_gettime to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn stats(mut samples: Vec<Duration>) -> String {
    samples.sort();
    let pick = |q: f64| samples[((samples.len() - 1) as f64 * q) as usize];
    format!(
        "median {:>8.3} ms   p99 {:>8.3} ms   max {:>8.3} ms",
        pick(0.5).as_secs_f64() * 1e3,
        pick(0.99).as_secs_f64() * 1e3,
        samples.last().unwrap().as_secs_f64() * 1e3
    )
}

fn main() {
    let (w, h) = (80, 24);

    // First screen of 10 MB, as `memcon FILE` does it: bytes in memory → preview parsed
    // (the rest goes to a background thread) → App → first frame.
    let ten = generate(10 << 20);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ten.txt");
    std::fs::write(&path, &ten).unwrap();
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    for _ in 0..10 {
        let (t, c) = (Instant::now(), thread_cpu());
        let file = memcon::source::open(&path, 1 << 30).unwrap();
        let opened = memcon::loading::open(file).unwrap();
        let mut app = App::new(opened.doc, (w, h));
        app.update(Action::Resize(w, h));
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| memcon::ui::render(&app, f)).unwrap();
        wall.push(t.elapsed());
        cpu.push(thread_cpu() - c);
        // Let the background parse finish before the next round.
        if let Some(mut p) = opened.pending {
            while !p.is_done() {
                if p.try_take().is_none() {
                    std::thread::sleep(Duration::from_millis(1));
                }
            }
        }
    }
    println!("first screen, 10 MB ({} bytes):", ten.len());
    println!("  wall {}", stats(wall));
    println!("  cpu  {}", stats(cpu));
    let t = Instant::now();
    let clean = document::sanitize::sanitize(ten.as_bytes()).unwrap();
    let sanitize = t.elapsed();
    let t = Instant::now();
    let doc = document::parse(&clean.text);
    println!(
        "  whole 10 MB in the background: sanitize {:.0} ms, parse {:.0} ms ({} blocks)",
        sanitize.as_secs_f64() * 1e3,
        t.elapsed().as_secs_f64() * 1e3,
        doc.blocks.len()
    );
    drop(ten);

    // Key press to frame on 100 MB.
    let big = generate(100 << 20);
    let t = Instant::now();
    let doc = document::load("bench", big.as_bytes()).unwrap();
    let load = t.elapsed();
    let blocks = doc.blocks.len();
    println!(
        "load 100 MB ({} bytes, {blocks} blocks): {:.0} ms",
        big.len(),
        load.as_secs_f64() * 1e3
    );
    drop(big);
    let t = Instant::now();
    let mut app = App::new(doc, (w, h));
    app.update(Action::Resize(w, h));
    println!(
        "App::new on 100 MB: {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );

    // Every "Dairen" as a target, so n/N and the marker column work on ~100k ranges.
    let ranges: Vec<TextRange> = app
        .doc()
        .blocks
        .iter()
        .enumerate()
        .flat_map(|(i, b)| {
            b.text
                .match_indices("Dairen")
                .map(move |(s, m)| TextRange::new(i, s, s + m.len()))
        })
        .collect();
    let n_targets = ranges.len();
    app.set_targets(TargetLabel::Search("Dairen".into()), ranges, None);

    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| memcon::ui::render(&app, f)).unwrap();
    let cases: Vec<(&str, Vec<Action>)> = vec![
        ("j (line down)", vec![Action::LineDown]),
        ("Space (page down)", vec![Action::PageDown]),
        ("b (page up)", vec![Action::PageUp]),
        ("G then g (end, top)", vec![Action::Bottom, Action::Top]),
        ("n (next target)", vec![Action::NextTarget]),
        (
            "50% (typed)",
            vec![
                Action::GotoDigit('5'),
                Action::InputChar('0'),
                Action::InputChar('%'),
            ],
        ),
        (
            "resize 80↔120 cols",
            vec![Action::Resize(120, 24), Action::Resize(80, 24)],
        ),
    ];
    println!("key press → frame at {w}×{h}, {n_targets} targets highlighted:");
    for (name, actions) in cases {
        let (mut wall, mut cpu) = (Vec::new(), Vec::new());
        for _ in 0..300 {
            for a in &actions {
                let (t, c) = (Instant::now(), thread_cpu());
                app.update(*a);
                term.draw(|f| memcon::ui::render(&app, f)).unwrap();
                wall.push(t.elapsed());
                cpu.push(thread_cpu() - c);
            }
        }
        println!("  {name:<22} wall {}", stats(wall));
        println!("  {:<22} cpu  {}", "", stats(cpu));
    }
}
