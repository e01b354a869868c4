//! The later memorandum form, an enclosure and tables on screen: the header fields as a reader
//! sees them, the enclosure ruled off as a section, tables in aligned columns.

mod common;
use common::*;
use memcon::app::Action as A;
use memcon::document::{Document, load};

fn later_form() -> Document {
    let path = format!(
        "{}/tests/fixtures/memcon-later-form.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    load("memcon-later-form.txt", &std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn later_form_header_80x24() {
    let s = screen(&app(later_form(), 80, 24));
    assert!(s.contains("│  SUBJECT"), "{s}");
    assert!(s.contains("│    United States"), "{s}");
    assert!(s.contains("│      Ambassador Nikolai S. Gromadin"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn later_form_header_120x40() {
    insta::assert_snapshot!(screen(&app(later_form(), 120, 40)));
}

#[test]
fn later_form_enclosure_and_table_80x24() {
    let mut app = app(later_form(), 80, 24);
    app.update(A::Bottom);
    let s = screen(&app);
    assert!(s.contains("── [Enclosure 1] ──"), "{s}");
    assert!(s.contains("Frankfurt │   1,023 │"), "{s}");
    insta::assert_snapshot!(s);
}

/// The screen rows that hold `needle`.
fn rows_with<'a>(s: &'a str, needle: &str) -> Vec<&'a str> {
    s.lines().filter(|l| l.contains(needle)).collect()
}

#[test]
fn a_table_keeps_its_columns_at_any_width() {
    let text = "Title\n\nThe exports of the province, by the figures of the customs, were these in the year:\n\n\
                | | Minima. | Maxima. |\n\
                | (a) Balance of the customs duties and likin under foreign control | 83,000 | 1,083,000 |\n\
                | (b) Native customs, imports | 3,000,000 | 10,000,000 |\n\
                | Total | 3,083,000 | 11,083,000 |\n";
    for (w, h) in [(120, 30), (80, 30), (60, 40), (40, 40)] {
        let app = app(load("t", text.as_bytes()).unwrap(), w, h);
        let s = screen(&app);
        // Every row of the table shows its columns, the rules one above the other.
        let rows: Vec<&str> = s
            .lines()
            .filter(|l| l.matches(" │ ").count() == 2)
            .collect();
        assert!(rows.len() >= 4, "{w}x{h}:\n{s}");
        let rule_at = |l: &str| l.find(" │ ").map(|b| l[..b].chars().count());
        assert!(
            rows.iter().all(|l| rule_at(l) == rule_at(rows[0])),
            "{w}x{h}: columns do not line up:\n{s}"
        );
        for number in [" 1,083,000", " 10,000,000", " 11,083,000"] {
            assert_eq!(
                rows_with(&s, number).len(),
                1,
                "{w}x{h}: {number} broken:\n{s}"
            );
        }
    }
}

#[test]
fn a_table_too_wide_for_the_pane_is_shown_as_rows_of_cells() {
    let text = "Title\n\nThe claims of the powers were these, in taels and in the money of each power:\n\n\
                Austria-Hungary | 314,240,000.00 | 20,800.00 | 3,958,720.00 | 3,979,520.00\n\
                Italy | 477,000,000.00 | 5,635,844.00 | 20,366,500.00 | 27,113,927.00\n";
    let app = app(load("t", text.as_bytes()).unwrap(), 60, 24);
    let s = screen(&app);
    // Nothing is cut off: every cell is on screen, in the order of the row.
    for cell in [
        "Austria-Hungary",
        "314,240,000.00",
        "3,979,520.00",
        "27,113,927.00",
    ] {
        assert_eq!(rows_with(&s, cell).len(), 1, "{cell}:\n{s}");
    }
    insta::assert_snapshot!(s);
}

/// A despatch with two enclosures, long enough that each starts below the first screen.
fn despatch() -> Document {
    let mut text = String::from(
        "**Despatch on the Harbour Dues**\n\nCitation:\n\n\"Despatch on the Harbour Dues\", May 2, 1921, \
         written for memcon's tests.\n\nContents:\n\nTranscript - English\n\n",
    );
    for n in 1..=12 {
        text.push_str(&format!(
            "Paragraph {n} of the despatch reports on the harbour dues collected this quarter.\n\n"
        ));
    }
    text.push_str("[Enclosure 1]\n\nNote from the Harbour Master\n\n");
    for n in 1..=12 {
        text.push_str(&format!(
            "Item {n} of the harbour master's note lists the ships.\n\n"
        ));
    }
    text.push_str(
        "[Enclosure 2]\n\nSchedule of Dues\n\nThe dues are unchanged since the last schedule.\n",
    );
    load("despatch.txt", text.as_bytes()).unwrap()
}

#[test]
fn a_and_shift_a_go_from_enclosure_to_enclosure_and_the_pane_lists_them() {
    let doc = despatch();
    assert_eq!(doc.enclosures.len(), 2, "{:?}", doc.enclosures);
    let mut app = app(doc, 100, 30);
    let s = screen(&app);
    assert!(s.contains("│Enclosures: Enclosure 1"), "{s}");
    assert!(s.contains("│Enclosure 2 — Schedule of"), "{s}");

    app.update(A::NextEnclosure);
    let s = screen(&app);
    let top_rows: String = s.lines().take(14).collect::<Vec<_>>().join("\n");
    assert!(top_rows.contains("[Enclosure 1]"), "{s}");
    assert!(s.contains("Enclosure 1 · 1 of 2"), "{s}");

    app.update(A::NextEnclosure);
    assert!(screen(&app).contains("Enclosure 2 · 2 of 2"));
    app.update(A::NextEnclosure);
    assert!(screen(&app).contains("no enclosure after this point (2 in all)"));

    app.update(A::PrevEnclosure);
    assert!(screen(&app).contains("Enclosure 1 · 1 of 2"));
    app.update(A::PrevEnclosure);
    let s = screen(&app);
    assert!(s.contains("the main document"), "{s}");
    assert!(s.contains("Paragraph 1 of the despatch"), "{s}");

    // The jump list goes back to where `A` left.
    app.update(A::JumpBack);
    assert!(screen(&app).contains("[Enclosure 1]"));
}

#[test]
fn a_says_so_when_a_document_has_no_enclosures() {
    let mut app = app(load("t", b"Title\n\nOne paragraph.\n").unwrap(), 80, 24);
    app.update(A::NextEnclosure);
    assert!(screen(&app).contains("no enclosures or attachments in this document"));
}
