//! Quotes a reader can use: whole sentences, never cut inside a word, every cut marked `…`.
//!
//! A marked stretch (a search match, a name) is quoted as the sentence(s) it is in; a
//! paragraph as its sentences from the one at the marked place on, up to about
//! [`PARAGRAPH_QUOTE`] characters. Sentences come from `crate::document::sentences`.

use crate::document::sentences::{sentence_at, sentences};
use crate::document::{BlockKind, Document, Location, TextRange};

/// A paragraph's quote stops at the sentence boundary that keeps it to this many characters
/// (one under half of that takes the next sentence if the whole stays within one and a half
/// times it; a single sentence longer than that is cut at a word, with `…`).
pub const PARAGRAPH_QUOTE: usize = 300;
/// A sentence longer than this many characters is quoted around the marked words, cut at
/// words with `…` on each side that was cut.
pub const SENTENCE_QUOTE: usize = 400;

/// A quote: the stretch of the document it comes from and the text to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The document's text this quote shows (without the `…` marks).
    pub range: TextRange,
    /// What to show: the text, white space runs as single spaces (line breaks kept), `…`
    /// where it was cut.
    pub text: String,
}

/// The sentence(s) that hold `range` (a search match, a name).
pub fn for_range(doc: &Document, range: TextRange) -> Quote {
    let text = block_text(doc, range.block);
    let all = sentences(text);
    let (start, end) = (range.start.min(text.len()), range.end.min(text.len()));
    let first = all
        .iter()
        .find(|s| start < s.end)
        .or(all.last())
        .map_or(start..start, Clone::clone);
    let last = all
        .iter()
        .rev()
        .find(|s| s.start < end.max(start + 1))
        .filter(|s| s.end >= first.end)
        .map_or(first.clone(), Clone::clone);
    let (s, e) = (first.start, last.end.max(first.end));
    if text[s..e].chars().count() <= SENTENCE_QUOTE {
        return quote(doc, range.block, s, e, false, false);
    }
    // Too long: the marked words with about as much on each side, cut at words.
    let room = SENTENCE_QUOTE.saturating_sub(text[start..end].chars().count()) / 2;
    let from = word_start_after(text, back_chars(text, start, room).max(s));
    let to = word_end_before(text, forward_chars(text, end, room).min(e));
    let (from, to) = (from.min(start), to.max(end));
    quote(doc, range.block, from, to, from > s, to < e)
}

/// The paragraph at `loc`, from the sentence there on: whole sentences up to about
/// [`PARAGRAPH_QUOTE`] characters.
pub fn for_paragraph(doc: &Document, loc: Location) -> Quote {
    let text = block_text(doc, loc.block);
    let all = sentences(text);
    let Some(first) = all.iter().position(|s| loc.offset < s.end).or_else(|| {
        // Past the last sentence: the last one.
        all.len().checked_sub(1)
    }) else {
        return quote(doc, loc.block, 0, 0, false, false);
    };
    let start = all[first].start;
    let mut end = all[first].end;
    for s in &all[first + 1..] {
        let len = text[start..s.end].chars().count();
        // About 300: a quote still under half of it takes one more sentence up to 450.
        let short = text[start..end].chars().count() < PARAGRAPH_QUOTE / 2;
        if len > PARAGRAPH_QUOTE && !(short && len <= PARAGRAPH_QUOTE * 3 / 2) {
            break;
        }
        end = s.end;
    }
    let mut cut_end = end < all.last().map_or(end, |s| s.end);
    if text[start..end].chars().count() > PARAGRAPH_QUOTE + PARAGRAPH_QUOTE / 2 {
        end = word_end_before(text, forward_chars(text, start, PARAGRAPH_QUOTE)).max(start);
        cut_end = true;
    }
    quote(doc, loc.block, start, end, first > 0, cut_end)
}

/// The sentence at `loc` (for a selection's first unit).
pub fn sentence_range(doc: &Document, loc: Location) -> TextRange {
    let r = sentence_at(block_text(doc, loc.block), loc.offset);
    TextRange::new(loc.block, r.start, r.end)
}

fn quote(doc: &Document, block: usize, start: usize, end: usize, lead: bool, tail: bool) -> Quote {
    let text = &block_text(doc, block)[start..end];
    let mut shown = String::new();
    if lead {
        shown.push_str("… ");
    }
    shown.push_str(&clean(text));
    if tail {
        shown.push_str(" …");
    }
    Quote {
        range: TextRange::new(block, start, end),
        text: shown,
    }
}

/// The clean text of a passage from the start of `first` to the end of `last` (sentences,
/// usually): each block's part with its white space tidied, blocks separated by a blank
/// line, editorial brackets kept. A block taken from its first sentence keeps its item
/// label (`1.`); page markers between blocks are left out.
pub fn passage(doc: &Document, first: TextRange, last: TextRange) -> String {
    let mut parts: Vec<String> = Vec::new();
    for block in first.block..=last.block {
        let Some(b) = doc.blocks.get(block) else {
            break;
        };
        if b.kind == BlockKind::PageMarker && first.block != last.block {
            continue;
        }
        let text = b.text.as_str();
        let mut start = if block == first.block { first.start } else { 0 };
        let end = if block == last.block {
            last.end
        } else {
            text.len()
        };
        let first_sentence = sentences(text).first().map_or(0, |s| s.start);
        if start <= first_sentence {
            start = 0;
        }
        let (start, end) = (start.min(text.len()), end.min(text.len()).max(start));
        if let Some(piece) = text.get(start..end) {
            let piece = clean(piece);
            if !piece.is_empty() {
                parts.push(piece);
            }
        }
    }
    parts.join("\n\n")
}

/// White space runs as one space, line breaks kept (a roster stays one name a line).
pub fn clean(text: &str) -> String {
    text.split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether two quotes say the same words (white space aside).
pub fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

fn block_text(doc: &Document, block: usize) -> &str {
    doc.blocks.get(block).map_or("", |b| b.text.as_str())
}

/// `n` characters back from byte `i`.
fn back_chars(text: &str, i: usize, n: usize) -> usize {
    text[..i]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(j, _)| j)
}

/// `n` characters on from byte `i`.
fn forward_chars(text: &str, i: usize, n: usize) -> usize {
    text[i..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(j, _)| i + j)
}

/// The start of the first whole word at or after `i`.
fn word_start_after(text: &str, i: usize) -> usize {
    let before = text[..i].chars().next_back();
    if i == 0 || before.is_some_and(char::is_whitespace) {
        return i;
    }
    text[i..].find(char::is_whitespace).map_or(text.len(), |j| {
        let k = i + j;
        k + text[k..].len() - text[k..].trim_start().len()
    })
}

/// The end of the last whole word at or before `i` (trailing punctuation kept).
fn word_end_before(text: &str, i: usize) -> usize {
    let after = text[i..].chars().next();
    if i == text.len() || after.is_some_and(char::is_whitespace) {
        return i;
    }
    text[..i]
        .rfind(char::is_whitespace)
        .map_or(0, |j| text[..j].trim_end().len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, BlockKind};

    fn doc(paras: &[&str]) -> Document {
        let mut d = Document::default();
        for p in paras {
            d.blocks.push(Block::new(BlockKind::Paragraph, *p));
        }
        d
    }

    const P: &str = "Soong got the impression that Stalin did not place great importance on Port Arthur [Lüshunkou District, Dalian] as a naval base. This might be due to the fact that Soong does not consider it of great naval value. Stalin wants naval facilities at Dairen [Dalian].";

    #[test]
    fn a_match_is_quoted_as_its_sentence() {
        let d = doc(&[P]);
        let at = P.find("Dairen").unwrap();
        let q = for_range(&d, TextRange::new(0, at, at + 6));
        assert_eq!(q.text, "Stalin wants naval facilities at Dairen [Dalian].");
        let at = P.find("Port Arthur").unwrap();
        let q = for_range(&d, TextRange::new(0, at, at + 11));
        assert!(q.text.starts_with("Soong got the impression"), "{}", q.text);
        assert!(q.text.ends_with("as a naval base."), "{}", q.text);
        // A match across two sentences takes both.
        let (a, b) = (
            P.find("naval base").unwrap(),
            P.find("This might").unwrap() + 4,
        );
        let q = for_range(&d, TextRange::new(0, a, b));
        assert!(q.text.ends_with("great naval value."), "{}", q.text);
    }

    #[test]
    fn a_long_sentence_is_cut_at_words_around_the_match() {
        let long = format!(
            "At the start {}the word Waldersee stands here {}and ends.",
            "many words ".repeat(60),
            "more words ".repeat(60)
        );
        let d = doc(&[&long]);
        let at = long.find("Waldersee").unwrap();
        let q = for_range(&d, TextRange::new(0, at, at + 9));
        assert!(
            q.text.starts_with("… ") && q.text.ends_with(" …"),
            "{}",
            q.text
        );
        assert!(q.text.contains("Waldersee"));
        let inner = q.text.trim_start_matches("… ").trim_end_matches(" …");
        assert!(long.contains(inner), "cut inside a word: {inner}");
        for w in inner.split_whitespace() {
            assert!(
                [
                    "many",
                    "words",
                    "more",
                    "the",
                    "word",
                    "Waldersee",
                    "stands",
                    "here"
                ]
                .contains(&w)
            );
        }
        assert!(q.text.chars().count() <= SENTENCE_QUOTE + 4);
    }

    #[test]
    fn a_paragraph_is_shortened_at_a_sentence_boundary() {
        let long = format!("{P} {P}");
        let d = doc(&[&long]);
        let q = for_paragraph(&d, Location::new(0, 0));
        assert!(q.text.ends_with("at Dairen [Dalian]. …"), "{}", q.text);
        assert!(q.text.chars().count() <= PARAGRAPH_QUOTE + 2);
        // From a sentence inside the paragraph: the cut before it is marked too.
        let at = long.find("This might").unwrap();
        let q = for_paragraph(&d, Location::new(0, at + 3));
        assert!(q.text.starts_with("… This might"), "{}", q.text);
        assert!(q.text.ends_with("as a naval base. …"), "{}", q.text);
        // A short paragraph is whole, unmarked.
        let d = doc(&["Soong told Stalin. He agreed."]);
        assert_eq!(
            for_paragraph(&d, Location::new(0, 0)).text,
            "Soong told Stalin. He agreed."
        );
    }

    #[test]
    fn one_very_long_sentence_is_cut_at_a_word() {
        let long = format!("{}end.", "Ünïcödé words ".repeat(80));
        let d = doc(&[&long]);
        let q = for_paragraph(&d, Location::new(0, 0));
        assert!(q.text.ends_with(" …"), "{}", q.text);
        let inner = q.text.trim_end_matches(" …");
        assert!(
            inner.ends_with("words") || inner.ends_with("Ünïcödé"),
            "{inner}"
        );
        assert!(inner.chars().count() <= PARAGRAPH_QUOTE);
    }

    #[test]
    fn a_passage_is_clean_text_with_blank_lines_between_paragraphs() {
        let mut d = doc(&[
            "1. Traffic  resumed.\nThe chief reports.",
            "(p. 2)",
            "Gao Feng [Kao] asked. He left.",
        ]);
        d.blocks[1].kind = BlockKind::PageMarker;
        let last = d.blocks[2].text.find("He").unwrap();
        let text = passage(&d, TextRange::new(0, 3, 3), TextRange::new(2, last, last));
        assert_eq!(
            text,
            "1. Traffic resumed.\nThe chief reports.\n\nGao Feng [Kao] asked."
        );
        let from = d.blocks[0].text.find("The chief").unwrap();
        let end = d.blocks[0].text.len();
        let text = passage(
            &d,
            TextRange::new(0, from, end),
            TextRange::new(0, from, end),
        );
        assert_eq!(text, "The chief reports.");
    }

    #[test]
    fn numbered_labels_are_not_quoted_and_empty_blocks_are_empty() {
        let d = doc(&["1. Traffic resumed on March 11. The chief reports."]);
        let q = for_paragraph(&d, Location::new(0, 0));
        assert_eq!(q.text, "Traffic resumed on March 11. The chief reports.");
        let d = doc(&[""]);
        assert_eq!(for_paragraph(&d, Location::new(0, 0)).text, "");
        assert_eq!(for_range(&d, TextRange::new(0, 0, 0)).text, "");
        assert_eq!(for_range(&d, TextRange::new(5, 0, 3)).text, "");
    }
}
