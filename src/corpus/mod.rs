//! Collections: a folder (or a list of files) of documents read as one.
//!
//! [`open`] finds the files ([`walk`]), takes what the on-disk [`cache`] still knows, indexes
//! the rest on every core ([`build`]: parse, extract entities, keep a [`DocRecord`] and the
//! transcript's [`DocText`]) and saves the cache again. [`entities`] merges the documents'
//! entities into the collection's; [`search`] runs a query over every transcript. Nothing
//! here touches the terminal; the reader runs [`open`] on a thread of its own (`job.rs`).

pub mod build;
pub mod cache;
pub mod entities;
pub mod job;
pub mod kind;
pub mod record;
pub mod search;
pub mod walk;

/// An IO error in a few words (the same words as for a single document).
pub use crate::source::io_reason;
pub use build::Rules;
pub use cache::CacheDir;
pub use entities::{CorpusEntity, DocHits, EntityTable};
pub use kind::DocKind;
pub use record::{DocEntity, DocRecord, DocSummary, DocText, FileKey, MentionAt};
pub use walk::{Skipped, natural_cmp, natural_key};

use build::Outcome;
use cache::{EntitiesFile, IndexFile, LibraryFile, TextsFile, Unusable};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use walk::Found;

/// A collection as indexed.
#[derive(Debug, Clone, Default)]
pub struct Collection {
    pub roots: Vec<PathBuf>,
    /// The documents, in the order the files were found.
    pub docs: Vec<Arc<DocRecord>>,
    /// The transcripts, one per document, when they were asked for (else empty).
    pub texts: Vec<Option<Arc<DocText>>>,
    /// Files that are not documents, with the reason.
    pub skipped: Vec<Skipped>,
    /// Hidden files and folders left out.
    pub hidden: usize,
    pub report: Report,
}

/// How an [`open`] went.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Documents taken from the cache as they were.
    pub from_cache: usize,
    /// Files parsed now (new, changed, or no cache).
    pub parsed: usize,
    /// Files read again because their time changed, found unchanged.
    pub rehashed: usize,
    /// Documents in the cache whose file is gone.
    pub removed: usize,
    /// Bytes of the files parsed now.
    pub bytes_parsed: u64,
    pub elapsed: Duration,
    /// What the user should know about the cache (rebuilt, not saved…).
    pub notices: Vec<String>,
}

/// What [`open`] reports while it works.
#[derive(Debug, Clone)]
pub enum Event {
    /// The documents the cache knows, before any file is looked at.
    Cached(Vec<DocSummary>),
    /// The files are found: `parse` of them need parsing.
    Found { files: usize, parse: usize },
    /// One more file done (`done` of `total` to parse).
    Indexed {
        done: usize,
        total: usize,
        doc: Option<DocSummary>,
    },
}

/// What [`open`] is asked for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Load every transcript too (search, context lines).
    pub texts: bool,
    /// Ignore the cache and index every file again.
    pub rebuild: bool,
}

/// What became of one file found.
enum Plan {
    /// Cached document `i`, as it is.
    Reuse(usize),
    /// Cached skip, as it is.
    Skip(String),
    /// Job `j` decides.
    Job(usize),
}

/// Open the collection of `roots`: the cache where it is still true, parsing where it is
/// not. `cache` is where the collection's cache lives (`None`: no cache). `progress` hears
/// of the work as it goes (from several threads).
pub fn open(
    roots: &[PathBuf],
    cache: Option<&CacheDir>,
    rules: &Rules,
    options: Options,
    progress: &(dyn Fn(Event) + Sync),
) -> Collection {
    let started = Instant::now();
    let mut report = Report::default();
    let stamp = rules.stamp();
    let root_bytes: Vec<Vec<u8>> = roots.iter().map(|r| record::path_bytes(r)).collect();
    let cached = match cache.filter(|_| !options.rebuild).map(CacheDir::read_index) {
        None | Some(Err(Unusable::Missing)) => IndexFile::default(),
        Some(Err(Unusable::Bad(why))) => {
            report
                .notices
                .push(format!("collection cache {why}: rebuilt it"));
            IndexFile::default()
        }
        Some(Ok(index)) if index.stamp != stamp => {
            report.notices.push(
                "memcon, its gazetteer or your alias file changed since the collection was \
                 indexed: indexed it again"
                    .into(),
            );
            IndexFile::default()
        }
        Some(Ok(index)) => index,
    };
    let cached_docs: Vec<Arc<DocRecord>> = cached.docs.into_iter().map(Arc::new).collect();
    if !cached_docs.is_empty() {
        progress(Event::Cached(
            cached_docs.iter().map(|d| DocSummary::of(d)).collect(),
        ));
    }
    let walked = walk::walk(roots);

    let by_path: HashMap<&[u8], usize> = cached_docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.file.path.as_slice(), i))
        .collect();
    let skipped_by_path: HashMap<&[u8], &(FileKey, String)> = cached
        .skipped
        .iter()
        .map(|s| (s.0.path.as_slice(), s))
        .collect();
    let mut jobs: Vec<(Found, Option<u64>)> = Vec::new();
    let mut plans = Vec::with_capacity(walked.files.len());
    let mut kept = vec![false; cached_docs.len()];
    for f in &walked.files {
        let key = record::path_bytes(&f.path);
        let same = |k: &FileKey| k.size == f.size && k.mtime == f.mtime;
        if let Some(&i) = by_path.get(key.as_slice()) {
            kept[i] = true;
            if same(&cached_docs[i].file) {
                plans.push(Plan::Reuse(i));
                continue;
            }
            let known = (cached_docs[i].file.size == f.size).then_some(cached_docs[i].file.hash);
            plans.push(Plan::Job(jobs.len()));
            jobs.push((f.clone(), known));
            continue;
        }
        if let Some((k, reason)) = skipped_by_path.get(key.as_slice())
            && same(k)
        {
            plans.push(Plan::Skip(reason.clone()));
            continue;
        }
        plans.push(Plan::Job(jobs.len()));
        jobs.push((f.clone(), None));
    }
    report.removed = kept.iter().filter(|k| !**k).count();
    progress(Event::Found {
        files: walked.files.len(),
        parse: jobs.len(),
    });

    let outcomes = run_jobs(&jobs, rules, progress);
    let mut docs = Vec::with_capacity(plans.len());
    let mut new_texts: HashMap<usize, Arc<DocText>> = HashMap::new();
    let mut skipped = walked.skipped;
    let mut content_skips = Vec::new();
    for (plan, f) in plans.into_iter().zip(&walked.files) {
        match plan {
            Plan::Reuse(i) => {
                report.from_cache += 1;
                docs.push(Arc::clone(&cached_docs[i]));
            }
            Plan::Skip(reason) => {
                let key = skipped_by_path[record::path_bytes(&f.path).as_slice()]
                    .0
                    .clone();
                skipped.push(Skipped {
                    shown: f.shown.clone(),
                    reason: reason.clone(),
                });
                content_skips.push((key, reason));
            }
            Plan::Job(j) => match &outcomes[j] {
                Outcome::Indexed(b) => {
                    report.parsed += 1;
                    report.bytes_parsed += f.size;
                    new_texts.insert(docs.len(), Arc::new(b.1.clone()));
                    docs.push(Arc::new(b.0.clone()));
                }
                Outcome::Unchanged { hash } => {
                    report.rehashed += 1;
                    let i = by_path[record::path_bytes(&f.path).as_slice()];
                    let mut d = (*cached_docs[i]).clone();
                    d.file.mtime = f.mtime;
                    d.file.hash = *hash;
                    d.file.shown = f.shown.clone();
                    docs.push(Arc::new(d));
                }
                Outcome::Skipped { key, reason } => {
                    skipped.push(Skipped {
                        shown: f.shown.clone(),
                        reason: reason.clone(),
                    });
                    content_skips.push((key.clone(), reason.clone()));
                }
            },
        }
    }
    let index_changed = !jobs.is_empty() || report.removed > 0 || cached_docs.is_empty();
    let library_missing = cache.is_some_and(|c| !c.library_path().exists());
    let mut collection = Collection {
        roots: roots.to_vec(),
        docs,
        texts: Vec::new(),
        skipped,
        hidden: walked.hidden,
        report,
    };
    if options.texts || index_changed {
        attach_texts(&mut collection, cache, new_texts, rules, &stamp, progress);
    }
    if (index_changed || library_missing)
        && let Some(cache) = cache
    {
        let library = LibraryFile {
            stamp: stamp.clone(),
            generation: generation(&collection.docs),
            docs: collection.docs.iter().map(|d| DocSummary::of(d)).collect(),
            skipped: content_skips.clone(),
        };
        let index = IndexFile {
            stamp,
            roots: root_bytes,
            docs: collection.docs.iter().map(|d| (**d).clone()).collect(),
            skipped: content_skips,
        };
        let written = cache
            .write_index(&index)
            .and_then(|()| cache.write_library(&library));
        if let Err(e) = written {
            collection.report.notices.push(format!(
                "could not save the collection cache in {}: {}",
                cache.dir.display(),
                io_reason(&e)
            ));
        }
    }
    if !options.texts {
        collection.texts.clear();
    }
    collection.report.elapsed = started.elapsed();
    collection
}

/// A hash of the state of a collection's files (each document's path, size, time and
/// content hash, in order): the merged entities cached for one state are not used for
/// another.
pub fn generation(docs: &[Arc<DocRecord>]) -> u64 {
    generation_of(docs.iter().map(|d| &d.file))
}

fn generation_of<'a>(keys: impl Iterator<Item = &'a FileKey>) -> u64 {
    let mut bytes = Vec::new();
    for k in keys {
        bytes.extend_from_slice(&k.path);
        bytes.extend_from_slice(&k.size.to_le_bytes());
        bytes.extend_from_slice(&k.mtime.to_le_bytes());
        bytes.extend_from_slice(&k.hash.to_le_bytes());
    }
    build::bytes_hash(&bytes)
}

/// The collection's merged entities: from the cache when it holds them for this state of
/// the files, else merged now (and cached).
pub fn entity_table(c: &Collection, cache: Option<&CacheDir>, rules: &Rules) -> EntityTable {
    let stamp = rules.stamp();
    let generation = generation(&c.docs);
    if let Some(Ok(f)) = cache.map(CacheDir::read_entities)
        && f.stamp == stamp
        && f.generation == generation
    {
        return f.table;
    }
    let table = EntityTable::build(&c.docs, &date_order(&c.docs), &rules.aliases);
    if let Some(cache) = cache {
        let file = EntitiesFile {
            stamp,
            generation,
            table,
        };
        let _ = cache.write_entities(&file);
        return file.table;
    }
    table
}

/// A collection known from the cache alone: its rows and its merged entities.
#[derive(Debug, Clone)]
pub struct Quick {
    pub docs: Vec<DocSummary>,
    pub skipped: Vec<Skipped>,
    pub table: EntityTable,
}

/// The rows and entities of the collection of `roots` straight from the cache, when every
/// file is as it was when they were cached (same paths, sizes and times, none added or
/// removed); `None` otherwise (then [`open`] brings the cache up to date). The files are
/// looked at on one thread while the cache is read on another.
pub fn quick(roots: &[PathBuf], cache: &CacheDir, rules: &Rules) -> Option<Quick> {
    let stamp = rules.stamp();
    let (walked, cached) = std::thread::scope(|s| {
        let walker = s.spawn(|| walk::walk(roots));
        let cached = cache.read_library().ok().and_then(|lib| {
            let ents = cache.read_entities().ok()?;
            let fresh = lib.stamp == stamp && ents.stamp == stamp;
            (fresh && ents.generation == lib.generation).then_some((lib, ents.table))
        });
        (walker.join().ok(), cached)
    });
    let (walked, (lib, table)) = (walked?, cached?);
    if walked.files.len() != lib.docs.len() + lib.skipped.len() {
        return None;
    }
    let mut known: HashMap<&[u8], (&FileKey, Option<&str>)> = HashMap::new();
    for d in &lib.docs {
        known.insert(&d.file.path, (&d.file, None));
    }
    for (k, reason) in &lib.skipped {
        known.insert(&k.path, (k, Some(reason)));
    }
    let mut skipped = walked.skipped;
    for f in &walked.files {
        let (k, reason) = known.get(record::path_bytes(&f.path).as_slice())?;
        if k.size != f.size || k.mtime != f.mtime {
            return None;
        }
        if let Some(reason) = reason {
            skipped.push(Skipped {
                shown: f.shown.clone(),
                reason: reason.to_string(),
            });
        }
    }
    Some(Quick {
        docs: lib.docs,
        skipped,
        table,
    })
}

/// Index `jobs` on every core, reporting each as it is done.
fn run_jobs(
    jobs: &[(Found, Option<u64>)],
    rules: &Rules,
    progress: &(dyn Fn(Event) + Sync),
) -> Vec<Outcome> {
    let slots: Mutex<Vec<Option<Outcome>>> = Mutex::new((0..jobs.len()).map(|_| None).collect());
    let done = std::sync::atomic::AtomicUsize::new(0);
    build::index_all(jobs, rules, |j, out| {
        let doc = match &out {
            Outcome::Indexed(b) => Some(DocSummary::of(&b.0)),
            _ => None,
        };
        slots.lock().unwrap_or_else(|e| e.into_inner())[j] = Some(out);
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        progress(Event::Indexed {
            done: n,
            total: jobs.len(),
            doc,
        });
    });
    slots
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|o| o.expect("every job reports"))
        .collect()
}

/// Give every document its transcript: the ones parsed now, the cached ones from the texts
/// file, and (when that file lacks some) by parsing those again. Saves the texts file when
/// anything in it changed.
fn attach_texts(
    c: &mut Collection,
    cache: Option<&CacheDir>,
    mut fresh: HashMap<usize, Arc<DocText>>,
    rules: &Rules,
    stamp: &str,
    progress: &(dyn Fn(Event) + Sync),
) {
    let mut stored: HashMap<(Vec<u8>, u64), DocText> = HashMap::new();
    let mut unusable = None;
    match cache.map(CacheDir::read_texts) {
        Some(Ok(t)) if t.stamp == stamp => {
            stored = t
                .texts
                .into_iter()
                .filter(|(_, _, text)| text.is_sound())
                .map(|(p, h, text)| ((p, h), text))
                .collect();
        }
        Some(Err(Unusable::Bad(why))) => unusable = Some(why),
        _ => {}
    }
    let mut missing: Vec<usize> = Vec::new();
    let mut texts: Vec<Option<Arc<DocText>>> = Vec::with_capacity(c.docs.len());
    let mut reused = 0;
    for (i, d) in c.docs.iter().enumerate() {
        if let Some(t) = fresh.remove(&i) {
            texts.push(Some(t));
        } else if let Some(t) = stored.remove(&(d.file.path.clone(), d.file.hash)) {
            reused += 1;
            texts.push(Some(Arc::new(t)));
        } else {
            missing.push(i);
            texts.push(None);
        }
    }
    if !missing.is_empty() {
        if let Some(why) = unusable {
            c.report
                .notices
                .push(format!("collection text cache {why}: rebuilt it"));
        }
        let jobs: Vec<(Found, Option<u64>)> = missing
            .iter()
            .map(|&i| {
                let f = &c.docs[i].file;
                let found = Found {
                    path: f.path(),
                    shown: f.shown.clone(),
                    size: f.size,
                    mtime: f.mtime,
                };
                (found, None)
            })
            .collect();
        let outcomes = run_jobs(&jobs, rules, progress);
        for (&i, out) in missing.iter().zip(outcomes) {
            if let Outcome::Indexed(b) = out {
                c.report.parsed += 1;
                c.report.bytes_parsed += c.docs[i].file.size;
                let (record, text) = *b;
                c.docs[i] = Arc::new(record);
                texts[i] = Some(Arc::new(text));
            }
        }
    }
    let changed = reused < texts.len() || !stored.is_empty();
    c.texts = texts;
    if changed && let Some(cache) = cache {
        let file = TextsFile {
            stamp: stamp.to_string(),
            texts: c
                .docs
                .iter()
                .zip(&c.texts)
                .filter_map(|(d, t)| {
                    let t = t.as_ref()?;
                    Some((d.file.path.clone(), d.file.hash, (**t).clone()))
                })
                .collect(),
        };
        if let Err(e) = cache.write_texts(&file) {
            c.report.notices.push(format!(
                "could not save the collection's texts in {}: {}",
                cache.dir.display(),
                io_reason(&e)
            ));
        }
    }
}

/// Indices of `docs` in date order: dated documents by date, then undated ones; ties and
/// undated documents by file path as people sort names (`d2` before `d10`).
pub fn date_order(docs: &[Arc<DocRecord>]) -> Vec<usize> {
    let keys: Vec<(bool, &str, String)> = docs
        .iter()
        .map(|d| {
            let date = d.date_iso();
            (
                date.is_none(),
                date.unwrap_or(""),
                natural_key(&d.file.shown),
            )
        })
        .collect();
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    order
}
