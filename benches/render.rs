//! Key press → finished frame through the same render as the screen (every pane, the metadata
//! pane's entity marks, the marker column, search targets), and the first screen of big files.
//! Run with `cargo bench --bench render` (release build). Prints tables; asserts nothing.
//!
//! Documents: the bundled memo with its body paragraphs repeated to 10 and 100 MB (so they
//! parse into the blocks a real memo has), and the one-line volumes in `../shared/big` when
//! that directory is there (`MEMCON_BENCH_BIG` to point elsewhere). `MEMCON_BENCH_MB` changes
//! the size of the big generated document.

mod common;
use common::thread_cpu;
use memcon::app::{Action, App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
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

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// `(median, p99, max)` in milliseconds.
fn stats(mut samples: Vec<Duration>) -> (f64, f64, f64) {
    samples.sort();
    let pick = |q: f64| ms(samples[((samples.len() - 1) as f64 * q) as usize]);
    (pick(0.5), pick(0.99), ms(*samples.last().unwrap()))
}

struct Frame {
    term: Terminal<TestBackend>,
}

impl Frame {
    fn new(w: u16, h: u16) -> Self {
        Self {
            term: Terminal::new(TestBackend::new(w, h)).unwrap(),
        }
    }

    /// Apply `action` and draw the whole screen, as the event loop does for one key.
    fn key(&mut self, app: &mut App, action: Action) {
        app.update(action);
        if let Action::Resize(w, h) = action {
            self.term.backend_mut().resize(w, h);
            self.term
                .resize(ratatui::layout::Rect::new(0, 0, w, h))
                .unwrap();
        }
        self.term.draw(|f| memcon::ui::render(app, f)).unwrap();
    }
}

/// The first screen of the file at `path`, as `memcon FILE` makes it: open under the size
/// limit → read the head (or all of a small file) → preview parsed → App → first frame.
fn first_screen(name: &str, path: &Path) {
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    for _ in 0..20 {
        let (t, c) = (Instant::now(), thread_cpu());
        let file = memcon::source::open(path, u64::MAX).unwrap();
        let opened = memcon::loading::open(file).unwrap();
        let mut app = App::with_entities(opened.doc, (80, 24), Vec::new());
        if opened.pending.is_some() {
            app.entities_pending();
        }
        let mut frame = Frame::new(80, 24);
        frame.key(&mut app, Action::Resize(80, 24));
        wall.push(t.elapsed());
        cpu.push(thread_cpu() - c);
    }
    let (w, c) = (stats(wall), stats(cpu));
    println!("| {name} | {:.2} | {:.2} | {:.2} |", c.0, w.0, c.1);
}

/// Key press → frame on `app`, every key 200 times (a search's keys 20 times).
fn keys(name: &str, app: &mut App, word: &str) {
    let (w, h) = (80, 24);
    let mut frame = Frame::new(w, h);
    frame.key(app, Action::Resize(w, h));
    // The search's matches, all counted, as targets for `n`.
    let search: Vec<Action> = std::iter::once(Action::SearchForward)
        .chain(word.chars().map(Action::InputChar))
        .chain(std::iter::once(Action::InputConfirm))
        .collect();
    let cases: Vec<(String, Vec<Action>, usize)> = vec![
        ("j (line down)".into(), vec![Action::LineDown], 200),
        ("Space (page down)".into(), vec![Action::PageDown], 200),
        ("b (page up)".into(), vec![Action::PageUp], 200),
        (
            "G, g (end, top)".into(),
            vec![Action::Bottom, Action::Top],
            200,
        ),
        (
            "50% (per key typed)".into(),
            vec![
                Action::GotoDigit('5'),
                Action::InputChar('0'),
                Action::InputChar('%'),
            ],
            200,
        ),
        (format!("/{word} (per key typed)"), search.clone(), 20),
        ("n (next match)".into(), vec![Action::NextTarget], 200),
        (
            "resize 80↔100 columns".into(),
            vec![Action::Resize(100, h), Action::Resize(w, h)],
            100,
        ),
    ];
    println!("\n{name}: key press → frame at {w}×{h}\n");
    println!("| key | CPU median ms | CPU p99 ms | CPU max ms | wall median ms |");
    println!("|---|---:|---:|---:|---:|");
    for (label, actions, rounds) in cases {
        if label.starts_with("n ") {
            app.finish_search();
        }
        let (mut wall, mut cpu) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            for a in &actions {
                let (t, c) = (Instant::now(), thread_cpu());
                frame.key(app, *a);
                wall.push(t.elapsed());
                cpu.push(thread_cpu() - c);
            }
        }
        let (c, wl) = (stats(cpu), stats(wall));
        println!(
            "| {label} | {:.3} | {:.3} | {:.3} | {:.3} |",
            c.0, c.1, c.2, wl.0
        );
    }
}

fn load_app(text: &str) -> (App, Duration) {
    let t = Instant::now();
    let doc = memcon::document::load("bench", text.as_bytes()).unwrap();
    let app = App::new(doc, (80, 24));
    (app, t.elapsed())
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mb: usize = std::env::var("MEMCON_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let big_dir = std::env::var_os("MEMCON_BENCH_BIG")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/big"));
    let volumes: Vec<PathBuf> = ["frus1945v03.txt", "frus1946v05.txt"]
        .iter()
        .map(|f| big_dir.join(f))
        .filter(|p| p.exists())
        .collect();

    println!("First screen (open, read the head, parse the preview, first frame at 80×24):\n");
    println!("| file | CPU median ms | wall median ms | CPU p99 ms |");
    println!("|---|---:|---:|---:|");
    let mut generated = Vec::new();
    for size in [10, mb] {
        let path = dir.path().join(format!("memo-{size}.txt"));
        std::fs::write(&path, generate(size << 20)).unwrap();
        first_screen(&format!("generated {size} MB"), &path);
        generated.push(path);
    }
    for v in &volumes {
        first_screen(&v.file_name().unwrap().to_string_lossy(), v);
    }

    let text = std::fs::read_to_string(generated.last().unwrap()).unwrap();
    let (mut app, took) = load_app(&text);
    drop(text);
    println!(
        "\n(generated {mb} MB: {} blocks, loaded with its entities in {:.1} s)",
        app.doc().blocks.len(),
        took.as_secs_f64()
    );
    keys(&format!("generated {mb} MB"), &mut app, "Kurile");
    drop(app);
    for v in volumes.iter().take(1) {
        let text = std::fs::read_to_string(v).unwrap();
        let (mut app, took) = load_app(&text);
        println!(
            "\n({}: one block of {} bytes, loaded with its entities in {:.1} s)",
            v.display(),
            app.doc()
                .blocks
                .iter()
                .map(|b| b.text.len())
                .max()
                .unwrap_or(0),
            took.as_secs_f64()
        );
        keys(
            &v.file_name().unwrap().to_string_lossy(),
            &mut app,
            "Molotov",
        );
    }
}
