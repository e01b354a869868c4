//! Citations: what a document says about itself, as a reference manager or a footnote wants
//! it. No IO.
//!
//! A [`Source`] gathers what there is — title, date, the archive's own citation string, URL,
//! record id, original language, translators (from the credits or the citation) and an
//! author when the memo is signed with a name — and never invents the rest: a field that is
//! not known is left out of every format. [`archival`] reads the archive's citation string
//! into its parts (archive, place in the archive, further statements); [`pinpoint`] writes
//! the citation that follows a quoted passage (`…, ¶ 3. https://… (accessed 2026-11-29).`);
//! [`chicago`], [`bibtex`], [`csl`] and [`ris`] write the formats of `memcon cite`.

pub mod archival;
pub mod bibtex;
pub mod chicago;
pub mod csl;
pub mod pinpoint;
pub mod ris;

use crate::document::Document;
use crate::document::dates::MONTHS;
use crate::document::sentences::sentences;
pub use archival::Archival;
pub use pinpoint::Pinpoint;

/// Everything a citation can be built from. Strings are single-line and trimmed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    /// The document's title (the metadata title, else the memo heading, else the file name).
    pub title: String,
    /// The date as the archive writes it (`July 3, 1945`).
    pub date: Option<String>,
    /// `YYYY-MM-DD` when the date has a day.
    pub date_iso: Option<String>,
    /// The archive's own citation string.
    pub citation: Option<String>,
    pub url: Option<String>,
    /// The archive's record id (`document/123408`).
    pub record_id: Option<String>,
    /// A stable id for the entry: the record id, else one from the text's fingerprint.
    pub id: String,
    pub original_language: Option<String>,
    /// Translators named by the credits or the citation.
    pub translators: Vec<String>,
    /// Who signed the document, when the signature is a name rather than initials.
    pub author: Option<String>,
}

impl Source {
    /// The source of a loaded document.
    pub fn of(doc: &Document) -> Self {
        let m = &doc.metadata;
        let author = doc
            .memo
            .signature
            .as_ref()
            .and_then(|s| author_name(&s.name));
        let mut named = m.credits.as_deref().map(translators).unwrap_or_default();
        if named.is_empty() {
            named = m.citation.as_deref().map(translators).unwrap_or_default();
        }
        Self::new(SourceFields {
            title: doc.display_title(),
            date: m.date.as_deref(),
            date_iso: m.date_iso.as_deref(),
            citation: m.citation.as_deref(),
            url: m.url.as_deref(),
            record_id: doc.identity.record_id.as_deref(),
            fingerprint: &doc.identity.fingerprint,
            original_language: m.original_language.as_deref(),
            translators: named,
            author,
        })
    }

    /// A source from fields kept elsewhere (a bookmark's record of its document).
    pub fn new(f: SourceFields<'_>) -> Self {
        let line = |s: Option<&str>| s.map(one_line).filter(|s| !s.is_empty());
        let url = line(f.url).map(|u| {
            u.trim_start_matches('<')
                .trim_end_matches('>')
                .trim()
                .to_string()
        });
        let record_id = line(f.record_id);
        let date = line(f.date).filter(|d| !d.eq_ignore_ascii_case("undated"));
        let date_iso = line(f.date_iso).or_else(|| {
            date.as_deref()
                .and_then(crate::document::dates::parse_date)
                .and_then(|d| d.iso)
        });
        let id = match &record_id {
            Some(r) => r.clone(),
            None if !f.fingerprint.is_empty() => format!("memcon-{}", f.fingerprint),
            None => "memcon-document".to_string(),
        };
        let title = one_line(f.title);
        Self {
            title: if title.is_empty() {
                "Untitled document".into()
            } else {
                title
            },
            date,
            date_iso,
            citation: line(f.citation),
            url,
            record_id,
            id,
            original_language: line(f.original_language),
            translators: f.translators,
            author: f.author,
        }
    }

    /// The archive's citation read into its parts (empty when there is none).
    pub fn archival(&self) -> Archival {
        self.citation
            .as_deref()
            .map(|c| archival::parse(c, self.date.as_deref()))
            .unwrap_or_default()
    }

    /// Year, month and day as far as the date tells them.
    pub fn date_parts(&self) -> Vec<u32> {
        if let Some(iso) = &self.date_iso {
            let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
            if parts.len() == 3 {
                return parts;
            }
        }
        let Some(date) = &self.date else {
            return Vec::new();
        };
        let words: Vec<String> = date
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect();
        let year = words
            .iter()
            .find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|w| w.parse::<u32>().ok());
        let month = words.iter().find_map(|w| {
            (w.len() >= 3)
                .then(|| MONTHS.iter().position(|m| m.starts_with(w.as_str())))
                .flatten()
        });
        match (year, month) {
            (Some(y), Some(m)) => vec![y, m as u32 + 1],
            (Some(y), None) => vec![y],
            _ => Vec::new(),
        }
    }

    /// The year, when the date has one.
    pub fn year(&self) -> Option<u32> {
        self.date_parts().first().copied()
    }

    /// Whether the original is in another language than English (its translation is read).
    pub fn translated(&self) -> bool {
        !self.translators.is_empty()
            || self
                .original_language
                .as_deref()
                .is_some_and(|l| !l.eq_ignore_ascii_case("english"))
    }
}

/// The fields [`Source::new`] is built from.
#[derive(Debug, Clone, Default)]
pub struct SourceFields<'a> {
    pub title: &'a str,
    pub date: Option<&'a str>,
    pub date_iso: Option<&'a str>,
    pub citation: Option<&'a str>,
    pub url: Option<&'a str>,
    pub record_id: Option<&'a str>,
    pub fingerprint: &'a str,
    pub original_language: Option<&'a str>,
    pub translators: Vec<String>,
    pub author: Option<String>,
}

/// Translators named in `text`: the sentence with `translated … by` or `translation by`,
/// names after `by` split at `and` and commas (`Translated for CWIHP by Gary Goldberg and
/// Sergey Radchenko.`).
pub fn translators(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for r in sentences(text) {
        let s = &text[r];
        let lower = s.to_lowercase();
        if !(lower.starts_with("translat") || lower.contains(" translated ")) {
            continue;
        }
        let Some(by) = lower.find(" by ") else {
            continue;
        };
        // Lower-casing can change byte lengths only outside ASCII; fall back to the text.
        let names = s.get(by + 4..).unwrap_or("").trim().trim_end_matches('.');
        for name in names.split(" and ").flat_map(|n| n.split(", ")) {
            let name = one_line(name);
            if !name.is_empty() && name.chars().next().is_some_and(char::is_uppercase) {
                out.push(name);
            }
        }
    }
    out
}

/// A signature that names a person (`ORLOV`, `M. T. Desrosiers`, `Kellogg`), in the case a
/// citation writes it; `None` for initials (`WAH`, `W. J. B.`) and anything that is not a
/// name.
pub fn author_name(signature: &str) -> Option<String> {
    let line = signature.lines().next()?.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    // An office or a body signs too (`American Mission`, `The Duke of Tetuan`).
    let not_a_person = words.iter().any(|w| {
        let w = w.trim_end_matches(['.', ',']).to_lowercase();
        NOT_NAMES.contains(&w.as_str())
    });
    if not_a_person {
        return None;
    }
    // `John Sherman.`: the full stop closes the letter, not the name; initials keep theirs.
    let initial_last = |s: &str| {
        s.split_whitespace()
            .last()
            .is_some_and(|w| w.chars().count() <= 2)
    };
    let line = match line.strip_suffix('.') {
        Some(rest) if !initial_last(rest) => rest,
        _ => line,
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    let namelike = |w: &str| {
        w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    if !words.iter().all(|w| namelike(w)) {
        return None;
    }
    let last = words.last()?.trim_end_matches('.');
    // Initials: every word short and in capitals, or the last word an initial.
    let letters = last.chars().filter(|c| c.is_alphabetic()).count();
    if letters <= 3 && last.chars().all(|c| !c.is_lowercase()) || last.contains('.') {
        return None;
    }
    let fixed: Vec<String> = words
        .iter()
        .map(|w| {
            if w.chars().filter(|c| c.is_alphabetic()).count() > 2
                && w.chars().all(|c| !c.is_lowercase())
            {
                title_case(w)
            } else {
                (*w).to_string()
            }
        })
        .collect();
    Some(fixed.join(" "))
}

/// Words that show a signature is an office, a body or a title rather than a person.
const NOT_NAMES: &[&str] = &[
    "the",
    "mission",
    "embassy",
    "legation",
    "delegation",
    "department",
    "government",
    "ministry",
    "office",
    "committee",
    "commission",
    "consulate",
    "council",
    "bureau",
    "staff",
    "secretariat",
    "section",
    "division",
    "headquarters",
    "command",
    "duke",
    "secretary",
    "minister",
    "ambassador",
    "president",
    "chargé",
    "consul",
    "general",
    "etc",
];

fn title_case(w: &str) -> String {
    let mut out = String::new();
    let mut start = true;
    for c in w.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, '-' | '\'' | '’');
    }
    out
}

pub use crate::document::one_line;

/// `s` without a final full stop (and the space before it).
pub(crate) fn without_stop(s: &str) -> &str {
    s.trim_end().strip_suffix('.').unwrap_or(s).trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translators_from_credits_and_citations() {
        assert_eq!(
            translators("Translated for CWIHP by Gary Goldberg and Sergey Radchenko."),
            ["Gary Goldberg", "Sergey Radchenko"]
        );
        assert_eq!(
            translators(
                "Wilson Center Digital Archive, AVPRF, f. 0100. Translated by A. B. Smith."
            ),
            ["A. B. Smith"]
        );
        assert_eq!(
            translators("This document was made possible with support from a foundation."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn authors_are_names_not_initials() {
        assert_eq!(author_name("ORLOV").as_deref(), Some("Orlov"));
        assert_eq!(author_name("Kellogg").as_deref(), Some("Kellogg"));
        assert_eq!(
            author_name("John Sherman.").as_deref(),
            Some("John Sherman")
        );
        assert_eq!(
            author_name("B. J. de Cologan.").as_deref(),
            Some("B. J. de Cologan")
        );
        assert_eq!(author_name("American Mission"), None);
        assert_eq!(author_name("The Duke of Tetuan."), None);
        assert_eq!(
            author_name("M. T. Desrosiers\nCommercial Counsellor").as_deref(),
            Some("M. T. Desrosiers")
        );
        for initials in ["WAH", "W. J. B.", "J.C.G.", "I am [etc.]", ""] {
            assert_eq!(author_name(initials), None, "{initials}");
        }
    }

    #[test]
    fn dates_as_far_as_they_go() {
        let s = |date: &str| Source {
            date: Some(date.into()),
            ..Source::default()
        };
        assert_eq!(s("July 1945").date_parts(), [1945, 7]);
        assert_eq!(s("Spring 1945").date_parts(), [1945]);
        let full = Source::new(SourceFields {
            title: "T",
            date: Some("July 3, 1945"),
            ..SourceFields::default()
        });
        assert_eq!(full.date_parts(), [1945, 7, 3]);
        let undated = Source::new(SourceFields {
            title: "T",
            date: Some("undated"),
            ..SourceFields::default()
        });
        assert_eq!(undated.date, None);
        assert!(undated.date_parts().is_empty());
    }
}
