//! The memo's own header at the top of the transcript: heading, classification, place and
//! date, the `Present:` roster, `Subject:`, `From`/`To` and the salutation.

use super::dates::find_date;
use super::lines::{
    Classified, body_block, classification, drafted_line, for_the_record, head, labelled,
    memorandum_for, memorandum_kind, numbered, page_marker, prose, salutation, subject_label,
};
use super::roster;
use super::text::word_count;
use super::units::Unit;
use super::{Block, BlockKind, Memo};

/// A unit that can be the value of a label standing alone on the line before it.
fn label_value(u: &Unit) -> bool {
    let t: &str = &u.text;
    u.table.is_none()
        && t.len() <= 400
        && roster::label(t).is_none()
        && subject_label(t).is_none()
        && classification(t).is_none()
        && numbered(t).is_none()
}

/// The memo header at the top; returns the index of the first body unit. After an enclosure
/// marker (`enclosure`), a short first line is the enclosure's own title.
pub(super) fn header(units: &[Unit], out: &mut Classified, enclosure: bool) -> usize {
    let mut i = 0;
    while let Some(u) = units.get(i) {
        let t: &str = &u.text;
        if u.table.is_some() {
            break;
        }
        let title = if enclosure {
            enclosure_title(t)
        } else {
            title_line(t)
        };
        if i == 0 && title && memorandum_for(t).is_none() {
            i += 1;
            out.memo.heading = Some(t.to_string());
            out.blocks.push(Block::new(BlockKind::Heading, t));
            continue;
        }
        if drafted_line(t) {
            i += 1;
            out.blocks.push(Block::new(BlockKind::Drafted, t));
            continue;
        }
        if let Some((line, rest)) = inline_dateline(t).and_then(|n| t.split_at_checked(n)) {
            // `La Paz, July 24, 1934. Please inform ...`: the dateline heads the paragraph.
            i += 1;
            dateline(line.trim(), out);
            out.blocks.push(body_block(rest.trim().to_string()));
            break;
        }
        if prose(t) || numbered(t).is_some() {
            break;
        }
        i += 1;
        if memorandum_kind(t) {
            if out.memo.heading.is_none() {
                out.memo.heading = Some(t.to_string());
            }
            out.blocks.push(Block::new(BlockKind::Heading, t));
        } else if let Some(rest) = memorandum_for(t) {
            i = addressee(units, i, t, rest, out);
        } else if let Some((marking, rest)) = classification(t) {
            out.memo.classification.push(marking.clone());
            out.blocks
                .push(Block::new(BlockKind::Classification, marking));
            if !rest.is_empty() {
                dateline(rest, out);
            }
        } else if let Some(first) = roster::label(t) {
            i = roster::present(units, i, first, out);
        } else if let Some(s) = subject_label(t) {
            match units.get(i).filter(|n| s.is_empty() && label_value(n)) {
                Some(next) => {
                    // `SUBJECT` on its own line, the subject on the next.
                    i += 1;
                    out.memo.subject = Some(next.text.to_string());
                    let text = format!("{t}\n{}", next.text);
                    out.blocks.push(Block::new(BlockKind::Subject, text));
                }
                None => {
                    out.memo.subject = Some(s.to_string()).filter(|s| !s.is_empty());
                    out.blocks.push(Block::new(BlockKind::Subject, t));
                }
            }
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
        } else if t.len() <= 100
            && word_count(t) <= 12
            && !t.ends_with(':')
            && find_date(t).is_some()
        {
            // Not `Press of May 9, 1936:`, which introduces what follows.
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

/// `MEMORANDUM FOR: …` (`units[i - 1]`, with `rest` after the label): the addressee, on the
/// same line or the next; `Memorandum for the Record` is the memo's heading.
fn addressee(units: &[Unit], mut i: usize, t: &str, rest: &str, out: &mut Classified) -> usize {
    if for_the_record(rest) {
        if out.memo.heading.is_none() {
            out.memo.heading = Some(t.to_string());
        }
        out.blocks.push(Block::new(BlockKind::Heading, t));
        return i;
    }
    let next = units
        .get(i)
        .filter(|n| rest.is_empty() && label_value(n) && !prose(&n.text));
    let (to, text) = match next {
        Some(n) => {
            i += 1;
            (n.text.to_string(), format!("{t}\n{}", n.text))
        }
        None => (rest.to_string(), t.to_string()),
    };
    if !to.is_empty() {
        out.memo.to = Some(to);
    }
    out.blocks.push(Block::new(BlockKind::To, text));
    i
}

/// The first line after an enclosure marker, when it is the enclosure's title (`Draft Note
/// From the American Secretary of State to the Cuban Secretary of State`, `Freight held at
/// Manzhouli, August–September 1961`) rather than its dateline, salutation or text.
fn enclosure_title(t: &str) -> bool {
    t.len() <= 200
        && !prose(t)
        && !t.ends_with([',', ':'])
        && numbered(t).is_none()
        && classification(t).is_none()
        && salutation(t).is_none()
        && !page_marker(t)
        && !dateline_only(t)
        && roster::label(t).is_none()
        && subject_label(t).is_none()
        && memorandum_for(t).is_none()
        && t.starts_with(|c: char| c.is_uppercase() || c == '[')
}

/// A line that is a place and a date and nothing else: `Washington, May 7, 1917.`,
/// `[Paris,] March 25, 1919.`, `May 7, 1917.`
pub(super) fn dateline_only(t: &str) -> bool {
    if t.len() > 100 {
        return false;
    }
    let Some(d) = find_date(t) else {
        return false;
    };
    let (Some(after), Some(place)) = (t.get(d.end..), t.get(..d.start)) else {
        return false;
    };
    let after = after.trim_matches(|c: char| matches!(c, '.' | ']' | ' '));
    let place = place.trim();
    let place_ok = place.is_empty()
        || ((place.ends_with(',') || place.ends_with(",]"))
            && word_count(place) <= 5
            && place.starts_with(|c: char| c.is_uppercase() || c == '['));
    after.is_empty() && place_ok
}

/// A document title repeated as the transcript's first line (`The Secretary of State to the
/// Chairman of the Committee ... (Porter)`): long, but not a sentence.
fn title_line(t: &str) -> bool {
    t.len() <= 300
        && word_count(t) <= 50
        && t.starts_with(|c: char| c.is_uppercase())
        && !t.ends_with(['.', ':', ',', ';'])
        && classification(t).is_none()
        && roster::label(t).is_none()
        && find_date(t).is_none()
        && (t.contains(" to ") || t.starts_with("Memorandum") || t.ends_with(')'))
}

/// Length of a dateline that opens a paragraph: `Place, Month D, YYYY. `.
fn inline_dateline(t: &str) -> Option<usize> {
    let d = find_date(head(t, 80))?;
    let place = t.get(..d.start)?;
    let rest = t.get(d.end..)?;
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
    dateline_fields(t, &mut out.memo);
}

/// The place and date of a dateline, into `memo` where it has none yet. A dateline over two
/// lines (`White House,` / `Washington, December 11, 1901.`) reads as one.
pub(super) fn dateline_fields(t: &str, memo: &mut Memo) {
    let joined;
    let t = if t.contains('\n') {
        joined = t.replace('\n', " ");
        joined.as_str()
    } else {
        t
    };
    let (place, date) = match find_date(t) {
        Some(d) => match t.split_at_checked(d.start) {
            Some((place, date)) => (place, Some(trim_date(date))),
            None => (t, None),
        },
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
    if is_place && memo.place.is_none() {
        memo.place = Some(place.to_string());
    }
    if let Some(date) = date
        && memo.date.is_none()
    {
        memo.date = Some(date.to_string());
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
