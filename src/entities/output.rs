//! Entities for scripts: the JSON shape of `memcon export` and `memcon entities --json`.

use super::{Entity, EntityKind, Site};
use crate::document::{Document, MetaField};
use serde::Serialize;

/// One entity as JSON. Field names are a public interface.
#[derive(Debug, Serialize)]
pub struct EntityJson<'a> {
    pub kind: EntityKind,
    pub name: &'a str,
    pub aliases: &'a [String],
    pub mentions: Vec<MentionJson<'a>>,
}

/// One mention as JSON: `block` (an index into `blocks`) for the transcript, `field` for the
/// metadata; `start..end` are byte offsets into that text.
#[derive(Debug, Serialize)]
pub struct MentionJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<MetaField>,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub adjectival: bool,
}

/// The JSON view of `entities` found in `doc`.
pub fn to_json<'a>(doc: &'a Document, entities: &'a [Entity]) -> Vec<EntityJson<'a>> {
    entities
        .iter()
        .map(|e| EntityJson {
            kind: e.kind,
            name: &e.name,
            aliases: &e.aliases,
            mentions: e
                .mentions
                .iter()
                .map(|m| {
                    let (block, field) = match m.site {
                        Site::Block(b) => (Some(b as usize), None),
                        Site::Field(f) => (None, Some(f)),
                    };
                    MentionJson {
                        block,
                        field,
                        start: m.start as usize,
                        end: m.end as usize,
                        text: m.text(doc),
                        adjectival: m.adjectival,
                    }
                })
                .collect(),
        })
        .collect()
}
