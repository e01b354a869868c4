//! The metadata pane's content as rows for a width: each row is a byte range of one
//! field's text, the field's label before its first row. Highlights (search matches,
//! entity mentions) are ranges of the same texts, so they land on the rows that show them,
//! also when a name is wrapped across two rows. Below the fields, the document's enclosures
//! and attachments are listed (`a` / `A` go to them).

use crate::document::{Enclosure, MetaField, Metadata};
use textwrap::WordSeparator;
use textwrap::core::Word;

/// One row of the metadata pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaRow {
    /// `Title: ` on a field's first row.
    pub label: Option<String>,
    /// The field the row shows; `None` on the rows listing enclosures.
    pub field: Option<MetaField>,
    /// The row's text: `start..end` of the field's text.
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A field longer than this is shown up to here (a pane beside the text is no place for
/// more), so wrapping the pane never costs more than a few screens' worth.
pub const SHOWN_PER_FIELD: usize = 8 << 10;

/// The pane's rows wrapped to `width` columns (the label counts on the first row).
pub fn rows(m: &Metadata, width: u16) -> Vec<MetaRow> {
    let width = usize::from(width.max(1));
    let mut rows = Vec::new();
    let mut previous: Option<MetaField> = None;
    for (field, value) in MetaField::all(m) {
        let value = shown_part(value);
        let labelled = !previous.is_some_and(|p| p.same_label(field));
        previous = Some(field);
        let lead = if labelled {
            format!("{}: ", field.label(m))
        } else {
            String::new()
        };
        let options = textwrap::Options::new(width)
            .initial_indent(&lead)
            .word_separator(WordSeparator::Custom(words));
        let mut pos = 0;
        for (i, line) in textwrap::wrap(value, options).into_iter().enumerate() {
            let (label, text) = match line.strip_prefix(lead.as_str()) {
                Some(rest) if i == 0 && labelled => (Some(lead.clone()), rest),
                _ => (None, line.as_ref()),
            };
            // Wrapped lines are pieces of the value in order (trailing blanks trimmed).
            let start = value[pos..].find(text).map_or(pos, |at| pos + at);
            let end = start + text.len();
            pos = end;
            rows.push(MetaRow {
                label,
                field: Some(field),
                text: text.to_string(),
                start,
                end,
            });
        }
    }
    rows
}

/// The metadata pane of a document: its fields, then one entry per enclosure or attachment
/// (`Enclosure 1 — Memorandum by the Secretary`), under one `Enclosures: ` label.
pub fn pane_rows(m: &Metadata, enclosures: &[Enclosure], width: u16) -> Vec<MetaRow> {
    let mut all = rows(m, width);
    let lead = "Enclosures: ";
    for (i, e) in enclosures.iter().enumerate() {
        let entry = enclosure_entry(e);
        let indent = if i == 0 { lead } else { "" };
        let options = textwrap::Options::new(usize::from(width.max(1)))
            .initial_indent(indent)
            .subsequent_indent("  ");
        for (n, line) in textwrap::wrap(&entry, options).into_iter().enumerate() {
            let (label, text) = match line.strip_prefix(indent) {
                Some(rest) if n == 0 && i == 0 => (Some(lead.to_string()), rest.to_string()),
                _ => (None, line.into_owned()),
            };
            all.push(MetaRow {
                label,
                field: None,
                end: text.len(),
                text,
                start: 0,
            });
        }
    }
    all
}

/// How an enclosure is listed: its marker, then what it is (heading, else subject, else
/// where and when it was written).
fn enclosure_entry(e: &Enclosure) -> String {
    let m = &e.memo;
    let what = m
        .heading
        .as_deref()
        .or(m.subject.as_deref())
        .or(m.date.as_deref());
    match what {
        Some(w) if !w.trim().is_empty() => format!("{} — {}", e.label, shown_part(w.trim())),
        _ => e.label.clone(),
    }
}

/// The first [`SHOWN_PER_FIELD`] bytes of `value`, ending at a word when it is cut.
fn shown_part(value: &str) -> &str {
    if value.len() <= SHOWN_PER_FIELD {
        return value;
    }
    let mut end = SHOWN_PER_FIELD;
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    let head = value.get(..end).unwrap_or("");
    match head.rfind(' ') {
        Some(space) if space > 0 => head.get(..space).unwrap_or(head),
        _ => head,
    }
}

/// Where a row of the pane may end: between words as textwrap finds them (Unicode line
/// breaking), and inside a web address only before `/`, `-`, `.`, `?`, `#`, `&`, `=`, `_`,
/// `~`, `%`, and never inside its `https://` and the first letters after it. A hyphen or dot
/// that begins a row cannot be taken for a hyphenation hyphen or a sentence's end, as it could
/// at a row's end (the rule style manuals give for breaking URLs).
fn words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    Box::new(WordSeparator::AsciiSpace.find_words(line).flat_map(
        |w| -> Box<dyn Iterator<Item = Word<'_>> + '_> {
            let whole = &line[offset_in(line, w.word)..][..w.word.len() + w.whitespace.len()];
            match url_breaks(w.word) {
                Some(cuts) => Box::new(url_pieces(whole, cuts)),
                None => WordSeparator::UnicodeBreakProperties.find_words(whole),
            }
        },
    ))
}

/// The byte offset of `part` (a slice of `line`) in `line`.
fn offset_in(line: &str, part: &str) -> usize {
    part.as_ptr() as usize - line.as_ptr() as usize
}

/// For a web address, the byte offsets where a row may break; `None` for any other word.
fn url_breaks(word: &str) -> Option<Vec<usize>> {
    let start = match word.find("://") {
        Some(i) if i > 0 && word[..i].bytes().all(|b| b.is_ascii_alphabetic()) => i + 3,
        _ if word.starts_with("www.") => 0,
        _ => return None,
    };
    // The host's first letters stay with the scheme.
    let from = start + 4;
    let cuts = word
        .char_indices()
        .filter(|&(i, c)| i >= from && "/-.?#&=_~%".contains(c))
        .map(|(i, _)| i)
        .collect();
    Some(cuts)
}

/// `whole` (a word and the spaces after it) cut before each offset in `cuts`.
fn url_pieces(whole: &str, cuts: Vec<usize>) -> impl Iterator<Item = Word<'_>> {
    let mut bounds = vec![0];
    bounds.extend(cuts);
    bounds.push(whole.len());
    bounds.dedup();
    let pieces: Vec<Word<'_>> = bounds
        .windows(2)
        .map(|w| Word::from(&whole[w[0]..w[1]]))
        .collect();
    pieces.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fields_are_left_out_and_values_wrap() {
        let m = Metadata {
            title: Some("Memorandum of Conversation".into()),
            url: Some("   ".into()),
            ..Metadata::default()
        };
        let r = rows(&m, 20);
        let texts: Vec<_> = r.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["Memorandum of", "Conversation"]);
        assert_eq!(r[0].label.as_deref(), Some("Title: "));
        assert_eq!(r[1].label, None);
        assert_eq!((r[1].start, r[1].end), (14, 26));
    }

    #[test]
    fn enclosures_are_listed_below_the_fields_under_one_label() {
        use crate::document::Memo;
        let m = Metadata {
            title: Some("Despatch".into()),
            ..Metadata::default()
        };
        let enclosure = |label: &str, heading: Option<&str>| Enclosure {
            label: label.into(),
            block: 3,
            end: 5,
            memo: Memo {
                heading: heading.map(Into::into),
                ..Memo::default()
            },
        };
        let list = [
            enclosure(
                "Enclosure 1",
                Some("Note from the Minister for Foreign Affairs"),
            ),
            enclosure("Attachment", None),
        ];
        let r = pane_rows(&m, &list, 30);
        let shown: Vec<_> = r
            .iter()
            .map(|r| format!("{}{}", r.label.as_deref().unwrap_or(""), r.text))
            .collect();
        assert_eq!(
            shown,
            [
                "Title: Despatch",
                "Enclosures: Enclosure 1 —",
                "  Note from the Minister for",
                "  Foreign Affairs",
                "Attachment",
            ]
        );
        assert!(r.iter().skip(1).all(|r| r.field.is_none()));
        assert_eq!(pane_rows(&m, &[], 30), rows(&m, 30));
    }

    #[test]
    fn a_huge_field_is_shown_in_part() {
        let m = Metadata {
            title: Some("A very long title ".repeat(100_000)),
            ..Metadata::default()
        };
        let r = rows(&m, 40);
        let shown: usize = r.iter().map(|r| r.text.len() + 1).sum();
        assert!(shown <= SHOWN_PER_FIELD + 40, "{shown}");
        assert!(r.last().unwrap().end <= SHOWN_PER_FIELD);
    }

    #[test]
    fn rows_are_ranges_of_their_field_and_the_contents_share_a_label() {
        let m = Metadata {
            summary: Some("Harriman reports on Soong and Stalin's talk".into()),
            contents: vec!["Transcript - English".into(), "Original Scan".into()],
            ..Metadata::default()
        };
        let r = rows(&m, 24);
        for row in &r {
            let text = row.field.unwrap().text(&m).unwrap();
            assert_eq!(&text[row.start..row.end], row.text);
        }
        let labels: Vec<_> = r.iter().filter_map(|r| r.label.as_deref()).collect();
        assert_eq!(labels, ["Summary: ", "Contents: "]);
    }

    fn url_rows(url: &str, width: u16) -> Vec<String> {
        let m = Metadata {
            url: Some(url.into()),
            ..Metadata::default()
        };
        rows(&m, width)
            .into_iter()
            .map(|r| format!("{}{}", r.label.unwrap_or_default(), r.text))
            .collect()
    }

    #[test]
    fn web_addresses_break_before_slashes_and_hyphens_never_after_the_scheme() {
        let url = "https://wilson-center-digital-archive.dvincitest.com/document/123408";
        for width in 12..=60 {
            let rows = url_rows(url, width);
            assert_eq!(rows.concat(), format!("URL: {url}"), "width {width}");
            for r in &rows {
                assert!(
                    !r.ends_with("://") && !r.ends_with('-'),
                    "width {width}: {rows:?}"
                );
            }
        }
        assert_eq!(
            url_rows(url, 28),
            [
                "URL: https://wilson-center",
                "-digital-archive.dvincitest",
                ".com/document/123408"
            ]
        );
        assert_eq!(
            url_rows("see https://example.org/a-b and more", 20),
            ["URL: see", "https://example.org", "/a-b and more"]
        );
    }

    #[test]
    fn other_text_still_wraps_between_words() {
        let summary = "Soong and Stalin's July 2 conversation on ports, 旅顺口 and 大连, \
                       a well-known question";
        let m = Metadata {
            summary: Some(summary.into()),
            ..Metadata::default()
        };
        for width in 10..40 {
            let texts: Vec<_> = rows(&m, width).into_iter().map(|r| r.text).collect();
            let plain = textwrap::Options::new(usize::from(width)).initial_indent("Summary: ");
            let expected: Vec<_> = textwrap::wrap(summary, plain)
                .into_iter()
                .map(|l| l.strip_prefix("Summary: ").unwrap_or(&l).to_string())
                .collect();
            assert_eq!(texts, expected, "width {width}");
        }
    }
}
