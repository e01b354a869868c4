//! `memcon entities`: the people, places and organizations a document names, as a table or
//! as JSON.

use super::{open, stdout_result, warn};
use crate::document::Document;
use crate::entities::Entity;
use crate::entities::output::to_json;
use crate::paths::Dirs;
use crate::source::Limits;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

pub fn run(
    path: Option<&Path>,
    json: bool,
    dirs: &Dirs,
    limits: &Limits,
) -> Result<ExitCode, String> {
    let doc = open(path, limits)?;
    let aliases = dirs.alias_file().map(|p| (p, limits.alias_file));
    let entities = crate::entities::extract_for_user(&doc, aliases, warn);
    let out = std::io::stdout().lock();
    stdout_result(write(&doc, &entities, json, out))
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
