//! `memcon entities`: the people, places and organizations a document names, as a table or
//! as JSON.

use super::{open, stdout_result, warn};
use crate::document::Document;
use crate::document::sanitize::{JsonEscapes, for_terminal};
use crate::entities::Entity;
use crate::entities::output::to_json;
use crate::paths::Dirs;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

pub fn run(path: Option<&Path>, json: bool, dirs: &Dirs) -> Result<ExitCode, String> {
    let doc = open(path)?;
    let entities = crate::entities::extract_for_user(&doc, dirs.alias_file().as_deref(), warn);
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
    mut out: impl std::io::Write,
) -> std::io::Result<()> {
    if json {
        // Escapes for what a terminal would act on (names from the user's alias file).
        let mut out = std::io::BufWriter::new(JsonEscapes::new(out));
        serde_json::to_writer_pretty(&mut out, &to_json(doc, entities))?;
        out.write_all(b"\n")?;
        out.flush()
    } else {
        out.write_all(for_terminal(&table(entities)).as_bytes())?;
        out.flush()
    }
}
