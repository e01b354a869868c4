//! Chicago style (notes and bibliography) for an archival document read online.
//!
//! Bibliography: `Author. "Title." Date. Archive, place in the archive. Translated by X.
//! URL.` A note (with a pinpoint): `Author, "Title," trans. X, Date, Archive, place, ¶ 3,
//! URL.` The archive and the place keep the order of the archive's own citation; an undated
//! document says `n.d.`; parts that are not known are left out.

use super::{Pinpoint, Source, without_stop};

/// The bibliography entry.
pub fn bibliography(s: &Source) -> String {
    let a = s.archival();
    let mut parts: Vec<String> = Vec::new();
    if let Some(author) = &s.author {
        parts.push(format!("{author}."));
    }
    parts.push(quoted(&s.title, '.'));
    parts.push(format!(
        "{}.",
        without_stop(s.date.as_deref().unwrap_or("n.d."))
    ));
    let place: Vec<&str> = [a.archive.as_deref(), a.location.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !place.is_empty() {
        parts.push(format!("{}.", without_stop(&place.join(", "))));
    }
    if let Some(t) = translation(s) {
        parts.push(format!("{t}."));
    }
    parts.extend(a.other_statements().map(str::to_string));
    if let Some(url) = &s.url {
        parts.push(format!("{url}."));
    }
    parts.join(" ")
}

/// A full note, pinpointed.
pub fn note(s: &Source, at: &Pinpoint) -> String {
    let a = s.archival();
    let mut head = String::new();
    if let Some(author) = &s.author {
        head.push_str(author);
        head.push_str(", ");
    }
    // The comma after the title is inside its quotes.
    head.push_str(&quoted(&s.title, ','));
    let mut rest: Vec<String> = Vec::new();
    if !s.translators.is_empty() {
        rest.push(format!("trans. {}", names(&s.translators)));
    }
    rest.push(s.date.clone().unwrap_or_else(|| "n.d.".into()));
    rest.extend(a.archive.map(|x| without_stop(&x).to_string()));
    rest.extend(a.location.map(|x| without_stop(&x).to_string()));
    rest.push(at.text());
    rest.extend(s.url.clone());
    rest.retain(|p| !p.is_empty());
    format!("{head} {}.", rest.join(", "))
}

/// `Translated from the Russian by X and Y`, or `Translated by X` when the language is not
/// known or English.
pub fn translation(s: &Source) -> Option<String> {
    if s.translators.is_empty() {
        return None;
    }
    let from = s
        .original_language
        .as_deref()
        .filter(|l| !l.eq_ignore_ascii_case("english"))
        .map(|l| format!(" from the {l}"))
        .unwrap_or_default();
    Some(format!("Translated{from} by {}", names(&s.translators)))
}

fn names(list: &[String]) -> String {
    match list {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `"Title."` with the mark inside the quotes, and inside a nested closing quote
/// (`…Stalin.'"`); no mark after a title that ends in `?` or `!`.
fn quoted(title: &str, mark: char) -> String {
    let t = title.trim();
    if t.ends_with(['?', '!']) {
        return format!("\"{t}\"");
    }
    let t = t.strip_suffix('.').unwrap_or(t);
    match t.strip_suffix(['\'', '’']) {
        Some(inner) => {
            let close = &t[inner.len()..];
            format!("\"{inner}{mark}{close}\"")
        }
        None => format!("\"{t}{mark}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::SourceFields;

    fn memo() -> Source {
        Source::new(SourceFields {
            title: "Memorandum of Conversation, 'Far Eastern Conversations'",
            date: Some("July 3, 1945"),
            citation: Some(
                "\"Memorandum of Conversation, 'Far Eastern Conversations'\", July 3, 1945, \
                 Wilson Center Digital Archive, W. A. Harriman Papers, Library of Congress.",
            ),
            url: Some("https://example.org/document/123408"),
            ..SourceFields::default()
        })
    }

    #[test]
    fn bibliography_and_note() {
        assert_eq!(
            bibliography(&memo()),
            "\"Memorandum of Conversation, 'Far Eastern Conversations.'\" July 3, 1945. Wilson \
             Center Digital Archive, W. A. Harriman Papers, Library of Congress. \
             https://example.org/document/123408."
        );
        assert_eq!(
            note(&memo(), &Pinpoint::Paragraphs(3, 3)),
            "\"Memorandum of Conversation, 'Far Eastern Conversations,'\" July 3, 1945, Wilson \
             Center Digital Archive, W. A. Harriman Papers, Library of Congress, ¶ 3, \
             https://example.org/document/123408."
        );
    }

    #[test]
    fn a_translation_and_an_author() {
        let s = Source {
            translators: vec!["A. B. Smith".into(), "C. Jones".into()],
            original_language: Some("Russian".into()),
            author: Some("Orlov".into()),
            ..memo()
        };
        let b = bibliography(&s);
        assert!(b.starts_with("Orlov. \"Memorandum"), "{b}");
        assert!(
            b.contains("Library of Congress. Translated from the Russian by A. B. Smith and C. Jones. https"),
            "{b}"
        );
        let n = note(&s, &Pinpoint::None);
        assert!(
            n.starts_with("Orlov, \"Memorandum of Conversation, 'Far Eastern Conversations,'\" trans. A. B. Smith and C. Jones, July 3, 1945,"),
            "{n}"
        );
    }

    #[test]
    fn undated_and_bare() {
        let s = Source::new(SourceFields {
            title: "Notes on the Yalta documents",
            ..SourceFields::default()
        });
        assert_eq!(bibliography(&s), "\"Notes on the Yalta documents.\" n.d.");
        assert_eq!(
            note(&s, &Pinpoint::Paragraphs(2, 2)),
            "\"Notes on the Yalta documents,\" n.d., ¶ 2."
        );
    }
}
