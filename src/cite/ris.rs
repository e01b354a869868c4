//! RIS, the tagged format EndNote, Zotero and Mendeley import: `TY  - MANSCPT` for a
//! document in an archive (`GEN` otherwise), then `TI`, `AU`, `A4` (translator), `DA`
//! (`1945/07/03/`), `PY`, `DB` (the archive), `AV` (the place in it), `AN` (the record
//! id), `UR`, `Y2` (accessed), `N1` (notes), `LA` (original language), `ER`. Values are
//! single lines; tags with nothing to say are left out.

use super::{Pinpoint, Source, chicago, without_stop};
use std::fmt::Write as _;

/// One record.
pub fn record(s: &Source, pin: &Pinpoint, notes: &[String], accessed: &str) -> String {
    let a = s.archival();
    let mut out = String::new();
    let mut tag = |t: &str, v: &str| {
        let v = super::one_line(v);
        if !v.is_empty() {
            let _ = writeln!(out, "{t}  - {v}");
        }
    };
    tag(
        "TY",
        if a.archive.is_some() {
            "MANSCPT"
        } else {
            "GEN"
        },
    );
    tag("TI", &s.title);
    if let Some(author) = &s.author {
        tag("AU", &ris_name(author));
    }
    for t in &s.translators {
        tag("A4", &ris_name(t));
    }
    let parts = s.date_parts();
    if let Some(y) = parts.first() {
        let mut da = format!("{y:04}/");
        for p in &parts[1..] {
            da.push_str(&format!("{p:02}/"));
        }
        tag("DA", &da);
        tag("PY", &format!("{y:04}"));
    }
    if let Some(archive) = &a.archive {
        tag("DB", without_stop(archive));
    }
    if let Some(location) = &a.location {
        tag("AV", without_stop(location));
    }
    if let Some(id) = &s.record_id {
        tag("AN", id);
    }
    if let Some(url) = &s.url {
        tag("UR", url);
        if !accessed.is_empty() {
            tag("Y2", &accessed.replace('-', "/"));
        }
    }
    if let Some(lang) = &s.original_language {
        tag("LA", lang);
    }
    let mut n1: Vec<String> = a.other_statements().map(str::to_string).collect();
    n1.extend(chicago::translation(s).map(|t| format!("{t}.")));
    let pin = pin.text();
    if !pin.is_empty() {
        n1.push(format!("Cited at {pin}."));
    }
    if !n1.is_empty() {
        tag("N1", &n1.join(" "));
    }
    for n in notes {
        tag("N1", n);
    }
    // `ER  - ` ends a record: nothing after the dash but the space.
    out.push_str("ER  - \n");
    out
}

/// `Family, Given` as RIS wants it (`de Cologan, B. J.`).
fn ris_name(name: &str) -> String {
    super::bibtex::last_first(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::SourceFields;

    #[test]
    fn a_bare_record_has_a_type_a_title_and_an_end() {
        let s = Source::new(SourceFields {
            title: "Notes\non Yalta",
            ..SourceFields::default()
        });
        assert_eq!(
            record(&s, &Pinpoint::None, &[], "2026-11-29"),
            "TY  - GEN\nTI  - Notes on Yalta\nER  - \n"
        );
    }
}
