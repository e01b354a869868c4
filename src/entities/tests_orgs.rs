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
