//! Text → [`Document`]: archive header, then the transcript's blocks.

use super::blocks::classify;
use super::header::parse_header;
use super::spans::find_spans;
use super::text::strip_bold;
use super::units::units;
use super::{Document, fingerprint, record_id_from_url};

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
    for block in &mut doc.blocks {
        if block.text.contains('[') {
            block.spans = find_spans(&block.text, &doc.footnotes);
        }
    }
    doc.identity.record_id = doc.metadata.url.as_deref().and_then(record_id_from_url);
    doc.identity.fingerprint = fingerprint(doc.blocks.iter().map(|b| b.text.as_str()));
    doc
}
