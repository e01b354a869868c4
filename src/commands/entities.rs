//! `memcon entities`: the people, places and organizations a document names, as a table or
//! as JSON.

use super::{open, stdout_result, warn};
use crate::document::Document;
use crate::document::sanitize::for_terminal;
use crate::entities::output::to_json;
use crate::entities::{Entity, stops};
use crate::paths::Dirs;
use crate::source::Limits;
use std::path::Path;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

pub fn run(
    path: Option<&Path>,
    json: bool,
    dirs: &Dirs,
    limits: &Limits,
) -> Result<ExitCode, String> {
    if let Some(dir) = path.filter(|p| p.is_dir()) {
        return collection(dir, json, dirs, limits);
    }
    let doc = open(path, limits)?;
    let aliases = dirs.alias_file().map(|p| (p, limits.alias_file));
    let entities = crate::entities::extract_for_user(&doc, aliases, warn);
    let out = std::io::stdout().lock();
    stdout_result(write(&doc, &entities, json, out))
}

/// `memcon entities DIR`: the collection's entities with their documents and mentions.
fn collection(dir: &Path, json: bool, dirs: &Dirs, limits: &Limits) -> Result<ExitCode, String> {
    let roots = [dir.to_path_buf()];
    let (_, table) = super::collection::entities(&roots, dirs, limits)?;
    if !json {
        return super::print(&collection_table(&table));
    }
    let rows: Vec<CollectionEntityJson> = table
        .entities
        .iter()
        .map(|e| CollectionEntityJson {
            kind: e.kind,
            name: &e.name,
            aliases: &e.aliases,
            documents: e.docs.len(),
            mentions: e.mentions,
        })
        .collect();
    stdout_result(super::write_json(std::io::stdout().lock(), &rows))
}

/// One entity of `memcon entities DIR --json`. Field names are a public interface.
#[derive(Debug, serde::Serialize)]
pub struct CollectionEntityJson<'a> {
    pub kind: crate::entities::EntityKind,
    pub name: &'a str,
    pub aliases: &'a [String],
    /// Documents that mention it.
    pub documents: usize,
    /// Mentions in their transcripts.
    pub mentions: usize,
}

/// The collection's entities as a table: kind, name, documents, mentions, aliases.
fn collection_table(table: &crate::corpus::EntityTable) -> String {
    let name_w = table
        .entities
        .iter()
        .map(|e| e.name.width())
        .max()
        .unwrap_or(0)
        .clamp("NAME".len(), 40);
    let mut out = format!(
        "{:<12}  {:<name_w$}  {:>5}  {:>8}  ALIASES\n",
        "KIND", "NAME", "DOCS", "MENTIONS"
    );
    for e in &table.entities {
        let name = for_terminal(&e.name);
        let pad = name_w.saturating_sub(name.width());
        out.push_str(&format!(
            "{:<12}  {name}{}  {:>5}  {:>8}  {}\n",
            e.kind.as_str(),
            " ".repeat(pad),
            e.docs.len(),
            e.mentions,
            for_terminal(&e.aliases.join(", "))
        ));
    }
    out
}

/// A plain table, one entity per line: kind, name, the places in the transcript that name it
/// (`TEXT`: a name and its gloss once, as the reader counts and walks them), its mentions in
/// the metadata fields (`META`), aliases.
pub fn table(doc: &Document, entities: &[Entity]) -> String {
    let name_w = entities
        .iter()
        .map(|e| e.name.width())
        .max()
        .unwrap_or(0)
        .max("NAME".len());
    let mut out = format!(
        "{:<12}  {:<name_w$}  {:>4}  {:>4}  ALIASES\n",
        "KIND", "NAME", "TEXT", "META"
    );
    for e in entities {
        let pad = name_w - e.name.width().min(name_w);
        out.push_str(&format!(
            "{:<12}  {}{}  {:>4}  {:>4}  {}\n",
            e.kind.as_str(),
            e.name,
            " ".repeat(pad),
            stops::in_text(e, doc).len(),
            stops::in_metadata(e),
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
    mut out: impl std::io::Write,
) -> std::io::Result<()> {
    if json {
        super::write_json_with(out, |j| to_json(doc, entities).write(j))
    } else {
        out.write_all(for_terminal(&table(doc, entities)).as_bytes())?;
        out.flush()
    }
}
