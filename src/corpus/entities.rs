//! The collection's entities: every document's people, places and organizations merged by
//! name. Two entities of one kind are one when a name or alias of one is a name or alias of
//! the other (folded as within a document: `Dairen` ≡ `Dalian` when a document glosses one
//! with the other or the gazetteer knows both), and the user's `[[merge]]` entries join
//! names across documents as they do within one.

use super::record::{DocRecord, MentionAt};
use crate::document::TextRange;
use crate::entities::{EntityKind, UserAliases, fold};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// A document entity with more aliases than this joins others by its name only: so many
/// names for one entity in one document is more often several people of one surname (or
/// several places of one suffix) taken for one, and joining through them would chain
/// unrelated entities across the collection.
pub const MAX_LINKING_ALIASES: usize = 3;

/// One entity of the collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusEntity {
    pub kind: EntityKind,
    /// The name most documents use.
    pub name: String,
    /// Every other name and alias, most used first.
    pub aliases: Vec<String>,
    /// The documents that name it, in the collection's date order.
    pub docs: Vec<DocHits>,
    /// Mentions in the transcripts of all of them.
    pub mentions: usize,
}

/// An entity in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocHits {
    /// Index of the document in the collection.
    pub doc: usize,
    /// Mentions in the transcript.
    pub count: usize,
    /// Mentions in the metadata (title, summary…).
    pub in_metadata: usize,
    /// The first mention in the transcript.
    pub first: Option<TextRange>,
    /// Every mention, in the metadata first, then in the transcript, in order.
    pub mentions: Vec<MentionAt>,
}

/// All entities of a collection, and how to find one by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityTable {
    /// By kind, then by number of documents (most first), then name.
    pub entities: Vec<CorpusEntity>,
    /// Folded names and aliases → entity.
    by_name: HashMap<(EntityKind, String), usize>,
}

struct Sets(Vec<u32>);

impl Sets {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            let up = self.0[self.0[x as usize] as usize];
            self.0[x as usize] = up;
            x = up;
        }
        x
    }
    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.0[hi as usize] = lo;
        }
    }
}

impl EntityTable {
    /// Merge the entities of `docs`. `order` lists document indices in the order their
    /// lists of documents should follow (the collection's date order).
    pub fn build(docs: &[Arc<DocRecord>], order: &[usize], user: &UserAliases) -> Self {
        let mut nodes: HashMap<(EntityKind, String), u32> = HashMap::new();
        let mut node = |kind: EntityKind, name: &str, sets: &mut Sets| -> u32 {
            let next = nodes.len() as u32;
            let id = *nodes.entry((kind, fold(name))).or_insert(next);
            if id == next {
                sets.0.push(id);
            }
            id
        };
        let mut sets = Sets(Vec::new());
        // The node of each document entity's name, in `order`.
        let mut members: Vec<(usize, usize, u32)> = Vec::new();
        for &d in order {
            for (i, e) in docs[d].entities.iter().enumerate() {
                let n = node(e.kind, &e.name, &mut sets);
                let linking = if e.aliases.len() <= MAX_LINKING_ALIASES {
                    &e.aliases[..]
                } else {
                    &[]
                };
                for a in linking {
                    let m = node(e.kind, a, &mut sets);
                    sets.union(n, m);
                }
                members.push((d, i, n));
            }
        }
        for m in &user.merge {
            for kind in [
                EntityKind::Place,
                EntityKind::Person,
                EntityKind::Organization,
            ] {
                let into = node(kind, &m.into, &mut sets);
                for name in &m.names {
                    let other = node(kind, name, &mut sets);
                    sets.union(into, other);
                }
            }
        }
        // Group document entities by their set.
        let mut group_of: HashMap<u32, usize> = HashMap::new();
        let mut groups: Vec<Vec<(usize, usize)>> = Vec::new();
        for &(d, i, n) in &members {
            let root = sets.find(n);
            let g = *group_of.entry(root).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push((d, i));
        }
        let mut entities: Vec<(u32, CorpusEntity)> = group_of
            .iter()
            .map(|(&root, &g)| (root, merge_group(docs, &groups[g], user)))
            .collect();
        entities.sort_by(|(_, a), (_, b)| {
            a.kind
                .cmp(&b.kind)
                .then(b.docs.len().cmp(&a.docs.len()))
                .then(b.mentions.cmp(&a.mentions))
                .then_with(|| a.name.cmp(&b.name))
        });
        let index_of: HashMap<u32, usize> = entities
            .iter()
            .enumerate()
            .map(|(i, (root, _))| (*root, i))
            .collect();
        let by_name = nodes
            .into_iter()
            .filter_map(|(key, n)| index_of.get(&sets.find(n)).map(|&i| (key, i)))
            .collect();
        Self {
            entities: entities.into_iter().map(|(_, e)| e).collect(),
            by_name,
        }
    }

    /// The entities called `name` (or with it as an alias), of `kind` when given.
    pub fn find(&self, name: &str, kind: Option<EntityKind>) -> Vec<usize> {
        let folded = fold(name.trim());
        let mut out: Vec<usize> = [
            EntityKind::Place,
            EntityKind::Person,
            EntityKind::Organization,
        ]
        .into_iter()
        .filter(|k| kind.is_none_or(|want| want == *k))
        .filter_map(|k| self.by_name.get(&(k, folded.clone())).copied())
        .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether a document entity of `kind` called `name` belongs to entity `id`.
    pub fn is_member(&self, id: usize, kind: EntityKind, name: &str) -> bool {
        self.by_name.get(&(kind, fold(name))) == Some(&id)
    }
}

/// One collection entity from its document entities (`(document, entity)`, in date order).
fn merge_group(
    docs: &[Arc<DocRecord>],
    members: &[(usize, usize)],
    user: &UserAliases,
) -> CorpusEntity {
    // Spellings by folded form: the most used spelling, and in how many documents.
    let mut names: HashMap<String, (String, usize, usize)> = HashMap::new();
    let mut hits: Vec<DocHits> = Vec::new();
    let mut mentions = 0;
    let kind = docs[members[0].0].entities[members[0].1].kind;
    let mut i = 0;
    while i < members.len() {
        let d = members[i].0;
        let mut j = i;
        let mut ranges: Vec<TextRange> = Vec::new();
        let mut all: Vec<MentionAt> = Vec::new();
        while j < members.len() && members[j].0 == d {
            let e = &docs[d].entities[members[j].1];
            ranges.extend(e.ranges());
            all.extend_from_slice(&e.mentions);
            let primary = std::iter::once((&e.name, 2));
            for (n, weight) in primary.chain(e.aliases.iter().map(|a| (a, 1))) {
                let entry = names.entry(fold(n)).or_insert_with(|| (n.clone(), 0, 0));
                entry.1 += weight;
                entry.2 += 1;
            }
            j += 1;
        }
        ranges.sort();
        ranges.dedup();
        all.sort_by_key(|m| (m.block.is_some(), m.block, m.field, m.start, m.end));
        all.dedup();
        mentions += ranges.len();
        hits.push(DocHits {
            doc: d,
            count: ranges.len(),
            in_metadata: all.iter().filter(|m| m.block.is_none()).count(),
            first: ranges.first().copied(),
            mentions: all,
        });
        i = j;
    }
    let mut ranked: Vec<(String, usize, usize)> = names.into_values().collect();
    // The user's `into` name first; then names used as a document's own name count double;
    // then longer names first.
    let chosen = |n: &str| user.merge.iter().any(|m| fold(&m.into) == fold(n));
    ranked.sort_by(|a, b| {
        chosen(&b.0)
            .cmp(&chosen(&a.0))
            .then(b.1.cmp(&a.1))
            .then(b.0.len().cmp(&a.0.len()))
            .then_with(|| a.0.cmp(&b.0))
    });
    let mut ranked = ranked.into_iter().map(|(n, _, _)| n);
    let name = ranked.next().unwrap_or_default();
    CorpusEntity {
        kind,
        name,
        aliases: ranked.collect(),
        docs: hits,
        mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::record::{DocEntity, FileKey, MentionAt};
    use crate::document::Metadata;

    fn doc(entities: &[(EntityKind, &str, &[&str], usize)]) -> Arc<DocRecord> {
        Arc::new(DocRecord {
            file: FileKey {
                path: vec![],
                shown: String::new(),
                size: 0,
                mtime: 0,
                hash: 0,
            },
            metadata: Metadata::default(),
            heading: None,
            kind: super::super::kind::DocKind::Document,
            translated: false,
            record_id: None,
            fingerprint: String::new(),
            warnings: vec![],
            entities: entities
                .iter()
                .map(|(kind, name, aliases, n)| DocEntity {
                    kind: *kind,
                    name: name.to_string(),
                    aliases: aliases.iter().map(|a| a.to_string()).collect(),
                    mentions: (0..*n)
                        .map(|k| MentionAt {
                            block: Some(k as u32),
                            field: None,
                            start: 0,
                            end: 3,
                        })
                        .collect(),
                })
                .collect(),
        })
    }

    #[test]
    fn names_and_aliases_join_documents_and_kinds_stay_apart() {
        use EntityKind::*;
        let docs = vec![
            doc(&[(Place, "Dairen", &["Dalian"], 2), (Person, "Soong", &[], 1)]),
            doc(&[(Place, "Dalian", &[], 3)]),
            doc(&[
                (Place, "Port Arthur", &[], 1),
                (Organization, "Dairen", &[], 1),
            ]),
        ];
        let t = EntityTable::build(&docs, &[0, 1, 2], &UserAliases::default());
        let dalian = t.find("dairen", Some(Place));
        assert_eq!(dalian.len(), 1);
        let e = &t.entities[dalian[0]];
        assert_eq!(e.docs.iter().map(|h| h.doc).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(e.mentions, 5);
        assert_eq!(e.docs[1].count, 3);
        assert_eq!(t.find("DALIAN", None), dalian, "the alias finds it too");
        assert_eq!(
            t.find("Dairen", None).len(),
            2,
            "a place and an organization"
        );
        assert!(t.is_member(dalian[0], Place, "Dalian"));
        // An entity with a crowd of aliases joins by its name alone.
        let crowd = &["Ana Garza", "Luis Garza", "Jose Garza", "Eva Garza"];
        let docs = vec![
            doc(&[(Person, "Juan Garza", crowd, 1)]),
            doc(&[(Person, "Ana Garza", &[], 1)]),
        ];
        let crowded = EntityTable::build(&docs, &[0, 1], &UserAliases::default());
        assert_eq!(crowded.entities.len(), 2);
        assert!(!t.is_member(dalian[0], Organization, "Dairen"));
        // The name most documents use; most documents first within a kind.
        assert_eq!(t.entities[0].name, "Dalian");
        assert_eq!(t.entities[0].aliases, ["Dairen"]);
    }

    #[test]
    fn the_users_merges_join_names_across_documents() {
        use EntityKind::*;
        let docs = vec![
            doc(&[(Person, "Chiang Kai-shek", &[], 1)]),
            doc(&[(Person, "Gimo", &[], 2)]),
        ];
        let user = UserAliases::parse(
            "aliases.toml",
            "[[merge]]\ninto = \"Chiang Kai-shek\"\nnames = [\"Gimo\"]\n",
        )
        .unwrap();
        let plain = EntityTable::build(&docs, &[0, 1], &UserAliases::default());
        assert_eq!(plain.entities.len(), 2);
        let t = EntityTable::build(&docs, &[0, 1], &user);
        assert_eq!(t.entities.len(), 1);
        assert_eq!(t.entities[0].docs.len(), 2);
        assert_eq!(t.entities[0].aliases, ["Gimo"]);
        assert_eq!(
            t.entities[0].name, "Chiang Kai-shek",
            "the name merged into"
        );
    }
}
