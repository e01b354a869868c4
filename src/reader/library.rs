//! The library's side of the event loop: the index being built on its thread, searches of
//! the collection on theirs, opening a document of the collection, and the read marks the
//! bookmark store gives each document. The App only ever sees the results.

use crate::app::{App, OpenRequest, ReadMark};
use crate::bookmarks::{BookmarkStore, DocRef};
use crate::contain::{self, Failure};
use crate::corpus::job::{IndexJob, JobEvent};
use crate::corpus::search::{DocMatches, search};
use crate::corpus::{CacheDir, DocSummary, DocText, Event, Rules};
use crate::document::Document;
use crate::entities::Entity;
use crate::loading::Pending;
use crate::search::{Matcher, Query};
use crate::source::Limits;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// How often a running search hands its hits over.
const HITS_EVERY: Duration = Duration::from_millis(15);

/// The collection's background work.
pub struct LibraryLink {
    /// The index, once started (after the first screen is drawn).
    job: Option<IndexJob>,
    /// What to index: the collection's roots and its cache.
    source: Option<(Vec<std::path::PathBuf>, Option<CacheDir>)>,
    rules: Arc<Rules>,
    /// The caps on the documents it opens.
    limits: Limits,
    search: Option<SearchTask>,
}

/// A search of the collection on its own thread.
struct SearchTask {
    rx: Receiver<SearchMsg>,
    cancel: Arc<AtomicBool>,
}

/// Hits of search `generation`; `done` with the last ones.
struct SearchMsg {
    generation: u64,
    hits: Vec<DocMatches>,
    done: bool,
    error: Option<String>,
}

/// A document read for the library: a small one with its entities (or why finding them
/// failed); a big one's first part, with the rest and its entities still to come.
pub struct Opened {
    pub doc: Document,
    pub entities: Option<Result<Vec<Entity>, Failure>>,
    pub pending: Option<Pending>,
}

impl LibraryLink {
    /// The index of the collection of `roots` (cache in `cache`), built with `rules` once
    /// [`LibraryLink::start`] is called.
    pub fn new(
        roots: Vec<std::path::PathBuf>,
        cache: Option<CacheDir>,
        rules: Arc<Rules>,
        limits: Limits,
    ) -> Self {
        Self {
            job: None,
            source: Some((roots, cache)),
            rules,
            limits,
            search: None,
        }
    }

    /// Start indexing (the loop calls this once the first screen is drawn, so the index
    /// thread does not compete with it).
    pub fn start(&mut self) {
        if let Some((roots, cache)) = self.source.take() {
            self.job = Some(IndexJob::start(roots, cache, Arc::clone(&self.rules)));
        }
    }

    /// Whether the index or a search is still at work.
    pub fn busy(&self) -> bool {
        self.source.is_some()
            || self.job.as_ref().is_some_and(|j| !j.finished())
            || self.search.is_some()
    }

    /// Hand whatever the index and the search have produced to `app`. Returns whether
    /// anything changed. Never blocks.
    pub fn poll(&mut self, app: &mut App, store: Option<&BookmarkStore>) -> bool {
        self.start();
        let mut changed = false;
        let events = self.job.as_mut().map(IndexJob::events).unwrap_or_default();
        for event in events {
            changed = true;
            match event {
                JobEvent::Progress(Event::Cached(docs)) => {
                    app.library_cached(docs);
                    if let Some(store) = store {
                        let docs = app.library_state().map_or(&[][..], |l| l.docs());
                        let marks = marks(store, docs);
                        app.library_marks(marks);
                    }
                }
                JobEvent::Progress(Event::Found { .. }) => {}
                JobEvent::Progress(Event::Indexed { done, total, doc }) => {
                    app.library_progress(done, total, doc);
                }
                JobEvent::Done(ready) => {
                    app.library_ready(*ready);
                    if let Some(store) = store {
                        let docs = app.library_state().map_or(&[][..], |l| l.docs());
                        let marks = marks(store, docs);
                        app.library_marks(marks);
                    }
                }
                JobEvent::Failed(why) => app.library_failed(why),
            }
        }
        if changed {
            app.library_refresh();
        }
        changed | self.poll_search(app)
    }

    fn poll_search(&mut self, app: &mut App) -> bool {
        let Some(task) = &self.search else {
            return false;
        };
        let mut changed = false;
        loop {
            match task.rx.try_recv() {
                Ok(msg) => {
                    changed = true;
                    if let Some(e) = msg.error {
                        app.say(format!("the search stopped: {e}"));
                    }
                    app.library_search_hits(msg.generation, msg.hits, msg.done);
                    if msg.done {
                        self.search = None;
                        break;
                    }
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.search = None;
                    break;
                }
            }
        }
        changed
    }

    /// Search every transcript of the library for `query` on another thread, the earliest
    /// documents first; hits come back through [`LibraryLink::poll`].
    pub fn start_search(&mut self, app: &App, query: Query, generation: u64) {
        if let Some(old) = self.search.take() {
            old.cancel.store(true, Ordering::Relaxed);
        }
        let Some(lib) = app.library_state() else {
            return;
        };
        let texts: Vec<Option<Arc<DocText>>> = lib.texts().to_vec();
        let order = lib.date_order();
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let spawned = std::thread::Builder::new()
            .name("search".into())
            .spawn(move || {
                let sent = contain::run("search", || {
                    let Ok(matcher) = Matcher::new(&query) else {
                        return;
                    };
                    let mut batch = Vec::new();
                    let mut last = Instant::now();
                    search(&texts, &order, &matcher, &stop, |m| {
                        batch.push(m);
                        if last.elapsed() >= HITS_EVERY {
                            last = Instant::now();
                            let hits = std::mem::take(&mut batch);
                            let _ = tx.send(SearchMsg {
                                generation,
                                hits,
                                done: false,
                                error: None,
                            });
                        }
                    });
                    let _ = tx.send(SearchMsg {
                        generation,
                        hits: batch,
                        done: true,
                        error: None,
                    });
                });
                if let Err(e) = sent {
                    let _ = tx.send(SearchMsg {
                        generation,
                        hits: Vec::new(),
                        done: true,
                        error: Some(e.detail),
                    });
                }
            });
        if spawned.is_ok() {
            self.search = Some(SearchTask { rx, cancel });
        }
    }

    /// Read and parse the document `req` names, as `memcon FILE` would (`crate::source`'s
    /// limits, `crate::loading`): a small file whole with its entities (the user's aliases
    /// applied), a big one as its first part with the rest and its entities pending.
    pub fn open(&self, req: &OpenRequest) -> Result<Opened, String> {
        let file = crate::source::open(&req.path, self.limits.document)?;
        let opened = crate::loading::open(file)?;
        let (entities, pending) = match opened.pending {
            None => {
                let found = contain::run("entities", || {
                    contain::debug_fail("entities");
                    let rules = &self.rules;
                    crate::entities::extract_with(&opened.doc, rules.lexicon(), &rules.aliases)
                });
                (Some(found), None)
            }
            Some(p) => (None, Some(p.with_aliases(self.rules.aliases.clone()))),
        };
        Ok(Opened {
            doc: opened.doc,
            entities,
            pending,
        })
    }
}

/// What the store knows of each document: bookmarks, else a saved reading position.
pub fn marks(store: &BookmarkStore, docs: &[DocSummary]) -> Vec<ReadMark> {
    let bookmarks: Vec<&DocRef> = store.all().iter().map(|b| &b.document).collect();
    let positions: Vec<&DocRef> = store.positions().iter().map(|p| &p.document).collect();
    let (by_b, by_p) = (RefIndex::new(&bookmarks), RefIndex::new(&positions));
    docs.iter()
        .map(|d| {
            let r = doc_ref(d);
            let n = by_b.count(&bookmarks, &r);
            if n > 0 {
                ReadMark::Bookmarked(n as u32)
            } else if by_p.count(&positions, &r) > 0 {
                ReadMark::Read
            } else {
                ReadMark::Unread
            }
        })
        .collect()
}

/// The reference bookmarks use for a document of the library.
pub fn doc_ref(d: &DocSummary) -> DocRef {
    let path = std::path::absolute(d.file.path()).unwrap_or_else(|_| d.file.path());
    DocRef {
        record_id: d.record_id.clone(),
        fingerprint: d.fingerprint.clone(),
        path: Some(path.display().to_string()),
        ..DocRef::default()
    }
}

/// Saved references by record id, fingerprint and path, so each document is compared with
/// the few that may be it rather than with every one.
struct RefIndex(HashMap<String, Vec<usize>>);

impl RefIndex {
    fn new(refs: &[&DocRef]) -> Self {
        let mut map: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in refs.iter().enumerate() {
            for key in keys(r) {
                map.entry(key).or_default().push(i);
            }
        }
        Self(map)
    }

    /// How many of `refs` are the document `r`.
    fn count(&self, refs: &[&DocRef], r: &DocRef) -> usize {
        let mut seen: Vec<usize> = keys(r)
            .into_iter()
            .flat_map(|k| self.0.get(&k).into_iter().flatten().copied())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter()
            .filter(|&i| refs[i].same_document(r))
            .count()
    }
}

fn keys(r: &DocRef) -> Vec<String> {
    let mut out = Vec::with_capacity(3);
    if let Some(id) = &r.record_id {
        out.push(format!("r:{id}"));
    }
    if !r.fingerprint.is_empty() {
        out.push(format!("f:{}", r.fingerprint));
    }
    if let Some(p) = &r.path {
        out.push(format!("p:{p}"));
    }
    out
}
