//! The reader's compact copy of a document's entities: their names in a list, and every
//! transcript mention in one array sorted by position, 16 bytes each. A document with
//! millions of mentions costs tens of megabytes, an entity's mentions are one pass over the
//! array when it is selected, and the mentions inside one block are a binary search away.

use crate::document::{MetaField, TextRange};
use crate::entities::{Entity, EntityKind, Site};

/// An entity as the reader lists it; its mentions are in the [`EntityIndex`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub kind: EntityKind,
    /// The canonical name.
    pub name: String,
    /// Other names of the same entity in the document.
    pub aliases: Vec<String>,
    /// How many distinct places in the transcript name it.
    pub count: usize,
    /// The first of them.
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

/// A transcript mention: block, byte range and entity, each in 32 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Packed {
    block: u32,
    start: u32,
    end: u32,
    entity: u32,
}

impl Packed {
    fn new(r: TextRange, entity: usize) -> Option<Self> {
        Some(Self {
            block: u32::try_from(r.block).ok()?,
            start: u32::try_from(r.start).ok()?,
            end: u32::try_from(r.end).ok()?,
            entity: u32::try_from(entity).ok()?,
        })
    }

    fn range(self) -> TextRange {
        TextRange::new(self.block as usize, self.start as usize, self.end as usize)
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
    /// Index `entities` (as extracted), giving up their own lists of mentions. A mention
    /// whose numbers do not fit in 32 bits (a paragraph past 4 GiB) is left out.
    pub fn build(entities: Vec<Entity>) -> Self {
        let total = entities.iter().map(|e| e.mentions.len()).sum();
        let mut body = Vec::with_capacity(total);
        let mut meta = Vec::new();
        let mut list = Vec::with_capacity(entities.len());
        for (i, e) in entities.into_iter().enumerate() {
            for m in &e.mentions {
                match m.site {
                    Site::Field(field) => meta.push(MetaMark {
                        field,
                        start: m.start,
                        end: m.end,
                        entity: i,
                    }),
                    Site::Block(b) => {
                        body.extend(Packed::new(TextRange::new(b, m.start, m.end), i));
                    }
                }
            }
            list.push(Listed {
                kind: e.kind,
                name: e.name,
                aliases: e.aliases,
                count: 0,
                first: None,
            });
        }
        body.sort_unstable();
        body.dedup();
        for p in &body {
            if let Some(listed) = list.get_mut(p.entity as usize) {
                listed.count += 1;
                listed.first.get_or_insert(p.range());
            }
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

    /// The transcript mentions of entity `entity`, in document order.
    pub fn ranges_of(&self, entity: usize) -> Vec<TextRange> {
        let count = self.list.get(entity).map_or(0, |l| l.count);
        let mut out = Vec::with_capacity(count);
        out.extend(
            self.body
                .iter()
                .filter(|p| p.entity as usize == entity)
                .map(|p| p.range()),
        );
        out
    }

    /// The transcript mentions inside block `block`, in order, with their entity.
    pub fn in_block(&self, block: usize) -> impl Iterator<Item = (TextRange, usize)> + '_ {
        let lo = self.body.partition_point(|p| (p.block as usize) < block);
        let hi = self.body.partition_point(|p| p.block as usize <= block);
        self.body
            .get(lo..hi)
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
                    start,
                    end: start + name.len(),
                    adjectival: false,
                })
                .collect(),
        }
    }

    #[test]
    fn mentions_are_found_by_entity_and_by_block() {
        let index = EntityIndex::build(vec![
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
        ]);
        assert_eq!(index.mentions(), 4, "the repeated mention counts once");
        let dairen = &index.list()[0];
        assert_eq!(
            (dairen.count, dairen.first),
            (2, Some(TextRange::new(1, 0, 6)))
        );
        assert_eq!(
            index.ranges_of(0),
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
        assert!(index.ranges_of(9).is_empty());
    }
}
