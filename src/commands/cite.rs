//! `memcon cite [FILE] [--paragraph N] --format chicago|bibtex|csl-json|ris`.

use super::{open, print};
use crate::bookmarks::{ParagraphIndex, Timestamp};
use crate::cite::{Pinpoint, Source, bibtex, chicago, csl, ris};
use crate::cli::CiteFormat;
use crate::source::Limits;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    file: Option<&Path>,
    paragraph: Option<usize>,
    format: CiteFormat,
    limits: &Limits,
) -> Result<ExitCode, String> {
    let doc = open(file, limits)?;
    let pin = match paragraph {
        None => Pinpoint::None,
        Some(n) => {
            let paragraphs = ParagraphIndex::new(&doc);
            if paragraphs.block_of(n).is_none() {
                let shown = file.map_or("the bundled memo".into(), |p| p.display().to_string());
                return Err(format!(
                    "{shown}: there is no paragraph {n} (the document has {} paragraphs)",
                    paragraphs.count()
                ));
            }
            Pinpoint::Paragraphs(n, n)
        }
    };
    print(&text(
        &Source::of(&doc),
        &pin,
        format,
        &Timestamp::now().date(),
    ))
}

/// The citation of `source` in `format`, accessed on `accessed` (`YYYY-MM-DD`).
pub fn text(source: &Source, pin: &Pinpoint, format: CiteFormat, accessed: &str) -> String {
    match format {
        CiteFormat::Chicago if *pin == Pinpoint::None => chicago::bibliography(source) + "\n",
        CiteFormat::Chicago => chicago::note(source, pin) + "\n",
        CiteFormat::Bibtex => bibtex::entry(source, &bibtex::key(source), pin, &[], accessed),
        CiteFormat::CslJson => csl::to_string(vec![csl::item(source, pin, &[], accessed)]),
        CiteFormat::Ris => ris::record(source, pin, &[], accessed),
    }
}
