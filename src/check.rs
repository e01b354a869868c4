//! Consistency checks on what the model hands out: every span, mention and match is a range
//! inside its text, on character boundaries. The real-corpus sweep (`examples/sweep.rs`), the
//! fuzz targets (`fuzz/`) and the property tests run them; each returns the first problem in
//! words, so a failure names the range and the text it missed.

use crate::app::EntityIndex;
use crate::document::{Document, TextRange};
use crate::entities::{Entity, Site};

/// `start..end` is a non-empty (or, with `empty_ok`, empty) range of `text` on char boundaries.
fn range_in(text: &str, start: usize, end: usize, empty_ok: bool) -> Result<(), String> {
    if start > end || (start == end && !empty_ok) || end > text.len() {
        return Err(format!(
            "range {start}..{end} outside a text of {} bytes",
            text.len()
        ));
    }
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Err(format!("range {start}..{end} not on character boundaries"));
    }
    Ok(())
}

/// Spans inside their blocks, footnotes pointing at blocks, no control character but `\n`.
pub fn document(doc: &Document) -> Result<(), String> {
    for (i, b) in doc.blocks.iter().enumerate() {
        for s in &b.spans {
            range_in(&b.text, s.start, s.end, false).map_err(|e| format!("block {i}: span {e}"))?;
            if s.footnote.is_some_and(|f| f >= doc.footnotes.len()) {
                return Err(format!("block {i}: a span names a missing footnote"));
            }
        }
        if b.text.chars().any(|c| c.is_control() && c != '\n') {
            return Err(format!(
                "block {i}: a control character is left in {:?}",
                b.text
            ));
        }
    }
    if let Some(f) = doc.footnotes.iter().find(|f| f.block >= doc.blocks.len()) {
        return Err(format!("footnote {:?} names a missing block", f.label));
    }
    Ok(())
}

/// Every entity has a name and mentions; every mention lies in its site's text on character
/// boundaries, and its text is that slice.
pub fn entities(doc: &Document, list: &[Entity]) -> Result<(), String> {
    for e in list {
        if e.name.trim().is_empty() || e.mentions.is_empty() {
            return Err(format!("entity without a name or mentions: {e:?}"));
        }
        for m in &e.mentions {
            if let Site::Block(b) = m.site
                && b as usize >= doc.blocks.len()
            {
                return Err(format!("{:?}: mention in a missing block {b}", e.name));
            }
            let text = m.site.text(doc);
            let (start, end) = (m.start as usize, m.end as usize);
            range_in(text, start, end, false)
                .map_err(|err| format!("{:?}: mention {err}", e.name))?;
            if Some(m.text(doc)) != text.get(start..end) {
                return Err(format!("{:?}: mention text differs from its slice", e.name));
            }
        }
    }
    Ok(())
}

/// The reader's entity index: every entity has a name and a place (in the transcript or the
/// metadata), as many transcript places as its count says; every mention lies in its block or
/// field on character boundaries and belongs to a listed entity.
pub fn entity_index(doc: &Document, index: &EntityIndex) -> Result<(), String> {
    let list = index.list();
    let mut seen = 0;
    for (i, b) in doc.blocks.iter().enumerate() {
        for (r, e) in index.in_block(i) {
            seen += 1;
            range_in(&b.text, r.start, r.end, false)
                .map_err(|err| format!("block {i}: mention {err}"))?;
            if e >= list.len() {
                return Err(format!("block {i}: mention of a missing entity {e}"));
            }
        }
    }
    if seen != index.mentions() {
        return Err(format!(
            "{} mentions indexed, {seen} inside the document's blocks",
            index.mentions()
        ));
    }
    for m in index.meta_marks() {
        let text = m.field.text(&doc.metadata).unwrap_or("");
        range_in(text, m.start, m.end, false)
            .map_err(|err| format!("{:?}: mention {err}", m.field))?;
        if m.entity >= list.len() {
            return Err(format!("{:?}: mention of a missing entity", m.field));
        }
    }
    for (i, e) in list.iter().enumerate() {
        if e.name.trim().is_empty() || e.count + e.in_metadata == 0 {
            return Err(format!("entity without a name or mentions: {e:?}"));
        }
        let stops = index.stops_of(i, doc);
        // `first` is where the first place starts (a stop may take in its gloss after it).
        let at = |r: &TextRange| (r.block, r.start);
        if stops.len() != e.count || stops.first().map(at) != e.first.as_ref().map(at) {
            return Err(format!(
                "{:?}: counted {} places from {:?}, has {} from {:?}",
                e.name,
                e.count,
                e.first,
                stops.len(),
                stops.first()
            ));
        }
    }
    Ok(())
}

/// Search matches: in order, each inside its block on character boundaries (empty matches
/// are allowed: a pattern such as `^` matches nothing).
pub fn matches(doc: &Document, found: &[TextRange]) -> Result<(), String> {
    if !found.is_sorted() {
        return Err("matches out of document order".into());
    }
    for r in found {
        let text = doc
            .blocks
            .get(r.block)
            .map(|b| b.text.as_str())
            .ok_or_else(|| format!("match in a missing block {}", r.block))?;
        range_in(text, r.start, r.end, true)
            .map_err(|e| format!("block {}: match {e}", r.block))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, BlockKind};
    use crate::entities::{EntityKind, Mention};

    fn doc() -> Document {
        Document {
            blocks: vec![Block::new(BlockKind::Paragraph, "Dairen [Dalian] ü")],
            ..Document::default()
        }
    }

    /// Dairen with one mention at `start..end` of the paragraph.
    fn at(start: u32, end: u32) -> Entity {
        Entity {
            kind: EntityKind::Place,
            name: "Dairen".into(),
            aliases: vec![],
            mentions: vec![Mention {
                site: Site::Block(0),
                start,
                end,
                adjectival: false,
            }],
        }
    }

    #[test]
    fn a_mention_off_its_text_or_inside_a_letter_is_reported() {
        let d = doc();
        assert_eq!(entities(&d, &[at(0, 6)]), Ok(()));
        assert!(entities(&d, &[at(0, 99)]).unwrap_err().contains("outside"));
        assert!(
            entities(&d, &[at(17, 18)])
                .unwrap_err()
                .contains("boundaries")
        );
        assert!(entities(&d, &[at(3, 3)]).is_err());
    }

    #[test]
    fn the_readers_index_is_checked_against_the_document() {
        let d = doc();
        let index = |e| EntityIndex::build(vec![e], &d);
        assert_eq!(entity_index(&d, &index(at(0, 6))), Ok(()));
        assert!(
            entity_index(&d, &index(at(0, 99)))
                .unwrap_err()
                .contains("outside")
        );
        let elsewhere = Entity {
            mentions: vec![Mention {
                site: Site::Block(3),
                start: 0,
                end: 6,
                adjectival: false,
            }],
            ..at(0, 6)
        };
        assert!(
            entity_index(&d, &index(elsewhere))
                .unwrap_err()
                .contains("inside the document's blocks")
        );
    }

    #[test]
    fn matches_must_be_sorted_and_inside_their_block() {
        let d = doc();
        assert_eq!(matches(&d, &[TextRange::new(0, 0, 0)]), Ok(()));
        assert!(matches(&d, &[TextRange::new(1, 0, 1)]).is_err());
        let unsorted = [TextRange::new(0, 7, 8), TextRange::new(0, 0, 1)];
        assert!(matches(&d, &unsorted).is_err());
    }
}
