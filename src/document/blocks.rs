//! Units → blocks: the memo header at the top (see `memo`), then paragraphs, numbered items, page markers,
//! the closing and signature, and the footnotes at the end.

use super::enclosure::marker;
use super::lines::{Classified, approved_line, body_block, name_like};
use super::memo::{dateline_fields, dateline_only, header};
use super::text::word_count;
use super::units::Unit;
use super::{Block, BlockKind, Enclosure, Footnote, Signature};

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
        let (label, rest) = inner.split_once(']')?;
        let ok = (1..=3).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit());
        return ok.then(|| (label, rest.trim()));
    }
    if bracketed_only {
        return None;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && let Some((label, rest)) = t.split_at_checked(digits)
        && let Some(body) = rest.strip_prefix(". ")
    {
        return Some((label, body.trim()));
    }
    None
}

/// Classify the transcript's units: the document itself, then each enclosure, then the
/// footnotes.
pub fn classify(mut units: Vec<Unit>) -> Classified {
    let mut out = Classified::default();
    let notes_at = split_footnotes(&units);
    let (body_units, note_units) = units.split_at_mut(notes_at.0);
    let markers: Vec<usize> = body_units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.maybe_marker && u.table.is_none() && marker(&u.text).is_some())
        .map(|(i, _)| i)
        .collect();
    let main_end = markers.first().copied().unwrap_or(body_units.len());
    let main = part(body_units.get_mut(..main_end).unwrap_or_default(), false);
    out.blocks = main.blocks;
    out.memo = main.memo;
    for (k, &m) in markers.iter().enumerate() {
        let end = markers.get(k + 1).copied().unwrap_or(body_units.len());
        let Some(unit) = body_units.get_mut(m) else {
            continue;
        };
        let text = std::mem::take(&mut unit.text);
        let label = marker(&text).unwrap_or_default().to_string();
        let block = out.blocks.len();
        out.blocks.push(Block::new(BlockKind::Enclosure, text));
        let sub = part(body_units.get_mut(m + 1..end).unwrap_or_default(), true);
        out.blocks.extend(sub.blocks);
        out.enclosures.push(Enclosure {
            label,
            block,
            end: out.blocks.len(),
            memo: sub.memo,
        });
    }
    let note_units = note_units
        .get(notes_at.1.saturating_sub(notes_at.0)..)
        .unwrap_or_default();
    footnotes(note_units, &mut out);
    out
}

/// One document or enclosure: its header, its body, its closing lines.
fn part(units: &mut [Unit], enclosure: bool) -> Classified {
    let mut out = Classified::default();
    let mut i = header(units, &mut out, enclosure);
    out.blocks.reserve(units.len().saturating_sub(i));
    while let Some(unit) = units.get_mut(i) {
        // The unit's text moves into its block: no copy of a large document's body.
        let block = match unit.table.take() {
            Some(rows) => Block::table(*rows),
            None => {
                let text = std::mem::take(&mut unit.text);
                let after_drafted = out
                    .blocks
                    .last()
                    .is_some_and(|b| b.kind == BlockKind::Drafted);
                if after_drafted && approved_line(&text) {
                    Block::new(BlockKind::Drafted, text)
                } else {
                    body_block(text)
                }
            }
        };
        out.blocks.push(block);
        i += 1;
    }
    closing_lines(&mut out);
    let drafted: Vec<&str> = out
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Drafted)
        .map(|b| b.text.as_str())
        .collect();
    out.memo.drafted = (!drafted.is_empty()).then(|| drafted.join("\n"));
    out
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
    while start > 0
        && units
            .get(start - 1)
            .is_some_and(|u| footnote_line(&u.text, true).is_some())
    {
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
                b.set_number(Some(label.to_string()));
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

/// The closing lines of a document or enclosure: after the drafting lines and page markers
/// that may end it, a closing dateline (`Washington, May 7, 1917.`) and the signature, in
/// either order.
fn closing_lines(out: &mut Classified) {
    let mut end = out.blocks.len();
    while end > 0
        && out
            .blocks
            .get(end - 1)
            .is_some_and(|b| matches!(b.kind, BlockKind::Drafted | BlockKind::PageMarker))
    {
        end -= 1;
    }
    let dated = closing_dateline(out, end);
    let signed = signature(out, dated.unwrap_or(end));
    if dated.is_none()
        && let Some(s) = signed
    {
        closing_dateline(out, s);
    }
}

/// Does anything a reader counts as the text come before block `end`?
fn has_body(blocks: &[Block], end: usize) -> bool {
    blocks.get(..end).unwrap_or(blocks).iter().any(|b| {
        matches!(
            b.kind,
            BlockKind::Paragraph | BlockKind::Numbered | BlockKind::Closing | BlockKind::Table
        )
    })
}

/// Make the paragraph before block `end` a dateline when it is only a place and a date,
/// taking a place line above it along (`White House,` / `Washington, December 11, 1901.`).
/// Returns the index of the dateline.
fn closing_dateline(out: &mut Classified, end: usize) -> Option<usize> {
    let at = end.checked_sub(1)?;
    let b = out.blocks.get(at)?;
    if b.kind != BlockKind::Paragraph || !dateline_only(&b.text) || !has_body(&out.blocks, at) {
        return None;
    }
    let mut start = at;
    let place_line = at
        .checked_sub(1)
        .and_then(|p| out.blocks.get(p))
        .is_some_and(|p| {
            p.kind == BlockKind::Paragraph
                && p.text.ends_with(',')
                && word_count(&p.text) <= 4
                && !p.text.bytes().any(|c| c.is_ascii_digit())
                && name_like(&p.text)
        });
    if place_line && has_body(&out.blocks, at - 1) {
        // `at` is a block (`get(at)` above) and `at - 1` the place line before it.
        let date = out.blocks.remove(at);
        start = at - 1;
        if let Some(place) = out.blocks.get_mut(start) {
            place.text.push('\n');
            place.text.push_str(&date.text);
        }
    }
    let b = out.blocks.get_mut(start)?;
    b.kind = BlockKind::Dateline;
    dateline_fields(&b.text, &mut out.memo);
    Some(start)
}

/// Turn the name lines before block `end` into the signature; returns its index.
fn signature(out: &mut Classified, end: usize) -> Option<usize> {
    let end = end.min(out.blocks.len());
    let mut start = end;
    while start > 0 && end - start < 3 {
        let Some(b) = out.blocks.get(start - 1) else {
            break;
        };
        if b.kind != BlockKind::Paragraph || !name_like(&b.text) {
            break;
        }
        start -= 1;
    }
    // Something must precede a signature, and it is not the only paragraph of the body.
    if start == end || !has_body(&out.blocks, start) {
        return None;
    }
    let lines: Vec<String> = out.blocks.drain(start..end).map(|b| b.text).collect();
    let (first, more) = lines.split_first()?;
    let first = first.trim_end_matches(',');
    // `T. R. Jernigan, Consul-General` on one line: the title follows the comma.
    let (name, inline_title) = match first.split_once(", ") {
        Some((n, t)) if !matches!(t.trim_end_matches(['.', ',']), "Jr" | "Sr" | "II" | "III") => {
            (n, Some(t))
        }
        _ => (first, None),
    };
    let titles: Vec<&str> = inline_title
        .into_iter()
        .chain(more.iter().map(String::as_str))
        .collect();
    out.memo.signature = Some(Signature {
        name: name.to_string(),
        title: (!titles.is_empty()).then(|| titles.join(", ")),
    });
    out.blocks
        .insert(start, Block::new(BlockKind::Signature, lines.join("\n")));
    Some(start)
}
