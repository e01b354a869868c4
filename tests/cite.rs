//! `memcon cite` and the reference exports of bookmarks: every format for the bundled memo, a
//! translated telegram (translators from the credits), an undated document and a plain note,
//! and the BibTeX and CSL-JSON read back with parsers of those formats.

use biblatex::{Bibliography, ChunksExt};
use memcon::cite::{Pinpoint, Source};
use memcon::cli::CiteFormat;
use memcon::commands::cite::text;
use memcon::document::{self, Document};
use std::process::Command;

const ACCESSED: &str = "2026-11-29";

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    document::load(name, &std::fs::read(path).unwrap()).unwrap()
}

fn bundled() -> Document {
    document::load("bundled", memcon::BUNDLED.as_bytes()).unwrap()
}

fn cite(doc: &Document, pin: Pinpoint, format: CiteFormat) -> String {
    text(&Source::of(doc), &pin, format, ACCESSED)
}

/// Every string in a JSON value, and a failure on any null or empty string.
fn assert_nothing_empty(v: &serde_json::Value, text: &str) {
    match v {
        serde_json::Value::Null => panic!("null in {text}"),
        serde_json::Value::String(s) => assert!(!s.trim().is_empty(), "empty string in {text}"),
        serde_json::Value::Array(a) => a.iter().for_each(|x| assert_nothing_empty(x, text)),
        serde_json::Value::Object(o) => o.values().for_each(|x| assert_nothing_empty(x, text)),
        _ => {}
    }
}

fn csl(doc: &Document, pin: Pinpoint) -> (serde_json::Value, Vec<citationberg::json::Item>) {
    let out = cite(doc, pin, CiteFormat::CslJson);
    let value: serde_json::Value = serde_json::from_str(&out).expect("CSL-JSON is JSON");
    assert_nothing_empty(&value, &out);
    let items: Vec<citationberg::json::Item> =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not CSL-JSON ({e}):\n{out}"));
    (value, items)
}

fn bib(doc: &Document, pin: Pinpoint) -> (String, Bibliography) {
    let out = cite(doc, pin, CiteFormat::Bibtex);
    let parsed = Bibliography::parse(&out).unwrap_or_else(|e| panic!("not BibTeX ({e:?}):\n{out}"));
    assert_eq!(parsed.len(), 1, "{out}");
    for line in out.lines().filter(|l| l.contains(" = ")) {
        assert!(!line.ends_with("= {},"), "empty field: {line}");
    }
    (out, parsed)
}

fn field(bib: &Bibliography, key: &str, name: &str) -> Option<String> {
    bib.get(key)?.get(name).map(|c| c.format_verbatim())
}

#[test]
fn the_bundled_memo_in_every_format() {
    let doc = bundled();
    let chicago = cite(&doc, Pinpoint::None, CiteFormat::Chicago);
    assert_eq!(
        chicago,
        "\"Memorandum of Conversation between Averell Harriman and T. V. Soong, 'Far Eastern \
         Conversations with Generalissimo Stalin.'\" July 3, 1945. Wilson Center Digital \
         Archive, W. A. Harriman Papers, Library of Congress. \
         https://wilson-center-digital-archive.dvincitest.com/document/123408.\n"
    );
    let note = cite(&doc, Pinpoint::Paragraphs(3, 3), CiteFormat::Chicago);
    assert!(
        note.contains("Library of Congress, ¶ 3, https://"),
        "{note}"
    );

    let (_, b) = bib(&doc, Pinpoint::None);
    let key = "memorandum1945";
    assert_eq!(
        field(&b, key, "title").as_deref(),
        Some(
            "Memorandum of Conversation between Averell Harriman and T. V. Soong, 'Far \
             Eastern Conversations with Generalissimo Stalin'"
        )
    );
    assert_eq!(field(&b, key, "date").as_deref(), Some("1945-07-03"));
    assert_eq!(
        field(&b, key, "howpublished").as_deref(),
        Some("Wilson Center Digital Archive")
    );
    assert_eq!(
        field(&b, key, "url").as_deref(),
        Some("https://wilson-center-digital-archive.dvincitest.com/document/123408")
    );
    assert_eq!(field(&b, key, "urldate").as_deref(), Some(ACCESSED));
    assert_eq!(field(&b, key, "author"), None, "initials are not an author");

    let (v, items) = csl(&doc, Pinpoint::None);
    let item = &v[0];
    assert_eq!(item["id"], "document/123408");
    assert_eq!(item["type"], "manuscript");
    assert_eq!(
        item["issued"]["date-parts"][0],
        serde_json::json!([1945, 7, 3])
    );
    assert_eq!(item["archive"], "Wilson Center Digital Archive");
    assert_eq!(
        item["archive_location"],
        "W. A. Harriman Papers, Library of Congress"
    );
    assert_eq!(items[0].id().as_deref(), Some("document/123408"));
    assert_eq!(items[0].type_().as_deref(), Some("manuscript"));

    let ris = cite(&doc, Pinpoint::None, CiteFormat::Ris);
    for line in [
        "TY  - MANSCPT",
        "DA  - 1945/07/03/",
        "DB  - Wilson Center Digital Archive",
        "AV  - W. A. Harriman Papers, Library of Congress",
        "AN  - document/123408",
        "Y2  - 2026/11/29",
    ] {
        assert!(ris.lines().any(|l| l == line), "{line} in\n{ris}");
    }
    assert!(ris.ends_with("ER  - \n"));
    for line in ris.lines() {
        assert!(line.len() >= 6 && &line[2..6] == "  - ", "{line}");
    }
}

#[test]
fn a_translated_telegram_names_its_translators_from_the_credits() {
    let doc = fixture("cite-translated-telegram.txt");
    let s = Source::of(&doc);
    assert_eq!(s.translators, ["Ewa Nowak", "J. K. Brown"]);
    assert_eq!(s.author.as_deref(), Some("Branicki"));
    let chicago = cite(&doc, Pinpoint::None, CiteFormat::Chicago);
    assert!(
        chicago.contains("Translated from the Polish by Ewa Nowak and J. K. Brown."),
        "{chicago}"
    );

    let (out, b) = bib(&doc, Pinpoint::Paragraphs(2, 2));
    let key = "branicki1956telegram";
    assert!(out.starts_with(&format!("@misc{{{key},")), "{out}");
    // `&` and `%` in the title are escaped in the file and come back as they were.
    assert!(out.contains("\\& the 50\\% Quota"), "{out}");
    assert_eq!(
        field(&b, key, "title").as_deref(),
        Some(doc.metadata.title.as_deref().unwrap())
    );
    let entry = b.get(key).unwrap();
    let translators = entry.translator().unwrap();
    let names: Vec<String> = translators
        .iter()
        .map(|p| format!("{} {}", p.given_name, p.name))
        .collect();
    assert_eq!(names, ["Ewa Nowak", "J. K. Brown"]);
    assert_eq!(field(&b, key, "origlanguage").as_deref(), Some("Polish"));
    assert!(field(&b, key, "note").unwrap().contains("Cited at ¶ 2."));

    let (v, items) = csl(&doc, Pinpoint::None);
    assert_eq!(v[0]["translator"][1]["family"], "Brown");
    assert_eq!(v[0]["translator"][1]["given"], "J. K.");
    assert_eq!(v[0]["author"][0]["family"], "Branicki");
    assert_eq!(v[0]["note"], "Original language: Polish.");
    assert!(items[0].0.contains_key("translator"));

    let ris = cite(&doc, Pinpoint::None, CiteFormat::Ris);
    assert!(
        ris.contains("A4  - Nowak, Ewa\nA4  - Brown, J. K.\n"),
        "{ris}"
    );
    assert!(ris.contains("LA  - Polish\n"), "{ris}");
}

#[test]
fn an_undated_document_says_so_and_has_no_date_fields() {
    let doc = fixture("cite-undated-frus.txt");
    let chicago = cite(&doc, Pinpoint::None, CiteFormat::Chicago);
    assert_eq!(
        chicago,
        "\"Memorandum by the Assistant Secretary of State (Ward).\" n.d. Foreign Relations of \
         the United States, 1931, Volume II, Document 88, 893.00/1182. Office of the \
         Historian, U.S. Department of State (public domain). \
         https://history.state.gov/historicaldocuments/frus1931v02/d88.\n"
    );
    let (out, b) = bib(&doc, Pinpoint::None);
    assert!(out.starts_with("@misc{memorandum,"), "{out}");
    assert_eq!(field(&b, "memorandum", "date"), None);
    assert_eq!(field(&b, "memorandum", "year"), None);
    let (v, _) = csl(&doc, Pinpoint::None);
    assert!(v[0].get("issued").is_none(), "{v}");
    assert_eq!(
        v[0]["note"],
        "Office of the Historian, U.S. Department of State (public domain)."
    );
    let ris = cite(&doc, Pinpoint::None, CiteFormat::Ris);
    assert!(!ris.contains("DA  -") && !ris.contains("PY  -"), "{ris}");
}

#[test]
fn a_plain_note_is_cited_from_what_there_is() {
    let doc = fixture("cite-plain-note.txt");
    assert_eq!(
        cite(&doc, Pinpoint::None, CiteFormat::Chicago),
        "\"Reading list for the seminar.\" n.d.\n"
    );
    let (out, b) = bib(&doc, Pinpoint::None);
    assert_eq!(
        out,
        "@misc{reading,\n  title = {{Reading list for the seminar}},\n}\n"
    );
    assert_eq!(
        field(&b, "reading", "title").as_deref(),
        Some("Reading list for the seminar")
    );
    let (v, items) = csl(&doc, Pinpoint::Paragraphs(1, 1));
    let keys: Vec<&String> = v[0].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["id", "note", "title", "type"], "{v}");
    assert_eq!(v[0]["note"], "Cited at ¶ 1.");
    assert_eq!(items[0].type_().as_deref(), Some("document"));
    assert_eq!(
        cite(&doc, Pinpoint::None, CiteFormat::Ris),
        "TY  - GEN\nTI  - Reading list for the seminar\nER  - \n"
    );
}

#[test]
fn the_command_line() {
    let bin = env!("CARGO_BIN_EXE_memcon");
    let fixture = format!(
        "{}/tests/fixtures/cite-translated-telegram.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = Command::new(bin)
        .args(["cite", &fixture, "--format", "csl-json", "--paragraph", "2"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v[0]["note"].as_str().unwrap().ends_with("Cited at ¶ 2."));
    let out = Command::new(bin)
        .args(["cite", &fixture, "--paragraph", "9"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("there is no paragraph 9 (the document has 2 paragraphs)"),
        "{err}"
    );
    let out = Command::new(bin).args(["cite"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("\"Memorandum of Conversation"));
}

/// `memcon` with its data in `data`.
fn memcon(data: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_memcon"))
        .args(args)
        .env("MEMCON_DATA_DIR", data)
        .env("MEMCON_CONFIG_DIR", data.join("config"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn bookmarks_export_as_notes_on_their_documents_entries() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let memo = dir.path().join("memo.txt");
    std::fs::write(&memo, memcon::BUNDLED).unwrap();
    let telegram = dir.path().join("telegram.txt");
    std::fs::copy(
        format!(
            "{}/tests/fixtures/cite-translated-telegram.txt",
            env!("CARGO_MANIFEST_DIR")
        ),
        &telegram,
    )
    .unwrap();
    let (memo, telegram) = (memo.to_str().unwrap(), telegram.to_str().unwrap());
    memcon(
        &data,
        &[
            "bookmarks",
            "add",
            memo,
            "--paragraph",
            "2",
            "--note",
            "ports & {depth}",
        ],
    );
    memcon(&data, &["bookmarks", "add", telegram, "--paragraph", "1"]);

    let out = memcon(&data, &["bookmarks", "export", "--format", "bibtex"]);
    let b = Bibliography::parse(&out).unwrap_or_else(|e| panic!("{e:?}\n{out}"));
    assert_eq!(b.len(), 2, "{out}");
    let annote = field(&b, "memorandum1945", "annote").unwrap();
    assert!(
        annote.starts_with("¶ 2: “Soong got the impression that Stalin did not place great"),
        "{annote}"
    );
    assert!(annote.ends_with("— ports & {depth}"), "{annote}");
    assert!(
        field(&b, "branicki1956telegram", "annote")
            .unwrap()
            .starts_with("¶ 1: “The plenum")
    );

    let out = memcon(
        &data,
        &["bookmarks", "export", memo, "--format", "csl-json"],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_nothing_empty(&v, &out);
    let _: Vec<citationberg::json::Item> = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert!(
        v[0]["annote"]
            .as_str()
            .unwrap()
            .contains("— ports & {depth}")
    );

    // Markdown: the pinpoint citation under each quote, accessed the day it was marked.
    let out = memcon(&data, &["bookmarks", "export", telegram]);
    let today = memcon::bookmarks::Timestamp::now().date();
    assert!(
        out.contains(&format!(
            "> The plenum opens on October 19. Comrade Z. W. Kowal expects a long debate.\n\n— \
             \"Telegram from the Embassy in Warsaw to the Ministry of Foreign Affairs, \"On the \
             Plenum & the 50% Quota\"\", October 9, 1956, Wilson Center Digital Archive, \
             Archiwum Akt Nowych (AAN), KC PZPR, sygn. 2/1, k. 14-16, ¶ 1. \
             https://digitalarchive.wilsoncenter.org/document/900777 (accessed {today}).\n"
        )),
        "{out}"
    );
}
