//! The index built on a thread of its own while the library is already on screen: the
//! cached rows at once, then each document as it is parsed, then the whole collection with
//! its entities. A panic anywhere in it becomes a [`JobEvent::Failed`] with the message; a
//! thread that died without a word is reported the same way.

use super::{CacheDir, Collection, EntityTable, Event, Options, Rules, date_order};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::thread::JoinHandle;

/// The whole collection, ready.
#[derive(Debug)]
pub struct Ready {
    pub collection: Collection,
    /// The library's row of each document.
    pub summaries: Vec<super::DocSummary>,
    /// Document indices in date order.
    pub order: Vec<usize>,
    pub entities: Arc<EntityTable>,
}

/// What the index thread says.
#[derive(Debug)]
pub enum JobEvent {
    /// Progress of [`super::open`].
    Progress(Event),
    /// Everything is indexed.
    Done(Box<Ready>),
    /// The index could not be built (a panic, with its message).
    Failed(String),
}

/// Let the reader's thread go first.
fn lower_priority() {
    #[cfg(unix)]
    let _ = rustix::process::setpriority_process(None, 10);
}

/// The index being built.
pub struct IndexJob {
    rx: Receiver<JobEvent>,
    handle: Option<JoinHandle<()>>,
    finished: bool,
}

impl IndexJob {
    /// Start indexing the collection of `roots` (cache in `cache`) with `rules`.
    pub fn start(roots: Vec<PathBuf>, cache: Option<CacheDir>, rules: Arc<Rules>) -> Self {
        let (tx, rx) = channel();
        let handle = std::thread::Builder::new()
            .name("index".into())
            .spawn(move || {
                let progress_tx = tx.clone();
                let progress_tx = std::sync::Mutex::new(progress_tx);
                // The reader on the main thread comes first: the index works at a lower
                // priority (on Linux a thread's own), on a pool of its own.
                lower_priority();
                let pool = rayon::ThreadPoolBuilder::new()
                    .thread_name(|i| format!("index-{i}"))
                    .start_handler(|_| lower_priority())
                    .build();
                let result = crate::contain::run("index", || {
                    let send = |e: Event| {
                        let tx = progress_tx.lock().unwrap_or_else(|e| e.into_inner());
                        let _ = tx.send(JobEvent::Progress(e));
                    };
                    let options = Options {
                        texts: true,
                        rebuild: false,
                    };
                    let work = || {
                        let collection =
                            super::open(&roots, cache.as_ref(), &rules, options, &send);
                        let order = date_order(&collection.docs);
                        let entities = super::entity_table(&collection, cache.as_ref(), &rules);
                        let summaries = collection
                            .docs
                            .iter()
                            .map(|d| super::DocSummary::of(d))
                            .collect();
                        Ready {
                            collection,
                            summaries,
                            order,
                            entities: Arc::new(entities),
                        }
                    };
                    match &pool {
                        Ok(pool) => pool.install(work),
                        Err(_) => work(),
                    }
                });
                let _ = tx.send(match result {
                    Ok(ready) => JobEvent::Done(Box::new(ready)),
                    Err(failure) => JobEvent::Failed(failure.detail),
                });
            })
            .ok();
        Self {
            rx,
            handle,
            finished: false,
        }
    }

    /// Every event waiting now (never blocks).
    pub fn events(&mut self) -> Vec<JobEvent> {
        let mut out = Vec::new();
        if self.finished {
            return out;
        }
        if self.handle.is_none() {
            self.finished = true;
            out.push(JobEvent::Failed("could not start a thread".into()));
            return out;
        }
        loop {
            match self.rx.try_recv() {
                Ok(e) => {
                    if matches!(e, JobEvent::Done(_) | JobEvent::Failed(_)) {
                        self.finished = true;
                    }
                    out.push(e);
                    if self.finished {
                        break;
                    }
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.finished = true;
                    out.push(JobEvent::Failed("the index thread stopped".into()));
                    break;
                }
            }
        }
        out
    }

    /// Whether the job has said its last word.
    pub fn finished(&self) -> bool {
        self.finished
    }

    /// Wait for the end (for tests and scripts): every event until the last.
    pub fn wait(&mut self) -> Vec<JobEvent> {
        let mut out = Vec::new();
        while !self.finished {
            match self.rx.recv() {
                Ok(e) => {
                    self.finished = matches!(e, JobEvent::Done(_) | JobEvent::Failed(_));
                    out.push(e);
                }
                Err(_) => {
                    self.finished = true;
                    out.push(JobEvent::Failed("the index thread stopped".into()));
                }
            }
        }
        out
    }
}
