//! The real-corpus sweep: every `.txt` document under the given directories through the user's
//! path — load, extract entities, a few searches, the first screen at 80×24 and 40×12, and
//! bookmark anchoring — on every core, listing each failure (a panic, or a range the model
//! hands out that misses its text) with the file and the stage.
//!
//! Run through `benches/sweep.sh` (it finds `../shared/corpus-frus` and `corpus-dev`), or
//! `cargo run --release --example sweep -- DIR...`. Exit status 1 when anything failed.
//!
//! A Rust program rather than a shell loop over the binary: the screen has to be drawn without
//! a terminal (ratatui's `TestBackend`) and anchors placed through the library, and one process
//! per core saves starting 5,000 processes.

use memcon::app::{Action, App};
use memcon::bookmarks::{ParagraphIndex, Placement, anchor_at, place};
use memcon::document::{self, Document, Location};
use memcon::search::{Matcher, Query, find_all, find_in_metadata};
use memcon::{check, entities};
use ratatui::{Terminal, backend::TestBackend};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Every `.txt` file under `dir`, sorted.
fn documents(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            documents(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

/// Which step a document was in when it failed.
struct Stage(&'static str);

fn stage<T>(now: &mut Stage, name: &'static str, r: Result<T, String>) -> Result<T, String> {
    now.0 = name;
    r.map_err(|e| format!("{name}: {e}"))
}

/// The searches a reader might try here: the first entity's name, a word from the middle of
/// the text, a folded common word, and two regular expressions.
fn queries(doc: &Document, list: &[entities::Entity]) -> Vec<Query> {
    let mut q = vec![
        Query::plain("the"),
        Query::plain("lushunkou"),
        Query::regex(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b"),
        Query::regex(r"\[[^\]]*\]"),
    ];
    if let Some(e) = list.first() {
        q.push(Query::plain(e.name.clone()));
    }
    let words: Vec<&str> = doc
        .blocks
        .iter()
        .flat_map(|b| b.text.split_whitespace())
        .collect();
    if let Some(w) = words.get(words.len() / 2) {
        q.push(Query::plain(*w));
    }
    q
}

/// The first screen at `w`×`h`: drawn, with the reading position inside the document and no
/// control character in any cell.
fn first_screen(doc: &Document, list: &[entities::Entity], w: u16, h: u16) -> Result<(), String> {
    let mut app = App::with_entities(doc.clone(), (w, h), list.to_vec());
    check::entity_index(doc, app.entities().index())?;
    app.update(Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).map_err(|e| e.to_string())?;
    for action in [None, Some(Action::PageDown), Some(Action::Bottom)] {
        if let Some(a) = action {
            app.update(a);
        }
        t.draw(|f| memcon::ui::render(&app, f))
            .map_err(|e| e.to_string())?;
        if app.top().block >= doc.blocks.len().max(1) {
            return Err(format!(
                "top {:?} outside the document at {w}x{h}",
                app.top()
            ));
        }
        if app.view().reading().block >= doc.blocks.len().max(1) {
            return Err(format!(
                "reading position {:?} outside the document at {w}x{h}",
                app.view().reading()
            ));
        }
        let buf = t.backend().buffer();
        if let Some(cell) = buf
            .content
            .iter()
            .find(|c| c.symbol().chars().any(char::is_control))
        {
            return Err(format!(
                "a control character on screen: {:?}",
                cell.symbol()
            ));
        }
    }
    Ok(())
}

/// Anchors at the start, middle and end of the transcript are found exactly in the same
/// text, and inside the text when its first block is gone.
fn anchoring(doc: &Document) -> Result<(), String> {
    let paragraphs = ParagraphIndex::new(doc);
    let n = doc.blocks.len();
    if n == 0 {
        return Ok(());
    }
    let mut edited = doc.clone();
    edited.blocks.remove(0);
    for b in [0, n / 2, n - 1] {
        let text = doc.blocks.get(b).map_or("", |b| b.text.as_str());
        let at = Location::new(b, text.len() / 3);
        let anchor = anchor_at(doc, &paragraphs, at);
        let p = place(doc, &anchor);
        if !anchor.quote.trim().is_empty() && !matches!(p, Placement::Exact(_)) {
            return Err(format!("an anchor at {at:?} is {p:?} in its own text"));
        }
        if let Some(l) = place(&edited, &anchor).location() {
            let ok = edited
                .blocks
                .get(l.block)
                .is_some_and(|b| b.text.is_char_boundary(l.offset));
            if !ok {
                return Err(format!(
                    "an anchor placed at {l:?}, outside the edited text"
                ));
            }
        }
    }
    Ok(())
}

fn sweep(path: &Path, now: &mut Stage) -> Result<(), String> {
    now.0 = "read";
    let bytes = std::fs::read(path).map_err(|e| format!("read: {e}"))?;
    let source = path.display().to_string();
    let doc = stage(
        now,
        "load",
        document::load_owned(&source, bytes).map_err(|e| e.to_string()),
    )?;
    stage(now, "load", check::document(&doc))?;
    now.0 = "extract";
    let list = entities::extract(&doc);
    stage(now, "extract", check::entities(&doc, &list))?;
    now.0 = "search";
    for q in queries(&doc, &list) {
        let Ok(m) = Matcher::new(&q) else { continue };
        let found = find_all(&doc, &m);
        stage(now, "search", check::matches(&doc, &found))
            .map_err(|e| format!("{e} ({:?})", q.pattern))?;
        let _ = find_in_metadata(&doc.metadata, &m);
    }
    stage(now, "screen 80x24", first_screen(&doc, &list, 80, 24))?;
    stage(now, "screen 40x12", first_screen(&doc, &list, 40, 12))?;
    stage(now, "anchor", anchoring(&doc))
}

fn main() {
    let dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if dirs.is_empty() {
        eprintln!("usage: sweep DIR...");
        std::process::exit(2);
    }
    let mut files = Vec::new();
    for d in &dirs {
        documents(d, &mut files);
    }
    // A panic is a failure of its document, reported below, not a message in the middle.
    std::panic::set_hook(Box::new(|_| {}));
    let start = Instant::now();
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let mut now = Stage("read");
                    let result = catch_unwind(AssertUnwindSafe(|| sweep(path, &mut now)));
                    let problem = match result {
                        Ok(Ok(())) => continue,
                        Ok(Err(e)) => e,
                        Err(p) => {
                            let msg = p
                                .downcast_ref::<String>()
                                .cloned()
                                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                                .unwrap_or_default();
                            format!("{}: panic: {msg}", now.0)
                        }
                    };
                    failures
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(format!("{}: {problem}", path.display()));
                }
            });
        }
    });
    let _ = std::panic::take_hook();
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort();
    for f in &failures {
        println!("FAIL {f}");
    }
    println!(
        "sweep: {} documents, {} failures, {:.1} s on {threads} threads",
        files.len(),
        failures.len(),
        start.elapsed().as_secs_f64()
    );
    if !failures.is_empty() || files.is_empty() {
        std::process::exit(1);
    }
}
