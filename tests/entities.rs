//! Entities on the bundled memo and the test texts in tests/fixtures: what a careful reader
//! would list.

use memcon::document::{self, Document};
use memcon::entities::{self, Entity, EntityKind, Site};

fn load(path: &str) -> Document {
    let bytes = std::fs::read(path).expect("fixture");
    document::load(path, &bytes).expect("text")
}

fn bundled() -> Document {
    document::load("bundled", memcon::BUNDLED.as_bytes()).expect("text")
}

/// `(kind, name, aliases)` sorted, for comparing whole lists.
fn listing(ents: &[Entity]) -> Vec<(EntityKind, String, Vec<String>)> {
    let mut v: Vec<_> = ents
        .iter()
        .map(|e| (e.kind, e.name.clone(), e.aliases.clone()))
        .collect();
    v.sort();
    v
}

fn get<'a>(ents: &'a [Entity], name: &str) -> &'a Entity {
    ents.iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn the_bundled_memo_lists_exactly_what_a_careful_reader_would() {
    use EntityKind::*;
    let doc = bundled();
    let ents = entities::extract(&doc);
    let mut want = vec![
        (Place, "Moscow".into(), s(&[])),
        (Place, "Port Arthur".into(), s(&["Lüshunkou District"])),
        (Place, "Dairen".into(), s(&["Dalian"])),
        (Place, "Outer Mongolia".into(), s(&[])),
        (Place, "Sakhalin".into(), s(&[])),
        (Place, "Kurile Islands".into(), s(&[])),
        (Place, "Russia".into(), s(&[])),
        (Place, "Siberia".into(), s(&[])),
        (Place, "Japan".into(), s(&[])),
        (Place, "United States".into(), s(&[])),
        (Place, "Far East".into(), s(&[])),
        (Person, "W. A. Harriman".into(), s(&["Averell Harriman"])),
        (Person, "T. V. Soong".into(), s(&[])),
        (Person, "Stalin".into(), s(&[])),
    ];
    // The archive (Wilson Center, Library of Congress) and the funder in the citation and
    // credits are where the document is kept, not what it mentions.
    want.sort();
    assert_eq!(listing(&ents), want);

    // Adjectives are mentions of their place, flagged; the others are not.
    for name in ["Siberia", "Japan", "United States", "Far East"] {
        assert!(
            get(&ents, name).mentions.iter().all(|m| m.adjectival),
            "{name}"
        );
    }
    for name in [
        "Moscow",
        "Port Arthur",
        "Dairen",
        "Russia",
        "Outer Mongolia",
    ] {
        assert!(
            get(&ents, name).mentions.iter().all(|m| !m.adjectival),
            "{name}"
        );
    }
    let texts = |name: &str| -> Vec<String> {
        get(&ents, name)
            .mentions
            .iter()
            .map(|m| m.text(&doc).to_string())
            .collect()
    };
    // A jump over Dalian visits Dairen too; the gloss of Port Arthur names Dalian.
    assert_eq!(texts("Dairen"), ["Dalian", "Dairen", "Dalian"]);
    assert_eq!(texts("Port Arthur"), ["Port Arthur", "Lüshunkou District"]);
    assert_eq!(texts("Siberia"), ["Siberian", "Siberian"]);
    // The signature initials resolve to the participant.
    assert!(texts("W. A. Harriman").contains(&"WAH".to_string()));
    assert!(texts("T. V. Soong").contains(&"Dr. T. V. Soong".to_string()));
    // The title, the summary and the transcript; not the citation, which repeats the title.
    assert_eq!(get(&ents, "Stalin").mentions.len(), 11);
    assert_eq!(get(&ents, "T. V. Soong").mentions.len(), 11);
    // Metadata mentions say which field they are in.
    let stalin = &get(&ents, "Stalin").mentions;
    assert_eq!(
        stalin[0].site,
        Site::Field(memcon::document::MetaField::Title)
    );
    assert_eq!(
        stalin[1].site,
        Site::Field(memcon::document::MetaField::Summary)
    );
    // Every mention's range holds its text.
    for e in &ents {
        for m in &e.mentions {
            assert!(!m.text(&doc).is_empty(), "{} {m:?}", e.name);
        }
    }
}

#[test]
fn the_translated_telegram_links_glosses_and_resolves_the_signature() {
    let doc = load("tests/fixtures/translated-telegram.txt");
    let ents = entities::extract(&doc);
    let mukden = get(&ents, "Mukden");
    assert_eq!(mukden.aliases, ["Shenyang", "沈阳"]);
    assert!(get(&ents, "Kirin").aliases.contains(&"Jilin".into()));
    assert!(get(&ents, "Changchun").aliases.contains(&"Hsinking".into()));
    assert!(get(&ents, "Port Arthur").aliases.contains(&"Lüshun".into()));
    assert!(get(&ents, "Tientsin").aliases.contains(&"Tianjin".into()));
    let voronin = get(&ents, "A. D. Voronin");
    let texts: Vec<&str> = voronin.mentions.iter().map(|m| m.text(&doc)).collect();
    assert!(texts.contains(&"VORONIN"), "{texts:?}");
    let people: Vec<&str> = ents
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    for p in ["P. K. Sedykh", "Li Wenshan", "A. D. Voronin"] {
        assert!(people.contains(&p), "{p} in {people:?}");
    }
    assert_eq!(get(&ents, "Chinese Changchun Railway").aliases, ["KChZhD"]);
    assert!(
        ents.iter().all(|e| e.name != "Hsinking"),
        "Hsinking is Changchun"
    );
    let mukden: Vec<&str> = get(&ents, "Mukden")
        .mentions
        .iter()
        .map(|m| m.text(&doc))
        .collect();
    for form in ["MUKDEN", "Mukden", "Shenyang", "沈阳"] {
        assert!(mukden.contains(&form), "{form} in {mukden:?}");
    }
}

#[test]
fn the_pdftotext_letter_finds_its_people_and_places() {
    let doc = load("tests/fixtures/pdftotext-letter.txt");
    let ents = entities::extract(&doc);
    for (kind, name) in [
        (EntityKind::Place, "Halifax"),
        (EntityKind::Place, "Leningrad"),
        (EntityKind::Place, "Archangel"),
        (EntityKind::Place, "Montreal"),
        (EntityKind::Person, "R. K. Amundsen"),
        (EntityKind::Person, "P. L. Fournier"),
        (EntityKind::Person, "S. V. Orekhov"),
        (EntityKind::Person, "Lindqvist"),
        (EntityKind::Organization, "Department of Trade and Commerce"),
    ] {
        assert_eq!(get(&ents, name).kind, kind, "{name}");
    }
    // `Mr. Fournier` on the second page is the `Mr. P. L. Fournier` of the first.
    assert_eq!(get(&ents, "P. L. Fournier").mentions.len(), 2);
}

#[test]
fn the_plain_note_finds_names_without_any_memo_structure() {
    let doc = load("tests/fixtures/plain-note.txt");
    let ents = entities::extract(&doc);
    for name in ["Potsdam", "Poland", "Germany", "Tientsin", "Kurile Islands"] {
        assert_eq!(get(&ents, name).kind, EntityKind::Place, "{name}");
    }
    for name in ["Truman", "Attlee", "Stalin", "Eden"] {
        assert_eq!(get(&ents, name).kind, EntityKind::Person, "{name}");
    }
}

fn memcon(args: &[&str], config: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_memcon"))
        .args(args)
        .env("MEMCON_CONFIG_DIR", config)
        .env("MEMCON_DATA_DIR", config)
        .output()
        .expect("run memcon")
}

#[test]
fn the_entities_command_prints_a_table_and_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = memcon(&["entities"], dir.path());
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).expect("utf-8");
    assert!(table.starts_with("KIND"), "{table}");
    let line = table
        .lines()
        .find(|l| l.contains("Port Arthur"))
        .expect("Port Arthur");
    assert!(
        line.starts_with("place") && line.ends_with("Lüshunkou District"),
        "{line}"
    );

    let out = memcon(&["entities", "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let dairen = json
        .as_array()
        .expect("array")
        .iter()
        .find(|e| e["name"] == "Dairen")
        .expect("Dairen");
    assert_eq!(dairen["kind"], "place");
    assert_eq!(dairen["mentions"][1]["text"], "Dairen");
    assert_eq!(dairen["mentions"][1]["adjectival"], false);
    assert!(dairen["mentions"][1]["block"].is_u64());
}

#[test]
fn export_includes_entities_with_metadata_fields() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = memcon(&["export"], dir.path());
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let ents = json["entities"].as_array().expect("entities");
    let mongolia = ents
        .iter()
        .find(|e| e["name"] == "Outer Mongolia")
        .expect("Outer Mongolia");
    assert_eq!(mongolia["kind"], "place");
    assert_eq!(mongolia["mentions"][0]["field"], "summary");
    assert!(mongolia["mentions"][0].get("block").is_none());
    assert!(mongolia["mentions"][1]["block"].is_u64());
    assert!(!ents.iter().any(|e| e["name"] == "Library of Congress"));
    let siberia = ents
        .iter()
        .find(|e| e["name"] == "Siberia")
        .expect("Siberia");
    assert_eq!(siberia["mentions"][0]["text"], "Siberian");
    assert_eq!(siberia["mentions"][0]["adjectival"], true);
}

#[test]
fn the_alias_file_hides_and_a_bad_one_is_reported_by_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("aliases.toml");
    std::fs::write(&file, "hide = [\"Sakhalin\"]\n").expect("write");
    let out = memcon(&["entities"], dir.path());
    let table = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        !table.contains("Sakhalin") && table.contains("Kurile Islands"),
        "{table}"
    );

    std::fs::write(
        &file,
        "hide = [\"Sakhalin\"]\n\n[[add]]\nname = \"X\"\nkind = \"planet\"\n",
    )
    .expect("write");
    let out = memcon(&["entities"], dir.path());
    assert!(
        out.status.success(),
        "a bad alias file does not stop memcon"
    );
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(err.contains("aliases.toml:5:"), "{err}");
    let table = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        table.contains("Sakhalin"),
        "the bad file is ignored as a whole: {table}"
    );
}
