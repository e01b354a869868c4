//! Text → [`Document`]: archive header, then the transcript's blocks.

use super::blocks::classify;
use super::dates::find_date;
use super::header::parse_header;
use super::spans::find_spans;
use super::text::strip_bold;
use super::units::units;
use super::{BlockKind, DateSource, Document, fingerprint, record_id_from_url};

/// Parse sanitised text (see [`super::sanitize`]) into a document. Never fails: text with no
/// archive header takes its first non-empty line as the title; empty text is an empty
/// document with a warning.
pub fn parse(text: &str) -> Document {
    let mut doc = Document::default();
    let lines: Vec<&str> = text.lines().collect();
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
    let units = units(lines.get(body_start..).unwrap_or_default());
    let classified = classify(units);
    doc.blocks = classified.blocks;
    doc.memo = classified.memo;
    doc.footnotes = classified.footnotes;
    doc.enclosures = classified.enclosures;
    for block in &mut doc.blocks {
        // An enclosure marker is an editor's bracket as a whole: it needs no span.
        if block.text.contains('[') && block.kind != BlockKind::Enclosure {
            let found = find_spans(&block.text, &doc.footnotes);
            if block.spans.is_empty() {
                block.spans = found;
            } else {
                block.spans.extend(found);
                block.spans.sort_by_key(|s| (s.start, s.end));
            }
        }
    }
    date_from_dateline(&mut doc);
    doc.identity.record_id = doc.metadata.url.as_deref().and_then(record_id_from_url);
    doc.identity.fingerprint = fingerprint(doc.blocks.iter().map(|b| b.text.as_str()));
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
