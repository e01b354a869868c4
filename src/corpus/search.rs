//! Searching the whole collection with the reader's own [`Matcher`] (smart case, accent
//! folding, regular expressions), block by block as in a document, so a document's count
//! here is the count the reader shows when it is opened; and keyword-in-context lines.

use super::record::DocText;
use crate::document::TextRange;
use crate::search::Matcher;
use std::sync::atomic::{AtomicBool, Ordering};

/// The matches in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMatches {
    /// Index of the document in the collection.
    pub doc: usize,
    /// Every match, in document order.
    pub ranges: Vec<TextRange>,
}

/// Every match of `matcher` in `text`, in document order.
pub fn find_in(text: &DocText, matcher: &Matcher) -> Vec<TextRange> {
    let mut out = Vec::new();
    // A plain query (no anchors, no word boundaries) that matches inside a block also
    // matches the blocks' text run together: most documents are ruled out in one pass.
    let all = text.all();
    if !matcher.query().regex && !matcher.regex_for(all).is_match(all) {
        return out;
    }
    for b in 0..text.blocks() {
        let block = text.block(b);
        out.extend(
            matcher
                .find_ranges(block)
                .into_iter()
                .map(|r| TextRange::new(b, r.start, r.end)),
        );
    }
    out
}

/// Search the documents `order` names (indices into `texts`) in that order, handing each
/// document with matches to `found`; stops early when `cancel` is set. Returns the number of
/// documents searched.
pub fn search(
    texts: &[Option<std::sync::Arc<DocText>>],
    order: &[usize],
    matcher: &Matcher,
    cancel: &AtomicBool,
    mut found: impl FnMut(DocMatches),
) -> usize {
    let mut searched = 0;
    for &d in order {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        searched += 1;
        let Some(text) = texts.get(d).and_then(Option::as_ref) else {
            continue;
        };
        let ranges = find_in(text, matcher);
        if !ranges.is_empty() {
            found(DocMatches { doc: d, ranges });
        }
    }
    searched
}

/// A line of context around a stretch of text: the words before, the stretch, the words
/// after, each on one line (line breaks become spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kwic {
    pub before: String,
    pub hit: String,
    pub after: String,
}

/// The context of `start..end` in `text`: up to `before` characters on the left and `after`
/// on the right, cut at a word where one is near.
pub fn kwic(text: &str, start: usize, end: usize, before: usize, after: usize) -> Kwic {
    let start = floor_boundary(text, start.min(text.len()));
    let end = floor_boundary(text, end.clamp(start, text.len()));
    let left = &text[..start];
    let cut = left
        .char_indices()
        .rev()
        .nth(before.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let whole_word = cut == 0 || left[..cut].ends_with([' ', '\n']);
    let mut left = &left[cut..];
    if !whole_word && let Some(sp) = left.find([' ', '\n']) {
        left = &left[sp + 1..];
    }
    let right = &text[end..];
    let cut = right
        .char_indices()
        .nth(after)
        .map_or(right.len(), |(i, _)| i);
    let whole_word = cut == right.len() || right[cut..].starts_with([' ', '\n']);
    let mut right = &right[..cut];
    if !whole_word && let Some(sp) = right.rfind([' ', '\n']).filter(|&i| i > 0) {
        right = &right[..sp];
    }
    let flat = |s: &str| s.replace('\n', " ");
    Kwic {
        before: flat(left),
        hit: flat(&text[start..end]),
        after: flat(right),
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::search::Query;

    #[test]
    fn matches_are_the_documents_own_and_case_follows_the_query() {
        let doc = Document::from_text("t", "Notes\n\nPort Arthur and port arthur.\n\nLüshun.");
        let text = DocText::new(&doc);
        let m = Matcher::new(&Query::plain("port arthur")).unwrap();
        let found = find_in(&text, &m);
        assert_eq!(found, crate::search::find_all(&doc, &m));
        assert_eq!(found.len(), 2);
        let m = Matcher::new(&Query::plain("Port Arthur")).unwrap();
        assert_eq!(find_in(&text, &m).len(), 1, "a capital makes it exact");
        let m = Matcher::new(&Query::plain("lushun")).unwrap();
        assert_eq!(find_in(&text, &m).len(), 1, "accents fold");
    }

    #[test]
    fn context_is_cut_at_words_and_flattened() {
        let text = "The Soviet Government wants naval facilities at Port Arthur\nand Dairen.";
        let at = text.find("Port").unwrap();
        let k = kwic(text, at, at + "Port Arthur".len(), 20, 8);
        assert_eq!(k.hit, "Port Arthur");
        assert_eq!(k.before, "naval facilities at ");
        assert_eq!(k.after, " and");
        let k = kwic("Dairen", 0, 6, 10, 10);
        assert_eq!((k.before.as_str(), k.after.as_str()), ("", ""));
        // Offsets inside a character are pulled back to its start.
        let k = kwic("Lüshun", 2, 3, 5, 5);
        assert_eq!(k.before, "L");
    }
}
