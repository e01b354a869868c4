//! Organizations, on small texts of our own.

use super::*;
use crate::document::Document;

fn orgs(text: &str) -> Vec<String> {
    let d = Document::from_text("test", &format!("Notes\n\n{text}"));
    let mut v: Vec<String> = extract(&d)
        .into_iter()
        .filter(|e| e.kind == EntityKind::Organization)
        .map(|e| e.name)
        .collect();
    v.sort();
    v
}

#[test]
fn offices_sections_and_numbered_bodies_are_organizations() {
    assert_eq!(
        orgs(
            "The Division of Near Eastern Affairs agreed. The Second Commission and the Council of Four met."
        ),
        [
            "Council of Four",
            "Division of Near Eastern Affairs",
            "Second Commission"
        ]
    );
    assert_eq!(
        orgs("The Economic Section and the Legal Section disagreed."),
        ["Economic Section", "Legal Section"]
    );
}

#[test]
fn list_labels_plural_bodies_and_events_are_not_organizations() {
    let found =
        orgs("C. Russian Section\nThe Military Commissions will sit during the Peace Conference.");
    assert!(found.iter().all(|o| !o.starts_with("C.")), "{found:?}");
    assert!(
        !found
            .iter()
            .any(|o| o.contains("Commissions") || o.contains("Conference")),
        "{found:?}"
    );
}

#[test]
fn one_body_named_around_one_place_is_one_organization() {
    let d = Document::from_text(
        "test",
        "Notes\n\nThe Government of Brazil replied. The Brazilian Government insisted, and the \
         Brazilian Government then yielded. The Embassy of Japan and the Chilean Government wrote.",
    );
    let e = extract(&d);
    let govs: Vec<&Entity> = e
        .iter()
        .filter(|x| x.kind == EntityKind::Organization && x.name.contains("Brazil"))
        .collect();
    assert_eq!(govs.len(), 1, "{e:#?}");
    assert_eq!(govs[0].name, "Brazilian Government", "the form used most");
    assert_eq!(govs[0].aliases, ["Government of Brazil"]);
    assert_eq!(govs[0].mentions.len(), 3);
    assert_eq!(
        orgs("The Embassy of Japan and the Chilean Government wrote."),
        ["Chilean Government", "Embassy of Japan"]
    );
}

#[test]
fn a_government_named_by_its_sovereign_and_a_commission_with_its_purpose() {
    assert_eq!(
        orgs(
            "Her Majesty's Government agreed. His Britannic Majesty’s Government declined. \
             The American Commission to Negotiate Peace met."
        ),
        [
            "American Commission to Negotiate Peace",
            "Her Majesty's Government",
            "His Britannic Majesty’s Government"
        ]
    );
}

#[test]
fn shipping_lines_are_organizations() {
    assert_eq!(
        orgs("He sailed by the Grace Line and the American Export Lines."),
        ["American Export Lines", "Grace Line"]
    );
}

#[test]
fn a_sentence_opener_or_a_post_is_not_part_of_an_organization() {
    assert_eq!(
        orgs(
            "Fear Navy will object. The Legation Interpreter said so. Reparation Commission met. Yale and Harvard replied."
        ),
        [
            "Harvard University",
            "Reparation Commission",
            "Yale University"
        ]
    );
}

#[test]
fn to_after_an_organization_word_does_not_reach_an_adjective() {
    assert_eq!(
        orgs(
            "Privileges accorded by that Government to American citizens. The Commission to \
             Negotiate Peace met."
        ),
        ["Commission to Negotiate Peace"]
    );
}
