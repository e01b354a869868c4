//! Entities for scripts: the JSON shape of `memcon export` and `memcon entities --json`.
//!
//! Written as it is serialised, straight from the entities: a document with millions of
//! mentions is never copied into a second, JSON-shaped structure first.

use super::{Entity, Mention, Site};
use crate::document::Document;
use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

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

impl Serialize for EntitiesJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.entities.len()))?;
        for entity in self.entities {
            seq.serialize_element(&EntityJson {
                doc: self.doc,
                entity,
            })?;
        }
        seq.end()
    }
}

struct EntityJson<'a> {
    doc: &'a Document,
    entity: &'a Entity,
}

impl Serialize for EntityJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.entity;
        let mut st = s.serialize_struct("Entity", 4)?;
        st.serialize_field("kind", &e.kind)?;
        st.serialize_field("name", &e.name)?;
        st.serialize_field("aliases", &e.aliases)?;
        st.serialize_field(
            "mentions",
            &MentionsJson {
                doc: self.doc,
                mentions: &e.mentions,
            },
        )?;
        st.end()
    }
}

struct MentionsJson<'a> {
    doc: &'a Document,
    mentions: &'a [Mention],
}

impl Serialize for MentionsJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.mentions.len()))?;
        for m in self.mentions {
            seq.serialize_element(&MentionJson { doc: self.doc, m })?;
        }
        seq.end()
    }
}

struct MentionJson<'a> {
    doc: &'a Document,
    m: &'a Mention,
}

impl Serialize for MentionJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let m = self.m;
        let mut st = s.serialize_struct("Mention", 5)?;
        match m.site {
            Site::Block(b) => st.serialize_field("block", &b)?,
            Site::Field(f) => st.serialize_field("field", &f)?,
        }
        st.serialize_field("start", &m.start)?;
        st.serialize_field("end", &m.end)?;
        st.serialize_field("text", m.text(self.doc))?;
        st.serialize_field("adjectival", &m.adjectival)?;
        st.end()
    }
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
        let v = serde_json::to_value(to_json(&doc, &entities)).unwrap();
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
        let text = serde_json::to_string(&to_json(&doc, &entities)).unwrap();
        assert!(text.contains(r#"{"block":"#), "{text}");
        assert!(
            text.contains(r#","text":"Moscow","adjectival":false}"#),
            "{text}"
        );
    }
}
