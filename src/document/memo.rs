//! The memo's own header at the top of the transcript: heading, classification, place and
//! date, the `Present:` roster, `Subject:`, `From`/`To` and the salutation.

use super::dates::find_date;
use super::lines::{Classified, body_block, head, name_like, numbered, page_marker, prose};
use super::text::word_count;
use super::units::Unit;
use super::{Block, BlockKind, Participant};

/// Markings that head classified documents. Upper-case ones may share a line with the place.
const MARKINGS: [&str; 14] = [
    "TOP SECRET",
    "STRICTLY CONFIDENTIAL",
    "PERSONAL AND CONFIDENTIAL",
    "CONFIDENTIAL",
    "SECRET",
    "RESTRICTED",
    "UNCLASSIFIED",
    "EYES ONLY",
    "NOFORN",
    "LIMITED OFFICIAL USE",
    "FOR OFFICIAL USE ONLY",
    "PERSONAL",
    "URGENT",
    "IMMEDIATE",
];

/// `(marking, rest)` when `t` starts with a classification marking.
fn classification(t: &str) -> Option<(String, &str)> {
    if t.len() > 120 {
        return None;
    }
    if let Some(rest) = copy_number(t) {
        return Some((t[..t.len() - rest.len()].trim().to_string(), rest.trim()));
    }
    for m in MARKINGS {
        let Some(marking) = t.get(..m.len()).filter(|p| p.eq_ignore_ascii_case(m)) else {
            continue;
        };
        let rest = &t[m.len()..];
        if !rest.is_empty() && !rest.starts_with([' ', ',', '/', '-', '—']) {
            continue;
        }
        let all_caps_line = !t.chars().any(char::is_lowercase);
        if all_caps_line && word_count(t) <= 8 {
            return Some((t.to_string(), ""));
        }
        let is_caps = marking == m;
        let rest_ok = rest.trim().is_empty()
            || (is_caps
                && word_count(rest) <= 4
                && rest.trim().starts_with(|c: char| c.is_uppercase()));
        if rest_ok {
            return Some((marking.to_string(), rest.trim()));
        }
    }
    None
}

/// `Copy No. 2` (and whatever follows it on the line).
fn copy_number(t: &str) -> Option<&str> {
    let lower = t.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("copy no.")
        .or_else(|| lower.strip_prefix("copy no"))
        .or_else(|| lower.strip_prefix("copy"))?;
    let skip = rest.len() - rest.trim_start().len();
    let digits = rest[skip..].bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0).then(|| &t[t.len() - rest.len() + skip + digits..])
}

const SALUTATIONS: [&str; 9] = [
    "dear ",
    "my dear ",
    "sir",
    "sirs",
    "gentlemen",
    "madam",
    "excellency",
    "your excellency",
    "mr. president",
];

/// A salutation on its own line (`Dear Mr. Halvorsen,`), or at the head of the first
/// paragraph (`My Dear Mr. Porter: I learn ...`): returns its length in bytes.
fn salutation(t: &str) -> Option<usize> {
    let lower = head(t, 80).to_lowercase();
    if !SALUTATIONS.iter().any(|s| lower.starts_with(s)) {
        return None;
    }
    if word_count(t) <= 8 && t.ends_with([',', ':']) {
        return Some(t.len());
    }
    let colon = head(t, 80).find(':')?;
    (colon <= 60 && word_count(&t[..colon]) <= 6).then_some(colon + 1)
}

fn labelled<'t>(t: &'t str, labels: &[&str]) -> Option<&'t str> {
    for l in labels {
        if let Some(rest) = t.strip_prefix(l) {
            let rest_trim = rest.trim_start_matches([':', '.']);
            let had_sep = rest_trim.len() < rest.len() || rest.starts_with(' ');
            if had_sep {
                return Some(rest_trim.trim());
            }
        }
    }
    None
}

fn present_label(t: &str) -> Option<&str> {
    let rest = labelled(t, &["Present", "PRESENT", "Participants", "PARTICIPANTS"])?;
    let colon = t.contains(':');
    colon.then_some(rest)
}

fn subject_label(t: &str) -> Option<&str> {
    labelled(t, &["Subject", "SUBJECT", "Subj", "SUBJ", "Re:", "RE:"])
        .filter(|_| t.contains(':') || t.starts_with("Subject") || t.starts_with("SUBJECT"))
}

/// The memo header at the top; returns the index of the first body unit.
pub(super) fn header(units: &[Unit], out: &mut Classified) -> usize {
    let mut i = 0;
    while i < units.len() {
        let u = &units[i];
        let t = u.text.as_str();
        if i == 0 && title_line(t) {
            i += 1;
            out.memo.heading = Some(t.to_string());
            out.blocks.push(Block::new(BlockKind::Heading, t));
            continue;
        }
        if let Some(n) = inline_dateline(t) {
            // `La Paz, July 24, 1934. Please inform ...`: the dateline heads the paragraph.
            i += 1;
            dateline(t[..n].trim(), out);
            out.blocks.push(body_block(t[n..].trim().to_string()));
            break;
        }
        if prose(t) || numbered(t).is_some() {
            break;
        }
        i += 1;
        if let Some((marking, rest)) = classification(t) {
            out.memo.classification.push(marking.clone());
            out.blocks
                .push(Block::new(BlockKind::Classification, marking));
            if !rest.is_empty() {
                dateline(rest, out);
            }
        } else if let Some(first) = present_label(t) {
            i = present(units, i, first, out);
        } else if let Some(s) = subject_label(t) {
            out.memo.subject = Some(s.to_string());
            out.blocks.push(Block::new(BlockKind::Subject, t));
        } else if let Some(rest) = labelled(t, &["From", "FROM"]).filter(|_| t.len() <= 120) {
            let (from, to) = split_route(rest);
            out.memo.from = Some(from.to_string());
            if out.memo.to.is_none() {
                out.memo.to = to.map(str::to_string);
            }
            out.blocks.push(Block::new(BlockKind::From, t));
        } else if let Some(rest) = labelled(t, &["To", "TO"]).filter(|_| t.len() <= 120) {
            out.memo.to = Some(rest.to_string());
            out.blocks.push(Block::new(BlockKind::To, t));
        } else if page_marker(t) {
            out.blocks.push(Block::new(BlockKind::PageMarker, t));
        } else if let Some(n) = salutation(t) {
            let (greeting, rest) = t.split_at(n);
            out.memo.salutation = Some(greeting.trim().to_string());
            out.blocks
                .push(Block::new(BlockKind::Salutation, greeting.trim()));
            if !rest.trim().is_empty() {
                out.blocks.push(body_block(rest.trim().to_string()));
            }
            break;
        } else if t.len() <= 100 && word_count(t) <= 12 && find_date(t).is_some() {
            dateline(t, out);
        } else if out.memo.heading.is_none() && t.len() <= 200 && !t.ends_with(',') {
            out.memo.heading = Some(t.to_string());
            out.blocks.push(Block::new(BlockKind::Heading, t));
        } else {
            out.blocks.push(body_block(t.to_string()));
        }
    }
    i
}

/// A document title repeated as the transcript's first line (`The Secretary of State to the
/// Chairman of the Committee ... (Porter)`): long, but not a sentence.
fn title_line(t: &str) -> bool {
    t.len() <= 300
        && word_count(t) <= 50
        && t.starts_with(|c: char| c.is_uppercase())
        && !t.ends_with(['.', ':', ',', ';'])
        && classification(t).is_none()
        && present_label(t).is_none()
        && find_date(t).is_none()
        && (t.contains(" to ") || t.starts_with("Memorandum") || t.ends_with(')'))
}

/// Length of a dateline that opens a paragraph: `Place, Month D, YYYY. `.
fn inline_dateline(t: &str) -> Option<usize> {
    let d = find_date(head(t, 80))?;
    let place = &t[..d.start];
    let rest = &t[d.end..];
    let ok = d.start <= 40
        && word_count(place) <= 4
        && place.trim_end().ends_with(',')
        && place.starts_with(|c: char| c.is_uppercase() || c == '[')
        && rest.starts_with(". ")
        && word_count(rest) > 3;
    ok.then_some(d.end + 1)
}

/// `From HARBIN to MOSCOW` → (`HARBIN`, `MOSCOW`).
fn split_route(rest: &str) -> (&str, Option<&str>) {
    for sep in [" to ", " TO "] {
        if let Some((a, b)) = rest.split_once(sep) {
            return (a.trim(), Some(b.trim()));
        }
    }
    (rest, None)
}

const NOT_PLACES: [&str; 9] = [
    "Conversation",
    "Dated",
    "Date",
    "Meeting",
    "Memorandum",
    "Sent",
    "Received",
    "Written",
    "Record",
];

/// A place and/or date line: `Moscow`, `Conversation July 3, 1945`, `[Paris,] March 25, 1919.`
fn dateline(t: &str, out: &mut Classified) {
    out.blocks.push(Block::new(BlockKind::Dateline, t));
    let (place, date) = match find_date(t) {
        Some(d) => (&t[..d.start], Some(trim_date(&t[d.start..]))),
        None => (t, None),
    };
    let place = place
        .trim()
        .trim_matches(|c: char| matches!(c, '[' | ']' | ',' | ' '))
        .trim_end_matches(',');
    let is_place = !place.is_empty()
        && word_count(place) <= 5
        && !NOT_PLACES.contains(&place)
        && !place.ends_with(':')
        && place.starts_with(|c: char| c.is_uppercase());
    if is_place && out.memo.place.is_none() {
        out.memo.place = Some(place.to_string());
    }
    if let Some(date) = date
        && out.memo.date.is_none()
    {
        out.memo.date = Some(date.to_string());
    }
}

/// A date as written, without the full stop that ends the line (`1919.`), but keeping the
/// one of an abbreviation (`10 a.m.`).
fn trim_date(s: &str) -> &str {
    let s = s.trim();
    match s.strip_suffix('.') {
        Some(head) if head.ends_with(|c: char| c.is_ascii_digit()) => head,
        _ => s,
    }
}

/// The `Present:` roster: the label's line and the lines that continue it.
fn present(units: &[Unit], mut i: usize, first: &str, out: &mut Classified) -> usize {
    let start = &units[i - 1];
    let mut lines: Vec<&str> = start.lines.iter().map(|l| l.trim()).collect();
    let mut names: Vec<&str> = Vec::new();
    if !first.is_empty() {
        names.push(first);
    }
    names.extend(lines.iter().skip(1).copied());
    let one_per_line = units.iter().all(|x| x.group == start.group);
    while let Some(u) = units.get(i) {
        let t = u.text.as_str();
        let same_group = u.group == start.group;
        let roster_line = t.len() <= 100
            && !prose(t)
            && subject_label(t).is_none()
            && present_label(t).is_none()
            && classification(t).is_none()
            && find_date(t).is_none()
            && salutation(t).is_none()
            && !t.ends_with(':');
        // In a blank-line layout the roster is its group; otherwise its run of short lines.
        let continues = if same_group {
            true
        } else {
            one_per_line && roster_line && name_like(t.split(',').next().unwrap_or(t))
        };
        if !continues || !roster_line {
            break;
        }
        lines.extend(u.lines.iter().map(|l| l.trim()));
        names.extend(u.lines.iter().map(|l| l.trim()));
        i += 1;
    }
    for entry in names.iter().flat_map(|n| n.split(';')) {
        let entry = entry.trim().trim_end_matches(['.', ',']);
        if entry.is_empty() {
            continue;
        }
        let (name, role) = match entry.split_once(", ").or_else(|| entry.split_once(" - ")) {
            Some((n, r)) => (n.trim(), Some(r.trim().to_string())),
            None => (entry, None),
        };
        out.memo.present.push(Participant {
            name: name.to_string(),
            role,
        });
    }
    out.blocks
        .push(Block::new(BlockKind::Present, lines.join("\n")));
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_markings() {
        assert_eq!(
            classification("TOP SECRET Moscow"),
            Some(("TOP SECRET".into(), "Moscow"))
        );
        assert_eq!(
            classification("Copy No. 2"),
            Some(("Copy No. 2".into(), ""))
        );
        assert_eq!(
            classification("CONFIDENTIAL"),
            Some(("CONFIDENTIAL".into(), ""))
        );
        assert_eq!(classification("Secret talks were held in the spring"), None);
        assert_eq!(classification("SECRETARY OF STATE"), None);
    }

    #[test]
    fn salutations() {
        assert_eq!(salutation("Dear Mr. Halvorsen,"), Some(19));
        assert_eq!(salutation("My Dear Mr. Porter: I learn that"), Some(19));
        assert_eq!(salutation("Dear as it was, the price rose."), None);
    }
}
