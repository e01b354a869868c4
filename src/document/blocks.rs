//! Units → blocks: the memo header at the top (see `memo`), then paragraphs, numbered items, page markers,
//! the closing and signature, and the footnotes at the end.

use std::borrow::Cow;

use super::enclosure::marker;
use super::lines::{Classified, approved_line, body_block, name_like};
use super::memo::{dateline_fields, dateline_only, header};
use super::text::word_count;
use super::units::Unit;
use super::{Block, BlockKind, Enclosure, Footnote, Memo, Signature};

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
///
/// A large document has hundreds of thousands of units; their blocks are made in their place.
/// The few units whose blocks are made otherwise (headers, enclosure markers, footnotes) are
/// read first, from the units as they are; then one pass turns every unit into its block (or
/// none) in the units' own memory, each text copied from the document's or moved from the
/// unit; the closing lines are found at each part's end; and a last pass, in the same memory
/// again, drops the units that left no block. Never are the units and the blocks in two
/// vectors at once.
pub fn classify(units: Vec<Unit>) -> Classified {
    let (body_end, notes_start) = split_footnotes(&units);
    let body_units = units.get(..body_end).unwrap_or_default();
    let markers: Vec<usize> = body_units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.maybe_marker && u.table.is_none() && marker(&u.text).is_some())
        .map(|(i, _)| i)
        .collect();
    let main_end = markers.first().copied().unwrap_or(body_end);
    let mut parts = Vec::with_capacity(markers.len() + 1);
    parts.push(Part::new(&units, 0, main_end, None));
    for (k, &m) in markers.iter().enumerate() {
        let end = markers.get(k + 1).copied().unwrap_or(body_end);
        let label = units
            .get(m)
            .and_then(|u| marker(&u.text))
            .unwrap_or_default();
        parts.push(Part::new(&units, m + 1, end, Some(label.to_string())));
    }
    let mut notes = Classified::default();
    footnotes(units.get(notes_start..).unwrap_or_default(), &mut notes);

    let mut slots = place_blocks(units, &mut parts, body_end, notes.blocks);
    // A header with more blocks than units (`TOP SECRET Moscow`: a marking and a dateline)
    // has the rest of them put in before its body, in one pass over the slots after it.
    let mut runs = Vec::new();
    let mut shift = 0;
    for part in &mut parts {
        part.start += shift;
        let rest: Vec<Block> = part.head.by_ref().collect();
        if !rest.is_empty() {
            shift += rest.len();
            runs.push((part.body, rest));
        }
        part.end += shift;
    }
    insert_runs(&mut slots, runs);
    for part in &mut parts {
        let blocks = slots.get_mut(part.start..part.end).unwrap_or_default();
        close(blocks, &mut part.memo);
    }

    // Where the enclosures' and the footnotes' blocks will be once the empty slots are gone.
    let mut marks = Vec::with_capacity(2 * parts.len() + 1);
    for part in &parts {
        if part.label.is_some() {
            marks.push(part.start - 1);
        }
        marks.push(part.end);
    }
    marks.push(body_end + shift);
    let (blocks, at) = compact(slots, &marks);
    let mut at = at.into_iter();
    let mut out = Classified {
        blocks,
        ..Classified::default()
    };
    for part in parts {
        let Some(label) = part.label else {
            out.memo = part.memo;
            at.next();
            continue;
        };
        let (Some(block), Some(end)) = (at.next(), at.next()) else {
            break;
        };
        out.enclosures.push(Enclosure {
            label,
            block,
            end,
            memo: part.memo,
        });
    }
    let notes_at = at.next().unwrap_or(out.blocks.len());
    out.footnotes = notes.footnotes;
    for f in &mut out.footnotes {
        f.block += notes_at;
    }
    out
}

/// One document or enclosure: its units, the header's from `start`, the body's from `body`,
/// to `end` (in slots once the blocks are made); its header's blocks, made from the units
/// before any is moved, and its fields.
struct Part {
    start: usize,
    body: usize,
    end: usize,
    head: std::vec::IntoIter<Block>,
    /// Is the header's last block a drafting line (an `Approved by` line may follow)?
    head_drafted: bool,
    memo: Memo,
    /// An enclosure's marker as written; `None` for the document itself.
    label: Option<String>,
}

impl Part {
    fn new(units: &[Unit], start: usize, end: usize, label: Option<String>) -> Self {
        let mut out = Classified::default();
        let read = header(
            units.get(start..end).unwrap_or_default(),
            &mut out,
            label.is_some(),
        );
        let head_drafted = out
            .blocks
            .last()
            .is_some_and(|b| b.kind == BlockKind::Drafted);
        Self {
            start,
            body: (start + read).min(end),
            end,
            head: out.blocks.into_iter(),
            head_drafted,
            memo: out.memo,
            label,
        }
    }
}

/// Every unit's block in its slot, in the units' own memory: a body unit's made from it (its
/// line copied, or its joined text moved), a marker's the enclosure block, a header unit's the header's blocks in turn
/// and a footnote unit's the footnotes' blocks in turn, as far as they go; `None` for the
/// rest.
fn place_blocks(
    units: Vec<Unit>,
    parts: &mut [Part],
    body_end: usize,
    notes: Vec<Block>,
) -> Vec<Option<Block>> {
    const {
        // Made in place only if a slot fits where a unit was.
        assert!(size_of::<Option<Block>>() <= size_of::<Unit>());
        assert!(align_of::<Option<Block>>() == align_of::<Unit>());
    }
    let mut notes = notes.into_iter();
    let mut p = 0;
    let mut after_drafted = false;
    units
        .into_iter()
        .enumerate()
        .map(|(i, mut unit)| {
            if i >= body_end {
                return notes.next();
            }
            while p + 1 < parts.len() && parts.get(p).is_some_and(|part| part.end <= i) {
                p += 1;
            }
            let part = parts.get_mut(p)?;
            if i < part.start {
                let text = owned(std::mem::take(&mut unit.text));
                return Some(Block::new(BlockKind::Enclosure, text));
            }
            if i < part.body {
                return part.head.next();
            }
            if i == part.body {
                after_drafted = part.head_drafted;
            }
            let block = match unit.table.take() {
                Some(rows) => Block::table(*rows),
                None => {
                    let text = owned(std::mem::take(&mut unit.text));
                    if after_drafted && approved_line(&text) {
                        Block::new(BlockKind::Drafted, text)
                    } else {
                        body_block(text)
                    }
                }
            };
            after_drafted = block.kind == BlockKind::Drafted;
            Some(block)
        })
        .collect()
}

/// A unit's text as its block's own: the line copied, or the lines joined without the room
/// they grew into.
fn owned(text: Cow<str>) -> String {
    match text {
        Cow::Borrowed(line) => line.to_string(),
        Cow::Owned(mut joined) => {
            joined.shrink_to_fit();
            joined
        }
    }
}

/// Put each run of blocks in before slot `at` (runs in order of `at`): the slots after the
/// first run move once each, from the last.
fn insert_runs(slots: &mut Vec<Option<Block>>, runs: Vec<(usize, Vec<Block>)>) {
    let extra: usize = runs.iter().map(|(_, run)| run.len()).sum();
    if extra == 0 {
        return;
    }
    slots.reserve_exact(extra);
    let mut src = slots.len();
    slots.resize_with(src + extra, || None);
    // `src..dst` are empty slots, as many as the blocks still to put in.
    let mut dst = slots.len();
    for (at, run) in runs.into_iter().rev() {
        while src > at {
            src -= 1;
            dst -= 1;
            slots.swap(src, dst);
        }
        for block in run.into_iter().rev() {
            dst -= 1;
            if let Some(slot) = slots.get_mut(dst) {
                *slot = Some(block);
            }
        }
    }
}

/// The closing lines of a document or enclosure, `slots` being its blocks, and its
/// drafting lines.
fn close(slots: &mut [Option<Block>], memo: &mut Memo) {
    // The closing lines are among the drafting lines and page markers that may end the part
    // and the `CLOSING_REACH` blocks before them: those are taken out, the rest only asked
    // whether any is body text.
    let mut tail_at = Vec::new();
    let mut before = 0;
    for (at, slot) in slots.iter().enumerate().rev() {
        let Some(b) = slot else { continue };
        let trailing = before == 0 && matches!(b.kind, BlockKind::Drafted | BlockKind::PageMarker);
        if !trailing {
            if before == CLOSING_REACH {
                break;
            }
            before += 1;
        }
        tail_at.push(at);
    }
    tail_at.reverse();
    let first = tail_at.first().copied().unwrap_or(slots.len());
    let body_before = has_body(slots.get(..first).unwrap_or_default().iter().flatten());
    let blocks = tail_at
        .iter()
        .filter_map(|&at| slots.get_mut(at).and_then(Option::take))
        .collect();
    let mut end = End {
        blocks,
        body_before,
        memo,
    };
    closing_lines(&mut end);
    // The closing lines only join and drop blocks: they fit where they were.
    let mut blocks = end.blocks.into_iter();
    for &at in &tail_at {
        if let Some(slot) = slots.get_mut(at) {
            *slot = blocks.next();
        }
    }
    let drafted: Vec<&str> = slots
        .iter()
        .flatten()
        .filter(|b| b.kind == BlockKind::Drafted)
        .map(|b| b.text.as_str())
        .collect();
    memo.drafted = (!drafted.is_empty()).then(|| drafted.join("\n"));
}

/// The slots' blocks, in the same memory; and for each of `marks` (slot indices, in order),
/// the number of blocks before it.
fn compact(slots: Vec<Option<Block>>, marks: &[usize]) -> (Vec<Block>, Vec<usize>) {
    let mut at = Vec::with_capacity(marks.len());
    let mut marks = marks.iter().peekable();
    let mut count = 0;
    let mut blocks: Vec<Block> = slots
        .into_iter()
        .enumerate()
        .filter_map(|(i, slot)| {
            while marks.next_if(|&&m| m <= i).is_some() {
                at.push(count);
            }
            count += usize::from(slot.is_some());
            slot
        })
        .collect();
    at.extend(marks.map(|_| count));
    // A hard-wrapped text has fewer units than lines, and the units' vector was sized by
    // its lines; what the blocks do not use is given back.
    blocks.shrink_to_fit();
    (blocks, at)
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
fn closing_lines(out: &mut End) {
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

/// How far before the drafting lines and page markers that may end a document or enclosure
/// its closing lines may reach: a place line and a dateline, with a signature of three lines
/// before or after them, are looked for no further than five blocks up (one more is taken, to
/// spare).
const CLOSING_REACH: usize = 6;

/// The end of a document or enclosure, where its closing lines are: its last blocks (the
/// trailing drafting lines and page markers and [`CLOSING_REACH`] blocks before them),
/// whether any block before those is body text, and its fields.
struct End<'m> {
    blocks: Vec<Block>,
    body_before: bool,
    memo: &'m mut Memo,
}

impl End<'_> {
    /// Does anything a reader counts as the text come before block `end`?
    fn has_body(&self, end: usize) -> bool {
        self.body_before || has_body(self.blocks.get(..end).unwrap_or(&self.blocks).iter())
    }
}

/// Is any of these blocks what a reader counts as the text?
fn has_body<'b>(mut blocks: impl Iterator<Item = &'b Block>) -> bool {
    blocks.any(|b| {
        matches!(
            b.kind,
            BlockKind::Paragraph | BlockKind::Numbered | BlockKind::Closing | BlockKind::Table
        )
    })
}

/// Make the paragraph before block `end` a dateline when it is only a place and a date,
/// taking a place line above it along (`White House,` / `Washington, December 11, 1901.`).
/// Returns the index of the dateline.
fn closing_dateline(out: &mut End, end: usize) -> Option<usize> {
    let at = end.checked_sub(1)?;
    let b = out.blocks.get(at)?;
    if b.kind != BlockKind::Paragraph || !dateline_only(&b.text) || !out.has_body(at) {
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
    if place_line && out.has_body(at - 1) {
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
    dateline_fields(&b.text, out.memo);
    Some(start)
}

/// Turn the name lines before block `end` into the signature; returns its index.
fn signature(out: &mut End, end: usize) -> Option<usize> {
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
    if start == end || !out.has_body(start) {
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

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    #[test]
    fn every_part_keeps_its_blocks_in_order_when_headers_have_more_blocks_than_lines() {
        // `TOP SECRET Moscow` is one line and two blocks (a marking and a dateline), in the
        // document and in both enclosures; each part has its own closing lines.
        let doc = parse(
            "Harriman and Soong on the ports\n\nTOP SECRET Moscow\n\n\
             Subject: The ports of Manchuria\n\n\
             The Ambassador called on the Foreign Minister at noon and spoke of the ports of Dairen and Port Arthur at length.\n\n\
             W. A. Harriman\n\n[Enclosure 1]\n\nCONFIDENTIAL Dairen\n\n\
             The port was opened to the ships of all nations on the first of the month, as the two governments agreed in the spring.[1]\n\n\
             Yours sincerely,\n\nT. V. Soong\n\n[Enclosure 2]\n\nSECRET Peking\n\n\
             The Minister was told of the agreement on the ports by the Chinese Foreign Office on the same day, in the afternoon.\n\n\
             Walter Hale\n\nDrafted by W. A. Harriman on July 3\n\n(p. 2)\n\n\
             Footnotes:\n\n[1] The text of the port agreement.\n",
        );
        use BlockKind::*;
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                Classification,
                Dateline,
                Subject,
                Paragraph,
                Signature,
                Enclosure,
                Classification,
                Dateline,
                Heading,
                Closing,
                Signature,
                Enclosure,
                Classification,
                Dateline,
                Paragraph,
                Signature,
                Drafted,
                PageMarker,
                Footnote
            ]
        );
        assert_eq!(doc.memo.place.as_deref(), Some("Moscow"));
        assert_eq!(doc.memo.signature.as_ref().unwrap().name, "W. A. Harriman");
        let parts: Vec<(&str, usize, usize, Option<&str>, &str)> = doc
            .enclosures
            .iter()
            .map(|e| {
                let signed = e.memo.signature.as_ref().unwrap();
                (
                    e.label.as_str(),
                    e.block,
                    e.end,
                    e.memo.place.as_deref(),
                    signed.name.as_str(),
                )
            })
            .collect();
        assert_eq!(
            parts,
            [
                ("Enclosure 1", 5, 11, Some("Dairen"), "T. V. Soong"),
                ("Enclosure 2", 11, 18, Some("Peking"), "Walter Hale")
            ]
        );
        assert_eq!(
            doc.enclosures[1].memo.drafted.as_deref(),
            Some("Drafted by W. A. Harriman on July 3")
        );
        assert_eq!(doc.footnotes.len(), 1);
        let note = &doc.footnotes[0];
        assert_eq!(note.block, 18);
        assert_eq!(
            doc.blocks[note.block].text,
            "The text of the port agreement."
        );
    }
}
