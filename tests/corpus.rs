//! The collection index on a small collection written for the tests: what is a document,
//! what is skipped and why, the cache (reused, refreshed file by file, rebuilt when
//! damaged), entities merged across documents, documents mentioning an entity, search.

mod collection;

use memcon::corpus::{self, CacheDir, Collection, EntityTable, Options, Rules, date_order};
use memcon::entities::EntityKind;
use memcon::search::{Matcher, Query};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

struct Fixture {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    cache: CacheDir,
}

fn fixture() -> Fixture {
    let tmp = tempfile::tempdir().unwrap();
    let dir = collection::write(tmp.path());
    let cache = CacheDir::for_roots(&tmp.path().join("cache"), std::slice::from_ref(&dir));
    Fixture {
        _tmp: tmp,
        dir,
        cache,
    }
}

fn open(f: &Fixture, texts: bool) -> Collection {
    let options = Options {
        texts,
        rebuild: false,
    };
    corpus::open(
        std::slice::from_ref(&f.dir),
        Some(&f.cache),
        &Rules::default(),
        options,
        &|_| {},
    )
}

fn shown(c: &Collection, order: &[usize]) -> Vec<String> {
    order
        .iter()
        .map(|&i| c.docs[i].file.shown.clone())
        .collect()
}

#[test]
fn documents_and_skipped_files_with_their_reasons() {
    let f = fixture();
    let c = open(&f, false);
    assert_eq!(c.docs.len(), collection::documents());
    let reason = |name: &str| {
        c.skipped
            .iter()
            .find(|s| s.shown == name)
            .map(|s| s.reason.clone())
            .unwrap_or_else(|| panic!("{name} not skipped: {:?}", c.skipped))
    };
    assert!(reason("scan.txt").starts_with("binary file"));
    assert_eq!(reason("empty.txt"), "empty file");
    assert_eq!(reason("manifest.json"), "not a text document (.json)");
    #[cfg(unix)]
    assert!(reason("vol2/loop").contains("loop"));
    assert_eq!(c.hidden, 1, "the .DS_Store");
    // Nested folders are in, with their folder.
    let annex = c
        .docs
        .iter()
        .find(|d| d.file.shown == "vol2/annex/c01.txt")
        .expect("nested document");
    assert_eq!(annex.file.folder(), "vol2/annex");
}

#[test]
fn date_order_puts_undated_documents_last_by_file_name() {
    let f = fixture();
    let c = open(&f, false);
    let order = shown(&c, &date_order(&c.docs));
    assert_eq!(order.first().map(String::as_str), Some("a01.txt"));
    let tail: Vec<&str> = order[order.len() - 2..]
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(tail, ["m-note.txt", "z-note.txt"]);
    let dated: Vec<&str> = order.iter().map(String::as_str).take(4).collect();
    assert_eq!(dated, ["a01.txt", "a02.txt", "a03.txt", "a04.txt"]);
    let kinds: Vec<(&str, &str)> = c
        .docs
        .iter()
        .map(|d| (d.file.shown.as_str(), d.kind_label()))
        .collect();
    assert!(kinds.contains(&("a02.txt", "telegram")));
    assert!(kinds.contains(&("a03.txt", "letter")));
    assert!(kinds.contains(&("a01.txt", "memorandum")));
    let translated = c.docs.iter().find(|d| d.file.shown == "translated.txt");
    assert!(translated.unwrap().translated);
}

#[test]
fn the_second_open_parses_nothing_and_a_changed_file_alone_is_parsed() {
    let f = fixture();
    let first = open(&f, true);
    assert_eq!(first.report.parsed, collection::documents());
    let second = open(&f, true);
    assert_eq!(second.report.parsed, 0, "{:?}", second.report);
    assert_eq!(second.report.from_cache, collection::documents());
    assert_eq!(
        second.texts.iter().flatten().count(),
        collection::documents()
    );

    // A changed file is parsed again, alone; its new words are found.
    let changed = f.dir.join("a06.txt");
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(&changed, text.replace("ice.", "ice at Mukden.")).unwrap();
    // A file whose time alone changed is read again but not parsed.
    let touched = f.dir.join("a07.txt");
    let bytes = std::fs::read(&touched).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&touched, bytes).unwrap();
    let third = open(&f, true);
    assert_eq!(third.report.parsed, 1, "{:?}", third.report);
    assert_eq!(third.report.rehashed, 1, "{:?}", third.report);
    let a06 = third
        .docs
        .iter()
        .position(|d| d.file.shown == "a06.txt")
        .unwrap();
    assert!(third.texts[a06].as_ref().unwrap().all().contains("Mukden"));

    // An added file is parsed alone; a deleted one is gone.
    std::fs::write(f.dir.join("a11.txt"), "Added note\n\nAbout Harbin.").unwrap();
    std::fs::remove_file(f.dir.join("a10.txt")).unwrap();
    let fourth = open(&f, false);
    assert_eq!(fourth.report.parsed, 1);
    assert_eq!(fourth.report.removed, 1);
    assert_eq!(fourth.docs.len(), collection::documents());
    // The content-skipped files are remembered too: the binary file is not read again.
    assert!(fourth.skipped.iter().any(|s| s.shown == "scan.txt"));
}

#[test]
fn a_damaged_cache_is_rebuilt_with_a_message() {
    let f = fixture();
    open(&f, true);
    for (path, junk) in [
        (f.cache.index_path(), b"MEMCONIX\x01\0\0\0\xff\xff".to_vec()),
        (f.cache.texts_path(), b"not a cache".to_vec()),
    ] {
        std::fs::write(&path, junk).unwrap();
        let c = open(&f, true);
        assert_eq!(c.docs.len(), collection::documents());
        assert!(
            c.report.notices.iter().any(|n| n.contains("rebuilt")),
            "{:?}",
            c.report.notices
        );
        assert_eq!(c.texts.iter().flatten().count(), collection::documents());
        let again = open(&f, true);
        assert!(
            again.report.notices.is_empty(),
            "{:?}",
            again.report.notices
        );
        assert_eq!(again.report.parsed, 0);
    }
    // A cache of another format version is not trusted either.
    let mut bytes = std::fs::read(f.cache.index_path()).unwrap();
    bytes[8] = 99;
    std::fs::write(f.cache.index_path(), bytes).unwrap();
    let c = open(&f, false);
    assert!(c.report.notices.iter().any(|n| n.contains("format 99")));
}

fn table(c: &Collection) -> EntityTable {
    EntityTable::build(&c.docs, &date_order(&c.docs), &Default::default())
}

#[test]
fn entities_merge_across_documents_and_list_the_documents_in_date_order() {
    let f = fixture();
    let c = open(&f, false);
    let t = table(&c);
    // Dairen and Dalian are one place (the gazetteer knows the old and the new name).
    let dalian = t.find("Dalian", Some(EntityKind::Place));
    assert_eq!(dalian, t.find("Dairen", Some(EntityKind::Place)));
    assert_eq!(dalian.len(), 1);
    let e = &t.entities[dalian[0]];
    let docs: Vec<String> = e
        .docs
        .iter()
        .map(|h| c.docs[h.doc].file.shown.clone())
        .collect();
    assert_eq!(
        docs,
        [
            "a01.txt",
            "a02.txt",
            "a03.txt",
            "a07.txt",
            "a10.txt",
            "translated.txt",
            "vol2/annex/c01.txt",
            "z-note.txt"
        ]
    );
    let count_in = |file: &str| {
        let h = e
            .docs
            .iter()
            .find(|h| c.docs[h.doc].file.shown == file)
            .unwrap();
        h.count
    };
    assert_eq!(count_in("a01.txt"), 3);
    assert_eq!(count_in("a03.txt"), 3);
    let port_arthur = t.find("port arthur", None);
    assert_eq!(port_arthur.len(), 1);
    let pa = &t.entities[port_arthur[0]];
    assert_eq!(pa.docs.len(), 4);
    assert_eq!(pa.mentions, 1 + 3 + 2 + 1);
}

#[test]
fn search_counts_what_the_reader_would() {
    let f = fixture();
    let c = open(&f, true);
    let order = date_order(&c.docs);
    let m = Matcher::new(&Query::plain("port arthur")).unwrap();
    let mut hits = Vec::new();
    corpus::search::search(&c.texts, &order, &m, &AtomicBool::new(false), |h| {
        hits.push(h)
    });
    let files: Vec<&str> = hits
        .iter()
        .map(|h| c.docs[h.doc].file.shown.as_str())
        .collect();
    assert_eq!(
        files,
        ["a01.txt", "a02.txt", "a09.txt", "vol2/annex/c01.txt"]
    );
    for h in &hits {
        let path = c.docs[h.doc].file.path();
        let doc = memcon::commands::open(Some(Path::new(&path)), &Default::default()).unwrap();
        assert_eq!(h.ranges, memcon::search::find_all(&doc, &m), "{path:?}");
    }
}
