//! What sort of document a text is (memorandum, telegram, letter…), for the library's kind
//! column: read from the words archives and editors use in titles, headings and the first
//! lines, and from the salutation and dateline of the transcript.

use crate::document::{BlockKind, Document};
use serde::{Deserialize, Serialize};

/// The form of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    Memorandum,
    Telegram,
    Letter,
    Note,
    Report,
    Minutes,
    Translation,
    /// Nothing says which.
    Document,
}

impl DocKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Memorandum => "memorandum",
            Self::Telegram => "telegram",
            Self::Letter => "letter",
            Self::Note => "note",
            Self::Report => "report",
            Self::Minutes => "minutes",
            Self::Translation => "translation",
            Self::Document => "document",
        }
    }
}

/// Words naming a form, looked for as whole words (lower case) in the title and heading.
const FORMS: &[(&str, DocKind)] = &[
    ("telegram", DocKind::Telegram),
    ("telegramme", DocKind::Telegram),
    ("cable", DocKind::Telegram),
    ("cablegram", DocKind::Telegram),
    ("memorandum", DocKind::Memorandum),
    ("memcon", DocKind::Memorandum),
    ("conversation", DocKind::Memorandum),
    ("minutes", DocKind::Minutes),
    ("letter", DocKind::Letter),
    ("note", DocKind::Note),
    ("aide-mémoire", DocKind::Note),
    ("aide-memoire", DocKind::Note),
    ("report", DocKind::Report),
];

/// The document's form, and whether it is a translation.
pub fn classify(doc: &Document) -> (DocKind, bool) {
    let translated = doc
        .metadata
        .contents
        .iter()
        .any(|c| c.to_lowercase().contains("translation"));
    let named = [doc.metadata.title.as_deref(), doc.memo.heading.as_deref()]
        .into_iter()
        .flatten()
        .find_map(form_in);
    // Editors mark a telegram in its first lines (`[Telegram]`, `CIPHERED TELEGRAM`).
    let marked = || {
        doc.blocks
            .iter()
            .take(4)
            .filter(|b| b.text.len() < 120)
            .find_map(|b| form_in(&b.text).filter(|k| *k == DocKind::Telegram))
    };
    let kind = named
        .or_else(marked)
        .or_else(|| timed_dateline(doc).then_some(DocKind::Telegram))
        .or_else(|| translated.then_some(DocKind::Translation))
        .or_else(|| salutation(doc).then_some(DocKind::Letter))
        .unwrap_or(DocKind::Document);
    (kind, translated)
}

/// The first form word in `text`, as a whole word.
fn form_in(text: &str) -> Option<DocKind> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == 'é'))
        .find_map(|w| FORMS.iter().find(|(f, _)| *f == w).map(|(_, k)| *k))
}

/// A dateline with the hour of sending (`Washington, February 5, 1934—6 p.m.`): telegrams
/// carry one, letters do not.
fn timed_dateline(doc: &Document) -> bool {
    doc.blocks.iter().take(6).any(|b| {
        let t = b.text.trim_end_matches(['.', ']']);
        let short = t.len() < 100 && (b.kind == BlockKind::Dateline || t.contains(", 1"));
        short && (t.ends_with("a.m") || t.ends_with("p.m") || t.ends_with("noon"))
    })
}

/// `Sir:`, `Dear Mr. Secretary:`, `My dear General,` near the top.
fn salutation(doc: &Document) -> bool {
    doc.memo.salutation.is_some()
        || doc.blocks.iter().take(6).any(|b| {
            let t = b.text.trim_start();
            let opener = t.starts_with("Sir") || t.starts_with("Dear ") || t.starts_with("My dear");
            opener && t.find([':', ',']).is_some_and(|i| i < 60)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(text: &str) -> (DocKind, bool) {
        classify(&Document::from_text("t", text))
    }

    #[test]
    fn forms_named_in_the_title_or_marked_by_editors() {
        let t = "Title:\nMemorandum of Conversation, 'Rail Traffic'\n\nPresent: A. Smith\n\nText.";
        assert_eq!(kind_of(t).0, DocKind::Memorandum);
        let t = "The Secretary to the Minister in Chile\n\n[Telegram.—Paraphrase.]\n\nWe agree.";
        assert_eq!(kind_of(t).0, DocKind::Telegram);
        let t =
            "The Minister in Chile to the Secretary\n\nSantiago, May 2, 1934—6 p.m.\n\n18. Agreed.";
        assert_eq!(kind_of(t).0, DocKind::Telegram);
        let t =
            "Mr. Jay to Mr. Fish.\n\nVienna, August 8, 1870.\n\nSir: I have the honor to report.";
        assert_eq!(kind_of(t).0, DocKind::Letter);
        let t = "Minutes of the Daily Meetings of the Commissioners\n\nPresent: many.";
        assert_eq!(kind_of(t).0, DocKind::Minutes);
        assert_eq!(kind_of("Just some words.").0, DocKind::Document);
        // "Notes" and "Cables" are not the words "note" and "cable" in a name.
        assert_eq!(kind_of("Notebook of Mr. Cablesmith").0, DocKind::Document);
    }

    #[test]
    fn translations_say_so_in_their_contents() {
        let t = "Title:\nRecord of a talk\n\nContents:\nTranslation - English\n\nWe met.";
        let (kind, translated) = kind_of(t);
        assert!(translated);
        assert_eq!(kind, DocKind::Translation);
    }
}
