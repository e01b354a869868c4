//! `memcon entities`: the people, places and organizations a document names, as a table or
//! as JSON.

use super::{open, stdout_result, warn};
use crate::document::Document;
use crate::document::sanitize::{JsonEscapes, for_terminal};
use crate::entities::output::to_json;
use crate::entities::{Entity, stops};
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
        // Escapes for what a terminal would act on (names from the user's alias file).
        let mut out = std::io::BufWriter::new(JsonEscapes::new(out));
        serde_json::to_writer_pretty(&mut out, &to_json(doc, entities))?;
        out.write_all(b"\n")?;
        out.flush()
    } else {
        out.write_all(for_terminal(&table(doc, entities)).as_bytes())?;
        out.flush()
    }
}
