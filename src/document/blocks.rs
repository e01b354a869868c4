//! Units → blocks: the memo header at the top, then paragraphs, numbered items, page markers,
//! the closing and signature, and the footnotes at the end.

use super::dates::find_date;
use super::text::word_count;
use super::units::Unit;
use super::{Block, BlockKind, Footnote, Memo, Participant, Signature};

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

/// `(number, text after it)` for a numbered item: `1. `, `12) `, `(2) `, `(b) `, `a) `.
pub fn numbered(t: &str) -> Option<(&str, &str)> {
    let (num, rest) = if let Some(inner) = t.strip_prefix('(') {
        let close = inner.find(')')?;
        let n = &inner[..close];
        let ok = (1..=3).contains(&n.len())
            && (n.bytes().all(|b| b.is_ascii_digit())
                || (n.len() == 1 && n.bytes().all(|b| b.is_ascii_lowercase()))
                || n.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')));
        if !ok {
            return None;
        }
        (n, &inner[close + 1..])
    } else {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let (n, rest) = if digits > 0 {
            if digits > 3 {
                return None;
            }
            (&t[..digits], &t[digits..])
        } else {
            let first = t.bytes().next()?;
            if !first.is_ascii_lowercase() || !t[1..].starts_with(')') {
                return None;
            }
            (&t[..1], &t[1..])
        };
        let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
        (n, rest)
    };
    let body = rest.strip_prefix(' ')?.trim_start();
    (!body.is_empty() && !body.starts_with(|c: char| c.is_ascii_digit())).then_some((num, body))
}

/// `(p. 1)`, `[p. 2]`, `Page 3`, `- 4 -`.
fn page_marker(t: &str) -> bool {
    let inner = t
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .or_else(|| t.strip_prefix('[').and_then(|s| s.strip_suffix(']')))
        .or_else(|| t.strip_prefix('-').and_then(|s| s.strip_suffix('-')))
        .unwrap_or(t)
        .trim();
    let lower = inner.to_ascii_lowercase();
    let num = lower
        .strip_prefix("p.")
        .or_else(|| lower.strip_prefix("page"))
        .or_else(|| lower.strip_prefix("p"))
        .unwrap_or(if t.starts_with('-') { &lower } else { "" })
        .trim();
    !num.is_empty() && num.len() <= 4 && num.bytes().all(|b| b.is_ascii_digit())
}

const CLOSINGS: [&str; 16] = [
    "yours sincerely",
    "yours faithfully",
    "yours truly",
    "yours very truly",
    "very truly yours",
    "very respectfully",
    "sincerely",
    "faithfully yours",
    "respectfully",
    "cordially",
    "cordial greetings",
    "with best regards",
    "with kind regards",
    "best regards",
    "i am [etc.]",
    "i have the honor to be",
];

fn closing(t: &str) -> bool {
    t.len() <= 80 && {
        let lower = t.to_lowercase();
        CLOSINGS.iter().any(|c| lower.starts_with(c))
    }
}

/// The first `n` bytes of `t` (fewer, to end on a character boundary).
fn head(t: &str, n: usize) -> &str {
    if t.len() <= n {
        return t;
    }
    let mut end = n;
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    &t[..end]
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

/// Does this unit read like running prose rather than a header line?
fn prose(t: &str) -> bool {
    let words = word_count(t);
    t.len() > 200 || words > 25 || (t.ends_with(['.', '?', '!']) && words > 12)
}

/// A name or title line as signed at the foot of a letter.
fn name_like(t: &str) -> bool {
    const PARTICLES: [&str; 13] = [
        "de", "van", "von", "v.", "der", "la", "le", "du", "da", "of", "and", "the", "y",
    ];
    let t = t.trim_end_matches(['.', ',']);
    !t.is_empty()
        && t.len() <= 60
        && word_count(t) <= 6
        && !t.ends_with([':', '?'])
        && t.split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || PARTICLES.contains(&w))
}

fn is_footnotes_heading(t: &str) -> bool {
    t.len() <= 12
        && matches!(
            t.trim_end_matches(':').to_ascii_lowercase().as_str(),
            "footnotes" | "notes" | "endnotes"
        )
}

/// `(label, text)` of a footnote line: `[1] text`, `1. text`, `* text`.
fn footnote_line(t: &str, bracketed_only: bool) -> Option<(&str, &str)> {
    if let Some(inner) = t.strip_prefix('[') {
        let close = inner.find(']')?;
        let label = &inner[..close];
        let ok = (1..=3).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit());
        return ok.then(|| (label, inner[close + 1..].trim()));
    }
    if bracketed_only {
        return None;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) && t[digits..].starts_with(". ") {
        return Some((&t[..digits], t[digits + 2..].trim()));
    }
    None
}

/// Everything the classifier produces.
#[derive(Default)]
pub struct Classified {
    pub blocks: Vec<Block>,
    pub memo: Memo,
    pub footnotes: Vec<Footnote>,
}

/// Classify the transcript's units.
pub fn classify(mut units: Vec<Unit>) -> Classified {
    let mut out = Classified::default();
    let notes_at = split_footnotes(&units);
    let (body_units, note_units) = units.split_at_mut(notes_at.0);
    let mut i = header(body_units, &mut out);
    out.blocks.reserve(body_units.len() - i);
    while i < body_units.len() {
        // The unit's text moves into its block: no copy of a large document's body.
        let text = std::mem::take(&mut body_units[i].text);
        out.blocks.push(body_block(text));
        i += 1;
    }
    let note_units = &note_units[notes_at.1 - notes_at.0..];
    signature(&mut out);
    footnotes(note_units, &mut out);
    out
}

fn body_block(text: String) -> Block {
    let t = text.as_str();
    if page_marker(t) {
        Block::new(BlockKind::PageMarker, text)
    } else if let Some((n, _)) = numbered(t) {
        let number = Some(n.to_string());
        let mut b = Block::new(BlockKind::Numbered, text);
        b.number = number;
        b
    } else if closing(t) {
        Block::new(BlockKind::Closing, text)
    } else {
        Block::new(BlockKind::Paragraph, text)
    }
}

/// Where the footnotes are: `(end of the body, first footnote)`, the units between being a
/// `Footnotes:` heading; both are `units.len()` when there are none.
fn split_footnotes(units: &[Unit]) -> (usize, usize) {
    if let Some(h) = units.iter().rposition(|u| is_footnotes_heading(&u.text))
        && units
            .get(h + 1)
            .is_some_and(|u| footnote_line(&u.text, false).is_some())
    {
        return (h, h + 1);
    }
    let mut start = units.len();
    while start > 0 && footnote_line(&units[start - 1].text, true).is_some() {
        start -= 1;
    }
    // Never take the whole document for footnotes.
    if start == 0 {
        start = units.len();
    }
    (start, start)
}

fn footnotes(units: &[Unit], out: &mut Classified) {
    for u in units {
        match footnote_line(&u.text, false) {
            Some((label, text)) => {
                let mut b = Block::new(BlockKind::Footnote, text);
                b.number = Some(label.to_string());
                out.footnotes.push(Footnote {
                    label: label.to_string(),
                    block: out.blocks.len(),
                    text: text.to_string(),
                });
                out.blocks.push(b);
            }
            None => {
                // A continuation of the previous footnote.
                if let (Some(f), Some(b)) = (out.footnotes.last_mut(), out.blocks.last_mut()) {
                    b.text.push(' ');
                    b.text.push_str(&u.text);
                    f.text = b.text.clone();
                }
            }
        }
    }
}

/// The memo header at the top; returns the index of the first body unit.
fn header(units: &[Unit], out: &mut Classified) -> usize {
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

/// Turn the trailing name lines of the body into the signature.
fn signature(out: &mut Classified) {
    let end = out.blocks.len();
    let mut start = end;
    while start > 0 && end - start < 3 {
        let b = &out.blocks[start - 1];
        if b.kind != BlockKind::Paragraph || !name_like(&b.text) {
            break;
        }
        start -= 1;
    }
    // Something must precede a signature, and it is not the only paragraph of the body.
    let has_body = out.blocks[..start].iter().any(|b| {
        matches!(
            b.kind,
            BlockKind::Paragraph | BlockKind::Numbered | BlockKind::Closing
        )
    });
    if start == end || !has_body {
        return;
    }
    let lines: Vec<String> = out.blocks.drain(start..).map(|b| b.text).collect();
    let title = (lines.len() > 1).then(|| lines[1..].join(", "));
    out.memo.signature = Some(Signature {
        name: lines[0].trim_end_matches(',').to_string(),
        title,
    });
    out.blocks
        .push(Block::new(BlockKind::Signature, lines.join("\n")));
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
    fn numbered_items() {
        assert_eq!(numbered("1. Traffic on the"), Some(("1", "Traffic on the")));
        assert_eq!(
            numbered("(2) That agreements"),
            Some(("2", "That agreements"))
        );
        assert_eq!(numbered("b) the rest"), Some(("b", "the rest")));
        assert_eq!(numbered("1945. The year"), None);
        assert_eq!(numbered("3.5 per cent"), None);
    }

    #[test]
    fn page_markers() {
        assert!(page_marker("(p. 1)"));
        assert!(page_marker("[p. 12]"));
        assert!(page_marker("Page 3"));
        assert!(page_marker("- 4 -"));
        assert!(!page_marker("(pending)"));
        assert!(!page_marker("Paris"));
    }

    #[test]
    fn salutations() {
        assert_eq!(salutation("Dear Mr. Halvorsen,"), Some(19));
        assert_eq!(salutation("My Dear Mr. Porter: I learn that"), Some(19));
        assert_eq!(salutation("Dear as it was, the price rose."), None);
    }
}
