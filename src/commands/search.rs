//! `memcon search DIR PATTERN`: every match in a collection, by document in date order,
//! each with its line of context.

use super::collection::{self, shown};
use crate::corpus::search::{DocMatches, kwic};
use crate::corpus::{Options, date_order};
use crate::paths::Dirs;
use crate::search::{Matcher, Query};
use crate::source::Limits;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

/// Characters of context on each side of a match.
const CONTEXT: usize = 40;

pub fn run(
    dir: &PathBuf,
    pattern: &str,
    regex: bool,
    json: bool,
    dirs: &Dirs,
    limits: &Limits,
) -> Result<ExitCode, String> {
    let query = if regex {
        Query::regex(pattern)
    } else {
        Query::plain(pattern)
    };
    let matcher = Matcher::new(&query).map_err(|e| format!("{}: {e}", shown(pattern)))?;
    let options = Options {
        texts: true,
        rebuild: false,
    };
    let (c, _) = collection::open(std::slice::from_ref(dir), dirs, limits, options)?;
    let order = date_order(&c.docs);
    let mut hits: Vec<DocMatches> = Vec::new();
    crate::corpus::search::search(&c.texts, &order, &matcher, &AtomicBool::new(false), |m| {
        hits.push(m)
    });
    let docs: Vec<DocJson> = hits
        .iter()
        .map(|h| {
            let d = &c.docs[h.doc];
            let text = c.texts[h.doc].as_deref();
            DocJson {
                path: shown(&d.file.shown),
                title: shown(d.title()),
                date: d.metadata.date.as_deref(),
                date_iso: d.date_iso(),
                record_id: d.record_id.as_deref(),
                count: h.ranges.len(),
                matches: h
                    .ranges
                    .iter()
                    .map(|r| {
                        let block = text.map_or("", |t| t.block(r.block));
                        let k = kwic(block, r.start, r.end, CONTEXT, CONTEXT);
                        MatchJson {
                            block: r.block,
                            start: r.start,
                            end: r.end,
                            text: shown(&k.hit),
                            before: shown(&k.before),
                            after: shown(&k.after),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let total = docs.iter().map(|d| d.count).sum();
    let report = Report {
        pattern,
        regex,
        total,
        documents: docs,
    };
    let code = super::stdout_result(write(&report, json, std::io::stdout().lock()))?;
    if report.documents.is_empty() {
        return Ok(ExitCode::FAILURE);
    }
    Ok(code)
}

/// What `memcon search --json` prints. Field names are a public interface.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub pattern: &'a str,
    pub regex: bool,
    /// Matches in all documents.
    pub total: usize,
    /// Documents with matches, in date order.
    pub documents: Vec<DocJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct DocJson<'a> {
    pub path: String,
    pub title: String,
    pub date: Option<&'a str>,
    pub date_iso: Option<&'a str>,
    pub record_id: Option<&'a str>,
    pub count: usize,
    pub matches: Vec<MatchJson>,
}

/// One match: `block` as in `memcon export`, byte offsets into its text, the text matched
/// and some words on each side.
#[derive(Debug, Serialize)]
pub struct MatchJson {
    pub block: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub before: String,
    pub after: String,
}

fn write(report: &Report, json: bool, out: impl Write) -> std::io::Result<()> {
    if json {
        return super::write_json(out, report);
    }
    let mut out = std::io::BufWriter::new(out);
    for d in &report.documents {
        writeln!(
            out,
            "{}  {}  {} match{}  {}",
            d.path,
            d.date_iso.unwrap_or("undated"),
            d.count,
            if d.count == 1 { "" } else { "es" },
            d.title
        )?;
        for m in &d.matches {
            writeln!(
                out,
                "  {}:{}  …{}[{}]{}…",
                m.block, m.start, m.before, m.text, m.after
            )?;
        }
    }
    out.flush()
}
