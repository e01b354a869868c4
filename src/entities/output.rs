//! Entities for scripts: the JSON shape of `memcon export` and `memcon entities --json`.
//!
//! Written as it is serialised, straight from the entities: a document with millions of
//! mentions is never copied into a second, JSON-shaped structure first, and each mention
//! record is written by hand in serde_json's layout (see `crate::json`).

use super::{Entity, Mention, Site};
use crate::document::Document;
use crate::json::JsonOut;
use std::io::{self, Write};

/// The JSON array of `entities` found in `doc`. Field names are a public interface:
/// `kind`, `name`, `aliases`, `mentions`; each mention has `block` (an index into `blocks`)
/// for the transcript or `field` for the metadata, `start..end` (byte offsets into that
/// text), `text` and `adjectival`.
#[derive(Clone, Copy)]
pub struct EntitiesJson<'a> {
    doc: &'a Document,
    entities: &'a [Entity],
}

/// The JSON view of `entities` found in `doc`.
pub fn to_json<'a>(doc: &'a Document, entities: &'a [Entity]) -> EntitiesJson<'a> {
    EntitiesJson { doc, entities }
}

impl EntitiesJson<'_> {
    /// Write the array to `j` at its current depth.
    pub fn write<W: Write>(&self, j: &mut JsonOut<W>) -> io::Result<()> {
        j.begin_array()?;
        for e in self.entities {
            j.element()?;
            j.begin_object()?;
            j.field("kind", &e.kind)?;
            j.key("name")?;
            j.string(&e.name)?;
            j.field("aliases", &e.aliases)?;
            j.key("mentions")?;
            write_mentions(j, self.doc, &e.mentions)?;
            j.end_object()?;
        }
        j.end_array()
    }
}

/// How many mentions' texts are looked up before they are written: the lookups (a block,
/// then its text, anywhere in a large document) of a batch go to memory together instead of
/// one after another.
const BATCH: usize = 16;

/// A mention array: `block` (or `field`), `start`, `end`, `text`, `adjectival`.
fn write_mentions<W: Write>(
    j: &mut JsonOut<W>,
    doc: &Document,
    mentions: &[Mention],
) -> io::Result<()> {
    const BLOCK: usize = 0;
    const FIELD: usize = 1;
    const START: usize = 2;
    const END: usize = 3;
    const TEXT: usize = 4;
    const ADJECTIVAL: usize = 5;
    j.begin_array()?;
    let r = j.record(&["block", "field", "start", "end", "text", "adjectival"]);
    for batch in mentions.chunks(BATCH) {
        let mut texts = [""; BATCH];
        for (t, m) in texts.iter_mut().zip(batch) {
            *t = m.text(doc);
        }
        for (m, text) in batch.iter().zip(texts) {
            j.begin_record()?;
            match m.site {
                Site::Block(b) => {
                    j.record_key(&r, BLOCK, true);
                    j.number(b)?;
                }
                Site::Field(f) => {
                    j.record_key(&r, FIELD, true);
                    j.raw(&crate::json::json_of(&f))?;
                }
            }
            j.record_key(&r, START, false);
            j.number(m.start)?;
            j.record_key(&r, END, false);
            j.number(m.end)?;
            j.record_key(&r, TEXT, false);
            j.string(text)?;
            j.record_key(&r, ADJECTIVAL, false);
            j.boolean(m.adjectival)?;
            j.end_record(&r)?;
        }
    }
    j.end_array()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_say_where_they_are_and_what_they_read() {
        let doc = Document::from_text(
            "t",
            "Summary:\n\nHarriman in Moscow\n\nContents:\n\nTranscript - English\n\n\
             We met in Moscow with Stalin.",
        );
        let entities = crate::entities::extract(&doc);
        let write = |pretty| {
            let mut j = JsonOut::new(Vec::new(), pretty);
            to_json(&doc, &entities).write(&mut j).unwrap();
            String::from_utf8(j.finish().unwrap()).unwrap()
        };
        let v: serde_json::Value = serde_json::from_str(&write(false)).unwrap();
        // Both layouts hold the same value.
        let pretty: serde_json::Value = serde_json::from_str(&write(true)).unwrap();
        assert_eq!(pretty, v);
        assert!(write(true).contains("\n        \"text\": \"Moscow\",\n"));
        let moscow = v
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == "Moscow")
            .expect("Moscow");
        assert_eq!(moscow["kind"], "place");
        let mentions = moscow["mentions"].as_array().unwrap();
        assert_eq!(mentions[0]["field"], "summary");
        assert!(mentions[0].get("block").is_none());
        let body = mentions.iter().find(|m| m.get("block").is_some()).unwrap();
        assert_eq!(body["text"], "Moscow");
        // Keys in the documented order.
        let text = write(false);
        assert!(text.contains(r#"{"block":"#), "{text}");
        assert!(
            text.contains(r#","text":"Moscow","adjectival":false}"#),
            "{text}"
        );
    }
}
