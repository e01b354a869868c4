//! Where a reader stops on an entity: its places in the transcript, a name and the editorial
//! gloss right after it (`Dairen [Dalian]`, `Port Arthur [Lüshunkou District, Dalian]`) taken
//! as one. The reader's `n`/`N`, its mention count and the concordance use these, and so does
//! the `TEXT` column of `memcon entities`, so the numbers agree. The JSON output keeps every
//! mention, gloss included.

use super::{Entity, Site};
use crate::document::{Document, TextRange};

/// The places in the transcript that name `entity`, in document order. A mention followed by
/// a bracketed gloss that names the same entity (the gloss opens right after it) is one range,
/// from the name to the gloss's closing bracket.
pub fn in_text(entity: &Entity, doc: &Document) -> Vec<TextRange> {
    let mut ranges: Vec<TextRange> = entity.ranges().collect();
    ranges.sort();
    ranges.dedup();
    merge(doc, ranges)
}

/// The stops of one entity's transcript mentions `sorted` (in document order, without
/// repeats): see [`in_text`].
pub fn merge(doc: &Document, sorted: impl IntoIterator<Item = TextRange>) -> Vec<TextRange> {
    let sorted = sorted.into_iter();
    let mut out: Vec<TextRange> = Vec::with_capacity(sorted.size_hint().0);
    for r in sorted {
        if let Some(last) = out.last_mut()
            && join(doc, last, r)
        {
            continue;
        }
        out.push(r);
    }
    out
}

/// Whether `next`, the entity's next mention after the stop `last`, is part of that stop
/// (it overlaps it, or it is the gloss right after the name); if so `last` grows to cover it.
pub fn join(doc: &Document, last: &mut TextRange, next: TextRange) -> bool {
    if last.block != next.block {
        return false;
    }
    let text = block_text(doc, next.block);
    if next.start < last.end || glosses(text, *last, next) {
        last.end = last
            .end
            .max(closing_bracket(text, next.end).unwrap_or(next.end));
        return true;
    }
    false
}

/// How many times the metadata fields name `entity`.
pub fn in_metadata(entity: &Entity) -> usize {
    entity
        .mentions
        .iter()
        .filter(|m| matches!(m.site, Site::Field(_)))
        .count()
}

fn block_text(doc: &Document, block: usize) -> &str {
    doc.blocks.get(block).map_or("", |b| b.text.as_str())
}

/// Is `gloss` inside a bracket that opens right after `name` (only spaces between)?
fn glosses(text: &str, name: TextRange, gloss: TextRange) -> bool {
    let Some(between) = text.get(name.end..gloss.start) else {
        return false;
    };
    let Some(inside) = between.trim_start().strip_prefix('[') else {
        return false;
    };
    !inside.contains(['[', ']'])
}

/// The end of the `]` that closes the bracket `from` is in, if it closes before another opens.
fn closing_bracket(text: &str, from: usize) -> Option<usize> {
    let (inside, _) = text.get(from..)?.split_once(']')?;
    (!inside.contains('[')).then_some(from + inside.len() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, BlockKind, MetaField};
    use crate::entities::{EntityKind, Mention};

    fn doc(texts: &[&str]) -> Document {
        Document {
            blocks: texts
                .iter()
                .map(|t| Block::new(BlockKind::Paragraph, *t))
                .collect(),
            ..Document::default()
        }
    }

    /// An entity named by every occurrence of each of `names` in `doc`'s blocks.
    fn entity(doc: &Document, names: &[&str]) -> Entity {
        let mut mentions = Vec::new();
        for (b, block) in doc.blocks.iter().enumerate() {
            for name in names {
                for (start, _) in block.text.match_indices(name) {
                    mentions.push(Mention {
                        site: Site::Block(b as u32),
                        start: start as u32,
                        end: (start + name.len()) as u32,
                        adjectival: false,
                    });
                }
            }
        }
        Entity {
            kind: EntityKind::Place,
            name: names[0].into(),
            aliases: names[1..].iter().map(|s| s.to_string()).collect(),
            mentions,
        }
    }

    fn texts(doc: &Document, ranges: &[TextRange]) -> Vec<String> {
        ranges.iter().map(|r| doc.text(*r).to_string()).collect()
    }

    #[test]
    fn a_name_and_its_gloss_are_one_stop() {
        let d = doc(&[
            "Stalin wants facilities at Dairen [Dalian]. Later Dalian again, and Dairen.",
            "The port of Lüshunkou [Port Arthur, Dairen] is not Dalian [ice-free].",
        ]);
        let e = entity(&d, &["Dairen", "Dalian"]);
        let s = in_text(&e, &d);
        assert_eq!(
            texts(&d, &s),
            ["Dairen [Dalian]", "Dalian", "Dairen", "Dairen", "Dalian"]
        );
    }

    #[test]
    fn a_gloss_with_more_names_ends_at_its_bracket() {
        let d = doc(&["Port Arthur [Lüshunkou District, Dalian] as a naval base."]);
        let e = entity(&d, &["Port Arthur", "Lüshunkou District"]);
        assert_eq!(
            texts(&d, &in_text(&e, &d)),
            ["Port Arthur [Lüshunkou District, Dalian]"]
        );
    }

    #[test]
    fn names_apart_stay_apart() {
        // Words between the name and the bracket, or a bracket closed before the gloss.
        let d = doc(&["Dairen, the port [Dalian]; Dairen [sic] and [Dalian]"]);
        let e = entity(&d, &["Dairen", "Dalian"]);
        assert_eq!(
            texts(&d, &in_text(&e, &d)),
            ["Dairen", "Dalian", "Dairen", "Dalian"]
        );
    }

    #[test]
    fn an_unclosed_gloss_ends_at_its_name() {
        let d = doc(&["Dairen [Dalian and more"]);
        let e = entity(&d, &["Dairen", "Dalian"]);
        assert_eq!(texts(&d, &in_text(&e, &d)), ["Dairen [Dalian"]);
    }

    #[test]
    fn metadata_mentions_are_counted_apart() {
        let d = doc(&["Harriman spoke."]);
        let mut e = entity(&d, &["Harriman"]);
        e.mentions.push(Mention {
            site: Site::Field(MetaField::Title),
            start: 0,
            end: 8,
            adjectival: false,
        });
        assert_eq!(in_text(&e, &d).len(), 1);
        assert_eq!(in_metadata(&e), 1);
    }
}
