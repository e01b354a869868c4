//! CSL-JSON, the data format of citeproc processors, Zotero and pandoc: an array of items.
//!
//! Each item has `id` (the record id, else one from the text's fingerprint) and `type`
//! (`manuscript` for a document in an archive, `document` otherwise), `title`, and when
//! known `issued` (`date-parts`), `author`, `translator`, `URL`, `accessed`, `archive`,
//! `archive_location`, `note` (further statements of the archive's citation, the original
//! language, a pinpoint) and `annote` (bookmarks). A field that is not known is left out:
//! never `null`, never an empty string. serde_json does the JSON escaping.

use super::{Pinpoint, Source, without_stop};
use serde_json::{Value, json};

/// A CSL-JSON item: its fields in the order people read them.
#[derive(Debug, Clone, PartialEq)]
pub struct Item(pub Vec<(&'static str, Value)>);

/// One item.
pub fn item(s: &Source, pin: &Pinpoint, annote: &[String], accessed: &str) -> Item {
    let a = s.archival();
    let mut f: Vec<(&'static str, Value)> = Vec::new();
    f.push(("id", json!(s.id)));
    let kind = if a.archive.is_some() {
        "manuscript"
    } else {
        "document"
    };
    f.push(("type", json!(kind)));
    f.push(("title", json!(s.title)));
    let parts = s.date_parts();
    if !parts.is_empty() {
        f.push(("issued", json!({ "date-parts": [parts] })));
    }
    if let Some(author) = &s.author {
        f.push(("author", json!([name(author)])));
    }
    if !s.translators.is_empty() {
        let names: Vec<Value> = s.translators.iter().map(|t| name(t)).collect();
        f.push(("translator", Value::Array(names)));
    }
    if let Some(archive) = &a.archive {
        f.push(("archive", json!(without_stop(archive))));
    }
    if let Some(location) = &a.location {
        f.push(("archive_location", json!(without_stop(location))));
    }
    if let Some(url) = &s.url {
        f.push(("URL", json!(url)));
        if let Some(date) = iso_parts(accessed) {
            f.push(("accessed", json!({ "date-parts": [date] })));
        }
    }
    let mut note: Vec<String> = a.other_statements().map(str::to_string).collect();
    if let Some(lang) = s
        .original_language
        .as_deref()
        .filter(|l| !l.eq_ignore_ascii_case("english"))
    {
        note.push(format!("Original language: {lang}."));
    }
    let pin = pin.text();
    if !pin.is_empty() {
        note.push(format!("Cited at {pin}."));
    }
    if !note.is_empty() {
        f.push(("note", json!(note.join(" "))));
    }
    if !annote.is_empty() {
        f.push(("annote", json!(annote.join("\n"))));
    }
    Item(f)
}

/// Items as the array a reference manager imports: a field a line, in reading order.
pub fn to_string(items: Vec<Item>) -> String {
    let mut s = String::from("[\n");
    for (i, Item(fields)) in items.iter().enumerate() {
        s.push_str("  {\n");
        for (j, (k, v)) in fields.iter().enumerate() {
            let comma = if j + 1 < fields.len() { "," } else { "" };
            let v = serde_json::to_string(v).unwrap_or_default();
            s.push_str(&format!("    \"{k}\": {v}{comma}\n"));
        }
        s.push_str(if i + 1 < items.len() {
            "  },\n"
        } else {
            "  }\n"
        });
    }
    s.push_str("]\n");
    s
}

/// `M. T. Desrosiers` → family and given names; lower-case words before the family name are
/// its particle (`B. J. de Cologan`); a single name is a family name.
fn name(n: &str) -> Value {
    let words: Vec<&str> = n.split_whitespace().collect();
    let Some((last, before)) = words.split_last() else {
        return json!({ "family": n.trim() });
    };
    let particles = before
        .iter()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    let (given, particle) = before.split_at(before.len() - particles);
    let mut m = serde_json::Map::new();
    m.insert("family".into(), json!(last));
    if !given.is_empty() {
        m.insert("given".into(), json!(given.join(" ")));
    }
    if !particle.is_empty() {
        m.insert("non-dropping-particle".into(), json!(particle.join(" ")));
    }
    Value::Object(m)
}

fn iso_parts(date: &str) -> Option<Vec<u32>> {
    let parts: Vec<u32> = date
        .split('-')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    (parts.len() == 3).then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::SourceFields;

    #[test]
    fn nothing_unknown_is_written() {
        let s = Source::new(SourceFields {
            title: "Notes",
            fingerprint: "abcd",
            ..SourceFields::default()
        });
        let text = to_string(vec![item(&s, &Pinpoint::None, &[], "2026-11-29")]);
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            v,
            json!([{"id": "memcon-abcd", "type": "document", "title": "Notes"}])
        );
    }
}
