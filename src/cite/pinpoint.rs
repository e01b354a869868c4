//! The citation that follows a quoted passage: the archive's own citation with the
//! paragraph(s) after the place in the archive, then the URL and the access date.
//!
//! `"Memorandum of Conversation …", July 3, 1945, Wilson Center Digital Archive, W. A.
//! Harriman Papers, Library of Congress, ¶ 3. https://…/document/123408 (accessed
//! 2026-11-29).` Without an archive citation it is built from what there is: the title in
//! quotes, the date, the pinpoint, the URL.

use super::{Source, without_stop};

/// Where in the document a passage is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pinpoint {
    /// Nowhere in particular (the whole document, or its header).
    None,
    /// Paragraphs `first..=last` as the reader counts them.
    Paragraphs(usize, usize),
    /// A footnote, by its label.
    Note(String),
}

impl Pinpoint {
    /// `¶ 3`, `¶¶ 3–5`, `n. 19`, or empty.
    pub fn text(&self) -> String {
        match self {
            Self::None | Self::Paragraphs(0, 0) => String::new(),
            Self::Paragraphs(a, b) if a == b || *a == 0 => format!("¶ {b}"),
            Self::Paragraphs(a, b) => format!("¶¶ {a}–{b}"),
            Self::Note(label) => format!("n. {label}"),
        }
    }
}

/// The pinpoint citation of a passage of `source` at `at`, accessed on `accessed`
/// (`YYYY-MM-DD`; left out when there is no URL to have accessed).
pub fn cite(source: &Source, at: &Pinpoint, accessed: &str) -> String {
    let pin = at.text();
    let mut out = match &source.citation {
        Some(citation) => with_pinpoint(source, citation, &pin),
        None => {
            let mut parts = vec![format!("\"{}\"", source.title)];
            parts.extend(source.date.clone());
            parts.extend(Some(pin).filter(|p| !p.is_empty()));
            format!("{}.", parts.join(", "))
        }
    };
    if let Some(url) = &source.url {
        out.push(' ');
        out.push_str(url);
        if !accessed.is_empty() {
            out.push_str(&format!(" (accessed {accessed})"));
        }
        out.push('.');
    }
    out
}

/// The archive's citation with `pin` after the place in the archive (before statements
/// such as `Translated by …`).
fn with_pinpoint(source: &Source, citation: &str, pin: &str) -> String {
    let citation = super::one_line(citation);
    if pin.is_empty() {
        return stopped(&citation);
    }
    let parts = source.archival();
    let Some(place) = parts.location.as_ref().or(parts.archive.as_ref()) else {
        return format!("{}, {pin}.", without_stop(&citation));
    };
    match citation.find(place.as_str()) {
        Some(i) => {
            let end = i + place.len();
            let rest = citation[end..].trim_start_matches('.').trim_start();
            let mut out = format!("{}, {pin}.", &citation[..end]);
            if !rest.is_empty() {
                out.push(' ');
                out.push_str(rest);
            }
            stopped(&out)
        }
        None => format!("{}, {pin}.", without_stop(&citation)),
    }
}

fn stopped(s: &str) -> String {
    if s.ends_with(['.', '!', '?']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::SourceFields;

    #[test]
    fn pinpoints_read_as_a_historian_writes_them() {
        assert_eq!(Pinpoint::Paragraphs(3, 3).text(), "¶ 3");
        assert_eq!(Pinpoint::Paragraphs(3, 5).text(), "¶¶ 3–5");
        assert_eq!(Pinpoint::Paragraphs(0, 2).text(), "¶ 2");
        assert_eq!(Pinpoint::Paragraphs(0, 0).text(), "");
        assert_eq!(Pinpoint::Note("19".into()).text(), "n. 19");
    }

    #[test]
    fn the_pinpoint_goes_after_the_place_in_the_archive() {
        let s = Source::new(SourceFields {
            title: "A Telegram",
            date: Some("March 14, 1953"),
            citation: Some(
                "\"A Telegram\", March 14, 1953, Wilson Center Digital Archive, AVPRF, f. 0100, \
                 ll. 33-35. Translated by A. B. Smith.",
            ),
            url: Some("<https://example.org/document/1>"),
            ..SourceFields::default()
        });
        assert_eq!(
            cite(&s, &Pinpoint::Paragraphs(2, 2), "2026-11-29"),
            "\"A Telegram\", March 14, 1953, Wilson Center Digital Archive, AVPRF, f. 0100, \
             ll. 33-35, ¶ 2. Translated by A. B. Smith. https://example.org/document/1 \
             (accessed 2026-11-29)."
        );
    }

    #[test]
    fn without_metadata_it_is_built_from_what_there_is() {
        let s = Source::new(SourceFields {
            title: "Notes on the Yalta documents",
            ..SourceFields::default()
        });
        assert_eq!(
            cite(&s, &Pinpoint::Paragraphs(2, 2), "2026-11-29"),
            "\"Notes on the Yalta documents\", ¶ 2."
        );
        assert_eq!(
            cite(&s, &Pinpoint::None, "2026-11-29"),
            "\"Notes on the Yalta documents\"."
        );
    }
}
