//! The reader's compact copy of a document's entities: their names in a list, and every
//! transcript mention in one array sorted by position, 16 bytes each. A document with
//! millions of mentions costs tens of megabytes, an entity's mentions are one pass over the
//! array when it is selected, and the mentions inside one block are a binary search away.
//!
//! Where the reader stops on an entity (`n`/`N`, its count, the concordance) a name and its
//! gloss are one place (`entities::stops`); the body marks every mention.

use crate::document::{Document, MetaField, TextRange};
use crate::entities::{Entity, EntityKind, Site, stops};

/// An entity as the reader lists it; its mentions are in the [`EntityIndex`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub kind: EntityKind,
    /// The canonical name.
    pub name: String,
    /// Other names of the same entity in the document.
    pub aliases: Vec<String>,
    /// How many places in the transcript name it (a name and its gloss once, see
    /// `entities::stops`).
    pub count: usize,
    /// How many times the metadata fields name it.
    pub in_metadata: usize,
    /// The first place in the transcript.
    pub first: Option<TextRange>,
}

/// A mention in a metadata field: `start..end` of the field's text names `entity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MetaMark {
    pub field: MetaField,
    pub start: usize,
    pub end: usize,
    pub entity: usize,
}

/// A transcript mention: block, start and entity in 32 bits, its length in 16, 14 bytes in
/// all (millions of them for a large document). Ordered by block, then start, then end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(C, packed(2))]
struct Packed {
    block: u32,
    start: u32,
    len: u16,
    entity: u32,
}

impl Packed {
    fn new(r: TextRange, entity: usize) -> Option<Self> {
        Some(Self {
            block: u32::try_from(r.block).ok()?,
            start: u32::try_from(r.start).ok()?,
            len: u16::try_from(r.end.checked_sub(r.start)?).ok()?,
            entity: u32::try_from(entity).ok()?,
        })
    }

    fn range(self) -> TextRange {
        let start = self.start as usize;
        TextRange::new(self.block as usize, start, start + usize::from(self.len))
    }
}

/// The entities of one document, as the reader keeps them.
#[derive(Debug, Default)]
pub struct EntityIndex {
    list: Vec<Listed>,
    /// Every transcript mention, sorted by position (then entity), without duplicates.
    body: Vec<Packed>,
    /// Every metadata mention, sorted by field and position.
    meta: Vec<MetaMark>,
}

impl EntityIndex {
    /// Index `entities` (as extracted from `doc`), giving up their own lists of mentions. A
    /// mention whose numbers do not fit in 32 bits (a paragraph past 4 GiB), or a name longer
    /// than 64 KiB, is left out.
    pub fn build(entities: Vec<Entity>, doc: &Document) -> Self {
        let total = entities.iter().map(|e| e.mentions.len()).sum();
        let mut body = Vec::with_capacity(total);
        let mut meta = Vec::new();
        let mut list = Vec::with_capacity(entities.len());
        for (i, e) in entities.into_iter().enumerate() {
            for m in &e.mentions {
                match m.site {
                    Site::Field(field) => meta.push(MetaMark {
                        field,
                        start: m.start as usize,
                        end: m.end as usize,
                        entity: i,
                    }),
                    Site::Block(_) => {
                        body.extend(m.range().and_then(|r| Packed::new(r, i)));
                    }
                }
            }
            let in_metadata = stops::in_metadata(&e);
            list.push(Listed {
                kind: e.kind,
                name: e.name,
                aliases: e.aliases,
                count: 0,
                in_metadata,
                first: None,
            });
        }
        body.sort_unstable();
        body.dedup();
        // Each entity's mentions come in document order: count its stops in one pass.
        let mut stop: Vec<Option<TextRange>> = vec![None; list.len()];
        for p in &body {
            let (Some(listed), Some(last)) = (
                list.get_mut(p.entity as usize),
                stop.get_mut(p.entity as usize),
            ) else {
                continue;
            };
            let r = p.range();
            if let Some(l) = last
                && stops::join(doc, l, r)
            {
                continue;
            }
            *last = Some(r);
            listed.count += 1;
            listed.first.get_or_insert(r);
        }
        meta.sort();
        body.shrink_to_fit();
        Self { list, body, meta }
    }

    /// The entities, in extraction order.
    pub fn list(&self) -> &[Listed] {
        &self.list
    }

    /// How many transcript mentions there are in all.
    pub fn mentions(&self) -> usize {
        self.body.len()
    }

    /// The places in the transcript that name entity `entity` (of `doc`, the document it was
    /// built from), in document order: a name and its gloss once (`entities::stops`).
    pub fn stops_of(&self, entity: usize, doc: &Document) -> Vec<TextRange> {
        stops::merge(doc, self.mentions_of(entity))
    }

    /// Every transcript mention of entity `entity`, in document order (a gloss apart from its
    /// name).
    pub fn mentions_of(&self, entity: usize) -> impl Iterator<Item = TextRange> + '_ {
        self.body
            .iter()
            .filter(move |p| p.entity as usize == entity)
            .map(|p| p.range())
    }

    /// The transcript mentions inside block `block`, in order, with their entity.
    pub fn in_block(&self, block: usize) -> impl Iterator<Item = (TextRange, usize)> + '_ {
        self.starting_in(block, 0, usize::MAX)
    }

    /// The transcript mentions of block `block` that start in `from..to`, in order, with
    /// their entity: two binary searches, however many mentions the block has.
    pub fn starting_in(
        &self,
        block: usize,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = (TextRange, usize)> + '_ {
        let at = |p: &Packed| (p.block as usize, p.start as usize);
        let lo = self.body.partition_point(|p| at(p) < (block, from));
        let hi = self.body.partition_point(|p| at(p) < (block, to));
        self.body
            .get(lo..hi.max(lo))
            .unwrap_or(&[])
            .iter()
            .map(|p| (p.range(), p.entity as usize))
    }

    /// Mentions in the metadata fields, sorted by field and position.
    pub fn meta_marks(&self) -> &[MetaMark] {
        &self.meta
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Mention;

    fn entity(name: &str, mentions: &[(Site, usize)]) -> Entity {
        Entity {
            kind: EntityKind::Place,
            name: name.into(),
            aliases: vec![],
            mentions: mentions
                .iter()
                .map(|&(site, start)| Mention {
                    site,
                    start: start as u32,
                    end: (start + name.len()) as u32,
                    adjectival: false,
                })
                .collect(),
        }
    }

    fn doc(texts: &[&str]) -> Document {
        Document {
            blocks: texts
                .iter()
                .map(|t| crate::document::Block::new(crate::document::BlockKind::Paragraph, *t))
                .collect(),
            ..Document::default()
        }
    }

    #[test]
    fn mentions_keep_their_exact_ranges_and_order() {
        let d = doc(&["Dairen and Dairenskaya Bay", "Port Arthur"]);
        let index = EntityIndex::build(
            vec![
                entity("Dairenskaya Bay", &[(Site::Block(0), 11)]),
                entity("Dairen", &[(Site::Block(0), 0), (Site::Block(0), 11)]),
                entity("Port Arthur", &[(Site::Block(1), 0)]),
            ],
            &d,
        );
        let found: Vec<(TextRange, usize)> = index.in_block(0).collect();
        assert_eq!(
            found,
            [
                (TextRange::new(0, 0, 6), 1),
                (TextRange::new(0, 11, 17), 1),
                (TextRange::new(0, 11, 26), 0),
            ],
            "by start, then the shorter first"
        );
        assert_eq!(
            index.mentions_of(2).collect::<Vec<_>>(),
            [TextRange::new(1, 0, 11)]
        );
    }

    #[test]
    fn mentions_are_found_by_entity_and_by_block() {
        let d = doc(&[
            "",
            "Dairen port",
            "",
            "a Moscow, Dairen.",
            "",
            "",
            "",
            "Moscow",
        ]);
        let index = EntityIndex::build(
            vec![
                entity(
                    "Dairen",
                    &[
                        (Site::Field(MetaField::Title), 4),
                        (Site::Block(3), 10),
                        (Site::Block(1), 0),
                        (Site::Block(3), 10),
                    ],
                ),
                entity("Moscow", &[(Site::Block(3), 2), (Site::Block(7), 0)]),
            ],
            &d,
        );
        assert_eq!(index.mentions(), 4, "the repeated mention counts once");
        let dairen = &index.list()[0];
        assert_eq!(
            (dairen.count, dairen.in_metadata, dairen.first),
            (2, 1, Some(TextRange::new(1, 0, 6)))
        );
        assert_eq!(
            index.stops_of(0, &d),
            [TextRange::new(1, 0, 6), TextRange::new(3, 10, 16)]
        );
        let in3: Vec<_> = index.in_block(3).collect();
        assert_eq!(
            in3,
            [(TextRange::new(3, 2, 8), 1), (TextRange::new(3, 10, 16), 0)]
        );
        assert_eq!(index.in_block(5).count(), 0);
        assert_eq!(index.meta_marks().len(), 1);
        assert_eq!(index.meta_marks()[0].field, MetaField::Title);
        assert!(index.stops_of(9, &d).is_empty());
    }

    #[test]
    fn a_name_and_its_gloss_are_one_stop_and_counted_once() {
        let d = doc(&["Dairen [Dalian] and Dalian."]);
        let mut e = entity("Dairen", &[(Site::Block(0), 0)]);
        for start in [8, 20] {
            e.mentions.push(Mention {
                site: Site::Block(0),
                start,
                end: start + 6,
                adjectival: false,
            });
        }
        let index = EntityIndex::build(vec![e], &d);
        assert_eq!(index.list()[0].count, 2);
        assert_eq!(
            index.stops_of(0, &d),
            [TextRange::new(0, 0, 15), TextRange::new(0, 20, 26)]
        );
        // The body still marks each name.
        assert_eq!(index.in_block(0).count(), 3);
    }
}
