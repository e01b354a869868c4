//! Units → blocks: the memo header at the top (see `memo`), then paragraphs, numbered items, page markers,
//! the closing and signature, and the footnotes at the end.

use super::lines::{Classified, body_block, name_like};
use super::memo::header;
use super::units::Unit;
use super::{Block, BlockKind, Footnote, Signature};

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
