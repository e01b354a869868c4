//! Bookmarks grouped per document, printed as a list, as Markdown research notes (each
//! quote with its pinpoint citation), as JSON, or as entries for a reference manager
//! (BibTeX, CSL-JSON, RIS) with the bookmarks as notes.

use super::model::{Bookmark, DocRef};
use super::placed::{ExportedBookmark, Placed};
use super::time::Timestamp;
use crate::cite::{self, Pinpoint, Source, one_line};
use crate::document::Document;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;

/// One document and its bookmarks, in reading order when the document was at hand.
#[derive(Debug, Serialize)]
pub struct Group<'a> {
    pub document: &'a DocRef,
    pub bookmarks: Vec<ExportedBookmark<'a>>,
    /// What its citations are built from: the document when it was at hand, else what the
    /// bookmarks remember of it.
    #[serde(skip)]
    pub source: Source,
}

/// The group of one document whose bookmarks were placed in its current text.
pub fn placed_group<'a>(doc: &Document, docref: &'a DocRef, placed: &'a [Placed]) -> Group<'a> {
    Group {
        document: docref,
        bookmarks: placed.iter().map(ExportedBookmark::placed).collect(),
        source: Source::of(doc),
    }
}

/// Groups for one open document whose bookmarks were placed in its current text.
pub fn for_placed<'a>(doc: &Document, docref: &'a DocRef, placed: &'a [Placed]) -> Vec<Group<'a>> {
    vec![placed_group(doc, docref, placed)]
}

/// Groups for every saved bookmark, per document (as last seen), oldest document first.
pub fn for_saved(all: &[Bookmark]) -> Vec<Group<'_>> {
    let mut groups: Vec<Vec<&Bookmark>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for b in all {
        let i = *index.entry(b.document.group_key()).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[i].push(b);
    }
    groups
        .into_iter()
        .filter_map(|mut list| {
            let document = &list.iter().max_by_key(|b| b.updated)?.document;
            list.sort_by_key(|b| (b.anchor.block, b.anchor.offset, b.created));
            Some(Group {
                document,
                bookmarks: list.into_iter().map(ExportedBookmark::saved).collect(),
                source: document.source(),
            })
        })
        .collect()
}

/// The JSON export: `{"schema": 1, "documents": [{"document": ..., "bookmarks": [...]}]}`.
pub fn json(groups: &[Group<'_>]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        schema: u32,
        documents: &'a [Group<'a>],
    }
    let out = Out {
        schema: super::file::SCHEMA,
        documents: groups,
    };
    let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
    s.push('\n');
    s
}

/// Markdown ready to paste into research notes: per document its title, date, citation and
/// URL, then each bookmark's paragraph number, quote, pinpoint citation (accessed the day
/// it was marked) and note.
pub fn markdown(groups: &[Group<'_>]) -> String {
    let mut s = String::new();
    for (i, g) in groups.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        let d = g.document;
        let _ = writeln!(s, "## {}\n", one_line(d.label()));
        if let Some(date) = &d.date {
            let _ = writeln!(s, "Date: {}  ", one_line(date));
        }
        if let Some(c) = &d.citation {
            let _ = writeln!(s, "Citation: {}  ", one_line(c));
        }
        if let Some(url) = &d.url {
            let url = url.trim().trim_start_matches('<').trim_end_matches('>');
            let _ = writeln!(s, "URL: <{url}>  ");
        }
        if let Some(p) = &d.path {
            let _ = writeln!(s, "File: {}  ", one_line(p));
        }
        for b in &g.bookmarks {
            let _ = write!(s, "\n### Paragraph {}", b.paragraph);
            if b.status == "not_found" {
                s.push_str(" (not found in this version)");
            }
            s.push_str("\n\n");
            quote_lines(&mut s, b.quote);
            let cited = cite::pinpoint::cite(&g.source, &b.pinpoint, &b.created.date());
            let _ = writeln!(s, "\n— {cited}");
            if let Some(old) = b.quote_as_marked {
                let _ = writeln!(s, "\nChanged since marked; it read:\n");
                quote_lines(&mut s, old);
            }
            if let Some(note) = b.note {
                let _ = writeln!(s, "\nNote: {}", note.trim());
            }
        }
    }
    s
}

/// Which reference manager format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    Bibtex,
    CslJson,
    Ris,
}

/// One entry per document for a reference manager, each bookmark a note on it:
/// `¶ 3: “quote” — note`. `accessed` is today's date.
pub fn references(groups: &[Group<'_>], format: Reference, accessed: &str) -> String {
    let sources: Vec<Source> = groups.iter().map(|g| g.source.clone()).collect();
    let keys = cite::bibtex::unique_keys(&sources);
    let mut items = Vec::new();
    let mut out = String::new();
    for ((g, source), key) in groups.iter().zip(&sources).zip(&keys) {
        let notes: Vec<String> = g.bookmarks.iter().map(bookmark_note).collect();
        match format {
            Reference::Bibtex => {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&cite::bibtex::entry(
                    source,
                    key,
                    &Pinpoint::None,
                    &notes,
                    accessed,
                ));
            }
            Reference::CslJson => {
                items.push(cite::csl::item(source, &Pinpoint::None, &notes, accessed));
            }
            Reference::Ris => {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&cite::ris::record(
                    source,
                    &Pinpoint::None,
                    &notes,
                    accessed,
                ));
            }
        }
    }
    if format == Reference::CslJson {
        return cite::csl::to_string(items);
    }
    out
}

/// A bookmark as a note on its document's entry.
fn bookmark_note(b: &ExportedBookmark<'_>) -> String {
    let mut s = String::new();
    let pin = b.pinpoint.text();
    if !pin.is_empty() {
        let _ = write!(s, "{pin}: ");
    }
    let _ = write!(s, "“{}”", one_line(b.quote));
    if b.status == "not_found" {
        s.push_str(" (not found in this version)");
    } else if b.changed {
        s.push_str(" (changed since marked)");
    }
    if let Some(note) = b.note {
        let _ = write!(s, " — {}", one_line(note));
    }
    s
}

/// The plain list of `memcon bookmarks list`.
pub fn list(groups: &[Group<'_>], now: Timestamp) -> String {
    let mut s = String::new();
    for g in groups {
        let d = g.document;
        let _ = write!(s, "{}", one_line(d.label()));
        if let Some(date) = &d.date {
            let _ = write!(s, " ({})", one_line(date));
        }
        s.push('\n');
        if let Some(p) = &d.path {
            let _ = writeln!(s, "  {}", one_line(p));
        }
        for b in &g.bookmarks {
            let mut quote = one_line(b.quote);
            if quote.chars().count() > 70 {
                quote = quote.chars().take(69).collect::<String>() + "…";
            }
            let missing = if b.status == "not_found" {
                "  [not found in this version]"
            } else if b.changed {
                "  [changed since marked]"
            } else {
                ""
            };
            let _ = writeln!(
                s,
                "  ¶{:<4} {}  {}  \"{quote}\"{missing}",
                b.paragraph,
                b.id,
                b.updated.age(now)
            );
            if let Some(note) = b.note {
                let _ = writeln!(s, "        note: {}", one_line(note));
            }
        }
    }
    s
}

/// A quote as Markdown block-quote lines.
fn quote_lines(s: &mut String, quote: &str) {
    for line in quote.lines() {
        let _ = writeln!(s, "> {line}");
    }
}
