//! The later memorandum form (subject and participants on lines of their own, sides, drafting
//! line, initials), enclosures, tables and datelines, on texts written for these tests.

use memcon::bookmarks::ParagraphIndex;
use memcon::document::{BlockKind, DateSource, Document, SpanKind, load};

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    load(name, &std::fs::read(path).unwrap()).unwrap()
}

fn parse(text: &str) -> Document {
    load("t", text.as_bytes()).unwrap()
}

fn kinds(doc: &Document) -> Vec<BlockKind> {
    doc.blocks.iter().map(|b| b.kind).collect()
}

/// `(name, role, side)` of each participant.
fn roster(doc: &Document) -> Vec<(&str, Option<&str>, Option<&str>)> {
    doc.memo
        .present
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref(), p.side.as_deref()))
        .collect()
}

/// An archive header in the one-paragraph-per-line layout of FRUS exports, then `body`.
fn frus(body: &str) -> String {
    format!(
        "**Foreign Relations\nof the United States**\nOffice of the Historian\nundated\n\
         **A Memorandum**\nCitation:\n\"A Memorandum\", undated.\n\
         <https://history.state.gov/historicaldocuments/test/d1>\nContents:\n\
         Transcript - English\n{body}"
    )
}

#[test]
fn later_form_header_fields() {
    let doc = fixture("memcon-later-form.txt");
    let memo = &doc.memo;
    assert_eq!(memo.classification, ["CONFIDENTIAL"]);
    assert_eq!(memo.heading.as_deref(), Some("Memorandum of Conversation"));
    assert_eq!(memo.place.as_deref(), Some("Washington"));
    assert_eq!(
        memo.subject.as_deref(),
        Some("Civil Air Talks and the Berlin Corridors")
    );
    let us = Some("United States");
    let ussr = Some("Union of Soviet Socialist Republics");
    assert_eq!(
        roster(&doc),
        [
            ("The Under Secretary of State", None, us),
            (
                "Mr. Harold T. Vance",
                Some("Deputy Assistant Secretary for Transportation"),
                us
            ),
            (
                "Miss Eleanor M. Pruitt",
                Some("Office of Soviet Union Affairs"),
                us
            ),
            ("Ambassador Nikolai S. Gromadin", None, ussr),
            (
                "Mr. Oleg V. Tarasenko",
                Some("First Secretary of Embassy"),
                ussr
            ),
            ("Mr. Pyotr A. Lidin", Some("Interpreter"), ussr),
        ]
    );
    assert_eq!(
        memo.drafted.as_deref(),
        Some("Drafted by Harold T. Vance on May 17.\nApproved by the Under Secretary on May 18.")
    );
    // The memo's signature is its own initials, not the enclosure's signature.
    let sig = memo.signature.as_ref().unwrap();
    assert_eq!(
        (sig.name.as_str(), sig.title.as_deref()),
        ("H. T. V.", None)
    );
}

#[test]
fn later_form_blocks() {
    let doc = fixture("memcon-later-form.txt");
    use BlockKind::*;
    assert_eq!(
        kinds(&doc),
        [
            Classification,
            Heading,
            Dateline,
            Subject,
            Present,
            Paragraph,
            Paragraph,
            Paragraph,
            Paragraph,
            Signature,
            Drafted,
            Drafted,
            Enclosure,
            Heading,
            Table,
            Dateline,
            Signature
        ]
    );
    // The participants are one block; its side headings are marked.
    let present = &doc.blocks[4];
    let sides: Vec<&str> = present
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Side)
        .map(|s| &present.text[s.start..s.end])
        .collect();
    assert_eq!(
        sides,
        ["United States", "Union of Soviet Socialist Republics"]
    );
    assert!(present.text.starts_with("PARTICIPANTS\nUnited States\n"));
    assert!(doc.blocks[3].text.starts_with("SUBJECT\nCivil Air Talks"));
}

#[test]
fn later_form_enclosure_and_table() {
    let doc = fixture("memcon-later-form.txt");
    assert_eq!(doc.enclosures.len(), 1);
    let e = &doc.enclosures[0];
    assert_eq!(e.label, "Enclosure 1");
    assert_eq!(doc.blocks[e.block].kind, BlockKind::Enclosure);
    assert_eq!(doc.blocks[e.block].text, "[Enclosure 1]");
    assert_eq!(e.end, doc.blocks.len());
    assert_eq!(
        e.memo.heading.as_deref(),
        Some("Scheduled flights through the Berlin corridors, April 1962")
    );
    assert_eq!(e.memo.place.as_deref(), Some("Berlin"));
    assert_eq!(e.memo.date.as_deref(), Some("May 2, 1962"));
    let sig = e.memo.signature.as_ref().unwrap();
    assert_eq!(sig.name, "Margaret L. Haddon");
    assert_eq!(sig.title.as_deref(), Some("Air Attaché"));
    assert_eq!(
        doc.enclosure_at(e.block + 2).map(|x| x.block),
        Some(e.block)
    );
    assert!(doc.enclosure_at(e.block - 1).is_none());

    // The table's rows are one block, its rule row gone and its spaced number closed up.
    let tables: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Table)
        .collect();
    assert_eq!(tables.len(), 1);
    let t = tables[0];
    assert_eq!(
        t.rows(),
        [
            ["corridor", "flights", "delayed more than one hour"],
            ["Hamburg", "412", "17"],
            ["Hanover", "305", "9"],
            ["Frankfurt", "1,023", "31"],
        ]
    );
    // Cells address the block's text, so search hits and mentions land in cells.
    let ranges = t.cell_ranges();
    assert_eq!(&t.text[ranges[3][0].0..ranges[3][0].1], "Frankfurt");
    assert_eq!(&t.text[ranges[3][1].0..ranges[3][1].1], "1,023");

    // ¶ numbers: four paragraphs of the memo, then the table once.
    let idx = ParagraphIndex::new(&doc);
    assert_eq!(idx.count(), 5);
    assert_eq!(
        idx.block_of(5).map(|b| doc.blocks[b].kind),
        Some(BlockKind::Table)
    );
}

#[test]
fn later_form_one_paragraph_per_line() {
    let doc = parse(&frus(
        "SECRET\nMemorandum for the Record\nSUBJECT:\nWheat Sales to the Soviet Union\n\
         PARTICIPANTS\nU.S.\nThe Secretary\nAmbassador Lowell Kent\nUSSR\n\
         Foreign Minister Grachev\nMr. Sokolin, Interpreter\n\
         The Secretary said that the sales could go ahead if the shipping terms were settled before the autumn and the credit terms were those of last year.\n\
         Grachev agreed to report this to his Government.\n\
         Drafted by: L. Kent\n",
    ));
    assert_eq!(
        doc.memo.heading.as_deref(),
        Some("Memorandum for the Record")
    );
    assert_eq!(
        doc.memo.subject.as_deref(),
        Some("Wheat Sales to the Soviet Union")
    );
    assert_eq!(
        roster(&doc),
        [
            ("The Secretary", None, Some("U.S.")),
            ("Ambassador Lowell Kent", None, Some("U.S.")),
            ("Foreign Minister Grachev", None, Some("USSR")),
            ("Mr. Sokolin", Some("Interpreter"), Some("USSR")),
        ]
    );
    assert_eq!(doc.memo.drafted.as_deref(), Some("Drafted by: L. Kent"));
    use BlockKind::*;
    assert_eq!(
        kinds(&doc),
        [
            Classification,
            Heading,
            Subject,
            Present,
            Paragraph,
            Paragraph,
            Drafted
        ]
    );
}

#[test]
fn participant_label_forms() {
    for (label, first) in [
        ("Participants:", "Mr. A. B. Lowe, Counselor"),
        ("PRESENT:", "Mr. A. B. Lowe, Counselor"),
        ("Present —", "Mr. A. B. Lowe, Counselor"),
    ] {
        let doc = parse(&frus(&format!(
            "Memorandum of Conversation\n{label} {first}\nMr. C. D. Ward\n\
             Mr. Lowe opened the meeting by reading the note of the Government, which asked for an answer within the week.\n"
        )));
        assert_eq!(
            roster(&doc),
            [
                ("Mr. A. B. Lowe", Some("Counselor"), None),
                ("Mr. C. D. Ward", None, None)
            ],
            "{label}"
        );
    }
    // Sides that are only known from the layout: each group opens with one.
    let doc = parse(
        "Title\n\nPARTICIPANTS\n\nBonn Group\nMr. Hale\nMr. Ortmann\n\nParis Group\nM. Vidal\n\n\
         Mr. Hale said that the group would meet again on Monday to settle the agenda for the autumn.\n",
    );
    assert_eq!(
        roster(&doc),
        [
            ("Mr. Hale", None, Some("Bonn Group")),
            ("Mr. Ortmann", None, Some("Bonn Group")),
            ("M. Vidal", None, Some("Paris Group")),
        ]
    );
    // A roster of names without titles has no sides.
    let doc = parse(
        "Title\n\nPresent:\n\nHenry Hale\nOtto Ortmann\n\n\
         Hale said that the group would meet again on Monday to settle the agenda for the autumn.\n",
    );
    assert!(doc.memo.present.iter().all(|p| p.side.is_none()));
    assert_eq!(doc.memo.present.len(), 2);
}

#[test]
fn memorandum_headers() {
    let doc = parse(&frus(
        "MEMORANDUM FOR: The President\nFROM: Walter Hale\nSUBJECT: Grain Talks\n\
         The talks will resume in Geneva on Monday and should last no more than two weeks, by all accounts.\n",
    ));
    assert_eq!(doc.memo.to.as_deref(), Some("The President"));
    assert_eq!(doc.memo.from.as_deref(), Some("Walter Hale"));
    assert_eq!(doc.memo.subject.as_deref(), Some("Grain Talks"));
    use BlockKind::*;
    assert_eq!(kinds(&doc), [To, From, Subject, Paragraph]);
    // The addressee on the line after the label.
    let doc = parse(&frus(
        "MEMORANDUM FOR\nThe Secretary of State\n\
         The talks will resume in Geneva on Monday and should last no more than two weeks, by all accounts.\n",
    ));
    assert_eq!(doc.memo.to.as_deref(), Some("The Secretary of State"));
    assert_eq!(doc.blocks[0].kind, To);
    // A title that begins with the same words is not an addressee line.
    let doc = parse(&frus(
        "Memorandum for the President by Colonel House\n\
         The talks will resume in Geneva on Monday and should last no more than two weeks, by all accounts.\n",
    ));
    assert_eq!(doc.memo.to, None);
    assert_eq!(doc.blocks[0].kind, Heading);
}

#[test]
fn enclosure_forms_and_the_main_signature() {
    let doc = parse(&frus(
        "The Minister in Ruritania (Hale) to the Secretary of State\n\
         Strelsau, March 3, 1927.\n\
         Sir: I have the honor to enclose a translation of the note I received from the Foreign Office today.\n\
         I have the honor to be, etc.,\nWalter Hale\n\
         Enclosure—Translation\n\
         The Ruritanian Minister for Foreign Affairs (Sapt) to the American Minister (Hale)\n\
         Strelsau, March 2, 1927.\n\
         Mr. Minister: The Government of Ruritania agrees to the proposal of the American Government.\n\
         Accept, etc.\nF. Sapt\n\
         [Enclosure 2]\nThe text of the proposal follows as it was given to the Foreign Office on the first of March.\n",
    ));
    assert_eq!(doc.memo.signature.as_ref().unwrap().name, "Walter Hale");
    let labels: Vec<&str> = doc.enclosures.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, ["Enclosure—Translation", "Enclosure 2"]);
    let first = &doc.enclosures[0];
    assert_eq!(
        first.memo.heading.as_deref(),
        Some("The Ruritanian Minister for Foreign Affairs (Sapt) to the American Minister (Hale)")
    );
    assert_eq!(first.memo.date.as_deref(), Some("March 2, 1927"));
    assert_eq!(first.memo.signature.as_ref().unwrap().name, "F. Sapt");
    assert_eq!(first.end, doc.enclosures[1].block);
    assert!(doc.enclosures[1].memo.signature.is_none());
    // A diplomat's title under the name is part of the signature.
    let doc = parse(&frus(
        "Mr. Hale to Mr. Sapt.\nStrelsau, March 3, 1927.\n\
         Sir: I have the honor to enclose a copy of the note I received from the Foreign Office today.\n\
         I have, etc.,\nW. Hale,\nChargé d’Affaires ad interim.\n[Inclosure 1 in No. 303.]\n\
         The text of the note follows as it was given to the Legation on the first of March.\n",
    ));
    let sig = doc.memo.signature.as_ref().unwrap();
    assert_eq!(sig.name, "W. Hale");
    assert_eq!(sig.title.as_deref(), Some("Chargé d’Affaires ad interim."));
    // Prose that opens with the word is no marker.
    let doc = parse(&frus(
        "Enclosure of the commons went on for a century and changed the villages of the Midlands for good.\n",
    ));
    assert!(doc.enclosures.is_empty());
}

#[test]
fn frus_tables() {
    let doc = parse(&frus(
        "The Consul at Mukden (Hale) to the Secretary of State\n\
         The exports of the province in the year were as follows, by the figures of the customs:\n\
         | Tons. | Value.\nIron ore | 1, 500, 000 | 3, 200, 000. 50 |\nCoal | 820, 000 | 1, 100, 000 |\n\
         The figures for coal are those of the customs.\n\
         The change in the exchange situation may relieve the Government of taking action on balances now | blocked in the province, it is felt, since the rate has fallen.\n",
    ));
    use BlockKind::*;
    assert_eq!(
        kinds(&doc),
        [Heading, Paragraph, Table, Paragraph, Paragraph],
        "a stray `|` in prose makes no table"
    );
    assert_eq!(
        doc.blocks[2].rows(),
        [
            vec!["", "Tons.", "Value."],
            vec!["Iron ore", "1,500,000", "3,200,000.50"],
            vec!["Coal", "820,000", "1,100,000"],
        ]
    );
    assert_eq!(ParagraphIndex::new(&doc).count(), 4);
}

#[test]
fn a_hard_wrapped_layout_never_joins_table_rows() {
    let wide = "The figures below were given to the Embassy by the port authority on the first\n\
                of the month and are the latest the Embassy has been able to obtain so far.\n";
    let doc = parse(&format!(
        "Title\n\n{wide}\n| port | ships in the month of April, loaded or waiting to be loaded |\n\
         | Riga | 14 |\n| Libau | 9 |\n\n{wide}"
    ));
    use BlockKind::*;
    assert_eq!(kinds(&doc), [Paragraph, Table, Paragraph]);
    assert_eq!(doc.blocks[1].rows().len(), 3);
}

#[test]
fn an_undated_document_takes_the_date_of_its_closing_dateline() {
    let doc = parse(&frus(
        "To the Senate and House of Representatives:\n\
         I transmit a report from the Secretary of State on the claims of citizens of the United States against the Government of Ruritania.\n\
         Calvin Hale.\nWhite House,\nWashington, May 7, 1917.\n",
    ));
    let m = &doc.metadata;
    assert_eq!(m.date.as_deref(), Some("May 7, 1917"));
    assert_eq!(m.date_iso.as_deref(), Some("1917-05-07"));
    assert_eq!(m.date_source, Some(DateSource::Dateline));
    assert_eq!(doc.memo.place.as_deref(), Some("White House, Washington"));
    assert_eq!(doc.memo.signature.as_ref().unwrap().name, "Calvin Hale.");
    let last = doc.blocks.last().unwrap();
    assert_eq!(last.kind, BlockKind::Dateline);
    assert_eq!(last.text, "White House,\nWashington, May 7, 1917.");

    // A dated export keeps its own date.
    let dated = fixture("memcon-later-form.txt");
    assert_eq!(dated.metadata.date_iso.as_deref(), Some("1962-05-16"));
    assert_eq!(dated.metadata.date_source, Some(DateSource::Header));
    // A document with neither has no date.
    let doc =
        parse("Notes\n\nNothing here is dated at all, and nothing says where it was written.\n");
    assert_eq!((doc.metadata.date, doc.metadata.date_source), (None, None));
}

#[test]
fn export_has_the_new_fields() {
    let doc = fixture("memcon-later-form.txt");
    let mut out = Vec::new();
    memcon::export::write_json(&doc, false, &mut out).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["metadata"]["date_source"], "header");
    assert_eq!(json["memo"]["present"][0]["side"], "United States");
    assert_eq!(
        json["memo"]["drafted"],
        "Drafted by Harold T. Vance on May 17.\nApproved by the Under Secretary on May 18."
    );
    let enc = &json["enclosures"][0];
    assert_eq!(enc["label"], "Enclosure 1");
    assert_eq!(enc["memo"]["signature"]["name"], "Margaret L. Haddon");
    let block = enc["block"].as_u64().unwrap() as usize;
    assert_eq!(json["blocks"][block]["kind"], "enclosure");
    let table = json["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "table")
        .unwrap();
    assert_eq!(
        table["rows"][1],
        serde_json::json!(["Hamburg", "412", "17"])
    );
    assert_eq!(json["blocks"][4]["spans"][0]["kind"], "side");
}
