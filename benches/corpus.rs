//! The library's in-process targets on a real collection, through the same code the
//! terminal loop runs (a `Driver` with the index thread, drawn into a test terminal):
//!
//! - every key → frame while a cold index is being built (the reader stays responsive);
//! - selecting an entity → its documents listed and drawn (one frame, 16 ms);
//! - a search of the collection: first hits handed over, all counted.
//!
//! `cargo bench --bench corpus -- [FOLDER]` (default `../shared/corpus-frus`); a missing
//! folder skips the bench. Prints medians and worst cases; asserts nothing.

use memcon::app::{Action, App};
use memcon::bookmarks::{BookmarkStore, StorePaths};
use memcon::corpus::{CacheDir, Rules};
use memcon::reader::{Driver, LibraryLink, StoreLink};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map_or_else(|| PathBuf::from("../shared/corpus-frus"), PathBuf::from);
    if !dir.is_dir() {
        eprintln!("{}: not found, bench skipped", dir.display());
        return;
    }
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let cache = CacheDir::for_roots(&tmp.path().join("cache"), std::slice::from_ref(&dir));
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");

    // Keys while a cold index is built.
    let mut d = driver(&dir, &cache, tmp.path());
    let mut frames = Vec::new();
    let mut arrivals = Vec::new();
    let start = Instant::now();
    while !d.app().library_state().unwrap().ready() {
        // What the loop does between two keys: take what the index thread has produced.
        let t = Instant::now();
        d.poll_background();
        arrivals.push(t.elapsed());
        let t = Instant::now();
        d.handle(Action::LineDown);
        term.draw(|f| memcon::ui::render(d.app(), f)).unwrap();
        frames.push(t.elapsed());
        std::thread::sleep(Duration::from_millis(30));
    }
    let cold = start.elapsed();
    report("key → frame while indexing cold", &mut frames);
    report("taking the index's progress (between keys)", &mut arrivals);
    println!("cold index in the library: {:.2} s", cold.as_secs_f64());

    // Warm: select entities one after another.
    let mut d = driver(&dir, &cache, tmp.path());
    while !d.app().library_state().unwrap().ready() {
        d.poll_background();
        std::thread::sleep(Duration::from_millis(2));
    }
    d.handle(Action::FocusNext);
    let mut select = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        d.handle(Action::LineDown);
        term.draw(|f| memcon::ui::render(d.app(), f)).unwrap();
        select.push(t.elapsed());
    }
    report("select an entity → its documents drawn", &mut select);

    // Search the collection.
    d.handle(Action::FocusNext);
    for pattern in [
        "Port Arthur",
        "naval base",
        "treaty",
        "lushun",
        "zzzz no such",
    ] {
        let mut first = Vec::new();
        let mut all = Vec::new();
        for _ in 0..5 {
            d.handle(Action::LibraryBack);
            d.handle(Action::LibrarySearch);
            for c in pattern.chars() {
                d.handle(Action::InputChar(c));
            }
            let t = Instant::now();
            d.handle(Action::InputConfirm);
            let mut seen = None;
            loop {
                d.poll_background();
                let lib = d.app().library_state().unwrap();
                if seen.is_none() && !lib.rows().is_empty() {
                    term.draw(|f| memcon::ui::render(d.app(), f)).unwrap();
                    seen = Some(t.elapsed());
                }
                if let memcon::app::library::Source::Search(s) = lib.source()
                    && s.done
                {
                    break;
                }
                std::thread::sleep(Duration::from_micros(200));
            }
            all.push(t.elapsed());
            if let Some(f) = seen {
                first.push(f);
            }
        }
        if !first.is_empty() {
            report(&format!("search {pattern:?}: first hits drawn"), &mut first);
        }
        report(&format!("search {pattern:?}: all counted"), &mut all);
    }
}

fn driver(dir: &std::path::Path, cache: &CacheDir, tmp: &std::path::Path) -> Driver {
    let rules = Arc::new(Rules::default());
    let store = BookmarkStore::open(StorePaths::in_dir(tmp.join("data")));
    let mut d = Driver::library(
        App::library("bench", (120, 40)),
        StoreLink::new(Ok(store), None),
        LibraryLink::new(
            vec![dir.to_path_buf()],
            Some(cache.clone()),
            rules,
            memcon::source::Limits::default(),
        ),
    );
    d.handle(Action::Resize(120, 40));
    d
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = times[times.len() / 2];
    let p99 = times[(times.len() * 99 / 100).min(times.len() - 1)];
    let worst = *times.last().unwrap();
    println!(
        "{what}: median {:.2} ms, p99 {:.2} ms, worst {:.2} ms ({} runs)",
        ms(median),
        ms(p99),
        ms(worst),
        times.len()
    );
}
