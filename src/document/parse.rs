//! Text → [`Document`]: archive header, then the transcript's blocks.

use super::blocks::classify;
use super::dates::find_date;
use super::header::parse_header;
use super::spans::find_spans;
use super::text::{lines as split_lines, strip_bold};
use super::units::units;
use super::{BlockKind, DateSource, Document, Fingerprint, record_id_from_url};

/// A first line longer than this (in bytes) is prose, not a title.
const LONGEST_TITLE_LINE: usize = 300;

/// The first words of `line`, about a title's length, with `…` when cut.
fn beginning(line: &str) -> String {
    const WORDS_UP_TO: usize = 80;
    let mut out = String::new();
    for word in line.split_whitespace() {
        if !out.is_empty() && out.len() + word.len() >= WORDS_UP_TO {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The start of a long line, enough for [`beginning`].
fn head(line: &str) -> &str {
    let mut end = line.len().min(4 * LONGEST_TITLE_LINE);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    line.get(..end).unwrap_or(line)
}

/// Parse sanitised text (see [`super::sanitize`]) into a document. Never fails: text with no
/// archive header takes its first non-empty line as the title; empty text is an empty
/// document with a warning.
pub fn parse(text: &str) -> Document {
    let mut doc = Document::default();
    let lines = split_lines(text);
    let body_start = match parse_header(&lines) {
        Some(h) => {
            doc.metadata = h.metadata;
            h.body_start
        }
        None => {
            let first = lines
                .iter()
                .position(|l| !l.trim().is_empty() && l.trim() != "\u{c}");
            match first {
                // A first line of running prose (a whole text on one line) is no title: it
                // stays in the body and its beginning names the document.
                Some(i) if lines.get(i).is_some_and(|l| l.len() > LONGEST_TITLE_LINE) => {
                    let line = lines.get(i).copied().unwrap_or_default();
                    doc.metadata.title = Some(beginning(&strip_bold(head(line))));
                    i
                }
                Some(i) => {
                    doc.metadata.title = lines.get(i).map(|l| strip_bold(l));
                    i + 1
                }
                None => {
                    doc.warnings.push("the document is empty".to_string());
                    lines.len()
                }
            }
        }
    };
    let units = units(lines, body_start);
    let classified = classify(units);
    doc.blocks = classified.blocks;
    doc.memo = classified.memo;
    doc.footnotes = classified.footnotes;
    doc.enclosures = classified.enclosures;
    // One pass over the blocks' texts for both the fingerprint and the brackets: a block's
    // text is read from memory once.
    let mut print = Fingerprint::default();
    for block in &mut doc.blocks {
        print.add(&block.text);
        // An enclosure marker is an editor's bracket as a whole: it needs no span.
        if block.kind != BlockKind::Enclosure
            && memchr::memchr(b'[', block.text.as_bytes()).is_some()
        {
            let found = find_spans(&block.text, &doc.footnotes);
            if block.spans.is_empty() {
                block.spans = found.into_boxed_slice();
            } else {
                let mut spans = std::mem::take(&mut block.spans).into_vec();
                spans.extend(found);
                spans.sort_by_key(|s| (s.start, s.end));
                block.spans = spans.into_boxed_slice();
            }
        }
    }
    doc.identity.fingerprint = print.finish();
    date_from_dateline(&mut doc);
    doc.identity.record_id = doc.metadata.url.as_deref().and_then(record_id_from_url);
    doc
}

/// The document's date: the archive header's, else (an undated export, a plain text) the date
/// of the memo's own dateline, at its top or at the end of its body.
fn date_from_dateline(doc: &mut Document) {
    if doc.metadata.date.is_some() {
        doc.metadata.date_source = Some(DateSource::Header);
        return;
    }
    let Some(written) = doc.memo.date.as_deref() else {
        return;
    };
    let Some(d) = find_date(written) else {
        return;
    };
    let Some(date) = written.get(d.start..d.end) else {
        return;
    };
    doc.metadata.date = Some(date.to_string());
    doc.metadata.date_iso = d.iso;
    doc.metadata.date_source = Some(DateSource::Dateline);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_text_on_one_line_stays_in_the_body_and_its_beginning_is_the_title() {
        let line = "The Ambassador called on the Foreign Minister at noon. ".repeat(20);
        let doc = parse(&line);
        let title = doc.metadata.title.as_deref().unwrap();
        assert!(title.starts_with("The Ambassador called") && title.ends_with('…'));
        assert!(title.len() < 100, "{title}");
        assert_eq!(doc.blocks.len(), 1);
        assert_eq!(doc.blocks[0].text, line.trim());
        // A short first line is the title, as before.
        let doc = parse("A short note\nThe text.");
        assert_eq!(doc.metadata.title.as_deref(), Some("A short note"));
        assert_eq!(doc.blocks.len(), 1);
    }
}
