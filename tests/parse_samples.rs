//! The four layouts memcon accepts, each parsed into the model a reader expects.

use memcon::document::{BlockKind, Document, Participant, SpanKind, load};

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    load(name, &std::fs::read(path).unwrap()).unwrap()
}

fn bundled() -> Document {
    load("bundled", memcon::BUNDLED.as_bytes()).unwrap()
}

fn kinds(doc: &Document) -> Vec<BlockKind> {
    doc.blocks.iter().map(|b| b.kind).collect()
}

fn body_text(doc: &Document) -> String {
    doc.blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn wilson_center_export_metadata() {
    let doc = bundled();
    let m = &doc.metadata;
    assert_eq!(
        m.banner,
        [
            "Wilson Center",
            "Digital Archive",
            "International History Declassified",
            "digitalarchive.wilsoncenter.org"
        ]
    );
    assert_eq!(
        m.title.as_deref(),
        Some(
            "Memorandum of Conversation between Averell Harriman and T. V. Soong, \
             'Far Eastern Conversations with Generalissimo Stalin'"
        )
    );
    assert_eq!(m.date.as_deref(), Some("July 3, 1945"));
    assert_eq!(m.date_iso.as_deref(), Some("1945-07-03"));
    assert!(
        m.citation
            .as_deref()
            .unwrap()
            .ends_with("W. A. Harriman Papers, Library of Congress.")
    );
    assert_eq!(
        m.url.as_deref(),
        Some("https://wilson-center-digital-archive.dvincitest.com/document/123408")
    );
    assert!(
        m.summary
            .as_deref()
            .unwrap()
            .starts_with("Harriman reports on Soong")
    );
    assert!(
        m.credits
            .as_deref()
            .unwrap()
            .contains("Chun & Jane Chiu Family Foundation")
    );
    assert_eq!(m.original_language.as_deref(), Some("English"));
    assert_eq!(m.contents, ["Transcript - English"]);
    assert!(m.extra.is_empty());
    assert_eq!(doc.identity.record_id.as_deref(), Some("document/123408"));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn wilson_center_export_memo_header_and_body() {
    let doc = bundled();
    let memo = &doc.memo;
    assert_eq!(memo.heading.as_deref(), Some("Memcon A. Harriman - Soong"));
    assert_eq!(memo.classification, ["TOP SECRET"]);
    assert_eq!(memo.place.as_deref(), Some("Moscow"));
    assert_eq!(memo.date.as_deref(), Some("July 3, 1945"));
    assert_eq!(
        memo.present,
        [
            Participant {
                name: "W. A. Harriman".into(),
                role: Some("American Ambassador".into()),
                side: None,
            },
            Participant {
                name: "Dr. T. V. Soong".into(),
                role: None,
                side: None,
            },
        ]
    );
    assert_eq!(
        memo.subject.as_deref(),
        Some("Far Eastern Conversations with Generalissimo Stalin")
    );
    assert_eq!(memo.signature.as_ref().unwrap().name, "WAH");
    use BlockKind::*;
    assert_eq!(
        kinds(&doc),
        [
            Heading,
            Classification,
            Dateline,
            Dateline,
            Present,
            Subject,
            Paragraph,
            Paragraph,
            Paragraph,
            Paragraph,
            Signature
        ]
    );
    // The glosses are editorial spans covering exactly the brackets.
    let p = &doc.blocks[7];
    let glosses: Vec<&str> = p
        .spans
        .iter()
        .map(|s| {
            assert_eq!(s.kind, SpanKind::Editorial);
            &p.text[s.start..s.end]
        })
        .collect();
    assert_eq!(glosses, ["[Lüshunkou District, Dalian]", "[Dalian]"]);
    // Metadata is not repeated in the body.
    assert!(!body_text(&doc).contains("Citation"));
}

#[test]
fn pdftotext_letter() {
    let doc = fixture("pdftotext-letter.txt");
    let m = &doc.metadata;
    assert_eq!(
        m.banner,
        [
            "WILSON CENTER DIGITAL ARCHIVE",
            "International History Declassified"
        ]
    );
    assert_eq!(
        m.title.as_deref(),
        Some(
            "Letter from the Consulate in Halifax to the Department of Trade and \
             Commerce Concerning Timber Cargoes for Leningrad"
        )
    );
    assert_eq!(m.date_iso.as_deref(), Some("1958-03-09"));
    assert!(
        m.citation
            .as_deref()
            .unwrap()
            .contains("Wilson Center Digital Archive, Test Collection")
    );
    assert_eq!(
        m.url.as_deref(),
        Some("https://digitalarchive.wilsoncenter.org/document/910001")
    );
    assert_eq!(m.contents, ["Original Scan", "Transcript - English"]);
    assert_eq!(doc.memo.classification, ["CONFIDENTIAL"]);
    assert_eq!(doc.memo.place.as_deref(), Some("Halifax"));
    assert_eq!(doc.memo.date.as_deref(), Some("March 9, 1958"));
    assert_eq!(doc.memo.salutation.as_deref(), Some("Dear Mr. Lindqvist,"));
    let sig = doc.memo.signature.as_ref().unwrap();
    assert_eq!(sig.name, "R. K. Amundsen");
    assert_eq!(sig.title.as_deref(), Some("Trade Commissioner"));

    let text = body_text(&doc);
    assert!(
        !text.contains("Page 2 of 2"),
        "running header left in the body"
    );
    assert!(!text.contains('\r') && !text.contains('\u{c}'));
    assert!(
        text.contains("from Leningrad to Archangel, where"),
        "hyphenation not rejoined"
    );
    let paragraphs: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        paragraphs.len(),
        3,
        "hard-wrapped lines must join: {paragraphs:#?}"
    );
    assert!(paragraphs[0].starts_with("I write to follow up my telegram"));
    assert!(paragraphs[0].ends_with("expected there before the thaw."));
    // The paragraph the page break cut in two is mended.
    assert!(
        paragraphs[1]
            .ends_with("the talks with the charterers in Montreal would go on in the meantime.")
    );
    assert_eq!(
        doc.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Closing)
            .count(),
        1
    );
}

#[test]
fn translated_telegram() {
    let doc = fixture("translated-telegram.txt");
    let m = &doc.metadata;
    assert_eq!(
        m.original_archive.as_deref(),
        Some("Archive of Foreign Policy of the Russian Federation (AVPRF)")
    );
    assert_eq!(m.contents, ["Original Scan", "Translation - English"]);
    assert_eq!(m.original_language.as_deref(), Some("Russian"));
    assert!(m.citation.as_deref().unwrap().ends_with("by L. Morozova."));
    assert_eq!(doc.memo.classification, ["TOP SECRET", "Copy No. 3"]);
    assert_eq!(doc.memo.heading.as_deref(), Some("CIPHERED TELEGRAM"));
    assert_eq!(doc.memo.from.as_deref(), Some("MUKDEN"));
    assert_eq!(doc.memo.to.as_deref(), Some("Comrade A. Ya. Vyshinsky"));
    assert_eq!(doc.memo.signature.as_ref().unwrap().name, "VORONIN");

    let numbered: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Numbered)
        .map(|b| b.number().unwrap())
        .collect();
    assert_eq!(numbered, ["1", "2", "3", "4"]);
    let markers: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::PageMarker)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(markers, ["(p. 1)", "(p. 2)"]);

    // The footnote reference `[1]` links to the footnote's block, which holds its text.
    assert_eq!(doc.footnotes.len(), 1);
    let note = &doc.footnotes[0];
    assert_eq!(note.label, "1");
    assert_eq!(doc.blocks[note.block].kind, BlockKind::Footnote);
    assert!(
        doc.blocks[note.block]
            .text
            .starts_with("The number of wagons sent to Hsinking")
    );
    let item1 = doc.blocks.iter().find(|b| b.number() == Some("1")).unwrap();
    let reference = item1
        .spans
        .iter()
        .find(|s| s.kind == SpanKind::FootnoteRef)
        .unwrap();
    assert_eq!(&item1.text[reference.start..reference.end], "[1]");
    assert_eq!(reference.footnote, Some(0));
    // Glosses with CJK text are kept whole as editorial spans.
    assert!(
        item1
            .spans
            .iter()
            .any(|s| &item1.text[s.start..s.end] == "[Shenyang, 沈阳]")
    );
    let item3 = doc.blocks.iter().find(|b| b.number() == Some("3")).unwrap();
    assert!(
        item3
            .spans
            .iter()
            .any(|s| &item3.text[s.start..s.end] == "[Two lines illegible.]")
    );
}

#[test]
fn plain_text_without_archive_header() {
    let doc = fixture("plain-note.txt");
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Reading notes on the Potsdam conference")
    );
    assert!(doc.metadata.banner.is_empty() && doc.metadata.citation.is_none());
    assert_eq!(kinds(&doc), [BlockKind::Paragraph, BlockKind::Paragraph]);
    assert!(
        doc.blocks[0]
            .text
            .contains("The conference opened at Potsdam in July 1945")
    );
    assert_eq!(doc.identity.record_id, None);
    assert_eq!(doc.metadata.date, None, "no dateline, no date");
}

#[test]
fn one_paragraph_per_line_layout() {
    let text = "**Foreign Relations\nof the United States**\nOffice of the Historian\n\
        January 11, 1927\n**The Secretary of State to the Chairman (Porter)**\nCitation:\n\
        \"The Secretary of State to the Chairman (Porter)\", January 11, 1927.\n\
        <https://history.state.gov/historicaldocuments/frus1927v01/d153>\n\
        Associated Places:\nGeneva\nContents:\nTranscript - English\n\
        The Secretary of State to the Chairman (Porter)\nWashington, January 11, 1927.\n\
        My Dear Mr. Porter: I learn that certain Members of Congress feel some misgiving.[19]\n\
        (1) That security must be guaranteed by some form of military assistance;\n\
        I am [etc.]\nKellogg\nFootnotes:\n19. S. Doc. 192, 69th Cong., 2d sess.\n";
    let doc = load("t", text.as_bytes()).unwrap();
    assert_eq!(
        doc.metadata.banner,
        [
            "Foreign Relations of the United States",
            "Office of the Historian"
        ]
    );
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("The Secretary of State to the Chairman (Porter)")
    );
    assert_eq!(
        doc.metadata
            .extra
            .get("Associated Places")
            .map(String::as_str),
        Some("Geneva")
    );
    assert_eq!(
        doc.identity.record_id.as_deref(),
        Some("historicaldocuments/frus1927v01/d153")
    );
    assert_eq!(doc.memo.place.as_deref(), Some("Washington"));
    assert_eq!(doc.memo.salutation.as_deref(), Some("My Dear Mr. Porter:"));
    assert_eq!(doc.memo.signature.as_ref().unwrap().name, "Kellogg");
    use BlockKind::*;
    assert_eq!(
        kinds(&doc),
        [
            Heading, Dateline, Salutation, Paragraph, Numbered, Closing, Signature, Footnote
        ]
    );
    let p = &doc.blocks[3];
    assert_eq!(p.spans[0].footnote, Some(0));
    assert_eq!(doc.footnotes[0].label, "19");
}

#[test]
fn empty_file_is_an_empty_document_with_a_warning() {
    for bytes in [&b""[..], b"\n\n  \n", b"\xEF\xBB\xBF"] {
        let doc = load("empty", bytes).unwrap();
        assert!(doc.blocks.is_empty());
        assert_eq!(doc.warnings, ["the document is empty"]);
    }
}

#[test]
fn a_ten_megabyte_line_is_one_paragraph() {
    let line = "Stalin wants naval facilities at Dairen. ".repeat(250_000);
    let doc = load("long", format!("Title\n{line}").as_bytes()).unwrap();
    assert_eq!(doc.blocks.len(), 1);
    assert_eq!(doc.blocks[0].text.len(), line.trim().len());
}

#[test]
fn fingerprint_survives_rewrapping_and_a_new_header() {
    let a = bundled();
    let rewrapped = memcon::BUNDLED.replace(
        "Stalin wants naval facilities at Dairen [Dalian].",
        "Stalin wants naval\nfacilities at Dairen [Dalian].",
    );
    let b = load("b", rewrapped.as_bytes()).unwrap();
    assert_eq!(a.identity.fingerprint, b.identity.fingerprint);
    let edited = memcon::BUNDLED.replace("large profits", "small profits");
    let c = load("c", edited.as_bytes()).unwrap();
    assert_ne!(a.identity.fingerprint, c.identity.fingerprint);
}
