//! What a line (a unit of text) looks like: a numbered item, a page marker, a closing, a
//! name, prose; and the blocks they become. Shared by the memo header (`memo`), the body
//! (`blocks`) and line joining (`units`), so none of them depends on another for it.

use super::text::word_count;
use super::{Block, BlockKind, Footnote, Memo};

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

/// Everything the classifier produces.
#[derive(Default)]
pub struct Classified {
    pub blocks: Vec<Block>,
    pub memo: Memo,
    pub footnotes: Vec<Footnote>,
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
        assert!(!page_marker("Paris"));
    }
}
