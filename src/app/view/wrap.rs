//! Wrapping one block at one width, and the per-width cache of wrapped blocks.
//!
//! Only blocks that are looked at get wrapped, so the cost of a frame or a key press depends
//! on the screen size, never on the document size. Lines keep byte offsets into the block's
//! text, so styles, targets and the scroll anchor all stay document `Location`s.
//!
//! A block longer than [`SEGMENT`] bytes (a whole volume flattened into one paragraph) is
//! wrapped a segment at a time: segments start at fixed places in the text (the first
//! sentence end, else space, after each multiple of [`SEGMENT`]), independent of the width,
//! and each starts a new row. So any part of a block of megabytes is wrapped from a known row
//! start without wrapping what comes before it, and only the segments on screen are wrapped.

use crate::document::{Block, BlockKind};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use textwrap::WordSeparator;
use textwrap::core::{Fragment, break_words};
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_width::UnicodeWidthStr;

/// One screen row of a block: `start..end` of the block's text (trailing blanks trimmed).
/// A row covers the block's bytes from its `start` up to the next row's `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
    /// The blank row that separates this block from the next one (`start == text.len()`).
    pub separator: bool,
}

/// A block wrapped at one width: a label printed before its first row when the text lacks
/// one (`Subject: `, `[1] `), hanging-indented rows, and a trailing separator row unless it
/// is the last block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockLayout {
    pub label: String,
    /// Display width every row after the first is indented by (under the label).
    pub indent: u16,
    /// Bytes at the start of the text that are a label already (`Present:`, `1.`): drawn in
    /// the label style.
    pub text_label: usize,
    pub rows: Vec<Row>,
}

impl BlockLayout {
    /// The row that shows byte `offset`: the last row starting at or before it.
    pub fn row_of(&self, offset: usize) -> usize {
        self.rows
            .partition_point(|r| r.start <= offset)
            .saturating_sub(1)
    }
}

/// How a block's first row is led: a label to print, the hanging indent, and how many bytes
/// of the text already are the label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lead {
    pub label: String,
    pub indent: usize,
    pub text_label: usize,
}

/// The lead of a block: memo header fields and numbers hang their text under a label.
pub fn lead(block: &Block) -> Lead {
    let text = block.text.as_str();
    let none = Lead {
        label: String::new(),
        indent: 0,
        text_label: 0,
    };
    let word = match block.kind {
        BlockKind::Present => "Present",
        BlockKind::Subject => "Subject",
        BlockKind::From => "From",
        BlockKind::To => "To",
        BlockKind::Numbered | BlockKind::Footnote => {
            let Some(n) = block.number.as_deref() else {
                return none;
            };
            // The text may start with its own marker: `1. `, `(2) `, `[1] `.
            let marker = text.trim_start_matches(['(', '[']);
            if marker.starts_with(n) {
                let end = text.find(' ').map_or(0, |i| i + 1);
                let end = if end <= n.len() + 3 { end } else { 0 };
                return Lead {
                    label: String::new(),
                    indent: text[..end].width(),
                    text_label: end.saturating_sub(1),
                };
            }
            let label = if block.kind == BlockKind::Footnote {
                format!("[{n}] ")
            } else {
                format!("{n}. ")
            };
            return Lead {
                indent: label.width(),
                label,
                text_label: 0,
            };
        }
        _ => return none,
    };
    let has = text
        .get(..word.len())
        .is_some_and(|t| t.eq_ignore_ascii_case(word));
    let rest = text.get(word.len()..).unwrap_or("");
    let in_text = if !has {
        None
    } else if rest.starts_with(": ") {
        Some(word.len() + 2)
    } else if rest.starts_with(':') || rest.starts_with(' ') {
        Some(word.len() + 1)
    } else {
        None
    };
    match in_text {
        Some(n) => Lead {
            label: String::new(),
            indent: text[..n].width(),
            text_label: text[..n].trim_end().len(),
        },
        None => {
            let label = format!("{word}: ");
            Lead {
                indent: label.width(),
                label,
                text_label: 0,
            }
        }
    }
}

/// Blocks longer than this many bytes are wrapped in segments of about this size.
pub const SEGMENT: usize = 16 << 10;

/// Where segment `s` of `text` starts: 0 for the first; for the others the first sentence
/// end within a quarter segment after `s * SEGMENT`, else the first space or line break
/// within half a segment, else the first character boundary (`text.len()` past the end).
pub fn segment_start(text: &str, s: usize) -> usize {
    let len = text.len();
    let Some(from) = s.checked_mul(SEGMENT).filter(|&f| f > 0 && f < len) else {
        return if s == 0 { 0 } else { len };
    };
    let bytes = text.as_bytes();
    let window = |n: usize| bytes.get(from..(from + n).min(len)).unwrap_or(&[]);
    // All the bytes looked for are ASCII, so the position after them is a char boundary.
    if let Some(i) = window(SEGMENT / 4)
        .windows(2)
        .position(|w| matches!(w, [b'.' | b'?' | b'!', b' ']))
    {
        return from + i + 2;
    }
    if let Some(i) = window(SEGMENT / 2)
        .iter()
        .position(|&b| b == b' ' || b == b'\n')
    {
        return from + i + 1;
    }
    (from..len)
        .find(|&p| text.is_char_boundary(p))
        .unwrap_or(len)
}

/// How many segments `text` is wrapped in (1 for all but very long blocks).
pub fn segment_count(text: &str) -> usize {
    let len = text.len();
    if len <= SEGMENT {
        return 1;
    }
    // Segment starts grow by at least half a segment each, so only the last candidate can
    // fall at the very end.
    let last = (len - 1) / SEGMENT;
    if segment_start(text, last) < len {
        last + 1
    } else {
        last
    }
}

/// The segment that holds byte `offset` of `text`.
pub fn segment_of(text: &str, offset: usize) -> usize {
    if text.len() <= SEGMENT {
        return 0;
    }
    let s = (offset / SEGMENT).min(segment_count(text) - 1);
    if s > 0 && offset < segment_start(text, s) {
        s - 1
    } else {
        s
    }
}

/// Wrap segment `seg` of `block` to `width` columns (label included, on the block's first
/// row); the last segment of a block that is not the `last` one ends with a separator row.
pub fn layout(block: &Block, seg: usize, width: u16, last: bool) -> BlockLayout {
    let lead = lead(block);
    // Never let an indent eat more than half the width.
    let indent = (lead.indent as u16).min(width.saturating_sub(1) / 2);
    let text_width = usize::from(width.saturating_sub(indent).max(1));
    let text = block.text.as_str();
    let count = segment_count(text);
    let (from, to) = (segment_start(text, seg), segment_start(text, seg + 1));
    let mut rows = wrap_text(text.get(from..to).unwrap_or(""), text_width);
    for r in &mut rows {
        r.start += from;
        r.end += from;
    }
    if seg + 1 >= count && !last {
        rows.push(Row {
            start: text.len(),
            end: text.len(),
            separator: true,
        });
    }
    let first = seg == 0;
    BlockLayout {
        label: if first { lead.label } else { String::new() },
        indent,
        text_label: if first { lead.text_label } else { 0 },
        rows,
    }
}

/// Rows of `text` at `width` columns; `\n` always starts a new row. Empty text has no rows.
pub fn wrap_text(text: &str, width: usize) -> Vec<Row> {
    let base = text.as_ptr() as usize;
    let mut rows = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let here = line_start;
        line_start += line.len() + 1;
        if line.trim().is_empty() {
            if !text.is_empty() {
                rows.push(Row {
                    start: here,
                    end: here,
                    separator: false,
                });
            }
            continue;
        }
        let words = break_words(
            WordSeparator::UnicodeBreakProperties.find_words(line),
            width,
        );
        let mut first_of_line = true;
        for chunk in wrap_first_fit(&words, &[width as f64]) {
            let (Some(first), Some(last)) = (chunk.first(), chunk.last()) else {
                continue;
            };
            let start = first.word.as_ptr() as usize - base;
            let end = last.word.as_ptr() as usize - base + last.word.len();
            // A chunk of only whitespace words still needs a row, but an empty one.
            let end = if last.width() == 0.0 { start } else { end };
            // The first row of a source line owns its leading blanks too.
            let start = if first_of_line { here } else { start };
            first_of_line = false;
            rows.push(Row {
                start,
                end: end.max(start),
                separator: false,
            });
        }
    }
    rows
}

/// Wrapped blocks for the current width. Interior mutability lets drawing (which only holds
/// `&App`) fill it; it is a pure function of (block, width), so it never changes what is seen.
#[derive(Debug, Default)]
pub struct WrapCache {
    inner: RefCell<CacheInner>,
}

#[derive(Debug, Default)]
struct CacheInner {
    width: u16,
    /// Layouts by (block, segment).
    blocks: HashMap<(usize, usize), Rc<BlockLayout>>,
}

/// Bound on cached blocks: a few screens' worth many times over, small in memory.
const CACHE_LIMIT: usize = 4096;

impl WrapCache {
    /// The layout of segment `seg` of `blocks[index]` at `width`, wrapping it if this width
    /// has not seen it.
    pub fn get(&self, blocks: &[Block], index: usize, seg: usize, width: u16) -> Rc<BlockLayout> {
        let mut inner = self.inner.borrow_mut();
        if inner.width != width {
            inner.width = width;
            inner.blocks.clear();
        }
        if let Some(l) = inner.blocks.get(&(index, seg)) {
            return Rc::clone(l);
        }
        let Some(block) = blocks.get(index) else {
            return Rc::new(BlockLayout {
                label: String::new(),
                indent: 0,
                text_label: 0,
                rows: Vec::new(),
            });
        };
        if inner.blocks.len() >= CACHE_LIMIT {
            inner.blocks.clear();
        }
        let l = Rc::new(layout(block, seg, width, index + 1 == blocks.len()));
        inner.blocks.insert((index, seg), Rc::clone(&l));
        l
    }

    /// How many block segments are wrapped right now (for tests of the "only what is seen"
    /// rule).
    pub fn len(&self) -> usize {
        self.inner.borrow().blocks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, width: usize) -> Vec<&str> {
        wrap_text(text, width)
            .iter()
            .map(|r| &text[r.start..r.end])
            .collect()
    }

    #[test]
    fn wraps_by_display_width_and_keeps_offsets() {
        assert_eq!(
            texts("Port Arthur [Lüshunkou District, Dalian]", 16),
            ["Port Arthur", "[Lüshunkou", "District,", "Dalian]"]
        );
    }

    #[test]
    fn wide_characters_count_double() {
        // Six CJK characters are twelve columns: two rows of three at width 6.
        assert_eq!(texts("旅顺口大连市", 6), ["旅顺口", "大连市"]);
    }

    #[test]
    fn newlines_start_rows_and_long_words_break() {
        assert_eq!(
            texts("W. A. Harriman\nDr. T. V. Soong", 40),
            ["W. A. Harriman", "Dr. T. V. Soong"]
        );
        assert_eq!(texts("abcdefgh", 3), ["abc", "def", "gh"]);
    }

    #[test]
    fn row_of_finds_the_row_holding_an_offset() {
        let block = Block::new(BlockKind::Paragraph, "one two three four");
        let l = layout(&block, 0, 9, false);
        // "one two" / "three" / "four" / separator
        assert_eq!(l.rows.len(), 4);
        assert_eq!(l.row_of(0), 0);
        assert_eq!(
            l.row_of(7),
            0,
            "the blank after 'two' belongs to the first row"
        );
        assert_eq!(l.row_of(8), 1, "'three' starts the second row");
        assert_eq!(
            l.row_of(block.text.len()),
            3,
            "end of text is the separator"
        );
    }

    #[test]
    fn labels_are_added_only_when_missing() {
        let mut b = Block::new(BlockKind::Subject, "Far Eastern Conversations");
        assert_eq!(lead(&b).label, "Subject: ");
        b.text = "Subject: Far Eastern".into();
        let l = lead(&b);
        assert_eq!((l.label.as_str(), l.indent, l.text_label), ("", 9, 8));
        let from = Block::new(BlockKind::From, "From HARBIN to MOSCOW");
        assert_eq!(lead(&from).label, "", "no `From: From`");
        let mut n = Block::new(BlockKind::Numbered, "Traffic on the railway");
        n.number = Some("1".into());
        assert_eq!(lead(&n).label, "1. ");
        n.text = "1. Traffic".into();
        assert_eq!((lead(&n).label.as_str(), lead(&n).indent), ("", 3));
        let mut f = Block::new(BlockKind::Footnote, "The figures were corrected");
        f.number = Some("1".into());
        assert_eq!(lead(&f).label, "[1] ");
    }

    #[test]
    fn a_long_block_is_cut_into_segments_at_sentence_ends_whatever_the_width() {
        let text = "The Ambassador spoke of Dairen and Port Arthur. ".repeat(3000);
        let n = segment_count(&text);
        assert_eq!(n, text.len().div_ceil(SEGMENT));
        let starts: Vec<usize> = (0..=n).map(|s| segment_start(&text, s)).collect();
        assert_eq!(starts[n], text.len());
        for s in 1..n {
            assert!(starts[s] > starts[s - 1]);
            assert!(text[..starts[s]].ends_with("Arthur. "), "segment {s}");
            assert_eq!(segment_of(&text, starts[s]), s);
            assert_eq!(segment_of(&text, starts[s] - 1), s - 1);
        }
        // Segments are wrapped on their own and their rows cover the text in order, at any
        // width.
        let block = Block::new(BlockKind::Paragraph, text.clone());
        for width in [20, 80] {
            let mut at = 0;
            for seg in 0..n {
                let l = layout(&block, seg, width, true);
                assert_eq!(l.rows.first().unwrap().start, at);
                at = starts[seg + 1];
                assert!(l.rows.iter().all(|r| r.end <= at));
            }
        }
        let l = layout(&block, n - 1, 80, false);
        assert!(
            l.rows.last().unwrap().separator,
            "the last segment ends the block"
        );
        assert!(!layout(&block, 0, 80, false).rows.last().unwrap().separator);
    }

    #[test]
    fn text_without_spaces_is_cut_at_a_character() {
        let text = "旅顺口大连市".repeat(10_000);
        for s in 1..segment_count(&text) {
            assert!(text.is_char_boundary(segment_start(&text, s)));
        }
        assert_eq!(segment_count("short"), 1);
        assert_eq!(segment_of("short", 3), 0);
    }

    #[test]
    fn present_rows_hang_under_the_label() {
        let b = Block::new(
            BlockKind::Present,
            "Present: W. A. Harriman, American Ambassador\nDr. T. V. Soong",
        );
        let l = layout(&b, 0, 60, true);
        assert_eq!(l.indent, 9);
        assert_eq!(l.rows.len(), 2);
    }
}
