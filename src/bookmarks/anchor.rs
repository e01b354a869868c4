//! Making an anchor from a place in the text, and finding it again when the text changed.
//!
//! A bookmark remembers its block and byte offset, the marked words (the quote) and a little
//! context on each side. On open it is placed, in order of preference:
//! 1. exactly where it was, if the quote is still there;
//! 2. wherever the quote occurs (white space may differ), choosing the occurrence whose
//!    surroundings best match the saved context, then the one nearest the old block;
//! 3. where the start or end of the quote, or the context before or after it, still occurs
//!    (only pieces of at least [`MIN_PROBE`] characters, so common words do not mislead);
//! 4. otherwise nowhere: the bookmark is kept and shown as "not found in this version".
//!
//! The texts are the document's and the saved file's: no unchecked index or slice.
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::model::{Anchor, CONTEXT, Extra, QUOTE, Scope};
use super::paragraphs::ParagraphIndex;
use super::quote::{self, Quote};
use crate::document::{Document, Location, TextRange};
use regex::Regex;

/// Shortest piece of text used to place a bookmark whose quote is gone, in characters.
pub const MIN_PROBE: usize = 12;

/// Where a bookmark lands in the document as it is now: the stretch its quote covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The quote is where it was saved.
    Exact(TextRange),
    /// The text changed; the bookmark was found again here.
    Moved(TextRange),
    /// Nothing recognisable is left: "not found in this version".
    NotFound,
}

impl Placement {
    pub fn location(self) -> Option<Location> {
        self.range().map(|r| r.location())
    }

    pub fn range(self) -> Option<TextRange> {
        match self {
            Self::Exact(r) | Self::Moved(r) => Some(r),
            Self::NotFound => None,
        }
    }
}

/// A bookmark on a search match or a name: it quotes the sentence(s) the range is in.
pub fn mark_range(doc: &Document, paragraphs: &ParagraphIndex, range: TextRange) -> Anchor {
    let passage = quote::for_range(doc, range).text;
    Anchor {
        scope: Scope::Sentence,
        passage,
        ..anchor_for(doc, paragraphs, range)
    }
}

/// A bookmark on the paragraph at `loc`: it quotes the paragraph from the sentence at `loc`
/// on, and that is the text it is found by again.
pub fn mark_paragraph(doc: &Document, paragraphs: &ParagraphIndex, loc: Location) -> Anchor {
    let Quote { range, text } = quote::for_paragraph(doc, loc);
    let range = if range.start == range.end {
        TextRange::new(loc.block, loc.offset, loc.offset)
    } else {
        range
    };
    Anchor {
        scope: Scope::Paragraph,
        passage: text,
        ..anchor_for(doc, paragraphs, range)
    }
}

/// The quote of `anchor` taken from where it was placed now; `None` when it was not found.
pub fn current_quote(doc: &Document, anchor: &Anchor, placement: Placement) -> Option<Quote> {
    let range = placement.range()?;
    Some(match anchor.scope {
        Scope::Paragraph => quote::for_paragraph(doc, range.location()),
        Scope::Sentence => quote::for_range(doc, range),
    })
}

/// An anchor at `loc`: the quote runs from there to the end of the sentence-ish stretch of at
/// most [`QUOTE`] bytes, cut at a word boundary.
pub fn anchor_at(doc: &Document, paragraphs: &ParagraphIndex, loc: Location) -> Anchor {
    let text = doc.blocks.get(loc.block).map_or("", |b| b.text.as_str());
    let start = floor_char(text, loc.offset.min(text.len()));
    let mut end = floor_char(text, (start + QUOTE).min(text.len()));
    if end < text.len()
        && let Some(space) = text
            .get(start..end)
            .and_then(|t| t.rfind(char::is_whitespace))
        && space > 0
    {
        end = start + space;
    }
    anchor_for(doc, paragraphs, TextRange::new(loc.block, start, end))
}

/// An anchor on exactly `range` (a search match, an entity mention).
pub fn anchor_for(doc: &Document, paragraphs: &ParagraphIndex, range: TextRange) -> Anchor {
    let text = doc.blocks.get(range.block).map_or("", |b| b.text.as_str());
    let end = floor_char(text, range.end.min(text.len()));
    let start = floor_char(text, range.start.min(end));
    let before_start = ceil_char(text, start.saturating_sub(CONTEXT));
    let after_end = floor_char(text, (end + CONTEXT).min(text.len()));
    Anchor {
        block: range.block,
        offset: start,
        paragraph: paragraphs.number_at(range.block),
        quote: slice(text, start, end).to_string(),
        before: slice(text, before_start, start).to_string(),
        after: slice(text, end, after_end).to_string(),
        scope: Scope::Sentence,
        passage: String::new(),
        extra: Extra::new(),
    }
}

/// `text[start..end]`, or `""` when that is not a range of whole characters.
fn slice(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

/// Find `anchor` in `doc` as it is now.
pub fn place(doc: &Document, anchor: &Anchor) -> Placement {
    if let Some(block) = doc.blocks.get(anchor.block)
        && block.text.get(anchor.offset..).is_some_and(|t| {
            t.starts_with(anchor.quote.as_str()) && !anchor.quote.trim().is_empty()
        })
    {
        let end = anchor.offset + anchor.quote.len();
        return Placement::Exact(TextRange::new(anchor.block, anchor.offset, end));
    }
    if let Some(range) = best_occurrence(doc, anchor) {
        return Placement::Moved(range);
    }
    for probe in probes(anchor) {
        if let Some(loc) = nearest(doc, &probe, anchor.block) {
            // Only the start is known: the quote's length from there, within the block.
            let Some(text) = doc.blocks.get(loc.block).map(|b| b.text.as_str()) else {
                continue;
            };
            let end = floor_char(text, loc.offset + anchor.quote.len());
            return Placement::Moved(TextRange::new(loc.block, loc.offset, end));
        }
    }
    Placement::NotFound
}

/// Every occurrence of the quote, scored by how well its surroundings match the context.
fn best_occurrence(doc: &Document, anchor: &Anchor) -> Option<TextRange> {
    let re = loose_regex(&anchor.quote)?;
    let mut best: Option<((usize, usize), TextRange)> = None;
    for (i, block) in doc.blocks.iter().enumerate() {
        for m in re.find_iter(&block.text) {
            let score = common_suffix(slice(&block.text, 0, m.start()), &anchor.before)
                + common_prefix(slice(&block.text, m.end(), block.text.len()), &anchor.after);
            let key = (score, usize::MAX - i.abs_diff(anchor.block));
            if best.as_ref().is_none_or(|(k, _)| key > *k) {
                best = Some((key, TextRange::new(i, m.start(), m.end())));
            }
        }
    }
    best.map(|(_, loc)| loc)
}

/// A stretch to look for when the whole quote is gone, and how to turn where it was found
/// into the bookmark's location.
struct Probe {
    re: Regex,
    place: ProbePlace,
}

enum ProbePlace {
    /// The bookmark starts where the stretch starts (the start of the quote).
    AtStart,
    /// The bookmark starts where the stretch ends (the context before it).
    AtEnd,
    /// The bookmark starts this many bytes before the stretch (the end of the quote, or the
    /// context after it), clamped to the block's start.
    Before(usize),
}

fn probes(anchor: &Anchor) -> Vec<Probe> {
    let q = anchor.quote.trim();
    let half = q.chars().count() / 2;
    let take = half.max(MIN_PROBE);
    let head: String = q.chars().take(take).collect();
    let tail: String = skip_to_len(q, take);
    let before: String = skip_to_len(anchor.before.trim_start(), 2 * MIN_PROBE);
    let after: String = anchor
        .after
        .trim_end()
        .chars()
        .take(2 * MIN_PROBE)
        .collect();
    let mut out = Vec::new();
    let mut push = |text: &str, place| {
        if text.trim().chars().count() >= MIN_PROBE
            && let Some(re) = loose_regex(text)
        {
            out.push(Probe { re, place });
        }
    };
    push(&head, ProbePlace::AtStart);
    push(
        &tail,
        ProbePlace::Before(q.len().saturating_sub(tail.len())),
    );
    push(&before, ProbePlace::AtEnd);
    push(&after, ProbePlace::Before(q.len()));
    out
}

/// The occurrence of `probe` nearest to `near` (by block).
fn nearest(doc: &Document, probe: &Probe, near: usize) -> Option<Location> {
    let mut best: Option<(usize, Location)> = None;
    for (i, block) in doc.blocks.iter().enumerate() {
        let dist = i.abs_diff(near);
        if best.as_ref().is_some_and(|(d, _)| *d <= dist) {
            continue;
        }
        if let Some(m) = probe.re.find(&block.text) {
            let offset = match probe.place {
                ProbePlace::AtStart => m.start(),
                ProbePlace::AtEnd => skip_space(&block.text, m.end()),
                ProbePlace::Before(n) => floor_char(&block.text, m.start().saturating_sub(n)),
            };
            best = Some((dist, Location::new(i, offset)));
        }
    }
    best.map(|(_, loc)| loc)
}

/// A regex matching `text` with any run of white space standing for any other.
fn loose_regex(text: &str) -> Option<Regex> {
    let words: Vec<String> = text.split_whitespace().map(regex::escape).collect();
    if words.is_empty() {
        return None;
    }
    Regex::new(&words.join(r"\s+")).ok()
}

/// How many non-space characters `a` and `b` share at their ends.
fn common_suffix(a: &str, b: &str) -> usize {
    let a = a.chars().rev().filter(|c| !c.is_whitespace());
    let b = b.chars().rev().filter(|c| !c.is_whitespace());
    a.zip(b).take_while(|(x, y)| x == y).count()
}

/// How many non-space characters `a` and `b` share at their starts (`a` may be long).
fn common_prefix(a: &str, b: &str) -> usize {
    let a = a.chars().filter(|c| !c.is_whitespace());
    let b = b.chars().filter(|c| !c.is_whitespace());
    a.zip(b).take_while(|(x, y)| x == y).count()
}

/// The last `n` characters of `s`.
fn skip_to_len(s: &str, n: usize) -> String {
    let count = s.chars().count();
    s.chars().skip(count.saturating_sub(n)).collect()
}

fn skip_space(s: &str, mut i: usize) -> usize {
    while let Some(c) = s.get(i..).and_then(|t| t.chars().next()) {
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
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

    const P1: &str = "One side light on Soong's talk with Stalin July 2 was that Stalin thought the ports would make large profits.";
    const P2: &str = "Soong got the impression that Stalin did not place great importance on Port Arthur [Lüshunkou District, Dalian] as a naval base. Stalin wants naval facilities at Dairen [Dalian].";
    const P3: &str = "Soong told Stalin that he considered Russia was entitled to the southern half of Sakhalin.";

    fn mark(d: &Document, block: usize, word: &str) -> Anchor {
        let start = d.blocks[block].text.find(word).unwrap();
        anchor_for(
            d,
            &ParagraphIndex::new(d),
            TextRange::new(block, start, start + word.len()),
        )
    }

    #[test]
    fn unchanged_text_places_exactly() {
        let d = doc(&[P1, P2, P3]);
        let a = mark(&d, 1, "Dairen [Dalian]");
        assert_eq!(a.paragraph, 2);
        assert!(a.before.ends_with("naval facilities at "));
        let range = TextRange::new(1, a.offset, a.offset + a.quote.len());
        assert_eq!(place(&d, &a), Placement::Exact(range));
    }

    #[test]
    fn inserted_paragraph_and_rewrapping_move_the_bookmark_to_the_same_words() {
        let old = doc(&[P1, P2, P3]);
        let a = mark(&old, 1, "Dairen [Dalian]");
        let rewrapped = P2.replace("facilities at ", "facilities at\n");
        let new = doc(&["A new opening paragraph.", P1, &rewrapped, P3]);
        let Placement::Moved(loc) = place(&new, &a) else {
            panic!("not placed")
        };
        assert_eq!(loc.block, 2);
        assert!(new.blocks[2].text[loc.start..].starts_with("Dairen"));
    }

    #[test]
    fn context_picks_the_right_one_of_repeated_words() {
        let d = doc(&[P1, P2, P3]);
        // "Stalin" occurs many times; the one before "wants naval" is meant.
        let start = P2.find("Stalin wants").unwrap();
        let a = anchor_for(
            &d,
            &ParagraphIndex::new(&d),
            TextRange::new(1, start, start + 6),
        );
        let new = doc(&[P3, P2, P1]);
        let edited = doc(&[P3, &P2.replace("as a naval base.", "as a base."), P1]);
        for d2 in [&new, &edited] {
            let loc = place(d2, &a).location().unwrap();
            assert_eq!(loc.block, 1);
            assert!(d2.blocks[1].text[loc.offset..].starts_with("Stalin wants"));
        }
    }

    #[test]
    fn an_edited_quote_is_found_by_what_is_left_of_it() {
        let d = doc(&[P1, P2, P3]);
        let a = anchor_at(&d, &ParagraphIndex::new(&d), Location::new(2, 0));
        assert!(a.quote.starts_with("Soong told Stalin"));
        let edited = doc(&[P1, P2, &P3.replace("southern half", "southern part")]);
        let loc = place(&edited, &a).location().unwrap();
        assert_eq!(loc, Location::new(2, 0));
    }

    #[test]
    fn vanished_text_is_not_found_rather_than_guessed() {
        let d = doc(&[P1, P2, P3]);
        let a = mark(&d, 2, "Sakhalin");
        let other = doc(&["An entirely different memo about grain exports.", P1]);
        assert_eq!(place(&other, &a), Placement::NotFound);
        assert_eq!(place(&doc(&[]), &a), Placement::NotFound);
    }

    #[test]
    fn anchors_cut_at_character_boundaries() {
        let text = "Ünïcödé ".repeat(40);
        let d = doc(&[&text]);
        let a = anchor_at(&d, &ParagraphIndex::new(&d), Location::new(0, 3));
        assert!(a.quote.len() <= QUOTE);
        assert!(text.contains(&a.quote));
        assert_eq!(place(&d, &a).location().map(|l| l.block), Some(0));
    }
}
