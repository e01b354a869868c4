//! `memcon mentions DIR NAME`: the documents of a collection that mention an entity, with
//! counts and where each mention is.

use super::collection::{self, shown};
use crate::corpus::{CorpusEntity, DocSummary, EntityTable};
use crate::document::MetaField;
use crate::entities::EntityKind;
use crate::paths::Dirs;
use crate::source::Limits;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(
    dir: &PathBuf,
    name: &str,
    kind: Option<EntityKind>,
    json: bool,
    dirs: &Dirs,
    limits: &Limits,
) -> Result<ExitCode, String> {
    let roots = std::slice::from_ref(dir);
    let (docs, table) = collection::entities(roots, dirs, limits)?;
    let found = table.find(name, kind);
    let report = Report::new(name, &table, &found, &docs);
    let none = found.is_empty();
    let out = std::io::stdout().lock();
    let code = super::stdout_result(write(&report, json, out))?;
    drop(report);
    // Freeing thousands of small allocations just before exiting costs more than the look-up.
    std::mem::forget((docs, table));
    if none {
        super::warn(&format!(
            "no {} called {} in {}",
            kind.map_or("entity", EntityKind::as_str),
            shown(name),
            shown(&dir.display().to_string())
        ));
        return Ok(ExitCode::FAILURE);
    }
    Ok(code)
}

/// What `memcon mentions --json` prints. Field names are a public interface.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// The name asked for.
    pub name: &'a str,
    /// The entities of the collection with that name or alias.
    pub entities: Vec<EntityJson<'a>>,
    /// Every document mentioning one of them, entity by entity, in date order.
    pub documents: Vec<DocJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct EntityJson<'a> {
    pub kind: EntityKind,
    pub name: &'a str,
    pub aliases: &'a [String],
    pub documents: usize,
    pub mentions: usize,
}

#[derive(Debug, Serialize)]
pub struct DocJson<'a> {
    /// The file, relative to the collection's folder.
    pub path: String,
    pub title: &'a str,
    pub date: Option<&'a str>,
    pub date_iso: Option<&'a str>,
    pub kind: &'static str,
    pub record_id: Option<&'a str>,
    /// The entity (its collection name) these mentions are of.
    pub entity: &'a str,
    /// Mentions in the transcript.
    pub count: usize,
    /// Every mention: `block` (as in `memcon export`) or `field` (metadata), and byte
    /// offsets into that text.
    pub mentions: Vec<MentionJson>,
}

#[derive(Debug, Serialize)]
pub struct MentionJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<MetaField>,
    pub start: u32,
    pub end: u32,
}

impl<'a> Report<'a> {
    pub fn new(
        name: &'a str,
        table: &'a EntityTable,
        found: &[usize],
        docs: &'a [DocSummary],
    ) -> Self {
        let mut entities = Vec::new();
        let mut documents = Vec::new();
        for &i in found {
            let e: &CorpusEntity = &table.entities[i];
            entities.push(EntityJson {
                kind: e.kind,
                name: &e.name,
                aliases: &e.aliases,
                documents: e.docs.len(),
                mentions: e.mentions,
            });
            for h in &e.docs {
                let d = &docs[h.doc];
                documents.push(DocJson {
                    path: shown(&d.file.shown),
                    title: &d.title,
                    date: d.date.as_deref(),
                    date_iso: d.date_iso.as_deref(),
                    kind: d.kind_label(),
                    record_id: d.record_id.as_deref(),
                    entity: &e.name,
                    count: h.count,
                    mentions: h
                        .mentions
                        .iter()
                        .map(|m| MentionJson {
                            block: m.block,
                            field: m.field,
                            start: m.start,
                            end: m.end,
                        })
                        .collect(),
                });
            }
        }
        Self {
            name,
            entities,
            documents,
        }
    }
}

fn write(report: &Report, json: bool, out: impl Write) -> std::io::Result<()> {
    if json {
        return super::write_json(out, report);
    }
    let mut out = std::io::BufWriter::new(out);
    for e in &report.entities {
        let also = if e.aliases.is_empty() {
            String::new()
        } else {
            format!("; also {}", e.aliases.join(", "))
        };
        writeln!(
            out,
            "{} ({}): {} documents, {} mentions{}",
            e.name,
            e.kind.as_str(),
            e.documents,
            e.mentions,
            also
        )?;
    }
    for d in &report.documents {
        let places: Vec<String> = d
            .mentions
            .iter()
            .map(|m| match (m.block, m.field) {
                (Some(b), _) => format!("{b}:{}-{}", m.start, m.end),
                (None, Some(f)) => format!("{}:{}-{}", field_name(f), m.start, m.end),
                (None, None) => String::new(),
            })
            .collect();
        writeln!(
            out,
            "{:<10}  {:>4}  {}  {}\n            at {}",
            d.date_iso.unwrap_or("undated"),
            d.count,
            d.path,
            shown(d.title),
            places.join(", ")
        )?;
    }
    out.flush()
}

fn field_name(f: MetaField) -> String {
    serde_json::to_value(f)
        .ok()
        .and_then(|v| match v {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Object(o) => o.keys().next().cloned(),
            _ => None,
        })
        .unwrap_or_default()
}
