//! An archive's citation string read into its parts.
//!
//! Digital archives write `"Title", Date, Archive, place in the archive. Further
//! statements.`: the Wilson Center `"…", July 3, 1945, Wilson Center Digital Archive, W. A.
//! Harriman Papers, Library of Congress.`, the Office of the Historian `"…", January 11,
//! 1927, Papers Relating to the Foreign Relations of the United States, 1927, Volume I,
//! Document 153, 500.A15 P 43/115b. Office of the Historian, U.S. Department of State
//! (public domain).` The title in quotes and the date are taken off the front; the first
//! sentence of the rest is the archive (up to its first comma) and the place in it; the
//! sentences after it (a publisher, `Translated by …`) are kept as statements. A string
//! that does not look like this is one statement.

use super::{one_line, without_stop};
use crate::document::dates::find_date;
use crate::document::sentences::sentences;

/// The parts of an archive's citation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Archival {
    /// `Wilson Center Digital Archive`.
    pub archive: Option<String>,
    /// Where in the archive: `W. A. Harriman Papers, Library of Congress`.
    pub location: Option<String>,
    /// The sentences after the place, each with its full stop.
    pub statements: Vec<String>,
}

impl Archival {
    /// The statements that are not about translation (those go with the translators).
    pub fn other_statements(&self) -> impl Iterator<Item = &str> {
        self.statements
            .iter()
            .map(String::as_str)
            .filter(|s| !s.to_lowercase().starts_with("translat"))
    }
}

/// Read `citation`; `date` is the document's date as written, to find where it ends.
pub fn parse(citation: &str, date: Option<&str>) -> Archival {
    let c = one_line(citation);
    let Some(rest) = after_title(&c) else {
        return Archival {
            statements: vec![c].into_iter().filter(|s| !s.is_empty()).collect(),
            ..Archival::default()
        };
    };
    let rest = after_date(rest, date);
    let ranges = sentences(rest);
    let Some(first) = ranges.first() else {
        return Archival::default();
    };
    let head = without_stop(&rest[first.clone()]);
    let (archive, location) = match head.split_once(", ") {
        Some((a, l)) => (a.trim(), Some(l.trim())),
        None => (head.trim(), None),
    };
    Archival {
        archive: Some(archive.to_string()).filter(|s| !s.is_empty()),
        location: location.map(str::to_string).filter(|s| !s.is_empty()),
        statements: ranges[1..]
            .iter()
            .map(|r| rest[r.clone()].to_string())
            .collect(),
    }
}

/// What follows `"Title",` (or `"Title,"`), when the string starts with a quoted title.
fn after_title(c: &str) -> Option<&str> {
    let (open, close) = match c.chars().next()? {
        '"' => ('"', '"'),
        '“' => ('“', '”'),
        _ => return None,
    };
    let body = &c[open.len_utf8()..];
    // The closing quote that is followed by a comma, or preceded by one.
    let mut search = 0;
    while let Some(i) = body[search..].find(close) {
        let at = search + i;
        let after = &body[at + close.len_utf8()..];
        if let Some(rest) = after.strip_prefix(',') {
            return Some(rest.trim_start());
        }
        if body[..at].ends_with(',') {
            return Some(after.trim_start());
        }
        search = at + close.len_utf8();
    }
    None
}

/// `rest` without the date at its front (`July 3, 1945, `, `undated, `).
fn after_date<'a>(rest: &'a str, date: Option<&str>) -> &'a str {
    let strip = |s: &'a str, n: usize| s[n..].trim_start_matches([',', ' ']);
    if let Some(d) = date.map(str::trim).filter(|d| !d.is_empty())
        && rest.starts_with(d)
    {
        return strip(rest, d.len());
    }
    for word in ["undated", "n.d.", "Undated"] {
        if let Some(r) = rest.strip_prefix(word) {
            return r.trim_start_matches([',', ' ']);
        }
    }
    match find_date(rest) {
        Some(found) if found.start == 0 => strip(rest, found.end),
        _ => rest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wilson_center_form() {
        let a = parse(
            "\"Memorandum of Conversation between Averell Harriman and T. V. Soong, 'Far Eastern \
             Conversations with Generalissimo Stalin'\", July 3, 1945, Wilson Center Digital \
             Archive, W. A. Harriman Papers, Library of Congress.",
            Some("July 3, 1945"),
        );
        assert_eq!(a.archive.as_deref(), Some("Wilson Center Digital Archive"));
        assert_eq!(
            a.location.as_deref(),
            Some("W. A. Harriman Papers, Library of Congress")
        );
        assert!(a.statements.is_empty());
    }

    #[test]
    fn translations_and_publishers_are_statements() {
        let a = parse(
            "“A Telegram,” March 14, 1953, Wilson Center Digital Archive, AVPRF, f. 0100, op. \
             46, d. 12, ll. 33-35. Translated by A. B. Smith.",
            None,
        );
        assert_eq!(
            a.location.as_deref(),
            Some("AVPRF, f. 0100, op. 46, d. 12, ll. 33-35")
        );
        assert_eq!(a.statements, ["Translated by A. B. Smith."]);
        assert_eq!(a.other_statements().count(), 0);
        let a = parse(
            "\"The Minister to the Secretary\", undated, Foreign Relations of the United \
             States, 1936, Volume III, Document 67, 765.84/4208: Telegram. Office of the \
             Historian, U.S. Department of State (public domain).",
            None,
        );
        assert_eq!(
            a.archive.as_deref(),
            Some("Foreign Relations of the United States")
        );
        assert_eq!(
            a.location.as_deref(),
            Some("1936, Volume III, Document 67, 765.84/4208: Telegram")
        );
        assert_eq!(
            a.statements,
            ["Office of the Historian, U.S. Department of State (public domain)."]
        );
    }

    #[test]
    fn anything_else_is_one_statement() {
        let a = parse("Harriman Papers, box 180", None);
        assert_eq!(a.archive, None);
        assert_eq!(a.statements, ["Harriman Papers, box 180"]);
        assert_eq!(parse("  ", None), Archival::default());
    }
}
