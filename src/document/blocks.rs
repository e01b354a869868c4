//! Units → blocks: the memo header at the top (see `memo`), then paragraphs, numbered items, page markers,
//! the closing and signature, and the footnotes at the end.

use super::memo::header;
use super::text::word_count;
use super::units::Unit;
use super::{Block, BlockKind, Footnote, Memo, Signature};

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
pub(super) fn page_marker(t: &str) -> bool {
    // A page marker is a few characters: a paragraph (every block is asked) is not lowercased
    // and looked through.
    if t.len() > 24 {
        return false;
    }
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

pub(super) fn closing(t: &str) -> bool {
    t.len() <= 80 && {
        let lower = t.to_lowercase();
        CLOSINGS.iter().any(|c| lower.starts_with(c))
    }
}

/// The first `n` bytes of `t` (fewer, to end on a character boundary).
pub(super) fn head(t: &str, n: usize) -> &str {
    if t.len() <= n {
        return t;
    }
    let mut end = n;
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    &t[..end]
}

/// Does this unit read like running prose rather than a header line?
pub(super) fn prose(t: &str) -> bool {
    let words = word_count(t);
    t.len() > 200 || words > 25 || (t.ends_with(['.', '?', '!']) && words > 12)
}

/// A name or title line as signed at the foot of a letter.
pub(super) fn name_like(t: &str) -> bool {
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

pub(super) fn body_block(text: String) -> Block {
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
        assert!(page_marker("  ( page   1234 )  ".trim()));
        assert!(!page_marker(&format!(
            "(p. 1) {}",
            "and more text ".repeat(10)
        )));
        assert!(!page_marker("Paris"));
    }
}
