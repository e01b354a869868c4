//! `memcon export`: the parsed document as JSON, with its entities and bookmarks.

use super::{bookmarks, bulk_stdout, open, stdout_result, warn};
use crate::paths::Dirs;
use crate::source::Limits;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    path: Option<&Path>,
    pretty: bool,
    dirs: &Dirs,
    limits: &Limits,
) -> Result<ExitCode, String> {
    let doc = open(path, limits)?;
    let marks = bookmarks::for_export(&doc, path, dirs);
    let aliases = dirs.alias_file().map(|p| (p, limits.alias_file));
    let entities = crate::entities::extract_for_user(&doc, aliases, warn);
    let export = crate::export::Export::new(&doc)
        .with_bookmarks(&marks)
        .with_entities(&doc, &entities);
    // The JSON writer escapes what a terminal would act on: the output may be read on one.
    let written = crate::export::write_export(&export, pretty, bulk_stdout());
    drop(export);
    // The process ends here: the blocks and mentions (millions of them in a large document)
    // are given back with it at once, not freed one by one first.
    std::mem::forget((doc, entities));
    stdout_result(written)
}
