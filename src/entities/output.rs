//! Entities for scripts and terminals: the JSON shape of `memcon export` and
//! `memcon entities --json`, and the plain table of `memcon entities`.

use super::{Entity, EntityKind, Field, Site};
use crate::document::Document;
use serde::Serialize;
use std::io::Write;
use unicode_width::UnicodeWidthStr;

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
    pub field: Option<Field>,
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

/// A plain table: kind, name, mention count, aliases; one entity per line.
pub fn table(entities: &[Entity]) -> String {
    let name_w = entities
        .iter()
        .map(|e| e.name.width())
        .max()
        .unwrap_or(0)
        .max("NAME".len());
    let mut out = format!(
        "{:<12}  {:<name_w$}  {:>5}  ALIASES\n",
        "KIND", "NAME", "COUNT"
    );
    for e in entities {
        let pad = name_w - e.name.width().min(name_w);
        out.push_str(&format!(
            "{:<12}  {}{}  {:>5}  {}\n",
            e.kind.as_str(),
            e.name,
            " ".repeat(pad),
            e.mentions.len(),
            e.aliases.join(", ")
        ));
    }
    out
}

/// Write the table, or with `json` the JSON array, to `out`.
pub fn write(
    doc: &Document,
    entities: &[Entity],
    json: bool,
    out: impl std::io::Write,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    if json {
        serde_json::to_writer_pretty(&mut out, &to_json(doc, entities))?;
        out.write_all(b"\n")?;
    } else {
        out.write_all(table(entities).as_bytes())?;
    }
    out.flush()
}
