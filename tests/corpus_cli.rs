//! `memcon index`, `mentions`, `search` and `entities DIR` on the test collection, run as a
//! script runs them (cache and data in temporary folders).

mod collection;

use std::path::Path;
use std::process::{Command, Output};

fn memcon(args: &[&str], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_memcon"))
        .args(args)
        .env("MEMCON_CACHE_DIR", home.join("cache"))
        .env("MEMCON_DATA_DIR", home.join("data"))
        .env("MEMCON_CONFIG_DIR", home.join("config"))
        .env_remove("NO_COLOR")
        .output()
        .expect("memcon runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("JSON on stdout")
}

#[test]
fn index_summarises_documents_skipped_files_and_entities() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = collection::write(tmp.path());
    let d = dir.to_str().unwrap();
    let out = memcon(&["index", d], tmp.path());
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    let n = collection::documents();
    assert!(text.starts_with(&format!("{n} documents in ")), "{text}");
    assert!(text.contains(&format!("{n} parsed")), "{text}");
    assert!(text.contains("entities: "), "{text}");
    assert!(text.contains("binary file"), "{text}");
    assert!(text.contains("empty file: 1 file\n    empty.txt"), "{text}");
    assert!(text.contains("cache: "), "{text}");
    // The second time everything comes from the cache.
    let again = stdout(&memcon(&["index", d], tmp.path()));
    assert!(again.contains("0 parsed"), "{again}");
    assert!(again.contains(&format!("{n} from the cache")), "{again}");
    assert!(out.stderr.is_empty(), "no progress bar without a terminal");
}

#[test]
fn mentions_lists_documents_with_counts_and_offsets() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = collection::write(tmp.path());
    let d = dir.to_str().unwrap();
    for _ in 0..2 {
        // Once building the index, once from the cache: the same answer.
        let out = memcon(&["mentions", d, "dairen", "--json"], tmp.path());
        assert!(out.status.success(), "{out:?}");
        let v = json(&out);
        assert_eq!(v["entities"][0]["name"], "Dalian");
        assert_eq!(v["entities"][0]["kind"], "place");
        assert_eq!(v["entities"][0]["documents"], 8);
        let docs = v["documents"].as_array().unwrap();
        assert_eq!(docs[0]["path"], "a01.txt");
        assert_eq!(docs[0]["date_iso"], "1945-07-03");
        assert_eq!(docs[0]["count"], 3);
        let m = &docs[0]["mentions"];
        let body: Vec<&serde_json::Value> = m
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m.get("block").is_some())
            .collect();
        assert_eq!(body.len(), 3);
        assert!(body[0]["end"].as_u64() > body[0]["start"].as_u64());
    }
    let table = stdout(&memcon(&["mentions", d, "Port Arthur"], tmp.path()));
    assert!(
        table.starts_with("Port Arthur (place): 4 documents"),
        "{table}"
    );
    let none = memcon(&["mentions", d, "Atlantis"], tmp.path());
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("no entity called Atlantis"));
    let person = memcon(&["mentions", d, "Harbin", "--kind", "person"], tmp.path());
    assert!(!person.status.success(), "Harbin is a place");
}

#[test]
fn search_and_entities_of_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = collection::write(tmp.path());
    let d = dir.to_str().unwrap();
    let v = json(&memcon(&["search", d, "naval base", "--json"], tmp.path()));
    assert_eq!(v["total"], 3);
    assert_eq!(v["documents"][0]["path"], "a01.txt");
    assert_eq!(v["documents"][1]["count"], 2);
    assert_eq!(v["documents"][0]["matches"][0]["text"], "naval base");
    let lines = stdout(&memcon(
        &["search", d, r"Port\s+Arthur", "--regex"],
        tmp.path(),
    ));
    assert!(lines.contains("a09.txt  1955-05-26  2 matches"), "{lines}");
    assert!(lines.contains("[Port Arthur]"), "{lines}");
    let ents = json(&memcon(&["entities", d, "--json"], tmp.path()));
    let dalian = ents
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Dalian")
        .expect("Dalian listed");
    assert_eq!(dalian["documents"], 8);
    assert_eq!(dalian["aliases"][0], "Dairen");
    let missing = memcon(&["index", "/no/such/folder"], tmp.path());
    assert!(!missing.status.success());
    let err = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(err.trim(), "memcon: /no/such/folder: no such file");
}
